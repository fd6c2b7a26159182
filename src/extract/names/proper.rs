//! The proper names a sentence writes, without rules: runs of capitalised words with
//! the particles and joiners names use ("Osama bin Laden", "Bashar al-Assad", "Kim
//! Jong-un", "O'Brien", "Francis S. Key", "Roland Butler Jr."), acronyms ("NTSB"),
//! the expansions written next to an acronym ("the National Transportation Safety
//! Board (NTSB)", "DPRK (Democratic People's Republic of Korea)", "the Disaster
//! Agency, AFAD,"), and title-case phrases that may spell one ("Democratic People's
//! Republic of Korea").
//!
//! One pass over the lexer's tokens, each looked at a bounded number of times. What is
//! not a name is told apart by word lists, not by a dictionary: function words that
//! begin a sentence ("The", "On"), month and weekday names, and titles ("President",
//! "Chair"), which split a run ("NTSB Chair Jennifer Homendy" is two names). A single
//! capitalised word that begins a sentence or clause ("Heavy winds ...") and every
//! name of a title-case line (a headline) is marked `weak`: the sentence gives no
//! evidence it is a name, so the check across sources keeps it only when another
//! place writes it as one.

use crate::span::Span;

use super::super::lexer::{Kind, Tokens};
use super::super::words::{self, Lex};

/// What a proper-name phrase is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum ProperKind {
    /// A name: one or more capitalised words ("Kim Jong-un", "Ismailia").
    Name,
    /// An acronym: one word of two to six capitals ("NTSB", "AFAD").
    Acronym,
    /// The expansion written next to an acronym, in parentheses or between commas.
    Expansion,
    /// A title-case phrase with connectors or a possessive inside ("Democratic
    /// People's Republic of Korea"), which may spell an acronym written elsewhere.
    Phrase,
}

/// A proper name, acronym, expansion or title-case phrase of one sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProperName {
    /// Byte span in the sentence.
    pub span: Span,
    /// What it is.
    pub kind: ProperKind,
    /// For an expansion, the span of the acronym it expands.
    pub acronym: Option<Span>,
    /// True when the sentence gives no evidence the words are a name: one capitalised
    /// word at the start of a sentence or clause, or any name of a title-case line.
    pub weak: bool,
}

/// Function words that are capitalised only because a sentence or clause begins with
/// them; they never begin a name.
const STOP: &[&str] = &[
    "a",
    "about",
    "according",
    "after",
    "against",
    "also",
    "although",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "because",
    "before",
    "being",
    "both",
    "but",
    "by",
    "despite",
    "during",
    "each",
    "either",
    "even",
    "every",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "local",
    "many",
    "meanwhile",
    "more",
    "most",
    "much",
    "my",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "over",
    "she",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "to",
    "under",
    "until",
    "up",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "why",
    "will",
    "with",
    "within",
    "without",
    "yet",
    "you",
    "your",
];

/// Titles and roles that stand before a name and are no part of it ("President Xi
/// Jinping", "NTSB Chair Jennifer Homendy"); kept apart, as the title extractor reads them.
const TITLES: &[&str] = &[
    "adm",
    "admiral",
    "ambassador",
    "archbishop",
    "bishop",
    "capt",
    "captain",
    "cardinal",
    "ceo",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "col",
    "colonel",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "councilman",
    "councilwoman",
    "deputy",
    "director",
    "dr",
    "emir",
    "emperor",
    "former",
    "gen",
    "gov",
    "governor",
    "judge",
    "justice",
    "king",
    "lady",
    "leader",
    "lieutenant",
    "lord",
    "lt",
    "madam",
    "mayor",
    "minister",
    "mr",
    "mrs",
    "ms",
    "officer",
    "pope",
    "premier",
    "president",
    "prime",
    "prince",
    "princess",
    "prof",
    "professor",
    "queen",
    "rep",
    "representative",
    "secretary",
    "sen",
    "senator",
    "sergeant",
    "sgt",
    "sheikh",
    "sir",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "sultan",
    "vice",
];

/// Lower-case particles inside a name, before its next capitalised word ("Osama bin
/// Laden", "Ludwig van Beethoven", "Bank of England").
const PARTICLES: &[&str] = &[
    "al", "bin", "bint", "da", "das", "de", "del", "della", "den", "der", "di", "do", "dos", "du", "el", "ibn", "la",
    "le", "of", "ter", "van", "von", "zu",
];

/// Small words that may stand inside a title-case phrase ("Disaster and Emergency
/// Management Agency", "Republic of Korea").
const CONNECTORS: &[&str] = &["&", "and", "de", "des", "du", "for", "la", "le", "of", "on", "the"];

/// Abbreviations written with a period that a name runs on after ("St. Petersburg").
const ABBREVIATIONS: &[&str] = &["ft", "mt", "st"];

/// The longest acronym read, in letters.
const ACRONYM_MAX: usize = 6;

/// The most words a phrase next to an acronym may hold.
const EXPANSION_WORDS: usize = 12;

/// The proper names, acronyms, expansions and title-case phrases of `sentence`,
/// ordered by span (expansions after the name at the same place).
pub fn proper_names(sentence: &str) -> Vec<ProperName> {
    let t = Tokens::new(sentence);
    let scan = Scan { t: &t, headline: is_title_case(&t) };
    let mut out = Vec::new();
    scan.names(&mut out);
    scan.phrases(&mut out);
    scan.expansions(&mut out);
    out.sort_by_key(|n| (n.span.start, n.kind, n.span.end));
    out.dedup_by_key(|n| (n.span, n.kind));
    out
}

/// The tokens of one sentence and what the scan knows of it.
struct Scan<'t, 'a> {
    t: &'t Tokens<'a>,
    /// Whether the sentence is a title-case line (a headline).
    headline: bool,
}

/// Whether a sentence is a title-case line (a headline), where capitals say nothing
/// about names: three capitalised words of four letters or more, none in lower case,
/// and no final period. A sentence full of names still has a verb in lower case.
fn is_title_case(t: &Tokens<'_>) -> bool {
    let mut capitalised = 0;
    for i in 0..t.len() {
        if t.kind(i) == Some(Kind::Word) && t.raw(i).chars().count() >= 4 {
            if !t.capitalized(i) {
                return false;
            }
            capitalised += 1;
        }
    }
    capitalised >= 3 && !t.text.trim_end().ends_with('.')
}

impl Scan<'_, '_> {
    fn word(&self, i: usize) -> bool {
        self.t.kind(i) == Some(Kind::Word)
    }

    /// A word in capitals only, two to six letters ("NTSB").
    fn acronym(&self, i: usize) -> bool {
        let raw = self.t.raw(i);
        self.word(i) && (2..=ACRONYM_MAX).contains(&raw.chars().count()) && raw.chars().all(|c| c.is_uppercase())
    }

    /// A month, weekday, or month abbreviation: dates, not names.
    fn calendar(&self, i: usize) -> bool {
        matches!(self.t.lex(i), Some(Lex::Month(_) | Lex::MonthAbbr(_) | Lex::Weekday(_)))
            || words::is_month_or_weekday(self.t.low(i))
    }

    /// A capitalised word that may be part of a name: not a title, a date word or,
    /// at the start of a name, a function word.
    fn name_word(&self, i: usize, first: bool) -> bool {
        if !self.t.capitalized(i) || self.calendar(i) {
            return false;
        }
        let low = self.t.low(i);
        if TITLES.contains(&low) && !self.acronym(i) {
            return false;
        }
        !(first && STOP.contains(&low))
    }

    /// True when token `i` follows the previous one with white space between.
    fn spaced(&self, i: usize) -> bool {
        i < self.t.len() && !self.t.glued(i)
    }

    /// The last token of the name that runs on from the word at `j`, and how it may
    /// go on: a hyphen ("Jong-un", "al-Assad"), an apostrophe after one letter
    /// ("O'Brien"), a period after an initial or abbreviation ("Francis S. Key", "St.
    /// Petersburg"), a particle ("bin Laden"), or another capitalised word.
    fn run_end(&self, start: usize) -> usize {
        let t = self.t;
        let mut j = start;
        loop {
            let next = j + 1;
            if next >= t.len() {
                return j;
            }
            let glued = !self.spaced(next);
            let after = next + 1;
            if glued && t.is_dash(next) && t.punct(next).is_some_and(crate::text::is_hyphen) {
                // "Jong-un", "Jae-in", "al-Assad": a short lower-case part or a
                // capitalised one; "Singapore-flagged" ends at "Singapore".
                if after < t.len() && t.glued(after) && self.word(after) {
                    let short = t.raw(after).chars().count() <= 3;
                    if t.capitalized(after) && !self.calendar(after) || short {
                        j = after;
                        continue;
                    }
                }
                return j;
            }
            if glued && t.punct(next).is_some_and(crate::text::is_apostrophe) {
                // "O'Brien", "D'Angelo"; "Kim's" ends at "Kim".
                let letter = t.raw(j).chars().count() == 1;
                if letter && after < t.len() && t.glued(after) && t.capitalized(after) {
                    j = after;
                    continue;
                }
                return j;
            }
            if glued && t.is_punct(next, '.') {
                let initial = t.raw(j).chars().count() == 1 && t.capitalized(j);
                let abbreviation = ABBREVIATIONS.contains(&t.low(j));
                if (initial || abbreviation) && self.spaced(after) && self.name_word(after, false) {
                    j = after;
                    continue;
                }
                return j;
            }
            if !glued && self.name_word(next, false) {
                j = next;
                continue;
            }
            // "of" after a word that begins the sentence is the common word
            // ("Residents of Ismailiya"), not a name's ("Bank of England").
            let common = t.raw(next) == "of" && j == start && self.clause_start(start);
            if !glued && !common && self.word(next) && PARTICLES.contains(&t.raw(next)) {
                // "bin Laden", "al-Assad", "Bank of England".
                let hyphen = after + 1 < t.len()
                    && t.glued(after)
                    && t.punct(after).is_some_and(crate::text::is_hyphen)
                    && t.glued(after + 1);
                let target = if hyphen { after + 1 } else { after };
                if (hyphen || self.spaced(after)) && target < t.len() && self.name_word(target, false) {
                    j = target;
                    continue;
                }
            }
            return j;
        }
    }

    /// Whether token `i` begins a sentence or clause: nothing but punctuation and
    /// function words stands between it and the start or a colon, quote, bracket or dash.
    fn clause_start(&self, i: usize) -> bool {
        let t = self.t;
        let mut k = i;
        while k > 0 {
            k -= 1;
            match t.kind(k) {
                Some(Kind::Word) if STOP.contains(&t.low(k)) && t.capitalized(k) => return true,
                Some(Kind::Word) | Some(Kind::Num) => return false,
                _ => {
                    let c = t.punct(k).unwrap_or(' ');
                    // Not a period: the segmenter ends sentences there, so one inside
                    // a sentence follows a title or an initial ("Mr. Kim").
                    if matches!(c, ':' | '"' | '\u{201c}' | '(' | '\u{2013}' | '\u{2014}' | ';') {
                        return true;
                    }
                }
            }
        }
        true
    }

    /// The names and acronyms of the sentence.
    fn names(&self, out: &mut Vec<ProperName>) {
        let t = self.t;
        let mut i = 0;
        while i < t.len() {
            if !self.name_word(i, true) {
                i += 1;
                continue;
            }
            let mut end = self.run_end(i);
            // "Center for Strategic and International Studies": a name that goes on
            // with "for" goes on as a title-case phrase.
            if t.is(end + 1, "for") && self.spaced(end + 1) && self.spaced(end + 2) && t.capitalized(end + 2) {
                end = self.phrase_end(i);
            }
            let mut last = end;
            // "Roland Butler, Jr." and "Jr." end a name with their period left out.
            if last + 2 < t.len()
                && t.is_punct(last + 1, ',')
                && matches!(t.low(last + 2), "jr" | "sr")
                && t.capitalized(last + 2)
            {
                last += 2;
            }
            let Some((start, stop)) = t.span(i, last + 1) else { break };
            let single = i == end;
            let kind = if single && self.acronym(i) { ProperKind::Acronym } else { ProperKind::Name };
            let weak = self.headline || (single && kind == ProperKind::Name && self.clause_start(i));
            out.push(ProperName { span: Span::new(start, stop), kind, acronym: None, weak });
            i = last + 1;
        }
    }

    /// The last token of the title-case phrase from the capitalised word at `start`:
    /// capitalised words, connectors before a capitalised word, possessives before one
    /// ("People's Republic"), hyphens between words.
    fn phrase_end(&self, start: usize) -> usize {
        let t = self.t;
        let mut j = start;
        let mut steps = 0;
        while steps < EXPANSION_WORDS * 3 {
            steps += 1;
            let next = j + 1;
            if next >= t.len() {
                break;
            }
            if !self.spaced(next) {
                let possessive = t.punct(next).is_some_and(crate::text::is_apostrophe)
                    && t.is(next + 1, "s")
                    && t.glued(next + 1)
                    && self.spaced(next + 2)
                    && t.capitalized(next + 2);
                let hyphen =
                    t.punct(next).is_some_and(crate::text::is_hyphen) && t.glued(next + 1) && t.capitalized(next + 1);
                if possessive {
                    j = next + 2;
                } else if hyphen {
                    j = next + 1;
                } else {
                    break;
                }
            } else if t.capitalized(next) && !self.calendar(next) {
                j = next;
            } else if self.word(next) && CONNECTORS.contains(&t.raw(next)) && self.spaced(next + 1) {
                if !t.capitalized(next + 1) {
                    break;
                }
                j = next + 1;
            } else {
                break;
            }
        }
        j
    }

    /// Title-case phrases with a connector or a possessive inside: what a name run
    /// stops at and an expansion spells ("Democratic People's Republic of Korea").
    fn phrases(&self, out: &mut Vec<ProperName>) {
        let t = self.t;
        let mut i = 0;
        while i < t.len() {
            if !(t.capitalized(i) && !self.calendar(i) && !STOP.contains(&t.low(i))) {
                i += 1;
                continue;
            }
            let end = self.phrase_end(i);
            let inside = (i..end).any(|k| !t.capitalized(k) || t.punct(k).is_some_and(crate::text::is_apostrophe));
            if inside && let Some((start, stop)) = t.span(i, end + 1) {
                out.push(ProperName {
                    span: Span::new(start, stop),
                    kind: ProperKind::Phrase,
                    acronym: None,
                    weak: self.headline,
                });
            }
            i = end + 1;
        }
    }

    /// The first token of the title-case phrase that ends at `end`, when one does.
    fn phrase_start(&self, end: usize) -> Option<usize> {
        let t = self.t;
        if !t.capitalized(end) {
            return None;
        }
        let mut start = end;
        let mut k = end;
        let mut words = 1;
        while k > 0 && words < EXPANSION_WORDS {
            let prev = k - 1;
            let possessive = self.spaced(k)
                && t.is(prev, "s")
                && t.glued(prev)
                && prev >= 2
                && t.punct(prev - 1).is_some_and(crate::text::is_apostrophe)
                && t.glued(prev - 1)
                && t.capitalized(prev - 2);
            if possessive {
                // "People's Republic", read backwards.
                start = prev - 2;
            } else if !self.spaced(k) {
                // "Jong-Un", read backwards.
                if t.punct(prev).is_some_and(crate::text::is_hyphen) && prev >= 1 && t.capitalized(prev - 1) {
                    start = prev - 1;
                } else {
                    break;
                }
            } else if t.capitalized(prev) && !self.calendar(prev) && !TITLES.contains(&t.low(prev)) {
                start = prev;
            } else if self.word(prev) && CONNECTORS.contains(&t.raw(prev)) && prev >= 1 && t.capitalized(prev - 1) {
                start = prev - 1;
            } else {
                break;
            }
            k = start;
            words += 1;
        }
        // A leading function word ("The", "According") is no part of the phrase.
        while start < end && STOP.contains(&t.low(start)) {
            start += 1;
        }
        Some(start)
    }

    /// The initials of the capitalised words of tokens `from..=to`, connectors and
    /// possessive "s" left out.
    fn initials(&self, from: usize, to: usize) -> String {
        (from..=to).filter(|&k| self.t.capitalized(k)).filter_map(|k| self.t.raw(k).chars().next()).collect()
    }

    /// Expansions next to acronyms: "Expansion (ACR)", "ACR (Expansion)" and
    /// "Expansion, ACR,". Where the words before an acronym are longer than its
    /// expansion ("U.S. National Transportation Safety Board (NTSB)", "Turkey's
    /// Disaster ... (AFAD)"), the longest tail whose initials spell it is taken, or
    /// else the phrase without a leading possessive.
    fn expansions(&self, out: &mut Vec<ProperName>) {
        let t = self.t;
        for k in 0..t.len() {
            if !self.acronym(k) {
                continue;
            }
            let letters = t.raw(k);
            let acronym = Span::new(t.toks[k].start, t.toks[k].end);
            let bracketed = k >= 2 && t.is_punct(k - 1, '(') && t.is_punct(k + 1, ')');
            let apposition = k >= 2 && t.is_punct(k - 1, ',') && (k + 1 >= t.len() || t.is_punct(k + 1, ','));
            if (bracketed || apposition)
                && let Some(first) = self.phrase_start(k - 2)
                && let Some(from) = self.tail_for(first, k - 2, letters, apposition)
                && let Some((start, stop)) = t.span(from, k - 1)
            {
                out.push(ProperName {
                    span: Span::new(start, stop),
                    kind: ProperKind::Expansion,
                    acronym: Some(acronym),
                    weak: false,
                });
            }
            // "DPRK (Democratic People's Republic of Korea)"
            if t.is_punct(k + 1, '(') && t.capitalized(k + 2) {
                let end = self.phrase_end(k + 2);
                if t.is_punct(end + 1, ')')
                    && end > k + 2
                    && let Some((start, stop)) = t.span(k + 2, end + 1)
                {
                    out.push(ProperName {
                        span: Span::new(start, stop),
                        kind: ProperKind::Expansion,
                        acronym: Some(acronym),
                        weak: false,
                    });
                }
            }
        }
    }

    /// Where the expansion of `letters` begins among the phrase `first..=last`: the
    /// longest tail whose initials spell it; else, when `strict` is false and the
    /// phrase has three words or more, the phrase without a leading possessive.
    fn tail_for(&self, first: usize, last: usize, letters: &str, strict: bool) -> Option<usize> {
        let t = self.t;
        let fit = (first..last).find(|&from| {
            t.capitalized(from) && (from == 0 || !t.glued(from)) && initials_spell(&self.initials(from, last), letters)
        });
        if fit.is_some() || strict {
            return fit;
        }
        let mut from = first;
        // "Turkey's Disaster and ...": the possessive names whose agency it is.
        if t.punct(from + 1).is_some_and(crate::text::is_apostrophe) && t.is(from + 2, "s") {
            from += 3;
        }
        let words = (from..=last).filter(|&k| self.word(k)).count();
        (words >= 3 && from <= last).then_some(from)
    }
}

/// Whether `initials` spell the acronym `letters`: the same letters, or all but one of
/// them in order from the first ("MTA" for "MDTA": "Maryland Transportation
/// Authority").
pub fn initials_spell(initials: &str, letters: &str) -> bool {
    if initials.chars().count() < 2 {
        return false;
    }
    if initials == letters {
        return true;
    }
    let mut rest = letters.chars();
    let in_order = initials.chars().all(|c| rest.by_ref().any(|l| l == c));
    in_order
        && initials.chars().next() == letters.chars().next()
        && letters.chars().count() == initials.chars().count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The spans of `sentence`'s proper names of `kind`, as text.
    fn found(sentence: &str, kind: ProperKind) -> Vec<(&str, bool)> {
        proper_names(sentence)
            .into_iter()
            .filter(|n| n.kind == kind)
            .map(|n| (n.span.slice(sentence), n.weak))
            .collect()
    }

    #[test]
    fn names_with_their_particles_and_joiners() {
        for (sentence, want) in [
            (
                "Officials said Kim Jong-un met Xi Jinping in Beijing on Monday.",
                vec![("Officials", true), ("Kim Jong-un", false), ("Xi Jinping", false), ("Beijing", false)],
            ),
            ("Moon Jae-in flew to the Singapore-flagged ship.", vec![("Moon Jae-in", false), ("Singapore", false)]),
            ("Troops loyal to Bashar al-Assad held the town.", vec![("Troops", true), ("Bashar al-Assad", false)]),
            ("Reports on Osama bin Laden were read.", vec![("Reports", true), ("Osama bin Laden", false)]),
            ("A lawyer named Conan O'Brien spoke.", vec![("Conan O'Brien", false)]),
            ("The anthem by Francis S. Key was sung.", vec![("Francis S. Key", false)]),
            ("It was Roland Butler Jr. who spoke.", vec![("Roland Butler Jr", false)]),
            ("The flight to St. Petersburg left.", vec![("St. Petersburg", false)]),
            ("It was Kim's first trip abroad.", vec![("Kim", false)]),
            ("Emergency crews reached Nurdağı by noon.", vec![("Emergency", true), ("Nurdağı", false)]),
            ("Residents of Ismailiya watched.", vec![("Residents", true), ("Ismailiya", false)]),
            (
                "He works at the Center for Strategic and International Studies in Washington.",
                vec![("Center for Strategic and International Studies", false), ("Washington", false)],
            ),
            ("He flew to the Bank of England.", vec![("Bank of England", false)]),
        ] {
            assert_eq!(found(sentence, ProperKind::Name), want, "{sentence}");
        }
    }

    #[test]
    fn titles_dates_and_sentence_starts_kept_apart() {
        for (sentence, want) in [
            ("On Monday President Xi Jinping met Mr. Kim.", vec![("Xi Jinping", false), ("Kim", false)]),
            ("Later, NTSB Chair Jennifer Homendy spoke in March.", vec![("Later", true), ("Jennifer Homendy", false)]),
            ("The Ever Given ran aground.", vec![("Ever Given", false)]),
            ("Hormedy said the crew was safe.", vec![("Hormedy", true)]),
            ("According to Hormedy, the crew was safe.", vec![("Hormedy", false)]),
            ("Caption: Heavy winds pushed the ship.", vec![("Caption", true), ("Heavy", true)]),
        ] {
            assert_eq!(found(sentence, ProperKind::Name), want, "{sentence}");
        }
        assert_eq!(found("Later, NTSB Chair Jennifer Homendy spoke.", ProperKind::Acronym), [("NTSB", false)]);
    }

    #[test]
    fn spans_are_bytes_of_the_sentence() {
        let sentence = "Rescuers in Kahramanmaraş met Şanlıurfa officials.";
        let spans: Vec<(usize, usize)> = proper_names(sentence)
            .into_iter()
            .filter(|n| n.kind == ProperKind::Name)
            .map(|n| (n.span.start, n.span.end))
            .collect();
        assert_eq!(spans, [(0, 8), (12, 26), (31, 42)]);
        assert_eq!(&sentence[12..26], "Kahramanmaraş");
    }

    #[test]
    fn a_headline_marks_its_names_weak() {
        let line = "Kim Jong Un Makes Surprise Visit To Beijing";
        assert!(proper_names(line).iter().all(|n| n.weak));
    }

    #[test]
    fn expansions_next_to_acronyms() {
        fn expansion(sentence: &str) -> Vec<(&str, &str)> {
            proper_names(sentence)
                .into_iter()
                .filter(|n| n.kind == ProperKind::Expansion)
                .map(|n| (n.span.slice(sentence), n.acronym.map_or("", |a| a.slice(sentence))))
                .collect()
        }
        for (sentence, want) in [
            (
                "Investigators from the National Transportation Safety Board (NTSB) arrived.",
                vec![("National Transportation Safety Board", "NTSB")],
            ),
            (
                "He thanked the DPRK (Democratic People's Republic of Korea) for its help.",
                vec![("Democratic People's Republic of Korea", "DPRK")],
            ),
            (
                "He praised the Democratic People's Republic of Korea (DPRK) again.",
                vec![("Democratic People's Republic of Korea", "DPRK")],
            ),
            (
                "Figures came from Turkey's Disaster and Emergency Management Authority (AFAD) today.",
                vec![("Disaster and Emergency Management Authority", "AFAD")],
            ),
            (
                "A team from the U.S. National Transportation Safety Board (NTSB) came.",
                vec![("National Transportation Safety Board", "NTSB")],
            ),
            (
                "Officers of the Maryland Transportation Authority, MDTA, came.",
                vec![("Maryland Transportation Authority", "MDTA")],
            ),
            ("A photo by John Smith (AFP) ran.", vec![]),
            ("Smith, AFP, took it.", vec![]),
        ] {
            assert_eq!(expansion(sentence), want, "{sentence}");
        }
    }

    #[test]
    fn phrases_with_connectors_and_possessives() {
        let sentence = "The Democratic People's Republic of Korea and the Bank of England agreed.";
        assert_eq!(
            found(sentence, ProperKind::Phrase),
            [("Democratic People's Republic of Korea", false), ("Bank of England", false)]
        );
    }
}

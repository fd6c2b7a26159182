//! Finding a rule set's words in text: entity names and aliases, fact cues and
//! exclusions, all in one pass of one Aho-Corasick automaton.
//!
//! Text and patterns are folded the same way before matching, by [`Folded`], so that
//! matching ignores case ("KIM JONG UN"), treats hyphens (ASCII, Unicode,
//! non-breaking), non-breaking spaces and line breaks like spaces ("Kim Jong-un"), and
//! takes curly apostrophes for straight ones; spans are mapped back to the text as
//! written. Abbreviations match with or without their dots ("Mr Kim"), acronyms only
//! in their own case ("US" is not "us"), and every match is word-bounded: "Kim" does
//! not match "Kimberly", but does match "Kim's".

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, BuildError, MatchKind};

use super::{RuleSet, is_acronym};
use crate::span::Span;
use crate::text::Folded;

/// Endings a cue may take without being listed ("visit" finds "visits", "visited").
const INFLECTIONS: &[&str] = &["s", "es", "ed", "d", "ing", "'s"];

/// What a pattern stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Entity(usize),
    Cue(usize),
    Exclude(usize),
}

/// A compiled pattern's meaning.
#[derive(Clone, Debug)]
struct Entry {
    target: Target,
    /// A stem that must be followed by an ending ("tri-" for "tries").
    stem: bool,
    /// An acronym, which matches only in its own case, so that `US` or `WHO` do not
    /// match "us" or "who".
    exact: Option<String>,
}

/// An entity named in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Index of the entity in the rule set's id order.
    pub entity: usize,
    /// Where the name stands in the text.
    pub span: Span,
}

/// What a scan of one text found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hits {
    /// Entities mentioned.
    pub mentions: Vec<Mention>,
    /// Cues found: the fact's index in id order, and where.
    pub cues: Vec<(usize, Span)>,
    /// Exclusions found: the fact's index in id order, and where.
    pub excludes: Vec<(usize, Span)>,
}

/// The rule set's words could not be compiled into one automaton (too many, or too
/// long, for its state ids).
#[derive(Debug, thiserror::Error)]
#[error(
    "cannot compile the rules' {patterns} words and phrases (names, aliases, cues, exclusions) for matching: {source}"
)]
pub struct MatcherError {
    /// How many patterns were to be compiled.
    pub patterns: usize,
    /// Why aho-corasick refused them.
    #[source]
    pub source: BuildError,
}

/// The compiled words of a rule set.
#[derive(Clone, Debug)]
pub struct Matcher {
    automaton: AhoCorasick,
    /// What each pattern stands for, and how it must match.
    targets: Vec<Entry>,
}

impl Matcher {
    /// Compiles every entity name and alias and every fact's cues and exclusions.
    pub fn new(rules: &RuleSet) -> Result<Matcher, MatcherError> {
        let mut patterns: Vec<String> = Vec::new();
        let mut targets = Vec::new();
        let mut add = |text: &str, target: Target| {
            let text = text.trim();
            if text.is_empty() {
                return;
            }
            for variant in variants(text) {
                let exact = is_acronym(&variant).then(|| variant.clone());
                patterns.push(Folded::new(&variant).text);
                targets.push(Entry { target, stem: false, exact });
            }
            if matches!(target, Target::Cue(_) | Target::Exclude(_)) {
                for stem in stems(text) {
                    patterns.push(Folded::new(&stem).text);
                    targets.push(Entry { target, stem: true, exact: None });
                }
            }
        };
        for (i, entity) in rules.entities.values().enumerate() {
            add(&entity.name, Target::Entity(i));
            for alias in &entity.aliases {
                add(alias, Target::Entity(i));
            }
        }
        for (i, fact) in rules.facts.values().enumerate() {
            for cue in &fact.cues {
                add(cue, Target::Cue(i));
            }
            for word in &fact.exclude {
                add(word, Target::Exclude(i));
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .map_err(|source| MatcherError { patterns: patterns.len(), source })?;
        Ok(Matcher { automaton, targets })
    }

    /// Every word-bounded occurrence of the rule set's words in `text`.
    pub fn scan(&self, text: &str) -> Hits {
        self.scan_with(text, &mut Folded::default())
    }

    /// [`Matcher::scan`], folding `text` into `folded`, whose buffers a caller that
    /// scans many texts passes each time so that folding allocates nothing.
    pub fn scan_with(&self, text: &str, folded: &mut Folded) -> Hits {
        let mut hits = Hits::default();
        folded.refold(text);
        for m in self.automaton.find_overlapping_iter(&folded.text) {
            let Some(Entry { target, stem, exact }) = self.targets.get(m.pattern().as_usize()) else { continue };
            if !starts_word(&folded.text, m.start()) {
                continue;
            }
            let inflected = matches!(target, Target::Cue(_) | Target::Exclude(_));
            let Some(end) = word_end(&folded.text, m.end(), inflected, *stem) else { continue };
            let span = Span::new(folded.original(m.start()), folded.original(end));
            if exact.as_deref().is_some_and(|e| text.get(span.start..folded.original(m.end())) != Some(e)) {
                continue;
            }
            match *target {
                Target::Entity(entity) => hits.mentions.push(Mention { entity, span }),
                Target::Cue(fact) => hits.cues.push((fact, span)),
                Target::Exclude(fact) => hits.excludes.push((fact, span)),
            }
        }
        hits.mentions.sort_by_key(|m| (m.span, m.entity));
        hits.mentions.dedup();
        hits.cues.sort_by_key(|&(f, s)| (s, f));
        hits.cues.dedup();
        hits.excludes.sort_by_key(|&(f, s)| (s, f));
        hits.excludes.dedup();
        hits
    }
}

/// Stems of a cue whose inflections change its end, to be found only with an ending:
/// "try" as "tri-" (tries, tried), "arrive" as "arriv-" (arriving), "travel" as
/// "travell-" (travelled, travelling).
fn stems(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let vowel = |c: char| "aeiou".contains(c.to_ascii_lowercase());
    let mut out = Vec::new();
    match chars.as_slice() {
        [.., a, 'y'] if a.is_ascii_alphabetic() && !vowel(*a) => out.push(format!("{}i", &text[..text.len() - 1])),
        [.., a, 'e'] if a.is_ascii_alphabetic() => out.push(text[..text.len() - 1].to_string()),
        [.., a, b, c] if !vowel(*a) && vowel(*b) && c.is_ascii_alphabetic() && !vowel(*c) && !"wxy".contains(*c) => {
            out.push(format!("{text}{c}"))
        }
        _ => {}
    }
    out.retain(|s| s.chars().count() >= 2);
    out
}

/// The forms of a pattern to compile: as written, and without dots when it has any
/// ("Mr Kim", "US").
fn variants(text: &str) -> Vec<String> {
    let mut out = vec![text.to_string()];
    let dotless = text.replace('.', "");
    if dotless != text && !dotless.trim().is_empty() {
        out.push(dotless);
    }
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn starts_word(text: &str, at: usize) -> bool {
    text.get(..at).is_some_and(|before| before.chars().next_back().is_none_or(|c| !is_word_char(c)))
}

/// Where a match ending at `end` ends as a word: right there when a non-word character
/// (or the end) follows and the match is not a bare `stem`, after an inflection when
/// `inflected` allows one, else `None`.
fn word_end(text: &str, end: usize, inflected: bool, stem: bool) -> Option<usize> {
    let rest = text.get(end..)?;
    if !stem && rest.chars().next().is_none_or(|c| !is_word_char(c)) {
        return Some(end);
    }
    if inflected {
        for suffix in INFLECTIONS {
            if let Some(after) = rest.strip_prefix(suffix)
                && after.chars().next().is_none_or(|c| !is_word_char(c))
            {
                return Some(end + suffix.len());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    fn rules() -> RuleSet {
        let mut set = RuleSet::default();
        set.add(
            std::path::Path::new("t.yaml"),
            "entities:\n  kim:\n    name: Kim Jong Un\n    aliases: [Kim]\nfacts:\n  visit:\n    claim: date\n    cues: [visit]\n    exclude: [second]\n",
        )
        .unwrap();
        set
    }

    #[test]
    fn names_match_across_case_hyphens_apostrophes_and_dots() {
        let matcher = Matcher::new(&rules()).unwrap();
        for text in [
            "Kim Jong-un arrived",
            "KIM JONG UN arrived",
            "kim jong un arrived",
            "Kim-Jong\nUn arrived",
            "Kim\u{a0}Jong\u{2011}un arrived",
        ] {
            let hits = matcher.scan(text);
            let name = Span::new(0, text.find(" arrived").unwrap());
            assert!(hits.mentions.iter().any(|m| m.span == name), "{text}: {:?}", hits.mentions);
        }
        let mut set = RuleSet::default();
        set.add(
            std::path::Path::new("t.yaml"),
            "entities:\n  p:\n    name: People's Party\n    aliases: [Mr. Lee]\n  us:\n    name: U.S.\n  z:\n    name: Émile Zola\n",
        )
        .unwrap();
        let matcher = Matcher::new(&set).unwrap();
        for text in [
            "the People’s Party",
            "the People's Party’s",
            "Mr Lee said",
            "Mr. Lee said",
            "PEOPLE’S PARTY",
            "the US",
            "the U.S. and",
            "ÉMILE ZOLA’s",
        ] {
            assert_eq!(matcher.scan(text).mentions.len(), 1, "{text}");
        }
        for text in ["the Peoples Party", "Mr. Leeds", "Kimberly", "told us", "the u.s. and"] {
            assert!(matcher.scan(text).mentions.is_empty(), "{text}");
        }
    }

    #[test]
    fn cues_inflect_when_their_end_changes() {
        let mut set = RuleSet::default();
        set.add(std::path::Path::new("t.yaml"), "facts:\n  f:\n    claim: date\n    cues: [try, arrive, travel]\n")
            .unwrap();
        let matcher = Matcher::new(&set).unwrap();
        let text = "tries tried arriving arrived travelled traveling travels tri arriv travell";
        let found: Vec<&str> = matcher.scan(text).cues.iter().map(|(_, s)| s.slice(text)).collect();
        assert_eq!(found, ["tries", "tried", "arriving", "arrived", "travelled", "traveling", "travels"]);
    }

    #[test]
    fn words_are_bounded_and_cues_inflect() {
        let matcher = Matcher::new(&rules()).unwrap();
        let hits = matcher.scan("Kimberly visited; KIM JONG UN visits. Kim’s second revisit.");
        let spans: Vec<Span> = hits.mentions.iter().map(|m| m.span).collect();
        assert_eq!(spans.len(), 3, "{spans:?}");
        let text = "Kimberly visited; KIM JONG UN visits. Kim’s second revisit.";
        let cues: Vec<&str> = hits.cues.iter().map(|(_, s)| s.slice(text)).collect();
        assert_eq!(cues, ["visited", "visits"]);
        assert_eq!(hits.excludes.len(), 1);
    }
}

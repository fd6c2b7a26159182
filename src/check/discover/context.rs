//! What a claim speaks of, read from its clause: the content words near it, stemmed,
//! with stop words out and words that say the same thing folded into one class.
//!
//! Stems come from the Snowball English stemmer (`rust-stemmers`) and stop words from
//! the NLTK English list (`stop-words`, its `nltk` data only: the ISO list holds
//! "long" and "high", which are exactly the words that say what a number measures).
//! The synonym classes are hand-written: they are the domain (what a news desk counts
//! and measures), and the WordNet crates pull data files and give far broader senses
//! ("dead" as "dull") than "these two claims state one fact".

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use crate::span::Span;

/// How many content words on each side of a claim, within its clause, may say what it
/// speaks of ("the 1.6 mile bridge", "killed at least 50 people in the blast").
pub const NEAR_WORDS: usize = 3;

/// Words that say the same thing about a figure, by stem: the first stem of a class is
/// its name. A claim governed by any of them is a candidate for one fact.
const CLASSES: &[&[&str]] = &[
    &["dead", "kill", "death", "toll", "die", "fatal", "bodi", "live"],
    &["injur", "wound", "hurt"],
    &["long", "length", "lengthi"],
    &["wide", "width", "beam", "across"],
    &["tall", "height", "high"],
    &["deep", "depth"],
    &["bridg", "span"],
    &["crew", "crewmemb", "sailor", "seafar", "crewmen"],
    &["missing", "miss", "unaccount"],
    &["magnitud", "richter"],
    &["weigh", "weight", "tonnag", "ton"],
    &["rescu", "save", "pull"],
    &["strike", "struck", "hit", "collid", "collis", "crash", "rammed", "ram"],
    &["collaps", "fell", "topple"],
];

/// Words beyond the stop-word list that never say what a figure speaks of: reporting
/// verbs, hedges, calendar words, number words and units (the claim holds those).
#[rustfmt::skip]
const NOISE: &[&str] = &[
    "said", "says", "say", "according", "told", "reported", "report", "reports", "also", "would", "could", "least",
    "nearly", "almost", "approximately", "around", "roughly", "some", "another", "one", "two", "three", "four",
    "five", "six", "seven", "eight", "nine", "ten", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands",
    "million", "millions", "billion", "first", "last", "next", "early", "late", "earlier", "later", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
    "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "today", "yesterday", "tonight", "morning", "afternoon",
    "evening", "night", "week", "weeks", "month", "months", "year", "years", "day", "days", "hour", "hours", "minute",
    "minutes", "second", "seconds", "time", "local", "am", "pm", "a.m", "p.m", "et", "gmt", "utc", "feet", "foot",
    "ft", "metres", "meters", "metre", "meter", "m", "km", "kilometres", "kilometers", "miles", "mile", "mi",
    "percent", "per", "cent", "tonnes", "tons", "ton", "kg", "pounds", "lb", "us", "mr", "mrs", "ms", "new", "many",
    "much", "several", "people", "including", "total", "number", "nearby", "still", "now", "since", "least", "less",
    "than", "more", "over", "under", "just", "well", "may", "might", "like", "within",
];

/// A content word near a claim, as the claim's context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// Its stem, or the name of its synonym class.
    pub stem: String,
    /// The word as written, lower-cased.
    pub written: String,
    /// Content words between it and the claim (0: next to it).
    pub distance: usize,
}

/// The Snowball stemmer, the stop words and the synonym classes, built once; every
/// word of every claim's clause is looked up in them, so they are hashed, not scanned.
struct Lexicon {
    stemmer: Stemmer,
    stop: HashSet<&'static str>,
    /// A stem to the name of its synonym class.
    classes: HashMap<&'static str, &'static str>,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let stop = stop_words::lookup("en").unwrap_or_default().iter().chain(NOISE).copied().collect();
        let mut classes = HashMap::new();
        for class in CLASSES {
            for &stem in *class {
                // The first class a stem is in names it, as a scan in order would.
                classes.entry(stem).or_insert(class[0]);
            }
        }
        Lexicon { stemmer: Stemmer::create(Algorithm::English), stop, classes }
    })
}

/// The stem of a lower-cased word, folded into its synonym class.
pub fn stem(word: &str) -> String {
    let stemmed = lexicon().stemmer.stem(word).into_owned();
    class_of(&stemmed).unwrap_or(stemmed)
}

/// The name of the synonym class a stem belongs to.
fn class_of(stem: &str) -> Option<String> {
    lexicon().classes.get(stem).map(|name| name.to_string())
}

/// Whether a lower-cased word says nothing of what a figure speaks of.
pub fn is_stop(word: &str) -> bool {
    word.chars().count() < 2 || !word.chars().any(char::is_alphabetic) || lexicon().stop.contains(word)
}

/// Words that open a new clause, as `check::select` reads clauses.
const CLAUSE_WORDS: &[&str] = &[
    "and", "but", "or", "while", "whereas", "although", "though", "because", "when", "which", "who", "whose", "where",
];

/// One token of a sentence: a word, or a clause break.
#[derive(Debug)]
enum Token<'a> {
    Word(usize, &'a str),
    Break(usize),
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, ch) in text.char_indices() {
        if ch.is_alphanumeric() || ch == '\'' || (ch == '.' && start.is_some()) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(Token::Word(s, text[s..i].trim_end_matches(['.', '\''])));
        }
        if matches!(
            ch,
            ',' | ';' | ':' | '(' | ')' | '[' | ']' | '\u{2014}' | '\u{2013}' | '"' | '\u{201c}' | '\u{201d}'
        ) {
            out.push(Token::Break(i));
        }
    }
    if let Some(s) = start {
        out.push(Token::Word(s, text[s..].trim_end_matches(['.', '\''])));
    }
    out
}

/// The content words near a claim at `at` in `sentence` (byte span in the sentence's
/// text), nearest first, within its clause and [`NEAR_WORDS`] content words on each
/// side; the spans of the sentence's other claims (`others`) are neither words nor
/// crossed, since another figure speaks of its own words.
pub fn cues_near(sentence: &str, at: Span, others: &[Span]) -> Vec<Cue> {
    let tokens = tokens(sentence);
    let inside = |i: usize, span: &Span| span.start <= i && i < span.end;
    let mut before = Vec::new();
    let mut after = Vec::new();
    for token in &tokens {
        match *token {
            Token::Break(i) if i < at.start => before.clear(),
            Token::Break(i) if i >= at.end => after.push(None),
            Token::Break(_) => {}
            Token::Word(i, word) => {
                if inside(i, &at) {
                    continue;
                }
                let lower = word.to_lowercase();
                let other = others.iter().any(|o| inside(i, o));
                let opens_clause = CLAUSE_WORDS.contains(&lower.as_str());
                if i < at.start {
                    if opens_clause || other {
                        before.clear();
                    } else if !is_stop(&lower) {
                        before.push(lower);
                    }
                } else if opens_clause || other {
                    after.push(None);
                } else if !is_stop(&lower) {
                    after.push(Some(lower));
                }
            }
        }
    }
    let after: Vec<String> = after.into_iter().map_while(std::convert::identity).collect();
    let mut cues = Vec::new();
    for (distance, written) in before.into_iter().rev().take(NEAR_WORDS).enumerate() {
        cues.push(Cue { stem: stem(&written), written, distance });
    }
    for (distance, written) in after.into_iter().take(NEAR_WORDS).enumerate() {
        cues.push(Cue { stem: stem(&written), written, distance });
    }
    cues.sort_by(|a, b| a.distance.cmp(&b.distance).then_with(|| a.stem.cmp(&b.stem)));
    cues
}

/// The content stems of a whole text, sorted and unique: what two claims' sentences
/// share says how alike their contexts are.
pub fn stems_of(text: &str) -> Vec<String> {
    let mut stems: Vec<String> = tokens(text)
        .into_iter()
        .filter_map(|t| match t {
            Token::Word(_, w) => Some(w.to_lowercase()),
            Token::Break(_) => None,
        })
        .filter(|w| !is_stop(w))
        .map(|w| stem(&w))
        .collect();
    stems.sort_unstable();
    stems.dedup();
    stems
}

/// How alike two sorted stem lists are: shared stems over all stems (Jaccard).
pub fn similarity(a: &[String], b: &[String]) -> f64 {
    let shared = a.iter().filter(|s| b.binary_search(s).is_ok()).count();
    let all = a.len() + b.len() - shared;
    if all == 0 { 0.0 } else { shared as f64 / all as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(sentence: &str, claim: &str, others: &[&str]) -> Vec<(String, String, usize)> {
        let at = sentence.find(claim).unwrap();
        let spans: Vec<Span> = others
            .iter()
            .map(|o| {
                let i = sentence.find(o).unwrap();
                Span::new(i, i + o.len())
            })
            .collect();
        cues_near(sentence, Span::new(at, at + claim.len()), &spans)
            .into_iter()
            .map(|c| (c.stem, c.written, c.distance))
            .collect()
    }

    #[test]
    fn words_near_a_claim_are_stemmed_and_classed() {
        // (sentence, claim, the sentence's other claims, (stem, written, distance) wanted)
        type Case<'a> = (&'a str, &'a str, &'a [&'a str], &'a [(&'a str, &'a str, usize)]);
        let cases: &[Case] = &[
            (
                "The freighter was 300 metres long.",
                "300 metres",
                &[],
                &[("freighter", "freighter", 0), ("long", "long", 0)],
            ),
            (
                "The ship, 300 metres long and 48 metres wide, ran aground.",
                "48 metres",
                &["300 metres"],
                &[("wide", "wide", 0)],
            ),
            (
                "The quake killed at least 120 people on Monday.",
                "at least 120",
                &["Monday"],
                &[("dead", "killed", 0), ("quak", "quake", 1)],
            ),
            (
                "A 1.9-mile span fell into the river.",
                "1.9-mile",
                &[],
                &[("bridg", "span", 0), ("collaps", "fell", 1), ("river", "river", 2)],
            ),
        ];
        for (sentence, claim, others, want) in cases {
            let want: Vec<(String, String, usize)> =
                want.iter().map(|(s, w, d)| (s.to_string(), w.to_string(), *d)).collect();
            assert_eq!(near(sentence, claim, others), want, "{sentence}");
        }
    }

    #[test]
    fn stop_words_and_units_are_no_context() {
        assert!(is_stop("the"));
        assert!(is_stop("metres"));
        assert!(is_stop("said"));
        assert!(!is_stop("long"));
        assert!(!is_stop("wounded"));
        assert_eq!(stem("wounded"), "injur");
        assert_eq!(stem("deaths"), "dead");
    }

    #[test]
    fn similarity_is_shared_over_all() {
        let a = stems_of("The ship was 400 metres long.");
        let b = stems_of("The 400-metre ship is long and heavy.");
        assert_eq!(a, vec!["long".to_string(), "ship".to_string()]);
        assert!((similarity(&a, &b) - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(similarity(&[], &[]), 0.0);
    }
}

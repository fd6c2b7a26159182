//! Spellings compared: whether a written name spells a rule's spelling, a variant of
//! it, or another name.
//!
//! Spellings are compared token by token, so that "Kim Jong Il" and "Kim Jong Un" stay
//! two people: a token equal but for case, a hyphen or a space keeps them the same
//! name, a token one typo away ("Jung" for "Jong") makes a variant, and a token wholly
//! different makes another name. Folding (apostrophes, spaces, hyphens, case) is
//! [`crate::text`]'s, the same the rules matcher uses, so both agree on what a name is.

use crate::text::{compact, tidy, words};

/// How a written spelling relates to a rule's spelling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Decision {
    /// The same spelling, perhaps in other case ("KIM JONG UN").
    Same,
    /// The same name spelled otherwise: a hyphen or space moved ("Kim Jong-un"), or a
    /// typo in one token ("Kim Jung Un").
    Variant,
    /// Another name.
    Other,
}

/// Decides whether `written` spells `spelling`, a variant of it, or another name.
pub fn decide(written: &str, spelling: &str) -> Decision {
    Form::new(written).decide(&Form::new(spelling))
}

/// A spelling prepared for comparison once, however often it is compared.
#[derive(Clone, Debug)]
pub struct Form {
    /// Apostrophes straight, white space single.
    text: String,
    /// `text` in lower case.
    lower: String,
    /// Lower case without spaces and hyphens ([`compact`]).
    pub(super) compact: String,
    /// Lower-case words ([`words`]).
    pub(super) words: Vec<String>,
}

impl Form {
    /// Prepares `text` for comparison.
    pub fn new(text: &str) -> Form {
        let text = tidy(text);
        Form { lower: text.to_lowercase(), compact: compact(&text), words: words(&text), text }
    }

    /// How this written form relates to the rule's `spelling`.
    pub fn decide(&self, spelling: &Form) -> Decision {
        if self.words.len() != spelling.words.len() && self.compact.len() != spelling.compact.len() {
            return Decision::Other;
        }
        if self.text == spelling.text || self.lower == spelling.lower {
            return Decision::Same;
        }
        if self.compact == spelling.compact {
            return Decision::Variant;
        }
        if self.words.len() < 2 || self.words.len() != spelling.words.len() {
            return Decision::Other;
        }
        let mut equal = 0;
        let mut typos = 0;
        for (x, y) in self.words.iter().zip(&spelling.words) {
            if x == y {
                equal += 1;
            } else if is_typo(x, y) {
                typos += 1;
            } else {
                return Decision::Other;
            }
        }
        if equal >= 1 && typos <= (self.words.len() / 3).max(1) { Decision::Variant } else { Decision::Other }
    }
}

/// Whether two different words are one slip of the keyboard apart: a Damerau-Levenshtein
/// distance of one (two for long words), close by Jaro-Winkler, and neither a prefix of
/// the other (so "Korean" is not a typo of "Korea").
pub fn is_typo(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.max(lb) < 3 {
        return false;
    }
    if a.starts_with(b) || b.starts_with(a) {
        // A dropped or added last letter ("Andris Ozol" for "Andris Ozols") is a typo;
        // a longer ending is another word ("Jong" in "Jongil"), and an `n` after a
        // vowel makes a demonym ("Korea", "Korean").
        let (short, long) = if la < lb { (a, b) } else { (b, a) };
        let demonym = long.ends_with('n') && short.ends_with(['a', 'e', 'i', 'o', 'u']);
        return la.abs_diff(lb) == 1 && la.min(lb) >= 4 && !demonym;
    }
    let allowed = if la.min(lb) >= 7 { 2 } else { 1 };
    // Lengths that differ by more than the distance allowed cannot be a typo: most
    // pairs end here, before any distance is computed.
    if la.abs_diff(lb) > allowed {
        return false;
    }
    let distance = strsim::damerau_levenshtein(a, b);
    distance <= allowed && 1.0 - distance as f64 / la.max(lb) as f64 >= 0.6 && strsim::jaro_winkler(a, b) >= 0.75
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variant_decisions() {
        for (written, spelling, want) in [
            ("Kim Jong-un", "Kim Jong Un", Decision::Variant),
            ("Kim Jong Il", "Kim Jong Un", Decision::Other),
            ("Kim Jong-il", "Kim Jong Un", Decision::Other),
            ("KIM JONG UN", "Kim Jong Un", Decision::Same),
            ("Kim Jung Un", "Kim Jong Un", Decision::Variant),
            ("Kim Jong Un", "Kim Jong Un", Decision::Same),
            ("Kim Jongun", "Kim Jong Un", Decision::Variant),
            ("Ri Sol-ju", "Ri Sol Ju", Decision::Variant),
            ("North Korean", "North Korea", Decision::Other),
            ("South Korea", "North Korea", Decision::Other),
            ("Kim Jong Nam", "Kim Jong Un", Decision::Other),
            ("Xi Jinpeng", "Xi Jinping", Decision::Variant),
            ("Him", "Kim", Decision::Other),
            ("People’s Party", "People's Party", Decision::Same),
            ("Kim Jong\u{2011}un", "Kim Jong Un", Decision::Variant),
            ("Kim\u{a0}Jong Un", "Kim Jong Un", Decision::Same),
            ("Andris Ozol", "Andris Ozols", Decision::Variant),
            ("Russian", "Russia", Decision::Other),
        ] {
            assert_eq!(decide(written, spelling), want, "{written} / {spelling}");
        }
    }
}

//! Spellings compared: whether a written name spells a rule's spelling, a variant of
//! it, or another name.
//!
//! Spellings are compared token by token, so that "Kim Jong Il" and "Kim Jong Un" stay
//! two people: a token equal but for case keeps them the same name; the same letters
//! but for diacritics, hyphens, spaces, periods or apostrophes ("Jose" for "José",
//! "St Petersburg", "OHare"), or a token one typo away ("Jung" for "Jong"), make a
//! variant; a token wholly different makes another name. A one-word name is a variant
//! only when it is long and one typo away ("Hormedy" for "Homendy"). Folding
//! (Unicode NFC, diacritics, apostrophes, spaces, hyphens, case) is [`crate::text`]'s,
//! the same the rules matcher uses, so both agree on what a name is.

use crate::text::{nfc, plain, separates_words, tidy};

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
    /// NFC, apostrophes straight, white space single, without a final period (a
    /// written name is read without the period after it: "Jr." ends a sentence too).
    text: String,
    /// `text` in lower case.
    lower: String,
    /// Letters and digits only, lower case, without diacritics ([`plain`]): "St.
    /// Petersburg", "St Petersburg" and "st-petersburg" are one spelling written three ways.
    pub(super) plain: String,
    /// The words (split at spaces and hyphens), each in its [`plain`] form.
    pub(super) words: Vec<String>,
}

/// The shortest single-word name a typo may be read in: a one-word name has no other
/// word to confirm it, and short capitalized words are often one letter apart
/// ("Moore", "Moose").
pub(super) const SHORTEST_SINGLE_TYPO: usize = 6;

impl Form {
    /// Prepares `text` for comparison.
    pub fn new(text: &str) -> Form {
        let text = tidy(&nfc(text));
        let text = match text.strip_suffix('.') {
            Some(stem) if !stem.is_empty() => stem.to_string(),
            _ => text,
        };
        let words = text.split(separates_words).map(plain).filter(|w| !w.is_empty()).collect();
        Form { lower: text.to_lowercase(), plain: plain(&text), words, text }
    }

    /// How this written form relates to the rule's `spelling`.
    pub fn decide(&self, spelling: &Form) -> Decision {
        if self.words.len() != spelling.words.len() && self.plain.len() != spelling.plain.len() {
            return Decision::Other;
        }
        if self.text == spelling.text || self.lower == spelling.lower {
            return Decision::Same;
        }
        // The same letters, but for case, diacritics, spaces, hyphens, periods and
        // apostrophes: "Kim Jong-un", "Nunez" for "Núñez", "OHare" for "O'Hare".
        if self.plain == spelling.plain {
            return Decision::Variant;
        }
        if self.words.len() != spelling.words.len() {
            return Decision::Other;
        }
        if let ([x], [y]) = (self.words.as_slice(), spelling.words.as_slice()) {
            // A letter added at the end of one word makes another word more often than
            // a typo ("Picardy", "Jordans"): a one-word name has nothing to tell them apart.
            let long = x.chars().count().min(y.chars().count()) >= SHORTEST_SINGLE_TYPO;
            let extended = x.starts_with(y.as_str()) || y.starts_with(x.as_str());
            return if long && !extended && is_typo(x, y) { Decision::Variant } else { Decision::Other };
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
    if letters_apart(a, b).is_some_and(|apart| apart > allowed) {
        return false;
    }
    let distance = strsim::damerau_levenshtein(a, b);
    distance <= allowed && 1.0 - distance as f64 / la.max(lb) as f64 >= 0.6 && strsim::jaro_winkler(a, b) >= 0.75
}

/// For two ASCII words, how many letters one holds that the other lacks, counted with
/// repeats, on the side with more (the bag distance): `None` for other words.
///
/// An insertion, deletion or substitution changes that count by at most one and a
/// transposition not at all, so it never exceeds the Damerau-Levenshtein distance: two
/// words further apart than a typo end here, in one pass, before the quadratic
/// distance is computed.
fn letters_apart(a: &str, b: &str) -> Option<usize> {
    if !a.is_ascii() || !b.is_ascii() {
        return None;
    }
    let mut balance = [0i32; 128];
    for byte in a.bytes() {
        balance[usize::from(byte)] += 1;
    }
    for byte in b.bytes() {
        balance[usize::from(byte)] -= 1;
    }
    let only_a: i32 = balance.iter().filter(|&&n| n > 0).sum();
    let only_b: i32 = -balance.iter().filter(|&&n| n < 0).sum::<i32>();
    usize::try_from(only_a.max(only_b)).ok()
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
            // Diacritics, either way; decomposed Unicode is the same name.
            ("Jose Nunez", "José Núñez", Decision::Variant),
            ("José Núñez", "Jose Nunez", Decision::Variant),
            ("Jose\u{301} Nu\u{301}n\u{303}ez", "José Núñez", Decision::Same),
            ("Kahramanmaraş", "Kahramanmaras", Decision::Variant),
            ("Şanlıurfa", "Sanliurfa", Decision::Variant),
            // Periods and apostrophes.
            ("St. Petersburg", "St. Petersburg", Decision::Same),
            ("St Petersburg", "St. Petersburg", Decision::Variant),
            ("St Petersberg", "St. Petersburg", Decision::Variant),
            ("OHare", "O'Hare", Decision::Variant),
            ("O’Hare", "O'Hare", Decision::Same),
            ("Roland Butler Jr", "Roland Butler Jr.", Decision::Same),
            ("Evergreen Marine Corp", "Evergreen Marine Corp.", Decision::Same),
            // A misspelled first name with the right surname.
            ("Micheal Chen", "Michael Chen", Decision::Variant),
            ("Michelle Chen", "Michael Chen", Decision::Other),
            // One word: long and one typo away, or nothing.
            ("Hormedy", "Homendy", Decision::Variant),
            ("Ismailiya", "Ismailia", Decision::Variant),
            ("Moose", "Moore", Decision::Other),
            ("Picardy", "Picard", Decision::Other),
            ("Syrian", "Syria", Decision::Other),
        ] {
            assert_eq!(decide(written, spelling), want, "{written} / {spelling}");
        }
    }

    #[test]
    fn letters_apart_counts_the_larger_side() {
        for (a, b, want) in [
            ("jong", "jong", Some(0)),
            ("jong", "jnog", Some(0)),
            ("jong", "jung", Some(1)),
            ("homendy", "hormedy", Some(1)),
            ("kim", "korea", Some(4)),
            ("ozols", "ozol", Some(1)),
            ("josé", "jose", None),
        ] {
            assert_eq!(letters_apart(a, b), want, "{a} / {b}");
        }
    }

    proptest::proptest! {
        /// The filter in front of the distance never turns away a pair the distance
        /// would take: it is a lower bound of it.
        #[test]
        fn letters_apart_is_below_the_distance(a in "[a-f]{0,9}", b in "[a-f]{0,9}") {
            let apart = letters_apart(&a, &b).unwrap_or(usize::MAX);
            proptest::prop_assert!(apart <= strsim::damerau_levenshtein(&a, &b), "{a} / {b}: {apart}");
        }
    }
}

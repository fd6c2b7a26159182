//! Text in other scripts: a block that holds a sentence terminator the English scanner
//! does not know (the Devanagari danda U+0964, the Arabic question mark U+061F and full
//! stop U+06D4, the Ethiopic full stop U+1362, ...) is split by Unicode's own sentence
//! rules (UAX #29, `unicode-segmentation`) instead: the scanner's repairs are for edited
//! English prose and would run such a block into one sentence.
//!
//! Which characters are terminators is asked of `unicode-segmentation` itself (a
//! terminator followed by a space and a lower-case letter still ends a sentence under
//! UAX #29), so the list is Unicode's, not one kept here.

use std::collections::HashSet;

use unicode_segmentation::UnicodeSegmentation;

use super::chars::is_terminator;
use crate::span::Span;

/// Whether `text` holds a sentence terminator (UAX #29 STerm) the English scanner does
/// not know. ASCII text never does, and only punctuation is asked about, each distinct
/// character once.
pub fn has_foreign_terminator(text: &str) -> bool {
    if text.is_ascii() {
        return false;
    }
    let mut asked = HashSet::new();
    text.chars()
        .filter(|&c| !c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace() && !is_terminator(c))
        .any(|c| asked.insert(c) && ends_sentence(c))
}

/// Whether UAX #29 ends a sentence after `c` followed by a space and a lower-case word.
fn ends_sentence(c: char) -> bool {
    let mut probe = [0u8; 12];
    let mut len = 0;
    for part in ["a", c.encode_utf8(&mut [0u8; 4]), " a"] {
        probe[len..len + part.len()].copy_from_slice(part.as_bytes());
        len += part.len();
    }
    std::str::from_utf8(&probe[..len]).is_ok_and(|s| s.split_sentence_bounds().count() > 1)
}

/// The sentences of `text` by UAX #29, trimmed of white space, empty ones dropped.
pub fn unicode_sentences(text: &str) -> Vec<Span> {
    text.split_sentence_bound_indices()
        .filter_map(|(start, sentence)| {
            let trimmed = sentence.trim_start();
            let start = start + (sentence.len() - trimmed.len());
            let trimmed = trimmed.trim_end();
            (!trimmed.is_empty()).then(|| Span::new(start, start + trimmed.len()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::split;
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn blocks_in_other_scripts_split_at_their_own_terminators() {
        let cases: &[(&str, &[&str])] = &[
            ("बारिश सुबह शुरू हुई। दोपहर तक नदी भर गई।", &["बारिश सुबह शुरू हुई।", "दोपहर तक नदी भर गई।"]),
            ("هل وصل القارب؟ نعم، وصل صباحا.", &["هل وصل القارب؟", "نعم، وصل صباحا."]),
            ("کشتی صبح پہنچی۔ سب لوگ محفوظ ہیں۔", &["کشتی صبح پہنچی۔", "سب لوگ محفوظ ہیں۔"]),
            ("ጀልባው ደረሰ። ሁሉም ደህና ናቸው።", &["ጀልባው ደረሰ።", "ሁሉም ደህና ናቸው።"]),
            // Chinese stops are the English scanner's own: it still splits them.
            ("船到了。大家都平安。", &["船到了。", "大家都平安。"]),
        ];
        for (text, want) in cases {
            assert_eq!(texts(text), *want, "{text}");
        }
    }

    #[test]
    fn english_and_other_punctuation_keep_the_english_scanner() {
        for text in ["Mr. Kim met Dr. Xi. They talked.", "He paid €5 — “cheap” — at 9 a.m. Monday.", "Café owners met."]
        {
            assert!(!has_foreign_terminator(text), "{text}");
        }
        assert_eq!(texts("He said “no”—then left. Dr. Xi stayed."), ["He said “no”—then left.", "Dr. Xi stayed."]);
        assert!(has_foreign_terminator("A line in Hindi। Then English."));
    }
}

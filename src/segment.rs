//! Sentences: where each one starts and ends, in the block's text and in the file.
//!
//! Boundaries come from Unicode's sentence rules (UAX #29, `unicode-segmentation`),
//! then repaired where UAX #29 is wrong for edited prose: a full stop after an
//! abbreviation or an initial does not end a sentence, and a line break inside a block
//! does.

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use crate::source::Source;
use crate::span::Span;

/// One sentence of a source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Sentence {
    /// Position of the sentence in its source, from 0.
    pub index: usize,
    /// Index of the block (paragraph) the sentence belongs to.
    pub block: usize,
    /// Byte span in the original file.
    pub span: Span,
    /// Byte offset of the sentence in its block's text.
    pub block_start: usize,
    /// The sentence as read (visible text, markup removed).
    pub text: String,
}

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "st", "jr", "sr", "no",
    "vs", "etc", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "p", "pp", "fig", "e.g", "i.e", "u.s", "u.n", "u.k", "a.m", "p.m",
];

/// Splits one block of text into sentence spans (offsets into `text`), trimmed of
/// surrounding white space.
pub fn split(text: &str) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    for (start, piece) in text.split_sentence_bound_indices() {
        let mut line_start = start;
        for line in piece.split_inclusive('\n') {
            let span = trim(text, Span::new(line_start, line_start + line.len()));
            line_start += line.len();
            if span.is_empty() {
                continue;
            }
            match spans.last_mut() {
                Some(last) if continues(text, *last) && text[last.end..span.start].find('\n').is_none() => {
                    last.end = span.end
                }
                _ => spans.push(span),
            }
        }
    }
    spans
}

/// True when the sentence ending at `span` ends with an abbreviation or an initial,
/// so the next piece continues it.
fn continues(text: &str, span: Span) -> bool {
    let sentence = span.slice(text);
    let Some(before) = sentence.strip_suffix('.') else { return false };
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"').next().unwrap_or("");
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str()) || (word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()))
}

fn trim(text: &str, span: Span) -> Span {
    let slice = span.slice(text);
    let start = span.start + (slice.len() - slice.trim_start().len());
    let end = span.start + slice.trim_end().len();
    Span::new(start, end.max(start))
}

/// The sentences of a source, in order, with spans into the original file.
pub fn sentences(source: &Source) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for (block_index, block) in source.blocks.iter().enumerate() {
        for span in split(&block.text) {
            sentences.push(Sentence {
                index: sentences.len(),
                block: block_index,
                span: block.to_original(span),
                block_start: span.start,
                text: span.slice(&block.text).to_string(),
            });
        }
    }
    sentences
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(texts("Mr. Kim met Dr. Xi. They talked."), ["Mr. Kim met Dr. Xi.", "They talked."]);
        assert_eq!(texts("John F. Kennedy spoke."), ["John F. Kennedy spoke."]);
    }

    #[test]
    fn line_breaks_end_sentences() {
        assert_eq!(texts("Sign up\nStay informed."), ["Sign up", "Stay informed."]);
    }
}

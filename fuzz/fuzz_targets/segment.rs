//! Fuzz target `segment`: sentences of any text in any format have valid spans, in
//! order, on character boundaries of the original text.
#![no_main]

use std::path::PathBuf;

use factlint::segment;
use factlint::source::{Metadata, Source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let name = ["fuzz.txt", "fuzz.md", "fuzz.html"][usize::from(selector % 3)];
    let source = Source::from_text(PathBuf::from(name), text.to_string(), &Metadata::default());
    let sentences = segment::sentences(&source);
    let mut last_end = 0;
    for (i, sentence) in sentences.iter().enumerate() {
        assert_eq!(sentence.index, i);
        let span = sentence.span;
        assert!(span.start <= span.end && span.end <= source.text.len(), "{span:?} outside the text");
        assert!(source.text.is_char_boundary(span.start) && source.text.is_char_boundary(span.end));
        assert!(span.start >= last_end, "sentence {i} starts before the previous one ends");
        last_end = span.end;
        let block = &source.blocks[sentence.block];
        let end = sentence.block_start + sentence.text.len();
        assert_eq!(block.text.get(sentence.block_start..end), Some(&*sentence.text));
    }
});

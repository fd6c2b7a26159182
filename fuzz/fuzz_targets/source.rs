//! Fuzz target `source`: bytes through decoding and `Source::from_text` as plain text,
//! Markdown and HTML, checking that every block maps back into the text it came from.
#![no_main]

use std::path::PathBuf;

use factlint::source::{Metadata, Source, decode};
use factlint::span::LineIndex;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let name = ["fuzz.txt", "fuzz.md", "fuzz.html"][usize::from(selector % 3)];
    // Decoding takes any bytes; what it accepts goes on as text.
    let Ok(decoded) = decode(rest.to_vec()) else { return };
    let source = Source::from_text(PathBuf::from(name), decoded.text, &Metadata::default());
    let text = &source.text;
    let index = LineIndex::new(text);
    for block in &source.blocks {
        let mut plain = 0;
        let mut last_end = 0;
        for piece in &block.pieces {
            assert!(piece.original.start >= last_end, "pieces map in order, without overlap");
            last_end = piece.original.end;
            assert_eq!(piece.plain, plain, "pieces tile the block's text");
            plain += piece.len;
            assert!(block.text.is_char_boundary(piece.plain) && block.text.is_char_boundary(piece.plain + piece.len));
            let original = piece.original;
            assert!(original.start <= original.end && original.end <= text.len(), "{original:?} outside the text");
            assert!(text.is_char_boundary(original.start) && text.is_char_boundary(original.end));
            if piece.verbatim {
                assert_eq!(&block.text[piece.plain..piece.plain + piece.len], original.slice(text));
            }
            let _ = index.position(text, original.start);
        }
        assert_eq!(plain, block.text.len());
    }
});

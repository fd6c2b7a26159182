//! Properties that hold for any input: reading any text as plain text, Markdown or HTML
//! never panics and maps every block back onto the bytes it came from; sentences have
//! valid spans, in order; and a run's JSON does not depend on `--jobs`.
//!
//! The random texts are built from fragments of markup and awkward characters (entities,
//! code spans, front matter fences, every line ending, multi-byte and astral
//! characters), so that a few hundred cases reach the corners that plain random strings
//! would not.

use std::path::{Path, PathBuf};
use std::process::Command;

use factlint::segment;
use factlint::source::{Metadata, Source, decode};
use factlint::span::{LineIndex, Span};
use proptest::prelude::*;

/// Pieces of text that mean something to one of the readers.
const FRAGMENTS: &[&str] = &[
    "Kim",
    " visited ",
    "Beijing",
    ".",
    ". ",
    "? ",
    "Mr. ",
    "U.S. ",
    "2018",
    "28,000",
    "March 25-28",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "---\n",
    "...\n",
    "date: 2018-03-28\n",
    "# ",
    "## ",
    "- ",
    "* ",
    "1. ",
    "> ",
    "`",
    "``",
    "```\n",
    "**",
    "_",
    "~~",
    "[",
    "](x)",
    "![a](b)",
    "\\",
    "|",
    " | ",
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<br>",
    "<br/>",
    "<b>",
    "</b>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<title>",
    "</title>",
    "<",
    ">",
    "&",
    "&amp;",
    "&lt;",
    "&#65;",
    "&#x1F600;",
    "&bogus;",
    "&#xD800;",
    ";",
    "\"",
    "'",
    "=",
    "<time datetime=\"2018-03-28\">",
    "<meta property=\"article:published_time\" content=\"2018-03-28\">",
    "é",
    "“",
    "”",
    "—",
    "\u{FEFF}",
    "\u{FFFD}",
    "😀",
    "\u{200B}",
    "\u{0301}",
    "ｋ",
];

/// Byte order marks `decode` knows, and none.
const BOMS: &[&[u8]] = &[b"", b"\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF", b"\xFF\xFE\0\0", b"\0\0\xFE\xFF"];

/// Random text made of fragments and arbitrary characters.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|pieces| pieces.concat())
}

/// A file name for each reader.
fn name() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(&["a.txt", "a.md", "a.html"][..])
}

/// Every block's pieces tile its text and map onto char-boundary spans of `text`;
/// verbatim pieces are copies of what they map onto.
fn assert_blocks_map_back(source: &Source) {
    let text = &source.text;
    let index = LineIndex::new(text);
    for block in &source.blocks {
        let mut plain = 0;
        let mut last_end = 0;
        for piece in &block.pieces {
            assert!(piece.original.start >= last_end, "pieces map in order, without overlap");
            last_end = piece.original.end;
            assert_eq!(piece.plain, plain, "pieces tile the block");
            plain += piece.len;
            let original = piece.original;
            assert!(original.end <= text.len(), "{original:?} past the end of {text:?}");
            assert!(text.is_char_boundary(original.start) && text.is_char_boundary(original.end), "{original:?}");
            let shown = &block.text[piece.plain..piece.plain + piece.len];
            if piece.verbatim {
                assert_eq!(shown, original.slice(text));
            }
            let at = index.position(text, original.start);
            assert!(at.line >= 1 && at.column >= 1);
        }
        assert_eq!(plain, block.text.len());
        for (at, _) in block.text.char_indices() {
            let span = block.to_original(Span::new(at, block.text.len()));
            assert!(span.end <= text.len() && text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_text_is_read_and_maps_back(name in name(), text in text()) {
        let source = Source::from_text(PathBuf::from(name), text, &Metadata::default());
        assert_blocks_map_back(&source);
    }

    #[test]
    fn sentence_spans_are_valid_and_in_order(name in name(), text in text()) {
        let source = Source::from_text(PathBuf::from(name), text, &Metadata::default());
        let sentences = segment::sentences(&source);
        let mut previous = Span::default();
        for (i, sentence) in sentences.iter().enumerate() {
            let span = sentence.span;
            prop_assert_eq!(sentence.index, i);
            prop_assert!(span.start <= span.end && span.end <= source.text.len(), "{:?}", span);
            prop_assert!(source.text.is_char_boundary(span.start) && source.text.is_char_boundary(span.end));
            prop_assert!(span.start >= previous.end, "sentence {} at {:?} overlaps {:?}", i, span, previous);
            previous = span;
        }
    }

    #[test]
    fn any_bytes_decode_or_are_refused(
        bom in proptest::sample::select(BOMS),
        body in proptest::collection::vec(any::<u8>(), 0..256),
    ) {
        let bytes = [bom, &body[..]].concat();
        if let Ok(decoded) = decode(bytes) {
            prop_assert!(!decoded.text.contains('\0'), "a decoded text holds no NUL");
        }
    }

    #[test]
    fn arbitrary_strings_are_read(name in name(), text in any::<String>()) {
        let source = Source::from_text(PathBuf::from(name), text, &Metadata::default());
        assert_blocks_map_back(&source);
        let _ = segment::sentences(&source);
    }
}

/// A small corpus of every format, with sentences of the seed articles shuffled among
/// them, so that the sources agree and disagree on something.
fn corpus(dir: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sentences = Vec::new();
    for entry in std::fs::read_dir(root.join("seeds")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            sentences.extend(text.lines().filter(|l| l.len() > 20).map(str::to_string));
        }
    }
    sentences.sort();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| {
        // xorshift: a fixed sequence, so the corpus is the same on every run.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    for i in 0..24 {
        let picked: Vec<&str> = (0..12).map(|_| sentences[next(sentences.len())].as_str()).collect();
        let (name, body) = match i % 3 {
            0 => (format!("{i:02}.txt"), picked.join("\n\n")),
            1 => (
                format!("{i:02}.md"),
                format!("---\ndate: 2018-03-{:02}\n---\n# {}\n\n{}", 20 + i, picked[0], picked.join("\n\n")),
            ),
            _ => (format!("{i:02}.html"), format!("<article><p>{}</p></article>", picked.join("</p>\n<p>"))),
        };
        std::fs::write(dir.join(name), body).unwrap();
    }
}

#[test]
fn jobs_do_not_change_the_report() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let run = |jobs: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_factlint"))
            .arg("check")
            .arg(dir.path())
            .args(["--format", "json", "--published", "2018-03-28", "--jobs", jobs, "--rules"])
            .arg(&rules)
            .output()
            .unwrap();
        assert!(output.status.code().is_some_and(|c| c <= 1), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap()
    };
    let one = run("1");
    assert!(one.contains("\"sources\": 24"), "{one}");
    assert_eq!(one, run("2"));
    assert_eq!(one, run("2"), "the same with two threads twice");
}

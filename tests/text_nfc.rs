//! Decomposed text ("e" and a combining accent) is read composed, once, when a source
//! is read, and what is found in it still points at the bytes of the file as written.

use std::path::PathBuf;

use factlint::extract::{self, Context};
use factlint::segment;
use factlint::source::{Metadata, Source};
use factlint::span::{LineIndex, Span};

/// The same paragraph as plain text, Markdown and HTML, after a heading line.
fn sources() -> Vec<Source> {
    let paragraph = "The cafe\u{301} in Zu\u{308}rich opened on 3 March 2019.";
    [
        ("a.txt", format!("Title\n\n{paragraph}\n")),
        ("a.md", format!("# Title\n\n{paragraph}\n")),
        ("a.html", format!("<h1>Title</h1>\n\n<p>{paragraph}</p>\n")),
    ]
    .into_iter()
    .map(|(name, text)| Source::from_text(PathBuf::from(name), text, &Metadata::default()))
    .collect()
}

#[test]
fn decomposed_text_is_read_composed_with_offsets_into_the_file() {
    for source in sources() {
        let name = source.display_path();
        let index = LineIndex::new(&source.text);
        let sentences = segment::sentences(&source);
        let sentence = sentences.iter().find(|s| s.text.contains("opened")).unwrap();
        assert_eq!(&*sentence.text, "The café in Zürich opened on 3 March 2019.", "{name}");
        assert_eq!(sentence.span.slice(&source.text), "The cafe\u{301} in Zu\u{308}rich opened on 3 March 2019.");
        let at = index.position(&source.text, sentence.span.start);
        assert_eq!((at.line, at.column), (3, if name == "a.html" { 4 } else { 1 }), "{name}");

        let block = &source.blocks[sentence.block];
        let claims = extract::extract(&sentence.text, &Context { published: None });
        let date = claims.iter().find(|c| c.text == "3 March 2019").unwrap();
        let span = block.to_original(date.span.shift(sentence.block_start));
        assert_eq!(span.slice(&source.text), "3 March 2019", "{name}");
        // Columns count the characters written: "e" and its accent are two.
        let column = index.position(&source.text, span.start).column;
        let before = &source.text[..span.start];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        assert_eq!(column, before[line_start..].chars().count() + 1, "{name}");

        // A composed word maps as a whole to the bytes that spell it.
        let word = sentence.text.find("café").unwrap();
        let start = sentence.block_start + word;
        let cafe = block.to_original(Span::new(start, start + "café".len()));
        assert_eq!(cafe.slice(&source.text), "cafe\u{301}", "{name}");
    }
}

/// A character reference in HTML reads as the character it names, so "&pound;4m" is a
/// sum of money, and the claim still points at the reference as written in the file.
#[test]
fn html_character_references_give_claims_at_the_bytes_written() {
    let html = "<p>The council set aside &pound;4m for the bridge and &euro;3.5 million for roads.</p>\n";
    let source = Source::from_text(PathBuf::from("budget.html"), html.to_string(), &Metadata::default());
    let sentences = segment::sentences(&source);
    let sentence = &sentences[0];
    assert_eq!(&*sentence.text, "The council set aside £4m for the bridge and €3.5 million for roads.");
    let block = &source.blocks[sentence.block];
    let claims = extract::extract(&sentence.text, &Context { published: None });
    let found: Vec<(String, Option<&str>, &str)> = claims
        .iter()
        .map(|c| {
            let span = block.to_original(c.span.shift(sentence.block_start));
            (c.value.to_string(), c.unit.as_deref(), span.slice(&source.text))
        })
        .collect();
    assert_eq!(
        found,
        [("4000000".to_string(), Some("GBP"), "&pound;4m"), ("3500000".to_string(), Some("EUR"), "&euro;3.5 million")]
    );
}

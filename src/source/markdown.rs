//! Markdown: front matter for metadata, pulldown-cmark for the visible text with its
//! offsets into the original file.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{Block, DateOrigin, Metadata};
use crate::span::Span;

/// Reads the visible blocks and the front matter of a Markdown text.
pub fn read(text: &str, warnings: &mut Vec<String>) -> (Vec<Block>, Metadata) {
    let (metadata, body_start) = front_matter(text, warnings);
    let body = &text[body_start..];
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut blocks = Vec::new();
    let mut current = Block::default();
    let mut skip_depth = 0usize;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let original = Span::new(range.start + body_start, range.end + body_start);
        match event {
            Event::Start(tag) => {
                if matches!(tag, Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_)) {
                    skip_depth += 1;
                }
                if is_block(&tag) {
                    flush(&mut blocks, &mut current);
                }
            }
            Event::End(tag) => {
                if matches!(tag, TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_)) {
                    skip_depth = skip_depth.saturating_sub(1);
                }
                if is_block_end(&tag) {
                    flush(&mut blocks, &mut current);
                }
            }
            Event::Text(t) | Event::Code(t) if skip_depth == 0 => {
                let written = &text[original.start..original.end];
                if written == t.as_ref() {
                    current.push_verbatim(&t, original);
                } else if let Some(at) = written.find(t.as_ref()) {
                    // Inline code: the range includes the backticks around the text.
                    current.push_verbatim(&t, Span::new(original.start + at, original.start + at + t.len()));
                } else {
                    current.push_mapped(&t, original);
                }
            }
            Event::SoftBreak if skip_depth == 0 => current.push_mapped(" ", original),
            Event::HardBreak if skip_depth == 0 => current.push_mapped("\n", original),
            _ => {}
        }
    }
    flush(&mut blocks, &mut current);
    (blocks, metadata)
}

fn is_block(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::Item
            | Tag::List(_)
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::TableCell
            | Tag::FootnoteDefinition(_)
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
    )
}

fn is_block_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::Item
            | TagEnd::List(_)
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::TableCell
            | TagEnd::FootnoteDefinition
    )
}

fn flush(blocks: &mut Vec<Block>, current: &mut Block) {
    let block = std::mem::take(current);
    if !block.is_blank() {
        blocks.push(block);
    }
}

/// Reads `---` front matter at the very start; returns its metadata and where the
/// body starts. Unclosed front matter is a warning and the whole text is the body.
fn front_matter(text: &str, warnings: &mut Vec<String>) -> (Metadata, usize) {
    let mut metadata = Metadata::default();
    let Some(rest) = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n")) else {
        return (metadata, 0);
    };
    let opening = text.len() - rest.len();
    let mut offset = opening;
    let mut close = None;
    for line in rest.split_inclusive('\n') {
        if matches!(line.trim_end(), "---" | "...") {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((yaml_end, body_start)) = close else {
        warnings.push("front matter opened with `---` on line 1 is never closed; read as text".to_string());
        return (metadata, 0);
    };
    let yaml = &text[opening..yaml_end];
    match serde_yaml::from_str::<serde_yaml::Value>(yaml) {
        Ok(value) => {
            let field = |key: &str| value.get(key).and_then(|v| v.as_str()).map(str::to_string);
            if let Some(date) = field("date").or_else(|| field("published")).and_then(|d| super::parse_published(&d)) {
                metadata.published = Some(date);
                metadata.published_from = Some(DateOrigin::FrontMatter);
            }
            metadata.title = field("title");
            metadata.url = field("url");
            metadata.outlet = field("outlet");
        }
        Err(err) => {
            let at =
                err.location().map_or(String::new(), |l| format!(" at line {}, column {}", l.line() + 1, l.column()));
            warnings.push(format!("front matter is not valid YAML{at}: {err}"));
        }
    }
    (metadata, body_start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_does_not_leak_and_offsets_point_back() {
        let text = "---\ndate: 2018-03-28\n---\n# Kim in *Beijing*\n\nHe met **Xi** on `Monday`.\nThen left.\n\n```\ncode 2011\n```\n\n- one item\n- two\n";
        let mut warnings = Vec::new();
        let (blocks, meta) = read(text, &mut warnings);
        assert!(warnings.is_empty());
        assert_eq!(meta.published, Some(jiff::civil::date(2018, 3, 28)));
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Kim in Beijing", "He met Xi on Monday. Then left.", "one item", "two"]);
        let block = &blocks[1];
        let at = block.text.find("Monday").unwrap();
        let span = block.to_original(Span::new(at, at + 6));
        assert_eq!(span.slice(text), "Monday");
        let xi = block.text.find("Xi").unwrap();
        assert_eq!(block.to_original(Span::new(xi, xi + 2)).slice(text), "Xi");
    }

    #[test]
    fn unclosed_front_matter_is_a_warning() {
        let mut warnings = Vec::new();
        let (blocks, meta) = read("---\ndate: 2018-03-28\nHello.\n", &mut warnings);
        assert_eq!(warnings.len(), 1);
        assert_eq!(meta.published, None);
        assert!(!blocks.is_empty());
    }
}

//! Markdown: front matter for metadata, pulldown-cmark for the visible text with its
//! offsets into the original file.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::block::TableRow;
use super::{Block, DateOrigin, Metadata};
use crate::span::Span;
use crate::text;

/// Reads the visible blocks and the front matter of a Markdown text.
pub fn read(text: &str, warnings: &mut Vec<String>) -> (Vec<Block>, Metadata) {
    let (metadata, body_start) = front_matter(text, warnings);
    let body = &text[body_start..];
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut blocks = Vec::new();
    let mut current = Block::default();
    let mut skip_depth = 0usize;
    // A table is read row by row (`TableRow`): the header's cells, then each row's.
    let mut header: Vec<String> = Vec::new();
    let mut row: Option<TableRow> = None;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let original = Span::new(range.start + body_start, range.end + body_start);
        match event {
            Event::Start(Tag::Table(_)) => {
                flush(&mut blocks, &mut current);
                header.clear();
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                flush(&mut blocks, &mut current);
                row = Some(TableRow::default());
            }
            Event::Start(Tag::TableCell) => current = Block::default(),
            Event::End(TagEnd::TableCell) => {
                let cell = std::mem::take(&mut current);
                if let Some(row) = row.as_mut() {
                    let label = header.get(row.cells.len()).map(String::as_str);
                    row.push_cell(&cell, label);
                }
            }
            Event::End(end @ (TagEnd::TableHead | TagEnd::TableRow)) => {
                if let Some(mut done) = row.take() {
                    if end == TagEnd::TableHead {
                        header = std::mem::take(&mut done.cells);
                    }
                    flush(&mut blocks, &mut done.block);
                }
            }
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
            Event::Text(t) | Event::Code(t) if skip_depth == 0 => push_aligned(&mut current, &t, text, original),
            Event::SoftBreak if skip_depth == 0 => current.push_mapped(" ", original),
            Event::HardBreak if skip_depth == 0 => current.push_mapped("\n", original),
            _ => {}
        }
    }
    flush(&mut blocks, &mut current);
    (blocks, metadata)
}

/// How far ahead in the written text a shown character is looked for (past backticks,
/// a backslash, the spaces around code).
const ALIGN_REACH: usize = 16;

/// Pushes `shown`, the text of an event, mapped onto `original`, the bytes it was read
/// from. They differ where Markdown drops or rewrites characters: the backticks of
/// inline code, a backslash escape, a line break inside code shown as a space, an
/// entity. Each shown character is matched with the written one where it can be, so a
/// sentence that ends inside such an event does not take the whole event's span (two
/// sentences would overlap). A character that cannot be matched maps to an empty span
/// where it stands, so the map stays in order whatever the parser did.
fn push_aligned(block: &mut Block, shown: &str, text: &str, original: Span) {
    let written = original.slice(text);
    if written == shown {
        block.push_verbatim(shown, original);
        return;
    }
    // `run` is the start of the current verbatim run in `shown`, `run_at` its place in
    // `written`; `w` is where the next shown character is looked for.
    let (mut run, mut run_at, mut w) = (0, 0, 0);
    for (i, c) in shown.char_indices() {
        let rest = &written[w..];
        if rest.starts_with(c) {
            w += c.len_utf8();
            continue;
        }
        block.push_verbatim(&shown[run..i], Span::new(original.start + run_at, original.start + w));
        let at = original.start + w;
        if c == ' ' && rest.starts_with(['\n', '\r']) {
            // Code spans show each line-ending character as a space.
            block.push_mapped(" ", Span::new(at, at + 1));
            w += 1;
            (run, run_at) = (i + 1, w);
            continue;
        }
        // Markdown drops punctuation (backticks, backslashes) and spaces, never letters.
        let skipped = rest
            .char_indices()
            .take_while(|&(at, r)| at < ALIGN_REACH && (r == c || r.is_ascii_punctuation() || r.is_whitespace()))
            .find(|&(_, r)| r == c);
        match skipped {
            Some((skip, _)) => {
                (run, run_at) = (i, w + skip);
                w += skip + c.len_utf8();
            }
            None => {
                block.push_mapped(&shown[i..i + c.len_utf8()], Span::new(at, at));
                (run, run_at) = (i + c.len_utf8(), w);
            }
        }
    }
    block.push_verbatim(&shown[run..], Span::new(original.start + run_at, original.start + w));
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
            | TagEnd::FootnoteDefinition
    )
}

fn flush(blocks: &mut Vec<Block>, current: &mut Block) {
    Block::flush_into(blocks, current);
}

/// The largest front matter read, in bytes; past it the metadata is not read (with a
/// warning) and the body still is.
pub const FRONT_MATTER_MAX: usize = 64 * 1024;

/// The deepest flow nesting (`[`, `{`) front matter may have.
pub const FRONT_MATTER_DEPTH_MAX: usize = 32;

/// Reads `---` front matter at the very start; returns its metadata and where the
/// body starts. Unclosed front matter is a warning and the whole text is the body.
fn front_matter(text: &str, warnings: &mut Vec<String>) -> (Metadata, usize) {
    let mut metadata = Metadata::default();
    let mut lines = super::block::lines(text);
    // The opening `---` must have a line of its own: a lone `---` is a thematic break.
    let opening = match lines.next() {
        Some((_, "---", next)) if next > 3 => next,
        _ => return (metadata, 0),
    };
    let close = lines.find(|(_, line, _)| matches!(line.trim_end(), "---" | "...")).map(|(at, _, next)| (at, next));
    let Some((yaml_end, body_start)) = close else {
        warnings.push("front matter opened with `---` on line 1 is never closed; read as text".to_string());
        return (metadata, 0);
    };
    let yaml = &text[opening..yaml_end];
    // Checked before parsing: the YAML parser is quadratic in flow nesting, and a
    // source must not cost more than its size.
    if yaml.len() > FRONT_MATTER_MAX {
        warnings.push(format!("front matter is larger than {} KB; its metadata is not read", FRONT_MATTER_MAX / 1024));
        return (metadata, body_start);
    }
    if let Some(at) = text::yaml_nesting_over(yaml, FRONT_MATTER_DEPTH_MAX) {
        let line = text[..opening + at].lines().count().max(1);
        warnings.push(format!(
            "front matter nests deeper than {FRONT_MATTER_DEPTH_MAX} levels (line {line}); its metadata is not read"
        ));
        return (metadata, body_start);
    }
    match serde_yaml::from_str::<serde_yaml::Value>(yaml) {
        Ok(value) => {
            let field = |key: &str| value.get(key).and_then(|v| v.as_str()).map(str::to_string);
            let key = if value.get("date").is_some() { "date" } else { "published" };
            if let Some(written) = value.get(key) {
                match written.as_str().and_then(super::parse_published) {
                    Some(date) => {
                        metadata.published = Some(date);
                        metadata.published_from = Some(DateOrigin::FrontMatter);
                    }
                    None => warnings.push(format!(
                        "front matter `{key}` is not a date (YYYY-MM-DD, or an RFC 3339 time); the publication date is unknown"
                    )),
                }
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
    fn tables_are_read_row_by_row_with_their_header() {
        let text = "Visits:\n\n| Visitor | Arrived | Days |\n|---|---|---|\n| Kim | March 26, 2018 | 4 |\n| Moon |  | 3 |\n\nAfter.\n";
        let (blocks, _) = read(text, &mut Vec::new());
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Visits:",
                "Visitor; Arrived; Days",
                "Visitor: Kim; Arrived: March 26, 2018; Days: 4",
                "Visitor: Moon; Days: 3",
                "After."
            ]
        );
        // Cells map onto their bytes; a header label stands for no byte of the row.
        let row = &blocks[2];
        let date = row.text.find("March").unwrap();
        assert_eq!(row.to_original(Span::new(date, date + 14)).slice(text), "March 26, 2018");
        let label = row.text.find("Arrived").unwrap();
        let mapped = row.to_original(Span::new(label, label + 7));
        assert!(mapped.is_empty() && mapped.start == text.find("March").unwrap(), "{mapped:?}");
        let days = row.text.rfind('4').unwrap();
        assert_eq!(
            row.to_original(Span::new(days, days + 1)),
            Span::new(text.rfind("4 |").unwrap(), text.rfind("4 |").unwrap() + 1)
        );
    }

    #[test]
    fn a_table_row_costs_a_piece_per_cell_and_label_not_per_separator() {
        let text = "| Event | Date |\n|---|---|\n| Summit 1 | March 2, 2018 |\n";
        let (blocks, _) = read(text, &mut Vec::new());
        let row = &blocks[1];
        assert_eq!(row.text, "Event: Summit 1; Date: March 2, 2018");
        // `Event: ` is one mapped piece, `; Date: ` another: each stands for the empty
        // span where its cell starts. The cells are verbatim.
        let cell = |s: &str| text.find(s).unwrap();
        let pieces: Vec<(usize, usize, Span, bool)> =
            row.pieces.iter().map(|p| (p.plain, p.len, p.original, p.verbatim)).collect();
        assert_eq!(
            pieces,
            [
                (0, 7, Span::new(cell("Summit"), cell("Summit")), false),
                (7, 8, Span::new(cell("Summit"), cell("Summit") + 8), true),
                (15, 8, Span::new(cell("March"), cell("March")), false),
                (23, 13, Span::new(cell("March"), cell("March") + 13), true),
            ]
        );
        assert_eq!(row.pieces.capacity(), 4, "a finished block keeps no spare room");
    }

    #[test]
    fn a_long_header_is_cut_in_each_row() {
        let header = "H".repeat(500);
        let text = format!("| {header} |\n|---|\n| 1 |\n| 2 |\n");
        let (blocks, _) = read(&text, &mut Vec::new());
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[1].text, format!("{}: 1", "H".repeat(super::super::block::HEADER_LABEL_MAX)));
    }

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
    fn front_matter_with_any_line_ending() {
        for text in ["---\rdate: 2018-03-28\r---\rHello.", "---\r\ndate: 2018-03-28\r\n...\r\nHello."] {
            let mut warnings = Vec::new();
            let (blocks, meta) = read(text, &mut warnings);
            assert_eq!(meta.published, Some(jiff::civil::date(2018, 3, 28)), "{text:?}");
            assert_eq!(blocks[0].text, "Hello.");
            assert!(warnings.is_empty());
        }
        let (blocks, meta) = read("---", &mut Vec::new());
        assert_eq!((blocks.len(), meta.published), (0, None));
    }

    #[test]
    fn unclosed_front_matter_is_a_warning() {
        let mut warnings = Vec::new();
        let (blocks, meta) = read("---\ndate: 2018-03-28\nHello.\n", &mut warnings);
        assert_eq!(warnings.len(), 1);
        assert_eq!(meta.published, None);
        // Nothing is lost: the unclosed block is read as text.
        assert!(blocks.iter().any(|b| b.text.contains("Hello.")), "{blocks:?}");
    }

    #[test]
    fn code_spans_across_lines_map_character_by_character() {
        // Found by fuzzing (`segment`): the code span shows ".K " for "`.K\n`"; mapped
        // as a whole, its two sentences both took bytes 0..5 and overlapped.
        let text = "`.K\n`";
        let (blocks, _) = read(text, &mut Vec::new());
        assert_eq!(blocks[0].text, ".K ");
        assert_eq!(blocks[0].to_original(Span::new(0, 1)), Span::new(1, 2));
        assert_eq!(blocks[0].to_original(Span::new(1, 2)), Span::new(2, 3));
        // Found by proptest: "\r\n" shows as two spaces, and "..." must not be skipped
        // to reach the line break after it.
        let crlf = "Kim`\r\n...\n\u{37F}`Kim";
        let (blocks, _) = read(crlf, &mut Vec::new());
        assert_eq!(blocks[0].text, "Kim  ... \u{37F}Kim");
        let dots = blocks[0].text.find("...").unwrap();
        assert_eq!(blocks[0].to_original(Span::new(dots, dots + 3)).slice(crlf), "...");
        for pair in blocks[0].pieces.windows(2) {
            assert!(pair[0].original.end <= pair[1].original.start, "{pair:?}");
        }
        let escaped = "a \\*b\\* `` c`d ``";
        let (blocks, _) = read(escaped, &mut Vec::new());
        assert_eq!(blocks[0].text, "a *b* c`d");
        let at = blocks[0].text.find("c`d").unwrap();
        assert_eq!(blocks[0].to_original(Span::new(at, at + 3)).slice(escaped), "c`d");
    }
}

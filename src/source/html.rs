//! HTML: the visible text with offsets into the original file, and the publication
//! date from `<meta property="article:published_time">` or `<time datetime>`.
//!
//! The text is read by a small hand-written scanner rather than `scraper`/html5ever,
//! because those build a tree without source positions and every claim must point back
//! to its bytes, and because html5ever's tree building slows to minutes on deeply
//! nested markup. The scanner is flat (no recursion, one pass), and it reads the
//! metadata from the same tags as it goes.

use std::borrow::Cow;

use super::block::TableRow;
use super::{Block, DateOrigin, Metadata};
use crate::span::Span;
use crate::text::decode_entity;

/// Elements that start and end a block of text.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "body",
    "html",
    "form",
    "fieldset",
    "details",
    "summary",
    "option",
    "select",
    "label",
    "button",
];

/// Elements whose content is never shown as text.
const HIDDEN_TAGS: &[&str] =
    &["script", "style", "noscript", "template", "title", "svg", "math", "textarea", "iframe", "object"];

/// Reads the visible blocks and the metadata of an HTML text.
pub fn read(text: &str) -> (Vec<Block>, Metadata) {
    let bytes = text.as_bytes();
    let mut metadata = Metadata::default();
    let mut time_datetime = None;
    let mut blocks = Vec::new();
    let mut current = Block::default();
    let mut table = Table::default();
    let mut pos = 0;
    while pos < bytes.len() {
        if bytes[pos] == b'<'
            && let Some(tag) = Tag::scan(text, pos)
        {
            if tag.name.is_empty() {
                pos = tag.end;
                continue;
            }
            let attributes = &text[tag.attributes_start..tag.end];
            match tag.name.as_str() {
                "meta" if attribute(attributes, "property").as_deref() == Some("article:published_time") => {
                    if let Some(date) = attribute(attributes, "content").and_then(|d| super::parse_published(&d)) {
                        metadata.published.get_or_insert(date);
                    }
                }
                "time" if time_datetime.is_none() => {
                    time_datetime = attribute(attributes, "datetime").and_then(|d| super::parse_published(&d));
                }
                "title" if !tag.closing && metadata.title.is_none() => {
                    let inner_end = find_ci(text, tag.end, "</title").unwrap_or(text.len());
                    let title = text[tag.end..inner_end].trim();
                    metadata.title = (!title.is_empty()).then(|| title.to_string());
                }
                _ => {}
            }
            if table.on_tag(&tag, &mut blocks, &mut current) {
                // A table tag: the table reader has placed the cell or row.
            } else if BLOCK_TAGS.contains(&tag.name.as_str()) {
                if table.in_cell {
                    // A paragraph or line break inside a cell stays in the cell.
                    current.push_mapped(" ", Span::new(tag.end, tag.end));
                } else {
                    flush(&mut blocks, &mut current);
                }
            }
            if !tag.closing && !tag.self_closing && HIDDEN_TAGS.contains(&tag.name.as_str()) {
                // Skip to the matching close tag (or to the end of the file).
                let close = format!("</{}", tag.name);
                pos = find_ci(text, tag.end, &close)
                    .map(|at| text[at..].find('>').map_or(text.len(), |gt| at + gt + 1))
                    .unwrap_or(text.len());
                continue;
            }
            pos = tag.end;
            continue;
        }
        let next = memchr::memchr(b'<', &bytes[pos + 1..]).map_or(bytes.len(), |i| pos + 1 + i);
        push_text(&mut current, text, pos, next);
        pos = next;
    }
    table.end_row(&mut blocks, &mut current);
    flush(&mut blocks, &mut current);
    if metadata.published.is_none() {
        metadata.published = time_datetime;
    }
    if metadata.published.is_some() {
        metadata.published_from = Some(DateOrigin::Html);
    }
    (blocks, metadata)
}

/// The value of attribute `name` in a tag's attribute text, entities not decoded.
fn attribute(attributes: &str, name: &str) -> Option<String> {
    let mut rest = attributes;
    while let Some(at) = find_ci(rest, 0, name) {
        let before_ok = rest[..at].chars().next_back().is_none_or(|c| c.is_whitespace());
        let after = rest[at + name.len()..].trim_start();
        if before_ok && let Some(value) = after.strip_prefix('=') {
            let value = value.trim_start();
            return Some(match value.chars().next() {
                Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or("").to_string(),
                _ => value.split(|c: char| c.is_whitespace() || c == '>').next().unwrap_or("").to_string(),
            });
        }
        rest = &rest[at + name.len()..];
    }
    None
}

/// Pushes text between tags: characters verbatim, character references decoded by
/// the WHATWG table, line breaks and tabs as spaces (HTML shows them as spaces).
fn push_text(block: &mut Block, text: &str, start: usize, end: usize) {
    let chunk = &text[start..end];
    let mut run_start = 0;
    let mut i = 0;
    while i < chunk.len() {
        let b = chunk.as_bytes()[i];
        let replacement: Option<(Cow<'static, str>, usize)> = match b {
            b'&' => decode_entity(&chunk[i..]),
            b'\n' | b'\r' | b'\t' => Some((Cow::Borrowed(" "), 1)),
            _ => None,
        };
        if let Some((replaced, len)) = replacement {
            block.push_verbatim(&chunk[run_start..i], Span::new(start + run_start, start + i));
            block.push_mapped(&replaced, Span::new(start + i, start + i + len));
            i += len;
            run_start = i;
        } else {
            i += 1;
        }
    }
    block.push_verbatim(&chunk[run_start..], Span::new(start + run_start, end));
}

/// The table being read, row by row as Markdown tables are (`TableRow`): each `<tr>`
/// is a block, and a first row made only of `<th>` cells is the header whose text
/// labels the cells of the rows below. End tags are optional in HTML, so a cell ends at
/// the next cell, row or table tag too.
#[derive(Default)]
struct Table {
    header: Vec<String>,
    row: Option<TableRow>,
    /// True while every cell of the row so far is a `<th>`.
    header_row: bool,
    in_cell: bool,
    cell_is_th: bool,
}

impl Table {
    /// Reads a table tag; false for any other tag.
    fn on_tag(&mut self, tag: &Tag, blocks: &mut Vec<Block>, current: &mut Block) -> bool {
        match tag.name.as_str() {
            "td" | "th" => {
                self.end_cell(current);
                if !tag.closing {
                    if self.row.is_none() {
                        self.start_row(blocks, current);
                    }
                    flush(blocks, current);
                    self.in_cell = true;
                    self.cell_is_th = tag.name == "th";
                    self.header_row &= self.cell_is_th;
                }
            }
            "tr" | "thead" | "tbody" | "tfoot" => {
                self.end_row(blocks, current);
                if tag.name == "tr" && !tag.closing {
                    self.start_row(blocks, current);
                }
            }
            "table" => {
                self.end_row(blocks, current);
                flush(blocks, current);
                self.header.clear();
            }
            _ => return false,
        }
        true
    }

    fn start_row(&mut self, blocks: &mut Vec<Block>, current: &mut Block) {
        flush(blocks, current);
        self.row = Some(TableRow::default());
        self.header_row = true;
    }

    fn end_cell(&mut self, current: &mut Block) {
        if !std::mem::take(&mut self.in_cell) {
            return;
        }
        let cell = std::mem::take(current);
        if let Some(row) = self.row.as_mut() {
            let label = if self.cell_is_th { None } else { self.header.get(row.cells.len()).map(String::as_str) };
            row.push_cell(&cell, label);
        }
    }

    fn end_row(&mut self, blocks: &mut Vec<Block>, current: &mut Block) {
        self.end_cell(current);
        if let Some(mut row) = self.row.take() {
            if self.header_row && self.header.is_empty() {
                self.header = std::mem::take(&mut row.cells);
            }
            flush(blocks, &mut row.block);
        }
    }
}

fn flush(blocks: &mut Vec<Block>, current: &mut Block) {
    Block::flush_into(blocks, current);
}

/// A tag found by the scanner.
struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    /// Offset where the attributes start (just after the name).
    attributes_start: usize,
    /// Offset one past the `>`.
    end: usize,
}

impl Tag {
    /// Scans a tag, comment or declaration starting at `<`. Returns `None` when the
    /// `<` does not start markup (a bare `<` in text).
    fn scan(text: &str, at: usize) -> Option<Tag> {
        let rest = &text[at..];
        if rest.starts_with("<!--") {
            let end = rest.find("-->").map_or(text.len(), |i| at + i + 3);
            return Some(Tag { name: String::new(), closing: false, self_closing: true, attributes_start: end, end });
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            let end = rest.find('>').map_or(text.len(), |i| at + i + 1);
            return Some(Tag { name: String::new(), closing: false, self_closing: true, attributes_start: end, end });
        }
        let (closing, name_start) = if rest.starts_with("</") { (true, 2) } else { (false, 1) };
        let name: String =
            rest[name_start..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ':').collect();
        if name.is_empty() || !rest[name_start..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        // Find the closing `>`, skipping quoted attribute values.
        let mut quote = None;
        let mut end = None;
        for (i, c) in rest.char_indices().skip(name_start + name.len()) {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '>') => {
                    end = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let end = end.map_or(text.len(), |i| at + i + 1);
        let self_closing = text[..end].ends_with("/>");
        let attributes_start = (at + name_start + name.len()).min(end);
        Some(Tag { name: name.to_ascii_lowercase(), closing, self_closing, attributes_start, end })
    }
}

fn find_ci(text: &str, from: usize, needle: &str) -> Option<usize> {
    let hay = text.as_bytes().get(from..)?;
    let needle = needle.as_bytes();
    hay.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle)).map(|i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_read_row_by_row_with_their_header() {
        let text = "<p>Visits</p><table><thead><tr><th>Visitor</th><th>Arrived</th></tr></thead>\n<tbody><tr><td>Kim<td><p>March 26,</p> 2018</td></tr>\n<tr><td>Moon</td><td></td></tr></tbody></table><p>After.</p>";
        let (blocks, _) = read(text);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.trim()).collect();
        assert_eq!(
            texts,
            ["Visits", "Visitor; Arrived", "Visitor: Kim; Arrived: March 26,  2018", "Visitor: Moon", "After."]
        );
        let row = &blocks[2];
        let at = row.text.find("Kim").unwrap();
        assert_eq!(row.to_original(Span::new(at, at + 3)).slice(text), "Kim");
        let label = row.text.find("Arrived").unwrap();
        assert!(row.to_original(Span::new(label, label + 7)).is_empty());
    }

    #[test]
    fn visible_text_only_with_offsets() {
        let text = r#"<html><head><title>T</title><meta property="article:published_time" content="2018-03-28T10:00:00Z"><script>var x = "2011";</script></head>
<body><h1>Kim &amp; Xi</h1><p>They met on <b>Monday</b>.
Then left.</p><!-- a comment --><div>Caption 2017</div></body></html>"#;
        let (blocks, meta) = read(text);
        assert_eq!(meta.published, Some(jiff::civil::date(2018, 3, 28)));
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Kim & Xi", "They met on Monday. Then left.", "Caption 2017"]);
        let block = &blocks[1];
        let at = block.text.find("Monday").unwrap();
        assert_eq!(block.to_original(Span::new(at, at + 6)).slice(text), "Monday");
        let amp = blocks[0].to_original(Span::new(4, 5));
        assert_eq!(amp.slice(text), "&amp;");
    }

    #[test]
    fn time_element_gives_the_date_and_odd_markup_is_survived() {
        let text = "<p>a < b and <time datetime=\"2019-01-02\">then</time> &bogus; <unclosed";
        let (blocks, meta) = read(text);
        assert_eq!(meta.published, Some(jiff::civil::date(2019, 1, 2)));
        assert_eq!(blocks[0].text, "a < b and then &bogus; ");
        let deep = "<div>".repeat(100_000) + "x";
        assert_eq!(read(&deep).0.len(), 1);
    }

    #[test]
    fn references_are_read_by_the_full_table() {
        let text = "<p>a &NotNestedLessLess; b &amp c &#x41;&#66 &bogus; &#;</p>";
        let (blocks, _) = read(text);
        assert_eq!(blocks[0].text, "a \u{2aa1}\u{338} b & c AB &bogus; &#;");
        let at = blocks[0].text.find('\u{2aa1}').unwrap();
        let entity = blocks[0].to_original(Span::new(at, at + "\u{2aa1}\u{338}".len()));
        assert_eq!(entity.slice(text), "&NotNestedLessLess;");
        let at = blocks[0].text.find("AB").unwrap();
        assert_eq!(blocks[0].to_original(Span::new(at, at + 2)).slice(text), "&#x41;&#66");
    }

    #[test]
    fn entity_followed_by_multibyte_text_does_not_panic() {
        // Found by fuzzing (`source`): the entity scan cut the text at byte 12, inside
        // a three-byte character.
        let text = "&\nBy \u{FFFD}\u{FFFD}\u{FFFD}ing for it.";
        let (blocks, _) = read(text);
        assert_eq!(blocks[0].text, "& By \u{FFFD}\u{FFFD}\u{FFFD}ing for it.");
        assert_eq!(decode_entity("&ab\u{E9}cdefghi;"), None);
        assert_eq!(decode_entity("&amp;\u{E9}"), Some((Cow::Borrowed("&"), 5)));
    }
}

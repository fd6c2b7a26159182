//! Byte spans into a source file, and the one place that turns a byte offset into a
//! line and column.
//!
//! Every claim, sentence and finding carries a [`Span`] of byte offsets into the
//! *original* file, so that evidence always points back to what the author wrote, even
//! when the text was Markdown or HTML. Lines and columns are computed only here, by
//! [`LineIndex`], so that every output format agrees on them.

use serde::{Deserialize, Serialize};

/// A half-open range of byte offsets `[start, end)` into a source file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; the ends are swapped if given in the wrong order.
    pub fn new(start: usize, end: usize) -> Span {
        if start <= end { Span { start, end } } else { Span { start: end, end: start } }
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text under the span, or `""` when the span does not lie on char boundaries
    /// inside `text`.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// The span moved right by `offset` bytes.
    pub fn shift(&self, offset: usize) -> Span {
        Span { start: self.start + offset, end: self.end + offset }
    }

    /// True when `other` lies entirely inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// A 1-based line and a 1-based column counted in characters (Unicode scalar values).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// The start offset of every line of a text, for turning offsets into positions.
///
/// A line ends at `\n`, at `\r\n`, or at a lone `\r`, so that files written on any
/// platform get the line numbers an editor shows.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text` in one pass.
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for pos in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            let is_crlf = bytes[pos] == b'\r' && bytes.get(pos + 1) == Some(&b'\n');
            if !is_crlf {
                starts.push(pos + 1);
            }
        }
        LineIndex { starts }
    }

    /// The position of byte `offset` in `text` (the text this index was built from).
    /// An offset past the end, or inside a character, is moved back to the nearest
    /// character boundary.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let column = text.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
        Position { line, column }
    }

    /// Number of lines in the text.
    pub fn lines(&self) -> usize {
        self.starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_follow_every_line_ending() {
        let text = "ab\ncd\r\nef\rgh";
        let index = LineIndex::new(text);
        assert_eq!(index.lines(), 4);
        assert_eq!(index.position(text, 0), Position { line: 1, column: 1 });
        assert_eq!(index.position(text, 3), Position { line: 2, column: 1 });
        assert_eq!(index.position(text, 7), Position { line: 3, column: 1 });
        assert_eq!(index.position(text, 11), Position { line: 4, column: 2 });
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "“Kim” met Xi";
        let index = LineIndex::new(text);
        let at = text.find("met").unwrap();
        assert_eq!(index.position(text, at), Position { line: 1, column: 7 });
        // An offset inside a multi-byte character moves back to its start.
        assert_eq!(index.position(text, 1), Position { line: 1, column: 1 });
        assert_eq!(index.position(text, 999).line, 1);
    }

    #[test]
    fn span_slice_is_safe() {
        let span = Span::new(5, 2);
        assert_eq!(span, Span { start: 2, end: 5 });
        assert_eq!(span.slice("ab"), "");
        assert_eq!(Span::new(0, 2).slice("abc"), "ab");
        assert_eq!(Span::new(0, 1).slice("“"), "");
    }
}

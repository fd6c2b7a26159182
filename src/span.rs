//! Byte spans into a source file, and the one place that turns a byte offset into a
//! line and column.
//!
//! Every claim, sentence and finding carries a [`Span`] of byte offsets into the
//! *original* file, so that evidence always points back to what the author wrote, even
//! when the text was Markdown or HTML. Lines and columns are computed only here, by
//! [`LineIndex`], so that every output format agrees on them.

use std::ops::Range;

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

/// Bytes between two column checkpoints on a long line.
const CHECKPOINT_EVERY: usize = 64 * 1024;

/// The start offset of every line of a text, for turning offsets into positions.
///
/// A line ends at `\n`, at `\r\n`, or at a lone `\r`, so that files written on any
/// platform get the line numbers an editor shows.
///
/// A column is a count of characters from the start of the line, so on a very long line
/// (a 50 MB file with no line break) each position would cost a scan of the line, and a
/// line with many claims would cost their product. Long lines therefore keep
/// checkpoints: every [`CHECKPOINT_EVERY`] bytes, the offset and its column.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// `(offset, characters from its line's start)`, increasing, on long lines only.
    checkpoints: Vec<(usize, usize)>,
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
        let mut checkpoints = Vec::new();
        for (i, &start) in starts.iter().enumerate() {
            let end = starts.get(i + 1).copied().unwrap_or(bytes.len());
            if end - start > CHECKPOINT_EVERY {
                checkpoint_line(text, start, end, &mut checkpoints);
            }
        }
        LineIndex { starts, checkpoints }
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
        let line_start = self.starts[line - 1];
        let (from, column) = match self.checkpoints.partition_point(|&(at, _)| at <= offset).checked_sub(1) {
            Some(i) if self.checkpoints[i].0 >= line_start => self.checkpoints[i],
            _ => (line_start, 0),
        };
        let column = column + text.get(from..offset).map_or(0, |s| s.chars().count()) + 1;
        Position { line, column }
    }

    /// Number of lines in the text.
    pub fn lines(&self) -> usize {
        self.starts.len()
    }

    /// The byte range of 1-based line `line` of `text` (the text this index was built
    /// from), without its line end; `None` past the last line.
    pub fn line_range(&self, text: &str, line: usize) -> Option<Range<usize>> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let next = self.starts.get(line).copied().unwrap_or(text.len()).min(text.len());
        let body = text.get(start..next).unwrap_or("");
        let ending = if body.ends_with("\r\n") { 2 } else { usize::from(body.ends_with(['\n', '\r'])) };
        Some(start..next - ending)
    }

    /// The lines of `text` (the text this index was built from), without line ends.
    pub fn lines_of<'a>(&'a self, text: &'a str) -> impl Iterator<Item = &'a str> {
        (1..=self.lines()).filter_map(|line| self.line_range(text, line).and_then(|r| text.get(r)))
    }
}

/// Adds the checkpoints of the line `start..end` of `text`: offsets on character
/// boundaries about [`CHECKPOINT_EVERY`] bytes apart, each with its column.
fn checkpoint_line(text: &str, start: usize, end: usize, checkpoints: &mut Vec<(usize, usize)>) {
    let mut at = start;
    let mut column = 0;
    loop {
        let mut next = (at + CHECKPOINT_EVERY).min(end);
        while !text.is_char_boundary(next) {
            next += 1;
        }
        if next >= end {
            return;
        }
        column += text.get(at..next).map_or(0, |s| s.chars().count());
        checkpoints.push((next, column));
        at = next;
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
    fn lines_end_at_every_line_ending() {
        let text = "ab\ncd\r\nef\rgh";
        let index = LineIndex::new(text);
        assert_eq!(index.lines_of(text).collect::<Vec<_>>(), ["ab", "cd", "ef", "gh"]);
        assert_eq!(index.line_range(text, 2), Some(3..5));
        assert_eq!(index.line_range(text, 0), None);
        assert_eq!(index.line_range(text, 5), None);
        let text = "a\n";
        assert_eq!(LineIndex::new(text).lines_of(text).collect::<Vec<_>>(), ["a", ""]);
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

    #[test]
    fn columns_on_very_long_lines_use_checkpoints() {
        let line = "é".repeat(100_000) + "x" + &"ab".repeat(80_000);
        let text = format!("first\r\n{line}\rlast");
        let index = LineIndex::new(&text);
        assert!(!index.checkpoints.is_empty());
        for offset in [7, 7 + 2 * 100_000, 7 + 2 * 100_000 + 1 + 90_001, text.len() - 4, text.len()] {
            let at = index.position(&text, offset);
            let line_start = text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
            let expected = text[line_start..offset].chars().count() + 1;
            assert_eq!(at.column, expected, "offset {offset}");
        }
        assert_eq!(index.position(&text, text.len() - 4), Position { line: 3, column: 1 });
        assert_eq!(index.position(&text, 8).column, 1);
    }
}

//! Blocks of visible text and the map from their bytes back to the original file.

use crate::span::Span;
use crate::text;

/// A stretch of visible text that stands on its own: a paragraph, a heading, a list
/// item, a caption. A sentence never crosses from one block into the next.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Block {
    /// The visible text, with markup removed and entities decoded.
    pub text: String,
    /// Where each part of `text` came from, in order of `plain`.
    pub pieces: Vec<Piece>,
}

/// A part of a block's text and the bytes of the original file it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Offset of the piece in the block's text.
    pub plain: usize,
    /// Length of the piece in the block's text.
    pub len: usize,
    /// The bytes of the original file it stands for.
    pub original: Span,
    /// True when the piece is a copy of those bytes, so offsets inside it map one to
    /// one; false for decoded entities and inserted separators, which map as a whole.
    pub verbatim: bool,
}

impl Block {
    /// Appends text copied unchanged from `original`.
    pub fn push_verbatim(&mut self, text: &str, original: Span) {
        self.push(text, original, true);
    }

    /// Appends text that stands for `original` without being a copy of it (a decoded
    /// entity, a space for a line break).
    pub fn push_mapped(&mut self, text: &str, original: Span) {
        self.push(text, original, false);
    }

    fn push(&mut self, text: &str, original: Span, verbatim: bool) {
        if text.is_empty() {
            return;
        }
        let plain = self.text.len();
        self.text.push_str(text);
        let verbatim = verbatim && text.len() == original.len();
        // A piece that continues the last one is the last one grown: a copy of the
        // bytes right after the last copy, or text standing for the very span the last
        // mapped piece stands for (a table row's `; `, header and `: ` all stand for
        // the empty span where the cell starts). Both map exactly as the two pieces
        // did, and a table of short rows does not cost a piece per separator.
        if let Some(last) = self.pieces.last_mut() {
            let follows = last.plain + last.len == plain;
            let continues = if verbatim {
                last.verbatim && last.original.end == original.start
            } else {
                !last.verbatim && last.original == original
            };
            if follows && continues {
                last.len += text.len();
                last.original = Span::new(last.original.start, original.end);
                return;
            }
        }
        self.pieces.push(Piece { plain, len: text.len(), original, verbatim });
    }

    /// True when the block holds no visible character.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Moves `current` to the end of `blocks` unless it is blank, sized to what it
    /// holds: a block grows by doubling while it is read, and a document of many short
    /// blocks (a table row each) would otherwise keep up to twice its text and pieces.
    pub(super) fn flush_into(blocks: &mut Vec<Block>, current: &mut Block) {
        let mut block = std::mem::take(current);
        if !block.is_blank() {
            block.text.shrink_to_fit();
            block.pieces.shrink_to_fit();
            blocks.push(block);
        }
    }

    /// The original offset of a start position in the block's text.
    pub fn start_to_original(&self, plain: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.plain + p.len <= plain);
        match self.pieces.get(i) {
            Some(p) if p.verbatim => p.original.start + plain.saturating_sub(p.plain).min(p.len),
            Some(p) => p.original.start,
            None => self.pieces.last().map_or(0, |p| p.original.end),
        }
    }

    /// The original offset of an end position (exclusive) in the block's text.
    pub fn end_to_original(&self, plain: usize) -> usize {
        if plain == 0 {
            return self.start_to_original(0);
        }
        let i = self.pieces.partition_point(|p| p.plain + p.len < plain);
        match self.pieces.get(i) {
            Some(p) if p.verbatim => p.original.start + (plain - p.plain).min(p.len),
            Some(p) => p.original.end,
            None => self.pieces.last().map_or(0, |p| p.original.end),
        }
    }

    /// A span of the block's text as a span of the original file.
    pub fn to_original(&self, plain: Span) -> Span {
        Span::new(self.start_to_original(plain.start), self.end_to_original(plain.end))
    }

    /// The block with its text in Unicode NFC ("e" and a combining acute accent as
    /// "é"), still mapped to the original file: a stretch that composition changed
    /// maps as a whole to the bytes it came from, the rest keeps its pieces. A block
    /// already in NFC, as nearly every one is, comes back as it was.
    pub fn into_nfc(self) -> Block {
        let Some(runs) = text::nfc_runs(&self.text) else { return self };
        let mut block = Block::default();
        for run in runs {
            match run.composed {
                Some(composed) => {
                    block.push_mapped(&composed, self.to_original(Span::new(run.source.start, run.source.end)))
                }
                None => block.copy_pieces(&self, run.source.start, run.source.end),
            }
        }
        block
    }

    /// Appends the text of `other` from `start` to `end` with its pieces, cut to that
    /// stretch: a verbatim piece keeps mapping byte for byte, a mapped one as a whole.
    fn copy_pieces(&mut self, other: &Block, start: usize, end: usize) {
        let first = other.pieces.partition_point(|p| p.plain + p.len <= start);
        for piece in other.pieces.iter().skip(first).take_while(|p| p.plain < end) {
            let from = start.max(piece.plain);
            let to = end.min(piece.plain + piece.len);
            let Some(part) = other.text.get(from..to) else { continue };
            if piece.verbatim {
                let original = piece.original.start + (from - piece.plain);
                self.push_verbatim(part, Span::new(original, original + part.len()));
            } else {
                self.push_mapped(part, piece.original);
            }
        }
    }
}

/// The longest run of text without a sentence end (`.`, `!`, `?`, a line break) that is
/// read as one sentence, in bytes. Longer runs (a data dump, a minified page, a list
/// joined by commas) are cut at the last white space before the limit, with a warning:
/// the later steps look at a sentence as a whole, and their cost on one sentence grows
/// faster than its length (a 1 MB line took `check` 54 s before this cut).
pub const RUN_WITHOUT_STOP_MAX: usize = 16 * 1024;

impl Block {
    /// The block, cut where it runs longer than [`RUN_WITHOUT_STOP_MAX`] bytes without a
    /// sentence end; the pieces keep mapping into the file. Returns the blocks and how
    /// many cuts were made (none for any block of ordinary prose).
    pub fn cut_long_runs(self) -> (Vec<Block>, usize) {
        // Most blocks are paragraphs far shorter than the limit: nothing to look for.
        if self.text.len() <= RUN_WITHOUT_STOP_MAX {
            return (vec![self], 0);
        }
        let bytes = self.text.as_bytes();
        let (mut start, mut stop, mut space) = (0, 0, 0);
        let mut cuts = Vec::new();
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                b'.' | b'!' | b'?' | b'\n' => stop = i + 1,
                b' ' | b'\t' => space = i + 1,
                _ => {}
            }
            let from = start.max(stop);
            if (i + 1).saturating_sub(from) > RUN_WITHOUT_STOP_MAX {
                let mut cut = if space > from { space } else { i };
                while !self.text.is_char_boundary(cut) {
                    cut -= 1;
                }
                if cut > start {
                    cuts.push(cut);
                    start = cut;
                }
            }
        }
        if cuts.is_empty() {
            return (vec![self], 0);
        }
        let count = cuts.len();
        let mut blocks = Vec::with_capacity(count + 1);
        let mut from = 0;
        for cut in cuts.into_iter().chain([self.text.len()]) {
            let mut part = Block::default();
            part.copy_pieces(&self, from, cut);
            if !part.is_blank() {
                blocks.push(part);
            }
            from = cut;
        }
        (blocks, count)
    }
}

/// The longest header text put before each cell of its column (in bytes, cut at a
/// character boundary): a header repeated in every row must not multiply a long
/// header by the number of rows.
pub const HEADER_LABEL_MAX: usize = 80;

/// A table row being read into one block: its cells in order, joined with `; `, each
/// body cell preceded by its column's header (`Date: March 26, 2018; Visitors: 300`),
/// so that a cue in the header reaches the claims of every row, and a table of dates
/// is one short sentence per row rather than one sentence the size of the table.
///
/// The header text and the separators map to an empty span where the cell starts:
/// they stand for no bytes of the row, so a claim read inside a header label is not
/// placed in the row (the header row, a block of its own, holds it once).
#[derive(Debug, Default)]
pub struct TableRow {
    /// The row read so far.
    pub block: Block,
    /// The visible text of each cell so far, trimmed.
    pub cells: Vec<String>,
}

impl TableRow {
    /// Appends a cell, labelled with `header` when it is a body cell of a column with a
    /// header. A blank cell adds nothing but its place in `cells`.
    pub fn push_cell(&mut self, cell: &Block, header: Option<&str>) {
        self.cells.push(cell.text.trim().to_string());
        if cell.is_blank() {
            return;
        }
        let start = cell.text.len() - cell.text.trim_start().len();
        let end = cell.text.trim_end().len();
        let at = cell.start_to_original(start);
        let here = Span::new(at, at);
        if !self.block.is_blank() {
            self.block.push_mapped("; ", here);
        }
        if let Some(header) = header.map(str::trim).filter(|h| !h.is_empty()) {
            let mut cut = header.len().min(HEADER_LABEL_MAX);
            while !header.is_char_boundary(cut) {
                cut -= 1;
            }
            self.block.push_mapped(&header[..cut], here);
            self.block.push_mapped(": ", here);
        }
        self.block.copy_pieces(cell, start, end);
    }
}

/// Splits plain text into blocks at blank lines; each block is a verbatim copy. A line
/// ends at `\n`, `\r\n` or a lone `\r` (old Mac files), as in [`crate::span::LineIndex`].
pub fn plain_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut start = None;
    let mut last_end = 0;
    for (line_start, content, _) in lines(text) {
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                blocks.push(verbatim_block(text, s, last_end));
            }
            continue;
        }
        if start.is_none() {
            start = Some(line_start + (content.len() - content.trim_start().len()));
        }
        last_end = line_start + content.trim_end().len();
    }
    if let Some(s) = start {
        blocks.push(verbatim_block(text, s, last_end));
    }
    blocks
}

/// The lines of `text` without their line endings, each with its start offset and the
/// offset of the next line.
pub(super) fn lines(text: &str) -> impl Iterator<Item = (usize, &str, usize)> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        let end = memchr::memchr2(b'\n', b'\r', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        at = match bytes.get(end..end + 2) {
            Some(b"\r\n") => end + 2,
            _ => end + 1,
        };
        // Both ends sit next to ASCII bytes or the ends of the text: char boundaries.
        Some((start, text.get(start..end).unwrap_or(""), at.min(bytes.len())))
    })
}

fn verbatim_block(text: &str, start: usize, end: usize) -> Block {
    let mut block = Block::default();
    block.push_verbatim(&text[start..end], Span::new(start, end));
    block
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_without_a_sentence_end_are_cut_at_white_space() {
        let prose = "Kim stayed four days. ".repeat(2_000);
        let run = "4 ships, ".repeat(5_000);
        for (text, cuts) in [(prose.as_str(), 0), (run.as_str(), 2)] {
            let mut block = Block::default();
            block.push_verbatim(text, Span::new(0, text.len()));
            let (parts, made) = block.cut_long_runs();
            assert_eq!(made, cuts);
            assert_eq!(parts.iter().map(|p| p.text.len()).sum::<usize>(), text.len());
            for part in &parts {
                assert!(cuts == 0 || part.text.len() <= RUN_WITHOUT_STOP_MAX + 1, "{}", part.text.len());
                let span = part.to_original(Span::new(0, part.text.len()));
                assert_eq!(span.slice(text), part.text);
            }
        }
    }

    #[test]
    fn blank_lines_separate_blocks() {
        let text = "Headline\n\n  First line.\nSecond line.  \r\n\r\nLast";
        let blocks = plain_blocks(text);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Headline", "First line.\nSecond line.", "Last"]);
        for block in &blocks {
            assert_eq!(block.to_original(Span::new(0, block.text.len())).slice(text), block.text);
        }
    }

    #[test]
    fn lone_carriage_returns_end_lines_too() {
        let text = "One.\rTwo.\r\rThree.\r\n\r\nFour.\n\nFive.";
        let texts: Vec<String> = plain_blocks(text).into_iter().map(|b| b.text).collect();
        assert_eq!(texts, ["One.\rTwo.", "Three.", "Four.", "Five."]);
        assert!(plain_blocks("\r\r\n\n").is_empty());
    }

    #[test]
    fn nfc_composes_and_maps_to_the_original_bytes() {
        // "Cafe\u{301} &amp; Zola\u{308}" shown as "Café & Zolä".
        let original = "Cafe\u{301} &amp; Zola\u{308}";
        let mut block = Block::default();
        block.push_verbatim("Cafe\u{301} ", Span::new(0, 7));
        block.push_mapped("&", Span::new(7, 12));
        block.push_verbatim(" Zola\u{308}", Span::new(12, 19));
        let block = block.into_nfc();
        assert_eq!(block.text, "Café & Zolä");
        let rows = [("Caf", "Caf"), ("é", "e\u{301}"), ("Café", "Cafe\u{301}"), ("&", "&amp;"), ("Zol", "Zol")];
        for (shown, written) in rows {
            let at = block.text.find(shown).unwrap();
            assert_eq!(block.to_original(Span::new(at, at + shown.len())).slice(original), written, "{shown}");
        }
        assert_eq!(block.to_original(Span::new(0, block.text.len())), Span::new(0, original.len()));
        let plain = plain_blocks("Already composed: é.");
        assert_eq!(plain.clone().into_iter().map(Block::into_nfc).collect::<Vec<_>>(), plain);
    }

    #[test]
    fn mapped_pieces_map_as_a_whole() {
        // "a &amp; b" shown as "a & b".
        let mut block = Block::default();
        block.push_verbatim("a ", Span::new(0, 2));
        block.push_mapped("&", Span::new(2, 7));
        block.push_verbatim(" b", Span::new(7, 9));
        assert_eq!(block.to_original(Span::new(0, 5)), Span::new(0, 9));
        assert_eq!(block.to_original(Span::new(2, 3)), Span::new(2, 7));
        assert_eq!(block.to_original(Span::new(4, 5)), Span::new(8, 9));
        assert_eq!(block.start_to_original(99), 9);
    }
}

//! The one pass over a block's text that finds where its sentences end.
//!
//! The scanner jumps from one byte of interest to the next (a terminator, a line break,
//! a bullet, a closing parenthesis; a lookup table says which bytes may start one) and
//! decides each candidate by looking at the word before it and the word after it:
//!
//! - A terminator ends a sentence, with its closing quotes and brackets, when white
//!   space and then something other than a lower-case letter follow (UAX #29 rules
//!   SB8 and SB11); "3.14", "Jane.Doe" and "Yahoo! in" do not. A full stop with the
//!   space after it missing ("world.Today") ends one too, unless the words around it
//!   look like an address or code.
//! - After a full stop, the word before decides ([`words`](super::words)): a title
//!   never ends a sentence, an abbreviation before a number neither ("No. 5"), an
//!   ambiguous abbreviation or an initial only before a word that opens sentences ("in
//!   the U.S. How", not "U.S. President"), a state after "City," before any capital,
//!   "a.m." and "p.m." before a capital that is not a day, month or time zone; and none
//!   of them after a lone introductory phrase ("At 5 a.m. Mr. Smith").
//! - Ellipses: "..." or "…" before a capital ends a sentence, a spaced ". . ." does
//!   not, four dots do, "word. . . . Next" ends after the word's full stop; an omission
//!   in brackets "[...]" and a dot leader of five or more dots never do.
//! - A list marker at the start of a sentence ("1.", "a.") keeps its full stop, and the
//!   next marker in sequence on the same line starts a new sentence; so does a bullet,
//!   and a marker right after a stop even in lower case ("Smith. a. here", "(ii)").
//! - A blank line always ends a sentence. A single line break ends one that has no
//!   final stop, unless the line stops in the middle of a phrase or the block is
//!   hard-wrapped prose ([`lines`](super::lines)).

use super::chars::{is_bullet, is_cjk_terminator, is_closer, is_line_break, is_line_bullet, is_opener, is_terminator};
use super::lines::{self, Wrap};
use super::lists::{self, Marker};
use super::words::{self, Abbreviation};
use crate::span::Span;

/// Bytes that may start a character the scanner must look at: the ASCII terminators,
/// `)` and line breaks, and the lead bytes of the non-ASCII ones (U+0085, U+2026,
/// U+2028, bullets, CJK and full-width stops). Lead bytes never occur inside a
/// character, so every stop is on a char boundary.
static INTERESTING: [bool; 256] = {
    let mut table = [false; 256];
    let bytes: &[u8] = b".!?)\n\r\x0B\x0C\xC2\xE2\xE3\xEF";
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
};

/// How far back, in bytes, the scanner looks for the word before a candidate: longer
/// than any listed abbreviation or list marker, short enough to keep every look cheap.
const LOOK_BACK: usize = 64;

#[cfg(test)]
thread_local! {
    /// Bytes the scanner has looked at on this thread, counted in test builds only:
    /// the work that the linearity test holds to a count instead of a clock.
    pub(super) static LOOKED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Counts `bytes` looked at (test builds only; nothing otherwise).
#[inline]
fn looked(bytes: usize) {
    #[cfg(test)]
    LOOKED.with(|l| l.set(l.get() + bytes));
    #[cfg(not(test))]
    let _ = bytes;
}

/// The sentence spans of `text`, trimmed of white space, in order.
pub fn sentence_spans(text: &str) -> Vec<Span> {
    let mut scanner = Scanner { text, spans: Vec::new(), start: 0, list: None, wrap: None };
    scanner.run();
    scanner.spans
}

struct Scanner<'a> {
    text: &'a str,
    spans: Vec<Span>,
    /// Where the current sentence starts (before trimming).
    start: usize,
    /// The list marker the current sentence opened with, so that the next marker in
    /// sequence starts a new sentence.
    list: Option<Marker>,
    /// How the block's lines are wrapped; worked out at the first line break that
    /// needs it.
    wrap: Option<Wrap>,
}

/// A run of terminators: "." "?!" "..." "…" ". . . .".
struct Cluster {
    /// Offset just past the last terminator.
    end: usize,
    /// Full stops, an ellipsis character counting three.
    dots: usize,
    /// True when it holds `!` or `?`.
    strong: bool,
    /// True when it holds a CJK stop.
    cjk: bool,
    /// True when its full stops are separated by spaces (". . .").
    spaced: bool,
}

impl Cluster {
    fn read(text: &str, at: usize) -> Cluster {
        let mut cluster = Cluster { end: at, dots: 0, strong: false, cjk: false, spaced: false };
        let bytes = text.as_bytes();
        for (i, c) in text[at..].char_indices() {
            match c {
                '.' => cluster.dots += 1,
                '…' => cluster.dots += 3,
                ' ' if !cluster.strong && bytes.get(at + i + 1) == Some(&b'.') && spaced_dot(bytes, at + i + 2) => {
                    cluster.spaced = true;
                    continue;
                }
                c if is_cjk_terminator(c) => cluster.cjk = true,
                c if is_terminator(c) => cluster.strong = true,
                _ => break,
            }
            cluster.end = at + i + c.len_utf8();
        }
        looked(cluster.end - at + 1);
        cluster
    }
}

/// True when the full stop before `after` stands alone, as the dots of a spaced ellipsis
/// do, rather than opening a word (".NET", ".5").
fn spaced_dot(bytes: &[u8], after: usize) -> bool {
    bytes.get(after).is_none_or(|&b| matches!(b, b' ' | b'.' | b'\n' | b'\r' | b'"' | b'\'' | b')' | b']' | 0xE2))
}

impl<'a> Scanner<'a> {
    fn run(&mut self) {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            looked(1);
            if !INTERESTING[usize::from(bytes[i])] {
                i += 1;
                continue;
            }
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else { break };
            let next = i + c.len_utf8();
            i = match c {
                c if is_terminator(c) => self.terminator(i),
                ')' => {
                    self.paren(i);
                    next
                }
                '\r' if bytes.get(next) == Some(&b'\n') => {
                    self.line_break(i);
                    next + 1
                }
                c if is_line_break(c) => {
                    self.line_break(i);
                    next
                }
                c if is_bullet(c) => {
                    self.bullet(i);
                    next
                }
                _ => next,
            };
        }
        self.push(text.len());
    }

    /// Ends the current sentence at `end` (if it holds anything) and starts the next.
    fn push(&mut self, end: usize) {
        if end <= self.start {
            return;
        }
        let span = trim(self.text, Span::new(self.start, end));
        self.start = end;
        self.list = None;
        if !span.is_empty() {
            self.spans.push(span);
        }
    }

    /// Decides the terminator run at `at`; returns where to resume.
    fn terminator(&mut self, at: usize) -> usize {
        let text = self.text;
        let cluster = Cluster::read(text, at);
        let closed = skip(text, cluster.end, is_closer);
        if cluster.cjk {
            self.push(closed);
            return closed;
        }
        let next = skip(text, closed, char::is_whitespace);
        if next == text.len() || (next == closed && !self.missing_space(at, &cluster, closed)) {
            // The end of the block, or glued to what follows ("3.14", "U.S.A", "Jr.'s").
            return cluster.end;
        }
        let first = skip(text, next, is_opener);
        // A list item marker starts a sentence even in lower case ("Smith. a. here", "(ii)").
        let lower = text[first..].chars().next().is_some_and(char::is_lowercase) && !lists::opens_item(&text[next..]);
        let end = if cluster.strong {
            (!lower).then_some(closed)
        } else if cluster.dots >= 3 {
            self.ellipsis(at, &cluster, closed, lower)
        } else {
            self.full_stop(at, closed, next, first, lower)
        };
        if let Some(end) = end {
            self.push(end);
        }
        closed
    }

    /// True when the full stop at `at` is glued to the next sentence by a missing space
    /// ("world.Today", "1,000.That"): a lower-case word or a number, then a capitalised
    /// word that is not part of an address ("Jane.Doe@example.com", "www.Example.com")
    /// or of code ("System.Out.println"). Both looks are bounded, so a long run of
    /// text without spaces stays linear.
    fn missing_space(&self, at: usize, cluster: &Cluster, closed: usize) -> bool {
        let text = self.text;
        if cluster.dots != 1 || cluster.strong || closed != cluster.end {
            return false;
        }
        if !text[..at].ends_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit()) {
            return false;
        }
        let address = |c: char| matches!(c, '@' | '/' | ':' | '\\' | '_' | '.');
        let after = &text[closed..];
        let mut chars = after.chars();
        if !chars.next().is_some_and(char::is_uppercase) || !chars.next().is_some_and(char::is_lowercase) {
            return false;
        }
        let word = after.find(|c: char| !c.is_alphabetic()).unwrap_or(after.len());
        let mut rest = after[word..].chars();
        let glued_on = match rest.next() {
            Some('.') => rest.next().is_some_and(char::is_alphanumeric),
            Some(c) => address(c),
            None => false,
        };
        let from = self.window(at);
        let head = &text[from..at];
        let word_before = match head.char_indices().rev().find(|&(_, c)| c.is_whitespace()) {
            Some((i, c)) => Some(&head[i + c.len_utf8()..]),
            // The sentence starts within the window: its start bounds the word.
            None if from == self.start => Some(head),
            None => None,
        };
        !glued_on && word_before.is_some_and(|word| !word.contains(address))
    }

    /// Where an ellipsis ends a sentence, if it does.
    fn ellipsis(&self, at: usize, cluster: &Cluster, closed: usize, lower: bool) -> Option<usize> {
        let text = self.text;
        let bracketed = text[..at].ends_with(['[', '(']) && text[cluster.end..].starts_with([']', ')']);
        if lower || bracketed {
            return None;
        }
        let attached = text[..at].chars().next_back().is_some_and(|c| !c.is_whitespace());
        match (cluster.dots, cluster.spaced) {
            // A dot leader ("Contents........5") is not an ellipsis.
            (5.., false) => None,
            // ". . ." marks an omission inside a sentence; "..." before a capital ends one.
            (3, true) => None,
            (3, false) => Some(closed),
            // "compounds. . . . The": a full stop, then an ellipsis that opens the next sentence.
            (_, true) if attached && text[at..].starts_with('.') => Some(at + 1),
            _ => Some(closed),
        }
    }

    /// Where a full stop at `at` ends a sentence, if it does. `next` is the offset of the
    /// next word, `first` that of its first letter or digit (after opening quotes and
    /// brackets).
    fn full_stop(&mut self, at: usize, closed: usize, next: usize, first: usize, lower: bool) -> Option<usize> {
        let (word_start, word) = self.word_before(at);
        if let Some(marker) = Marker::parse(word, &self.text[at..])
            && self.list_marker(word_start, marker)
        {
            return None;
        }
        if lower {
            return None;
        }
        let digit = self.text[first..].starts_with(|c: char| c.is_ascii_digit());
        let ends = match words::abbreviation(word) {
            None => true,
            Some(Abbreviation::Title | Abbreviation::Inline) => false,
            Some(Abbreviation::Number) => !digit,
            Some(Abbreviation::Place) if first == next && self.text[..word_start].ends_with(", ") => !digit,
            Some(Abbreviation::Time) => {
                !digit && !words::continues_time(&self.text[first..]) && !self.introductory(word_start)
            }
            Some(Abbreviation::Ambiguous | Abbreviation::Place) => {
                !digit && opens_sentence(&self.text[first..]) && !self.introductory(word_start)
            }
        };
        ends.then_some(closed)
    }

    /// A `)` may close a list marker ("1)", "b)").
    fn paren(&mut self, at: usize) {
        if !self.text[at + 1..].starts_with(char::is_whitespace) {
            return;
        }
        let (word_start, word) = self.word_before(at);
        if let Some(marker) = Marker::parse(word, &self.text[at..]) {
            self.list_marker(word_start, marker);
        }
    }

    /// Handles a list marker whose label starts at `word_start`; true when it is one (so
    /// its full stop does not end a sentence).
    fn list_marker(&mut self, word_start: usize, marker: Marker) -> bool {
        if word_start - self.start <= LOOK_BACK && word_start == self.first_word() {
            if marker.opens_list() {
                self.list = Some(marker);
            }
            return true;
        }
        let spaced = self.text[..word_start].ends_with(char::is_whitespace);
        if spaced && self.list.is_some_and(|previous| marker.follows(previous)) {
            self.push(word_start);
            self.list = Some(marker);
            return true;
        }
        false
    }

    /// A bullet after white space starts a new sentence.
    fn bullet(&mut self, at: usize) {
        let head = &self.text[self.start..at];
        if head.ends_with(char::is_whitespace) && !head.trim_start().is_empty() {
            self.push(at);
        }
    }

    /// Decides a line break at `at`: a blank line always ends a sentence; a single line
    /// break may, after a sentence that does not end with a terminator.
    fn line_break(&mut self, at: usize) {
        let text = self.text;
        let before = text[self.start..at].trim_end();
        if before.is_empty() {
            return;
        }
        if blank_line(&text[at..]) {
            self.push(at);
            return;
        }
        if before.trim_end_matches(is_closer).ends_with(is_terminator) {
            return;
        }
        let after = text[at..].trim_start();
        let wrap = &mut self.wrap;
        if lines::ends_sentence(before, after, || *wrap.get_or_insert_with(|| Wrap::of(text))) {
            self.push(at);
        }
    }

    /// The word that ends at `at` (without opening punctuation or a bullet before it),
    /// and where it starts; never reaching into the previous sentence, nor further back
    /// than any listed word or marker is long (so that text without spaces stays linear).
    fn word_before(&self, at: usize) -> (usize, &'a str) {
        let text = self.text;
        let head = &text[self.window(at)..at];
        looked(head.len());
        let start = head.char_indices().rev().find(|&(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
        let word = head[start..].trim_start_matches(|c: char| is_opener(c) || is_bullet(c));
        (at - word.len(), word)
    }

    /// Where to start looking back from `at`: [`LOOK_BACK`] bytes back on a char
    /// boundary, or the start of the sentence if that is nearer.
    fn window(&self, at: usize) -> usize {
        let mut from = self.start.max(at.saturating_sub(LOOK_BACK));
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        from
    }

    /// Where the first word of the current sentence starts, after white space, bullets
    /// and opening punctuation (looked for only in the first [`LOOK_BACK`] bytes).
    fn first_word(&self) -> usize {
        let end = (self.start + LOOK_BACK).min(self.text.len());
        let end = (end..self.text.len()).find(|&i| self.text.is_char_boundary(i)).unwrap_or(self.text.len());
        let head = &self.text[self.start..end];
        looked(head.len());
        let rest = head.trim_start_matches(|c: char| c.is_whitespace() || is_bullet(c) || is_opener(c));
        let rest = match rest.strip_prefix(is_line_bullet) {
            Some(after) if after.starts_with(char::is_whitespace) => after.trim_start(),
            _ => rest,
        };
        end - rest.len()
    }

    /// True when the current sentence up to `word_start` is only an introductory phrase
    /// ("At 5", "In the"), which cannot stand as a sentence.
    fn introductory(&self, word_start: usize) -> bool {
        if word_start - self.start > LOOK_BACK {
            return false;
        }
        let head = &self.text[self.start..word_start];
        looked(head.len());
        let mut tokens = head.split_whitespace();
        tokens.next().is_some_and(|first| words::is_preposition(first.trim_start_matches(is_opener)))
            && tokens.take(4).count() < 4
    }
}

/// True when the word at the start of `rest` shows a new sentence after an ambiguous
/// abbreviation: a word that opens sentences ("It", "The"), or a title ("Mr.").
fn opens_sentence(rest: &str) -> bool {
    let len = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
    looked(len + 1);
    let (word, after) = rest.split_at(len);
    if after.starts_with('.') {
        words::abbreviation(word) == Some(Abbreviation::Title)
    } else {
        words::is_starter(word)
    }
}

/// True when the white space at the start of `rest` holds two line breaks (a CR LF
/// pair counting once).
fn blank_line(rest: &str) -> bool {
    let mut breaks = 0;
    let mut chars = rest.chars().take_while(|c| c.is_whitespace()).peekable();
    while let Some(c) = chars.next() {
        looked(c.len_utf8());
        if is_line_break(c) && !(c == '\r' && chars.peek() == Some(&'\n')) {
            breaks += 1;
        }
    }
    breaks >= 2
}

/// The offset after the characters from `at` on that satisfy `keep`.
fn skip(text: &str, at: usize, keep: impl Fn(char) -> bool) -> usize {
    let rest = &text[at..];
    let end = at + rest.find(|c: char| !keep(c)).unwrap_or(rest.len());
    looked(end - at + 1);
    end
}

/// `span` without white space at either end.
fn trim(text: &str, span: Span) -> Span {
    let slice = span.slice(text);
    looked(slice.len());
    let start = span.start + (slice.len() - slice.trim_start().len());
    let end = span.start + slice.trim_end().len();
    Span::new(start, end.max(start))
}

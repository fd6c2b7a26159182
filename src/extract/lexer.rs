//! The one pass over a sentence that every extractor reads: words, numbers and
//! punctuation, with their byte spans and whether white space precedes them; and the
//! token tests several extractors share (an ordinal, a year, a counted noun, a clean
//! end), kept here so that no extractor imports another for them.
//!
//! Hand-written rather than a regex per pattern: the extractors look at a few tokens
//! around each position, so one linear scan plus table look-ups keeps extraction
//! linear in the text (a regex set would still scan the sentence once per pattern
//! family and could not express "the word before is a preposition" without
//! look-behind, which the `regex` crate lacks).

#[cfg(test)]
use std::cell::Cell;

use super::words::{self, Lex, Unit};
use crate::text::{is_dash, is_hyphen, lower_ascii};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A run of letters.
    Word,
    /// A run of ASCII digits, with thousands separators and a decimal part.
    Num,
    /// Any other single character that is not white space.
    Punct,
}

/// One token: its kind and byte span in the sentence.
#[derive(Clone, Copy, Debug)]
pub struct Token {
    /// What the token is.
    pub kind: Kind,
    /// Offset of its first byte.
    pub start: usize,
    /// Offset one past its last byte.
    pub end: usize,
    /// True when white space comes right before the token.
    pub space: bool,
    /// The word's entry in the word tables, if any.
    pub lex: Option<Lex>,
    /// A number token's value, read once here: every extractor tried at a token asks
    /// for it, and reading it each time was a sixth of extraction.
    pub num: Option<Num>,
}

/// A number token, read.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Num {
    /// Its value.
    pub value: f64,
    /// How many digits come before the decimal point (commas not counted).
    pub int_digits: usize,
    /// True when written with thousands separators ("28,000").
    pub grouped: bool,
    /// True when written with a decimal part ("1.5").
    pub decimal: bool,
}

impl Num {
    /// The value as a whole number, when written as plain digits ("2018", not "2,018"
    /// or "20.18").
    pub fn plain(&self) -> Option<i64> {
        (!self.grouped && !self.decimal && self.int_digits <= 15).then_some(self.value as i64)
    }
}

/// A sentence, tokenized.
#[derive(Debug)]
pub struct Tokens<'a> {
    /// The sentence.
    pub text: &'a str,
    /// The sentence with ASCII letters lowered: same byte offsets as `text`.
    lower: String,
    /// The tokens, in order.
    pub toks: Vec<Token>,
    /// True when the sentence has the word "quarter" (reports of quarterly results
    /// date "a year ago" by quarter); noted while lexing so no extractor rescans.
    pub mentions_quarter: bool,
    /// How many times a token has been looked at: the work of extraction, which tests
    /// hold to a count, not a clock. Counted in test builds only: the count costs a
    /// store on every look, in the extractors' hottest path.
    #[cfg(test)]
    looks: Cell<usize>,
}

impl<'a> Tokens<'a> {
    /// Tokenizes `text` in one pass.
    pub fn new(text: &'a str) -> Tokens<'a> {
        let lower = lower_ascii(text);
        let bytes = text.as_bytes();
        let mut toks = Vec::with_capacity(text.len() / 4);
        let mut space = true;
        let mut mentions_quarter = false;
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if c.is_whitespace() {
                space = true;
                continue;
            }
            let (kind, end) = if c.is_ascii_digit() {
                (Kind::Num, number_end(bytes, start))
            } else if c.is_alphabetic() {
                let mut end = start + c.len_utf8();
                while let Some(&(i, n)) = chars.peek() {
                    if !n.is_alphabetic() {
                        break;
                    }
                    end = i + n.len_utf8();
                    chars.next();
                }
                (Kind::Word, end)
            } else {
                (Kind::Punct, start + c.len_utf8())
            };
            // Skip what the number scan consumed past its first character.
            while let Some(&(i, _)) = chars.peek() {
                if i >= end {
                    break;
                }
                chars.next();
            }
            let lex = match kind {
                Kind::Word => lower.get(start..end).and_then(words::lookup),
                _ => None,
            };
            mentions_quarter |= matches!(lex, Some(Lex::Unit(Unit::Quarter, false)));
            let num = match kind {
                Kind::Num => text.get(start..end).and_then(read_num),
                _ => None,
            };
            toks.push(Token { kind, start, end, space, lex, num });
            space = false;
        }
        Tokens {
            text,
            lower,
            toks,
            mentions_quarter,
            #[cfg(test)]
            looks: Cell::new(0),
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// How many times a token has been looked at so far.
    #[cfg(test)]
    pub fn looks(&self) -> usize {
        self.looks.get()
    }

    /// Token `i`, counted as one look.
    fn token(&self, i: usize) -> Option<&Token> {
        #[cfg(test)]
        self.looks.set(self.looks.get() + 1);
        self.toks.get(i)
    }

    /// The text of token `i` as written.
    pub fn raw(&self, i: usize) -> &'a str {
        self.token(i).and_then(|t| self.text.get(t.start..t.end)).unwrap_or("")
    }

    /// The lowered text of token `i`.
    pub fn low(&self, i: usize) -> &str {
        self.token(i).and_then(|t| self.lower.get(t.start..t.end)).unwrap_or("")
    }

    /// True when token `i` is the word `w` (given in lower case).
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.kind(i) == Some(Kind::Word) && self.low(i) == w
    }

    /// True when token `i` is one of the words `ws`.
    pub fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        self.kind(i) == Some(Kind::Word) && ws.contains(&self.low(i))
    }

    /// The kind of token `i`.
    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.token(i).map(|t| t.kind)
    }

    /// The word-table entry of token `i`.
    pub fn lex(&self, i: usize) -> Option<Lex> {
        self.token(i).and_then(|t| t.lex)
    }

    /// The punctuation character at `i`.
    pub fn punct(&self, i: usize) -> Option<char> {
        match self.token(i) {
            Some(t) if t.kind == Kind::Punct => self.raw(i).chars().next(),
            _ => None,
        }
    }

    /// True when token `i` is the punctuation `c`.
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.punct(i) == Some(c)
    }

    /// True when token `i` is a hyphen or a dash.
    pub fn is_dash(&self, i: usize) -> bool {
        self.punct(i).is_some_and(|c| is_hyphen(c) || is_dash(c))
    }

    /// True when token `i` exists and follows the previous one with no space between.
    pub fn glued(&self, i: usize) -> bool {
        self.token(i).is_some_and(|t| !t.space)
    }

    /// True when token `i` is a word whose first letter is upper case.
    pub fn capitalized(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word) && self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// The number at `i`, read.
    pub fn num(&self, i: usize) -> Option<Num> {
        self.token(i).and_then(|t| t.num)
    }

    /// True when token `i` is four plain digits that could be a year (1000 to 2999).
    pub fn year_like(&self, i: usize) -> bool {
        self.num(i).is_some_and(|n| n.int_digits == 4 && n.plain().is_some_and(|y| (1000..=2999).contains(&y)))
    }

    /// Byte span from the start of token `from` to the end of token `to - 1`.
    pub fn span(&self, from: usize, to: usize) -> Option<(usize, usize)> {
        let a = self.toks.get(from)?;
        let b = self.toks.get(to.checked_sub(1)?)?;
        (a.start <= b.end).then_some((a.start, b.end))
    }
}

/// A number token as written ("28,000", "1.5") read: its value and its form.
fn read_num(raw: &str) -> Option<Num> {
    let grouped = raw.contains(',');
    let decimal = raw.contains('.');
    let int_digits = raw.split('.').next().unwrap_or("").bytes().filter(u8::is_ascii_digit).count();
    let value: f64 = if grouped { raw.replace(',', "").parse().ok()? } else { raw.parse().ok()? };
    Some(Num { value, int_digits, grouped, decimal })
}

/// End of the number starting at `start`: digits, then groups of exactly three digits
/// after commas ("28,000"), then one decimal part ("1.5").
fn number_end(bytes: &[u8], start: usize) -> usize {
    let digits = |from: usize| bytes.get(from..).map_or(0, |b| b.iter().take_while(|c| c.is_ascii_digit()).count());
    let mut end = start + digits(start);
    let first_group = end - start;
    if first_group <= 3 {
        while bytes.get(end) == Some(&b',') && digits(end + 1) == 3 {
            end += 4;
        }
    }
    if bytes.get(end) == Some(&b'.') && digits(end + 1) > 0 {
        end += 1 + digits(end + 1);
    }
    end
}

/// An ordinal at `k` ("third", "3rd"), with the index after it.
pub(super) fn ordinal_at(t: &Tokens<'_>, k: usize) -> Option<(i64, usize)> {
    if let Some(Lex::Ord(n)) = t.lex(k) {
        return Some((n, k + 1));
    }
    let n = t.num(k)?.plain()?;
    let suffix = t.low(k + 1);
    let want = match (n % 100, n % 10) {
        (11..=13, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    };
    (t.glued(k + 1) && suffix == want).then_some((n, k + 2))
}

/// A four-digit year at `k` (with a "fiscal" or "the year" before it taken by the
/// caller). `loose` accepts any plausible year; otherwise the year must be 1800 to
/// 2100 and not read as a count ("2000 soldiers").
pub(super) fn year_at(t: &Tokens<'_>, k: usize, loose: bool) -> Option<(i64, usize)> {
    let n = t.num(k)?;
    let y = n.plain()?;
    if n.int_digits != 4 || !plausible_year(y) {
        return None;
    }
    // Glued to letters or more digits: a model number, a time, a decade.
    if t.glued(k + 1) && (matches!(t.kind(k + 1), Some(Kind::Word | Kind::Num)) || t.is_punct(k + 1, ':')) {
        return None;
    }
    if t.glued(k) && k > 0 && matches!(t.kind(k - 1), Some(Kind::Word | Kind::Num)) {
        return None;
    }
    // The end of "4/5/2018" or "12-4-2018" that was too ambiguous to read whole.
    if t.glued(k) && k > 1 && matches!(t.punct(k - 1), Some('/' | '-' | '.')) && t.kind(k - 2) == Some(Kind::Num) {
        return None;
    }
    if k > 0 && matches!(t.punct(k - 1), Some('$' | '€' | '£' | '#')) {
        return None;
    }
    if !loose && (!(1800..=2100).contains(&y) || counts_next(t, k + 1)) {
        return None;
    }
    Some((y, k + 1))
}

/// True when the word at `k` looks like what a number before it counts or measures
/// ("soldiers", "km", "%"), so that number is no year.
pub(super) fn counts_next(t: &Tokens<'_>, k: usize) -> bool {
    if t.is_punct(k, '%') {
        return true;
    }
    if t.kind(k) != Some(Kind::Word) || matches!(t.lex(k), Some(Lex::Month(_) | Lex::MonthAbbr(_))) {
        return false;
    }
    let w = t.low(k);
    if words::unit_word(w).is_some() || matches!(w, "percent" | "people" | "men" | "women" | "children") {
        return true;
    }
    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !NOT_PLURAL.contains(&w)
}

const NOT_PLURAL: [&str; 12] =
    ["was", "has", "is", "this", "its", "his", "hers", "as", "thus", "whereas", "does", "always"];

/// True when token `k` does not continue the expression before it: white space, the
/// end, or closing punctuation.
pub(super) fn clean_end(t: &Tokens<'_>, k: usize) -> bool {
    !t.glued(k) || matches!(t.punct(k), Some(',' | '.' | ';' | ':' | ')' | '!' | '?' | '"' | '”' | '’' | '\''))
}

/// Whether `y` is a plausible year for an explicit four-digit date.
pub(super) fn plausible_year(y: i64) -> bool {
    (1000..=2999).contains(&y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_and_punctuation() {
        let t = Tokens::new("On March 25-28, 28,000 U.S. troops — 1.5bn");
        let raws: Vec<&str> = (0..t.len()).map(|i| t.raw(i)).collect();
        assert_eq!(
            raws,
            ["On", "March", "25", "-", "28", ",", "28,000", "U", ".", "S", ".", "troops", "—", "1.5", "bn"]
        );
        assert!(t.glued(3) && t.glued(4) && !t.glued(6));
        assert_eq!(t.num(6).map(|n| (n.value, n.grouped)), Some((28000.0, true)));
        assert_eq!(t.num(13).map(|n| n.value), Some(1.5));
    }

    #[test]
    fn odd_separators_stay_apart() {
        let t = Tokens::new("1,2345 and 12,345,678 or 3.");
        assert_eq!(t.raw(0), "1");
        assert_eq!(t.num(4).map(|n| n.value), Some(12_345_678.0));
        assert_eq!(t.raw(7), ".");
    }

    #[test]
    fn numbers_are_read_once_with_their_form() {
        let t = Tokens::new("2018 and 28,000.5 or 0.75 troops");
        let read: Vec<Option<(f64, usize, bool, bool)>> =
            (0..t.len()).map(|i| t.num(i).map(|n| (n.value, n.int_digits, n.grouped, n.decimal))).collect();
        assert_eq!(
            read,
            [
                Some((2018.0, 4, false, false)),
                None,
                Some((28000.5, 5, true, true)),
                None,
                Some((0.75, 1, false, true)),
                None
            ]
        );
        assert_eq!(t.num(0).and_then(|n| n.plain()), Some(2018));
    }
}

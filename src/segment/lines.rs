//! Single line breaks inside a block: whether one ends a sentence that has no final
//! stop (a headline, a caption, a list item, a menu entry) or only wraps a line of prose.

use super::chars::{is_bullet, is_line_break, is_line_bullet, is_opener, is_terminator};
use super::words;

/// Lines of hard-wrapped prose are never longer than this many characters, and a block
/// whose longest line is shorter than the narrowest common wrap width is not taken for
/// wrapped prose.
const WRAP_WIDTHS: std::ops::RangeInclusive<usize> = 40..=100;

/// How a block's lines are wrapped; worked out once per block, at its first line break
/// that needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wrap {
    /// The wrap width in characters (the longest line), or 0 when the block is not
    /// hard-wrapped prose.
    width: usize,
    /// True when the block is a list of short lines without a single terminator
    /// ("features\ncontact manager\nevents, activities"): each line is an item, even
    /// one that starts in lower case.
    list: bool,
}

impl Wrap {
    /// The wrapping of `block`: prose is hard-wrapped when its longest line is of a wrap
    /// width and at least one of its line breaks falls inside a sentence (the next line
    /// starts in lower case, or the line ends with a comma or a function word).
    pub fn of(block: &str) -> Wrap {
        let lines = || block.split(is_line_break).map(str::trim).filter(|line| !line.is_empty());
        let width = lines().map(|line| line.chars().count()).max().unwrap_or(0);
        let inside_sentence = lines()
            .zip(lines().skip(1))
            .any(|(line, next)| continues(line) || next.trim_start_matches(is_opener).starts_with(char::is_lowercase));
        let list = width < *WRAP_WIDTHS.start() && lines().nth(1).is_some() && !block.contains(is_terminator);
        Wrap { width: if inside_sentence && WRAP_WIDTHS.contains(&width) { width } else { 0 }, list }
    }

    /// True when the break between `line` and the line starting `next` was made by the
    /// wrapper, not the author: `line` could not have taken `next`'s first word.
    fn wraps(self, line: &str, next: &str) -> bool {
        let first_word = next.split_whitespace().next().map_or(0, |word| word.chars().count());
        self.width > 0 && line.chars().count() + 1 + first_word > self.width
    }
}

/// True when a line break between `before` (the sentence so far, trimmed, ending without
/// a terminator) and `after` (the rest of the block, trimmed) ends a sentence. `wrap`
/// gives the block's wrapping; it is asked only when needed, because it reads the whole
/// block.
pub fn ends_sentence(before: &str, after: &str, mut wrap: impl FnMut() -> Wrap) -> bool {
    if after.starts_with(is_bullet) {
        return true;
    }
    if continues(before) {
        return false;
    }
    if after.starts_with(['(', '[']) && !is_title(before.rsplit(is_line_break).next().unwrap_or(before)) {
        // "up to 400 yd\n( 365.8 m )": a bracket goes on with the prose before it; after
        // a headline ("Scavenger Hunt Trophy\n(Picture Coming Soon)") it is a caption.
        return false;
    }
    if !starts_item(after) {
        match after.trim_start_matches(is_opener).chars().next() {
            Some(c) if c.is_lowercase() && !wrap().list => return false,
            Some(c) if c.is_alphanumeric() => {}
            Some(',' | ';' | ':' | '.' | ')' | ']' | '&' | '-' | '–' | '—') | None => return false,
            Some(_) => {}
        }
    }
    let line = before.rsplit(is_line_break).next().unwrap_or(before).trim();
    !wrap().wraps(line, after)
}

/// True when `line` opens a list item with a hyphen, asterisk or plus, or a number
/// followed by `.` or `)`.
fn starts_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some(c) if is_line_bullet(c) => chars.next().is_some_and(char::is_whitespace),
        Some(c) if c.is_ascii_digit() => {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            let rest = &line[digits..];
            let rest = rest.strip_prefix('.').unwrap_or(rest);
            let rest = rest.strip_prefix(')').unwrap_or(rest);
            digits <= 3 && rest.len() < line.len() - digits && rest.starts_with(char::is_whitespace)
        }
        _ => false,
    }
}

/// True when most words of `line` are capitalised, as in a headline or a title.
fn is_title(line: &str) -> bool {
    let (mut words, mut capitalised) = (0, 0);
    for word in line.split_whitespace() {
        if let Some(c) = word.chars().find(|c| c.is_alphabetic()) {
            words += 1;
            capitalised += usize::from(c.is_uppercase());
        }
    }
    words > 0 && 2 * capitalised >= words
}

/// True when a line ending with `line` stops in the middle of a sentence: after a comma,
/// an opening bracket, a dash or hyphen, or an article, preposition or conjunction.
fn continues(line: &str) -> bool {
    match line.chars().next_back() {
        Some(',' | ';' | '(' | '[' | '{' | '“' | '‘' | '-' | '–' | '—' | '&' | '/' | '+' | '=') => true,
        Some(_) => {
            let word = line.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            words::continues_line(word)
        }
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_end_headlines_but_not_wrapped_prose() {
        let never = || Wrap { width: 0, list: false };
        let rows: &[(&str, &str, bool)] = &[
            ("Sign up for NTD Daily", "What you need to know.", true),
            ("Path: Sino-US >> Latest News >>", "Kim Jong-un meets Xi", true),
            ("What this visit means:", "• Shows a definitive turn", true),
            ("Related Stories", "- Share this page", true),
            ("Contents", "1. Introduction", true),
            ("the talks, which began", "on Monday", false),
            ("met with Kim,", "Xi Jinping and", false),
            ("a meeting between the", "President and Kim", false),
            ("the North-", "Korean border", false),
            ("Reporting by", "Jane Doe", false),
            ("Price", "$5", true),
            ("Total", "— and more", false),
            ("fight at a distance up to 400 yd", "( 365.8 m ).", false),
            ("Putter King Scavenger Hunt Trophy", "(Picture Coming Soon)", true),
        ];
        for (before, after, expected) in rows {
            assert_eq!(ends_sentence(before, after, never), *expected, "{before:?} / {after:?}");
        }
        let wrapped = || Wrap { width: 67, list: false };
        assert!(!ends_sentence(
            "the reclusive North Korean leader then met with Chinese President",
            "Xi Jinping",
            wrapped
        ));
        assert!(!ends_sentence(
            "so the two leaders agreed to hold another summit in Dalian on March",
            "28. The",
            wrapped
        ));
        assert!(ends_sentence("Kim Visits China", "North Korean leader", wrapped));
    }

    #[test]
    fn wrapped_blocks_are_recognised() {
        let wrapped = "North Korean leader Kim Jong Un made a surprise visit to\n\
                       Beijing this week and met with Chinese President Xi\n\
                       Jinping. It was the first time the two met face-to-face\n\
                       and the first time the reclusive leader met a foreign\n\
                       head of state.";
        assert_eq!(Wrap::of(wrapped), Wrap { width: 56, list: false });
        assert_eq!(Wrap::of(&format!("Kim Visits China\n{wrapped}")), Wrap { width: 56, list: false });
        let prose =
            ["Sign up for NTD Daily\nWhat you need to know, summarized in one email.", "Kim Meets Xi\nBy John Smith"];
        for block in prose.into_iter().chain(["KENYA:\nTotal Dead: 192\nAmericans: 12\nInjured: 4,877", ""]) {
            assert_eq!(Wrap::of(block).width, 0, "{block:?}");
        }
        assert!(Wrap::of("features\ncontact manager\nevents, activities").list);
        assert!(!Wrap::of("It was a cold\nnight in the city.").list);
        assert!(!Wrap::of("features").list);
    }
}

//! Single line breaks inside a block: whether one ends a sentence that has no final
//! stop (a headline, a caption, a list item, a menu entry) or only wraps a line of prose.

use super::chars::{is_bullet, is_closer, is_line_break, is_line_bullet, is_opener, is_terminator};
use super::words;

/// Lines of hard-wrapped prose are never longer than this many characters, and a line
/// no longer than the narrowest common wrap width is not taken for wrapped prose.
const WRAP_WIDTHS: std::ops::RangeInclusive<usize> = 40..=100;

/// True when a line break between `before` (the sentence so far, trimmed, ending without
/// a terminator) and `after` (the rest of the block, trimmed) ends a sentence.
/// `wrapped` tells whether the block is hard-wrapped prose; it is asked last, because
/// it reads the whole block.
pub fn ends_sentence(before: &str, after: &str, wrapped: impl FnOnce() -> bool) -> bool {
    if starts_item(after) {
        return true;
    }
    if continues(before) {
        return false;
    }
    match after.trim_start_matches(is_opener).chars().next() {
        Some(c) if c.is_lowercase() => return false,
        Some(c) if c.is_alphanumeric() => {}
        Some(',' | ';' | ':' | '.' | ')' | ']' | '&' | '-' | '–' | '—') => return false,
        Some(_) => {}
        None => return false,
    }
    !wrapped()
}

/// True when `line` opens a list item: a bullet, or a number followed by `.` or `)`.
fn starts_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some(c) if is_bullet(c) => true,
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

/// True when `block` is hard-wrapped prose: its lines are all of a wrap width, each
/// line but the last is too long to take the next line's first word (so the break was
/// the wrapper's, not the author's), and at least one break falls inside a sentence.
pub fn is_wrapped(block: &str) -> bool {
    let mut lines = block.split(is_line_break).map(str::trim).filter(|line| !line.is_empty());
    let Some(mut line) = lines.next() else { return false };
    let width = block.split(is_line_break).map(|line| line.trim().chars().count()).max().unwrap_or(0);
    if !WRAP_WIDTHS.contains(&width) {
        return false;
    }
    let mut inside_sentence = false;
    for next in lines {
        let first_word = next.split_whitespace().next().map_or(0, |word| word.chars().count());
        let ends_sentence = line.trim_end_matches(is_closer).ends_with(is_terminator);
        if !ends_sentence && line.chars().count() + 1 + first_word <= width {
            return false;
        }
        inside_sentence |= continues(line) || next.trim_start_matches(is_opener).starts_with(char::is_lowercase);
        line = next;
    }
    inside_sentence
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_end_headlines_but_not_wrapped_prose() {
        let never = || false;
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
        ];
        for (before, after, expected) in rows {
            assert_eq!(ends_sentence(before, after, never), *expected, "{before:?} / {after:?}");
        }
        assert!(!ends_sentence("met with Chinese President", "Xi Jinping", || true));
    }

    #[test]
    fn wrapped_blocks_are_recognised() {
        let wrapped = "North Korean leader Kim Jong Un made a surprise visit to\n\
                       Beijing this week and met with Chinese President Xi\n\
                       Jinping. It was the first time the two met face-to-face\n\
                       and the first time the reclusive leader met a foreign\n\
                       head of state.";
        assert!(is_wrapped(wrapped));
        assert!(!is_wrapped("Sign up for NTD Daily\nWhat you need to know, summarized in one email."));
        assert!(!is_wrapped("KENYA:\nTotal Dead: 192\nAmericans: 12\nInjured: 4,877"));
        assert!(!is_wrapped("Kim Meets Xi\nBy John Smith"));
        assert!(!is_wrapped(""));
    }
}

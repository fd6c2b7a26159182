//! Character classes of the segmenter, after UAX #29's sentence properties: terminators,
//! the closing and opening punctuation around them, line breaks and list bullets.

/// A character that can end a sentence (UAX #29 STerm and ATerm, and the ellipsis).
pub fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '‽' | '⁇' | '⁈' | '⁉') || is_cjk_terminator(c)
}

/// A full stop, exclamation or question mark of Chinese or Japanese text, or a
/// full-width one, which ends a sentence without a space after it.
pub fn is_cjk_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡' | '．')
}

/// Punctuation that may follow a terminator and still belong to its sentence (UAX #29
/// Close, and straight quotes).
pub fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»' | '›' | '」' | '』')
}

/// Punctuation that may come before the first letter of a sentence.
pub fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '`' | '“' | '‘' | '„' | '(' | '[' | '{' | '«' | '‹' | '¿' | '¡' | '「' | '『')
}

/// A line or paragraph separator (UAX #29 Sep, CR and LF, and the vertical tab and
/// form feed that some plain text uses).
pub fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// A list bullet: it starts a new sentence wherever it stands after white space.
pub fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '‣'
            | '⁃'
            | '◦'
            | '▪'
            | '▫'
            | '●'
            | '○'
            | '■'
            | '□'
            | '►'
            | '▶'
            | '➢'
            | '➤'
            | '✓'
            | '✔'
    )
}

/// A hyphen, asterisk or plus that marks a list item when it opens a line.
pub fn is_line_bullet(c: char) -> bool {
    matches!(c, '-' | '*' | '+')
}

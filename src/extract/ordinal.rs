//! Ordinals: "first", "second", "twenty-first", "21st". A day of the month written as
//! an ordinal ("June 23rd") is read by the date extractor first, as part of its date.

use super::lexer::{Kind, Tokens, ordinal_at};
use super::words::Lex;
use super::{Context, Found};
use crate::value::{ClaimKind, Value};

/// Reads an ordinal starting at token `i`.
pub(super) fn at(t: &Tokens<'_>, i: usize, _cx: &Context) -> Option<Found> {
    let (n, to) = match t.lex(i) {
        // "twenty-first".
        Some(Lex::Card(tens)) if tens >= 20 && tens % 10 == 0 => {
            if !(t.is_dash(i + 1) && t.glued(i + 1) && t.glued(i + 2)) {
                return None;
            }
            match t.lex(i + 2) {
                Some(Lex::Ord(u)) if (1..10).contains(&u) => (tens + u, i + 3),
                _ => return None,
            }
        }
        _ => ordinal_at(t, i)?,
    };
    // "a second" is a duration, "at first" an idiom, "First Lady" a title.
    if t.is(i, "second") && (t.is_any(i + 1, &["later", "ago", "earlier"]) || t.kind(i + 1) != Some(Kind::Word)) {
        return None;
    }
    // "a 60-second window", "a 4-fifths share": after a number and a hyphen, the word
    // is a unit or a fraction, not a rank.
    if i >= 2 && t.glued(i) && t.is_dash(i - 1) && t.glued(i - 1) && t.kind(i - 2) == Some(Kind::Num) {
        return None;
    }
    if t.is(i, "first") && i > 0 && t.is_any(i - 1, &["at"]) {
        return None;
    }
    if i > 0 && t.capitalized(i) && t.capitalized(i + 1) && t.kind(i - 1) == Some(Kind::Word) {
        return None;
    }
    Some(Found::new(ClaimKind::Ordinal, i, to, Value::Ordinal(n)))
}

#[cfg(test)]
mod tests {
    use super::super::{Context, extract};
    use crate::value::{ClaimKind, Value};

    fn ordinals(text: &str) -> Vec<(String, i64)> {
        extract(text, &Context::default())
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Ordinal)
            .filter_map(|c| match c.value {
                Value::Ordinal(n) => Some((c.text, n)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[(&str, i64)])] = &[
            ("It was his second visit.", &[("second", 2)]),
            ("The first meeting and the third one.", &[("first", 1), ("third", 3)]),
            ("The 21st summit.", &[("21st", 21)]),
            ("The twenty-first summit.", &[("twenty-first", 21)]),
            ("It happened on June 23rd.", &[]),
            ("Wait a second.", &[]),
            ("He met the First Lady.", &[]),
            ("At first he refused.", &[]),
            ("A rolling 60-second window.", &[]),
            ("A 30-second spot and a second one.", &[("second", 2)]),
        ];
        for (text, want) in cases {
            let want: Vec<(String, i64)> = want.iter().map(|(s, n)| (s.to_string(), *n)).collect();
            assert_eq!(ordinals(text), want, "{text}");
        }
    }
}

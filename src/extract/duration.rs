//! Durations: "two days", "a 4-day visit", "48 hours", "a fortnight", "about 40 days",
//! "the past three months", and vague ones ("weeks", "decades", "several years") that
//! TIMEX3 writes with an `X` (`PXW`, `PXDE`) and that are never given a made-up number.

use super::lexer::{Kind, Tokens, counts_next};
use super::words::{self, Lex, Unit};
use super::{Context, Found, modifier_at};
use crate::value::{ClaimKind, Value};

/// Reads a duration starting at token `i`.
pub(super) fn at(t: &Tokens<'_>, i: usize, _cx: &Context) -> Option<Found> {
    let (modifier, j) = match modifier_at(t, i) {
        // "talks over two days" says when, not how long at least.
        Some(_) if t.is(i, "over") => return None,
        Some((m, j)) => (Some(m), j),
        None => (None, i),
    };
    let j = lead(t, j);
    // "recent years", "coming weeks": TIMEX3 keeps the adjective in the span.
    let j =
        if t.is_any(j, &["recent", "coming"]) && matches!(t.lex(j + 1), Some(Lex::Unit(_, true))) { j + 1 } else { j };
    let (n, unit, to) = adjectival(t, j).or_else(|| long(t, j)).or_else(|| counted(t, j)).or_else(|| bare(t, j))?;
    // "two days ago", "a year earlier" are dates, read by the date extractor; "a
    // 25-year-old" is an age.
    if t.is_any(to, &["ago"]) || (t.is_dash(to) && t.glued(to) && t.is_any(to + 1, &["old", "olds"])) {
        return None;
    }
    let mut found = Found::new(ClaimKind::Duration, i, to, Value::Duration(unit.duration(n)));
    found.modifier = modifier.filter(|_| n.is_some());
    Some(found)
}

/// "the past", "the next", "the first", "the last", "the": words before a duration
/// that TIMEX3 keeps in its span ("the past three months").
fn lead(t: &Tokens<'_>, j: usize) -> usize {
    let k = j + usize::from(t.is(j, "the"));
    if t.is_any(k, &["past", "last", "next", "first", "coming", "previous", "final"]) {
        let after = k + 1;
        if amount(t, after).is_some_and(|(_, u)| matches!(t.lex(u), Some(Lex::Unit(_, true)))) {
            return after;
        }
    }
    if k > j && amount(t, k).is_some_and(|(n, u)| n.is_some() && matches!(t.lex(u), Some(Lex::Unit(_, true)))) {
        return k;
    }
    j
}

/// How many of a unit are written at `j`: a number, number words, "a"/"an", or a vague
/// "several", "a few", "many" (`None`). Returns the amount and the index after it.
pub(super) fn amount(t: &Tokens<'_>, j: usize) -> Option<(Option<f64>, usize)> {
    if let Some(n) = t.num(j) {
        if n.grouped && n.value < 1000.0 {
            return None;
        }
        // "2 1/2"; other fractions are left out rather than misread.
        if t.is_punct(j + 1, '/') {
            return None;
        }
        if t.num(j + 1).is_some_and(|h| h.value == 1.0)
            && t.is_punct(j + 2, '/')
            && t.glued(j + 2)
            && t.num(j + 3).is_some_and(|h| h.value == 2.0)
            && t.glued(j + 3)
        {
            return Some((Some(n.value + 0.5), j + 4));
        }
        return Some((Some(n.value), j + 1));
    }
    if let Some((n, k)) = words::number_words(t, j) {
        // "two and a half years".
        if t.is(k, "and") && t.is(k + 1, "a") && t.is(k + 2, "half") {
            return Some((Some(n + 0.5), k + 3));
        }
        return Some((Some(n), k));
    }
    // "half a minute", "half an hour".
    if t.is(j, "half") && t.is_any(j + 1, &["a", "an"]) {
        return Some((Some(0.5), j + 2));
    }
    if t.is_any(j, &["a", "an"]) {
        if t.is(j + 1, "few") || t.is(j + 1, "couple") {
            let k = if t.is(j + 2, "of") { j + 3 } else { j + 2 };
            return if t.is(j + 1, "couple") { Some((Some(2.0), k)) } else { Some((None, k)) };
        }
        return Some((Some(1.0), j + 1));
    }
    if t.is_any(j, &["several", "few", "many", "some"]) {
        return Some((None, j + 1));
    }
    None
}

/// "two days", "48 hours", "a fortnight", "several years".
fn counted(t: &Tokens<'_>, j: usize) -> Option<(Option<f64>, Unit, usize)> {
    let (n, k) = amount(t, j)?;
    // "an additional year", "a further two years": the length is still the amount's.
    let k = if t.is_any(k, &["additional", "further", "extra"]) && matches!(t.lex(k + 1), Some(Lex::Unit(..))) {
        k + 1
    } else {
        k
    };
    let Some(Lex::Unit(unit, plural)) = t.lex(k) else { return None };
    // A capitalized unit after a number is a title: CBS's "60 Minutes".
    if t.capitalized(k) && t.kind(j) == Some(Kind::Num) {
        return None;
    }
    // "the 1988 quarter": a year before a unit names a period, not an amount.
    if !plural && t.year_like(j) {
        return None;
    }
    // "a week-long visit": the unit starts a compound, read by `long`.
    if t.is_dash(k + 1) && t.glued(k + 1) {
        return None;
    }
    match n {
        // "one days" is a typo, "two day" a compound ("a two day visit").
        Some(v) if v == 1.0 && plural => return None,
        // "a quarter" is usually a fraction ("more than a quarter of").
        Some(_) if unit == Unit::Quarter && t.is_any(j, &["a", "an"]) => return None,
        // "a second" is usually an ordinal ("a second visit").
        Some(_) if unit == Unit::Second && !plural && t.kind(j) != Some(Kind::Num) => return None,
        None if !plural => return None,
        _ => {}
    }
    // "a minute and a half", "a year and a half".
    if let Some(v) = n
        && v.fract() == 0.0
        && t.is(k + 1, "and")
        && t.is_any(k + 2, &["a", "one"])
        && t.is(k + 3, "half")
    {
        return Some((Some(v + 0.5), unit, k + 4));
    }
    if n == Some(1.0) && (t.is(k + 1, "later") || before_is(t, j, &["once", "twice", "per", "times", "every", "each"]))
    {
        return None;
    }
    // "$500 million a year", "700 seats a week": a rate, not a length of time.
    if t.is_any(j, &["a", "an"])
        && let Some(b) = j.checked_sub(1)
        && (t.kind(b) == Some(Kind::Num) || counts_next(t, b) || t.lex(b).is_some_and(|l| matches!(l, Lex::Scale(_))))
    {
        return None;
    }
    Some((n, unit, k + 1))
}

/// "a 4-day visit", "a two-week trip": number, hyphen, singular unit.
fn adjectival(t: &Tokens<'_>, j: usize) -> Option<(Option<f64>, Unit, usize)> {
    let (n, k) = match t.num(j) {
        Some(n) if !n.grouped => (n.value, j + 1),
        _ => match words::number_words(t, j) {
            Some((n, k)) => (n, k),
            None => return None,
        },
    };
    if !(t.is_dash(k) && t.glued(k) && t.glued(k + 1)) {
        return None;
    }
    match t.lex(k + 1) {
        Some(Lex::Unit(unit, false)) => Some((Some(n), unit, k + 2)),
        // "second" is in the table as an ordinal; after a number and a hyphen it is the
        // unit ("a 60-second window").
        _ if t.is(k + 1, "second") => Some((Some(n), Unit::Second, k + 2)),
        _ => None,
    }
}

/// "a week-long visit", "decades-long feud": one of the unit, or vague when plural.
fn long(t: &Tokens<'_>, j: usize) -> Option<(Option<f64>, Unit, usize)> {
    let Some(Lex::Unit(unit, plural)) = t.lex(j) else { return None };
    if !(t.is_dash(j + 1) && t.glued(j + 1) && t.glued(j + 2) && t.is(j + 2, "long")) {
        return None;
    }
    Some((if plural { None } else { Some(1.0) }, unit, j + 3))
}

/// "weeks", "decades", "for years": a plural unit alone, vague.
fn bare(t: &Tokens<'_>, j: usize) -> Option<(Option<f64>, Unit, usize)> {
    let Some(Lex::Unit(unit, true)) = t.lex(j) else { return None };
    let ok = matches!(unit, Unit::Decade | Unit::Century)
        || before_is(t, j, &["for", "over", "within", "recent", "took", "lasted", "spent", "last", "past", "coming"]);
    if !ok || t.is(j + 1, "ago") || (t.is_dash(j + 1) && t.glued(j + 1)) {
        return None;
    }
    Some((None, unit, j + 1))
}

/// True when the word before token `j` is one of `ws`.
fn before_is(t: &Tokens<'_>, j: usize, ws: &[&str]) -> bool {
    j.checked_sub(1).is_some_and(|b| t.is_any(b, ws))
}

#[cfg(test)]
mod tests {
    use super::super::{Context, extract};
    use crate::value::{Modifier, Value};

    fn duration(text: &str) -> Option<(String, String, Option<Modifier>)> {
        extract(text, &Context::default()).into_iter().find_map(|c| match c.value {
            Value::Duration(v) => Some((c.text, v.to_string(), c.modifier)),
            _ => None,
        })
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str, &str, Option<Modifier>)] = &[
            ("They were in Beijing for two days.", "two days", "P2D", None),
            ("It may be extended for an additional year.", "an additional year", "P1Y", None),
            ("He made a 4-day visit.", "4-day", "P4D", None),
            ("He was held for 48 hours.", "48 hours", "PT48H", None),
            ("It took six years.", "six years", "P6Y", None),
            ("He stayed a fortnight.", "a fortnight", "P2W", None),
            ("The feud lasted decades.", "decades", "PXDE", None),
            ("He stayed for about 40 days.", "about 40 days", "P40D", Some(Modifier::Approx)),
            ("It went on for weeks.", "weeks", "PXW", None),
            ("Prices rose over the past three months.", "the past three months", "P3M", None),
            ("It lasted several years.", "several years", "PXY", None),
            ("They talked for twenty-one minutes.", "twenty-one minutes", "PT21M", None),
            ("A two-week trip.", "two-week", "P2W", None),
            ("It took 2 1/2 years.", "2 1/2 years", "P2Y6M", None),
            ("It is worth $1bn over 10 years.", "10 years", "P10Y", None),
            ("A week-long visit.", "week-long", "P1W", None),
            ("A decades-long feud.", "decades-long", "PXDE", None),
            ("It took a minute and a half.", "a minute and a half", "PT1M30S", None),
            ("They waited two and a half hours.", "two and a half hours", "PT2H30M", None),
            ("It allows 100 requests per 60-second window.", "60-second", "PT60S", None),
            ("It times out within half a minute.", "half a minute", "PT30S", None),
            ("He waited half an hour.", "half an hour", "PT30M", None),
            ("It took half a day.", "half a day", "PT12H", None),
            ("They stayed an hour and a half.", "an hour and a half", "PT1H30M", None),
            ("It lasted more than 1.5 years.", "more than 1.5 years", "P1Y6M", Some(Modifier::MoreThan)),
        ];
        for (text, span, value, modifier) in cases {
            assert_eq!(duration(text), Some((span.to_string(), value.to_string(), *modifier)), "{text}");
        }
    }

    #[test]
    fn not_durations() {
        for text in [
            "A 25-year-old coach.",
            "It happened two days ago.",
            "His second visit.",
            "He runs once a day.",
            "In the 1988 quarter.",
            "More than a quarter of them.",
            "It earns $5 million a year.",
            "He said so on CBS's \"60 Minutes\" last night.",
        ] {
            assert_eq!(duration(text), None, "{text}");
        }
    }
}

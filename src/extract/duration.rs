//! Durations: "two days", "a 4-day visit", "48 hours", "a fortnight", "about 40 days",
//! "the past three months", and vague ones ("weeks", "decades", "several years") that
//! TIMEX3 writes with an `X` (`PXW`, `PXDE`) and that are never given a made-up number.
//!
//! A compound ("two hours and 20 minutes", "3hrs 15mins", "2 days, 4 hours") is one
//! claim with one value per unit (`PT2H20M`). A half is written in the next smaller
//! unit, as TIMEX3 does: "a year and a half" is `P1Y6M`, the same value as "1.5 years",
//! with whole amounts that read back exactly; its extent (533 to 552 days) lies inside
//! that of `P18M` (504 to 558) and holds that of `P1.5Y` (547.5 to 549), so the three
//! agree when compared.

use super::lexer::{Kind, Tokens, counts_next};
use super::words::{self, Lex, Unit};
use super::{Context, Found, modifier_at};
use crate::value::{ClaimKind, IsoDuration, Value};

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
    let (duration, to) = compound(t, n, unit, to);
    // "two days ago", "a year earlier" are dates, read by the date extractor; "a
    // 25-year-old" is an age.
    if t.is_any(to, &["ago"]) || (t.is_dash(to) && t.glued(to) && t.is_any(to + 1, &["old", "olds"])) {
        return None;
    }
    let mut found = Found::new(ClaimKind::Duration, i, to, Value::Duration(duration));
    found.modifier = modifier.filter(|_| n.is_some());
    Some(found)
}

/// The duration of `n` of `unit` read up to `to`, and what follows it in the same
/// length of time: "two hours and 20 minutes", "3hrs 15mins", "2 days, 4 hours", "five
/// years, six months and ten days". After a whole amount, an amount of a smaller unit
/// joined by nothing, a comma or "and" adds to it, so the length is one claim and not
/// two that could each disagree with a source giving the whole. Returns the duration
/// and the index after it; every step takes a smaller unit, so there are few.
fn compound(t: &Tokens<'_>, n: Option<f64>, unit: Unit, to: usize) -> (IsoDuration, usize) {
    let duration = unit.duration(n);
    let (Some(v), IsoDuration::Exact(first)) = (n, &duration) else { return (duration, to) };
    let mut parts = first.clone();
    let (mut last, mut whole, mut end) = (unit, v.fract() == 0.0, to);
    while whole {
        let k = end + usize::from(t.is_punct(end, ','));
        let k = k + usize::from(t.is(k, "and"));
        let Some((Some(m), next, after)) = counted(t, k) else { break };
        // "3 days, 8 hours a day" gives a stay and a rate, not one length.
        let rate =
            t.is_any(after, &["a", "an", "per", "each", "every"]) && matches!(t.lex(after + 1), Some(Lex::Unit(..)));
        if rank(next) >= rank(last) || rate {
            break;
        }
        let IsoDuration::Exact(more) = next.duration(Some(m)) else { break };
        parts.extend(more);
        (last, whole, end) = (next, m.fract() == 0.0, after);
    }
    (IsoDuration::Exact(parts), end)
}

/// The size order of units as an ISO duration writes them: a compound goes from larger
/// to strictly smaller ("P5Y6M", never "P6M5Y" nor two amounts of weeks).
fn rank(unit: Unit) -> u8 {
    match unit {
        Unit::Second => 0,
        Unit::Minute => 1,
        Unit::Hour => 2,
        Unit::Day => 3,
        Unit::Week | Unit::Fortnight => 4,
        Unit::Month | Unit::Quarter => 5,
        Unit::Year => 6,
        Unit::Decade => 7,
        Unit::Century => 8,
    }
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

    /// Every duration claim of `text`: its span and value.
    fn durations(text: &str) -> Vec<(String, String)> {
        extract(text, &Context::default())
            .into_iter()
            .filter_map(|c| match c.value {
                Value::Duration(v) => Some((c.text, v.to_string())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn compounds_are_one_claim() {
        let cases: &[(&str, &str, &str)] = &[
            ("The search lasted two hours and 20 minutes.", "two hours and 20 minutes", "PT2H20M"),
            ("She finished in 3hrs 15mins.", "3hrs 15mins", "PT3H15M"),
            ("The stage took 1 h 30 min.", "1 h 30 min", "PT1H30M"),
            ("He served five years and six months.", "five years and six months", "P5Y6M"),
            ("It took a year and a half.", "a year and a half", "P1Y6M"),
            ("They waited an hour and a half.", "an hour and a half", "PT1H30M"),
            ("The closure lasted 2 days, 4 hours.", "2 days, 4 hours", "P2DT4H"),
            ("He was jailed for two years, six months and ten days.", "two years, six months and ten days", "P2Y6M10D"),
            ("The flight took 11 hours, and 5 minutes.", "11 hours, and 5 minutes", "PT11H5M"),
            ("Ten hrs 5 mins 30 secs.", "Ten hrs 5 mins 30 secs", "PT10H5M30S"),
            ("The term is 4 yrs 2 wks.", "4 yrs 2 wks", "P4Y2W"),
        ];
        for (text, span, value) in cases {
            assert_eq!(durations(text), [(span.to_string(), value.to_string())], "{text}");
        }
    }

    #[test]
    fn compounds_stop_where_the_length_does() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            // The same unit twice, or a larger one after a smaller, is a list.
            ("It took 3 hours and 2 hours.", &[("3 hours", "PT3H"), ("2 hours", "PT2H")]),
            ("Either 20 minutes, 2 hours.", &[("20 minutes", "PT20M"), ("2 hours", "PT2H")]),
            // A rate after the second amount.
            ("He worked 5 days, 8 hours a day.", &[("5 days", "P5D"), ("8 hours", "PT8H")]),
            // A half ends the length: nothing smaller is added to it.
            ("It took 2 1/2 hours, 10 minutes.", &[("2 1/2 hours", "PT2H30M"), ("10 minutes", "PT10M")]),
        ];
        for (text, want) in cases {
            let want: Vec<(String, String)> = want.iter().map(|(s, v)| (s.to_string(), v.to_string())).collect();
            assert_eq!(durations(text), want, "{text}");
        }
    }

    #[test]
    fn a_compound_agrees_with_its_length_in_one_unit() {
        use crate::value::{Extent, agree};
        let extent = |text: &str| match extract(text, &Context::default()).into_iter().next().map(|c| c.value) {
            Some(Value::Duration(d)) => d.extent(),
            other => panic!("{text}: {other:?}"),
        };
        let compound = extent("It took two hours and 20 minutes.");
        assert_eq!(agree(&compound, &extent("It took 140 minutes.")), Some(true));
        assert_eq!(agree(&compound, &extent("It took 150 minutes.")), Some(false));
        // A year and a half covers both an 18-month and a 1.5-year reading.
        let half = extent("It took a year and a half.");
        assert_eq!(agree(&half, &extent("It took 18 months.")), Some(true));
        assert_eq!(agree(&half, &extent("It took 1.5 years.")), Some(true));
        assert_eq!(agree(&half, &extent("It took two years.")), Some(false));
        assert!(matches!(compound, Extent::Interval(i) if i.lo == 8400.0 && i.hi == 8400.0));
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

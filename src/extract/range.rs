//! Date ranges: "March 25-28", "March 25 to 28", "25-28 March", "from Sunday to
//! Wednesday", "between 2010 and 2012", "1950-53", "2017–2018". Both ends share what
//! only one of them writes (the month, the year), and a range whose end comes before
//! its start is left out. The checker derives the implied duration itself.

use jiff::civil::Date;

use super::calendar::{self, add_days, weekday};
use super::date::{self, Point};
use super::lexer::{self, Kind, Tokens, ordinal_at, year_at};
use super::tense::{Tense, tense};
use super::words::Lex;
use super::{Context, Found};
use crate::value::{ClaimKind, Timex, Value};

/// Reads a date range starting at token `i`.
pub(super) fn at(t: &Tokens<'_>, i: usize, cx: &Context) -> Option<Found> {
    let (opener, j) = if t.is_any(i, &["from", "between"]) { (Some(t.low(i)), i + 1) } else { (None, i) };
    let r = month_days(t, j, opener, cx)
        .or_else(|| days_month(t, j, opener, cx))
        .or_else(|| years(t, j, opener))
        .or_else(|| weekdays(t, j, opener, cx))
        .or_else(|| opener.and_then(|o| points(t, j, o, cx)))?;
    // "from March 25-28": the dash pairs the ends, so "from" stays out of the span.
    if opener.is_some() && t.is_dash(r.ends[1].0.saturating_sub(1)) {
        return None;
    }
    let mut found = Found::new(ClaimKind::DateRange, i, r.to, Value::Range { start: r.start, end: r.end });
    found.ends = Some(r.ends);
    Some(found)
}

struct Read {
    start: Timex,
    end: Timex,
    to: usize,
    ends: [(usize, usize); 2],
}

/// The word or dash between the two ends at `k`, given the word that opened the
/// range; returns the index after it.
fn separator(t: &Tokens<'_>, k: usize, opener: Option<&str>) -> Option<usize> {
    if t.is_dash(k) {
        return Some(k + 1);
    }
    let words: &[&str] = match opener {
        Some("between") => &["and"],
        Some(_) => &["to", "until", "till", "through", "thru"],
        None => &["to", "through", "until"],
    };
    t.is_any(k, words).then_some(k + 1)
}

fn day_number(t: &Tokens<'_>, k: usize) -> Option<(i8, usize)> {
    let n = t.num(k)?;
    let d = n.plain()?;
    if n.int_digits > 2 || !(1..=31).contains(&d) {
        return None;
    }
    Some(match ordinal_at(t, k) {
        Some((_, after)) => (d as i8, after),
        None => (d as i8, k + 1),
    })
}

fn month_at(t: &Tokens<'_>, k: usize) -> Option<(i8, usize)> {
    match t.lex(k) {
        Some(Lex::Month(m) | Lex::MonthAbbr(m)) if t.capitalized(k) => {
            let abbr = matches!(t.lex(k), Some(Lex::MonthAbbr(_)));
            let after = if abbr && t.is_punct(k + 1, '.') && t.glued(k + 1) { k + 2 } else { k + 1 };
            Some((m, after))
        }
        _ => None,
    }
}

/// An optional ", 2018" or " 2018" after a range.
fn trailing_year(t: &Tokens<'_>, k: usize) -> (Option<i16>, usize) {
    if t.is_punct(k, ',')
        && let Some((y, a)) = year_at(t, k + 1, false)
    {
        return (Some(y as i16), a);
    }
    match year_at(t, k, false) {
        Some((y, a)) => (Some(y as i16), a),
        None => (None, k),
    }
}

/// Both ends as days of one year, anchored on the publication date if no year is
/// written. Ends are `(month, day)`.
fn days(
    t: &Tokens<'_>,
    j: usize,
    to: usize,
    year: Option<i16>,
    a: (i8, i8),
    b: (i8, i8),
    cx: &Context,
) -> Option<(Timex, Timex)> {
    let y = match (year, cx.published) {
        (Some(y), _) => y,
        (None, Some(dct)) => calendar::year_of(dct, a.0, Some(a.1), tense(t, j, to)),
        (None, None) => {
            Date::new(2000, a.0, a.1).ok()?;
            Date::new(2000, b.0, b.1).ok()?;
            if (b.0, b.1) <= (a.0, a.1) {
                return None;
            }
            let unanchored = |(month, day): (i8, i8)| Timex::MonthDay { month, day: Some(day) };
            return Some((unanchored(a), unanchored(b)));
        }
    };
    let start = Date::new(y, a.0, a.1).ok()?;
    let end = Date::new(y, b.0, b.1).ok()?;
    (start < end).then(|| (Timex::day(start), Timex::day(end)))
}

/// "March 25-28", "March 25 to 28, 2018", "March 30 - April 2".
fn month_days(t: &Tokens<'_>, j: usize, opener: Option<&str>, cx: &Context) -> Option<Read> {
    let (m, k) = month_at(t, j)?;
    let (d1, k) = day_number(t, k)?;
    let s = separator(t, k, opener)?;
    let (m2, k2) = month_at(t, s).unwrap_or((m, s));
    let (d2, k2) = day_number(t, k2)?;
    // "March 25-28:00" or "March 2-3.5" are something else.
    if t.glued(k2) && matches!(t.kind(k2), Some(Kind::Num)) {
        return None;
    }
    let (year, to) = trailing_year(t, k2);
    let (start, end) = days(t, j, to, year, (m, d1), (m2, d2), cx)?;
    Some(Read { start, end, to, ends: [(j, k), (s, to)] })
}

/// "25-28 March 2018", "25 March to 2 April".
fn days_month(t: &Tokens<'_>, j: usize, opener: Option<&str>, cx: &Context) -> Option<Read> {
    let (d1, k) = day_number(t, j)?;
    let (m1, k) = match month_at(t, k) {
        Some((m, after)) => (Some(m), after),
        None => (None, k),
    };
    let s = separator(t, k, opener)?;
    let (d2, k2) = day_number(t, s)?;
    let (m2, k2) = month_at(t, k2)?;
    let (year, to) = trailing_year(t, k2);
    let (start, end) = days(t, j, to, year, (m1.unwrap_or(m2), d1), (m2, d2), cx)?;
    Some(Read { start, end, to, ends: [(j, k), (s, to)] })
}

/// "1950-53", "2017–2018", "between 2010 and 2012", "from 2010 to 2012".
fn years(t: &Tokens<'_>, j: usize, opener: Option<&str>) -> Option<Read> {
    let n = t.num(j)?;
    let y1 = n.plain()?;
    if n.int_digits != 4 || !lexer::plausible_year(y1) {
        return None;
    }
    if t.glued(j) && j > 0 && matches!(t.kind(j - 1), Some(Kind::Word | Kind::Num)) {
        return None;
    }
    let s = separator(t, j + 1, opener)?;
    // Without "from" or "between", only a dash joins two years.
    if opener.is_none() && !t.is_dash(j + 1) {
        return None;
    }
    let m = t.num(s)?;
    let raw = m.plain()?;
    let y2 = match m.int_digits {
        4 => raw,
        2 if t.is_dash(j + 1) => y1 - y1 % 100 + raw,
        _ => return None,
    };
    let to = s + 1;
    if y2 <= y1 || !lexer::plausible_year(y2) || y2 - y1 > 200 {
        return None;
    }
    // "1950-53%" or "2017-2018 km": not years; "2017-2018-03" neither.
    let glued_on = t.glued(to) && !matches!(t.punct(to), Some(',' | '.' | ')' | ';' | ':'));
    if glued_on || lexer::counts_next(t, to) {
        return None;
    }
    Some(Read { start: Timex::year(y1)?, end: Timex::year(y2)?, to, ends: [(j, j + 1), (s, to)] })
}

/// "from Sunday to Wednesday": the end is anchored by tense, the start is the latest
/// such weekday on or before the end.
fn weekdays(t: &Tokens<'_>, j: usize, opener: Option<&str>, cx: &Context) -> Option<Read> {
    let Some(Lex::Weekday(a)) = t.lex(j) else { return None };
    let s = separator(t, j + 1, opener)?;
    let Some(Lex::Weekday(b)) = t.lex(s) else { return None };
    let to = s + 1;
    if a == b {
        return None;
    }
    let (start, end) = match cx.published {
        None => (Timex::Weekday { day: a, time: None }, Timex::Weekday { day: b, time: None }),
        Some(dct) => {
            let tense = match tense(t, j, to) {
                Tense::Unknown => Tense::Past,
                other => other,
            };
            let end = calendar::weekday_date(dct, weekday(b)?, tense)?;
            let start = calendar::weekday_date(add_days(end, -1)?, weekday(a)?, Tense::Past)?;
            (Timex::day(start), Timex::day(end))
        }
    };
    Some(Read { start, end, to, ends: [(j, j + 1), (s, to)] })
}

/// "from March 2 to April 5, 2018", "between 2010 and 2012": any two points, the same
/// granularity, in order.
fn points(t: &Tokens<'_>, j: usize, opener: &str, cx: &Context) -> Option<Read> {
    let a: Point = date::point(t, j, cx)?;
    let s = separator(t, a.to, Some(opener))?;
    let b: Point = date::point(t, s, cx)?;
    if a.value.is_unanchored() || a.value.is_reference() || b.value.is_reference() {
        return None;
    }
    // TIMEX3 text is written most significant field first, so two values of one
    // length are in time order when their text is.
    let (first, second) = (a.value.to_string(), b.value.to_string());
    if first.len() != second.len() || first >= second {
        return None;
    }
    Some(Read { start: a.value, end: b.value, to: b.to, ends: [(j, a.to), (s, b.to)] })
}

#[cfg(test)]
mod tests {
    use super::super::{Context, extract};
    use crate::value::Value;
    use jiff::civil::Date;

    fn range(text: &str, published: Option<Date>) -> Option<(String, String)> {
        extract(text, &Context { published }).into_iter().find_map(|c| match c.value {
            Value::Range { start, end } => Some((c.text, format!("{start}/{end}"))),
            _ => None,
        })
    }

    #[test]
    fn table() {
        let d = Some(Date::constant(2018, 3, 28));
        let cases: &[(&str, Option<Date>, &str, &str)] = &[
            ("He visited from March 25-28.", Some(Date::constant(2018, 3, 29)), "March 25-28", "2018-03-25/2018-03-28"),
            ("He visited March 25 to 28.", d, "March 25 to 28", "2018-03-25/2018-03-28"),
            ("He was there from Sunday to Wednesday.", d, "from Sunday to Wednesday", "2018-03-25/2018-03-28"),
            ("He was there from Sunday to Wednesday.", None, "from Sunday to Wednesday", "XXXX-WXX-7/XXXX-WXX-3"),
            ("Prices rose between 2010 and 2012.", None, "between 2010 and 2012", "2010/2012"),
            ("The 1950-53 war.", None, "1950-53", "1950/1953"),
            ("The 2017–2018 season.", None, "2017–2018", "2017/2018"),
            ("The fair runs 25-28 March 2019.", None, "25-28 March 2019", "2019-03-25/2019-03-28"),
            (
                "From March 30 to April 2, 2018 it rained.",
                None,
                "From March 30 to April 2, 2018",
                "2018-03-30/2018-04-02",
            ),
        ];
        for (text, published, span, value) in cases {
            assert_eq!(range(text, *published), Some((span.to_string(), value.to_string())), "{text}");
        }
    }

    #[test]
    fn not_ranges() {
        for text in ["Call 555-1234.", "It rose 2018-2015.", "Pages 12-14.", "Scores of 1950-53% rose."] {
            assert_eq!(range(text, None), None, "{text}");
        }
    }
}

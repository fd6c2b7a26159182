//! Dates as written on a calendar: "March 28, 2018", "28 March", "2018-03-28",
//! "3/28/2018", "2011", "the 1990s", "the '90s", "the 20th century", "summer 2017",
//! "nineteen ninety-six". A month or day written without its year takes it from the
//! sentence or, failing that, from the publication date.

use jiff::civil::Date;

use super::relative::{ago, relative_year};
use super::{Point, Tokens};
use crate::extract::Context;
use crate::extract::calendar;
use crate::extract::lexer::{Kind, clean_end, ordinal_at, plausible_year, year_at};
use crate::extract::tense::{self, Tense, tense};
use crate::extract::words::{self, Lex};
use crate::text::is_apostrophe;
use crate::value::{Season, Timex, YearPart};

/// "summer 2017", "the winter of 1994": a season with its year written.
pub(super) fn season_year(t: &Tokens<'_>, j: usize, season: Season) -> Option<Point> {
    let k = if t.is(j + 1, "of") { j + 2 } else { j + 1 };
    let (y, to) = year_at(t, k, false).or_else(|| spoken_year(t, k))?;
    Some(Point::new(Timex::part(y, YearPart::Season(season))?, to))
}

/// "the 20th century", "the twenty-first century": TIMEX3 writes the century's first
/// two digits (`19`).
pub(super) fn century(t: &Tokens<'_>, k: usize) -> Option<Point> {
    let (n, next) = ordinal_at(t, k)?;
    if !t.is(next, "century") || !(1..=30).contains(&n) {
        return None;
    }
    Some(Point::new(Timex::Century(n as i16 - 1), next + 1))
}

/// Dates that start with a month: "March 28, 2018", "Mar. 28", "March 2018", "May".
pub(super) fn month_first(t: &Tokens<'_>, j: usize, month: i8, cx: &Context) -> Option<Point> {
    let abbr = matches!(t.lex(j), Some(Lex::MonthAbbr(_)));
    let mut k = j + 1;
    if abbr && t.is_punct(k, '.') && t.glued(k) {
        k += 1;
    }
    if let Some((day, after)) = day_of_month(t, k) {
        let (year, after) = match (t.is_punct(after, ','), year_at(t, after + 1, false), year_at(t, after, false)) {
            (true, Some((y, a)), _) => (Some(y), a),
            (false, _, Some((y, a))) => (Some(y), a),
            _ => (None, after),
        };
        return month_day(t, j, after, year, month, day, cx);
    }
    if let Some((year, after)) = year_at(t, k, false)
        .or_else(|| if t.is(k, "of") { year_at(t, k + 1, false) } else { None })
        .or_else(|| spoken_year(t, k))
    {
        return Some(Point::new(Timex::month(year, month)?, after));
    }
    // "June last year", "January this year".
    if t.is_any(k, &["this", "last", "next"])
        && t.is(k + 1, "year")
        && let Some(dct) = cx.published
    {
        let y = dct.year() + i16::from(t.is(k, "next")) - i16::from(t.is(k, "last"));
        return Some(Point::new(Timex::month(i64::from(y), month)?, k + 2));
    }
    // A month alone must be a capitalized full name; "May" and "March" are also verbs
    // and need a word before them that only goes with a date.
    if abbr || !t.capitalized(j) {
        return None;
    }
    if matches!(month, 3 | 5) {
        let before = j.checked_sub(1)?;
        let ok = t.is_any(
            before,
            &[
                "in", "of", "since", "until", "till", "by", "last", "next", "this", "early", "late", "mid", "from",
                "through", "during", "before", "after", "between", "and", "to", "each", "every",
            ],
        ) || t.is_dash(before);
        if !ok {
            return None;
        }
    }
    let tense = tense(t, j, k);
    let value = match (year_before(t, j), cx.published) {
        (Some(y), _) => Timex::month(i64::from(y), month)?,
        (None, Some(dct)) => Timex::month(i64::from(relative_year(t, j, month, dct, tense)), month)?,
        (None, None) => Timex::MonthDay { month, day: None },
    };
    Some(Point::new(value, k))
}

/// A year written earlier in the sentence, which a month or day named without one
/// shares ("in 2000, before a summit in June that year"), unless a word right before
/// anchors it on the publication date ("last May").
pub(super) fn year_before(t: &Tokens<'_>, j: usize) -> Option<i16> {
    if j > 0 && t.is_any(j - 1, &["last", "next", "this", "coming", "previous", "past"]) {
        return None;
    }
    // "joined in 1997 and will join on March 12": the future is not that year's.
    if tense(t, j, j + 1) == Tense::Future {
        return None;
    }
    (j.saturating_sub(12)..j).rev().find_map(|k| year_at(t, k, false)).map(|(y, _)| y as i16)
}

/// A day of the month at `k` ("28", "28th", "eighth"), with the index after it.
pub(super) fn day_of_month(t: &Tokens<'_>, k: usize) -> Option<(i8, usize)> {
    if let Some(n) = t.num(k).and_then(|n| n.plain())
        && (1..=31).contains(&n)
        && t.num(k).is_some_and(|n| n.int_digits <= 2)
    {
        // Not "March 28:30" or "March 2.5".
        if t.glued(k + 1) && t.is_punct(k + 1, ':') && t.glued(k + 2) && t.kind(k + 2) == Some(Kind::Num) {
            return None;
        }
        return Some(match ordinal_at(t, k) {
            Some((_, after)) => (n as i8, after),
            None => (n as i8, k + 1),
        });
    }
    match t.lex(k) {
        Some(Lex::Ord(n)) if (1..=31).contains(&n) => Some((n as i8, k + 1)),
        _ => None,
    }
}

/// A month and day, with the year if known, else anchored on the publication date.
pub(super) fn month_day(
    t: &Tokens<'_>,
    from: usize,
    to: usize,
    year: Option<i64>,
    month: i8,
    day: i8,
    cx: &Context,
) -> Option<Point> {
    let year = match (year.or_else(|| year_before(t, from).map(i64::from)), cx.published) {
        (Some(y), _) => Some(y as i16),
        (None, Some(dct)) if tense::deadline(t, from) => calendar::deadline_year(dct, month, Some(day)),
        (None, Some(dct)) => Some(calendar::year_of(dct, month, Some(day), tense(t, from, to))),
        (None, None) => None,
    };
    match year {
        Some(y) => Some(Point::day(Date::new(y, month, day).ok()?, to)),
        None => {
            // Still check the day exists in some year (February 29 does).
            Date::new(2000, month, day).ok()?;
            Some(Point::new(Timex::MonthDay { month, day: Some(day) }, to))
        }
    }
}

/// A year said in words: "nineteen ninety-six", "the year two thousand".
pub(super) fn spoken_year(t: &Tokens<'_>, k: usize) -> Option<(i64, usize)> {
    if t.is(k, "the") && t.is(k + 1, "year") {
        let (n, after) = words::number_words(t, k + 2)?;
        return (n.fract() == 0.0 && plausible_year(n as i64)).then_some((n as i64, after));
    }
    let Some(Lex::Card(century)) = t.lex(k) else { return None };
    if !(10..=20).contains(&century) {
        return None;
    }
    let (rest, after) = words::number_words(t, k + 1)?;
    if !(10.0..100.0).contains(&rest) {
        return None;
    }
    Some((century * 100 + rest as i64, after))
}

/// Dates that start with digits: "28 March 2018", "2018-03-28", "3/28/2018", "2011",
/// "1990s".
pub(super) fn numeric(t: &Tokens<'_>, j: usize, cx: &Context) -> Option<Point> {
    if let Some(p) = ago(t, j, cx) {
        return Some(p);
    }
    let n = t.num(j)?;
    let plain = n.plain()?;
    if let Some(p) = century(t, j) {
        return Some(p);
    }
    // 28 March [2018], 28th of March.
    if let Some((day, k)) = day_of_month(t, j) {
        let k = if t.is(k, "of") { k + 1 } else { k };
        if let Some(Lex::Month(m) | Lex::MonthAbbr(m)) = t.lex(k)
            && t.capitalized(k)
        {
            let mut after = k + 1;
            if matches!(t.lex(k), Some(Lex::MonthAbbr(_))) && t.is_punct(after, '.') && t.glued(after) {
                after += 1;
            }
            let (year, after) = match year_at(t, after, false) {
                Some((y, a)) => (Some(y), a),
                None => (None, after),
            };
            return month_day(t, j, after, year, m, day, cx);
        }
    }
    // 2018-03-28.
    if n.int_digits == 4 && t.is_punct(j + 1, '-') && t.glued(j + 1) && t.glued(j + 2) {
        let month = t.num(j + 2).filter(|m| m.int_digits == 2).and_then(|m| m.plain());
        let day = t.num(j + 4).filter(|d| d.int_digits == 2).and_then(|d| d.plain());
        if let (Some(m), Some(d)) = (month, day)
            && t.is_punct(j + 3, '-')
            && t.glued(j + 3)
            && t.glued(j + 4)
            && clean_end(t, j + 5)
        {
            let date = Date::new(plain as i16, m as i8, d as i8).ok()?;
            return Some(Point::day(date, j + 5));
        }
    }
    // 3/28/2018, only where day and month cannot be swapped.
    if n.int_digits <= 2 && t.is_punct(j + 1, '/') && t.glued(j + 1) && t.glued(j + 2) {
        let b = t.num(j + 2).filter(|b| b.int_digits <= 2).and_then(|b| b.plain());
        let y = t.num(j + 4).filter(|y| y.int_digits == 4).and_then(|y| y.plain());
        if let (Some(b), Some(y)) = (b, y)
            && t.is_punct(j + 3, '/')
            && t.glued(j + 3)
            && t.glued(j + 4)
            && clean_end(t, j + 5)
        {
            let (m, d) = match (plain, b) {
                (a, b) if a == b || (a <= 12 && b > 12) => (a, b),
                (a, b) if a > 12 && b <= 12 => (b, a),
                _ => return None,
            };
            let date = Date::new(y as i16, m as i8, d as i8).ok()?;
            return Some(Point::day(date, j + 5));
        }
    }
    // 1990s.
    if n.int_digits == 4 && plain % 10 == 0 && t.is(j + 1, "s") && t.glued(j + 1) && plausible_year(plain) {
        return Some(Point::new(Timex::Decade((plain / 10) as i16), j + 2));
    }
    let (y, k) = year_at(t, j, false)?;
    Some(Point::new(Timex::year(y)?, k))
}

/// "the '90s": an apostrophe, two digits and an s.
pub(super) fn decade_apostrophe(t: &Tokens<'_>, j: usize) -> Option<Point> {
    if !t.punct(j).is_some_and(is_apostrophe) {
        return None;
    }
    let n = t.num(j + 1)?.plain()?;
    let two = t.num(j + 1)?.int_digits == 2;
    (two && n % 10 == 0 && t.glued(j + 1) && t.glued(j + 2) && t.is(j + 2, "s"))
        .then(|| Point::new(Timex::Decade(190 + (n / 10) as i16), j + 3))
}

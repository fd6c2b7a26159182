//! Dates anchored on the publication date: weekdays ("on Monday", "last Friday"),
//! "this week", "last month", "next year", "two days ago", holidays, and the year of a
//! month named alone ("last May").

use jiff::civil::Date;

use super::absolute::month_first;
use super::{Point, Tokens};
use crate::extract::Context;
use crate::extract::calendar::{self, add_days, add_months, weekday};
use crate::extract::duration;
use crate::extract::tense::{self, Tense, tense};
use crate::extract::words::{Lex, Unit};
use crate::value::{DayPart, Reference, Season, TimeOfDay, Timex, YearPart};

/// Holidays on a fixed day, or (Thanksgiving) the fourth Thursday of November,
/// anchored like a month and day.
pub(super) fn holiday(t: &Tokens<'_>, j: usize, cx: &Context) -> Option<Point> {
    let (month, day, to) = match t.low(j) {
        "christmas" if t.is(j + 1, "eve") => (12, 24, j + 2),
        "christmas" => (12, 25, j + 1 + usize::from(t.is(j + 1, "day"))),
        "halloween" => (10, 31, j + 1),
        _ => (11, 0, j + 1 + usize::from(t.is(j + 1, "day"))),
    };
    if !t.capitalized(j) {
        return None;
    }
    let Some(dct) = cx.published else {
        return (day > 0).then(|| Point::new(Timex::MonthDay { month, day: Some(day) }, to));
    };
    let tense = tense(t, j, to);
    let year = calendar::year_of(dct, month, Some(if day > 0 { day } else { 22 }), tense);
    let date = if day > 0 {
        Date::new(year, month, day).ok()?
    } else {
        // The fourth Thursday: the first Thursday on or after November 1, plus three weeks.
        let first = Date::new(year, 11, 1).ok()?;
        let offset = (3 - i64::from(first.weekday().to_monday_zero_offset())).rem_euclid(7);
        add_days(first, offset + 21)?
    };
    Some(Point::day(date, to))
}

/// The year of a month named alone, seen from the words before it ("last May").
pub(super) fn relative_year(t: &Tokens<'_>, j: usize, month: i8, dct: Date, tense: Tense) -> i16 {
    let y = dct.year();
    match j.checked_sub(1).map(|b| t.low(b)) {
        // "last February" said in March is most often the one a year before.
        Some("last") | Some("previous") | Some("past") => {
            if month + 1 < dct.month() {
                y
            } else {
                y - 1
            }
        }
        Some("next") | Some("coming") => {
            if month > dct.month() {
                y
            } else {
                y + 1
            }
        }
        Some("this") => y,
        _ => match tense::deadline(t, j).then(|| calendar::deadline_year(dct, month, None)).flatten() {
            Some(y) => y,
            None => calendar::year_of(dct, month, None, tense),
        },
    }
}

/// A weekday (tokens `from..` with the name at `j`), anchored by tense or by a word
/// before it ("last Friday"), with a date after it taken when written ("Monday,
/// March 26").
pub(super) fn weekday_point(
    t: &Tokens<'_>,
    from: usize,
    j: usize,
    wd: i8,
    rel: Option<&str>,
    cx: &Context,
) -> Option<Point> {
    let to = j + 1;
    if t.is_punct(to, ',')
        && let Some(Lex::Month(m) | Lex::MonthAbbr(m)) = t.lex(to + 1)
        && let Some(p) = month_first(t, to + 1, m, cx)
        && p.day.is_some()
    {
        return Some(p);
    }
    let Some(dct) = cx.published else {
        return Some(Point::new(Timex::Weekday { day: wd, time: None }, to));
    };
    let wday = weekday(wd)?;
    let d = match rel {
        Some("last") | Some("previous") | Some("past") => {
            let d = calendar::weekday_date(dct, wday, Tense::Past)?;
            if d == dct { add_days(d, -7)? } else { d }
        }
        Some("next") | Some("coming") => {
            let d = calendar::weekday_date(dct, wday, Tense::Future)?;
            if d == dct { add_days(d, 7)? } else { d }
        }
        _ if tense::deadline(t, from) => calendar::deadline_weekday(dct, wday)?,
        _ => calendar::weekday_date(dct, wday, tense(t, from, to))?,
    };
    Some(Point::day(d, to))
}

/// "this week", "last month", "next year", "last Friday", "this morning", "last fall".
pub(super) fn relative(t: &Tokens<'_>, j: usize, cx: &Context) -> Option<Point> {
    // "this past spring", "this past weekend": the last one.
    let (rel, k) = if t.is(j, "this") && t.is(j + 1, "past") { ("last", j + 2) } else { (t.low(j), j + 1) };
    match t.lex(k) {
        Some(Lex::Weekday(wd)) => return weekday_point(t, j, k, wd, Some(rel), cx),
        Some(Lex::Month(m)) if t.capitalized(k) => {
            let dct = cx.published?;
            return Some(Point::new(Timex::month(i64::from(relative_year(t, k, m, dct, Tense::Unknown)), m)?, k + 1));
        }
        _ => {}
    }
    let dct = cx.published?;
    let step: i64 = match rel {
        "this" => 0,
        "last" | "past" | "previous" => -1,
        _ => 1,
    };
    // "the past year" and "past week" are durations in TIMEX3 usage; "last week" a date.
    if rel == "past" {
        return None;
    }
    // A capitalized unit inside a sentence is a title: ABC's "This Week".
    if j > 0 && t.capitalized(k) && matches!(t.lex(k), Some(Lex::Unit(..))) {
        return None;
    }
    let value = match t.lex(k) {
        Some(Lex::Unit(Unit::Week, false)) => Timex::week_of(add_days(dct, 7 * step)?),
        Some(Lex::Unit(Unit::Month, false)) => {
            let d = add_months(dct, step)?;
            Timex::month(i64::from(d.year()), d.month())?
        }
        Some(Lex::Unit(Unit::Year, false)) => Timex::year(i64::from(dct.year()) + step)?,
        Some(Lex::Unit(Unit::Quarter, false)) => Timex::quarter_of(add_months(dct, 3 * step)?),
        Some(Lex::Season(s)) => {
            // Winter straddles two years: "this winter" names no one year.
            if s == Season::Winter {
                return None;
            }
            let (first, last) = s.months();
            let m = dct.month();
            let y = match step {
                0 => dct.year(),
                -1 => {
                    if m > last {
                        dct.year()
                    } else {
                        dct.year() - 1
                    }
                }
                _ => {
                    if m < first {
                        dct.year()
                    } else {
                        dct.year() + 1
                    }
                }
            };
            Timex::part(i64::from(y), YearPart::Season(s))?
        }
        Some(Lex::DayPart(part)) => match (step, part) {
            (0, _) => Timex::Day { date: dct, time: Some(TimeOfDay::Part(part)) },
            (-1, DayPart::Night) => Timex::Day { date: add_days(dct, -1)?, time: Some(TimeOfDay::Part(part)) },
            _ => return None,
        },
        _ if t.is(k, "weekend") => {
            let saturday = weekday(6)?;
            let base = match step {
                0 => calendar::weekday_date(dct, saturday, tense(t, j, k + 1))?,
                -1 => calendar::weekday_date(add_days(dct, -1)?, saturday, Tense::Past)?,
                _ => calendar::weekday_date(add_days(dct, 1)?, saturday, Tense::Future)?,
            };
            Timex::weekend_of(base)
        }
        _ => return None,
    };
    Some(Point::new(value, k + 1))
}

/// "two days ago", "a year ago", "several years ago" (vague: `PAST_REF`).
pub(super) fn ago(t: &Tokens<'_>, j: usize, cx: &Context) -> Option<Point> {
    let (n, k) = match duration::amount(t, j) {
        Some((n, k)) => (n, k),
        None => return None,
    };
    let Some(Lex::Unit(unit, _)) = t.lex(k) else { return None };
    // "earlier" counts back from the publication date too ("a year earlier"), as
    // reports of results compare with the period a year before publication.
    if !t.is_any(k + 1, &["ago", "earlier"]) {
        return None;
    }
    let to = k + 2;
    let Some(n) = n else { return Some(Point::reference(Reference::Past, to)) };
    if n.fract() != 0.0 || !(0.0..=10_000.0).contains(&n) {
        return None;
    }
    let n = n as i64;
    let dct = cx.published?;
    // In a sentence about quarterly results, "a year ago" is that quarter a year before:
    // the last quarter completed at publication, one year back.
    if unit == Unit::Year && n == 1 && t.mentions_quarter {
        let d = add_months(dct, -15)?;
        return Some(Point::new(Timex::quarter_of(d), to));
    }
    let value = match unit {
        Unit::Day => return Some(Point::day(add_days(dct, -n)?, to)),
        Unit::Week => Timex::week_of(add_days(dct, -7 * n)?),
        Unit::Fortnight => Timex::week_of(add_days(dct, -14 * n)?),
        Unit::Month => {
            let d = add_months(dct, -n)?;
            Timex::month(i64::from(d.year()), d.month())?
        }
        Unit::Quarter => {
            let d = add_months(dct, -3 * n)?;
            Timex::quarter_of(d)
        }
        Unit::Year => Timex::year(i64::from(dct.year()) - n)?,
        Unit::Decade => Timex::year(i64::from(dct.year()) - 10 * n)?,
        Unit::Century => Timex::year(i64::from(dct.year()) - 100 * n)?,
        Unit::Second | Unit::Minute | Unit::Hour => return None,
    };
    Some(Point::new(value, to))
}

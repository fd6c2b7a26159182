//! The periods of financial reports: "the third quarter", "the 1988 quarter", "this
//! year's third quarter", "the first half", "the year-ago quarter", "year-earlier".

use jiff::civil::Date;

use super::{Point, Tokens};
use crate::extract::Context;
use crate::extract::calendar::{self, add_months};
use crate::extract::lexer::{ordinal_at, year_at};
use crate::text::is_apostrophe;
use crate::value::{Timex, YearPart};

/// "the year-ago quarter", "the comparable year-earlier period", "year-earlier" (as in
/// "year-earlier profit"): in reports of results, the quarter a year before the last
/// one completed at publication, else the year before publication.
pub(super) fn year_ago(t: &Tokens<'_>, j: usize, cx: &Context) -> Option<Point> {
    let the = t.is(j, "the");
    let mut k = j + usize::from(the);
    if t.is(k, "comparable") {
        k += 1;
    }
    if !(t.is(k, "year") && t.is_dash(k + 1) && t.glued(k + 1) && t.is_any(k + 2, &["ago", "earlier"])) {
        return None;
    }
    let dct = cx.published?;
    let to = k + 3;
    let last_year = dct.year() - 1;
    if let Some((n, after)) = ordinal_at(t, to)
        && t.is(after, "quarter")
        && (1..=4).contains(&n)
    {
        return Some(Point::new(Timex::part(i64::from(last_year), YearPart::Quarter(n as i8))?, after + 1));
    }
    let quarter_ago = || Some(Timex::quarter_of(add_months(dct, -15)?));
    if t.is_any(to, &["quarter", "period"]) {
        return Some(Point::new(quarter_ago()?, to + 1));
    }
    if the {
        return None;
    }
    let value = if t.mentions_quarter { quarter_ago()? } else { Timex::year(i64::from(last_year))? };
    Some(Point::new(value, to))
}

/// "the third quarter", "third-quarter", "the 1988 third quarter", "this year's third
/// quarter", "the first half", "the last half of 1989", "the current quarter", "the
/// latest quarter" (the last one completed), "the 1988 quarter" and "last year's
/// quarter" (the last one completed, in that year).
pub(super) fn quarter_point(t: &Tokens<'_>, j: usize, cx: &Context) -> Option<Point> {
    let dct = cx.published;
    let mut k = j;
    let mut year = None;
    if t.is(k, "fiscal") {
        k += 1;
    }
    if let Some((y, after)) = year_at(t, k, true) {
        year = Some(y as i16);
        k = after;
    } else if let Some((y, after)) = possessive_year(t, k, dct) {
        year = Some(y);
        k = after;
    }
    if t.is(k, "fiscal") {
        k += 1;
    }
    let the = j > 0 && t.is(j - 1, "the");
    let (which, after) = if let Some((n, after)) = ordinal_at(t, k) {
        (Some(n), after)
    } else if the && t.is(k, "last") && t.is(k + 1, "half") {
        (Some(2), k + 1)
    } else if t.is_any(k, &["current", "latest"]) {
        (None, k + 1)
    } else if t.is(k, "quarter") && (the || year.is_some()) {
        (None, k)
    } else if the && year.is_some() && t.mentions_quarter && t.is(k, "period") {
        // "the 1988 period" in a report of quarterly results.
        (None, k)
    } else {
        return None;
    };
    let glue = if t.is_dash(after) && t.glued(after) { after + 1 } else { after };
    let half = t.is(glue, "half");
    // "period" is a quarter only in "the 1988 period".
    let period = t.is(glue, "period") && which.is_none() && year.is_some() && !t.is(k, "latest");
    if !t.is(glue, "quarter") && !half && !period {
        return None;
    }
    let mut to = glue + 1;
    if year.is_none()
        && t.is(to, "of")
        && let Some((y, a)) = year_at(t, to + 1, true)
    {
        year = Some(y as i16);
        to = a;
    }
    let (y, n) = match which {
        Some(n) if half && (1..=2).contains(&n) => {
            // "the last half" needs its year written: "of the '80s" is no year.
            let y = if t.is(k, "last") { year? } else { year.or(dct.map(|d| d.year()))? };
            return Some(Point::new(Timex::part(i64::from(y), YearPart::Half(n as i8))?, to));
        }
        Some(n) if !half && (1..=4).contains(&n) => {
            let y = match (year, dct) {
                (Some(y), _) => y,
                (None, Some(d)) => {
                    if n as i8 <= calendar::quarter(d) {
                        d.year()
                    } else {
                        d.year() - 1
                    }
                }
                (None, None) => return None,
            };
            (y, n as i8)
        }
        None if !half => {
            // "the latest quarter", "the quarter": the last one completed.
            let d = dct?;
            let d = if t.is(k, "current") { d } else { add_months(d, -3)? };
            (year.unwrap_or(d.year()), calendar::quarter(d))
        }
        _ => return None,
    };
    Some(Point::new(Timex::part(i64::from(y), YearPart::Quarter(n))?, to))
}

/// "this year's", "last year's", "next year's": the year and the index after it.
pub(super) fn possessive_year(t: &Tokens<'_>, k: usize, dct: Option<Date>) -> Option<(i16, usize)> {
    let step = match t.low(k) {
        "this" => 0,
        "last" => -1,
        "next" => 1,
        _ => return None,
    };
    let possessive = t.is(k + 1, "year") && t.punct(k + 2).is_some_and(is_apostrophe) && t.is(k + 3, "s");
    possessive.then(|| Some((dct?.year() + step, k + 4))).flatten()
}

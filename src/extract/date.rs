//! Dates: calendar dates at any granularity ("March 28, 2018", "March 2018", "2011",
//! "the 1990s", "the third quarter"), relative ones anchored on the publication date
//! ("on Monday", "yesterday", "last month", "two days ago"), vague references ("now",
//! "recently") and times of day attached to their date ("9.45pm on Tuesday").
//!
//! A relative expression with no publication date keeps TIMEX3's `X` placeholders
//! where it names something comparable (a weekday, a month and day) and is left out
//! where it would name nothing ("last month").

use jiff::civil::Date;

use super::calendar::{self, Tense, add_days, add_months, plausible_year, tense, week, weekday, ym, ymd};
use super::lexer::{Kind, Tokens};
use super::words::{Lex, Unit};
use super::{Context, Found, lex_is, modifier_at};
use crate::value::{ClaimKind, Modifier, Value};

/// A point in time read at some token: its value and the index after it.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Point {
    /// The TIMEX3 value.
    pub value: String,
    /// Index after the expression.
    pub to: usize,
    /// The day, when the value names one.
    pub day: Option<Date>,
}

impl Point {
    fn new(value: String, to: usize) -> Point {
        Point { value, to, day: None }
    }

    fn day(d: Date, to: usize) -> Point {
        Point { value: ymd(d), to, day: Some(d) }
    }
}

/// Reads a date starting at token `i`.
pub(super) fn at(t: &Tokens<'_>, i: usize, cx: &Context) -> Option<Found> {
    let (modifier, j) = prefix(t, i);
    let p = point(t, j, cx)?;
    // "about two years ago" takes "about"; "over the weekend", "around Wednesday" do
    // not: there the word says where in time, not how precisely.
    if j > i && modifier_at(t, i).is_some() && !t.is_any(p.to.wrapping_sub(1), &["ago", "earlier"]) {
        return None;
    }
    let mut found = Found::new(ClaimKind::Date, i, p.to, Value::Date(p.value));
    found.modifier = modifier;
    Some(found)
}

/// "early", "late", "mid-", "the end of", "about": the modifier before a date and the
/// index after it.
fn prefix(t: &Tokens<'_>, i: usize) -> (Option<Modifier>, usize) {
    let the = usize::from(t.is(i, "the"));
    let k = i + the;
    if t.is(k, "early") {
        return (Some(Modifier::Start), k + 1);
    }
    if t.is(k, "late") && !t.is(k + 1, "in") {
        return (Some(Modifier::End), k + 1);
    }
    if t.is(k, "mid") {
        let k = if t.is_dash(k + 1) && t.glued(k + 1) { k + 2 } else { k + 1 };
        return (Some(Modifier::Mid), k);
    }
    for (word, modifier) in [("end", Modifier::End), ("beginning", Modifier::Start), ("start", Modifier::Start)] {
        if t.is(k, word) && t.is(k + 1, "of") {
            return (Some(modifier), k + 2);
        }
    }
    if t.is(k, "middle") && t.is(k + 1, "of") {
        return (Some(Modifier::Mid), k + 2);
    }
    if the == 0
        && let Some((m, k)) = modifier_at(t, i)
    {
        return (Some(m), k);
    }
    (None, i)
}

/// Reads a point in time at `j`, with a time of day attached when one is written next
/// to it ("Tuesday at 9.45pm", "9.45pm on Tuesday").
pub(super) fn point(t: &Tokens<'_>, j: usize, cx: &Context) -> Option<Point> {
    if let Some((time, k)) = time_of_day(t, j) {
        // "9.45pm on Tuesday", "10 p.m. Wednesday", or the publication day.
        let on = if t.is(k, "on") || t.is_punct(k, ',') { k + 1 } else { k };
        if let Some(p) = day_point(t, on, cx).filter(|p| p.day.is_some() || p.value.starts_with("XXXX-WXX")) {
            return Some(Point { value: format!("{}{time}", p.value), ..p });
        }
        let base = cx.published.map_or_else(|| "XXXX-XX-XX".to_string(), ymd);
        return Some(Point { value: format!("{base}{time}"), to: k, day: cx.published });
    }
    let p = day_point(t, j, cx)?;
    if p.day.is_some() || p.value.starts_with("XXXX-WXX") {
        // "Tuesday at 9.45pm", "Tuesday, 9.45pm", "Tuesday, at 9.45pm".
        let mut at = p.to;
        if t.is_punct(at, ',') {
            at += 1;
        }
        if t.is(at, "at") {
            at += 1;
        }
        if let Some((time, k)) = time_of_day(t, at) {
            return Some(Point { value: format!("{}{time}", p.value), to: k, ..p });
        }
        if let Some(Lex::DayPart(part)) = t.lex(p.to) {
            return Some(Point { value: format!("{}T{part}", p.value), to: p.to + 1, ..p });
        }
    }
    Some(p)
}

/// Reads a date without a time of day.
fn day_point(t: &Tokens<'_>, j: usize, cx: &Context) -> Option<Point> {
    let dct = cx.published;
    match (t.kind(j)?, t.lex(j)) {
        (Kind::Word, Some(Lex::Month(m) | Lex::MonthAbbr(m))) => month_first(t, j, m, cx),
        (Kind::Word, Some(Lex::Weekday(wd))) => weekday_point(t, j, j, wd, None, cx),
        (Kind::Word, Some(Lex::Season(season))) => season_year(t, j, season),
        (Kind::Num, _) => numeric(t, j, cx),
        (Kind::Punct, _) => decade_apostrophe(t, j),
        (Kind::Word, _) => {
            let w = t.low(j);
            match w {
                "yesterday" | "today" | "tomorrow" | "tonight" => {
                    let d = add_days(dct?, if w == "yesterday" { -1 } else { i64::from(w == "tomorrow") })?;
                    if w == "tonight" {
                        return Some(Point { value: format!("{}TNI", ymd(d)), to: j + 1, day: Some(d) });
                    }
                    Some(Point::day(d, j + 1))
                }
                "now" | "currently" => {
                    (!t.is_punct(j + 1, '-') && !t.is(j + 1, "that")).then(|| Point::new("PRESENT_REF".into(), j + 1))
                }
                "recently" => Some(Point::new("PAST_REF".into(), j + 1)),
                "future" if j > 0 && t.is_any(j - 1, &["in", "near", "foreseeable"]) => {
                    Some(Point::new("FUTURE_REF".into(), j + 1))
                }
                "earlier" | "later" => {
                    // "earlier this month", "later today": the period named after.
                    let p = day_point(t, j + 1, cx)?;
                    let anchored = t.is_any(j + 1, &["this", "today", "yesterday", "tomorrow", "tonight"])
                        || lex_is(t, j + 1, |l| matches!(l, Lex::Weekday(_)));
                    anchored.then_some(p)
                }
                "year" => year_ago(t, j, cx),
                "christmas" | "thanksgiving" | "halloween" => holiday(t, j, cx),
                "the" => the_point(t, j, cx).or_else(|| year_ago(t, j, cx)).or_else(|| {
                    let (y, k) = spoken_year(t, j)?;
                    Some(Point::new(format!("{y:04}"), k))
                }),
                "this" | "last" | "next" | "coming" | "past" | "previous" => relative(t, j, cx),
                "fiscal" => {
                    let (y, k) = year_at(t, j + 1, true)?;
                    Some(Point::new(format!("{y:04}"), k))
                }
                _ => quarter_point(t, j, cx).or_else(|| ago(t, j, cx)).or_else(|| {
                    let (y, k) = spoken_year(t, j)?;
                    Some(Point::new(format!("{y:04}"), k))
                }),
            }
        }
    }
}

/// "the future", "the past", "the 1990s", "the weekend", "the third quarter".
fn the_point(t: &Tokens<'_>, j: usize, cx: &Context) -> Option<Point> {
    let k = j + 1;
    if t.is(k, "future") || (t.is(k, "near") && t.is(k + 1, "future")) {
        return Some(Point::new("FUTURE_REF".into(), k + 1 + usize::from(t.is(k, "near"))));
    }
    if t.is(k, "past")
        && !lex_is(t, k + 1, |l| matches!(l, Lex::Unit(..) | Lex::Card(_)))
        && t.kind(k + 1) != Some(Kind::Num)
    {
        return Some(Point::new("PAST_REF".into(), k + 1));
    }
    if t.is(k, "weekend") {
        let dct = cx.published?;
        let tense = tense(t, j, k + 1);
        let saturday = calendar::weekday_date(dct, weekday(6)?, tense)?;
        return Some(Point::new(format!("{}-WE", week(saturday)), k + 1));
    }
    // Only decades and centuries take "the": "the 1990s".
    if let Some(p) = numeric(t, k, cx).filter(|p| p.value.len() < 4) {
        return Some(p);
    }
    if let Some(p) = quarter_point(t, k, cx) {
        return Some(p);
    }
    if let Some(Lex::Season(season)) = t.lex(k) {
        return season_year(t, k, season);
    }
    // "the sixties": a decade of the 1900s, as news means it.
    let decade = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
        .iter()
        .position(|d| t.is(k, d));
    if let Some(d) = decade {
        return Some(Point::new(format!("19{}", d + 2), k + 1));
    }
    century(t, k)
}

/// "the year-ago quarter", "the comparable year-earlier period", "year-earlier" (as in
/// "year-earlier profit"): in reports of results, the quarter a year before the last
/// one completed at publication, else the year before publication.
fn year_ago(t: &Tokens<'_>, j: usize, cx: &Context) -> Option<Point> {
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
        return Some(Point::new(format!("{last_year:04}-Q{n}"), after + 1));
    }
    let quarter_ago = || -> Option<String> {
        let d = add_months(dct, -15)?;
        Some(format!("{:04}-Q{}", d.year(), calendar::quarter(d)))
    };
    if t.is_any(to, &["quarter", "period"]) {
        return Some(Point::new(quarter_ago()?, to + 1));
    }
    if the {
        return None;
    }
    let value = if t.mentions_quarter { quarter_ago()? } else { format!("{last_year:04}") };
    Some(Point::new(value, to))
}

/// Holidays on a fixed day, or (Thanksgiving) the fourth Thursday of November,
/// anchored like a month and day.
fn holiday(t: &Tokens<'_>, j: usize, cx: &Context) -> Option<Point> {
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
        return (day > 0).then(|| Point::new(format!("XXXX-{month:02}-{day:02}"), to));
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

/// "summer 2017", "the winter of 1994": a season with its year written.
fn season_year(t: &Tokens<'_>, j: usize, season: &str) -> Option<Point> {
    let k = if t.is(j + 1, "of") { j + 2 } else { j + 1 };
    let (y, to) = year_at(t, k, false).or_else(|| spoken_year(t, k))?;
    Some(Point::new(format!("{y:04}-{season}"), to))
}

/// "the 20th century", "the twenty-first century": TIMEX3 writes the century's first
/// two digits (`19`).
fn century(t: &Tokens<'_>, k: usize) -> Option<Point> {
    let (n, next) = ordinal_at(t, k)?;
    if !t.is(next, "century") || !(1..=30).contains(&n) {
        return None;
    }
    Some(Point::new(format!("{:02}", n - 1), next + 1))
}

/// An ordinal at `k` ("third", "3rd"), with the index after it.
pub(super) fn ordinal_at(t: &Tokens<'_>, k: usize) -> Option<(i64, usize)> {
    if let Some(Lex::Ord(n)) = t.lex(k) {
        return Some((n, k + 1));
    }
    let n = t.num(k)?.plain()?;
    let suffix = t.low(k + 1);
    let want = match (n % 100, n % 10) {
        (11..=13, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    };
    (t.glued(k + 1) && suffix == want).then_some((n, k + 2))
}

/// Dates that start with a month: "March 28, 2018", "Mar. 28", "March 2018", "May".
fn month_first(t: &Tokens<'_>, j: usize, month: i8, cx: &Context) -> Option<Point> {
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
        return Some(Point::new(ym(year as i16, month), after));
    }
    // "June last year", "January this year".
    if t.is_any(k, &["this", "last", "next"])
        && t.is(k + 1, "year")
        && let Some(dct) = cx.published
    {
        let y = dct.year() + i16::from(t.is(k, "next")) - i16::from(t.is(k, "last"));
        return Some(Point::new(ym(y, month), k + 2));
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
        (Some(y), _) => ym(y, month),
        (None, Some(dct)) => ym(relative_year(t, j, month, dct, tense), month),
        (None, None) => format!("XXXX-{month:02}"),
    };
    Some(Point::new(value, k))
}

/// A year written earlier in the sentence, which a month or day named without one
/// shares ("in 2000, before a summit in June that year"), unless a word right before
/// anchors it on the publication date ("last May").
fn year_before(t: &Tokens<'_>, j: usize) -> Option<i16> {
    if j > 0 && t.is_any(j - 1, &["last", "next", "this", "coming", "previous", "past"]) {
        return None;
    }
    // "joined in 1997 and will join on March 12": the future is not that year's.
    if tense(t, j, j + 1) == Tense::Future {
        return None;
    }
    (j.saturating_sub(12)..j).rev().find_map(|k| year_at(t, k, false)).map(|(y, _)| y as i16)
}

/// The year of a month named alone, seen from the words before it ("last May").
fn relative_year(t: &Tokens<'_>, j: usize, month: i8, dct: Date, tense: Tense) -> i16 {
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
        _ => calendar::year_of(dct, month, None, tense),
    }
}

/// A day of the month at `k` ("28", "28th", "eighth"), with the index after it.
fn day_of_month(t: &Tokens<'_>, k: usize) -> Option<(i8, usize)> {
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
fn month_day(
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
        (None, Some(dct)) => Some(calendar::year_of(dct, month, Some(day), tense(t, from, to))),
        (None, None) => None,
    };
    match year {
        Some(y) => Some(Point::day(Date::new(y, month, day).ok()?, to)),
        None => {
            // Still check the day exists in some year (February 29 does).
            Date::new(2000, month, day).ok()?;
            Some(Point::new(format!("XXXX-{month:02}-{day:02}"), to))
        }
    }
}

/// A year said in words: "nineteen ninety-six", "the year two thousand".
fn spoken_year(t: &Tokens<'_>, k: usize) -> Option<(i64, usize)> {
    if t.is(k, "the") && t.is(k + 1, "year") {
        let (n, after) = super::words::number_words(t, k + 2)?;
        return (n.fract() == 0.0 && plausible_year(n as i64)).then_some((n as i64, after));
    }
    let Some(Lex::Card(century)) = t.lex(k) else { return None };
    if !(10..=20).contains(&century) {
        return None;
    }
    let (rest, after) = super::words::number_words(t, k + 1)?;
    if !(10.0..100.0).contains(&rest) {
        return None;
    }
    Some((century * 100 + rest as i64, after))
}

/// A four-digit year at `k` (with a "fiscal" or "the year" before it taken by the
/// caller). `loose` accepts any plausible year; otherwise the year must be 1800 to
/// 2100 and not read as a count ("2000 soldiers").
pub(super) fn year_at(t: &Tokens<'_>, k: usize, loose: bool) -> Option<(i64, usize)> {
    let n = t.num(k)?;
    let y = n.plain()?;
    if n.int_digits != 4 || !plausible_year(y) {
        return None;
    }
    // Glued to letters or more digits: a model number, a time, a decade.
    if t.glued(k + 1) && (matches!(t.kind(k + 1), Some(Kind::Word | Kind::Num)) || t.is_punct(k + 1, ':')) {
        return None;
    }
    if t.glued(k) && k > 0 && matches!(t.kind(k - 1), Some(Kind::Word | Kind::Num)) {
        return None;
    }
    // The end of "4/5/2018" or "12-4-2018" that was too ambiguous to read whole.
    if t.glued(k) && k > 1 && matches!(t.punct(k - 1), Some('/' | '-' | '.')) && t.kind(k - 2) == Some(Kind::Num) {
        return None;
    }
    if k > 0 && matches!(t.punct(k - 1), Some('$' | '€' | '£' | '#')) {
        return None;
    }
    if !loose && (!(1800..=2100).contains(&y) || counts_next(t, k + 1)) {
        return None;
    }
    Some((y, k + 1))
}

/// True when the word at `k` looks like what a number before it counts or measures
/// ("soldiers", "km", "%"), so that number is no year.
pub(super) fn counts_next(t: &Tokens<'_>, k: usize) -> bool {
    if t.is_punct(k, '%') {
        return true;
    }
    if t.kind(k) != Some(Kind::Word) || lex_is(t, k, |l| matches!(l, Lex::Month(_) | Lex::MonthAbbr(_))) {
        return false;
    }
    let w = t.low(k);
    if super::quantity::unit_word(w).is_some() || matches!(w, "percent" | "people" | "men" | "women" | "children") {
        return true;
    }
    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !NOT_PLURAL.contains(&w)
}

const NOT_PLURAL: [&str; 12] =
    ["was", "has", "is", "this", "its", "his", "hers", "as", "thus", "whereas", "does", "always"];

/// Dates that start with digits: "28 March 2018", "2018-03-28", "3/28/2018", "2011",
/// "1990s".
fn numeric(t: &Tokens<'_>, j: usize, cx: &Context) -> Option<Point> {
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
        return Some(Point::new(format!("{:03}", plain / 10), j + 2));
    }
    let (y, k) = year_at(t, j, false)?;
    Some(Point::new(format!("{y:04}"), k))
}

/// True when token `k` does not continue the expression before it: white space, the
/// end, or closing punctuation.
pub(super) fn clean_end(t: &Tokens<'_>, k: usize) -> bool {
    !t.glued(k) || matches!(t.punct(k), Some(',' | '.' | ';' | ':' | ')' | '!' | '?' | '"' | '”' | '’' | '\''))
}

/// "the '90s": an apostrophe, two digits and an s.
fn decade_apostrophe(t: &Tokens<'_>, j: usize) -> Option<Point> {
    if !matches!(t.punct(j), Some('\'' | '’')) {
        return None;
    }
    let n = t.num(j + 1)?.plain()?;
    let two = t.num(j + 1)?.int_digits == 2;
    (two && n % 10 == 0 && t.glued(j + 1) && t.glued(j + 2) && t.is(j + 2, "s"))
        .then(|| Point::new(format!("19{}", n / 10), j + 3))
}

/// A weekday (tokens `from..` with the name at `j`), anchored by tense or by a word
/// before it ("last Friday"), with a date after it taken when written ("Monday,
/// March 26").
fn weekday_point(t: &Tokens<'_>, from: usize, j: usize, wd: i8, rel: Option<&str>, cx: &Context) -> Option<Point> {
    let to = j + 1;
    if t.is_punct(to, ',')
        && let Some(Lex::Month(m) | Lex::MonthAbbr(m)) = t.lex(to + 1)
        && let Some(p) = month_first(t, to + 1, m, cx)
        && p.day.is_some()
    {
        return Some(p);
    }
    let Some(dct) = cx.published else {
        return Some(Point::new(format!("XXXX-WXX-{wd}"), to));
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
        _ => calendar::weekday_date(dct, wday, tense(t, from, to))?,
    };
    Some(Point::day(d, to))
}

/// "this week", "last month", "next year", "last Friday", "this morning", "last fall".
fn relative(t: &Tokens<'_>, j: usize, cx: &Context) -> Option<Point> {
    let rel = t.low(j);
    let k = j + 1;
    match t.lex(k) {
        Some(Lex::Weekday(wd)) => return weekday_point(t, j, k, wd, Some(rel), cx),
        Some(Lex::Month(m)) if t.capitalized(k) => {
            let dct = cx.published?;
            return Some(Point::new(ym(relative_year(t, k, m, dct, Tense::Unknown), m), k + 1));
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
    let value = match t.lex(k) {
        Some(Lex::Unit(Unit::Week, false)) => week(add_days(dct, 7 * step)?),
        Some(Lex::Unit(Unit::Month, false)) => {
            let d = add_months(dct, step)?;
            ym(d.year(), d.month())
        }
        Some(Lex::Unit(Unit::Year, false)) => format!("{:04}", dct.year() + step as i16),
        Some(Lex::Unit(Unit::Quarter, false)) => {
            let d = add_months(dct, 3 * step)?;
            format!("{:04}-Q{}", d.year(), calendar::quarter(d))
        }
        Some(Lex::Season(s)) => {
            let (first, last) = match s {
                "SP" => (3, 5),
                "SU" => (6, 8),
                "FA" => (9, 11),
                _ => return None,
            };
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
            format!("{y:04}-{s}")
        }
        Some(Lex::DayPart(part)) => match (step, part) {
            (0, _) => format!("{}T{part}", ymd(dct)),
            (-1, "NI") => format!("{}TNI", ymd(add_days(dct, -1)?)),
            _ => return None,
        },
        _ if t.is(k, "weekend") => {
            let saturday = weekday(6)?;
            let base = match step {
                0 => calendar::weekday_date(dct, saturday, tense(t, j, k + 1))?,
                -1 => calendar::weekday_date(add_days(dct, -1)?, saturday, Tense::Past)?,
                _ => calendar::weekday_date(add_days(dct, 1)?, saturday, Tense::Future)?,
            };
            format!("{}-WE", week(base))
        }
        _ => return None,
    };
    Some(Point::new(value, k + 1))
}

/// "the third quarter", "third-quarter", "the 1988 third quarter", "the first half",
/// "the current quarter", "the latest quarter" (the last one completed).
fn quarter_point(t: &Tokens<'_>, j: usize, cx: &Context) -> Option<Point> {
    let mut k = j;
    let mut year = None;
    if t.is(k, "fiscal") {
        k += 1;
    }
    if let Some((y, after)) = year_at(t, k, true) {
        year = Some(y as i16);
        k = after;
    }
    if t.is(k, "fiscal") {
        k += 1;
    }
    let (which, after) = if let Some((n, after)) = ordinal_at(t, k) {
        (Some(n), after)
    } else if t.is_any(k, &["current", "latest"]) {
        (None, k + 1)
    } else if t.is(k, "quarter") && j > 0 && t.is(j - 1, "the") {
        (None, k)
    } else {
        return None;
    };
    let glue = if t.is_dash(after) && t.glued(after) { after + 1 } else { after };
    let half = t.is(glue, "half");
    if !t.is(glue, "quarter") && !half {
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
    let dct = cx.published;
    let (y, n) = match which {
        Some(n) if half && (1..=2).contains(&n) => {
            let y = year.or(dct.map(|d| d.year()))?;
            return Some(Point::new(format!("{y:04}-H{n}"), to));
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
        None if !half && year.is_none() => {
            let d = dct?;
            // "the latest quarter", "the quarter": the last one completed.
            let d = if t.is(k, "current") { d } else { add_months(d, -3)? };
            (d.year(), calendar::quarter(d))
        }
        _ => return None,
    };
    Some(Point::new(format!("{y:04}-Q{n}"), to))
}

/// "two days ago", "a year ago", "several years ago" (vague: `PAST_REF`).
fn ago(t: &Tokens<'_>, j: usize, cx: &Context) -> Option<Point> {
    let (n, k) = match super::duration::amount(t, j) {
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
    let Some(n) = n else { return Some(Point::new("PAST_REF".into(), to)) };
    if n.fract() != 0.0 || !(0.0..=10_000.0).contains(&n) {
        return None;
    }
    let n = n as i64;
    let dct = cx.published?;
    // In a sentence about quarterly results, "a year ago" is that quarter a year before:
    // the last quarter completed at publication, one year back.
    if unit == Unit::Year && n == 1 && t.mentions_quarter {
        let d = add_months(dct, -15)?;
        return Some(Point::new(format!("{:04}-Q{}", d.year(), calendar::quarter(d)), to));
    }
    let value = match unit {
        Unit::Day => return Some(Point::day(add_days(dct, -n)?, to)),
        Unit::Week => week(add_days(dct, -7 * n)?),
        Unit::Fortnight => week(add_days(dct, -14 * n)?),
        Unit::Month => {
            let d = add_months(dct, -n)?;
            ym(d.year(), d.month())
        }
        Unit::Quarter => {
            let d = add_months(dct, -3 * n)?;
            format!("{:04}-Q{}", d.year(), calendar::quarter(d))
        }
        Unit::Year => format!("{:04}", i64::from(dct.year()) - n),
        Unit::Decade => format!("{:04}", i64::from(dct.year()) - 10 * n),
        Unit::Century => format!("{:04}", i64::from(dct.year()) - 100 * n),
        Unit::Second | Unit::Minute | Unit::Hour => return None,
    };
    Some(Point::new(value, to))
}

/// A time of day at `j` ("9.45pm", "9:45 p.m.", "21:45", "10 a.m. EST", "noon"):
/// TIMEX3's `T21:45` and the index after it.
fn time_of_day(t: &Tokens<'_>, j: usize) -> Option<(String, usize)> {
    // "High Noon" is a film.
    if t.is(j, "noon") && !t.capitalized(j) {
        return Some(("T12:00".into(), j + 1));
    }
    if t.is(j, "midnight") {
        return Some(("T24:00".into(), j + 1));
    }
    let n = t.num(j)?;
    if n.int_digits > 2 || n.grouped || (j > 0 && t.glued(j) && t.kind(j - 1) == Some(Kind::Num)) {
        return None;
    }
    let raw = t.raw(j);
    let (mut hour, mut minute, mut k) = (n.value.trunc() as i64, 0i64, j + 1);
    let mut colon = false;
    if n.decimal {
        // "9.45pm": the decimal part is the minutes.
        let frac = raw.split('.').nth(1).unwrap_or("");
        if frac.len() != 2 {
            return None;
        }
        minute = frac.parse().ok()?;
    } else if t.is_punct(k, ':') && t.glued(k) && t.glued(k + 1) {
        let m = t.num(k + 1)?;
        if m.int_digits != 2 || m.decimal {
            return None;
        }
        minute = m.value as i64;
        k += 2;
        colon = true;
    }
    let mut second = None;
    if colon && t.is_punct(k, ':') && t.glued(k) && t.num(k + 1).is_some_and(|s| s.int_digits == 2 && !s.decimal) {
        second = t.num(k + 1).map(|s| s.value as i64).filter(|s| *s < 60);
        k += 2;
    }
    let (meridiem, after) = meridiem(t, k);
    k = after;
    match meridiem {
        Some(pm) => {
            if !(1..=12).contains(&hour) {
                return None;
            }
            if pm && hour < 12 {
                hour += 12;
            } else if !pm && hour == 12 {
                hour = 0;
            }
        }
        None if colon && !n.decimal => {
            if hour > 23 {
                return None;
            }
        }
        None => return None,
    }
    if minute > 59 {
        return None;
    }
    if t.is_any(k, &["est", "edt", "gmt", "utc", "pst", "pdt", "cst", "cdt", "bst", "cet", "et"]) {
        k += 1;
    }
    let value = match second {
        Some(s) => format!("T{hour:02}:{minute:02}:{s:02}"),
        None => format!("T{hour:02}:{minute:02}"),
    };
    Some((value, k))
}

/// "am", "pm", "a.m.", "p.m.": whether it is after noon, and the index after it.
fn meridiem(t: &Tokens<'_>, k: usize) -> (Option<bool>, usize) {
    match t.low(k) {
        "am" | "pm" if t.kind(k) == Some(Kind::Word) => (Some(t.low(k) == "pm"), k + 1),
        "a" | "p" if t.is_punct(k + 1, '.') && t.is(k + 2, "m") && t.glued(k + 1) && t.glued(k + 2) => {
            let end = if t.is_punct(k + 3, '.') && t.glued(k + 3) { k + 4 } else { k + 3 };
            (Some(t.low(k) == "p"), end)
        }
        _ => (None, k),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Context, extract};
    use crate::value::{Modifier, Value};
    use jiff::civil::Date;

    fn date(text: &str, published: Option<Date>) -> Option<(String, String, Option<Modifier>)> {
        extract(text, &Context { published }).into_iter().find_map(|c| match c.value {
            Value::Date(v) => Some((c.text, v, c.modifier)),
            _ => None,
        })
    }

    #[test]
    fn table() {
        let d = |y, m, d| Some(Date::constant(y, m, d));
        type Case<'a> = (&'a str, Option<Date>, &'a str, &'a str, Option<Modifier>);
        let cases: &[Case<'_>] = &[
            ("It was signed on March 28, 2018.", None, "March 28, 2018", "2018-03-28", None),
            ("It was signed on 28 March 2018.", None, "28 March 2018", "2018-03-28", None),
            ("He left on Mar. 28 by train.", d(2018, 3, 29), "Mar. 28", "2018-03-28", None),
            ("The file is dated 2018-03-28.", None, "2018-03-28", "2018-03-28", None),
            ("The form says 3/28/2018 at the top.", None, "3/28/2018", "2018-03-28", None),
            ("He came in December 2011.", None, "December 2011", "2011-12", None),
            ("He took power in 2011.", None, "2011", "2011", None),
            ("It happened in the 1990s.", None, "the 1990s", "199", None),
            ("Growth slowed in early 2017.", None, "early 2017", "2017", Some(Modifier::Start)),
            ("They meet in mid-May.", d(2018, 3, 28), "mid-May", "2018-05", Some(Modifier::Mid)),
            ("Kim arrived on Monday.", d(2018, 3, 28), "Monday", "2018-03-26", None),
            ("Kim arrived on Monday.", None, "Monday", "XXXX-WXX-1", None),
            ("Kim will arrive on Monday.", d(2018, 3, 28), "Monday", "2018-04-02", None),
            ("He said so yesterday.", d(2018, 3, 28), "yesterday", "2018-03-27", None),
            ("He met Xi this week.", d(2018, 3, 28), "this week", "2018-W13", None),
            ("Athletes came last month.", d(2018, 3, 28), "last month", "2018-02", None),
            ("Talks began earlier this month.", d(2018, 3, 28), "earlier this month", "2018-03", None),
            ("It will open next year.", d(2018, 3, 28), "next year", "2019", None),
            ("He left two days ago.", d(2018, 3, 28), "two days ago", "2018-03-26", None),
            ("A summit is planned in May.", d(2018, 3, 28), "May", "2018-05", None),
            ("It fell last year.", d(2018, 3, 28), "last year", "2017", None),
            ("Things are different now.", None, "now", "PRESENT_REF", None),
            ("He recently said so.", None, "recently", "PAST_REF", None),
            ("We will see in the future.", None, "the future", "FUTURE_REF", None),
            ("The blast came at 9.45pm on Tuesday.", d(2018, 7, 12), "9.45pm on Tuesday", "2018-07-10T21:45", None),
            ("They met Tuesday morning.", d(2018, 5, 9), "Tuesday morning", "2018-05-08TMO", None),
            ("Profit rose in the third quarter.", d(1989, 10, 26), "the third quarter", "1989-Q3", None),
            ("It was unknown on March 25.", None, "March 25", "XXXX-03-25", None),
            ("It stood until the 20th century.", None, "the 20th century", "19", None),
            ("It opened in summer 2017.", None, "summer 2017", "2017-SU", None),
            ("Music of the sixties.", None, "the sixties", "196", None),
            (
                "Trump tweeted on Tuesday, March 27, 2018, at 10:05 a.m. again.",
                None,
                "Tuesday, March 27, 2018, at 10:05 a.m.",
                "2018-03-27T10:05",
                None,
            ),
            ("It froze in the winter of 1994.", None, "the winter of 1994", "1994-WI", None),
            ("He left on Saturday, April 25: no word since.", d(1998, 4, 24), "Saturday, April 25", "1998-04-25", None),
            ("Paribas said Monday that it will bid.", d(1989, 10, 27), "Monday", "1989-10-23", None),
            ("He could come as soon as Tuesday.", d(2000, 4, 3), "Tuesday", "2000-04-04", None),
            ("A year earlier, profit was flat.", d(1989, 10, 26), "A year earlier", "1988", None),
            ("Profit in the year-ago quarter fell.", d(1989, 10, 26), "the year-ago quarter", "1988-Q3", None),
            ("Sales fell a year ago in the quarter.", d(1989, 10, 26), "a year ago", "1988-Q3", None),
            ("He was born in nineteen ninety-six.", None, "nineteen ninety-six", "1996", None),
            ("We met on Thanksgiving.", d(2018, 12, 1), "Thanksgiving", "2018-11-22", None),
            ("They met in June last year.", d(1998, 2, 19), "June last year", "1997-06", None),
        ];
        for (text, published, span, value, modifier) in cases {
            let got = date(text, *published);
            assert_eq!(got, Some((span.to_string(), value.to_string(), *modifier)), "{text}");
        }
    }

    #[test]
    fn not_dates() {
        for text in [
            "He may go.",
            "The troops march on.",
            "2000 soldiers arrived.",
            "It costs $2018.",
            "Call 555-1234.",
            "Version 3.10.2 is out.",
            "Pages 12-14.",
            "It passed on 4/5/2018.",
        ] {
            assert_eq!(date(text, Some(Date::constant(2018, 3, 28))), None, "{text}");
        }
    }
}

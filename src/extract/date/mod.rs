//! Dates: calendar dates at any granularity ("March 28, 2018", "March 2018", "2011",
//! "the 1990s", "the third quarter"), relative ones anchored on the publication date
//! ("on Monday", "yesterday", "last month", "two days ago"), vague references ("now",
//! "recently") and times of day attached to their date ("9.45pm on Tuesday").
//!
//! A relative expression with no publication date keeps TIMEX3's `X` placeholders
//! where it names something comparable (a weekday, a month and day) and is left out
//! where it would name nothing ("last month").
//!
//! One file per family of expressions: [`absolute`] dates as written on a calendar,
//! [`relative`] ones anchored on the publication date, [`quarter`]s and halves of
//! financial reports, and [`time`]s of day.

mod absolute;
mod quarter;
mod relative;
mod time;

use jiff::civil::Date;

use super::calendar::{self, add_days, weekday};
use super::lexer::{Kind, Tokens, year_at};
use super::tense::tense;
use super::words::Lex;
use super::{Context, Found, lex_is, modifier_at};
use crate::value::{ClaimKind, DayPart, Modifier, Reference, TimeOfDay, Timex, Value, Zone};
use absolute::{century, decade_apostrophe, month_first, numeric, season_year, spoken_year};
use quarter::{quarter_point, year_ago};
use relative::{ago, holiday, relative, weekday_point};
use time::{Clock, time_of_day, zone_at};

/// A point in time read at some token: its value and the index after it.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Point {
    /// The TIMEX3 value.
    pub value: Timex,
    /// Index after the expression.
    pub to: usize,
    /// The day, when the value names one.
    pub day: Option<Date>,
}

impl Point {
    fn new(value: Timex, to: usize) -> Point {
        Point { value, to, day: None }
    }

    fn day(d: Date, to: usize) -> Point {
        Point { value: Timex::day(d), to, day: Some(d) }
    }

    /// A vague reference (`PRESENT_REF`).
    fn reference(reference: Reference, to: usize) -> Point {
        Point::new(Timex::Reference(reference), to)
    }

    /// Whether a time of day written next to the point attaches to it: a day, or a
    /// weekday of an unknown week.
    fn takes_time(&self) -> bool {
        self.day.is_some() || matches!(self.value, Timex::Weekday { .. })
    }

    /// The point at a time of day, ending at `to`.
    fn at_time(self, time: TimeOfDay, to: usize) -> Option<Point> {
        Some(Point { value: self.value.at_time(time)?, to, ..self })
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
/// to it ("Tuesday at 9.45pm", "9.45pm on Tuesday"), else to the day named nearby in the
/// sentence ("last seen on Monday when it left around 5 a.m."), else to the publication
/// day. A conversion written after the time ("7 a.m. (1100 GMT)", "4:17 a.m. local time
/// or 8:17 p.m. Sunday EST") is the same instant: it is read into the time's offset and
/// its tokens into the span, never into a second time.
pub(super) fn point(t: &Tokens<'_>, j: usize, cx: &Context) -> Option<Point> {
    if let Some((clock, k)) = time_of_day(t, j) {
        // "7 a.m. (1100 GMT) on Saturday": the conversion may stand before the day.
        let early = conversion(t, k, cx);
        let k = early.map_or(k, |c| c.to);
        // "9.45pm on Tuesday", "10 p.m. Wednesday", "04:17 local time on Monday".
        let on = if t.is(k, "on") || t.is_punct(k, ',') { k + 1 } else { k };
        // A weekday takes its tense and any deadline from the words before the time.
        let day = match t.lex(on) {
            Some(Lex::Weekday(wd)) => weekday_point(t, j, on, wd, None, cx),
            _ => day_point(t, on, cx),
        }
        .filter(Point::takes_time);
        let (mut clock, mut to) = (clock, k);
        let day = match day {
            Some(p) => {
                to = p.to;
                Some(p)
            }
            None => nearby_day(t, j, k, cx),
        };
        // "1:24 p.m. Monday local time", "8:17 p.m. Sunday EST": the zone after the day.
        if clock.zone.is_none()
            && let Some((zone, after)) = zone_at(t, to)
        {
            clock.zone = Some(zone);
            to = after;
        }
        let conversion = early.or_else(|| conversion(t, to, cx));
        if let Some(c) = conversion {
            to = to.max(c.to);
        }
        let date = day.as_ref().and_then(|p| p.day).or(if day.is_none() { cx.published } else { None });
        let mut time = clock.on(date);
        if let Some(c) = conversion {
            time = converted(time, date, c);
        }
        if let Some(p) = day {
            return p.at_time(time, to);
        }
        let value = match cx.published {
            Some(dct) => Timex::Day { date: dct, time: Some(time) },
            None => Timex::Time(time),
        };
        return Some(Point { value, to, day: cx.published });
    }
    let p = day_point(t, j, cx)?;
    if p.takes_time() {
        // "Tuesday at 9.45pm", "Tuesday, 9.45pm", "Tuesday, at 9.45pm".
        let mut at = p.to;
        if t.is_punct(at, ',') {
            at += 1;
        }
        if t.is(at, "at") {
            at += 1;
        }
        if let Some((clock, k)) = time_of_day(t, at) {
            let (time, k) = match conversion(t, k, cx) {
                Some(c) => (converted(clock.on(p.day), p.day, c), c.to),
                None => (clock.on(p.day), k),
            };
            return p.at_time(time, k);
        }
        if let Some(Lex::DayPart(part)) = t.lex(p.to) {
            let to = p.to + 1;
            return p.at_time(TimeOfDay::Part(part), to);
        }
    }
    Some(p)
}

/// How far from a clock time, in tokens, the day it belongs to may be named.
const DAY_REACH: usize = 12;

/// The day named nearest to the clock time at tokens `from..to`, within [`DAY_REACH`]
/// tokens and outside the time: "on Monday when it left around 5 a.m.". Only a day
/// (or a weekday of an unknown week) is taken, never a month or a year.
fn nearby_day(t: &Tokens<'_>, from: usize, to: usize, cx: &Context) -> Option<Point> {
    let names_day = |i: usize| -> Option<Point> {
        if !matches!(t.kind(i), Some(Kind::Word | Kind::Num)) {
            return None;
        }
        let p = day_point(t, i, cx).filter(Point::takes_time)?;
        // A day that holds a time of its own is another moment.
        let own_time = matches!(p.value, Timex::Day { time: Some(_), .. } | Timex::Weekday { time: Some(_), .. });
        (!own_time && (p.to <= from || i >= to)).then_some(p)
    };
    for d in 1..=DAY_REACH {
        if let Some(p) = from.checked_sub(d).and_then(names_day) {
            return Some(p);
        }
        if to + d - 1 < t.len()
            && let Some(p) = names_day(to + d - 1)
        {
            return Some(p);
        }
    }
    None
}

/// A conversion of a clock time into another zone, written right after it.
#[derive(Clone, Copy, Debug)]
struct Conversion {
    /// The other clock's time, zone set.
    time: TimeOfDay,
    /// The other clock's day, when it names one ("8:17 p.m. Sunday EST").
    day: Option<Date>,
    /// Index after it.
    to: usize,
}

/// "(1100 GMT)", "(5:24 p.m. ET)", "or 8:17 p.m. Sunday EST", ", 5.55pm GMT": a clock
/// time in a stated zone at `k`, after a parenthesis, "or" or a comma.
fn conversion(t: &Tokens<'_>, k: usize, cx: &Context) -> Option<Conversion> {
    let paren = t.is_punct(k, '(');
    if !(paren || t.is(k, "or") || t.is_punct(k, ',')) {
        return None;
    }
    let (clock, mut to) = time_of_day(t, k + 1)?;
    let mut zone = clock.zone;
    let day = match t.lex(to) {
        Some(Lex::Weekday(_) | Lex::Month(_) | Lex::MonthAbbr(_)) => day_point(t, to, cx).and_then(|p| {
            to = p.to;
            p.day
        }),
        _ => None,
    };
    if zone.is_none()
        && let Some((z, after)) = zone_at(t, to)
    {
        zone = Some(z);
        to = after;
    }
    let zone = zone?.on(day.or(cx.published));
    if !matches!(zone, Zone::Offset(_)) {
        return None;
    }
    if paren {
        if !t.is_punct(to, ')') {
            return None;
        }
        to += 1;
    }
    let time = Clock { time: clock.time, zone: Some(time::ZoneWord::Fixed(zone)) }.on(None);
    Some(Conversion { time, day, to })
}

/// `time` on `date`, with the offset its conversion gives, when it has none of its own:
/// "7 a.m. (1100 GMT)" is 07:00 at UTC-04:00. A time already zoned, or a conversion
/// that gives no offset a clock is set to, leaves the time as it is.
fn converted(time: TimeOfDay, date: Option<Date>, c: Conversion) -> TimeOfDay {
    let minutes = |time: TimeOfDay| match time {
        TimeOfDay::Clock { hour, minute, .. } => Some(i64::from(hour) * 60 + i64::from(minute)),
        TimeOfDay::Part(_) => None,
    };
    let (TimeOfDay::Clock { hour, minute, second, zone }, TimeOfDay::Clock { zone: Some(Zone::Offset(o)), .. }) =
        (time, c.time)
    else {
        return time;
    };
    if matches!(zone, Some(Zone::Offset(_))) {
        return time;
    }
    let (Some(here), Some(there)) = (minutes(time), minutes(c.time)) else { return time };
    let utc = there - i64::from(o);
    let offset = match (date, c.day) {
        // Both days written: the offset is exact.
        (Some(a), Some(b)) => here - utc + a.since(b).map_or(0, |s| i64::from(s.get_days())) * 1440,
        // One day: the offset nearest to UTC (-11:45 to +12:00), as most clocks are set.
        _ => {
            let diff = (here - utc).rem_euclid(1440);
            if diff > 720 { diff - 1440 } else { diff }
        }
    };
    match Zone::offset(offset) {
        Some(zone) => TimeOfDay::Clock { hour, minute, second, zone: Some(zone) },
        None => time,
    }
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
                        let value = Timex::Day { date: d, time: Some(TimeOfDay::Part(DayPart::Night)) };
                        return Some(Point { value, to: j + 1, day: Some(d) });
                    }
                    Some(Point::day(d, j + 1))
                }
                "now" | "currently" => (!t.is_punct(j + 1, '-') && !t.is(j + 1, "that"))
                    .then(|| Point::reference(Reference::Present, j + 1)),
                "recently" => Some(Point::reference(Reference::Past, j + 1)),
                "future" if j > 0 && t.is_any(j - 1, &["in", "near", "foreseeable"]) => {
                    Some(Point::reference(Reference::Future, j + 1))
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
                    Some(Point::new(Timex::year(y)?, k))
                }),
                "this" | "last" | "next" | "coming" | "past" | "previous" => {
                    quarter_point(t, j, cx).or_else(|| relative(t, j, cx))
                }
                "fiscal" => {
                    let (y, k) = year_at(t, j + 1, true)?;
                    Some(Point::new(Timex::year(y)?, k))
                }
                _ => quarter_point(t, j, cx).or_else(|| ago(t, j, cx)).or_else(|| {
                    let (y, k) = spoken_year(t, j)?;
                    Some(Point::new(Timex::year(y)?, k))
                }),
            }
        }
    }
}

/// "the future", "the past", "the 1990s", "the weekend", "the third quarter".
fn the_point(t: &Tokens<'_>, j: usize, cx: &Context) -> Option<Point> {
    let k = j + 1;
    if t.is(k, "future") || (t.is(k, "near") && t.is(k + 1, "future")) {
        return Some(Point::reference(Reference::Future, k + 1 + usize::from(t.is(k, "near"))));
    }
    if t.is(k, "past")
        && !lex_is(t, k + 1, |l| matches!(l, Lex::Unit(..) | Lex::Card(_)))
        && t.kind(k + 1) != Some(Kind::Num)
    {
        return Some(Point::reference(Reference::Past, k + 1));
    }
    if t.is(k, "weekend") {
        let dct = cx.published?;
        let tense = tense(t, j, k + 1);
        let saturday = calendar::weekday_date(dct, weekday(6)?, tense)?;
        return Some(Point::new(Timex::weekend_of(saturday), k + 1));
    }
    // Only decades and centuries take "the": "the 1990s".
    if let Some(p) = numeric(t, k, cx).filter(|p| matches!(p.value, Timex::Decade(_) | Timex::Century(_))) {
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
        return Some(Point::new(Timex::Decade(192 + d as i16), k + 1));
    }
    century(t, k)
}

#[cfg(test)]
mod tests {
    use super::super::{Context, extract};
    use crate::value::{Modifier, Value};
    use jiff::civil::Date;

    fn date(text: &str, published: Option<Date>) -> Option<(String, String, Option<Modifier>)> {
        extract(text, &Context { published }).into_iter().find_map(|c| match c.value {
            Value::Date(v) => Some((c.text, v.to_string(), c.modifier)),
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
            ("They gave him until mid-November.", d(1989, 10, 30), "mid-November", "1989-11", Some(Modifier::Mid)),
            ("The pact became effective Feb. 1.", d(1989, 10, 26), "Feb. 1", "1990-02-01", None),
            ("It had to be returned by Jan. 14.", d(2000, 1, 15), "Jan. 14", "2000-01-14", None),
            (
                "He added that guidelines to be published in November apply.",
                d(1989, 10, 30),
                "November",
                "1989-11",
                None,
            ),
            ("Sales for this year's third quarter rose.", d(1989, 11, 1), "this year's third quarter", "1989-Q3", None),
            ("Sales for last year's quarter fell.", d(1989, 11, 1), "last year's quarter", "1988-Q3", None),
            ("Kirschner earned less in the 1988 quarter.", d(1989, 10, 30), "the 1988 quarter", "1988-Q3", None),
            ("Profit fell in the last half of 1989.", None, "the last half of 1989", "1989-H2", None),
            ("It scrapped the unit this past spring.", d(1989, 10, 30), "this past spring", "1989-SP", None),
            ("He is due in court at midday.", d(1999, 10, 8), "midday", "1999-10-08T12:00", None),
            ("He would be traveling to the United States Thursday.", d(2000, 4, 5), "Thursday", "2000-04-06", None),
            (
                "A bomb went off next to the embassy Friday morning.",
                d(1998, 8, 8),
                "Friday morning",
                "1998-08-07TMO",
                None,
            ),
            ("It would be paid on a still unspecified date in January.", d(1989, 10, 26), "January", "1990-01", None),
            (
                "They were given until 9 a.m. Tuesday to sign.",
                d(2000, 4, 3),
                "9 a.m. Tuesday",
                "2000-04-04T09:00",
                None,
            ),
            ("Up until Thursday, they had waited.", d(1999, 5, 7), "Thursday", "1999-05-06", None),
            (
                "He will leave at 4 a.m. EDT Thursday, Castro said.",
                d(2000, 4, 5),
                "4 a.m. EDT Thursday",
                "2000-04-06T04:00-04:00",
                None,
            ),
            ("They fear the case is heard in May.", d(2000, 3, 29), "May", "2000-05", None),
            ("He said the slated visit in September is on.", d(1998, 8, 26), "September", "1998-09", None),
        ];
        for (text, published, span, value, modifier) in cases {
            let got = date(text, *published);
            assert_eq!(got, Some((span.to_string(), value.to_string(), *modifier)), "{text}");
        }
    }

    /// Times of day bound to the day of their own sentence, with their zones: value
    /// and span.
    #[test]
    fn clock_times_take_their_day_and_zone() {
        let d = |y, m, d| Some(Date::constant(y, m, d));
        let cases: &[(&str, Option<Date>, &str, &str)] = &[
            // A conversion in another zone is the same instant: the offset it gives.
            (
                "The ferry left at 7 a.m. (1100 GMT) on Saturday.",
                d(2024, 5, 13),
                "7 a.m. (1100 GMT) on Saturday",
                "2024-05-11T07:00-04:00",
            ),
            (
                "It struck at 4.17 a.m. (0117GMT) near the town.",
                d(2023, 2, 6),
                "4.17 a.m. (0117GMT)",
                "2023-02-06T04:17+03:00",
            ),
            (
                "It came at 4:17 a.m. Monday local time or 8:17 p.m. Sunday EST, officials said.",
                d(2023, 2, 6),
                "4:17 a.m. Monday local time or 8:17 p.m. Sunday EST",
                "2023-02-06T04:17+03:00",
            ),
            (
                "The quake hit at 8.55pm local time, 5.55pm GMT, near the lake.",
                d(2020, 1, 25),
                "8.55pm local time, 5.55pm GMT",
                "2020-01-25T20:55+03:00",
            ),
            // The day named elsewhere in the sentence, before or after the time.
            (
                "The boat was last seen on Monday when it left around 5 a.m. from the port.",
                d(2024, 5, 16),
                "5 a.m.",
                "2024-05-13T05:00",
            ),
            (
                "Officials said that at 9 a.m., hours after the storm, the dam failed on Friday.",
                d(2024, 5, 20),
                "9 a.m.",
                "2024-05-17T09:00",
            ),
            ("The vote will close Tuesday at 14:30.", d(2024, 5, 13), "Tuesday at 14:30", "2024-05-14T14:30"),
            (
                "The tremor came at 04:17 local time on Monday.",
                d(2023, 2, 8),
                "04:17 local time on Monday",
                "2023-02-06T04:17L",
            ),
            // Zones, as offsets.
            (
                "Polls will close at 8 p.m. EDT on Tuesday.",
                d(2024, 5, 13),
                "8 p.m. EDT on Tuesday",
                "2024-05-14T20:00-04:00",
            ),
            (
                "Trading will resume at 9:30 a.m. ET on Monday.",
                d(2024, 1, 10),
                "9:30 a.m. ET on Monday",
                "2024-01-15T09:30-05:00",
            ),
            (
                "Trading resumed at 9:30 a.m. ET on Monday.",
                d(2024, 7, 10),
                "9:30 a.m. ET on Monday",
                "2024-07-08T09:30-04:00",
            ),
            (
                "The launch is set for 14:30 UTC on Tuesday.",
                d(2024, 5, 13),
                "14:30 UTC on Tuesday",
                "2024-05-14T14:30Z",
            ),
            (
                "The talks opened at 10:00 GMT+3 on Monday.",
                d(2024, 5, 15),
                "10:00 GMT+3 on Monday",
                "2024-05-13T10:00+03:00",
            ),
            ("The show starts at 6 p.m. PDT.", d(2024, 5, 13), "6 p.m. PDT", "2024-05-13T18:00-07:00"),
            (
                "Lights went out at 21:10 CEST on Sunday.",
                d(2024, 5, 13),
                "21:10 CEST on Sunday",
                "2024-05-12T21:10+02:00",
            ),
            (
                "The quake struck at local time 13:24:50 near the city.",
                d(2023, 2, 6),
                "13:24:50",
                "2023-02-06T13:24:50L",
            ),
        ];
        for (text, published, span, value) in cases {
            let got: Vec<(String, String)> = extract(text, &Context { published: *published })
                .into_iter()
                .filter(|c| matches!(c.value, Value::Date(_)))
                .map(|c| (c.text, c.value.to_string()))
                .collect();
            assert!(got.contains(&(span.to_string(), value.to_string())), "{text}: {got:?}");
        }
    }

    /// The old readings are gone: a parenthesized conversion is no second time (nor a
    /// number), and a time with a day in its sentence is not put on the publication day.
    #[test]
    fn conversions_are_no_rivals_and_days_are_not_the_publication_day() {
        let claims = |text: &str, published| {
            extract(text, &Context { published }).into_iter().map(|c| (c.text, c.value.to_string())).collect::<Vec<_>>()
        };
        let got = claims("The ferry left at 7 a.m. (1100 GMT) on Saturday.", Some(Date::constant(2024, 5, 13)));
        assert_eq!(got, [("7 a.m. (1100 GMT) on Saturday".to_string(), "2024-05-11T07:00-04:00".to_string())]);
        let got =
            claims("The boat was last seen on Monday when it left around 5 a.m.", Some(Date::constant(2024, 5, 16)));
        assert!(got.iter().all(|(_, v)| !v.starts_with("2024-05-16")), "{got:?}");
        // Four digits with no zone stay a number.
        let got = claims("About 1100 people left.", Some(Date::constant(2024, 5, 16)));
        assert!(got.iter().all(|(_, v)| !v.contains('T')), "{got:?}");
        // Lower-case "est" is no zone.
        assert_eq!(
            date("It opened at 9 a.m. est. and closed.", Some(Date::constant(2024, 5, 13))).map(|d| d.1),
            Some("2024-05-13T09:00".to_string())
        );
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
            "For Poland, high noon comes soon.",
            "Baker said on ABC's \"This Week\" that they met.",
        ] {
            assert_eq!(date(text, Some(Date::constant(2018, 3, 28))), None, "{text}");
        }
    }
}

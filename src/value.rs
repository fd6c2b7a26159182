//! Normalized values and the intervals they stand for.
//!
//! A claim's [`Value`] is written the way TIMEX3 (TimeML) writes it, so that annotated
//! corpora can score it and users can read it: `2018-03-28`, `2018-W13`, `XXXX-WXX-1`,
//! `2018-03-25/2018-03-28`, `P4D`, `PXW`, `PRESENT_REF`. Comparison never works on those
//! strings: every value is turned into an [`Extent`], an interval on one scale (days for
//! dates, seconds for durations, plain numbers otherwise) or an unanchored pattern
//! (a month and day with no year, a weekday with no week), and two claims agree when
//! their extents overlap.
//!
//! Calendar arithmetic uses `jiff`; the TIMEX3 grammar is hand-written because no crate
//! parses TIMEX3 values (ISO 8601 parsers reject `XXXX-WXX-1`, `199`, `2018-SU`, `PXW`).

use std::fmt;

use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

/// What kind of claim a value belongs to; also the `claim:` of a fact in a rule file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimKind {
    /// A calendar date or time, at any granularity.
    Date,
    /// Two dates bounding a period.
    DateRange,
    /// A length of time.
    Duration,
    /// A count or other bare number.
    Number,
    /// A number with a unit of measure.
    Quantity,
    /// A position in an order ("second visit").
    Ordinal,
    /// The spelling of a name.
    Name,
    /// What an acronym is said to stand for.
    Expansion,
}

impl ClaimKind {
    /// Every kind, in declaration order.
    pub const ALL: [ClaimKind; 8] = [
        ClaimKind::Date,
        ClaimKind::DateRange,
        ClaimKind::Duration,
        ClaimKind::Number,
        ClaimKind::Quantity,
        ClaimKind::Ordinal,
        ClaimKind::Name,
        ClaimKind::Expansion,
    ];

    /// The name used in rule files and reports (`date-range`).
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Date => "date",
            ClaimKind::DateRange => "date-range",
            ClaimKind::Duration => "duration",
            ClaimKind::Number => "number",
            ClaimKind::Quantity => "quantity",
            ClaimKind::Ordinal => "ordinal",
            ClaimKind::Name => "name",
            ClaimKind::Expansion => "expansion",
        }
    }
}

impl fmt::Display for ClaimKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Approximation and bounds on a value (TIMEX3 `mod`, in words).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Modifier {
    /// "about", "some", "nearly", "roughly".
    Approx,
    /// "more than", "over".
    MoreThan,
    /// "less than", "under".
    LessThan,
    /// "at least".
    AtLeast,
    /// "at most", "up to".
    AtMost,
    /// "early 2017".
    Start,
    /// "mid-May".
    Mid,
    /// "late 2017".
    End,
}

/// A normalized value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A TIMEX3 date or time value: `2018-03-28`, `2018-W13`, `XXXX-WXX-1`, `PRESENT_REF`.
    Date(String),
    /// A date range, each end a TIMEX3 date value.
    Range {
        /// First day (or coarser point) of the range.
        start: String,
        /// Last day (or coarser point) of the range, inclusive.
        end: String,
    },
    /// A TIMEX3 duration: `P2D`, `PT48H`, `P6Y`, `PXW` (vague).
    Duration(String),
    /// A bare number.
    Number(f64),
    /// A number in a unit; the amount is in the dimension's base unit (`m`, `kg`, ...).
    Quantity {
        /// The amount, in `unit`.
        amount: f64,
        /// The unit the amount is given in after normalization.
        unit: String,
    },
    /// A position in an order.
    Ordinal(i64),
    /// A spelling or an expansion.
    Text(String),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Date(v) | Value::Duration(v) | Value::Text(v) => f.write_str(v),
            Value::Range { start, end } => write!(f, "{start}/{end}"),
            Value::Number(n) | Value::Quantity { amount: n, .. } => f.write_str(&format_number(*n)),
            Value::Ordinal(n) => write!(f, "{n}"),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Formats a number the way a reader writes it: no trailing `.0`, no exponent, at most
/// six decimals.
pub fn format_number(n: f64) -> String {
    if !n.is_finite() {
        return n.to_string();
    }
    if n.fract() == 0.0 && n.abs() < 1e15 {
        return format!("{}", n as i64);
    }
    let text = format!("{n:.6}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// What a value covers, for comparison.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Extent {
    /// A closed interval `[lo, hi]` on one scale.
    Interval(Interval),
    /// A date with no year: month and optionally day (`XXXX-03-25`, `XXXX-03`).
    MonthDay {
        /// Month, 1 to 12.
        month: i8,
        /// Day of month, if known.
        day: Option<i8>,
    },
    /// A weekday with no week (`XXXX-WXX-1`), 1 = Monday as in ISO 8601.
    Weekday(i8),
    /// Vague (`PXW`, `PRESENT_REF`): never compared as a number.
    Vague,
}

/// The scale an interval lies on; intervals on different scales never compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scale {
    /// Days since 1970-01-01.
    Days,
    /// Seconds of duration.
    Seconds,
    /// Plain numbers (counts, quantities in their base unit, ordinals).
    Plain,
}

/// A closed interval `[lo, hi]` on a [`Scale`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    /// Lower end (may be `-inf` for "less than").
    pub lo: f64,
    /// Upper end (may be `inf` for "more than").
    pub hi: f64,
    /// What the numbers measure.
    pub scale: Scale,
}

impl Interval {
    /// A single point.
    pub fn point(v: f64, scale: Scale) -> Interval {
        Interval { lo: v, hi: v, scale }
    }

    /// True when the two intervals share at least one point.
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.scale == other.scale && self.lo <= other.hi && other.lo <= self.hi
    }

    /// True when `other` lies inside this interval.
    pub fn contains(&self, other: &Interval) -> bool {
        self.scale == other.scale && self.lo <= other.lo && other.hi <= self.hi
    }

    /// Width of the interval.
    pub fn width(&self) -> f64 {
        self.hi - self.lo
    }

    /// The interval widened by a tolerance on each side.
    pub fn widen(&self, tolerance: &Tolerance) -> Interval {
        let by = |v: f64| match tolerance {
            Tolerance::Percent(p) => v.abs() * p / 100.0,
            Tolerance::Absolute(a) => *a,
            Tolerance::Duration(seconds) => match self.scale {
                Scale::Days => seconds / 86_400.0,
                _ => *seconds,
            },
        };
        Interval { lo: self.lo - by(self.lo), hi: self.hi + by(self.hi), scale: self.scale }
    }

    /// The interval after a modifier: bounds open it on one side, `approx` widens it by
    /// `approx_tolerance`. Early/mid/late keep the interval, which stays a correct (if
    /// coarse) cover of what was meant.
    pub fn modified(&self, modifier: Option<Modifier>, approx_tolerance: &Tolerance) -> Interval {
        match modifier {
            Some(Modifier::Approx) => self.widen(approx_tolerance),
            Some(Modifier::MoreThan | Modifier::AtLeast) => Interval { hi: f64::INFINITY, ..*self },
            Some(Modifier::LessThan | Modifier::AtMost) => Interval { lo: f64::NEG_INFINITY, ..*self },
            Some(Modifier::Start | Modifier::Mid | Modifier::End) | None => *self,
        }
    }
}

/// How far apart two values may be and still agree.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Tolerance {
    /// A share of the value, in percent.
    Percent(f64),
    /// An absolute amount on the value's scale.
    Absolute(f64),
    /// A length of time, in seconds (for dates and durations).
    Duration(f64),
}

impl Tolerance {
    /// Parses `5%`, `2`, `0.5` or an ISO duration such as `P1D`.
    pub fn parse(text: &str) -> Option<Tolerance> {
        let text = text.trim();
        if let Some(p) = text.strip_suffix('%') {
            return p.trim().parse::<f64>().ok().filter(|p| p.is_finite() && *p >= 0.0).map(Tolerance::Percent);
        }
        if text.starts_with('P') {
            return match duration_extent(text) {
                Some(Extent::Interval(i)) => Some(Tolerance::Duration(i.lo)),
                _ => None,
            };
        }
        text.parse::<f64>().ok().filter(|a| a.is_finite() && *a >= 0.0).map(Tolerance::Absolute)
    }
}

impl Value {
    /// What the value covers, or `None` when it is not comparable (a name, a
    /// malformed TIMEX3 string).
    pub fn extent(&self) -> Option<Extent> {
        match self {
            Value::Date(v) => date_extent(v),
            Value::Range { start, end } => match (date_extent(start)?, date_extent(end)?) {
                (Extent::Interval(a), Extent::Interval(b)) if a.lo <= b.hi => {
                    Some(Extent::Interval(Interval { lo: a.lo, hi: b.hi, scale: Scale::Days }))
                }
                _ => None,
            },
            Value::Duration(v) => duration_extent(v),
            Value::Number(n) | Value::Quantity { amount: n, .. } => {
                Some(Extent::Interval(Interval::point(*n, Scale::Plain)))
            }
            Value::Ordinal(n) => Some(Extent::Interval(Interval::point(*n as f64, Scale::Plain))),
            Value::Text(_) => None,
        }
    }

    /// The duration a date range implies, counting both end days (`2018-03-25/2018-03-28`
    /// implies `P4D`). Only ranges between two anchored days imply one.
    ///
    /// A range of two unanchored weekdays ("from Sunday to Wednesday" with no
    /// publication date, `XXXX-WXX-7/XXXX-WXX-3`) implies one too: the days from the
    /// first weekday to the next occurrence of the second, both counted.
    pub fn implied_duration(&self) -> Option<Value> {
        let Value::Range { start, end } = self else { return None };
        if let (Some(Extent::Weekday(a)), Some(Extent::Weekday(b))) = (date_extent(start), date_extent(end)) {
            let days = (i64::from(b) - i64::from(a)).rem_euclid(7) + 1;
            return Some(Value::Duration(format!("P{days}D")));
        }
        let (a, b) = (parse_day(start)?, parse_day(end)?);
        let days = a.until((jiff::Unit::Day, b)).ok()?.get_days();
        (days >= 0).then(|| Value::Duration(format!("P{}D", days + 1)))
    }
}

/// Parses `YYYY-MM-DD` (optionally followed by a time) into a calendar date.
pub fn parse_day(value: &str) -> Option<Date> {
    let day = value.get(..10)?;
    let bytes = day.as_bytes();
    if bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = day[..4].parse().ok()?;
    let month = day[5..7].parse().ok()?;
    let dom = day[8..10].parse().ok()?;
    Date::new(year, month, dom).ok()
}

/// Days from 1970-01-01 to `date` (negative before).
pub fn day_number(date: Date) -> f64 {
    let epoch = Date::constant(1970, 1, 1);
    epoch.until((jiff::Unit::Day, date)).map_or(0.0, |s| s.get_days() as f64)
}

/// The calendar date of a day number.
pub fn date_of_day(day: f64) -> Option<Date> {
    let epoch = Date::constant(1970, 1, 1);
    epoch.checked_add(jiff::Span::new().try_days(day as i64).ok()?).ok()
}

fn days_between(a: Date, b: Date) -> Interval {
    Interval { lo: day_number(a), hi: day_number(b), scale: Scale::Days }
}

fn month_extent(year: i16, month: i8) -> Option<Interval> {
    let first = Date::new(year, month, 1).ok()?;
    Some(days_between(first, first.last_of_month()))
}

fn date_extent(value: &str) -> Option<Extent> {
    let value = value.trim();
    if value.ends_with("_REF") {
        return Some(Extent::Vague);
    }
    // Times of day compare at the granularity of their day.
    let date_part = value.split('T').next().unwrap_or(value);
    let mut parts = date_part.split('-');
    let year = parts.next()?;
    let second = parts.next();
    let third = parts.next();
    if parts.next().is_some() {
        return None;
    }
    if year == "XXXX" {
        return unanchored_extent(second, third);
    }
    if !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits: i16 = year.parse().ok()?;
    let years = |from: i16, to: i16| -> Option<Extent> {
        let a = Date::new(from, 1, 1).ok()?;
        let b = Date::new(to, 12, 31).ok()?;
        Some(Extent::Interval(days_between(a, b)))
    };
    match (year.len(), second, third) {
        (2, None, None) => years(digits * 100, digits * 100 + 99),
        (3, None, None) => years(digits * 10, digits * 10 + 9),
        (4, None, None) => years(digits, digits),
        (4, Some(s), None) => period_extent(digits, s),
        (4, Some(m), Some(d)) => {
            if let Some(week) = m.strip_prefix('W') {
                // 2018-W13-1 (ISO week date) or 2018-W13-WE (weekend).
                let week: i8 = week.parse().ok()?;
                let monday = jiff::civil::ISOWeekDate::new(digits, week, Weekday::Monday).ok()?.date();
                return match d {
                    "WE" => Some(Extent::Interval(days_between(
                        monday.checked_add(jiff::Span::new().days(5)).ok()?,
                        monday.checked_add(jiff::Span::new().days(6)).ok()?,
                    ))),
                    _ => {
                        let n: i64 = d.parse().ok().filter(|n| (1..=7).contains(n))?;
                        let day = monday.checked_add(jiff::Span::new().days(n - 1)).ok()?;
                        Some(Extent::Interval(days_between(day, day)))
                    }
                };
            }
            let day = Date::new(digits, m.parse().ok()?, d.parse().ok()?).ok()?;
            Some(Extent::Interval(days_between(day, day)))
        }
        _ => None,
    }
}

/// `2018-03`, `2018-W13`, `2018-Q1`, `2018-H1`, `2018-SU`.
fn period_extent(year: i16, period: &str) -> Option<Extent> {
    let months = |from: i8, to: i8| -> Option<Extent> {
        let a = month_extent(year, from)?;
        let b = month_extent(year, to)?;
        Some(Extent::Interval(Interval { lo: a.lo, hi: b.hi, scale: Scale::Days }))
    };
    match period {
        "Q1" => months(1, 3),
        "Q2" => months(4, 6),
        "Q3" => months(7, 9),
        "Q4" => months(10, 12),
        "H1" => months(1, 6),
        "H2" => months(7, 12),
        "SP" => months(3, 5),
        "SU" => months(6, 8),
        "FA" => months(9, 11),
        "WI" => {
            // Winter of a year runs from its December into the next year.
            let a = month_extent(year, 12)?;
            let b = month_extent(year.checked_add(1)?, 2)?;
            Some(Extent::Interval(Interval { lo: a.lo, hi: b.hi, scale: Scale::Days }))
        }
        "WE" => None,
        _ => {
            if let Some(week) = period.strip_prefix('W') {
                let week: i8 = week.parse().ok()?;
                let monday = jiff::civil::ISOWeekDate::new(year, week, Weekday::Monday).ok()?.date();
                let sunday = jiff::civil::ISOWeekDate::new(year, week, Weekday::Sunday).ok()?.date();
                return Some(Extent::Interval(days_between(monday, sunday)));
            }
            Some(Extent::Interval(month_extent(year, period.parse().ok()?)?))
        }
    }
}

/// `XXXX-03-25`, `XXXX-03`, `XXXX-WXX-1`.
fn unanchored_extent(second: Option<&str>, third: Option<&str>) -> Option<Extent> {
    match (second, third) {
        (Some("WXX"), Some(d)) => {
            let n: i8 = d.parse().ok().filter(|n| (1..=7).contains(n))?;
            Some(Extent::Weekday(n))
        }
        (Some(m), day) => {
            let month: i8 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
            let day = match day {
                Some(d) => Some(d.parse::<i8>().ok().filter(|d| (1..=31).contains(d))?),
                None => None,
            };
            Some(Extent::MonthDay { month, day })
        }
        _ => Some(Extent::Vague),
    }
}

const DAY: f64 = 86_400.0;

/// `P2D`, `PT48H`, `P1Y6M`, `P2DE` (decades), `P1CE` (centuries), `PXW` (vague).
fn duration_extent(value: &str) -> Option<Extent> {
    let rest = value.trim().strip_prefix('P')?;
    if rest.is_empty() {
        return None;
    }
    if rest.contains('X') {
        return Some(Extent::Vague);
    }
    let (mut lo, mut hi) = (0.0, 0.0);
    let mut in_time = false;
    let mut number = String::new();
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() || c == '.' {
            number.push(c);
            continue;
        }
        if c == 'T' {
            in_time = true;
            continue;
        }
        let amount: f64 = number.parse().ok()?;
        number.clear();
        let (a, b) = match (c, in_time) {
            ('Y', false) => (365.0 * DAY, 366.0 * DAY),
            ('M', false) => (28.0 * DAY, 31.0 * DAY),
            ('W', false) => (7.0 * DAY, 7.0 * DAY),
            ('D', false) if chars.peek() == Some(&'E') => {
                chars.next();
                (3652.0 * DAY, 3653.0 * DAY)
            }
            ('C', false) if chars.peek() == Some(&'E') => {
                chars.next();
                (36_524.0 * DAY, 36_525.0 * DAY)
            }
            ('D', false) => (DAY, DAY),
            ('H', true) => (3600.0, 3600.0),
            ('M', true) => (60.0, 60.0),
            ('S', true) => (1.0, 1.0),
            _ => return None,
        };
        lo += amount * a;
        hi += amount * b;
    }
    if !number.is_empty() {
        return None;
    }
    Some(Extent::Interval(Interval { lo, hi, scale: Scale::Seconds }))
}

/// Whether two extents agree: `Some(true)` when they overlap, `Some(false)` when they
/// cannot both be right, `None` when they cannot be compared (different scales, vague).
pub fn agree(a: &Extent, b: &Extent) -> Option<bool> {
    match (a, b) {
        (Extent::Vague, _) | (_, Extent::Vague) => None,
        (Extent::Interval(x), Extent::Interval(y)) => (x.scale == y.scale).then(|| x.overlaps(y)),
        (Extent::Weekday(x), Extent::Weekday(y)) => Some(x == y),
        (Extent::MonthDay { month: m1, day: d1 }, Extent::MonthDay { month: m2, day: d2 }) => {
            Some(m1 == m2 && (d1.is_none() || d2.is_none() || d1 == d2))
        }
        (Extent::Weekday(w), Extent::Interval(i)) | (Extent::Interval(i), Extent::Weekday(w)) => {
            if i.scale != Scale::Days {
                return None;
            }
            if i.width() >= 6.0 {
                return Some(true);
            }
            let mut day = i.lo;
            while day <= i.hi {
                if date_of_day(day).map(|d| d.weekday().to_monday_one_offset()) == Some(*w) {
                    return Some(true);
                }
                day += 1.0;
            }
            Some(false)
        }
        (Extent::MonthDay { month, day }, Extent::Interval(i))
        | (Extent::Interval(i), Extent::MonthDay { month, day }) => {
            if i.scale != Scale::Days {
                return None;
            }
            if i.width() >= 365.0 {
                return Some(true);
            }
            let mut d = i.lo;
            while d <= i.hi {
                if let Some(date) = date_of_day(d)
                    && date.month() == *month
                    && day.is_none_or(|day| date.day() == day)
                {
                    return Some(true);
                }
                d += 1.0;
            }
            Some(false)
        }
        (Extent::Weekday(_), Extent::MonthDay { .. }) | (Extent::MonthDay { .. }, Extent::Weekday(_)) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn interval(value: &Value) -> Interval {
        match value.extent() {
            Some(Extent::Interval(i)) => i,
            other => panic!("{value} has no interval: {other:?}"),
        }
    }

    #[test]
    fn dates_cover_their_granularity() {
        let day = interval(&Value::Date("2018-03-28".into()));
        let month = interval(&Value::Date("2018-03".into()));
        let year = interval(&Value::Date("2018".into()));
        let decade = interval(&Value::Date("199".into()));
        let week = interval(&Value::Date("2018-W13".into()));
        assert_eq!(day.width(), 0.0);
        assert_eq!(month.width(), 30.0);
        assert_eq!(year.width(), 364.0);
        assert_eq!(decade.width(), 3651.0);
        assert!(month.contains(&day) && year.contains(&month) && week.contains(&day));
        assert!(!interval(&Value::Date("2011".into())).overlaps(&month));
    }

    #[test]
    fn ranges_imply_inclusive_durations() {
        let range = Value::Range { start: "2018-03-25".into(), end: "2018-03-28".into() };
        assert_eq!(range.implied_duration(), Some(Value::Duration("P4D".into())));
        assert_eq!(interval(&range).width(), 3.0);
        let years = Value::Range { start: "1950".into(), end: "1953".into() };
        assert_eq!(years.implied_duration(), None);
        let weekdays = Value::Range { start: "XXXX-WXX-7".into(), end: "XXXX-WXX-3".into() };
        assert_eq!(weekdays.implied_duration(), Some(Value::Duration("P4D".into())));
        let same = Value::Range { start: "XXXX-WXX-1".into(), end: "XXXX-WXX-1".into() };
        assert_eq!(same.implied_duration(), Some(Value::Duration("P1D".into())));
        assert_eq!(interval(&years).width(), 1460.0);
    }

    #[test]
    fn durations_compare_in_seconds() {
        let hours = interval(&Value::Duration("PT48H".into()));
        let days = interval(&Value::Duration("P2D".into()));
        assert!(hours.overlaps(&days));
        assert!(!days.overlaps(&interval(&Value::Duration("P4D".into()))));
        assert_eq!(Value::Duration("PXW".into()).extent(), Some(Extent::Vague));
        assert!(interval(&Value::Duration("P6Y".into())).lo > 0.0);
        assert_eq!(Value::Duration("P".into()).extent(), None);
        assert_eq!(Value::Duration("P2".into()).extent(), None);
    }

    #[test]
    fn unanchored_dates_compare_by_what_they_name() {
        let monday = Value::Date("XXXX-WXX-1".into()).extent().unwrap();
        let march_26 = Value::Date("2018-03-26".into()).extent().unwrap();
        let march_27 = Value::Date("2018-03-27".into()).extent().unwrap();
        assert_eq!(agree(&monday, &march_26), Some(true));
        assert_eq!(agree(&monday, &march_27), Some(false));
        let march_25 = Value::Date("XXXX-03-25".into()).extent().unwrap();
        let range = Value::Range { start: "2018-03-25".into(), end: "2018-03-28".into() };
        assert_eq!(agree(&march_25, &range.extent().unwrap()), Some(true));
        assert_eq!(agree(&march_25, &march_27), Some(false));
        assert_eq!(agree(&Extent::Vague, &march_27), None);
    }

    #[test]
    fn modifiers_and_tolerances_widen() {
        let about_40 = Interval::point(40.0, Scale::Plain).modified(Some(Modifier::Approx), &Tolerance::Percent(10.0));
        assert_eq!((about_40.lo, about_40.hi), (36.0, 44.0));
        let more = Interval::point(40.0, Scale::Plain).modified(Some(Modifier::MoreThan), &Tolerance::Percent(10.0));
        assert!(more.contains(&Interval::point(1e9, Scale::Plain)));
        assert_eq!(Tolerance::parse("5%"), Some(Tolerance::Percent(5.0)));
        assert_eq!(Tolerance::parse("P1D"), Some(Tolerance::Duration(86_400.0)));
        assert_eq!(Tolerance::parse("2"), Some(Tolerance::Absolute(2.0)));
        assert_eq!(Tolerance::parse("-2"), None);
        assert_eq!(Tolerance::parse("lots"), None);
        let day = interval(&Value::Date("2018-03-28".into())).widen(&Tolerance::Duration(86_400.0));
        assert_eq!(day.width(), 2.0);
    }

    #[test]
    fn numbers_print_as_written() {
        assert_eq!(format_number(28000.0), "28000");
        assert_eq!(format_number(609.6), "609.6");
        assert_eq!(format_number(7.8), "7.8");
        assert_eq!(Value::Range { start: "1950".into(), end: "1953".into() }.to_string(), "1950/1953");
    }

    #[test]
    fn malformed_values_have_no_extent() {
        for bad in ["", "2018-13", "20x8", "2018-02-30", "XXXX-13-01", "XXXX-WXX-9", "2018-W60", "1-2-3-4"] {
            assert_eq!(Value::Date(bad.into()).extent(), None, "{bad}");
        }
    }
}

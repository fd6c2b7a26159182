//! Normalized values: what kind of claim a value belongs to ([`ClaimKind`]), the
//! value itself ([`Value`]) and its approximation ([`Modifier`]).
//!
//! Time values are typed ([`Timex`], [`IsoDuration`], in [`timex`]) and written the way
//! TIMEX3 (TimeML) writes them, so that annotated corpora can score them and users can
//! read them: `2018-03-28`, `2018-W13`, `XXXX-WXX-1`, `2018-03-25/2018-03-28`, `P4D`,
//! `PXW`, `PRESENT_REF`. Comparison never works on that text: every value stands for an
//! [`Extent`] ([`interval`]), and two claims agree when their extents overlap. Values in
//! words, for messages, are [`words`]'s; units of measure and their base units,
//! [`unit`]'s.

mod interval;
mod timex;
pub mod unit;
mod words;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use interval::{Extent, Interval, Moment, Scale, Tolerance, agree, date_of_day, day_number};
pub use timex::{
    DayPart, DurationPart, DurationUnit, IsoDuration, ParseTimexError, Reference, Season, TimeOfDay, Timex, YearPart,
    Zone, parse_day,
};
pub use words::describe;

/// What kind of claim a value belongs to; also the `claim:` of a fact in a rule file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
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
    /// The title or role a source gives an entity ("former mayor").
    Title,
}

impl ClaimKind {
    /// Every kind, in declaration order.
    pub const ALL: [ClaimKind; 9] = [
        ClaimKind::Date,
        ClaimKind::DateRange,
        ClaimKind::Duration,
        ClaimKind::Number,
        ClaimKind::Quantity,
        ClaimKind::Ordinal,
        ClaimKind::Name,
        ClaimKind::Expansion,
        ClaimKind::Title,
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
            ClaimKind::Title => "title",
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
#[non_exhaustive]
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
#[non_exhaustive]
pub enum Value {
    /// A TIMEX3 date or time value: `2018-03-28`, `2018-W13`, `XXXX-WXX-1`, `PRESENT_REF`.
    Date(Timex),
    /// A date range, each end a TIMEX3 date value.
    Range {
        /// First day (or coarser point) of the range.
        start: Timex,
        /// Last day (or coarser point) of the range, inclusive.
        end: Timex,
    },
    /// A TIMEX3 duration: `P2D`, `PT48H`, `P6Y`, `PXW` (vague).
    Duration(IsoDuration),
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
    /// A range of numbers, durations or quantities ("30 to 36 hours", "3-4 metres",
    /// "aged 19 to 24"), written `lo/hi`: both ends are values of one kind (two
    /// [`Value::Number`]s, two [`Value::Duration`]s or two [`Value::Quantity`]s in one
    /// unit), the low end first.
    Between {
        /// The low end.
        lo: Box<Value>,
        /// The high end.
        hi: Box<Value>,
    },
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Date(v) => write!(f, "{v}"),
            Value::Duration(v) => write!(f, "{v}"),
            Value::Text(v) => f.write_str(v),
            Value::Range { start, end } => write!(f, "{start}/{end}"),
            Value::Number(n) | Value::Quantity { amount: n, .. } => f.write_str(&format_number(*n)),
            Value::Ordinal(n) => write!(f, "{n}"),
            Value::Between { lo, hi } => write!(f, "{lo}/{hi}"),
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

/// Why a value written as text could not be read back.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a {kind} value: {text:?}")]
pub struct ParseValueError {
    /// The kind the value was read as.
    pub kind: ClaimKind,
    /// The text that was given.
    pub text: String,
}

/// A `during:` window, `START/END` (two anchored TIMEX3 dates, white space around
/// each allowed), as the days it covers; `None` when it is not one. Rule validation
/// and selection both read windows here, so a window that validates is one that
/// selects.
pub fn day_window(text: &str) -> Option<Interval> {
    let (start, end) = text.split_once('/')?;
    let (start, end) = (start.trim(), end.trim());
    if start.contains('X') || end.contains('X') {
        return None;
    }
    match (Value::Range { start: start.parse().ok()?, end: end.parse().ok()? }).extent()? {
        Extent::Interval(i) if i.scale == Scale::Days => Some(i),
        _ => None,
    }
}

impl Value {
    /// Reads back a value as [`Display`](fmt::Display) writes it, given its claim's
    /// kind (the text alone is ambiguous: `1990` is a year, a count or an ordinal) and,
    /// for quantities, the unit the claim names. This is how claims written by
    /// `factlint extract` are read again.
    pub fn read(kind: ClaimKind, text: &str, unit: Option<&str>) -> Result<Value, ParseValueError> {
        let fail = || ParseValueError { kind, text: text.to_string() };
        // "PT30H/PT36H", "19/24", "3/4": a range of amounts, each end read alone.
        if matches!(kind, ClaimKind::Duration | ClaimKind::Number | ClaimKind::Quantity)
            && let Some((lo, hi)) = text.split_once('/')
        {
            let (lo, hi) = (Value::read(kind, lo, unit)?, Value::read(kind, hi, unit)?);
            if matches!(lo, Value::Between { .. }) || matches!(hi, Value::Between { .. }) {
                return Err(fail());
            }
            return Ok(Value::Between { lo: Box::new(lo), hi: Box::new(hi) });
        }
        let number = || text.parse::<f64>().ok().filter(|n| n.is_finite()).ok_or_else(fail);
        Ok(match kind {
            ClaimKind::Date => Value::Date(text.parse().map_err(|_| fail())?),
            ClaimKind::DateRange => {
                let (start, end) = text.split_once('/').ok_or_else(fail)?;
                Value::Range { start: start.parse().map_err(|_| fail())?, end: end.parse().map_err(|_| fail())? }
            }
            ClaimKind::Duration => Value::Duration(text.parse().map_err(|_| fail())?),
            ClaimKind::Number => Value::Number(number()?),
            ClaimKind::Quantity => Value::Quantity { amount: number()?, unit: unit.ok_or_else(fail)?.to_string() },
            ClaimKind::Ordinal => Value::Ordinal(text.parse().map_err(|_| fail())?),
            ClaimKind::Name | ClaimKind::Expansion | ClaimKind::Title => Value::Text(text.to_string()),
        })
    }

    /// What the value covers, or `None` when it is not comparable (a name, a time of
    /// day on an unknown day).
    pub fn extent(&self) -> Option<Extent> {
        match self {
            Value::Date(v) => v.extent(),
            Value::Range { start, end } => match (start.extent()?, end.extent()?) {
                (Extent::Interval(a), Extent::Interval(b)) if a.lo <= b.hi => {
                    Some(Extent::Interval(Interval { lo: a.lo, hi: b.hi, scale: Scale::Days }))
                }
                _ => None,
            },
            Value::Duration(v) => Some(v.extent()),
            Value::Number(n) | Value::Quantity { amount: n, .. } => {
                Some(Extent::Interval(Interval::point(*n, Scale::Plain)))
            }
            Value::Ordinal(n) => Some(Extent::Interval(Interval::point(*n as f64, Scale::Plain))),
            Value::Text(_) => None,
            Value::Between { .. } => {
                let (lo, hi) = self.ends()?;
                Some(Extent::Interval(Interval { lo: lo.lo, hi: hi.hi, scale: lo.scale }))
            }
        }
    }

    /// The intervals of a range's two ends ("30 to 36 hours": 30 hours, 36 hours), for
    /// comparing two ranges end by end; `None` for any other value, or for ends that
    /// are not intervals on one scale, low end first.
    pub fn ends(&self) -> Option<(Interval, Interval)> {
        let Value::Between { lo, hi } = self else { return None };
        match (lo.extent()?, hi.extent()?) {
            (Extent::Interval(a), Extent::Interval(b)) if a.scale == b.scale && a.lo <= b.hi => Some((a, b)),
            _ => None,
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
        if let (Timex::Weekday { day: a, .. }, Timex::Weekday { day: b, .. }) = (start, end) {
            let days = (i64::from(*b) - i64::from(*a)).rem_euclid(7) + 1;
            return Some(Value::Duration(IsoDuration::days(days)));
        }
        let (a, b) = (start.date()?, end.date()?);
        let days = a.until((jiff::Unit::Day, b)).ok()?.get_days();
        (days >= 0).then(|| Value::Duration(IsoDuration::days(i64::from(days) + 1)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Value {
        Value::Date(text.parse().unwrap())
    }

    #[test]
    fn windows_are_anchored_day_ranges() {
        assert_eq!(day_window("2018-03-20/2018-04-05").map(|w| w.width()), Some(16.0));
        // Spaces around the ends are allowed, as validation has always allowed them.
        assert_eq!(day_window("2018-03-20 / 2018-04-05"), day_window("2018-03-20/2018-04-05"));
        for bad in ["soon", "2018-03-20", "XXXX-03-20/XXXX-04-05", "P2D/P3D"] {
            assert_eq!(day_window(bad), None, "{bad}");
        }
    }

    fn range(start: &str, end: &str) -> Value {
        Value::Range { start: start.parse().unwrap(), end: end.parse().unwrap() }
    }

    fn duration(text: &str) -> Value {
        Value::Duration(text.parse().unwrap())
    }

    fn interval(value: &Value) -> Interval {
        match value.extent() {
            Some(Extent::Interval(i)) => i,
            other => panic!("{value} has no interval: {other:?}"),
        }
    }

    #[test]
    fn dates_cover_their_granularity() {
        let day = interval(&date("2018-03-28"));
        let month = interval(&date("2018-03"));
        let year = interval(&date("2018"));
        let decade = interval(&date("199"));
        let week = interval(&date("2018-W13"));
        assert_eq!(day.width(), 0.0);
        assert_eq!(month.width(), 30.0);
        assert_eq!(year.width(), 364.0);
        assert_eq!(decade.width(), 3651.0);
        assert!(month.contains(&day) && year.contains(&month) && week.contains(&day));
        assert!(!interval(&date("2011")).overlaps(&month));
        assert_eq!(interval(&date("19")).width(), 36_523.0);
        assert_eq!(interval(&date("2018-W13-WE")).width(), 1.0);
        assert!(interval(&date("2018-W13")).contains(&interval(&date("2018-W13-1"))));
        assert_eq!(interval(&date("1994-WI")).width(), 89.0);
        assert_eq!(interval(&date("2018-03-28T21:45")), day);
        assert_eq!(date("XXXX-XX-XXT21:45").extent(), None);
    }

    #[test]
    fn ranges_imply_inclusive_durations() {
        let days = range("2018-03-25", "2018-03-28");
        assert_eq!(days.implied_duration(), Some(duration("P4D")));
        assert_eq!(interval(&days).width(), 3.0);
        let years = range("1950", "1953");
        assert_eq!(years.implied_duration(), None);
        assert_eq!(range("XXXX-WXX-7", "XXXX-WXX-3").implied_duration(), Some(duration("P4D")));
        assert_eq!(range("XXXX-WXX-1", "XXXX-WXX-1").implied_duration(), Some(duration("P1D")));
        assert_eq!(interval(&years).width(), 1460.0);
        assert_eq!(range("2018-03-28", "2018-03-25").extent(), None);
    }

    #[test]
    fn durations_compare_in_seconds() {
        let hours = interval(&duration("PT48H"));
        let days = interval(&duration("P2D"));
        assert!(hours.overlaps(&days));
        assert!(!days.overlaps(&interval(&duration("P4D"))));
        assert_eq!(duration("PXW").extent(), Some(Extent::Vague));
        assert!(interval(&duration("P6Y")).lo > 0.0);
        assert_eq!(interval(&duration("P2DT12H")).lo, 216_000.0);
    }

    #[test]
    fn unanchored_dates_compare_by_what_they_name() {
        let monday = date("XXXX-WXX-1").extent().unwrap();
        let march_26 = date("2018-03-26").extent().unwrap();
        let march_27 = date("2018-03-27").extent().unwrap();
        assert_eq!(agree(&monday, &march_26), Some(true));
        assert_eq!(agree(&monday, &march_27), Some(false));
        let march_25 = date("XXXX-03-25").extent().unwrap();
        assert_eq!(agree(&march_25, &range("2018-03-25", "2018-03-28").extent().unwrap()), Some(true));
        assert_eq!(agree(&march_25, &march_27), Some(false));
        assert_eq!(agree(&Extent::Vague, &march_27), None);
        assert_eq!(date("PRESENT_REF").extent(), Some(Extent::Vague));
    }

    #[test]
    fn numbers_print_as_written() {
        assert_eq!(format_number(28000.0), "28000");
        assert_eq!(format_number(609.6), "609.6");
        assert_eq!(format_number(7.8), "7.8");
        assert_eq!(range("1950", "1953").to_string(), "1950/1953");
    }

    #[test]
    fn amount_ranges_write_read_and_cover_both_ends() {
        // (kind, unit, text): each reads back to a range that writes the same text.
        for (kind, unit, text, lo, hi) in [
            (ClaimKind::Duration, None, "PT30H/PT36H", 108_000.0, 129_600.0),
            (ClaimKind::Number, None, "19/24", 19.0, 24.0),
            (ClaimKind::Quantity, Some("m"), "3/4", 3.0, 4.0),
            (ClaimKind::Duration, None, "P10D/P12D", 864_000.0, 1_036_800.0),
        ] {
            let value = Value::read(kind, text, unit).unwrap();
            assert!(matches!(value, Value::Between { .. }), "{text}");
            assert_eq!(value.to_string(), text);
            let whole = interval(&value);
            assert_eq!((whole.lo, whole.hi), (lo, hi), "{text}");
            let (a, b) = value.ends().unwrap();
            assert_eq!((a.lo, b.hi), (lo, hi), "{text}");
        }
        for bad in ["1/2/3", "/4", "4/", "P1D/x"] {
            assert!(Value::read(ClaimKind::Number, bad, None).is_err(), "{bad}");
        }
        // A date range is no amount range: it keeps its own variant.
        assert!(matches!(Value::read(ClaimKind::DateRange, "2018/2019", None), Ok(Value::Range { .. })));
        assert_eq!(Value::Number(3.0).ends(), None);
    }
}

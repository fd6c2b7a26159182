//! TIMEX3 (TimeML) time values, typed: a [`Timex`] for points and periods in time and an
//! [`IsoDuration`] for lengths of time.
//!
//! The extractors build these values directly; the TIMEX3 text exists only when a value
//! is shown ([`fmt::Display`], serde) or read back ([`FromStr`]: claims written out,
//! rule `during:` windows, tests). Comparison matches on the type ([`Timex::extent`],
//! [`IsoDuration::extent`]) instead of parsing text again.
//!
//! The grammar is hand-written because no crate reads TIMEX3 values: ISO 8601 parsers
//! reject `XXXX-WXX-1`, `199`, `2018-SU` and `PXW`. Calendar arithmetic is `jiff`'s.

use std::fmt;
use std::str::FromStr;

use jiff::civil::{Date, ISOWeekDate, Weekday};
use serde::{Deserialize, Serialize};

use super::format_number;
use super::interval::{Extent, Interval, Moment, Scale, day_number};

/// A point or period in time, as TIMEX3 writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Timex {
    /// A calendar day, perhaps at a time of day: `2018-03-28`, `2018-03-28T21:45`,
    /// `2018-05-08TMO`.
    Day {
        /// The day.
        date: Date,
        /// The time of day, when one is written.
        time: Option<TimeOfDay>,
    },
    /// A time of day on a day nobody named: `XXXX-XX-XXT21:45`.
    Time(TimeOfDay),
    /// A month of a year: `2018-03`.
    Month {
        /// The year, 0 to 9999.
        year: i16,
        /// The month, 1 to 12.
        month: i8,
    },
    /// A year: `2018`.
    Year(i16),
    /// A decade, by its first three digits: `199` is the 1990s.
    Decade(i16),
    /// A century, by its first two digits: `19` is 1900 to 1999.
    Century(i16),
    /// An ISO week: `2018-W13`.
    Week {
        /// The ISO week-numbering year.
        year: i16,
        /// The week, 1 to 53.
        week: i8,
    },
    /// The weekend of an ISO week: `2018-W13-WE`.
    Weekend {
        /// The ISO week-numbering year.
        year: i16,
        /// The week, 1 to 53.
        week: i8,
    },
    /// A day of an ISO week: `2018-W13-1`.
    WeekDay {
        /// The ISO week-numbering year.
        year: i16,
        /// The week, 1 to 53.
        week: i8,
        /// The weekday, 1 = Monday.
        day: i8,
    },
    /// A quarter, half or season of a year: `2018-Q1`, `2018-H2`, `2018-SU`.
    Part {
        /// The year.
        year: i16,
        /// Which part of it.
        part: YearPart,
    },
    /// A month, and perhaps a day, of an unknown year: `XXXX-03`, `XXXX-03-25`.
    MonthDay {
        /// The month, 1 to 12.
        month: i8,
        /// The day of the month, when written.
        day: Option<i8>,
    },
    /// A weekday of an unknown week, perhaps at a time of day: `XXXX-WXX-1`,
    /// `XXXX-WXX-2T21:45`.
    Weekday {
        /// The weekday, 1 = Monday.
        day: i8,
        /// The time of day, when one is written.
        time: Option<TimeOfDay>,
    },
    /// A vague reference: `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Reference(Reference),
}

/// A part of a year that TIMEX3 names after the year (`2018-Q1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum YearPart {
    /// A quarter, 1 to 4 (`Q1`).
    Quarter(i8),
    /// A half, 1 or 2 (`H1`).
    Half(i8),
    /// A season (`SU`).
    Season(Season),
}

/// A season, as TIMEX3 writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Season {
    /// `SP`: March to May.
    Spring,
    /// `SU`: June to August.
    Summer,
    /// `FA`: September to November.
    Fall,
    /// `WI`: December into the next year's February.
    Winter,
}

impl Season {
    /// The TIMEX3 code (`SU`).
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// The season of a TIMEX3 code.
    pub fn from_code(code: &str) -> Option<Season> {
        Some(match code {
            "SP" => Season::Spring,
            "SU" => Season::Summer,
            "FA" => Season::Fall,
            "WI" => Season::Winter,
            _ => return None,
        })
    }

    /// Its first and last month; winter's last month is in the next year.
    pub fn months(self) -> (i8, i8) {
        match self {
            Season::Spring => (3, 5),
            Season::Summer => (6, 8),
            Season::Fall => (9, 11),
            Season::Winter => (12, 2),
        }
    }
}

/// A time of day, as TIMEX3 writes it after a `T`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TimeOfDay {
    /// A clock time: `T21:45`, `T10:05:30`, `T14:30Z`, `T03:00-04:00`; `T24:00` is
    /// midnight at the day's end.
    Clock {
        /// Hour, 0 to 24.
        hour: i8,
        /// Minute, 0 to 59.
        minute: i8,
        /// Second, 0 to 59, when written.
        second: Option<i8>,
        /// The zone the clock is read in, when the text names one.
        zone: Option<Zone>,
    },
    /// A part of the day: `TMO`.
    Part(DayPart),
}

/// The zone of a clock time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Zone {
    /// A known offset from UTC in minutes, as ISO 8601 writes it after the time: `Z`
    /// for 0 ("GMT", "UTC"), `-04:00` ("EDT"), `+03:00` ("GMT+3"); also the offset a
    /// conversion written next to the time gives ("7 a.m. (1100 GMT)" is `T07:00-04:00`).
    Offset(i16),
    /// "local time" with no offset written: the clock of the place reported on, zone
    /// unknown. ISO 8601 has no mark for it; factlint writes `L` after the time
    /// (`T13:24L`) so that the value says it and reads back.
    Local,
}

impl Zone {
    /// UTC, offset 0.
    pub const UTC: Zone = Zone::Offset(0);

    /// The largest offset a clock on Earth is set to, either side (UTC-12:00 to
    /// UTC+14:00), in minutes.
    pub const WEST_MOST: i16 = -12 * 60;
    /// See [`Zone::WEST_MOST`].
    pub const EAST_MOST: i16 = 14 * 60;

    /// An offset, if a clock somewhere can be set to it (UTC-12:00 to UTC+14:00, in
    /// quarter hours).
    pub fn offset(minutes: i64) -> Option<Zone> {
        let m = i16::try_from(minutes).ok()?;
        ((Zone::WEST_MOST..=Zone::EAST_MOST).contains(&m) && m % 15 == 0).then_some(Zone::Offset(m))
    }

    /// The offset of a zone abbreviation as news copy writes it ("EDT", "GMT", "CET");
    /// `None` for words that are not one.
    pub fn named(abbreviation: &str) -> Option<Zone> {
        let hours = match abbreviation.to_ascii_lowercase().as_str() {
            "gmt" | "utc" | "z" => 0,
            "bst" | "cet" | "wat" => 1,
            "cest" | "eet" | "sast" => 2,
            "eest" | "msk" | "trt" | "ast" => 3,
            "ist" => return Some(Zone::Offset(5 * 60 + 30)),
            "jst" | "kst" => 9,
            "aest" => 10,
            "edt" => -4,
            "est" | "cdt" => -5,
            "cst" | "mdt" => -6,
            "mst" | "pdt" => -7,
            "pst" | "akdt" => -8,
            _ => return None,
        };
        Some(Zone::Offset(hours * 60))
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Zone::Offset(0) => f.write_str("Z"),
            Zone::Offset(m) => {
                let sign = if m < 0 { '-' } else { '+' };
                write!(f, "{sign}{:02}:{:02}", m.unsigned_abs() / 60, m.unsigned_abs() % 60)
            }
            Zone::Local => f.write_str("L"),
        }
    }
}

impl FromStr for Zone {
    type Err = ParseTimexError;

    /// Reads `Z`, `L`, `+03:00`, `-04:00`, `+0530` or `+03`.
    fn from_str(text: &str) -> Result<Zone, ParseTimexError> {
        let err = || ParseTimexError::new("zone", text);
        match text {
            "Z" => return Ok(Zone::UTC),
            "L" => return Ok(Zone::Local),
            _ => {}
        }
        let (sign, rest) = match text.as_bytes().first() {
            Some(b'+') => (1, &text[1..]),
            Some(b'-') => (-1, &text[1..]),
            _ => return Err(err()),
        };
        let (h, m) = match rest.split_once(':') {
            Some((h, m)) => (h, m),
            None if rest.len() == 4 => rest.split_at(2),
            None => (rest, "00"),
        };
        let hours = number_in(h, 2, 0..=14).ok_or_else(err)?;
        let minutes = number_in(m, 2, 0..=59).filter(|_| m.len() == 2).ok_or_else(err)?;
        Zone::offset(sign * (i64::from(hours) * 60 + i64::from(minutes))).ok_or_else(err)
    }
}

/// A part of the day, as TIMEX3 writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DayPart {
    /// `MO`.
    Morning,
    /// `AF`.
    Afternoon,
    /// `EV`.
    Evening,
    /// `NI`.
    Night,
}

impl DayPart {
    /// The TIMEX3 code (`MO`).
    pub fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }

    /// The part of the day of a TIMEX3 code.
    pub fn from_code(code: &str) -> Option<DayPart> {
        Some(match code {
            "MO" => DayPart::Morning,
            "AF" => DayPart::Afternoon,
            "EV" => DayPart::Evening,
            "NI" => DayPart::Night,
            _ => return None,
        })
    }
}

/// A vague reference to a time (`PRESENT_REF`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Reference {
    /// `PRESENT_REF`: "now".
    Present,
    /// `PAST_REF`: "recently".
    Past,
    /// `FUTURE_REF`: "in the future".
    Future,
}

/// Why a TIMEX3 value could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a TIMEX3 {what}: {text:?}")]
pub struct ParseTimexError {
    /// "date" or "duration".
    what: &'static str,
    /// The text that was given.
    text: String,
}

impl ParseTimexError {
    fn new(what: &'static str, text: &str) -> ParseTimexError {
        ParseTimexError { what, text: text.to_string() }
    }
}

impl Timex {
    /// A year, if it is one a calendar date can have (0 to 9999).
    pub fn year(year: i64) -> Option<Timex> {
        calendar_year(year).map(Timex::Year)
    }

    /// A month of a year, if both are in range.
    pub fn month(year: i64, month: i8) -> Option<Timex> {
        let year = calendar_year(year)?;
        (1..=12).contains(&month).then_some(Timex::Month { year, month })
    }

    /// A quarter, half or season of a year, if the year is in range.
    pub fn part(year: i64, part: YearPart) -> Option<Timex> {
        calendar_year(year).map(|year| Timex::Part { year, part })
    }

    /// A calendar day.
    pub fn day(date: Date) -> Timex {
        Timex::Day { date, time: None }
    }

    /// The ISO week a day falls in.
    pub fn week_of(date: Date) -> Timex {
        let w = date.iso_week_date();
        Timex::Week { year: w.year(), week: w.week() }
    }

    /// The weekend of the ISO week a day falls in.
    pub fn weekend_of(date: Date) -> Timex {
        let w = date.iso_week_date();
        Timex::Weekend { year: w.year(), week: w.week() }
    }

    /// The quarter a day falls in.
    pub fn quarter_of(date: Date) -> Timex {
        Timex::Part { year: date.year(), part: YearPart::Quarter((date.month() - 1) / 3 + 1) }
    }

    /// The same point at a time of day, when it can hold one (a day, an unknown
    /// weekday); a time written after a part of the day replaces it.
    pub fn at_time(self, time: TimeOfDay) -> Option<Timex> {
        match self {
            Timex::Day { date, .. } => Some(Timex::Day { date, time: Some(time) }),
            Timex::Weekday { day, .. } => Some(Timex::Weekday { day, time: Some(time) }),
            _ => None,
        }
    }

    /// The same value with its clock time's zone, if it has a clock time.
    pub fn with_zone(self, zone: Option<Zone>) -> Timex {
        let zoned = |time: Option<TimeOfDay>| match time {
            Some(TimeOfDay::Clock { hour, minute, second, .. }) => {
                Some(TimeOfDay::Clock { hour, minute, second, zone })
            }
            other => other,
        };
        match self {
            Timex::Day { date, time } => Timex::Day { date, time: zoned(time) },
            Timex::Weekday { day, time } => Timex::Weekday { day, time: zoned(time) },
            Timex::Time(time) => zoned(Some(time)).map_or(self, Timex::Time),
            other => other,
        }
    }

    /// The zone of its clock time, if it has one.
    pub fn zone(&self) -> Option<Zone> {
        match self {
            Timex::Day { time: Some(TimeOfDay::Clock { zone, .. }), .. }
            | Timex::Weekday { time: Some(TimeOfDay::Clock { zone, .. }), .. }
            | Timex::Time(TimeOfDay::Clock { zone, .. }) => *zone,
            _ => None,
        }
    }

    /// True for a value that names a day or a weekday, the two a time of day attaches to.
    pub fn takes_time(&self) -> bool {
        matches!(self, Timex::Day { .. } | Timex::Weekday { .. })
    }

    /// True for a vague reference (`PRESENT_REF`).
    pub fn is_reference(&self) -> bool {
        matches!(self, Timex::Reference(_))
    }

    /// True when the value leaves the year, the week or the day unknown (`XXXX-03`).
    pub fn is_unanchored(&self) -> bool {
        matches!(self, Timex::Time(_) | Timex::MonthDay { .. } | Timex::Weekday { .. })
    }

    /// True for a part of a year that spans months: a quarter, a half or a season.
    pub fn is_year_part(&self) -> bool {
        matches!(self, Timex::Part { .. })
    }

    /// The day the value names, if it names exactly one calendar day (a time of day
    /// included).
    pub fn date(&self) -> Option<Date> {
        match self {
            Timex::Day { date, .. } => Some(*date),
            _ => None,
        }
    }

    /// A clock time on a known day, as a [`Moment`]: what two times of day compare as
    /// (see [`Extent::Moment`]); `None` for any other value. [`Timex::extent`] keeps the
    /// day, as dates around a claim place it in time by the day.
    pub fn moment(&self) -> Option<Moment> {
        let Timex::Day { date, time: Some(TimeOfDay::Clock { hour, minute, second, zone }) } = *self else {
            return None;
        };
        let from = f64::from(hour) * 3600.0 + f64::from(minute) * 60.0 + f64::from(second.unwrap_or(0));
        let seconds = if second.is_some() { 1.0 } else { 60.0 };
        Some(Moment::new(date, from, seconds, zone))
    }

    /// What the value covers, for comparison: days for anchored values (times of day
    /// compare at the granularity of their day), a pattern for unanchored ones,
    /// [`Extent::Vague`] for references; `None` for a time of day on an unknown day.
    pub fn extent(&self) -> Option<Extent> {
        match *self {
            Timex::Day { date, .. } => Some(Extent::Interval(days_between(date, date))),
            Timex::Time(_) => None,
            Timex::Month { year, month } => month_extent(year, month).map(Extent::Interval),
            Timex::Year(y) => years(i32::from(y), i32::from(y)),
            Timex::Decade(d) => years(i32::from(d) * 10, i32::from(d) * 10 + 9),
            Timex::Century(c) => years(i32::from(c) * 100, i32::from(c) * 100 + 99),
            Timex::Week { year, week } => {
                let monday = ISOWeekDate::new(year, week, Weekday::Monday).ok()?.date();
                let sunday = ISOWeekDate::new(year, week, Weekday::Sunday).ok()?.date();
                Some(Extent::Interval(days_between(monday, sunday)))
            }
            Timex::Weekend { year, week } => {
                let saturday = ISOWeekDate::new(year, week, Weekday::Saturday).ok()?.date();
                let sunday = ISOWeekDate::new(year, week, Weekday::Sunday).ok()?.date();
                Some(Extent::Interval(days_between(saturday, sunday)))
            }
            Timex::WeekDay { year, week, day } => {
                let date = ISOWeekDate::new(year, week, Weekday::from_monday_one_offset(day).ok()?).ok()?.date();
                Some(Extent::Interval(days_between(date, date)))
            }
            Timex::Part { year, part } => part_extent(year, part).map(Extent::Interval),
            Timex::MonthDay { month, day } => Some(Extent::MonthDay { month, day }),
            Timex::Weekday { day, .. } => Some(Extent::Weekday(day)),
            Timex::Reference(_) => Some(Extent::Vague),
        }
    }
}

/// A year as a calendar date can hold it.
fn calendar_year(year: i64) -> Option<i16> {
    i16::try_from(year).ok().filter(|y| (0..=9999).contains(y))
}

fn days_between(a: Date, b: Date) -> Interval {
    Interval { lo: day_number(a), hi: day_number(b), scale: Scale::Days }
}

fn month_extent(year: i16, month: i8) -> Option<Interval> {
    let first = Date::new(year, month, 1).ok()?;
    Some(days_between(first, first.last_of_month()))
}

fn years(from: i32, to: i32) -> Option<Extent> {
    let a = Date::new(i16::try_from(from).ok()?, 1, 1).ok()?;
    let b = Date::new(i16::try_from(to).ok()?, 12, 31).ok()?;
    Some(Extent::Interval(days_between(a, b)))
}

fn part_extent(year: i16, part: YearPart) -> Option<Interval> {
    let (from, to) = match part {
        YearPart::Quarter(q) => ((q - 1) * 3 + 1, q * 3),
        YearPart::Half(h) => ((h - 1) * 6 + 1, h * 6),
        // Winter of a year runs from its December into the next year.
        YearPart::Season(Season::Winter) => {
            let a = month_extent(year, 12)?;
            let b = month_extent(year.checked_add(1)?, 2)?;
            return Some(Interval { lo: a.lo, hi: b.hi, scale: Scale::Days });
        }
        YearPart::Season(season) => season.months(),
    };
    let a = month_extent(year, from)?;
    let b = month_extent(year, to)?;
    Some(Interval { lo: a.lo, hi: b.hi, scale: Scale::Days })
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimeOfDay::Clock { hour, minute, second, zone } => {
                write!(f, "T{hour:02}:{minute:02}")?;
                if let Some(s) = second {
                    write!(f, ":{s:02}")?;
                }
                match zone {
                    Some(z) => write!(f, "{z}"),
                    None => Ok(()),
                }
            }
            TimeOfDay::Part(part) => write!(f, "T{}", part.code()),
        }
    }
}

impl fmt::Display for Timex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let time = |f: &mut fmt::Formatter<'_>, time: &Option<TimeOfDay>| match time {
            Some(t) => write!(f, "{t}"),
            None => Ok(()),
        };
        match self {
            Timex::Day { date, time: t } => {
                write!(f, "{:04}-{:02}-{:02}", date.year(), date.month(), date.day())?;
                time(f, t)
            }
            Timex::Time(t) => write!(f, "XXXX-XX-XX{t}"),
            Timex::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Timex::Year(y) => write!(f, "{y:04}"),
            Timex::Decade(d) => write!(f, "{d:03}"),
            Timex::Century(c) => write!(f, "{c:02}"),
            Timex::Week { year, week } => write!(f, "{year:04}-W{week:02}"),
            Timex::Weekend { year, week } => write!(f, "{year:04}-W{week:02}-WE"),
            Timex::WeekDay { year, week, day } => write!(f, "{year:04}-W{week:02}-{day}"),
            Timex::Part { year, part } => match part {
                YearPart::Quarter(q) => write!(f, "{year:04}-Q{q}"),
                YearPart::Half(h) => write!(f, "{year:04}-H{h}"),
                YearPart::Season(s) => write!(f, "{year:04}-{}", s.code()),
            },
            Timex::MonthDay { month, day: Some(d) } => write!(f, "XXXX-{month:02}-{d:02}"),
            Timex::MonthDay { month, day: None } => write!(f, "XXXX-{month:02}"),
            Timex::Weekday { day, time: t } => {
                write!(f, "XXXX-WXX-{day}")?;
                time(f, t)
            }
            Timex::Reference(Reference::Present) => f.write_str("PRESENT_REF"),
            Timex::Reference(Reference::Past) => f.write_str("PAST_REF"),
            Timex::Reference(Reference::Future) => f.write_str("FUTURE_REF"),
        }
    }
}

/// `text` as a number, when it is exactly `len` ASCII digits.
fn digits(text: &str, len: usize) -> Option<i16> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok()).flatten()
}

/// A number in `range`, written with one to `len` digits (`3` and `03` both read).
fn number_in(text: &str, len: usize, range: std::ops::RangeInclusive<i8>) -> Option<i8> {
    (1..=len).find_map(|l| digits(text, l)).and_then(|n| i8::try_from(n).ok()).filter(|n| range.contains(n))
}

impl FromStr for TimeOfDay {
    type Err = ParseTimexError;

    /// Reads `T21:45`, `T10:05:30`, `TMO`, and a clock with its zone: `T14:30Z`,
    /// `T03:00-04:00`, `T13:24L`.
    fn from_str(text: &str) -> Result<TimeOfDay, ParseTimexError> {
        let err = || ParseTimexError::new("time of day", text);
        let rest = text.strip_prefix('T').ok_or_else(err)?;
        if let Some(part) = DayPart::from_code(rest) {
            return Ok(TimeOfDay::Part(part));
        }
        let (rest, zone) = match rest.find(['Z', 'L', '+', '-']) {
            Some(at) => (&rest[..at], Some(rest[at..].parse::<Zone>().map_err(|_| err())?)),
            None => (rest, None),
        };
        let mut fields = rest.split(':');
        let hour = fields.next().and_then(|h| number_in(h, 2, 0..=24)).ok_or_else(err)?;
        let minute = fields.next().and_then(|m| number_in(m, 2, 0..=59)).ok_or_else(err)?;
        let second = match fields.next() {
            Some(s) => Some(number_in(s, 2, 0..=59).ok_or_else(err)?),
            None => None,
        };
        if fields.next().is_some() {
            return Err(err());
        }
        Ok(TimeOfDay::Clock { hour, minute, second, zone })
    }
}

impl FromStr for Timex {
    type Err = ParseTimexError;

    /// Reads a TIMEX3 date value, surrounding white space allowed. Only values whose
    /// calendar fields exist are read (`2018-02-30` and `2018-W60` are not).
    fn from_str(text: &str) -> Result<Timex, ParseTimexError> {
        parse_timex(text.trim()).ok_or_else(|| ParseTimexError::new("date", text))
    }
}

fn parse_timex(text: &str) -> Option<Timex> {
    match text {
        "PRESENT_REF" => return Some(Timex::Reference(Reference::Present)),
        "PAST_REF" => return Some(Timex::Reference(Reference::Past)),
        "FUTURE_REF" => return Some(Timex::Reference(Reference::Future)),
        _ => {}
    }
    let (date_part, time) = match text.find('T') {
        Some(at) => (&text[..at], Some(text[at..].parse::<TimeOfDay>().ok()?)),
        None => (text, None),
    };
    let mut fields = date_part.split('-');
    let first = fields.next()?;
    let second = fields.next();
    let third = fields.next();
    if fields.next().is_some() {
        return None;
    }
    let with_time = |timex: Timex| match time {
        Some(t) => timex.at_time(t),
        None => Some(timex),
    };
    if first == "XXXX" {
        return match (second, third) {
            (Some("XX"), Some("XX")) => Some(Timex::Time(time?)),
            (Some("WXX"), Some(d)) => with_time(Timex::Weekday { day: number_in(d, 1, 1..=7)?, time: None }),
            (Some(m), day) if time.is_none() => {
                let month = number_in(m, 2, 1..=12)?;
                let day = match day {
                    Some(d) => Some(number_in(d, 2, 1..=31)?),
                    None => None,
                };
                Some(Timex::MonthDay { month, day })
            }
            _ => None,
        };
    }
    let timex = match (first.len(), second, third) {
        (2, None, None) => Timex::Century(digits(first, 2)?),
        (3, None, None) => Timex::Decade(digits(first, 3)?),
        (4, None, None) => Timex::Year(digits(first, 4)?),
        (4, Some(s), None) => period(digits(first, 4)?, s)?,
        (4, Some(w), Some(d)) if w.starts_with('W') => {
            let year = digits(first, 4)?;
            let week = number_in(&w[1..], 2, 1..=53)?;
            ISOWeekDate::new(year, week, Weekday::Monday).ok()?;
            if d == "WE" {
                Timex::Weekend { year, week }
            } else {
                Timex::WeekDay { year, week, day: number_in(d, 1, 1..=7)? }
            }
        }
        (4, Some(m), Some(d)) => {
            let date = Date::new(digits(first, 4)?, number_in(m, 2, 1..=12)?, number_in(d, 2, 1..=31)?).ok()?;
            Timex::day(date)
        }
        _ => return None,
    };
    if time.is_some() && !matches!(timex, Timex::Day { .. }) {
        return None;
    }
    with_time(timex)
}

/// `2018-03`, `2018-W13`, `2018-Q1`, `2018-H1`, `2018-SU`.
fn period(year: i16, text: &str) -> Option<Timex> {
    let part = |p: YearPart| Some(Timex::Part { year, part: p });
    if let Some(season) = Season::from_code(text) {
        return part(YearPart::Season(season));
    }
    if let Some(q) = text.strip_prefix('Q') {
        return part(YearPart::Quarter(number_in(q, 1, 1..=4)?));
    }
    if let Some(h) = text.strip_prefix('H') {
        return part(YearPart::Half(number_in(h, 1, 1..=2)?));
    }
    if let Some(w) = text.strip_prefix('W') {
        let week = number_in(w, 2, 1..=53)?;
        ISOWeekDate::new(year, week, Weekday::Monday).ok()?;
        return Some(Timex::Week { year, week });
    }
    Some(Timex::Month { year, month: number_in(text, 2, 1..=12)? })
}

impl Serialize for Timex {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timex {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Timex, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A unit of an ISO 8601 duration, TIMEX3's decades and centuries included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DurationUnit {
    /// `Y`.
    Year,
    /// `M` before the `T`.
    Month,
    /// `W`.
    Week,
    /// `D`.
    Day,
    /// `DE`, ten years.
    Decade,
    /// `CE`, a hundred years.
    Century,
    /// `H`.
    Hour,
    /// `M` after the `T`.
    Minute,
    /// `S`.
    Second,
}

/// A day, in seconds.
const DAY: f64 = 86_400.0;

impl DurationUnit {
    /// The letters after the amount (`DE`).
    pub fn code(self) -> &'static str {
        match self {
            DurationUnit::Year => "Y",
            DurationUnit::Month | DurationUnit::Minute => "M",
            DurationUnit::Week => "W",
            DurationUnit::Day => "D",
            DurationUnit::Decade => "DE",
            DurationUnit::Century => "CE",
            DurationUnit::Hour => "H",
            DurationUnit::Second => "S",
        }
    }

    /// True for the units written after the `T`.
    pub fn is_time(self) -> bool {
        matches!(self, DurationUnit::Hour | DurationUnit::Minute | DurationUnit::Second)
    }

    /// The shortest and longest length of one unit, in seconds (a month is 28 to 31
    /// days, a year 365 or 366).
    fn seconds(self) -> (f64, f64) {
        match self {
            DurationUnit::Year => (365.0 * DAY, 366.0 * DAY),
            DurationUnit::Month => (28.0 * DAY, 31.0 * DAY),
            DurationUnit::Week => (7.0 * DAY, 7.0 * DAY),
            DurationUnit::Day => (DAY, DAY),
            DurationUnit::Decade => (3652.0 * DAY, 3653.0 * DAY),
            DurationUnit::Century => (36_524.0 * DAY, 36_525.0 * DAY),
            DurationUnit::Hour => (3600.0, 3600.0),
            DurationUnit::Minute => (60.0, 60.0),
            DurationUnit::Second => (1.0, 1.0),
        }
    }
}

/// One amount of a unit in a duration (`6M` of `P2Y6M`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DurationPart {
    /// How many.
    pub amount: f64,
    /// Of what.
    pub unit: DurationUnit,
}

/// A length of time, as TIMEX3 writes it: `P4D`, `PT48H`, `P2Y6M`, `PXW`.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum IsoDuration {
    /// Amounts of units, date units before time units as ISO 8601 orders them.
    Exact(Vec<DurationPart>),
    /// Some number of a unit, not said ("weeks", "several years"): `PXW`.
    Vague(DurationUnit),
}

impl IsoDuration {
    /// `amount` of one unit.
    pub fn of(amount: f64, unit: DurationUnit) -> IsoDuration {
        IsoDuration::Exact(vec![DurationPart { amount, unit }])
    }

    /// A number of days (`P4D`).
    pub fn days(days: i64) -> IsoDuration {
        IsoDuration::of(days as f64, DurationUnit::Day)
    }

    /// The only part of a one-unit duration (`P2D`, not `P2Y6M` or `PXW`).
    pub fn single(&self) -> Option<DurationPart> {
        match self {
            IsoDuration::Exact(parts) if parts.len() == 1 => parts.first().copied(),
            _ => None,
        }
    }

    /// What the duration covers in seconds, from its shortest to its longest reading
    /// (months and years vary); [`Extent::Vague`] when no number is given.
    pub fn extent(&self) -> Extent {
        match self {
            IsoDuration::Vague(_) => Extent::Vague,
            IsoDuration::Exact(parts) => {
                let (lo, hi) = parts.iter().fold((0.0, 0.0), |(lo, hi), p| {
                    let (a, b) = p.unit.seconds();
                    (lo + p.amount * a, hi + p.amount * b)
                });
                Extent::Interval(Interval { lo, hi, scale: Scale::Seconds })
            }
        }
    }
}

impl fmt::Display for IsoDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("P")?;
        match self {
            IsoDuration::Vague(unit) => {
                let t = if unit.is_time() { "T" } else { "" };
                write!(f, "{t}X{}", unit.code())
            }
            IsoDuration::Exact(parts) => {
                for p in parts.iter().filter(|p| !p.unit.is_time()) {
                    write!(f, "{}{}", format_number(p.amount), p.unit.code())?;
                }
                if parts.iter().any(|p| p.unit.is_time()) {
                    f.write_str("T")?;
                }
                for p in parts.iter().filter(|p| p.unit.is_time()) {
                    write!(f, "{}{}", format_number(p.amount), p.unit.code())?;
                }
                Ok(())
            }
        }
    }
}

impl FromStr for IsoDuration {
    type Err = ParseTimexError;

    /// Reads `P2D`, `PT48H`, `P1Y6M`, `P2DE` (decades), `P1CE` (centuries), `PXW`
    /// (vague); surrounding white space allowed.
    fn from_str(text: &str) -> Result<IsoDuration, ParseTimexError> {
        parse_duration(text.trim()).ok_or_else(|| ParseTimexError::new("duration", text))
    }
}

fn parse_duration(text: &str) -> Option<IsoDuration> {
    let rest = text.strip_prefix('P')?;
    let (date, time) = match rest.split_once('T') {
        Some((date, time)) => (date, Some(time)),
        None => (rest, None),
    };
    let unit_of = |code: &str, in_time: bool| -> Option<DurationUnit> {
        Some(match (code, in_time) {
            ("Y", false) => DurationUnit::Year,
            ("M", false) => DurationUnit::Month,
            ("W", false) => DurationUnit::Week,
            ("D", false) => DurationUnit::Day,
            ("DE", false) => DurationUnit::Decade,
            ("CE", false) => DurationUnit::Century,
            ("H", true) => DurationUnit::Hour,
            ("M", true) => DurationUnit::Minute,
            ("S", true) => DurationUnit::Second,
            _ => return None,
        })
    };
    // `PXW`, `PTXH`: one vague unit.
    let vague = match (date, time) {
        ("", Some(t)) => t.strip_prefix('X').map(|code| (code, true)),
        (d, None) => d.strip_prefix('X').map(|code| (code, false)),
        _ => None,
    };
    if let Some((code, in_time)) = vague {
        return unit_of(code, in_time).map(IsoDuration::Vague);
    }
    let mut parts = Vec::new();
    for (section, in_time) in [(Some(date), false), (time, true)] {
        let Some(mut section) = section else { continue };
        if in_time && section.is_empty() {
            return None;
        }
        while !section.is_empty() {
            let number_end = section.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
            let amount: f64 = section[..number_end].parse().ok()?;
            let rest = &section[number_end..];
            let code_len = if rest.starts_with("DE") || rest.starts_with("CE") { 2 } else { 1 };
            let code = rest.get(..code_len)?;
            parts.push(DurationPart { amount, unit: unit_of(code, in_time)? });
            section = &rest[code_len..];
        }
    }
    (!parts.is_empty()).then_some(IsoDuration::Exact(parts))
}

impl Serialize for IsoDuration {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for IsoDuration {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<IsoDuration, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Parses `YYYY-MM-DD` (optionally followed by a time) into a calendar date, as
/// publication dates are written.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Modifier;

    #[test]
    fn every_date_shape_reads_back_as_written() {
        for text in [
            "2018-03-28",
            "2018-03-28T21:45",
            "2018-03-27T10:05:30",
            "1999-10-08T24:00",
            "2018-05-08TMO",
            "XXXX-XX-XXT21:45",
            "2018-03",
            "2018",
            "199",
            "19",
            "00",
            "2018-W13",
            "2018-W13-WE",
            "2018-W13-1",
            "2018-Q3",
            "1989-H2",
            "2017-SU",
            "1994-WI",
            "XXXX-03",
            "XXXX-03-25",
            "XXXX-WXX-1",
            "XXXX-WXX-2T21:45",
            "XXXX-WXX-5TNI",
            "2024-05-14T03:00-04:00",
            "2024-05-14T14:30Z",
            "2023-02-06T13:24:50+03:00",
            "2023-02-06T13:24L",
            "2024-05-14T09:00+05:30",
            "XXXX-XX-XXT21:45Z",
            "XXXX-WXX-2T21:45-07:00",
            "PRESENT_REF",
            "PAST_REF",
            "FUTURE_REF",
        ] {
            let timex: Timex = text.parse().unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(timex.to_string(), text);
        }
    }

    #[test]
    fn dates_are_typed_by_shape() {
        let parse = |text: &str| text.parse::<Timex>().unwrap();
        assert_eq!(parse("XXXX-WXX-1"), Timex::Weekday { day: 1, time: None });
        assert_eq!(parse("199"), Timex::Decade(199));
        assert_eq!(parse("2018-SU"), Timex::Part { year: 2018, part: YearPart::Season(Season::Summer) });
        assert_eq!(parse("PRESENT_REF"), Timex::Reference(Reference::Present));
        assert_eq!(parse(" 2018-03 "), Timex::Month { year: 2018, month: 3 });
        assert_eq!(parse("2018-3-5"), Timex::day(Date::constant(2018, 3, 5)));
        let evening = Timex::day(Date::constant(2018, 3, 28)).at_time(TimeOfDay::Part(DayPart::Evening));
        assert_eq!(evening.map(|t| t.to_string()).as_deref(), Some("2018-03-28TEV"));
        assert_eq!(Timex::Year(2018).at_time(TimeOfDay::Part(DayPart::Evening)), None);
        assert_eq!(Timex::week_of(Date::constant(2018, 3, 28)).to_string(), "2018-W13");
        assert_eq!(Timex::weekend_of(Date::constant(2018, 3, 28)).to_string(), "2018-W13-WE");
        assert_eq!(Timex::quarter_of(Date::constant(2018, 8, 1)).to_string(), "2018-Q3");
        assert_eq!(Timex::year(-980), None);
        assert_eq!(Timex::year(10_000), None);
        assert_eq!(Timex::month(2018, 13), None);
    }

    #[test]
    fn malformed_dates_are_refused() {
        for bad in [
            "",
            "2018-13",
            "20x8",
            "2018-02-30",
            "XXXX-13-01",
            "XXXX-WXX-9",
            "2018-W60",
            "2018-W53",
            "1-2-3-4",
            "2018-Q5",
            "2018-H3",
            "2018-WE",
            "2018T21:45",
            "2018-03-28T25:00",
            "2018-03-28TXX",
            "XXXX",
            "XXXX-03T21:45",
            "NOW_REF",
            "2018-03-28T21:45+15:00",
            "2018-03-28T21:45+03:07",
            "2018-03-28T21:45+3:7",
            "2018-03-28T21:45Q",
            "2018-03-28T21:45ZZ",
            "2018-03-28TMO+03:00",
            "2018-03-28T21:45+",
        ] {
            assert!(bad.parse::<Timex>().is_err(), "{bad}");
        }
    }

    #[test]
    fn every_duration_shape_reads_back_as_written() {
        for text in [
            "P4D", "PT48H", "P2W", "P2Y6M", "P2DT12H", "PT5H30M", "PT30S", "P1.5D", "P2DE", "P1CE", "PXW", "PXDE",
            "PTXH",
        ] {
            let duration: IsoDuration = text.parse().unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(duration.to_string(), text);
        }
        assert_eq!("PXW".parse::<IsoDuration>(), Ok(IsoDuration::Vague(DurationUnit::Week)));
        assert_eq!("P4D".parse::<IsoDuration>(), Ok(IsoDuration::days(4)));
        for bad in ["", "P", "P2", "PT", "P2DT", "PT2D", "P2H", "4D", "P2Q", "PXQ", "P2X"] {
            assert!(bad.parse::<IsoDuration>().is_err(), "{bad}");
        }
    }

    #[test]
    fn durations_cover_their_range_in_seconds() {
        let interval = |text: &str| match text.parse::<IsoDuration>().unwrap().extent() {
            Extent::Interval(i) => (i.lo, i.hi),
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(interval("PT48H"), interval("P2D"));
        assert_eq!(interval("P1M"), (28.0 * DAY, 31.0 * DAY));
        assert_eq!(interval("P1DE").0, 3652.0 * DAY);
        assert_eq!("PXW".parse::<IsoDuration>().unwrap().extent(), Extent::Vague);
    }

    #[test]
    fn zones_are_offsets_and_local_time_says_so() {
        let zone = |text: &str| text.parse::<Timex>().unwrap().zone();
        assert_eq!(zone("2024-05-14T03:00-04:00"), Some(Zone::Offset(-240)));
        assert_eq!(zone("2024-05-14T14:30Z"), Some(Zone::UTC));
        assert_eq!(zone("2023-02-06T13:24L"), Some(Zone::Local));
        assert_eq!(zone("2024-05-14T14:30"), None);
        assert_eq!("+0530".parse::<Zone>(), Ok(Zone::Offset(330)));
        assert_eq!("+03".parse::<Zone>(), Ok(Zone::Offset(180)));
        assert_eq!(Zone::named("EDT"), Some(Zone::Offset(-240)));
        assert_eq!(Zone::named("GMT"), Some(Zone::UTC));
        assert_eq!(Zone::named("CEST"), Some(Zone::Offset(120)));
        assert_eq!(Zone::named("MON"), None);
        assert_eq!(Zone::offset(15 * 60), None);
        assert_eq!(Zone::offset(-12 * 60), Some(Zone::Offset(-720)));
        let zoned: Timex = "2024-05-14T03:00-04:00".parse().unwrap();
        assert_eq!(zoned.with_zone(None).to_string(), "2024-05-14T03:00");
        assert_eq!(zoned.with_zone(Some(Zone::UTC)).to_string(), "2024-05-14T03:00Z");
        // A zone changes the instant, not the day: the value still covers its day.
        assert_eq!(zoned.extent(), Timex::day(Date::constant(2024, 5, 14)).extent());
    }

    #[test]
    fn values_survive_serde() {
        for text in [
            "2024-05-14T03:00-04:00",
            "2023-02-06T13:24L",
            "2018-03-28T21:45",
            "XXXX-WXX-1",
            "199",
            "2018-SU",
            "PRESENT_REF",
            "2018-W13-WE",
        ] {
            let timex: Timex = text.parse().unwrap();
            let json = serde_json::to_string(&timex).unwrap();
            assert_eq!(json, format!("\"{text}\""));
            assert_eq!(serde_json::from_str::<Timex>(&json).unwrap(), timex);
        }
        for text in ["P2Y6M", "PXW", "PT48H"] {
            let duration: IsoDuration = text.parse().unwrap();
            let json = serde_json::to_string(&duration).unwrap();
            assert_eq!(serde_json::from_str::<IsoDuration>(&json).unwrap(), duration);
        }
        assert!(serde_json::from_str::<Timex>("\"2018-13\"").is_err());
        for modifier in [Modifier::Approx, Modifier::AtLeast, Modifier::Mid, Modifier::End] {
            let json = serde_json::to_string(&modifier).unwrap();
            assert_eq!(serde_json::from_str::<Modifier>(&json).unwrap(), modifier);
        }
    }

    #[test]
    fn publication_days_read_with_or_without_a_time() {
        assert_eq!(parse_day("2018-03-28"), Some(Date::constant(2018, 3, 28)));
        assert_eq!(parse_day("2018-03-28T09:00:00Z"), Some(Date::constant(2018, 3, 28)));
        assert_eq!(parse_day("2018-3-28"), None);
    }
}

//! What values cover, for comparison: an [`Extent`] is an interval on one [`Scale`]
//! (days for dates, seconds for durations, plain numbers otherwise) or an unanchored
//! pattern (a month and day with no year, a weekday with no week), and two claims agree
//! when their extents overlap ([`agree`]). [`Tolerance`]s widen intervals.
//!
//! A clock time on a known day is a [`Moment`]: against a date it compares at the date;
//! against another clock time as an instant when both zones are known, on the clocks as
//! written when neither is, and, when one zone is unknown, it agrees if some offset a
//! clock on Earth is set to (UTC-12:00 to UTC+14:00) makes the two the same instant.

use jiff::civil::Date;

use super::Modifier;
use super::timex::{IsoDuration, Zone};

/// What a value covers, for comparison.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
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
    /// A clock time on a known day (`2023-02-06T13:24+03:00`).
    Moment(Moment),
    /// Vague (`PXW`, `PRESENT_REF`): never compared as a number.
    Vague,
}

/// A clock time on a known day, for comparison.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Moment {
    /// The day as written, days since 1970-01-01.
    pub day: f64,
    /// The seconds after that day's midnight the time covers, on the clock as written:
    /// `13:24` covers 48,240 to 48,299, `13:24:50` only 48,290.
    pub clock: Interval,
    /// The offset from UTC, when the text gives one; `None` for a zone-less or "local"
    /// time.
    pub offset: Option<i16>,
}

impl Moment {
    /// A clock time on `date`, in `zone`, covering `seconds` seconds from `from` (seconds
    /// after midnight).
    pub fn new(date: Date, from: f64, seconds: f64, zone: Option<Zone>) -> Moment {
        let offset = match zone {
            Some(Zone::Offset(m)) => Some(m),
            _ => None,
        };
        let clock = Interval { lo: from, hi: from + seconds - 1.0, scale: Scale::Seconds };
        Moment { day: day_number(date), clock, offset }
    }

    /// The day it falls on, as written.
    pub fn day_interval(&self) -> Interval {
        Interval::point(self.day, Scale::Days)
    }

    /// Seconds since 1970-01-01 on the clock as written (UTC when the offset is 0).
    fn written(&self) -> Interval {
        let at = self.day * 86_400.0;
        Interval { lo: at + self.clock.lo, hi: at + self.clock.hi, scale: Scale::Seconds }
    }

    /// Seconds since 1970-01-01 UTC, when the offset is known.
    fn instant(&self) -> Option<Interval> {
        let shift = f64::from(self.offset?) * 60.0;
        let w = self.written();
        Some(Interval { lo: w.lo - shift, hi: w.hi - shift, scale: Scale::Seconds })
    }

    /// The moment widened by a length of time on each side.
    pub fn widen(&self, seconds: f64) -> Moment {
        Moment { clock: Interval { lo: self.clock.lo - seconds, hi: self.clock.hi + seconds, ..self.clock }, ..*self }
    }

    /// Whether two clock times can be the same instant: as instants when both offsets
    /// are known, on the written clocks when neither is, and with one offset unknown,
    /// when some offset from UTC-12:00 to UTC+14:00 makes them meet.
    pub fn agrees(&self, other: &Moment) -> bool {
        match (self.instant(), other.instant()) {
            (Some(a), Some(b)) => a.overlaps(&b),
            (None, None) => self.written().overlaps(&other.written()),
            (Some(instant), None) => Moment::some_offset_meets(&other.written(), &instant),
            (None, Some(instant)) => Moment::some_offset_meets(&self.written(), &instant),
        }
    }

    fn some_offset_meets(written: &Interval, instant: &Interval) -> bool {
        let reach = Interval {
            lo: written.lo - f64::from(Zone::EAST_MOST) * 60.0,
            hi: written.hi - f64::from(Zone::WEST_MOST) * 60.0,
            scale: Scale::Seconds,
        };
        reach.overlaps(instant)
    }
}

/// The scale an interval lies on; intervals on different scales never compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
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
#[non_exhaustive]
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
            return match text.parse::<IsoDuration>().ok()?.extent() {
                Extent::Interval(i) => Some(Tolerance::Duration(i.lo)),
                Extent::MonthDay { .. } | Extent::Weekday(_) | Extent::Moment(_) | Extent::Vague => None,
            };
        }
        text.parse::<f64>().ok().filter(|a| a.is_finite() && *a >= 0.0).map(Tolerance::Absolute)
    }
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

/// Whether two extents agree: `Some(true)` when they overlap, `Some(false)` when they
/// cannot both be right, `None` when they cannot be compared (different scales, vague).
pub fn agree(a: &Extent, b: &Extent) -> Option<bool> {
    match (a, b) {
        (Extent::Vague, _) | (_, Extent::Vague) => None,
        (Extent::Moment(x), Extent::Moment(y)) => Some(x.agrees(y)),
        // A date against a clock time compares at the date.
        (Extent::Moment(m), other) | (other, Extent::Moment(m)) => agree(&Extent::Interval(m.day_interval()), other),
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
        assert_eq!(Tolerance::parse("PXD"), None);
        assert_eq!(Tolerance::parse("lots"), None);
        let day = Interval::point(17_618.0, Scale::Days).widen(&Tolerance::Duration(86_400.0));
        assert_eq!(day.width(), 2.0);
    }

    #[test]
    fn weekdays_and_month_days_agree_with_the_days_they_cover() {
        let march_26 = Extent::Interval(Interval::point(day_number(Date::constant(2018, 3, 26)), Scale::Days));
        assert_eq!(agree(&Extent::Weekday(1), &march_26), Some(true));
        assert_eq!(agree(&Extent::Weekday(2), &march_26), Some(false));
        assert_eq!(agree(&Extent::MonthDay { month: 3, day: None }, &march_26), Some(true));
        assert_eq!(agree(&Extent::MonthDay { month: 3, day: Some(25) }, &march_26), Some(false));
        assert_eq!(date_of_day(day_number(Date::constant(2018, 3, 26))), Some(Date::constant(2018, 3, 26)));
    }

    fn moment(text: &str) -> Moment {
        text.parse::<crate::value::Timex>().unwrap().moment().unwrap()
    }

    #[test]
    fn clock_times_compare_as_instants_when_their_zones_are_known() {
        // 7 a.m. at UTC+03:00 is 04:00 UTC.
        assert!(moment("2024-05-11T07:00+03:00").agrees(&moment("2024-05-11T04:00Z")));
        assert!(!moment("2024-05-11T07:00+03:00").agrees(&moment("2024-05-11T07:00Z")));
        // Across midnight: 8:17 p.m. Sunday EST is 4:17 a.m. Monday at UTC+03:00.
        assert!(moment("2023-02-05T20:17-05:00").agrees(&moment("2023-02-06T04:17+03:00")));
        // Without zones, on the clocks as written, at the granularity written.
        assert!(!moment("2024-05-11T09:00").agrees(&moment("2024-05-11T07:00")));
        assert!(moment("2023-02-06T13:24L").agrees(&moment("2023-02-06T13:24:50L")));
        assert!(!moment("2023-02-06T13:24L").agrees(&moment("2023-02-06T13:25:50L")));
        // One zone unknown: some offset a clock is set to must make them meet.
        assert!(moment("2023-02-06T13:24L").agrees(&moment("2023-02-06T10:24Z")));
        assert!(!moment("2023-02-06T13:24L").agrees(&moment("2023-02-08T10:24Z")));
        // A tolerance widens the clock.
        assert!(moment("2024-05-11T09:00").widen(3600.0).agrees(&moment("2024-05-11T08:00")));
        // Against a date, at the date.
        let day = |d| Extent::Interval(Interval::point(day_number(d), Scale::Days));
        let nine = Extent::Moment(moment("2024-05-11T09:00-04:00"));
        assert_eq!(agree(&nine, &day(Date::constant(2024, 5, 11))), Some(true));
        assert_eq!(agree(&day(Date::constant(2024, 5, 12)), &nine), Some(false));
        assert_eq!(agree(&nine, &Extent::Weekday(6)), Some(true));
    }
}

//! What values cover, for comparison: an [`Extent`] is an interval on one [`Scale`]
//! (days for dates, seconds for durations, plain numbers otherwise) or an unanchored
//! pattern (a month and day with no year, a weekday with no week), and two claims agree
//! when their extents overlap ([`agree`]). [`Tolerance`]s widen intervals.

use jiff::civil::Date;

use super::Modifier;
use super::timex::IsoDuration;

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
    /// Vague (`PXW`, `PRESENT_REF`): never compared as a number.
    Vague,
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
                Extent::MonthDay { .. } | Extent::Weekday(_) | Extent::Vague => None,
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
}

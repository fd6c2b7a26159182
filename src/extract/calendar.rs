//! Calendar arithmetic shared by the date and range extractors: anchoring weekdays,
//! months and deadlines on the publication date, given the tense an expression is read
//! in ([`super::tense`]). Arithmetic is `jiff`'s.

use jiff::civil::{Date, Weekday};

use super::tense::Tense;

/// The day `days` days from `d`.
pub fn add_days(d: Date, days: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_days(days).ok()?).ok()
}

/// The day `months` months from `d` (clamped to the month's end).
pub fn add_months(d: Date, months: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_months(months).ok()?).ok()
}

/// A weekday from its ISO number, 1 = Monday.
pub fn weekday(n: i8) -> Option<Weekday> {
    Weekday::from_monday_one_offset(n).ok()
}

/// The day a weekday names, seen from `dct`: in a past-tense report the latest such
/// day on or before `dct`, in a future-tense one the next on or after it.
pub fn weekday_date(dct: Date, wd: Weekday, tense: Tense) -> Option<Date> {
    let diff = i64::from(wd.to_monday_zero_offset()) - i64::from(dct.weekday().to_monday_zero_offset());
    let days = match tense {
        Tense::Future => diff.rem_euclid(7),
        Tense::Past | Tense::Unknown => -(-diff).rem_euclid(7),
    };
    add_days(dct, days)
}

/// The day a deadline's weekday names: from the day before `dct` to five days after it
/// ("until Thursday" said on a Friday is the day before; said on a Monday, three days on).
pub fn deadline_weekday(dct: Date, wd: Weekday) -> Option<Date> {
    weekday_date(add_days(dct, -1)?, wd, Tense::Future)
}

/// The year of a deadline's month (and day) given without one: the first that does not
/// end more than a month before `dct`.
pub fn deadline_year(dct: Date, month: i8, day: Option<i8>) -> Option<i16> {
    let floor = add_months(dct, -1)?;
    (dct.year() - 1..=dct.year() + 1).find(|&y| {
        let end = match day {
            Some(d) => Date::new(y, month, d).ok(),
            None => Date::new(y, month, 1).ok().map(|d| d.last_of_month()),
        };
        end.is_some_and(|end| end >= floor)
    })
}

/// The year of a month (and day) given without one: the latest on or before `dct` in
/// past-tense prose, the next on or after it in future-tense prose, and otherwise the
/// one nearest `dct`.
pub fn year_of(dct: Date, month: i8, day: Option<i8>, tense: Tense) -> i16 {
    let y = dct.year();
    let key = |m: i8, d: i8| i32::from(m) * 32 + i32::from(d);
    let here = key(dct.month(), dct.day());
    let there = key(month, day.unwrap_or(if tense == Tense::Future { 31 } else { 1 }));
    match tense {
        // A past-tense report may still name a day a little after publication (a
        // deadline, an effective date: "expires Nov. 21"): up to two months later
        // counts as this year's. A month alone in the past tense is the last one.
        Tense::Past => {
            let there = key(month, day.unwrap_or(1));
            let slack = if day.is_some() { 64 } else { 0 };
            if there <= here + slack { y } else { y - 1 }
        }
        Tense::Future => {
            if there >= here {
                y
            } else {
                y + 1
            }
        }
        Tense::Unknown => {
            // News looks back more than ahead: from eight months before publication
            // to four months after it.
            let months = i32::from(month) - i32::from(dct.month());
            if months > 4 {
                y - 1
            } else if months < -8 {
                y + 1
            } else {
                y
            }
        }
    }
}

/// The quarter of a day, 1 to 4.
pub fn quarter(d: Date) -> i8 {
    (d.month() - 1) / 3 + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_anchor_by_tense() {
        let dct = Date::constant(2018, 3, 28);
        let monday = weekday(1).unwrap();
        assert_eq!(weekday_date(dct, monday, Tense::Past), Some(Date::constant(2018, 3, 26)));
        assert_eq!(weekday_date(dct, monday, Tense::Future), Some(Date::constant(2018, 4, 2)));
        let wednesday = weekday(3).unwrap();
        assert_eq!(weekday_date(dct, wednesday, Tense::Past), Some(dct));
        assert_eq!(weekday_date(dct, wednesday, Tense::Future), Some(dct));
    }

    #[test]
    fn months_anchor_by_tense() {
        let dct = Date::constant(2018, 3, 28);
        assert_eq!(year_of(dct, 5, None, Tense::Future), 2018);
        assert_eq!(year_of(dct, 5, None, Tense::Past), 2017);
        assert_eq!(year_of(dct, 5, Some(1), Tense::Past), 2018);
        assert_eq!(year_of(dct, 7, None, Tense::Past), 2017);
        assert_eq!(year_of(dct, 12, Some(5), Tense::Unknown), 2017);
        assert_eq!(year_of(dct, 3, Some(25), Tense::Past), 2018);
        assert_eq!(year_of(dct, 2, None, Tense::Future), 2019);
    }

    #[test]
    fn deadline_weekdays_look_ahead() {
        let monday = Date::constant(2000, 4, 3);
        assert_eq!(deadline_weekday(monday, weekday(2).unwrap()), Some(Date::constant(2000, 4, 4)));
        assert_eq!(deadline_weekday(monday, weekday(7).unwrap()), Some(Date::constant(2000, 4, 2)));
        assert_eq!(deadline_weekday(monday, weekday(1).unwrap()), Some(monday));
    }

    #[test]
    fn deadlines_look_ahead() {
        let dct = Date::constant(1989, 10, 30);
        assert_eq!(deadline_year(dct, 2, Some(1)), Some(1990));
        assert_eq!(deadline_year(dct, 11, None), Some(1989));
        assert_eq!(deadline_year(dct, 9, None), Some(1989));
        assert_eq!(deadline_year(dct, 9, Some(30)), Some(1989));
        assert_eq!(deadline_year(dct, 9, Some(20)), Some(1990));
        assert_eq!(deadline_year(Date::constant(2000, 1, 15), 1, Some(14)), Some(2000));
        assert_eq!(deadline_year(Date::constant(2000, 1, 15), 12, Some(20)), Some(1999));
        assert_eq!(deadline_year(Date::constant(2000, 1, 15), 11, None), Some(2000));
    }
}

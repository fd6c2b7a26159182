//! Times of day: "9.45pm", "9:45 p.m.", "21:45", "noon", "midnight", and their zones:
//! "10 a.m. EST", "1100 GMT", "0117GMT", "14:30 UTC+3", "local time 13:24:50",
//! "4:17 a.m. local time".

use jiff::civil::{Date, Weekday};

use super::Tokens;
use crate::extract::lexer::Kind;
use crate::value::{TimeOfDay, Zone};

/// A zone as the text names it: a fixed offset, or a US zone whose offset depends on the
/// day ("ET" is EDT in summer, EST in winter).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum ZoneWord {
    /// "GMT", "EDT", "UTC+3", "local time".
    Fixed(Zone),
    /// "ET", "CT", "MT", "PT": the zone's standard offset in hours.
    UsGeneric(i16),
}

impl ZoneWord {
    /// The zone on `date` (daylight saving time as the US keeps it since 2007: from the
    /// second Sunday in March to the first Sunday in November); standard time when the
    /// day is unknown.
    pub(super) fn on(self, date: Option<Date>) -> Zone {
        match self {
            ZoneWord::Fixed(zone) => zone,
            ZoneWord::UsGeneric(standard) => {
                let summer = date.is_some_and(|d| {
                    let start =
                        Date::new(d.year(), 3, 8).ok().and_then(|m| m.nth_weekday_of_month(2, Weekday::Sunday).ok());
                    let end =
                        Date::new(d.year(), 11, 1).ok().and_then(|n| n.nth_weekday_of_month(1, Weekday::Sunday).ok());
                    matches!((start, end), (Some(a), Some(b)) if a <= d && d < b)
                });
                Zone::Offset((standard + i16::from(summer)) * 60)
            }
        }
    }
}

/// A zone named at `k` ("EDT", "ET", "GMT+3", "UTC-05:00", "local time") and the index
/// after it.
pub(super) fn zone_at(t: &Tokens<'_>, k: usize) -> Option<(ZoneWord, usize)> {
    if t.is(k, "local") && t.is(k + 1, "time") {
        return Some((ZoneWord::Fixed(Zone::Local), k + 2));
    }
    if t.kind(k) != Some(Kind::Word) {
        return None;
    }
    let generic = match t.raw(k) {
        "ET" => Some(-5),
        "CT" => Some(-6),
        "MT" => Some(-7),
        "PT" => Some(-8),
        _ => None,
    };
    if let Some(hours) = generic {
        return Some((ZoneWord::UsGeneric(hours), k + 1));
    }
    // Abbreviations are written in capitals; "est" or "cet" in lower case is a word.
    if t.raw(k).chars().any(|c| c.is_lowercase()) {
        return None;
    }
    let zone = Zone::named(t.raw(k))?;
    if zone == Zone::UTC
        && let Some((offset, after)) = signed_offset(t, k + 1)
    {
        return Some((ZoneWord::Fixed(offset), after));
    }
    Some((ZoneWord::Fixed(zone), k + 1))
}

/// "+3", "-05:00", "+0530" glued after "GMT" or "UTC".
fn signed_offset(t: &Tokens<'_>, k: usize) -> Option<(Zone, usize)> {
    if !t.glued(k) {
        return None;
    }
    let (sign, at) = match (t.punct(k), t.raw(k).as_bytes().first()) {
        (Some('+'), _) => (1, k + 1),
        (Some('-' | '−'), _) => (-1, k + 1),
        (None, Some(b'+')) => (1, k),
        _ => return None,
    };
    if at > k && !t.glued(at) {
        return None;
    }
    let n = t.num(at)?;
    let digits = t.raw(at).trim_start_matches('+');
    let (hours, mut minutes, mut to) = match digits.len() {
        1 | 2 if !n.decimal => (n.value as i64, 0, at + 1),
        4 if !n.decimal => (n.value as i64 / 100, n.value as i64 % 100, at + 1),
        _ => return None,
    };
    if t.is_punct(to, ':') && t.glued(to) && t.glued(to + 1) {
        let m = t.num(to + 1).filter(|m| m.int_digits == 2 && !m.decimal)?;
        minutes = m.value as i64;
        to += 2;
    }
    let zone = Zone::offset(sign * (hours * 60 + minutes))?;
    Some((zone, to))
}

/// A time of day at `j` ("9.45pm", "9:45 p.m.", "21:45", "10 a.m. EST", "noon"):
/// TIMEX3's `T21:45` and the index after it.
pub(super) fn time_of_day(t: &Tokens<'_>, j: usize) -> Option<(Clock, usize)> {
    // "High Noon" is a film, and "high noon" a moment of decision.
    if t.is(j, "noon") && !t.capitalized(j) && !(j > 0 && t.is(j - 1, "high")) {
        return Some((Clock::plain(12), j + 1));
    }
    if t.is(j, "midday") {
        return Some((Clock::plain(12), j + 1));
    }
    if t.is(j, "midnight") {
        return Some((Clock::plain(24), j + 1));
    }
    let n = t.num(j)?;
    if n.grouped || (j > 0 && t.glued(j) && t.kind(j - 1) == Some(Kind::Num)) {
        return None;
    }
    // "local time 13:24:50": the zone written before the clock.
    let local_before = j >= 2 && t.is(j - 2, "local") && t.is(j - 1, "time");
    if n.int_digits == 4 && !n.decimal {
        return military(t, j, n.value as i64);
    }
    if n.int_digits > 2 {
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
    let mut zone = local_before.then_some(ZoneWord::Fixed(Zone::Local));
    if let Some((z, after)) = zone_at(t, k) {
        zone = Some(z);
        k = after;
    }
    let clock =
        TimeOfDay::Clock { hour: hour as i8, minute: minute as i8, second: second.map(|s| s as i8), zone: None };
    Some((Clock { time: clock, zone }, k))
}

/// A clock time as [`time_of_day`] reads it: the time, and the zone named with it,
/// still to be set on the time once its day is known ("ET" depends on the day).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Clock {
    /// The time, zone not yet set.
    pub time: TimeOfDay,
    /// The zone written with it.
    pub zone: Option<ZoneWord>,
}

impl Clock {
    /// A whole hour with no zone ("noon").
    fn plain(hour: i8) -> Clock {
        Clock { time: TimeOfDay::Clock { hour, minute: 0, second: None, zone: None }, zone: None }
    }

    /// The time, with its zone as it stands on `date`.
    pub(super) fn on(self, date: Option<Date>) -> TimeOfDay {
        match (self.time, self.zone) {
            (TimeOfDay::Clock { hour, minute, second, .. }, Some(z)) => {
                TimeOfDay::Clock { hour, minute, second, zone: Some(z.on(date)) }
            }
            (time, _) => time,
        }
    }
}

/// "1100 GMT", "0117GMT": four digits are a clock time only with a zone after them
/// (else "1100 soldiers" would be one).
fn military(t: &Tokens<'_>, j: usize, value: i64) -> Option<(Clock, usize)> {
    let (hour, minute) = (value / 100, value % 100);
    if hour > 23 || minute > 59 {
        return None;
    }
    let (zone, to) = zone_at(t, j + 1).filter(|(z, _)| !matches!(z, ZoneWord::Fixed(Zone::Local)))?;
    let time = TimeOfDay::Clock { hour: hour as i8, minute: minute as i8, second: None, zone: None };
    Some((Clock { time, zone: Some(zone) }, to))
}

/// "am", "pm", "a.m.", "p.m.": whether it is after noon, and the index after it.
pub(super) fn meridiem(t: &Tokens<'_>, k: usize) -> (Option<bool>, usize) {
    match t.low(k) {
        "am" | "pm" if t.kind(k) == Some(Kind::Word) => (Some(t.low(k) == "pm"), k + 1),
        "a" | "p" if t.is_punct(k + 1, '.') && t.is(k + 2, "m") && t.glued(k + 1) && t.glued(k + 2) => {
            let end = if t.is_punct(k + 3, '.') && t.glued(k + 3) { k + 4 } else { k + 3 };
            (Some(t.low(k) == "p"), end)
        }
        _ => (None, k),
    }
}

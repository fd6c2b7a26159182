//! Times of day: "9.45pm", "9:45 p.m.", "21:45", "10 a.m. EST", "noon", "midnight".

use super::Tokens;
use crate::extract::lexer::Kind;
use crate::value::TimeOfDay;

/// A time of day at `j` ("9.45pm", "9:45 p.m.", "21:45", "10 a.m. EST", "noon"):
/// TIMEX3's `T21:45` and the index after it.
pub(super) fn time_of_day(t: &Tokens<'_>, j: usize) -> Option<(TimeOfDay, usize)> {
    // "High Noon" is a film, and "high noon" a moment of decision.
    if t.is(j, "noon") && !t.capitalized(j) && !(j > 0 && t.is(j - 1, "high")) {
        return Some((TimeOfDay::Clock { hour: 12, minute: 0, second: None }, j + 1));
    }
    if t.is(j, "midday") {
        return Some((TimeOfDay::Clock { hour: 12, minute: 0, second: None }, j + 1));
    }
    if t.is(j, "midnight") {
        return Some((TimeOfDay::Clock { hour: 24, minute: 0, second: None }, j + 1));
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
    let clock = TimeOfDay::Clock { hour: hour as i8, minute: minute as i8, second: second.map(|s| s as i8) };
    Some((clock, k))
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

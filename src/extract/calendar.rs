//! Calendar helpers shared by the date and range extractors: the tense an expression
//! is read in, anchoring weekdays and months on the publication date, and writing
//! TIMEX3 values. Arithmetic is `jiff`'s.

use jiff::civil::{Date, Weekday};

use super::lexer::{Kind, Tokens};

/// The tense an expression is read in, from the verbs around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    /// Reported as having happened.
    Past,
    /// Announced.
    Future,
    /// No verb says.
    Unknown,
}

/// Words that announce what is to come. "plans", "expected", "set" and "going" only
/// count before "to" ("plans to visit"): alone they are nouns or past participles.
const FUTURE: [&str; 10] =
    ["will", "shall", "ll", "scheduled", "upcoming", "intends", "tomorrow", "next", "planning", "planned"];

/// Future markers that need a "to" after them.
const FUTURE_TO: [&str; 5] = ["plans", "plan", "expected", "set", "going"];

/// Past-tense verbs that do not end in "-ed", and words that place a report in the
/// past; reporting verbs ("said", "told") are left out, since they say when something
/// was reported, not when it happens.
const PAST: [&str; 83] = [
    "was",
    "were",
    "had",
    "did",
    "met",
    "went",
    "came",
    "left",
    "began",
    "begun",
    "took",
    "made",
    "held",
    "saw",
    "gave",
    "spoke",
    "flew",
    "fell",
    "rose",
    "won",
    "lost",
    "sent",
    "got",
    "became",
    "ran",
    "led",
    "struck",
    "ago",
    "yesterday",
    "last",
    "been",
    "hit",
    "bought",
    "sold",
    "paid",
    "thought",
    "brought",
    "caught",
    "taught",
    "fought",
    "sought",
    "built",
    "spent",
    "lent",
    "meant",
    "felt",
    "kept",
    "slept",
    "found",
    "stood",
    "understood",
    "shook",
    "wrote",
    "rode",
    "drove",
    "broke",
    "chose",
    "froze",
    "stole",
    "woke",
    "wore",
    "tore",
    "knew",
    "grew",
    "threw",
    "drew",
    "blew",
    "ate",
    "cut",
    "quit",
    "shut",
    "stuck",
    "hung",
    "sang",
    "rang",
    "drank",
    "sank",
    "fled",
    "sat",
    "laid",
    "heard",
    "forgot",
    "dealt",
];

/// How far a tense marker may stand from the expression, in tokens.
const REACH: usize = 12;

/// Present-tense verbs: the expression is read as the nearest such day or month.
const PRESENT: [&str; 4] = ["is", "are", "am", "underway"];

fn marker(t: &Tokens<'_>, i: usize) -> Option<Tense> {
    if t.kind(i) != Some(Kind::Word) {
        return None;
    }
    let w = t.low(i);
    if PRESENT.contains(&w) {
        // "is to resume trading Tuesday".
        if t.is(i + 1, "to") {
            return Some(Tense::Future);
        }
        return Some(Tense::Unknown);
    }
    if FUTURE.contains(&w) || (FUTURE_TO.contains(&w) && t.is(i + 1, "to")) {
        return Some(Tense::Future);
    }
    if FUTURE_TO.contains(&w) {
        return None;
    }
    if w == "said" || w == "told" {
        return None;
    }
    if PAST.contains(&w) || (w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed")) {
        return Some(Tense::Past);
    }
    None
}

/// The tense of the expression spanning tokens `from..to`: the nearest tense marker
/// before it in the sentence, else the nearest after it.
pub fn tense(t: &Tokens<'_>, from: usize, to: usize) -> Tense {
    // "said Monday that...", "Monday said": the day of the report, which is past.
    let reported = ["said", "told", "announced", "reported", "says"];
    if (from > 0 && t.is_any(from - 1, &reported)) || t.is_any(to, &reported) {
        return Tense::Past;
    }
    // "as soon as Tuesday", "as early as Tuesday".
    if from >= 3 && t.is(from - 3, "as") && t.is_any(from - 2, &["soon", "early"]) && t.is(from - 1, "as") {
        return Tense::Future;
    }
    for i in (from.saturating_sub(REACH)..from).rev() {
        if let Some(tense) = marker(t, i) {
            return tense;
        }
    }
    for i in to..t.len().min(to + REACH) {
        if let Some(tense) = marker(t, i) {
            return tense;
        }
    }
    Tense::Unknown
}

/// `YYYY-MM-DD`.
pub fn ymd(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// `YYYY-MM`.
pub fn ym(year: i16, month: i8) -> String {
    format!("{year:04}-{month:02}")
}

/// The ISO week of a day, `2018-W13`.
pub fn week(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

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

/// Whether `y` is a plausible year for an explicit four-digit date.
pub fn plausible_year(y: i64) -> bool {
    (1000..=2999).contains(&y)
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
    fn values_are_written_as_timex3() {
        let d = Date::constant(2018, 3, 28);
        assert_eq!(ymd(d), "2018-03-28");
        assert_eq!(week(d), "2018-W13");
        assert_eq!(ym(2011, 12), "2011-12");
        assert_eq!(quarter(d), 1);
    }
}

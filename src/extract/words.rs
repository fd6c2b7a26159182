//! The word tables: month and weekday names, units of time, number words and
//! ordinals, seasons and parts of the day, looked up once per word while lexing.
//!
//! One hash map built on first use: a `match` on strings would compare the word with
//! each arm in turn, and an Aho-Corasick automaton finds substrings, while the lexer
//! already has whole words and only needs an exact look-up.
//!
//! The units of measure ([`unit_word`]) are [`crate::value::unit`]'s, where rules read
//! them too; they are looked up from here: the quantity extractor reads them, and the
//! year test of [`super::lexer`] asks whether a number counts one.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::value::{DayPart, DurationPart, DurationUnit, IsoDuration, Season};

/// A unit of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Two weeks.
    Fortnight,
    /// Months.
    Month,
    /// Three months.
    Quarter,
    /// Years.
    Year,
    /// Ten years.
    Decade,
    /// A hundred years.
    Century,
}

impl Unit {
    /// The TIMEX3 duration of `n` of this unit: `P4D`, `PT48H`, `P2W`; `n` of `None`
    /// is vague (`PXD`).
    pub fn duration(self, n: Option<f64>) -> IsoDuration {
        let (mult, unit) = match self {
            Unit::Second => (1.0, DurationUnit::Second),
            Unit::Minute => (1.0, DurationUnit::Minute),
            Unit::Hour => (1.0, DurationUnit::Hour),
            Unit::Day => (1.0, DurationUnit::Day),
            Unit::Week => (1.0, DurationUnit::Week),
            Unit::Fortnight => (2.0, DurationUnit::Week),
            Unit::Month => (1.0, DurationUnit::Month),
            Unit::Quarter => (3.0, DurationUnit::Month),
            Unit::Year => (1.0, DurationUnit::Year),
            Unit::Decade => (1.0, DurationUnit::Decade),
            Unit::Century => (1.0, DurationUnit::Century),
        };
        // A half is written in the next smaller unit, as TIMEX3 does: "2 1/2 years" is
        // `P2Y6M`, "5 1/2 hours" `PT5H30M`.
        let half = match self {
            Unit::Year => Some(DurationPart { amount: 6.0, unit: DurationUnit::Month }),
            Unit::Day => Some(DurationPart { amount: 12.0, unit: DurationUnit::Hour }),
            Unit::Hour => Some(DurationPart { amount: 30.0, unit: DurationUnit::Minute }),
            Unit::Minute => Some(DurationPart { amount: 30.0, unit: DurationUnit::Second }),
            _ => None,
        };
        match (n, half) {
            (Some(n), Some(half)) if n.fract() == 0.5 && n < 1e9 => {
                let whole = n.trunc();
                if whole == 0.0 {
                    IsoDuration::Exact(vec![half])
                } else {
                    IsoDuration::Exact(vec![DurationPart { amount: whole, unit }, half])
                }
            }
            (Some(n), _) => IsoDuration::of(n * mult, unit),
            (None, _) => IsoDuration::Vague(unit),
        }
    }
}

/// What a word is, for the extractors.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Lex {
    /// A month's full name, 1 to 12.
    Month(i8),
    /// A month's abbreviation ("Mar", "Sept"), 1 to 12.
    MonthAbbr(i8),
    /// A weekday, 1 = Monday.
    Weekday(i8),
    /// A unit of time; `true` when plural.
    Unit(Unit, bool),
    /// A number word below a hundred ("three", "twenty").
    Card(i64),
    /// A multiplier word ("hundred", "million").
    Scale(f64),
    /// An ordinal word ("third").
    Ord(i64),
    /// A season.
    Season(Season),
    /// A part of the day.
    DayPart(DayPart),
    /// "dozen".
    Dozen,
    /// Another word the extractors start from ("yesterday", "about", "the").
    Cue,
}

/// FNV-1a, for the word table: words are short and not chosen by an attacker who
/// could flood one bucket (the table is fixed), so std's SipHash buys nothing here and
/// costs most of the look-up. Hand-written because no fast-hash crate is a dependency.
#[derive(Clone, Copy, Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvBuild = std::hash::BuildHasherDefault<Fnv>;

static TABLE: LazyLock<HashMap<&'static str, Lex, FnvBuild>> = LazyLock::new(build);

/// The entry for a lowered word.
pub fn lookup(word: &str) -> Option<Lex> {
    TABLE.get(word).copied()
}

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Whether `word` (lower case) is the full name of a month or a day of the week.
pub fn is_month_or_weekday(word: &str) -> bool {
    MONTHS.contains(&word) || WEEKDAYS.contains(&word)
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const CARDS: [(&str, i64); 28] = [
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

const ORDS: [(&str, i64); 28] = [
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
    ("hundredth", 100),
];

/// Words that start or steer an expression without a value of their own.
const CUES: [&str; 58] = [
    "a",
    "an",
    "the",
    "about",
    "around",
    "some",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "more",
    "less",
    "fewer",
    "over",
    "under",
    "at",
    "up",
    "no",
    "early",
    "mid",
    "late",
    "end",
    "beginning",
    "start",
    "middle",
    "last",
    "next",
    "this",
    "past",
    "coming",
    "previous",
    "earlier",
    "later",
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "now",
    "currently",
    "recently",
    "future",
    "from",
    "between",
    "aged",
    "several",
    "few",
    "many",
    "noon",
    "midday",
    "midnight",
    "overnight",
    "magnitude",
    "fiscal",
    "christmas",
    "thanksgiving",
    "halloween",
    "recent",
    "half",
];

fn build() -> HashMap<&'static str, Lex, FnvBuild> {
    let mut m = HashMap::default();
    for w in CUES {
        m.insert(w, Lex::Cue);
    }
    for (i, name) in MONTHS.iter().enumerate() {
        m.insert(*name, Lex::Month(i as i8 + 1));
    }
    for (w, n) in [
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
    ] {
        m.insert(w, Lex::MonthAbbr(n));
    }
    for (i, name) in WEEKDAYS.iter().enumerate() {
        m.insert(*name, Lex::Weekday(i as i8 + 1));
    }
    for (w, u) in [
        ("second", Unit::Second),
        ("minute", Unit::Minute),
        ("hour", Unit::Hour),
        ("day", Unit::Day),
        ("week", Unit::Week),
        ("fortnight", Unit::Fortnight),
        ("month", Unit::Month),
        ("quarter", Unit::Quarter),
        ("year", Unit::Year),
        ("decade", Unit::Decade),
    ] {
        m.insert(w, Lex::Unit(u, false));
    }
    for (w, u) in [
        ("seconds", Unit::Second),
        ("minutes", Unit::Minute),
        ("hours", Unit::Hour),
        ("days", Unit::Day),
        ("weeks", Unit::Week),
        ("fortnights", Unit::Fortnight),
        ("months", Unit::Month),
        ("quarters", Unit::Quarter),
        ("years", Unit::Year),
        ("decades", Unit::Decade),
        ("centuries", Unit::Century),
    ] {
        m.insert(w, Lex::Unit(u, true));
    }
    m.insert("century", Lex::Unit(Unit::Century, false));
    // Abbreviated units, as schedules, race results and wire copy write them ("1 h 30
    // min", "3hrs 15mins"); "m" and "s" are left out, being metres and a plural ending.
    for (w, u, plural) in [
        ("h", Unit::Hour, false),
        ("hr", Unit::Hour, false),
        ("hrs", Unit::Hour, true),
        ("min", Unit::Minute, false),
        ("mins", Unit::Minute, true),
        ("sec", Unit::Second, false),
        ("secs", Unit::Second, true),
        ("wk", Unit::Week, false),
        ("wks", Unit::Week, true),
        ("yr", Unit::Year, false),
        ("yrs", Unit::Year, true),
    ] {
        m.insert(w, Lex::Unit(u, plural));
    }
    for (w, n) in CARDS {
        m.insert(w, Lex::Card(n));
    }
    for (w, n) in ORDS {
        m.insert(w, Lex::Ord(n));
    }
    for (w, n) in [("hundred", 1e2), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12)] {
        m.insert(w, Lex::Scale(n));
    }
    for (w, s) in [
        ("spring", Season::Spring),
        ("summer", Season::Summer),
        ("fall", Season::Fall),
        ("autumn", Season::Fall),
        ("winter", Season::Winter),
    ] {
        m.insert(w, Lex::Season(s));
    }
    for (w, s) in [
        ("morning", DayPart::Morning),
        ("afternoon", DayPart::Afternoon),
        ("evening", DayPart::Evening),
        ("night", DayPart::Night),
    ] {
        m.insert(w, Lex::DayPart(s));
    }
    m.insert("dozen", Lex::Dozen);
    m
}

/// The value of a number written in words starting at token `i` ("twenty-one",
/// "three hundred", "a dozen"), with the index after it. Plain "a" or "one" alone
/// counts as 1 only where the caller allows it.
pub fn number_words(t: &super::lexer::Tokens<'_>, i: usize) -> Option<(f64, usize)> {
    let mut j = i;
    let mut total: f64 = 0.0;
    let mut current: f64 = match t.lex(j) {
        Some(Lex::Card(n)) => n as f64,
        Some(Lex::Dozen) => 12.0,
        _ if t.is_any(j, &["a", "an"]) && t.lex(j + 1) == Some(Lex::Dozen) => {
            j += 1;
            12.0
        }
        _ => return None,
    };
    j += 1;
    // "twenty-one", "twenty one".
    if (20.0..100.0).contains(&current)
        && current % 10.0 == 0.0
        && let Some((k, n)) = tens_unit(t, j)
    {
        current += n;
        j = k;
    }
    // "two dozen" is 24; "dozens" is vague and no number.
    if current < 100.0 && t.lex(j) == Some(Lex::Dozen) && t.lex(i) != Some(Lex::Dozen) && !t.is_any(i, &["a", "an"]) {
        current *= 12.0;
        j += 1;
    }
    // Bounded: no number in words runs longer, and a bound keeps a long chain of number
    // words linear to scan from every start.
    while j - i < 12 {
        match t.lex(j) {
            Some(Lex::Scale(s)) if s == 100.0 => {
                current *= s;
                j += 1;
                let k = if t.is(j, "and") { j + 1 } else { j };
                if let Some(Lex::Card(n)) = t.lex(k) {
                    let mut add = n as f64;
                    let mut next = k + 1;
                    if n >= 20
                        && let Some((kk, u)) = tens_unit(t, next)
                    {
                        add += u;
                        next = kk;
                    }
                    current += add;
                    j = next;
                }
            }
            Some(Lex::Scale(s)) => {
                total += current * s;
                current = 0.0;
                j += 1;
                match t.lex(j) {
                    Some(Lex::Card(n)) => {
                        current = n as f64;
                        j += 1;
                    }
                    _ => break,
                }
            }
            _ => break,
        }
    }
    Some((total + current, j))
}

/// "-one" or " one" after a tens word: the unit and the index after it.
fn tens_unit(t: &super::lexer::Tokens<'_>, j: usize) -> Option<(usize, f64)> {
    let (k, glued) = if t.is_dash(j) && t.glued(j) && t.glued(j + 1) { (j + 1, true) } else { (j, false) };
    match t.lex(k) {
        Some(Lex::Card(n)) if (1..10).contains(&n) && (glued || t.kind(k).is_some()) => Some((k + 1, n as f64)),
        _ => None,
    }
}
/// The units of measure are the value layer's, shared with the rules' `unit:`.
pub(super) use crate::value::unit::unit_word;

//! Fuzz target `grammar`: sentences built from the pieces of the newer grammars (ranges
//! "between X and Y", changes "from X to Y", clock times with zones, titles before and
//! after a name) with fuzzed amounts and fuzzed text between them.
//!
//! Random bytes rarely spell "rose from 212 to 1,480 km", so the `extract` target
//! seldom reaches deep into these grammars; here every byte picks a piece that does.
//! Besides the span invariants of `extract`, it asserts what the grammars promise:
//! a range's ends are of one kind (and one unit) with the low end first, a change's
//! old value is of the new one's kind, and a title lies outside the name it qualifies.
#![no_main]

use factlint::extract::names::{NamedEntity, Spellings, names_and_mentions};
use factlint::extract::{self, Claim, Context};
use factlint::value::Value;
use jiff::civil::Date;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

const OPENERS: &[&str] = &["between", "from", "about", "some", "roughly", "up to", "more than", ""];
const JOINERS: &[&str] = &["and", "to", "-", "–", " - ", "and about", "or", "to nearly"];
const VERBS: &[&str] = &["rose", "fell", "climbed", "dropped", "was raised", "increased", "grew", "up", "down"];
const SCALES: &[&str] = &["", " million", " billion", "m", "bn", " thousand", "k", " dozen"];
const UNITS: &[&str] = &[
    "",
    " days",
    " hours",
    " km",
    " kilometres",
    " miles",
    "%",
    " per cent",
    " feet",
    " metres",
    " people",
    " years",
    " sq mi",
    " kg",
    " tonnes",
    " minutes",
    "-day",
    " weeks",
];
const CURRENCIES: &[&str] = &["", "$", "€", "£", "US$"];
const CLOCKS: &[&str] = &[
    "a.m.",
    "p.m.",
    "am",
    "pm",
    "AM",
    "o'clock",
    "GMT",
    "UTC",
    "EST",
    "EDT",
    "PST",
    "CET",
    "KST",
    "BST",
    "Z",
    "local time",
    "GMT+2",
    "UTC-05:00",
    "+0900",
    "noon",
    "midnight",
    "h",
];
const DATES: &[&str] = &[
    "March 25",
    "25 March",
    "March",
    "2018",
    "Monday",
    "Sunday morning",
    "yesterday",
    "last week",
    "2018-03-25",
    "the 1990s",
    "late April",
    "Jan. 3",
    "Feb 29, 2016",
];
const TITLES: &[&str] = &[
    "President",
    "former President",
    "Mr.",
    "Mr",
    "Gen.",
    "General",
    "Prime Minister",
    "Chairman",
    "leader",
    "North Korean leader",
    "the former mayor",
    "Dr",
    "acting Foreign Minister",
    "Sen.",
    "Rep.",
    "Pres.",
];
const NAMES: &[&str] = &["Kim Jong Un", "Kim", "Kim Jong-un", "Xi Jinping", "Xi", "Moon Jae-in", "Moon"];
const GLUE: &[&str] =
    &[" ", ", ", "; ", ". ", " (", ") ", " the ", " of ", " at ", " on ", " in ", "\n", " who ", "’s "];

/// The entities the title grammar is read against.
static SPELLINGS: LazyLock<Spellings> = LazyLock::new(|| {
    let entity = |id: &str, name: &str, aliases: &[&str]| NamedEntity {
        id: id.into(),
        name: name.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        ..NamedEntity::default()
    };
    Spellings::new(vec![
        entity("kim", "Kim Jong Un", &["Kim"]),
        entity("xi", "Xi Jinping", &["Xi"]),
        entity("moon", "Moon Jae-in", &["Moon"]),
    ])
});

/// Reads bytes one at a time, as choices.
struct Choices<'a>(&'a [u8]);

impl Choices<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(*first)
    }
    fn pick<'t>(&mut self, table: &[&'t str]) -> Option<&'t str> {
        Some(table[self.byte()? as usize % table.len()])
    }
    /// An amount as people write it: digits with thousands commas or a decimal part,
    /// sometimes a number word.
    fn amount(&mut self) -> Option<String> {
        let shape = self.byte()?;
        let n = u32::from_le_bytes([self.byte()?, self.byte()?, self.byte()? % 16, 0]);
        Some(match shape % 8 {
            0 => format!("{}", n % 100),
            1 => {
                let digits = n.to_string();
                let mut out = String::new();
                for (i, c) in digits.chars().enumerate() {
                    if i > 0 && (digits.len() - i) % 3 == 0 {
                        out.push(',');
                    }
                    out.push(c);
                }
                out
            }
            2 => format!("{}.{}", n % 1000, n % 7),
            3 => ["one", "two", "three", "four", "ten", "a dozen", "half a", "a few"][(n % 8) as usize].to_string(),
            4 => format!("{}", n % 24),
            5 => format!("{}:{:02}", n % 24, n % 60),
            6 => format!("{:04}", n % 2400),
            _ => n.to_string(),
        })
    }
    /// Free text: up to 16 bytes as written, when they are UTF-8.
    fn text(&mut self) -> Option<String> {
        let len = (self.byte()? % 16) as usize;
        let take = len.min(self.0.len());
        let (bytes, rest) = self.0.split_at(take);
        self.0 = rest;
        Some(String::from_utf8_lossy(bytes).into_owned())
    }
}

/// A sentence of up to 24 pieces, each from one grammar.
fn sentence(c: &mut Choices<'_>) -> String {
    let mut out = String::new();
    for _ in 0..24 {
        let Some(piece) = c.byte() else { break };
        let built = match piece % 8 {
            // "between $3 and 4 million people"
            0 => (|| {
                Some(format!(
                    "{} {}{}{} {} {}{}{}{}",
                    c.pick(OPENERS)?,
                    c.pick(CURRENCIES)?,
                    c.amount()?,
                    c.pick(SCALES)?,
                    c.pick(JOINERS)?,
                    c.pick(CURRENCIES)?,
                    c.amount()?,
                    c.pick(SCALES)?,
                    c.pick(UNITS)?
                ))
            })(),
            // "rose from 212 to 1,480 km", "climbed to 41,000 from 35,000"
            1 => (|| {
                let (a, b) = (c.amount()?, c.amount()?);
                let unit = c.pick(UNITS)?;
                let order = c.byte()? % 3;
                let verb = c.pick(VERBS)?;
                Some(match order {
                    0 => format!("{verb} from {a}{unit} to {b}{unit}"),
                    1 => format!("{verb} to {b}{unit} from {a}"),
                    _ => format!("{b}{unit}, {verb} from {a}"),
                })
            })(),
            // "at 9:30 a.m. EST on Monday"
            2 => (|| Some(format!("at {} {} {}", c.amount()?, c.pick(CLOCKS)?, c.pick(CLOCKS)?)))(),
            3 => (|| Some(format!("on {} at {}", c.pick(DATES)?, c.amount()?)))(),
            // "former President Kim Jong Un", "Xi, the Chinese leader,"
            4 => (|| Some(format!("{} {}", c.pick(TITLES)?, c.pick(NAMES)?)))(),
            5 => (|| Some(format!("{}, {}, ", c.pick(NAMES)?, c.pick(TITLES)?)))(),
            6 => (|| Some(format!("{}{}", c.pick(DATES)?, c.pick(GLUE)?)))(),
            _ => c.text(),
        };
        let Some(built) = built else { break };
        out.push_str(&built);
        out.push_str(c.pick(GLUE).unwrap_or(" "));
    }
    out
}

/// The kind of a value, ignoring its amount.
fn shape(value: &Value) -> (&'static str, Option<&str>) {
    match value {
        Value::Number(_) => ("number", None),
        Value::Quantity { unit, .. } => ("quantity", Some(unit.as_str())),
        Value::Duration(_) => ("duration", None),
        Value::Date(_) => ("date", None),
        Value::Range { .. } => ("range", None),
        Value::Ordinal(_) => ("ordinal", None),
        Value::Text(_) => ("text", None),
        Value::Between { .. } => ("between", None),
        _ => ("other", None),
    }
}

fn check_span(claim: &Claim, sentence: &str) {
    let span = claim.span;
    assert!(span.start <= span.end && span.end <= sentence.len(), "{span:?} outside {sentence:?}");
    assert!(sentence.is_char_boundary(span.start) && sentence.is_char_boundary(span.end), "{span:?} in {sentence:?}");
    serde_json::to_string(claim).expect("a claim serializes");
}

fuzz_target!(|data: &[u8]| {
    let mut choices = Choices(data);
    let published = match (choices.byte(), choices.byte()) {
        (Some(a), Some(b)) if a % 4 != 0 => Date::new(1990 + i16::from(a % 60), 1, 1)
            .ok()
            .and_then(|d| d.checked_add(jiff::Span::new().days(i64::from(b) + i64::from(a))).ok()),
        _ => None,
    };
    let sentence = sentence(&mut choices);
    for claim in extract::extract(&sentence, &Context { published }) {
        check_span(&claim, &sentence);
        if let Value::Between { lo, hi } = &claim.value {
            assert_eq!(shape(lo), shape(hi), "a range of two kinds: {claim:?}");
            if let (
                Value::Number(a) | Value::Quantity { amount: a, .. },
                Value::Number(b) | Value::Quantity { amount: b, .. },
            ) = (lo.as_ref(), hi.as_ref())
            {
                assert!(a <= b, "a range whose low end is higher: {claim:?}");
            }
        }
        if let Some(previous) = &claim.previous {
            assert_eq!(shape(previous).0, shape(&claim.value).0, "a change across kinds: {claim:?}");
        }
    }
    let (names, mentions) = names_and_mentions(&sentence, &SPELLINGS);
    for claim in &names {
        check_span(claim, &sentence);
    }
    for title in extract::titles(&sentence, &mentions) {
        check_span(&title, &sentence);
        assert!(
            !mentions
                .iter()
                .any(|m| m.span.start < title.span.end && title.span.start < m.span.end && m.span != title.span),
            "a title overlapping a name: {title:?} in {sentence:?}"
        );
    }
});

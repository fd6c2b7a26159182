//! Claims: the dates, ranges, durations, numbers, quantities and ordinals a sentence
//! states, each with its span and normalized [`Value`]; in [`names`], the spellings of
//! the rules' entities and the expansions of their acronyms; and, in [`titles`], the
//! title or role a sentence gives an entity it names.
//!
//! Extraction works on one sentence at a time and knows nothing of rules or files:
//! spans are byte offsets into the sentence text, and the pipeline maps them back into
//! the original file. One file per claim kind.
//!
//! The sentence is tokenized once ([`lexer`]); then, token by token, each extractor
//! tries to read an expression starting there, the longest reading wins and the scan
//! resumes after it. Every extractor looks at a bounded number of tokens, so the whole
//! pass is linear in the sentence.

mod between;
mod calendar;
mod change;
mod date;
mod duration;
mod lexer;
pub mod names;
mod number;
mod ordinal;
mod quantity;
mod range;
mod tense;
mod title;
mod words;

pub use words::is_month_or_weekday;

use jiff::civil::Date;
use serde::Serialize;

use crate::span::Span;
use crate::value::{ClaimKind, Modifier, Value};

pub use title::titles;

use lexer::{Kind, Tokens};
use words::Lex;

/// A claim found in a sentence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Claim {
    /// What kind of claim it is.
    pub kind: ClaimKind,
    /// Byte span of the expression (in the sentence until the pipeline maps it into
    /// the file). Like TIMEX3, it holds the expression only: "on Monday" spans "Monday".
    pub span: Span,
    /// The expression as written.
    pub text: String,
    /// The normalized value.
    pub value: Value,
    /// Approximation or bound ("about", "more than", "early").
    pub modifier: Option<Modifier>,
    /// For numbers: the noun counted ("soldiers").
    pub counted: Option<String>,
    /// For quantities and ages: the unit of `value` ("m", "years", "%").
    pub unit: Option<String>,
    /// For names and expansions: the id of the entity named.
    pub entity: Option<String>,
    /// For changes ("rose from 212 to 1,480"): the value before the change, of the
    /// same kind and unit as `value`, which is the new one.
    pub previous: Option<Value>,
    /// For quantities and numbers with a unit: the unit as the source wrote it
    /// ("feet", "$", "km²", "year-old"), so that reports can show "30 ft (9.14 m)".
    pub unit_as_written: Option<String>,
}

/// What extraction knows besides the sentence.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context {
    /// The source's publication date, the anchor of relative expressions.
    pub published: Option<Date>,
}

/// A time expression as TIMEX3 annotates it, for scoring against annotated corpora:
/// a date range is two of them, its ends.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeMention {
    /// Byte span in the sentence.
    pub span: Span,
    /// [`ClaimKind::Date`] or [`ClaimKind::Duration`].
    pub kind: ClaimKind,
    /// The TIMEX3 value, as the corpora write it.
    pub value: String,
}

/// An expression an extractor read: token indices `from..to` and what it says.
#[derive(Clone, Debug, PartialEq)]
struct Found {
    kind: ClaimKind,
    from: usize,
    to: usize,
    value: Value,
    modifier: Option<Modifier>,
    counted: Option<String>,
    unit: Option<String>,
    /// For ranges: the token ranges of the two ends.
    ends: Option<[(usize, usize); 2]>,
    /// For changes: the value before the change.
    previous: Option<Value>,
}

impl Found {
    fn new(kind: ClaimKind, from: usize, to: usize, value: Value) -> Found {
        Found { kind, from, to, value, modifier: None, counted: None, unit: None, ends: None, previous: None }
    }
}

/// Reads one kind of expression at a token, if one starts there.
type Extractor = fn(&Tokens<'_>, usize, &Context) -> Option<Found>;

/// The extractors, in order of preference when two read equally far.
const EXTRACTORS: [Extractor; 8] =
    [range::at, change::at, between::at, date::at, duration::at, quantity::at, number::at, ordinal::at];

/// Whether an expression can start at token `i`: a number, a word in the tables, or
/// a currency sign. Everything else is skipped without trying the extractors.
fn may_start(t: &Tokens<'_>, i: usize) -> bool {
    match t.kind(i) {
        Some(Kind::Num) => true,
        Some(Kind::Word) => t.lex(i).is_some(),
        Some(Kind::Punct) => matches!(t.punct(i), Some('$' | '€' | '£' | '\'' | '’' | '-' | '−')),
        None => false,
    }
}

fn scan<'a>(sentence: &'a str, context: &Context) -> (Tokens<'a>, Vec<Found>) {
    let t = Tokens::new(sentence);
    let mut found = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !may_start(&t, i) {
            i += 1;
            continue;
        }
        let mut best: Option<Found> = None;
        for extractor in EXTRACTORS {
            if let Some(f) = extractor(&t, i, context)
                && f.from == i
                && f.to > i
                && best.as_ref().is_none_or(|b| f.to > b.to)
            {
                best = Some(f);
            }
        }
        match best {
            Some(f) => {
                i = f.to;
                found.push(f);
            }
            None => i += 1,
        }
    }
    (t, found)
}

/// Every claim in `sentence`, ordered by span.
pub fn extract(sentence: &str, context: &Context) -> Vec<Claim> {
    let (t, found) = scan(sentence, context);
    found
        .into_iter()
        .filter_map(|f| {
            let (start, end) = t.span(f.from, f.to)?;
            let unit_as_written = match f.kind {
                ClaimKind::Quantity | ClaimKind::Number if f.unit.is_some() => {
                    quantity::unit_as_written(&t, f.from, f.to)
                }
                _ => None,
            };
            Some(Claim {
                kind: f.kind,
                span: Span::new(start, end),
                text: sentence.get(start..end)?.to_string(),
                value: f.value,
                modifier: f.modifier,
                counted: f.counted,
                unit: f.unit,
                entity: None,
                previous: f.previous,
                unit_as_written,
            })
        })
        .collect()
}

/// The time expressions of `sentence` as TIMEX3 annotates them: dates and durations,
/// with each date range split into its two ends. Used to score extraction against
/// TimeBank-style corpora.
pub fn timexes(sentence: &str, context: &Context) -> Vec<TimeMention> {
    let (t, found) = scan(sentence, context);
    let mut out = Vec::new();
    for f in found {
        let mut push = |from: usize, to: usize, kind: ClaimKind, value: String| {
            if let Some((start, end)) = t.span(from, to) {
                out.push(TimeMention { span: Span::new(start, end), kind, value });
            }
        };
        match (&f.value, f.ends) {
            (Value::Range { start, end }, Some([a, b])) => {
                push(a.0, a.1, ClaimKind::Date, start.to_string());
                push(b.0, b.1, ClaimKind::Date, end.to_string());
            }
            // "30 to 36 hours": two durations, as TIMEX3 annotates a range's ends.
            (Value::Between { lo, hi }, Some([a, b])) if f.kind == ClaimKind::Duration => {
                push(a.0, a.1, ClaimKind::Duration, lo.to_string());
                push(b.0, b.1, ClaimKind::Duration, hi.to_string());
            }
            // TIMEX3 values carry no zone: "4 a.m. EDT Thursday" is `2000-04-06T04:00`.
            (Value::Date(v), _) => push(f.from, f.to, ClaimKind::Date, v.with_zone(None).to_string()),
            (Value::Duration(v), _) => push(f.from, f.to, ClaimKind::Duration, v.to_string()),
            _ => {}
        }
    }
    out
}

/// The modifier words at `i` ("about", "more than", "at least", "up to"), with the
/// index after them.
fn modifier_at(t: &Tokens<'_>, i: usize) -> Option<(Modifier, usize)> {
    // Called before every number: most tokens there are no modifier word, and one look
    // at the first letter spares the dozen comparisons below.
    if t.kind(i) != Some(Kind::Word)
        || !matches!(t.low(i).as_bytes().first(), Some(b'm' | b'l' | b'f' | b'a' | b'u' | b'n' | b'o' | b's' | b'r'))
    {
        return None;
    }
    let two = |a: &str, b: &str| t.is(i, a) && t.is(i + 1, b);
    if two("more", "than") {
        return Some((Modifier::MoreThan, i + 2));
    }
    if two("less", "than") || two("fewer", "than") {
        return Some((Modifier::LessThan, i + 2));
    }
    if two("at", "least") {
        return Some((Modifier::AtLeast, i + 2));
    }
    if two("at", "most") || two("up", "to") {
        return Some((Modifier::AtMost, i + 2));
    }
    if t.is(i, "no") && t.is(i + 1, "more") && t.is(i + 2, "than") {
        return Some((Modifier::AtMost, i + 3));
    }
    if t.is(i, "an") && t.is(i + 1, "estimated") {
        return Some((Modifier::Approx, i + 2));
    }
    if t.is_any(i, &["about", "around", "nearly", "almost", "roughly", "approximately", "some"]) {
        return Some((Modifier::Approx, i + 1));
    }
    if t.is(i, "over") {
        return Some((Modifier::MoreThan, i + 1));
    }
    if t.is(i, "under") {
        return Some((Modifier::LessThan, i + 1));
    }
    None
}

/// True when token `i` is a word that may be the lexicon's `Lex` (helper for the
/// extractors' look-ahead).
fn lex_is(t: &Tokens<'_>, i: usize, f: impl Fn(Lex) -> bool) -> bool {
    t.lex(i).is_some_and(f)
}

#[cfg(test)]
mod tests {
    use jiff::civil::Date;

    use super::{Context, scan};

    /// The work of extracting `sentence`: how many times a token is looked at. Every
    /// extractor looks at a bounded number of tokens from where it starts, so the work
    /// grows linearly with the sentence.
    fn work(sentence: &str, context: &Context) -> usize {
        scan(sentence, context).0.looks()
    }

    /// Long runs of what the extractors look ahead over stay linear: doubling the run
    /// doubles the work (token look-ups), where a scan that looks ahead to the end of
    /// the run from every token would quadruple it.
    #[test]
    fn long_inputs_stay_linear() {
        let context = Context { published: Some(Date::constant(2018, 3, 28)) };
        for unit in [
            "1 ",
            "one thousand ",
            "a year ago ",
            "March 25-",
            "- ",
            "twenty-",
            "$1 ",
            "Monday to ",
            "+1 2 ",
            "2 years, 3 days and 4 hours, 5 minutes ago ",
            "3hrs 15mins ",
            "1 h ",
            "3-4 km ",
            "between 1 and ",
            "from 2 to 3 hours ",
            "1 to ",
            "$3-4 million ",
            "rose from 1 to 2 ",
            "80, up from 64 ",
            "to 3,100 from ",
            "aged 19 to ",
            "5 a.m. ",
            "7 a.m. (1100 GMT) on Saturday ",
            "4:17 a.m. Monday local time or 8:17 p.m. Sunday EST ",
            "Monday when it left at 5 a.m. ",
        ] {
            let run = |bytes: usize| work(&unit.repeat(bytes / unit.len()), &context);
            let (once, twice) = (run(20_000), run(40_000));
            assert!(once > 0, "{unit:?}");
            // Twice the text, twice the work, give or take 1% for the ends of the run.
            assert!(twice * 100 <= once * 201, "{unit:?}: {once} look-ups, then {twice} for twice the text");
        }
    }
}

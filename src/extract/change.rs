//! Changes: "rose from 212 to 1,480", "raised the estimate to 3,100 from 2,400",
//! "climbed to 41,000 from 35,000", "80, up from 64". One claim of the new value, of
//! the new value's kind, with the old value as its `previous`: the old figure is the
//! history of the new one, never a claim of its own that could disagree with another
//! source's current figure.

use super::between::{self, bare};
use super::lexer::{Kind, Tokens};
use super::{Context, Found};
use crate::value::Value;

/// Verbs that say a figure changed, before "from ... to ..." or "to ... from ...".
const CHANGE_VERBS: [&str; 44] = [
    "rose",
    "risen",
    "rises",
    "rise",
    "rising",
    "increased",
    "increases",
    "grew",
    "grown",
    "climbed",
    "climbs",
    "jumped",
    "jumps",
    "soared",
    "surged",
    "fell",
    "fallen",
    "falls",
    "dropped",
    "drops",
    "declined",
    "decreased",
    "went",
    "gone",
    "raised",
    "raises",
    "lowered",
    "lowers",
    "revised",
    "upgraded",
    "downgraded",
    "cut",
    "slashed",
    "boosted",
    "doubled",
    "tripled",
    "swelled",
    "shrank",
    "plunged",
    "plummeted",
    "edged",
    "moved",
    "updated",
    "changed",
];

/// How many words before the figure a change verb may stand ("raised the estimate to
/// 3,100": four).
const VERB_REACH: usize = 5;

/// How far after a figure the "from" of "3,100 from 2,400" may stand: the figure's
/// own length ("$3.1 billion", "12 per cent, down").
const LOOK_AHEAD: usize = 8;

/// Whether a change verb stands within [`VERB_REACH`] words before token `i`, in
/// the same clause (no punctuation between).
fn verb_before(t: &Tokens<'_>, i: usize) -> bool {
    (1..=VERB_REACH.min(i)).map(|back| i - back).take_while(|&b| t.kind(b) == Some(Kind::Word)).any(|b| {
        let w = t.low(b);
        CHANGE_VERBS.contains(&w)
    })
}

/// Reads a change starting at token `i`: "from X to Y" after a change verb, or "Y
/// from X" after one, or "Y, up from X".
pub(super) fn at(t: &Tokens<'_>, i: usize, cx: &Context) -> Option<Found> {
    if t.is(i, "from") {
        if !verb_before(t, i) {
            return None;
        }
        let pair = between::pair(t, i + 1, Some("from"), cx)?;
        let mut found = pair.hi;
        found.from = i;
        found.previous = Some(pair.lo);
        return Some(found);
    }
    // "to 3,100 from 2,400", "41,000 from 35,000", "80, up from 64".
    if !matches!(t.kind(i), Some(Kind::Num)) && t.punct(i).is_none_or(|c| !matches!(c, '$' | '€' | '£')) {
        return None;
    }
    // Most figures are no change: look for the "from" before reading the figure.
    if !(i + 1..i + 1 + LOOK_AHEAD).any(|k| t.is(k, "from")) {
        return None;
    }
    let new = between::end_at(t, i, cx)?;
    let mut k = new.to;
    let comma = t.is_punct(k, ',');
    k += usize::from(comma);
    if t.is_any(k, &["up", "down"]) && t.is(k + 1, "from") {
        k += 1;
    } else if comma || !t.is(k, "from") || !verb_before(t, i) {
        return None;
    }
    let old = old_value(t, k + 1, &new, cx)?;
    let mut found = new;
    found.previous = Some(old.0);
    found.to = old.1;
    Some(found)
}

/// The old value at `j`, read as the kind and unit of `new`: written whole ("from
/// $2.4bn") or as a bare number that takes the new value's unit ("from 64").
fn old_value(t: &Tokens<'_>, j: usize, new: &Found, cx: &Context) -> Option<(Value, usize)> {
    if let Some(old) = between::end_at(t, j, cx)
        && old.kind == new.kind
        && old.unit == new.unit
        && old.modifier.is_none()
    {
        return Some((old.value, old.to));
    }
    let (p, n, to) = bare(t, j)?;
    Some((between::like(t, p, n, new)?, to))
}

#[cfg(test)]
mod tests {
    use super::super::{Context, extract};
    use crate::value::{ClaimKind, Value};

    /// A change claim: span, kind, value, previous, unit.
    type Row = (String, ClaimKind, String, String, Option<String>);

    /// A case: sentence, span, kind, new value, previous value, unit.
    type Case<'a> = (&'a str, &'a str, ClaimKind, &'a str, &'a str, Option<&'a str>);

    /// The claims of `text` with a previous value.
    fn changes(text: &str) -> Vec<Row> {
        extract(text, &Context::default())
            .into_iter()
            .filter_map(|c| {
                let previous = c.previous?.to_string();
                Some((c.text, c.kind, c.value.to_string(), previous, c.unit))
            })
            .collect()
    }

    #[test]
    fn table() {
        use ClaimKind::{Duration, Number, Quantity};
        // (sentence, span, kind, new value, previous value, unit)
        let cases: &[Case<'_>] = &[
            ("The toll rose from 212 to 1,480 overnight.", "from 212 to 1,480", Number, "1480", "212", None),
            ("Officials raised the estimate to 3,100 from 2,400.", "3,100 from 2,400", Number, "3100", "2400", None),
            ("Arrivals climbed to 41,000 from 35,000.", "41,000 from 35,000", Number, "41000", "35000", None),
            ("The count is 80, up from 64.", "80, up from 64", Number, "80", "64", None),
            ("Prices fell to $3.1bn from $4bn.", "$3.1bn from $4bn", Quantity, "3100000000", "4000000000", Some("USD")),
            ("The wait fell from 48 to 36 hours.", "from 48 to 36 hours", Duration, "PT36H", "PT48H", None),
            ("The water rose from 3 to 5 metres.", "from 3 to 5 metres", Quantity, "5", "3", Some("m")),
            ("Deaths rose from 212 to 1,480 people.", "from 212 to 1,480", Number, "1480", "212", None),
            ("Sales are 12%, down from 15%.", "12%, down from 15%", Quantity, "12", "15", Some("%")),
        ];
        for (text, span, kind, value, previous, unit) in cases {
            let want = vec![(span.to_string(), *kind, value.to_string(), previous.to_string(), unit.map(Into::into))];
            assert_eq!(changes(text), want, "{text}");
        }
    }

    /// The old readings are gone: the old figure is no claim, and "from 212 to 1,480"
    /// after a change verb is no range.
    #[test]
    fn a_change_is_one_claim_of_the_new_value() {
        for text in ["The toll rose from 212 to 1,480 overnight.", "Arrivals climbed to 41,000 from 35,000."] {
            let claims = extract(text, &Context::default());
            assert_eq!(claims.len(), 1, "{text}: {claims:?}");
            assert!(matches!(claims[0].value, Value::Number(_)), "{text}: {claims:?}");
        }
    }

    #[test]
    fn not_changes() {
        for text in [
            "The fire burned from 48 to 50 hours.",
            "They drove from 10 to 12 km north.",
            "It moved, from 3 to 4.",
            "He came home from 2 trips.",
            "The count is 80 from here.",
        ] {
            assert_eq!(changes(text), vec![], "{text}");
        }
    }
}

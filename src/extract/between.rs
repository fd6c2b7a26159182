//! Ranges of amounts: "30 to 36 hours", "between 10 and 12 days", "3-4 metres", "from
//! 48 to 50 hours", "10-12 km", "between 1,000 and 1,500 people", "$3-4 million". One
//! claim whose value is `lo/hi` ([`Value::Between`]) and whose kind is its ends' (a
//! duration, a quantity, a number), never a bare number or two claims. The low end
//! often writes only its number and takes the unit, scale and currency of the high end
//! ("3-4 metres", "$3-4 million"). Date ranges are [`super::range`]'s, age ranges ("aged
//! 19 to 24") [`super::number`]'s, and "rose from 212 to 1,480" is a change
//! ([`super::change`]).

use super::lexer::{Kind, Tokens};
use super::quantity::scaled;
use super::words;
use super::{Context, Found, duration, modifier_at, number, quantity};
use crate::value::{ClaimKind, Extent, IsoDuration, Modifier, Value};

/// Reads a range of amounts starting at token `i`, with an "about" or a "from" or
/// "between" before it.
pub(super) fn at(t: &Tokens<'_>, i: usize, cx: &Context) -> Option<Found> {
    let (modifier, j) = match modifier_at(t, i) {
        Some((Modifier::Approx, j)) => (Some(Modifier::Approx), j),
        Some(_) => return None,
        None => (None, i),
    };
    let (opener, j) = if t.is_any(j, &["from", "between"]) { (Some(t.low(j)), j + 1) } else { (None, j) };
    // Most amounts are no range: look for a separator before reading the ends.
    if !(j + 1..j + 1 + LOOK_AHEAD).any(|k| t.is_dash(k) || t.is_any(k, &["to", "and"])) {
        return None;
    }
    let pair = pair(t, j, opener, cx)?;
    if !ascending(&pair.lo, &pair.hi.value) {
        return None;
    }
    // A range of bare numbers counts something, or is opened by "from" or "between":
    // "won 3-4" is a score, "pages 12-14" a reference.
    if pair.hi.kind == ClaimKind::Number && pair.hi.counted.is_none() && opener.is_none() {
        return None;
    }
    let mut found = pair.hi;
    found.from = i;
    found.value = Value::Between { lo: Box::new(pair.lo), hi: Box::new(found.value) };
    found.modifier = modifier;
    found.ends = Some(pair.ends);
    Some(found)
}

/// How far after its start the separator of a range may stand: the first end's
/// own length ("30 hours to", "$1.5 million to").
const LOOK_AHEAD: usize = 6;

/// Two amounts joined by a dash, "to" or (after "between") "and": the low end's value,
/// read as the high end's kind, and the high end as read.
pub(super) struct Pair {
    /// The first end's value, of the same kind and unit as the second.
    pub lo: Value,
    /// The second end, as its extractor read it (its `from` is where it starts).
    pub hi: Found,
    /// The token ranges of the two ends.
    pub ends: [(usize, usize); 2],
}

/// The separator between two ends at `k`, given the word that opened the pair; the
/// index after it.
fn separator(t: &Tokens<'_>, k: usize, opener: Option<&str>) -> Option<usize> {
    // "3-4", "3 - 4": a dash glued on both sides or spaced on both.
    if t.is_dash(k) && t.glued(k) == t.glued(k + 1) {
        return Some(k + 1);
    }
    let word = if opener == Some("between") { "and" } else { "to" };
    t.is(k, word).then_some(k + 1)
}

/// Two amounts at `j` ("30 to 36 hours", "3 m to 4 m"); the second is read first, and
/// the first takes its kind and unit when it writes only a number.
pub(super) fn pair(t: &Tokens<'_>, j: usize, opener: Option<&str>, cx: &Context) -> Option<Pair> {
    // "30 hours to 36 hours", "$3 million to $4 million": both ends written whole.
    if let Some(first) = whole(t, j, cx)
        && let Some(s) = separator(t, first.to, opener)
        && let Some(second) = end_at(t, s, cx)
        && second.kind == first.kind
        && second.unit == first.unit
        && first.modifier.is_none()
    {
        let ends = [(j, first.to), (s, second.to)];
        return Some(Pair { lo: first.value, hi: second, ends });
    }
    // "30 to 36 hours", "$3-4 million": the first end writes its number only.
    let (p, n, k) = bare(t, j)?;
    let s = separator(t, k, opener)?;
    let hi = match currency(t, j) {
        Some(unit) => {
            let (_, m, to) = bare(t, s)?;
            let mut hi = Found::new(ClaimKind::Quantity, s, to, Value::Quantity { amount: m, unit: unit.to_string() });
            hi.unit = Some(unit.to_string());
            hi
        }
        None => end_at(t, s, cx)?,
    };
    let lo = like(t, p, n, &hi)?;
    if hi.modifier.is_some() {
        return None;
    }
    let ends = [(j, k), (s, hi.to)];
    Some(Pair { lo, hi, ends })
}

/// `n`, the number written at `j`, as a value of the kind and unit of `model` (an end
/// read whole): the model's scale carries over when `n` writes none ("3-4 million"),
/// and so does its unit ("3-4 metres" is 3 m to 4 m).
pub(super) fn like(t: &Tokens<'_>, j: usize, n: f64, model: &Found) -> Option<Value> {
    let own_scale = written(t, j).is_some_and(|raw| raw != n);
    let p = (model.from..model.to).find(|&p| written(t, p).is_some())?;
    let raw = written(t, p)?;
    let (full, _) = scaled(t, p)?;
    let factor = |amount: f64| {
        let by = if own_scale { full } else { raw };
        (by != 0.0).then(|| amount / by)
    };
    Some(match &model.value {
        Value::Number(m) => Value::Number(n * factor(*m)?),
        Value::Quantity { amount, unit } => {
            // Fahrenheit converts by more than a factor: "50-60F" is left out.
            if unit == "C" && *amount != full {
                return None;
            }
            Value::Quantity { amount: n * factor(*amount)?, unit: unit.clone() }
        }
        Value::Duration(d) => {
            let part = d.single()?;
            Value::Duration(IsoDuration::of(n * factor(part.amount)?, part.unit))
        }
        _ => return None,
    })
}

/// The number written at `p` before any scale: digits or number words.
fn written(t: &Tokens<'_>, p: usize) -> Option<f64> {
    match t.num(p) {
        Some(n) => Some(n.value),
        None => words::number_words(t, p).map(|(n, _)| n),
    }
}

/// The currency of a sign at `j` before a number ("$3-4 million"), if any.
fn currency(t: &Tokens<'_>, j: usize) -> Option<&'static str> {
    match t.punct(j)? {
        '$' => Some("USD"),
        '€' => Some("EUR"),
        '£' => Some("GBP"),
        _ => None,
    }
}

/// A number at `j` with its scale ("3", "1.5 million", "two"), after a currency sign
/// if there is one, that is not glued to a word or number before it: where the number
/// starts, its value and the index after it.
pub(super) fn bare(t: &Tokens<'_>, j: usize) -> Option<(usize, f64, usize)> {
    let j = if currency(t, j).is_some() && t.glued(j + 1) { j + 1 } else { j };
    if j > 0 && t.glued(j) && matches!(t.kind(j - 1), Some(Kind::Word | Kind::Num)) {
        return None;
    }
    if t.num(j).is_none() && words::number_words(t, j).is_none() {
        return None;
    }
    // "a dozen" and "an" are no end of a range.
    if t.is_any(j, &["a", "an"]) {
        return None;
    }
    scaled(t, j).map(|(n, k)| (j, n, k))
}

/// A duration or quantity written whole at `j` ("30 hours", "$3 million").
fn whole(t: &Tokens<'_>, j: usize, cx: &Context) -> Option<Found> {
    [duration::at(t, j, cx), quantity::at(t, j, cx)].into_iter().flatten().filter(|f| f.from == j).max_by_key(|f| f.to)
}

/// The second end of a range or a change at `s`: a duration, quantity or count read
/// as if nothing came before it (the dash or "to" before it would otherwise keep the
/// number extractors off it); the longest reading, durations first on a tie.
pub(super) fn end_at(t: &Tokens<'_>, s: usize, cx: &Context) -> Option<Found> {
    let mut best: Option<Found> = None;
    for f in [duration::at(t, s, cx), quantity::end_at(t, s), number::end_at(t, s)].into_iter().flatten() {
        if f.from == s && f.to > s && best.as_ref().is_none_or(|b| f.to > b.to) {
            best = Some(f);
        }
    }
    best
}

/// Whether `lo` lies below `hi` ("36 to 30 hours" is no range).
fn ascending(lo: &Value, hi: &Value) -> bool {
    match (lo.extent(), hi.extent()) {
        (Some(Extent::Interval(a)), Some(Extent::Interval(b))) => a.scale == b.scale && a.hi < b.lo,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Context, extract};
    use crate::value::{ClaimKind, Modifier, Value};

    /// A range claim: span, kind, value, unit, counted.
    type Row = (String, ClaimKind, String, Option<String>, Option<String>);

    /// A case: sentence, span, kind, value, unit, counted.
    type Case<'a> = (&'a str, &'a str, ClaimKind, &'a str, Option<&'a str>, Option<&'a str>);

    /// The range claims of `text`.
    fn ranges(text: &str) -> Vec<Row> {
        extract(text, &Context::default())
            .into_iter()
            .filter(|c| matches!(c.value, Value::Between { .. }))
            .map(|c| (c.text, c.kind, c.value.to_string(), c.unit, c.counted))
            .collect()
    }

    #[test]
    fn table() {
        use ClaimKind::{Duration, Number, Quantity};
        // (sentence, span, kind, value, unit, counted)
        let cases: &[Case<'_>] = &[
            ("The search could take 30 to 36 hours.", "30 to 36 hours", Duration, "PT30H/PT36H", None, None),
            ("They stayed between 10 and 12 days.", "between 10 and 12 days", Duration, "P10D/P12D", None, None),
            ("The wave was 3-4 metres high.", "3-4 metres", Quantity, "3/4", Some("m"), None),
            ("The fire burned from 48 to 50 hours.", "from 48 to 50 hours", Duration, "PT48H/PT50H", None, None),
            ("The queue ran 10-12 km.", "10-12 km", Quantity, "10000/12000", Some("m"), None),
            (
                "Between 1,000 and 1,500 people marched.",
                "Between 1,000 and 1,500",
                Number,
                "1000/1500",
                None,
                Some("people"),
            ),
            ("It will cost $3-4 million.", "$3-4 million", Quantity, "3000000/4000000", Some("USD"), None),
            ("Talks lasted two to three days.", "two to three days", Duration, "P2D/P3D", None, None),
            ("They fled 30 hours to 36 hours later.", "30 hours to 36 hours", Duration, "PT30H/PT36H", None, None),
            ("About 3 - 5 km of road flooded.", "About 3 - 5 km", Quantity, "3000/5000", Some("m"), None),
            ("Some 200-300 homes were lost.", "Some 200-300", Number, "200/300", None, Some("homes")),
            (
                "The bill is 1.5 million to 2 million dollars.",
                "1.5 million to 2 million dollars",
                Quantity,
                "1500000/2000000",
                Some("USD"),
                None,
            ),
        ];
        for (text, span, kind, value, unit, counted) in cases {
            let want =
                vec![(span.to_string(), *kind, value.to_string(), unit.map(Into::into), counted.map(Into::into))];
            assert_eq!(ranges(text), want, "{text}");
        }
        let approx = extract("About 3 - 5 km of road flooded.", &Context::default());
        assert_eq!(approx[0].modifier, Some(Modifier::Approx));
    }

    /// The old readings are gone: no bare number, no second claim for the high end.
    #[test]
    fn a_range_is_one_claim() {
        for text in [
            "The search could take 30 to 36 hours.",
            "The wave was 3-4 metres high.",
            "Between 1,000 and 1,500 people marched.",
        ] {
            let claims = extract(text, &Context::default());
            assert_eq!(claims.len(), 1, "{text}: {claims:?}");
            assert!(matches!(claims[0].value, Value::Between { .. }), "{text}: {claims:?}");
        }
    }

    #[test]
    fn not_ranges() {
        for text in [
            "They won 3-4 at home.",
            "Read pages 12-14 tonight.",
            "Call 555-1234 now.",
            "It fell from 36 to 30 hours.",
            "It ran from 2 to 4 p.m. daily.",
            "Temperatures of 50-60F are normal.",
            "They stayed from March 25 to 28.",
            "It lasted between 2010 and 2012.",
        ] {
            assert_eq!(ranges(text), vec![], "{text}");
        }
    }
}

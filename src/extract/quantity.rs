//! Quantities: numbers with a unit of measure, normalized to one base unit per
//! dimension so that sources using different units compare: lengths in `m`, areas in
//! `m2`, weights in `kg`, temperatures in `C`, speeds in `m/s`, shares in `%`, money in
//! its currency (`USD`, `EUR`, `GBP`...; never converted, exchange rates change), and
//! earthquake `magnitude`.

use super::lexer::{Kind, Tokens, clean_end, counts_next};
use super::words::{self, Lex, unit_word};
use super::{Context, Found, modifier_at};
use crate::value::unit::BASE_UNITS;
use crate::value::{ClaimKind, Value};

/// Reads a quantity starting at token `i`: "610 metres", "$2.3bn", "40%", "about 80
/// miles", "magnitude 7.8".
pub(super) fn at(t: &Tokens<'_>, i: usize, _cx: &Context) -> Option<Found> {
    read(t, i, false)
}

/// A quantity at `i` that ends a range or a change ("3-4 metres" from the "4"): read
/// as if nothing came before it.
pub(super) fn end_at(t: &Tokens<'_>, i: usize) -> Option<Found> {
    read(t, i, true)
}

/// A quantity at `i`; `detached` reads it even after a number and a dash, which
/// otherwise makes it the end of a range that is not its own.
fn read(t: &Tokens<'_>, i: usize, detached: bool) -> Option<Found> {
    let (modifier, j) = match modifier_at(t, i) {
        Some((m, j)) => (Some(m), j),
        None => (None, i),
    };
    // A minus sign only for temperatures ("-5C"): elsewhere a dash before a number is a
    // range or a list.
    if matches!(t.punct(j), Some('-' | '−')) {
        let signed = t.glued(j + 1) && t.kind(j + 1) == Some(Kind::Num) && (j == 0 || !t.glued(j));
        let (amount, unit, to) = measured(t, j + 1, -1.0, false).filter(|(_, u, _)| *u == "C" && signed)?;
        let mut found = Found::new(ClaimKind::Quantity, i, to, Value::Quantity { amount, unit: unit.to_string() });
        found.modifier = modifier;
        found.unit = Some(unit.to_string());
        return Some(found);
    }
    let (amount, unit, to) = magnitude(t, j).or_else(|| money(t, j)).or_else(|| measured(t, j, 1.0, detached))?;
    if !amount.is_finite() {
        return None;
    }
    let amount = if amount.abs() < 1e9 { (amount * 1e6).round() / 1e6 } else { amount };
    let mut found = Found::new(ClaimKind::Quantity, i, to, Value::Quantity { amount, unit: unit.to_string() });
    found.modifier = modifier;
    found.unit = Some(unit.to_string());
    Some(found)
}

/// A number at `j`, in digits or words, with a scale after it ("1.5 million",
/// "2.3bn", "seventy million"): the value and the index after it.
pub(super) fn scaled(t: &Tokens<'_>, j: usize) -> Option<(f64, usize)> {
    let (mut n, mut k) = match t.num(j) {
        Some(n) => (n.value, j + 1),
        None => words::number_words(t, j)?,
    };
    if t.kind(j) == Some(Kind::Num) {
        match t.lex(k) {
            Some(Lex::Scale(s)) if s > 100.0 => {
                n *= s;
                k += 1;
            }
            // "2.3-billion", as Canadian papers write it.
            _ if t.is_dash(k)
                && t.glued(k)
                && t.glued(k + 1)
                && t.lex(k + 1).is_some_and(|l| matches!(l, Lex::Scale(s) if s > 100.0)) =>
            {
                if let Some(Lex::Scale(s)) = t.lex(k + 1) {
                    n *= s;
                }
                k += 2;
            }
            _ if t.glued(k) && t.kind(k) == Some(Kind::Word) => {
                let s = match t.low(k) {
                    "bn" | "b" => 1e9,
                    "mn" | "m" | "mln" => 1e6,
                    "tn" => 1e12,
                    "k" => 1e3,
                    _ => return Some((n, k)),
                };
                n *= s;
                k += 1;
            }
            _ => {}
        }
    }
    Some((n, k))
}

/// "$2.3bn", "US$5 million", "€40", "£3m", "70 million dollars", "500 euros".
fn money(t: &Tokens<'_>, j: usize) -> Option<(f64, &'static str, usize)> {
    let (currency, k) = match (t.punct(j), t.low(j)) {
        (Some('$'), _) => (dollar(t, j), j + 1),
        (Some('€'), _) => ("EUR", j + 1),
        (Some('£'), _) => ("GBP", j + 1),
        // "about US$5", "about C$5": the letters start the quantity after a modifier.
        (_, w) if t.is_punct(j + 1, '$') && t.glued(j + 1) && (w == "us" || dollar(t, j + 1) != "USD") => {
            (dollar(t, j + 1), j + 2)
        }
        _ => {
            let (n, k) = scaled(t, j)?;
            let k = if t.is(k, "us") && t.is(k + 1, "dollars") { k + 1 } else { k };
            // "5 million USD": a currency code as written in rule files and tables.
            if let Some(code) =
                BASE_UNITS.iter().find(|b| b.len() == 3 && t.kind(k) == Some(Kind::Word) && t.raw(k) == **b)
            {
                return Some((n, code, k + 1));
            }
            // "4 million pounds sterling": "pounds" alone may be a weight.
            if t.is_any(k, &["pound", "pounds"]) && t.is(k + 1, "sterling") {
                return Some((n, "GBP", k + 2));
            }
            return match unit_word(t.low(k)) {
                Some((f, unit)) if unit.len() == 3 && t.kind(k) == Some(Kind::Word) => Some((n * f, unit, k + 1)),
                _ => None,
            };
        }
    };
    if t.kind(k) != Some(Kind::Num) || !t.glued(k) {
        return None;
    }
    let (n, to) = scaled(t, k)?;
    Some((n, currency, to))
}

/// The currency of the "$" at `j`, from the country letters glued before it: "C$"
/// (Canadian), "A$", "NZ$", "HK$", "S$"; "US$" and a bare "$" are US dollars.
fn dollar(t: &Tokens<'_>, j: usize) -> &'static str {
    let Some(p) = j.checked_sub(1).filter(|&p| t.glued(j) && t.kind(p) == Some(Kind::Word)) else { return "USD" };
    // "C$" but not "ABC$": the letters are a word of their own.
    if p > 0 && t.glued(p) {
        return "USD";
    }
    match t.raw(p) {
        "C" | "CA" | "Can" => "CAD",
        "A" | "AU" => "AUD",
        "NZ" => "NZD",
        "HK" => "HKD",
        "S" => "SGD",
        _ => "USD",
    }
}

/// "magnitude 7.8", "magnitude-7.8", "a magnitude of 7.8", "7.8-magnitude", "7.8
/// magnitude", "7.8 on the Richter scale", "M7.8", "a 7.8 quake".
fn magnitude(t: &Tokens<'_>, j: usize) -> Option<(f64, &'static str, usize)> {
    if t.is(j, "magnitude") {
        let k = if t.is_dash(j + 1) || t.is(j + 1, "of") { j + 2 } else { j + 1 };
        let n = t.num(k)?;
        return (n.value < 11.0).then_some((n.value, "magnitude", k + 1));
    }
    let n = t.num(j)?;
    if n.value >= 11.0 {
        return None;
    }
    let k = if t.is_dash(j + 1) && t.glued(j + 1) { j + 2 } else { j + 1 };
    if t.is(k, "magnitude") {
        return Some((n.value, "magnitude", k + 1));
    }
    if t.is(j + 1, "on") && t.is(j + 2, "the") && t.is(j + 3, "richter") {
        let to = if t.is(j + 4, "scale") { j + 5 } else { j + 4 };
        return Some((n.value, "magnitude", to));
    }
    // "M7.8", "Mw 7.8": the magnitude scale's letter, a word of its own.
    let letter = j.checked_sub(1).filter(|&m| t.is_any(m, &["m", "mw"]) && (m == 0 || !t.glued(m)));
    if n.decimal && letter.is_some() && !t.is_dash(j + 1) {
        return Some((n.value, "magnitude", j + 1));
    }
    // "a 7.8 quake": a decimal names a magnitude only before the word for a quake.
    let quake = ["quake", "earthquake", "temblor", "tremor", "aftershock", "shock"];
    (n.decimal && !t.glued(j + 1) && t.is_any(j + 1, &quake)).then_some((n.value, "magnitude", j + 1))
}

/// A number and a unit of measure: "610 metres", "2,000 feet", "40%", "40 per cent",
/// "80 km/h", "30 degrees Celsius", "5 square kilometres".
fn measured(t: &Tokens<'_>, j: usize, sign: f64, detached: bool) -> Option<(f64, &'static str, usize)> {
    t.num(j)?;
    if j > 0 && t.glued(j) && matches!(t.kind(j - 1), Some(Kind::Word | Kind::Num)) {
        return None;
    }
    // "3-5 km": the end of a range, not a quantity of its own.
    if !detached && j >= 2 && t.is_dash(j - 1) && t.glued(j) && t.glued(j - 1) && t.kind(j - 2) == Some(Kind::Num) {
        return None;
    }
    // "6.2m", "400m-long": a glued "m" is metres unless a counted noun follows ("6.2m
    // people" is 6.2 million, a count); money with an "m" ("£4m") is read by `money`.
    if t.glued(j + 1) && t.raw(j + 1) == "m" && !counts_next(t, j + 2) && clean_or_dash(t, j + 2) {
        return Some((sign * t.num(j)?.value, "m", j + 2));
    }
    let (n, k) = scaled(t, j)?;
    let n = sign * n;
    if t.is_punct(k, '%') {
        return Some((n, "%", k + 1));
    }
    if t.is(k, "per") && t.is(k + 1, "cent") {
        return Some((n, "%", k + 2));
    }
    // "12 pc", "12pc", "12 pct": newspaper abbreviations of per cent.
    if t.is_any(k, &["pc", "pct"]) {
        return Some((n, "%", k + 1));
    }
    if let Some(done) = temperature(t, n, k) {
        return Some(done);
    }
    // "5 square kilometres", "5 sq km", "5 km2".
    // "12 nautical miles", "200,000 metric tons".
    if t.is(k, "nautical") && t.is_any(k + 1, &["mile", "miles"]) {
        return Some((n * 1852.0, "m", k + 2));
    }
    if t.is(k, "metric") && t.is_any(k + 1, &["ton", "tons"]) {
        return Some((n * 1000.0, "kg", k + 2));
    }
    if t.is_any(k, &["square", "sq"]) {
        let u = if t.is_punct(k + 1, '.') { k + 2 } else { k + 1 };
        if let Some((f, "m")) = unit_word(t.low(u)) {
            return Some((n * f * f, "m2", u + 1));
        }
        return None;
    }
    // "a 10-km race", "a 50-metre pool".
    if t.is_dash(k)
        && t.glued(k)
        && t.glued(k + 1)
        && let Some((f, unit)) = unit_word(t.low(k + 1))
        && unit.len() != 3
        && unit != "magnitude"
        && t.low(k + 1).len() > 1
    {
        return Some((n * f, unit, k + 2));
    }
    if t.kind(k) != Some(Kind::Word) {
        return None;
    }
    let w = t.low(k);
    // "80 km/h", "10 m/s", "50 miles per hour".
    if t.is_punct(k + 1, '/')
        && t.glued(k + 1)
        && t.is(k + 2, "h")
        && let Some((f, "m")) = unit_word(w)
    {
        return Some((n * f / 3600.0, "m/s", k + 3));
    }
    if t.is_punct(k + 1, '/') && t.glued(k + 1) && t.is(k + 2, "s") && w == "m" {
        return Some((n, "m/s", k + 3));
    }
    if t.is(k + 1, "per")
        && t.is(k + 2, "hour")
        && let Some((f, "m")) = unit_word(w)
    {
        return Some((n * f / 3600.0, "m/s", k + 3));
    }
    // "5 km2", "5 km²".
    if let Some((f, "m")) = unit_word(w)
        && t.glued(k + 1)
        && (t.is_punct(k + 1, '²') || t.low(k + 1) == "2")
    {
        return Some((n * f * f, "m2", k + 2));
    }
    match unit_word(w) {
        // Single letters are units only glued to the number ("100m", "5g"): "5 m" may be
        // anything, and "2 g" is rare next to "2 grams".
        Some((_, "m" | "kg")) if (w.len() == 1 || w == "in") && !t.glued(k) => None,
        Some((f, unit)) if unit.len() != 3 || unit == "USD" => {
            // Money words go through `money`; "a magnitude" needs its number after it.
            (unit != "USD" && unit != "magnitude").then_some((n * f, unit, k + 1))
        }
        _ => None,
    }
}

/// Words inside a quantity's span that are no part of its unit: modifiers, the words
/// of ranges and changes, and articles ("about", "between ... and", "up from", "on the
/// Richter scale").
const NOT_UNIT: [&str; 30] = [
    "about",
    "around",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "some",
    "over",
    "under",
    "more",
    "less",
    "fewer",
    "than",
    "at",
    "least",
    "most",
    "up",
    "down",
    "no",
    "an",
    "a",
    "estimated",
    "to",
    "and",
    "between",
    "from",
    "of",
    "on",
    "the",
    "aged",
];

/// The unit of a claim as its source wrote it, for reports ("30 ft (9.14 m)"): the
/// first run of unit words and signs in tokens `from..to` ("feet", "$", "km²", "per
/// cent", "degrees Celsius", "year-old"), without the number, its scale ("million",
/// "bn", the "m" of "£4m") or the words of a range or change. `None` when the span
/// writes no unit ("Smith, 54,").
pub(super) fn unit_as_written(t: &Tokens<'_>, from: usize, to: usize) -> Option<String> {
    let money = (from..to).any(|i| matches!(t.punct(i), Some('$' | '€' | '£')));
    let word = |i: usize| {
        t.kind(i) == Some(Kind::Word)
            && !NOT_UNIT.contains(&t.low(i))
            && !matches!(t.lex(i), Some(Lex::Scale(_)))
            // A scale glued to the number: "2.3bn", "£4m", "5k".
            && !(t.glued(i)
                && i > 0
                && t.kind(i - 1) == Some(Kind::Num)
                && matches!(t.low(i), "bn" | "b" | "mn" | "mln" | "tn" | "k" | "m")
                && (money || t.low(i) != "m"))
    };
    let sign = |i: usize| matches!(t.punct(i), Some('$' | '€' | '£' | '%' | '°' | '²' | '/'));
    let unit = |i: usize| word(i) || sign(i) || (t.is_dash(i) && i > from && word(i - 1) && word(i + 1));
    let first = (from..to).find(|&i| unit(i))?;
    let last = (first..to)
        .take_while(|&i| unit(i) || (t.kind(i) == Some(Kind::Num) && t.glued(i) && t.low(i) == "2"))
        .last()?;
    let (start, end) = t.span(first, last + 1)?;
    t.text.get(start..end).map(str::to_string)
}

/// True when token `k` ends a compact quantity ("6.2m", "400m-long").
fn clean_or_dash(t: &Tokens<'_>, k: usize) -> bool {
    clean_end(t, k) || t.is_dash(k)
}

/// "30 degrees Celsius", "30°C", "86 °F", "30 degrees C".
fn temperature(t: &Tokens<'_>, n: f64, k: usize) -> Option<(f64, &'static str, usize)> {
    // "40C", "104F": a capital letter glued to the number.
    if t.glued(k) && matches!(t.raw(k), "C" | "F") && clean_end(t, k + 1) {
        return match t.raw(k) {
            "C" => Some((n, "C", k + 1)),
            _ => Some(((n - 32.0) * 5.0 / 9.0, "C", k + 1)),
        };
    }
    // "30 Celsius", "86 Fahrenheit".
    match t.low(k) {
        "celsius" | "centigrade" => return Some((n, "C", k + 1)),
        "fahrenheit" => return Some(((n - 32.0) * 5.0 / 9.0, "C", k + 1)),
        _ => {}
    }
    if !t.is_punct(k, '°') && !t.is_any(k, &["degrees", "degree"]) {
        return None;
    }
    let scale_at = k + 1;
    match t.low(scale_at) {
        "c" | "celsius" | "centigrade" => Some((n, "C", scale_at + 1)),
        "f" | "fahrenheit" => Some(((n - 32.0) * 5.0 / 9.0, "C", scale_at + 1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Context, extract};
    use crate::value::{ClaimKind, Modifier, Value};

    fn quantity(text: &str) -> Option<(String, f64, String, Option<Modifier>)> {
        extract(text, &Context::default()).into_iter().find(|c| c.kind == ClaimKind::Quantity).and_then(|c| {
            match c.value {
                Value::Quantity { amount, unit } => Some((c.text, amount, unit, c.modifier)),
                _ => None,
            }
        })
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str, f64, &str, Option<Modifier>)] = &[
            ("The tower is 610 metres tall.", "610 metres", 610.0, "m", None),
            ("The tower is 2,000 feet tall.", "2,000 feet", 609.6, "m", None),
            ("It is 80 miles away.", "80 miles", 128_747.52, "m", None),
            ("It is 80 kilometres away.", "80 kilometres", 80_000.0, "m", None),
            ("The deal is worth $2.3bn.", "$2.3bn", 2.3e9, "USD", None),
            ("Turnout was 40%.", "40%", 40.0, "%", None),
            ("Turnout was 40 per cent.", "40 per cent", 40.0, "%", None),
            ("Shares rose 12 percent.", "12 percent", 12.0, "%", None),
            ("Shares rose 12 pc.", "12 pc", 12.0, "%", None),
            ("Shares rose 12pc on Tuesday.", "12pc", 12.0, "%", None),
            ("Shares rose about 1.5 pct.", "about 1.5 pct", 1.5, "%", Some(Modifier::Approx)),
            ("A magnitude 7.8 quake struck.", "magnitude 7.8", 7.8, "magnitude", None),
            ("A 7.8-magnitude quake struck.", "7.8-magnitude", 7.8, "magnitude", None),
            ("It cost about €40 million.", "about €40 million", 4e7, "EUR", Some(Modifier::Approx)),
            ("Winds reached 120 km/h.", "120 km/h", 33.333333, "m/s", None),
            ("It was 86 degrees Fahrenheit.", "86 degrees Fahrenheit", 30.0, "C", None),
            ("It spans 5 square kilometres.", "5 square kilometres", 5e6, "m2", None),
            ("He paid seventy million dollars.", "seventy million dollars", 7e7, "USD", None),
            ("It weighs 3 tonnes.", "3 tonnes", 3000.0, "kg", None),
            ("Temperatures hit 40C today.", "40C", 40.0, "C", None),
            ("It fell to -5C overnight.", "-5C", -5.0, "C", None),
            ("It was -4 °F.", "-4 °F", -20.0, "C", None),
            ("She won the 10-km race.", "10-km", 10_000.0, "m", None),
            ("The deal is worth US$2.3-billion.", "$2.3-billion", 2.3e9, "USD", None),
            ("The deal is worth US$2.3 billion.", "$2.3 billion", 2.3e9, "USD", None),
            ("The deal is worth C$1.2bn.", "$1.2bn", 1.2e9, "CAD", None),
            ("It cost about C$1.2bn.", "about C$1.2bn", 1.2e9, "CAD", Some(Modifier::Approx)),
            ("It sold for A$40 million.", "A$40 million", 4e7, "AUD", None),
            ("Some 2-million people came, paying $5.", "$5", 5.0, "USD", None),
            ("It had a preliminary magnitude of 7.8.", "magnitude of 7.8", 7.8, "magnitude", None),
            ("A magnitude-6.1 aftershock followed.", "magnitude-6.1", 6.1, "magnitude", None),
            ("It measured 7.8 on the Richter scale.", "7.8 on the Richter scale", 7.8, "magnitude", None),
            ("An M7.8 quake hit Peru.", "7.8", 7.8, "magnitude", None),
            ("A Mw 6.4 event.", "6.4", 6.4, "magnitude", None),
            ("A 7.8 quake hit Peru.", "7.8", 7.8, "magnitude", None),
            ("The 6.2 earthquake struck at dawn.", "6.2", 6.2, "magnitude", None),
            // Compact forms and everyday units.
            ("A 6.2m wave hit the port.", "6.2m", 6.2, "m", None),
            ("The 400m-long ship ran aground.", "400m", 400.0, "m", None),
            ("It carried 8.4t of steel.", "8.4t", 8400.0, "kg", None),
            ("The queue was 40km long.", "40km", 40_000.0, "m", None),
            ("A 12ft wall fell.", "12ft", 3.6576, "m", None),
            ("A 12in pipe burst.", "12in", 0.3048, "m", None),
            ("It sank 12 nautical miles offshore.", "12 nautical miles", 22_224.0, "m", None),
            ("It sank 12 nmi offshore.", "12 nmi", 22_224.0, "m", None),
            ("It lies 3 mi away.", "3 mi", 4828.032, "m", None),
            ("Fire burned 20 square miles.", "20 square miles", 51_799_762.5, "m2", None),
            ("Fire burned 20 sq km.", "20 sq km", 2e7, "m2", None),
            ("Fire burned 20 km² of forest.", "20 km²", 2e7, "m2", None),
            ("Fire burned 500 acres.", "500 acres", 2_023_428.211, "m2", None),
            ("Fire burned 500 hectares.", "500 hectares", 5e6, "m2", None),
            ("It carries 200,000 metric tons.", "200,000 metric tons", 2e8, "kg", None),
            ("It sailed at 13 knots.", "13 knots", 6.687_778, "m/s", None),
            ("It sailed at 13 kt.", "13 kt", 6.687_778, "m/s", None),
            ("It was 30 Celsius.", "30 Celsius", 30.0, "C", None),
            ("The club paid £4m for him.", "£4m", 4e6, "GBP", None),
            ("It cost €3.5 million.", "€3.5 million", 3.5e6, "EUR", None),
            ("It cost $1.2bn.", "$1.2bn", 1.2e9, "USD", None),
            ("It cost US$1.2bn.", "$1.2bn", 1.2e9, "USD", None),
            ("It cost 4 million dollars.", "4 million dollars", 4e6, "USD", None),
            ("It cost 4 million pounds sterling.", "4 million pounds sterling", 4e6, "GBP", None),
        ];
        for (text, span, amount, unit, modifier) in cases {
            let got = quantity(text);
            let Some((s, a, u, m)) = got else { panic!("{text}: nothing") };
            assert_eq!((s.as_str(), u.as_str(), m), (*span, *unit, *modifier), "{text}");
            assert!((a - amount).abs() < 1e-6 * amount.abs().max(1.0), "{text}: {a}");
            // Every unit the extractor writes is one a rule may name.
            assert_eq!(crate::value::unit::base_unit(&u), Some(u.as_str()), "{text}");
        }
    }

    /// What the source wrote for the unit is kept beside the base unit, and a rule
    /// could name it.
    #[test]
    fn units_as_written() {
        for (text, span, written) in [
            ("The tower is 2,000 feet tall.", "2,000 feet", "feet"),
            ("A 12ft wall fell.", "12ft", "ft"),
            ("The club paid £4m for him.", "£4m", "£"),
            ("The deal is worth US$2.3-billion.", "$2.3-billion", "$"),
            ("It cost 4 million dollars.", "4 million dollars", "dollars"),
            ("Fire burned 20 km2 of forest.", "20 km2", "km2"),
            ("Fire burned about 20 square miles.", "about 20 square miles", "square miles"),
            ("Turnout was 40 per cent.", "40 per cent", "per cent"),
            ("It was 86 degrees Fahrenheit.", "86 degrees Fahrenheit", "degrees Fahrenheit"),
            ("Winds reached 120 km/h.", "120 km/h", "km/h"),
            ("A 6.2m wave hit the port.", "6.2m", "m"),
            ("It sank 12 nautical miles offshore.", "12 nautical miles", "nautical miles"),
            ("The wave was 3-4 metres high.", "3-4 metres", "metres"),
            ("Prices fell to $3.1bn from $4bn.", "$3.1bn from $4bn", "$"),
            ("It measured 7.8 on the Richter scale.", "7.8 on the Richter scale", "Richter scale"),
            ("A 25-year-old coach was hurt.", "25-year-old", "year-old"),
        ] {
            let claim = extract(text, &Context::default()).into_iter().find(|c| c.unit.is_some()).unwrap();
            assert_eq!((claim.text.as_str(), claim.unit_as_written.as_deref()), (span, Some(written)), "{text}");
            if claim.kind == ClaimKind::Quantity {
                let rule = crate::value::unit::base_unit(written);
                assert_eq!(rule, claim.unit.as_deref(), "{text}: a rule's `unit: {written}`");
            }
        }
        // No unit written, none kept.
        let smith = extract("Smith, 54, said so.", &Context::default());
        assert_eq!((smith[0].unit.as_deref(), smith[0].unit_as_written.as_deref()), (Some("years"), None));
        let count = extract("The US keeps 28,000 US soldiers there.", &Context::default());
        assert_eq!(count[0].unit_as_written, None);
    }

    /// Every unit a rule may name is one the extractor reads, in the same base unit:
    /// written after a number, glued to it, or before it.
    #[test]
    fn every_unit_rules_accept_is_read() {
        use crate::value::unit::{base_unit, written_spellings};
        for spelling in written_spellings() {
            let base = base_unit(spelling).unwrap();
            let read = [
                format!("It was 5 {spelling} then."),
                format!("It was 5{spelling} then."),
                format!("It was {spelling}5 then."),
            ]
            .iter()
            .any(|text| quantity(text).is_some_and(|(_, _, unit, _)| unit == base));
            assert!(read, "{spelling} ({base}) is accepted by rules but never read");
        }
    }

    #[test]
    fn not_quantities() {
        for text in [
            "He is 5 m",
            "The A380 flew.",
            "Score 3 g",
            "Pages 3-5 km",
            "Rooms 1-4C",
            "It killed 7 quake victims.",
            "Version 2.1 shipped.",
            "He lives in 3 in a row.",
            "Score 3 t",
            "It has 6.2m people.",
        ] {
            assert_eq!(quantity(text), None, "{text}");
        }
    }
}

//! Units of measure: the one vocabulary of units, and the base unit each converts to.
//!
//! The quantity extractor reads a unit word after a number with [`unit_word`] and
//! stores the claim in its dimension's base unit (lengths in `m`, areas in `m2`,
//! weights in `kg`, temperatures in `C`, speeds in `m/s`, shares in `%`, money in its
//! currency, earthquake `magnitude`); a rule's `unit:` is read with [`base_unit`] into
//! the same base unit, so that `unit: ft` takes claims written in metres. Both read the
//! words of [`unit_word`]; the rule side adds the symbols and abbreviations people
//! write in a rule file (`$`, `km²`, `sq mi`, `t`) that the extractor reads through
//! the number's punctuation instead.

/// How a unit converts to its dimension's base unit: the factor and the base unit.
pub type Conv = (f64, &'static str);

/// A unit word (lowered) and how it converts; `None` for words that are no unit.
/// Temperatures are read apart, since Fahrenheit needs more than a factor.
pub fn unit_word(w: &str) -> Option<Conv> {
    Some(match w {
        "m" | "metre" | "metres" | "meter" | "meters" => (1.0, "m"),
        "km" | "kms" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => (1000.0, "m"),
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => (0.01, "m"),
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => (0.001, "m"),
        "mile" | "miles" | "mi" => (1609.344, "m"),
        "nmi" => (1852.0, "m"),
        "ft" | "foot" | "feet" => (0.3048, "m"),
        "inch" | "inches" => (0.0254, "m"),
        "yard" | "yards" | "yd" | "yds" => (0.9144, "m"),
        // Read by the extractor only glued to a number ("12in"): "in" is a preposition.
        "in" => (0.0254, "m"),
        "hectare" | "hectares" | "ha" => (10_000.0, "m2"),
        "acre" | "acres" => (4_046.856_422_4, "m2"),
        "kg" | "kilogram" | "kilograms" | "kilogramme" | "kilogrammes" | "kilo" | "kilos" => (1.0, "kg"),
        "g" | "gram" | "grams" | "gramme" | "grammes" => (0.001, "kg"),
        // "t" is read by the extractor only glued to a number ("8.4t").
        "tonne" | "tonnes" | "t" => (1000.0, "kg"),
        "ton" | "tons" => (907.184_74, "kg"),
        "lb" | "lbs" => (0.453_592_37, "kg"),
        "ounce" | "ounces" | "oz" => (0.028_349_523_125, "kg"),
        "mph" => (0.447_04, "m/s"),
        "kph" | "kmh" => (1000.0 / 3600.0, "m/s"),
        "knot" | "knots" | "kt" | "kn" => (1852.0 / 3600.0, "m/s"),
        "percent" => (1.0, "%"),
        "dollar" | "dollars" => (1.0, "USD"),
        "euro" | "euros" => (1.0, "EUR"),
        "yen" => (1.0, "JPY"),
        "yuan" | "renminbi" => (1.0, "CNY"),
        "won" => (1.0, "KRW"),
        "rupee" | "rupees" => (1.0, "INR"),
        "magnitude" => (1.0, "magnitude"),
        _ => return None,
    })
}

/// The base units quantity claims carry, each once: what a rule's `unit:` resolves to.
pub const BASE_UNITS: &[&str] = &[
    "m",
    "m2",
    "kg",
    "C",
    "m/s",
    "%",
    "magnitude",
    "USD",
    "EUR",
    "GBP",
    "JPY",
    "CNY",
    "KRW",
    "INR",
    "CAD",
    "AUD",
    "NZD",
    "HKD",
    "SGD",
];

/// The unit of an age, the one unit a `claim: number` carries ("a 25-year-old").
pub const AGE_UNIT: &str = "years";

/// Whether a rule's `unit:` names [`AGE_UNIT`]: `years`, `year`, `yrs`, `years old`.
pub fn is_age_unit(written: &str) -> bool {
    ["years", "year", "yrs", "yr", "years old"].iter().any(|w| written.trim().eq_ignore_ascii_case(w))
}

/// A rule's `unit:` as claims carry it: the base unit of a unit of measure, [`AGE_UNIT`]
/// for an age, else the text as written (which validation refuses).
pub fn rule_unit(written: &str) -> String {
    match base_unit(written) {
        Some(base) => base.to_string(),
        None if is_age_unit(written) => AGE_UNIT.to_string(),
        None => written.trim().to_string(),
    }
}

/// What a rule writer may write for each dimension, for messages and suggestions: the
/// dimension, its base unit, and spellings [`base_unit`] takes (not all of them).
pub const WRITTEN_UNITS: &[(&str, &str, &[&str])] = &[
    ("length", "m", &["m", "km", "cm", "mm", "ft", "feet", "foot", "mi", "miles", "nmi", "yd", "inches"]),
    ("area", "m2", &["m2", "km2", "km²", "sq km", "sq mi", "sq ft", "hectares", "acres"]),
    ("weight", "kg", &["kg", "g", "t", "tonnes", "tons", "lb", "oz"]),
    ("speed", "m/s", &["m/s", "km/h", "mph", "knots"]),
    ("temperature", "C", &["C", "°C", "°F", "celsius", "fahrenheit"]),
    ("share", "%", &["%", "percent", "per cent"]),
    ("money", "its currency", &["USD", "$", "EUR", "€", "GBP", "£", "JPY", "CNY", "KRW", "INR", "CAD", "AUD"]),
    ("earthquake", "magnitude", &["magnitude"]),
];

/// The base unit of a unit as a rule writes it (`ft`, `sq mi`, `km²`, `$`, `tonnes`,
/// `USD`), or `None` when it is no unit the extractor measures in.
pub fn base_unit(written: &str) -> Option<&'static str> {
    let written = written.trim();
    if let Some(base) = BASE_UNITS.iter().find(|b| b.eq_ignore_ascii_case(written)) {
        return Some(base);
    }
    let lower = written.to_lowercase();
    let lower = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(base) = symbol(&lower) {
        return Some(base);
    }
    if let Some(length) = lower
        .strip_prefix("square ")
        .or_else(|| lower.strip_prefix("sq "))
        .or_else(|| lower.strip_prefix("sq.").map(str::trim_start))
        && length_word(length)
    {
        return Some("m2");
    }
    if let Some(length) = lower.strip_suffix('2').or_else(|| lower.strip_suffix('²'))
        && length_word(length)
    {
        return Some("m2");
    }
    unit_word(&lower).map(|(_, base)| base)
}

/// Whether a written unit is a length, as in "sq mi", "km2".
fn length_word(word: &str) -> bool {
    matches!(symbol(word), Some("m")) || matches!(unit_word(word), Some((_, "m")))
}

/// Symbols and abbreviations of a rule file that are no word the extractor reads after a
/// number: it reads `%`, `$`, `°C` and `km/h` through the punctuation around the number.
fn symbol(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "%" | "per cent" | "pc" | "pct" => "%",
        "$" | "us$" => "USD",
        "€" => "EUR",
        "£" | "pound sterling" | "pounds sterling" => "GBP",
        "c$" => "CAD",
        "a$" => "AUD",
        "°c" | "celsius" | "centigrade" | "°f" | "fahrenheit" | "degrees celsius" | "degrees fahrenheit" => "C",
        "km/h" | "mi/h" => "m/s",
        "nautical mile" | "nautical miles" => "m",
        "metric ton" | "metric tons" => "kg",
        "richter" | "richter scale" => "magnitude",
        _ => return None,
    })
}

/// Every spelling of [`WRITTEN_UNITS`], for "did you mean".
pub fn written_spellings() -> impl Iterator<Item = &'static str> {
    WRITTEN_UNITS.iter().flat_map(|(_, _, spellings)| spellings.iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_people_write_resolves_to_the_extractors_base_unit() {
        for (written, base) in [
            ("ft", "m"),
            ("feet", "m"),
            ("foot", "m"),
            ("km", "m"),
            ("mi", "m"),
            ("miles", "m"),
            ("nmi", "m"),
            ("sq mi", "m2"),
            ("square miles", "m2"),
            ("km2", "m2"),
            ("km²", "m2"),
            ("m2", "m2"),
            ("t", "kg"),
            ("tonnes", "kg"),
            ("USD", "USD"),
            ("usd", "USD"),
            ("$", "USD"),
            ("€", "EUR"),
            ("%", "%"),
            ("percent", "%"),
            ("°C", "C"),
            ("km/h", "m/s"),
            ("magnitude", "magnitude"),
        ] {
            assert_eq!(base_unit(written), Some(base), "{written}");
        }
        for unknown in ["fet", "furlong", "", "sq kg", "kg2", "years"] {
            assert_eq!(base_unit(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn every_listed_spelling_is_taken_and_every_base_unit_is_listed() {
        for (_, base, spellings) in WRITTEN_UNITS {
            for spelling in *spellings {
                let resolved = base_unit(spelling);
                assert!(resolved.is_some(), "{spelling}");
                if *base != "its currency" {
                    assert_eq!(resolved, Some(*base), "{spelling}");
                }
            }
        }
        for base in BASE_UNITS {
            assert_eq!(base_unit(base), Some(*base));
        }
    }
}

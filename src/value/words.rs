//! Values in words, for messages and reports: `P2D` is "2 days", a quantity carries its
//! unit ("35 km", "2.5 billion USD"), and long numbers their scale words.

use super::timex::{DurationUnit, IsoDuration};
use super::{Value, format_number};

/// A value in words where that reads better: `P2D` is "2 days", a quantity carries
/// its unit ("35 km", "2.5 billion USD"), and long numbers their scale words.
pub fn describe(value: &Value) -> String {
    match value {
        Value::Duration(d) => duration_words(d).unwrap_or_else(|| d.to_string()),
        Value::Quantity { amount, unit } => match unit.as_str() {
            "m" if amount.abs() >= 1000.0 => format!("{} km", readable(amount / 1000.0)),
            "kg" if amount.abs() >= 1000.0 => format!("{} t", readable(amount / 1000.0)),
            "m2" if amount.abs() >= 1e6 => format!("{} km²", readable(amount / 1e6)),
            "%" => format!("{}%", readable(*amount)),
            _ => format!("{} {unit}", readable(*amount)),
        },
        Value::Number(n) => readable(*n),
        // "30 to 36 hours", "3 to 4 m": the unit once, after the high end, when both
        // ends are in it.
        Value::Between { lo, hi } => {
            let (lo, hi) = (describe(lo), describe(hi));
            match (lo.split_once(' '), hi.split_once(' ')) {
                (Some((amount, unit)), Some((_, high_unit)))
                    if unit == high_unit || unit.to_string() + "s" == high_unit =>
                {
                    format!("{amount} to {hi}")
                }
                _ => format!("{lo} to {hi}"),
            }
        }
        other => other.to_string(),
    }
}

/// A number with at most four significant digits after the point, and "million" or
/// "billion" for large round amounts.
fn readable(n: f64) -> String {
    let scaled = [(1e9, " billion"), (1e6, " million")]
        .into_iter()
        .find(|(scale, _)| n.abs() >= *scale && (n / scale * 1000.0).fract() == 0.0);
    match scaled {
        Some((scale, word)) => format!("{}{word}", format_number(n / scale)),
        None => {
            let digits = if n.abs() >= 100.0 { 1 } else { 3 };
            let factor = 10f64.powi(digits);
            format_number((n * factor).round() / factor)
        }
    }
}

/// A duration of one unit in words ("2 days"); `None` for mixed (`P2Y6M`), vague
/// (`PXW`) or decade and century durations, which are shown as written.
fn duration_words(duration: &IsoDuration) -> Option<String> {
    let part = duration.single()?;
    let name = match part.unit {
        DurationUnit::Year => "year",
        DurationUnit::Month => "month",
        DurationUnit::Week => "week",
        DurationUnit::Day => "day",
        DurationUnit::Hour => "hour",
        DurationUnit::Minute => "minute",
        DurationUnit::Second => "second",
        DurationUnit::Decade | DurationUnit::Century => return None,
    };
    let amount = format_number(part.amount);
    let plural = if amount == "1" { "" } else { "s" };
    Some(format!("{amount} {name}{plural}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::ClaimKind;

    #[test]
    fn values_read_as_words() {
        let duration = |text: &str| Value::Duration(text.parse().unwrap());
        assert_eq!(describe(&duration("P2D")), "2 days");
        assert_eq!(describe(&duration("PT48H")), "48 hours");
        assert_eq!(describe(&duration("P1Y")), "1 year");
        assert_eq!(describe(&duration("PXW")), "PXW");
        assert_eq!(describe(&duration("P2Y6M")), "P2Y6M");
        assert_eq!(describe(&duration("P2DE")), "P2DE");
        assert_eq!(describe(&Value::Date("2018-03".parse().unwrap())), "2018-03");
        assert_eq!(describe(&Value::Quantity { amount: 35000.0, unit: "m".into() }), "35 km");
        assert_eq!(describe(&Value::Quantity { amount: 9977.9328, unit: "m".into() }), "9.978 km");
        assert_eq!(describe(&Value::Quantity { amount: 2.5e9, unit: "USD".into() }), "2.5 billion USD");
        assert_eq!(describe(&Value::Quantity { amount: 12.0, unit: "%".into() }), "12%");
        assert_eq!(describe(&Value::Quantity { amount: 13_467_938_173.747_2, unit: "m2".into() }), "13467.9 km²");
        assert_eq!(describe(&Value::Quantity { amount: 7.8, unit: "magnitude".into() }), "7.8 magnitude");
        assert_eq!(describe(&Value::Number(28000.0)), "28000");
        assert_eq!(describe(&Value::Number(1_500_000.0)), "1.5 million");
        let between = |kind, text: &str, unit| describe(&Value::read(kind, text, unit).unwrap());
        assert_eq!(between(ClaimKind::Duration, "PT30H/PT36H", None), "30 to 36 hours");
        assert_eq!(between(ClaimKind::Duration, "PT1H/PT2H", None), "1 to 2 hours");
        assert_eq!(between(ClaimKind::Quantity, "3/4", Some("m")), "3 to 4 m");
        assert_eq!(between(ClaimKind::Number, "19/24", None), "19 to 24");
        assert_eq!(between(ClaimKind::Duration, "P1D/P2W", None), "1 day to 2 weeks");
    }
}

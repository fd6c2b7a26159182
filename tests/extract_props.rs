//! Properties of extraction on arbitrary text: it never panics, every span lies on
//! character boundaries inside the sentence and holds the claim's text, and the same
//! input always gives the same claims.

use factlint::extract::{Context, extract, timexes};
use jiff::civil::Date;
use proptest::prelude::*;

/// Text that looks like news prose often enough to reach the extractors' deep paths:
/// words from their tables, digits, dashes, currency signs and multi-byte characters.
fn prose() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "March",
        "Mar.",
        "May",
        "28",
        "2018",
        "1950",
        "-",
        "–",
        "53",
        ",",
        ".",
        " ",
        "on",
        "Monday",
        "from",
        "to",
        "Sunday",
        "Wednesday",
        "between",
        "and",
        "about",
        "40",
        "days",
        "a",
        "4",
        "day",
        "hours",
        "minutes",
        "mins",
        "hr",
        "$",
        "2.3",
        "bn",
        "%",
        "feet",
        "km",
        "/",
        "h",
        "°",
        "C",
        "last",
        "next",
        "this",
        "week",
        "year",
        "ago",
        "the",
        "1990",
        "s",
        "'",
        "’",
        "early",
        "mid",
        "9.45",
        "pm",
        "a.m.",
        ":",
        "30",
        "twenty",
        "one",
        "first",
        "21",
        "st",
        "aged",
        "year",
        "old",
        "Smith",
        "é",
        "日本",
        "🙂",
        "\u{300}",
        "magnitude",
        "7.8",
        "of",
        "quarter",
        "third",
        "\n",
        "123456789012345678",
        "99,999,999",
        "nineteen",
        "ninety",
        "hundred",
        "million",
        // Ranges, changes, counts and units as editors write them.
        "rose",
        "up",
        "dozen",
        "member",
        "m",
        "t",
        "£",
        "nautical",
        "miles",
        "square",
        "²",
        "sterling",
        "USD",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

fn contexts() -> impl Strategy<Value = Context> {
    prop_oneof![
        Just(Context { published: None }),
        (1900i16..2100, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| Context { published: Some(Date::constant(y, m, d)) }),
    ]
}

fn check(sentence: &str, context: &Context) {
    let claims = extract(sentence, context);
    for claim in &claims {
        let (start, end) = (claim.span.start, claim.span.end);
        assert!(start <= end && end <= sentence.len(), "{claim:?} outside {sentence:?}");
        assert!(sentence.is_char_boundary(start) && sentence.is_char_boundary(end), "{claim:?} in {sentence:?}");
        assert_eq!(claim.text, sentence[start..end], "{sentence:?}");
    }
    for pair in claims.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start, "claims overlap in {sentence:?}");
    }
    assert_eq!(claims, extract(sentence, context), "{sentence:?}");
    for timex in timexes(sentence, context) {
        assert!(sentence.get(timex.span.start..timex.span.end).is_some(), "{timex:?} in {sentence:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings(sentence in any::<String>(), context in contexts()) {
        check(&sentence, &context);
    }

    #[test]
    fn prose_like_strings(sentence in prose(), context in contexts()) {
        check(&sentence, &context);
    }
}

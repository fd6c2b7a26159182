//! Fuzz target `extract`: claims of any sentence, with or without a publication date,
//! have spans inside the sentence on character boundaries.
//!
//! It calls `factlint::extract::extract` as the pipeline does, so it exercises whatever
//! extractors the crate has when it is built.
#![no_main]

use factlint::extract::{self, Context};
use jiff::civil::Date;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((head, rest)) = data.split_first_chunk::<3>() else { return };
    let Ok(sentence) = std::str::from_utf8(rest) else { return };
    // Two bytes pick a day between 1900 and 2100 (or none), so relative expressions
    // are resolved against odd dates too: leap days, year ends.
    let day = u16::from_le_bytes([head[0], head[1]]);
    let published = (head[2] % 4 != 0)
        .then(|| Date::new(1900 + (day % 201) as i16, 1, 1).ok())
        .flatten()
        .and_then(|d| d.checked_add(jiff::Span::new().days(i64::from(day % 366))).ok());
    let claims = extract::extract(sentence, &Context { published });
    for claim in &claims {
        let span = claim.span;
        assert!(span.start <= span.end && span.end <= sentence.len(), "{span:?} outside {sentence:?}");
        assert!(sentence.is_char_boundary(span.start) && sentence.is_char_boundary(span.end));
        let _ = serde_json::to_string(claim);
    }
});

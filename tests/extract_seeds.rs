//! The seed articles' claims that the issue says must hold: read through the real
//! pipeline (manifest dates, sentences, extraction), so a change anywhere along the
//! way that breaks them shows here.

use std::path::PathBuf;

use factlint::extract::Claim;
use factlint::pipeline::claims_of;
use factlint::segment;
use factlint::source::{Source, discover};
use factlint::value::{ClaimKind, Modifier};

/// (file prefix, kind, text, value, modifier, counted) of one claim.
type Row = (String, ClaimKind, String, String, Option<Modifier>, Option<String>);

/// Every claim of the seeds.
fn seed_claims() -> Vec<Row> {
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let found = discover(&[seeds]);
    let mut out = Vec::new();
    for (path, meta) in found.files {
        let source = Source::read(&path, meta.as_ref(), None).unwrap();
        let sentences = segment::sentences(&source);
        let name = path.file_name().unwrap().to_string_lossy()[..3].to_string();
        let index = factlint::span::LineIndex::new(&source.text);
        for e in claims_of(&source, &index, &sentences) {
            out.push((
                name.clone(),
                e.claim.kind,
                e.claim.text,
                e.claim.value.to_string(),
                e.claim.modifier,
                e.claim.counted,
            ));
        }
    }
    out
}

#[test]
fn seed_claims_hold() {
    let claims = seed_claims();
    let has = |file: &str, kind: ClaimKind, text: &str, value: &str| {
        claims.iter().any(|c| c.0 == file && c.1 == kind && c.2 == text && c.3 == value)
    };
    let range = ClaimKind::DateRange;
    assert!(has("001", range, "from Sunday to Wednesday", "2018-03-25/2018-03-28"));
    assert!(has("004", range, "from Sunday to Wednesday", "2018-03-25/2018-03-28"));
    assert!(has("002", range, "March 25-28", "2018-03-25/2018-03-28"));
    assert!(has("002", ClaimKind::Duration, "4-day", "P4D"));
    assert!(has("000", ClaimKind::Duration, "two days", "P2D"));
    assert!(has("000", ClaimKind::Date, "Monday", "2018-03-26"));
    assert!(has("003", ClaimKind::Date, "Tuesday", "2018-05-08"));
    assert!(has("002", ClaimKind::Date, "December 2011", "2011-12"));
    assert!(has("004", range, "1950-53", "1950/1953"));
    let about_40 = claims.iter().find(|c| c.0 == "003" && c.2 == "about 40 days").unwrap();
    assert_eq!((about_40.3.as_str(), about_40.4), ("P40D", Some(Modifier::Approx)));
    let counts = |file: &str, value: &str, noun: &str| {
        claims.iter().any(|c| c.0 == file && c.1 == ClaimKind::Number && c.3 == value && c.5.as_deref() == Some(noun))
    };
    assert!(counts("003", "28000", "soldiers"));
    assert!(counts("001", "3", "ICBMs"));
    assert!(counts("004", "3", "missiles"));
}

#[test]
fn seed_numbers_are_no_years_or_dates() {
    for c in seed_claims() {
        if c.1 == ClaimKind::Number {
            let n: f64 = c.3.parse().unwrap();
            assert!(!(1900.0..2100.0).contains(&n) || c.5.is_some(), "{c:?} looks like a year");
        }
    }
}

/// Claims serialize with the fields the JSON report and `extract --format jsonl` use.
#[test]
fn claims_serialize() {
    let claims: Vec<Claim> = factlint::extract::extract("About 40 days.", &Default::default());
    let json = serde_json::to_value(&claims).unwrap();
    assert_eq!(json[0]["value"], "P40D");
    assert_eq!(json[0]["modifier"], "approx");
    assert_eq!(json[0]["kind"], "duration");
}

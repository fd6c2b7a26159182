//! Claims written by `factlint extract` read back as the same evidence: typed values
//! parsed once from their TIMEX3 or number text, with kind, span, place and derivation.

use std::process::Command;

use factlint::check::Evidence;
use factlint::value::{ClaimKind, Value};

fn extract(path: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["extract", path])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_extracted_claim_reads_back_as_written() {
    let mut kinds = std::collections::BTreeSet::new();
    let mut read = 0;
    for path in ["seeds", "tests/events"] {
        for line in extract(path).lines() {
            let evidence: Evidence = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
            assert_eq!(serde_json::to_string(&evidence).unwrap(), line);
            kinds.insert(evidence.claim.kind);
            read += 1;
        }
    }
    assert!(read > 250, "only {read} claims read");
    for kind in [ClaimKind::Date, ClaimKind::DateRange, ClaimKind::Duration, ClaimKind::Number, ClaimKind::Quantity] {
        assert!(kinds.contains(&kind), "no {kind} claim was read back");
    }
}

#[test]
fn values_read_back_typed() {
    let line = r#"{"source":"a.txt","line":2,"column":5,"start":30,"end":52,"sentence_index":1,"text":"March 25 to 28, 2018","sentence":"He stayed from March 25 to 28, 2018.","kind":"date-range","value":"2018-03-25/2018-03-28","modifier":null,"derived_from":null}"#;
    let evidence: Evidence = serde_json::from_str(line).unwrap();
    assert_eq!(evidence.claim.span.start, 30);
    assert_eq!(&*evidence.place.sentence, "He stayed from March 25 to 28, 2018.");
    let Value::Range { start, end } = &evidence.claim.value else { panic!("{:?}", evidence.claim.value) };
    assert_eq!((start.to_string(), end.to_string()), ("2018-03-25".into(), "2018-03-28".into()));
    assert_eq!(evidence.claim.value.implied_duration(), Some(Value::Duration("P4D".parse().unwrap())));

    let quantity = line.replace(
        r#""kind":"date-range","value":"2018-03-25/2018-03-28""#,
        r#""kind":"quantity","value":"400","unit":"m""#,
    );
    let evidence: Evidence = serde_json::from_str(&quantity).unwrap();
    assert_eq!(evidence.claim.value, Value::Quantity { amount: 400.0, unit: "m".into() });
    let written = quantity.replace(r#""unit":"m""#, r#""unit":"m","unit_as_written":"metre""#);
    let evidence: Evidence = serde_json::from_str(&written).unwrap();
    assert_eq!(evidence.claim.unit_as_written.as_deref(), Some("metre"));
    let again: Evidence = serde_json::from_str(&serde_json::to_string(&evidence).unwrap()).unwrap();
    assert_eq!(again, evidence);

    // A range of amounts and a change read back typed, and write the same line again.
    let hours = line.replace(
        r#""kind":"date-range","value":"2018-03-25/2018-03-28""#,
        r#""kind":"duration","value":"PT30H/PT36H""#,
    );
    let evidence: Evidence = serde_json::from_str(&hours).unwrap();
    let Value::Between { lo, hi } = &evidence.claim.value else { panic!("{:?}", evidence.claim.value) };
    assert_eq!((lo.to_string(), hi.to_string()), ("PT30H".into(), "PT36H".into()));
    assert_eq!(serde_json::to_string(&evidence).unwrap(), hours);
    let change = line.replace(
        r#""kind":"date-range","value":"2018-03-25/2018-03-28","modifier":null"#,
        r#""kind":"number","value":"1480","modifier":null,"previous":"212""#,
    );
    let evidence: Evidence = serde_json::from_str(&change).unwrap();
    assert_eq!(evidence.claim.previous, Some(Value::Number(212.0)));
    assert_eq!(serde_json::to_string(&evidence).unwrap(), change);

    let bad = line.replace("2018-03-25/2018-03-28", "next spring");
    let error = serde_json::from_str::<Evidence>(&bad).unwrap_err().to_string();
    assert!(error.contains("not a date-range value: \"next spring\""), "{error}");
}

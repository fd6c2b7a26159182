//! The desk's record: a fact's `value:` judged against the seed articles, one source
//! at a time and all together. The rules (tests/rules/record) give the dates of Kim
//! Jong Un's first visit to China as the record of both its dates and its length.

use std::process::Command;

use serde_json::Value;

fn check(args: &[&str]) -> (Option<i32>, Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", "--rules", "tests/rules/record", "--format", "json"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let report = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
    });
    (out.status.code(), report)
}

/// (id, kind, message) of every finding.
fn findings(report: &Value) -> Vec<(String, String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["id"].as_str().unwrap().into(),
                f["kind"].as_str().unwrap().into(),
                f["message"].as_str().unwrap().into(),
            )
        })
        .collect()
}

#[test]
fn one_draft_contradicts_the_record_alone() {
    let (code, report) = check(&["seeds/000_6c0d67ebaf356fed.txt"]);
    assert_eq!(code, Some(1));
    assert_eq!(report["summary"]["sources"], 1);
    assert_eq!(
        findings(&report),
        [(
            "first-china-visit-length".to_string(),
            "record".to_string(),
            "2 days (1 source: 000_6c0d67ebaf356fed.txt) contradicts the record: 4 days".to_string()
        )]
    );
    let finding = &report["findings"][0];
    assert_eq!(finding["severity"], "error");
    assert_eq!(finding["note"], "the record is `value: March 25-28, 2018` in the rules, after Xinhua, 2018-03-28");
    let draft = &finding["claims"][0];
    assert_eq!(
        (&draft["source"], &draft["line"], &draft["column"], &draft["text"], &draft["value"]),
        (&"seeds/000_6c0d67ebaf356fed.txt".into(), &8.into(), &336.into(), &"two days".into(), &"P2D".into())
    );
    // The record is shown where the rules write it.
    let record = &finding["claims"][1];
    assert_eq!(
        (&record["source"], &record["line"], &record["column"], &record["value"]),
        (&"tests/rules/record/visit.yaml".into(), &24.into(), &12.into(), &"P4D".into())
    );
    assert_eq!(record["sentence"], "    value: March 25-28, 2018");
}

#[test]
fn claims_that_agree_with_the_record_are_silent() {
    for seed in ["seeds/001_c4cfb127ccf8dd3d.txt", "seeds/002_1e4dbd935148d1bc.txt"] {
        let (code, report) = check(&[seed]);
        let records: Vec<_> = findings(&report).into_iter().filter(|f| f.1 == "record").collect();
        assert!(records.is_empty(), "{seed}: {records:?}");
        assert_eq!(code, Some(0), "{seed}: {:?}", findings(&report));
    }
}

#[test]
fn among_all_seeds_only_the_contradiction_is_a_record_finding() {
    let (_, report) = check(&["seeds"]);
    let records: Vec<_> = findings(&report).into_iter().filter(|f| f.1 == "record").collect();
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(records[0].0, "first-china-visit-length");
    assert!(records[0].2.starts_with("2 days (1 source: 000_6c0d67ebaf356fed.txt)"), "{}", records[0].2);
}

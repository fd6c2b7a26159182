//! `factlint explain` end to end: on the seeds (the repository's factlint.yaml) and on
//! a small corpus made at test time. The decisions that matter are asserted; the text
//! output is snapshot-tested as a reader sees it.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn factlint_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint")).args(args).current_dir(dir).output().unwrap()
}

fn factlint(args: &[&str]) -> Output {
    factlint_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

/// (text as written, decision) of every candidate of a fact's explanation.
fn decisions(explained: &Value) -> Vec<(String, String)> {
    explained["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["claim"]["text"].as_str().unwrap().to_string(), c["decision"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn a_fact_shows_every_candidate_with_its_decision() {
    let out = factlint(&["explain", "first-china-visit-length", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let explained = json(&out);
    assert_eq!(explained["fact"], "first-china-visit-length");
    let decisions = decisions(&explained);
    let has = |text: &str, decision: &str| decisions.iter().any(|(t, d)| t == text && d == decision);
    assert!(has("from Sunday to Wednesday", "taken"), "{decisions:?}");
    assert!(has("the past six years", "longer-than-during"), "{decisions:?}");
    assert!(has("two days", "outside-during"), "{decisions:?}");
    assert!(has("about 40 days", "no-cue"), "{decisions:?}");
    // No claim of another kind is listed as a candidate.
    assert!(explained["candidates"].as_array().unwrap().iter().all(|c| c["claim"]["kind"] == "duration"));
    let reason = explained["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["decision"] == "outside-during")
        .map(|c| c["reason"].as_str().unwrap().to_string())
        .unwrap();
    assert!(reason.contains("2018-03-20/2018-04-05"), "{reason}");
    // The consensus is the four days most sources give; each pair says why.
    assert_eq!(explained["standing"]["consensus"]["value"], "P4D");
    let pairs = explained["pairs"].as_array().unwrap();
    assert!(!pairs.is_empty());
    assert!(pairs.iter().all(|p| p["why"].as_str().is_some_and(|w| w.contains("overlap"))), "{pairs:?}");
}

#[test]
fn a_line_shows_every_claim_and_the_facts_that_took_or_refused_it() {
    let out = factlint(&["explain", "seeds/002_1e4dbd935148d1bc.txt:7", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let explained = json(&out);
    let claims = explained["claims"].as_array().unwrap();
    let december = claims.iter().find(|c| c["claim"]["text"] == "December 2011").unwrap();
    let facts: Vec<(&str, &str)> = december["facts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["fact"].as_str().unwrap(), f["decision"].as_str().unwrap()))
        .collect();
    assert!(facts.contains(&("kim-took-power", "taken")), "{facts:?}");
    assert!(facts.contains(&("kim-jong-il-last-china-visit", "no-entity")), "{facts:?}");
    assert!(claims.iter().all(|c| c["claim"]["line"] == 7));
}

#[test]
fn bad_targets_say_what_is_wrong() {
    let out = factlint(&["explain", "first-china-visit-lenght"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean `first-china-visit-length`"), "{err}");

    let out = factlint(&["explain", "elsewhere.txt:3"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not among the sources read"));

    let out = factlint(&["explain", "seeds/002_1e4dbd935148d1bc.txt:2"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("no claim on this line"));
}

const SHIP_RULES: &str = "
facts:
  ship-length:
    claim: quantity
    unit: m
    cues: [long, length]
    exclude: [Perth]
";

#[test]
fn the_cue_governs_the_claim_of_its_clause() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("rules.yaml"), SHIP_RULES).unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "The carrier is over 400 meters long and about 30 meters wide.\n\nIts hull, 400 metres long, was built far from here, a yard in Perth said.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.txt"), "The vessel is 400 metres long.\n").unwrap();
    let out = factlint_in(dir.path(), &["explain", "ship-length", "--rules", "rules.yaml", "--format", "json", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let explained = json(&out);
    let decisions = decisions(&explained);
    assert_eq!(
        decisions,
        [
            ("over 400 meters".to_string(), "taken".to_string()),
            ("about 30 meters".to_string(), "another-claim-nearer".to_string()),
            // `Perth` stands in another clause: it does not exclude the length.
            ("400 metres".to_string(), "taken".to_string()),
            ("400 metres".to_string(), "taken".to_string()),
        ]
    );
    assert_eq!(explained["findings"].as_array().unwrap().len(), 0);
}

/// What a reader sees; the assertions above say what matters.
#[test]
fn explanations_read_as_reviewed() {
    let fact = factlint(&["explain", "first-china-visit-length"]);
    let line = factlint(&["explain", "seeds/002_1e4dbd935148d1bc.txt:7"]);
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("explain-fact-text", String::from_utf8_lossy(&fact.stdout));
        insta::assert_snapshot!("explain-line-text", String::from_utf8_lossy(&line.stdout));
    });
}

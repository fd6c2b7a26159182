//! End to end on the seed articles: the findings a careful fact checker expects
//! (`seeds/README.md`), through the binary and through the library.

use std::path::Path;
use std::process::{Command, Output};

use factlint::pipeline::{self, Analysis, Checker, RunOptions};
use factlint::rules::RuleSet;
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn factlint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint")).args(args).current_dir(root()).output().unwrap()
}

fn json_report(extra: &[&str]) -> Value {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    let out = factlint(&args);
    assert!(out.status.code().is_some_and(|c| c <= 1), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn findings<'a>(report: &'a Value, id: &str, kind: &str) -> Vec<&'a Value> {
    report["findings"].as_array().unwrap().iter().filter(|f| f["id"] == id && f["kind"] == kind).collect()
}

/// (source file name, claim text, value) of each claim of a finding.
fn claims(finding: &Value) -> Vec<(String, String, String)> {
    finding["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let source = c["source"].as_str().unwrap();
            let name = source.rsplit('/').next().unwrap().to_string();
            (name, c["text"].as_str().unwrap().to_string(), c["value"].as_str().unwrap().to_string())
        })
        .collect()
}

fn analyses() -> Vec<Analysis> {
    let rules = RuleSet::load(&[root().join("rules")]).unwrap();
    let checker = Checker::new(rules).unwrap();
    let (analyses, failures) = pipeline::analyze_all(&[root().join("seeds")], &checker, &RunOptions::default());
    assert!(failures.is_empty(), "{failures:?}");
    analyses
}

fn fact_index(id: &str) -> usize {
    let rules = RuleSet::load(&[root().join("rules")]).unwrap();
    rules.facts.keys().position(|k| k == id).unwrap()
}

#[test]
fn the_length_of_the_first_visit_is_in_conflict() {
    let report = json_report(&[]);
    let conflicts = findings(&report, "first-china-visit-length", "conflict");
    assert_eq!(conflicts.len(), 1, "{report:#}");
    let claims = claims(conflicts[0]);
    let outliers: Vec<_> = claims.iter().filter(|c| c.2 == "P2D").collect();
    assert_eq!(outliers.len(), 1, "{claims:?}");
    assert!(outliers[0].0.starts_with("000_") && outliers[0].1 == "two days", "{claims:?}");
    let four: Vec<&str> = claims.iter().filter(|c| c.2 == "P4D").map(|c| &c.0[..3]).collect();
    for source in ["001", "002", "004"] {
        assert!(four.contains(&source), "{source} missing from {claims:?}");
    }
    assert!(!claims.iter().any(|c| c.0.starts_with("003_")), "{claims:?}");
    let message = conflicts[0]["message"].as_str().unwrap();
    assert!(message.starts_with("2 days (1 source"), "{message}");
    // Every claim carries its evidence.
    for claim in conflicts[0]["claims"].as_array().unwrap() {
        assert!(claim["line"].as_u64().unwrap() >= 1);
        assert!(claim["column"].as_u64().unwrap() >= 1);
        let (text, sentence) = (claim["text"].as_str().unwrap(), claim["sentence"].as_str().unwrap());
        assert!(sentence.contains(text), "{text:?} not in its sentence {sentence:?}");
    }
}

#[test]
fn agreements_are_not_conflicts() {
    let report = json_report(&[]);
    for id in ["first-china-visit-dates", "kim-took-power", "kim-jong-il-last-china-visit", "icbm-tests-2017"] {
        assert!(findings(&report, id, "conflict").is_empty(), "{id}: {report:#}");
    }
}

#[test]
fn the_visit_dates_agree_on_march_25_to_28() {
    let dates = fact_index("first-china-visit-dates");
    let mut sources = Vec::new();
    for analysis in analyses() {
        for selected in analysis.selected.iter().filter(|s| s.fact == dates) {
            assert_eq!(selected.evidence.claim.value.to_string(), "2018-03-25/2018-03-28", "{selected:?}");
            sources.push(analysis.summary.path.rsplit('/').next().unwrap()[..3].to_string());
        }
    }
    sources.dedup();
    assert_eq!(sources, ["001", "002", "004"]);
}

#[test]
fn the_second_visit_and_captions_land_in_no_first_visit_fact() {
    let first_visit = [fact_index("first-china-visit-dates"), fact_index("first-china-visit-length")];
    for analysis in analyses() {
        let name = analysis.summary.path.rsplit('/').next().unwrap().to_string();
        for selected in &analysis.selected {
            if name.starts_with("003_") {
                assert!(!first_visit.contains(&selected.fact), "003 in a first-visit fact: {selected:?}");
            }
            let value = selected.evidence.claim.value.to_string();
            for trap in ["2017-09-15", "2017-04-20", "2021-10-21"] {
                assert!(!value.contains(trap), "caption or footer date in a fact: {selected:?}");
            }
        }
    }
}

#[test]
fn names_and_expansions_are_checked() {
    let report = json_report(&[]);
    let expansion = findings(&report, "dprk", "expansion");
    assert_eq!(expansion.len(), 1, "{report:#}");
    assert!(
        claims(expansion[0]).iter().any(|c| c.0.starts_with("000_") && c.1.contains("Democratic Republic of Korea")),
        "{:?}",
        claims(expansion[0])
    );
    for (entity, variant) in
        [("kim-jong-un", "Kim Jong-un"), ("ri-sol-ju", "Ri Sol-ju"), ("kim-jong-il", "Kim Jong-il")]
    {
        let found = findings(&report, entity, "variant");
        assert!(
            found.iter().any(|f| claims(f).iter().any(|c| c.1 == variant)),
            "no variant {variant} for {entity}: {report:#}"
        );
    }
}

#[test]
fn exit_codes_follow_fail_on() {
    let never = factlint(&["check", "--fail-on", "never"]);
    assert_eq!(never.status.code(), Some(0));
    let info = factlint(&["check", "--fail-on", "info"]);
    assert_eq!(info.status.code(), Some(1));
    let bad = factlint(&["check", "--published", "yesterday"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn output_is_the_same_whatever_the_number_of_threads() {
    let one = factlint(&["check", "--format", "json", "--jobs", "1"]);
    let eight = factlint(&["check", "--format", "json", "--jobs", "8"]);
    let (one, eight) = (String::from_utf8_lossy(&one.stdout), String::from_utf8_lossy(&eight.stdout));
    assert!(one.contains("\"id\": \"first-china-visit-length\""), "{one}");
    assert_eq!(one, eight);
}

#[test]
fn the_json_report_has_the_spec_shape() {
    let report = json_report(&[]);
    assert_eq!(report["version"], 1);
    let sources = report["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 5);
    assert_eq!(sources[0]["published"], "2018-03-28");
    assert_eq!(sources[3]["published"], "2018-05-09");
    for key in ["sources", "sentences", "claims", "findings", "errors"] {
        assert!(report["summary"][key].is_u64(), "summary.{key}");
    }
    assert_eq!(report["summary"]["errors"], 0);
}

/// The seeds' reports as a reader sees them; the assertions above say what matters.
#[test]
fn the_seed_reports_read_as_reviewed() {
    let text = factlint(&["check", "--format", "text"]);
    let json = factlint(&["check", "--format", "json"]);
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("seeds-report-text", String::from_utf8_lossy(&text.stdout));
        insta::assert_snapshot!("seeds-report-json", String::from_utf8_lossy(&json.stdout));
    });
}

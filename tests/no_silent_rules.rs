//! No silent rules (issue 14): a rule's `unit` is read as people write it and refused
//! when unknown; a run with no rules, or that reads no source, is a usage error (exit
//! 2) that says how to go on, not "0 findings".

use std::path::Path;
use std::process::{Command, Output};

use factlint::rules::RuleSet;

fn factlint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint")).args(args).current_dir(dir).env("NO_COLOR", "1").output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const SPAN_IN_FEET: &str = "
facts:
  span:
    claim: quantity
    cues: [long]
    unit: ft
";

#[test]
fn units_as_people_write_them_resolve_to_the_extractors_base_units() {
    let mut yaml = String::from("facts:\n");
    for (i, unit) in
        ["ft", "feet", "km", "mi", "sq mi", "km2", "km²", "nmi", "t", "tonnes", "USD", "$", "%"].iter().enumerate()
    {
        yaml.push_str(&format!("  f{i}:\n    claim: quantity\n    cues: [x]\n    unit: \"{unit}\"\n"));
    }
    yaml.push_str("  age:\n    claim: number\n    cues: [aged]\n    unit: years\n");
    let mut rules = RuleSet::default();
    rules.add(Path::new("units.yaml"), &yaml).unwrap();
    let unit = |id: &str| rules.facts[id].unit.clone().unwrap();
    assert_eq!(unit("f0"), "m");
    assert_eq!(unit("f3"), "m");
    assert_eq!(unit("f4"), "m2");
    assert_eq!(unit("f6"), "m2");
    assert_eq!(unit("f7"), "m");
    assert_eq!(unit("f8"), "kg");
    assert_eq!(unit("f11"), "USD");
    assert_eq!(unit("f12"), "%");
    assert_eq!(unit("age"), "years");
}

#[test]
fn a_fact_in_feet_takes_claims_in_metres() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("docs")).unwrap();
    std::fs::write(dir.path().join("rules.yaml"), SPAN_IN_FEET).unwrap();
    std::fs::write(dir.path().join("docs/a.txt"), "The bridge is 1,280 metres long.\n").unwrap();
    std::fs::write(dir.path().join("docs/b.txt"), "The bridge is 5,000 feet long.\n").unwrap();
    let out = factlint(dir.path(), &["check", "--rules", "rules.yaml", "--format", "json", "docs"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{report}");
    assert_eq!(findings[0]["id"], "span", "{report}");
    let texts: Vec<&str> =
        findings[0]["claims"].as_array().unwrap().iter().filter_map(|c| c["text"].as_str()).collect();
    assert_eq!(texts, ["5,000 feet", "1,280 metres"]);
}

#[test]
fn an_unknown_unit_is_refused_with_a_suggestion_and_the_known_units() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("rules.yaml"), SPAN_IN_FEET.replace("unit: ft", "unit: fet")).unwrap();
    let out = factlint(dir.path(), &["rules", "check", "rules.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let message = stderr(&out);
    assert!(message.starts_with("error: rules.yaml:6:11: fact `span`: unknown unit `fet`"), "{message}");
    assert!(message.contains("did you mean `feet`?"), "{message}");
    assert!(message.contains("`sq mi`") && message.contains("`USD`"), "{message}");
}

#[test]
fn check_without_rules_is_a_usage_error_that_says_how_to_start() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "The bridge is 1,280 metres long.\n").unwrap();
    let out = factlint(dir.path(), &["check", "a.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let message = stderr(&out);
    assert!(message.starts_with("error: no rules:"), "{message}");
    assert!(message.contains("docs/rules.md") && message.contains("facts:"), "{message}");

    for empty in ["", "# nothing yet\n", "facts: {}\nentities: {}\n"] {
        std::fs::write(dir.path().join("rules.yaml"), empty).unwrap();
        let out = factlint(dir.path(), &["check", "--rules", "rules.yaml", "a.txt"]);
        assert_eq!(out.status.code(), Some(2), "{empty:?}");
        let message = stderr(&out);
        assert!(message.starts_with("error: rules.yaml: no fact and no entity"), "{empty:?}: {message}");
        assert!(message.contains("docs/rules.md"), "{message}");
    }
}

#[test]
fn rules_check_with_nothing_to_check_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = factlint(dir.path(), &["rules", "check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("error: no rule files to check"), "{}", stderr(&out));
    std::fs::write(dir.path().join("rules.yaml"), "").unwrap();
    let out = factlint(dir.path(), &["rules", "check", "rules.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("error: rules.yaml: no fact and no entity to check"), "{}", stderr(&out));
}

#[test]
fn a_run_that_reads_no_source_says_what_was_skipped_and_no_ignore_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(dir.path().join("rules.yaml"), SPAN_IN_FEET).unwrap();
    std::fs::write(docs.join(".gitignore"), "*.txt\n").unwrap();
    std::fs::write(docs.join("a.txt"), "The bridge is 1,280 metres long.\n").unwrap();
    std::fs::write(docs.join("notes.pdf"), "not text").unwrap();
    for command in ["check", "extract", "segment"] {
        let out = factlint(dir.path(), &[command, "--rules", "rules.yaml", "docs"]);
        assert_eq!(out.status.code(), Some(2), "{command}");
        let message = stderr(&out);
        assert!(message.starts_with("error: no source read under docs: 3 file(s) found and skipped"), "{message}");
        assert!(message.contains("1 ignored") && message.contains("`--no-ignore` reads them"), "{message}");
        assert!(message.contains("1 hidden") && message.contains("1 not a source by extension"), "{message}");
    }
    let out = factlint(dir.path(), &["check", "--no-ignore", "--rules", "rules.yaml", "--format", "json", "docs"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["sources"].as_array().map(Vec::len), Some(1), "{report}");

    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let out = factlint(dir.path(), &["check", "--rules", "rules.yaml", "empty"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out).trim(), "error: no source read under empty: no files there");
}

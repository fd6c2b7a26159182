//! `factlint discover` and `factlint suggest` on sources written here: the groups and
//! ids found without rules, the values of their disagreements and the confidence order,
//! the suggested rule file (valid, and reproducing the disagreements under `check`),
//! the same output whatever `--jobs`, and bad input.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn factlint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint")).args(args).current_dir(dir).output().unwrap()
}

/// Four reports of one (made-up) grounding: the ship's length and crew agree in three
/// and differ in one; its width is stated by two and agrees.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "harbour-news.txt",
        "Freighter Morning Lark runs aground off Castlepoint\n\
         The Morning Lark, a bulk carrier 290 metres long, ran aground on Tuesday.\n\
         Its 23 crew members were taken off by lifeboat before noon.\n\
         The ship is 45 metres wide and was carrying grain.\n",
    );
    write(
        "coast-daily.txt",
        "Grain ship stuck on reef\n\
         The bulk carrier, which is 290 metres long, struck the reef early on Tuesday.\n\
         All 23 crew members were rescued, the coastguard said.\n\
         Salvage teams expect the work to take weeks.\n",
    );
    write(
        "the-wire.txt",
        "Carrier aground near Castlepoint\n\
         The vessel, 310 metres long, hit the reef on Tuesday morning.\n\
         Officials said 21 crew members were brought ashore.\n\
         At 45 metres wide, the ship blocks the channel.\n",
    );
    write(
        "island-times.txt",
        "Lifeboats reach stranded freighter\n\
         The freighter, 290 metres long, ran onto the reef on Tuesday.\n\
         The 23 crew members were safe, the harbour master said.\n",
    );
    write(
        "sources.yaml",
        "sources:\n\
         \x20 - {path: harbour-news.txt, published: 2025-06-03}\n\
         \x20 - {path: coast-daily.txt, published: 2025-06-03}\n\
         \x20 - {path: the-wire.txt, published: 2025-06-04}\n\
         \x20 - {path: island-times.txt, published: 2025-06-04}\n",
    );
    dir
}

fn report(dir: &Path, args: &[&str]) -> Value {
    let out = factlint(dir, args);
    assert!(out.status.code().is_some_and(|c| c <= 1), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A finding as the tests compare it: id, kind, its values sorted, confidence.
type Found = (String, String, Vec<String>, f64);

/// Every finding of a report, in report order.
fn findings(report: &Value) -> Vec<Found> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let mut values: Vec<String> =
                f["claims"].as_array().unwrap().iter().map(|c| c["value"].as_str().unwrap().to_string()).collect();
            values.sort();
            values.dedup();
            (
                f["id"].as_str().unwrap().to_string(),
                f["kind"].as_str().unwrap().to_string(),
                values,
                f["confidence"].as_f64().unwrap_or(-1.0),
            )
        })
        .collect()
}

#[test]
fn discovers_the_disagreements_sources_share_ranked_by_confidence() {
    let dir = corpus();
    let report = report(dir.path(), &["discover", ".", "--format", "json", "--min-confidence", "0"]);
    let found = findings(&report);
    let length = found.iter().find(|f| f.0 == "long-length").expect("the length disagreement");
    assert_eq!(length.1, "conflict");
    assert_eq!(length.2, vec!["290", "310"]);
    let crew = found.iter().find(|f| f.0 == "crew-count").expect("the crew disagreement");
    assert_eq!(crew.1, "conflict");
    assert_eq!(crew.2, vec!["21", "23"]);
    // The width agrees: no finding.
    assert!(found.iter().all(|f| !f.0.starts_with("wide")), "{found:?}");
    for window in found.windows(2) {
        assert!(window[0].3 >= window[1].3, "ordered by confidence: {found:?}");
    }
    for f in &found {
        assert!((0.0..=1.0).contains(&f.3), "{f:?}");
    }
    // Close values, three sources against one: confident.
    assert!(crew.3 >= 0.6 && length.3 >= 0.6, "{found:?}");

    let kept = findings(&discover_above(dir.path(), crew.3));
    assert!(kept.iter().all(|f| f.3 >= crew.3), "--min-confidence filters: {kept:?}");
    assert!(kept.iter().any(|f| f.0 == "crew-count"));
}

fn discover_above(dir: &Path, min: f64) -> Value {
    report(dir, &["discover", ".", "--format", "json", "--min-confidence", &min.to_string()])
}

#[test]
fn suggested_rules_pass_rules_check_and_reproduce_the_disagreements() {
    let dir = corpus();
    let out = factlint(dir.path(), &["suggest", ".", "--output", "suggested.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let yaml = std::fs::read_to_string(dir.path().join("suggested.yaml")).unwrap();
    assert!(yaml.contains("  long-length:\n    claim: quantity\n"), "{yaml}");
    assert!(yaml.contains("unit: \"m\""), "{yaml}");
    assert!(yaml.contains("# the-wire.txt:2: 310 (\"310 metres\""), "evidence as comments: {yaml}");

    let checked = factlint(dir.path(), &["rules", "check", "suggested.yaml"]);
    assert_eq!(checked.status.code(), Some(0), "{}", String::from_utf8_lossy(&checked.stderr));

    let discovered = report(dir.path(), &["discover", ".", "--format", "json", "--min-confidence", "0"]);
    let checked =
        report(dir.path(), &["check", ".", "--rules", "suggested.yaml", "--format", "json", "--fail-on", "never"]);
    let without_confidence = |found: Vec<Found>| {
        let mut found: Vec<(String, String, Vec<String>)> =
            found.into_iter().filter(|f| f.1 == "conflict").map(|f| (f.0, f.1, f.2)).collect();
        found.sort();
        found
    };
    let from_check = without_confidence(findings(&checked));
    assert!(!from_check.is_empty());
    assert_eq!(without_confidence(findings(&discovered)), from_check);
}

#[test]
fn output_is_the_same_whatever_the_jobs() {
    let dir = corpus();
    let one = factlint(dir.path(), &["discover", ".", "--format", "json", "--jobs", "1", "--min-confidence", "0"]);
    let four = factlint(dir.path(), &["discover", ".", "--format", "json", "--jobs", "4", "--min-confidence", "0"]);
    assert_eq!(one.stdout, four.stdout);
    let one = factlint(dir.path(), &["suggest", ".", "--jobs", "1"]);
    let four = factlint(dir.path(), &["suggest", ".", "--jobs", "4"]);
    assert_eq!(one.stdout, four.stdout);
    assert!(!one.stdout.is_empty());
}

#[test]
fn explain_names_the_words_and_claims_of_each_group() {
    let dir = corpus();
    let out = factlint(dir.path(), &["discover", ".", "--explain"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("long-length: quantity in m\n  built on words: long\n"), "{text}");
    assert!(text.contains("the-wire.txt:2: 310 metres = 310"), "{text}");
}

#[test]
fn bad_input_is_said_not_panicked_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("alone.txt"), "The bridge is 1,200 metres long.\n").unwrap();
    let one = report(dir.path(), &["discover", ".", "--format", "json"]);
    let warnings = one["warnings"].to_string();
    assert!(warnings.contains("one source read"), "{warnings}");
    assert_eq!(one["findings"].as_array().unwrap().len(), 0);

    std::fs::write(dir.path().join("other.txt"), "Nothing here is counted or dated.\n").unwrap();
    let none = report(dir.path(), &["discover", ".", "--format", "json"]);
    assert!(none["warnings"].to_string().contains("no fact found that two sources state"), "{none}");
    let suggest = factlint(dir.path(), &["suggest", "."]);
    assert_eq!(suggest.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&suggest.stdout).contains("facts: {}"));
    assert!(String::from_utf8_lossy(&suggest.stderr).contains("no fact found"));

    let empty = tempfile::tempdir().unwrap();
    let out = factlint(empty.path(), &["discover", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no source read"));

    let out = factlint(dir.path(), &["discover", ".", "--min-confidence", "2"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--min-confidence"));
}

/// Entities given to discovery (as the rule-free name grouping will give them) become
/// the suggested file's `entities`, facts named with them in every source are `about`
/// them, and the ordinary name check reports a spelling other than the house one.
#[test]
fn given_entities_make_facts_about_them_and_variants() {
    use factlint::pipeline::{self, RunOptions};
    use factlint::rules::EntitySpec;

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "The Morning Lark is 290 metres long, its owner said.\n").unwrap();
    std::fs::write(dir.path().join("b.txt"), "The Morning-Lark, 310 metres long, was towed free.\n").unwrap();
    std::fs::write(dir.path().join("c.txt"), "Tugs pulled the Morning Lark, which is 290 metres long.\n").unwrap();
    let entities =
        vec![("morning-lark".to_string(), EntitySpec { name: "Morning Lark".into(), ..EntitySpec::default() })];
    let (induction, report) =
        pipeline::discover(&[dir.path().to_path_buf()], &RunOptions::default(), &entities, 0.0, &()).unwrap();
    let yaml = &induction.induced.yaml;
    assert!(yaml.contains("entities:\n  \"morning-lark\":\n    name: \"Morning Lark\"\n"), "{yaml}");
    assert!(yaml.contains("  long-length:\n    claim: quantity\n    about: [\"morning-lark\"]\n"), "{yaml}");
    let kinds: Vec<(&str, String)> = report.findings.iter().map(|f| (f.id.as_str(), format!("{:?}", f.kind))).collect();
    assert!(kinds.contains(&("long-length", "Conflict".to_string())), "{kinds:?}");
    assert!(kinds.contains(&("morning-lark", "Variant".to_string())), "{kinds:?}");
    assert!(report.findings.iter().all(|f| f.confidence.is_some_and(|c| (0.0..=1.0).contains(&c))));
}

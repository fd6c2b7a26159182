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

const BRIDGE_RULES: &str = "\
entities:
  tay:
    name: Tay Bridge
  forth:
    name: Forth Bridge
facts:
  span:
    claim: quantity
    about: [tay]
    cues: [long]
    unit: ft
  opened:
    claim: date
    about: [tay]
    cues: [opened]
  toll:
    claim: number
    cues: [toll]
";

/// Three sources: the span in two of them, the opening date in one, the toll nowhere,
/// the Forth Bridge never named.
fn bridge_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("docs")).unwrap();
    std::fs::write(dir.path().join("rules.yaml"), BRIDGE_RULES).unwrap();
    std::fs::write(dir.path().join("docs/a.txt"), "The Tay Bridge is 2,764 metres long.\n").unwrap();
    std::fs::write(
        dir.path().join("docs/b.txt"),
        "The Tay Bridge is 9,068 feet long.\nThe Tay Bridge opened on June 20, 1887.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("docs/c.txt"), "Trains cross the river every hour.\n").unwrap();
    dir
}

#[test]
fn rules_check_against_sources_names_the_rules_that_take_nothing() {
    let dir = bridge_folder();
    let out = factlint(dir.path(), &["rules", "check", "rules.yaml", "--against", "docs"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "rules.yaml: 2 entities, 3 facts: ok",
            "against docs (3 sources): 2 fact(s) or entities took nothing, 1 took claims of one source only",
            "note: fact `opened`: took 1 claim(s), all from docs/b.txt: nothing to compare them with",
            "warning: fact `toll`: took no claim: none of its cues appears in any source",
            "warning: entity `forth`: no source mentions it by its name, aliases or acronym",
        ]
    );
    // Every rule used: exit 0.
    std::fs::write(dir.path().join("docs/c.txt"), "The Forth Bridge toll was 40 pence.\n").unwrap();
    let out = factlint(dir.path(), &["rules", "check", "rules.yaml", "--against", "docs"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
}

#[test]
fn check_warns_of_the_rules_that_take_nothing() {
    let dir = bridge_folder();
    let out =
        factlint(dir.path(), &["check", "--rules", "rules.yaml", "--format", "json", "--fail-on", "never", "docs"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["version"], 1);
    let warnings: Vec<&str> = report["warnings"].as_array().unwrap().iter().filter_map(|w| w.as_str()).collect();
    assert_eq!(
        warnings,
        [
            "fact `opened`: took 1 claim(s), all from docs/b.txt: nothing to compare them with",
            "fact `toll`: took no claim: none of its cues appears in any source",
            "entity `forth`: no source mentions it by its name, aliases or acronym",
        ]
    );
    let out = factlint(dir.path(), &["check", "--rules", "rules.yaml", "docs"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("fact `toll`: took no claim"), "{text}");
}

#[test]
fn examples_assert_the_value_taken_and_fail_when_nothing_is_taken() {
    let dir = tempfile::tempdir().unwrap();
    let valued = BRIDGE_RULES.replace(
        "    unit: ft\n",
        "    unit: ft\n    examples:\n      match:\n        - sentence: The Tay Bridge is 9,068 feet long.\n          value: \"2763.9264\"\n",
    );
    std::fs::write(dir.path().join("rules.yaml"), &valued).unwrap();
    let out = factlint(dir.path(), &["rules", "check", "rules.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    std::fs::write(dir.path().join("rules.yaml"), valued.replace("2763.9264", "2764.5")).unwrap();
    let out = factlint(dir.path(), &["rules", "check", "rules.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).trim(),
        "error: rules.yaml:14:21: fact `span`: example should match, but the fact takes 2763.9264 (`9,068 feet`), \
         not 2764.5: \"The Tay Bridge is 9,068 feet long.\""
    );

    // Entities and a cue are there, but no length: the fact would take nothing.
    let empty = BRIDGE_RULES
        .replace("    unit: ft\n", "    unit: ft\n    examples:\n      match:\n        - The Tay Bridge is long.\n");
    std::fs::write(dir.path().join("rules.yaml"), empty).unwrap();
    let out = factlint(dir.path(), &["rules", "check", "rules.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).trim(),
        "error: rules.yaml:14:11: fact `span`: example should match, but the fact takes no quantity claim from it \
         (no claim is found): \"The Tay Bridge is long.\""
    );
}

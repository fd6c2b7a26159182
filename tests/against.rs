//! A draft against its references (`check DRAFT --against REF`), on a story written
//! for the tests (tests/data/desk): the draft has three planted errors (the opening
//! date, the length, the construction time), agrees with the majority of a split
//! reference set (the workers), and alone states a fact (the lanes).

use std::process::Command;

use serde_json::Value;

const DESK: &str = "tests/data/desk";

fn factlint(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn against(extra: &[&str]) -> (Option<i32>, String) {
    let draft = format!("{DESK}/draft");
    let rules = format!("{DESK}/rules");
    let references = format!("{DESK}/references");
    let mut args = vec!["check", draft.as_str(), "--rules", rules.as_str()];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["--against", references.as_str()]);
    let (code, stdout, stderr) = factlint(&args);
    assert!(!stderr.contains("error"), "{stderr}");
    (code, stdout)
}

fn json(extra: &[&str]) -> (Option<i32>, Value) {
    let mut args = vec!["--format", "json"];
    args.extend_from_slice(extra);
    let (code, stdout) = against(&args);
    (code, serde_json::from_str(&stdout).unwrap())
}

#[test]
fn each_finding_is_about_the_draft_with_its_side_and_message() {
    let (code, report) = json(&[]);
    assert_eq!(code, Some(1));
    let found: Vec<(&str, &str, &str, &str, &str)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["id"].as_str().unwrap(),
                f["kind"].as_str().unwrap(),
                f["side"].as_str().unwrap(),
                f["severity"].as_str().unwrap(),
                f["message"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "bridge-length",
                "conflict",
                "alone",
                "error",
                "the draft states 1.5 km; the references state 1.2 km (3 sources: archive.md, release.txt, wire.txt)"
            ),
            (
                "construction-time",
                "conflict",
                "alone",
                "error",
                "the draft states 5 years; the references state 3 years (3 sources: archive.md, release.txt, wire.txt)"
            ),
            (
                "opening-date",
                "conflict",
                "alone",
                "error",
                "the draft states 2021-05-14; the references state 2021-05-04 (3 sources: archive.md, release.txt, wire.txt)"
            ),
        ]
    );
    for finding in report["findings"].as_array().unwrap() {
        let first = &finding["claims"][0];
        assert_eq!(first["source"], "tests/data/desk/draft/story.md", "the draft's claim comes first");
        let rest = &finding["claims"].as_array().unwrap()[1..];
        assert!(rest.iter().all(|c| c["source"].as_str().unwrap().starts_with("tests/data/desk/references/")));
        assert_eq!(finding["note"], "the draft stands alone: none of the 3 reference(s) that state this fact agrees");
    }
    let length = &report["findings"][0]["claims"][0];
    assert_eq!((&length["line"], &length["column"], &length["text"]), (&5.into(), &4.into(), &"1,500 metres".into()));
    // The references split on the workers (400, 400, 350) and the draft agrees with
    // the majority: silent, and counted. The lanes only the draft states: no finding,
    // only the warning every check gives of a fact with one source's claims.
    assert_eq!(report["summary"]["reference_conflicts"], 1);
    assert_eq!(report["summary"]["sources"], 4);
    assert_eq!(
        report["warnings"],
        serde_json::json!([
            "fact `lanes`: took 1 claim(s), all from tests/data/desk/draft/story.md: nothing to compare them with",
            "the references disagree among themselves on 1 fact(s): not findings (the draft is judged against them)"
        ])
    );
}

/// The terminal report, read and accepted: each finding opens on the draft's sentence.
#[test]
fn the_text_report() {
    let (_, out) = against(&["--format", "text"]);
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("against-text", out);
    });
}

#[test]
fn a_draft_also_among_the_references_is_read_once_as_the_draft() {
    let (code, report) = json(&["--against", "tests/data/desk/draft/story.md"]);
    assert_eq!(code, Some(1));
    assert_eq!(report["summary"]["sources"], 4);
    assert_eq!(report["findings"].as_array().unwrap().len(), 3);
    assert_eq!(
        report["warnings"][0],
        "tests/data/desk/draft/story.md is both a draft and a reference: read once, as the draft"
    );
}

#[test]
fn without_references_the_draft_has_nothing_to_disagree_with() {
    let (code, stdout, _) =
        factlint(&["check", "tests/data/desk/draft", "--rules", "tests/data/desk/rules", "--format", "json"]);
    assert_eq!(code, Some(0));
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["findings"], serde_json::json!([]));
}

#[test]
fn every_format_renders_the_draft_first() {
    for format in ["text", "json", "markdown", "sarif", "github", "html"] {
        let (code, out) = against(&["--format", format]);
        assert_eq!(code, Some(1), "{format}");
        assert!(out.contains("the draft states 1.5 km"), "{format}: {out}");
    }
    for format in ["text", "json", "markdown", "html"] {
        let (_, out) = against(&["--format", format, "--against", "tests/data/desk/draft/story.md"]);
        assert!(out.contains("the references disagree among themselves on 1 fact(s)"), "{format}: {out}");
        assert!(out.contains("story.md is both a draft and a reference"), "{format}: {out}");
    }
    for format in ["text", "html"] {
        let (_, out) = against(&["--format", format]);
        let draft = out.find("spans the whole of the Norr estuary").unwrap_or_else(|| panic!("{format}: {out}"));
        let reference = out.find("and crosses the Norr estuary").unwrap();
        assert!(draft < reference, "{format}: the draft's sentence first");
    }
}

#[test]
fn fail_on_and_a_baseline_work_as_usual() {
    let (code, _) = against(&["--fail-on", "never"]);
    assert_eq!(code, Some(0));
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("baseline.json");
    let baseline = baseline.to_str().unwrap();
    let (code, _) = against(&["--write-baseline", baseline]);
    assert_eq!(code, Some(0));
    let (code, report) = json(&["--baseline", baseline]);
    assert_eq!(code, Some(0));
    assert_eq!(report["findings"], serde_json::json!([]));
    assert_eq!(report["baselined"], 3);
}

#[test]
fn the_record_judges_the_draft_alone_too() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("record.yaml");
    let text = std::fs::read_to_string(format!("{}/{DESK}/rules/bridge.yaml", env!("CARGO_MANIFEST_DIR"))).unwrap();
    // The desk's record of the lanes, which only the draft states.
    let text = text
        .replace("    cues: [carries]\n", "    cues: [carries]\n    value: 6\n    source: the regional authority\n");
    std::fs::write(&rules, text).unwrap();
    let (code, stdout, stderr) =
        factlint(&["check", "tests/data/desk/draft", "--rules", rules.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, Some(1), "{stderr}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["findings"][0]["kind"], "record");
    assert_eq!(report["findings"][0]["message"], "4 (1 source: story.md) contradicts the record: 6");
}

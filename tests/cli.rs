//! The command line end to end on a small corpus made at test time: Markdown and HTML
//! sources, suppression comments, baselines, `--output`, config discovery.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const RULES: &str = "
entities:
  acme:
    name: Acme Corp
facts:
  launch-length:
    claim: duration
    about: [acme]
    cues: [launch]
    severity: error
";

fn factlint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint")).args(args).current_dir(dir).output().unwrap()
}

fn corpus(second: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("docs")).unwrap();
    std::fs::write(dir.path().join("rules.yaml"), RULES).unwrap();
    std::fs::write(
        dir.path().join("docs/a.md"),
        "---\ndate: 2024-05-02\n---\n# Launch\n\nThe *Acme Corp* launch lasted **three days**.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("docs/b.html"), second).unwrap();
    std::fs::write(dir.path().join("factlint.yaml"), "sources: [docs]\nrules: [rules.yaml]\n").unwrap();
    dir
}

const CONFLICTING: &str = "<html><head><meta property=\"article:published_time\" content=\"2024-05-03\"></head>\
<body><p>The Acme Corp launch lasted five days.</p></body></html>";

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

#[test]
fn markdown_and_html_claims_point_into_the_original_files() {
    let dir = corpus(CONFLICTING);
    let out = factlint(dir.path(), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{report:#}");
    let claims = findings[0]["claims"].as_array().unwrap();
    let places: Vec<(String, u64, u64, String)> = claims
        .iter()
        .map(|c| {
            (
                c["source"].as_str().unwrap().to_string(),
                c["line"].as_u64().unwrap(),
                c["column"].as_u64().unwrap(),
                c["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(places.contains(&("docs/a.md".into(), 6, 33, "three days".into())), "{places:?}");
    assert!(places.iter().any(|p| p.0 == "docs/b.html" && p.3 == "five days"), "{places:?}");
    let a = std::fs::read_to_string(dir.path().join("docs/a.md")).unwrap();
    let claim = claims.iter().find(|c| c["source"] == "docs/a.md").unwrap();
    let (start, end) = (claim["start"].as_u64().unwrap() as usize, claim["end"].as_u64().unwrap() as usize);
    assert_eq!(&a[start..end], "three days");
    assert_eq!(report["sources"][0]["published"], "2024-05-02");
    assert_eq!(report["sources"][1]["published"], "2024-05-03");
}

#[test]
fn a_suppression_comment_silences_a_finding_and_is_counted() {
    let suppressed = CONFLICTING.replace("<p>The", "<!-- factlint-disable launch-length --><p>The");
    let dir = corpus(&suppressed);
    let out = factlint(dir.path(), &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    let report = json(&out);
    assert!(report["findings"].as_array().unwrap().is_empty());
    let warnings: Vec<&str> = report["warnings"].as_array().unwrap().iter().map(|w| w.as_str().unwrap()).collect();
    assert!(warnings.iter().any(|w| w.contains("1 claim(s) silenced")), "{warnings:?}");
}

#[test]
fn a_baseline_hides_known_findings_only() {
    let dir = corpus(CONFLICTING);
    let write = factlint(dir.path(), &["check", "--write-baseline", "baseline.json"]);
    assert_eq!(write.status.code(), Some(0));
    let known = factlint(dir.path(), &["check", "--baseline", "baseline.json", "--format", "json"]);
    assert_eq!(known.status.code(), Some(0));
    let report = json(&known);
    assert!(report["findings"].as_array().unwrap().is_empty());
    assert_eq!(report["baselined"], 1);
    // A new disagreement is reported even with the baseline.
    std::fs::write(dir.path().join("docs/c.txt"), "The Acme Corp launch lasted nine days.\n").unwrap();
    let new = factlint(dir.path(), &["check", "--baseline", "baseline.json", "--format", "json"]);
    assert_eq!(new.status.code(), Some(1));
    assert_eq!(json(&new)["findings"].as_array().unwrap().len(), 1);
    let broken = factlint(dir.path(), &["check", "--baseline", "missing.json"]);
    assert_eq!(broken.status.code(), Some(2));
}

#[test]
fn output_goes_to_a_file_in_the_asked_format() {
    let dir = corpus(CONFLICTING);
    for format in ["text", "json", "markdown", "sarif", "github", "html"] {
        let file = format!("report.{format}");
        let out = factlint(dir.path(), &["check", "--format", format, "--output", &file]);
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert!(out.stdout.is_empty(), "{format}");
        let written = std::fs::read_to_string(dir.path().join(&file)).unwrap();
        assert!(written.contains("launch-length"), "{format}: {written}");
    }
}

#[test]
fn the_config_is_found_from_a_subfolder_and_flags_override_it() {
    let dir = corpus(CONFLICTING);
    let nested = dir.path().join("docs");
    let out = factlint(&nested, &["check", "--format", "json"]);
    assert_eq!(json(&out)["findings"].as_array().unwrap().len(), 1);
    let out = factlint(&nested, &["check", "--fail-on", "never"]);
    assert_eq!(out.status.code(), Some(0));
    std::fs::write(dir.path().join("factlint.yaml"), "sources: [docs]\nrule: [rules.yaml]\n").unwrap();
    let bad = factlint(dir.path(), &["check"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("factlint.yaml:2:"),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
}

#[test]
fn a_rule_whose_cues_match_nothing_is_a_warning() {
    let dir = corpus(CONFLICTING);
    let rules = RULES.to_string() + "  unused:\n    claim: date\n    cues: [coronation]\n";
    std::fs::write(dir.path().join("rules.yaml"), rules).unwrap();
    let report = json(&factlint(dir.path(), &["check", "--format", "json"]));
    let warnings = report["warnings"].to_string();
    assert!(warnings.contains("fact `unused`"), "{warnings}");
}

#[test]
fn extract_and_segment_print_one_record_a_line() {
    let dir = corpus(CONFLICTING);
    let out = factlint(dir.path(), &["extract", "docs", "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let durations: Vec<&Value> = lines.iter().filter(|c| c["kind"] == "duration").collect();
    assert_eq!(durations.len(), 2);
    for key in ["source", "line", "column", "start", "end", "sentence_index", "text", "value", "sentence"] {
        assert!(!durations[0][key].is_null(), "{key} missing: {}", durations[0]);
    }
    let out = factlint(dir.path(), &["segment", "docs"]);
    let sentences: Vec<Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(sentences[0]["text"], "Launch");
    assert_eq!(sentences[1]["text"], "The Acme Corp launch lasted three days.");
    assert_eq!(sentences[1]["line"], 6);
}

#[test]
fn the_terminal_report_shows_how_a_source_was_read() {
    let dir = corpus(CONFLICTING);
    std::fs::write(dir.path().join("docs/c.txt"), b"The Acme Corp launch lasted five days \xff.\n").unwrap();
    let out = factlint(dir.path(), &["check", "--format", "text"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("warning: docs/c.txt: not valid UTF-8"), "{text}");
}

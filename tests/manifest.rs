//! `sources.yaml`: its JSON Schema (`factlint manifest schema`) is the one checked in
//! as docs/sources.schema.json, and a source the manifest does not list is read with
//! a warning, not silently.

use std::path::Path;
use std::process::{Command, Output};

fn factlint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint")).args(args).current_dir(dir).env("NO_COLOR", "1").output().unwrap()
}

#[test]
fn the_checked_in_schema_is_the_one_printed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = factlint(root, &["manifest", "schema"]);
    assert_eq!(out.status.code(), Some(0));
    let printed = String::from_utf8(out.stdout).unwrap();
    let committed = std::fs::read_to_string(root.join("docs/sources.schema.json")).unwrap();
    assert_eq!(
        printed.trim(),
        committed.trim(),
        "docs/sources.schema.json is stale: run `cargo run -- manifest schema > docs/sources.schema.json`"
    );
    let schema: serde_json::Value = serde_json::from_str(&printed).unwrap();
    let entry = &schema["$defs"]["Source"];
    for key in ["path", "published", "outlet", "title", "url"] {
        assert!(entry["properties"][key].is_object(), "{key}");
    }
    assert_eq!(entry["required"], serde_json::json!(["path"]));
    assert_eq!(entry["additionalProperties"], false);
    // Every key the repository's own manifest uses is one the schema declares.
    let seeds: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(root.join("seeds/sources.yaml")).unwrap()).unwrap();
    for source in seeds["sources"].as_sequence().unwrap() {
        for key in source.as_mapping().unwrap().keys() {
            let key = key.as_str().unwrap();
            assert!(entry["properties"][key].is_object(), "seeds/sources.yaml uses `{key}`");
        }
    }
}

#[test]
fn a_source_the_manifest_does_not_list_is_read_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("rules.yaml"), "entities:\n  tay:\n    name: Tay Bridge\n").unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("sources.yaml"), "sources:\n  - path: a.txt\n    published: 2024-05-12\n").unwrap();
    std::fs::write(docs.join("a.txt"), "The Tay Bridge reopened on Monday.\n").unwrap();
    std::fs::write(docs.join("b.txt"), "The Tay Bridge reopened on Tuesday.\n").unwrap();
    let out = factlint(dir.path(), &["check", "--rules", "rules.yaml", "--format", "json", "docs"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sources = report["sources"].as_array().unwrap();
    assert_eq!(sources[0]["path"], "docs/a.txt");
    assert!(sources[0].get("warnings").is_none(), "{report}");
    assert_eq!(
        sources[1]["warnings"],
        serde_json::json!(["not listed in docs/sources.yaml: its date, outlet and title come from the file alone"])
    );
    let out = factlint(dir.path(), &["check", "--rules", "rules.yaml", "docs"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("warning: docs/b.txt: not listed in docs/sources.yaml"), "{text}");
}

#[test]
fn reports_name_outlets_beside_files_and_values_as_written() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("rules.yaml"),
        "facts:\n  lake-area:\n    claim: quantity\n    cues: [covers]\n    unit: sq mi\n",
    )
    .unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(
        docs.join("sources.yaml"),
        "sources:\n  - path: a.txt\n    outlet: Lakeside Post\n  - path: b.txt\n    outlet: Valley Times\n",
    )
    .unwrap();
    std::fs::write(docs.join("a.txt"), "The lake covers 5,200 square miles.\n").unwrap();
    std::fs::write(docs.join("b.txt"), "The lake covers 9,000 square kilometres.\n").unwrap();
    let out = factlint(dir.path(), &["check", "--rules", "rules.yaml", "docs"]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("^^^^^^^^^^^^^^^^^^ 5,200 square miles (13,468 km²)"), "{text}");
    assert!(text.contains("9,000 square kilometres (9,000 km²)"), "{text}");
    assert!(text.contains("9,000 km²: Valley Times (docs/b.txt); 13,468 km²: Lakeside Post (docs/a.txt)"), "{text}");
    assert!(!text.contains("13467938173"), "{text}");

    // JSON keeps the exact values, and the outlets on the sources.
    let out = factlint(dir.path(), &["check", "--rules", "rules.yaml", "--format", "json", "docs"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["sources"][0]["outlet"], "Lakeside Post");
    let values: Vec<&str> =
        report["findings"][0]["claims"].as_array().unwrap().iter().filter_map(|c| c["value"].as_str()).collect();
    assert!(values.iter().any(|v| v.starts_with("13467938173.")), "{values:?}");

    let out = factlint(dir.path(), &["check", "--rules", "rules.yaml", "--format", "markdown", "docs"]);
    let markdown = String::from_utf8_lossy(&out.stdout);
    assert!(markdown.contains("| Lakeside Post `docs/a.txt:1:17` | 5,200 square miles | `13,468 km²` |"), "{markdown}");
}

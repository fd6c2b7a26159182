//! `factlint init` on a folder of articles: the files it writes, the dates it reads or
//! guesses, the names it proposes, and `check` working right after it.

use std::path::Path;
use std::process::{Command, Output};

fn factlint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint")).args(args).current_dir(dir).env("NO_COLOR", "1").output().unwrap()
}

fn articles() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("articles");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(
        docs.join("gazette.md"),
        "---\ndate: 2024-05-12\n---\n# Tunnel opens\n\nThe Lindqvist Tunnel opened on Sunday after six years of work.\n\
         Mayor Mara Jensen cut the ribbon in Port Aldwin.\n",
    )
    .unwrap();
    std::fs::write(
        docs.join("herald.txt"),
        "PORT ALDWIN, May 13, 2024. The Lindqvist Tunnel is 3.2 km long.\n\
         Mara Jensen said the work took five years.\n",
    )
    .unwrap();
    std::fs::write(
        docs.join("wire.txt"),
        "Source: https://wire.example/2024/05/14/tunnel.html\n\n\
         Residents of Port Aldwin queued to drive through the Lindqvist Tunnel.\n",
    )
    .unwrap();
    dir
}

#[test]
fn init_writes_a_config_a_manifest_and_rules_that_check_runs_with() {
    let dir = articles();
    let out = factlint(dir.path(), &["init", "articles"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let read = |p: &str| std::fs::read_to_string(dir.path().join("articles").join(p)).unwrap();

    let manifest = read("sources.yaml");
    assert!(
        manifest.contains("- path: \"gazette.md\"\n    published: 2024-05-12  # from front matter\n"),
        "{manifest}"
    );
    assert!(manifest.contains("- path: \"herald.txt\"\n    published: 2024-05-13  # guess: dateline"), "{manifest}");
    assert!(manifest.contains("- path: \"wire.txt\"\n    published: 2024-05-14  # guess: URL path\n"), "{manifest}");

    let rules = read("rules/rules.yaml");
    for (id, name) in
        [("lindqvist-tunnel", "Lindqvist Tunnel"), ("port-aldwin", "Port Aldwin"), ("mara-jensen", "Mara Jensen")]
    {
        assert!(rules.contains(&format!("  {id}:\n    name: \"{name}\"\n")), "{id}: {rules}");
    }
    assert!(rules.contains("# facts:"), "{rules}");
    assert!(read("factlint.yaml").contains("rules: [rules]"));

    let here = dir.path().join("articles");
    let out = factlint(&here, &["rules", "check"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let out = factlint(&here, &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["sources"], 3, "{report}");
    let published: Vec<&str> =
        report["sources"].as_array().unwrap().iter().filter_map(|s| s["published"].as_str()).collect();
    assert_eq!(published, ["2024-05-12", "2024-05-13", "2024-05-14"]);
}

#[test]
fn init_keeps_existing_files_unless_forced() {
    let dir = articles();
    let rules = dir.path().join("articles/rules/rules.yaml");
    std::fs::create_dir_all(rules.parent().unwrap()).unwrap();
    std::fs::write(&rules, "entities:\n  mine:\n    name: Mine\n").unwrap();
    let out = factlint(dir.path(), &["init", "articles"]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("kept articles/rules/rules.yaml (it exists; --force overwrites it)"), "{stderr}");
    assert!(stderr.contains("wrote articles/sources.yaml"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&rules).unwrap(), "entities:\n  mine:\n    name: Mine\n");

    let out = factlint(dir.path(), &["init", "articles", "--force"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(std::fs::read_to_string(&rules).unwrap().contains("lindqvist-tunnel:"));
}

#[test]
fn init_of_a_folder_without_sources_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = factlint(dir.path(), &["init"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no source read under ."));
    assert!(!dir.path().join("factlint.yaml").exists());
}

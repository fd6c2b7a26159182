//! `check --changed-since GIT_REF` and `--files-from FILE`: only the findings that
//! hold a claim of a changed file, every source still read. Run in a temporary git
//! repository with two commits and an untracked file.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

const RULES: &str = "entities:
  bridge:
    name: Lindqvist Bridge
facts:
  opening-date:
    claim: date
    about: [bridge]
    cues: [opened]
  bridge-length:
    claim: quantity
    unit: m
    about: [bridge]
    cues: [long]
";

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(["-c", "user.name=Desk", "-c", "user.email=desk@example.org", "-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

/// A repository: the first commit holds the rules and two articles that agree, the
/// second adds one that gives another opening date; then a third article, untracked,
/// gives the length again, and a fourth a different length, committed with the first.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q"]);
    std::fs::create_dir(root.join("news")).unwrap();
    write(root, "rules.yaml", RULES);
    write(
        root,
        "news/a.txt",
        "The Lindqvist Bridge opened on May 4, 2021.\n\nThe Lindqvist Bridge is 1,200 metres long.\n",
    );
    write(
        root,
        "news/b.txt",
        "The Lindqvist Bridge opened on May 4, 2021, with a ceremony.\n\nThe Lindqvist Bridge is 1,500 metres long.\n",
    );
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "first"]);
    write(root, "news/c.txt", "The Lindqvist Bridge opened on May 14, 2021.\n");
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "second"]);
    write(root, "news/d.txt", "The Lindqvist Bridge, 1,200 metres long, crosses the estuary.\n");
    dir
}

fn check(dir: &Path, args: &[&str], stdin: Option<&str>) -> (Option<i32>, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", "news", "--rules", "rules.yaml", "--format", "json"])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CEILING_DIRECTORIES", dir.parent().unwrap())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).unwrap();
    }
    drop(input);
    let out = child.wait_with_output().unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn ids(stdout: &str) -> Vec<String> {
    let report: Value = serde_json::from_str(stdout).unwrap();
    report["findings"].as_array().unwrap().iter().map(|f| f["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn only_findings_that_hold_a_changed_file() {
    let repo = repository();
    let root = repo.path();
    let (code, all, _) = check(root, &[], None);
    assert_eq!(code, Some(1));
    assert_eq!(ids(&all), ["bridge-length", "opening-date"]);
    // Since the first commit: c.txt (committed) and d.txt (untracked).
    let (code, out, stderr) = check(root, &["--changed-since", "HEAD~1"], None);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(ids(&out), ["bridge-length", "opening-date"]);
    // Since the second: d.txt only, which holds a length and no date.
    let (code, out, stderr) = check(root, &["--changed-since", "HEAD"], None);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(ids(&out), ["bridge-length"]);
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["summary"]["sources"], 4, "every source is still read");
    // Once d.txt is committed, nothing changed since HEAD.
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "third"]);
    let (code, out, _) = check(root, &["--changed-since", "HEAD"], None);
    assert_eq!(code, Some(0));
    assert!(ids(&out).is_empty());
    let (_, out, _) = check(root, &["--changed-since", "HEAD~2"], None);
    assert_eq!(ids(&out), ["bridge-length", "opening-date"]);
}

#[test]
fn files_from_a_list_or_standard_input() {
    let repo = repository();
    let root = repo.path();
    write(root, "changed.txt", "news/c.txt\nnews/deleted.txt\n");
    let (code, out, stderr) = check(root, &["--files-from", "changed.txt"], None);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(ids(&out), ["opening-date"]);
    let (code, out, _) = check(root, &["--files-from", "-"], Some("./news/d.txt\r\n"));
    assert_eq!(code, Some(1));
    assert_eq!(ids(&out), ["bridge-length"]);
    let (code, out, _) = check(root, &["--files-from", "-"], Some(""));
    assert_eq!(code, Some(0));
    assert!(ids(&out).is_empty());
    let (code, _, stderr) = check(root, &["--files-from", "missing.txt"], None);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("--files-from missing.txt"), "{stderr}");
}

#[test]
fn an_unknown_revision_or_no_repository_is_a_usage_error() {
    let repo = repository();
    let (code, out, stderr) = check(repo.path(), &["--changed-since", "no-such-branch"], None);
    assert_eq!(code, Some(2));
    assert!(out.is_empty());
    assert!(stderr.contains("unknown git revision `no-such-branch`"), "{stderr}");

    let plain = tempfile::tempdir().unwrap();
    std::fs::create_dir(plain.path().join("news")).unwrap();
    write(plain.path(), "rules.yaml", RULES);
    write(plain.path(), "news/a.txt", "The Lindqvist Bridge opened on May 4, 2021.\n");
    let (code, _, stderr) = check(plain.path(), &["--changed-since", "HEAD"], None);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("--changed-since needs a git repository"), "{stderr}");
}

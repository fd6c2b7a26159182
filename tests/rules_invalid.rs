//! Malformed rule files: `factlint rules check` must refuse each with exit code 2 and
//! a message that names `file:line:col`; every message is snapshotted in `snapshots/`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn factlint(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules/invalid");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "yaml"));
    files.sort();
    files
}

/// Whether `line` starts with `file:LINE:COL:` (after the `error: ` prefix main adds).
fn is_located(line: &str, file: &str) -> bool {
    let line = line.strip_prefix("error: ").unwrap_or(line);
    let Some(rest) = line.strip_prefix(file).and_then(|r| r.strip_prefix(':')) else { return false };
    let mut parts = rest.splitn(3, ':');
    let numbers = [parts.next(), parts.next()];
    numbers.iter().all(|n| n.is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())))
        && parts.next().is_some_and(|m| m.starts_with(' '))
}

#[test]
fn every_malformed_rule_file_is_refused_with_its_place() {
    let files = fixtures();
    assert!(files.len() >= 20, "only {} fixtures", files.len());
    for path in files {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let relative = format!("tests/rules/invalid/{stem}.yaml");
        let (code, stdout, stderr) = factlint(&["rules", "check", &relative]);
        assert_eq!(code, Some(2), "{relative}: exit code\nstdout: {stdout}\nstderr: {stderr}");
        assert!(stdout.is_empty(), "{relative}: {stdout}");
        assert!(!stderr.trim().is_empty(), "{relative}: no message");
        for line in stderr.lines() {
            assert!(is_located(line, &relative), "{relative}: not located: {line}");
        }
        insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false, description => relative.clone()}, {
            insta::assert_snapshot!(format!("rules-invalid-{stem}"), stderr);
        });
    }
}

#[test]
fn duplicate_ids_across_files_are_refused() {
    let (code, _, stderr) = factlint(&["rules", "check", "tests/rules/duplicate"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr.trim(),
        "error: tests/rules/duplicate/b.yaml:3:3: duplicate id `kim-jong-un`: already an entity in \
         tests/rules/duplicate/a.yaml:2:3 (ids are unique across the rule set)"
    );
}

#[test]
fn the_repository_rules_are_valid() {
    let (code, stdout, stderr) = factlint(&["rules", "check", "rules"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.ends_with("ok\n"), "{stdout}");
}

/// A rule file whose lines end in a lone carriage return (old Mac style) is read by
/// libyaml line by line; errors found after parsing must name the same lines.
#[test]
fn lone_carriage_returns_end_lines() {
    let (code, _, stderr) = factlint(&["rules", "check", "tests/rules/invalid/lone_cr_line_ends.yaml"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr.trim(),
        "error: tests/rules/invalid/lone_cr_line_ends.yaml:7:13: fact `visit`: unknown entity `kin` in `about`, \
         did you mean `kim`?"
    );
}

/// An entry of a rules folder that cannot be read is an error of the set, not a file
/// left out of it: a rule set missing a file would check less than it says.
#[cfg(unix)]
#[test]
fn an_unreadable_entry_of_a_rules_folder_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    std::fs::create_dir_all(rules.join("more")).unwrap();
    std::fs::write(rules.join("a.yaml"), "entities:\n  kim:\n    name: Kim Jong Un\n").unwrap();
    std::fs::write(rules.join("more/b.yaml"), "entities:\n  xi:\n    name: Xi Jinping\n").unwrap();
    let (code, stdout, stderr) = factlint(&["rules", "check", &rules.to_string_lossy()]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.ends_with(": 2 entities, 0 facts: ok\n"), "the walk reaches subfolders: {stdout}");

    std::os::unix::fs::symlink(rules.join("gone.yaml"), rules.join("more/c.yaml")).unwrap();
    let (code, stdout, stderr) = factlint(&["rules", "check", &rules.to_string_lossy()]);
    assert_eq!(code, Some(2), "{stdout}");
    let shown = rules.join("more/c.yaml").to_string_lossy().replace('\\', "/");
    assert_eq!(stderr.trim(), format!("error: {shown}: broken symbolic link (its target does not exist)"));
}

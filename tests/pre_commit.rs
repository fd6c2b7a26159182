//! The repository's `.pre-commit-hooks.yaml` as pre-commit uses it: `pre-commit
//! try-repo` runs the `factlint-system` hook (the factlint under test, put on PATH) in
//! a fixture repository, and `validate-manifest` reads both hooks. Skips, saying so,
//! when pre-commit is not installed; under `CI=true` (`.ci/run` installs it) a missing
//! pre-commit fails the test.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn pre_commit_installed() -> bool {
    let found = Command::new("pre-commit").arg("--version").output().is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "pre-commit is not installed, and CI=true requires it (`python3 -m pip install pre-commit`)"
        );
        eprintln!("SKIPPED: pre-commit is not installed (`python3 -m pip install pre-commit`)");
    }
    found
}

fn run(dir: &Path, program: &str, args: &[&str], path: &str, home: &Path) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("PATH", path)
        .env("PRE_COMMIT_HOME", home)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(["-c", "user.name=Desk", "-c", "user.email=desk@example.org"])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn the_hooks_run_as_pre_commit_runs_them() {
    if !pre_commit_installed() {
        return;
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixture = tempfile::tempdir().unwrap();
    let home = fixture.path().join(".pre-commit-home");
    let root = fixture.path().join("newsroom");
    std::fs::create_dir_all(root.join("news")).unwrap();
    let write = |name: &str, text: &str| std::fs::write(root.join(name), text).unwrap();
    write("factlint.yaml", "sources: [news]\nrules: [rules.yaml]\n");
    write(
        "rules.yaml",
        "entities:\n  bridge:\n    name: Lindqvist Bridge\nfacts:\n  opening-date:\n    claim: date\n    about: [bridge]\n    cues: [opened]\n",
    );
    write("news/a.txt", "The Lindqvist Bridge opened on May 4, 2021.\n");
    write("news/b.txt", "The Lindqvist Bridge opened on May 4, 2021, with a ceremony.\n");
    write("news/c.txt", "The Lindqvist Bridge opened on May 14, 2021.\n");
    write("news/d.txt", "The weather on the estuary was fine.\n");
    git(&root, &["init", "-q"]);
    git(&root, &["add", "."]);

    let bin = PathBuf::from(env!("CARGO_BIN_EXE_factlint"));
    let path = format!("{}:{}", bin.parent().unwrap().display(), std::env::var("PATH").unwrap_or_default());
    let repo_arg = repo.to_str().unwrap();

    let validated = run(repo, "pre-commit", &["validate-manifest", ".pre-commit-hooks.yaml"], &path, &home);
    assert!(validated.status.success(), "{}", String::from_utf8_lossy(&validated.stdout));

    // The changed file gives another opening date than the other two: the hook fails
    // and shows the finding, read against every source of factlint.yaml.
    let failed =
        run(&root, "pre-commit", &["try-repo", repo_arg, "factlint-system", "--files", "news/c.txt"], &path, &home);
    let stdout = String::from_utf8_lossy(&failed.stdout);
    assert_eq!(failed.status.code(), Some(1), "{stdout}{}", String::from_utf8_lossy(&failed.stderr));
    assert!(
        stdout.contains("error[opening-date]: 2021-05-14 (1 source: c.txt) vs 2021-05-04 (2 sources: a.txt, b.txt)"),
        "{stdout}"
    );
    assert!(stdout.contains("in 4 sources"), "{stdout}");

    // A changed file that holds no claim of the finding passes.
    let passed =
        run(&root, "pre-commit", &["try-repo", repo_arg, "factlint-system", "--files", "news/d.txt"], &path, &home);
    let stdout = String::from_utf8_lossy(&passed.stdout);
    assert_eq!(passed.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("Passed"), "{stdout}");
}

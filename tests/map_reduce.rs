//! `factlint map` and `factlint reduce` end to end: for any partition of the sources,
//! `reduce` of the `map` outputs is `check`'s report byte for byte, in every format;
//! documents on standard input map as the files they are; claims files of another
//! version, cut short, made with other rules or holding a source twice stop the reduce
//! (exit 2) before anything is checked.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use proptest::prelude::*;
use serde_json::Value;

const FORMATS: [&str; 6] = ["text", "json", "markdown", "sarif", "html", "github"];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn factlint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint")).args(args).current_dir(root()).output().unwrap()
}

fn factlint_with_input(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let text = input.to_string();
    let feeder = std::thread::spawn(move || std::io::Write::write_all(&mut stdin, text.as_bytes()));
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap().unwrap();
    out
}

fn text(path: &Path) -> String {
    path.to_str().unwrap().to_string()
}

/// The sources of a folder, sorted, as `check` walks them.
fn sources(folder: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root().join(folder))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md" || e == "html"))
        .map(|p| format!("{folder}/{}", p.file_name().unwrap().to_str().unwrap()))
        .collect();
    files.sort();
    files
}

/// `map` over each partition into `dir`; the claims files, in the order given.
fn map_partitions(dir: &Path, partitions: &[Vec<String>], rules: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for (i, partition) in partitions.iter().enumerate().filter(|(_, p)| !p.is_empty()) {
        let mut args = vec!["map", "--rules", rules];
        args.extend(partition.iter().map(String::as_str));
        let out = factlint(&args);
        assert!(out.status.code().is_some_and(|c| c <= 1), "map: {}", String::from_utf8_lossy(&out.stderr));
        let file = dir.join(format!("part-{i}.jsonl"));
        std::fs::write(&file, &out.stdout).unwrap();
        files.push(file);
    }
    files
}

/// Asserts that `reduce` of `claims` writes what `check` writes of `checked`, with the
/// same exit code, in each of `formats`.
fn assert_reduce_is_check(checked: &[String], claims: &[PathBuf], rules: &str, formats: &[&str]) {
    for format in formats {
        let mut args = vec!["check", "--rules", rules, "--format", format];
        args.extend(checked.iter().map(String::as_str));
        let check = factlint(&args);
        let claim_paths: Vec<String> = claims.iter().map(|p| text(p)).collect();
        let mut args = vec!["reduce", "--rules", rules, "--format", format];
        args.extend(claim_paths.iter().map(String::as_str));
        let reduce = factlint(&args);
        assert_eq!(
            String::from_utf8_lossy(&reduce.stdout),
            String::from_utf8_lossy(&check.stdout),
            "--format {format}: reduce differs from check; reduce stderr: {}",
            String::from_utf8_lossy(&reduce.stderr)
        );
        assert_eq!(reduce.status.code(), check.status.code(), "--format {format}");
    }
}

#[test]
fn seeds_in_any_split_reduce_to_check_in_every_format() {
    let seeds = sources("seeds");
    assert_eq!(seeds.len(), 5);
    let dir = tempfile::tempdir().unwrap();
    let check = factlint(&["check", "seeds", "--rules", "rules", "--format", "json"]);
    let report: Value = serde_json::from_slice(&check.stdout).unwrap();
    assert!(!report["findings"].as_array().unwrap().is_empty(), "the seeds' report has findings to compare");
    let splits: [&[&[usize]]; 3] = [&[&[0, 1, 2, 3, 4]], &[&[3, 4], &[0, 1, 2]], &[&[4], &[2, 0], &[1, 3]]];
    for (n, split) in splits.iter().enumerate() {
        let partitions: Vec<Vec<String>> =
            split.iter().map(|part| part.iter().map(|&i| seeds[i].clone()).collect()).collect();
        let sub = dir.path().join(n.to_string());
        std::fs::create_dir_all(&sub).unwrap();
        let claims = map_partitions(&sub, &partitions, "rules");
        assert_reduce_is_check(&["seeds".to_string()], &claims, "rules", &FORMATS);
    }
}

#[test]
fn events_and_an_unreadable_source_reduce_to_check() {
    for event in ["acquisition", "docs-site", "earthquake", "election"] {
        let folder = format!("tests/events/{event}");
        let rules = format!("{folder}/rules.yaml");
        let files = sources(&folder);
        let mut partitions = [Vec::new(), Vec::new()];
        for (i, file) in files.into_iter().enumerate() {
            partitions[i % 2].push(file);
        }
        let dir = tempfile::tempdir().unwrap();
        let claims = map_partitions(dir.path(), &partitions, &rules);
        assert_reduce_is_check(&[folder], &claims, &rules, &["json", "text"]);
    }

    // A source that cannot be read is in the claims file and in the reduced report.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("binary.txt");
    std::fs::write(&bad, [0u8, 159, 146, 150, 0, 0, 1, 2]).unwrap();
    let partitions = [vec![text(&bad), "seeds/000_6c0d67ebaf356fed.txt".into()], sources("seeds")[1..].to_vec()];
    let claims = map_partitions(dir.path(), &partitions, "rules");
    let written = std::fs::read_to_string(&claims[0]).unwrap();
    assert!(written.lines().any(|l| l.starts_with(r#"{"record":"error""#)), "{written}");
    let checked = vec![text(&bad), "seeds".to_string()];
    assert_reduce_is_check(&checked, &claims, "rules", &["json", "text"]);
}

proptest! {
    // Each case runs the binary a few times; a handful of random partitions covers the
    // orders and groupings that matter without taxing a 2-core CI.
    #![proptest_config(ProptestConfig { cases: 4, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_partition_of_the_seeds_reduces_to_check(
        parts in proptest::collection::vec(0usize..3, 5),
        reversed in any::<bool>(),
    ) {
        let seeds = sources("seeds");
        let mut partitions: Vec<Vec<String>> = vec![Vec::new(); 3];
        for (seed, part) in seeds.iter().zip(&parts) {
            partitions[*part].push(seed.clone());
        }
        let dir = tempfile::tempdir().unwrap();
        let mut claims = map_partitions(dir.path(), &partitions, "rules");
        if reversed {
            claims.reverse();
        }
        assert_reduce_is_check(&["seeds".to_string()], &claims, "rules", &["json"]);
    }
}

/// The seeds as documents on standard input, with the dates their manifest gives.
fn seed_documents() -> Vec<String> {
    let mapped = factlint(&["map", "seeds", "--rules", "rules"]);
    let claims = String::from_utf8(mapped.stdout).unwrap();
    let mut documents = Vec::new();
    for line in claims.lines() {
        let record: Value = serde_json::from_str(line).unwrap();
        if record["record"] == "source" {
            let path = record["path"].as_str().unwrap();
            let text = std::fs::read_to_string(root().join(path)).unwrap();
            let document = serde_json::json!({
                "path": path, "text": text, "published": record["published"],
                "outlet": record["outlet"], "title": record["title"],
            });
            documents.push(document.to_string());
        }
    }
    assert_eq!(documents.len(), 5);
    documents
}

#[test]
fn documents_on_stdin_map_as_their_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut documents = seed_documents();
    documents.reverse();
    let out = factlint_with_input(&["map", "-", "--rules", "rules"], &(documents.join("\n") + "\n"));
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let claims = dir.path().join("stdin.jsonl");
    std::fs::write(&claims, &out.stdout).unwrap();
    assert_reduce_is_check(&["seeds".to_string()], &[claims], "rules", &["json", "text"]);
}

#[test]
fn a_line_on_stdin_that_is_not_a_document_is_named_and_the_rest_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = seed_documents();
    lines.insert(1, "this is not JSON".to_string());
    lines.insert(3, r#"{"path": "x.txt"}"#.to_string());
    let out = factlint_with_input(&["map", "-", "--rules", "rules"], &(lines.join("\n") + "\n"));
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("<stdin>: line 2: not a document"), "{stderr}");
    assert!(stderr.contains("<stdin>: line 4: not a document"), "{stderr}");
    let claims = dir.path().join("stdin.jsonl");
    std::fs::write(&claims, &out.stdout).unwrap();
    let reduce = factlint(&["reduce", "--rules", "rules", "--format", "json", &text(&claims)]);
    assert_eq!(reduce.status.code(), Some(1));
    let reduced: Value = serde_json::from_slice(&reduce.stdout).unwrap();
    let check: Value =
        serde_json::from_slice(&factlint(&["check", "seeds", "--rules", "rules", "--format", "json"]).stdout).unwrap();
    assert_eq!(reduced["findings"], check["findings"]);
    assert_eq!(reduced["sources"], check["sources"]);
    let errors: Vec<&str> =
        reduced["errors"].as_array().unwrap().iter().map(|e| e["message"].as_str().unwrap()).collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].starts_with("line 2: ") && errors[1].starts_with("line 4: "), "{errors:?}");
}

/// A whole claims file of two seeds, for the bad-input tests to spoil.
fn whole_claims(dir: &Path) -> (PathBuf, String) {
    let files = map_partitions(dir, &[sources("seeds")[..2].to_vec()], "rules");
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(text.lines().count() > 10);
    (files[0].clone(), text)
}

fn reduce_fails(file: &Path, rules: &str) -> String {
    let out = factlint(&["reduce", "--rules", rules, "--format", "json", &text(file)]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(out.stdout.is_empty(), "nothing is reported: {}", String::from_utf8_lossy(&out.stdout));
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn a_claims_file_of_another_version_is_refused_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let (file, text) = whole_claims(dir.path());
    std::fs::write(&file, text.replacen(r#""version":1"#, r#""version":2"#, 1)).unwrap();
    let error = reduce_fails(&file, "rules");
    assert!(error.contains("claims format version 2") && error.contains("reads version 1"), "{error}");
    assert!(error.contains("part-0.jsonl"), "{error}");
}

#[test]
fn a_claims_file_cut_short_is_refused_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let (file, text) = whole_claims(dir.path());
    let lines: Vec<&str> = text.lines().collect();
    // Cut at a line end (the end record lost) and in the middle of a record.
    let at_line_end = lines[..lines.len() - 1].join("\n") + "\n";
    std::fs::write(&file, &at_line_end).unwrap();
    let error = reduce_fails(&file, "rules");
    let last = lines.len() - 1;
    assert!(error.contains(&format!("part-0.jsonl:{last}: ")) && error.contains("cut short"), "{error}");

    let mid_record = &text[..text.len() / 2];
    std::fs::write(&file, mid_record).unwrap();
    let error = reduce_fails(&file, "rules");
    let line = mid_record.lines().count();
    assert!(error.contains(&format!("part-0.jsonl:{line}: ")), "{error}");
}

#[test]
fn claims_of_other_rules_twice_or_not_claims_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (file, _) = whole_claims(dir.path());
    let error = reduce_fails(&file, "tests/events/earthquake/rules.yaml");
    assert!(error.contains("written with other rules"), "{error}");

    let again = dir.path().join("again.jsonl");
    std::fs::copy(&file, &again).unwrap();
    let out = factlint(&["reduce", "--rules", "rules", &text(&file), &text(&again)]);
    assert_eq!(out.status.code(), Some(2));
    let error = String::from_utf8_lossy(&out.stderr);
    assert!(error.contains("seeds/000_6c0d67ebaf356fed.txt") && error.contains("again.jsonl"), "{error}");

    let extracted = dir.path().join("extracted.jsonl");
    std::fs::write(&extracted, factlint(&["extract", "seeds"]).stdout).unwrap();
    let error = reduce_fails(&extracted, "rules");
    assert!(error.contains("extracted.jsonl:1: not a claims file"), "{error}");
}

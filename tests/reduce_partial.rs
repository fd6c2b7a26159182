//! The reduce step split by fact, end to end: the claims of a `map` run shuffled by
//! fact id (names by entity id) into parts, each part reduced with `reduce --partial`,
//! and `reduce SUMMARIES --merge FINDINGS...` writing `check`'s report byte for byte;
//! a fact reduced twice, a findings file cut short or of another format stop the
//! merge (exit 2). Also: a finding over more claims of a value than
//! `CLAIMS_PER_VALUE_MAX` lists the first and counts the rest, in the JSON and in text.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn factlint(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint")).args(args).current_dir(dir).output().unwrap()
}

/// A claims file of `lines` after `header`, with its `end` record.
fn claims_file(header: &str, lines: &[String]) -> String {
    let count = |kind: &str| lines.iter().filter(|l| l.starts_with(&format!("{{\"record\":\"{kind}\""))).count();
    let end = serde_json::json!({
        "record": "end", "sources": count("source"), "selected": count("selected"),
        "names": count("name"), "errors": count("error"),
    });
    let mut out = format!("{header}\n");
    for line in lines {
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(&format!("{end}\n"));
    out
}

/// The claims file `map` wrote, split as a shuffle by key would split it: part `i`
/// holds the keys whose place in key order is `i` modulo `parts`, each source's
/// `source` record before its first claim of the part. Returns the parts' claims
/// files and the summaries (header, `source` and `error` records).
fn shuffle(mapped: &str, parts: usize) -> (Vec<String>, String) {
    let mut lines = mapped.lines();
    let header = lines.next().unwrap();
    let mut keyed: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut summaries = Vec::new();
    let mut source = String::new();
    for line in lines {
        let record: Value = serde_json::from_str(line).unwrap();
        let key = match record["record"].as_str().unwrap() {
            "source" => {
                source = line.to_string();
                summaries.push(line.to_string());
                continue;
            }
            "error" => {
                summaries.push(line.to_string());
                continue;
            }
            "selected" => format!("fact:{}", record["fact"].as_str().unwrap()),
            "name" => format!("entity:{}", record["claim"]["entity"].as_str().unwrap_or("")),
            _ => continue,
        };
        let held = keyed.entry(key).or_default();
        if !held.contains(&source) {
            held.push(source.clone());
        }
        held.push(line.to_string());
    }
    let mut split: Vec<Vec<String>> = vec![Vec::new(); parts];
    for (i, (_, lines)) in keyed.into_iter().enumerate() {
        // Within a part, each source's records stay together, in map order.
        split[i % parts].push(lines.join("\n"));
    }
    let files = split
        .into_iter()
        .filter(|p| !p.is_empty())
        .map(|part| {
            let mut by_source: BTreeMap<String, Vec<String>> = BTreeMap::new();
            for block in part {
                let mut current = String::new();
                for line in block.lines() {
                    if line.starts_with("{\"record\":\"source\"") {
                        current = line.to_string();
                        by_source.entry(current.clone()).or_default();
                    } else {
                        by_source.get_mut(&current).unwrap().push(line.to_string());
                    }
                }
            }
            let lines: Vec<String> =
                by_source.into_iter().flat_map(|(source, claims)| std::iter::once(source).chain(claims)).collect();
            claims_file(header, &lines)
        })
        .collect();
    (files, claims_file(header, &summaries))
}

/// `map`, the shuffle into `parts`, `reduce --partial` per part, and the merge's
/// arguments: the summaries file, then `--merge` and each findings file.
fn partial_reduce(corpus: &str, rules: &str, dir: &Path, work: &Path, parts: usize) -> Vec<String> {
    let mapped = factlint(&["map", corpus, "--rules", rules], dir);
    let (files, summaries) = shuffle(&String::from_utf8(mapped.stdout).unwrap(), parts);
    assert!(files.len() > 1, "the shuffle made {} part(s)", files.len());
    let summary = work.join("sources.jsonl");
    std::fs::write(&summary, summaries).unwrap();
    let mut args = vec![summary.to_str().unwrap().to_string()];
    for (i, claims) in files.iter().enumerate() {
        let part = work.join(format!("part-{i}.jsonl"));
        std::fs::write(&part, claims).unwrap();
        let out = factlint(&["reduce", "--partial", part.to_str().unwrap(), "--rules", rules], dir);
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        let findings = work.join(format!("findings-{i}.jsonl"));
        std::fs::write(&findings, &out.stdout).unwrap();
        args.extend(["--merge".to_string(), findings.to_str().unwrap().to_string()]);
    }
    args
}

fn merged(args: &[String], rules: &str, format: &str, dir: &Path) -> Output {
    let mut all: Vec<&str> = vec!["reduce", "--rules", rules, "--format", format];
    all.extend(args.iter().map(String::as_str));
    factlint(&all, dir)
}

fn assert_same(merged: &Output, check: &Output, what: &str) {
    assert_eq!(
        String::from_utf8_lossy(&merged.stdout),
        String::from_utf8_lossy(&check.stdout),
        "{what}: {}",
        String::from_utf8_lossy(&merged.stderr)
    );
    assert_eq!(merged.status.code(), check.status.code(), "{what}");
}

#[test]
fn reduced_by_fact_and_merged_is_check() {
    let work = tempfile::tempdir().unwrap();
    for parts in [2, 3] {
        let args = partial_reduce("seeds", "rules", root(), work.path(), parts);
        for format in ["json", "text", "markdown", "sarif", "html", "github"] {
            let check = factlint(&["check", "seeds", "--rules", "rules", "--format", format], root());
            assert_same(&merged(&args, "rules", format, root()), &check, &format!("seeds {parts} parts {format}"));
        }
    }
    let event = root().join("tests/events/earthquake");
    let args = partial_reduce(".", "rules.yaml", &event, work.path(), 2);
    let check = factlint(&["check", ".", "--rules", "rules.yaml", "--format", "json"], &event);
    assert_same(&merged(&args, "rules.yaml", "json", &event), &check, "earthquake");
}

#[test]
fn a_fact_twice_or_a_findings_file_cut_short_stops_the_merge() {
    let work = tempfile::tempdir().unwrap();
    let args = partial_reduce("seeds", "rules", root(), work.path(), 2);
    // The same part twice: its facts are reduced twice.
    let mut twice = args.clone();
    twice.extend(args[1..3].iter().cloned());
    let out = merged(&twice, "rules", "json", root());
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("is reduced in") && stderr.contains("each fact belongs to one part"), "{stderr}");
    assert!(out.stdout.is_empty());
    // A findings file without its end record.
    let findings = PathBuf::from(&args[2]);
    let text = std::fs::read_to_string(&findings).unwrap();
    let cut = work.path().join("cut.jsonl");
    std::fs::write(&cut, text.lines().take(2).collect::<Vec<_>>().join("\n") + "\n").unwrap();
    let mut short = args[..2].to_vec();
    short.push(cut.to_str().unwrap().to_string());
    let out = merged(&short, "rules", "json", root());
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cut.jsonl:2:") && stderr.contains("cut short"), "{stderr}");
    // A claims file given as findings.
    let wrong = vec![args[0].clone(), "--merge".to_string(), args[0].clone()];
    let out = merged(&wrong, "rules", "json", root());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a findings file"));
}

/// `copies` copies of the seed articles, each in a folder of its own with its manifest.
fn seed_copies(dir: &Path, copies: usize) {
    for i in 0..copies {
        let folder = dir.join(format!("copy-{i:02}"));
        std::fs::create_dir_all(&folder).unwrap();
        for entry in std::fs::read_dir(root().join("seeds")).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, folder.join(path.file_name().unwrap())).unwrap();
        }
    }
}

#[test]
fn a_finding_lists_the_first_claims_of_a_value_and_counts_the_rest() {
    let corpus = tempfile::tempdir().unwrap();
    seed_copies(corpus.path(), 13);
    let rules = root().join("rules");
    let rules = rules.to_str().unwrap();
    let check = factlint(&["check", ".", "--rules", rules, "--format", "json"], corpus.path());
    let report: Value = serde_json::from_slice(&check.stdout).unwrap();
    let single: Value =
        serde_json::from_slice(&factlint(&["check", "seeds", "--rules", "rules", "--format", "json"], root()).stdout)
            .unwrap();
    let mut capped = 0;
    for finding in report["findings"].as_array().unwrap() {
        let mut listed: BTreeMap<(String, String), usize> = BTreeMap::new();
        for claim in finding["claims"].as_array().unwrap() {
            let key = (claim["kind"].to_string(), claim["value"].to_string());
            *listed.entry(key).or_default() += 1;
        }
        assert!(listed.values().all(|&n| n <= 50), "{}: {listed:?}", finding["id"]);
        for omitted in finding["omitted"].as_array().into_iter().flatten() {
            let key = (omitted["kind"].to_string(), omitted["value"].to_string());
            // A value is counted only once its first 50 claims are listed.
            assert_eq!(listed.get(&key), Some(&50), "{}: {omitted}", finding["id"]);
            assert!(omitted["claims"].as_u64().unwrap() > 0);
            capped += 1;
        }
    }
    assert!(capped > 0, "no finding over the cap in 13 copies of the seeds");
    // The single copy's findings have no count: every claim is listed.
    assert!(single["findings"].as_array().unwrap().iter().all(|f| f.get("omitted").is_none()));
    // The text report says how many more claims there are and where to read them.
    let text = factlint(&["check", ".", "--rules", rules, "--format", "text"], corpus.path());
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("lists the first 50 of each value and counts the rest"), "{text:.2000}");
    // Split by fact, the capped report is the same.
    let work = tempfile::tempdir().unwrap();
    let args = partial_reduce(".", rules, corpus.path(), work.path(), 2);
    assert_same(&merged(&args, rules, "json", corpus.path()), &check, "13 copies");
}

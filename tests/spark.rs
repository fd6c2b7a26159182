//! The Spark example (`examples/spark/factlint_spark.py`) in Spark local mode
//! (`local[2]`): its report equals `factlint check`'s over the same sources, from a
//! folder with its manifest (claims shuffled by fact id to three reducers) and from a
//! JSON Lines dataset of documents (reduced once on the driver). Needs `python3`
//! with `pyspark` and Java: under `CI=true` (`.ci/run` installs pyspark) a missing one
//! fails the test; elsewhere it is a visible skip.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn factlint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint")).args(args).current_dir(root()).output().unwrap()
}

/// Why Spark cannot run here, if it cannot.
fn spark_missing() -> Option<String> {
    let java = Command::new("java").arg("-version").output();
    if !java.is_ok_and(|o| o.status.success()) {
        return Some("no `java` on PATH (Spark needs Java 17)".into());
    }
    let pyspark = Command::new("python3").args(["-c", "import pyspark, yaml"]).output();
    match pyspark {
        Ok(out) if out.status.success() => None,
        Ok(out) => {
            Some(format!("python3 cannot import pyspark and yaml: {}", String::from_utf8_lossy(&out.stderr).trim()))
        }
        Err(e) => Some(format!("no python3: {e}")),
    }
}

fn spark(corpus: &str, format: &str, reduce: &str) -> Output {
    Command::new("python3")
        .args([
            "examples/spark/factlint_spark.py",
            "--reduce",
            reduce,
            "--reducers",
            "3",
            "--factlint",
            env!("CARGO_BIN_EXE_factlint"),
            "--rules",
            "rules",
            "--master",
            "local[2]",
            "--partitions",
            "3",
            "--format",
            format,
            corpus,
        ])
        .current_dir(root())
        .output()
        .unwrap()
}

#[test]
fn spark_local_mode_reports_what_check_reports() {
    if let Some(why) = spark_missing() {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("Spark cannot start: {why}, and CI=true requires it (.ci/run installs pyspark)");
        }
        eprintln!("SKIPPED spark_local_mode_reports_what_check_reports: {why}");
        return;
    }
    let check = factlint(&["check", "seeds", "--rules", "rules", "--format", "json"]);
    let report: Value = serde_json::from_slice(&check.stdout).unwrap();
    assert!(!report["findings"].as_array().unwrap().is_empty());

    // A folder, its manifest's dates read by the job; claims shuffled by fact id.
    let out = spark("seeds", "json", "shuffle");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&check.stdout),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), check.status.code());

    // A dataset of documents, as an engine holds a corpus: JSON Lines with the dates.
    let dir = tempfile::tempdir().unwrap();
    let mapped = String::from_utf8(factlint(&["map", "seeds", "--rules", "rules"]).stdout).unwrap();
    let mut documents = String::new();
    for line in mapped.lines() {
        let record: Value = serde_json::from_str(line).unwrap();
        if record["record"] == "source" {
            let path = record["path"].as_str().unwrap();
            let text = std::fs::read_to_string(root().join(path)).unwrap();
            documents.push_str(
                &serde_json::json!({
                    "path": path, "text": text, "published": record["published"],
                    "outlet": record["outlet"], "title": record["title"],
                })
                .to_string(),
            );
            documents.push('\n');
        }
    }
    let dataset = dir.path().join("documents.jsonl");
    std::fs::write(&dataset, documents).unwrap();
    let check = factlint(&["check", "seeds", "--rules", "rules", "--format", "text"]);
    let out = spark(dataset.to_str().unwrap(), "text", "driver");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&check.stdout),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), check.status.code());
}

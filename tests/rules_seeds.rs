//! The name checks on the seed articles: what `factlint check` reports for spellings
//! and acronym expansions, with every claim's place, snapshotted in `snapshots/`.

use std::process::Command;

use serde_json::Value;

#[test]
fn the_seeds_name_findings() {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", "seeds", "--rules", "rules", "--format", "json", "--fail-on", "never"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = |v: &Value| v.as_str().map_or_else(|| v.to_string(), str::to_string);
    let mut lines = Vec::new();
    for finding in report["findings"].as_array().unwrap() {
        let kind = finding["kind"].as_str().unwrap();
        if kind != "variant" && kind != "expansion" {
            continue;
        }
        lines.push(format!(
            "{} {kind} {}: {}",
            text(&finding["severity"]),
            text(&finding["id"]),
            text(&finding["message"])
        ));
        for claim in finding["claims"].as_array().unwrap() {
            lines.push(format!(
                "  {}:{}:{}: {}",
                text(&claim["source"]),
                claim["line"],
                claim["column"],
                text(&claim["text"])
            ));
        }
    }
    let kinds: Vec<&str> = lines.iter().filter(|l| !l.starts_with(' ')).map(|l| l.split(' ').nth(2).unwrap()).collect();
    assert_eq!(kinds, ["dprk:", "kim-jong-il:", "kim-jong-un:", "ri-sol-ju:"]);
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        let report = lines.join("\n");
        insta::assert_snapshot!("rules-seeds-names", report);
    });
}

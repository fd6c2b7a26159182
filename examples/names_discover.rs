//! Discovers entities without rules over the sources given (names written two ways
//! across sources, acronyms with two expansions) and runs the ordinary check with
//! them, printing both as one JSON object: `{"entities": [...], "report": {...}}`,
//! the report in the format of `factlint check --format json`. What
//! `scripts/accuracy-names.py` scores until `factlint discover` reports names.
//!
//! Usage: `cargo run --example names_discover -- FOLDER [...]`

use std::path::PathBuf;
use std::process::ExitCode;

use factlint::pipeline::RunOptions;
use factlint::pipeline::discovered::check_discovered_names;

fn main() -> ExitCode {
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        eprintln!("usage: names_discover FOLDER [...]");
        return ExitCode::from(2);
    }
    match check_discovered_names(&paths, &RunOptions::default()) {
        Ok((found, report)) => {
            let entities: Vec<serde_json::Value> = found
                .iter()
                .map(|e| {
                    serde_json::json!({
                        "id": e.id, "name": e.spec.name, "expansion": e.spec.expansion, "spellings": e.spellings,
                    })
                })
                .collect();
            let out = serde_json::json!({ "entities": entities, "report": report });
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

//! Runs the sentence segmenter over an evaluation set and prints its predictions, or
//! measures its speed.
//!
//! ```text
//! cargo run -q --example golden_rules -- GOLD.jsonl > pred.jsonl   # {"id", "sentences"} a line
//! cargo run -q --release --example golden_rules -- --speed FILE... # MB/s on one core
//! ```
//!
//! Gold lines are `{"id", "text", ...}`; `scripts/accuracy-segmentation.sh` scores the
//! predictions with the evaluation set's `score.py`.

use std::io::{self, BufWriter, Write};
use std::time::Instant;

use factlint::segment;
use serde_json::{Value, json};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.split_first() {
        Some((flag, files)) if flag == "--speed" => speed(files),
        Some((gold, [])) => predict(gold),
        _ => Err("usage: golden_rules GOLD.jsonl | golden_rules --speed FILE...".into()),
    }
}

/// Prints one `{"id", "sentences"}` line for each gold example.
fn predict(gold: &str) -> Result<(), Box<dyn std::error::Error>> {
    let mut out = BufWriter::new(io::stdout().lock());
    for line in std::fs::read_to_string(gold)?.lines().filter(|line| !line.trim().is_empty()) {
        let record: Value = serde_json::from_str(line)?;
        let text = record["text"].as_str().ok_or("a gold line has no text")?;
        let sentences: Vec<&str> = segment::split(text).iter().map(|span| span.slice(text)).collect();
        writeln!(out, "{}", json!({"id": record["id"], "sentences": sentences}))?;
    }
    Ok(())
}

/// Splits the files' text, block by block (blank lines apart), until a second has
/// passed, and prints the throughput. JSONL files contribute their `text` fields.
fn speed(files: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let mut blocks = Vec::new();
    for file in files {
        let content = std::fs::read_to_string(file)?;
        if file.ends_with(".jsonl") {
            for line in content.lines().filter(|line| !line.trim().is_empty()) {
                let record: Value = serde_json::from_str(line)?;
                blocks.extend(record["text"].as_str().unwrap_or("").split("\n\n").map(str::to_string));
            }
        } else {
            blocks.extend(content.split("\n\n").map(str::to_string));
        }
    }
    let bytes: usize = blocks.iter().map(String::len).sum();
    let clock = Instant::now();
    let (mut rounds, mut sentences) = (0usize, 0usize);
    while rounds == 0 || clock.elapsed().as_secs_f64() < 1.0 {
        sentences += blocks.iter().map(|block| segment::split(block).len()).sum::<usize>();
        rounds += 1;
    }
    let seconds = clock.elapsed().as_secs_f64();
    println!(
        "{} bytes x {rounds} rounds, {} sentences a round: {:.1} MB/s",
        bytes,
        sentences / rounds,
        (bytes * rounds) as f64 / seconds / 1e6
    );
    Ok(())
}

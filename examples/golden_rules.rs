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
use unicode_segmentation::UnicodeSegmentation;

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

/// Splits the files' text, block by block (blank lines apart), and prints the
/// throughput, beside that of raw UAX #29 on the same blocks. JSONL files contribute
/// their `text` fields.
/// MB/s of `run` over `bytes` bytes, repeated until a second has passed, and what one
/// run returns.
fn throughput(bytes: usize, run: impl Fn() -> usize) -> (f64, usize) {
    let clock = Instant::now();
    let (mut rounds, mut count) = (0, 0);
    while rounds == 0 || clock.elapsed().as_secs_f64() < 1.0 {
        count = std::hint::black_box(run());
        rounds += 1;
    }
    ((bytes * rounds) as f64 / clock.elapsed().as_secs_f64() / 1e6, count)
}

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
    let ours = throughput(bytes, || blocks.iter().map(|block| segment::split(block).len()).sum());
    let uax29 = throughput(bytes, || blocks.iter().map(|block| block.split_sentence_bound_indices().count()).sum());
    println!("{bytes} bytes in {} blocks", blocks.len());
    println!("factlint segment::split: {:.1} MB/s, {} sentences", ours.0, ours.1);
    println!("raw UAX #29 (unicode-segmentation): {:.1} MB/s, {} pieces", uax29.0, uax29.1);
    Ok(())
}

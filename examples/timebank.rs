//! Runs time-expression extraction over TimeBank-style JSONL documents (one
//! `{"doc", "dct", "text", ...}` a line) and writes one predicted TIMEX3 a line
//! (`{"doc", "start", "end", "type", "value"}`, code-point offsets) for `score.py`.
//!
//! Usage: `cargo run --release --example timebank -- GOLD.jsonl [...] > PRED.jsonl`

use std::io::{BufRead, BufReader, Write};

use factlint::extract::{self, Context};
use factlint::value::ClaimKind;
use jiff::civil::Date;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for path in std::env::args().skip(1) {
        let file = std::fs::File::open(&path)?;
        for line in BufReader::new(file).lines() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            let doc: serde_json::Value = serde_json::from_str(&line)?;
            let name = doc["doc"].as_str().unwrap_or_default();
            let text = doc["text"].as_str().unwrap_or_default();
            let published = doc["dct"].as_str().and_then(|d| d.parse::<Date>().ok());
            for (start, end, kind, value) in timexes(text, Context { published }) {
                let record = serde_json::json!({
                    "doc": name, "start": start, "end": end, "type": kind, "value": value,
                });
                writeln!(out, "{record}")?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// The timexes of a document: blocks split on blank lines, blocks into sentences, and
/// byte offsets turned into code-point offsets.
fn timexes(text: &str, context: Context) -> Vec<(usize, usize, &'static str, String)> {
    let mut chars = vec![0usize; text.len() + 1];
    let mut count = 0;
    for (i, c) in text.char_indices() {
        for slot in &mut chars[i..i + c.len_utf8()] {
            *slot = count;
        }
        count += 1;
    }
    chars[text.len()] = count;
    let mut out = Vec::new();
    let mut block_start = 0;
    for block in text.split("\n\n") {
        for sentence in factlint::segment::split(block) {
            let offset = block_start + sentence.start;
            let Some(sentence_text) = block.get(sentence.start..sentence.end) else { continue };
            for t in extract::timexes(sentence_text, &context) {
                let kind = match t.kind {
                    ClaimKind::Duration => "DURATION",
                    _ if t.value.contains('T') && !t.value.ends_with("_REF") => "TIME",
                    _ => "DATE",
                };
                out.push((chars[offset + t.span.start], chars[offset + t.span.end], kind, t.value));
            }
        }
        block_start += block.len() + 2;
    }
    out
}

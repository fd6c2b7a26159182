//! The English Golden Rules of the Pragmatic Segmenter (48 examples, a copy of
//! `eval/segmentation/golden_rules_en.jsonl`): the segmenter must keep passing at least
//! as many as `docs/accuracy-segmentation.md` reports.

use factlint::segment;
use serde::Deserialize;

/// Examples passing when the figure in `docs/accuracy-segmentation.md` was measured.
const PASSING: usize = 48;

#[derive(Deserialize)]
struct Example {
    id: String,
    text: String,
    sentences: Vec<String>,
    genre: String,
}

#[test]
fn golden_rules_do_not_regress() {
    let examples: Vec<Example> = include_str!("data/golden_rules_en.jsonl")
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(examples.len(), 48);
    let mut failures = Vec::new();
    for example in &examples {
        let got: Vec<&str> = segment::split(&example.text).iter().map(|span| span.slice(&example.text)).collect();
        let expected: Vec<&str> = example.sentences.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
        if got != expected {
            failures.push(format!("{} ({}):\n  expected {expected:?}\n  got      {got:?}", example.id, example.genre));
        }
    }
    let passing = examples.len() - failures.len();
    assert!(
        passing >= PASSING,
        "{passing}/{} golden rules pass, fewer than {PASSING}:\n{}",
        examples.len(),
        failures.join("\n")
    );
}

//! The English Golden Rules of the Pragmatic Segmenter (48 examples, a copy of
//! `eval/segmentation/golden_rules_en.jsonl`): the segmenter must keep passing at least
//! as many as `docs/accuracy-segmentation.md` reports. Beside them, news-style rules
//! written for this repository (`data/news_rules_en.jsonl`: titles before names, clock
//! times before zones, weekdays and months, datelines, quotes), in the same format.

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

/// The examples of a JSON Lines set and the ones the segmenter gets wrong.
fn run(jsonl: &str) -> (usize, Vec<String>) {
    let examples: Vec<Example> =
        jsonl.lines().filter(|line| !line.trim().is_empty()).map(|line| serde_json::from_str(line).unwrap()).collect();
    let mut failures = Vec::new();
    for example in &examples {
        let got: Vec<&str> = segment::split(&example.text).iter().map(|span| span.slice(&example.text)).collect();
        let expected: Vec<&str> = example.sentences.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
        if got != expected {
            failures.push(format!("{} ({}):\n  expected {expected:?}\n  got      {got:?}", example.id, example.genre));
        }
    }
    (examples.len(), failures)
}

#[test]
fn golden_rules_do_not_regress() {
    let (count, failures) = run(include_str!("data/golden_rules_en.jsonl"));
    assert_eq!(count, 48);
    let passing = count - failures.len();
    assert!(passing >= PASSING, "{passing}/{count} golden rules pass, fewer than {PASSING}:\n{}", failures.join("\n"));
}

#[test]
fn news_rules_all_pass() {
    let (count, failures) = run(include_str!("data/news_rules_en.jsonl"));
    assert_eq!(count, 22);
    assert!(failures.is_empty(), "{} of {count} news rules fail:\n{}", failures.len(), failures.join("\n"));
}

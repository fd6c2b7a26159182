#!/bin/sh
# Scores the sentence segmenter on the English Golden Rules (or another gold JSONL).
#
#   scripts/accuracy-segmentation.sh [GOLD.jsonl] [--errors N]
#
# Predictions go to target/segmentation-pred.jsonl; the scorer is the evaluation set's
# score.py (../shared/eval/segmentation/score.py from the repository root).
set -eu
cd "$(dirname "$0")/.."
gold=${1:-tests/data/golden_rules_en.jsonl}
[ $# -gt 0 ] && shift
scorer=${SCORER:-../shared/eval/segmentation/score.py}
pred=target/segmentation-pred.jsonl
cargo run -q --example golden_rules -- "$gold" > "$pred"
python3 "$scorer" "$gold" "$pred" "$@"

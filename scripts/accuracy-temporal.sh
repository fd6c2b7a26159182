#!/usr/bin/env bash
# Scores time-expression extraction on the TimeBank + AQUAINT dev set (TIMEX3 gold with
# publication dates): strict and relaxed span F1 and value F1, as TempEval-3 scored them.
#
#   scripts/accuracy-temporal.sh [GOLD.jsonl ...] [-- score.py options, e.g. --errors 50]
#
# EVAL points at the data folder (default /work/shared/eval/temporal).
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL="${EVAL:-/work/shared/eval/temporal}"
gold=()
while [[ $# -gt 0 && "$1" != "--" ]]; do gold+=("$1"); shift; done
[[ "${1:-}" == "--" ]] && shift
[[ ${#gold[@]} -eq 0 ]] && gold=("$EVAL/timebank.jsonl" "$EVAL/aquaint.jsonl")
pred="$(mktemp "${TMPDIR:-/tmp}/factlint-timex.XXXXXX.jsonl")"
trap 'rm -f "$pred"' EXIT
cargo build -q --release --example timebank
target/release/examples/timebank "${gold[@]}" > "$pred"
python3 "$EVAL/score.py" "${gold[@]}" --pred "$pred" "$@"

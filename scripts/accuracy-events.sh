#!/bin/sh
# Scores factlint on the development news events (several outlets per event, a decoy,
# gold annotations, the rules a desk would write), with the events' own scorer.
#
#   scripts/accuracy-events.sh [--verbose] [--event NAME]
#
# Reads ../shared/eval/events/ (beside the repository, or EVENTS=DIR); a user's clone
# has none, and the script says so instead of scoring nothing.
set -eu
cd "$(dirname "$0")/.."
events=${EVENTS:-../shared/eval/events}
if [ ! -f "$events/score.py" ]; then
  echo "accuracy-events: no development events at $events (set EVENTS=DIR); nothing scored" >&2
  exit 2
fi
cargo build --release --quiet
python3 "$events/score.py" "$(realpath "${CARGO_TARGET_DIR:-target}")/release/factlint" "$@"

#!/bin/sh
# Scores `factlint discover` (no rules) on the development news events with the events'
# own scorer: the scorer runs `BIN check TMP --rules R --format json --fail-on never`, and
# BIN here is a shim that runs `factlint discover TMP --format json --fail-on never`
# instead, so the desk's rules are never read.
#
#   scripts/accuracy-discover.sh [--verbose] [--event NAME]
#
# Reads ../shared/eval/events/ (beside the repository, or EVENTS=DIR); a user's clone
# has none, and the script says so instead of scoring nothing. FACTLINT=PATH scores that
# binary instead of a fresh release build; MIN_CONFIDENCE=C passes --min-confidence C.
set -eu
cd "$(dirname "$0")/.."
events=${EVENTS:-../shared/eval/events}
if [ ! -f "$events/score.py" ]; then
  echo "accuracy-discover: no development events at $events (set EVENTS=DIR); nothing scored" >&2
  exit 2
fi
if [ -z "${FACTLINT:-}" ]; then
  cargo build --release --quiet
  FACTLINT="$(realpath "${CARGO_TARGET_DIR:-target}")/release/factlint"
fi
shim_dir=$(mktemp -d)
trap 'rm -rf "$shim_dir"' EXIT
cat > "$shim_dir/factlint-discover" <<SHIM
#!/bin/sh
# check DIR --rules R ...: the folder is the second argument; everything else is dropped.
exec "$FACTLINT" discover "\$2" --format json --fail-on never ${MIN_CONFIDENCE:+--min-confidence $MIN_CONFIDENCE}
SHIM
chmod +x "$shim_dir/factlint-discover"
python3 "$events/score.py" "$shim_dir/factlint-discover" "$@"

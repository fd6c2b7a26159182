#!/usr/bin/env bash
# Peers, side by side: factlint against sentence splitters (sentencex, pySBD) and
# time-expression parsers (chrono-node, dateparser, Duckling) on the same news corpus.
#
#     benches/peers/run.sh            # from anywhere
#
# Installs the peers into benches/peers/.env (install.sh), writes the corpora
# (benches/corpus.py), builds factlint in release, then prints one table: tool, task,
# MB processed, seconds, MB/s and factlint's ratio to it. Peers are timed in process
# (text loaded first, only the segmentation/parse calls timed); factlint is timed
# whole-process (reading files, writing JSONL to /dev/null, one thread), which can
# only flatter the peers. Both wall and CPU seconds are kept; MB/s and the ratio use
# CPU seconds, which other jobs on a shared machine disturb less. Fast tools get the
# 100 MB corpus; the slow ones (pySBD, dateparser, Duckling) the 10 MB corpus, cut
# after BUDGET wall seconds (default 120), and the MB column says how much they got
# through. factlint's figure is the best of 3 runs on the same corpus. The raw
# results stay in target/bench-logs/peers.jsonl (`table.py < it` prints the table);
# SKIP_PEERS=1 measures factlint again and keeps the peers' last figures from it.
set -euo pipefail
cd "$(dirname "$0")/../.."
budget="${BUDGET:-120}"
peers=benches/peers
py="$peers/.env/venv/bin/python"
mkdir -p target/bench-logs
results=target/bench-logs/peers.jsonl
kept="$(mktemp)"
trap 'rm -f "$kept"' EXIT
if [[ "${SKIP_PEERS:-}" == 1 && -f "$results" ]]; then grep -v '"tool": "factlint ' "$results" > "$kept" || true; fi
: > "$results"

"$peers/install.sh" >&2
python3 benches/corpus.py 10 >&2
python3 benches/corpus.py 100 >&2
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/factlint"

# factlint_run TASK SUBCOMMAND CORPUS: whole-process run, best of 3 by CPU time.
factlint_run() {
  local task="$1" cmd="$2" corpus="$3" best="" bytes
  bytes=$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')
  for _ in 1 2 3; do
    local times
    times=$(/usr/bin/time -f '%e %U %S' "$bin" "$cmd" "$corpus" --format jsonl --jobs 1 2>&1 > /dev/null | tail -1)
    best=$(echo "$times $best" | awk '{cpu = $2 + $3; if ($4 == "" || cpu < $5) print $1, cpu; else print $4, $5}')
  done
  read -r wall cpu <<< "$best"
  echo "{\"tool\": \"factlint $cmd\", \"task\": \"$task\", \"corpus\": \"$corpus\", \"bytes\": $bytes, \"seconds\": $wall, \"cpu\": $cpu}"
}

for size in 10 100; do
  factlint_run sentences segment "target/corpus/$size" >> "$results"
  factlint_run "all claims" extract "target/corpus/$size" >> "$results"
done

run_peer() { # TOOL CORPUS MAX_MB
  echo "peers: $1 on $2" >&2
  if [[ "$1" == chrono-node ]]; then
    timeout $((budget + 120)) node "$peers/chrono.mjs" "$2" "$3" "$budget"
  else
    timeout $((budget + 120)) "$py" "$peers/bench.py" "$1" "$2" "$3" "$budget"
  fi | sed "s|^{|{\"corpus\": \"$2\", |" >> "$results" || echo "peers: $1 failed or timed out" >&2
}
if [[ "${SKIP_PEERS:-}" == 1 ]]; then
  cat "$kept" >> "$results"
else
  run_peer sentencex target/corpus/100 100
  run_peer chrono-node target/corpus/100 100
  run_peer pysbd target/corpus/10 10
  run_peer dateparser target/corpus/10 10
  run_peer duckling target/corpus/10 10
fi

python3 "$peers/table.py" < "$results"

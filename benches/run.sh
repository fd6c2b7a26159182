#!/usr/bin/env bash
# Whole-process runs: wall time, MB/s and peak memory of the release binary on the
# benchmark corpora (benches/corpus.py), as a user would run it.
#
#     benches/run.sh [SIZE...]       # from anywhere; sizes in MB, default 10 100 1000
#
# For each size: `factlint check` with the seed rules, on one thread and on all
# cores; then `factlint segment` and `factlint extract` on the 100 MB corpus (when 100
# is among the sizes); then `check` on all cores over the seed articles copied to SEEDS
# MB (default "10 30 100", `corpus.py --seeds`), where the rules select many claims per
# fact and the reduce step carries the load. JOBS (default "1 <nproc>") chooses the
# thread counts of the first rows. Each run is repeated REPEAT times (default 3) under
# `/usr/bin/time -v` and the table shows the median wall time (the machine is shared,
# so one run proves little), the median CPU time (user + system, less disturbed by
# other jobs) and the largest peak RSS. The full `time -v` logs stay in
# target/bench-logs.
set -euo pipefail
cd "$(dirname "$0")/.."
if (($#)); then sizes=("$@"); else sizes=(10 100 1000); fi
repeat="${REPEAT:-3}"
cores="$(nproc)"
logs=target/bench-logs
mkdir -p "$logs"

if [[ ! -x /usr/bin/time ]]; then
  echo "run.sh: /usr/bin/time is missing: apt-get install -y time" >&2
  exit 1
fi
cargo build --release --quiet
bin="$(realpath "${CARGO_TARGET_DIR:-target}")/release/factlint"
read -r -a seeds <<< "${SEEDS-10 30 100}"
for size in "${sizes[@]}"; do python3 benches/corpus.py "$size" >&2; done
for size in "${seeds[@]}"; do python3 benches/corpus.py --seeds "$size" >&2; done

bytes_of() { find "$1" -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}'; }

# median VALUE...: the middle value (the lower of the two middle ones for an even count).
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

# measure LABEL CORPUS JOBS -- COMMAND...: prints one table row.
measure() {
  local label="$1" corpus="$2" jobs="$3"
  shift 4
  local walls=() cpus=() rss=0 bytes
  bytes=$(bytes_of "$corpus")
  for i in $(seq "$repeat"); do
    local log="$logs/${label// /_}-$(basename "$corpus")-j$jobs-$i.txt"
    /usr/bin/time -v -o "$log" "$@" > /dev/null || [[ $? -eq 1 ]] # exit 1 = findings, not a failure
    walls+=("$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + p[k]; print s}' "$log")")
    cpus+=("$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$log")")
    local kb
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    if ((kb > rss)); then rss=$kb; fi
  done
  local wall cpu
  wall=$(median "${walls[@]}")
  cpu=$(median "${cpus[@]}")
  awk -v label="$label" -v size="$(basename "$corpus" | sed 's/^seeds-//')" -v jobs="$jobs" -v walls="${walls[*]}" -v wall="$wall" \
    -v cpu="$cpu" -v bytes="$bytes" -v rss="$rss" 'BEGIN {
      printf "| %s | %s MB | %s | %s | %.2f | %.2f | %.1f | %.1f | %.0f |\n", label, size, jobs, walls, wall, cpu,
        bytes / 1e6 / wall, bytes / 1e6 / cpu, rss / 1024
    }'
}

echo "factlint $(git rev-parse --short HEAD), $cores cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo
echo "| command | corpus | jobs | wall times (s) | median wall (s) | median CPU (s) | MB/s (wall) | MB/s (CPU) | max RSS (MB) |"
echo "| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |"
for size in "${sizes[@]}"; do
  corpus="target/corpus/$size"
  for jobs in ${JOBS:-1 $cores}; do
    measure check "$corpus" "$jobs" -- "$bin" check "$corpus" --rules rules --format json --output /dev/null --jobs "$jobs"
  done
done
if [[ " ${sizes[*]} " == *" 100 "* ]]; then
  for cmd in segment extract; do
    for jobs in 1 "$cores"; do
      measure "$cmd" target/corpus/100 "$jobs" -- "$bin" "$cmd" target/corpus/100 --format jsonl --jobs "$jobs"
    done
  done
fi
for size in "${seeds[@]}"; do
  corpus="target/corpus/seeds-$size"
  measure "check (seeds)" "$corpus" "$cores" -- "$bin" check "$corpus" --rules rules --format json --output /dev/null --jobs "$cores"
done

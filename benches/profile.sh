#!/usr/bin/env bash
# Where the time goes: an instruction profile of one whole-process run on a small
# corpus, the top functions by their own cost and factlint's functions by inclusive
# cost (share of all instructions).
#
#     benches/profile.sh [check|segment|extract] [SIZE_MB|seeds-SIZE_MB]   # default: check 1
#
# Uses `perf record` when the machine exposes hardware counters (`perf stat -e
# instructions true` works), else valgrind's callgrind, which counts instructions
# exactly but runs some 50 times slower (hence the 1 MB corpus); PERF_CLOCK=1 samples
# the CPU clock with perf instead, for runs too long for callgrind (the reduce on a
# seeds corpus). One thread, so the profile is not split across rayon's workers.
# Output: target/bench-logs/profile-*.
set -euo pipefail
cd "$(dirname "$0")/.."
cmd="${1:-check}"
size="${2:-1}"
corpus="target/corpus/$size"
out="target/bench-logs/profile-$cmd-$size"
mkdir -p target/bench-logs
case "$size" in
  seeds-*) python3 benches/corpus.py --seeds "${size#seeds-}" >&2 ;;
  *) python3 benches/corpus.py "$size" >&2 ;;
esac
cargo build --release --quiet
args=("${CARGO_TARGET_DIR:-target}/release/factlint" "$cmd" "$corpus" --jobs 1)
case "$cmd" in
  check) args+=(--rules rules --format json --output /dev/null) ;;
  *) args+=(--format jsonl) ;;
esac

if perf stat -e instructions true 2>&1 | grep -q '[0-9][0-9,]* *instructions' || [[ "${PERF_CLOCK:-}" == 1 ]]; then
  event=cycles
  if [[ "${PERF_CLOCK:-}" == 1 ]]; then event=cpu-clock; fi
  # DWARF call graphs: the release build keeps line tables but no frame pointers.
  perf record -q -e "$event" -F 499 --call-graph dwarf,16384 -o "$out.perf" "${args[@]}" > /dev/null
  echo "== top functions by own cost (perf $event, $cmd on $size MB) =="
  perf report -i "$out.perf" --no-children --percent-limit 1 --stdio 2> /dev/null | grep -E '^ +[0-9.]+%' | head -25
  echo "== factlint functions by inclusive cost =="
  perf report -i "$out.perf" --children --percent-limit 1 --stdio 2> /dev/null | grep -E '^ +[0-9.]+%' \
    | grep -E ' factlint::[a-z_:]+[A-Za-z_]*$' | head -25
  exit 0
fi
valgrind --tool=callgrind --callgrind-out-file="$out.callgrind" "${args[@]}" > /dev/null 2> "$out.log" || true
# callgrind_annotate splits a function over the files its inlined code comes from;
# summing own costs by function name (and taking the largest inclusive cost) puts
# each function on one line.
by_function() {
  python3 -c '
import re, sys
inclusive = sys.argv[1] == "inclusive"
total, cost = 0, {}
for line in sys.stdin:
    m = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+(\S.*?)(?: \[[^]]*\])?$", line)
    if not m or "=>" in line:
        continue
    n, where = int(m.group(1).replace(",", "")), m.group(2)
    if where == "PROGRAM TOTALS":
        total = n
        continue
    name = re.sub(r"^.*?\.(rs|c|S|h|cc|cpp)(?=:)|^\?\?\?(?=:)", "", where)[1:]
    cost[name] = max(cost.get(name, 0), n) if inclusive else cost.get(name, 0) + n
pattern = sys.argv[2] if len(sys.argv) > 2 else ""
rows = [(n, name) for name, n in cost.items() if pattern in name]
for n, name in sorted(rows, reverse=True)[:25]:
    print(f"{100 * n / total:6.2f}%  {name[:150]}")
' "$@"
}
echo "== top functions by own cost (callgrind, $cmd on $size MB, share of all instructions) =="
callgrind_annotate --auto=no "$out.callgrind" | by_function self
echo "== factlint functions by inclusive cost =="
callgrind_annotate --auto=no --inclusive=yes "$out.callgrind" | by_function inclusive factlint::

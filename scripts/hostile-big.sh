#!/usr/bin/env bash
# Runs each family of hostile input at growing sizes against a release build and prints
# a table of wall time and peak RSS, so that anything quadratic shows as a row that
# grows four times when the input doubles. Then runs the hostile tests that are too
# slow for a debug CI run (a 200 MB file, a 50 MB single line), niced.
#
#   scripts/hostile-big.sh            # the table, then the slow tests
#   scripts/hostile-big.sh --table    # the table only
#
# Inputs are generated in a temporary folder; every probe runs under `timeout 60` and
# `ulimit -v 4000000` (4 GB), so a regression shows as TIMEOUT or FAILED, not as a
# machine out of memory.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="$PWD/target/release/factlint"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Prose with dates, numbers and durations; $1 bytes; $2 = line for one unterminated line.
prose() {
    python3 - "$1" "${2:-}" <<'PY'
import sys
n, mode = int(sys.argv[1]), sys.argv[2]
s = ["Kim Jong Un visited Beijing on March 26, 2018, for four days",
     "about 28,500 US troops are stationed in South Korea",
     "the train travelled 1,300 kilometres in 20 hours",
     "Mr Xi, 64, hosted a banquet for 300 guests on Monday"]
out, i, size = [], 0, 0
while size < n:
    out.append(s[i % 4]); size += len(s[i % 4]) + 2; i += 1
sep = ", " if mode == "line" else ".\n"
sys.stdout.write(sep.join(out) + "\n")
PY
}

table_md() {
    python3 - "$1" <<'PY'
import sys
rows = int(sys.argv[1])
print("| Event | Date | Attendance |\n|---|---|---|")
for r in range(rows):
    print(f"| Summit {r} | March {r % 28 + 1}, 2018 | {1000 + r} |")
PY
}

cat > "$work/rules.yaml" <<'YAML'
entities:
  kim:
    name: Kim Jong Un
    aliases: [Kim]
facts:
  visit-length:
    claim: duration
    about: [kim]
    cues: [visit, stayed]
  summit-date:
    claim: date
    cues: [summit]
YAML

printf '| %-28s | %10s | %8s | %10s | %s\n' case input wall "peak RSS" "" 
printf '| %-28s | %10s | %8s | %10s |\n' --- --- --- ---
probe() { # name, input bytes, command...
    local name=$1 size=$2
    shift 2
    local out
    out=$( { /usr/bin/time -f '%e %M' timeout 60 bash -c 'ulimit -v 4000000; "$@" >/dev/null 2>&1; code=$?; [ $code -le 2 ] || exit $code' _ "$@"; } 2>&1 | tail -1) || out="FAILED $out"
    read -r wall rss <<<"$out" || true
    if [[ $wall == FAILED* ]]; then
        printf '| %-28s | %8d KB | %8s | %10s |\n' "$name" $((size / 1000)) FAILED "${out#FAILED }"
    else
        printf '| %-28s | %8d KB | %7ss | %7d MB |\n' "$name" $((size / 1000)) "$wall" $((rss / 1024))
    fi
}

for kb in 100 250 1000 4000; do
    d="$work/line$kb"; mkdir -p "$d"; prose $((kb * 1000)) line > "$d/a.txt"
    probe "unterminated line: extract" $((kb * 1000)) "$bin" extract "$d" --format jsonl
    probe "unterminated line: check" $((kb * 1000)) "$bin" check "$d" --rules "$work/rules.yaml" --format json
done
for rows in 3000 12000 48000; do
    d="$work/table$rows"; mkdir -p "$d"; table_md $rows > "$d/t.md"
    size=$(stat -c %s "$d/t.md")
    probe "Markdown table: extract" "$size" "$bin" extract "$d" --format jsonl
    probe "Markdown table: check" "$size" "$bin" check "$d" --rules "$work/rules.yaml" --format json
done
for n in 1000 10000; do
    d="$work/many$n"; mkdir -p "$d"
    python3 - "$d" "$n" <<'PY'
import sys
d, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    open(f"{d}/a{i:05}.txt", "w").write(f"The summit was held on March {i % 28 + 1}, {2000 + i % 20}. Kim stayed {i % 9 + 2} days.\n")
PY
    size=$(du -sb "$d" | cut -f1)
    for format in json github sarif html markdown text; do
        probe "$n conflicting sources: $format" "$size" "$bin" check "$d" --rules "$work/rules.yaml" --format $format
    done
done
for kb in 100 1000; do
    d="$work/frontmatter$kb"; mkdir -p "$d"
    python3 -c "import sys; sys.stdout.write('---\nx: ' + '[' * ($kb * 1000) + '\n---\nKim stayed 4 days.\n')" > "$d/a.md"
    probe "nested front matter" $((kb * 1000)) "$bin" check "$d" --rules "$work/rules.yaml" --format json
    python3 -c "import sys; sys.stdout.write('facts: ' + '[' * ($kb * 1000))" > "$work/deep$kb.yaml"
    probe "nested rule file (refused)" $((kb * 1000)) "$bin" check "$work/line100" --rules "$work/deep$kb.yaml"
    python3 -c "import sys; sys.stdout.write('facts:\n  f:\n    claim: date\n    cues: [' + 'a' * ($kb * 1000) + ']\n')" > "$work/cue$kb.yaml"
    probe "long cue (refused)" $((kb * 1000)) "$bin" check "$work/line100" --rules "$work/cue$kb.yaml"
done
probe "--jobs 100000" 0 "$bin" check "$work/many1000" --rules "$work/rules.yaml" --jobs 100000

[[ "${1:-}" == --table ]] && exit 0
nice -n 10 cargo test --release --test hostile -- --ignored --nocapture --test-threads 1

#!/usr/bin/env bash
# Runs each family of hostile input at growing sizes against a release build and prints
# a table of wall time and peak RSS, so that anything quadratic shows as a row that
# grows four times when the input doubles. Then runs the hostile tests that are too
# slow for a debug CI run (a 200 MB file, a 50 MB single line), niced.
#
#   scripts/hostile-big.sh            # the table, then the slow tests
#   scripts/hostile-big.sh --table    # the table only
#   scripts/hostile-big.sh --table dense   # only the families whose name holds "dense"
#   scripts/hostile-big.sh --scale    # the large corpora of issue 18 (minutes, GBs of disk)
#   FACTLINT_BIN=/path/factlint scripts/hostile-big.sh --table   # a binary built elsewhere
#   SCALE_FORMATS="json github" scripts/hostile-big.sh --scale findings   # some formats only
#
# Each row gives wall and CPU time, peak RSS and peak RSS over the input size ("x in"),
# so that the goal (memory within 3x the input plus a constant, 60 s per 100 MB) reads
# off the table.
#
# Inputs are generated in a temporary folder; every probe runs under `timeout 60` and
# `ulimit -v 4000000` (4 GB), so a regression shows as TIMEOUT or FAILED, not as a
# machine out of memory.
set -euo pipefail
cd "$(dirname "$0")/.."
# FACTLINT_BIN measures a binary already built (another branch, or while sources change).
bin="${FACTLINT_BIN:-}"
if [ -z "$bin" ]; then
    cargo build --release --quiet
    bin="$PWD/target/release/factlint"
fi
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

table_html() {
    python3 - "$1" <<'PY'
import sys
rows = int(sys.argv[1])
out = ["<html><body><table><tr><th>Event</th><th>Date</th><th>Attendance</th></tr>"]
for r in range(rows):
    out.append(f"<tr><td>Summit {r}</td><td>March {r % 28 + 1}, 2018</td><td>{1000 + r}</td></tr>")
print("".join(out) + "</table></body></html>")
PY
}

# A CSV export saved as Markdown: one paragraph of lines without a sentence end.
csv_md() {
    python3 - "$1" <<'PY'
import sys
n, out, size, r = int(sys.argv[1]), [], 0, 0
while size < n:
    line = f"Summit {r},March {r % 28 + 1} 2018,Kim stayed {r % 9 + 2} days,{1000 + r}"
    out.append(line); size += len(line) + 1; r += 1
print("\n".join(out))
PY
}

# A minified page: every paragraph and element on one line, $1 bytes.
minified_html() {
    python3 - "$1" <<'PY'
import sys
n = int(sys.argv[1])
s = ["Kim Jong Un visited Beijing on March 26, 2018, for four days.",
     "About 28,500 US troops are stationed in South Korea.",
     "The train travelled 1,300 kilometres in 20 hours",
     "Mr Xi, 64, hosted a banquet for 300 guests on Monday."]
out, size, i = ["<!doctype html><html><head><style>p{margin:0}</style></head><body>"], 0, 0
while size < n:
    p = f'<div class="c{i % 7}"><p>{s[i % 4]} <a href="/x/{i}">{s[(i + 1) % 4]}</a></p></div>'
    out.append(p); size += len(p); i += 1
print("".join(out) + "</body></html>")
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

only="${2:-}"
printf '| %-36s | %10s | %8s | %8s | %10s | %6s |\n' case input wall cpu "peak RSS" "x in"
printf '| %-36s | %10s | %8s | %8s | %10s | %6s |\n' --- --- --- --- --- ---
wanted() { [[ -z $only || $1 == *"$only"* || $only == *"$1"* ]]; }
probe() { # name, input bytes, command...
    local name=$1 size=$2
    shift 2
    wanted "$name" || return 0
    local out
    out=$( { /usr/bin/time -f '%e %U %S %M' timeout "${PROBE_TIMEOUT:-60}" bash -c 'ulimit -v 4000000; "$@" >/dev/null 2>&1; code=$?; [ $code -le 2 ] || exit $code' _ "$@"; } 2>&1 | tail -1) || out="FAILED $out"
    read -r wall user sys rss <<<"$out" || true
    if [[ $wall == FAILED* ]]; then
        printf '| %-36s | %8d KB | %8s | %8s | %10s | %6s |\n' "$name" $((size / 1000)) FAILED "" "${out#FAILED }" ""
    else
        local ratio=-
        [ "$size" -gt 0 ] && ratio=$(python3 -c "print(f'{$rss * 1024 / $size:.1f}')")
        printf '| %-36s | %8d KB | %7ss | %7ss | %7d MB | %6s |\n' "$name" $((size / 1000)) "$wall" \
            "$(python3 -c "print(f'{$user + $sys:.2f}')")" $((rss / 1024)) "$ratio"
    fi
}

# Dense families: each file is read by extract, segment and check; sizes grow four times
# a row, so a quadratic step shows as a 16-fold time or memory.
dense() { # family name, file
    local name=$1 file=$2 size
    size=$(stat -c %s "$file")
    probe "dense $name: segment" "$size" "$bin" segment "$(dirname "$file")"
    probe "dense $name: extract" "$size" "$bin" extract "$(dirname "$file")" --format jsonl
    probe "dense $name: check" "$size" "$bin" check "$(dirname "$file")" --rules "$work/rules.yaml" --format json
}
# The large corpora of issue 18, each generated, measured and deleted (the disk is
# shared): 10,000 similar entities over 1,000 articles; 200 MB of documentation prose;
# 1 million tiny files; every report format over 10,000 sources and 100,000 findings.
scale() {
    local d
    if wanted "similar entities"; then
        d="$work/names"; mkdir -p "$d/articles"
        python3 - "$d" <<'PY'
import random, sys
d = sys.argv[1]
rng = random.Random(18)
first = ["Jon", "John", "Jan", "Ian", "Ivan", "Juan", "Joan", "Sean", "Shaun", "Dean"]
syll = ["ber", "son", "ley", "man", "ton", "ner", "sen", "field", "ford", "wick"]
names = sorted({f"{first[i % 10]} {syll[i // 10 % 10].title()}{syll[i // 100 % 10]}{syll[i // 1000 % 10]}" for i in range(10000)})
with open(f"{d}/rules.yaml", "w") as r:
    r.write("entities:\n")
    for i, n in enumerate(names):
        r.write(f"  p{i}:\n    name: {n}\n")
def typo(n):
    i = rng.randrange(1, len(n) - 1)
    return n[:i] + n[i + 1] + n[i] + n[i + 2:]
for a in range(1000):
    with open(f"{d}/articles/a{a:04}.txt", "w") as f:
        for s in range(40):
            n = rng.choice(names)
            f.write(f"{typo(n) if rng.random() < 0.1 else n} said on Monday that the plan would cost 300 dollars.\n")
PY
        probe "similar entities (10,000 x 1,000 articles)" "$(du -sb "$d/articles" | cut -f1)" \
            "$bin" check "$d/articles" --rules "$d/rules.yaml" --format json
        rm -rf "$d"
    fi
    if wanted "documentation prose"; then
        d="$work/docs"; mkdir -p "$d"
        python3 - "$d" <<'PY'
import sys
d = sys.argv[1]
para = ("## Configuring the server {i}\n\nThe default timeout is 30 seconds, and version 2.{m} raised the limit "
        "from 100 to 250 connections. Since March {day}, 2024, the cache holds up to 512 MB; set `cache.size` "
        "to change it.\n\n- Run `serve --port 80{m}` to listen on port 80{m}.\n- Logs rotate every 7 days.\n\n"
        "```yaml\nport: 8080\nworkers: 4\n```\n\n")
for f in range(2000):
    with open(f"{d}/page{f:04}.md", "w") as out:
        size, i = 0, 0
        while size < 100_000:
            p = para.format(i=i, m=(f + i) % 10, day=i % 28 + 1); out.write(p); size += len(p); i += 1
PY
        probe "documentation prose (200 MB)" "$(du -sb "$d" | cut -f1)" "$bin" check "$d" --rules "$work/rules.yaml" --format json
        rm -rf "$d"
    fi
    if wanted "tiny files"; then
        d="$work/tiny"; mkdir -p "$d"
        nice -n 19 python3 - "$d" <<'PY'
import os, sys
d = sys.argv[1]
for k in range(1000):
    os.mkdir(f"{d}/{k:03}")
    for i in range(1000):
        with open(f"{d}/{k:03}/{i:03}.txt", "w") as f:
            f.write(f"Kim stayed {i % 9 + 2} days.\n")
PY
        probe "tiny files (1,000,000)" "$(du -sb --apparent-size "$d" | cut -f1)" \
            nice -n 19 "$bin" check "$d" --rules "$work/rules.yaml" --format json
        rm -rf "$d"
    fi
    if wanted "100,000 findings"; then
        d="$work/findings"; mkdir -p "$d/src" "$d/rules"
        python3 - "$d" <<'PY'
import sys
d = sys.argv[1]
# 100,000 facts over four rule files (one would pass the 4 MB rule-file limit); source
# s and s + 5000 state the same 20 facts with different values.
for part in range(4):
    with open(f"{d}/rules/part{part}.yaml", "w") as r:
        r.write("facts:\n")
        for f in range(part * 25000, (part + 1) * 25000):
            r.write(f"  f{f}: {{claim: number, cues: [zq{f}]}}\n")
for s in range(10000):
    with open(f"{d}/src/s{s:05}.txt", "w") as out:
        for j in range(20):
            f = (s % 5000) * 20 + j
            out.write(f"The zq{f} count was {j + 2 + s // 5000}.\n")
PY
        for format in ${SCALE_FORMATS:-json github sarif html markdown text}; do
            probe "100,000 findings: $format" "$(du -sb --apparent-size "$d/src" | cut -f1)" \
                "$bin" check "$d/src" --rules "$d/rules" --format $format
        done
        rm -rf "$d"
    fi
}
if [[ "${1:-}" == --scale ]]; then
    PROBE_TIMEOUT=${PROBE_TIMEOUT:-600} scale
    exit 0
fi

wanted "dense unterminated line" && for mb in 1 4 16; do
    d="$work/line$mb"; mkdir -p "$d"; prose $((mb * 1000000)) line > "$d/a.txt"
    dense "unterminated line" "$d/a.txt"
done
wanted "dense minified HTML" && for mb in 1 4 16; do
    d="$work/minified$mb"; mkdir -p "$d"; minified_html $((mb * 1000000)) > "$d/a.html"
    dense "minified HTML" "$d/a.html"
done
wanted "dense CSV-like Markdown" && for kb in 500 2000 8000; do
    d="$work/csv$kb"; mkdir -p "$d"; csv_md $((kb * 1000)) > "$d/a.md"
    dense "CSV-like Markdown" "$d/a.md"
done
wanted "table" && for rows in 3000 12000 48000 100000; do
    d="$work/table$rows"; mkdir -p "$d"; table_md $rows > "$d/t.md"
    dense "Markdown table" "$d/t.md"
    d="$work/htmltable$rows"; mkdir -p "$d"; table_html $rows > "$d/t.html"
    dense "HTML table" "$d/t.html"
done
wanted "conflicting sources" && for n in 1000 10000; do
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
mkdir -p "$work/line1" && [ -f "$work/line1/a.txt" ] || prose 1000000 line > "$work/line1/a.txt"
for kb in 100 1000; do
    d="$work/frontmatter$kb"; mkdir -p "$d"
    python3 -c "import sys; sys.stdout.write('---\nx: ' + '[' * ($kb * 1000) + '\n---\nKim stayed 4 days.\n')" > "$d/a.md"
    probe "nested front matter" $((kb * 1000)) "$bin" check "$d" --rules "$work/rules.yaml" --format json
    python3 -c "import sys; sys.stdout.write('facts: ' + '[' * ($kb * 1000))" > "$work/deep$kb.yaml"
    probe "nested rule file (refused)" $((kb * 1000)) "$bin" check "$work/line1" --rules "$work/deep$kb.yaml"
    python3 -c "import sys; sys.stdout.write('facts:\n  f:\n    claim: date\n    cues: [' + 'a' * ($kb * 1000) + ']\n')" > "$work/cue$kb.yaml"
    probe "long cue (refused)" $((kb * 1000)) "$bin" check "$work/line1" --rules "$work/cue$kb.yaml"
done
wanted "--jobs" && mkdir -p "$work/many1000" && probe "--jobs 100000" 0 "$bin" check "$work/many1000" --rules "$work/rules.yaml" --jobs 100000

[[ "${1:-}" == --table ]] && exit 0
nice -n 10 cargo test --release --test hostile -- --ignored --nocapture --test-threads 1

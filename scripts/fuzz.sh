#!/usr/bin/env bash
# Runs each cargo-fuzz target of fuzz/ for a bounded time, two at a time, niced (the
# machine is shared), and prints how many inputs each one executed and what it found.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     default: 600 s each; source segment extract rules grammar report
#   FUZZ_MAX_LEN=65536 scripts/fuzz.sh ...   longer inputs (default 16384 bytes)
#
# Seed corpora come from seeds/, rules/ and tests/hostile/; corpora and crash artifacts
# stay in fuzz/corpus and fuzz/artifacts (git-ignored). Logs go to fuzz/logs/<target>.log.
# The machine may only have a stable toolchain: RUSTC_BOOTSTRAP=1 lets it accept the
# -Z flags cargo-fuzz passes (sanitizer, coverage instrumentation).
set -euo pipefail

seconds="${1:-600}"
shift || true
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
    targets=(source segment extract rules grammar report)
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/fuzz"
export RUSTC_BOOTSTRAP=1
nice -n 10 cargo fuzz build -O >/dev/null

# Seeds: the real articles and rules, as each target reads its input.
seed() {
    local target="$1" dir="corpus/$1"
    mkdir -p "$dir"
    case "$target" in
        source | segment)
            for f in "$root"/seeds/*.txt "$root"/tests/hostile/*; do
                [ -f "$f" ] || continue
                for selector in 0 1 2; do
                    { printf "\\x0$selector"; head -c 16384 "$f"; } >"$dir/$(basename "$f").$selector"
                done
            done
            ;;
        extract)
            for f in "$root"/seeds/*.txt; do
                grep -o '[^.]*[0-9][^.]*\.' "$f" | head -n 200 | split -l 1 - "$dir/$(basename "$f")." || true
                for s in "$dir/$(basename "$f")".*; do
                    [ -f "$s" ] && { printf '\x10\x27\x01'; cat "$s"; } >"$s.tmp" && mv "$s.tmp" "$s"
                done
            done
            ;;
        rules)
            cp "$root"/rules/*.yaml "$dir/"
            ;;
        grammar | report)
            # Their bytes are choices, not text: libFuzzer's own inputs reach every
            # piece within seconds; one seed of each length class starts it.
            for n in 16 64 256; do head -c "$n" /dev/urandom >"$dir/seed-$n"; done
            ;;
    esac
}

mkdir -p logs
run() {
    local target="$1"
    seed "$target"
    rm -f "logs/$target.log"
    nice -n 10 cargo fuzz run -O "$target" -- -max_total_time="$seconds" -max_len="${FUZZ_MAX_LEN:-16384}" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 >"logs/$target.log" 2>&1 || true
    local runs crashes
    runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "logs/$target.log" | grep -o '[0-9]*$' || echo '?')"
    crashes="$(ls "artifacts/$target" 2>/dev/null | wc -l)"
    echo "$target: ${seconds}s, ${runs} executions, ${crashes} artifact(s) in fuzz/artifacts/$target"
}

# Two at a time at most.
for ((i = 0; i < ${#targets[@]}; i += 2)); do
    run "${targets[$i]}" &
    if [ $((i + 1)) -lt ${#targets[@]} ]; then
        run "${targets[$((i + 1))]}" &
    fi
    wait
done

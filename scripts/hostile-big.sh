#!/usr/bin/env bash
# Runs the hostile-source tests that are too slow for a debug CI run (a 200 MB file, a
# 50 MB single line) against a release build, niced. Each prints how long it took.
#
#   scripts/hostile-big.sh
set -euo pipefail
cd "$(dirname "$0")/.."
nice -n 10 cargo test --release --test hostile -- --ignored --nocapture --test-threads 1

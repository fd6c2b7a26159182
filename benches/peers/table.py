#!/usr/bin/env python3
"""Prints the peers table (Markdown) from the JSON lines run.sh collects: each peer
with factlint's ratio to it, factlint's figure taken on the same corpus (`segment`
for sentence splitters, `extract` for time-expression parsers). MB/s and ratios use
CPU seconds; wall seconds are shown beside them."""

import json
import sys

rows = [json.loads(line) for line in sys.stdin if line.strip()]
ours = {}
for r in rows:
    r["mbps"] = r["bytes"] / 1e6 / r["cpu"]
    if r["tool"].startswith("factlint "):
        ours[(r["tool"], r["corpus"])] = r["mbps"]

print("| tool | task | corpus | MB processed | wall s | CPU s | MB/s (CPU) | factlint / tool |")
print("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |")
for r in rows:
    if r["tool"].startswith("factlint "):
        ratio = ""
    else:
        ref = "factlint segment" if r["task"] == "sentences" else "factlint extract"
        ratio = f"{ours[(ref, r['corpus'])] / r['mbps']:.1f}x" if (ref, r["corpus"]) in ours else "?"
    print(
        f"| {r['tool']} | {r['task']} | {r['corpus'].rsplit('/', 1)[-1]} MB | {r['bytes'] / 1e6:.1f} "
        f"| {r['seconds']:.2f} | {r['cpu']:.2f} | {r['mbps']:.2f} | {ratio} |"
    )

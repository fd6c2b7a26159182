#!/usr/bin/env python3
"""Names without rules: which name-variant groups the entities discovered without rules
name, and how many groups they make that no annotation names (spurious), per event.

Usage: scripts/accuracy-names.py [EXAMPLE_BINARY] [EVENTS_DIR]

EXAMPLE_BINARY is the `names_discover` example (`cargo build --example names_discover`;
default target/debug/examples/names_discover). EVENTS_DIR defaults to
../shared/eval/events (the development events); the script says so and scores the
seeds alone when it is absent. A gold group is *grouped* when one discovered entity
holds two or more of its forms (compared without regard to case; an acronym entity's
acronym counts as one of its forms), and *reported* when, besides, the check run with
the discovered entities makes a finding under that entity's id. An entity that holds
at most one form of every gold group is spurious.
"""
import json
import os
import subprocess
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The seeds' name groups, from ../shared/seeds/README.md ("What a careful fact checker
# finds in them"): three house-spelling groups and the DPRK expansion.
SEED_GROUPS = [
    {"entity": "Kim Jong Un", "kind": "spelling", "forms": ["Kim Jong Un", "Kim Jong-un"]},
    {"entity": "Ri Sol Ju", "kind": "spelling", "forms": ["Ri Sol Ju", "Ri Sol-ju"]},
    {"entity": "Kim Jong Il", "kind": "spelling", "forms": ["Kim Jong Il", "Kim Jong-il"]},
    {
        "entity": "DPRK",
        "kind": "acronym",
        "forms": ["DPRK", "Democratic Republic of Korea", "Democratic People's Republic of Korea"],
    },
]


def discover(binary, folder):
    out = subprocess.run([binary, folder], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{binary} {folder} failed ({out.returncode}): {out.stderr}")
    return json.loads(out.stdout)


def forms_of(entity):
    forms = {s.lower() for s, _ in entity["spellings"]}
    if entity.get("expansion"):
        forms.add(entity["name"].lower())
    return forms


def score(name, folder, groups, binary):
    result = discover(binary, folder)
    entities = result["entities"]
    reported_ids = {f["id"] for f in result["report"]["findings"] if f["kind"] in ("variant", "expansion")}
    grouped = reported = 0
    matched_entities = set()
    lines = []
    for g in groups:
        forms = {f.lower() for f in g["forms"]}
        hit = [e for e in entities if len(forms_of(e) & forms) >= 2]
        for e in hit:
            matched_entities.add(e["id"])
        is_reported = any(e["id"] in reported_ids for e in hit)
        grouped += bool(hit)
        reported += is_reported
        state = "reported" if is_reported else ("grouped" if hit else "missed")
        lines.append(f"  {state:8} {g['entity']} ({g.get('kind', '')}): {', '.join(g['forms'])}")
    spurious = [e for e in entities if e["id"] not in matched_entities]
    for e in spurious:
        shown = ", ".join(f"{s} ({n})" for s, n in e["spellings"])
        lines.append(f"  spurious {e['id']}: {shown}")
    print(f"{name}: {grouped}/{len(groups)} gold groups grouped, {reported} reported, {len(spurious)} spurious")
    print("\n".join(lines))
    return grouped, reported, len(groups), len(spurious)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target/debug/examples/names_discover")
    events = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "..", "shared", "eval", "events")
    totals = [0, 0, 0, 0]
    runs = [("seeds", os.path.join(ROOT, "seeds"), SEED_GROUPS)]
    if os.path.isdir(events):
        for event in sorted(os.listdir(events)):
            gold_path = os.path.join(events, event, "gold.yaml")
            if not os.path.isfile(gold_path):
                continue
            with open(gold_path, encoding="utf-8") as f:
                gold = yaml.safe_load(f)
            groups = [
                {"entity": g["entity"], "kind": g.get("kind", ""), "forms": [v["form"] for v in g["variants"]]}
                for g in gold.get("name_variants", [])
            ]
            runs.append((event, os.path.join(events, event), groups))
    else:
        print(f"{events} is absent: scoring the seeds alone")
    for name, folder, groups in runs:
        for i, n in enumerate(score(name, folder, groups, binary)):
            totals[i] += n
    grouped, reported, total, spurious = totals
    print(f"total: {grouped}/{total} grouped, {reported}/{total} reported, {spurious} spurious over {len(runs)} folders")


if __name__ == "__main__":
    main()

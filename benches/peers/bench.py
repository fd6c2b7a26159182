#!/usr/bin/env python3
"""Times one Python peer tool on a corpus written by benches/corpus.py.

    python bench.py TOOL CORPUS MAX_MB BUDGET_S

TOOL is sentencex, pysbd (sentence splitting), dateparser or duckling (time
expressions). The corpus is read first, paragraph by paragraph (blank-line separated,
as factlint's plain-text blocks are), up to MAX_MB; only the tool's calls are timed,
and the run stops early once they have taken BUDGET_S seconds, so slow tools are
measured on the slice they got through. Prints one JSON line: tool, task, bytes,
seconds (wall), cpu (seconds of CPU, which other jobs on a shared machine disturb
less), items (sentences or expressions found, a sanity check).
"""

import datetime as dt
import json
import sys
import time
from pathlib import Path


def read_sample(corpus: Path, max_bytes: int) -> list[tuple[dt.date | None, list[str]]]:
    """(publication date, paragraphs) per file, in path order, up to max_bytes of text."""
    files = []
    total = 0
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        published = {}
        manifest = folder / "sources.yaml"
        if manifest.is_file():
            # The manifest corpus.py writes: "- path: X" then "published: Y" lines.
            name = None
            for line in manifest.read_text(encoding="utf-8").splitlines():
                line = line.strip().removeprefix("- ")
                if line.startswith("path:"):
                    name = line.split(":", 1)[1].strip()
                elif line.startswith("published:") and name:
                    published[name] = dt.date.fromisoformat(line.split(":", 1)[1].strip())
        for path in sorted(folder.glob("*.txt")):
            paragraphs = []
            for para in path.read_text(encoding="utf-8").split("\n\n"):
                if total >= max_bytes:
                    break
                if para.strip():
                    paragraphs.append(para)
                    total += len(para.encode("utf-8")) + 2
            files.append((published.get(path.name), paragraphs))
            if total >= max_bytes:
                return files
    return files


def timed(files, budget, make_call):
    """Runs make_call(published) once per file, then the call on each paragraph;
    returns (bytes, wall seconds, CPU seconds, items), timing only the calls."""
    done = seconds = cpu = items = 0
    for published, paragraphs in files:
        call = make_call(published)
        for para in paragraphs:
            start, start_cpu = time.perf_counter(), time.process_time()
            found = call(para)
            seconds += time.perf_counter() - start
            cpu += time.process_time() - start_cpu
            items += found
            done += len(para.encode("utf-8")) + 2
            if seconds > budget:
                return done, seconds, cpu, items
    return done, seconds, cpu, items


def sentencex_call(_published):
    import sentencex

    return lambda text: sum(1 for _ in sentencex.segment("en", text))


def pysbd_call(_published, segmenter=[]):
    import pysbd

    if not segmenter:
        segmenter.append(pysbd.Segmenter(language="en", clean=False))
    return lambda text: len(segmenter[0].segment(text))


def dateparser_call(published):
    from dateparser.search import search_dates

    base = dt.datetime.combine(published or dt.date(2000, 1, 1), dt.time())
    # English only, as factlint: without `languages` dateparser detects the language
    # of every paragraph first, which is slower still.
    settings = {"RELATIVE_BASE": base}
    return lambda text: len(search_dates(text, languages=["en"], settings=settings) or [])


def duckling_call(published, state={}):
    import duckling

    if not state:
        state["zones"] = duckling.load_time_zones("/usr/share/zoneinfo")
        lang = duckling.parse_lang("EN")
        state["locale"] = duckling.parse_locale("EN_US", duckling.default_locale_lang(lang))
        state["dims"] = duckling.parse_dimensions(["time"])
    day = published or dt.date(2000, 1, 1)
    stamp = int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp())
    context = duckling.Context(duckling.parse_ref_time(state["zones"], "UTC", stamp), state["locale"])
    return lambda text: len(duckling.parse(text, context, state["dims"], False))


TOOLS = {
    "sentencex": ("sentences", sentencex_call),
    "pysbd": ("sentences", pysbd_call),
    "dateparser": ("time expressions", dateparser_call),
    "duckling": ("time expressions", duckling_call),
}


def main() -> int:
    if len(sys.argv) != 5 or sys.argv[1] not in TOOLS:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    tool, corpus, max_mb, budget = sys.argv[1], Path(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
    task, make_call = TOOLS[tool]
    files = read_sample(corpus, int(max_mb * 1_000_000))
    # Warm up outside the timing: imports, models, Duckling's time zones.
    make_call(files[0][0])("On Monday, March 2, 1998, the talks lasted two days.")
    done, seconds, cpu, items = timed(files, budget, make_call)
    print(json.dumps({"tool": tool, "task": task, "bytes": done, "seconds": seconds, "cpu": cpu, "items": items}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Writes a benchmark corpus of real news text: N MB (10^6 bytes) of TimeBank and
AQUAINT documents, repeated, as files of about 100 KB.

    python3 benches/corpus.py N [OUT]          # OUT defaults to target/corpus/N
    python3 benches/corpus.py --seeds N [OUT]  # OUT defaults to target/corpus/seeds-N

The documents come from the shared evaluation set (`../shared/eval/temporal/*.jsonl`
next to the repository, or $FACTLINT_EVAL); nothing is committed. Each file joins
whole documents until it holds about 100 KB, so sentences and paragraphs stay real.
Files go in folders of 100 (about 10 MB each), and every folder gets a
`sources.yaml` manifest whose `published` is the creation date of the file's first
document, so relative dates ("on Friday", "last month") anchor as in a real run.
With --seeds, the corpus is the seed articles (`seeds/`) copied instead, one article a
file with its manifest date: every copy reports the same event, so the seed rules
select many claims per fact, which loads the reduce step as a large run over many
reports of one story would. The output is deterministic: the same N gives the same bytes. A finished corpus is
reused: a hidden `.complete` stamp marks it.
"""

import json
import os
import sys
from pathlib import Path

FILE_BYTES = 100_000
FILES_PER_FOLDER = 100


def eval_dir() -> Path:
    """The shared evaluation folder: $FACTLINT_EVAL, else ../shared/eval beside the repository."""
    if os.environ.get("FACTLINT_EVAL"):
        return Path(os.environ["FACTLINT_EVAL"])
    repo = Path(__file__).resolve().parent.parent
    return repo.parent / "shared" / "eval"


def load_documents(root: Path) -> list[tuple[str, str]]:
    """(publication date, text) of every document, in a fixed order."""
    docs = []
    for path in sorted((root / "temporal").glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    doc = json.loads(line)
                    docs.append((doc["dct"][:10], doc["text"].strip()))
    return docs


def load_seeds(folder: Path) -> list[tuple[str, str]]:
    """(publication date, text) of every seed article, from its manifest."""
    published, name = {}, None
    for line in (folder / "sources.yaml").read_text(encoding="utf-8").splitlines():
        line = line.strip().removeprefix("- ")
        if line.startswith("path:"):
            name = line.split(":", 1)[1].strip()
        elif line.startswith("published:") and name:
            published[name] = line.split(":", 1)[1].strip()
    return [(published[p.name], p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]


def write_corpus(size_mb: float, out: Path, docs: list[tuple[str, str]], file_bytes: int) -> tuple[int, int]:
    """Writes the corpus, files of about `file_bytes` (at least one document);
    returns (files, bytes)."""
    target = int(size_mb * 1_000_000)
    written = files = 0
    next_doc = 0
    manifest: list[tuple[str, str]] = []
    folder = None

    def flush_manifest():
        if folder is not None and manifest:
            lines = ["# Publication dates: the anchor of relative expressions (written by benches/corpus.py)", "sources:"]
            lines += [f"  - path: {name}\n    published: {date}" for name, date in manifest]
            (folder / "sources.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
            manifest.clear()

    while written < target:
        if files % FILES_PER_FOLDER == 0:
            flush_manifest()
            folder = out / f"{files // FILES_PER_FOLDER:04d}"
            folder.mkdir(parents=True, exist_ok=True)
        published = docs[next_doc % len(docs)][0]
        parts: list[bytes] = []
        size = 0
        # Whole documents until the file is full (or the corpus is).
        while size < file_bytes and written + size < target:
            text = docs[next_doc % len(docs)][1].encode("utf-8") + b"\n\n"
            next_doc += 1
            parts.append(text)
            size += len(text)
        name = f"{files:05d}.txt"
        (folder / name).write_bytes(b"".join(parts))
        manifest.append((name, published))
        written += size
        files += 1
    flush_manifest()
    return files, written


def main() -> int:
    args = sys.argv[1:]
    seeds = args[:1] == ["--seeds"]
    args = args[1:] if seeds else args
    if not args or args[0] in ("-h", "--help") or len(args) > 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        size_mb = float(args[0])
    except ValueError:
        print(f"corpus.py: size `{args[0]}` is not a number of MB", file=sys.stderr)
        return 2
    label = args[0]
    out = Path(args[1]) if len(args) > 1 else Path("target") / "corpus" / (f"seeds-{label}" if seeds else label)
    if seeds:
        docs = load_seeds(Path(__file__).resolve().parent.parent / "seeds")
    else:
        root = eval_dir()
        if not (root / "temporal").is_dir():
            print(
                f"corpus.py: the evaluation data is absent: {root / 'temporal'} does not exist.\n"
                "The corpus is built from the shared TimeBank/AQUAINT documents (../shared/eval/temporal/*.jsonl);\n"
                "set FACTLINT_EVAL to the folder that holds `temporal/`.",
                file=sys.stderr,
            )
            return 1
        docs = load_documents(root)
    if not docs:
        print("corpus.py: no documents to copy", file=sys.stderr)
        return 1
    # A finished corpus leaves a stamp (hidden, so factlint's walk skips it); reruns reuse it.
    stamp = out / ".complete"
    if stamp.is_file():
        print(f"{out}: up to date ({stamp.read_text().strip()})")
        return 0
    if out.exists() and any(out.iterdir()):
        print(f"corpus.py: {out} is not empty and was not finished; remove it first", file=sys.stderr)
        return 1
    files, written = write_corpus(size_mb, out, docs, 1 if seeds else FILE_BYTES)
    summary = f"{files} files, {written / 1e6:.1f} MB from {len(docs)} documents"
    stamp.write_text(summary + "\n", encoding="utf-8")
    print(f"{out}: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

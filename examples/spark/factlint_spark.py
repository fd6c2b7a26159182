#!/usr/bin/env python3
"""factlint on Apache Spark: `factlint map` on the executors, `factlint reduce` on the driver.

    spark-submit examples/spark/factlint_spark.py \\
        --factlint target/release/factlint --rules rules \\
        --partitions 8 --format json --output report.json \\
        CORPUS

CORPUS is a folder of sources (text, Markdown, HTML; `sources.yaml` manifests give
publication dates, as for `factlint check`), or a JSON Lines (`.jsonl`, `.json`) or
Parquet (`.parquet`, `.pq`) dataset, file or folder, of documents with the columns
`path`, `text` and optionally `published` (YYYY-MM-DD), `outlet` and `title`.

The factlint binary and the rules are shipped with the job (`SparkContext.addFile`).
Each partition's documents are piped, one JSON object a line, to `factlint map -` on an
executor, which writes the partition's claims file (docs/claims-format.md): its
sources' summaries, the claims the rules' facts select, the name claims. That is all the
reading, segmenting, extracting and selecting, the whole cost of a run. The claims files
come back to the driver, which runs `factlint reduce` over them once: the report is
`factlint check`'s over the same sources, byte for byte, in any format, and the exit
code is `check`'s. The reduce step compares claims per fact; it is small next to the
map step (a few hundredths of the map's time), so it is not split across executors.
"""

import argparse
import json
import os
import stat
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

# The extensions `factlint check` reads in a folder (src/source/walk.rs).
SOURCE_EXTENSIONS = {"txt", "text", "md", "markdown", "mdown", "mkd", "html", "htm", "xhtml"}
MANIFEST = "sources.yaml"


def arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="a folder of sources, or a .jsonl/.parquet dataset of documents")
    parser.add_argument("--factlint", required=True, help="the factlint binary to ship to the executors")
    parser.add_argument("--rules", required=True, help="rule file or folder, shipped with the job")
    parser.add_argument("--format", default="text", help="report format (as `factlint check --format`)")
    parser.add_argument("--output", help="write the report to this file instead of standard output")
    parser.add_argument("--fail-on", help="as `factlint check --fail-on`")
    parser.add_argument("--published", help="date for sources that state none (YYYY-MM-DD)")
    parser.add_argument("--partitions", type=int, default=None, help="map partitions (default: Spark's)")
    parser.add_argument("--master", default=None, help="Spark master (default: spark-submit's, else local[*])")
    return parser.parse_args(argv)


def folder_documents(folder):
    """(path, manifest entry) of every source under `folder`, as `factlint check` walks
    it: hidden files and folders skipped, manifests' dates, outlets and titles applied.
    (`.gitignore` files are not read here: list ignored files out of the folder, or pass a dataset.)"""
    import yaml

    root = folder.rstrip("/") or "/"
    found = []
    for here, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        entries = {}
        if MANIFEST in files:
            with open(os.path.join(here, MANIFEST), encoding="utf-8") as f:
                manifest = yaml.safe_load(f) or {}
            for entry in manifest.get("sources") or []:
                kept = {k: str(entry[k]) for k in ("published", "outlet", "title") if entry.get(k) is not None}
                entries[entry["path"]] = kept
        for name in sorted(files):
            if name.startswith(".") or name == MANIFEST:
                continue
            if name.rsplit(".", 1)[-1].lower() not in SOURCE_EXTENSIONS or "." not in name:
                continue
            path = os.path.join(here, name).replace(os.sep, "/")
            found.append((path, entries.get(name, {})))
    return found


def shipped(name):
    """A file shipped with `addFile`, where this executor has it."""
    from pyspark import SparkFiles

    return SparkFiles.get(name)


def map_partition(documents, binary, rules, published):
    """Pipes a partition's documents to `factlint map -` and yields its claims file."""
    factlint = shipped(binary)
    mode = os.stat(factlint).st_mode
    if not mode & stat.S_IXUSR:
        os.chmod(factlint, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    command = [factlint, "map", "-", "--rules", shipped(rules)]
    if published:
        command += ["--published", published]
    with tempfile.TemporaryDirectory() as cwd:
        # An empty folder as the working directory: no factlint.yaml applies.
        process = subprocess.Popen(
            command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )

        def feed():
            try:
                for document in documents:
                    process.stdin.write(json.dumps(document).encode("utf-8") + b"\n")
            finally:
                process.stdin.close()

        feeder = threading.Thread(target=feed)
        feeder.start()
        claims = process.stdout.read()
        errors = process.stderr.read()
        feeder.join()
        code = process.wait()
    # 1: a document could not be read; it is in the claims file and the report says so.
    if code not in (0, 1):
        raise RuntimeError(f"factlint map exited {code}: {errors.decode('utf-8', 'replace')}")
    yield claims.decode("utf-8")


def read_document(item):
    path, entry = item
    with open(path, "rb") as f:
        raw = f.read()
    # Text as `factlint check` decodes it for the common case (UTF-8, a BOM dropped);
    # other encodings are for `check` itself or a dataset already decoded.
    text = raw.decode("utf-8", errors="replace")
    document = {"path": path, "text": text}
    document.update(entry)
    return document


def documents_rdd(spark, corpus, partitions):
    dataset = corpus.rstrip("/").endswith((".parquet", ".pq", ".jsonl", ".json"))
    if os.path.isdir(corpus) and not dataset:
        listed = folder_documents(corpus)
        if not listed:
            raise SystemExit(f"error: no source under {corpus}")
        count = partitions or spark.sparkContext.defaultParallelism
        return spark.sparkContext.parallelize(listed, count).map(read_document)
    if corpus.rstrip("/").endswith((".parquet", ".pq")):
        frame = spark.read.parquet(corpus)
    else:
        frame = spark.read.json(corpus)
    columns = [c for c in ("path", "text", "published", "outlet", "title") if c in frame.columns]
    if "path" not in columns or "text" not in columns:
        raise SystemExit(f"error: {corpus}: documents need `path` and `text` columns (has {frame.columns})")
    rows = frame.select(*columns).rdd
    if partitions:
        rows = rows.repartition(partitions)

    def document(row):
        out = {"path": row["path"], "text": row["text"]}
        if "published" in columns and row["published"] is not None:
            out["published"] = str(row["published"])[:10]
        for key in ("outlet", "title"):
            if key in columns and row[key] is not None:
                out[key] = str(row[key])
        return out

    return rows.map(document)


def run(argv):
    args = arguments(argv)
    from pyspark.sql import SparkSession

    from pyspark import SparkConf

    builder = SparkSession.builder.appName("factlint")
    if args.master:
        builder = builder.master(args.master)
    elif not SparkConf().contains("spark.master"):
        # Run as a plain script, not by spark-submit (which sets the master).
        builder = builder.master("local[*]")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        sc = spark.sparkContext
        binary = os.path.basename(args.factlint)
        rules = os.path.basename(os.path.normpath(args.rules))
        sc.addFile(os.path.abspath(args.factlint))
        sc.addFile(os.path.abspath(args.rules), recursive=os.path.isdir(args.rules))
        documents = documents_rdd(spark, args.corpus, args.partitions)
        published = args.published
        claims = documents.mapPartitions(lambda docs: map_partition(docs, binary, rules, published)).collect()
    finally:
        spark.stop()

    with tempfile.TemporaryDirectory() as parts:
        files = []
        for i, text in enumerate(claims):
            part = Path(parts) / f"part-{i:05}.jsonl"
            part.write_text(text, encoding="utf-8")
            files.append(str(part))
        command = [args.factlint, "reduce", *files, "--rules", args.rules, "--format", args.format]
        if args.output:
            command += ["--output", args.output]
        if args.fail_on:
            command += ["--fail-on", args.fail_on]
        return subprocess.run(command).returncode


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))

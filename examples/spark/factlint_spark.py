#!/usr/bin/env python3
"""factlint on Apache Spark: `factlint map` on the executors, claims shuffled by fact id, the reduce on the executors.

    spark-submit examples/spark/factlint_spark.py \\
        --factlint target/release/factlint --rules rules \\
        --partitions 8 --reducers 8 --format json --output report.json \\
        CORPUS

CORPUS is a folder of sources (text, Markdown, HTML; `sources.yaml` manifests give
publication dates, as for `factlint check`), or a JSON Lines (`.jsonl`, `.json`) or
Parquet (`.parquet`, `.pq`) dataset, file or folder, of documents with the columns
`path`, `text` and optionally `published` (YYYY-MM-DD), `outlet` and `title`.

The factlint binary and the rules are shipped with the job (`SparkContext.addFile`).
Each partition's documents are piped, one JSON object a line, to `factlint map -` on an
executor, which writes the partition's claims file (docs/claims-format.md): its
sources' summaries, the claims the rules' facts select, the name claims. That is all the
reading, segmenting, extracting and selecting.

Then the claims are shuffled: each `selected` record keyed by its fact id, each `name`
record by its entity id (with its source's `source` record once per key, for the
source's date and outlet), partitioned by key (`partitionBy`). Each reducer writes its
records as a claims file and runs `factlint reduce --partial` on it: the findings of
its facts and entities, as a findings file. The sources' summaries (`source` and
`error` records, small) are collected to the driver, which runs `factlint reduce
SUMMARIES --merge FINDINGS...`: the report is `factlint check`'s over the same
sources, byte for byte, in any format, and the exit code is `check`'s.
`--reduce driver` instead brings every claims file to the driver and reduces there once.
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
    parser.add_argument(
        "--reduce",
        choices=("shuffle", "driver"),
        default="shuffle",
        help="shuffle: claims by fact id to reducers on the executors (default); driver: one reduce on the driver",
    )
    parser.add_argument("--reducers", type=int, default=None, help="reduce partitions (default: Spark's)")
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
    command = [executable(binary), "map", "-", "--rules", shipped(rules)]
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


def executable(name):
    """The shipped binary, made executable where this executor has it."""
    factlint = shipped(name)
    mode = os.stat(factlint).st_mode
    if not mode & stat.S_IXUSR:
        os.chmod(factlint, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return factlint


def keyed_records(claims):
    """The claims of one claims file keyed for the shuffle: ("fact:ID" or "entity:ID",
    (path, seq, line)). A source's `source` record goes with the first record of each
    key it holds (seq -1), so that each reducer knows the dates and outlets of its claims."""
    source, path, sent = None, None, set()
    for seq, line in enumerate(claims.splitlines()):
        record = json.loads(line)
        kind = record["record"]
        if kind == "source":
            source, path, sent = line, record["path"], set()
            continue
        if kind == "selected":
            key = "fact:" + record["fact"]
        elif kind == "name":
            key = "entity:" + (record["claim"].get("entity") or "")
        else:
            continue
        if key not in sent:
            sent.add(key)
            yield key, (path, -1, source)
        yield key, (path, seq, line)


def summary_records(claims):
    """The header, `source` and `error` records of one claims file: what the merge needs
    of every source."""
    for line in claims.splitlines():
        # Every record starts with its tag (serde writes it first): no need to parse the line.
        kind = line[len('{"record":"') :].split('"', 1)[0]
        if kind in ("header", "source", "error"):
            yield kind, line


def claims_file(header, records, errors=()):
    """A whole claims file: `header`, each source's records in map order, the end record."""
    by_source = {}
    for path, seq, line in records:
        by_source.setdefault(path, {})[seq] = line
    lines, counts = [header], {"sources": 0, "selected": 0, "names": 0, "errors": 0}
    for path in sorted(by_source):
        held = by_source[path]
        counts["sources"] += 1
        for seq in sorted(held):
            lines.append(held[seq])
            kind = held[seq][len('{"record":"') :].split('"', 1)[0]
            if kind == "selected":
                counts["selected"] += 1
            elif kind == "name":
                counts["names"] += 1
    lines.extend(errors)
    counts["errors"] = len(errors)
    lines.append(json.dumps({"record": "end", **counts}, separators=(",", ":")))
    return "\n".join(lines) + "\n"


def reduce_partition(items, binary, rules, header):
    """Reduces one shuffle partition: its records as a claims file, `factlint reduce
    --partial` over it; yields the findings file."""
    records = [value for _, value in items]
    if not records:
        return
    with tempfile.TemporaryDirectory() as cwd:
        part = Path(cwd) / "part.jsonl"
        part.write_text(claims_file(header, records), encoding="utf-8")
        command = [executable(binary), "reduce", "--partial", str(part), "--rules", shipped(rules)]
        done = subprocess.run(command, cwd=cwd, capture_output=True)
    if done.returncode != 0:
        raise RuntimeError(f"factlint reduce --partial exited {done.returncode}: {done.stderr.decode('utf-8', 'replace')}")
    yield done.stdout.decode("utf-8")


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
        claims = documents.mapPartitions(lambda docs: map_partition(docs, binary, rules, published))
        if args.reduce == "driver":
            return reduce_on_driver(args, claims.collect())
        claims = claims.cache()
        summaries = claims.flatMap(summary_records).collect()
        headers = sorted({line for kind, line in summaries if kind == "header"})
        if len(headers) != 1:
            raise RuntimeError(f"the map partitions wrote {len(headers)} different headers")
        header = headers[0]
        reducers = args.reducers or sc.defaultParallelism
        findings = (
            claims.flatMap(keyed_records)
            .partitionBy(reducers)
            .mapPartitions(lambda items: reduce_partition(items, binary, rules, header))
            .collect()
        )
    finally:
        spark.stop()
    return merge_on_driver(args, header, summaries, findings)


def reduce_on_driver(args, claims):
    """`factlint reduce` over every partition's claims file, on the driver."""
    with tempfile.TemporaryDirectory() as parts:
        files = []
        for i, text in enumerate(claims):
            part = Path(parts) / f"part-{i:05}.jsonl"
            part.write_text(text, encoding="utf-8")
            files.append(str(part))
        return report(args, files, [])


def merge_on_driver(args, header, summaries, findings):
    """`factlint reduce --merge`: the sources' summaries and the reducers' findings."""
    sources = [(json.loads(line)["path"], -1, line) for kind, line in summaries if kind == "source"]
    errors = sorted(line for kind, line in summaries if kind == "error")
    with tempfile.TemporaryDirectory() as parts:
        summary = Path(parts) / "sources.jsonl"
        summary.write_text(claims_file(header, sources, errors), encoding="utf-8")
        files = []
        for i, text in enumerate(findings):
            part = Path(parts) / f"findings-{i:05}.jsonl"
            part.write_text(text, encoding="utf-8")
            files.append(str(part))
        return report(args, [str(summary)], files)


def report(args, claims, findings):
    """Runs `factlint reduce` on the driver; its exit code is the job's."""
    command = [args.factlint, "reduce", *claims, "--rules", args.rules, "--format", args.format]
    for file in findings:
        command += ["--merge", file]
    if args.output:
        command += ["--output", args.output]
    if args.fail_on:
        command += ["--fail-on", args.fail_on]
    return subprocess.run(command).returncode


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))

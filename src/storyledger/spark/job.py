"""The Spark job: WARC files in, one Parquet row per HTML record out (storyledger.spark.rows).

As in cc-pyspark, each task takes whole WARC files and streams their records; here each record goes
through the same per-article function a local ingest runs (storyledger.process), under the same
per-record guard, with the NLP pipeline loaded once per worker process.

    spark-submit "$(python -c 'import storyledger.spark.job as j; print(j.__file__)')" \\
        --output out.parquet archive/*.warc.gz
or `storyledger spark archive/ --output out.parquet` (local mode, or --master for a cluster).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from storyledger.errors import Failure
from storyledger.extract import extract
from storyledger.guard import DEFAULT_BUDGET, Guard
from storyledger.process import process
from storyledger.records import AnnotatedArticle, Hints, RawDocument
from storyledger.sources import iter_paths, read_path
from storyledger.sources.web import BadURL, normalise
from storyledger.spark.rows import COLUMNS, ArchiveRow, encode


def warc_files(inputs: Iterable[str]) -> list[str]:
    """The WARC files that files, folders and globs name, in the order a local ingest reads them."""
    return [str(p) for p in iter_paths(list(inputs)) if isinstance(p, Path) and p.name.lower().endswith(
        (".warc", ".warc.gz"))]


def _version_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        return normalise(url)
    except BadURL:
        return url


def _annotated(raw: RawDocument, work: Guard) -> AnnotatedArticle:
    """Extract, then annotate, with the stage named as ingest names it if either fails."""
    article = extract(raw)
    work.stage = "annotate"
    return process(article)


def _row(path: str, position: int, raw: RawDocument, budget: float | None) -> ArchiveRow:
    work = Guard(raw.source, budget, stage="extract")
    annotated = work.run(lambda: _annotated(raw, work))
    if annotated is None:
        failure = work.failure or Failure(raw.source, "no result", work.stage)
        return ArchiveRow(path, position, raw.source, error=failure.reason, stage=failure.stage)
    art = annotated.article
    return ArchiveRow(path, position, raw.source, art.id, art.url, art.title, art.outlet,
                      art.published.isoformat() if art.published else None, _version_url(art.url),
                      raw.fetched_at.isoformat() if raw.fetched_at else None, encode(annotated))


def annotate_warcs(paths: Iterable[str], budget: float | None = DEFAULT_BUDGET) -> Iterator[tuple[object, ...]]:
    """A task's work: every HTML record of these WARC files as a row's values. Never raises."""
    for path in paths:
        for position, item in enumerate(read_path(Path(path), Hints())):
            if isinstance(item, RawDocument):
                yield _row(path, position, item, budget).values()
            elif isinstance(item, Failure):
                yield ArchiveRow(path, position, item.source, error=item.reason, stage=item.stage).values()


def run(inputs: list[str], output: str, master: str | None = None, partitions: int | None = None) -> int:
    """Run the job (a local Spark unless ``master`` names a cluster); returns how many WARC files it read."""
    from pyspark.sql import SparkSession
    from pyspark.sql.types import IntegerType, StringType, StructField, StructType

    # The Python workers are this interpreter, with storyledger and its models installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    paths = warc_files(inputs)
    if not paths:
        return 0
    builder = (SparkSession.builder.appName("storyledger").config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false"))
    spark = (builder.master(master) if master else builder).getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        schema = StructType([StructField(name, IntegerType() if kind == "int" else StringType())
                             for name, kind in COLUMNS])
        tasks = spark.sparkContext.parallelize(paths, numSlices=partitions or len(paths))
        spark.createDataFrame(tasks.mapPartitions(annotate_warcs), schema).write.mode("overwrite").parquet(output)
    finally:
        spark.stop()
    return len(paths)


def main(argv: list[str] | None = None) -> None:
    """spark-submit's entry point."""
    parser = argparse.ArgumentParser(description="Annotate the articles in WARC files into Parquet.")
    parser.add_argument("inputs", nargs="+", help="WARC files, folders or globs")
    parser.add_argument("--output", required=True, help="Parquet folder to write (replaced)")
    parser.add_argument("--partitions", type=int, default=None, help="Tasks (default: one per WARC file)")
    args = parser.parse_args(argv)
    run(args.inputs, args.output, partitions=args.partitions)


if __name__ == "__main__":
    main()

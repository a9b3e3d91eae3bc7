"""Files, folders (recursive) and globs: pages, text, JSON Lines, WARC archives and feeds."""

from __future__ import annotations

import glob
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from storyledger.errors import Failure
from storyledger.records import Hints, RawDocument
from storyledger.sources.feeds import FEED_SUFFIXES, read_feed
from storyledger.sources.sidecar import hints_from_mapping, is_sidecar, read_sidecar
from storyledger.sources.warc import is_warc, read_warc

SUPPORTED_SUFFIXES = {".html", ".htm", ".txt", ".json", ".jsonl", ".warc", *FEED_SUFFIXES}
# Far larger than any news article; a bigger file is almost surely not one, and reading it
# whole would cost memory for nothing.
MAX_BYTES = 50 * 1024 * 1024


def iter_paths(inputs: list[str]) -> Iterator[Path | Failure]:
    """Expand inputs to files in a stable order; a missing path is a Failure, not an exception."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if _wanted(p))
            yield from found
        elif path.is_file():
            yield path
        elif glob.has_magic(item):
            matches = sorted(Path(m) for m in glob.glob(item, recursive=True))
            files = [m for m in matches if m.is_file() and _wanted(m)]
            if not files:
                yield Failure(item, "no supported files match this pattern")
            yield from files
        else:
            yield Failure(item, "no such file or directory")


def _wanted(path: Path) -> bool:
    if not path.is_file() or is_sidecar(path):
        return False
    return path.suffix.lower() in SUPPORTED_SUFFIXES or is_warc(path)


def read_path(path: Path, base: Hints) -> Iterator[RawDocument | Failure]:
    """Read one file into raw documents (several for .jsonl); errors become Failures."""
    source = str(path)
    if is_warc(path):
        # Archives are streamed record by record, so the one-article size limit does not apply.
        try:
            yield from read_warc(path, read_sidecar(path, base))
        except ValueError as exc:
            yield Failure(source, str(exc))
        return
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield Failure(source, f"file is {size / 1e6:.0f} MB, over the {MAX_BYTES // 1024 // 1024} MB limit for one article")
            return
        hints = read_sidecar(path, base)
        data = path.read_bytes()
    except (OSError, ValueError) as exc:
        yield Failure(source, str(exc))
        return
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES:
        yield from read_feed(source, data, hints)
        return
    if suffix in (".json", ".jsonl"):
        yield from _read_json_rows(source, data, hints, whole_file=suffix == ".json")
        return
    if hints.format is None and suffix in (".html", ".htm"):
        hints = replace(hints, format="html")
    yield RawDocument(source=source, data=data, hints=hints)


def _read_json_rows(source: str, data: bytes, hints: Hints, whole_file: bool) -> Iterator[RawDocument | Failure]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield Failure(source, f"JSON input is not UTF-8 ({exc.reason} at byte {exc.start})")
        return
    if whole_file:
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Failure(source, f"invalid JSON: {exc.msg} (line {exc.lineno})")
            return
        rows = parsed if isinstance(parsed, list) else [parsed]
        for n, row in enumerate(rows, 1):
            yield _row_document(source if len(rows) == 1 else f"{source}[{n}]", row, hints)
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, f"invalid JSON line: {exc.msg}")
            continue
        yield _row_document(where, row, hints)


def _row_document(where: str, row: object, hints: Hints) -> RawDocument | Failure:
    """One article from {"text" or "html", "url", "title", "published", "outlet"}."""
    if not isinstance(row, dict):
        return Failure(where, "expected a JSON object with a 'text' or 'html' field")
    try:
        row_hints = hints_from_mapping(hints, row, where)
    except ValueError as exc:
        return Failure(where, str(exc).removeprefix(f"{where}: "))
    html, text = row.get("html"), row.get("text")
    if isinstance(html, str) and html.strip():
        return RawDocument(source=where, text=html, hints=replace(row_hints, format="html"))
    if isinstance(text, str) and text.strip():
        fmt = row_hints.format or "text"
        return RawDocument(source=where, text=text, hints=replace(row_hints, format=fmt))
    return Failure(where, "no non-empty 'text' or 'html' field")

"""Files, folders (recursive) and globs: pages, text, JSON Lines, WARC archives and feeds."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from storyledger.errors import Failure, Notice, describe
from storyledger.records import Hints, RawDocument
from storyledger.sources.feeds import FEED_SUFFIXES, read_feed
from storyledger.sources.limits import MAX_BYTES, JSONLimitError, display_name, load_json, storable
from storyledger.sources.sidecar import hints_from_mapping, is_sidecar, read_sidecar
from storyledger.sources.warc import is_warc, read_warc

SUPPORTED_SUFFIXES = {".html", ".htm", ".txt", ".json", ".jsonl", ".warc", *FEED_SUFFIXES}

Item = RawDocument | Failure | Notice


def iter_paths(inputs: list[str], follow_symlinks: bool = False) -> Iterator[Path | Failure | Notice]:
    """Expand inputs to files in a stable order; a missing path is a Failure, not an exception.
    In a folder, a symlink leading out of it is skipped (with a Notice) unless ``follow_symlinks``."""
    for item in inputs:
        try:
            yield from _expand(item, follow_symlinks)
        except (OSError, ValueError) as exc:  # a name the system refuses (a NUL byte, too long...)
            yield Failure(display_name(item), f"cannot be read: {describe(exc)}")


def _expand(item: str, follow_symlinks: bool) -> Iterator[Path | Failure | Notice]:
    path = Path(item)
    if path.is_dir():
        yield from _walk(path, follow_symlinks)
    elif path.is_file():
        yield path
    elif glob.has_magic(item):
        matches = sorted(Path(m) for m in glob.glob(item, recursive=True))
        files = [m for m in matches if m.is_file() and _wanted(m)]
        if not files:
            yield Failure(display_name(item), "no supported files match this pattern")
        yield from files
    else:
        yield Failure(display_name(item), "no such file or directory")


def _walk(root: Path, follow_symlinks: bool) -> Iterator[Path | Notice]:
    """Every wanted file under ``root``, sorted. Without ``follow_symlinks`` no symlinked folder is
    entered (as rglob does) and a symlinked file is read only if it stays inside ``root``; with it,
    each real folder is entered once, so a link to an ancestor cannot loop."""
    inside = root.resolve()
    seen: set[tuple[int, int]] = set()
    found: list[Path] = []
    skipped: list[Path] = []
    for folder, dirs, files in os.walk(root, followlinks=follow_symlinks):
        if follow_symlinks:
            st = os.stat(folder)
            if (st.st_dev, st.st_ino) in seen:
                dirs.clear()
                continue
            seen.add((st.st_dev, st.st_ino))
        for name in files:
            path = Path(folder, name)
            if not _wanted(path):
                continue
            if not follow_symlinks and path.is_symlink() and not path.resolve().is_relative_to(inside):
                skipped.append(path)
            else:
                found.append(path)
    yield from sorted(found)
    for path in sorted(skipped):
        yield Notice(display_name(path), "skipped: a symlink to a file outside the folder (--follow-symlinks reads it)")


def _wanted(path: Path) -> bool:
    if not path.is_file() or is_sidecar(path):
        return False
    return path.suffix.lower() in SUPPORTED_SUFFIXES or is_warc(path)


def read_path(path: Path, base: Hints) -> Iterator[Item]:
    """Read one file into raw documents (several for .jsonl, feeds and archives). Never raises: an
    unexpected error ends the file's documents with a Failure naming it."""
    try:
        yield from _read_path(path, base)
    except Exception as exc:  # a reader bug on one hostile file must not end the batch
        yield Failure(display_name(path), f"internal error: {describe(exc)}")


def _read_path(path: Path, base: Hints) -> Iterator[Item]:
    source = display_name(path)
    try:
        hints, notices = read_sidecar(path, base)
    except (OSError, ValueError) as exc:
        yield Failure(source, str(exc))
        return
    yield from notices
    if is_warc(path):
        # Archives are streamed record by record, so the one-article size limit does not apply.
        yield from read_warc(path, hints)
        return
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield Failure(source, f"file is {size / 1e6:.0f} MB, over the {MAX_BYTES // 1024 // 1024} MB limit for one article")
            return
        data = path.read_bytes()
    except OSError as exc:
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


def _read_json_rows(source: str, data: bytes, hints: Hints, whole_file: bool) -> Iterator[Item]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield Failure(source, f"JSON input is not UTF-8 ({exc.reason} at byte {exc.start})")
        return
    if whole_file:
        try:
            parsed = load_json(text)
        except JSONLimitError as exc:
            yield Failure(source, f"refused JSON: {exc}")
            return
        except ValueError as exc:
            yield Failure(source, f"invalid JSON: {getattr(exc, 'msg', exc)} (line {getattr(exc, 'lineno', 1)})")
            return
        rows = parsed if isinstance(parsed, list) else [parsed]
        if not rows:
            yield Failure(source, "an empty JSON list: no articles")
        for n, row in enumerate(rows, 1):
            yield from _row_document(source if len(rows) == 1 else f"{source}[{n}]", row, hints)
        return
    # JSON Lines end rows at "\n" only: str.splitlines would also cut at U+2028 and other separators
    # that JSON allows unescaped inside strings.
    if not text.strip():
        yield Failure(source, "empty file: no JSON lines")
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            row = load_json(line)
        except JSONLimitError as exc:
            yield Failure(where, f"refused JSON line: {exc}")
            continue
        except ValueError as exc:
            yield Failure(where, f"invalid JSON line: {getattr(exc, 'msg', exc)}")
            continue
        yield from _row_document(where, row, hints)


def _row_document(where: str, row: object, hints: Hints) -> Iterator[Item]:
    """One article from {"text" or "html", "url", "title", "published", "outlet"}; metadata no article
    can have is dropped with a Notice, and the article kept."""
    if not isinstance(row, dict):
        yield Failure(where, "expected a JSON object with a 'text' or 'html' field")
        return
    row_hints, notices = hints_from_mapping(hints, row, where)
    for key, fmt in (("html", "html"), ("text", row_hints.format or "text")):
        body = row.get(key)
        if isinstance(body, str) and body.strip():
            yield from notices
            clean = storable(body)
            if clean != body:
                yield Notice(where, f"'{key}' holds lone surrogates (escapes that are no character): replaced by U+FFFD")
            yield RawDocument(source=where, text=clean, hints=replace(row_hints, format=fmt))
            return
    yield Failure(where, "no non-empty 'text' or 'html' field")

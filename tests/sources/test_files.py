"""Sources: files, folders, globs, JSON Lines and sidecars become raw documents or failures."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from storyledger.errors import Failure, Notice
from storyledger.records import Hints
from storyledger.sources import iter_paths, read_path


def _read_all(paths: list[str]) -> list:
    out = []
    for item in iter_paths(paths):
        out.extend([item] if isinstance(item, Failure) else read_path(item, Hints()))
    return out


def test_folder_is_recursive_sorted_and_skips_sidecars_and_other_suffixes(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.html").write_text("<html><body><p>Two</p></body></html>")
    (tmp_path / "one.txt").write_text("One\n\nBody.")
    (tmp_path / "one.txt.meta.json").write_text('{"published": "2024-02-03"}')
    (tmp_path / "notes.md").write_text("not an article")
    items = _read_all([str(tmp_path)])
    assert [Path(i.source).name for i in items] == ["two.html", "one.txt"]
    html, text = items
    assert html.hints.format == "html"
    assert text.hints.published == date(2024, 2, 3)


def test_glob_and_missing_path(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A")
    (tmp_path / "b.txt").write_text("B")
    items = list(iter_paths([str(tmp_path / "*.txt"), str(tmp_path / "missing.txt"), str(tmp_path / "*.nope")]))
    assert [Path(i).name for i in items[:2]] == ["a.txt", "b.txt"]
    assert items[2] == Failure(str(tmp_path / "missing.txt"), "no such file or directory")
    assert items[3] == Failure(str(tmp_path / "*.nope"), "no supported files match this pattern")


def test_jsonl_rows_with_a_broken_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    rows = [
        json.dumps({"text": "First article.", "url": "https://example.org/a", "published": "2024-05-01",
                    "outlet": "Example", "title": "A"}),
        "{not json",
        json.dumps({"html": "<p>Second</p>", "title": "B"}),
        json.dumps({"title": "no body"}),
        json.dumps({"text": "Bad date.", "published": "May 1st"}),
    ]
    path.write_text("\n".join(rows) + "\n")
    items = list(read_path(path, Hints()))
    assert items[0].text == "First article."
    assert items[0].hints.url == "https://example.org/a"
    assert items[0].hints.published == date(2024, 5, 1)
    assert items[0].hints.outlet == "Example"
    assert items[1] == Failure(f"{path}:2", "invalid JSON line: Expecting property name enclosed in double quotes")
    assert items[2].hints.format == "html" and items[2].text == "<p>Second</p>"
    assert items[3] == Failure(f"{path}:4", "no non-empty 'text' or 'html' field")
    # A date no article can have is dropped and named; the article is kept.
    assert items[4] == Notice(f"{path}:5", "dropped 'published': not a YYYY-MM-DD date: 'May 1st'")
    assert items[5].text == "Bad date." and items[5].hints.published is None


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "huge.html"
    with big.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: costs no disk or memory
    (item,) = list(read_path(big, Hints()))
    assert isinstance(item, Failure)
    assert item.reason == "file is 210 MB, over the 50 MB limit for one article"


def test_broken_sidecar_fails_the_input(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Title\n\nBody.")
    (tmp_path / "a.txt.meta.json").write_text("{oops")
    (item,) = list(read_path(path, Hints()))
    assert isinstance(item, Failure) and "is not valid JSON" in item.reason

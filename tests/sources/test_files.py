"""Sources: files, folders, globs, JSON Lines and sidecars become raw documents or failures."""

from __future__ import annotations

import json
import os
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


# Regression tests: each input once crashed a whole batch (or was lost) and is now refused or kept by name.

def test_json_nested_past_the_depth_limit_is_refused_by_name(tmp_path: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    (tmp_path / "deep.json").write_text(deep)
    (tmp_path / "rows.jsonl").write_text(json.dumps({"text": "Fine."}) + '\n{"text": ' + deep + "}\n")
    (tmp_path / "a.txt").write_text("A page.")
    (tmp_path / "a.txt.meta.json").write_text('{"published": ' + deep + "}")
    assert _read_all([str(tmp_path / "deep.json")]) == [
        Failure(str(tmp_path / "deep.json"), "refused JSON: JSON nested deeper than 32 levels")]
    fine, deep_row = _read_all([str(tmp_path / "rows.jsonl")])
    assert fine.text == "Fine."
    assert deep_row == Failure(f"{tmp_path / 'rows.jsonl'}:2", "refused JSON line: JSON nested deeper than 32 levels")
    (side,) = _read_all([str(tmp_path / "a.txt")])
    assert side.reason.endswith("a.txt.meta.json is not valid JSON: JSON nested deeper than 32 levels")


def test_json_numbers_past_the_digit_limit_are_refused(tmp_path: Path) -> None:
    (tmp_path / "n.jsonl").write_text('{"text": "x", "n": ' + "9" * 5000 + "}\n")
    assert _read_all([str(tmp_path / "n.jsonl")]) == [
        Failure(f"{tmp_path / 'n.jsonl'}:1", "refused JSON line: a JSON number of 5000 digits (limit 100)")]


def test_metadata_no_article_can_have_is_dropped_by_name_and_the_article_kept(tmp_path: Path) -> None:
    rows = [{"text": "One.", "title": "\ud800"}, {"text": "Two.", "outlet": "Quay \udfff Post"},
            {"text": "Three.", "url": "http://[::1"}, {"text": "Four.", "published": "9999-12-31"},
            {"text": "Five.", "published": "0001-01-01", "authors": ["A" * 600]}]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows))
    items = _read_all([str(path)])
    notices = [(i.source.rsplit(":", 1)[1], i.reason) for i in items if isinstance(i, Notice)]
    assert notices == [
        ("1", "dropped 'title': holds a lone surrogate (an escape that is no character)"),
        ("2", "dropped 'outlet': holds a lone surrogate (an escape that is no character)"),
        ("3", "dropped 'url': Invalid IPv6 URL"),
        ("4", "dropped 'published': out of range: year 9999 is not between 1000 and 2999"),
        ("5", "dropped 'published': out of range: year 1 is not between 1000 and 2999"),
        ("5", "dropped 'authors': 600 characters, over the 500 limit"),
    ]
    docs = [i for i in items if not isinstance(i, Notice)]
    assert [d.text for d in docs] == ["One.", "Two.", "Three.", "Four.", "Five."]
    assert all((d.hints.title, d.hints.outlet, d.hints.url, d.hints.published) == (None,) * 4 for d in docs)


def test_lone_surrogates_in_text_become_replacement_characters(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text(json.dumps({"text": "Fares rose \ud800 today."}))
    notice, doc = _read_all([str(path)])
    assert notice == Notice(f"{path}:1", "'text' holds lone surrogates (escapes that are no character): replaced by U+FFFD")
    assert doc.text == "Fares rose \ufffd today."


def test_rows_end_at_newlines_only(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text(json.dumps({"text": "Para one.\u2028\u2028Para two."}, ensure_ascii=False) + "\n", encoding="utf-8")
    (doc,) = _read_all([str(path)])
    assert doc.text == "Para one.\u2028\u2028Para two."


def test_empty_json_inputs_are_named(tmp_path: Path) -> None:
    (tmp_path / "blank.jsonl").write_text("\n \n")
    (tmp_path / "none.json").write_text("[]")
    assert _read_all([str(tmp_path)]) == [Failure(str(tmp_path / "blank.jsonl"), "empty file: no JSON lines"),
                                          Failure(str(tmp_path / "none.json"), "an empty JSON list: no articles")]


def test_file_names_that_are_not_utf8_are_shown_escaped(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9-\xff.txt"
    with open(raw, "wb") as fh:
        fh.write(b"A page.")
    (doc,) = _read_all([str(tmp_path)])
    assert doc.source == f"{tmp_path}/caf\\xe9-\\xff.txt"
    doc.source.encode("utf-8")


def test_symlinks_out_of_a_folder_are_skipped_unless_asked(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("Not yours.")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Mine.")
    (folder / "leak.txt").symlink_to(outside)
    (folder / "same.txt").symlink_to(folder / "a.txt")
    (folder / "sub" / "loop").symlink_to(folder)
    (folder / "out").symlink_to(tmp_path)
    items = list(iter_paths([str(folder)]))
    assert items == [folder / "a.txt", folder / "same.txt", Notice(
        str(folder / "leak.txt"), "skipped: a symlink to a file outside the folder (--follow-symlinks reads it)")]
    followed = [p.relative_to(folder).as_posix() for p in iter_paths([str(folder)], follow_symlinks=True)]
    assert followed == ["a.txt", "leak.txt", "out/secret.txt", "same.txt"]  # each real folder once: no loop

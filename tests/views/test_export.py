"""`storyledger export`: one file per table in JSON Lines, CSV and Parquet, each read back by its own
reader (json, the csv module, pyarrow); FollowTheMoney entities through FtM's strict validation."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from storyledger.records import TimeRef
from storyledger.views.cli.app import app

sys.path.insert(0, str(Path(__file__).parent / "web"))
from conftest import build_ledger, hostile_article, ports_article, ports_later_article  # noqa: E402

TABLES = ["documents", "document_sources", "entities", "doc_entities", "mentions", "quotes", "claims", "times",
          "stories", "story_documents", "matters", "positions"]


def _read(path: Path) -> list[dict]:
    """A table file as records, with the reader a user would use for its format."""
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return list(csv.DictReader(fh))
    return pq.read_table(path).to_pylist()


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return build_ledger(tmp_path / "ledger.db", [ports_article(), ports_later_article(), hostile_article()])


def _run(*args: str) -> str:
    res = CliRunner().invoke(app, list(args))
    assert res.exit_code == 0, res.output
    return res.output


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_one_file_per_record_type(db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / fmt
    printed = _run("export", "--format", fmt, "--out", str(out), "--db", str(db))
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.{fmt}" for t in TABLES)
    assert f"4  {out / ('claims.' + fmt)}" in printed
    rows = _read(out / f"claims.{fmt}")
    ports = next(r for r in rows if r["action"] == "reopen the northern ports")
    assert ports["stance"] == "committed" and ports["condition_text"] == "if the talks succeed"
    assert int(ports["evidence_start"]) == 0 + ports_article().article.text.index("Jane Roe will")
    assert ports["when_date"] == "2024-03-08"
    decode = (lambda v: v) if fmt == "jsonl" else json.loads  # JSON lists are decoded in JSON Lines only
    assert decode(ports["actor_local_ids"]) == ["e1"]
    assert decode(ports["actor_names"]) == ["Jane Roe"] and decode(ports["actor_entity_ids"])[0].startswith("E")
    assert (ports["outlet"], ports["published"]) == ("Harbour Times", "2024-03-06")
    hostile = next(r for r in rows if r["action"].startswith("open <script>"))
    assert hostile["action"] == "open <script>window.__pwned=7</script>"  # data kept verbatim
    quote = next(r for r in _read(out / f"quotes.{fmt}") if r["content_text"] == "We need more time,")
    assert (quote["speaker_local_id"], quote["speaker_name"], quote["outlet"], quote["published"]) == (
        "e1", "Jane Roe", "Quay Daily", "2024-03-20")
    assert quote["speaker_entity_id"] == decode(ports["actor_entity_ids"])[0]  # one ledger id for Jane Roe
    positions = _read(out / f"positions.{fmt}")
    roe = sorted((p["day"], p["mark"], p["matter"]) for p in positions if p["actor_name"] == "Jane Roe")
    assert [mark for _day, mark, _matter in roe] == ["new", "changed"]
    stories = _read(out / f"stories.{fmt}")
    members = _read(out / f"story_documents.{fmt}")
    assert sum(int(s["n_docs"]) for s in stories) == len(members) == 3
    assert {m["story_id"] for m in members} == {s["id"] for s in stories}
    assert len(_read(out / f"matters.{fmt}")) >= 2


def test_parquet_types_follow_the_schema(db: Path, tmp_path: Path) -> None:
    _run("export", "--format", "parquet", "--out", str(tmp_path), "--db", str(db))
    schema = pq.read_schema(tmp_path / "mentions.parquet")
    assert str(schema.field("start").type) == "int64" and str(schema.field("text").type) == "string"
    assert str(pq.read_schema(tmp_path / "story_documents.parquet").field("similarity").type) == "double"
    assert pq.read_table(tmp_path / "times.parquet").num_rows == 0


def test_csv_for_spreadsheets_starts_with_a_byte_order_mark(db: Path, tmp_path: Path) -> None:
    _run("export", "--format", "csv", "--out", str(tmp_path / "plain"), "--db", str(db))
    _run("export", "--format", "csv", "--bom", "--out", str(tmp_path / "excel"), "--db", str(db))
    plain = (tmp_path / "plain" / "quotes.csv").read_bytes()
    excel = (tmp_path / "excel" / "quotes.csv").read_bytes()
    assert not plain.startswith(b"\xef\xbb\xbf") and excel == b"\xef\xbb\xbf" + plain
    assert "“ready to go”".encode() in (tmp_path / "excel" / "documents.csv").read_bytes()  # curly quotes as UTF-8
    with (tmp_path / "excel" / "quotes.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert next(csv.reader(fh))[0] == "document_id"


def test_followthemoney_entities_pass_strict_validation(db: Path, tmp_path: Path) -> None:
    from followthemoney import model

    _run("export", "--format", "ftm", "--out", str(tmp_path), "--db", str(db))
    lines = (tmp_path / "entities.ftm.json").read_text(encoding="utf-8").splitlines()
    for line in lines:
        data = json.loads(line)
        assert model.get(data["schema"]).validate(data) is None  # raises InvalidData on any bad value
    proxies = [model.get_proxy(json.loads(line), cleaned=False) for line in lines]
    by_schema: dict[str, list] = {}
    for p in proxies:
        by_schema.setdefault(p.schema.name, []).append(p)
    assert sorted((k, len(v)) for k, v in by_schema.items()) == [
        ("Article", 3), ("Documentation", 7), ("Mention", 4), ("Organization", 1), ("Person", 2),
    ]
    roe = next(p for p in by_schema["Person"] if p.first("name") == "Jane Roe")
    assert roe.get("position") == ["Ports minister"]
    ids = {p.id for p in proxies}
    for doc in by_schema["Documentation"] + by_schema["Mention"]:
        refs = doc.get("document", quiet=True) + doc.get("entity", quiet=True) + doc.get("resolved", quiet=True)
        assert refs and set(refs) <= ids  # every reference resolves inside the export
    claim = next(p for p in by_schema["Documentation"] if "if the talks succeed" in p.first("description"))
    assert claim.first("role") == "claim (committed, COOPERATE)" and claim.first("date") == "2024-03-08"
    article = next(p for p in by_schema["Article"] if p.first("title") == "Ports to reopen")
    assert article.get("contentHash") == [] and article.first("publishedAt") == "2024-03-06"


def test_bad_format_and_missing_ledger(db: Path, tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["export", "--format", "xml", "--out", str(tmp_path), "--db", str(db)])
    assert res.exit_code == 2 and "jsonl" in res.output
    res = CliRunner().invoke(app, ["export", "--format", "csv", "--out", str(tmp_path), "--db", str(tmp_path / "x.db")])
    assert res.exit_code == 2 and not (tmp_path / "x.db").exists()


def test_exports_keep_a_dates_precision(tmp_path: Path) -> None:
    later = ports_article()
    later.claims[0].when = TimeRef("in 2027", 0, 7, date(2027, 1, 1), date(2027, 12, 31), "date", "2027", "year")
    db = build_ledger(tmp_path / "year.db", [later])
    _run("export", "--format", "jsonl", "--out", str(tmp_path / "jsonl"), "--db", str(db))
    rows = [json.loads(x) for x in (tmp_path / "jsonl" / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    reopen = next(r for r in rows if r["local_id"] == "c1")
    assert (reopen["when_value"], reopen["when_precision"], reopen["when_date_end"]) == ("2027", "year", "2027-12-31")
    _run("export", "--format", "ftm", "--out", str(tmp_path / "ftm"), "--db", str(db))
    docs = [json.loads(x) for x in (tmp_path / "ftm" / "entities.ftm.json").read_text(encoding="utf-8").splitlines()]
    (claim_doc,) = [d for d in docs if d["id"].startswith("sl-c-") and "reopen" in d["properties"]["description"][0]]
    assert claim_doc["properties"]["date"] == ["2027"]  # a year, never 2027-01-01

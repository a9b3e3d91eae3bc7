"""Golden tests on the two seed articles, as ../shared/seeds/EXPECTED.md describes them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from storyledger.extract import extract
from storyledger.records import DateSource, Hints, RawDocument
from storyledger.sources.files import read_path

BOILERPLATE_002 = [
    "Listen to this article",
    "Loading audio...",
    "Read more: Starmer slams Putin's 'hollow promises' as he prepares to host allies for Ukraine peace talks",
    "Read more: Russian war correspondent dies after being blown up by mine on border with Ukraine",
]
CAPTION_000 = "Emmanuel Macron speaks to Sir Keir Starmer during a meeting of the Coalition of the Willing"


def _lines(path: Path) -> list[str]:
    return [s for line in path.read_text(encoding="utf-8").split("\n") if (s := line.strip())]


def test_seed_002_body_title_author_date(seed_002: Path) -> None:
    article = extract(RawDocument(source=str(seed_002), data=seed_002.read_bytes()))
    lines = _lines(seed_002)
    first = next(i for i, s in enumerate(lines) if s.startswith("Britain and France are drawing up plans"))
    last = next(i for i, s in enumerate(lines) if s.endswith("now is the time for increasing sanctions on Russia.”"))
    expected = [s for s in lines[first : last + 1] if s not in BOILERPLATE_002 and "Prime Minister Keir Starmer (R)" not in s]
    assert article.text.split("\n\n") == expected
    assert len(expected) == 17
    assert article.title == "Britain and France to send 'reassurance force' to Ukraine after latest peace talks"
    assert article.authors == ["Jacob Paul"]
    assert article.published == date(2025, 3, 27)
    assert article.published_source is DateSource.TEXT
    for junk in ("Picture: Getty", "Latest World News", "See more", "16 days ago", "27 March 2025, 15:21", "By Jacob Paul"):
        assert junk not in article.text


def test_seed_000_keeps_every_paragraph_and_drops_the_doubled_caption(seed_000: Path) -> None:
    article = extract(RawDocument(source=str(seed_000), data=seed_000.read_bytes()))
    lines = _lines(seed_000)
    assert article.title == lines[0]
    assert article.text.split("\n\n") == [s for s in lines[1:] if not s.startswith(CAPTION_000)]
    assert CAPTION_000 not in article.text
    assert article.published is None and article.published_source is DateSource.UNKNOWN


def test_seed_000_date_comes_from_its_sidecar(seed_000: Path) -> None:
    [raw] = list(read_path(seed_000, Hints()))
    article = extract(raw)
    assert article.published == date(2025, 8, 19)
    assert article.published_source is DateSource.USER


def test_flag_date_fills_only_what_is_missing(seed_002: Path) -> None:
    hinted = Hints(default_published=date(2020, 1, 1), default_outlet="LBC")
    article = extract(RawDocument(source=str(seed_002), data=seed_002.read_bytes(), hints=hinted))
    assert article.published == date(2025, 3, 27) and article.published_source is DateSource.TEXT
    assert article.outlet == "LBC"

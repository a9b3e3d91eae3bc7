"""Score article extraction on labelled sets: the naeb layout (html/, text/, articles.json) or JSON Lines
of {id, source_dataset, html, gold_text} (the public extraction sets in ../shared/eval/extract/more).

Body metric as agreed in the data's README (the one public extraction benchmarks use): \\w+ tokens,
4-token shingles counted with repeats, per-page TP/FP/FN scaled to sum to 1, precision and recall
averaged over pages (pages with empty output left out of precision), F1 of the two averages.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import numpy as np
from inscriptis import get_text
from inscriptis.css_profiles import CSS_PROFILES
from inscriptis.model.config import ParserConfig
from lxml.etree import ParserError

from storyledger.errors import StoryledgerError
from storyledger.extract.decode import decode
from storyledger.extract.shingles import shingles, tokens
from storyledger.extract.text import split_lines
from storyledger.records import Article, Hints, RawDocument

_SPACE = re.compile(r"\s+")
# One page in this many (by id hash) is held out from training and tuning of the text cleaner.
HOLD_OUT_EVERY = 4


def is_held_out(page_id: str) -> bool:
    """Deterministic split by id hash: the same pages are held out on every machine and run."""
    return int(hashlib.sha256(page_id.encode()).hexdigest()[:8], 16) % HOLD_OUT_EVERY == 0


def fold(text: str | None) -> str:
    return _SPACE.sub(" ", (text or "").casefold()).strip()


@dataclass(frozen=True, slots=True)
class GoldPage:
    id: str
    title: str
    authors: frozenset[str]
    published: date | None
    body: str
    url: str | None


@dataclass(frozen=True, slots=True)
class PageResult:
    """One page's scores: body (tp, fp, fn) scaled to sum to 1, and the metadata checks."""

    id: str
    tp: float
    fp: float
    fn: float
    empty: bool
    title_exact: bool
    title_contains: bool
    authors_ok: bool
    date_ok: bool
    error: str | None = None
    seconds: float = 0.0
    kept_sentences: int = 0
    clipped_sentences: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass(slots=True)
class Report:
    kind: str
    pages: list[PageResult] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return sum(p.seconds for p in self.pages)

    @property
    def precision(self) -> float:
        scored = [p.precision for p in self.pages if not p.empty]
        return sum(scored) / len(scored) if scored else 0.0

    @property
    def recall(self) -> float:
        return sum(p.recall for p in self.pages) / len(self.pages) if self.pages else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def f1_interval(self, resamples: int = 2000, level: float = 0.95, seed: int = 0) -> tuple[float, float]:
        """Bootstrap interval of body F1 over pages: a few hundred pages leave a figure a hundredth or two
        of play, which a change must beat before it counts (same seed, same interval)."""
        if not self.pages:
            return (0.0, 0.0)
        # Per page: precision (NaN where the output was empty: left out of precision) and recall.
        precision = np.array([np.nan if p.empty else p.precision for p in self.pages])
        recall = np.array([p.recall for p in self.pages])
        draws = np.random.default_rng(seed).integers(0, len(self.pages), (resamples, len(self.pages)))
        sampled = precision[draws]
        scored = (~np.isnan(sampled)).sum(axis=1)
        p_avg = np.where(scored > 0, np.nansum(sampled, axis=1) / np.maximum(scored, 1), 0.0)
        r_avg = recall[draws].mean(axis=1)
        f1 = np.where(p_avg + r_avg > 0, 2 * p_avg * r_avg / np.maximum(p_avg + r_avg, 1e-12), 0.0)
        tail = (1 - level) / 2
        low, high = np.quantile(f1, [tail, 1 - tail])
        return float(low), float(high)

    def share(self, attr: str) -> float:
        return sum(getattr(p, attr) for p in self.pages) / len(self.pages) if self.pages else 0.0

    @property
    def pages_per_second(self) -> float:
        return len(self.pages) / self.seconds if self.seconds else 0.0

    @property
    def errors(self) -> int:
        return sum(p.error is not None for p in self.pages)

    @property
    def kept_sentences(self) -> int:
        return sum(p.kept_sentences for p in self.pages)

    @property
    def clipped_sentences(self) -> int:
        return sum(p.clipped_sentences for p in self.pages)

    def subset(self, keep: Callable[[str], bool]) -> Report:
        return Report(self.kind, [p for p in self.pages if keep(p.id)])


def load_gold(root: Path) -> list[GoldPage]:
    data = json.loads((root / "articles.json").read_text(encoding="utf-8"))
    pages = []
    for page_id, row in sorted(data.items()):
        try:
            published = date.fromisoformat((row.get("date") or "")[:10])
        except ValueError:
            published = None
        names = frozenset(fold(a) for a in (row.get("authors") or "").split(",") if a.strip())
        pages.append(GoldPage(page_id, row.get("title") or "", names, published, row.get("articleBody") or "", row.get("url")))
    return pages


def body_counts(predicted: str, gold: str) -> tuple[float, float, float]:
    """Per-page true positives, false positives, false negatives, scaled to sum to 1."""
    pred, ref = shingles(predicted), shingles(gold)
    tp = sum((pred & ref).values())
    fp = sum(pred.values()) - tp
    fn = sum(ref.values()) - tp
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (1.0, 0.0, 0.0)


# Gold sentences are cut at a sentence end followed by space, and at line breaks.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+|\n+")
# Shorter sentences (datelines, captions, "Read more") say little about lost words.
MIN_SENTENCE_TOKENS = 8


def clipped_sentences(predicted: str, gold: str) -> tuple[int, int]:
    """Gold sentences the output kept (half their word 4-grams or more), and how many of those came out
    with words missing or changed (some 4-gram absent): a link or an emphasis dropped from inside a
    sentence turns a quote read from it into a misquote, which the shingle F1 barely registers."""
    found = set(shingles(predicted))
    kept = clipped = 0
    for sentence in _SENTENCE_BREAK.split(gold):
        if len(tokens(sentence)) < MIN_SENTENCE_TOKENS:
            continue
        own = set(shingles(sentence))
        present = len(own & found)
        if 2 * present >= len(own):
            kept += 1
            clipped += present < len(own)
    return kept, clipped


def score_page(gold: GoldPage, article: Article | None, error: str | None = None) -> PageResult:
    text = article.text if article else ""
    tp, fp, fn = body_counts(text, gold.body)
    kept, clipped = clipped_sentences(text, gold.body)
    title, ref = fold(article.title if article else None), fold(gold.title)
    authors = frozenset(fold(a) for a in (article.authors if article else []))
    return PageResult(
        id=gold.id,
        tp=tp,
        fp=fp,
        fn=fn,
        empty=not text.strip(),
        title_exact=title == ref,
        title_contains=bool(title and ref) and (title in ref or ref in title),
        authors_ok=authors == gold.authors,
        date_ok=(article.published if article else None) == gold.published,
        error=error,
        kept_sentences=kept,
        clipped_sentences=clipped,
    )


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# inscriptis with its "relaxed" CSS profile is what turned naeb's pages into naeb/text (checked byte for byte):
# every visible line kept, one block per line, lists bulleted. The sets that carry only HTML are given the same
# scrape, so the text cleaner learns and is scored on one kind of input.
_SCRAPE_CONFIG = ParserConfig(css=CSS_PROFILES["relaxed"])


def scrape_text(html: str) -> str:
    """A page as a scraper keeps it: all its visible text, a line per block."""
    try:
        return get_text(_XML_DECLARATION.sub("", html), _SCRAPE_CONFIG)
    except (ValueError, ParserError):
        return ""


@dataclass(slots=True)
class LabelledSet:
    """Pages with a gold body, and each page's HTML and its every-line text scrape on demand."""

    name: str
    pages: list[GoldPage]
    has_metadata: bool  # gold title, authors and date (naeb); the HTML-only sets have a body alone
    html: Callable[[str], RawDocument]
    text: Callable[[str], RawDocument]

    def raw(self, page_id: str, kind: str) -> RawDocument:
        return self.html(page_id) if kind == "html" else self.text(page_id)


def naeb_set(root: Path) -> LabelledSet:
    def html(page_id: str) -> RawDocument:
        path = root / "html" / f"{page_id}.html.gz"
        return RawDocument(source=str(path), data=gzip.decompress(path.read_bytes()), hints=Hints(format="html"))

    def text(page_id: str) -> RawDocument:
        path = root / "text" / f"{page_id}.txt"
        return RawDocument(source=str(path), data=path.read_bytes(), hints=Hints(format="text"))

    return LabelledSet(root.name, load_gold(root), True, html, text)


def jsonl_set(path: Path) -> LabelledSet:
    """One page per line: {id, html, gold_text}. Pages with an empty gold body are left out (no body to score)."""
    opener = gzip.open if path.suffix == ".gz" else open
    pages, htmls = [], {}
    with opener(path, "rt", encoding="utf-8") as rows:
        for row in map(json.loads, rows):
            if (row.get("gold_text") or "").strip() and row.get("html"):
                pages.append(GoldPage(row["id"], "", frozenset(), None, row["gold_text"], row.get("url")))
                htmls[row["id"]] = row["html"]

    def html(page_id: str) -> RawDocument:
        return RawDocument(source=f"{path}:{page_id}", text=htmls[page_id], hints=Hints(format="html"))

    def text(page_id: str) -> RawDocument:
        return RawDocument(source=f"{path}:{page_id}", text=scrape_text(htmls[page_id]), hints=Hints(format="text"))

    return LabelledSet(path.name.split(".")[0], sorted(pages, key=lambda g: g.id), False, html, text)


def load_sets(root: Path) -> list[LabelledSet]:
    """Every labelled set at ``root``: a naeb-layout folder, a .jsonl(.gz) file, or a folder holding
    either (one level down too); naeb-layout sets first, then by name."""
    if root.is_file():
        return [jsonl_set(root)]
    if (root / "articles.json").is_file():
        return [naeb_set(root)]
    found = [jsonl_set(p) for p in sorted(root.glob("*.jsonl*")) if p.name.endswith((".jsonl", ".jsonl.gz"))]
    for sub in sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []:
        if (sub / "articles.json").is_file():
            found.append(naeb_set(sub))
        else:
            found += [jsonl_set(p) for p in sorted(sub.glob("*.jsonl*")) if p.name.endswith((".jsonl", ".jsonl.gz"))]
    return sorted(found, key=lambda s: (not s.has_metadata, s.name))


def evaluate(
    labelled: LabelledSet,
    kind: str,
    extractor: Callable[[RawDocument], Article],
    pages: Iterable[GoldPage] | None = None,
) -> Report:
    """Run ``extractor`` over every page of ``kind`` ("html" or "text"); failures score as empty output.

    The first page is extracted once untimed, so one-off start-up costs (model loading, date parser
    tables) do not count against pages per second."""
    report = Report(kind)
    pages = list(pages if pages is not None else labelled.pages)
    if pages:
        try:
            extractor(labelled.raw(pages[0].id, kind))
        except (StoryledgerError, FileNotFoundError):
            pass
    for gold in pages:
        try:
            raw = labelled.raw(gold.id, kind)
        except FileNotFoundError:
            continue
        start = time.perf_counter()
        try:
            article, error = extractor(raw), None
        except StoryledgerError as exc:
            article, error = None, str(exc)
        seconds = time.perf_counter() - start
        report.pages.append(replace(score_page(gold, article, error), seconds=seconds))
    return report


# The scraped-text reference points the data's README gives: every line kept, and lines of this many
# metric tokens or more.
LONG_LINE_TOKENS = 15


def every_line(raw: RawDocument) -> Article:
    """Scraped text kept whole: the floor any text cleaner must clear."""
    return Article(source=raw.source, text="\n\n".join(_scraped_lines(raw)))


def long_lines(raw: RawDocument) -> Article:
    """Scraped text cut to its long lines: what a length rule alone reaches."""
    kept = [line for line in _scraped_lines(raw) if len(tokens(line)) >= LONG_LINE_TOKENS]
    return Article(source=raw.source, text="\n\n".join(kept))


def _scraped_lines(raw: RawDocument) -> list[str]:
    return split_lines(_text_of(raw))


def _text_of(raw: RawDocument) -> str:
    return raw.text if raw.text is not None else decode(raw.data or b"", raw.source)


def reference_html(raw: RawDocument) -> Article:
    """trafilatura alone, with its default settings: the reference the HTML extractor must beat."""
    from trafilatura import bare_extraction

    doc = bare_extraction(_text_of(raw), with_metadata=True)
    if doc is None or not doc.text:
        raise StoryledgerError(f"{raw.source}: no article text found")
    published = None
    if doc.date:
        try:
            published = date.fromisoformat(doc.date[:10])
        except ValueError:
            published = None
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return Article(source=raw.source, text=doc.text, title=doc.title, authors=authors, published=published)

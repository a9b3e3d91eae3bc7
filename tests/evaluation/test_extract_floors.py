"""Quality floors on the development sets (../shared/eval/extract: naeb and the five public sets in more/),
on subsets to stay fast.

Each floor is a little under the figure `storyledger eval extract` printed on the same subset,
so a regression fails here; the full figures are in the eval command's output."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyledger.evaluation.extract import LabelledSet, evaluate, is_held_out, load_sets, naeb_set, reference_html
from storyledger.extract import extract

pytestmark = pytest.mark.eval
HTML_PAGES = 80
# Pages of each public set on which the HTML path is checked against trafilatura alone.
PUBLIC_PAGES = 30
PUBLIC_SETS = ("cleaneval", "cleanportaleval", "dragnet", "l3s-gn1", "readability")


def _naeb(eval_data: Path) -> LabelledSet:
    root = eval_data / "extract" / "naeb"
    if not (root / "articles.json").is_file():
        pytest.skip(f"no naeb set under {eval_data}")
    return naeb_set(root)


def test_html_floors(eval_data: Path) -> None:
    naeb = _naeb(eval_data)
    report = evaluate(naeb, "html", extract, naeb.pages[:HTML_PAGES])
    assert report.f1 >= FLOORS["html_f1"]
    assert report.share("title_exact") >= FLOORS["html_title"]
    assert report.share("authors_ok") >= FLOORS["html_authors"]
    assert report.share("date_ok") >= FLOORS["html_date"]


def test_text_floor_on_held_out_pages(eval_data: Path) -> None:
    naeb = _naeb(eval_data)
    report = evaluate(naeb, "text", extract, [g for g in naeb.pages if is_held_out(g.id)])
    assert report.f1 >= FLOORS["text_f1_held_out"]


@pytest.mark.parametrize("name", PUBLIC_SETS)
def test_html_is_not_below_trafilatura_on_a_public_set(eval_data: Path, name: str) -> None:
    path = eval_data / "extract" / "more" / f"{name}.jsonl.gz"
    if not path.is_file():
        pytest.skip(f"no {name} set under {eval_data}")
    [labelled] = load_sets(path)
    pages = labelled.pages[:PUBLIC_PAGES]
    ours, theirs = evaluate(labelled, "html", extract, pages), evaluate(labelled, "html", reference_html, pages)
    assert ours.f1 >= theirs.f1 - PUBLIC_GAP.get(name, 0.0)


# Measured: first 80 HTML pages F1 0.943, title 0.949, authors 0.759, date 0.949; text held-out F1 0.898.
FLOORS = {"html_f1": 0.93, "html_title": 0.93, "html_authors": 0.74, "html_date": 0.93, "text_f1_held_out": 0.895}
# Measured on the first 30 pages (ours / trafilatura alone): cleaneval 0.798 / 0.797, cleanportaleval 0.941 / 0.941,
# dragnet 0.833 / 0.824, l3s-gn1 0.923 / 0.904, readability 0.924 / 0.931 (the one set still below: allowed its gap).
PUBLIC_GAP = {"readability": 0.01}

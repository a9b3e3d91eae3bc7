"""The fixed real corpus the speed benches run on: the first PolNeAR dev texts (with sidecars giving
their date, outlet and title) and the first naeb HTML pages, written into a folder as ingest reads them.

A fixed list, so figures from different runs and branches compare; the data stays in the eval folder
and is copied only into a temporary folder for the run.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

POLNEAR_TEXTS = 20
NAEB_PAGES = 10


class CorpusMissing(FileNotFoundError):
    """The eval data the bench reads is not on this machine."""


def write_corpus(folder: Path, eval_root: Path, texts: int = POLNEAR_TEXTS, pages: int = NAEB_PAGES) -> list[Path]:
    """Write the corpus into ``folder``; the input files (sidecars aside), in ingest's order."""
    dev = eval_root / "polnear" / "dev.jsonl"
    html = eval_root / "extract" / "naeb" / "html"
    if not dev.is_file() or not html.is_dir():
        raise CorpusMissing(f"the bench corpus needs {dev} and {html}")
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i, row in enumerate(_polnear_rows(dev, texts)):
        path = folder / f"polnear-{i:02d}.txt"
        path.write_text(row["text"], encoding="utf-8")
        meta = {"published": row["publication_date"], "outlet": row["publisher"], "title": row["title"]}
        path.with_name(path.name + ".meta.json").write_text(json.dumps(meta), encoding="utf-8")
        files.append(path)
    for i, page in enumerate(sorted(html.glob("*.html.gz"))[:pages]):
        path = folder / f"naeb-{i:02d}.html"
        path.write_bytes(gzip.decompress(page.read_bytes()))
        files.append(path)
    return sorted(files)


def _polnear_rows(dev: Path, n: int) -> list[dict]:
    """The first ``n`` articles in file order, each as annotated by the annotator id that sorts first
    (the corpus README's rule for articles annotated several times)."""
    chosen: dict[str, dict] = {}
    with dev.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            known = chosen.get(row["doc_id"])
            if known is None and len(chosen) >= n:
                continue
            if known is None or row["annotator"] < known["annotator"]:
                chosen[row["doc_id"]] = row
    return list(chosen.values())

"""The extraction bench's worker runs in a fresh process on a checkout's src/ and times real extraction."""

from __future__ import annotations

import gzip
from pathlib import Path

from storyledger.evaluation.extract_bench import pages_per_second

_PAGE = """<html><head><title>Harbour board delays the ferry vote</title></head><body>
<article><h1>Harbour board delays the ferry vote</h1>
<p>The Velmora harbour board postponed its vote on the new ferry route on Tuesday, saying the cost study was not finished.</p>
<p>"We will not vote on numbers we have not seen," said the board's chair, Adela Morrow, after a two-hour meeting.</p>
<p>The route would link the old quay with the island of Tessa twice a day from next spring, if the board approves it.</p>
</article></body></html>"""


def test_worker_extracts_every_page_and_reports_a_rate(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    for name in ("a", "b"):
        (tmp_path / "html" / f"{name}.html.gz").write_bytes(gzip.compress(_PAGE.encode()))
    src = Path(__file__).resolve().parents[2] / "src"
    rate, failed = pages_per_second(src, tmp_path, "html", 2)
    assert failed == 0
    assert rate > 0.0

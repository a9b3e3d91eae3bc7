"""Commands that read the ledger start without loading the NLP stack: spaCy, scikit-learn and
datasketch are imported only by the commands that annotate or link."""

import subprocess
import sys

HEAVY = ("spacy", "sklearn", "datasketch", "trafilatura", "scipy")


def _loaded_after(code: str) -> set[str]:
    probe = code + "\nimport sys\nprint(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_cli_app_imports_no_nlp_stack():
    assert _loaded_after("import storyledger.views.cli.app").isdisjoint(HEAVY)


def test_reading_a_ledger_imports_no_nlp_stack(tmp_path):
    code = (f"from storyledger.store import open_ledger\n"
            f"with open_ledger({str(tmp_path / 'x.db')!r}) as ledger:\n"
            f"    ledger.story_page(limit=5)\n")
    assert _loaded_after(code).isdisjoint(HEAVY)

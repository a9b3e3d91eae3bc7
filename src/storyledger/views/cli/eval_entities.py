"""`storyledger eval entities`: named-entity chains on ECB+ beside a same-name baseline; an audit
of wrong merges in a ledger built from article texts."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from storyledger.config import eval_root
from storyledger.views.cli.options import console, err_console


def eval_entities_command(
    data: Annotated[Path | None, typer.Option("--data", help="ECB+ JSON Lines (default: coref/ecbplus_dev.jsonl "
                                                             "under the eval folder).")] = None,
    audit: Annotated[list[Path] | None, typer.Option("--audit", help="PolNeAR-style JSON Lines whose texts are "
                                                                     "resolved as one ledger and audited (repeatable).")] = None,
    show: Annotated[int, typer.Option("--show", help="List at most N audit findings.")] = 20,
) -> None:
    """CoNLL F1 (MUC, B3, CEAF-e) of named-entity chains, end to end from the text, per topic half;
    with --audit, the entities holding two full personal names that cannot be one person."""
    from storyledger.annotate.nlp import load_pipeline
    from storyledger.evaluation.entities import audit_texts, load_ecb, read_texts, run_ecb

    path = data or eval_root() / "coref" / "ecbplus_dev.jsonl"
    if not path.is_file():
        err_console.print(f"[red]error:[/] {path}: no such file")
        raise typer.Exit(2)
    try:
        docs = load_ecb(path)
    except (ValueError, KeyError) as exc:
        err_console.print(f"[red]error:[/] {path}: not ECB+ JSON Lines as in coref/FORMAT.md ({exc})")
        raise typer.Exit(2) from exc
    nlp = load_pipeline()
    started = time.perf_counter()
    results = run_ecb(docs, nlp)
    table = Table(title=f"entities: named-mention chains on {path.name} (CoNLL F1 = mean of MUC, B3, CEAF-e F1)")
    for col in ("split", "docs", "gold", "aligned", "resolution", "MUC", "B3", "CEAF-e", "CoNLL F1"):
        table.add_column(col, justify="left" if col in ("split", "resolution") else "right")
    for split, r in results.items():
        for label, s in (("ours", r.system), ("within-document only", r.within_document),
                         ("same normalised name", r.baseline)):
            table.add_row(split, str(r.documents), str(r.gold_mentions), str(r.aligned), label, f"{s.muc.f1:.3f}",
                          f"{s.b_cubed.f1:.3f}", f"{s.ceaf_e.f1:.3f}", f"{s.conll_f1:.4f}")
    console.print(table)
    console.print(f"{len(docs)} documents in {time.perf_counter() - started:.0f} s")
    for source in audit or []:
        if not source.is_file():
            err_console.print(f"[red]error:[/] {source}: no such file")
            raise typer.Exit(2)
    if audit:
        texts = {k: v for source in audit for k, v in read_texts(source).items()}
        n_entities, findings = audit_texts(texts, nlp)
        console.print(f"audit of {len(texts)} articles ({', '.join(s.name for s in audit)}): {n_entities} entities, "
                      f"{len(findings)} holding two or more full personal names that cannot be one person")
        for f in findings[:show]:
            console.print(f"  {f.entity.id} {f.entity.name!r} ({f.entity.documents} documents): {', '.join(f.clashing)}")


def register(app: typer.Typer) -> None:
    app.command("entities")(eval_entities_command)

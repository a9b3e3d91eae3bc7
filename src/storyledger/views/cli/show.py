"""`storyledger show`: one document, or the source span every table prints (DOC:START-END) marked in
its text, with its sentence and neighbours only on request."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

import typer
from rich.markup import escape
from rich.text import Text

from storyledger.store.interfaces import DocumentReader
from storyledger.store.read_models import ClaimView, DocumentView, QuoteView
from storyledger.views.cli.options import (
    DEFAULT_DB_PATH,
    DbOption,
    JsonOption,
    console,
    err_console,
    open_existing,
    print_jsonl,
    print_wrapped,
)
from storyledger.views.versions import Edit, version_history

_REF = re.compile(r"^(?P<doc>[^:\s]+)(?::(?P<start>\d+)-(?P<end>\d+))?$")
# Where the span is shown when the output has no colours (a pipe, a file, NO_COLOR).
OPEN, CLOSE = "⟦", "⟧"
CANDIDATES = 10


@dataclass(frozen=True, slots=True)
class SourceRef:
    """What the user typed: a document id or prefix, and a span of its text if given."""

    document: str
    start: int | None = None
    end: int | None = None


def parse_ref(text: str) -> SourceRef:
    m = _REF.match(text.strip())
    if not m:
        raise typer.BadParameter(f"{text!r} is not DOC_ID or DOC_ID:START-END")
    start, end = m.group("start"), m.group("end")
    return SourceRef(m.group("doc"), int(start) if start else None, int(end) if end else None)


def find_document(ledger: DocumentReader, ref: str, db: object) -> DocumentView:
    """The document an id or unique prefix names; otherwise an error that says why, listing the
    documents an ambiguous prefix matches."""
    doc = ledger.document(ref)
    if doc is not None:
        return doc
    matches = ledger.documents_by_prefix(ref, limit=CANDIDATES)
    if not matches.items:
        err_console.print(f"[red]error:[/] no document {escape(repr(ref))} in {escape(str(db))}; "
                          "`storyledger search WORDS` finds documents")
        raise typer.Exit(1)
    err_console.print(f"[red]error:[/] {escape(repr(ref))} is the start of {matches.total} document ids; "
                      "give more of the id:")
    for d in matches.items:
        day = d.published.isoformat() if d.published else "date unknown"
        err_console.print(escape(f"  {d.id}  {day}  {d.outlet or 'outlet unknown'}  {d.title or '(no title)'}"),
                          highlight=False, soft_wrap=True)
    if matches.total > len(matches.items):
        err_console.print(f"  … and {matches.total - len(matches.items)} more", highlight=False)
    raise typer.Exit(1)


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, line by line (a headline or a list item ends where its line
    does). spaCy's rule-based sentencizer on a blank pipeline: no model to load for a look at a span."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    bounds: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            bounds += [(pos + s.start_char, pos + s.end_char) for s in nlp(line).sents if s.text.strip()]
        pos += len(line) + 1
    return bounds


def context_window(text: str, start: int, end: int, n: int) -> tuple[int, int]:
    """The sentences the span touches and ``n`` sentences either side of them."""
    bounds = sentence_bounds(text)
    touched = [i for i, (s, e) in enumerate(bounds) if s < end and e > start] or [0]
    first, last = max(0, touched[0] - n), min(len(bounds) - 1, touched[-1] + n)
    return min(bounds[first][0], start), max(bounds[last][1], end)


def marked(text: str, start: int, end: int, lo: int, hi: int, plain: bool) -> Text:
    """``text[lo:hi]`` with the span marked: highlighted in colour, between ⟦ ⟧ without it."""
    if plain:
        return Text(text[lo:start] + OPEN + text[start:end] + CLOSE + text[end:hi])
    out = Text(text[lo:hi])
    out.stylize("bold black on yellow", start - lo, end - lo)
    return out


def show_command(
    ref: Annotated[str, typer.Argument(metavar="DOC_ID[:START-END]",
                                       help="Document id (or a unique prefix), or a source span as the tables "
                                            "print it: DOC_ID:START-END.")],
    db: DbOption = DEFAULT_DB_PATH,
    json_: JsonOption = False,
    context: Annotated[int | None, typer.Option(
        "--context", min=0, help="With a span: print only the sentence it is in and N sentences either side.")] = None,
) -> None:
    """Show one document: metadata, clean text and what was found in it; with DOC:START-END, that span
    marked in the text."""
    source = parse_ref(ref)
    with open_existing(db) as ledger:
        doc = find_document(ledger, source.document, db)
        text = doc.text or ""
        if source.start is not None and not (0 <= source.start < source.end <= len(text)):  # type: ignore[operator]
            err_console.print(f"[red]error:[/] span {source.start}-{source.end} is outside document {doc.id}, "
                              f"whose text has {len(text)} characters")
            raise typer.Exit(1)
        quotes = ledger.document_quotes(doc.id)
        claims = ledger.document_claims(doc.id)
        history = version_history(ledger, doc.id, text)
    if context is not None and source.start is None:
        raise typer.BadParameter("--context needs a span: DOC_ID:START-END")
    if json_:
        row: dict[str, object] = {"document": doc, "quotes": quotes, "claims": claims, "versions": history.versions,
                                  "changes_from_previous": history.changed}
        if source.start is not None:
            row["span"] = {"start": source.start, "end": source.end, "text": text[source.start:source.end]}
        print_jsonl([row])
        return
    date = doc.published.isoformat() if doc.published else "date unknown"
    console.rule(f"{doc.id}")
    print_wrapped(Text(doc.title or "(no title)", style="bold"))
    print_wrapped(Text(f"{', '.join(doc.authors) or 'author unknown'} · {doc.outlet or 'outlet unknown'} · "
                       f"{date} ({doc.published_source})"))
    print_wrapped(Text("sources: " + ", ".join(doc.sources), style="dim"), indent=2)
    console.print()
    if source.start is None:
        print_wrapped(Text(text))
    else:
        start, end = source.start, source.end or source.start
        lo, hi = context_window(text, start, end, context) if context is not None else (0, len(text))
        body = marked(text, start, end, lo, hi, plain=console.color_system is None)
        if lo > 0:
            body = Text("… ") + body
        if hi < len(text):
            body.append(" …")
        print_wrapped(body)
        console.print()
        _print_span_records(start, end, quotes, claims)
    console.print()
    print_wrapped(Text.assemble((f"{len(quotes)} quotes, {len(claims)} claims", "bold"),
                                f": `storyledger quotes --doc {doc.id}`, `storyledger claims --doc {doc.id}`"))
    versions, mine, changed = history.versions, history.version, history.changed
    if len(versions) > 1:
        console.print()
        console.print(f"[bold]version {mine} of {len(versions)}[/] of {escape(versions[0].url)}:")
        for v in versions:
            here = "  ← this one" if v.document_id == doc.id else ""
            console.print(escape(f"  {v.version}. {v.document_id}  fetched {v.fetched_at or v.ingested_at}{here}"),
                          highlight=False)
    if changed:
        console.print(f"[bold]changed since version {mine - 1}:[/]")
        for change in changed:
            sign, style = ("+", "green") if change.edit is Edit.ADDED else ("-", "red")
            console.print(f"[{style}]{sign} {escape(change.text)}[/]", highlight=False, soft_wrap=True)


def _print_span_records(start: int, end: int, quotes: list[QuoteView], claims: list[ClaimView]) -> None:
    """The quotes and claims whose evidence overlaps the span: what the table line was."""
    found = []
    for q in quotes:
        if any(s < end and e > start for s, e in q.content):
            who = q.speaker_name or q.speaker or "unattributed"
            found.append(f"quote {q.id} ({q.kind}) by {who}")
    for c in claims:
        if c.evidence_start < end and c.evidence_end > start:
            who = ", ".join(c.actor_names) or c.actor
            said = f" · said by {c.reported_by}" if c.reported_by else ""
            found.append(f"claim {c.id}: {who} · {c.stance} · {c.category} · {c.action}{said}")
    if found:
        console.print("[bold]at this span:[/]")
        for line in found:
            print_wrapped(Text(line), indent=4, first=Text("  "))
    else:
        console.print("[dim]no quote or claim overlaps this span[/]")

"""Custom attributes on spaCy's Doc: where the components leave their results."""

from __future__ import annotations

from spacy.tokens import Doc

_ATTRS = {
    "sl_published": None,  # datetime.date the article was published, for time resolution
    "sl_entities": None,  # list[Entity]
    "sl_mentions": None,  # list[Mention]
    "sl_quotes": None,  # list[Quote]
    "sl_claims": None,  # list[Claim]
    "sl_times": None,  # list[TimeRef]
}


def register_extensions() -> None:
    for name, default in _ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()

"""Load the spaCy pipeline once and add storyledger's components after its own."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

# Importing the component modules registers their factories with spaCy.
import storyledger.annotate.claims.component  # noqa: F401
import storyledger.annotate.entities.component  # noqa: F401
import storyledger.annotate.quotes.component  # noqa: F401
import storyledger.annotate.times.component  # noqa: F401
from storyledger.config import spacy_model

COMPONENTS = ("storyledger_times", "storyledger_entities", "storyledger_quotes", "storyledger_claims")
# spaCy's default limit guards against memory blow-ups from pathological input; long articles
# (a 5,000-paragraph page) are split into chunks by the annotate stage rather than refused.
MAX_LENGTH = 2_000_000
# Made-up news (a quote, a speaker, dates, a commitment) on which every component runs: annotating it
# loads what the components load lazily (annotate.warm; the start-up benchmark).
WARM_TEXT = (
    'Jane Roe, the mayor of Tallow, said on Monday that "the new bridge will be ready by March." '
    "She told reporters the council had agreed to pay for the work and would vote on the budget next week. "
    "Opposition leader Sam Okafor said his party would not support the plan unless the costs were published. "
    "The council will meet again on Thursday to discuss the proposal, a spokesman said.\n"
)


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """The model is a package name or path (STORYLEDGER_MODEL); any English pipeline with a
    parser and NER works."""
    nlp = spacy.load(model or spacy_model())
    nlp.max_length = MAX_LENGTH
    for name in COMPONENTS:
        nlp.add_pipe(name, last=True)
    return nlp

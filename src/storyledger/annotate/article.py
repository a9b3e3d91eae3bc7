"""The annotate stage: run the pipeline on an article and collect the records off the Doc."""

from __future__ import annotations

from spacy.language import Language

from storyledger.annotate.pipeline import load_pipeline
from storyledger.records import AnnotatedArticle, Article


def annotate(article: Article, nlp: Language | None = None) -> AnnotatedArticle:
    nlp = nlp or load_pipeline()
    doc = nlp.make_doc(article.text)
    doc._.sl_published = article.published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return AnnotatedArticle(
        article=article,
        entities=doc._.sl_entities or [],
        mentions=doc._.sl_mentions or [],
        quotes=doc._.sl_quotes or [],
        claims=doc._.sl_claims or [],
        times=doc._.sl_times or [],
    )

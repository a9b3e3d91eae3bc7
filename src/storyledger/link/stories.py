"""Stories: articles about one developing story, clustered incrementally (single pass).

Each new article is a TF-IDF vector of its words and of the ledger entities it names ("@E…"); it
joins the story whose centroid it is most similar to (found through an inverted index over the
centroids' features), or founds a new story. Nothing already clustered is revisited, so adding an
article costs the same on a large ledger. A story's label is its most telling entities and words.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import date

from storyledger.link.ports import LinkLedger
from storyledger.link.records import Centroid, Clusters, LinkDoc
from storyledger.link.text import content_terms, stem, surface_words, words
from storyledger.link.vectors import add_to_centroid, nearest, tfidf, top_terms

JOIN = 0.22  # cosine with a story centroid above which an article joins that story
MAX_GAP_DAYS = 400  # a story silent for longer than this is not continued
TOP_FEATURES = 60
CENTROID_TERMS = 150  # features kept per story centroid
CANDIDATES = 20
ENTITY_WEIGHT = 2  # an entity mention counts as much as two words
TITLE_WEIGHT = 3


def features(doc: LinkDoc, entity_counts: Counter[str]) -> Counter[str]:
    counts = Counter(content_terms(doc.text))
    for t in content_terms(doc.title or ""):
        counts[t] += TITLE_WEIGHT
    for eid, n in entity_counts.items():
        counts["@" + eid] += ENTITY_WEIGHT * n
    return counts


def _gap(a: date | None, b: date | None) -> int:
    return abs((a - b).days) if a and b else 0


def story_id(document_id: str) -> str:
    return "S" + hashlib.sha1(document_id.encode()).hexdigest()[:10]


def assign_story(ledger: LinkLedger, doc: LinkDoc, entity_counts: Counter[str], canonical: str) -> str:
    """Put the document in a story (its canonical copy's story if it is a near-duplicate)."""
    counts = features(doc, entity_counts)
    ledger.bump_term_df(Clusters.STORIES, counts)
    vector = tfidf(counts, ledger.term_df(Clusters.STORIES, counts), ledger.n_linked() + 1, TOP_FEATURES)
    if canonical != doc.id and (existing := ledger.story_of(canonical)):
        _join(ledger, existing, doc, vector, 1.0)
        return existing
    best, best_sim = None, JOIN
    for cand in nearest(ledger, Clusters.STORIES, vector, CANDIDATES):
        if _gap(doc.published, cand.last) > MAX_GAP_DAYS:
            continue
        if cand.similarity >= best_sim:
            best, best_sim = cand.id, cand.similarity
    sid = best or story_id(doc.id)
    centroid = _join(ledger, sid, doc, vector, best_sim if best else 1.0)
    ledger.set_story_label(sid, label(ledger, centroid, ledger.story_latest_text(sid)))
    return sid


def _join(ledger: LinkLedger, story: str, doc: LinkDoc, vector: dict[str, float], similarity: float) -> Centroid:
    ledger.add_to_story(story, doc.id, doc.published, similarity)
    return add_to_centroid(ledger, Clusters.STORIES, story, vector, CENTROID_TERMS)


def label(ledger: LinkLedger, centroid: Centroid, latest_text: str) -> str:
    """Up to two entity names and three words, strongest first, words in the form the text uses."""
    names: list[str] = []
    terms: list[str] = []
    for feature in top_terms(centroid, 20):
        if feature.startswith("@"):
            entity = ledger.ledger_entity(feature[1:])
            if entity and len(names) < 2:
                names.append(entity.name)
        elif len(terms) < 3 and not any(feature in words(n) for n in names):
            terms.append(feature)
    terms = _surface(terms, latest_text)
    return ", ".join(names) + (" · " if names and terms else "") + ", ".join(terms) or "(untitled)"


def _surface(terms: list[str], text: str) -> list[str]:
    """The most common spelling in the text of each stemmed word ("sanction" -> "sanctions")."""
    forms: dict[str, Counter[str]] = {t: Counter() for t in terms}
    for w in surface_words(text):
        lw = w.lower()
        if lw[:3] in {t[:3] for t in terms} and (s := stem(lw)) in forms:
            forms[s][lw] += 1
    return [forms[t].most_common(1)[0][0] if forms[t] else t for t in terms]

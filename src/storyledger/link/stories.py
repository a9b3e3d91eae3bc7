"""Stories: articles about one developing story, clustered incrementally (single pass).

Each new article is a TF-IDF vector of its words and of the ledger entities it names ("@E…"); it
joins the story whose centroid it is most similar to (found through an inverted index over the
centroids' features), or founds a new story. Nothing already clustered is revisited, so adding an
article costs the same on a large ledger. A story's label is its most telling entities and words.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from datetime import date

from storyledger.link.text import content_terms, stem, tfidf, words
from storyledger.store.sqlite import SQLiteLedger
from storyledger.store.story_queries import LinkDoc

JOIN = 0.22  # cosine with a story centroid above which an article joins that story
MAX_GAP_DAYS = 400  # a story silent for longer than this is not continued
TOP_FEATURES = 60
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


def assign_story(ledger: SQLiteLedger, doc: LinkDoc, entity_counts: Counter[str], canonical: str) -> str:
    """Put the document in a story (its canonical copy's story if it is a near-duplicate)."""
    counts = features(doc, entity_counts)
    ledger.bump_term_df(counts)
    vector = tfidf(counts, ledger.term_df(counts), ledger.n_linked() + 1, TOP_FEATURES)
    if canonical != doc.id and (existing := ledger.story_of(canonical)):
        ledger.add_to_story(existing, doc.id, vector, doc.published, 1.0)
        return existing
    best, best_sim = None, JOIN
    for cand in ledger.story_candidates(vector):
        if _gap(doc.published, cand.last) > MAX_GAP_DAYS:
            continue
        sim = cand.dot / cand.norm if cand.norm else 0.0
        if sim >= best_sim:
            best, best_sim = cand.id, sim
    sid = best or story_id(doc.id)
    ledger.add_to_story(sid, doc.id, vector, doc.published, best_sim if best else 1.0)
    ledger.set_story_label(sid, label(ledger, sid))
    return sid


def label(ledger: SQLiteLedger, story: str) -> str:
    """Up to two entity names and three words, strongest first, words in the form the text uses."""
    names, terms = [], []
    for feature, _w in ledger.story_top_terms(story, limit=20):
        if feature.startswith("@"):
            entity = ledger.ledger_entity(feature[1:])
            if entity and len(names) < 2:
                names.append(entity.name)
        elif len(terms) < 3 and not any(feature in words(n) for n in names):
            terms.append(feature)
    terms = _surface(terms, ledger.story_latest_text(story))
    return ", ".join(names) + (" · " if names and terms else "") + ", ".join(terms) or "(untitled)"


def _surface(terms: list[str], text: str) -> list[str]:
    """The most common spelling in the text of each stemmed word ("sanction" -> "sanctions")."""
    forms: dict[str, Counter[str]] = {t: Counter() for t in terms}
    for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text):
        lw = w.lower()
        if lw[:3] in {t[:3] for t in terms} and (s := stem(lw)) in forms:
            forms[s][lw] += 1
    return [forms[t].most_common(1)[0][0] if forms[t] else t for t in terms]

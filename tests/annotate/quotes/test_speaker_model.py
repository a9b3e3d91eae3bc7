"""The learned speaker choice: its candidates and paths on hand-built parses, and the shipped model
on made-up sentences the rules alone got wrong."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from storyledger.annotate import annotate
from storyledger.annotate.quotes.speaker_model import candidates, dep_path, load_model
from storyledger.records import Article


def _doc(words, heads, deps, pos):
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, sent_starts=[True] + [False] * (len(words) - 1))


# "Mayor Anna Varga said taxes would fall": heads by index.
VARGA = _doc(["Mayor", "Anna", "Varga", "said", "taxes", "would", "fall"],
             [2, 2, 3, 3, 6, 6, 3], ["compound", "compound", "nsubj", "ROOT", "nsubj", "aux", "ccomp"],
             ["PROPN", "PROPN", "PROPN", "VERB", "NOUN", "AUX", "VERB"])
# "footage of Varga asking why": the speaker is the noun the cue modifies.
FOOTAGE = _doc(["footage", "of", "Varga", "asking", "why"], [0, 0, 1, 2, 3],
               ["ROOT", "prep", "pobj", "acl", "advmod"], ["NOUN", "ADP", "PROPN", "VERB", "ADV"])


def test_path_from_subject_and_from_the_noun_a_participle_modifies():
    assert dep_path(VARGA[2], VARGA[3]) == "nsubj^|"
    assert dep_path(VARGA[4], VARGA[3]) == "nsubj^ccomp^|"  # the content's own subject, below the cue
    assert dep_path(FOOTAGE[2], FOOTAGE[3]) == "^|acl"
    assert dep_path(FOOTAGE[0], FOOTAGE[3]) == "^|prepvpobjvacl"


def test_candidates_are_phrase_heads_outside_the_content():
    content = {4, 5, 6}
    assert [t.text for t in candidates(VARGA[3], None, content)] == ["Varga"]
    assert [t.text for t in candidates(VARGA[3], None, set())] == ["Varga", "taxes"]


def test_rules_choice_is_always_a_candidate():
    assert [t.text for t in candidates(VARGA[3], VARGA[0], {4, 5, 6})] == ["Varga", "Mayor"]


def test_shipped_model_loads():
    model = load_model()
    assert model is not None and 0 < model.threshold < 1


def _speakers(nlp, text):
    article = annotate(Article(source="t", text=text), nlp)
    names = {e.id: e.name for e in article.entities}
    return [(q.speaker.text if q.speaker else None, names.get(q.speaker.entity_id) if q.speaker else None, q.cue.text)
            for q in article.quotes]


def test_relative_pronoun_speaks_for_its_antecedent(nlp):
    text = "The decision is risky for Mr. Dunmore, who pointedly refused to endorse the mayor in July."
    assert _speakers(nlp, text) == [("who", "Dunmore", "refused")]


def test_noun_misreading_of_a_verb_keeps_its_speaker(nlp):
    # The parser reads "Orlov claims" as a compound noun after a paragraph break; the rules find no subject.
    text = "The vote is close.\n\nBut Orlov claims that he should be the exception."
    assert _speakers(nlp, text)[0] == ("Orlov", "Orlov", "claims")

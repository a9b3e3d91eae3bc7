"""Speakers resolved on made-up stories in the shapes real articles take: pronouns that must agree in
gender with who they stand for, titles held by more than one person, spokespeople, quotes naming
someone else, and sentences that report no one's words."""

from __future__ import annotations

import pytest

from storyledger.annotate import annotate
from storyledger.records import Article

TRADE = """Brussels vows swift response as tariffs loom

US President Graham Whitlow said on Wednesday that levies on European steel would take effect next month. "They have treated us very badly for a long time," he told reporters.

Commission President Helena Varga said the bloc had prepared a package of measures. "We do not want a trade war, but if the tariffs go ahead, our countermeasures will kick in on April 1," she added.

"Europe is a reliable partner," she said.

The Commission president went on to urge member states to stay united.
"""

TRUCE = """Ceasefire to start on Sunday

Prime Minister Avi Koren said his cabinet had approved the deal. "We will not hesitate to return to fighting," he said.

"Koren presented impossible proposals," said al-Tamimi.

Palestinian President Rami Haddad welcomed the agreement. "This is a day our people have waited for," he said.

Qatar's Prime Minister Faisal Nasser said mediators would monitor the truce.

The president went on to urge Palestinian people to stay calm.

An Israeli government spokeswoman said the ceasefire would go into force at 8.30am on Sunday.

They face a tougher challenge as Israel on Sunday refused to send its representatives to the talks.

Smoke was seen over the northern districts early on Sunday.

A spokesman for the Israeli military said troops would stay in a buffer zone.

The spokesman added that residents should not approach the area. "Anyone who approaches the forces puts themselves at risk," he said.
"""

COUNCIL = """Councillor Derek Hanley said the plan would overwhelm local schools. "We are building homes without services," he said.

Mayor Janet Okafor disagreed. She said the developer had agreed to fund two new schools.
"""

SUMMIT = """Up to 20 countries have been involved in the planning, with "different countries are offering different capabilities," Prime Minister Rui Tavares said.

But Tavares insisted peacekeeping plans were still on track, saying it was his "long-standing position" that parliament would vote first.

Spanish Prime Minister Lucia Ferrer said she was "very encouraged" by the talks.

"This is about Moldova, but it is also about Europe," Tavares said.

He added: "We will not be deterred by threats."

The prime minister also called for tougher sanctions.
"""


def _read(nlp, text):
    result = annotate(Article(source="t", text=text), nlp)
    names = {e.id: e.name for e in result.entities}
    return [(q.speaker.text if q.speaker else None, names.get(q.speaker.entity_id) if q.speaker else None,
             [c.text for c in q.content]) for q in result.quotes]


def _by(quotes, fragment):
    found = [q for q in quotes if any(fragment in c for c in q[2])]
    assert found, f"no quote holding {fragment!r}: {quotes}"
    return found[0]


@pytest.fixture(scope="module")
def trade(nlp):
    return _read(nlp, TRADE)


@pytest.fixture(scope="module")
def truce(nlp):
    return _read(nlp, TRUCE)


def test_she_is_the_woman_who_spoke_not_the_man_named_before(trade):
    assert _by(trade, "our countermeasures will kick in")[:2] == ("she", "Helena Varga")
    assert _by(trade, "Europe is a reliable partner")[:2] == ("she", "Helena Varga")
    assert _by(trade, "They have treated us very badly")[:2] == ("he", "Graham Whitlow")


def test_a_qualified_title_is_the_person_who_holds_it(trade):
    assert _by(trade, "to urge member states")[:2] == ("The Commission president", "Helena Varga")


def test_the_president_is_the_president_not_another_countrys_prime_minister(truce):
    assert _by(truce, "to urge Palestinian people")[:2] == ("The president", "Rami Haddad")


def test_a_quote_naming_someone_else_is_the_trailing_speakers(truce):
    speaker, _, content = _by(truce, "impossible proposals")
    assert speaker == "al-Tamimi" and content == ['"Koren presented impossible proposals,"']


def test_an_unnamed_spokeswoman_speaks_for_her_country(truce):
    assert _by(truce, "would go into force")[:2] == ("An Israeli government spokeswoman", "Israel")


def test_he_after_an_unnamed_spokesman_is_the_spokesman(truce):
    assert _by(truce, "should not approach the area")[:2] == ("The spokesman", "Israel")
    assert _by(truce, "Anyone who approaches")[:2] == ("he", "Israel")


def test_refusals_of_acts_and_things_seen_are_not_quotes(truce):
    assert not [q for q in truce if any("representatives" in c or "northern districts" in c for c in q[2])]


def test_she_after_a_man_who_spoke_is_the_woman_the_sentence_before_names(nlp):
    quotes = _read(nlp, COUNCIL)
    assert _by(quotes, "services")[:2] == ("he", "Derek Hanley")
    assert _by(quotes, "fund two new schools")[:2] == ("She", "Janet Okafor")


def test_he_takes_a_surname_the_entities_left_unlinked_and_titles_follow_the_discourse(nlp):
    quotes = _read(nlp, SUMMIT)
    assert _by(quotes, "We will not be deterred")[:2] == ("He", "Rui Tavares")
    assert _by(quotes, "tougher sanctions")[:2] == ("The prime minister", "Rui Tavares")


def test_content_holds_the_quoted_words_only(nlp):
    quotes = _read(nlp, SUMMIT)
    assert _by(quotes, "different countries")[2] == ['"different countries are offering different capabilities,"']
    assert _by(quotes, "still on track")[:2] == ("Tavares", "Rui Tavares")
    assert _by(quotes, "still on track")[2] == ["peacekeeping plans were still on track"]


def test_two_people_alike_in_one_sentence_leave_he_unresolved(nlp):
    text = ("Senator Paul Brandt and Governor Omar Lutz met in the capital on Monday. "
            "He said the talks had been useful.")
    quotes = _read(nlp, text)
    assert _by(quotes, "the talks had been useful")[:2] == ("He", None)


def test_people_a_name_qualifies_are_not_the_named_one(nlp):
    text = "Senator Paul Brandt held a rally in Dover. Brandt's supporters said the primary was rigged."
    assert _by(_read(nlp, text), "the primary was rigged")[:2] == ("Brandt's supporters", None)

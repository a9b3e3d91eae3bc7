"""Names kept whole, noise dropped and one article's forms of one name made one entity, on
made-up names in realistic sentences."""

from __future__ import annotations

import pytest

from storyledger.annotate import annotate
from storyledger.records import AnnotatedArticle, Article, EntityType


def _annotate(nlp, text: str) -> AnnotatedArticle:
    return annotate(Article(source="test", text=text), nlp)


def _names(result: AnnotatedArticle) -> dict[str, EntityType]:
    return {e.name: e.type for e in result.entities}


@pytest.mark.parametrize(("text", "name"), [
    ("Commission President Greta von der Halden said on Monday that the bloc would answer. "
     "Von der Halden added that talks would go on.", "Greta von der Halden"),
    ("Hamas negotiator Samir al-Qudsi told reporters in Cairo that talks had stalled. Al-Qudsi left on Tuesday.",
     "Samir al-Qudsi"),
    ("Crown Prince Faisal bin Tamer met Lucien de Varenne in Riyadh on Sunday.", "Faisal bin Tamer"),
])
def test_a_name_with_particles_is_one_person_with_all_its_mentions(nlp, text, name):
    result = _annotate(nlp, text)
    [entity] = [e for e in result.entities if e.name == name]
    assert entity.type is EntityType.PERSON
    fragments = [e.name for e in result.entities if e.id != entity.id and e.name.split()[-1] in name.split()]
    assert fragments == []
    later = name.split()[-1].lower()
    assert any(m.entity_id == entity.id and m.text.lower().endswith(later) and m.start > text.index(name)
               for m in result.mentions) or "Tamer" in name


def test_headline_words_and_common_nouns_are_not_entities(nlp):
    text = ("Trade Deal Talks Collapse As Valmora Threatens Vat Taxes And Corporate Penalties\n"
            "The talks between Valmora and Castellan collapsed on Monday. Officials warned of new taxes "
            "and corporate penalties.\n"
            "Hostages were freed on Sunday, officials said. The hostages had been held for weeks. "
            "PEACE, the banner read, as crowds prayed for peace.")
    names = _names(_annotate(nlp, text))
    assert not {"Vat Taxes", "Corporate Penalties", "Hostages", "PEACE", "Trade Deal Talks"} & set(names)


def test_a_title_or_nationality_is_cut_off_a_persons_name(nlp):
    text = "Coroner Gary Hollins said the death was natural. Hollins said the coroner's report would follow."
    result = _annotate(nlp, text)
    assert _names(result).get("Gary Hollins") is EntityType.PERSON
    assert not [e for e in result.entities if e.name.startswith("Coroner")]


def test_one_persons_spellings_in_one_article_are_one_entity(nlp):
    text = ("Frederick C. Larrow, a former aide, died on Monday. Fred Larrow had worked for the committee "
            "for years, and Larrow never spoke of it.")
    result = _annotate(nlp, text)
    [larrow] = [e for e in result.entities if "Larrow" in e.name]
    assert {"Frederick C. Larrow", "Fred Larrow"} <= set(larrow.aliases)


def test_a_bodys_short_and_qualified_forms_are_the_body(nlp):
    text = ("The European Commission proposed tariffs on Monday. The Commission said the EU Commission "
            "would publish details.\n\nThe Kansas City Chiefs lost on Sunday, and the Chiefs go home.")
    result = _annotate(nlp, text)
    [commission] = [e for e in result.entities if "Commission" in e.name]
    assert commission.name == "European Commission"
    assert {"EU Commission", "Commission"} <= set(commission.aliases)
    [chiefs] = [e for e in result.entities if "Chiefs" in e.name]
    assert sum(1 for m in result.mentions if m.entity_id == chiefs.id) == 2


def test_two_peoples_full_names_in_one_article_stay_two(nlp):
    text = "Hattie Quill and Barnaby Quill opened the bakery. Hattie Quill said Barnaby Quill baked."
    names = _names(_annotate(nlp, text))
    assert names.get("Hattie Quill") is EntityType.PERSON and names.get("Barnaby Quill") is EntityType.PERSON

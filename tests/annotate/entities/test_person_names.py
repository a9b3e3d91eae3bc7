"""Personal names taken apart and compared: the rule no chain of merges may break, on made-up names."""

from __future__ import annotations

import pytest

from storyledger.annotate.entities.person_names import (
    PersonName, compatible, distinct_full_names, honorific_gender, is_given_name, parse_person,
)


@pytest.mark.parametrize(("written", "given", "surname", "suffix"), [
    ("Sir Tobias Renwick's", ("tobias",), ("renwick",), ""),
    ("Greta von der Halden", ("greta",), ("von", "der", "halden"), ""),
    ("von der Halden", (), ("von", "der", "halden"), ""),
    ("Samir al-Qudsi", ("samir",), ("al-qudsi",), ""),
    ("Faisal bin Tamer", ("faisal",), ("bin", "tamer"), ""),
    ("Abu Marwan", (), ("abu", "marwan"), ""),
    ("Lucien de Varenne", ("lucien",), ("de", "varenne"), ""),
    ("Harlan J. Voss Jr.", ("harlan", "j"), ("voss",), "jr"),
    ("Dorian H.W. Pell", ("dorian", "h", "w"), ("pell",), ""),
    ("Marta Quill, MD", ("marta",), ("quill",), ""),
    ('Vito "The Anvil" Casaro', ("vito",), ("casaro",), ""),
    ("Prime Minister Alma Rusk", ("alma",), ("rusk",), ""),
    ("Anne - Lise Ferrand", ("anne-lise",), ("ferrand",), ""),
    ("Кирилл Дворин", ("kirill",), ("dvorin",), ""),
])
def test_parse_keeps_particles_and_drops_what_is_not_the_name(written, given, surname, suffix):
    assert parse_person(written) == PersonName(given, surname, suffix)


@pytest.mark.parametrize(("a", "b"), [
    ("Tobias Renwick", "Sir Tobias Renwick"),
    ("Robert Quayle", "Bob Quayle"),  # a nickname
    ("William Tarrant", "Bill Tarrant"),
    ("Arkady Dvorkin", "Arkadiy Dvorkhin"),  # transliteration
    ("Volodar Zelinsky", "Volodar Zelinskyy"),
    ("Dorian Pell", "Dorian W. Pell"),  # a middle initial more
    ("Hattie Lorne Quill", "Hattie Quill"),
    ("Harlan Voss", "H. Voss"),  # an initial
    ("Mark Oduya", "W. Mark Oduya"),  # a leading initial
    ("Greta von der Halden", "Halden"),
    ("Inez Castro-Vell", "Vell"),  # a double surname meets either half
])
def test_spellings_of_one_person_are_compatible(a, b):
    assert compatible(parse_person(a), parse_person(b))
    assert not distinct_full_names(parse_person(a), parse_person(b))


@pytest.mark.parametrize(("a", "b"), [
    ("Hattie Quill", "Barnaby Quill"),  # another first name
    ("Dorian W. Pell", "Dorian H. W. Pell"),  # clashing middle initials
    ("Harlan Voss", "Harlan Voss Jr."),  # father and son
    ("Lise Ruto", "Lise Rutte"),  # short surnames must be equal
    ("Donal Trask", "Donal Tusker"),
])
def test_different_people_are_distinct(a, b):
    assert not compatible(parse_person(a), parse_person(b))
    assert distinct_full_names(parse_person(a), parse_person(b))


def test_a_surname_alone_is_no_full_name():
    assert not parse_person("Halden").is_full
    assert not parse_person("J. K. Marlow").is_full
    assert parse_person("W. Mark Oduya").is_full


def test_honorific_gender_and_given_names():
    assert honorific_gender("Mrs. Quill") == "f" and honorific_gender("Mr Quill") == "m"
    assert honorific_gender("Quill") is None
    assert is_given_name("Bill") and not is_given_name("Quill")

"""Speakers: how pronouns and descriptions are resolved."""
from __future__ import annotations

import pytest

@pytest.mark.parametrize("phrase, many", [
    ("any of the cardinals in Rome", True), ("the lawmakers", True), ("some doctors", True),
    ("the senator", False), ("Ann Roe", False), ("the Rev. James Ross", False),
    ("the actress", False), ("Tom Reyes of the Water Boards", False)])
def test_speakers_plural_phrase_is_not_he_or_she(phrase, many):
    """"he"/"she" never resolves to a phrase for several people (speakers._many)."""
    from toolkit.speakers import _many
    assert _many(phrase) is many


@pytest.mark.parametrize("name, sex", [
    ("Karen Lowe", "f"), ("John Dunn", "m"), ("Lowe", "f"), ("Jean Vale", None),
    ("AshLee Strong", "f"), ("Virginia State Bar", None), ("Sarah Lucy’s son", None),
    ("Ms John Dunn", "f"), ("Dunn", "m")])
def test_speakers_gender_from_census_first_names(name, sex):
    """Titles first, then the first name's sex in the Census lists (speakers._gender); a
    surname alone takes the sex of its first name elsewhere in the article."""
    from toolkit.speakers import _gender, _Name, _NameIndex
    names = _NameIndex([_Name(0, ("Karen", "Lowe"), frozenset()),
                        _Name(30, ("John", "Dunn"), frozenset())])
    assert _gender(name, names) == sex


@pytest.mark.parametrize("phrase, person", [
    ("the champion", True), ("his companion", True), ("a TV personality", True),
    ("the celebrity", True), ("the witness", True), ("Ann Roe", True),
    ("the investigation", False), ("Danneels's prominence in the pontificate", False),
    ("an unsigned NCR editorial", False), ("Matthew 16:24", False)])
def test_speakers_abstract_noun_is_not_he_or_she(phrase, person):
    """A document or an abstract noun ("-ion", "-ity", "-ence") is no "he" or "she"; a noun
    for a person with such an ending ("champion", "celebrity") still is (speakers._person)."""
    from toolkit.speakers import _person
    assert _person(phrase) is person

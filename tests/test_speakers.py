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

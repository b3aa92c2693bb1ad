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

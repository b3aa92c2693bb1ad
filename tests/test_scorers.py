"""The contract every scorer keeps: spans in bounds, exact text, deterministic, empty in,
empty out."""
from __future__ import annotations

import pytest

from toolkit.cues import find_cues
from toolkit.sentiment import find_tone
from toolkit.subjectivity import find_subjective

SCORERS = [find_cues, find_tone, find_subjective]
TEXTS = [
    "",
    "Quite frankly, there's still a war to be fought and the Left isn't resting.",
    "It was not a disaster.\n\nThe “radical” plan, critics claimed, is a total failure!",
    "Zero\u200bwidth, emoji 😀 war, RTL שלום fight, control \x00\x07 chars.",
]


@pytest.mark.parametrize("scorer", SCORERS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("text", TEXTS)
def test_scorer_contract(scorer, text):
    spans = scorer(text)
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start:span.end] == span.text
        assert span.category and span.source
    assert scorer(text) == spans
    if not text.strip():
        assert spans == []


@pytest.mark.parametrize("scorer", SCORERS, ids=lambda f: f.__name__)
def test_scorer_rejects_non_string(scorer):
    with pytest.raises(TypeError):
        scorer(None)

from __future__ import annotations

import pytest

from toolkit.segmentation import segment, sentence_spans, word_spans


@pytest.mark.parametrize("text, expected", [
    ("", []),
    ("Sen. Warren spoke. Then she left.", ["Sen. Warren spoke.", "Then she left."]),
    ("Mr. Smith met Gov. Jones at 9 a.m. on Jan. 5. They talked.",
     ["Mr. Smith met Gov. Jones at 9 a.m. on Jan. 5.", "They talked."]),
    ("The U.S. and the U.K. agreed. Sec. Blinken said so.",
     ["The U.S. and the U.K. agreed.", "Sec. Blinken said so."]),
    ("A headline with no stop\nThe body starts here.", ["A headline with no stop", "The body starts here."]),
    ("Dr. No? Yes! Fine.", ["Dr. No?", "Yes!", "Fine."]),
])
def test_segmentation_sentences(text, expected):
    assert [text[s:e] for s, e in sentence_spans(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("They're here.", ["They", "'re", "here", "."]),
    ("“Quoted,” he said.", ["“", "Quoted", ",", "”", "he", "said", "."]),
    ('"Straight" quotes', ['"', "Straight", '"', "quotes"]),
    ("", []),
])
def test_segmentation_words(text, expected):
    assert [text[s:e] for s, e in word_spans(text)] == expected


def test_segmentation_segment_keeps_paragraphs():
    text = "One. Two.\n\nThree."
    sentences = segment(text, [(0, 9), (11, 17)])
    assert [(s.paragraph, text[s.start:s.end]) for s in sentences] == [
        (0, "One."), (0, "Two."), (1, "Three.")]


def test_segmentation_rejects_non_string():
    with pytest.raises(TypeError, match="text"):
        segment(None)

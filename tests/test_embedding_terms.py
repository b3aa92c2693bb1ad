"""The optional sentence-embedding term: its file format, its fit, its bundled weights, and
that the default install neither needs nor imports torch."""
from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from toolkit import embeddings
from toolkit.bias_model import sigmoid
from toolkit.embedding_terms import (TERM_FILES, EmbeddingTerm, _fit_offset_logistic,
                                     _fit_offset_softmax, load_embedding_term)


def test_embedding_terms_round_trip(tmp_path):
    term = EmbeddingTerm("tone", np.array([0.25, -1.5, 3.0]), -0.75, {"data": "made up"})
    loaded = EmbeddingTerm.load(term.save(tmp_path / "term.json"))
    assert loaded.kind == "tone" and loaded.meta == {"data": "made up"}
    assert loaded.weights.tolist() == [0.25, -1.5, 3.0] and loaded.intercept == -0.75
    assert loaded.values(np.eye(3)).tolist() == [-0.5, -2.25, 2.25]


def test_embedding_terms_round_trip_with_one_column_per_class(tmp_path):
    weights = np.array([[0.5, 0.0, -0.5], [1.0, -2.0, 1.0]])
    term = EmbeddingTerm("target", weights, np.array([0.1, 0.2, -0.3]), {"thresholds": [0, 1]})
    loaded = EmbeddingTerm.load(term.save(tmp_path / "term.json"))
    assert loaded.weights.tolist() == weights.tolist()
    assert loaded.intercept.tolist() == [0.1, 0.2, -0.3]
    np.testing.assert_allclose(loaded.values(np.array([[2.0, 1.0]])), [[2.1, -1.8, -0.3]])


@pytest.mark.parametrize("data, message", [
    ({"format": "something-else"}, "not an embedding term file"),
    ({}, "not an embedding term file"),
])
def test_embedding_terms_rejects_other_files(data, message):
    with pytest.raises(ValueError, match=message):
        EmbeddingTerm.from_json(data)


@pytest.mark.parametrize("shape", [(2, 4), (3,), (1, 2, 3)])
def test_embedding_terms_values_checks_the_width(shape):
    term = EmbeddingTerm("bias", np.ones(3), 0.0)
    with pytest.raises(ValueError, match=r"shape \(n, 3\)"):
        term.values(np.zeros(shape))


def test_embedding_terms_unknown_kind():
    with pytest.raises(ValueError, match="kind must be one of"):
        load_embedding_term("sarcasm")


def test_embedding_terms_offset_fit_matches_scikit_learn_without_offset():
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(0)
    X = rng.normal(size=(300, 5))
    y = (X @ np.array([1.0, -2.0, 0.5, 0.0, 0.0]) + rng.normal(size=300) > 0).astype(float)
    weights, intercept = _fit_offset_logistic(X, y, np.zeros(300), C=0.5)
    reference = LogisticRegression(C=0.5, tol=1e-8, max_iter=5000).fit(X, y)
    np.testing.assert_allclose(weights, reference.coef_[0], atol=1e-3)
    assert intercept == pytest.approx(reference.intercept_[0], abs=1e-3)


def test_embedding_terms_softmax_offset_fit_matches_scikit_learn_without_offset():
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(2)
    X = rng.normal(size=(400, 3))
    logits = X @ np.array([[1.0, 0.0, -1.0], [0.0, 2.0, -2.0], [0.0, 0.0, 0.0]])
    y = np.array([rng.choice(3, p=np.exp(r) / np.exp(r).sum()) for r in logits])
    weights, intercept = _fit_offset_softmax(X, y, np.zeros((400, 3)), C=0.5)
    reference = LogisticRegression(C=0.5, tol=1e-8, max_iter=5000).fit(X, y)
    np.testing.assert_allclose(weights, reference.coef_.T, atol=1e-3)
    np.testing.assert_allclose(intercept, reference.intercept_, atol=1e-3)


def test_embedding_terms_softmax_offset_fit_learns_only_what_the_offset_misses():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(3000, 2))
    offset = np.stack([-2.0 * X[:, 0], np.zeros(3000), 2.0 * X[:, 0]], axis=1)
    logits = offset + np.stack([-1.5 * X[:, 1], np.zeros(3000), 1.5 * X[:, 1]], axis=1)
    y = np.array([rng.choice(3, p=np.exp(r) / np.exp(r).sum()) for r in logits])
    weights, _ = _fit_offset_softmax(X, y, offset, C=10.0)
    spread = weights[:, 2] - weights[:, 0]  # positive minus negative, per input column
    assert abs(spread[0]) < 0.6 and 2.0 < spread[1] < 4.0


def test_embedding_terms_offset_fit_learns_only_what_the_offset_misses():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(2000, 2))
    offset = 3.0 * X[:, 0]                          # the "word model" knows column 0
    y = (rng.random(2000) < 1 / (1 + np.exp(-(offset + 1.5 * X[:, 1])))).astype(float)
    weights, _ = _fit_offset_logistic(X, y, offset, C=10.0)
    assert abs(weights[0]) < 0.4 and 1.0 < weights[1] < 2.0


@pytest.mark.parametrize("kind", sorted(TERM_FILES))
def test_embedding_terms_bundled_weights(kind):
    term = load_embedding_term(kind)
    outputs = (3,) if kind == "target" else ()
    assert term.kind == kind and term.weights.shape == (embeddings.EMBEDDING_DIM, *outputs)
    assert np.isfinite(term.weights).all() and np.isfinite(term.intercept).all()
    assert np.shape(term.intercept) == outputs
    cv = term.meta["cross_validation"]
    assert set(cv) >= {"default", "embedding_only", "with_embedding"}
    assert "licence" in term.meta and "embedding_model" in term.meta


@pytest.mark.parametrize("kind", sorted(TERM_FILES))
def test_embedding_terms_licence_note_beside_the_file(kind):
    from importlib.resources import files

    name = TERM_FILES[kind]
    note = files("toolkit").joinpath("models", f"LICENSE-{name.removesuffix('.json')}.md")
    text = note.read_text(encoding="utf-8")
    assert name in text and ("AGPL-3.0" in text if kind == "bias" else "MIT" in text)
    if kind == "target":
        assert "NewsMTSC" in text


@pytest.mark.parametrize("x", [-800.0, -3.0, 0.0, 2.5, 800.0])
def test_embedding_terms_sigmoid_is_safe(x):
    assert sigmoid(x) == pytest.approx(1 / (1 + np.exp(-np.clip(x, -700, 700))))


def test_embedding_terms_missing_extra_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(embeddings, "_REQUIRED", ("no_such_package_for_embeddings",))
    embeddings.load_embedding_model.cache_clear()
    assert embeddings.embeddings_available() is False
    try:
        with pytest.raises(ImportError, match=r"\[embeddings\]"):
            embeddings.embed(["A sentence."])
        import toolkit

        with pytest.raises(ImportError, match="no_such_package_for_embeddings"):
            toolkit.score_sentences(["A sentence."], embeddings=True)
    finally:
        embeddings.load_embedding_model.cache_clear()


def test_embedding_terms_default_scoring_imports_no_torch():
    code = """
import sys, json, toolkit
toolkit.score_sentences(["Critics slammed the reckless plan."])
toolkit.analyze("Critics slammed the plan. The vote is on Monday.")
import toolkit.embeddings, toolkit.embedding_terms
print(json.dumps(sorted(m for m in ("torch", "sentence_transformers", "transformers")
                        if m in sys.modules)))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


def test_embedding_terms_target_term_fits_over_the_default_logits(newsmtsc_like):
    from toolkit.embedding_terms import cross_validate_target_term, train_target_term

    frame = newsmtsc_like
    rng = np.random.default_rng(4)
    # A vector that carries the polarity, plus noise: the term must learn the direction.
    vectors = rng.normal(scale=0.1, size=(len(frame), 4))
    vectors[:, 0] += frame["polarity"].to_numpy()
    term = train_target_term(frame, vectors, folds=3)
    assert term.kind == "target" and term.weights.shape == (4, 3)
    low, high = term.meta["thresholds"]
    assert -1 <= low <= high <= 1 and term.meta["n_rows"] == 36
    assert term.weights[0, 2] - term.weights[0, 0] > 0  # more of column 0, more positive
    estimate = cross_validate_target_term(frame, vectors, folds=3)
    assert set(estimate) == {"default", "embedding_only", "with_embedding"}
    for figures in estimate.values():
        assert 0 <= figures["macro_f1"] <= 1
    with pytest.raises(ValueError, match="one row per training sentence"):
        train_target_term(frame, vectors[:5], folds=3)

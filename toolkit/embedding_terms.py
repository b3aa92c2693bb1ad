"""The optional sentence-embedding term added to the bias logit, the tone rating and the
target-tone logits.

With the ``embeddings`` extra installed (:mod:`toolkit.embeddings`), ``score_sentences(...,
embeddings=True)``, ``analyze(..., embeddings=True)``, ``explain_bias(..., embeddings=True)``
and ``explain_tone(..., embeddings=True)`` add **one** contribution, ``"sentence
embedding"``, to the explainable word-level models:

- bias: ``logit = (the default bias model's logit) + w . e + b``;
- tone: ``rating = (the default tone calibration's rating) + w . e + b``;
- target tone (``target_tone(..., embeddings=True)``): ``logits = (the default target-tone
  model's three logits) + e @ W + b``, ``e`` the vector of the mention's sentence with the
  mention masked (:func:`toolkit.target_tone.masked_sentence`).

The word, cue and figure contributions stay exactly as the default models give them, so the
evidence is still word-level and the explanation still sums to the logit (or the rating); the
embedding term is the part the words do not explain. Its weights are learned on the residual:
for each training sentence the default model's score comes from a model trained on the other
folds (as it would score a new sentence), and the term is fitted over that fixed offset
(an L2-regularised logistic regression for bias, a ridge regression for tone, a multinomial
logistic regression for target tone).

The default results never change: without ``embeddings=True`` nothing here runs, and
importing this module imports neither torch nor sentence-transformers.

The weights live in ``toolkit/models/bias_embedding.json`` (derived from BABE and MBIC:
AGPL-3.0, see the note beside it), ``toolkit/models/tone_embedding.json`` (VADER NYT: MIT) and
``toolkit/models/target_embedding.json`` (NewsMTSC: MIT).
``python -m toolkit train-embeddings --cv 5`` rebuilds them and reports cross-validated
figures against the default models on the same folds.
"""
from __future__ import annotations

import json
import logging
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import numpy as np
import pandas as pd

from .model_files import JsonModelFile, check_format

__all__ = ["EmbeddingTerm", "load_embedding_term", "train_bias_term", "train_tone_term",
           "cross_validate_bias_term", "cross_validate_tone_term", "EMBEDDING_FEATURE",
           "TERM_FILES", "embedding_values", "train_target_term", "cross_validate_target_term"]

log = logging.getLogger(__name__)

FORMAT = "toolkit-embedding-term/1"
#: The feature name of the one contribution the embedding adds to an explanation.
EMBEDDING_FEATURE = "sentence embedding"
#: The bundled weights of each term, in ``toolkit/models/``.
TERM_FILES = {"bias": "bias_embedding.json", "tone": "tone_embedding.json",
              "target": "target_embedding.json"}


@dataclass(frozen=True)
class EmbeddingTerm(JsonModelFile):
    """A linear term over a sentence vector: ``vectors @ weights + intercept``.

    Attributes
    ----------
    kind : str
        ``"bias"`` (added to the bias logit), ``"tone"`` (added to the tone rating, -4..4) or
        ``"target"`` (added to the three logits of the target-tone model).
    weights : ndarray
        One weight per embedding dimension, or one column of them per output (``"target"``:
        shape ``(dim, 3)``, columns negative, neutral, positive).
    intercept : float or ndarray
        One per output.
    meta : dict
        Provenance: embedding model, data, licence, cross-validated figures.
    """

    kind: str
    weights: np.ndarray
    intercept: float | np.ndarray
    meta: dict = field(default_factory=dict)

    def values(self, vectors: np.ndarray) -> np.ndarray:
        """The term for each row of ``vectors`` (shape ``(n, dim)``).

        Examples
        --------
        >>> term = EmbeddingTerm("bias", np.array([1.0, -1.0]), 0.5)
        >>> term.values(np.array([[1.0, 0.0], [0.0, 1.0]])).tolist()
        [1.5, -0.5]
        """
        vectors = np.asarray(vectors, dtype=float)
        if vectors.ndim != 2 or vectors.shape[1] != len(self.weights):
            raise ValueError(f"vectors must have shape (n, {len(self.weights)}), "
                             f"not {vectors.shape}")
        return vectors @ self.weights + self.intercept

    def to_json(self) -> dict:
        return {"format": FORMAT, "kind": self.kind, "meta": self.meta,
                "intercept": _rounded(self.intercept), "weights": _rounded(self.weights)}

    @classmethod
    def from_json(cls, data: dict) -> "EmbeddingTerm":
        check_format(data, FORMAT, "an embedding term")
        intercept = data["intercept"]
        intercept = (np.asarray(intercept, dtype=float) if isinstance(intercept, list)
                     else float(intercept))
        return cls(kind=str(data["kind"]), weights=np.asarray(data["weights"], dtype=float),
                   intercept=intercept, meta=data.get("meta", {}))


def _rounded(values):
    """Numbers (a float or nested arrays) rounded to 6 decimals, as plain JSON values."""
    if np.ndim(values) == 0:
        return round(float(values), 6)
    return [_rounded(v) for v in values]


@lru_cache(maxsize=3)
def _bundled(kind: str) -> tuple[EmbeddingTerm | None, str]:
    name = TERM_FILES[kind]
    try:
        data = json.loads(files("toolkit").joinpath("models", name).read_text(encoding="utf-8"))
    except OSError as exc:
        return None, (f"the {kind} embedding term is left out: toolkit/models/{name} could not "
                      f"be read ({exc.__class__.__name__}); rebuild it with "
                      f"`python -m toolkit train-embeddings`")
    return EmbeddingTerm.from_json(data), ""


def load_embedding_term(kind: str, path: str | Path | None = None) -> EmbeddingTerm | None:
    """The bundled term of ``kind`` (``"bias"``, ``"tone"`` or ``"target"``, cached), or the
    one at ``path``.

    Returns ``None``, with a :class:`RuntimeWarning` that says why, when the bundled file is
    missing; callers then score without the term.
    """
    if kind not in TERM_FILES:
        raise ValueError(f"kind must be one of {sorted(TERM_FILES)}, not {kind!r}")
    if path is not None:
        return EmbeddingTerm.load(path)
    term, reason = _bundled(kind)
    if term is None:
        warnings.warn(reason, RuntimeWarning, stacklevel=2)
    return term


# --------------------------------------------------------------------------- training
def _check_vectors(vectors, n: int) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=float)
    if vectors.ndim != 2 or len(vectors) != n:
        raise ValueError(f"vectors must have one row per training sentence ({n}), "
                         f"not shape {vectors.shape}")
    return vectors


def _fit_offset_logistic(X: np.ndarray, y: np.ndarray, offset: np.ndarray, *,
                         C: float) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression of ``y`` on ``X`` over a fixed ``offset`` logit."""
    from scipy.optimize import minimize

    d = X.shape[1]

    def loss(w):
        s = offset + X @ w[:d] + w[d]
        p = 0.5 * (1.0 + np.tanh(0.5 * s))
        g = p - y
        value = np.sum(np.logaddexp(0.0, s) - y * s) + 0.5 / C * (w[:d] @ w[:d])
        return value, np.concatenate([X.T @ g + w[:d] / C, [g.sum()]])

    result = minimize(loss, np.zeros(d + 1), jac=True, method="L-BFGS-B",
                      options={"maxiter": 2000})
    return result.x[:d], float(result.x[d])


def _out_of_fold_logits(frame: pd.DataFrame, *, folds: int, seed: int) -> np.ndarray:
    """The default bias model's logit of each row, from a model trained on the other folds."""
    from .bias_model import _folds, train_bias_model

    labels = frame["label"].astype(int).to_numpy()
    texts = frame["text"].astype(str).tolist()
    logits = np.zeros(len(frame))
    for train, test in _folds(labels, folds, seed):
        model = train_bias_model(frame.iloc[train].reset_index(drop=True), seed=seed)
        logits[test] = [model.logit(texts[i]) for i in test]
    return logits


def train_bias_term(frame: pd.DataFrame, vectors, *, C: float = 3.0, folds: int = 5,
                    seed: int = 0, meta: dict | None = None) -> EmbeddingTerm:
    """Fit the bias term on ``text`` and ``label`` rows and their sentence ``vectors``.

    The offset of each row is the default bias model's out-of-fold logit (``folds`` models,
    each trained as :func:`~toolkit.bias_model.train_bias_model` trains the bundled one).
    """
    labels = frame["label"].astype(int).to_numpy()
    if len(set(labels)) < 2:
        raise ValueError("training data needs both labels, 0 and 1")
    vectors = _check_vectors(vectors, len(frame))
    offset = _out_of_fold_logits(frame.reset_index(drop=True), folds=folds, seed=seed)
    weights, intercept = _fit_offset_logistic(vectors, labels.astype(float), offset, C=C)
    info = {"C": C, "inner_folds": folds, "n_rows": int(len(frame)), **(meta or {})}
    return EmbeddingTerm("bias", weights, intercept, info)


def _tone_tables(general: pd.DataFrame | None, polarity: pd.DataFrame | None):
    from .tone import _general_table

    def table(rows):
        if rows is None or not len(rows):
            return ({}, 0.0)
        return _general_table(rows["text"].astype(str).tolist(),
                              rows["score"].astype(float).to_numpy())

    return table(general), table(polarity)


def _out_of_fold_ratings(frame: pd.DataFrame, tables, *, folds: int) -> np.ndarray:
    """The default tone calibration's rating of each row, from a model trained on the other
    folds (grouped by article when ``id`` is there)."""
    from sklearn.model_selection import GroupKFold, KFold

    from .tone import train_tone_model

    texts = frame["text"].astype(str).tolist()
    if "id" in frame:
        groups = frame["id"].astype(str).str.split("_").str[0].to_numpy()
        splits = GroupKFold(folds).split(frame, groups=groups)
    else:
        splits = KFold(folds, shuffle=True, random_state=0).split(frame)
    ratings = np.zeros(len(frame))
    for train, test in splits:
        model = train_tone_model(frame.iloc[train], general_table=tables[0],
                                 polarity_table=tables[1])
        ratings[test] = [model.rating(texts[i]) for i in test]
    return ratings


def train_tone_term(frame: pd.DataFrame, vectors, *, general: pd.DataFrame | None = None,
                    polarity: pd.DataFrame | None = None, alpha: float = 10.0,
                    folds: int = 5, meta: dict | None = None, _tables=None) -> EmbeddingTerm:
    """Fit the tone term on ``text``, ``score`` (-4..4) rows and their sentence ``vectors``.

    The offset of each row is the default tone calibration's out-of-fold rating, with the
    same ``general`` and ``polarity`` word models as ``train-tone`` uses.
    """
    from sklearn.linear_model import Ridge

    frame = frame.reset_index(drop=True)
    vectors = _check_vectors(vectors, len(frame))
    tables = _tables or _tone_tables(general, polarity)
    offset = _out_of_fold_ratings(frame, tables, folds=folds)
    y = frame["score"].astype(float).to_numpy()
    ridge = Ridge(alpha=alpha).fit(vectors, y - offset)
    info = {"alpha": alpha, "inner_folds": folds, "n_rows": int(len(frame)), **(meta or {})}
    return EmbeddingTerm("tone", ridge.coef_.astype(float), float(ridge.intercept_), info)


def _fit_offset_softmax(X: np.ndarray, y: np.ndarray, offset: np.ndarray, *,
                        C: float) -> tuple[np.ndarray, np.ndarray]:
    """L2-regularised multinomial logistic regression of the class indices ``y`` (0..k-1) on
    ``X`` over fixed ``offset`` logits (shape ``(n, k)``): weights ``(d, k)``, intercepts
    ``(k,)``."""
    from scipy.optimize import minimize
    from scipy.special import logsumexp, softmax

    n, d = X.shape
    k = offset.shape[1]
    onehot = np.eye(k)[y]

    def loss(flat):
        w, b = flat[:d * k].reshape(d, k), flat[d * k:]
        s = offset + X @ w + b
        value = np.sum(logsumexp(s, axis=1) - np.sum(onehot * s, axis=1)) \
            + 0.5 / C * np.sum(w * w)
        g = softmax(s, axis=1) - onehot
        return value, np.concatenate([(X.T @ g + w / C).ravel(), g.sum(axis=0)])

    result = minimize(loss, np.zeros(d * k + k), jac=True, method="L-BFGS-B",
                      options={"maxiter": 2000})
    return result.x[:d * k].reshape(d, k), result.x[d * k:]


def _target_inputs(frame: pd.DataFrame):
    """The features, labels and article groups of NewsMTSC-style rows
    (``id, text, start, end, polarity``)."""
    from .target_tone import newsmtsc_group, target_features

    feats = [target_features(t, int(s), int(e))[0]
             for t, s, e in zip(frame["text"], frame["start"], frame["end"])]
    labels = frame["polarity"].astype(int).to_numpy()
    groups = frame["id"].map(newsmtsc_group).to_numpy()
    return feats, labels, groups


def _term_tones(offset: np.ndarray, values: np.ndarray) -> np.ndarray:
    from scipy.special import softmax

    from .target_tone import tone_of

    return np.array([tone_of(*p) for p in softmax(offset + values, axis=1)])


def _train_target_term(feats, labels, groups, vectors, *, C: float, folds: int,
                       meta: dict | None = None):
    """The bundled-style target model of these rows and the term fitted over its
    out-of-fold logits, with thresholds fit on the term's own out-of-fold tones."""
    from sklearn.model_selection import GroupKFold

    from .target_tone import _fit_features, _fit_thresholds

    model, _, offset = _fit_features(feats, labels, groups=groups, n_splits=folds)
    index = labels + 1  # -1, 0, 1 -> 0, 1, 2
    tones = np.zeros(len(labels))
    for train, test in GroupKFold(folds).split(vectors, labels, groups):
        w, b = _fit_offset_softmax(vectors[train], index[train], offset[train], C=C)
        tones[test] = _term_tones(offset[test], vectors[test] @ w + b)
    thresholds = _fit_thresholds(tones.tolist(), labels.tolist())
    w, b = _fit_offset_softmax(vectors, index, offset, C=C)
    info = {"C": C, "inner_folds": folds, "n_rows": int(len(labels)),
            "thresholds": list(thresholds), **(meta or {})}
    return model, EmbeddingTerm("target", w, b, info)


def train_target_term(frame: pd.DataFrame, vectors, *, C: float = 0.3, folds: int = 5,
                      meta: dict | None = None) -> EmbeddingTerm:
    """Fit the target-tone term on NewsMTSC-style rows and the vectors of their
    :func:`~toolkit.target_tone.masked_sentence`.

    The offsets are the default target-tone model's out-of-fold logits (``folds`` folds
    grouped by source article, the folds of ``train-target-tone``); the term's thresholds
    (``meta["thresholds"]``) are fit on the combined model's out-of-fold tones.
    """
    frame = frame.reset_index(drop=True)
    vectors = _check_vectors(vectors, len(frame))
    feats, labels, groups = _target_inputs(frame)
    return _train_target_term(feats, labels, groups, vectors, C=C, folds=folds, meta=meta)[1]


# --------------------------------------------------------------------------- estimates
def cross_validate_target_term(frame: pd.DataFrame, vectors, *, folds: int = 5,
                               C: float = 0.3) -> dict[str, dict[str, float]]:
    """Grouped folds (by source article, as ``train-target-tone``), scored three ways.

    Returns ``{"default": ..., "embedding_only": ..., "with_embedding": ...}``, each with
    ``macro_f1`` over all rows and ``macro_f1_multi_target`` over the rows whose sentence
    holds two or more targets (left out when there are none): the default model (trained on
    the other folds, thresholds from its own inner folds), a logistic regression on the
    vectors alone (argmax) and the default logits plus the embedding term (nested: term and
    thresholds fit on the training folds only).
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    from .target_tone import tone_to_label

    frame = frame.reset_index(drop=True)
    vectors = _check_vectors(vectors, len(frame))
    feats, labels, groups = _target_inputs(frame)
    preds = {name: np.zeros(len(frame), dtype=int)
             for name in ("default", "embedding_only", "with_embedding")}
    for number, (train, test) in enumerate(GroupKFold(folds).split(vectors, labels, groups)):
        model, term = _train_target_term([feats[i] for i in train], labels[train],
                                         groups[train], vectors[train], C=C, folds=folds)
        logits = np.array([model.logits(feats[i]) for i in test])
        preds["default"][test] = [tone_to_label(t, model.thresholds)
                                  for t in _term_tones(logits, np.zeros_like(logits))]
        preds["with_embedding"][test] = [
            tone_to_label(t, term.meta["thresholds"])
            for t in _term_tones(logits, term.values(vectors[test]))]
        alone = LogisticRegression(C=C, max_iter=5000).fit(vectors[train], labels[train])
        preds["embedding_only"][test] = alone.predict(vectors[test])
        log.info("target embedding term CV fold %d/%d done", number + 1, folds)
    multi = frame.groupby("text")["text"].transform("size").to_numpy() >= 2
    out = {name: {"macro_f1": float(f1_score(labels, p, average="macro"))}
           for name, p in preds.items()}
    if multi.any():
        for name, p in preds.items():
            out[name]["macro_f1_multi_target"] = float(f1_score(labels[multi], p[multi],
                                                                average="macro"))
    return out

def cross_validate_bias_term(frame: pd.DataFrame, vectors, *, folds: int = 5, seed: int = 0,
                             evaluate: np.ndarray | None = None, C: float = 3.0
                             ) -> dict[str, dict[str, float]]:
    """The folds of :func:`~toolkit.bias_model.cross_validate_bias`, scored three ways.

    Returns ``{"default": ..., "embedding_only": ..., "with_embedding": ...}``, each with
    ``macro_f1`` (threshold 0.5) and ``auc`` over the ``evaluate`` rows: the default bias
    model, a logistic regression on the vectors alone, and the default logit plus the
    embedding term (nested: the term of each fold is trained on that fold's training rows).
    """
    from sklearn.linear_model import LogisticRegression

    from .bias_model import _folds, train_bias_model
    from .validation import macro_f1, roc_auc

    frame = frame.reset_index(drop=True)
    vectors = _check_vectors(vectors, len(frame))
    labels = frame["label"].astype(int).to_numpy()
    texts = frame["text"].astype(str).tolist()
    scores = {name: np.full(len(frame), np.nan)
              for name in ("default", "embedding_only", "with_embedding")}
    for number, (train, test) in enumerate(_folds(labels, folds, seed)):
        part = frame.iloc[train].reset_index(drop=True)
        model = train_bias_model(part, seed=seed)
        logit = np.array([model.logit(texts[i]) for i in test])
        term = train_bias_term(part, vectors[train], C=C, folds=folds, seed=seed)
        alone = LogisticRegression(C=C, max_iter=5000).fit(vectors[train], labels[train])
        scores["default"][test] = logit
        scores["embedding_only"][test] = alone.decision_function(vectors[test])
        scores["with_embedding"][test] = logit + term.values(vectors[test])
        log.info("embedding term CV fold %d/%d done", number + 1, folds)
    mask = np.ones(len(frame), bool) if evaluate is None else np.asarray(evaluate, bool)
    out = {}
    for name, logit in scores.items():
        p = 1.0 / (1.0 + np.exp(-logit[mask]))
        out[name] = {"macro_f1": macro_f1(labels[mask], (p >= 0.5).astype(int)),
                     "auc": roc_auc(labels[mask], p)}
    return out


def cross_validate_tone_term(frame: pd.DataFrame, vectors, *,
                             general: pd.DataFrame | None = None,
                             polarity: pd.DataFrame | None = None, folds: int = 5,
                             alpha: float = 10.0) -> dict[str, dict[str, float]]:
    """The grouped folds of :func:`~toolkit.tone.cross_validate_tone`, scored three ways.

    Returns ``{"default": ..., "embedding_only": ..., "with_embedding": ...}``, each with
    ``pearson_r`` and ``article_pearson_r``: the default calibration, a ridge regression on
    the vectors alone, and the default rating plus the embedding term (nested).
    """
    from sklearn.linear_model import Ridge
    from sklearn.model_selection import GroupKFold

    from .tone import train_tone_model
    from .validation import group_pearson, pearson

    frame = frame.reset_index(drop=True)
    vectors = _check_vectors(vectors, len(frame))
    tables = _tone_tables(general, polarity)
    groups = frame["id"].astype(str).str.split("_").str[0].to_numpy()
    texts = frame["text"].astype(str).tolist()
    y = frame["score"].astype(float).to_numpy()
    scores = {name: np.zeros(len(frame))
              for name in ("default", "embedding_only", "with_embedding")}
    for number, (train, test) in enumerate(GroupKFold(folds).split(frame, groups=groups)):
        part = frame.iloc[train].reset_index(drop=True)
        model = train_tone_model(part, general_table=tables[0], polarity_table=tables[1])
        rating = np.array([model.rating(texts[i]) for i in test])
        term = train_tone_term(part, vectors[train], alpha=alpha, folds=folds, _tables=tables)
        scores["default"][test] = rating
        scores["embedding_only"][test] = Ridge(alpha=alpha).fit(
            vectors[train], y[train]).predict(vectors[test])
        scores["with_embedding"][test] = rating + term.values(vectors[test])
        log.info("tone embedding term CV fold %d/%d done", number + 1, folds)
    return {name: {"pearson_r": pearson(p, y), "article_pearson_r": group_pearson(groups, p, y)}
            for name, p in scores.items()}


def embedding_values(texts, kind: str) -> np.ndarray:
    """The ``kind`` term (``"bias"`` or ``"tone"``) of each text, one float per text
    (``"target"``: three logits per text, one row each).

    Zeros, with a warning, when the term's weights file is missing (the scores are then the
    default ones).

    Raises
    ------
    ImportError
        When the optional ``embeddings`` extra is not installed; the message gives the
        install line.
    """
    from .embeddings import embed

    texts = list(texts)
    vectors = embed(texts)
    term = load_embedding_term(kind)
    if term is None:
        return np.zeros(len(texts))
    return term.values(vectors)

"""Distillation: the default target-tone model trained on a sentence-embedding teacher's
probabilities as well as the gold labels (``train-target-tone --distil``).

The optional sentence-embedding term (:mod:`toolkit.embedding_terms`) lifts target tone well
above the word-level model, but it needs torch at run time. Distillation carries part of that
gain into the default model, which stays the same readable multinomial logistic regression
over :func:`~toolkit.target_tone.target_features` (one weight per named feature and class):

- **the teacher** is the word-level model plus the embedding term, fitted as
  :func:`~toolkit.embedding_terms.train_target_term` fits it (the term over the word model's
  out-of-fold logits);
- **soft targets**: each labelled row is trained on ``alpha * gold + (1 - alpha) * teacher``,
  the teacher's class probabilities for the row coming from a teacher trained *without* the
  row's fold (folds grouped by source article);
- **self-training**: extra mentions with no gold label (people and he/she/his/her in the
  NewsMTSC sentences that NewsMTSC did not annotate, and in the VADER NYT editorial sentences;
  both MIT) are trained on the teacher's probabilities alone, weighted ``beta``. An extra
  mention of a NewsMTSC article is labelled by the teacher that did not see that article;
- scikit-learn's ``LogisticRegression`` takes no soft labels, so each row is repeated once per
  class with the class probability as its sample weight (the cross-entropy against the soft
  target, exactly).

The estimate is nested: in each outer fold the teachers of the training rows come from inner
folds of the training rows only (the outer folds themselves, so no teacher ever sees the
scored fold), and the student's -1/0/1 thresholds are fit on the out-of-fold tones, as
``train-target-tone`` does. Nothing here runs at analysis time; the embedding vectors are
inputs, computed by the caller (``toolkit.cli``) with the ``embeddings`` extra.
"""
from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pandas as pd

from .target_tone import (TargetToneModel, _feature_matrix, _fit_thresholds, _nb_scale, _tones,
                          target_features, tone_to_label)

__all__ = ["extra_mentions", "distil_target_tone", "target_tone_figures"]

_PRONOUN = re.compile(r"\b(?:he|she|him|her|his|He|She|Him|Her|His)\b")


def extra_mentions(texts, *, groups=None, taken=None) -> pd.DataFrame:
    """Unlabelled mentions for self-training: the people :func:`toolkit.entities.find_mentions`
    finds in each text, and the pronouns he, she, him, her, his.

    Parameters
    ----------
    texts : sequence of str
    groups : sequence, optional
        A group key per text (the source article), copied to each of its mentions.
    taken : dict, optional
        Text to the ``(start, end)`` ranges already labelled; mentions overlapping them are
        left out.

    Returns
    -------
    DataFrame
        ``text, start, end, group``, one row per mention, ``text[start:end]`` the mention.

    Examples
    --------
    >>> extra_mentions(["Senator Mary Smith said he was wrong."])[["start", "end"]].values.tolist()
    [[8, 18], [24, 26]]
    """
    from .entities import find_mentions

    texts = [str(t) for t in texts]
    groups = [None] * len(texts) if groups is None else list(groups)
    taken = taken or {}
    rows, seen = [], set()
    for text, group in zip(texts, groups, strict=True):
        if text in seen:
            continue
        seen.add(text)
        people = find_mentions(text)
        people = people[people["type"] == "person"]
        spans = set(zip(people["start"].tolist(), people["end"].tolist()))
        spans.update((m.start(), m.end()) for m in _PRONOUN.finditer(text))
        busy = taken.get(text, ())
        rows.extend((text, s, e, group) for s, e in sorted(spans)
                    if not any(s < b and a < e for a, b in busy))
    return pd.DataFrame(rows, columns=["text", "start", "end", "group"])


def _softmax(z):
    from scipy.special import softmax

    return softmax(z, axis=1)


def target_tone_figures(labels, probabilities, texts, thresholds) -> dict[str, float]:
    """The figures ``train-target-tone`` reports for out-of-fold class probabilities.

    ``macro_f1`` (thresholds on :func:`~toolkit.target_tone.tone_of`), ``macro_f1_argmax``,
    ``macro_f1_half_neutral`` (the rows reweighted so that neutral targets are half of the
    weight, the other classes keeping their ratio; thresholds unchanged) and
    ``macro_f1_multi_target`` (the rows whose sentence holds two or more labelled targets).
    """
    from sklearn.metrics import f1_score

    y = np.asarray(labels, dtype=int)
    p = np.asarray(probabilities, dtype=float)
    pred = np.array([tone_to_label(t, thresholds) for t in _tones(p)])
    neutral = y == 0
    weight = np.where(neutral, 0.5 / max(neutral.mean(), 1e-12),
                      0.5 / max((~neutral).mean(), 1e-12))
    count = Counter(texts)
    multi = np.array([count[t] >= 2 for t in texts])
    out = {"macro_f1": float(f1_score(y, pred, average="macro")),
           "macro_f1_argmax": float(f1_score(y, p.argmax(axis=1) - 1, average="macro")),
           "macro_f1_half_neutral": float(f1_score(y, pred, average="macro",
                                                   sample_weight=weight))}
    if multi.any():
        out["macro_f1_multi_target"] = float(f1_score(y[multi], pred[multi], average="macro"))
    return out


class _Fits:
    """The word-level fits, teachers and students over a fixed feature matrix and folds."""

    def __init__(self, x, y, words, fold, vectors, extra_x, extra_fold, extra_vectors, *,
                 c_teacher, term_c):
        self.x, self.y, self.words, self.fold = x, y, words, fold
        self.vectors, self.extra_x, self.extra_fold = vectors, extra_x, extra_fold
        self.extra_vectors = extra_vectors
        self.c_teacher, self.term_c = c_teacher, term_c
        self._plain: dict[frozenset, tuple] = {}

    def rows(self, folds) -> np.ndarray:
        return np.flatnonzero(np.isin(self.fold, sorted(folds)))

    def fit(self, rows, *, c, soft=None, extra_rows=None, extra_soft=None, beta=1.0):
        """Coefficients ``(3, d)`` for classes -1, 0, 1 (NBSVM scale from the gold labels of
        ``rows`` folded in) and intercepts; soft targets by one weighted copy per class."""
        from scipy.sparse import diags, vstack
        from sklearn.linear_model import LogisticRegression

        scale = _nb_scale(self.x[rows], self.y[rows], self.words)
        lr = LogisticRegression(C=c, max_iter=3000)
        if soft is None:
            lr.fit(self.x[rows] @ diags(scale), self.y[rows])
        else:
            x, weights = self.x[rows], soft
            if extra_rows is not None and len(extra_rows):
                x = vstack([x, self.extra_x[extra_rows]]).tocsr()
                weights = np.vstack([soft, beta * extra_soft])
            x = x @ diags(scale)
            lr.fit(vstack([x] * 3).tocsr(), np.repeat([-1, 0, 1], x.shape[0]),
                   sample_weight=weights.T.ravel())
        order = [list(lr.classes_).index(k) for k in (-1, 0, 1)]
        return lr.coef_[order] * scale, lr.intercept_[order]

    def plain(self, folds):
        """The default (gold-label) model of these folds, cached."""
        key = frozenset(folds)
        if key not in self._plain:
            self._plain[key] = self.fit(self.rows(key), c=self.c_teacher)
        return self._plain[key]

    @staticmethod
    def logits(model, x):
        return np.asarray(x @ model[0].T) + model[1]

    def teacher(self, folds):
        """The teacher of these folds: their default model plus the embedding term fitted over
        its out-of-fold logits within the folds. Returns a function of (x, vectors)."""
        from .embedding_terms import _fit_offset_softmax

        folds = frozenset(folds)
        rows = self.rows(folds)
        offset = np.zeros((len(rows), 3))
        for a in folds:
            inside = self.fold[rows] == a
            offset[inside] = self.logits(self.plain(folds - {a}), self.x[rows[inside]])
        w, b = _fit_offset_softmax(self.vectors[rows], self.y[rows] + 1, offset, C=self.term_c)
        model = self.plain(folds)
        return lambda x, v: _softmax(self.logits(model, x) + v @ w + b)

    def soft_targets(self, folds):
        """Teacher probabilities of the labelled rows of ``folds`` (each fold's from the teacher
        of the others) and of the extra rows usable with them: those of these folds (same
        teacher as their fold) and those outside every fold (the teachers' mean)."""
        folds = frozenset(folds)
        rows = self.rows(folds)
        soft = np.zeros((len(rows), 3))
        extra_soft = np.zeros((self.extra_x.shape[0], 3))
        outside = self.extra_fold < 0
        for g in folds:
            teach = self.teacher(folds - {g})
            here = self.fold[rows] == g
            soft[here] = teach(self.x[rows[here]], self.vectors[rows[here]])
            mine = self.extra_fold == g
            extra_soft[mine] = teach(self.extra_x[mine], self.extra_vectors[mine])
            if outside.any():
                extra_soft[outside] += teach(self.extra_x[outside],
                                             self.extra_vectors[outside]) / len(folds)
        extra_rows = np.flatnonzero(outside | np.isin(self.extra_fold, sorted(folds)))
        return rows, soft, extra_rows, extra_soft[extra_rows]

    def student(self, folds, *, alpha, c, beta):
        rows, soft, extra_rows, extra_soft = self.soft_targets(folds)
        soft = alpha * np.eye(3)[self.y[rows] + 1] + (1.0 - alpha) * soft
        return self.fit(rows, c=c, soft=soft, extra_rows=extra_rows, extra_soft=extra_soft,
                        beta=beta)


def distil_target_tone(frame: pd.DataFrame, vectors, extra: pd.DataFrame, extra_vectors, *,
                       alpha: float = 0.5, c: float = 0.1, beta: float = 1.0,
                       c_teacher: float = 0.03, term_c: float = 0.3, n_splits: int = 5,
                       min_count: int = 3, meta: dict | None = None
                       ) -> tuple[TargetToneModel, dict]:
    """Train the default target-tone model by distillation and estimate it by nested CV.

    Parameters
    ----------
    frame : DataFrame
        Labelled targets: ``text, start, end, polarity`` (-1, 0, 1) and ``group`` (source
        article; folds are grouped by it).
    vectors : array, shape (len(frame), d)
        Sentence vectors of each row's :func:`~toolkit.target_tone.masked_sentence`.
    extra : DataFrame
        Unlabelled mentions, ``text, start, end, group`` (:func:`extra_mentions`); a group
        that is one of ``frame``'s puts the mention in that article's fold, any other (or
        none) makes it usable in every fold.
    extra_vectors : array, shape (len(extra), d)
    alpha : float
        Weight of the gold label in a labelled row's soft target (1: no distillation).
    c : float
        The student's inverse L2 strength.
    beta : float
        Weight of each extra mention (0: no self-training).
    c_teacher, term_c : float
        The teacher's word-model and embedding-term strengths (the defaults of
        ``train-target-tone`` and ``train-embeddings``).
    n_splits : int
        Folds, grouped by ``group``; at least 4 (a teacher of the nested estimate is trained
        on ``n_splits - 2`` folds, its embedding term over the folds of those).
    min_count : int
        Word features seen in fewer labelled targets than this are dropped.

    Returns
    -------
    model : TargetToneModel
        The student trained on all rows, thresholds fit on its out-of-fold tones.
    report : dict
        :func:`target_tone_figures` of the student (``cv_*``), and of the default model and
        the teacher on the same folds (``default``, ``teacher``), with ``n``, ``n_extra``,
        ``n_features`` and the settings.
    """
    from scipy.sparse import csr_matrix
    from sklearn.model_selection import GroupKFold

    frame = frame.reset_index(drop=True)
    extra = extra.reset_index(drop=True)
    vectors = np.asarray(vectors, dtype=float)
    extra_vectors = np.asarray(extra_vectors, dtype=float)
    if not len(extra):
        extra_vectors = extra_vectors.reshape(0, vectors.shape[1])
    if len(vectors) != len(frame) or len(extra_vectors) != len(extra):
        raise ValueError("vectors and extra_vectors need one row per row of frame and extra")
    if n_splits < 4:
        raise ValueError(f"n_splits must be at least 4 (the teachers' term is fitted over "
                         f"the folds of folds), not {n_splits}")
    if not 0.0 <= alpha <= 1.0 or beta < 0:
        raise ValueError(f"alpha must be in [0, 1] and beta at least 0, not {alpha}, {beta}")
    y = frame["polarity"].astype(int).to_numpy()
    groups = frame["group"].astype(str).to_numpy()
    texts = frame["text"].astype(str).tolist()
    feats = [target_features(t, int(s), int(e))[0]
             for t, s, e in zip(texts, frame["start"], frame["end"])]
    extra_feats = [target_features(str(t), int(s), int(e))[0]
                   for t, s, e in zip(extra["text"], extra["start"], extra["end"])]
    vec, x, names, words = _feature_matrix(feats, min_count=min_count)
    extra_x = (vec.transform(extra_feats).tocsr() if extra_feats
               else csr_matrix((0, x.shape[1])))
    fold = np.zeros(len(y), dtype=int)
    for k, (_, test) in enumerate(GroupKFold(n_splits).split(x, y, groups)):
        fold[test] = k
    of_group = dict(zip(groups, fold))
    extra_fold = np.array([of_group.get(str(g), -1) if g is not None else -1
                           for g in extra["group"]], dtype=int)
    fits = _Fits(x, y, words, fold, vectors, extra_x, extra_fold, extra_vectors,
                 c_teacher=c_teacher, term_c=term_c)

    every = frozenset(range(n_splits))
    oof = {name: np.zeros((len(y), 3)) for name in ("student", "default", "teacher")}
    for k in range(n_splits):
        test = fits.rows({k})
        oof["student"][test] = _softmax(fits.logits(
            fits.student(every - {k}, alpha=alpha, c=c, beta=beta), x[test]))
        oof["default"][test] = _softmax(fits.logits(fits.plain(every - {k}), x[test]))
        oof["teacher"][test] = fits.teacher(every - {k})(x[test], vectors[test])
    figures = {}
    for name, p in oof.items():
        thresholds = _fit_thresholds(_tones(p).tolist(), y.tolist())
        figures[name] = {**target_tone_figures(y, p, texts, thresholds),
                         "thresholds": list(thresholds)}
    coef, intercept = fits.student(every, alpha=alpha, c=c, beta=beta)
    weights = {str(n): [round(float(coef[k, j]), 5) for k in range(3)]
               for j, n in enumerate(names)}
    weights = {n: w for n, w in weights.items() if any(w)}
    thresholds = tuple(figures["student"]["thresholds"])
    model = TargetToneModel(weights, [float(v) for v in intercept], thresholds,
                            meta=dict(meta or {}))
    report = {"n": int(len(y)), "n_extra": int(len(extra)), "n_features": len(weights),
              "c": c, "alpha": alpha, "beta": beta, "nb_scale": True,
              **{f"cv_{k}": v for k, v in figures["student"].items() if k != "thresholds"},
              "thresholds": list(thresholds),
              "default": figures["default"], "teacher": figures["teacher"]}
    model.meta.update({k: report[k] for k in ("n", "n_extra", "alpha", "beta", "c",
                                              "cv_macro_f1", "cv_macro_f1_argmax",
                                              "cv_macro_f1_half_neutral",
                                              "cv_macro_f1_multi_target") if k in report})
    train = _softmax(fits.logits((coef, intercept), x))
    model.meta["train_macro_f1"] = target_tone_figures(y, train, texts, thresholds)["macro_f1"]
    model.meta["cv_default_same_folds"] = {k: v for k, v in figures["default"].items()
                                           if k != "thresholds"}
    return model, report

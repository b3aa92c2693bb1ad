"""``bias_probability``: an explainable logistic regression over words and cue features.

The model is linear, so its logit splits exactly into one contribution per piece of
evidence: each word and word pair it knows, each cue span, each word of the learned
*word-bias lexicon*, and a few sentence-level tone and subjectivity figures.
:func:`explain_bias` returns those contributions; they sum to the logit.

Features of a sentence
----------------------
- ``ngram``: presence of each known lower-cased word (:data:`~toolkit.segmentation.WORD_RE`)
  and each pair of adjacent words.
- ``word_bias``: the learned word-bias lexicon gives every word stem the smoothed rate at which
  annotators marked it as biased where it occurs (BABE's ``biased_words``). The sentence
  features are the sum, the sum over the square root of the number of words, the number of
  stems above :data:`WORD_BIAS_HIT` and the maximum.
- ``cue``: the number of cue spans of each category (:data:`~toolkit.cues.CUE_CATEGORIES`).
- ``lexicon``: words with Pattern subjectivity >= 0.5, the summed absolute VADER valence, the
  number of ``-ly`` words.
- ``sentence``: VADER's ``neg``, ``neu``, ``pos``, ``compound`` and its absolute value, mean
  and maximum Pattern subjectivity, log of the number of words.

Every non-``ngram`` feature is standardised with the training mean and scale.

The weights live in ``toolkit/models/bias_babe.json`` (derived from BABE and MBIC, AGPL-3.0;
see the note beside it). Inference reads that JSON and computes a dot product; scikit-learn
is used only by :func:`train_bias_model`. When the file is missing, probabilities are NaN and
a warning says why.
"""
from __future__ import annotations

import json
import logging
import math
import re
import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib.resources import files
from operator import itemgetter
from pathlib import Path
from typing import ClassVar

import numpy as np
import pandas as pd

from .cues import CUE_CATEGORIES, _stem, find_cues, lower_stems
from .model_files import JsonModelFile, check_format
from .segmentation import lower_words
from .sentiment import vader, vader_pass
from .subjectivity import subjectivity_lexicon
from .spans import Span

__all__ = ["BiasModel", "load_bias_model", "bias_probability", "bias_probabilities",
           "explain_bias", "train_bias_model", "cross_validate_bias", "read_training_data",
           "MODEL_FILE", "WORD_BIAS_HIT", "EXPLANATION_COLUMNS"]

log = logging.getLogger(__name__)

#: The bundled weights, in ``toolkit/models/``.
MODEL_FILE = "bias_babe.json"
FORMAT = "toolkit-bias-logreg/1"
#: A stem counts as a word-bias "hit" above this lexicon rate.
WORD_BIAS_HIT = 0.2
#: Columns of :func:`explain_bias`.
EXPLANATION_COLUMNS = ["start", "end", "text", "feature", "kind", "contribution"]

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*")

DENSE_FEATURES = (
    "word_bias_sum", "word_bias_norm", "word_bias_hits", "word_bias_max",
    *(f"cue_{c}" for c in CUE_CATEGORIES),
    "strong_subjective", "valence_sum", "ly_words",
    "vader_neg", "vader_neu", "vader_pos", "vader_compound", "vader_abs_compound",
    "subjectivity_mean", "subjectivity_max", "log_words",
)


def _tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    return lower_words(text)


_CUE_KEYS = {c: f"cue_{c}" for c in CUE_CATEGORIES}
_WORD = itemgetter(2)          # the lower-cased word of a lower_words token
#: Word types whose lookups :meth:`BiasModel.logit` keeps (a word-type cache, not a text one).
_WORD_CACHE_SIZE = 100_000


# --------------------------------------------------------------------------- features
@dataclass
class _Parts:
    """The features of one sentence and the evidence each is made of."""

    ngrams: list[tuple[int, int, str]] = field(default_factory=list)
    # dense feature -> list of (start, end, text, value); start == -1 for sentence-level.
    dense: dict[str, list[tuple[int, int, str, float]]] = field(default_factory=dict)

    def value(self, name: str) -> float:
        return sum(v for *_, v in self.dense.get(name, ()))


def _parts(text: str, word_bias: dict[str, float], prior: float,
           spans: Sequence[Span] | None = None) -> _Parts:
    tokens = _tokens(text)
    parts = _Parts()
    for i, (s, e, w) in enumerate(tokens):
        parts.ngrams.append((s, e, w))
        if i:
            parts.ngrams.append((tokens[i - 1][0], e, f"{tokens[i - 1][2]} {w}"))
    dense = {name: [] for name in DENSE_FEATURES}
    n = len(tokens)
    seen: set[str] = set()
    best = (-1, -1, "", prior)
    for s, e, w in tokens:
        stem = _stem(w)
        if stem in seen:
            continue
        seen.add(stem)
        rate = word_bias.get(stem, prior)
        dense["word_bias_sum"].append((s, e, text[s:e], rate))
        dense["word_bias_norm"].append((s, e, text[s:e], rate / math.sqrt(n)))
        if rate > WORD_BIAS_HIT:
            dense["word_bias_hits"].append((s, e, text[s:e], 1.0))
        if rate > best[3] or best[0] < 0:
            best = (s, e, text[s:e], rate)
    dense["word_bias_max"].append(best)
    if spans is None:
        spans = find_cues(text)
    for span in spans:
        if span.category in CUE_CATEGORIES:
            dense[f"cue_{span.category}"].append((span.start, span.end, span.text, 1.0))
    subjective = subjectivity_lexicon()
    valence = vader().lexicon
    subj_values = []
    for s, e, w in tokens:
        subj = subjective.get(w)
        if subj is not None:
            subj_values.append(subj)
            if subj >= 0.5:
                dense["strong_subjective"].append((s, e, text[s:e], 1.0))
        if w in valence:
            dense["valence_sum"].append((s, e, text[s:e], abs(valence[w])))
        if w.endswith("ly") and len(w) > 3:
            dense["ly_words"].append((s, e, text[s:e], 1.0))
    sentence = _sentence_values(text, subj_values, n)
    for name, value in sentence.items():
        dense[name].append((-1, -1, "", value))
    parts.dense = dense
    return parts


def _values(text: str, word_bias: dict[str, float], prior: float,
            spans: Sequence[Span] | None = None) -> tuple[list[str], dict[str, float]]:
    """The n-grams and dense feature values of :func:`_parts`, without the evidence.

    Inference needs only the values; each is summed in the same order as
    ``_parts(...).value(name)``, so the two agree exactly (``tests/test_bias_model.py``).
    """
    words = [w for *_, w in _tokens(text)]
    grams = []
    for i, w in enumerate(words):
        grams.append(w)
        if i:
            grams.append(f"{words[i - 1]} {w}")
    return grams, _dense_values(text, word_bias, prior, spans)


def _word_bias_values(text: str, n: int, word_bias: dict[str, float],
                      prior: float) -> dict[str, float]:
    """The ``word_bias_*`` features of a text of ``n`` words: each stem's rate counted once."""
    total = norm = hits = 0
    best = None
    if n:
        root = math.sqrt(n)
        for stem in dict.fromkeys(lower_stems(text)):       # each stem once, in order
            rate = word_bias.get(stem, prior)
            total += rate
            norm += rate / root
            if rate > WORD_BIAS_HIT:
                hits += 1.0
            if best is None or rate > best:
                best = rate
    return {"word_bias_sum": total, "word_bias_norm": norm, "word_bias_hits": hits,
            "word_bias_max": 0 + (prior if best is None else best)}


def _dense_values(text: str, word_bias: dict[str, float], prior: float,
                  spans: Sequence[Span] | None = None) -> dict[str, float]:
    """The dense feature values of :func:`_values`."""
    words = [w for *_, w in _tokens(text)]
    n = len(words)
    values = dict.fromkeys(DENSE_FEATURES, 0)
    values.update(_word_bias_values(text, n, word_bias, prior))
    for span in find_cues(text) if spans is None else spans:
        if span.category in CUE_CATEGORIES:
            values[f"cue_{span.category}"] += 1.0
    subjective = subjectivity_lexicon()
    valence = vader().lexicon
    subj_values = []
    strong = valence_sum = ly_words = 0
    for w in words:
        subj = subjective.get(w)
        if subj is not None:
            subj_values.append(subj)
            if subj >= 0.5:
                strong += 1.0
        v = valence.get(w)
        if v is not None:
            valence_sum += abs(v)
        if w.endswith("ly") and len(w) > 3:
            ly_words += 1.0
    values.update(strong_subjective=strong, valence_sum=valence_sum, ly_words=ly_words)
    sentence = _sentence_values(text, subj_values, n)
    values.update({name: 0 + value for name, value in sentence.items()})
    return values


def _kind(name: str) -> str:
    if name.startswith(("word_bias", "cue")):
        return "word_bias" if name.startswith("word_bias") else "cue"
    if name in ("strong_subjective", "valence_sum", "ly_words"):
        return "lexicon"
    return "sentence"


# --------------------------------------------------------------------------- the model
@dataclass(frozen=True)
class BiasModel(JsonModelFile):
    """Learned weights of the bias model: plain dicts, no scikit-learn object.

    Attributes
    ----------
    intercept : float
    ngrams : dict
        Lower-cased word or ``"word word"`` pair to its weight.
    dense : dict
        Feature name to ``(mean, scale, weight)``.
    word_bias : dict
        Word stem to its learned word-bias rate.
    prior : float
        The rate of a stem the lexicon does not know.
    meta : dict
        Provenance: data, licence, cross-validated figures.
    """

    json_ascii: ClassVar[bool] = False          # the file keeps words as written

    intercept: float
    ngrams: dict[str, float]
    dense: dict[str, tuple[float, float, float]]
    word_bias: dict[str, float]
    prior: float
    meta: dict = field(default_factory=dict)

    @cached_property
    def _gram_tables(self) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
        """The n-gram weights as ``(word -> weight, first word -> second word -> weight)``."""
        unigrams: dict[str, float] = {}
        bigrams: dict[str, dict[str, float]] = {}
        for gram, weight in self.ngrams.items():
            first, _, second = gram.partition(" ")
            if second:
                bigrams.setdefault(first, {})[second] = weight
            else:
                unigrams[gram] = weight
        return unigrams, bigrams

    # -- persistence
    def to_json(self) -> dict:
        return {"format": FORMAT, "meta": self.meta, "intercept": self.intercept,
                "prior": self.prior,
                "dense": {k: list(v) for k, v in self.dense.items()},
                "ngrams": self.ngrams, "word_bias": self.word_bias}

    @classmethod
    def from_json(cls, data: dict) -> "BiasModel":
        check_format(data, FORMAT, "a bias model")
        return cls(intercept=float(data["intercept"]), prior=float(data["prior"]),
                   dense={k: tuple(map(float, v)) for k, v in data["dense"].items()},
                   ngrams={k: float(v) for k, v in data["ngrams"].items()},
                   word_bias={k: float(v) for k, v in data["word_bias"].items()},
                   meta=data.get("meta", {}))


    # -- inference
    def explain(self, text: str, *, spans: Sequence[Span] | None = None) -> pd.DataFrame:
        """Contributions to the logit, one row per piece of evidence; see :func:`explain_bias`."""
        parts = _parts(text, self.word_bias, self.prior, spans)
        rows = []
        baseline = self.intercept
        for s, e, gram in parts.ngrams:
            weight = self.ngrams.get(gram)
            if weight:
                rows.append((s, e, text[s:e], gram, "ngram", weight))
        for name, (mean, scale, weight) in self.dense.items():
            baseline -= weight * mean / scale
            kind = _kind(name)
            for s, e, piece, value in parts.dense.get(name, ()):
                if value:
                    rows.append((s, e, piece, name, kind, weight * value / scale))
        rows.append((-1, -1, "", "baseline", "baseline", baseline))
        frame = pd.DataFrame(rows, columns=EXPLANATION_COLUMNS)
        return frame.astype({"start": "int64", "end": "int64", "contribution": "float64"})

    @cached_property
    def _dense_terms(self) -> list[tuple[str, float, float, float]]:
        """``dense`` as a list of ``(name, mean, scale, weight)``, in its order."""
        return [(name, *terms) for name, terms in self.dense.items()]

    @cached_property
    def _word_cache(self) -> dict[str, tuple]:
        """Per lower-cased word, what :meth:`logit` reads of it (see :meth:`_word_entry`);
        keyed on word types, so it stays small, and cleared past ``_WORD_CACHE_SIZE``."""
        return {}

    def _word_entry(self, word: str) -> tuple:
        """``(unigram weight, second word -> pair weight or None, Pattern subjectivity or
        None, absolute VADER valence or None, whether an -ly word, stem, word-bias rate of
        the stem)`` of a lower-cased word."""
        cache = self._word_cache
        if len(cache) > _WORD_CACHE_SIZE:
            cache.clear()
        unigrams, bigrams = self._gram_tables
        valence = vader().lexicon.get(word)
        stem = _stem(word)
        entry = cache[word] = (unigrams.get(word), bigrams.get(word),
                               subjectivity_lexicon().get(word),
                               None if valence is None else abs(valence),
                               word.endswith("ly") and len(word) > 3,
                               stem, self.word_bias.get(stem, self.prior))
        return entry

    def logit(self, text: str, *, spans: Sequence[Span] | None = None) -> float:
        """The model's logit for one sentence.

        The same sums as :func:`_dense_values` and the n-gram weights of :func:`_values`,
        each added in the same order (so the same float as summing ``ngrams.get(gram,
        0.0)``, as ``tests/test_bias_model.py`` checks), in one pass over the words: each
        word type's weights and lexicon values are looked up once (:meth:`_word_entry`),
        and word pairs by their first word without building the pair's string. The
        ``word_bias_*`` sums of :func:`_word_bias_values` are taken in the same pass, from
        each word's cached stem and rate, each stem once in order of first occurrence.
        """
        tokens = _tokens(text)
        n = len(tokens)
        cache = self._word_cache
        grams = 0
        previous = None
        subj_values = []
        strong = valence_sum = ly_words = 0
        seen = set()
        bias_sum = bias_norm = hits = 0
        best = None
        root = math.sqrt(n) if n else 1.0
        for w in map(_WORD, tokens):
            entry = cache.get(w)
            if entry is None:
                entry = self._word_entry(w)
            unigram, pairs, subj, size, ly, stem, rate = entry
            if unigram:
                grams += unigram
            if previous is not None:
                weight = previous.get(w)
                if weight:
                    grams += weight
            previous = pairs
            if subj is not None:
                subj_values.append(subj)
                if subj >= 0.5:
                    strong += 1.0
            if size is not None:
                valence_sum += size
            if ly:
                ly_words += 1.0
            if stem not in seen:
                seen.add(stem)
                bias_sum += rate
                bias_norm += rate / root
                if rate > WORD_BIAS_HIT:
                    hits += 1.0
                if best is None or rate > best:
                    best = rate
        values = dict.fromkeys(DENSE_FEATURES, 0)
        values.update(word_bias_sum=bias_sum, word_bias_norm=bias_norm, word_bias_hits=hits,
                      word_bias_max=0 + (self.prior if best is None else best),
                      strong_subjective=strong, valence_sum=valence_sum, ly_words=ly_words)
        for span in find_cues(text) if spans is None else spans:
            key = _CUE_KEYS.get(span.category)
            if key is not None:
                values[key] += 1.0
        values.update(_sentence_values(text, subj_values, n))
        total = self.intercept + grams
        for name, mean, scale, weight in self._dense_terms:
            total += weight * (values.get(name, 0) - mean) / scale
        return total

    def probability(self, text: str, *, spans: Sequence[Span] | None = None,
                    offset: float = 0.0) -> float:
        """P(biased) for one sentence; NaN for a text without words. ``offset`` is added to
        the logit (the optional sentence-embedding term of :mod:`toolkit.embedding_terms`)."""
        if not _TOKEN.search(text):
            return float("nan")
        return sigmoid(self.logit(text, spans=spans) + offset)


def sigmoid(x: float) -> float:
    """The logistic function, safe for large ``|x|`` (``math.exp`` overflows past 709)."""
    if x < -700.0:
        z = math.exp(x)
        return z / (1.0 + z)
    return 1.0 / (1.0 + math.exp(-x))


def _model_resource():
    return files("toolkit").joinpath("models", MODEL_FILE)


@lru_cache(maxsize=1)
def _bundled() -> tuple[BiasModel | None, str]:
    try:
        data = json.loads(_model_resource().read_text(encoding="utf-8"))
    except OSError as exc:
        return None, (f"bias_probability is NaN: the bias model file toolkit/models/{MODEL_FILE} "
                      f"could not be read ({exc.__class__.__name__}); rebuild it with "
                      f"`python -m toolkit train-bias`")
    return BiasModel.from_json(data), ""


def load_bias_model(path: str | Path | None = None) -> BiasModel | None:
    """The bundled model (cached), or the one saved at ``path``.

    Returns ``None``, with a :class:`RuntimeWarning` that says why, when the bundled file is
    missing; callers then report NaN.
    """
    if path is not None:
        return BiasModel.load(path)
    model, reason = _bundled()
    if model is None:
        warnings.warn(reason, RuntimeWarning, stacklevel=2)
    return model


def bias_probability(text: str, *, model: BiasModel | None = None,
                     spans: Sequence[Span] | None = None) -> float:
    """P(the sentence is biased), from the bundled model unless ``model`` is given.

    NaN, with a warning, when the bundled weights are missing.

    Examples
    --------
    >>> bias_probability("Critics slammed the radical, reckless scheme.") > bias_probability(
    ...     "The committee will meet on Tuesday.")
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    model = load_bias_model() if model is None else model
    if model is None:
        return float("nan")
    return model.probability(text, spans=spans)


def bias_probabilities(texts: Iterable[str], *, model: BiasModel | None = None) -> np.ndarray:
    """:func:`bias_probability` for many sentences."""
    texts = list(texts)
    model = load_bias_model() if model is None else model
    if model is None:
        return np.full(len(texts), np.nan)
    return np.array([model.probability(t) for t in texts], dtype=float)


def explain_bias(text: str, *, model: BiasModel | None = None,
                 embeddings: bool = False) -> pd.DataFrame:
    """Each piece of evidence's contribution to the bias logit of one sentence.

    Returns
    -------
    DataFrame
        ``start, end, text, feature, kind, contribution``. ``kind`` is ``ngram`` (a known
        word or word pair), ``word_bias`` (a word of the learned word-bias lexicon), ``cue``
        (a cue span), ``lexicon`` (a subjective, valenced or ``-ly`` word), ``sentence`` (a
        sentence-level figure, ``start == end == -1``) or ``baseline`` (intercept and
        centring). The contributions sum to the logit, so
        ``1 / (1 + exp(-frame.contribution.sum()))`` is :func:`bias_probability`. Empty when
        the model file is missing. With ``embeddings=True`` (the optional extra) one more
        row, feature ``"sentence embedding"`` and kind ``embedding``, holds the
        sentence-embedding term (:mod:`toolkit.embedding_terms`); the word rows are
        unchanged and the sum is the logit of ``score_sentences(..., embeddings=True)``.

    Examples
    --------
    >>> frame = explain_bias("Critics slammed the radical scheme.")
    >>> top = frame[frame.start >= 0].groupby("text").contribution.sum().idxmax()
    >>> top in {"slammed", "radical", "Critics", "scheme"}
    True
    """
    model = load_bias_model() if model is None else model
    if model is None:
        return pd.DataFrame(columns=EXPLANATION_COLUMNS)
    frame = model.explain(text)
    if embeddings:
        from .embedding_terms import EMBEDDING_FEATURE, embedding_values

        value = float(embedding_values([text], "bias")[0])
        frame.loc[len(frame)] = [-1, -1, "", EMBEDDING_FEATURE, "embedding", value]
    return frame


# --------------------------------------------------------------------------- training
def read_training_data(paths: Sequence[str | Path]) -> pd.DataFrame:
    """Read labelled sentences: CSV files with ``text`` and ``label`` (1 biased, 0 not), and
    optionally ``biased_words`` (a JSON list). Texts that repeat keep their first row, so list
    the most trusted file first.
    """
    frames = []
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(f"training file {path} does not exist")
        frame = pd.read_csv(path, keep_default_na=False)
        missing = {"text", "label"} - set(frame.columns)
        if missing:
            raise ValueError(f"{path}: missing column(s) {sorted(missing)}; need text and label")
        if "biased_words" not in frame:
            frame["biased_words"] = "[]"
        frame = frame[["text", "label", "biased_words"]].copy()
        frame["label"] = pd.to_numeric(frame["label"], errors="raise").astype(int)
        frames.append(frame)
    data = pd.concat(frames, ignore_index=True).drop_duplicates("text", keep="first")
    bad = set(data["label"].unique()) - {0, 1}
    if bad:
        raise ValueError(f"labels must be 0 or 1, found {sorted(bad)}")
    return data.reset_index(drop=True)


def _marked(value) -> set[str]:
    if isinstance(value, str):
        value = json.loads(value) if value.strip() else []
    return {_stem(str(w).lower()) for w in value or [] if str(w).strip()}


def _learn_word_bias(frame: pd.DataFrame, *, alpha: float) -> tuple[dict[str, float], float]:
    seen: Counter = Counter()
    marked: Counter = Counter()
    for text, words in zip(frame["text"], frame["biased_words"]):
        stems = {_stem(w) for _, _, w in _tokens(text)}
        gold = _marked(words)
        seen.update(stems)
        marked.update(stems & gold)
    total = sum(seen.values())
    prior = sum(marked.values()) / total if total else 0.0
    return {w: (marked[w] + alpha * prior) / (n + alpha) for w, n in seen.items()}, prior


def _folds(labels: np.ndarray, k: int, seed: int):
    from sklearn.model_selection import StratifiedKFold

    k = max(2, min(k, int(np.bincount(labels).min()))) if len(set(labels)) > 1 else 0
    if k < 2:
        return []
    return list(StratifiedKFold(k, shuffle=True, random_state=seed).split(labels, labels))


def _dense_matrix(all_parts: list[_Parts]) -> np.ndarray:
    return np.array([[p.value(n) for n in DENSE_FEATURES] for p in all_parts], dtype=float)


def train_bias_model(frame: pd.DataFrame, *, C: float = 0.05, alpha: float = 1.0,
                     min_count: int = 2, inner_folds: int = 5, seed: int = 0,
                     meta: dict | None = None) -> BiasModel:
    """Fit the model on ``text``, ``label`` and (optionally) ``biased_words``.

    The word-bias features of the training rows come from lexicons learned on the other
    ``inner_folds`` folds, so the regression sees them as it will on new text; the saved
    lexicon is learned on all rows. Word features need ``min_count`` training sentences.
    """
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    labels = frame["label"].astype(int).to_numpy()
    if len(set(labels)) < 2:
        raise ValueError("training data needs both labels, 0 and 1")
    texts = frame["text"].astype(str).tolist()
    word_bias, prior = _learn_word_bias(frame, alpha=alpha)
    # Out-of-fold word-bias lexicons for the training rows.
    parts: list[_Parts | None] = [None] * len(texts)
    folds = _folds(labels, inner_folds, seed)
    for train, test in folds:
        lexicon, fold_prior = _learn_word_bias(frame.iloc[train], alpha=alpha)
        for i in test:
            parts[i] = _parts(texts[i], lexicon, fold_prior)
    for i, p in enumerate(parts):
        if p is None:
            parts[i] = _parts(texts[i], word_bias, prior)
    counts: Counter = Counter()
    for p in parts:
        counts.update({g for *_, g in p.ngrams})
    vocabulary = {g: j for j, g in enumerate(sorted(g for g, c in counts.items()
                                                     if c >= min_count))}
    rows, cols = [], []
    for i, p in enumerate(parts):
        for j in {vocabulary[g] for *_, g in p.ngrams if g in vocabulary}:
            rows.append(i)
            cols.append(j)
    words = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)),
                              shape=(len(texts), len(vocabulary)))
    dense = _dense_matrix(parts)
    mean = dense.mean(axis=0)
    scale = dense.std(axis=0)
    scale[scale == 0] = 1.0
    X = sparse.hstack([words, sparse.csr_matrix((dense - mean) / scale)]).tocsr()
    model = LogisticRegression(C=C, max_iter=5000)
    model.fit(X, labels)
    coef = model.coef_[0]
    names = sorted(vocabulary, key=vocabulary.get)
    ngrams = {g: round(float(w), 6) for g, w in zip(names, coef[:len(names)])
              if abs(w) >= 1e-6}
    dense_weights = {n: (round(float(m), 6), round(float(s), 6), round(float(w), 6))
                     for n, m, s, w in zip(DENSE_FEATURES, mean, scale, coef[len(names):])}
    info = {"C": C, "alpha": alpha, "min_count": min_count, "n_rows": int(len(texts)),
            "n_biased": int(labels.sum()), **(meta or {})}
    return BiasModel(intercept=float(model.intercept_[0]), ngrams=ngrams, dense=dense_weights,
                     word_bias={w: round(r, 5) for w, r in sorted(word_bias.items())},
                     prior=float(prior), meta=info)


def cross_validate_bias(frame: pd.DataFrame, *, folds: int = 5, seed: int = 0,
                        evaluate: np.ndarray | None = None, **options) -> dict[str, float]:
    """An honest estimate: train on k-1 folds, score the held-out fold, pool the predictions.

    ``evaluate`` (a boolean mask) restricts the scored rows, for example to BABE's rows
    when MBIC rows also train. Returns ``macro_f1`` (threshold 0.5) and ``auc``.
    """
    from .validation import macro_f1, roc_auc

    labels = frame["label"].astype(int).to_numpy()
    predicted = np.full(len(frame), np.nan)
    for number, (train, test) in enumerate(_folds(labels, folds, seed)):
        model = train_bias_model(frame.iloc[train].reset_index(drop=True), seed=seed, **options)
        predicted[test] = [model.probability(t) for t in frame["text"].iloc[test]]
        log.info("bias model CV fold %d/%d done", number + 1, folds)
    mask = np.ones(len(frame), bool) if evaluate is None else np.asarray(evaluate, bool)
    return {"macro_f1": macro_f1(labels[mask], (predicted[mask] >= 0.5).astype(int)),
            "auc": roc_auc(labels[mask], predicted[mask]), "folds": folds, "seed": seed}


def _sentence_values(text: str, subj_values: list[float], n: int) -> dict[str, float]:
    """The whole-sentence features: VADER's four scores, Pattern subjectivity, length."""
    # The shared cached scores, read only (vader_scores would copy them).
    scores = vader_pass(text)[1] if text.strip() else {"neg": 0.0, "neu": 0.0, "pos": 0.0,
                                                       "compound": 0.0}
    return {"vader_neg": scores["neg"], "vader_neu": scores["neu"],
            "vader_pos": scores["pos"], "vader_compound": scores["compound"],
            "vader_abs_compound": abs(scores["compound"]),
            "subjectivity_mean": sum(subj_values) / len(subj_values) if subj_values else 0.0,
            "subjectivity_max": max(subj_values, default=0.0),
            "log_words": math.log1p(n)}

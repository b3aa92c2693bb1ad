"""News-calibrated tone: a ridge calibration of VADER and lexicon features on news ratings.

Plain VADER correlates about 0.5 with the mean human rating of New York Times editorial
sentences. :func:`news_tone` is a linear model learned on those ratings (VADER NYT dev,
Hutto & Gilbert 2014, MIT licence) over:

- ``sentence`` features: VADER's ``neg``, ``neu``, ``pos``, ``compound``; the sum of VADER's
  rule-adjusted word valences and its positive and negative parts; the Pattern lexicon's
  polarity and subjectivity (TextBlob); the log number of words;
- ``cue`` features: the number of cue spans of each category;
- ``news`` words: TF-IDF weights of words, with weights learned on the NYT ratings;
- ``general`` words: a ridge model of word TF-IDF learned on VADER's movie-review, product-review
  and tweet ratings (same licence), entered as one feature, ``general_tone``;
- ``polarity`` words: a ridge model of word TF-IDF learned on NewsMTSC's news sentences (the
  mean polarity of the people each sentence mentions; Hamborg & Donnay 2021, MIT licence),
  entered as one feature, ``news_polarity``.

Words are Snowball stems ("praised" and "praise" share a weight), which the grouped
cross-validation preferred to plain words (article r 0.642 against 0.629).

Everything is linear, so :func:`explain_tone` splits the score into one contribution per word
or figure. The output is the predicted rating divided by 4 (the raters' scale is -4..4) and
clipped to -1..1. The weights live in ``toolkit/models/tone_nyt.json``; when the file is
missing, :func:`news_tone` falls back to VADER's compound with a warning.
"""
from __future__ import annotations

import json
import logging
import math
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib.resources import files
from itertools import chain
from operator import itemgetter
from pathlib import Path

import numpy as np
import pandas as pd

from .cues import CUE_CATEGORIES, find_cues
from .cues import _stem
from .cues import lower_stems as _stems  # one stem pass per sentence for every model
from .model_files import JsonModelFile, check_format
from .segmentation import lower_words
from .sentiment import vader_pass, vader_scores
from .subjectivity import pattern_scores
from .sums import added_in_order, column_sums, places
from .spans import Span

__all__ = ["ToneModel", "load_tone_model", "news_tone", "explain_tone", "train_tone_model",
           "cross_validate_tone", "cv_groups", "newsmtsc_polarity", "TONE_FILE", "TONE_COLUMNS"]

log = logging.getLogger(__name__)

TONE_FILE = "tone_nyt.json"
FORMAT = "toolkit-tone-ridge/2"
#: Columns of :func:`explain_tone`.
TONE_COLUMNS = ["start", "end", "text", "feature", "kind", "contribution"]
_SCALE = 4.0
#: Word types whose stem rows :meth:`ToneModel.ratings` keeps (a word-type cache).
_WORD_CACHE_SIZE = 100_000
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*")

SENTENCE_FEATURES = ("vader_neg", "vader_neu", "vader_pos", "vader_compound", "vader_sum",
                     "vader_pos_sum", "vader_neg_sum", "pattern_polarity",
                     "pattern_subjectivity", "log_words")
DENSE_FEATURES = (*SENTENCE_FEATURES, *(f"cue_{c}" for c in CUE_CATEGORIES), "general_tone",
                  "news_polarity")
#: Dense features that are word models, with the ToneModel attribute holding their words.
_WORD_MODELS = {"general_tone": "general", "news_polarity": "polarity"}


def _tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    return lower_words(text)


_WORD = itemgetter(2)          # the lower-cased word of a lower_words token


def _terms(text: str) -> list[tuple[int, int, str]]:
    """Word tokens keyed by their Snowball stem, the unit that carries a weight."""
    return [(s, e, stem) for (s, e, _), stem in zip(_tokens(text), _stems(text))]


def _analyzer(text: str) -> list[str]:
    return [w for *_, w in _terms(text)]


def _term_counts(tokens: list[tuple[int, int, str]]
                 ) -> tuple[dict[str, int], dict[str, tuple[int, int]]]:
    """Each term's count and first ``(start, end)``, in order of first occurrence."""
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, int]] = {}
    for s, e, w in tokens:
        if w in counts:
            counts[w] += 1
        else:
            counts[w] = 1
            first[w] = (s, e)
    return counts, first


def _tfidf(tokens: list[tuple[int, int, str]], idf: dict[str, float], *, counted=None):
    """sklearn's ``TfidfVectorizer(sublinear_tf=True)`` for one text: word -> (value, first).

    ``counted`` is :func:`_term_counts` of ``tokens`` when already computed (a sentence is
    weighed against three vocabularies)."""
    counts, first = _term_counts(tokens) if counted is None else counted
    values = {w: (1.0 + math.log(c)) * idf[w] for w, c in counts.items() if w in idf}
    norm = math.sqrt(sum(v * v for v in values.values()))
    return {w: (v / norm, first[w]) for w, v in values.items()} if norm else {}


_CUE_FEATURES = tuple((c, f"cue_{c}") for c in CUE_CATEGORIES)
#: The plain (not word-model) dense features, in the order of :func:`_feature_vector`.
_VECTOR_NAMES = (*SENTENCE_FEATURES, *(name for _, name in _CUE_FEATURES))
_EMPTY_VECTOR = [1.0 if n == "vader_neu" else 0.0 for n in _VECTOR_NAMES]


def _sentence_features(text: str, spans: Sequence[Span] | None) -> dict[str, float]:
    """The plain dense features of a sentence by name (:func:`_feature_vector`)."""
    return dict(zip(_VECTOR_NAMES, _feature_vector(text, spans)))


def _feature_vector(text: str, spans: Sequence[Span] | None) -> list[float]:
    """The values of ``_VECTOR_NAMES`` for a sentence: VADER's and Pattern's figures, the
    log number of words and the count of each cue category (``spans``: the cue spans, or
    ``None`` to find them)."""
    if not text.strip():
        return list(_EMPTY_VECTOR)
    # One cached VADER pass gives the scores and the valences (read, not copied).
    valences, scores = vader_pass(text)
    polarity, subjectivity = pattern_scores(text)
    positive = negative = 0
    for v in valences:
        if v > 0:
            positive += v
        elif v < 0:
            negative += v
    out = [scores["neg"], scores["neu"], scores["pos"], scores["compound"],
           float(sum(valences)), float(positive), float(negative), polarity, subjectivity,
           math.log1p(len(_tokens(text)))]
    # A sentence holds few cue spans: a plain dict counts them for less than a Counter.
    counts: dict[str, int] = {}
    for span in find_cues(text) if spans is None else spans:
        counts[span.category] = counts.get(span.category, 0) + 1
    out.extend([float(counts.get(c, 0)) for c in CUE_CATEGORIES])
    return out


@dataclass(frozen=True)
class ToneModel(JsonModelFile):
    """Learned calibration weights: plain dicts, no scikit-learn object.

    ``news``, ``general`` and ``polarity`` map a word stem to ``(idf, weight)``; ``dense``
    maps a feature to ``(mean, scale, weight)``; ``general_intercept`` and
    ``polarity_intercept`` are the intercepts of the two word models.
    """

    intercept: float
    dense: dict[str, tuple[float, float, float]]
    news: dict[str, tuple[float, float]]
    general: dict[str, tuple[float, float]]
    general_intercept: float
    meta: dict = field(default_factory=dict)
    polarity: dict[str, tuple[float, float]] = field(default_factory=dict)
    polarity_intercept: float = 0.0

    def __post_init__(self):
        object.__setattr__(self, "_news_idf", {k: v[0] for k, v in self.news.items()})
        object.__setattr__(self, "_idf", {
            name: {k: v[0] for k, v in getattr(self, name).items()}
            for name in _WORD_MODELS.values()})
        object.__setattr__(self, "_baseline", self._fixed_baseline())
        # For rating(): each stem's (idf, weight) in the general, polarity and news word
        # tables at once (None where a table lacks it), so a sentence's stems are looked up
        # once, not once per table.
        tables = (self.general, self.polarity, self.news)
        object.__setattr__(self, "_by_stem", {
            stem: tuple(t.get(stem) for t in tables) for stem in set().union(*tables)})
        # The same for a stem seen once: ((value, weight), value * value) per table, flat
        # (rating appends the ready pair rather than slicing a new one per stem).
        object.__setattr__(self, "_once", {
            stem: tuple(x for e in entries for x in (
                (None, None) if e is None else ((1.0 * e[0], e[1]), (1.0 * e[0]) * (1.0 * e[0]))))
            for stem, entries in self._by_stem.items()})
        object.__setattr__(self, "_dense_terms", [
            (name, _WORD_MODELS.get(name), mean, scale, weight)
            for name, (mean, scale, weight) in self.dense.items()])

    def to_json(self) -> dict:
        return {"format": FORMAT, "meta": self.meta, "intercept": self.intercept,
                "general_intercept": self.general_intercept,
                "polarity_intercept": self.polarity_intercept,
                "dense": {k: list(v) for k, v in self.dense.items()},
                "news": {k: list(v) for k, v in self.news.items()},
                "general": {k: list(v) for k, v in self.general.items()},
                "polarity": {k: list(v) for k, v in self.polarity.items()}}

    @classmethod
    def from_json(cls, data: dict) -> "ToneModel":
        check_format(data, FORMAT, "a tone model")

        def table(d):
            return {k: (float(v[0]), float(v[1])) for k, v in d.items()}

        return cls(intercept=float(data["intercept"]),
                   general_intercept=float(data["general_intercept"]),
                   dense={k: tuple(map(float, v)) for k, v in data["dense"].items()},
                   news=table(data["news"]), general=table(data["general"]),
                   polarity=table(data.get("polarity", {})),
                   polarity_intercept=float(data.get("polarity_intercept", 0.0)),
                   meta=data.get("meta", {}))


    def explain(self, text: str, *, spans: Sequence[Span] | None = None) -> pd.DataFrame:
        """Contributions to the (unclipped) tone; see :func:`explain_tone`."""
        frame = pd.DataFrame(self._contributions(text, spans), columns=TONE_COLUMNS)
        frame["contribution"] = frame["contribution"].astype(float) / _SCALE
        return frame.astype({"start": "int64", "end": "int64"})

    def _contributions(self, text: str, spans: Sequence[Span] | None) -> list[tuple]:
        return [(*(at or (-1, -1)), text[at[0]:at[1]] if at else "", feature, kind, value)
                for feature, kind, at, value in self._scored(text, spans)]

    def _scored(self, text: str, spans: Sequence[Span] | None, features: dict | None = None):
        """Each contribution in order, ``(feature, kind, (start, end) or None, value)``: the
        words of the word models and figures of the dense features, then the news words,
        then the baseline. ``features`` are the text's :func:`_sentence_features`, when
        already computed."""
        tokens = _terms(text)
        counted = _term_counts(tokens)
        if features is None:
            features = _sentence_features(text, spans)
        for name, (mean, scale, weight) in self.dense.items():
            if name in _WORD_MODELS:
                kind = _WORD_MODELS[name]
                table = getattr(self, kind)
                for w, (value, at) in _tfidf(tokens, self._idf[kind], counted=counted).items():
                    yield w, kind, at, weight * value * table[w][1] / scale
            elif features.get(name):
                kind = "cue" if name.startswith("cue_") else "sentence"
                yield name, kind, None, weight * features[name] / scale
        for w, (value, at) in _tfidf(tokens, self._news_idf, counted=counted).items():
            yield w, "news", at, value * self.news[w][1]
        yield "baseline", "baseline", None, self._baseline

    def _fixed_baseline(self) -> float:
        """The intercept with each dense feature's mean (and each word model's intercept)
        taken into account: the same for every text."""
        baseline = self.intercept
        for name, (mean, scale, weight) in self.dense.items():
            baseline -= weight * mean / scale
            if name in _WORD_MODELS:
                baseline += weight * getattr(self, f"{_WORD_MODELS[name]}_intercept") / scale
        return baseline

    def rating(self, text: str, *, spans: Sequence[Span] | None = None,
               features: dict | None = None) -> float:
        """The predicted human rating on the -4..4 scale.

        The sum of :meth:`explain`'s contributions (``_scored``), computed without building
        them: the same terms, each by the same arithmetic, added in the same order, so the
        two agree to the last bit (``tests/test_tone.py``).
        """
        if features is None:
            features = _sentence_features(text, spans)
        # Each table's (tf-idf value before normalising, weight) per stem, in order of first
        # occurrence, as _tfidf gives them, and the sum of the squared values in that order.
        # A stem seen once has tf 1.0 + log(1) == 1.0, so its value is the idf itself
        # (1.0 * idf == idf) and its square is precomputed (_once).
        general, polarity, news = [], [], []
        square_g = square_p = square_n = 0
        by_stem, once = self._by_stem, self._once
        log = math.log
        counts: dict[str, int] = {}                 # Counter's counts, in the same order
        # The stems of lower_stems(text), each from the word-keyed stem cache, without
        # building the sentence's tuple (no other step of analyze reads it).
        for stem in map(_stem, map(_WORD, _tokens(text))):
            counts[stem] = counts.get(stem, 0) + 1
        for stem, count in counts.items():
            if count == 1:
                entries = once.get(stem)
                if entries is None:
                    continue
                g, g2, p, p2, n, n2 = entries
                if g is not None:
                    general.append(g)
                    square_g += g2
                if p is not None:
                    polarity.append(p)
                    square_p += p2
                if n is not None:
                    news.append(n)
                    square_n += n2
                continue
            entries = by_stem.get(stem)
            if entries is None:
                continue
            tf = 1.0 + log(count)
            g, p, n = entries
            if g is not None:
                v = tf * g[0]
                general.append((v, g[1]))
                square_g += v * v
            if p is not None:
                v = tf * p[0]
                polarity.append((v, p[1]))
                square_p += v * v
            if n is not None:
                v = tf * n[0]
                news.append((v, n[1]))
                square_n += v * v
        words = {"general": (general, square_g), "polarity": (polarity, square_p)}
        total = 0
        for name, kind, mean, scale, weight in self._dense_terms:
            if kind is not None:
                found, square = words[kind]
                norm = math.sqrt(square)
                if norm:
                    for v, coef in found:
                        total += weight * (v / norm) * coef / scale
            else:
                value = features.get(name)
                if value:
                    total += weight * value / scale
        norm = math.sqrt(square_n)
        if norm:
            for v, coef in news:
                total += v / norm * coef
        total += self._baseline
        return float(total)

    @cached_property
    def _stem_arrays(self) -> tuple[dict[str, int], dict[str, tuple], tuple]:
        """For :meth:`ratings`: a row per stem of any word table (``stem -> row``); each
        table's ``(has, idf, weight)`` arrays over the rows; and the terms of a rating in
        their order, as runs: ``("dense", columns of _VECTOR_NAMES (-1: not there),
        weights, scales)`` for plain features, ``("words", kind, weight, scale)`` for a
        word model, and last ``("news", "news", 1.0, 1.0)``."""
        tables = {"general": self.general, "polarity": self.polarity, "news": self.news}
        row = {stem: i for i, stem in enumerate(sorted(set().union(*tables.values())))}
        arrays = {}
        for kind, table in tables.items():
            at = np.array([row[stem] for stem in table], dtype=np.int64)
            has = np.zeros(len(row), dtype=bool)
            has[at] = True
            idf, weight = np.zeros(len(row)), np.zeros(len(row))
            idf[at] = [v[0] for v in table.values()]
            weight[at] = [v[1] for v in table.values()]
            arrays[kind] = (has, idf, weight)
        column = {name: i for i, name in enumerate(_VECTOR_NAMES)}
        runs: list[tuple] = []
        for name, kind, mean, scale, weight in self._dense_terms:
            if kind is not None:
                runs.append(("words", kind, weight, scale))
                continue
            if not runs or runs[-1][0] != "dense":
                runs.append(("dense", [], [], []))
            runs[-1][1].append(column.get(name, -1))
            runs[-1][2].append(weight)
            runs[-1][3].append(scale)
        runs.append(("news", "news", 1.0, 1.0))
        return row, arrays, tuple(
            (r[0], np.array(r[1]), np.array(r[2]), np.array(r[3])) if r[0] == "dense" else r
            for r in runs)

    @cached_property
    def _word_rows(self) -> dict[str, int]:
        """Lower-cased word -> its stem's row in ``_stem_arrays`` (-1 for a stem in no word
        table): a word-type cache for :meth:`ratings`, cleared past ``_WORD_CACHE_SIZE``."""
        return {}

    def _rows_of(self, words: list[str]) -> list[int]:
        """The ``_word_rows`` of ``words``, filling the cache for new words."""
        cache = self._word_rows
        rows = list(map(cache.get, words))
        if None in rows:
            if len(cache) > _WORD_CACHE_SIZE:
                cache.clear()
            stem_row = self._stem_arrays[0]
            for i in [i for i, r in enumerate(rows) if r is None]:
                rows[i] = cache[words[i]] = stem_row.get(_stem(words[i]), -1)
        return rows

    def ratings(self, texts: Sequence[str], *, spans: Sequence[Sequence[Span] | None],
                features: Sequence[dict] | None = None) -> list[float]:
        """:meth:`rating` of each of ``texts`` (``spans``: each text's cue spans, or
        ``None``), computed for all of them at once and equal to it to the last bit
        (``tests/test_tone.py``); ``features`` as :meth:`rating` takes them, one per text.

        What :meth:`rating` does stem by stem and feature by feature in Python is done here
        with array operations over all the texts (an article's sentences), element by
        element with the same operations: each text's stems are counted with one
        ``np.unique`` in order of first occurrence, and each term is computed as in
        ``rating`` (``tf * idf``, ``weight * (v / norm) * coef / scale``,
        ``weight * value / scale``). The sums keep ``rating``'s order: each text's terms
        are laid out in a column of a matrix in that order and added down the column one
        by one (:func:`~toolkit.sums.added_in_order`), as ``rating`` adds them. A term
        ``rating`` skips (a zero feature, a word table without a stem of the text) is
        ``-0.0`` in the matrix, which leaves any sum unchanged.
        """
        n = len(texts)
        if not n:
            return []
        if features is None:
            vectors = [_feature_vector(t, s) for t, s in zip(texts, spans)]
        else:
            vectors = [[f.get(name) or 0.0 for name in _VECTOR_NAMES] for f in features]
        values = np.append(np.array(vectors, dtype=float).reshape(n, len(_VECTOR_NAMES)),
                           np.zeros((n, 1)), axis=1)      # column -1: a feature not there
        row, arrays, runs = self._stem_arrays
        size = max(len(row), 1)
        tokens = [_tokens(t) for t in texts]
        rows = np.array(self._rows_of(list(map(_WORD, chain.from_iterable(tokens)))),
                        dtype=np.int64)
        text_of = np.repeat(np.arange(n, dtype=np.int64), [len(t) for t in tokens])
        known = rows >= 0
        # Each text's stems and their counts, in order of first occurrence in the text (the
        # order of rating's counts): the unique (text, stem) keys, ordered by first position.
        keys, first, counts = np.unique(text_of[known] * size + rows[known],
                                        return_index=True, return_counts=True)
        order = np.argsort(first, kind="stable")
        keys, counts = keys[order], counts[order]
        text_of, rows = keys // size, keys % size
        # tf = 1.0 + log(count) by math.log, as rating computes it; 1.0 for a stem seen once.
        tf = np.array([0.0, 1.0, *(1.0 + math.log(c) for c in
                                   range(2, int(counts.max(initial=1)) + 1))])[counts]
        # Each word table's stems in the texts: their text, place in the text's run of the
        # table's terms, and tf-idf values v; the squares of v summed per text and table in
        # order, all tables at once (column_sums), then the norms.
        found = {}
        for kind, (has, idf, coef) in arrays.items():
            take = has[rows]
            at = text_of[take]
            found[kind] = (at, places(at),
                           tf[take] * idf[rows[take]], coef[rows[take]])
        kinds = list(found)
        norms = dict(zip(kinds, np.sqrt(column_sums(      # np.sqrt: correctly rounded
            np.concatenate([found[k][0] + i * n for i, k in enumerate(kinds)]),
            np.concatenate([found[k][1] for k in kinds]),
            np.concatenate([found[k][2] * found[k][2] for k in kinds]),
            n * len(kinds))).reshape(len(kinds), n)))
        # Each run's terms, and how many each text has (its width).
        pieces, widths = [], []
        everyone = np.arange(n)
        for run in runs:
            if run[0] == "dense":
                _, columns, weight, scale = run
                chosen = values[:, columns]
                terms = weight * chosen / scale
                terms[chosen == 0] = -0.0
                pieces.append((None, None, terms))
                widths.append(np.full(n, len(columns)))
                continue
            _, kind, weight, scale = run
            at, within, v, coef = found[kind]
            norm = norms[kind][at]
            with np.errstate(divide="ignore", invalid="ignore"):
                if kind == "news":
                    terms = v / norm * coef
                else:
                    terms = weight * (v / norm) * coef / scale
            terms[norm == 0] = -0.0         # rating skips a table with a zero norm
            pieces.append((at, within, terms))
            widths.append(np.bincount(at, minlength=n))
        offsets = np.cumsum([np.zeros(n, dtype=np.int64), *widths], axis=0)
        matrix = np.full((int(offsets[-1].max()), n), -0.0)
        for (at, within, terms), start in zip(pieces, offsets):
            if at is None:
                matrix[start[:, None] + np.arange(terms.shape[1]), everyone[:, None]] = terms
            else:
                matrix[start[at] + within, at] = terms
        return (added_in_order(matrix) + self._baseline).tolist()

    def tone(self, text: str, *, spans: Sequence[Span] | None = None,
             features: dict | None = None, offset: float = 0.0) -> float:
        """The calibrated tone, -1..1; ``offset`` is added to the rating (the optional
        sentence-embedding term of :mod:`toolkit.embedding_terms`)."""
        return min(1.0, max(-1.0, (self.rating(text, spans=spans, features=features) + offset)
                            / _SCALE))

    def tones(self, texts: Sequence[str], *, spans: Sequence[Sequence[Span] | None]
              ) -> list[float]:
        """:meth:`tone` of each of ``texts`` (no offset), from :meth:`ratings`: the same
        floats, computed for all the texts at once."""
        return [min(1.0, max(-1.0, (rating + 0.0) / _SCALE))
                for rating in self.ratings(texts, spans=spans)]


def _model_resource():
    return files("toolkit").joinpath("models", TONE_FILE)


@lru_cache(maxsize=1)
def _bundled() -> tuple[ToneModel | None, str]:
    try:
        data = json.loads(_model_resource().read_text(encoding="utf-8"))
    except OSError as exc:
        return None, (f"sentiment falls back to plain VADER: the tone calibration file "
                      f"toolkit/models/{TONE_FILE} could not be read ({exc.__class__.__name__}); "
                      f"rebuild it with `python -m toolkit train-tone`")
    return ToneModel.from_json(data), ""


def load_tone_model(path: str | Path | None = None) -> ToneModel | None:
    """The bundled calibration (cached) or the one at ``path``; ``None`` with a warning when
    the bundled file is missing."""
    if path is not None:
        return ToneModel.load(path)
    model, reason = _bundled()
    if model is None:
        warnings.warn(reason, RuntimeWarning, stacklevel=2)
    return model


def news_tone(text: str, *, model: ToneModel | None = None,
              spans: Sequence[Span] | None = None) -> float:
    """Tone of one sentence, -1..1, calibrated on news ratings.

    ``spans`` are the sentence's cue spans, when already found (offsets into ``text``).

    Examples
    --------
    >>> news_tone("A wonderful, generous gift.") > 0 > news_tone("A cruel and deadly attack.")
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    model = load_tone_model() if model is None else model
    if model is None:
        return vader_scores(text)["compound"] if text.strip() else 0.0
    return model.tone(text, spans=spans)


def explain_tone(text: str, *, model: ToneModel | None = None,
                 embeddings: bool = False) -> pd.DataFrame:
    """Each word's and figure's contribution to :func:`news_tone`.

    Returns
    -------
    DataFrame
        ``start, end, text, feature, kind, contribution``: ``kind`` is ``news``, ``general``
        or ``polarity`` (a word, ``feature`` its stem, located at its first occurrence),
        ``cue``, ``sentence`` (a
        sentence-level figure, ``start == end == -1``) or ``baseline``. The contributions
        sum to the tone before clipping to -1..1. With ``embeddings=True`` (the optional
        extra) one more row, feature ``"sentence embedding"`` and kind ``embedding``, holds
        the sentence-embedding term (:mod:`toolkit.embedding_terms`); the other rows are
        unchanged and the sum is ``score_sentences(..., embeddings=True)``'s tone.

    Examples
    --------
    >>> frame = explain_tone("A wonderful, generous gift.")
    >>> bool(abs(frame.contribution.sum() - news_tone("A wonderful, generous gift.")) < 1e-9)
    True
    """
    model = load_tone_model() if model is None else model
    if model is None:
        return pd.DataFrame(columns=TONE_COLUMNS)
    frame = model.explain(text)
    if embeddings:
        from .embedding_terms import EMBEDDING_FEATURE, embedding_values

        value = float(embedding_values([text], "tone")[0]) / _SCALE
        frame.loc[len(frame)] = [-1, -1, "", EMBEDDING_FEATURE, "embedding", value]
    return frame


# --------------------------------------------------------------------------- training
def _fit_words(texts, targets, *, alpha: float, min_df: int):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import Ridge

    vectorizer = TfidfVectorizer(analyzer=_analyzer, min_df=min_df, sublinear_tf=True)
    matrix = vectorizer.fit_transform(texts)
    ridge = Ridge(alpha=alpha).fit(matrix, targets)
    return vectorizer, ridge


def _general_table(texts, targets, *, alpha: float = 3.0, min_df: int = 2):
    vectorizer, ridge = _fit_words(texts, targets, alpha=alpha, min_df=min_df)
    names = vectorizer.get_feature_names_out()
    table = {w: (round(float(i), 5), round(float(c), 5))
             for w, i, c in zip(names, vectorizer.idf_, ridge.coef_) if abs(c) >= 1e-5}
    return table, float(ridge.intercept_)


def _general_value(tokens, table, intercept) -> float:
    idf = {k: v[0] for k, v in table.items()}
    return intercept + sum(value * table[w][1] for w, (value, _) in _tfidf(tokens, idf).items())


def _feature_rows(texts: Sequence[str], general_table: tuple[dict, float],
                  polarity_table: tuple[dict, float]) -> list[dict[str, float]]:
    """Every dense feature of each text, the two word models' values included."""
    rows = []
    for text in texts:
        features = _sentence_features(text, None)
        terms = _terms(text)
        features["general_tone"] = _general_value(terms, *general_table)
        features["news_polarity"] = _general_value(terms, *polarity_table)
        rows.append(features)
    return rows


def train_tone_model(frame: pd.DataFrame, general: pd.DataFrame | None = None, *,
                     polarity: pd.DataFrame | None = None,
                     alpha: float = 1.0, word_scale: float = 0.5, min_df: int = 2,
                     meta: dict | None = None,
                     general_table: tuple[dict, float] | None = None,
                     polarity_table: tuple[dict, float] | None = None,
                     feature_rows: Sequence[dict] | None = None) -> ToneModel:
    """Fit the calibration on ``frame`` (``text``, ``score`` on -4..4), with ``general``
    (the same columns, other genres) for the general word model and ``polarity`` (``text``,
    ``score``: news sentences with a polarity, such as :func:`newsmtsc_polarity` gives) for
    the news polarity word model.

    ``word_scale`` shrinks the news word features against the standardised figures.
    ``feature_rows`` are :func:`_feature_rows` of ``frame``'s texts with the same word
    model tables, when already computed (cross-validation computes them once).
    """
    from scipy import sparse
    from sklearn.linear_model import Ridge

    texts = frame["text"].astype(str).tolist()
    y = frame["score"].astype(float).to_numpy()
    if general_table is None:
        if general is not None and len(general):
            general_table = _general_table(general["text"].astype(str).tolist(),
                                           general["score"].astype(float).to_numpy())
        else:
            general_table = ({}, 0.0)
    if polarity_table is None:
        polarity_table = _general_table(polarity["text"].astype(str).tolist(),
                                        polarity["score"].astype(float).to_numpy()) \
            if polarity is not None and len(polarity) else ({}, 0.0)
    table, g_intercept = general_table
    p_table, p_intercept = polarity_table
    if feature_rows is None:
        feature_rows = _feature_rows(texts, general_table, polarity_table)
    dense = np.array([[row[n] for n in DENSE_FEATURES] for row in feature_rows], dtype=float)
    mean, scale = dense.mean(axis=0), dense.std(axis=0)
    scale[scale == 0] = 1.0
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer=_analyzer, min_df=min_df, sublinear_tf=True)
    words = vectorizer.fit_transform(texts) * word_scale
    X = sparse.hstack([sparse.csr_matrix((dense - mean) / scale), words]).tocsr()
    ridge = Ridge(alpha=alpha).fit(X, y)
    coef = ridge.coef_
    k = len(DENSE_FEATURES)
    news = {w: (round(float(i), 5), round(float(c) * word_scale, 6))
            for w, i, c in zip(vectorizer.get_feature_names_out(), vectorizer.idf_, coef[k:])
            if abs(c) >= 1e-6}
    dense_weights = {n: (float(m), float(s), float(c))
                     for n, m, s, c in zip(DENSE_FEATURES, mean, scale, coef[:k])}
    info = {"alpha": alpha, "word_scale": word_scale, "min_df": min_df,
            "n_rows": int(len(texts)), **(meta or {})}
    return ToneModel(intercept=float(ridge.intercept_), dense=dense_weights, news=news,
                     general=table, general_intercept=g_intercept, polarity=p_table,
                     polarity_intercept=p_intercept, meta=info)


def newsmtsc_polarity(frame: pd.DataFrame) -> pd.DataFrame:
    """NewsMTSC rows (``text``, ``polarity``) as one row per sentence: ``text``, ``score``
    (the mean polarity, -1..1, of the people the sentence mentions).

    Examples
    --------
    >>> rows = pd.DataFrame({"text": ["a", "a", "b"], "polarity": [1, 0, -1]})
    >>> newsmtsc_polarity(rows).to_dict("list")
    {'text': ['a', 'b'], 'score': [0.5, -1.0]}
    """
    return (frame.groupby("text", sort=True)["polarity"].mean().rename("score")
            .reset_index())


def cv_groups(frame: pd.DataFrame) -> np.ndarray:
    """Cross-validation groups: the article (``id`` before ``_``), with articles that share a
    sentence text (compared lower-cased, punctuation and spacing ignored) merged into one
    group, so that a repeated sentence can never sit on both sides of a fold.

    A merged group takes the label of its first article, so data without repeats across
    articles keep their article labels (and their folds).

    Examples
    --------
    >>> rows = pd.DataFrame({"id": ["1_1", "2_1", "3_1", "3_2"],
    ...                      "text": ["Same words.", "same words", "Other.", "More."]})
    >>> cv_groups(rows).tolist()
    ['1', '1', '3', '3']
    """
    articles = frame["id"].astype(str).str.split("_").str[0].tolist()
    keys = (frame["text"].astype(str).str.lower()
            .str.replace(r"[\W_]+", " ", regex=True).str.strip().tolist())
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for article, key in zip(articles, keys):
        a, t = root("a" + article), root("t" + key)
        if a != t:
            parent[t] = a
    label: dict[str, str] = {}
    for article in articles:
        label.setdefault(root("a" + article), article)
    return np.array([label[root("a" + a)] for a in articles], dtype=object)


def _random_group_folds(groups: np.ndarray, folds: int, seed: int):
    """Grouped folds with the groups dealt to folds in a seeded random order."""
    unique = np.unique(groups.astype(str))
    order = np.random.default_rng(seed).permutation(len(unique))
    fold_of = dict(zip(unique[order], np.arange(len(unique)) % folds))
    which = np.array([fold_of[g] for g in groups.astype(str)])
    return [(np.flatnonzero(which != k), np.flatnonzero(which == k)) for k in range(folds)]


def cross_validate_tone(frame: pd.DataFrame, general: pd.DataFrame | None = None, *,
                        polarity: pd.DataFrame | None = None,
                        folds: int = 5, repeats: int = 1, **options) -> dict[str, float]:
    """Grouped k-fold estimate: articles (``id`` before ``_``) never straddle folds, nor do
    sentences repeated across articles (see :func:`cv_groups`).

    The figures are those ``validate`` computes: Pearson's r of the clipped tone with the
    rating, and of the article means (articles by ``id``). With ``repeats`` > 1 the groups
    are dealt to folds in ``repeats`` seeded random orders (instead of scikit-learn's
    ``GroupKFold``); the figures are the means, with their standard deviations as
    ``pearson_r_sd`` and ``article_pearson_r_sd``.
    """
    from sklearn.model_selection import GroupKFold

    from .validation import group_pearson, pearson

    groups = cv_groups(frame)
    if len(set(groups)) < folds:
        raise ValueError(f"{folds}-fold cross-validation needs at least {folds} groups of "
                         f"articles; the data have {len(set(groups))} (articles that share "
                         f"a sentence count as one)")
    articles = frame["id"].astype(str).str.split("_").str[0].to_numpy()
    table = None
    if general is not None and len(general):
        table = _general_table(general["text"].astype(str).tolist(),
                               general["score"].astype(float).to_numpy())
    p_table = None
    if polarity is not None and len(polarity):
        p_table = _general_table(polarity["text"].astype(str).tolist(),
                                 polarity["score"].astype(float).to_numpy())
    y = frame["score"].astype(float).to_numpy()
    texts = frame["text"].astype(str).tolist()
    rows = _feature_rows(texts, table or ({}, 0.0), p_table or ({}, 0.0))
    figures = []
    for repeat in range(repeats):
        splits = (GroupKFold(folds).split(frame, groups=groups) if repeats == 1
                  else _random_group_folds(groups, folds, repeat))
        predicted = np.zeros(len(frame))
        for number, (train, test) in enumerate(splits):
            model = train_tone_model(frame.iloc[train], general_table=table or ({}, 0.0),
                                     polarity_table=p_table or ({}, 0.0),
                                     feature_rows=[rows[i] for i in train], **options)
            predicted[test] = [model.tone(texts[i], features=rows[i]) for i in test]
            log.info("tone CV repeat %d/%d fold %d/%d done", repeat + 1, repeats,
                     number + 1, folds)
        figures.append((pearson(predicted, y), group_pearson(articles, predicted, y)))
    values = np.array(figures)
    out = {"pearson_r": float(values[:, 0].mean()),
           "article_pearson_r": float(values[:, 1].mean()), "folds": folds}
    if repeats > 1:
        out.update({"pearson_r_sd": float(values[:, 0].std()),
                    "article_pearson_r_sd": float(values[:, 1].std()), "repeats": repeats})
    return out

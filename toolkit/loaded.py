"""Loaded language: which words of a sentence count as loaded, from a transparent word model.

The project-written cue lists (``cues.tsv``) give spans that always count. Every other word is
scored by a small logistic regression over features a reader can check (the word model):

- ``rate_biased``, ``rate_all``: the log-odds with which annotators marked the word's stem as
  biased where it occurs, in biased sentences and in all sentences (BABE and MBIC
  ``biased_words``, smoothed towards the overall rate); ``log_seen`` and ``unseen`` say how
  often the stem was seen at all;
- ``vader_*``: the word's VADER valence (Hutto & Gilbert 2014, MIT): its size and sign;
- ``subjectivity``, ``no_subjectivity``: Pattern's subjectivity of the word (BSD-3-Clause);
- ``pos_*``: the word's commonest part of speech in the Brill lexicon that TextBlob ships;
- shape: ``ly``, ``hyphen``, ``stopword``, ``capitalised`` (inside a sentence), ``all_caps``,
  ``quoted`` (right after a quotation mark), ``length``;
- context: ``sentence_strong`` (the number of strongly valenced words in the sentence),
  ``sentence_exclaims``, ``after_booster`` (an intensifier right before the word);
- ``cue_*``: the project cue categories the word belongs to.

A word that no lexicon lists is loaded-language evidence when its probability reaches
:data:`MODEL_MIN_WEIGHT`; its span carries that probability as ``weight``,
``source == "loaded_words"`` and a category (``label`` for "-ist"/"anti-" words,
``report_verb`` for loaded speech verbs, else ``emotive``). A booster right before it joins its span ("deeply cynical").
:func:`explain_loaded` gives each feature's contribution to a word's log-odds.

The weights live in ``toolkit/models/loaded_words.json`` (derived from BABE and MBIC, AGPL-3.0;
see ``LICENSE-loaded_words.md`` beside it). Rebuild them with
``python -m toolkit train-loaded --data ../shared/data``. Without the file, only the cue lists
give loaded-language evidence and a warning says why.
"""
from __future__ import annotations

import json
import logging
import math
import operator
from operator import attrgetter
import re
import threading
import warnings
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import NamedTuple
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import numpy as np
import pandas as pd

from .cues import CUE_CATEGORIES, LOADED_CATEGORIES, _stem, is_loaded
from .model_files import check_format
from .segmentation import WORD_RE, Sentence, lower_words, segment
from .sentiment import vader
from .subjectivity import subjectivity_lexicon
from .spans import Span

__all__ = ["LoadedWordModel", "LOADED_SOURCE", "MODEL_FILE", "MODEL_MIN_WEIGHT", "FEATURES",
           "load_loaded_model", "find_loaded", "explain_loaded", "train_loaded_model",
           "holdout_figures", "is_loaded"]

log = logging.getLogger(__name__)

#: The bundled weights, in ``toolkit/models/``.
MODEL_FILE = "loaded_words.json"
FORMAT = "toolkit-loaded-words/1"
#: ``source`` of the spans the word model adds.
LOADED_SOURCE = "loaded_words"
#: The smallest probability at which a word that no lexicon lists becomes a span of its own.
#: Higher than :data:`~toolkit.cues.LOADED_MIN_WEIGHT` (which re-weighted lexicon words
#: need), because words only the model finds were marked by people in about 1 in 10 of
#: their occurrences at 0.12 to 0.3 (PTC dev spans 9%, BABE dev words 17%). A global setting
#: chosen on the development data (BABE and PTC dev); see the README's Validation section.
MODEL_MIN_WEIGHT = 0.3
#: Lexicon files whose spans the word model re-weights (data-derived, not project-written).
REWEIGHTED_SOURCES = frozenset({"babe_mbic_loaded"})
_SMOOTHING = 2.0
_QUOTES = "\"“‘'«"
_QUOTE_MARKS = frozenset(_QUOTES)
_STRONG_VALENCE = 2.0

FEATURES = (
    "rate_biased", "rate_all", "log_seen", "unseen",
    "vader_abs", "vader_negative", "vader_positive", "subjectivity", "no_subjectivity",
    "pos_adjective", "pos_adverb", "pos_verb", "pos_noun", "pos_proper", "pos_unknown",
    "ly", "hyphen", "stopword", "capitalised", "all_caps", "quoted", "length",
    "sentence_strong", "sentence_exclaims", "after_booster",
    "rare_valence", "rare_subjectivity", "rare_adjective", "rare_adverb",
    *(f"cue_{c}" for c in CUE_CATEGORIES),
)
#: Stems seen in fewer training sentences than this count as rare for the ``rare_*`` features.
_RARE = 3


# --------------------------------------------------------------------------- resources
@lru_cache(maxsize=1)
def _pos_lexicon() -> dict[str, str]:
    """Lower-cased word to its first (commonest) tag in the Brill lexicon TextBlob ships; the
    entry of the lower-case form wins over a capitalised one ("agenda" NN, "Agenda" NNP)."""
    text = files("textblob").joinpath("en", "en-lexicon.txt").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    capitalised: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith(";;;"):
            continue
        parts = line.split()
        if len(parts) >= 2:
            word = parts[0]
            (out if word == word.lower() else capitalised).setdefault(word.lower(), parts[1])
    return {**capitalised, **out}


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1.0 - 1e-6)
    return math.log(p / (1.0 - p))


# --------------------------------------------------------------------------- features
class _Word(NamedTuple):
    start: int
    end: int
    text: str


def _words(text: str, sentence: Sentence | None = None) -> list[_Word]:
    lo, hi = (0, len(text)) if sentence is None else (sentence.start, sentence.end)
    return [_Word(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text, lo, hi)]


def _cue_categories(words: list[_Word], cues: Iterable[Span]) -> list[set[str]]:
    """The project cue categories covering each word (data-derived spans left out)."""
    out: list[set[str]] = [set() for _ in words]
    starts = [w.start for w in words]
    from bisect import bisect_left

    for span in cues:
        if span.source in REWEIGHTED_SOURCES or span.source == LOADED_SOURCE \
                or span.category not in CUE_CATEGORIES:
            continue
        i = bisect_left(starts, span.start)
        while i < len(words) and words[i].start < span.end:
            out[i].add(span.category)
            i += 1
    return out


_STATIC = ("rate_biased", "rate_all", "log_seen", "unseen", "vader_abs", "vader_negative",
           "vader_positive", "subjectivity", "no_subjectivity", "pos_adjective", "pos_adverb",
           "pos_verb", "pos_noun", "pos_proper", "pos_unknown", "ly", "hyphen", "stopword",
           "length", "rare_valence", "rare_subjectivity", "rare_adjective", "rare_adverb")
_STATIC_AT = [FEATURES.index(f) for f in _STATIC]
_AT = {f: FEATURES.index(f) for f in FEATURES}
_CACHE_SIZE = 100_000


def _static_features(low: str, stems: dict[str, Sequence[int]],
                     prior: tuple[float, float]) -> tuple[float, ...]:
    """The features of a lower-cased word that do not depend on its sentence (order _STATIC)."""
    hits_b, seen_b, hits_a, seen_a = stems.get(_stem(low), (0, 0, 0, 0))
    rate_b = (hits_b + _SMOOTHING * prior[0]) / (seen_b + _SMOOTHING)
    rate_a = (hits_a + _SMOOTHING * prior[1]) / (seen_a + _SMOOTHING)
    v = vader().lexicon.get(low)
    s = subjectivity_lexicon().get(low)
    tag = _pos_lexicon().get(low, "?")
    size = abs(v) if v is not None else 0.0
    subj = s if s is not None else 0.0
    adj, adv = float(tag.startswith("JJ")), float(tag.startswith("RB"))
    rare = (size, subj, adj, adv) if seen_a < _RARE else (0.0, 0.0, 0.0, 0.0)
    return (_logit(rate_b), _logit(rate_a), math.log1p(seen_b), float(seen_b == 0),
            size, float(v is not None and v < 0), float(v is not None and v > 0),
            subj, float(s is None), adj, adv, float(tag.startswith("VB")),
            float(tag in ("NN", "NNS")), float(tag.startswith("NNP")), float(tag == "?"),
            float(low.endswith("ly")), float("-" in low), float(low in _stopwords()),
            min(len(low), 15) / 15, *rare)


def _static_row(low: str, stems: dict[str, Sequence[int]],
                prior: tuple[float, float]) -> np.ndarray:
    """A feature row holding the static features of ``low``, zeros in the others."""
    row = np.zeros(len(FEATURES))
    row[_STATIC_AT] = _static_features(low, stems, prior)
    return row


def _feature_rows(text: str, words: list[_Word], cats: list[set[str]],
                  stems: dict[str, Sequence[int]], prior: tuple[float, float],
                  cache: dict | None = None) -> np.ndarray:
    """One feature row per word; ``cache`` keeps the static part of each word's row."""
    cache = {} if cache is None else cache
    if len(cache) > _CACHE_SIZE:
        cache.clear()
    if not words:
        return np.zeros((0, len(FEATURES)))
    valence = vader().lexicon
    lowered = [w.text.lower().replace("’", "'") for w in words]
    statics = []
    for low in lowered:
        static = cache.get(low)
        if static is None:
            static = cache[low] = _static_row(low, stems, prior)
        statics.append(static)
    rows = np.array(statics)                        # a copy: the cached rows stay as they are
    rows[:, _AT["sentence_strong"]] = math.log1p(
        sum(abs(valence.get(w, 0.0)) >= _STRONG_VALENCE for w in lowered))
    rows[:, _AT["sentence_exclaims"]] = float("!" in text[words[0].start:words[-1].end + 2])
    for feature, marked in _word_flags(text, words, cats).items():
        if marked:
            rows[marked, _AT[feature]] = 1.0
    return rows


def _word_flags(text: str, words: list[_Word], cats: list[set[str]]) -> dict[str, list[int]]:
    """The words (their positions) that have each 0/1 feature that depends on the sentence."""
    flags: dict[str, list[int]] = {name: [] for name in (
        "capitalised", "all_caps", "quoted", "after_booster",
        *(f"cue_{c}" for c in CUE_CATEGORIES))}
    for i, word in enumerate(words):
        if i and word.text[:1].isupper():
            flags["capitalised"].append(i)
        if len(word.text) > 1 and word.text.isupper():
            flags["all_caps"].append(i)
        if not _QUOTE_MARKS.isdisjoint(text[max(0, word.start - 2):word.start]):
            flags["quoted"].append(i)
        if i and "booster" in cats[i - 1]:
            flags["after_booster"].append(i)
        for c in cats[i]:
            flags[f"cue_{c}"].append(i)
    return flags


#: The quotation marks as code points, for the ``quoted`` feature of :meth:`LoadedWordModel._scores`.
_QUOTE_CODES = tuple(ord(c) for c in _QUOTES)
#: The features that :meth:`LoadedWordModel._scores` sets from a word's sentence.
_CUE_AT = {c: FEATURES.index(f"cue_{c}") for c in CUE_CATEGORIES}


def _cue_flags(starts: list[int], bounds: list[tuple[int, int]],
               pieces: Sequence[tuple[int, int, Iterable[Span]]]) -> list[tuple[int, int]]:
    """``(word, feature)`` for each ``cue_*`` and ``after_booster`` feature set in the words
    of :meth:`LoadedWordModel._scores` (each pair once): the project cue categories of the
    spans covering a word (data-derived spans left out, as :func:`_cue_categories`)."""
    flags: dict[tuple[int, int], None] = {}
    after = _AT["after_booster"]
    for (a, b), (_, _, cues) in zip(bounds, pieces):
        if a == b:
            continue
        for span in cues:
            if span.source in REWEIGHTED_SOURCES or span.source == LOADED_SOURCE \
                    or span.category not in _CUE_AT:
                continue
            column = _CUE_AT[span.category]
            booster = span.category == "booster"
            i = bisect_left(starts, span.start, a, b)
            while i < b and starts[i] < span.end:
                flags[i, column] = None
                if booster and i + 1 < b:
                    flags[i + 1, after] = None
                i += 1
    return list(flags)


class _Scored(NamedTuple):
    """Every word of some sentences and its probability (:meth:`LoadedWordModel._scores`):
    ``bounds[k]`` is the range of sentence ``k``'s words in the other lists; ``starts`` and
    ``ends`` are offsets into the text, ``lows`` the words lower-cased."""

    starts: list[int]
    ends: list[int]
    lows: list[str]
    bounds: list[tuple[int, int]]
    probs: list[float]


# --------------------------------------------------------------------------- model
class _WordTable:
    """Each word type's part of the log-odds that does not depend on its sentence, kept once
    for :meth:`LoadedWordModel._scores` (a word-type cache, replaced by an empty one past
    ``_CACHE_SIZE`` types): ``index`` maps a lower-cased word to its place in ``logit`` (its
    static features times their weights, plus the intercept) and ``strong`` (1.0 when its
    VADER valence is strong)."""

    __slots__ = ("index", "logit", "strong")

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.logit = np.zeros(1024)
        self.strong = np.zeros(1024)


#: Held while a word is added to a model's table (threads may share a model).
_TABLE_LOCK = threading.Lock()


class LoadedWordModel:
    """A logistic regression over word features, read from its JSON weights.

    Parameters
    ----------
    coef, mean, scale : dict
        Feature name to weight, training mean and scale (see :data:`FEATURES`).
    intercept : float
    stems : dict
        Stem to ``[marked in biased sentences, biased sentences with it, marked in any
        sentence, sentences with it]``.
    prior : tuple of float
        Overall marked rates in biased and in all sentences (the smoothing targets).
    meta : dict, optional
        Provenance, written to the JSON file.
    """

    def __init__(self, *, coef: dict[str, float], intercept: float, mean: dict[str, float],
                 scale: dict[str, float], stems: dict[str, Sequence[int]],
                 prior: tuple[float, float], meta: dict | None = None):
        missing = [f for f in FEATURES if f not in coef]
        if missing:
            raise ValueError(f"loaded-word weights lack the features {missing}")
        self.coef = dict(coef)
        self.intercept = float(intercept)
        self.mean = dict(mean)
        self.scale = dict(scale)
        self.stems = {k: tuple(v) for k, v in stems.items()}
        self.prior = (float(prior[0]), float(prior[1]))
        self.meta = dict(meta or {})
        self._cache: dict[str, np.ndarray] = {}
        self._words = _WordTable()
        self._w = np.array([self.coef[f] / self.scale[f] for f in FEATURES])
        self._w_static = self._w[_STATIC_AT].tolist()
        self._b = self.intercept - float(sum(self.coef[f] * self.mean[f] / self.scale[f]
                                             for f in FEATURES))

    def __repr__(self) -> str:
        return f"<LoadedWordModel {len(self.stems)} stems, {len(FEATURES)} features>"

    # -- persistence
    def to_dict(self) -> dict:
        return {"format": FORMAT, "meta": self.meta, "intercept": self.intercept,
                "prior": list(self.prior),
                "features": {f: [self.coef[f], self.mean[f], self.scale[f]] for f in FEATURES},
                "stems": {k: list(v) for k, v in sorted(self.stems.items())}}

    @classmethod
    def from_dict(cls, data: dict) -> "LoadedWordModel":
        check_format(data, FORMAT, "a loaded-word model")
        feats = data["features"]
        return cls(coef={k: v[0] for k, v in feats.items()},
                   mean={k: v[1] for k, v in feats.items()},
                   scale={k: v[2] for k, v in feats.items()}, intercept=data["intercept"],
                   stems=data["stems"], prior=tuple(data["prior"]), meta=data.get("meta"))

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), separators=(",", ":")) + "\n",
                              encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> "LoadedWordModel":
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))

    # -- scoring
    def features(self, text: str, sentence: Sentence | None = None,
                 cues: Iterable[Span] = ()) -> tuple[list[_Word], np.ndarray]:
        """The words of ``sentence`` (all of ``text`` when omitted) and their feature rows."""
        words = _words(text, sentence)
        cats = _cue_categories(words, cues)
        return words, _feature_rows(text, words, cats, self.stems, self.prior, self._cache)

    def probabilities(self, text: str, sentence: Sentence | None = None,
                      cues: Iterable[Span] = ()) -> list[tuple[int, int, str, float]]:
        """``(start, end, word, probability)`` for each word of one sentence.

        Examples
        --------
        >>> model = load_loaded_model()
        >>> [w for _, _, w, p in model.probabilities("A vicious smear.") if p >= 0.1]
        ['vicious', 'smear']
        """
        lo, hi = (0, len(text)) if sentence is None else (sentence.start, sentence.end)
        scored = self._scores(text, [(lo, hi, cues)])
        return [(s, e, text[s:e], p) for s, e, p in zip(scored.starts, scored.ends, scored.probs)]

    def _scores(self, text: str, pieces: Sequence[tuple[int, int, Iterable[Span]]]) -> _Scored:
        """The probability of every word of the sentences ``pieces`` (``(start, end, cue
        spans)`` each) of ``text``, computed for all of them at once.

        Equal to :meth:`features`' rows times the weights up to the order of the additions
        (within 1e-12 in the log-odds; ``tests/test_loaded.py`` checks it): the model is
        linear, so each word type's static features are summed once (:class:`_WordTable`)
        and the features that depend on the sentence (``sentence_strong``,
        ``sentence_exclaims``, capitals, quotation marks, cues) are added as arrays over all
        the words. An article is one numpy pass instead of a feature matrix per sentence.
        The words are each sentence's cached :func:`~toolkit.segmentation.lower_words` (the
        same words as :func:`_words`: :data:`WORD_RE` has no anchors, and its words hold no
        curly apostrophe to normalise).
        """
        table = self._words
        if len(table.index) > _CACHE_SIZE:
            table = self._words = _WordTable()
        counts, offsets, exclaims = [], [], []
        starts: list[int] = []
        ends: list[int] = []
        lows: list[str] = []
        for lo, hi, _ in pieces:
            tokens = lower_words(text[lo:hi])
            counts.append(len(tokens))
            offsets.append(lo)
            if tokens:
                s, e, low = zip(*tokens)
                starts += s
                ends += e
                lows += low
                exclaims.append(text.find("!", lo + s[0], lo + e[-1] + 2) >= 0)
            else:
                exclaims.append(False)
        bounds = list(zip(np.cumsum([0, *counts[:-1]]).tolist(), np.cumsum(counts).tolist()))
        if not lows:
            return _Scored([], [], [], bounds, [])
        index = table.index
        ids = list(map(index.get, lows))
        if None in ids:
            ids = [self._add_word(table, w) if i is None else i for w, i in zip(lows, ids)]
        ids = np.array(ids)
        # Read after the ids: a table another thread replaces meanwhile holds their rows too.
        static, strong = table.logit[ids], table.strong[ids]
        w, at = self._w, _AT
        sentence_of = np.repeat(np.arange(len(pieces)), counts)
        start = np.array(starts) + np.array(offsets)[sentence_of]
        end = np.array(ends) + np.array(offsets)[sentence_of]
        per_sentence = (w[at["sentence_strong"]]
                        * np.log1p(np.bincount(sentence_of, strong, len(pieces)))
                        + w[at["sentence_exclaims"]] * np.array(exclaims, dtype=float))
        # Capitals and quotation marks from the text's code points (WORD_RE words are ASCII):
        # "capitalised" is an upper-case first letter after the sentence's first word,
        # "all_caps" two characters or more without a lower-case letter, "quoted" a mark in
        # the two characters before the word.
        base = max(0, min([lo for lo, _, _ in pieces]) - 2)
        top = max(hi for _, hi, _ in pieces)
        codes = np.frombuffer(text[base:top].encode("utf-32-le", "surrogatepass"),
                              dtype=np.uint32)
        first = np.zeros(len(lows), dtype=bool)   # each sentence's first word
        first[[a for a, b in bounds if b > a]] = True
        upper = (codes[start - base] - 65) < 26
        lower_run = np.concatenate([[0], np.cumsum((codes - 97) < 26)])
        all_caps = ((end - start) > 1) & (lower_run[end - base] == lower_run[start - base])
        marks = np.zeros(len(codes) + 2, dtype=bool)
        for mark in _QUOTE_CODES:
            marks[2:] |= codes == mark
        quoted = marks[start - base + 1] | marks[start - base]
        logits = (static + per_sentence[sentence_of]
                  + w[at["capitalised"]] * (upper & ~first)
                  + w[at["all_caps"]] * all_caps + w[at["quoted"]] * quoted)
        starts = start.tolist()
        cue_flags = _cue_flags(starts, bounds, pieces)
        if cue_flags:
            rows, columns = zip(*cue_flags)
            np.add.at(logits, list(rows), w[list(columns)])
        probs = 1.0 / (1.0 + np.exp(-logits))
        return _Scored(starts, end.tolist(), lows, bounds, probs.tolist())

    def _add_word(self, words: "_WordTable", low: str) -> int:
        """Put ``low``'s static log-odds (and whether its valence is strong) in ``words``.

        The values are written before the word's entry, and a full table is replaced by a
        larger copy, so a reader finds the values of every entry it reads; the lock keeps
        two threads from taking the same place."""
        with _TABLE_LOCK:
            at = words.index.get(low)
            if at is not None:                      # seen twice in the sentence, or added
                return at                           # by another thread meanwhile
            at = len(words.index)
            logit, strong = words.logit, words.strong
            if at == len(logit):                    # full: double it, copying the values
                logit = np.concatenate([logit, np.zeros_like(logit)])
                strong = np.concatenate([strong, np.zeros_like(strong)])
            # A correctly rounded sum: the same value whatever BLAS or memory layout.
            logit[at] = math.fsum([*map(operator.mul, _static_features(
                low, self.stems, self.prior), self._w_static), self._b])
            strong[at] = float(abs(vader().lexicon.get(low, 0.0)) >= _STRONG_VALENCE)
            words.logit, words.strong = logit, strong
            words.index[low] = at
            return at

    def contributions(self, row: np.ndarray) -> dict[str, float]:
        """Each feature's share of one word's log-odds (they sum with the intercept)."""
        return {f: float(self.coef[f] * (x - self.mean[f]) / self.scale[f])
                for f, x in zip(FEATURES, row)}


@lru_cache(maxsize=1)
def _bundled() -> LoadedWordModel | None:
    resource = files("toolkit").joinpath("models", MODEL_FILE)
    if not resource.is_file():
        warnings.warn(f"toolkit/models/{MODEL_FILE} is missing, so only the project cue lists "
                      "give loaded-language evidence; rebuild it with "
                      "`python -m toolkit train-loaded`", RuntimeWarning, stacklevel=3)
        return None
    return LoadedWordModel.from_dict(json.loads(resource.read_text(encoding="utf-8")))


def load_loaded_model() -> LoadedWordModel | None:
    """The bundled word model, read once; ``None`` (with a warning) when its file is missing."""
    return _bundled()


# --------------------------------------------------------------------------- evidence
_LABEL_SUFFIXES = ("ist", "ists", "ism", "isms")
_LABEL_PREFIXES = ("anti-", "far-", "hard-", "ultra-", "alt-", "pro-")


def _category(word: str, cats: set[str]) -> str:
    from .lexicons.derivation import _REPORT_VERBS

    if "report_verb" in cats or _stem(word) in _REPORT_VERBS:
        return "report_verb"
    if "label" in cats or word.endswith(_LABEL_SUFFIXES) or word.startswith(_LABEL_PREFIXES) \
            or "-wing" in word:
        return "label"
    return "emotive"


def _evaluative(word: str) -> bool:
    """Whether VADER (valence of at least 1) or Pattern (subjectivity of at least 0.5) knows
    the word as evaluative: what a word the training sentences never showed needs to count."""
    low = word.lower()
    return abs(vader().lexicon.get(low, 0.0)) >= 1.0 or subjectivity_lexicon().get(low, 0.0) >= 0.5


def _is_name(word: str) -> bool:
    """A capitalised word that the Brill lexicon does not know as a common word."""
    if not word[:1].isupper() or word.isupper():
        return False
    return _pos_lexicon().get(word.lower(), "NNP").startswith("NNP")


def find_loaded(text: str, sentences: list[Sentence] | None = None, *,
                cues: list[Span] | None = None, lexicon=None,
                model: LoadedWordModel | None = None) -> list[Span]:
    """Cue spans with the word model's weights, plus the words only the model finds.

    Parameters
    ----------
    text : str
    sentences : list of Sentence, optional
        Segmentation to reuse; computed when omitted.
    cues : list of Span, optional
        The cue spans of ``text`` (:func:`~toolkit.cues.find_cues`), when already found.
    lexicon : CueLexicon, optional
        Cue lexicon for :func:`~toolkit.cues.find_cues` when ``cues`` is not given.
    model : LoadedWordModel, optional
        In place of the bundled one.

    Returns
    -------
    list of Span
        Every cue span, those of the data-derived lists weighted by the model's probability
        (negative when negated), and a ``"loaded_words"`` span for each other word whose
        probability reaches :data:`MODEL_MIN_WEIGHT`. Which of them count as loaded
        language: :func:`~toolkit.cues.is_loaded`.

    Examples
    --------
    >>> [(s.text, s.category) for s in find_loaded("A deeply cynical ploy.") if is_loaded(s)]
    [('deeply cynical', 'emotive'), ('ploy', 'emotive')]
    """
    from .cues import find_cues

    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    sentences = segment(text) if sentences is None else sentences
    cues = find_cues(text, sentences, lexicon=lexicon) if cues is None else list(cues)
    model = load_loaded_model() if model is None else model
    if model is None:
        return cues
    out: list[Span] = []
    ordered = sorted(cues, key=attrgetter("start"))
    cue_starts = [s.start for s in ordered]
    pieces = [(sentence.start, sentence.end,
               ordered[bisect_left(cue_starts, sentence.start):
                       bisect_left(cue_starts, sentence.end)]) for sentence in sentences]
    # Every word of the article scored at once; the words that can become spans of their
    # own (probability at least MODEL_MIN_WEIGHT) picked in one numpy step.
    scored = model._scores(text, pieces)
    starts, ends, lows, probs = scored.starts, scored.ends, scored.lows, scored.probs
    strong = np.flatnonzero(np.array(probs) >= MODEL_MIN_WEIGHT).tolist()
    next_strong = 0
    for (_, _, own), (a, b) in zip(pieces, scored.bounds):
        if a == b:
            out.extend(own)
            continue
        covered = {}
        for span in own:
            if span.source in REWEIGHTED_SOURCES and span.category in LOADED_CATEGORIES:
                i = bisect_right(starts, span.end - 1, a, b) - 1
                p = probs[i] if i >= a and starts[i] >= span.start else 0.0
                span = Span(span.start, span.end, span.text, span.category,
                            -p if span.weight < 0 else p, span.source, span.voice)
            out.append(span)
            if span.category in LOADED_CATEGORIES or span.category == "booster":
                for w in range(bisect_left(starts, span.start, a, b),
                               bisect_left(starts, span.end, a, b)):
                    covered.setdefault(w, []).append(span)
        while next_strong < len(strong) and strong[next_strong] < b:
            i = strong[next_strong]
            next_strong += 1
            s, e, p = starts[i], ends[i], probs[i]
            word = text[s:e]
            if any(c.category in LOADED_CATEGORIES for c in covered.get(i, ())) \
                    or (i > a and _is_name(word)) \
                    or (_stem(lows[i]) not in model.stems and not _evaluative(word)):
                continue
            start = s
            boosters = [c for c in covered.get(i - 1, ()) if c.category == "booster"]
            if boosters and not text[ends[i - 1]:s].strip():
                start = min(c.start for c in boosters)
            cats = {c.category for c in covered.get(i, ())}
            out.append(Span(start, e, text[start:e], _category(lows[i], cats), p,
                            LOADED_SOURCE))
    loaded = list(map(is_loaded, out))
    starts = {s.start for s, counts in zip(out, loaded) if counts}
    out = [_with_noun(text, s, starts) if counts else s for s, counts in zip(out, loaded)]
    out.sort(key=attrgetter("start", "end", "category"))
    return out


def _with_noun(text: str, span: Span, taken: set[int]) -> Span:
    """A loaded span ending in an adjective, widened to the noun right after it
    ("malicious agenda"): the phrase is what the adjective loads."""
    last = text[span.start:span.end].rsplit(" ", 1)[-1].lower()
    if not _pos_lexicon().get(last, "").startswith("JJ"):
        return span
    nxt = WORD_RE.match(text, span.end + 1) if text[span.end:span.end + 1] == " " else None
    if nxt is None or nxt.start() in taken \
            or _pos_lexicon().get(nxt.group().lower()) not in ("NN", "NNS"):
        return span
    return Span(span.start, nxt.end(), text[span.start:nxt.end()], span.category, span.weight,
                span.source, span.voice)


def explain_loaded(text: str, *, model: LoadedWordModel | None = None) -> pd.DataFrame:
    """Each word's features and their contributions to its log-odds of being loaded.

    Returns
    -------
    DataFrame
        ``start``, ``end``, ``text``, ``probability``, ``feature``, ``value``,
        ``contribution``: one row per word and feature with a non-zero contribution, plus an
        ``intercept`` row per word. Contributions and intercept sum to the word's log-odds.

    Examples
    --------
    >>> table = explain_loaded("A vicious smear.")
    >>> sorted(set(table["text"]))
    ['A', 'smear', 'vicious']
    """
    from .cues import find_cues

    columns = ["start", "end", "text", "probability", "feature", "value", "contribution"]
    model = load_loaded_model() if model is None else model
    if model is None or not text.strip():
        return pd.DataFrame(columns=columns)
    rows = []
    cues = find_cues(text)
    for sentence in segment(text):
        words, feats = model.features(text, sentence, cues)
        for word, row in zip(words, feats):
            parts = model.contributions(row)
            logit = model.intercept + sum(parts.values())
            p = 1.0 / (1.0 + math.exp(-logit))
            rows.append((word.start, word.end, word.text, p, "intercept", 1.0, model.intercept))
            rows += [(word.start, word.end, word.text, p, f, float(x), c)
                     for (f, c), x in zip(parts.items(), row) if abs(c) > 1e-9]
    return pd.DataFrame(rows, columns=columns)


# --------------------------------------------------------------------------- training
def _marked(value) -> set[str]:
    if isinstance(value, str):
        value = json.loads(value) if value.strip() else []
    return {str(w).lower() for w in value or [] if str(w).strip()}


def _stem_counts(texts: Sequence[str], labels: Sequence[int],
                 marked: Sequence[set[str]]) -> dict[str, list[int]]:
    counts: dict[str, list[int]] = {}
    for text, label, gold in zip(texts, labels, marked):
        forms: dict[str, set[str]] = {}
        for m in WORD_RE.finditer(text):
            low = m.group().lower().replace("’", "'")
            forms.setdefault(_stem(low), set()).add(low)
        for stem, words in forms.items():
            row = counts.setdefault(stem, [0, 0, 0, 0])
            hit = bool(words & gold)
            row[2] += hit
            row[3] += 1
            if label == 1:
                row[0] += hit
                row[1] += 1
    return counts


def _prior(counts: dict[str, list[int]]) -> tuple[float, float]:
    totals = np.array(list(counts.values()) or [[0, 1, 0, 1]], dtype=float).sum(axis=0)
    return (totals[0] / max(totals[1], 1.0), totals[2] / max(totals[3], 1.0))


def _fold(text: str, folds: int) -> int:
    import hashlib

    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[2], 16) % folds


def train_loaded_model(frame: pd.DataFrame, *, C: float = 1.0, folds: int = 5,
                       meta: dict | None = None) -> LoadedWordModel:
    """Fit the word model on labelled sentences with their marked words.

    Parameters
    ----------
    frame : DataFrame
        ``text``, ``label`` (1 biased) and ``biased_words`` (JSON list or list), as
        :func:`~toolkit.bias_model.read_training_data` returns.
    C : float
        Inverse L2 regularisation strength.
    folds : int
        The stem rates of each training word come from the other folds, so that the model
        learns how far to trust a rate on words it has not seen.

    Returns
    -------
    LoadedWordModel
        A word counts as positive when it is among its sentence's ``biased_words``.
    """
    from sklearn.linear_model import LogisticRegression

    from .cues import bundled_lexicon, find_cues

    texts = frame["text"].astype(str).tolist()
    labels = frame["label"].astype(int).tolist()
    marked = [_marked(v) for v in frame["biased_words"]]
    if not any(marked):
        raise ValueError("training data needs sentences with marked (biased_words) words")
    project = bundled_lexicon(("cues.tsv", "epistemic.tsv"))
    fold_of = [_fold(t, folds) for t in texts]
    blocks, ys = [], []
    for k in range(folds):
        rest = [i for i, f in enumerate(fold_of) if f != k]
        counts = _stem_counts([texts[i] for i in rest], [labels[i] for i in rest],
                              [marked[i] for i in rest])
        prior = _prior(counts)
        cache: dict[str, np.ndarray] = {}
        for i in (i for i, f in enumerate(fold_of) if f == k):
            words = _words(texts[i])
            cats = _cue_categories(words, find_cues(texts[i], lexicon=project))
            blocks.append(_feature_rows(texts[i], words, cats, counts, prior, cache))
            ys += [float(w.text.lower().replace("’", "'") in marked[i]) for w in words]
    X = np.vstack(blocks) if blocks else np.zeros((0, len(FEATURES)))
    y = np.asarray(ys)
    if len(set(y)) < 2:
        raise ValueError("training data needs both marked and unmarked words")
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    fit = LogisticRegression(C=C, max_iter=5000).fit((X - mean) / scale, y)
    counts = _stem_counts(texts, labels, marked)
    return LoadedWordModel(
        coef=dict(zip(FEATURES, fit.coef_[0].round(6).tolist())),
        intercept=round(float(fit.intercept_[0]), 6),
        mean=dict(zip(FEATURES, mean.round(6).tolist())),
        scale=dict(zip(FEATURES, scale.round(6).tolist())),
        stems={k: v for k, v in counts.items() if v[3] >= 2 or v[2] > 0},
        prior=_prior(counts), meta=meta)


def holdout_figures(train: pd.DataFrame, babe: pd.DataFrame, ptc: pd.DataFrame | None = None,
                    *, folds: int = 4, C: float = 1.0) -> pd.DataFrame:
    """Word-level figures of models trained without the fold they are measured on.

    Sentences are split into ``folds`` by a digit of ``sha1(text)`` (PTC lines by their
    article id) that the held-back rule does not use. For each fold, the word model is trained
    on ``train`` rows of the other folds and measured on the fold's biased ``babe`` rows
    (``word_precision``, ``word_recall``) and, when given, on the fold's ``ptc`` lines
    (``token_f1``, ``line_f1``; PTC is never learned from).

    Returns
    -------
    DataFrame
        One row per fold: ``fold``, ``n_terms`` (stems in the model), ``word_precision``,
        ``word_recall``, ``token_f1``, ``line_f1``.
    """
    import hashlib

    from .validation import _biased_words, _words_in, line_prf, set_prf, token_prf

    def fold_of(value: str) -> int:
        return int(hashlib.sha1(value.encode("utf-8")).hexdigest()[1], 16) % folds

    def spans(text: str, model: LoadedWordModel) -> list[tuple[int, int]]:
        return sorted({(s.start, s.end) for s in find_loaded(text, model=model) if is_loaded(s)})

    biased = babe[babe["label"].astype(int) == 1]
    rows = []
    for k in range(folds):
        model = train_loaded_model(train[[fold_of(t) != k for t in train["text"]]], C=C)
        test = biased[[fold_of(t) == k for t in biased["text"]]]
        texts = test["text"].astype(str).tolist()
        words = set_prf([_words_in(t, spans(t, model)) for t in texts],
                        [_biased_words(v) for v in test["biased_words"]])
        row = {"fold": k, "n_terms": len(model.stems), "word_precision": words["precision"],
               "word_recall": words["recall"], "token_f1": float("nan"),
               "line_f1": float("nan")}
        if ptc is not None:
            lines = ptc[[fold_of(str(a)) == k for a in ptc["article_id"]]]
            text = lines["paragraph_text"].astype(str).tolist()
            gold = [[tuple(s) for s in json.loads(v)] if v else []
                    for v in lines["loaded_language_spans"]]
            predicted = [spans(t, model) for t in text]
            row["token_f1"] = token_prf(text, gold, predicted)["f1"]
            row["line_f1"] = line_prf([bool(g) for g in gold], [bool(p) for p in predicted])["f1"]
        log.info("fold %d/%d: %s", k + 1, folds, row)
        rows.append(row)
    return pd.DataFrame(rows, columns=["fold", "n_terms", "word_precision", "word_recall",
                                       "token_f1", "line_f1"])

"""A word and word-pair model of promotional copy, for the insert detector.

The ``promotional_wording`` rule of :mod:`toolkit.inserts` weighs single words
(``models/insert_words.tsv``). Native ads, paid posts and product copy written as news often
use no appeal word at all, but they do use the phrasing of copy: "now ships to", "based in",
"has begun offering", "at major retailers", "small batches". This model sees word pairs as
well as words: a logistic regression over which lower-case words and adjacent word pairs a
paragraph contains (binary), with the promotional block pools written for this project as the
positive class and MIT-licensed news and review sentences as the negative class (VADER's NYT
editorial, tweet and movie-review sentences, the NewsMTSC training split). It is fitted by
``benchmarks/train_inserts.py`` (with ``benchmarks/train_insert_text.py``'s ``fit``) and
shipped as ``models/insert_text_model.tsv``: one row per term (``term, weight``, a pair
written with one space), the row ``__intercept__`` holding the intercept; MIT, see
``models/LICENSE-insert_text_model.md``.

The tokens are scikit-learn's ``CountVectorizer`` tokens for the pattern
:data:`TOKEN_PATTERN`, lower-cased; a pair is two adjacent tokens, whatever punctuation lies
between them, as ``CountVectorizer(ngram_range=(1, 2))`` makes them.
"""
from __future__ import annotations

import math
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import NamedTuple

__all__ = ["TEXT_MODEL_FILE", "TOKEN_PATTERN", "TextScore", "load_text_weights",
           "score_text", "text_logit", "words_logit"]

TEXT_MODEL_FILE = "insert_text_model.tsv"  # in toolkit/models/, with LICENSE-insert_text_model.md
#: The token pattern of the model (scikit-learn's ``token_pattern``).
TOKEN_PATTERN = r"(?u)\b[a-zA-Z][a-zA-Z']+\b"
_TOKEN = re.compile(TOKEN_PATTERN)


class TextScore(NamedTuple):
    """The model's log-odds that a text is promotional copy, and the strongest promotional
    terms found as ``(start, end, weight)``, at most three."""

    logit: float
    evidence: tuple[tuple[int, int, float], ...]

    @property
    def probability(self) -> float:
        z = self.logit
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


@lru_cache(maxsize=1)
def _bundled() -> tuple[float, dict[str, float]]:
    import csv
    from importlib.resources import files

    text = files(__package__).joinpath("models", TEXT_MODEL_FILE).read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines(), delimiter="\t"))
    if not rows or set(rows[0]) != {"term", "weight"}:
        raise ValueError(f"{TEXT_MODEL_FILE}: expected the columns term, weight")
    weights = {r["term"]: float(r["weight"]) for r in rows}
    if "__intercept__" not in weights:
        raise ValueError(f"{TEXT_MODEL_FILE}: no __intercept__ row")
    return weights.pop("__intercept__"), weights


def load_text_weights() -> tuple[float, dict[str, float]]:
    """The shipped model's intercept and term weights (read once, cached)."""
    return _bundled()


def text_logit(text: str, *, weights: tuple[float, Mapping[str, float]] | None = None) -> float:
    """The model's logit for ``text``: :func:`score_text`'s ``logit`` without the evidence.

    Examples
    --------
    >>> text_logit("It now ships to forty states.", weights=(-1.0, {"now ships": 2.0}))
    1.0
    """
    return words_logit(_TOKEN.findall(text.lower()), weights=weights)


def words_logit(words: list[str], *,
                weights: tuple[float, Mapping[str, float]] | None = None) -> float:
    """:func:`text_logit` of a text whose lower-cased :data:`TOKEN_PATTERN` tokens are
    ``words`` (for a caller that has them already)."""
    if weights is None:
        return _bundled_logit(words)
    intercept, table = weights
    # Each distinct term once, added in the order score_text adds them (a word, then the
    # pair it ends): the same float to the last bit, whatever the process's string hashing
    # (a set's order would make a paragraph at the threshold differ between runs).
    terms = dict.fromkeys(words[:1])
    for pair, word in zip(map(" ".join, zip(words, words[1:])), words[1:]):
        terms[word] = None
        terms[pair] = None
    get = table.get
    logit = intercept
    for term in terms:
        weight = get(term)
        if weight:
            logit += weight
    return logit


@lru_cache(maxsize=1)
def _bundled_pairs() -> tuple[float, dict[str, float], dict[str, dict[str, float]]]:
    """The shipped model as its intercept, its word weights and its pair weights by first
    word then second (a pair term is two tokens joined by one space; a term of another
    shape can match no token or pair, tokens holding no space)."""
    intercept, table = _bundled()
    words: dict[str, float] = {}
    pairs: dict[str, dict[str, float]] = {}
    for term, weight in table.items():
        parts = term.split(" ")
        if len(parts) == 1:
            words[term] = weight
        elif len(parts) == 2 and all(parts):
            pairs.setdefault(parts[0], {})[parts[1]] = weight
    return intercept, words, pairs


def _bundled_logit(words: list[str]) -> float:
    """:func:`words_logit` with the shipped model, without building the pair strings: the
    same terms added in the same order (at each token its word, then the pair it ends, each
    term at its first occurrence; terms without a weight add nothing), so the same float."""
    logit, word_weights, pair_weights = _bundled_pairs()
    weight_of, pairs_after = word_weights.get, pair_weights.get
    added: set = set()
    previous = None
    for word in words:
        weight = weight_of(word)
        if weight and word not in added:
            added.add(word)
            logit += weight
        if previous is not None and (after := pairs_after(previous)) is not None:
            weight = after.get(word)
            if weight and (pair := (previous, word)) not in added:
                added.add(pair)
                logit += weight
        previous = word
    return logit


def score_text(text: str, *, offset: int = 0,
               weights: tuple[float, Mapping[str, float]] | None = None) -> TextScore:
    """The model's logit for ``text`` and its strongest promotional terms.

    Parameters
    ----------
    text : str
        A paragraph (quotations may be blanked out beforehand, as the detector does).
    offset : int
        Added to the evidence offsets (the paragraph's start in the article).
    weights : (intercept, mapping), optional
        A model in place of the shipped one.

    Returns
    -------
    TextScore
        ``logit`` (the intercept for a text without tokens), ``probability`` and
        ``evidence``: up to three ``(start, end, weight)`` of the terms with the largest
        positive weights, a pair spanning both words.

    Examples
    --------
    >>> model = (-1.0, {"ships": 0.5, "now ships": 2.0, "said": -1.5})
    >>> s = score_text("It now ships to forty states.", weights=model)
    >>> round(s.logit, 2), s.evidence[0]
    (1.5, (3, 12, 2.0))
    >>> score_text("", weights=model).logit
    -1.0
    """
    intercept, table = weights if weights is not None else _bundled()
    tokens = [(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    seen: dict[str, tuple[int, int]] = {}
    for k, (word, s, e) in enumerate(tokens):
        if word not in seen:
            seen[word] = (s, e)
        if k:
            pair = f"{tokens[k - 1][0]} {word}"
            if pair not in seen:
                seen[pair] = (tokens[k - 1][1], e)
    logit = intercept
    found = []
    for term, (s, e) in seen.items():
        weight = table.get(term)
        if weight:
            logit += weight
            if weight > 0:
                found.append((offset + s, offset + e, weight))
    found.sort(key=lambda item: -item[2])
    return TextScore(logit, tuple(found[:3]))

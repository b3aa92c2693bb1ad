"""Subjectivity from the Pattern lexicon of English adjectives that TextBlob ships.

The lexicon (``textblob/en/en-sentiment.xml``, from CLiPS Pattern, BSD licence) gives each
word a subjectivity between 0 (objective) and 1 (subjective). A sentence's score is the mean
subjectivity of the lexicon words it contains, as in TextBlob, and every word that counts is
returned as a span.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from importlib.resources import files

from .segmentation import Sentence, segment
from .spans import Span

__all__ = ["subjectivity_lexicon", "find_subjective", "subjectivity_of", "pattern_scores"]


@lru_cache(maxsize=1)
def subjectivity_lexicon() -> dict[str, float]:
    """Word to mean subjectivity over its senses, from TextBlob's Pattern lexicon."""
    from xml.etree import ElementTree

    path = files("textblob").joinpath("en", "en-sentiment.xml")
    senses: dict[str, list[float]] = defaultdict(list)
    for word in ElementTree.fromstring(path.read_bytes()).iter("word"):
        form = word.get("form", "").lower()
        if form and " " not in form and word.get("subjectivity"):
            senses[form].append(float(word.get("subjectivity")))
    return {form: sum(v) / len(v) for form, v in senses.items()}


def find_subjective(text: str, sentences: list[Sentence] | None = None) -> list[Span]:
    """One span per lexicon word, weighted by its subjectivity (0..1).

    Examples
    --------
    >>> [(s.text, round(s.weight, 2)) for s in find_subjective("A very bizarre idea.")]
    [('very', 0.3), ('bizarre', 0.6)]
    """
    lexicon = subjectivity_lexicon()
    sentences = segment(text) if sentences is None else sentences
    out = []
    for sentence in sentences:
        for s, e in sentence.words:
            value = lexicon.get(text[s:e].lower())
            if value is not None:
                out.append(Span(s, e, text[s:e], "subjective", value, "pattern"))
    return out


def subjectivity_of(spans: list[Span]) -> float:
    """Mean weight of the ``subjective`` spans, 0.0 when there are none."""
    weights = [s.weight for s in spans if s.category == "subjective"]
    return sum(weights) / len(weights) if weights else 0.0


@lru_cache(maxsize=1)
def _pattern_tables():
    """TextBlob's Pattern sentiment pieces: its loaded lexicon as a plain dict, its emoticons
    lower-cased, its tokenizer, negations and punctuation.

    ``textblob.en.sentiment`` is a lazy dict whose every lookup goes through three Python
    calls; the plain dict holds the same entries (word -> part of speech -> scores).
    """
    from textblob import _text
    from textblob.en import sentiment

    len(sentiment)                              # loads the lexicon on first use
    emoticons = [(p, {e.lower() for e in faces}) for (_, p), faces in _text.EMOTICONS.items()]
    return (dict(dict.items(sentiment)), emoticons, sentiment.tokenizer, sentiment.negations,
            _text.PUNCTUATION)


def pattern_scores(text: str) -> tuple[float, float]:
    """Pattern's ``(polarity, subjectivity)`` of ``text``, as ``textblob.en.sentiment(text)``
    gives them, without the per-call overhead of TextBlob's lazy lexicon.

    The steps of ``textblob._text.Sentiment.assessments`` for plain text (no part-of-speech
    tags), in the same order: a known word starts an assessment, or extends the one a
    preceding modifier started; a negation flips it; "!" boosts it; "(!)" and emoticons add
    their own. ``tests/test_subjectivity.py`` checks it against TextBlob on real and random
    text.

    Examples
    --------
    >>> pattern_scores("A very bizarre idea!")
    (0.65, 0.78)
    """
    lexicon, emoticons, tokenizer, negations, punctuation = _pattern_tables()
    found: list[list[float]] = []              # [polarity, subjectivity, intensity, sign]
    modifier = negation = None
    for w in " ".join(tokenizer(text)).split():
        w = w.lower()
        senses = lexicon.get(w)
        if senses is not None:
            p, s, i = senses[None]
            if modifier is None:
                found.append([p, s, i, 1])
            else:                                                   # "really good"
                last = found[-1]
                last[0] = max(-1.0, min(p * last[2], +1.0))
                last[1] = max(-1.0, min(s * last[2], +1.0))
                last[2] = i
            if negation is not None:                                # "not (really) good"
                found[-1][2] = 1.0 / found[-1][2]
                found[-1][3] = -1
            modifier = w if "RB" in senses else None
            negation = w if w in negations else None
            continue
        if w in negations:
            negation = w
        elif negation and len(w.strip("'")) > 1:
            negation = None
        if negation is not None and modifier is not None and modifier.endswith("ly"):
            found[-1][3] = -1                                       # "really not good"
            negation = None
        elif modifier and len(w) > 2:
            modifier = None
        if w == "!" and found:
            found[-1][0] = max(-1.0, min(found[-1][0] * 1.25, +1.0))
        if w == "(!)":
            found.append([0.0, 1.0, 1.0, 1])
        if w.isalpha() is False and len(w) <= 5 and w not in punctuation:
            for p, faces in emoticons:
                if w in faces:
                    found.append([p, 1.0, 1.0, 1])
                    break
    polarity = subjectivity = 0
    for p, s, _, sign in found:
        polarity += p * -0.5 if sign < 0 else p
        subjectivity += s
    n = float(len(found) or 1)
    return float(polarity / n), float(subjectivity / n)

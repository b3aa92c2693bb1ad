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

__all__ = ["subjectivity_lexicon", "find_subjective", "subjectivity_of"]


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

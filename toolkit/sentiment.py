"""Tone: NLTK's VADER, run offline, sentence by sentence, with the words that drove it.

NLTK's ``SentimentIntensityAnalyzer`` normally reads its lexicon through ``nltk.data``, which
needs ``nltk.download``. Here the same lexicon is read from the ``vaderSentiment`` wheel
(MIT licence) with ``importlib.resources``, once, on first use.
"""
from __future__ import annotations

import re
import string
from functools import lru_cache
from importlib.resources import files

from .segmentation import Sentence, segment
from .spans import Span

__all__ = ["vader", "vader_scores", "find_tone", "weighted_mean", "TONE_CATEGORIES"]

#: Span categories for the words that carry VADER valence.
TONE_CATEGORIES = ("tone_positive", "tone_negative")


@lru_cache(maxsize=1)
def vader():
    """The shared VADER analyser, built from the lexicon in the ``vaderSentiment`` wheel."""
    from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

    class OfflineVader(SentimentIntensityAnalyzer):
        def __init__(self, lexicon_text: str):  # noqa: D401 - skip nltk.data.load
            self.lexicon_file = lexicon_text
            self.lexicon = self.make_lex_dict()
            self.constants = VaderConstants()

    text = files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    return OfflineVader(text.strip("\n"))


def vader_scores(sentence: str) -> dict[str, float]:
    """VADER's ``neg``, ``neu``, ``pos`` and ``compound`` for one sentence.

    Examples
    --------
    >>> vader_scores("A terrible, horrible war.")["compound"] < 0
    True
    """
    # A copy: the cached dict is shared by every caller that scores the same text.
    return dict(_cached_scores(sentence))


def _cached_scores(sentence: str) -> dict[str, float]:
    return vader_pass(sentence)[1]


@lru_cache(maxsize=4096)
def vader_pass(sentence: str) -> tuple[tuple[float, ...], dict[str, float]]:
    """One run of VADER over a sentence: each word's rule-adjusted valence, and the scores.

    The same steps as ``SentimentIntensityAnalyzer.polarity_scores`` (which returns only
    the scores), so that the news tone model can read the valences without a second run.
    analyze() needs a sentence's scores up to three times (tone, voice, bias features): the
    cache makes the repeats free. VADER is a pure function of the text. The repeats are
    within one article, so a small cache is enough and memory stays flat on a corpus.
    """
    analyser = vader()
    constants = analyser.constants
    sentitext = _senti_text(sentence)
    words = sentitext.words_and_emoticons
    first: dict[str, int] = {}
    for i, token in enumerate(words):
        first.setdefault(token, i)
    lexicon = analyser.lexicon
    boosters = constants.BOOSTER_DICT
    sentiments: list[float] = []
    for item in words:
        i = first[item]
        low = item.lower()
        if (i < len(words) - 1 and low == "kind" and words[i + 1].lower() == "of") \
                or low in boosters:
            sentiments.append(0)
            continue
        if low not in lexicon:
            # What sentiment_valence does for a word VADER does not know: append the 0.
            sentiments.append(0)
            continue
        sentiments = analyser.sentiment_valence(0, sentitext, item, i, sentiments)
    sentiments = analyser._but_check(words, sentiments)
    valences = tuple(sentiments)
    return valences, analyser.score_valence(list(sentiments), sentence)


_ASCII_PUNCTUATION = frozenset(string.punctuation)


@lru_cache(maxsize=1)
def _punctuation_runs() -> frozenset[str]:
    return frozenset(vader().constants.PUNC_LIST)


_PUNCTUATION_RE = re.compile(f"[{re.escape(string.punctuation)}]")


def _bare(word: str) -> bool:
    """Whether ``word`` is in SentiText's ``words_only`` set of its sentence, when ``word``
    is a whitespace word of the sentence without its leading or trailing run of ASCII
    punctuation: ``words_only`` holds each whitespace word with every ASCII punctuation
    mark removed (VADER's ``REGEX_REMOVE_PUNCTUATION``), if longer than one character, so
    such a word is in it exactly when it holds no mark and is longer than one character
    (its own whitespace word gives it)."""
    return len(word) > 1 and _PUNCTUATION_RE.search(word) is None


def _senti_text(sentence: str):
    """NLTK's ``SentiText`` of ``sentence``, built without its quadratic dictionary.

    ``SentiText`` strips leading or trailing punctuation from a word by building every
    ``punctuation + word`` and ``word + punctuation`` string of the sentence (17 marks times
    every word, twice) and looking each word up. The same result, directly: the words
    without ASCII punctuation are ``words_only``, so a key ``p + w`` ends in a letter and its
    ``p`` is the word's whole run of leading punctuation, and a key ``w + p`` ends in a mark
    and its ``p`` is the whole trailing run; a word matches when that run is one of
    ``PUNC_LIST`` and the rest is in ``words_only`` (:func:`_bare`, without building the
    set). ``tests/test_scorers.py`` checks the scores against ``polarity_scores`` on real
    and random text.
    """
    from nltk.sentiment.vader import SentiText

    constants = vader().constants
    runs = _punctuation_runs()
    words = []
    for we in sentence.split():
        if len(we) < 2:
            continue
        if we[-1] in _ASCII_PUNCTUATION:
            cut = len(we.rstrip(string.punctuation))
            if we[cut:] in runs and _bare(we[:cut]):
                we = we[:cut]
        elif we[0] in _ASCII_PUNCTUATION:
            cut = len(we) - len(we.lstrip(string.punctuation))
            if we[:cut] in runs and _bare(we[cut:]):
                we = we[cut:]
        words.append(we)
    sentitext = SentiText.__new__(SentiText)
    sentitext.text = sentence
    sentitext.PUNC_LIST = constants.PUNC_LIST
    sentitext.REGEX_REMOVE_PUNCTUATION = constants.REGEX_REMOVE_PUNCTUATION
    sentitext.words_and_emoticons = words
    sentitext.is_cap_diff = sentitext.allcap_differential(words)
    return sentitext


def find_tone(text: str, sentences: list[Sentence] | None = None) -> list[Span]:
    """Spans for the words that carry VADER valence, with the lexicon valence as weight.

    Examples
    --------
    >>> [(s.text, s.category) for s in find_tone("A good plan, a bad war.")]
    [('good', 'tone_positive'), ('bad', 'tone_negative'), ('war', 'tone_negative')]
    """
    lexicon = vader().lexicon
    sentences = segment(text) if sentences is None else sentences
    out = []
    for sentence in sentences:
        for s, e in sentence.words:
            valence = lexicon.get(text[s:e].lower())
            if valence:
                category = "tone_positive" if valence > 0 else "tone_negative"
                out.append(Span(s, e, text[s:e], category, valence / 4.0, "vader"))
    return out


def weighted_mean(values, weights) -> float:
    """Mean of ``values`` weighted by ``weights``; NaN when there is no weight."""
    total = sum(weights)
    if not total:
        return float("nan")
    return sum(v * w for v, w in zip(values, weights)) / total

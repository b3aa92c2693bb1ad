"""Tone: NLTK's VADER, run offline, sentence by sentence, with the words that drove it.

NLTK's ``SentimentIntensityAnalyzer`` normally reads its lexicon through ``nltk.data``, which
needs ``nltk.download``. Here the same lexicon is read from the ``vaderSentiment`` wheel
(MIT licence) with ``importlib.resources``, once, on first use.
"""
from __future__ import annotations

import math
import re
import string
from functools import lru_cache
from importlib.resources import files
from itertools import compress
from operator import itemgetter, mul

from .segmentation import Sentence, segment
from .spans import Span

__all__ = ["vader", "vader_scores", "find_tone", "tone_spans", "weighted_mean", "TONE_CATEGORIES"]

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

    NLTK's ``sentiment_valence`` and its checks (``scalar_inc_dec``, ``_never_check``,
    ``_least_check``, ``_but_check``) are written out here over each word's facts from a
    word-type cache (:func:`_vader_word`), the same arithmetic in the same order: they
    lower-case, look up and test every word near a lexicon word again for each of its
    neighbours. ``tests/test_scorers.py`` checks the valences against NLTK's loop and the
    scores against ``polarity_scores``.
    """
    analyser = vader()
    # One cached entry per word; map, filter and compress keep the per-word steps in C,
    # since most words of a sentence are not in VADER's lexicon.
    entries = list(filter(None, map(_vader_word, sentence.split())))
    n = len(entries)
    capitals = sum(map(_CAPS, entries))
    cap_diff = 0 < n - capitals < n                 # SentiText.allcap_differential
    sentiments: list[float] = [0] * n              # 0 for a word VADER does not score
    # VADER scores a repeated word in the context of its first occurrence (polarity_scores
    # takes the first index of the word), so each word's valence is computed once.
    done: dict[str, float] = {}
    words = None
    for j in compress(range(n), map(_SCORED, entries)):
        item = entries[j][0]
        value = done.get(item)
        if value is None:
            if words is None:
                words = list(map(_ITEM, entries))
            value = done[item] = _valence(analyser, entries, words, j, cap_diff)
        sentiments[j] = value
    # _but_check; a word whose lower case is "but" leaves "but" in the lower-cased sentence,
    # so most sentences skip the list.
    if "but" in sentence.lower() and "but" in (lowered := [e[1] for e in entries]):
        bi = lowered.index("but")
        for sidx, sentiment in enumerate(sentiments):
            if sidx < bi:
                sentiments[sidx] = sentiment * 0.5
            elif sidx > bi:
                sentiments[sidx] = sentiment * 1.5
    return tuple(sentiments), _scores(sentiments, sentence)


def _scores(sentiments: list, text: str) -> dict[str, float]:
    """``SentimentIntensityAnalyzer.score_valence(sentiments, text)``, the same arithmetic
    in the same order, with the sums over the non-zero valences only (a zero adds nothing
    to them; ``neu_count`` counts the zeros)."""
    if not sentiments:
        return {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
    sum_s = float(sum(sentiments))
    ep_count = text.count("!")                  # _amplify_ep
    if ep_count > 4:
        ep_count = 4
    qm_count = text.count("?")                  # _amplify_qm
    qm_amplifier = 0
    if qm_count > 1:
        qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
    punct_emph_amplifier = ep_count * 0.292 + qm_amplifier
    if sum_s > 0:
        sum_s += punct_emph_amplifier
    elif sum_s < 0:
        sum_s -= punct_emph_amplifier
    compound = sum_s / math.sqrt((sum_s * sum_s) + 15)      # VaderConstants.normalize
    pos_sum = neg_sum = 0.0                     # _sift_sentiment_scores
    for score in compress(sentiments, sentiments):
        if score > 0:
            pos_sum += float(score) + 1
        if score < 0:
            neg_sum += float(score) - 1
    neu_count = sentiments.count(0)
    if pos_sum > math.fabs(neg_sum):
        pos_sum += punct_emph_amplifier
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= punct_emph_amplifier
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return {"neg": round(math.fabs(neg_sum / total), 3),
            "neu": round(math.fabs(neu_count / total), 3),
            "pos": round(math.fabs(pos_sum / total), 3),
            "compound": round(compound, 4)}


_SO_THIS = ("so", "this")


@lru_cache(maxsize=1)
def _idiom_words() -> frozenset[str]:
    """The words of VADER's idioms and of its boosters of more than one word."""
    constants = vader().constants
    return frozenset(word for key in [*constants.SPECIAL_CASE_IDIOMS, *constants.BOOSTER_DICT]
                     if " " in key for word in key.split(" "))


def _valence(analyser, entries: list[tuple], words: list[str], i: int, cap_diff: bool):
    """NLTK's valence of the word at ``i`` (its first occurrence): 0 for "kind" before
    "of", else ``sentiment_valence`` with its checks written out over the words' facts."""
    _, low, upper, valence, *_ = entries[i]
    if low == "kind" and i < len(entries) - 1 and entries[i + 1][1] == "of":
        return 0
    if valence is None:
        return 0
    constants = analyser.constants
    if upper and cap_diff:
        if valence > 0:
            valence += constants.C_INCR
        else:
            valence -= constants.C_INCR
    for start_i in range(0, 3):
        if i > start_i and entries[i - (start_i + 1)][3] is None:
            _, _, before_upper, _, booster, before_negation, _ = entries[i - (start_i + 1)]
            s = 0.0                                 # scalar_inc_dec
            if booster is not None:
                s = booster
                if valence < 0:
                    s *= -1
                if before_upper and cap_diff:
                    if valence > 0:
                        s += constants.C_INCR
                    else:
                        s -= constants.C_INCR
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            # _never_check
            if start_i == 0:
                if before_negation:
                    valence = valence * constants.N_SCALAR
            elif start_i == 1:
                if words[i - 2] == "never" and words[i - 1] in _SO_THIS:
                    valence = valence * 1.5
                elif before_negation:
                    valence = valence * constants.N_SCALAR
            else:
                if (words[i - 3] == "never" and words[i - 2] in _SO_THIS) \
                        or words[i - 1] in _SO_THIS:
                    valence = valence * 1.25
                elif before_negation:
                    valence = valence * constants.N_SCALAR
                # Every word sequence _idioms_check looks up holds the word two before or
                # the word itself: when neither is a word of an idiom or two-word booster,
                # no lookup can match and the valence stays as it is.
                idiom_words = _idiom_words()
                if words[i - 2] in idiom_words or words[i] in idiom_words:
                    valence = analyser._idioms_check(valence, words, i)
    # _least_check
    if i > 1 and entries[i - 1][3] is None and entries[i - 1][1] == "least":
        if entries[i - 2][1] != "at" and entries[i - 2][1] != "very":
            valence = valence * constants.N_SCALAR
    elif i > 0 and entries[i - 1][3] is None and entries[i - 1][1] == "least":
        valence = valence * constants.N_SCALAR
    return valence


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


@lru_cache(maxsize=65536)
def _vader_word(we: str) -> tuple | None:
    """What VADER reads of one whitespace-separated word ``we`` of a sentence (a word-type
    cache: none of it depends on the rest of the sentence), or ``None`` for a word
    ``SentiText`` drops (one character).

    ``(word, lower case, all caps, lexicon valence or None, booster value or None, negation,
    scored)``:
    ``word`` is SentiText's word (``we`` without a leading or trailing punctuation run, see
    :func:`_strip_punctuation`), ``negation`` what ``VaderConstants.negated([word])`` gives,
    ``scored`` whether ``polarity_scores`` asks ``sentiment_valence`` for it (a lexicon word,
    not a booster).
    """
    if len(we) < 2:
        return None
    word = _strip_punctuation(we)
    low = word.lower()
    constants = vader().constants
    valence, booster = vader().lexicon.get(low), constants.BOOSTER_DICT.get(low)
    return (word, low, word.isupper(), valence, booster,
            low in constants.NEGATE or "n't" in low, booster is None and valence is not None)


# The fields of a _vader_word entry that vader_pass reads for every word.
_ITEM, _CAPS, _SCORED = itemgetter(0), itemgetter(2), itemgetter(6)


def _strip_punctuation(we: str) -> str:
    """SentiText's word for the whitespace-separated word ``we``, without its quadratic
    dictionary.

    ``SentiText`` strips leading or trailing punctuation from a word by building every
    ``punctuation + word`` and ``word + punctuation`` string of the sentence (17 marks times
    every word, twice) and looking each word up. The same result, directly: the words
    without ASCII punctuation are ``words_only``, so a key ``p + w`` ends in a letter and its
    ``p`` is the word's whole run of leading punctuation, and a key ``w + p`` ends in a mark
    and its ``p`` is the whole trailing run; a word matches when that run is one of
    ``PUNC_LIST`` and the rest is in ``words_only`` (:func:`_bare`, without building the
    set). ``tests/test_scorers.py`` checks the words and scores against NLTK's.
    """
    runs = _punctuation_runs()
    if we[-1] in _ASCII_PUNCTUATION:
        cut = len(we.rstrip(string.punctuation))
        if we[cut:] in runs and _bare(we[:cut]):
            return we[:cut]
    elif we[0] in _ASCII_PUNCTUATION:
        cut = len(we) - len(we.lstrip(string.punctuation))
        if we[:cut] in runs and _bare(we[cut:]):
            return we[cut:]
    return we


def find_tone(text: str, sentences: list[Sentence] | None = None) -> list[Span]:
    """Spans for the words that carry VADER valence, with the lexicon valence as weight.

    Examples
    --------
    >>> [(s.text, s.category) for s in find_tone("A good plan, a bad war.")]
    [('good', 'tone_positive'), ('bad', 'tone_negative'), ('war', 'tone_negative')]
    """
    sentences = segment(text) if sentences is None else sentences
    words = [w for sentence in sentences for w in sentence.words]
    return tone_spans(words, [text[s:e] for s, e in words])


def tone_spans(words: list[tuple[int, int]], tokens: list[str]) -> list[Span]:
    """:func:`find_tone` of a text's word ``(start, end)`` offsets and their ``tokens`` (the
    text at each), in order: ``analyze`` cuts the tokens once for this and
    :func:`~toolkit.subjectivity.subjective_spans`."""
    # Each token's valence by C-level maps (lower case, lexicon lookup), and only the few
    # tokens with one visited in Python (most words carry none).
    valences = list(map(vader().lexicon.get, map(str.lower, tokens)))
    out = []
    for i in compress(range(len(valences)), valences):
        valence = valences[i]
        s, e = words[i]
        out.append(Span(s, e, tokens[i], "tone_positive" if valence > 0 else "tone_negative",
                        valence / 4.0, "vader"))
    return out


def weighted_mean(values, weights) -> float:
    """Mean of ``values`` weighted by ``weights``; NaN when there is no weight."""
    total = sum(weights)
    if not total:
        return float("nan")
    return sum(map(mul, values, weights)) / total     # the products added in order, in C

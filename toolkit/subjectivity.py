"""Subjectivity from the Pattern lexicon of English adjectives that TextBlob ships.

The lexicon (``textblob/en/en-sentiment.xml``, from CLiPS Pattern, BSD licence) gives each
word a subjectivity between 0 (objective) and 1 (subjective). A sentence's score is the mean
subjectivity of the lexicon words it contains, as in TextBlob, and every word that counts is
returned as a span.
"""
from __future__ import annotations

import re
from collections import defaultdict
from itertools import compress
from operator import itemgetter
from functools import lru_cache
from importlib.resources import files

from .segmentation import Sentence, segment
from .spans import Span

__all__ = ["subjectivity_lexicon", "find_subjective", "subjective_spans", "subjectivity_of", "pattern_scores",
           "pattern_tokens"]


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
    sentences = segment(text) if sentences is None else sentences
    words = [w for sentence in sentences for w in sentence.words]
    return subjective_spans(words, [text[s:e] for s, e in words])


def subjective_spans(words: list[tuple[int, int]], tokens: list[str]) -> list[Span]:
    """:func:`find_subjective` of a text's word ``(start, end)`` offsets and their ``tokens``
    (the text at each), in order (see :func:`~toolkit.sentiment.tone_spans`)."""
    # Each token's lexicon entry by C-level maps (lower case, lookup), and only the few
    # tokens with one visited in Python. A hit is a 1-tuple, so that a subjectivity of 0.0
    # still counts when compress picks the hits.
    hits = list(map(_subjective_entries().get, map(str.lower, tokens)))
    out = []
    for i in compress(range(len(hits)), hits):
        s, e = words[i]
        out.append(Span(s, e, tokens[i], "subjective", hits[i][0], "pattern"))
    return out


@lru_cache(maxsize=1)
def _subjective_entries() -> dict[str, tuple[float]]:
    """:func:`subjectivity_lexicon` with each value as a 1-tuple (see
    :func:`subjective_spans`)."""
    return {word: (value,) for word, value in subjectivity_lexicon().items()}


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


_NOT = re.compile("n't")
#: The quotation marks ``find_tokens`` sets apart with spaces.
_QUOTES = tuple((q, f" {q} ") for q in "\u201c\u201d\u2018\u2019'\"")


@lru_cache(maxsize=1)
def _token_rules():
    """The pieces of ``textblob._text.find_tokens``: punctuation split from the ends of a
    word, the abbreviations and patterns that keep their period, the sarcasm and emoticon
    patterns and the end-of-sentence marker."""
    from textblob import _text

    return (tuple(_text.PUNCTUATION.replace(".", "")), _text.ABBREVIATIONS,
            (_text.RE_ABBR1, _text.RE_ABBR2, _text.RE_ABBR3), _text.replacements,
            _text.RE_SARCASM, _text.RE_EMOTICONS, _text.EOS)


@lru_cache(maxsize=65536)
def _split_word(t: str) -> tuple[str, ...]:
    """One whitespace-separated word cut as ``find_tokens`` cuts it (leading punctuation,
    trailing punctuation, an ellipsis, a period that ends no abbreviation); the same loop."""
    punctuation, abbreviations, abbr, replace = _token_rules()[:4]
    tokens, tail = [], []
    while t.startswith(punctuation) and t not in replace:
        tokens.append(t[0])
        t = t[1:]
    while t.endswith(punctuation + (".",)) and t not in replace:
        if t.endswith(punctuation):
            tail.append(t[-1])
            t = t[:-1]
        if t.endswith("..."):
            tail.append("...")
            t = t[:-3].rstrip(".")
        if t.endswith("."):
            if t in abbreviations or any(r.match(t) is not None for r in abbr):
                break
            tail.append(t[-1])
            t = t[:-1]
    if t != "":
        tokens.append(t)
    tokens.extend(reversed(tail))
    return tuple(tokens)


def pattern_tokens(text: str) -> list[str]:
    """The words Pattern scores: ``" ".join(textblob's find_tokens(text)).split()``.

    ``find_tokens`` splits sentences and then rejoins "( ! )" and spaced-out emoticons
    within each; joined again, its sentences are just its words in order. This gives the
    same words with each whitespace-separated word cut once (and cached), and hands the
    text to TextBlob itself in the rare cases where the sentence split could matter: a
    paragraph break or the literal end-of-sentence marker, or a sarcasm mark or emoticon
    anywhere. ``tests/test_scorers.py`` checks the two agree on real and random text.

    Examples
    --------
    >>> pattern_tokens("Mr. Smith isn't happy...")
    ['Mr.', 'Smith', 'is', 'n', "'", 't', 'happy', '...']
    """
    pieces = _pattern_pieces(text)
    if pieces is None:
        return " ".join(_pattern_tables()[2](text)).split()
    return " ".join(map(_TOKENS, pieces)).split()


_TOKENS = itemgetter(0)


def _pattern_pieces(text: str) -> list[tuple[str, tuple]] | None:
    """:func:`_pattern_piece` of each whitespace-separated word of ``text`` as
    ``find_tokens`` prepares it, or ``None`` when TextBlob must cut the text itself (see
    :func:`pattern_tokens`)."""
    *_, sarcasm, emoticons, eos = _token_rules()
    # Each step only where it can change something (substring tests are cheap): "n't"
    # split off, quotation marks set apart, "\r\n" made "\n".
    string = _NOT.sub(" n't", text) if "n't" in text else text
    # str.translate with a dict looks up every character; one replace per mark present is
    # the same (each mark becomes itself between spaces) and much cheaper.
    for mark, spaced in _QUOTES:
        if mark in string:
            string = string.replace(mark, spaced)
    if "\r" in string:
        string = string.replace("\r\n", "\n")
    if "\n\n" in string or eos in string:
        return None
    # Each word's pieces from the word-type cache, without a Python step per word.
    pieces = list(map(_pattern_piece, string.split()))
    joined = " ".join(map(_TOKENS, pieces))
    if ("!" in joined and sarcasm.search(joined) is not None) \
            or emoticons.search(joined) is not None:       # sarcasm: "(!)", spaced or not
        return None
    return pieces


@lru_cache(maxsize=65536)
def _pattern_piece(word: str) -> tuple[str, tuple, bool]:
    """One whitespace-separated word's tokens (:func:`_split_word`) joined by spaces, each
    token's :func:`_pattern_word`, and whether every token is inert (a word-type cache)."""
    tokens = _split_word(word)
    entries = tuple(map(_pattern_word, tokens))
    return " ".join(tokens), entries, all(entry[6] for entry in entries)


@lru_cache(maxsize=65536)
def _pattern_word(token: str) -> tuple:
    """What :func:`pattern_scores` reads of one token (a word-type cache): ``(lower-cased
    token, (polarity, subjectivity, intensity) or None, whether an adverb sense, whether a
    negation, whether longer than one character without apostrophes, the polarity of the
    first emoticon group holding it or None, whether inert)``, each as ``assessments`` tests
    it. An inert token (no sense, not a negation, "!", "(!)" or an emoticon) changes nothing
    unless a modifier or negation is pending."""
    lexicon, emoticons, _, negations, punctuation = _pattern_tables()
    w = token.lower()
    senses = lexicon.get(w)
    emoticon = None
    if senses is None and w.isalpha() is False and len(w) <= 5 and w not in punctuation:
        for p, faces in emoticons:
            if w in faces:
                emoticon = p
                break
    negator = w in negations
    return (w, None if senses is None else tuple(senses[None]),
            senses is not None and "RB" in senses, negator, len(w.strip("'")) > 1,
            emoticon, senses is None and not negator and emoticon is None
            and w != "!" and w != "(!)")


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
    found: list[list[float]] = []              # [polarity, subjectivity, intensity, sign]
    modifier = negation = None
    pieces = _pattern_pieces(text)
    if pieces is None:
        words = " ".join(_pattern_tables()[2](text)).split()
        pieces = [("", tuple(map(_pattern_word, words)), False)]
    for _, entries, inert_piece in pieces:
        if inert_piece and modifier is None and negation is None:
            continue                            # most words: nothing below would change
        for w, senses, adverb, negator, long_word, emoticon, inert in entries:
            if inert and modifier is None and negation is None:
                continue                        # as for a whole inert word
            if senses is not None:
                p, s, i = senses
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
                modifier = w if adverb else None
                negation = w if negator else None
                continue
            if negator:
                negation = w
            elif negation and long_word:
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
            if emoticon is not None:
                found.append([emoticon, 1.0, 1.0, 1])
    polarity = subjectivity = 0
    for p, s, _, sign in found:
        polarity += p * -0.5 if sign < 0 else p
        subjectivity += s
    n = float(len(found) or 1)
    return float(polarity / n), float(subjectivity / n)

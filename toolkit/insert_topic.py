"""What a paragraph shares with the rest of its article: content words and names.

The insert detector's TF-IDF similarity (:mod:`toolkit.insert_signals`) weighs every word by
its rarity in the article, so a pasted native ad that happens to repeat one rare word of the
story ("clinic", "loan") looks on topic, and a one-line story sentence made of rare words looks
off topic. Two plainer measurements, kept apart:

- **content-word share**: of the paragraph's distinct content words (three letters or more,
  not an English stop word, Porter-stemmed by NLTK so that "clinics" meets "clinic"), the share
  that also occurs in some other paragraph of the article;
- **names**: capitalised words that are not at the start of a sentence (nor English stop
  words): those another paragraph also has (capitalised, anywhere), and those found nowhere
  else. A pasted block rarely names the article's people and places.

:func:`topic_overlap` measures every paragraph of an article at once. :func:`islands` finds
runs of neighbouring paragraphs that share almost nothing with the rest of the article: a
pasted block of several paragraphs repeats its own brand and words from one paragraph to the
next, so each of them, measured against everything else, looks as if it shared something with
the article.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from types import MappingProxyType

__all__ = ["Island", "TopicOverlap", "islands", "measured", "topic_overlap"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
# A capitalised word; it names something when it does not open a sentence or the paragraph.
# The same matches as r"\b[A-Z][a-zA-Z]+", with the boundary tested after the capital (a
# lookbehind): a pattern that opens with a set of letters lets the engine skip straight to
# the next capital instead of trying the pattern at every word boundary (about twice as
# fast; tests/test_insert_topic.py compares the two).
_CAPITAL = re.compile(r"[A-Z](?<=\b[A-Z])[a-zA-Z]+")
_OPENERS = frozenset(".!?:;\"“‘'([—–-•")


@dataclass(frozen=True)
class TopicOverlap:
    """What one paragraph shares with the rest of its article.

    Attributes
    ----------
    n_content : int
        Distinct content words (stems) in the paragraph.
    shared_content : int
        How many of them occur in another paragraph.
    unshared : tuple of (int, int)
        Offsets (within the paragraph) of the first occurrence of the first three content
        words found nowhere else; empty when the share found elsewhere is above
        ``spans_at_most``.
    shared_names : tuple of (int, int)
        Offsets of the paragraph's names that another paragraph also has, capitalised
        (first occurrence of each).
    new_names : int
        Names found in no other paragraph.
    """

    n_content: int
    shared_content: int
    unshared: tuple[tuple[int, int], ...]
    shared_names: tuple[tuple[int, int], ...]
    new_names: int

    @property
    def share(self) -> float:
        """Share of the content words found elsewhere (1.0 for a paragraph without any)."""
        return self.shared_content / self.n_content if self.n_content else 1.0


@lru_cache(maxsize=1)
def _tools():
    from nltk.stem.porter import PorterStemmer
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return PorterStemmer().stem, ENGLISH_STOP_WORDS


class _Stems(dict):
    """Lower-case word -> its Porter stem, None for a stop word or a word of under three
    letters: a word-type cache, a missing word stemmed and kept (a dict read by ``map`` in C
    costs less than ``lru_cache``), cleared past :data:`_STEMS_KEPT` words."""

    def __missing__(self, word: str) -> str | None:
        stem, stop = _tools()
        value = None if len(word) < 3 or word in stop else stem(word)
        if len(self) >= _STEMS_KEPT:
            self.clear()
        self[word] = value
        return value


_STEMS_KEPT = 50_000
_STEMS = _Stems()


def _stem(word: str) -> str | None:
    """The Porter stem of a lower-case content word, None for a stop word."""
    return _STEMS[word]


def _content(text: str) -> set[str]:
    """The paragraph's content-word stems."""
    stems = set(map(_STEMS.__getitem__, set(_WORD.findall(text.lower().replace("’", "'")))))
    stems.discard(None)
    return stems


def _first_spans(text: str, wanted: set[str], most: int = 3) -> tuple[tuple[int, int], ...]:
    """Offsets of the first occurrence of the first ``most`` stems of ``wanted``."""
    spans: dict[str, tuple[int, int]] = {}
    for m in _WORD.finditer(text):
        key = _stem(m.group().lower().replace("’", "'"))
        if key in wanted and key not in spans:
            spans[key] = m.span()
            if len(spans) == most:
                break
    return tuple(spans.values())


def _names(text: str) -> tuple[dict[str, tuple[int, int]], set[str]]:
    """The names of ``text`` (a capitalised word not opening a sentence, not a stop word)
    with the offsets of each one's first such use, and every capitalised word in it (what
    another paragraph's name is looked up in), from one pass of :data:`_CAPITAL`."""
    _, stop = _tools()
    out: dict[str, tuple[int, int]] = {}
    capitals: set[str] = set()
    for m in _CAPITAL.finditer(text):
        name = m.group()
        capitals.add(name)
        if name in out or name.lower() in stop:
            continue
        k = m.start() - 1
        while k >= 0 and text[k].isspace():
            k -= 1
        if k >= 0 and text[k] not in _OPENERS:
            out[name] = m.span()
    return out, capitals


@lru_cache(maxsize=2)
def measured(texts: tuple[str, ...]) -> tuple[tuple[frozenset[str], ...],
                                              tuple[Mapping[str, tuple[int, int]], ...],
                                              tuple[frozenset[str], ...]]:
    """Each paragraph's content stems, names (with the offsets of each one's first use) and
    capitalised words, kept for the last two articles (:func:`topic_overlap`,
    :func:`islands` and the insert detector's label reach measure the same paragraphs)."""
    names, capitals = zip(*map(_names, texts)) if texts else ((), ())
    # Read-only views: the cache hands the same objects to every caller.
    return (tuple(frozenset(_content(t)) for t in texts), tuple(map(MappingProxyType, names)),
            tuple(map(frozenset, capitals)))


def topic_overlap(texts: list[str], *, spans_at_most: float = 0.5) -> list[TopicOverlap]:
    """Measure every paragraph of an article against the others.

    Parameters
    ----------
    texts : list of str
        The article's paragraphs, in order (the headline included: what it names is part of
        the article).
    spans_at_most : float
        The unshared words' offsets are found only for paragraphs whose share of content
        words found elsewhere is at most this (finding them costs a second pass).

    Returns
    -------
    list of TopicOverlap
        One per paragraph. Offsets are within each paragraph. A text of one paragraph has
        nothing to compare with: its row is all zero (share 1.0).

    Examples
    --------
    >>> rows = topic_overlap(["Minister Belousov met Dong Jun in Moscow.",
    ...                       "Belousov said the talks went well.",
    ...                       "Our cold brew is roasted in small batches in Oakland."])
    >>> rows[0].shared_names, rows[2].shared_names, rows[2].new_names
    (((9, 17),), (), 1)
    >>> round(rows[2].share, 2), rows[2].n_content
    (0.0, 6)
    """
    if len(texts) < 2:  # nothing to compare with
        return [TopicOverlap(0, 0, (), (), 0) for _ in texts]
    contents, names, capitals = measured(tuple(texts))
    content_df = Counter(chain.from_iterable(contents))
    # A name counts as shared when another paragraph has the word capitalised anywhere,
    # opening a sentence included ("Belousov said ...").
    name_df = Counter(chain.from_iterable(capitals))
    out = []
    for text, c, ns in zip(texts, contents, names):
        shared = sum(content_df[w] > 1 for w in c)
        alone: tuple[tuple[int, int], ...] = ()
        if shared < len(c) and shared <= spans_at_most * len(c):
            alone = _first_spans(text, {w for w in c if content_df[w] == 1})
        out.append(TopicOverlap(
            n_content=len(c), shared_content=shared, unshared=alone,
            shared_names=tuple(span for n, span in ns.items() if name_df[n] > 1),
            new_names=sum(name_df[n] == 1 for n in ns)))
    return out


@dataclass(frozen=True)
class Island:
    """A run of neighbouring paragraphs, ``start`` to ``end`` (exclusive), that shares almost
    no words and no names with the rest of the article.

    Attributes
    ----------
    start, end : int
        The run's paragraphs, ``range(start, end)``.
    strangers : frozenset of int
        The members that are strangers on their own against the article without the run:
        ``min_words`` content words or more, at most ``share`` of them found outside it.
    links : frozenset of (int, int)
        Pairs ``(k, j)`` of strangers that share a content word or a name with each other
        (both orders): a block's paragraphs speak of the same thing.
    named : frozenset of (int, int)
        The pairs of ``links`` that share a name (a capitalised word that is a name in one of
        them): the same brand, place or person, which the rest of the article never names.
    """

    start: int
    end: int
    strangers: frozenset[int]
    links: frozenset[tuple[int, int]]
    named: frozenset[tuple[int, int]] = frozenset()


def islands(texts: list[str], *, sizes: tuple[int, ...] = (2, 3, 4), share: float = 0.2,
            min_words: int = 6, skip: frozenset[int] = frozenset(),
            among: frozenset[int] | None = None) -> list[Island]:
    """The runs of ``sizes`` neighbouring paragraphs that share almost nothing with the rest.

    A run qualifies when its content words together (at least ``min_words``) are found
    outside it at most ``share`` of the time, and no name of any of its paragraphs (a
    capitalised word not opening a sentence) is found outside it. Paragraphs in ``skip``
    (the headline) never belong to a run. A run may hold a paragraph that is no stranger on
    its own (the second run below holds the delegates' line): its ``strangers`` say which are.
    With ``among``, only the runs that hold one of those paragraphs with ``min_words`` content
    words or more are measured (a caller that can use no other saves the work); a run needs
    two such paragraphs in any case (two strangers to link).

    Examples
    --------
    >>> texts = ["Talks on the border treaty resumed in Geneva on Monday.",
    ...          "Delegates from both sides said the treaty talks would last a week.",
    ...          "Ardmair salmon are raised in sea lochs and monitored by cameras.",
    ...          "Fillets from Ardmair are stocked by grocers nationwide, packed fresh daily.",
    ...          "The border treaty talks resume on Tuesday in Geneva."]
    >>> [(i.start, i.end, sorted(i.strangers)) for i in islands(texts)]
    [(2, 4, [2, 3]), (1, 4, [2, 3])]
    >>> sorted(islands(texts)[0].links), sorted(islands(texts)[0].named)
    ([(2, 3), (3, 2)], [(2, 3), (3, 2)])
    """
    if len(texts) < 3 or among is not None and not among:
        return []
    contents, names, capitals = measured(tuple(texts))
    wordy = [len(c) >= min_words for c in contents]  # only these can be strangers
    if among is not None:
        among = frozenset(k for k in among if wordy[k])
    content_df = Counter(chain.from_iterable(contents))
    name_df = Counter(chain.from_iterable(capitals))
    out = []
    last = len(texts) - 1
    for size in sizes:
        starts = range(last - size + 2) if among is None else sorted(
            {s for k in among for s in range(max(0, k - size + 1), min(k, last - size + 1) + 1)})
        for start in starts:
            run = range(start, start + size)
            if any(k in skip for k in run) or sum(wordy[k] for k in run) < 2:
                continue
            inside = Counter(chain.from_iterable(contents[k] for k in run))
            if len(inside) < min_words or sum(
                    content_df[w] > n for w, n in inside.items()) > share * len(inside):
                continue
            named = Counter(chain.from_iterable(capitals[k] for k in run))
            if any(name_df[n] > named[n] for k in run for n in names[k]):
                continue
            strangers = frozenset(
                k for k in run if wordy[k]
                and sum(content_df[w] > inside[w] for w in contents[k]) <= share * len(contents[k]))
            named = frozenset(
                (k, j) for k in strangers for j in strangers if k != j
                and (capitals[j].intersection(names[k]) or capitals[k].intersection(names[j])))
            links = named | frozenset(
                (k, j) for k in strangers for j in strangers if k != j
                and contents[k] & contents[j])
            out.append(Island(start, start + size, strangers, links, named))
    return out

"""``analyze()``: from a source to tidy per-paragraph, per-sentence and per-span tables.

Data flow: :func:`~toolkit.loading.load_article` -> :func:`~toolkit.segmentation.segment`
-> the scorers (tone, subjectivity, cues), each returning :class:`~toolkit.spans.Span`
evidence -> the tables, every figure computed from the spans and sentence scores.
"""
from __future__ import annotations

import gc
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from itertools import accumulate
from operator import attrgetter

import numpy as np
import pandas as pd

from .bias_model import load_bias_model
from .embedding_terms import embedding_values
from .tone import load_tone_model
from .cues import CUE_CATEGORIES, LOADED_CATEGORIES, CueLexicon, find_cues, is_loaded
from .loaded import LOADED_SOURCE, find_loaded
from .entities import entity_table, find_mentions
from .headline import _contrast
from .inserts import INSERT_KINDS, InsertFinding, find_inserts
from .loading import Article, check_unicode, load_article
from .segmentation import Sentence, WORD_RE, segment
from .sentiment import tone_spans, vader_pass, vader_scores, weighted_mean
from .spans import SPAN_COLUMNS, Span, spans_table
from .subjectivity import subjective_spans, subjectivity_of
from .tables import table
from .voice import (QUOTE_COLUMNS, Quote, _quotations, find_quotations, quote_regions,
                    quotes_frame, report_verb_spans)

__all__ = ["Analysis", "analyze", "score_sentences", "PARAGRAPH_COLUMNS", "SENTENCE_COLUMNS",
           "QUOTE_COLUMNS"]

PARAGRAPH_COLUMNS = ["paragraph", "start", "end", "text", "kind", "insert_score",
                     "insert_reason", "n_words", "n_sentences",
                     "sentiment", "sentiment_vader", "subjectivity", "loaded_count",
                     "loaded_density", "bias_probability", "top_terms", *CUE_CATEGORIES,
                     "quote_share", "sentiment_author", "sentiment_quoted",
                     "sentiment_author_vader", "sentiment_quoted_vader"]
SENTENCE_COLUMNS = ["paragraph", "sentence", "start", "end", "text", "voice", "n_words",
                    "sentiment", "sentiment_vader", "subjectivity", "loaded_count",
                    "loaded_density", "bias_probability"]
_TOP_TERMS = 5
#: Sentences whose tone _sentence_rows scores at once (well within the 4,096 entries of
#: the sentence caches).
_BLOCK = 256
_CUES = frozenset(CUE_CATEGORIES)
#: Sort keys of the spans (C-level attrgetters: the same tuples as a lambda gives).
_SPAN_ORDER = attrgetter("start", "end", "category")
_EVIDENCE_ORDER = attrgetter("start", "end", "category", "source")


class _LazyTable:
    """An ``Analysis`` table computed on first access (the quotes, entities and mentions
    tables).

    Finding mentions and scoring the target tone of each costs about as much as the rest of
    an analysis, and most uses (the corpus tables, the paragraph charts) never read them;
    the quotes' speakers (the rules', and the dependency parse's for those the rules leave
    out or get wrong) cost a third of it. The value is the
    same whenever it is read; a table passed to the constructor is kept.
    """

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return None                     # the dataclass default: compute when read
        value = obj.__dict__.get(self.name)
        return obj._table(self.name) if value is None else value

    def __set__(self, obj, value) -> None:
        obj.__dict__[self.name] = value


@contextmanager
def _collector_paused():
    """Pause Python's cyclic garbage collector while an analysis runs (if it is on).

    An analysis allocates a few hundred thousand short-lived containers (tokens, spans,
    rows) and makes no reference cycles (``tests/test_analysis.py`` checks it), so reference
    counting frees all of it; the collector's passes during an analysis only re-scan the
    loaded lexicons, models and word caches (5-10% of the CPU of an analysis, measured with
    ``gc.callbacks`` in docs/speed.md). The collector runs again as soon as the analysis
    ends; when it was off, it stays off.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _people_tables(text: str, paragraphs: list[tuple[int, int]], sentences: list[Sentence],
                   regions: list[tuple[int, int]], loaded: list[Span]
                   ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(mentions, entities)`` of an article, as :func:`analyze` defers them."""
    mentions = find_mentions(text, paragraphs=paragraphs, sentences=sentences, quotes=regions)
    return mentions, entity_table(mentions, loaded, sentences)


def _quote_table(text: str, paragraphs: list[tuple[int, int]]) -> pd.DataFrame:
    """The ``quotes`` table, as :func:`analyze` defers it: the quotes found again with
    their speakers (``analyze`` finds them without), by the rules and, when there is a
    parser, the parse's (``find_quotes(text, paragraphs)``: the parse also corrects rule
    speakers that have one, so it runs whatever speakers the rules give)."""
    with _collector_paused():
        quotes, _, fill = _quotations(text, paragraphs)
        if fill is not None:
            quotes = fill(quotes)
    return quotes_frame(quotes)


@dataclass
class Analysis:
    """The result of :func:`analyze`: the article and its tables.

    Attributes
    ----------
    article : Article
    paragraphs : DataFrame
        One row per paragraph; see ``PARAGRAPH_COLUMNS``.
    sentences : DataFrame
        One row per sentence; see ``SENTENCE_COLUMNS``.
    spans : DataFrame
        One row per piece of evidence: ``paragraph, start, end, text, category, weight,
        source, voice``. Offsets point into ``article.text``. Quotation marks that hold no
        one's speech (scare quotes, titles of works, nicknames: :mod:`toolkit.scare_quotes`)
        are ``scare_quote`` rows in author voice, their kind in ``source``
        (``voice:title``, ...); they are not in ``quotes`` and count as author voice.
    summary : dict
        Article-level figures; inserts are left out unless asked for.
    quotes : DataFrame
        One row per quote: ``paragraph, start, end, text, speaker, verb`` (see
        :func:`toolkit.voice.find_quotes`, with the dependency parse's speakers).
    entities : DataFrame
        One row per person, country, place, organisation or group: ``entity, type, mentions,
        paragraphs, tone_author, tone_quoted, tone, loaded_terms`` (see
        :func:`toolkit.entities.entity_table`).
    mentions : DataFrame
        One row per mention: ``entity, type, paragraph, sentence, start, end, text, voice,
        tone`` (see :func:`toolkit.entities.find_mentions`).

    ``entities`` and ``mentions`` are computed the first time either is read (the target
    tone of every mention costs about as much as the rest of the analysis), and ``quotes``
    the first time it is read (its speakers, by the rules and, for those the rules leave
    out or get wrong, a dependency parse; nothing else of the analysis depends on a quote's speaker);
    they are the same tables whenever they are read.
    """

    article: Article
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    spans: pd.DataFrame
    summary: dict = field(default_factory=dict)
    quotes: pd.DataFrame = _LazyTable()
    entities: pd.DataFrame = _LazyTable()
    mentions: pd.DataFrame = _LazyTable()
    #: Computes ``(mentions, entities)`` when first read; :func:`analyze` sets it.
    _deferred: Callable[[], tuple[pd.DataFrame, pd.DataFrame]] | None = field(
        default=None, repr=False, compare=False)
    #: Computes the ``quotes`` table when first read; :func:`analyze` sets it.
    _deferred_quotes: Callable[[], pd.DataFrame] | None = field(
        default=None, repr=False, compare=False)
    #: The quotes' ``(start, end)``, known before the table is: :func:`analyze` sets it.
    _quote_places: tuple[tuple[int, int], ...] | None = field(
        default=None, repr=False, compare=False)

    def _table(self, name: str) -> pd.DataFrame:
        """Compute the deferred tables, keep those not given, and return ``name``."""
        if name == "quotes":
            deferred = self._deferred_quotes
            self.__dict__["quotes"] = quotes_frame([]) if deferred is None else deferred()
            self._deferred_quotes = None    # kept now (not before: a read that fails or is
            return self.__dict__["quotes"]  # interrupted leaves it to the next read)
        if self._deferred is None:
            mentions = find_mentions("")
            computed = {"mentions": mentions, "entities": entity_table(mentions)}
        else:
            with _collector_paused():
                mentions, entities = self._deferred()
            computed = {"mentions": mentions, "entities": entities}
            self._deferred = None           # both are kept now: free the article's pieces
        for key, value in computed.items():
            if self.__dict__.get(key) is None:
                self.__dict__[key] = value
        return self.__dict__[name]

    def quote_ranges(self) -> list[tuple[int, int]]:
        """The quotes' ``(start, end)`` ranges in reading order, as the ``quotes`` table has
        them; while that table is still deferred they are read without computing it (the
        parse changes speakers, never places), so a highlighted view does not load the
        parser."""
        if self.__dict__.get("quotes") is None and self._quote_places is not None:
            return sorted(self._quote_places)
        quotes = self.quotes
        return sorted((int(s), int(e)) for s, e in zip(quotes["start"], quotes["end"]))

    @property
    def text(self) -> str:
        return self.article.text

    def _repr_html_(self) -> str:
        from .display import highlight

        return highlight(self)

    def __repr__(self) -> str:
        title = self.article.title or self.article.text[:40]
        return (f"<Analysis {title!r}: {len(self.paragraphs)} paragraphs, "
                f"{len(self.sentences)} sentences, {len(self.spans)} spans>")


def _count_words(text: str, words) -> int:
    """The tokens among ``words`` that hold a :data:`WORD_RE` word (an ASCII letter)."""
    # Each token's answer read from a word-type cache, one C-level map instead of a regex
    # call per token (the pattern has no anchors: searching the token alone is the same).
    return sum(map(_IS_WORD.__getitem__, [text[s:e] for s, e in words]))


class _WordTokens(dict):
    """Token -> whether it holds a :data:`WORD_RE` word; a missing token is looked up and
    kept (a word-type cache: a dict read by ``map`` in C costs less than ``lru_cache``),
    cleared past :data:`_WORD_TYPES_KEPT` tokens."""

    def __missing__(self, token: str) -> bool:
        if len(self) >= _WORD_TYPES_KEPT:
            self.clear()
        found = self[token] = WORD_RE.search(token) is not None
        return found


_WORD_TYPES_KEPT = 100_000
_IS_WORD = _WordTokens()


def _tokens_of(text: str, sentences: list[Sentence]) -> tuple[list[tuple[int, int]], list[str]]:
    """Every word token of ``sentences``, in order, as offsets and as text (cut once for
    the evidence scorers and the word counts)."""
    words = [w for sentence in sentences for w in sentence.words]
    return words, [text[s:e] for s, e in words]


def _word_counts(sentences: list[Sentence], tokens: list[str]) -> list[int]:
    """:func:`_count_words` of each sentence, from the ``tokens`` of :func:`_tokens_of`."""
    flags = list(map(_IS_WORD.__getitem__, tokens))
    ends = list(accumulate(len(s.words) for s in sentences))
    return [sum(flags[a:b]) for a, b in zip([0, *ends], ends)]


def _evidence(text: str, sentences: list[Sentence], lexicon: CueLexicon | None, *,
              tokens: tuple[list[tuple[int, int]], list[str]] | None = None) -> list[Span]:
    """The evidence spans of ``sentences`` (``tokens``: :func:`_tokens_of` of them, when
    already cut)."""
    cues = find_cues(text, sentences, lexicon=lexicon)
    # find_tone and find_subjective read the same tokens: cut them once for both.
    words, tokens = _tokens_of(text, sentences) if tokens is None else tokens
    spans = [*find_loaded(text, sentences, cues=cues), *tone_spans(words, tokens),
             *subjective_spans(words, tokens)]
    spans.sort(key=_SPAN_ORDER)
    return spans


def _loaded(spans) -> list[Span]:
    return [s for s in spans if is_loaded(s)]


def _model_cues(found: list[Span], offset: int) -> list[Span]:
    """The cue spans the bias and tone models were trained on (not the word model's), moved
    to offsets into the sentence that starts at ``offset``."""
    return [s.shifted(-offset) for s in found
            if s.category in _CUES and s.source != LOADED_SOURCE]


def _density(loaded: list[Span], n_words: int) -> float:
    """Weighted loaded-language spans per 100 words (``loaded``: spans that count as loaded)."""
    weight = sum(max(s.weight, 0.0) for s in loaded)
    return 100.0 * weight / n_words if n_words else 0.0


def _top_terms(loaded: list[Span]) -> str:
    """The most frequent loaded terms (``loaded``: spans that count as loaded)."""
    counts = Counter(s.text.lower() for s in loaded if s.weight > 0)
    return ", ".join(term for term, _ in counts.most_common(_TOP_TERMS))


def _counts(found: list[Span], loaded: list[Span]) -> Counter:
    """Spans per category; in the loaded categories only ``loaded``, the part of ``found``
    that counts as loaded."""
    counts = Counter(s.category for s in found if s.category not in LOADED_CATEGORIES)
    counts.update(s.category for s in loaded)
    return counts


def _by_sentence(sentences: list[Sentence], spans: list[Span]) -> list[list[Span]]:
    starts = [s.start for s in sentences]
    groups: list[list[Span]] = [[] for _ in sentences]
    for span in spans:
        i = bisect_right(starts, span.start) - 1
        if i >= 0:
            groups[i].append(span)
    return groups


def _bias(model, piece: str, found: list[Span], offset: int, extra: float | None = None,
          *, cues: list[Span] | None = None) -> float:
    """The bias model's probability for one sentence, from the cue spans already found;
    ``extra`` is the optional sentence-embedding term added to the logit. ``cues``: the
    model's cue spans of ``found`` (:func:`_model_cues`) when already picked."""
    if model is None:
        return float("nan")
    cues = _model_cues(found, offset) if cues is None else cues
    return model.probability(piece, spans=cues, offset=extra or 0.0)


def _in_quote(regions: list[tuple[int, int]], offset: int, starts: list[int] | None = None) -> bool:
    """Whether ``offset`` falls inside one of the sorted ``regions``; pass their ``starts``
    when calling in a loop."""
    starts = [s for s, _ in regions] if starts is None else starts
    i = bisect_right(starts, offset) - 1
    return i >= 0 and offset < regions[i][1]


def _quote_free(regions: list[tuple[int, int]], starts: list[int], lo: int, hi: int) -> bool:
    """Whether no offset in ``[lo, hi)`` is in a quote as :func:`_in_quote` decides it: the
    region governing ``lo`` ends by ``lo`` and no other region starts before ``hi``."""
    i = bisect_right(starts, lo) - 1
    return (i < 0 or regions[i][1] <= lo) and (i + 1 >= len(starts) or starts[i + 1] >= hi)


def _with_voice(spans: list[Span], regions: list[tuple[int, int]]) -> list[Span]:
    """Each span in ``quote`` voice when it starts inside a quote, else ``author``; a span
    already in its voice is kept as it is (spans are frozen), so only a quote's are copied."""
    starts = [s for s, _ in regions]
    out = []
    for s in spans:
        voice = "quote" if _in_quote(regions, s.start, starts) else "author"
        out.append(s if s.voice == voice else
                   Span(s.start, s.end, s.text, s.category, s.weight, s.source, voice))
    return out


def _voice_stretches(text: str, sentence: Sentence, regions, starts: list[int]
                     ) -> list[tuple[str, int, int, int]]:
    """The stretches of one voice in a sentence, as ``(voice, start, end, n_words)``: a
    stretch runs from its first word to the next stretch (the first from the sentence's
    start, the last to its end)."""
    runs: list[list] = []                      # [voice, start, n_words]
    for s, e in sentence.words:
        if not _IS_WORD[text[s:e]]:            # WORD_RE.search(text, s, e), cached by token
            continue
        voice = "quote" if _in_quote(regions, s, starts) else "author"
        if runs and runs[-1][0] == voice:
            runs[-1][2] += 1
        else:
            runs.append([voice, s, 1])
    return [(voice, sentence.start if k == 0 else s,
             runs[k + 1][1] if k + 1 < len(runs) else sentence.end, n)
            for k, (voice, s, n) in enumerate(runs)]


def _voice_pieces(text: str, sentence: Sentence, regions, *, tone_model=None,
                  found: list[Span] = (), whole: tuple[float, float] | None = None,
                  starts: list[int] | None = None,
                  stretches: list[tuple[str, int, int, int]] | None = None,
                  rated: dict[tuple[int, int], float] | None = None
                  ) -> dict[str, list[tuple[float, float, int]]]:
    """Tone, VADER compound and word count of each stretch of one voice in a sentence.

    A stretch runs from its first word to the next stretch, so that punctuation ("!") stays
    with the words before it; a sentence in one voice is scored whole (``whole`` gives its
    tone and compound when already known). The tone is the same news-calibrated tone as
    ``sentiment`` (:func:`_tone`), so the voice columns share its scale. Pass the regions'
    ``starts`` when scoring many sentences of one text (building them is linear in the text),
    the :func:`_voice_stretches` when already found, and ``rated``, the tones of stretches
    ``(start, end)`` already rated (the same floats as :func:`_tone`; see ``_sentence_rows``).
    """
    starts = [s for s, _ in regions] if starts is None else starts
    if stretches is None:
        stretches = _voice_stretches(text, sentence, regions, starts)
    pieces: dict[str, list[tuple[float, int]]] = {"author": [], "quote": []}
    for voice, lo, hi, n in stretches:
        if whole is not None and len(stretches) == 1:
            pieces[voice].append((*whole, n))
            continue
        compound = vader_pass(text[lo:hi])[1]["compound"]     # the cached scores, read only
        if rated is not None and (lo, hi) in rated:
            tone = rated[(lo, hi)]
        else:
            own = [sp for sp in found if lo <= sp.start and sp.end <= hi]
            tone = _tone(tone_model, text[lo:hi], own, lo, compound)
        pieces[voice].append((tone, compound, n))
    return pieces


def _tone(model, piece: str, found: list[Span], offset: int, compound: float,
          extra: float | None = None, *, cues: list[Span] | None = None) -> float:
    """News-calibrated tone of one sentence (see :mod:`toolkit.tone`); VADER without a model.
    ``extra`` is the optional sentence-embedding term added to the rating (-4..4); ``cues``
    as :func:`_bias` takes them."""
    if model is None or not piece.strip():
        return compound
    cues = _model_cues(found, offset) if cues is None else cues
    return model.tone(piece, spans=cues, offset=extra or 0.0)


def _sentence_rows(text: str, sentences: list[Sentence], spans: list[Span],
                   regions: list[tuple[int, int]] = (), *, embeddings: bool = False,
                   n_words_of: list[int] | None = None) -> list[dict]:
    """One row per sentence (``n_words_of``: each sentence's :func:`_count_words`, when
    already counted)."""
    if n_words_of is None:
        n_words_of = _word_counts(sentences, _tokens_of(text, sentences)[1])
    model = load_bias_model()
    extras = [None] * len(sentences)
    if embeddings and sentences:
        extras = embedding_values([text[s.start:s.end] for s in sentences], "bias").tolist()
    tone_model = load_tone_model()
    rows = []
    starts = [s for s, _ in regions]
    groups = _by_sentence(sentences, spans)
    pieces_of = [text[s.start:s.end] for s in sentences]
    cues_of = [_model_cues(found, s.start) for s, found in zip(sentences, groups)]  # tone, bias
    tones: dict[int, float] = {}
    stretches: dict[int, list] = {}
    rated_stretches: dict[tuple[int, int], float] = {}
    for number, (sentence, found) in enumerate(zip(sentences, groups)):
        if number % _BLOCK == 0 and tone_model is not None:
            # The next block of sentences scored at once (the same floats as _tone one by
            # one; see ToneModel.ratings); a blank sentence keeps VADER's compound, as in
            # _tone. Blocks, not the whole text, so that a long text's sentences are still
            # in the sentence caches (vader_pass, lower_words) when the loop reads them.
            block = [i for i in range(number, min(number + _BLOCK, len(sentences)))
                     if pieces_of[i].strip()]
            # The stretches of the block's sentences that mix voices are rated in the same
            # call (ToneModel.ratings rates each text on its own: the floats of _tone).
            stretches = {}
            for i in range(number, min(number + _BLOCK, len(sentences))) if regions else ():
                if not _quote_free(regions, starts, sentences[i].start, sentences[i].end):
                    stretches[i] = _voice_stretches(text, sentences[i], regions, starts)
            mixed = [(lo, hi, [sp for sp in groups[i] if lo <= sp.start and sp.end <= hi])
                     for i, parts in stretches.items() if len(parts) > 1
                     for _, lo, hi, _ in parts if text[lo:hi].strip()]
            rated = tone_model.tones(
                [pieces_of[i] for i in block] + [text[lo:hi] for lo, hi, _ in mixed],
                spans=[cues_of[i] for i in block] + [_model_cues(own, lo)
                                                     for lo, _, own in mixed])
            tones = dict(zip(block, rated))
            rated_stretches = {(lo, hi): t for (lo, hi, _), t in zip(mixed, rated[len(block):])}
        piece = pieces_of[number]
        n_words = n_words_of[number]
        compound = vader_pass(piece)[1]["compound"]     # the cached scores, read only
        cues = cues_of[number]
        tone = tones.get(number, compound)
        if not regions:
            pieces = {"author": [(tone, compound, n_words)], "quote": []}
        elif _quote_free(regions, starts, sentence.start, sentence.end):
            # What _voice_pieces gives for a sentence all in the author's voice.
            pieces = {"author": [(tone, compound, n_words)] if n_words else [], "quote": []}
        else:
            pieces = _voice_pieces(text, sentence, regions, tone_model=tone_model, found=found,
                                   whole=(tone, compound), starts=starts,
                                   stretches=stretches.get(number), rated=rated_stretches)
        n_quoted = sum(w for *_, w in pieces["quote"])
        loaded = _loaded(found)
        rows.append({
            "paragraph": sentence.paragraph, "sentence": number, "start": sentence.start,
            "end": sentence.end, "text": piece,
            "voice": "quote" if n_words and n_quoted > n_words / 2 else "author",
            "n_words": n_words, "_pieces": pieces, "_n_quoted": n_quoted,
            "sentiment": tone,
            "sentiment_vader": compound,
            "subjectivity": subjectivity_of(found), "loaded_count": len(loaded),
            "loaded_density": _density(loaded, n_words),
            "bias_probability": _bias(model, piece, found, sentence.start, extras[number],
                                      cues=cues),
        })
    return rows


# The dtypes of the paragraph and sentence tables (with rows; an empty table's columns are
# object columns).
_PARAGRAPH_DTYPES = {c: "str" if c in ("text", "kind", "insert_reason", "top_terms") else
                     "int64" if c in ("paragraph", "start", "end", "n_words", "n_sentences",
                                      "loaded_count", *CUE_CATEGORIES) else "float64"
                     for c in PARAGRAPH_COLUMNS}
_SENTENCE_DTYPES = {c: "str" if c in ("text", "voice") else
                    "int64" if c in ("paragraph", "sentence", "start", "end", "n_words",
                                     "loaded_count") else "float64"
                    for c in SENTENCE_COLUMNS}


def _paragraph_columns(article: Article, sentence_rows: list[dict],
                       spans_of: list[list[Span]], loaded_of: list[list[Span]],
                       inserts: list[InsertFinding]) -> dict[str, list]:
    """The paragraph table as lists, one per column of ``PARAGRAPH_COLUMNS``; ``spans_of``
    and ``loaded_of`` are the evidence of each paragraph and the part of it that counts as
    loaded (:func:`_group_by_paragraph`)."""
    text = article.text
    headline = article.headline_paragraph
    sentences_of: list[list[dict]] = [[] for _ in article.paragraphs]
    for row in sentence_rows:
        sentences_of[row["paragraph"]].append(row)
    # One tuple per paragraph in the order of PARAGRAPH_COLUMNS, turned into columns at the
    # end in C (zip), instead of 34 list appends per paragraph.
    rows = []
    for number, ((start, end), own, found, loaded, insert) in enumerate(zip(
            article.paragraphs, sentences_of, spans_of, loaded_of, inserts)):
        weights = [r["n_words"] for r in own]
        n_words = sum(weights)
        counts = _counts(found, loaded) if found else {}
        rows.append((
            number, start, end, text[start:end],
            insert.kind or ("headline" if number == headline else "body"),
            insert.score, insert.reason, n_words, len(own),
            weighted_mean([r["sentiment"] for r in own], weights),
            weighted_mean([r["sentiment_vader"] for r in own], weights),
            subjectivity_of(found), len(loaded), _density(loaded, n_words),
            # A paragraph's bias probability: its sentences' probabilities, word-weighted.
            weighted_mean([r["bias_probability"] for r in own], weights),
            _top_terms(loaded) if loaded else "",
            *[counts.get(c, 0) for c in CUE_CATEGORIES],
            *_voice_figures(own, n_words).values()))
    if not rows:
        return {c: [] for c in PARAGRAPH_COLUMNS}
    return dict(zip(PARAGRAPH_COLUMNS, map(list, zip(*rows))))


def _frame(columns: dict[str, list], order: list[str], dtypes: dict[str, str]
           ) -> pd.DataFrame:
    """The table of ``columns`` (lists) in ``order``, of ``dtypes``. No rows: the object
    columns ``pd.DataFrame([], columns=order)`` gives, as the tables always had."""
    n = len(columns[order[0]])
    if not n:
        return pd.DataFrame([], columns=order)
    return table({c: columns[c] for c in order}, dtypes=dtypes, length=n)


def _voice_figures(own: list[dict], n_words: int) -> dict:
    """``quote_share``, ``sentiment_author`` and ``sentiment_quoted`` of one paragraph."""
    author = [p for r in own for p in r.get("_pieces", {}).get("author", [])]
    quoted = [p for r in own for p in r.get("_pieces", {}).get("quote", [])]
    n_quoted = sum(r.get("_n_quoted", 0) for r in own)
    return {"quote_share": n_quoted / n_words if n_words else 0.0,
            "sentiment_author": weighted_mean([p[0] for p in author], [p[-1] for p in author]),
            "sentiment_quoted": weighted_mean([p[0] for p in quoted], [p[-1] for p in quoted]),
            "sentiment_author_vader": weighted_mean([p[1] for p in author],
                                                    [p[-1] for p in author]),
            "sentiment_quoted_vader": weighted_mean([p[1] for p in quoted],
                                                    [p[-1] for p in quoted])}


def _voice_densities(loaded: list[Span], n_words: int, n_quoted: int) -> dict:
    """Loaded-language density of the author's own words apart from the quoted words
    (``loaded``: the spans that count as loaded)."""
    author = [s for s in loaded if s.voice != "quote"]
    quoted = [s for s in loaded if s.voice == "quote"]
    return {"quote_share": n_quoted / n_words if n_words else 0.0,
            "loaded_density_author": _density(author, n_words - n_quoted),
            "loaded_density_quoted": _density(quoted, n_quoted)}


def _summary(article: Article, paragraphs: dict[str, list], spans_of: list[list[Span]],
             loaded_of: list[list[Span]], *, include_inserts: bool,
             quotes: list[Quote] | None = None) -> dict:
    """Article-level figures from the paragraph table's columns (:func:`_paragraph_columns`,
    plain lists: pandas indexing costs more than the arithmetic); ``spans_of`` and
    ``loaded_of`` as that takes them."""
    kept = _kept_columns(paragraphs, ("paragraph", "n_words", "sentiment", "bias_probability",
                                      "quote_share"), include_inserts=include_inserts)
    found = [span for i in kept["paragraph"] for span in spans_of[i]]
    loaded = [span for i in kept["paragraph"] for span in loaded_of[i]]
    n_words = int(sum(kept["n_words"]))
    counts = _counts(found, loaded)
    excluded = len(paragraphs["paragraph"]) - len(kept["paragraph"])
    in_kept = set(kept["paragraph"])
    return {
        "title": article.title, "source": article.source,
        "n_paragraphs": len(paragraphs["paragraph"]),
        "n_paragraphs_analysed": len(kept["paragraph"]),
        "inserts_excluded": excluded,
        "note": (f"left out {excluded} sponsored or boilerplate paragraph(s)" if excluded
                 else "no paragraphs left out"),
        "n_words": n_words,
        "sentiment": weighted_mean([0.0 if v != v else v for v in kept["sentiment"]],
                                   kept["n_words"]),
        "subjectivity": subjectivity_of(found),
        "loaded_count": len(loaded), "loaded_density": _density(loaded, n_words),
        "bias_probability": _kept_mean(kept, "bias_probability"),
        "top_terms": _top_terms(loaded),
        **{c: counts.get(c, 0) for c in CUE_CATEGORIES},
        "n_quotes": 0 if quotes is None else sum(q.paragraph in in_kept for q in quotes),
        **_voice_densities(loaded, n_words, _quoted_words(kept)),
    }


def _kept_columns(paragraphs: dict[str, list], columns: tuple[str, ...], *,
                  include_inserts: bool) -> dict[str, list]:
    """``columns`` of the paragraphs the summary counts (all, or all but the inserts)."""
    keep = [include_inserts or kind not in INSERT_KINDS for kind in paragraphs["kind"]]
    return {c: [v for v, k in zip(paragraphs[c], keep) if k] for c in columns}


def _kept_mean(kept: dict[str, list], column: str) -> float:
    """Word-weighted mean of ``column`` over the paragraphs that have a value."""
    valid = [(v, w) for v, w in zip(kept[column], kept["n_words"]) if v == v]   # not NaN
    return weighted_mean([v for v, _ in valid], [w for _, w in valid])


def _quoted_words(kept: dict[str, list]) -> int:
    """The quoted words of the kept paragraphs (their quote shares times their words)."""
    import numpy as np

    shares = np.asarray(kept["quote_share"], dtype=np.float64)
    return int(round(float((shares * np.asarray(kept["n_words"], dtype=np.float64)).sum())))


def _group_by_paragraph(article: Article, spans: list[Span]) -> list[list[Span]]:
    starts = [s for s, _ in article.paragraphs]
    groups: list[list[Span]] = [[] for _ in starts]
    for span in spans:
        i = bisect_right(starts, span.start) - 1
        if i >= 0:
            groups[i].append(span)
    return groups


def _span_paragraphs(article: Article, spans: list[Span]) -> list[int]:
    """The paragraph of each span (-1 before the first paragraph)."""
    starts = [s for s, _ in article.paragraphs]
    return [bisect_right(starts, s.start) - 1 for s in spans]


def analyze(source, *, lexicon: CueLexicon | None = None,
            include_inserts: bool = False, embeddings: bool = False) -> Analysis:
    """Analyse one article paragraph by paragraph.

    Parameters
    ----------
    source : str, path or Article
        Anything :func:`~toolkit.loading.load_article` accepts.
    lexicon : CueLexicon, optional
        A cue lexicon of your own in place of the bundled one.
    include_inserts : bool
        Count sponsored and boilerplate paragraphs (see :func:`~toolkit.inserts.find_inserts`)
        in the summary too. Either way they keep their rows, with ``kind``,
        ``insert_score`` and ``insert_reason``, and their evidence is in ``.spans`` with
        ``source == "inserts"``.
    embeddings : bool
        Add the optional sentence-embedding term (:mod:`toolkit.embedding_terms`) to each
        sentence's bias logit, so ``bias_probability`` uses it; needs the ``embeddings``
        extra. The tone columns stay as they are here (they score pieces of sentences by
        voice); use ``score_sentences(..., embeddings=True)`` for tone with the term.

    Returns
    -------
    Analysis
        ``.paragraphs``, ``.sentences``, ``.spans`` and ``.summary``.

    Examples
    --------
    >>> result = analyze("Critics slammed the plan as a disaster.\\n\\nThe vote is on Monday.")
    >>> result.paragraphs[["paragraph", "loaded_count"]].to_dict("records")
    [{'paragraph': 0, 'loaded_count': 2}, {'paragraph': 1, 'loaded_count': 0}]
    """
    with _collector_paused():
        return _analyze(source, lexicon=lexicon, include_inserts=include_inserts,
                        embeddings=embeddings)


def _analyze(source, *, lexicon: CueLexicon | None, include_inserts: bool,
             embeddings: bool) -> Analysis:
    """:func:`analyze`'s steps."""
    article = load_article(source)
    text = article.text
    sentences = segment(text, article.paragraphs)
    # quoted speech, and the author's own quotation marks (scare quotes, titles, nicknames);
    # the speakers only when the quotes table is read (nothing here reads them)
    quotes, author_marks = find_quotations(text, article.paragraphs, speakers=False)
    regions = quote_regions(quotes)
    tokens = _tokens_of(text, sentences)
    spans = _evidence(text, sentences, lexicon, tokens=tokens)
    spans = _with_voice(sorted([*spans, *report_verb_spans(text, quotes, existing=spans)],
                               key=_SPAN_ORDER), regions)
    sentence_rows = _sentence_rows(text, sentences, spans, regions, embeddings=embeddings,
                                   n_words_of=_word_counts(sentences, tokens[1]))
    inserts = find_inserts(article)
    # Each paragraph's evidence and its loaded part, found once for the paragraph rows, the
    # summary and the people tables (table building, local to these steps).
    loaded = _loaded(spans)
    spans_of, loaded_of = _group_by_paragraph(article, spans), _group_by_paragraph(article, loaded)
    columns = _paragraph_columns(article, sentence_rows, spans_of, loaded_of, inserts)
    paragraphs = _frame(columns, PARAGRAPH_COLUMNS, _PARAGRAPH_DTYPES)
    sentence_table = _frame({c: [r[c] for r in sentence_rows] for c in SENTENCE_COLUMNS},
                            SENTENCE_COLUMNS, _SENTENCE_DTYPES)
    # Insert evidence goes to the spans table only: it must not count as loaded language;
    # so do the author's scare quotes (``scare_quote``, author voice), no one's speech.
    evidence = sorted([*spans, *_with_voice([s for f in inserts for s in f.spans], regions),
                       *(q.span() for q in author_marks)], key=_EVIDENCE_ORDER)
    summary = _summary(article, columns, spans_of, loaded_of,
                       include_inserts=include_inserts, quotes=quotes)
    # The contrast from the columns the table was built from: the same arrays as the
    # table's (to_numpy of its pyarrow string column alone cost more than the sums).
    summary.update(_contrast(np.array(columns["kind"], dtype=object),
                             np.array(columns["n_words"], dtype=float),
                             {c: np.array(columns[c], dtype=float)
                              for c in ("sentiment", "loaded_density")}))
    return Analysis(article=article, paragraphs=paragraphs, sentences=sentence_table,
                    spans=spans_table(evidence, _span_paragraphs(article, evidence)),
                    summary=summary,
                    _deferred_quotes=partial(_quote_table, text, article.paragraphs),
                    _quote_places=tuple((q.start, q.end) for q in quotes),
                    _deferred=partial(_people_tables, text, article.paragraphs, sentences,
                                      regions, loaded))


def score_sentences(texts, *, lexicon: CueLexicon | None = None,
                    embeddings: bool = False) -> pd.DataFrame:
    """Score independent sentences, one row per input, in input order.

    Each text is scored as one sentence, without splitting, as sentence datasets expect.

    Returns
    -------
    DataFrame
        ``sentence`` (the input position), ``text``, ``n_words``, ``sentiment``,
        ``sentiment_vader``, ``subjectivity``, ``loaded_count``, ``loaded_density``,
        ``bias_probability`` (see :mod:`toolkit.bias_model`; NaN when its weights are
        missing) and one count column per cue category.

    With ``embeddings=True`` (needs the optional ``embeddings`` extra), ``bias_probability``
    and ``sentiment`` add the sentence-embedding term of :mod:`toolkit.embedding_terms` to
    the default models' logit and rating; every other column is unchanged.

    Examples
    --------
    >>> score_sentences(["A vicious smear.", "The vote is on Monday."])["loaded_count"].tolist()
    [2, 0]
    """
    if isinstance(texts, str):
        raise TypeError("texts must be a list of strings, not a single str")
    rows = []
    texts = list(texts)
    model = load_bias_model() if texts else None
    tone_model = load_tone_model() if texts else None
    for number, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(f"texts[{number}] must be a str, not {type(text).__name__}")
        check_unicode(text, f"texts[{number}]")
    extras = [(None, None)] * len(texts)
    if embeddings and texts:
        extras = list(zip(embedding_values(texts, "bias").tolist(),
                          embedding_values(texts, "tone").tolist()))
    for number, text in enumerate(texts):
        rows.append(_score_one(text, number, lexicon, model, tone_model, extras[number]))
    columns = ["sentence", "text", "n_words", "sentiment", "sentiment_vader", "subjectivity",
               "loaded_count", "loaded_density", "bias_probability", *CUE_CATEGORIES]
    return pd.DataFrame(rows, columns=columns)


def sentence_evidence(texts, *, lexicon: CueLexicon | None = None) -> pd.DataFrame:
    """The spans behind :func:`score_sentences`, with ``sentence`` in place of ``paragraph``."""
    rows = []
    for number, text in enumerate(texts):
        for span in _evidence(text, segment(text), lexicon):
            rows.append({"sentence": number, **span.as_dict()})
    return pd.DataFrame(rows, columns=["sentence", *SPAN_COLUMNS[1:]])


def _score_one(text: str, number: int, lexicon: CueLexicon | None, model,
               tone_model=None, extras: tuple = (None, None)) -> dict:
    sentences = segment(text)
    found = _evidence(text, sentences, lexicon)
    n_words = sum(_count_words(text, s.words) for s in sentences)
    compound = vader_scores(text)["compound"] if text.strip() else 0.0
    loaded = _loaded(found)
    counts = _counts(found, loaded)
    return {"sentence": number, "text": text, "n_words": n_words,
            "sentiment": _tone(tone_model, text, found, 0, compound, extras[1]),
            "sentiment_vader": compound, "subjectivity": subjectivity_of(found),
            "loaded_count": len(loaded), "loaded_density": _density(loaded, n_words),
            "bias_probability": _bias(model, text, found, 0, extras[0]),
            **{c: counts.get(c, 0) for c in CUE_CATEGORIES}}

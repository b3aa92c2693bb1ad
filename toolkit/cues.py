"""Loaded language and bias cues: lexicon matches with inflections, phrases and negation.

A :class:`CueLexicon` indexes ``(term, category, weight)`` rows by the stems of their words,
so "fight back" also matches "fighting back" and "plot" matches "plotting". A cue preceded by
a negator within three words ("not a disaster") is kept as evidence with a negated weight.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from .segmentation import Sentence, segment, word_spans
from .spans import Span

__all__ = ["CUE_CATEGORIES", "LOADED_CATEGORIES", "CueLexicon", "default_lexicon", "find_cues"]

#: Every cue category, in the order the tables show them.
CUE_CATEGORIES = ("emotive", "label", "booster", "hedge", "factive", "report_verb",
                  "absolute", "fear", "conflict", "urgency", "call_to_action", "us_them",
                  "flag_waving")

#: The categories that count as loaded language in ``loaded_count`` and ``loaded_density``
#: and in the validation's word- and token-level figures.
LOADED_CATEGORIES = ("emotive", "label", "report_verb", "absolute", "fear", "conflict",
                     "urgency", "call_to_action", "us_them", "flag_waving")

NEGATORS = frozenset({"not", "no", "never", "n't", "without", "hardly", "nor", "neither"})
_NEGATION_WINDOW = 3


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _stemmer().stem(word)


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english", ignore_stopwords=False)


def _norm(token: str) -> str:
    return token.replace("’", "'").replace("‘", "'")


class CueLexicon:
    """An index of cue terms for fast matching.

    Parameters
    ----------
    rows : iterable of (term, category, weight)
        Terms may be phrases. A term with a capital letter matches case-sensitively and
        exactly ("the Left"); a lower-case term matches any case and any inflection.
    source : str
        Name recorded on every span this lexicon produces.
    """

    def __init__(self, rows: Iterable[tuple[str, str, float]], *, source: str = "cues"):
        self.source = source
        self.rows = tuple(rows)
        self._index: dict[tuple[str, ...], list[tuple[str, float]]] = {}
        self._exact: dict[tuple[str, ...], list[tuple[str, float]]] = {}
        # Longest term starting with a given first stem (or exact first word), so that
        # matching tries phrase lengths only where a phrase can start.
        self._longest: dict[str, int] = {}
        self._longest_exact: dict[str, int] = {}
        self.max_len = 1
        for term, category, weight in self.rows:
            tokens = [_norm(term[s:e]) for s, e in word_spans(term)]
            if not tokens:
                continue
            if term != term.lower():
                # Case matters ("the Left" is a label, "turn left" is not), except that the
                # first word may be capitalised at the start of a sentence.
                variants = {tuple(tokens), (tokens[0][:1].upper() + tokens[0][1:], *tokens[1:])}
                for variant in variants:
                    self._exact.setdefault(variant, []).append((category, weight))
                    self._longest_exact[variant[0]] = max(self._longest_exact.get(variant[0], 0),
                                                          len(variant))
            else:
                key = tuple(_stem(t) for t in tokens)
                self._index.setdefault(key, []).append((category, weight))
                self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))
            self.max_len = max(self.max_len, len(tokens))

    @property
    def categories(self) -> list[str]:
        return sorted({c for _, c, _ in self.rows})

    def match(self, text: str, words: tuple[tuple[int, int], ...]) -> list[Span]:
        """Spans for the cues among ``words`` (the word ranges of one sentence)."""
        raw = [_norm(text[s:e]) for s, e in words]
        stems = [_stem(w.lower()) for w in raw]
        out: list[Span] = []
        i, n_words = 0, len(words)
        while i < n_words:
            hit, length = None, 0
            longest = max(self._longest.get(stems[i], 0), self._longest_exact.get(raw[i], 0))
            for n in range(min(longest, n_words - i), 0, -1):
                hit = self._exact.get(tuple(raw[i:i + n])) or self._index.get(tuple(stems[i:i + n]))
                if hit:
                    length = n
                    break
            if not hit:
                i += 1
                continue
            start, end = words[i][0], words[i + length - 1][1]
            negated = any(w.lower() in NEGATORS for w in raw[max(0, i - _NEGATION_WINDOW):i])
            for category, weight in hit:
                out.append(Span(start, end, text[start:end], category,
                                -weight if negated else weight, self.source))
            i += length
        return out


@lru_cache(maxsize=1)
def default_lexicon() -> CueLexicon:
    """The bundled cue lexicon, built once on first use."""
    from .lexicons import lexicon_files, read_lexicon

    rows = [row for name in lexicon_files() if name.endswith(".tsv") for row in read_lexicon(name)]
    return CueLexicon(rows, source="cues")


def find_cues(text: str, sentences: list[Sentence] | None = None, *,
              lexicon: CueLexicon | None = None) -> list[Span]:
    """Find loaded-language and bias cues in ``text``.

    Parameters
    ----------
    text : str
    sentences : list of Sentence, optional
        Segmentation to reuse; computed when omitted.
    lexicon : CueLexicon, optional
        Your own lexicon in place of the bundled one.

    Returns
    -------
    list of Span
        One span per match and category, ``weight`` negative when negated.

    Examples
    --------
    >>> [(s.text, s.category) for s in find_cues("They want to fight back and destroy us.")]
    [('fight back', 'conflict'), ('destroy', 'emotive')]
    >>> [s.weight for s in find_cues("It was not a disaster.")]
    [-1.0]
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    lexicon = default_lexicon() if lexicon is None else lexicon
    sentences = segment(text) if sentences is None else sentences
    return [span for sentence in sentences for span in lexicon.match(text, sentence.words)]

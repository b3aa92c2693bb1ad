"""Loaded language and bias cues: lexicon matches with inflections, phrases and negation.

A :class:`CueLexicon` indexes ``(term, category, weight[, source])`` rows by the Snowball
stems of their words, so "fight back" also matches "fighting back" and "plot" matches
"plotting"; matching is one dictionary look-up per word and phrase length, longest phrase
first, and a term ending in a hyphen ("anti-") matches hyphenated words that start with it.
A term with a capital letter ("the Left") matches only with that case. A cue preceded
by a negator within three words of the same clause ("not a disaster", "never a threat") is
kept as evidence with a negated weight. An intensifier right before a loaded cue joins the
loaded span ("extremely vicious").

The bundled lexicons are listed in ``toolkit/lexicons/manifest.json`` with their sources and
licences; every span records the file it came from as its ``source``.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property, lru_cache
import operator
from itertools import accumulate, chain, compress, count

from .segmentation import Sentence, lower_words, segment, word_spans
from .spans import Span

__all__ = ["CUE_CATEGORIES", "LOADED_CATEGORIES", "LOADED_MIN_WEIGHT", "NEGATORS", "CueLexicon",
           "bundled_lexicon", "counts_as_loaded", "default_lexicon", "find_cues", "is_loaded",
           "lower_stems"]

#: Every cue category, in the order the tables show them.
CUE_CATEGORIES = ("emotive", "label", "booster", "hedge", "factive", "report_verb",
                  "absolute", "fear", "conflict", "urgency", "call_to_action", "us_them",
                  "flag_waving")

#: The categories that count as loaded language in ``loaded_count`` and ``loaded_density``
#: and in the validation's word- and token-level figures. Hedges, boosters and factive verbs
#: are epistemological bias cues, not loaded language; absolutes ("every", "never") are left
#: out too because people marked them as biased or loaded in under 10% of their occurrences
#: (BABE dev, biased sentences: 8%; PTC dev tokens: 3%), against about 60% for emotive words.
#: Urgency, calls to action, us-versus-them and flag-waving are propaganda techniques of
#: their own (slogans, flag-waving, black-and-white framing in the propaganda corpus' scheme),
#: not loaded wording: people marked their words as biased or loaded in about 2% of PTC dev
#: spans and none of 32 BABE dev words. They stay cue categories with their own counts.
LOADED_CATEGORIES = ("emotive", "label", "report_verb", "fear", "conflict")

#: The smallest weight (in absolute value) of a span that counts as loaded language. Spans of
#: the project-written lists weigh 0.5 to 1; the word model of :mod:`toolkit.loaded` weighs a
#: word by its probability of being marked as biased. Chosen on the development data (see the
#: README's Validation section).
LOADED_MIN_WEIGHT = 0.12
_LOADED = frozenset(LOADED_CATEGORIES)


def is_loaded(span: Span) -> bool:
    """Whether a span counts as loaded language: a category of :data:`LOADED_CATEGORIES`
    and a weight of at least :data:`LOADED_MIN_WEIGHT` in absolute value (negated cues count).

    Examples
    --------
    >>> is_loaded(Span(0, 5, "smear", "emotive", 1.0, "cues"))
    True
    >>> is_loaded(Span(0, 6, "played", "emotive", 0.05, "babe_mbic_loaded"))
    False
    """
    # counts_as_loaded written out: it runs for every span of an analysis, twice or more.
    return span.category in _LOADED and abs(span.weight) >= LOADED_MIN_WEIGHT


def counts_as_loaded(category: str, weight: float) -> bool:
    """:func:`is_loaded` for a category and weight given apart (a table row, a plain dict)."""
    return category in _LOADED and abs(weight) >= LOADED_MIN_WEIGHT


NEGATORS = frozenset({"not", "no", "never", "n't", "without", "hardly", "nor", "neither",
                      "barely", "scarcely", "nothing", "none", "nobody", "cannot"})
#: Words that end a negation's reach: clause punctuation and contrastive conjunctions.
_CLAUSE_BREAKS = frozenset({",", ";", ":", ".", "!", "?", "but", "yet", "although", "though",
                            "while", "whereas", "--", "—", "–"})
_NEGATION_WINDOW = 3


def _negated(lowered: list[str], i: int, first: int = 0) -> bool:
    """Whether a negator stands within the window before word ``i``, in the same clause
    (and sentence: its first word is ``lowered[first]``)."""
    for j in range(i - 1, max(first - 1, i - 1 - _NEGATION_WINDOW), -1):
        word = lowered[j]
        if word in _CLAUSE_BREAKS:
            return False
        if word in NEGATORS:
            return True
    return False


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _stemmer().stem(word)


@lru_cache(maxsize=200_000)
def _lower_stem(word: str) -> tuple[str, str]:
    """A word lower-cased and its stem: what cue matching reads of each word."""
    low = word.lower()
    return low, _stem(low)


@lru_cache(maxsize=4096)
def lower_stems(text: str) -> tuple[str, ...]:
    """The Snowball stem of each :func:`~toolkit.segmentation.lower_words` word of ``text``.

    The tone, bias and loaded-word models all read a sentence's stems: the cache (on the
    sentence, as ``lower_words``; each stem itself is cached on the word) lets them share
    one pass.

    Examples
    --------
    >>> lower_stems("Critics slammed the plans.")
    ('critic', 'slam', 'the', 'plan')
    """
    return tuple(map(_stem, [w for *_, w in lower_words(text)]))


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
    rows : iterable of (term, category, weight) or (term, category, weight, source)
        Terms may be phrases. A term with a capital letter matches case-sensitively and
        exactly ("the Left"); a lower-case term matches any case and any inflection.
    source : str
        Name recorded on the spans of rows that name no source of their own.

    Examples
    --------
    >>> lexicon = CueLexicon([("smear", "emotive", 1.0), ("perhaps", "hedge", 1.0)])
    >>> lexicon.categories
    ['emotive', 'hedge']
    >>> [s.text for s in find_cues("Perhaps they smeared him.", lexicon=lexicon.subset(["emotive"]))]
    ['smeared']
    """

    def __init__(self, rows: Iterable[tuple], *, source: str = "cues"):
        self.source = source
        self.rows = tuple((r[0], r[1], float(r[2]), r[3] if len(r) > 3 else source)
                          for r in rows)
        self._index: dict[tuple[str, ...], list[tuple[str, float, str, str]]] = {}
        self._exact: dict[tuple[str, ...], list[tuple[str, float, str, str]]] = {}
        # Longest term starting with a given first stem (or exact first word), so that
        # matching tries phrase lengths only where a phrase can start.
        self._longest: dict[str, int] = {}
        self._longest_exact: dict[str, int] = {}
        # Terms ending in a hyphen ("anti-") match hyphenated words that start with them.
        self._prefix: dict[tuple[str, ...], list[tuple[str, float, str, str]]] = {}
        self.max_len = 1
        for term, category, weight, origin in self.rows:
            entry = (category, weight, origin, term.lower())
            if term.endswith("-") and " " not in term:
                _add(self._prefix, (term.lower(),), entry)
                continue
            tokens = [_norm(term[s:e]) for s, e in word_spans(term)]
            if not tokens:
                continue
            if term != term.lower():
                # Case matters ("the Left" is a label, "turn left" is not), except that the
                # first word may be capitalised at the start of a sentence.
                variants = {tuple(tokens), (tokens[0][:1].upper() + tokens[0][1:], *tokens[1:])}
                for variant in variants:
                    _add(self._exact, variant, entry)
                    self._longest_exact[variant[0]] = max(self._longest_exact.get(variant[0], 0),
                                                          len(variant))
            else:
                key = tuple(_stem(t) for t in tokens)
                _add(self._index, key, entry)
                self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))
            self.max_len = max(self.max_len, len(tokens))

    @cached_property
    def _facts(self) -> dict[str, tuple[str, str, list | None, bool]]:
        """The word-type cache of :meth:`_word_facts` (filled by :meth:`match`)."""
        return {}

    def _word_facts(self, word: str) -> tuple[str, str, list | None, bool]:
        """``word`` lower-cased, its stem, the entries it matches as a term of one word
        (exactly, else by its stem, else as a compound: :meth:`match`'s answer wherever no
        longer term can start at the word) and whether there are any."""
        facts = self._facts
        if len(facts) > 100_000:
            facts.clear()
        low, stem = _lower_stem(word)
        single = self._exact.get((word,)) or self._index.get((stem,)) \
            or (self._compound(low) if "-" in low else None)
        found = facts[word] = (low, stem, single, bool(single))
        return found

    @cached_property
    def _prefixes(self) -> set[tuple[str, ...]]:
        """Every beginning, of two words or more, of the stemmed terms."""
        return {key[:n] for key in self._index for n in range(2, len(key) + 1)}

    @cached_property
    def _exact_prefixes(self) -> set[tuple[str, ...]]:
        """Every beginning, of two words or more, of the exact (case-sensitive) terms."""
        return {key[:n] for key in self._exact for n in range(2, len(key) + 1)}

    def __len__(self) -> int:
        return len(self.rows)

    def __repr__(self) -> str:
        return f"<CueLexicon {len(self.rows)} terms, categories {self.categories}>"

    def subset(self, categories: Iterable[str]) -> "CueLexicon":
        """A lexicon with only the rows of ``categories``.

        Raises
        ------
        ValueError
            When a category is not one of :data:`CUE_CATEGORIES`.
        """
        wanted = {categories} if isinstance(categories, str) else set(categories)
        unknown = sorted(wanted - set(CUE_CATEGORIES))
        if unknown:
            raise ValueError(f"unknown cue categories {unknown}; known: {list(CUE_CATEGORIES)}")
        return CueLexicon([r for r in self.rows if r[1] in wanted], source=self.source)

    def _compound(self, word: str):
        """Entries for a hyphenated word with no entry of its own: by its prefix ("anti-")
        or by its first part that is a term ("scandal-ridden")."""
        return _compound_hit(self, word)

    @property
    def categories(self) -> list[str]:
        return sorted({row[1] for row in self.rows})

    def match(self, text: str, words: tuple[tuple[int, int], ...]) -> list[Span]:
        """Spans for the cues among ``words`` (the word ranges of one sentence)."""
        return self.match_sentences(text, [words])

    def match_sentences(self, text: str, sentences: Iterable[tuple[tuple[int, int], ...]]
                        ) -> list[Span]:
        """:meth:`match` of each sentence's word ranges, one after the other, in one pass
        over all their words (a term never spans two sentences)."""
        sentences = list(sentences)
        words = list(chain.from_iterable(sentences))
        if not words:
            return []
        # Curly apostrophes made straight in the text once (one character for one, so the
        # same offsets) rather than in each word.
        plain = _norm(text) if "’" in text or "‘" in text else text
        raw = [plain[s:e] for s, e in words]
        # Each word type's lower case, stem and one-word match come from one cache on the
        # lexicon. A longer term can start at a word only when the word and the next, in
        # the same sentence, begin some term (a pair in the prefix sets, tested for all
        # words in C); elsewhere the one-word answer is the scan's answer, so only words
        # with one or the other are visited, and only the former try the longer lengths.
        facts = self._facts
        forms = list(map(facts.get, raw))
        if None in forms:
            forms = [f or self._word_facts(w) for f, w in zip(forms, raw)]
        lowered, stems, single, has_single = zip(*forms)
        exact_pairs = map(self._exact_prefixes.__contains__, zip(raw, raw[1:]))
        stem_pairs = map(self._prefixes.__contains__, zip(stems, stems[1:]))
        phrase = [*map(operator.or_, exact_pairs, stem_pairs), False]
        ends = list(accumulate(map(len, sentences)))
        for end in ends:
            phrase[end - 1] = False         # no pair across a sentence break
        out: list[Span] = []
        first, first_exact = self._longest, self._longest_exact
        sentence, lo, hi, opened, resume = -1, 0, 0, 0, 0
        for i in compress(count(), map(operator.or_, has_single, phrase)):
            if i >= hi:                     # a new sentence: [lo, hi) are its words
                while ends[sentence + 1] <= i:
                    sentence += 1
                sentence += 1
                lo, hi = (ends[sentence - 1] if sentence else 0), ends[sentence]
                opened, resume = len(out), lo   # its spans start at out[opened]
            if i < resume:
                continue
            if not phrase[i]:
                hit, length = single[i], 1
            else:
                hit, length = None, 0
                # The longest run of words from i that starts some term (exactly, by
                # stems): no term is longer, so the longest match is found by trying only
                # those lengths.
                exact = _run(self._exact_prefixes, raw, i, first_exact.get(raw[i], 0), hi)
                stemmed = _run(self._prefixes, stems, i, first.get(stems[i], 0), hi)
                for n in range(max(exact, stemmed), 0, -1):
                    hit = (n <= exact and self._exact.get(tuple(raw[i:i + n]))) \
                        or (n <= stemmed and self._index.get(tuple(stems[i:i + n])))
                    if hit:
                        length = n
                        break
                if not hit and "-" in lowered[i]:
                    hit, length = self._compound(lowered[i]), 1
            if not hit:
                continue
            start, end = words[i][0], words[i + length - 1][1]
            negated = _negated(lowered, i, lo)
            # An intensifier right before a loaded cue belongs to it ("extremely violent").
            lead = start
            if len(out) > opened and out[-1].end == words[i - 1][1] \
                    and out[-1].category == "booster" and words[i - 1][0] == out[-1].start:
                lead = out[-1].start
            if len(hit) > 1:
                # Stems conflate ("extreme", "extremely"): a term spelt as in the text wins.
                form = " ".join(lowered[i:i + length])
                hit = [e for e in hit if e[3] == form] or hit
            for category, weight, origin, _ in hit:
                s0 = lead if category in LOADED_CATEGORIES else start
                out.append(Span(s0, end, text[s0:end], category,
                                -weight if negated else weight, origin))
            resume = i + length
        return out


def _run(prefixes: set[tuple[str, ...]], words: list[str], i: int, longest: int,
         stop: int) -> int:
    """How many words from ``words[i]`` on, before ``words[stop]`` (at most ``longest``),
    start some term."""
    if longest < 2:
        return longest
    n = 1
    end = min(longest, stop - i)
    while n < end and tuple(words[i:i + n + 1]) in prefixes:
        n += 1
    return n


def _compound_hit(lexicon: "CueLexicon", word: str):
    parts = word.split("-")
    hit = lexicon._prefix.get((parts[0] + "-",))
    if hit:
        return hit
    for part in parts:
        if len(part) > 2:
            hit = lexicon._index.get((_stem(part),))
            if hit:
                return hit
    return None


def _add(index: dict, key: tuple[str, ...], entry: tuple[str, float, str, str]) -> None:
    entries = index.setdefault(key, [])
    # One span per category: a term listed twice keeps its first file's entry.
    if all(e[0] != entry[0] for e in entries):
        entries.append(entry)


@lru_cache(maxsize=8)
def bundled_lexicon(files: tuple[str, ...] | None = None) -> CueLexicon:
    """A lexicon of bundled files (all of them by default), each span's source its file name.

    Parameters
    ----------
    files : tuple of str, optional
        Names from ``toolkit/lexicons/manifest.json``, for example ``("cues.tsv",
        "epistemic.tsv")`` to leave out the AGPL-licensed data-derived list.
    """
    from .lexicons import lexicon_files, read_lexicon

    known = lexicon_files()
    names = known if files is None else list(files)
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ValueError(f"unknown lexicon file(s) {unknown}; bundled: {known}")
    rows = [(*row, name.rsplit(".", 1)[0]) for name in names for row in read_lexicon(name)]
    return CueLexicon(rows, source="cues")


def default_lexicon() -> CueLexicon:
    """The bundled cue lexicon (every file in the manifest), built once on first use."""
    return bundled_lexicon()


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
    return lexicon.match_sentences(text, [sentence.words for sentence in sentences])

"""Sentences and words with character offsets, using NLTK only and nothing downloaded.

Punkt is built from parameters set in code: the abbreviations that news text uses
("Mr.", "Sen.", "U.S.", "a.m.", "Jan.") so that they do not end a sentence. Words come from
NLTK's ``NLTKWordTokenizer``, run inside each sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["NEWS_ABBREVIATIONS", "Sentence", "segment", "sentence_spans", "word_spans", "WORD_RE",
           "lower_words"]

#: Abbreviations that must not end a sentence, lower-cased and without the final period.
NEWS_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sr jr st mt ft rev gen lt col maj capt cmdr adm sgt cpl pvt
sen rep gov lt.gov pres sec atty supt insp det amb hon messrs mmes
u.s u.k u.n u.s.a e.u d.c l.a n.y n.j wash calif fla tex ariz ill mass mich minn penn pa va
jan feb mar apr jun jul aug sep sept oct nov dec
mon tue tues wed thu thur thurs fri sat sun
a.m p.m no nos vol vols fig figs approx est dept univ assn bros corp inc ltd co
e.g i.e etc vs v cf al ph.d m.d b.a m.a
""".split())

#: A word as the validation counts it: letters, inner apostrophes and hyphens.
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'-]*")


@lru_cache(maxsize=1)
def _punkt():
    """Punkt with the news abbreviations, its fixed patterns run without ``nltk.redos``'s
    time limit (as :func:`_word_tokenizer`'s: the same compiled patterns, so the same
    sentences; set on this tokenizer's own language variables and token class only)."""
    from nltk.tokenize.punkt import (PunktLanguageVars, PunktParameters,
                                     PunktSentenceTokenizer, PunktToken)

    class Token(PunktToken):
        _RE_ELLIPSIS = _untimed(PunktToken._RE_ELLIPSIS)
        _RE_NUMERIC = _untimed(PunktToken._RE_NUMERIC)
        _RE_INITIAL = _untimed(PunktToken._RE_INITIAL)
        _RE_ALPHA = _untimed(PunktToken._RE_ALPHA)

    class LanguageVars(PunktLanguageVars):
        __slots__ = ()
        re_boundary_realignment = _untimed(PunktLanguageVars.re_boundary_realignment)

    lang_vars = LanguageVars()
    lang_vars._re_period_context = _untimed(lang_vars.period_context_re())
    lang_vars._re_word_tokenizer = _untimed(lang_vars._word_tokenizer_re())
    params = PunktParameters()
    params.abbrev_types = set(NEWS_ABBREVIATIONS)
    tokenizer = PunktSentenceTokenizer(lang_vars=lang_vars, token_cls=Token)
    tokenizer._params = params
    return tokenizer


@lru_cache(maxsize=1)
def _word_tokenizer():
    """NLTK's ``NLTKWordTokenizer``, its fixed patterns run without the ReDoS time limit, and
    a pattern tried only when the text holds a character it needs.

    NLTK routes every pattern through ``nltk.redos``, which runs each match of the compiled
    ``regex`` pattern under a wall-clock timeout; the check doubles the cost of tokenising.
    The limit guards against pathological caller-supplied patterns, and these are NLTK's own
    linear ones, so the tokenizer gets the same compiled patterns without the wrapper: the
    same engine and the same tokens. The subclass (:func:`_tokenizer_class`) then skips the substitutions
    that cannot match (most of the 33 for a plain sentence).
    """
    tokenizer = _tokenizer_class()()
    for name in ("STARTING_QUOTES", "PUNCTUATION", "CONVERT_PARENTHESES", "ENDING_QUOTES"):
        setattr(tokenizer, name, [(_untimed(p), sub) for p, sub in getattr(tokenizer, name)])
    for name in ("PARENS_BRACKETS", "DOUBLE_DASHES"):
        pattern, sub = getattr(tokenizer, name)
        setattr(tokenizer, name, (_untimed(pattern), sub))
    for name in ("CONTRACTIONS2", "CONTRACTIONS3"):
        setattr(tokenizer, name, [_untimed(p) for p in getattr(tokenizer, name)])
    tokenizer.gate()
    return tokenizer


def _untimed(pattern):
    """The compiled pattern inside an ``nltk.redos`` wrapper (the pattern itself otherwise)."""
    return getattr(pattern, "_rx", pattern)


#: For NLTKWordTokenizer's patterns (by their source): strings one of which a text must hold
#: for the pattern to match. Each pattern matches a literal character of its string here
#: (or the pair of them), so a text without any cannot match. A pattern not listed always
#: runs.
_NEEDS = {
    "([«“‘„]|[`]+)": ("«", "“", "‘", "„", "`"),
    '^\\"': ('"',),
    "(``)": ("``",),
    '([ \\(\\[{<])(\\"|\\\'{2})': ('"', "''"),
    "(?i)(?<!\\w)(\\')(?!(?:re|ve|ll|m|t|s|d|n)\\b)(?=\\w)": ("'",),
    '([^\\.])(\\.)([\\]\\)}>"\\\'»”’ ]*+)\\s*$': (".",),
    "([:,])([^\\d])": (":", ","),
    "([:,])$": (":", ","),
    "\\.{2,}": ("..",),
    "[;@#$%&]": (";", "@", "#", "$", "%", "&"),
    "[\\u2012-\\u2015]": ("\u2012", "\u2013", "\u2014", "\u2015"),
    '([^\\.])(\\.)([\\]\\)}>"\\\']*)\\s*$': (".",),
    "[?!]": ("?", "!"),
    "([^'])' ": ("' ",),
    "[*]": ("*",),
    "([»”’])": ("»", "”", "’"),
    "''": ("''",),
    '"': ('"',),
    "([^' ])('[sS]|'[mM]|'[dD]|') ": ("'",),
    "([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ": ("'",),
    "[\\]\\[\\(\\)\\{\\}\\<\\>]": ("[", "]", "(", ")", "{", "}", "<", ">"),
    "--": ("--",),
}
#: The contractions (case-insensitive): the lower-cased word each needs, checked in the
#: lower-cased text (ASCII text, or text without one of :data:`_ODD_CASES`); other text runs
#: them all.
_NEEDS_LOWER = {
    "(?i)\\b(can)(?#X)(not)\\b": "cannot", "(?i)\\b(d)(?#X)('ye)\\b": "d'ye",
    "(?i)\\b(gim)(?#X)(me)\\b": "gimme", "(?i)\\b(gon)(?#X)(na)\\b": "gonna",
    "(?i)\\b(got)(?#X)(ta)\\b": "gotta", "(?i)\\b(lem)(?#X)(me)\\b": "lemme",
    "(?i)\\b(more)(?#X)('n)\\b": "more'n", "(?i)\\b(wan)(?#X)(na)(?=\\s)": "wanna",
    "(?i) ('t)(?#X)(is)\\b": "'tis", "(?i) ('t)(?#X)(was)\\b": "'twas",
}


def _tokenizer_class():
    from nltk.tokenize import NLTKWordTokenizer

    class GatedTokenizer(NLTKWordTokenizer):
        """``NLTKWordTokenizer.tokenize`` step for step, each substitution tried only when
        the text holds what its pattern needs (:data:`_NEEDS`): the same tokens
        (``tests/test_segmentation.py`` checks them against NLTK's own tokenizer)."""

        def gate(self) -> None:
            def gated(pairs):
                return [(p, sub, _space_gate if p.pattern == _SPACE_RUNS
                         else _gate(_NEEDS.get(p.pattern))) for p, sub in pairs]

            self._starting = gated(self.STARTING_QUOTES)
            self._punctuation = gated(self.PUNCTUATION)
            self._ending = gated(self.ENDING_QUOTES)
            self._middle = gated([self.PARENS_BRACKETS, self.DOUBLE_DASHES])
            self._contractions = [(p, _NEEDS_LOWER.get(p.pattern))
                                  for p in (*self.CONTRACTIONS2, *self.CONTRACTIONS3)]
            # The lower-cased gate holds beyond ASCII for the `re` engine's case rules
            # (see _ODD_CASES); any other engine gets the gate in ASCII text only.
            self._any_text = all(isinstance(p, re.Pattern) for p, _ in self._contractions)

        def tokenize(self, text: str, convert_parentheses: bool = False,
                     return_str: bool = False) -> list[str]:
            if convert_parentheses or return_str or not hasattr(self, "_starting"):
                return super().tokenize(text, convert_parentheses, return_str)
            for steps in (self._starting, self._punctuation, self._middle):
                for pattern, sub, needs in steps:
                    if needs is None or needs(text):
                        text = pattern.sub(sub, text)
            text = " " + text + " "
            for pattern, sub, needs in self._ending:
                if needs is None or needs(text):
                    text = pattern.sub(sub, text)
            lowered = text.lower() if text.isascii() or (
                self._any_text and not _odd_case(text)) else None
            for pattern, needs in self._contractions:
                if needs is None or lowered is None or needs in lowered:
                    text = pattern.sub(r" \1 \2 ", text)
            return text.split()

        def span_tokenize(self, text: str):
            """NLTK's ``span_tokenize`` (the same quote restoring and alignment) without the
            ``nltk.redos`` time limit on its fixed quote pattern, returning a list."""
            tokens = self.tokenize(text)
            if '"' in text or "''" in text:
                matched = iter(_DOUBLE_QUOTES.findall(text))
                tokens = [next(matched) if tok in ('"', "``", "''") else tok for tok in tokens]
            point, offsets, index = 0, [], text.index
            for token in tokens:
                start = index(token, point)     # ValueError when a token cannot be aligned
                point = start + len(token)
                offsets.append((start, point))
            return offsets

    return GatedTokenizer


#: The characters that `re`'s case-insensitive matching takes for an ASCII letter of the
#: contractions but that ``str.lower`` does not turn into it (dotted and dotless i, long s;
#: tests/test_segmentation.py finds them by scanning every code point). In a text without
#: them, a contraction the pattern matches is in ``text.lower()`` (about a third of news
#: sentences hold a curly quote or a dash, and ran all ten contraction patterns before).
_ODD_CASES = ("\u0130", "\u0131", "\u017f")


def _odd_case(text: str) -> bool:
    return _ODD_CASES[0] in text or _ODD_CASES[1] in text or _ODD_CASES[2] in text


#: NLTK's pattern in ``span_tokenize`` for the quotes its tokenizer rewrote.
_DOUBLE_QUOTES = re.compile(r"``|'{2}|\"")


#: The substitution among NLTK's ending steps that turns each run of ``\s`` into one space.
#: It changes the tokens only through a space that is not a plain one: the contraction
#: patterns after it read ``[^' ]`` and a literal space, and the final ``split`` takes any
#: run of spaces. In a text that ``str.isprintable`` passes, every character ``\s`` matches
#: is a plain space (``tests/test_segmentation.py`` scans every code point), and a run of
#: plain spaces neither starts nor ends a contraction match differently from one space.
#: Most sentences are printable; the substitution ran on every one and was the costliest.
_SPACE_RUNS = "\\s+"


def _space_gate(text: str) -> bool:
    """Whether ``\\s+`` must run: the text holds a space other than a plain one, or a control
    or format character (anything ``str.isprintable`` refuses)."""
    return not text.isprintable()


def _gate(needs: tuple[str, ...] | None):
    """A test for "the text holds one of ``needs``": ``lambda text: n1 in text or n2 in
    text ...``, made once per pattern from the literals of :data:`_NEEDS` (a chain of
    C-level substring tests costs less per sentence than a loop over ``needs`` or a regex
    search, and gives the same answer)."""
    if needs is None:
        return None
    return eval("lambda text: " + " or ".join(f"{n!r} in text" for n in needs))  # noqa: S307


_LINE_BREAK = re.compile(r"\n\s*")
#: Punkt's sentence-ending characters; the spaces that both ``str.rstrip`` and Punkt's
#: ``\s`` take for spaces (others, such as U+001C, send a line through Punkt).
_SENTENCE_END = re.compile(r"[.?!]")
_PLAIN_SPACE = " \t\n\r\f\v"


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the sentences in ``text[start:end]``.

    Offsets are into ``text``. Leading and trailing whitespace is excluded, and a line break
    always ends a sentence (headlines and list items have no final period).

    Examples
    --------
    >>> text = "Sen. Smith spoke at 9 a.m. on Monday. Then he left."
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['Sen. Smith spoke at 9 a.m. on Monday.', 'Then he left.']
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    tokenizer = _punkt()
    line_start = start
    for brk in [*_LINE_BREAK.finditer(text, start, end), None]:
        line_end = end if brk is None else brk.start()
        line = text[line_start:line_end]
        if line.strip():
            stripped = line.rstrip()
            if not _SENTENCE_END.search(stripped, 0, len(stripped) - 1) \
                    and not line[len(stripped):].strip(_PLAIN_SPACE):
                # No place where Punkt would look for a break (a '.', '?' or '!' with
                # something after it): it gives the line without its trailing spaces.
                # Most news paragraphs are one such line.
                out.append((line_start, line_start + len(stripped)))
            else:
                for s, e in tokenizer.span_tokenize(line):
                    out.append((line_start + s, line_start + e))
        if brk is not None:
            line_start = brk.end()
    return out


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of NLTK word tokens in ``text[start:end]``.

    Call it on one sentence at a time, as NLTK intends.

    Examples
    --------
    >>> text = "They're plotting ways."
    >>> [text[s:e] for s, e in word_spans(text)]
    ['They', "'re", 'plotting', 'ways', '.']
    """
    end = len(text) if end is None else end
    return [(start + s, start + e) for s, e in _piece_words(text[start:end])]


@lru_cache(maxsize=4096)
def _piece_words(piece: str) -> tuple[tuple[int, int], ...]:
    """Word offsets within ``piece``. Cached: a pure function of the text, and the target-tone
    model tokenises again the sentences that :func:`segment` has just tokenised."""
    try:
        return tuple(_word_tokenizer().span_tokenize(piece))
    except ValueError:
        # span_tokenize cannot align some inputs (for example stray quote characters that the
        # tokenizer rewrites); fall back to a plain pattern so offsets stay exact.
        return tuple((m.start(), m.end())
                     for m in re.finditer(r"\w+(?:['’]\w+)*|[^\w\s]", piece))


@lru_cache(maxsize=4096)
def lower_words(text: str) -> tuple[tuple[int, int, str], ...]:
    """The :data:`WORD_RE` words of ``text``: ``(start, end, lower-cased word)``.

    The bias and tone models both read a sentence's words this way; the cache lets them
    share one pass (a pure function of the text).

    Examples
    --------
    >>> lower_words("It's a U.S. plan.")
    ((0, 4, "it's"), (5, 6, 'a'), (7, 8, 'u'), (9, 10, 's'), (12, 16, 'plan'))
    """
    return tuple([(m.start(), m.end(), m.group().lower()) for m in WORD_RE.finditer(text)])


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article: its range, its paragraph and its word ranges."""

    start: int
    end: int
    paragraph: int
    words: tuple[tuple[int, int], ...]


def segment(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[Sentence]:
    """Split ``text`` (or each of its ``paragraphs``) into sentences and words.

    Examples
    --------
    >>> [len(s.words) for s in segment("One two. Three.")]
    [3, 2]
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if paragraphs is None:
        paragraphs = [(0, len(text))]
    out = []
    for number, (p_start, p_end) in enumerate(paragraphs):
        for s, e in sentence_spans(text, p_start, p_end):
            out.append(Sentence(s, e, number, tuple(word_spans(text, s, e))))
    return out

"""Quotation marks: pairing double and single marks into the quoted stretches of an article.

The first step of quote finding (:func:`toolkit.voice.find_quotes`), rules only:

1. **Marks.** Straight and curly double quotes, and single quotes used as quotation marks, are
   read with their context: a mark after a space and before a letter opens, a mark after a
   letter and before a space or punctuation closes. Single quotes between letters ("don't",
   "Russia’s"), before a decade ("the '90s") or in an elision ("rock 'n' roll") are
   apostrophes, and a single quote only opens a quote when it also closes in the paragraph,
   so "students'" never starts one.
2. **Paragraphs.** An unclosed quote closes at the end of its paragraph. When the next
   paragraph opens with a fresh mark (the news convention for a quote over several
   paragraphs), the two pieces are one quote; otherwise the rest of the article stays the
   author's.
3. **Nesting.** A quote inside another (single inside double, or the reverse) belongs to the
   outer one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from .loading import _trim
from .segmentation import WORD_RE

_DOUBLE_OPEN, _DOUBLE_CLOSE = "“„‟«", "”»"
_SINGLE_OPEN, _SINGLE_CLOSE = "‘‚‛‹", "’›"
_DOUBLE = '"' + _DOUBLE_OPEN + _DOUBLE_CLOSE
_SINGLE = "'" + _SINGLE_OPEN + _SINGLE_CLOSE
_DOUBLE_MARK = re.compile(f"[{re.escape(_DOUBLE)}]")
_SINGLE_MARK = re.compile(f"[{re.escape(_SINGLE)}]")
_OPENERS_BEFORE = "([{<—–-/" + _DOUBLE_OPEN + _SINGLE_OPEN + "\"'"
_CLOSERS_AFTER = ".,;:!?)]}>—–-…/" + _DOUBLE_CLOSE + _SINGLE_CLOSE + "\"'"
_ELISIONS = re.compile(r"(?:em|til|tis|twas|cause|bout|n|round|nuff|cos|kay|sup|ello|s|t|re|ll|ve|d|m)"
                       r"(?![A-Za-z])", re.I)
_DECADE = re.compile(r"\d\d(?:s|\b)")


@dataclass
class _Segment:
    """A quoted stretch inside one paragraph: the marks and the words between them."""

    paragraph: int
    start: int                 # first character of the quoted words
    end: int                   # one past the last quoted character
    open_mark: int | None      # offset of the opening mark, None if the quote had none
    close_mark: int | None     # offset of the closing mark, None if closed by the paragraph
    kind: str                  # "double" or "single"
    continues: bool = False    # runs on into the next paragraph's quote


def _direction(text: str, i: int, lo: int, hi: int) -> str:
    """``open``, ``close`` or ``either`` for the quote mark at ``text[i]``."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    left_open = prev.isspace() or prev in _OPENERS_BEFORE
    right_close = nxt.isspace() or nxt in _CLOSERS_AFTER
    char = text[i]
    if left_open and not right_close:
        context = "open"
    elif right_close and not left_open:
        context = "close"
    else:
        context = "either"
    if char in _DOUBLE_OPEN or char in _SINGLE_OPEN:
        glyph = "open"
    elif char in _DOUBLE_CLOSE or char in _SINGLE_CLOSE:
        glyph = "close"
    else:
        glyph = "either"
    if glyph == "either":
        return context
    if context != "either" and context != glyph and (prev.isalnum() or nxt.isalnum()):
        return context                  # a curly mark typed the wrong way round
    return glyph


def _double_segments(text: str, paragraphs) -> list[_Segment]:
    out: list[_Segment] = []
    for number, (lo, hi) in enumerate(paragraphs):
        marks = [m.start() for m in _DOUBLE_MARK.finditer(text, lo, hi)]
        directions = [_direction(text, i, lo, hi) for i in marks]
        open_at: int | None = None
        found_here = False
        skip = set()
        for k, i in enumerate(marks):
            if k in skip:
                continue
            d = directions[k]
            if (open_at is not None and d == "open" and directions[k + 1:k + 3] == ["close", "close"]):
                skip.update({k + 1})              # “a “nested” quote,”: part of the outer one
                continue
            if open_at is None:
                if d != "close" or (i > lo and text[i - 1] == ":" and k + 1 < len(marks)):
                    open_at = i               # 'evening:”. ... fine!”': a mistyped opener
                elif not found_here and not (i > lo and text[i - 1] == ":"):
                    # A closing mark with no opening one: the quote began at the paragraph
                    # start (a run-on quote whose fresh mark is missing, or a typo); but
                    # not a mark after a colon, which was meant to open.
                    s, e = _trim(text, lo, i)
                    if s < e:
                        out.append(_Segment(number, s, e, None, i, "double"))
                        found_here = True
                continue
            if d == "open" and i > open_at + 1:
                # Unclosed quote followed by a fresh opening mark: close the first here. At
                # the start of a line, the mark carries the quote on (the news convention
                # for a quote over several paragraphs, in text with a line per paragraph).
                s, e = _open_trim(text, open_at, i)
                if s < e:
                    seg = _Segment(number, s, e, open_at, None, "double")
                    seg.continues = text[i - 1] == "\n" and "\n" in text[s:i]
                    out.append(seg)
                    found_here = True
                open_at = i
                continue
            s, e = _open_trim(text, open_at, i)
            if s < e:
                out.append(_Segment(number, s, e, open_at, i, "double"))
                found_here = True
            open_at = None
        if open_at is not None:
            s, e = _open_trim(text, open_at, hi)
            if s < e:
                seg = _Segment(number, s, e, open_at, None, "double")
                seg.continues = _opens_with(text, paragraphs, number + 1, _DOUBLE)
                out.append(seg)
    return out


def _open_trim(text: str, open_at: int, end: int) -> tuple[int, int]:
    """The quoted words after the opening mark at ``open_at``, trimmed; after a closing
    glyph typed as an opener ('evening:”. Don’t ...'), stray punctuation is skipped too."""
    start = open_at + 1
    if text[open_at] in _DOUBLE_CLOSE:
        while start < end and (text[start] in ".,;" or text[start].isspace()):
            start += 1
    return _trim(text, start, end)


def _opens_with(text: str, paragraphs, number: int, marks: str) -> bool:
    if number >= len(paragraphs):
        return False
    lo, hi = paragraphs[number]
    return hi > lo and text[lo] in marks and _direction(text, lo, lo, hi) != "close"


def _is_apostrophe_opener(text: str, i: int, hi: int) -> bool:
    rest = text[i + 1:min(hi, i + 8)]
    return bool(_ELISIONS.match(rest) or _DECADE.match(rest))


def _single_segments(text: str, paragraphs) -> list[_Segment]:
    out: list[_Segment] = []
    for number, (lo, hi) in enumerate(paragraphs):
        openers, closers = [], []
        for mark in _SINGLE_MARK.finditer(text, lo, hi):
            i = mark.start()
            prev = text[i - 1] if i > lo else " "
            nxt = text[i + 1] if i + 1 < hi else " "
            if prev.isalnum() and nxt.isalnum():
                continue                                    # don't, Russia’s
            d = _direction(text, i, lo, hi)
            if (d == "open" and not nxt.isspace() and text[i] not in _SINGLE_CLOSE
                    and not _is_apostrophe_opener(text, i, hi)):
                openers.append(i)
            elif d == "close" and not prev.isspace():
                closers.append(i)
        pos = lo
        k = 0
        while k < len(openers):
            o = openers[k]
            if o < pos:
                k += 1
                continue
            nxt_open = next((x for x in openers[k + 1:] if x > o), hi)
            within = [c for c in closers if o < c < nxt_open]
            later = [c for c in closers if c > o]
            plain = [c for c in within if not _possessive(text, c, hi)]
            close = (plain or within or later or [None])[0]
            if close is None:
                if o == lo and number + 1 <= len(paragraphs):
                    s, e = _trim(text, o + 1, hi)
                    if len(WORD_RE.findall(text, s, e)) >= 3:
                        seg = _Segment(number, s, e, o, None, "single")
                        seg.continues = _opens_with(text, paragraphs, number + 1, _SINGLE)
                        out.append(seg)
                break
            s, e = _trim(text, o + 1, close)
            if s < e and "\n" not in text[s:e] and len(WORD_RE.findall(text, s, e)) <= 120:
                out.append(_Segment(number, s, e, o, close, "single"))
            pos = close + 1
            k += 1
    return out


def _possessive(text: str, i: int, hi: int) -> bool:
    """``students' union``: an ``s`` before and a lower-case word after."""
    if text[i - 1] not in "sS":
        return False
    j = i + 1
    while j < hi and text[j] == " ":
        j += 1
    return j > i + 1 and j < hi and (text[j].islower() or text[j].isdigit())


def _outer(segments: list[_Segment]) -> list[_Segment]:
    """Drop quotes nested in another; where a single and a double cross, keep the double."""
    def outer_range(seg):
        lo = seg.open_mark if seg.open_mark is not None else seg.start
        hi = seg.close_mark + 1 if seg.close_mark is not None else seg.end
        return lo, hi

    ranged = sorted(((outer_range(s), s) for s in segments), key=lambda r: (r[0][0], -r[0][1]))
    kept: list[tuple[tuple[int, int], _Segment]] = []
    # ``kept`` grows in order of ``lo``, so a kept quote that ends at or before this ``lo``
    # can never overlap a later one: ``active`` holds the others, in the same order, and
    # keeps the scan linear on long texts.
    active: list[tuple[tuple[int, int], _Segment]] = []
    for (lo, hi), seg in ranged:
        active = [item for item in active if item[0][1] > lo]
        clash = next((item for item in active if lo < item[0][1] and item[0][0] < hi), None)
        if clash is None:
            kept.append(((lo, hi), seg))
            active.append(((lo, hi), seg))
            continue
        (olo, ohi), other = clash
        if olo <= lo and hi <= ohi:
            continue                                   # nested inside: part of the outer quote
        if other.kind == "single" and seg.kind == "double":
            kept.remove(clash)
            active.remove(clash)
            kept.append(((lo, hi), seg))
            active.append(((lo, hi), seg))
    kept = [seg for _, seg in kept]
    return sorted(kept, key=lambda s: s.start)

"""The evidence record that every scorer returns.

A :class:`Span` is a piece of evidence: a character range into the article text, the words
found there, and what they count as. Every score in the toolkit is computed from spans, so a
reader can always see which words produced it.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Span", "SPAN_COLUMNS", "spans_frame", "spans_table"]

SPAN_COLUMNS = ["paragraph", "start", "end", "text", "category", "weight", "source", "voice"]


@dataclass(frozen=True, slots=True)
class Span:
    """One piece of evidence: ``text == article_text[start:end]``.

    Attributes
    ----------
    start, end : int
        Character offsets into the text the scorer was given, ``end`` exclusive.
    text : str
        The exact characters at ``[start, end)``.
    category : str
        What the evidence counts as, for example ``"emotive"`` or ``"hedge"``.
    weight : float
        How strongly it counts; negative weights mark negated cues.
    source : str
        Which lexicon or rule produced it.
    voice : str
        ``"author"`` for the outlet's own narration, ``"quote"`` inside quoted speech.
    """

    start: int
    end: int
    text: str
    category: str
    weight: float
    source: str
    voice: str = "author"

    def shifted(self, offset: int) -> "Span":
        """Return the same span moved ``offset`` characters to the right."""
        return Span(self.start + offset, self.end + offset, self.text, self.category,
                    self.weight, self.source, self.voice)

    def as_dict(self) -> dict:
        # Written out: dataclasses.asdict deep-copies and is the slowest part of a table build.
        return {"start": self.start, "end": self.end, "text": self.text,
                "category": self.category, "weight": self.weight, "source": self.source,
                "voice": self.voice}


def _slot_init(self, start: int, end: int, text: str, category: str, weight: float,
               source: str, voice: str = "author") -> None:
    # The dataclass's own __init__ sets each field through object.__setattr__ (a frozen
    # class must); the slots' own setters do the same in half the time, and an analysis
    # builds about 27,000 spans. Same parameters, defaults and fields
    # (tests/test_spans.py compares it with the generated one).
    _set_start(self, start)
    _set_end(self, end)
    _set_text(self, text)
    _set_category(self, category)
    _set_weight(self, weight)
    _set_source(self, source)
    _set_voice(self, voice)


_dataclass_init = Span.__init__
(_set_start, _set_end, _set_text, _set_category, _set_weight, _set_source,
 _set_voice) = (Span.__dict__[name].__set__ for name in (
    "start", "end", "text", "category", "weight", "source", "voice"))
_slot_init.__name__, _slot_init.__qualname__ = "__init__", "Span.__init__"
Span.__init__ = _slot_init

_DTYPES = {"paragraph": "int64", "start": "int64", "end": "int64", "weight": "float64"}
_TABLE_DTYPES = {c: _DTYPES.get(c, "str") for c in SPAN_COLUMNS}


def spans_frame(rows: list[dict]):
    """Build the tidy ``spans`` DataFrame, with the right columns even when empty.

    Rows may carry extra keys; they become extra columns after the standard ones.
    """
    import pandas as pd

    extra = [k for k in (rows[0] if rows else {}) if k not in SPAN_COLUMNS]
    columns = {}
    for name in [*SPAN_COLUMNS, *extra]:
        values = [row.get(name) for row in rows]
        dtype = _DTYPES.get(name)
        # Empty string columns get the same string dtype pandas infers for filled ones.
        columns[name] = pd.Series(values, dtype=dtype or (None if values else "str"))
    return pd.DataFrame(columns)


def spans_table(spans: list[Span], paragraphs: list[int]):
    """The tidy ``spans`` DataFrame of ``spans``, ``paragraphs[i]`` the paragraph of
    ``spans[i]``: the same table as :func:`spans_frame` on their rows, built column by
    column from the spans (no row dicts, no intermediate Series).

    Examples
    --------
    >>> spans_table([Span(0, 4, "vile", "emotive", 1.0, "lexicon")], [0])[["text", "voice"]]
       text   voice
    0  vile  author
    """
    from .tables import table

    n = len(spans)
    if len(paragraphs) != n:
        raise ValueError(f"paragraphs has {len(paragraphs)} numbers for {n} spans")
    if not n:
        return spans_frame([])
    return table({
        "paragraph": paragraphs, "start": [s.start for s in spans],
        "end": [s.end for s in spans], "text": [s.text for s in spans],
        "category": [s.category for s in spans], "weight": [s.weight for s in spans],
        "source": [s.source for s in spans], "voice": [s.voice for s in spans],
    }, dtypes=_TABLE_DTYPES, length=n)

"""The evidence record that every scorer returns.

A :class:`Span` is a piece of evidence: a character range into the article text, the words
found there, and what they count as. Every score in the toolkit is computed from spans, so a
reader can always see which words produced it.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Span", "SPAN_COLUMNS", "spans_frame"]

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


_DTYPES = {"paragraph": "int64", "start": "int64", "end": "int64", "weight": "float64"}


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

"""The evidence record and its table."""
from __future__ import annotations

import pytest

from toolkit.spans import SPAN_COLUMNS, Span, spans_frame, spans_table

SPANS = [Span(0, 4, "vile", "emotive", 1.0, "cues"),
         Span(5, 10, "smear", "label", -0.5, "cues", "quote"),
         Span(12, 15, "may", "hedge", 1, "cues")]


@pytest.mark.parametrize("spans, paragraphs", [(SPANS, [0, 0, 1]), (SPANS[:1], [3]), ([], [])])
def test_spans_table_equals_frame_of_rows(spans, paragraphs):
    rows = [{"paragraph": p, **s.as_dict()} for s, p in zip(spans, paragraphs)]
    table, frame = spans_table(spans, paragraphs), spans_frame(rows)
    assert list(table.columns) == SPAN_COLUMNS
    assert list(table.dtypes) == list(frame.dtypes)
    assert table.equals(frame)


def test_spans_table_rejects_mismatched_paragraphs():
    with pytest.raises(ValueError, match="paragraphs has 1 numbers for 3 spans"):
        spans_table(SPANS, [0])

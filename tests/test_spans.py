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


def test_span_init_equals_the_dataclass_one():
    """Span's __init__ (the slots' setters) takes the parameters of the one dataclass
    generates, in the same order with the same defaults, and builds equal spans."""
    import dataclasses
    import inspect

    from toolkit.spans import _dataclass_init, _slot_init

    assert Span.__init__ is _slot_init
    assert (_slot_init.__name__, _slot_init.__qualname__) == (
        _dataclass_init.__name__, _dataclass_init.__qualname__)
    parameters = inspect.signature(_slot_init).parameters
    assert parameters == inspect.signature(_dataclass_init).parameters
    assert [f.name for f in dataclasses.fields(Span)] == list(parameters)[1:]
    for args, kwargs in [((0, 4, "vile", "emotive", 1.0, "cues"), {}),
                         ((5, 10, "smear", "label", -0.5, "cues", "quote"), {}),
                         ((), dict(start=1, end=2, text="x", category="hedge", weight=1,
                                   source="s", voice="quote"))]:
        made = Span(*args, **kwargs)
        reference = object.__new__(Span)
        _dataclass_init(reference, *args, **kwargs)
        assert made == reference and hash(made) == hash(reference)
        assert [getattr(made, f) for f in Span.__slots__] == \
            [getattr(reference, f) for f in Span.__slots__]
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.start = 3
    with pytest.raises(TypeError):
        Span(0, 1, "x", "hedge", 1.0)

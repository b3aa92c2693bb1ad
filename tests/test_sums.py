from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.sums import added_in_order, column_sums, places

_FLOATS = st.one_of(st.floats(allow_nan=False, allow_infinity=False, width=64),
                    st.sampled_from([0.0, -0.0, 1e16, -1e16, 1.0, 0.1, 1e-300]))


def _loop(column) -> float:
    total = 0.0
    for x in column:
        total += x
    return total


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_FLOATS, min_size=3, max_size=3), max_size=40))
def test_sums_added_in_order_equals_a_python_loop(rows):
    matrix = np.array(rows, dtype=float).reshape(-1, 3)
    expected = [_loop(matrix[:, j].tolist()) for j in range(3)]
    assert list(map(repr, added_in_order(matrix).tolist())) == list(map(repr, expected))


@pytest.mark.parametrize("rows, expected", [
    ([[1e16, 0.5], [1.0, 0.25], [-1e16, -0.0]], [0.0, 0.75]),   # not the exact sum 1.0
    ([[-0.0, 3.0]], [0.0, 3.0]),                              # starts from 0.0, like a loop
    ([], [0.0, 0.0]),
])
def test_sums_added_in_order_cases(rows, expected):
    matrix = np.array(rows, dtype=float).reshape(-1, 2)
    assert list(map(repr, added_in_order(matrix).tolist())) == list(map(repr, expected))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), _FLOATS), max_size=30))
def test_sums_column_sums_add_each_column_in_order(pairs):
    pairs = sorted(pairs, key=lambda p: p[0])            # stable: keeps each column's order
    at = np.array([c for c, _ in pairs], dtype=np.int64)
    terms = np.array([x for _, x in pairs], dtype=float)
    found = column_sums(at, places(at), terms, 5).tolist()
    expected = [_loop([x for c, x in pairs if c == column]) for column in range(5)]
    assert list(map(repr, found)) == list(map(repr, expected))

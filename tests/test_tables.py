import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from toolkit.tables import _constructed, table

DTYPES = {"n": "int64", "x": "float64", "word": "str", "speaker": "object"}


def _by_constructor(columns: dict, dtypes: dict, length: int) -> pd.DataFrame:
    """What pandas' own constructor gives for the same columns."""
    data = {}
    for name, values in columns.items():
        if dtypes[name] in ("int64", "float64"):
            data[name] = np.array(values, dtype=dtypes[name])
        elif dtypes[name] == "object":
            column = np.empty(length, dtype=object)
            column[:] = values
            data[name] = pd.Series(column, dtype=object)
        else:
            data[name] = list(values)
    return pd.DataFrame(data)


@pytest.mark.parametrize("columns", [
    {"n": [1, 2, 3], "x": [0.5, float("nan"), -1e300], "word": ["vile", None, "é😀\u200b"],
     "speaker": ["Ann", float("nan"), None]},
    {"n": [7], "x": [1.0], "word": [""], "speaker": [None]},
    {"word": ["a", "b"], "n": [1, 2], "x": [1, 2], "speaker": ["x", "y"]},   # order kept
])
def test_tables_equal_constructor(columns):
    length = len(columns["n"])
    got = table(columns, dtypes=DTYPES, length=length)
    want = _by_constructor(columns, DTYPES, length)
    pd.testing.assert_frame_equal(got, want)
    assert list(got.dtypes) == list(want.dtypes) and list(got.columns) == list(columns)


def test_tables_empty_and_fallback_equal_constructor():
    empty = {"n": [], "x": [], "word": [], "speaker": []}
    pd.testing.assert_frame_equal(table(empty, dtypes=DTYPES, length=0),
                                  _by_constructor(empty, DTYPES, 0))
    # A number in a text column is not text to pyarrow: pandas infers the column instead.
    odd = {"n": [1, 2], "x": [1.0, 2.0], "word": ["a", 3], "speaker": ["b", None]}
    got = table(odd, dtypes=DTYPES, length=2)
    pd.testing.assert_frame_equal(got, _by_constructor(odd, DTYPES, 2))
    pd.testing.assert_frame_equal(got, _constructed(odd, DTYPES, 2))


def test_tables_columns_not_shared():
    a = table({"n": [1]}, dtypes={"n": "int64"}, length=1)
    b = table({"n": [2]}, dtypes={"n": "int64"}, length=1)
    a.columns.name = "changed"
    assert b.columns.name is None


@pytest.mark.parametrize("columns, dtypes, message", [
    ({"n": [1, 2]}, {"n": "int64"}, "has 2 values for 3 rows"),
    ({"n": [1, 2, 3]}, {"n": "int32"}, "dtype 'int32'"),
    ({"n": [1, 2, 3]}, {}, "dtype None"),
])
def test_tables_bad_columns_raise(columns, dtypes, message):
    with pytest.raises(ValueError, match=message):
        table(columns, dtypes=dtypes, length=3)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(-2**62, 2**62), st.floats(allow_nan=True),
                          st.none() | st.text(max_size=12), st.none() | st.text(max_size=5)),
                max_size=8))
def test_tables_hypothesis_equal_constructor(rows):
    columns = {name: [row[k] for row in rows] for k, name in enumerate(DTYPES)}
    got = table(columns, dtypes=DTYPES, length=len(rows))
    pd.testing.assert_frame_equal(got, _by_constructor(columns, DTYPES, len(rows)))

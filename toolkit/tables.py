"""Small pandas tables built from columns whose dtypes are already known.

``analyze`` builds four small tables per article (paragraphs, sentences, spans, quotes).
pandas' constructor infers and checks every column, which costs more than computing the
figures in them: about 1 ms for the 34 columns of a paragraph table, most of it in turning
lists of text into pyarrow-backed string arrays and stacking the numeric columns into
blocks. :func:`table` takes columns whose dtype the caller already knows and builds the same
frame (same dtypes, column order and values as ``pd.DataFrame(columns)`` gives) in about
half the time; with pandas versions that lack the pieces it uses, it is that constructor.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

__all__ = ["table"]


@lru_cache(maxsize=1)
def _string_dtype():
    """The dtype pandas infers for a column of Python strings, when it is pyarrow's string
    dtype with NaN as the missing value (pandas 3 with pyarrow installed); else None."""
    import pandas as pd

    dtype = pd.Series(["a", None]).dtype
    if getattr(dtype, "storage", None) == "pyarrow" and getattr(dtype, "na_value", None) is not pd.NA:
        return dtype
    return None


@lru_cache(maxsize=1)
def _from_blocks():
    """pandas' public low-level frame builder (``pandas.api.internals``, pandas 3), or None."""
    try:
        from pandas.api.internals import create_dataframe_from_blocks
    except ImportError:
        return None
    return create_dataframe_from_blocks


def _strings(values: list, dtype):
    import pyarrow as pa
    from pandas.arrays import ArrowStringArray

    return ArrowStringArray(pa.array(values, type=pa.large_string()), dtype=dtype)


_NUMERIC = {"int64": np.int64, "float64": np.float64}


@lru_cache(maxsize=64)
def _column_index(names: tuple[str, ...]):
    """The frame's column labels (inferring their dtype costs about 0.2 ms a frame)."""
    import pandas as pd

    return pd.Index(list(names))


def _constructed(columns: dict, dtypes: dict[str, str], length: int):
    """The same frame from pandas' constructor."""
    import pandas as pd

    data = {}
    for name, values in columns.items():
        dtype = dtypes[name]
        if dtype in _NUMERIC:
            data[name] = np.asarray(values, dtype=_NUMERIC[dtype])
        elif dtype == "object":
            column = np.empty(length, dtype=object)
            column[:] = values
            data[name] = pd.Series(column, dtype=object, copy=False)  # not inferred as text
        else:
            data[name] = list(values)
    return pd.DataFrame(data, index=pd.RangeIndex(length), copy=False)


def table(columns: dict, *, dtypes: dict[str, str], length: int):
    """A DataFrame of ``columns`` (name -> sequence of values) with ``length`` rows, a
    RangeIndex, and each column of the dtype ``dtypes`` gives it.

    ``dtypes[name]`` is ``"int64"`` or ``"float64"`` (numbers), ``"object"`` (values kept
    as they are, in an object column), or ``"str"`` (``str`` and ``None`` values: the
    string column pandas infers for them: ``str`` with NaN for missing values under
    pandas 3, ``object`` before, and ``object`` when every value is None). The frame equals the one pandas' constructor builds
    from the same columns as numpy arrays of those dtypes, object Series and lists of text.

    Examples
    --------
    >>> frame = table({"n": [1, 2], "word": ["vile", None]},
    ...               dtypes={"n": "int64", "word": "str"}, length=2)
    >>> frame["n"].tolist(), frame["word"].isna().tolist()
    ([1, 2], [False, True])
    """
    for name, values in columns.items():
        if len(values) != length:
            raise ValueError(f"column {name!r} has {len(values)} values for {length} rows")
        if dtypes.get(name) not in ("int64", "float64", "object", "str"):
            raise ValueError(f"column {name!r}: dtype {dtypes.get(name)!r} is not one of "
                             "'int64', 'float64', 'object', 'str'")
    build, strings = _from_blocks(), _string_dtype()
    if build is None or strings is None or not length:
        return _constructed(columns, dtypes, length)
    import pandas as pd

    groups: dict[str, tuple[list, list]] = {}
    blocks = []
    try:
        for place, (name, values) in enumerate(columns.items()):
            dtype = dtypes[name]
            if dtype == "str" and all(v is None for v in values):
                dtype = "object"                # pandas infers no text dtype for these
            if dtype == "str":
                blocks.append((_strings(values, strings), np.array([place], dtype=np.intp)))
            else:
                arrays, places = groups.setdefault(dtype, ([], []))
                arrays.append(values)
                places.append(place)
    except (TypeError, ValueError):
        # Values pyarrow will not take as text (a lone surrogate, a non-string): pandas
        # infers the columns as it always would.
        return _constructed(columns, dtypes, length)
    for dtype, (arrays, places) in groups.items():
        if dtype == "object":
            block = np.empty((len(arrays), length), dtype=object)
            for row, values in enumerate(arrays):
                block[row, :] = values
        else:
            block = np.array(arrays, dtype=_NUMERIC[dtype]).reshape(len(arrays), length)
        blocks.append((block, np.array(places, dtype=np.intp)))
    return build(blocks, index=pd.RangeIndex(length),
                 columns=_column_index(tuple(columns)).copy())

"""Sums of many short float sequences at once, each added term by term in its order.

The tone and bias models add each sentence's terms one by one in Python (so that
:func:`~toolkit.tone.explain_tone` and :func:`~toolkit.bias_model.explain_bias` sum to the
same float). Scoring an article's sentences at once, each sentence's terms are laid out
in a column of a matrix and summed down the columns with ``np.add.accumulate``, which adds
strictly one row after another, so each column's sum is the same float as the Python
loop's. (NumPy's ``sum`` adds in pairs, which rounds differently.)
"""
from __future__ import annotations

import numpy as np

__all__ = ["added_in_order", "column_sums", "places"]


def added_in_order(matrix: np.ndarray) -> np.ndarray:
    """The sum of each column of ``matrix``, its entries added one after another, starting
    from 0.0, as ``total = 0.0; for x in column: total += x`` adds them.

    A ``-0.0`` entry leaves any sum unchanged, so it pads a column or stands for a term
    that the loop would skip.

    Examples
    --------
    >>> added_in_order(np.array([[1e16, 0.5], [1.0, 0.25], [-1e16, -0.0]])).tolist()
    [0.0, 0.75]
    """
    matrix = np.asarray(matrix, dtype=float)
    start = np.zeros((1, matrix.shape[1]))
    with np.errstate(over="ignore", invalid="ignore"):    # as Python floats: inf, nan
        return np.add.accumulate(np.concatenate([start, matrix]), axis=0)[-1]


def column_sums(at: np.ndarray, within: np.ndarray, terms: np.ndarray, n: int) -> np.ndarray:
    """The sums of ``terms`` per column ``at`` (of ``n`` columns), each column's terms added
    one by one in the order of ``within`` (their places in the column), as
    :func:`added_in_order` adds them; 0.0 for a column without terms.

    Examples
    --------
    >>> column_sums(np.array([0, 0, 2]), np.array([0, 1, 0]), np.array([1.5, 2.0, 4.0]), 3)
    array([3.5, 0. , 4. ])
    """
    matrix = np.full((int(np.max(within, initial=-1)) + 1, n), -0.0)
    matrix[within, at] = terms
    return added_in_order(matrix)


def places(at: np.ndarray) -> np.ndarray:
    """Each element's place among the elements of its column, for ``at`` sorted.

    Examples
    --------
    >>> places(np.array([0, 0, 0, 2, 2])).tolist()
    [0, 1, 2, 0, 1]
    """
    return np.arange(len(at)) - np.searchsorted(at, at)

"""Headline against body: does the headline's tone or loaded language differ from the body's?

Headlines are where slant shows first: a neutral report under an alarmed headline, or a
headline that names a side with a label the body never uses. :func:`headline_contrast`
compares the headline paragraph with the body paragraphs (``kind == "body"``, so sponsored and
boilerplate inserts are never part of the body) from the per-paragraph table.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd  # noqa: F401 - the doctest builds a DataFrame

__all__ = ["HEADLINE_KEYS", "headline_contrast"]

#: The keys :func:`headline_contrast` returns, in order.
HEADLINE_KEYS = ("headline_sentiment", "body_sentiment", "headline_loaded_density",
                 "body_loaded_density", "headline_verdict")


def _weighted(values: np.ndarray, weights: np.ndarray) -> float:
    """Weighted mean over the rows with a value and a positive weight; NaN when none."""
    ok = ~np.isnan(values) & (weights > 0)
    if not ok.any():
        return float("nan")
    return float((values[ok] * weights[ok]).sum() / weights[ok].sum())


def headline_contrast(paragraphs: pd.DataFrame, *, tone_gap: float = 0.3,
                      loaded_gap: float = 3.0) -> dict:
    """Compare the headline's tone and loaded-language density with the body's.

    Parameters
    ----------
    paragraphs : DataFrame
        The ``paragraphs`` table of an analysis: ``kind``, ``n_words``, ``sentiment``,
        ``loaded_density``.
    tone_gap : float
        A difference in VADER sentiment (-1..1) at least this large counts as a difference.
    loaded_gap : float
        A difference in loaded-language density (weighted cues per 100 words) at least this
        large counts as a difference.

    Returns
    -------
    dict
        ``headline_sentiment``, ``body_sentiment`` (word-weighted mean over body paragraphs),
        ``headline_loaded_density``, ``body_loaded_density`` (NaN when there is no headline
        or no body) and ``headline_verdict``, a short sentence.

    Examples
    --------
    >>> table = pd.DataFrame({"kind": ["headline", "body"], "n_words": [6, 40],
    ...                       "sentiment": [-0.8, 0.0], "loaded_density": [20.0, 1.0]})
    >>> headline_contrast(table)["headline_verdict"]
    'the headline is more negative than the body (-0.80 vs 0.00) and more loaded (20.0 vs 1.0 per 100 words)'
    """
    # Plain arrays: this runs once per article, and pandas indexing cost more than the sums.
    return _contrast(paragraphs["kind"].to_numpy(), paragraphs["n_words"].to_numpy(dtype=float),
                     {column: paragraphs[column].to_numpy(dtype=float)
                      for column in ("sentiment", "loaded_density")},
                     tone_gap=tone_gap, loaded_gap=loaded_gap)


def _contrast(kind: np.ndarray, weights: np.ndarray, columns: dict[str, np.ndarray], *,
              tone_gap: float = 0.3, loaded_gap: float = 3.0) -> dict:
    """:func:`headline_contrast` from the table's columns as arrays: ``kind``, ``n_words``
    (as floats) and ``columns``, ``sentiment`` and ``loaded_density`` (floats).
    ``analyze`` passes the columns it built the table from (reading a pyarrow string column
    back as an array costs more than the comparison)."""
    head, body = kind == "headline", kind == "body"
    out = {}
    for part, rows in (("headline", head), ("body", body)):
        for column in ("sentiment", "loaded_density"):
            values = columns[column]
            out[f"{part}_{column}"] = (_weighted(values[rows], weights[rows]) if rows.any()
                                       else float("nan"))
    out = {key: out[key] for key in HEADLINE_KEYS[:4]}          # the documented order
    hs, bs = out["headline_sentiment"], out["body_sentiment"]
    hd, bd = out["headline_loaded_density"], out["body_loaded_density"]
    if math.isnan(hs) or math.isnan(bs):
        out["headline_verdict"] = "no headline to compare" if not head.any() \
            else "no body to compare"
        return out
    parts = []
    if hs - bs >= tone_gap:
        parts.append(f"more positive than the body ({hs:.2f} vs {bs:.2f})")
    elif bs - hs >= tone_gap:
        parts.append(f"more negative than the body ({hs:.2f} vs {bs:.2f})")
    if hd - bd >= loaded_gap:
        parts.append(f"more loaded ({hd:.1f} vs {bd:.1f} per 100 words)")
    elif bd - hd >= loaded_gap:
        parts.append(f"less loaded ({hd:.1f} vs {bd:.1f} per 100 words)")
    if not parts:
        out["headline_verdict"] = (f"the headline matches the body in tone ({hs:.2f} vs "
                                   f"{bs:.2f}) and loaded language ({hd:.1f} vs {bd:.1f} "
                                   "per 100 words)")
    else:
        out["headline_verdict"] = "the headline is " + " and ".join(parts)
    return out

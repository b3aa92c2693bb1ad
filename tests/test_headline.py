"""Headline against body."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from toolkit.headline import HEADLINE_KEYS, headline_contrast


def _table(head_tone, head_density, body_tone=0.0, body_density=1.0, kinds=None):
    kinds = kinds or ["headline", "body", "body", "sponsored"]
    return pd.DataFrame({
        "kind": kinds, "n_words": [8, 30, 10, 40][:len(kinds)],
        "sentiment": [head_tone, body_tone, body_tone, -0.9][:len(kinds)],
        "loaded_density": [head_density, body_density, body_density, 30.0][:len(kinds)]})


@pytest.mark.parametrize("head_tone, head_density, expected", [
    (-0.7, 1.0, "more negative"),
    (0.6, 1.0, "more positive"),
    (0.0, 12.0, "more loaded"),
    (0.1, 1.5, "matches the body"),
])
def test_headline_verdicts(head_tone, head_density, expected):
    result = headline_contrast(_table(head_tone, head_density))
    assert tuple(result) == HEADLINE_KEYS
    assert expected in result["headline_verdict"]


def test_headline_body_leaves_inserts_out():
    result = headline_contrast(_table(0.0, 1.0))
    assert result["body_sentiment"] == pytest.approx(0.0)
    assert result["body_loaded_density"] == pytest.approx(1.0)


def test_headline_missing_headline_gives_nan_and_says_so():
    result = headline_contrast(_table(0.0, 1.0, kinds=["body", "body"]))
    assert math.isnan(result["headline_sentiment"])
    assert result["headline_verdict"] == "no headline to compare"


def test_headline_in_the_summary_of_the_sample(sample_analysis):
    summary = sample_analysis.summary
    for key in HEADLINE_KEYS:
        assert key in summary
    assert isinstance(summary["headline_verdict"], str) and summary["headline_verdict"]
    assert not math.isnan(summary["headline_sentiment"])


@pytest.mark.parametrize("text", [
    "Markets Fall\n\nStocks slid on Monday, a disaster for savers.\n\nTraders were calm.",
    "Calm Day\n\nNothing happened.",
    "No headline here, a sentence.\n\nAnother one.",
    "",
])
def test_headline_summary_equals_the_contrast_of_the_paragraph_table(text, sample_analysis):
    """analyze takes the contrast from the columns it builds the table from: the same values
    (repr, so NaN and the last bit too) as headline_contrast of the table."""
    import toolkit

    for result in (toolkit.analyze(text), sample_analysis):
        if result.paragraphs.empty:
            continue
        expected = headline_contrast(result.paragraphs)
        assert repr({k: result.summary[k] for k in HEADLINE_KEYS}) == repr(expected)

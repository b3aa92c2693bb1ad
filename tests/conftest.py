"""Shared fixtures: the sample article and the development data, when it is present."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# No per-example deadline: the first example of a property test may load a lexicon or a model
# (seconds on a busy CI machine), and speed is measured by the benchmarks, not by timed tests.
settings.register_profile("toolkit", deadline=None)
settings.load_profile("toolkit")

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "moscow-beijing-military-ties.txt"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_sentences() -> list[str]:
    """The sample article's sentences, as the toolkit splits them."""
    from toolkit.segmentation import sentence_spans

    text = SAMPLE.read_text(encoding="utf-8")
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.fixture(scope="session")
def sample_analysis():
    import toolkit

    return toolkit.analyze(SAMPLE)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data``; tests that need it skip cleanly in a user's clone."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present (it only exists in CI and development)")
    return SHARED_DATA


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import sys

    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


@pytest.fixture
def newsmtsc_like():
    """A tiny NewsMTSC-shaped frame (``id, text, start, end, mention, polarity``): twelve
    names, each praised, blamed and merely mentioned."""
    import pandas as pd

    rows = []
    for i in range(12):
        for polarity, sentence in ((1, "Critics praised {} for brave work."),
                                   (-1, "Critics blamed {} for the awful failure."),
                                   (0, "{} arrived in Paris on Monday.")):
            text = sentence.format(f"Name{i}")
            start = text.index(f"Name{i}")
            rows.append({"id": f"allsides_{i}_0_0_x_0_1", "text": text, "start": start,
                         "end": start + len(f"Name{i}"), "mention": f"Name{i}",
                         "polarity": polarity})
    return pd.DataFrame(rows)


"""Shared fixtures: the sample article and the development data, when it is present."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "moscow-beijing-military-ties.txt"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


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

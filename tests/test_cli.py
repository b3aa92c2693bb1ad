from __future__ import annotations

import json
import subprocess
import sys

from toolkit.cli import main


def test_cli_analyze_writes_tables(sample_path, tmp_path, capsys):
    assert main(["analyze", str(sample_path), "--out", str(tmp_path)]) == 0
    folder = tmp_path / "moscow-beijing-military-ties"
    for name in ("paragraphs.csv", "sentences.csv", "spans.csv", "quotes.csv", "entities.csv",
                 "summary.json", "paragraphs.png"):
        assert (folder / name).stat().st_size > 0
    import pandas as pd

    speakers = set(pd.read_csv(folder / "quotes.csv")["speaker"].dropna())
    assert {"Dong Jun", "Andrei Belousov"} <= speakers
    assert "the Left" in set(pd.read_csv(folder / "entities.csv")["entity"])
    summary = json.loads((folder / "summary.json").read_text())
    assert summary["n_paragraphs"] == 14
    assert "Quite frankly" in capsys.readouterr().out


def test_cli_missing_file_is_reported(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "gone.txt")]) == 1
    assert "gone.txt" in capsys.readouterr().err


def test_cli_help_lists_verbs():
    out = subprocess.run([sys.executable, "-m", "toolkit", "--help"], capture_output=True,
                         text=True, check=True).stdout
    assert "analyze" in out

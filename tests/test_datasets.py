"""The BABE loader: local copies, the environment variable, the cache, and clear errors."""
from __future__ import annotations

import pandas as pd
import pytest

from toolkit import datasets
from toolkit.datasets import BABE_COLUMNS, DatasetNotFound, babe_split, load_babe

PROJECT_LAYOUT = (
    'text,label,biased_words,outlet,topic,type\n'
    '"A vicious, radical plan.",1,"[""vicious"", ""radical""]",Alternet,politics,left\n'
    '"The vote is on Monday.",0,[],Reuters,politics,center\n'
    '"No type here.",0,[],Fox News,environment,\n')

# The layout of the original public file: semicolons, label_bias words, Python-style lists.
ORIGINAL_LAYOUT = (
    "text;news_link;outlet;topic;type;label_bias;label_opinion;biased_words\n"
    "A vicious, radical plan.;http://x;Alternet;politics;left;Biased;opinion;['vicious', 'radical']\n"
    "The vote is on Monday.;http://y;Reuters;politics;center;Non-biased;fact;[]\n"
    "Undecided row.;http://z;Reuters;politics;center;No agreement;fact;[]\n")


@pytest.fixture(autouse=True)
def _no_environment(monkeypatch, tmp_path):
    monkeypatch.delenv(datasets.BABE_ENV, raising=False)
    monkeypatch.setenv(datasets.CACHE_ENV, str(tmp_path / "cache"))

    def refuse(*args, **kwargs):
        raise AssertionError("tests never download")

    monkeypatch.setattr(datasets, "_download", refuse)


def test_datasets_babe_reads_the_shared_dev_file(shared_data):
    babe = load_babe(shared_data / "babe")
    assert list(babe.columns) == BABE_COLUMNS
    assert len(babe) > 2000
    assert set(babe["label"]) == {0, 1}
    assert set(babe["type"].dropna()) <= {"left", "center", "right"}
    assert babe["biased_words"].map(lambda v: isinstance(v, list)).all()
    assert babe.loc[babe["label"] == 1, "biased_words"].map(len).sum() > 1000


@pytest.mark.parametrize("content, name", [(PROJECT_LAYOUT, "dev.csv"),
                                           (ORIGINAL_LAYOUT, "final_labels_SG2.csv")])
def test_datasets_babe_normalises_both_layouts(tmp_path, content, name):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    babe = load_babe(path, split="all")
    assert list(babe.columns) == BABE_COLUMNS
    first = babe.iloc[0]
    assert first["label"] == 1 and first["biased_words"] == ["vicious", "radical"]
    assert first["type"] == "left"
    assert babe["label"].tolist()[:2] == [1, 0]
    if name == "final_labels_SG2.csv":
        assert len(babe) == 2  # "No agreement" is dropped


def test_datasets_babe_empty_type_is_missing(tmp_path):
    path = tmp_path / "dev.csv"
    path.write_text(PROJECT_LAYOUT, encoding="utf-8")
    types = load_babe(path)["type"]
    assert types.tolist()[:2] == ["left", "center"] and types.isna().tolist() == [False, False, True]


def test_datasets_babe_environment_variable(tmp_path, monkeypatch):
    folder = tmp_path / "copy"
    folder.mkdir()
    (folder / "dev.csv").write_text(PROJECT_LAYOUT, encoding="utf-8")
    monkeypatch.setenv(datasets.BABE_ENV, str(folder))
    assert len(load_babe()) == 3


def test_datasets_babe_full_file_is_split_by_the_project_rule(tmp_path):
    path = tmp_path / "final_labels_SG2.csv"
    path.write_text(ORIGINAL_LAYOUT, encoding="utf-8")
    dev, held = load_babe(path, split="dev"), load_babe(path, split="heldout")
    assert len(dev) + len(held) == 2
    assert all(babe_split(t) == "dev" for t in dev["text"])
    assert all(babe_split(t) == "heldout" for t in held["text"])


def test_datasets_babe_split_file_refuses_another_split(tmp_path):
    path = tmp_path / "dev.csv"
    path.write_text(PROJECT_LAYOUT, encoding="utf-8")
    with pytest.raises(ValueError, match="'dev' split"):
        load_babe(path, split="heldout")


def test_datasets_babe_missing_names_where_it_looked(tmp_path):
    with pytest.raises(DatasetNotFound) as error:
        load_babe(tmp_path / "nowhere")
    message = str(error.value)
    assert "nowhere" in message and "NEWSBIAS_BABE" in message and "download=True" in message


def test_datasets_babe_downloads_only_when_asked(tmp_path, monkeypatch):
    calls = []

    def fake_download(url, dest, **kwargs):  # stands in for the network
        calls.append(url)
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(ORIGINAL_LAYOUT, encoding="utf-8")
        return dest

    monkeypatch.setattr(datasets, "_download", fake_download)
    with pytest.raises(DatasetNotFound):
        load_babe()
    assert calls == []
    babe = load_babe(download=True, split="all")
    assert calls == [datasets.BABE_URL] and len(babe) == 2
    assert (tmp_path / "cache" / "babe" / "final_labels_SG2.csv").is_file()
    assert len(load_babe(split="all")) == 2  # now served from the cache
    assert calls == [datasets.BABE_URL]


@pytest.mark.parametrize("split", ["train", "", "DEV"])
def test_datasets_babe_bad_split(split):
    with pytest.raises(ValueError, match="split"):
        load_babe(split=split)


def test_datasets_babe_not_a_babe_file(tmp_path):
    path = tmp_path / "dev.csv"
    pd.DataFrame({"a": [1]}).to_csv(path, index=False)
    with pytest.raises(ValueError, match="not a BABE file"):
        load_babe(path)

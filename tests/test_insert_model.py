"""Tests for toolkit.insert_model: the learned weighting of the insert evidence."""
from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from toolkit.insert_model import INSERT_FEATURES, MEASUREMENTS, InsertModel, load_insert_model
from toolkit.inserts import INSERT_THRESHOLD, find_inserts, insert_features

ROOT = Path(__file__).resolve().parents[1]
BURNED = {"tuning", "heldout", *(f"heldout{i}" for i in range(2, 30))}

TEXT = ("City council approves new budget for road repairs\n\n"
        "The city council voted 7-2 on Tuesday to approve a budget that sets aside money for "
        "road repairs across the eastern districts, officials said.\n\n"
        "Sponsored\nSwitch your home to solar with nothing down. See if you qualify.\n\n"
        "The mayor is expected to sign the budget next week, a spokesman for the council said.")


def _train_script():
    spec = importlib.util.spec_from_file_location("train_inserts",
                                                  ROOT / "benchmarks" / "train_inserts.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    spec.loader.exec_module(module)
    return module


def test_insert_model_shipped_file_is_readable_and_complete():
    model = load_insert_model()
    assert set(model.coef) <= set(INSERT_FEATURES)
    assert model.coef["marker"] > 0 and model.coef["call_to_action"] > 0
    # Every rule's weight keeps the sign its points carry.
    assert all(c >= 0 for f, c in model.coef.items() if f not in MEASUREMENTS)
    assert model.words is None  # the shipped word weights live in insert_words.tsv
    assert model.text is None  # ... and the term weights in insert_text_model.tsv


def test_insert_model_fitted_on_the_burned_pools_only():
    """The shipped model was fitted on the thirty pools of benchmarks/insert_blocks (all
    burned by the seventh session) and no others: the blind pools the maintainers keep were
    never fitted on, and no training script names a pool outside inserts_eval's POOLS."""
    info = load_insert_model().info
    assert set(info["pools"]) == BURNED
    for name in ("train_insert_words.py", "train_insert_text.py", "train_inserts.py"):
        script = (ROOT / "benchmarks" / name).read_text(encoding="utf-8")
        assert not set(re.findall(r"heldout\d+", script)) - BURNED


def test_insert_model_training_cache(tmp_path):
    """The leave-one-pool-out cache: a value is made once and read back after; the rows are
    kept under a hash of the detector's code, read once per run."""
    train = _train_script()
    calls = []

    def make():
        calls.append(1)
        return {"rows": [1, 2]}

    file = tmp_path / "x.pkl"
    assert train._pickled(file, make) == train._pickled(file, make) == {"rows": [1, 2]}
    assert len(calls) == 1 and file.is_file()
    assert train._pickled(None, make) == {"rows": [1, 2]} and len(calls) == 2
    assert train._key(["a", "b"], 1) == train._key(["a", "b"], 1) != train._key(["a"], 1)
    assert re.fullmatch(r"[0-9a-f]{12}", train.code_key()) and train.code_key() is train.code_key()
    assert all((ROOT / f).is_file() for f in train.CODE_FILES)


def test_insert_model_round_trips(tmp_path):
    model = InsertModel({"marker": 1.5, "similarity": -0.5}, -2.0, (-1.0, {"shop": 2.0}),
                        {"C": 0.05}, (-2.0, {"now ships": 1.5}))
    again = InsertModel.load(model.save(tmp_path / "m.json"))
    assert again == model


def test_insert_model_text_weights_replace_the_shipped_ones():
    text = (-5.0, {"with nothing": 4.0, "nothing down": 4.0})
    rows = insert_features(TEXT, model=InsertModel({}, 0.0, text=text))
    assert rows[2]["promotional_text"] > 0
    assert "promotional_text" not in rows[1]


@pytest.mark.parametrize("data, message", [
    ({"format": "other/1"}, "not an insert model file"),
    ({"format": "toolkit.insert_model/1", "coef": {"nonsense": 1.0}, "intercept": 0.0},
     "unknown features"),
])
def test_insert_model_rejects_bad_files(tmp_path, data, message):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        InsertModel.load(path)


def test_insert_model_decision_is_intercept_plus_contributions():
    model = load_insert_model()
    for features in insert_features(TEXT):
        total = model.intercept + sum(c for _, c in model.contributions(features))
        assert model.decision(features) == pytest.approx(total)


def test_insert_model_scores_are_the_findings_scores():
    model = load_insert_model()
    findings = find_inserts(TEXT)
    assert [f.score for f in findings] == [model.decision(x) for x in insert_features(TEXT)]
    assert [f.kind for f in findings] == [None, None, "sponsored", None]
    assert findings[2].score >= INSERT_THRESHOLD > findings[1].score


def test_insert_model_features_are_named_features():
    rows = insert_features(TEXT)
    assert len(rows) == 4
    assert all(set(r) <= set(INSERT_FEATURES) for r in rows)
    assert rows[2]["marker"] > 0 and "reporting" in rows[1]
    assert insert_features("") == []


def test_insert_model_reason_names_strongest_evidence_first():
    reason = find_inserts(TEXT)[2].reason
    assert reason.startswith("sponsored: marker 'Sponsored'")
    shares = [float(x) for x in re.findall(r"\(([+-]\d+\.\d\d)\)", reason.split("; score")[0])]
    assert len(shares) >= 2 and shares == sorted(shares, reverse=True)


def test_insert_model_replaced_by_a_caller():
    """A model of one's own: all weight on the marker decides on the marker alone."""
    marker_only = InsertModel({"marker": 1.0}, -3.0)
    kinds = [f.kind for f in find_inserts(TEXT, model=marker_only)]
    assert kinds == [None, None, "sponsored", None]
    nothing = InsertModel({}, -1.0)
    assert all(f.kind is None for f in find_inserts(TEXT, model=nothing))


def test_insert_model_word_weights_replace_the_shipped_ones():
    words = (-5.0, {"solar": 20.0})
    rows = insert_features(TEXT, model=InsertModel({}, 0.0, words))
    assert rows[2]["word_probability"] > 0.99
    assert rows[1]["word_probability"] < 0.01


@pytest.mark.parametrize("shrink", [False, True])
def test_insert_model_fit_keeps_rule_weights_non_negative(shrink):
    train = _train_script()
    rows = ([({"marker": 6.0}, 1)] * 20 + [({"reporting": -1.5}, 0)] * 20
            + [({"price": 1.0}, 0)] * 15 + [({"price": 1.0}, 1)] * 5
            + [({"similarity": 0.5}, 0)] * 10 + [({"similarity": 0.0}, 1)] * 10)
    coef, intercept = train.fit_monotone(rows, C=1.0, shrink=shrink)
    assert coef["marker"] > 0
    assert coef.get("price", 0.0) >= 0.0  # price points mostly on negatives: clipped at 0
    assert coef["similarity"] < 0  # a measurement may weigh either way
    dropped, _ = train.fit_monotone(rows, C=1.0, shrink=shrink, drop=("marker",))
    assert "marker" not in dropped


def test_insert_model_fit_shrinks_towards_a_common_weight():
    train = _train_script()
    rows = ([({"marker": 1.0}, 1)] * 30 + [({"marker": 1.0}, 0)] * 2
            + [({"urgency": 1.0}, 1)] * 3 + [({"urgency": 1.0}, 0)] * 3 + [({}, 0)] * 40)
    free, _ = train.fit_monotone(rows, C=10.0, shrink=True)
    tight, _ = train.fit_monotone(rows, C=0.001, shrink=True)
    assert abs(tight["marker"] - tight["urgency"]) < 0.1 < abs(free["marker"] - free["urgency"])


def test_insert_model_nyt_pseudo_articles(shared_data):
    import random

    train = _train_script()
    articles = train.nyt_articles(shared_data)
    assert len(articles) > 100
    assert all(len(s) >= train.MIN_SENTENCES for s in articles.values())
    block = train.Block("donation", False, ("Give $5 today.", "Every dollar is matched."))
    lines = ["Line one.", "Line two.", "Line three."]
    paragraphs, labels, in_block = train.paste(lines, [block], random.Random(3))
    assert [p for p, y in zip(paragraphs, labels) if not y] == lines
    assert sum(labels) == len(paragraphs) - 3 and labels[0] == 0
    assert all(in_block[i] == (labels[i] == 1 and sum(labels) > 1) for i in range(len(labels)))

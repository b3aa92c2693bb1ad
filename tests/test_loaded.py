"""Tests of toolkit.loaded: the loaded-word model and the loaded-language evidence."""
from __future__ import annotations

import json
import math
import warnings

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toolkit.loaded as loaded
from toolkit.cues import LOADED_MIN_WEIGHT, find_cues, is_loaded
from toolkit.loaded import (FEATURES, LOADED_SOURCE, MODEL_MIN_WEIGHT, LoadedWordModel,
                            explain_loaded, find_loaded, load_loaded_model, train_loaded_model)
from toolkit.spans import Span


def _loaded_texts(text):
    return [s.text for s in find_loaded(text) if is_loaded(s)]


@pytest.mark.parametrize("text, expected", [
    ("", []),
    ("   ", []),
    ("The council meets on Monday.", []),
    ("A vicious smear campaign.", ["vicious", "smear campaign"]),
    ("Critics slammed the plan.", ["slammed"]),
])
def test_loaded_find_loaded_table(text, expected):
    assert _loaded_texts(text) == expected


def test_loaded_spans_match_text_and_carry_evidence():
    text = "The mayor's reckless, cynical ploy backfired. He denies it."
    for span in find_loaded(text):
        assert text[span.start:span.end] == span.text
        assert span.source and span.category
    assert all(s.weight >= MODEL_MIN_WEIGHT for s in find_loaded(text)
               if s.source == LOADED_SOURCE)


def test_loaded_model_only_words_need_the_higher_threshold():
    """A word no lexicon lists becomes a span at MODEL_MIN_WEIGHT, not at LOADED_MIN_WEIGHT."""
    model = load_loaded_model()
    text = "The senator pushed a controversial, divisive measure through a weary chamber."
    cues = find_cues(text)
    listed = {w for s in cues for w in range(s.start, s.end)}
    between = [start for start, _, _, p in model.probabilities(text, cues=cues)
               if LOADED_MIN_WEIGHT <= p < MODEL_MIN_WEIGHT and start not in listed]
    assert between, "the example needs a word between the two thresholds"
    starts = {s.start for s in find_loaded(text, model=model) if s.source == LOADED_SOURCE}
    assert not starts & set(between)
    assert MODEL_MIN_WEIGHT > LOADED_MIN_WEIGHT


def _assert_fast_rows_equal_features(model, text):
    """probabilities() scores the words on its own (per word type and per sentence, not from
    feature rows): the same words as features(), and within 1e-12 of scoring its rows (the
    additions run in another order), for each sentence alone and for all of them at once."""
    import numpy as np

    from toolkit.segmentation import segment

    cues = find_cues(text)
    pieces, expected_all, counts = [], [], []
    for sentence in [*segment(text), None]:
        own = [c for c in cues if sentence is None or sentence.start <= c.start < sentence.end]
        words, rows = model.features(text, sentence, own)
        probs = model.probabilities(text, sentence, own)
        assert [(w.start, w.end, w.text) for w in words] == [p[:3] for p in probs]
        expected = (1.0 / (1.0 + np.exp(-(rows @ model._w + model._b)))).tolist() if words else []
        assert [p[3] for p in probs] == pytest.approx(expected, rel=0, abs=1e-12)
        if sentence is not None:
            pieces.append((sentence.start, sentence.end, own))
            expected_all += expected
            counts.append(len(words))
    scored = model._scores(text, pieces)
    assert scored.probs == pytest.approx(expected_all, rel=0, abs=1e-12)
    assert [b - a for a, b in scored.bounds] == counts


@pytest.mark.parametrize("text", ["", "A vicious smear.", "He said 'a \"deeply\" cynical ploy'!",
                                  "THE USA and I: extremely vicious, «truly» evil.",
                                  "“Not a disaster,” she said -- a very anti-American plot."])
def test_loaded_fast_rows_equal_the_feature_rows(text):
    _assert_fast_rows_equal_features(load_loaded_model(), text)


def test_loaded_fast_rows_equal_the_feature_rows_on_the_sample(sample_path):
    _assert_fast_rows_equal_features(load_loaded_model(), sample_path.read_text(encoding="utf-8"))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["a", "Bad", "USA", "I", "very", "extremely", "vicious", "smear",
                                 "'", '"', "“", "«", "!", ",", ".", "-", "not", "war"]),
                max_size=30).map(" ".join))
def test_loaded_fast_rows_equal_the_feature_rows_on_any_words(text):
    _assert_fast_rows_equal_features(load_loaded_model(), text)


@given(st.text(alphabet=st.sampled_from(list("abc XYZ'-.,!\"“”vicious smear")), max_size=80))
def test_loaded_offsets_hold_for_any_text(text):
    for span in find_loaded(text):
        assert text[span.start:span.end] == span.text
        assert 0 <= span.start < span.end <= len(text)


def test_loaded_is_deterministic():
    text = "Quite frankly, the radical plan is a disgrace. Officials said so."
    assert find_loaded(text) == find_loaded(text)


def test_loaded_weak_data_words_do_not_count():
    """Words the data-derived list knows but people rarely mark stay below the threshold."""
    text = "He played a role in it for decades."
    assert _loaded_texts(text) == []
    derived = [s for s in find_loaded(text) if s.source == "babe_mbic_loaded"]
    assert all(not is_loaded(s) for s in derived)


def test_loaded_names_and_unknown_plain_words_do_not_count():
    text = "Defence Minister Andrei Belousov inspected the Zorblax warships."
    assert _loaded_texts(text) == []


def test_loaded_negated_cue_keeps_negative_weight():
    spans = [s for s in find_loaded("It was not a disaster.") if is_loaded(s)]
    assert [s.text for s in spans] == ["disaster"] and spans[0].weight < 0


def test_loaded_reuses_given_cues():
    text = "A vicious smear."
    assert find_loaded(text, cues=find_cues(text)) == find_loaded(text)


def test_loaded_rejects_non_string():
    with pytest.raises(TypeError, match="text"):
        find_loaded(None)


def test_loaded_explanation_sums_to_probability():
    table = explain_loaded("A vicious smear on the mayor.")
    assert list(table.columns) == ["start", "end", "text", "probability", "feature", "value",
                                   "contribution"]
    for _, rows in table.groupby("start"):
        logit = rows["contribution"].sum()
        assert math.isclose(1 / (1 + math.exp(-logit)), rows["probability"].iloc[0],
                            rel_tol=1e-6)
    assert explain_loaded("").empty


def test_loaded_model_round_trips(tmp_path):
    model = load_loaded_model()
    path = tmp_path / "words.json"
    model.save(path)
    again = LoadedWordModel.load(path)
    text = "A vicious smear on the mayor."
    assert [p for *_, p in again.probabilities(text)] == \
        pytest.approx([p for *_, p in model.probabilities(text)])
    with pytest.raises(ValueError, match="format"):
        LoadedWordModel.from_dict({"format": "other"})


def test_loaded_training_learns_marked_words():
    frame = pd.DataFrame({
        "text": ["The zorblax plan failed.", "A zorblax scheme again.", "The plan is ready.",
                 "The scheme starts today.", "Zorblax nonsense everywhere.", "Ready today."] * 3,
        "label": [1, 1, 0, 0, 1, 0] * 3,
        "biased_words": [json.dumps(["zorblax"]), json.dumps(["zorblax"]), "[]", "[]",
                         json.dumps(["zorblax"]), "[]"] * 3,
    })
    model = train_loaded_model(frame, folds=3)
    assert set(model.coef) == set(FEATURES)
    probs = {w: p for _, _, w, p in model.probabilities("The zorblax plan is ready.")}
    assert probs["zorblax"] > probs["plan"]
    with pytest.raises(ValueError, match="marked"):
        train_loaded_model(frame.assign(biased_words="[]"))


def test_loaded_without_model_file_falls_back_to_cues(monkeypatch):
    loaded._bundled.cache_clear()
    monkeypatch.setattr(loaded, "MODEL_FILE", "no_such_file.json")
    try:
        with pytest.warns(RuntimeWarning, match="no_such_file.json"):
            spans = find_loaded("A vicious smear.")
        assert spans == find_cues("A vicious smear.")
    finally:
        loaded._bundled.cache_clear()


def test_loaded_is_loaded_table():
    assert is_loaded(Span(0, 3, "war", "conflict", 1.0, "cues"))
    assert is_loaded(Span(0, 3, "war", "conflict", -1.0, "cues"))
    assert not is_loaded(Span(0, 5, "maybe", "hedge", 1.0, "epistemic"))
    assert not is_loaded(Span(0, 4, "play", "emotive", LOADED_MIN_WEIGHT / 2, "babe_mbic_loaded"))


@pytest.mark.parametrize("category", ["emotive", "label", "report_verb", "fear", "conflict",
                                      "hedge", "booster", "absolute", "tone_negative"])
@pytest.mark.parametrize("weight", [LOADED_MIN_WEIGHT, -LOADED_MIN_WEIGHT, 0.1199, -0.1199,
                                    0.0, 1, -1.0, float("nan")])
def test_loaded_is_loaded_equals_counts_as_loaded(category, weight):
    from toolkit.cues import counts_as_loaded

    span = Span(0, 3, "war", category, weight, "cues")
    assert is_loaded(span) is counts_as_loaded(category, weight)


def test_loaded_cli_trains_on_own_csv(tmp_path, capsys):
    from toolkit.cli import main

    rows = pd.DataFrame({
        "text": ["The zorblax plan failed.", "A zorblax scheme again.", "The plan is ready.",
                 "The scheme starts today."] * 4,
        "label": [1, 1, 0, 0] * 4,
        "biased_words": [json.dumps(["zorblax"]), json.dumps(["zorblax"]), "[]", "[]"] * 4,
    })
    csv = tmp_path / "mine.csv"
    rows.to_csv(csv, index=False)
    out = tmp_path / "words.json"
    assert main(["train-loaded", "--csv", str(csv), "--out", str(out)]) == 0
    model = LoadedWordModel.load(out)
    assert model.meta["data"] == [str(csv)]
    assert main(["train-loaded", "--csv", str(tmp_path / "none.csv")]) == 1
    assert "none.csv" in capsys.readouterr().err


def test_loaded_threads_sharing_a_model_get_the_same_probabilities(sample_path):
    """The word-type table behind the rows is filled safely when threads share a model."""
    from concurrent.futures import ThreadPoolExecutor

    from toolkit.loaded import LoadedWordModel, load_loaded_model
    from toolkit.segmentation import segment

    bundled = load_loaded_model()
    if bundled is None:
        pytest.skip("no bundled loaded-word model")
    text = sample_path.read_text(encoding="utf-8")
    sentences = segment(text)
    expected = [bundled.probabilities(text, s) for s in sentences]
    model = LoadedWordModel.from_dict(bundled.to_dict())       # an empty table

    def score(offset: int) -> list:
        order = sentences[offset:] + sentences[:offset]
        found = {s: model.probabilities(text, s) for s in order}
        return [found[s] for s in sentences]

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(score, range(0, 40, 10)))
    assert all(result == expected for result in results)

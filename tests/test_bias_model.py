from __future__ import annotations

import functools
import math
import operator
import warnings

import numpy as np
import pandas as pd
import pytest

import toolkit
from toolkit import bias_model as bm


def _toy_frame() -> pd.DataFrame:
    biased = ["The radical mob slammed the reckless plan.",
              "Corrupt elites pushed a disastrous, radical scheme.",
              "The reckless radical mob attacked again.",
              "A disastrous and corrupt deal, critics fumed."]
    neutral = ["The committee will meet on Tuesday.", "The report was published in May.",
               "Officials said the vote is on Monday.", "The city council approved the budget."]
    words = ['["radical", "mob", "slammed", "reckless"]', '["corrupt", "disastrous", "radical"]',
             '["reckless", "radical", "mob"]', '["disastrous", "corrupt", "fumed"]']
    return pd.DataFrame({"text": biased * 2 + neutral * 2, "label": [1] * 8 + [0] * 8,
                         "biased_words": words * 2 + ["[]"] * 8})


@pytest.fixture(scope="module")
def toy_model():
    return bm.train_bias_model(_toy_frame(), C=1.0, inner_folds=2)


@pytest.mark.parametrize("text", ["Critics slammed the radical, reckless scheme.",
                                  "The committee will meet on Tuesday.", "Hm."])
def test_bias_model_contributions_sum_to_logit(text):
    model = bm.load_bias_model()
    frame = bm.explain_bias(text, model=model)
    assert list(frame.columns) == bm.EXPLANATION_COLUMNS
    assert frame["contribution"].sum() == pytest.approx(model.logit(text))
    p = 1 / (1 + math.exp(-frame["contribution"].sum()))
    assert p == pytest.approx(bm.bias_probability(text))


def test_bias_model_fast_values_equal_the_explained_parts(sample_sentences):
    """Inference sums the same feature values as the explanation and training do, exactly."""
    model = bm.load_bias_model()
    pieces = [*sample_sentences, "", "Hm.", "Really, truly sadly."]
    for piece in pieces:
        parts = bm._parts(piece, model.word_bias, model.prior)
        grams, values = bm._values(piece, model.word_bias, model.prior)
        assert grams == [g for *_, g in parts.ngrams]
        assert {n: values[n] for n in bm.DENSE_FEATURES} == \
            {n: parts.value(n) for n in bm.DENSE_FEATURES}


def _logit_by_gram_strings(model, text):
    grams, values = bm._values(text, model.word_bias, model.prior)
    # Added left to right as logit() adds them: builtin sum() compensates from Python 3.12.
    total = model.intercept + functools.reduce(operator.add,
                                               (model.ngrams.get(g, 0.0) for g in grams), 0)
    for name, (mean, scale, weight) in model.dense.items():
        total += weight * (values.get(name, 0) - mean) / scale
    return total


@pytest.mark.parametrize("text", ["", "Hm.", "Critics slammed the radical, reckless scheme.",
                                  "The the the the.", "It's a U.S. plan, really sadly."])
def test_bias_model_logit_sums_the_ngram_weights_exactly(text):
    """logit looks word pairs up without building their strings: the same float."""
    model = bm.load_bias_model()
    assert model.logit(text) == _logit_by_gram_strings(model, text)


def test_bias_model_logit_sums_the_ngram_weights_exactly_on_the_sample(sample_sentences):
    model = bm.load_bias_model()
    for sentence in sample_sentences:
        assert model.logit(sentence) == _logit_by_gram_strings(model, sentence)


@pytest.mark.parametrize("text", ["", "   ", "!!! 42"])
def test_bias_model_text_without_words_is_nan(text):
    assert math.isnan(bm.bias_probability(text))


def test_bias_model_explanation_offsets_point_into_text():
    text = "Critics slammed the radical, reckless scheme."
    frame = bm.explain_bias(text)
    located = frame[frame["start"] >= 0]
    assert len(located)
    for row in located.itertuples():
        assert text[row.start:row.end] == row.text


def test_bias_model_loaded_sentence_scores_higher():
    assert bm.bias_probability("Critics slammed the radical, reckless scheme.") > \
        bm.bias_probability("The committee will meet on Tuesday.")


def test_bias_model_is_deterministic(toy_model):
    again = bm.train_bias_model(_toy_frame(), C=1.0, inner_folds=2)
    assert again.to_json() == toy_model.to_json()
    text = "The radical mob slammed it."
    assert toy_model.probability(text) == toy_model.probability(text)


def test_bias_model_learns_toy_data(toy_model):
    assert toy_model.probability("A radical, reckless mob.") > 0.5
    assert toy_model.probability("The council will meet on Monday.") < 0.5


def test_bias_model_json_round_trip(toy_model, tmp_path):
    path = toy_model.save(tmp_path / "m.json")
    loaded = bm.load_bias_model(path)
    text = "Corrupt elites slammed the vote."
    assert loaded.probability(text) == pytest.approx(toy_model.probability(text))


def test_bias_model_missing_file_gives_nan_and_warning(monkeypatch, tmp_path):
    monkeypatch.setattr(bm, "_model_resource", lambda: tmp_path / "absent.json")
    bm._bundled.cache_clear()
    try:
        with pytest.warns(RuntimeWarning, match="bias_babe.json"):
            scored = toolkit.score_sentences(["A vicious smear.", "The vote is on Monday."])
        assert scored["bias_probability"].isna().all()
        with pytest.warns(RuntimeWarning):
            result = toolkit.analyze("Critics slammed the plan.\n\nThe vote is on Monday.")
        assert result.paragraphs["bias_probability"].isna().all()
        assert math.isnan(result.summary["bias_probability"])
        with pytest.warns(RuntimeWarning):
            assert bm.explain_bias("A smear.").empty
    finally:
        bm._bundled.cache_clear()


def test_bias_model_columns_in_tables(sample_analysis):
    for table in (sample_analysis.sentences, sample_analysis.paragraphs):
        values = table["bias_probability"].dropna()
        assert len(values) and values.between(0, 1).all()
    assert 0 <= sample_analysis.summary["bias_probability"] <= 1


def test_bias_model_paragraph_is_word_weighted_mean_of_sentences(sample_analysis):
    s, p = sample_analysis.sentences, sample_analysis.paragraphs
    for number, own in s.groupby("paragraph"):
        expected = np.average(own["bias_probability"], weights=own["n_words"])
        assert p.loc[p["paragraph"] == number, "bias_probability"].item() == pytest.approx(expected)


@pytest.mark.parametrize("content, message", [
    ("words,label\nhi,1\n", "text"),
    ("text,label\nhi,2\nho,0\n", "0 or 1"),
])
def test_bias_model_training_data_errors(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content)
    with pytest.raises(ValueError, match=message):
        bm.read_training_data([path])


def test_bias_model_train_cli_on_own_csv(tmp_path, capsys):
    from toolkit.cli import main

    csv = tmp_path / "mine.csv"
    _toy_frame()[["text", "label"]].to_csv(csv, index=False)
    out = tmp_path / "model.json"
    assert main(["train-bias", "--csv", str(csv), "--out", str(out), "--C", "1.0"]) == 0
    model = bm.load_bias_model(out)
    assert model.meta["n_rows"] == 8
    assert 0 <= model.probability("A radical mob.") <= 1

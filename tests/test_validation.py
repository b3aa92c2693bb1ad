from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from toolkit import validation as v
from toolkit.cli import main


@pytest.mark.parametrize("y_true, y_pred, expected", [
    ([1, 1, 0, 0], [1, 1, 0, 0], 1.0),
    ([1, 1, 0, 0], [0, 0, 1, 1], 0.0),
    ([1, 1, 0, 0], [1, 1, 1, 1], (0.0 + 2 / 3) / 2),
    ([1, 0, 1, 0, 1], [1, 0, 0, 0, 1], (0.8 + 0.8) / 2),
])
def test_validation_macro_f1_known_values(y_true, y_pred, expected):
    assert v.macro_f1(y_true, y_pred) == pytest.approx(expected)


@pytest.mark.parametrize("y_true, score, expected", [
    ([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9], 1.0),
    ([0, 0, 1, 1], [0.9, 0.8, 0.2, 0.1], 0.0),
    ([0, 1], [0.5, 0.5], 0.5),
    ([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], 0.75),
])
def test_validation_roc_auc_known_values(y_true, score, expected):
    assert v.roc_auc(y_true, score) == pytest.approx(expected)


@pytest.mark.parametrize("y_true, score", [([1, 1], [0.2, 0.3]), ([0, 1], [0.2, math.nan]), ([], [])])
def test_validation_roc_auc_undefined_is_nan(y_true, score):
    assert math.isnan(v.roc_auc(y_true, score))


def test_validation_set_prf_micro_averages_over_sentences():
    # tp=1+1, predicted 2+1+0, gold 1+2+1
    out = v.set_prf([{"a", "b"}, {"c"}, set()], [{"a"}, {"c", "d"}, {"e"}])
    assert out["precision"] == pytest.approx(2 / 3)
    assert out["recall"] == pytest.approx(2 / 4)
    assert out["f1"] == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))


def test_validation_pearson_and_group_pearson():
    assert v.pearson([1, 2, 3], [1, 2, 3]) == pytest.approx(1.0)
    assert v.pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert math.isnan(v.pearson([1, 1, 1], [1, 2, 3]))
    # groups a: means (1, 1); b: (3, 2); c: (5, 4)
    assert v.group_pearson(["a", "a", "b", "c"], [0, 2, 3, 5], [1, 1, 2, 4]) == pytest.approx(
        v.pearson([1, 3, 5], [1, 2, 4]))


@pytest.mark.parametrize("line, gold, predicted, expected", [
    # tokens: a(0) very(2) bad(7) idea(11); gold {very, bad}, predicted {bad, idea}
    ("a very bad idea", [(2, 10)], [(7, 15)], (0.5, 0.5)),
    # a token counts by its first character only: "very" starts at 2, outside (3, 10)
    ("a very bad idea", [(3, 10)], [(7, 10)], (1.0, 1.0)),
    ("it's well-known", [(0, 4)], [(0, 15)], (0.5, 1.0)),
])
def test_validation_token_prf_first_character_rule(line, gold, predicted, expected):
    out = v.token_prf([line], [gold], [predicted])
    assert (out["precision"], out["recall"]) == pytest.approx(expected)


def test_validation_token_prf_micro_averages_over_lines():
    out = v.token_prf(["bad idea", "calm day", "so evil"], [[(0, 3)], [], [(3, 7)]],
                      [[(0, 8)], [(0, 4)], []])
    # predicted bad, idea, calm (tp 1); gold bad, evil
    assert out["precision"] == pytest.approx(1 / 3)
    assert out["recall"] == pytest.approx(1 / 2)


def test_validation_line_prf():
    out = v.line_prf([True, True, False, False, True], [True, False, True, False, True])
    assert (out["precision"], out["recall"]) == pytest.approx((2 / 3, 2 / 3))
    assert out["f1"] == pytest.approx(2 / 3)


def _babe_table():
    return pd.DataFrame({
        "text": ["Critics slammed the radical plan.", "The vote is on Monday.",
                 "A vicious smear by corrupt elites.", "Officials met on Tuesday."],
        "label": [1, 0, 1, 0],
        "biased_words": ['["slammed", "radical"]', "[]", '["vicious", "Smear", "corrupt"]', "[]"],
    })


def test_validation_babe_word_level_matches_hand_count():
    from toolkit.cues import is_loaded
    from toolkit.loaded import find_loaded

    table = _babe_table()
    out = v.validate_babe(table)
    tp = n_pred = n_gold = 0
    for text, words, label in zip(table["text"], table["biased_words"], table["label"]):
        if not label:
            continue
        pred = {w.lower() for s in find_loaded(text) if is_loaded(s) for w in s.text.split()}
        gold = {w.lower() for w in json.loads(words)}
        tp, n_pred, n_gold = tp + len(pred & gold), n_pred + len(pred), n_gold + len(gold)
    assert out["word_recall"] == pytest.approx(tp / n_gold)
    assert out["word_precision"] == pytest.approx(tp / n_pred)
    assert set(out) == {"macro_f1", "auc", "word_precision", "word_recall"}


def test_validation_nyt_groups_by_article():
    table = pd.DataFrame({"id": ["1_1", "1_2", "2_1", "3_4"],
                          "score": [2.0, 1.0, -2.5, 0.1],
                          "text": ["A wonderful, happy day.", "Good news.",
                                   "A terrible, horrible disaster.", "The meeting is at noon."]})
    out = v.validate_nyt(table)
    assert set(out) == {"pearson_r", "article_pearson_r"}
    assert out["pearson_r"] > 0.8
    assert out["article_pearson_r"] > 0.8


def test_validation_ptc_figures():
    table = pd.DataFrame({"paragraph_text": ["Critics slammed the plan.", "The vote is on Monday."],
                          "loaded_language_spans": ["[[8, 15]]", "[[9, 11]]"]})
    out = v.validate_ptc(table)
    # "slammed" is both gold and predicted; "is" is gold only.
    assert out == pytest.approx({"token_precision": 1.0, "token_recall": 0.5,
                                 "token_f1": 2 / 3, "line_f1": 2 / 3})


def test_validation_missing_folder_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="babe"):
        v.validate(tmp_path, split="dev", datasets=["babe"])


def test_validation_unknown_dataset_is_rejected(tmp_path):
    with pytest.raises(ValueError, match="unknown"):
        v.validate(tmp_path, datasets=["nope"])


def test_validation_cli_json_shape(tmp_path, capsys):
    for folder, table in {"babe": _babe_table(),
                          "vader_nyt": pd.DataFrame({"id": ["1_1", "2_1", "3_1"],
                                                     "score": [1.0, -1.0, 0.0],
                                                     "text": ["Good.", "Bad.", "Noon."]}),
                          "ptc": pd.DataFrame({"article_id": [1], "paragraph_index": [0],
                                               "paragraph_text": ["Critics slammed it."],
                                               "loaded_language_spans": ["[[8, 15]]"]}),
                          "newsmtsc": pd.DataFrame({"id": ["a_1", "a_2"],
                                                    "text": ["Critics praised Smith.",
                                                             "Critics blamed Smith."],
                                                    "start": [16, 15], "end": [21, 20],
                                                    "mention": ["Smith", "Smith"],
                                                    "polarity": [1, -1]})}.items():
        (tmp_path / folder).mkdir()
        table.to_csv(tmp_path / folder / "heldout.csv", index=False)
    assert main(["validate", "--data", str(tmp_path), "--split", "heldout", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {k: set(d) for k, d in out.items()} == {
        "babe": {"macro_f1", "auc", "word_precision", "word_recall"},
        "nyt": {"pearson_r", "article_pearson_r"},
        "ptc": {"token_precision", "token_recall", "token_f1", "line_f1"},
        "newsmtsc": {"macro_f1"},
    }
    assert out["ptc"]["token_f1"] == pytest.approx(1.0)


def test_validation_cli_missing_data_fails_cleanly(tmp_path, capsys):
    assert main(["validate", "--data", str(tmp_path / "none"), "--split", "dev"]) == 1
    assert "none" in capsys.readouterr().err


#: Floors just below the dev figures measured with
#: ``python -m toolkit validate --data ../shared/data --split dev``; raise them as scores improve.
DEV_FLOORS = {
    # macro_f1 and auc are in-sample here (the model is trained on these rows); the honest
    # cross-validated estimate is in the README.
    "babe": {"macro_f1": 0.88, "auc": 0.95, "word_precision": 0.53, "word_recall": 0.75},
    # In-sample too: the tone calibration is fitted on these rows.
    "nyt": {"pearson_r": 0.73, "article_pearson_r": 0.80},
    "ptc": {"token_f1": 0.18, "line_f1": 0.34},
    # In-sample too (the target-tone model is trained on these rows); its grouped
    # cross-validated figure is stored in the model file and reported in the README. The
    # distilled model fits its own rows less closely (0.827 in-sample, CV 0.674 -> 0.683).
    "newsmtsc": {"macro_f1": 0.82},
}


@pytest.fixture(scope="module")
def dev_results(shared_data):
    return v.validate(shared_data, split="dev")


@pytest.mark.parametrize("dataset, metric, floor",
                         [(d, m, f) for d, figures in DEV_FLOORS.items() for m, f in figures.items()])
def test_validation_dev_figures_stay_above_floors(dev_results, dataset, metric, floor):
    assert dev_results[dataset][metric] >= floor

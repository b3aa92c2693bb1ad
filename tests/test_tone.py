from __future__ import annotations

import functools
import math
import operator

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toolkit
from toolkit import tone


@pytest.mark.parametrize("text", ["A wonderful, generous gift.", "A cruel and deadly attack.",
                                  "The meeting is at noon.", "Critics slammed the plan!"])
def test_tone_contributions_sum_to_score(text):
    frame = tone.explain_tone(text)
    assert list(frame.columns) == tone.TONE_COLUMNS
    assert max(-1.0, min(1.0, frame["contribution"].sum())) == pytest.approx(tone.news_tone(text))


_WORDS = ["good", "bad", "not", "very", "war", "The", "THE", "praised", "praise", "!", ",",
          ".", ":)", "’", "'", "-", "really", "slammed", "gift", "é"]


def _rating_by_contributions(model, text):
    # Added left to right as rating() adds them: builtin sum() compensates from Python 3.12.
    return float(functools.reduce(operator.add, (value for *_, value in model._scored(text, None)),
                                  0))


@pytest.mark.parametrize("text", ["", "   ", "Hm.", "A wonderful, generous gift, a gift.",
                                  "Critics slammed the plan! Not good, not good at all.",
                                  "praised praising praise PRAISE"])
def test_tone_rating_is_the_sum_of_contributions_to_the_last_bit(text):
    model = tone.load_tone_model()
    assert model.rating(text) == _rating_by_contributions(model, text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=25).map(" ".join))
def test_tone_rating_is_the_sum_of_contributions_on_any_words(text):
    model = tone.load_tone_model()
    assert model.rating(text) == _rating_by_contributions(model, text)


def test_tone_rating_is_the_sum_of_contributions_on_the_sample(sample_sentences):
    model = tone.load_tone_model()
    for sentence in sample_sentences:
        assert model.rating(sentence) == _rating_by_contributions(model, sentence)


_BATCHES = [[], [""], ["", "   ", "Hm."],
            ["A wonderful, generous gift, a gift.", "Critics slammed the plan! Not good, not good.",
             "praised praising praise PRAISE", "   ", "The vote is on Monday.",
             "Ünïcode wörds — and “quotes”; NO words? 123 !!!"]]


def _ratings_one_by_one(model, texts, spans=None):
    spans = [None] * len(texts) if spans is None else spans
    return [model.rating(t, spans=s) for t, s in zip(texts, spans)]


@pytest.mark.parametrize("texts", _BATCHES)
def test_tone_ratings_equal_rating_to_the_last_bit(texts):
    model = tone.load_tone_model()
    assert model.ratings(texts, spans=[None] * len(texts)) == _ratings_one_by_one(model, texts)
    assert model.tones(texts, spans=[None] * len(texts)) == [model.tone(t) for t in texts]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), max_size=25).map(" ".join), max_size=6))
def test_tone_ratings_equal_rating_on_any_words(texts):
    model = tone.load_tone_model()
    assert model.ratings(texts, spans=[None] * len(texts)) == _ratings_one_by_one(model, texts)


def test_tone_ratings_equal_rating_on_the_sample(sample_sentences):
    from toolkit.cues import find_cues

    model = tone.load_tone_model()
    spans = [find_cues(s) for s in sample_sentences]
    assert model.ratings(sample_sentences, spans=spans) == _ratings_one_by_one(
        model, sample_sentences, spans)


def test_tone_ratings_take_features_as_rating_does(sample_sentences):
    model = tone.load_tone_model()
    features = [tone._sentence_features(s, None) for s in sample_sentences]
    features[0] = {**features[0], "log_words": 0.0, "vader_sum": float("nan")}
    batch = model.ratings(sample_sentences, spans=[None] * len(sample_sentences),
                          features=features)
    assert math.isnan(batch[0])                 # repr: NaN is not equal to itself
    assert list(map(repr, batch)) == [repr(model.rating(s, features=f))
                                      for s, f in zip(sample_sentences, features)]


def test_tone_word_offsets_point_into_text():
    text = "A wonderful, generous gift, and a wonderful day."
    frame = tone.explain_tone(text)
    words = frame[frame["start"] >= 0]
    assert len(words)
    for row in words.itertuples():
        assert text[row.start:row.end] == row.text


@pytest.mark.parametrize("positive, negative", [
    ("A wonderful, generous gift.", "A cruel and deadly attack."),
    ("The program was a great success.", "The program was a terrible failure."),
])
def test_tone_orders_clear_cases(positive, negative):
    assert -1 <= tone.news_tone(negative) < tone.news_tone(positive) <= 1


def test_tone_sentiment_columns(sample_analysis):
    s = sample_analysis.sentences
    assert s["sentiment"].between(-1, 1).all()
    assert "sentiment_vader" in s
    scored = toolkit.score_sentences(["A wonderful gift."])
    assert scored["sentiment"].item() == pytest.approx(tone.news_tone("A wonderful gift."))
    from toolkit.sentiment import vader_scores
    assert scored["sentiment_vader"].item() == vader_scores("A wonderful gift.")["compound"]


def test_tone_missing_file_falls_back_to_vader(monkeypatch, tmp_path):
    from toolkit.sentiment import vader_scores

    monkeypatch.setattr(tone, "_model_resource", lambda: tmp_path / "absent.json")
    tone._bundled.cache_clear()
    try:
        with pytest.warns(RuntimeWarning, match="tone_nyt.json"):
            value = tone.news_tone("A wonderful gift.")
        assert value == vader_scores("A wonderful gift.")["compound"]
    finally:
        tone._bundled.cache_clear()


def _toy():
    pos = ["A wonderful happy day.", "Great news for everyone.", "A lovely, kind gesture."]
    neg = ["A horrible, sad loss.", "Terrible news for the town.", "A cruel, ugly attack."]
    texts = pos * 3 + neg * 3
    return pd.DataFrame({"id": [f"{i // 2}_{i}" for i in range(len(texts))], "text": texts,
                         "score": [2.0] * 9 + [-2.0] * 9})


def test_tone_training_is_deterministic_and_round_trips(tmp_path):
    a = tone.train_tone_model(_toy(), _toy(), alpha=1.0)
    b = tone.train_tone_model(_toy(), _toy(), alpha=1.0)
    assert a.to_json() == b.to_json()
    loaded = tone.load_tone_model(a.save(tmp_path / "t.json"))
    assert loaded.tone("A happy day.") == pytest.approx(a.tone("A happy day."))
    assert a.tone("A happy day.") > 0 > a.tone("A sad day.")


def _distinct_toy():
    frame = _toy()
    frame["text"] = [f"{t} ({i})" for i, t in enumerate(frame["text"])]
    return frame


def test_tone_cross_validation_groups_articles():
    out = tone.cross_validate_tone(_distinct_toy(), folds=3)
    assert out["pearson_r"] > 0.5 and not math.isnan(out["article_pearson_r"])


def test_tone_cross_validation_repeats_report_spread():
    out = tone.cross_validate_tone(_distinct_toy(), folds=3, repeats=3)
    assert out["repeats"] == 3 and out["pearson_r"] > 0.5
    assert 0 <= out["pearson_r_sd"] < 1 and 0 <= out["article_pearson_r_sd"] < 1


@pytest.mark.parametrize("ids, texts, expected", [
    (["1_1", "1_2", "2_1"], ["a b", "c", "d"], ["1", "1", "2"]),
    # the same sentence in two articles joins them, case, punctuation and spacing aside
    (["1_1", "2_1", "3_1"], ["Same words.", "same  words", "Other."], ["1", "1", "3"]),
    # joins are transitive: 3 shares with 2, 2 with 1
    (["1_1", "2_1", "2_2", "3_1", "4_1"], ["x", "X!", "y", "y", "z"],
     ["1", "1", "1", "1", "4"]),
])
def test_tone_cv_groups_merge_repeated_sentences(ids, texts, expected):
    groups = tone.cv_groups(pd.DataFrame({"id": ids, "text": texts}))
    assert groups.tolist() == expected


def test_tone_cross_validation_keeps_repeats_in_one_fold():
    # every text of _toy() repeats across articles, so all rows form one group
    with pytest.raises(ValueError, match="at least 3 groups"):
        tone.cross_validate_tone(_toy(), folds=3)


def test_tone_polarity_word_model_explains_by_word():
    news = pd.DataFrame({"text": ["Smith praised the brave rescue.", "Smith blamed the cruel thugs.",
                                  "The brave nurse helped.", "The cruel attack hurt."] * 3,
                         "polarity": [1, -1, 1, -1] * 3})
    polarity = tone.newsmtsc_polarity(news)
    assert list(polarity.columns) == ["text", "score"] and len(polarity) == 4
    model = tone.train_tone_model(_toy(), _toy(), polarity=polarity, alpha=1.0)
    assert "news_polarity" in model.dense and model.polarity
    frame = model.explain("A brave rescue.")
    words = frame[frame["kind"] == "polarity"]
    assert "brave" in set(words["text"])
    assert frame["contribution"].sum() == pytest.approx(model.rating("A brave rescue.") / 4)


def test_tone_train_cli_repeats_store_spread(tmp_path, capsys):
    from toolkit.cli import main

    csv = tmp_path / "rated.csv"
    _distinct_toy().to_csv(csv, index=False)
    out = tmp_path / "tone.json"
    assert main(["train-tone", "--csv", str(csv), "--general", "--polarity", "",
                 "--cv", "3", "--repeats", "2", "--out", str(out)]) == 0
    assert "mean of 2 random group orders" in capsys.readouterr().out
    estimate = tone.load_tone_model(out).meta["cross_validation"]
    assert estimate["repeats"] == 2 and estimate["pearson_r"] > 0.5

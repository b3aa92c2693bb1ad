"""Target tone: praise against criticism of a target, whose voice counts, bad offsets."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.target_tone import (TargetToneModel, default_target_model, fit_target_tone,
                                 target_features, target_tone, target_tone_evidence,
                                 target_tone_label, tone_of, tone_to_label)


def _at(text: str, mention: str) -> tuple[str, int, int]:
    start = text.index(mention)
    return text, start, start + len(mention)


PRAISE_AND_CRITICISM = [
    # (positive sentence, negative sentence, target)
    ("Critics praised Smith for his brave and honest leadership.",
     "Critics blamed Smith for the disastrous and corrupt deal.", "Smith"),
    ("Voters admire Garcia, who has been a wonderful, caring mayor.",
     "Voters despise Garcia, who has been a terrible, dishonest mayor.", "Garcia"),
    ("The report hailed Chen as a brilliant success for the company.",
     "The report condemned Chen as a shameful failure for the company.", "Chen"),
]


@pytest.mark.parametrize("positive, negative, target", PRAISE_AND_CRITICISM)
def test_target_tone_praise_beats_criticism(positive, negative, target):
    up, down = target_tone(*_at(positive, target)), target_tone(*_at(negative, target))
    assert up > 0 > down
    assert target_tone_label(*_at(positive, target)) == 1
    assert target_tone_label(*_at(negative, target)) == -1


def test_target_tone_depends_on_the_target_not_only_the_sentence():
    text = "Brown condemned the deal, and Jones was praised for his brave and honest stand."
    assert target_tone(*_at(text, "Jones")) > target_tone(*_at(text, "Brown"))


@pytest.mark.parametrize("quoted, narrated, target", [
    ('"I have done a magnificent, wonderful job for this great country," Smith said.',
     "Smith has done a magnificent, wonderful job for this great country.", "Smith"),
    ("Minister Ivanov said: “Our brilliant, heroic leadership has brought great success.”",
     "Minister Ivanov's brilliant, heroic leadership has brought great success.", "Ivanov"),
])
def test_target_tone_quoted_self_praise_is_not_the_outlets_praise(quoted, narrated, target):
    own_words = target_tone(*_at(quoted, target))
    outlet = target_tone(*_at(narrated, target))
    assert outlet > own_words
    assert target_tone_label(*_at(narrated, target)) == 1
    assert target_tone_label(*_at(quoted, target)) != 1
    # Counting the target's own words brings the praise back.
    assert target_tone(*_at(quoted, target), self_quotes=True) > own_words


def test_target_tone_self_quote_words_are_not_features():
    text, s, e = _at('"I am a brilliant leader," Smith said.', "Smith")
    features, _ = target_features(text, s, e)
    assert features["target_speaker"] == 1.0
    assert "w=brilliant" not in features
    assert "w=brilliant" in target_features(text, s, e, self_quotes=True)[0]


def test_target_tone_evidence_points_at_the_words():
    text, s, e = _at("Critics blamed Smith for the disastrous and corrupt deal.", "Smith")
    spans = target_tone_evidence(text, s, e)
    assert spans, "no evidence"
    for span in spans:
        assert text[span.start:span.end] == span.text
        assert not (span.start < e and s < span.end), "the mention is masked"
    negative = {sp.text for sp in spans if sp.category == "target_negative"}
    assert negative & {"blamed", "disastrous", "corrupt"}
    assert [abs(sp.weight) for sp in spans] == sorted((abs(sp.weight) for sp in spans),
                                                      reverse=True)


@pytest.mark.parametrize("args, error", [
    (("Smith won.", 0, 0), ValueError),
    (("Smith won.", 3, 2), ValueError),
    (("Smith won.", -1, 5), ValueError),
    (("Smith won.", 0, 99), ValueError),
    (("Smith  won.", 5, 7), ValueError),
    ((None, 0, 5), TypeError),
    ((b"Smith won.", 0, 5), TypeError),
    (("Smith won.", 0.0, 5), TypeError),
    (("Smith won.", "0", 5), TypeError),
    (("Smith won.", True, 5), TypeError),
])
def test_target_tone_rejects_bad_input(args, error):
    with pytest.raises(error, match="text|start|end|mention"):
        target_tone(*args)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab cd.,“”\"'!?XY\n"), min_size=1, max_size=60),
       st.data())
def test_target_tone_any_valid_offsets_give_a_tone_in_range(text, data):
    nonblank = [i for i, ch in enumerate(text) if not ch.isspace()]
    if not nonblank:
        return
    start = data.draw(st.sampled_from(nonblank))
    end = data.draw(st.integers(start + 1, len(text)))
    tone = target_tone(text, start, end)
    assert -1.0 <= tone <= 1.0
    for span in target_tone_evidence(text, start, end):
        assert text[span.start:span.end] == span.text


@pytest.mark.parametrize("probabilities, expected", [
    ((0.1, 0.3, 0.6), 0.7), ((0.6, 0.3, 0.1), -0.7), ((0.2, 0.6, 0.2), 0.0),
])
def test_target_tone_tone_of_signs_the_non_neutral_share(probabilities, expected):
    assert tone_of(*probabilities) == pytest.approx(expected)


@pytest.mark.parametrize("tone, expected", [(-0.9, -1), (-0.1, 0), (0.1, 0), (0.9, 1)])
def test_target_tone_thresholds_map_to_three_classes(tone, expected):
    assert tone_to_label(tone, (-0.5, 0.5)) == expected


def test_target_tone_model_round_trips_through_json():
    model = TargetToneModel({"w=good": [-1.0, 0.0, 1.0]}, [0.0, 0.1, 0.0], (-0.4, 0.4),
                            meta={"source": "hand-made"})
    again = TargetToneModel.from_json(model.to_json())
    features = {"w=good": 1.0, "w=unknown": 1.0}
    assert again.tone(features) == pytest.approx(model.tone(features))
    assert again.meta == {"source": "hand-made"}
    text, s, e = _at("A good day for Smith.", "Smith")
    assert target_tone(text, s, e, model=again) > 0


def test_target_tone_bundled_model_records_source_licence_and_cv():
    meta = default_target_model().meta
    assert "NewsMTSC" in meta["source"] and "MIT" in meta["licence"]
    assert 0.6 < meta["cv_macro_f1"] < meta["train_macro_f1"]
    low, high = default_target_model().thresholds
    assert -1 < low <= high < 1


def test_target_tone_accepts_numpy_offsets():
    import numpy as np

    text, s, e = _at("Critics praised Smith.", "Smith")
    assert target_tone(text, np.int64(s), np.int64(e)) == target_tone(text, s, e)


def test_target_tone_train_command_writes_a_loadable_model(tmp_path, capsys, newsmtsc_like):
    from toolkit.cli import main

    (tmp_path / "newsmtsc").mkdir()
    newsmtsc_like.to_csv(tmp_path / "newsmtsc" / "dev.csv", index=False)
    out = tmp_path / "model.json"
    assert main(["train-target-tone", "--data", str(tmp_path), "--out", str(out),
                 "--folds", "3", "--c", "1.0"]) == 0
    report = json.loads(capsys.readouterr().out.rsplit("wrote", 1)[0])
    assert report["n"] == 36 and 0 <= report["cv_macro_f1"] <= 1
    model = TargetToneModel.from_json(out.read_text())
    text, s, e = _at("Critics praised Name99 for brave work.", "Name99")
    assert target_tone(text, s, e, model=model) > 0
    assert main(["train-target-tone", "--data", str(tmp_path / "missing")]) == 1


def test_target_tone_valence_is_split_by_the_nearest_mention():
    text = "Critics praised Smith warmly, but Jones was blamed."
    features, sources = target_features(*_at(text, "Smith"))
    assert features["v_pos_mine"] > 0 and "v_pos_other" not in features
    assert features["v_neg_other"] > 0          # "blamed" is nearer to Jones
    assert (text.index("blamed"), text.index("blamed") + 6) in sources["v_neg_other"]
    assert features["n_other_mentions"] > 0
    jones, _ = target_features(*_at(text, "Jones"))
    assert jones["v_pos_other"] > 0 and jones["v_neg_mine"] > 0


@pytest.mark.parametrize("template", [
    "Critics praised {target} for the talks with {other} on Monday.",
    "{target} was blamed for the failed deal that {other} signed.",
    "The summit between {target} and {other} ended without a statement.",
])
def test_target_tone_other_names_do_not_change_the_tone(template):
    # Another name in the sentence is a topic, not a tone: every other name reads "<name>".
    tones = set()
    for other in ("Putin", "Merkel", "Russia", "Microsoft"):
        text = template.format(target="Smith", other=other)
        features, _ = target_features(*_at(text, "Smith"))
        assert "w=<name>" in features and f"w={other.lower()}" not in features
        tones.add(target_tone(*_at(text, "Smith")))
    assert len(tones) == 1


def test_target_tone_title_case_headline_keeps_its_words():
    text, s, e = _at("Moscow and Beijing Pledge to Strengthen Military Ties", "Beijing")
    features, _ = target_features(text, s, e)
    assert "w=strengthen" in features and "w=<name>" not in features
    text, s, e = _at("Critics in Moscow praised Smith and Jones on Monday.", "Smith")
    features, _ = target_features(text, s, e)
    assert features["w=<name>"] == 3.0 and "w=moscow" not in features


def test_target_tone_sample_country_in_quoted_praise_is_positive(sample_analysis):
    # Dong's quote praises "China-Russian relations"; a name-prior learned on US politics
    # (other names such as "Putin" read as negative) once made it about -0.8.
    text = sample_analysis.text
    start = text.index("China-Russian relations")
    assert target_tone(text, start, start + len("China")) > 0


def test_target_tone_stems_and_near_words_weigh_by_distance():
    text = "Critics praised Smith, and many voters later praised the new plan."
    features, sources = target_features(*_at(text, "Smith"))
    assert features["stem=prais"] == 2.0          # both "praised", one stem
    near = features["near=prais"]
    assert 1.0 < near < 1.5                       # 1 beside the mention, far less 5 words on
    assert (text.index("praised"), text.index("praised") + 7) in sources["near=prais"]
    assert "near=plan" not in features            # more than eight words away


@pytest.mark.parametrize("nb_scale", [True, False])
def test_target_tone_fit_saved_weights_give_the_fitted_model(nb_scale):
    from sklearn.metrics import f1_score

    rows = []
    for i in range(10):
        for polarity, sentence in ((1, "Voters praised {} for a brave, honest record."),
                                   (-1, "Voters blamed {} for the awful, corrupt deal."),
                                   (0, "{} met reporters in Ohio on Monday.")):
            text = sentence.format(f"Name{i}")
            rows.append((text, text.index(f"Name{i}"), text.index(f"Name{i}") + len(f"Name{i}"),
                         polarity))
    texts, starts, ends, labels = zip(*rows)
    model, report = fit_target_tone(texts, starts, ends, labels, c=1.0, n_splits=3,
                                    nb_scale=nb_scale)
    assert report["nb_scale"] is nb_scale
    # The scale is folded into the saved weights: scoring through target_tone with the saved
    # model reproduces the in-sample figure the fit computed on the scaled matrix.
    pred = [target_tone_label(t, s, e, model=model) for t, s, e, _ in rows]
    assert f1_score(labels, pred, average="macro") == pytest.approx(report["train_macro_f1"])


@pytest.mark.parametrize("text, mention, expected", [
    ("Critics praised Smith.", "Smith", "Critics praised the target."),
    ("It rained. Smith was blamed. Then it stopped.", "Smith", "the target was blamed."),
    ("  Smith  ", "Smith", "the target"),
])
def test_target_tone_masked_sentence_reads_the_mention_as_the_target(text, mention, expected):
    from toolkit.target_tone import masked_sentence

    start = text.index(mention)
    assert masked_sentence(text, start, start + len(mention)) == expected


def test_target_tone_masked_sentence_rejects_bad_offsets():
    from toolkit.target_tone import masked_sentence

    with pytest.raises(ValueError, match="must satisfy"):
        masked_sentence("Smith", 3, 9)


def test_target_tone_reference_baseline_learns_a_separable_toy_set(newsmtsc_like):
    """The issue's TF-IDF + VADER baseline (benchmarks/newsmtsc_baseline.py), which the
    README reads the grouped CV against: the placeholder masks the mention, and on a set
    where praise and blame words decide the class it scores well above chance."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "newsmtsc_baseline.py"
    spec = importlib.util.spec_from_file_location("newsmtsc_baseline", path)
    baseline = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(baseline)
    assert baseline.masked("Critics praised Name1.", 16, 21).split() == [
        "Critics", "praised", "TARGETMENTION", "."]
    assert baseline.baseline_cv(newsmtsc_like, window=3, c=1.0, n_splits=3) > 0.9

"""The cue matcher (inflections, phrases, negation, case, categories) and the lexicon files."""
from __future__ import annotations

import csv
import json
import math
from importlib.resources import files

import pytest

from toolkit.cues import (CUE_CATEGORIES, LOADED_CATEGORIES, CueLexicon, bundled_lexicon,
                          default_lexicon, find_cues)
from toolkit.lexicons import lexicon_files, manifest, read_lexicon
from toolkit.lexicons.derivation import derive_terms, word_statistics

LEXICONS = files("toolkit.lexicons")


def _found(text, lexicon=None):
    return {(s.text, s.category) for s in find_cues(text, lexicon=lexicon)}


@pytest.mark.parametrize("text, term, category", [
    ("They are fighting back hard.", "fighting back", "conflict"),
    ("They fight back.", "fight back", "conflict"),
    ("They're plotting ways to embarrass him.", "plotting", "emotive"),
    ("Critics claimed it failed.", "claimed", "report_verb"),
    ("She claims it works.", "claims", "report_verb"),
    ("He slammed the ruling.", "slammed", "report_verb"),
    ("The senator was slamming it.", "slamming", "report_verb"),
    ("They demonized the press.", "demonized", "emotive"),
    ("A string of outrageous lies.", "lies", "emotive"),
    ("It may perhaps rain.", "perhaps", "hedge"),
    ("She regretted the vote.", "regretted", "factive"),
])
def test_cues_match_inflections(text, term, category):
    assert (term, category) in _found(text)


@pytest.mark.parametrize("text, term, category", [
    ("Will you join our efforts?", "Will you join", "call_to_action"),
    ("There's still a war to be fought.", "war to be fought", "conflict"),
    ("Act now, before it's too late.", "before it's too late", "urgency"),
    ("It was a witch hunt.", "witch hunt", "emotive"),
    ("They are enemies of the people.", "enemies of the people", "us_them"),
    ("The results were, of course, rigged.", "of course", "booster"),
])
def test_cues_match_phrases(text, term, category):
    assert (term, category) in _found(text)


@pytest.mark.parametrize("text, term, category", [
    ("An anti-science crowd.", "anti-science", "label"),
    ("The far-left group.", "far-left", "label"),
    ("A smear-filled ad.", "smear-filled", "emotive"),
    ("An extremely vicious attack.", "extremely vicious", "emotive"),
])
def test_cues_match_compounds_and_intensified(text, term, category):
    assert (term, category) in _found(text)


@pytest.mark.parametrize("text", ["A well-known author.", "A two-day visit.", "An extremely long day."])
def test_cues_no_loaded_match(text):
    assert not [s for s in find_cues(text) if s.category in LOADED_CATEGORIES]


def test_cues_longest_phrase_wins():
    spans = [s for s in find_cues("Let us fight back now.") if s.category == "conflict"]
    assert [s.text for s in spans] == ["fight back"]


@pytest.mark.parametrize("text, negated", [
    ("It was not a disaster.", True),
    ("It wasn't a disaster.", True),
    ("It was never a disaster.", True),
    ("There was no disaster.", True),
    ("It was a disaster.", False),
    ("Not cheap, but a disaster.", False),
    ("He did not say that it was a disaster.", False),
])
def test_cues_negation(text, negated):
    (span,) = [s for s in find_cues(text) if s.text == "disaster"]
    assert (span.weight < 0) is negated
    assert abs(span.weight) > 0


@pytest.mark.parametrize("text, expected", [
    ("The Left is regrouping.", True),
    ("They attacked the Left again.", True),
    ("Turn left at the corner.", False),
    ("the left lane was closed.", False),
])
def test_cues_case_sensitive_labels(text, expected):
    labels = {s.text for s in find_cues(text) if s.category == "label"}
    assert any(t.lower() == "the left" for t in labels) is expected


@pytest.mark.parametrize("categories", [["hedge"], ["emotive", "label"], LOADED_CATEGORIES])
def test_cues_categories_filterable(categories):
    text = "Perhaps the radical plan is a total disaster, critics claimed."
    lexicon = default_lexicon().subset(categories)
    spans = find_cues(text, lexicon=lexicon)
    assert spans
    assert {s.category for s in spans} <= set(categories)
    assert set(lexicon.categories) <= set(categories)


def test_cues_subset_rejects_unknown_category():
    with pytest.raises(ValueError, match="propaganda"):
        default_lexicon().subset(["propaganda"])


def test_cues_spans_carry_category_weight_and_source():
    spans = find_cues("Critics slammed the dishonest, perhaps bizarre plan.")
    assert spans
    sources = {name.rsplit(".", 1)[0] for name in lexicon_files()}
    for span in spans:
        assert span.category in CUE_CATEGORIES
        assert math.isfinite(span.weight) and span.weight != 0
        assert span.source in sources


def test_cues_bundled_lexicon_leaves_out_files():
    mit_only = bundled_lexicon(("cues.tsv", "epistemic.tsv"))
    assert {row[3] for row in mit_only.rows} == {"cues", "epistemic"}
    assert len(mit_only) < len(default_lexicon())
    with pytest.raises(ValueError, match="nope.tsv"):
        bundled_lexicon(("nope.tsv",))


@pytest.mark.parametrize("rows, text, expected", [
    ([("smear", "emotive", 1.0)], "They smeared him.", [("smeared", "emotive", 1.0, "mine")]),
    ([("smear", "emotive", 0.4, "own")], "A smear.", [("smear", "emotive", 0.4, "own")]),
    ([("Big Tech", "label", 1.0)], "big tech is here.", []),
    ([], "A smear.", []),
])
def test_cues_own_lexicon(rows, text, expected):
    spans = find_cues(text, lexicon=CueLexicon(rows, source="mine"))
    assert [(s.text, s.category, s.weight, s.source) for s in spans] == expected


@pytest.mark.parametrize("name", lexicon_files())
def test_cues_lexicon_file_columns_and_categories(name):
    text = LEXICONS.joinpath(name).read_text(encoding="utf-8")
    reader = csv.reader(text.splitlines(), delimiter="\t")
    assert next(reader) == ["term", "category", "weight"]
    rows = read_lexicon(name)
    assert rows
    for term, category, weight in rows:
        assert term == term.strip() and term
        assert category in CUE_CATEGORIES, (name, term, category)
        assert math.isfinite(weight) and 0 < weight <= 1, (name, term, weight)
        assert not term.endswith("-") or " " not in term, (name, term)
    for line in text.splitlines()[1:]:
        assert len(line.split("\t")) == 3, (name, line)


def test_cues_manifest_lists_every_file_with_source_and_licence():
    names = sorted(p.name for p in LEXICONS.iterdir() if p.name.endswith(".tsv"))
    assert sorted(manifest()) == names
    for name, entry in manifest().items():
        assert entry["source"].strip() and entry["licence"].strip(), name
        if "notice" in entry:
            assert LEXICONS.joinpath(entry["notice"]).is_file(), entry["notice"]
    agpl = [n for n, e in manifest().items() if "AGPL" in e["licence"]]
    assert all("notice" in manifest()[n] for n in agpl)


def test_cues_every_category_has_terms():
    present = {category for name in lexicon_files() for _, category, _ in read_lexicon(name)}
    assert present == set(CUE_CATEGORIES)
    assert set(LOADED_CATEGORIES) < set(CUE_CATEGORIES)
    assert not {"hedge", "booster", "factive"} & set(LOADED_CATEGORIES)
    # Other propaganda techniques, not loaded wording: still cues, not loaded language.
    assert not {"urgency", "call_to_action", "us_them", "flag_waving"} & set(LOADED_CATEGORIES)


def test_cues_derivation_keeps_marked_words():
    texts = ["A vicious smear on the mayor.", "A smear again.", "The mayor spoke.",
             "A vicious dog barked at the mayor."]
    marked = [["smear"], ["smear"], [], []]
    stats = word_statistics(texts, marked)
    assert (stats["smear"].occurrences, stats["smear"].hits) == (2, 2)
    assert stats["mayor"].hits == 0
    rows = {term: (category, weight) for term, category, weight in
            derive_terms(stats, threshold=0.5, include_vader=False)}
    assert "smear" not in rows  # in the project-written list already
    assert "mayor" not in rows and "barked" not in rows
    own = derive_terms(word_statistics(["The zorblax plan.", "Zorblax again."],
                                       [["zorblax"], ["zorblax"]]),
                       threshold=0.5, include_vader=False)
    assert [(t, c) for t, c, _ in own] == [("zorblax", "emotive")]


def test_cues_babe_words_floor(shared_data):
    """Word-level figures on BABE dev (in-sample for the word model): floors catch regressions."""
    from toolkit.segmentation import WORD_RE
    from toolkit.validation import loaded_spans, read_split, set_prf

    babe = read_split(shared_data, "babe", "dev")
    biased = babe[babe["label"].astype(int) == 1]
    predicted = [{m.group().lower() for s, e in loaded_spans(text)
                  for m in WORD_RE.finditer(text, s, e)} for text in biased["text"]]
    gold = [{w.lower() for w in json.loads(v or "[]")} for v in biased["biased_words"]]
    figures = set_prf(predicted, gold)
    assert figures["recall"] >= 0.75 and figures["precision"] >= 0.50


@pytest.mark.parametrize("text", [
    "They want to fight\nback and destroy us.",          # a phrase across a sentence break
    "It was not\na disaster, critics claimed.",          # a negator in the sentence before
    "It was extremely\nvicious words followed.",         # a booster ending the line before
    "Not a disaster.\n\nNever a threat. Extremely vicious smear tactics. “Fight back!”",
    "",
])
def test_cues_whole_text_equals_each_sentence_alone(text):
    """find_cues matches all sentences in one pass: the spans are each sentence's own."""
    from toolkit.segmentation import segment

    lexicon = default_lexicon()
    sentences = segment(text)
    each = [span for s in sentences for span in lexicon.match(text, s.words)]
    assert find_cues(text, sentences) == each
    assert lexicon.match_sentences(text, (s.words for s in sentences)) == each

"""Tests for toolkit.insert_topic: what a paragraph shares with the rest of its article."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.insert_topic import topic_overlap

ARTICLE = ["Russia and China deepen military ties",
           "Defense Minister Andrei Belousov met his Chinese counterpart Dong Jun in Moscow.",
           "Belousov said the two armies would hold more joint exercises this year.",
           "Organic cold brew concentrate in glass bottles, roasted in small batches in Oakland.",
           "The ministers also discussed joint naval exercises near Japan."]


def test_insert_topic_names_shared_with_the_article():
    rows = topic_overlap(ARTICLE)
    # "Belousov" opens a sentence in paragraph 2: not a name there, but a mention all the same.
    assert rows[2].shared_names == ()
    assert [ARTICLE[1][a:b] for a, b in rows[1].shared_names] == ["Belousov"]
    assert rows[1].new_names == 6  # Minister, Andrei, Chinese, Dong, Jun, Moscow
    assert rows[3].shared_names == () and rows[3].new_names == 1  # Oakland


@pytest.mark.parametrize("index, share", [
    (3, 0.0),  # the pasted ad shares no content word
    (4, 0.6),  # "joint", "exercises" (stemmed with "exercises"), "ministers" ... found elsewhere
])
def test_insert_topic_content_share(index, share):
    row = topic_overlap(ARTICLE)[index]
    assert row.share == pytest.approx(share, abs=0.2)


def test_insert_topic_stems_meet():
    rows = topic_overlap(["The clinics opened.", "A clinic opened downtown."])
    assert rows[0].shared_content == 2  # clinic(s), opened
    assert rows[1].n_content == 3


@pytest.mark.parametrize("texts", [[], [""], ["", "..."], ["A"], ["Organic cold brew roasted in small batches in Oakland."]])
def test_insert_topic_small_inputs(texts):
    rows = topic_overlap(texts)
    assert len(rows) == len(texts)
    assert all(r.share == 1.0 and r.n_content == 0 for r in rows)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="AbcDe fgHij.,’'\"-\n", max_size=60), min_size=1, max_size=5))
def test_insert_topic_offsets_inside_each_paragraph(texts):
    for text, row in zip(texts, topic_overlap(texts)):
        for a, b in (*row.unshared, *row.shared_names):
            assert 0 <= a < b <= len(text)
            assert text[a].isalpha()
        assert 0 <= row.shared_content <= row.n_content


@pytest.mark.parametrize("text", [
    "Minister Belousov met Dong Jun in Moscow. He said The Talks went well.",
    "“Sure,” Ana said. (Moscow) — Beijing and MOSCOW; ÉCOLE Paris", "", "no capitals here"])
def test_insert_topic_names_pass_gives_every_capitalised_word(text):
    """One pass of the capital pattern gives the names and every capitalised word (what a
    name elsewhere is looked up in), as a findall of the same pattern does."""
    from toolkit.insert_topic import _CAPITAL, _names

    names, capitals = _names(text)
    assert capitals == set(_CAPITAL.findall(text))
    assert set(names) <= capitals

"""Tests for toolkit.insert_topic: what a paragraph shares with the rest of its article."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.insert_topic import islands, topic_overlap

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


@pytest.mark.parametrize("text", [
    "Minister Belousov met Dong Jun in Moscow. He said The Talks went well.",
    "“Sure,” Ana said. (Moscow) — Beijing and MOSCOW; ÉCOLE Paris", "", "no capitals here",
    "éA aB _Cd 1Ef A A1 Ab_c Ab’s O'Neil KELVIN\u212aX İstanbul ÀBc x-Yz", "A", "Ab"])
def test_insert_topic_capital_pattern_is_the_plain_one(text):
    """The capital pattern, its boundary written after the capital, matches what
    ``\\b[A-Z][a-zA-Z]+`` matches, at the same places."""
    import random
    import re

    from toolkit.insert_topic import _CAPITAL

    plain = re.compile(r"\b[A-Z][a-zA-Z]+")
    rng = random.Random(text)
    alphabet = "aZb_É1é'’-. \u212aİı"
    texts = [text] + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
                      for _ in range(500)]
    for t in texts:
        assert [m.span() for m in _CAPITAL.finditer(t)] == [m.span() for m in plain.finditer(t)]


# A pasted block of two paragraphs (written for this test) that repeats its brand: the first
# names "Ostrander", which the second also has, so it is no stranger to the rest of the
# article on its own; the two together share nothing with it.
BLOCK = ["Three generations of the Ostrander family have grown apples above Lake Seneca, "
         "pressing them each autumn in a barn their grandfather built.",
         "Ostrander cider is pressed from those same orchards and aged in oak through the "
         "winter, ready by the first thaw."]


def test_insert_topic_islands_find_a_block_that_names_its_own_brand():
    texts = ARTICLE[:3] + BLOCK + ARTICLE[4:]
    assert [bool(r.shared_names) for r in topic_overlap(texts)[3:5]] == [True, False]
    found = [(i.start, i.end) for i in islands(texts, skip=frozenset({0}))]
    assert (3, 5) in found
    island = next(i for i in islands(texts) if (i.start, i.end) == (3, 5))
    assert island.strangers == {3, 4} and island.links == {(3, 4), (4, 3)}
    # Naming the article's minister, the second paragraph ties the pair to the article (a
    # longer run that takes in the minister's own paragraphs may still qualify in so short an
    # article; the detector also asks the run's TF-IDF similarity to the rest to be low).
    tied = texts[:4] + [BLOCK[1].replace("the first thaw", "the time Belousov visits")] + texts[5:]
    assert [(i.start, i.end) for i in islands(tied, sizes=(2,))] == []
    # The headline (skipped) never belongs to a run; nor is there a run in a short text.
    assert all(i.start > 0 for i in islands(texts, skip=frozenset({0})))
    assert islands(BLOCK) == []


def test_insert_topic_measured_cache_cannot_be_changed_by_a_caller():
    """measured() keeps its results for the next caller: a caller cannot change them."""
    from toolkit.insert_topic import measured

    texts = tuple(ARTICLE)
    contents, names, capitals = measured(texts)
    with pytest.raises(TypeError):
        names[1]["Extra"] = (0, 1)
    with pytest.raises(AttributeError):
        capitals[1].add("Extra")
    assert measured(texts)[1] is names and "Extra" not in names[1]

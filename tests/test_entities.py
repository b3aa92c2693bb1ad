"""Entities: mentions, merging, titles, demonyms, collective labels, and the sample's sides."""
from __future__ import annotations

import pytest

from toolkit.entities import ENTITY_COLUMNS, MENTION_COLUMNS, entities_of, find_mentions


def _entities(text: str) -> dict[str, dict]:
    table = entities_of(text)
    return {row["entity"]: row for row in table.to_dict("records")}


@pytest.mark.parametrize("text, entity, mentions", [
    ("Andrei Belousov arrived in Beijing. Belousov met the press.", "Andrei Belousov", 2),
    ("President Vladimir Putin spoke on Monday. Later, Putin left.", "Vladimir Putin", 2),
    ("Belousov's visit was short. Andrei Belousov then flew home.", "Andrei Belousov", 2),
    ("Talks with Dong Jun went well. Dong said the talks were useful.", "Dong Jun", 2),
    ("The car was parked in D.C. on Monday. Traffic in DC was heavy.", "D.C.", 2),
])
def test_entities_merge_repeated_mentions(text, entity, mentions):
    found = _entities(text)
    assert found[entity]["mentions"] == mentions
    assert not {"Belousov", "Putin", "Dong"} & set(found)


@pytest.mark.parametrize("text, entity, kind", [
    ("Russian Defense Minister Andrei Belousov visited.", "Andrei Belousov", "person"),
    ("Yesterday Prime Minister Keir Starmer spoke.", "Keir Starmer", "person"),
    ("Officials said Sen. Elizabeth Warren objected.", "Elizabeth Warren", "person"),
    ("A statement from the Russian Defense Ministry followed.", "Russian Defense Ministry",
     "organisation"),
])
def test_entities_titles_are_peeled_and_typed(text, entity, kind):
    found = _entities(text)
    assert found[entity]["type"] == kind
    assert not any(name.startswith(("Defense", "Minister", "Prime", "Sen")) for name in found)


@pytest.mark.parametrize("text, country, mentions", [
    ("Russian warships and Chinese warships sailed. China said so.", "China", 2),
    ("The Russian Defense Minister met Chinese officials in Russia.", "Russia", 1),
    ("China-Russian relations have reached a new high.", "Russia", 1),
])
def test_entities_demonyms_count_for_their_country(text, country, mentions):
    found = _entities(text)
    assert found[country]["type"] == "country"
    assert found[country]["mentions"] >= mentions


@pytest.mark.parametrize("text, group", [
    ("There is still a war to be fought and the Left isn't resting.", "the Left"),
    ("The Left is regrouping, they say.", "the Left"),
    ("They blame globalist elites for everything.", "globalist elites"),
    ("The anxiety has spread in the West.", "the West"),
])
def test_entities_collective_labels(text, group):
    found = _entities(text)
    assert found[group]["type"] == "group"


@pytest.mark.parametrize("text, entity, kind", [
    ("Donald Trump met reporters on Friday.", "Donald Trump", "person"),
    ("Later, Joe Biden left the room.", "Joe Biden", "person"),
    ("The delegation flew on to Beijing.", "Beijing", "place"),
    ("Protesters marched in Washington on Sunday.", "Washington", "place"),
    ("They're not singing Kumbaya in DC just yet.", "DC", "place"),
    ("1776 Coalition Sponsored", "1776 Coalition", "organisation"),
    ("A new poll from the Marist Institute was released.", "Marist Institute", "organisation"),
    ("Troops were sent to Ukraine.", "Ukraine", "country"),
    ("Anna Kovalenko, 34, said she left.", "Anna Kovalenko", "person"),
])
def test_entities_types_from_names_places_and_organisations(text, entity, kind):
    found = _entities(text)
    assert found[entity]["type"] == kind


@pytest.mark.parametrize("text, absent", [
    ("Male voters were angry.", {"Male"}),                     # a capital, but a common word
    ("1776 Coalition Sponsored", {"Coalition Sponsored", "Sponsored"}),
    ("May Day was quiet. Grace was shown.", {"May Day", "Grace"}),
])
def test_entities_names_lists_do_not_claim_common_words(text, absent):
    assert not absent & set(_entities(text))


def test_entities_dotted_and_plain_spellings_merge():
    text = "D.C. is not singing Kumbaya. They are not singing in DC just yet."
    found = _entities(text)
    assert found["D.C."]["mentions"] == 2 and found["D.C."]["type"] == "place"
    assert "DC" not in found


def test_entities_left_out_common_words_months_and_days():
    text = ("Since Monday the talks have stalled. In August, they resumed. "
            "Quite frankly, nobody expected it. They're tired.")
    found = _entities(text)
    assert not {"Since", "Monday", "August", "In August", "Quite", "They", "They're"} & set(found)


def test_entities_title_case_headline_keeps_only_known_names():
    text = ("Moscow and Beijing Pledge to Strengthen Military Ties as Russian Minister Visits "
            "China\n\nA delegation from Moscow reached Beijing on Monday.")
    found = _entities(text)
    assert {"Moscow", "Beijing", "Russia", "China"} <= set(found)
    assert not {"Pledge", "Strengthen Military Ties", "Visits China", "Ties"} & set(found)


def test_entities_mentions_offsets_and_voice():
    text = 'Dong said: "President Putin is a role model." Putin did not reply.'
    mentions = find_mentions(text)
    assert list(mentions.columns) == MENTION_COLUMNS
    for row in mentions.itertuples():
        assert text[row.start:row.end] == row.text
    putin = mentions[mentions["entity"] == "Putin"]
    assert list(putin["voice"]) == ["quote", "author"]


@pytest.mark.parametrize("text", ["", "   \n\n  ", "no capital letters here at all."])
def test_entities_empty_text_gives_empty_tables_with_the_columns(text):
    table = entities_of(text)
    assert list(table.columns) == ENTITY_COLUMNS and table.empty
    assert list(find_mentions(text).columns) == MENTION_COLUMNS


def test_entities_bad_input_names_the_argument():
    with pytest.raises(TypeError, match="text"):
        entities_of(None)


def test_entities_table_tone_by_voice():
    text = ("Critics blamed Smith for the disastrous and corrupt deal. "
            'Jones said: "Smith is a brilliant, honest and wonderful man."')
    row = _entities(text)["Smith"]
    assert row["mentions"] == 2
    assert row["tone_author"] < 0 < row["tone_quoted"]
    assert row["tone_author"] <= row["tone"] <= row["tone_quoted"]
    assert "corrupt" in row["loaded_terms"] or "disastrous" in row["loaded_terms"]


def test_entities_sample_article(sample_analysis):
    table = sample_analysis.entities
    assert list(table.columns) == ENTITY_COLUMNS
    found = {row["entity"]: row for row in table.to_dict("records")}
    # The seed bar: the sponsored insert's "the Left" is a group, portrayed negatively.
    assert found["the Left"]["type"] == "group"
    assert found["the Left"]["tone"] < 0
    assert {"Andrei Belousov", "Dong Jun", "Vladimir Putin", "Xi Jinping", "Russia",
            "China"} <= set(found)
    assert found["Andrei Belousov"]["type"] == "person"
    assert found["Andrei Belousov"]["mentions"] >= 5
    assert found["Vladimir Putin"]["tone_quoted"] == found["Vladimir Putin"]["tone_quoted"]
    mentions = sample_analysis.mentions
    text = sample_analysis.text
    assert all(text[r.start:r.end] == r.text for r in mentions.itertuples())

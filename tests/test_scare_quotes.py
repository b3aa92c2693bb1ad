"""Quotation marks in the author's voice (scare quotes, titles, nicknames, words mentioned)
against quoted speech, on invented sentences in the shapes of the PTC case files."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from toolkit import analyze
from toolkit.loading import split_paragraphs
from toolkit.parsing import parser
from toolkit.voice import AUTHOR_KINDS, author_quotes, find_quotations, find_quotes

# Whether the parse runs here (spaCy and its model installed, loading and running).
PARSED = parser() is not None

# (text, [(quoted speech, speaker)], [(author-voice quotation, kind)]) -- checked by hand.
# Every author row was a quote before toolkit.scare_quotes looked at the words around it.
AUTHOR_CASES = [
    # a show after "told" (Title Case, no speech verb before it)
    ("Giuliani told CBS’ “Face the Nation” on Sunday that he was confident.",
     [], [("Face the Nation", "title")]),
    # a work named by the noun before it
    ("The movie “Spotlight” won an Oscar, the studio said.", [], [("Spotlight", "title")]),
    # a Title Case name in the body, though the sentence has a speaker
    ("Smith said he was proud to join the “Gang of Eight” in the Senate.",
     [], [("Gang of Eight", "title")]),
    # a work named by the word before it, lower-case titles included
    ("Tom Reyes is the author of “a history of floods in the valley,” a long book.",
     [], [("a history of floods in the valley,", "title")]),
    ("She wrote a book titled “why the river rises” last year, the publisher said.",
     [], [("why the river rises", "title")]),
    ("The op-ed, headlined “a dam too far,” ran on Sunday.", [], [("a dam too far,", "title")]),
    # a cited headline: "...," by Author, Outlet
    ("Officials spoke.\n\n“Officials deny everything in the Senate report,” by Jane Roe, "
     "Daily Planet, May 3, 2017.",
     [], [("Officials deny everything in the Senate report,", "title")]),
    # ... of a word or more: marks round a comma cite no headline (left to the quote finder,
    # which keeps a wordless quote as speech, as in 'He said “,” and left.')
    ("The list ran on.\n\n“,” by Jane Roe, Daily Planet.", [(",", None)], []),
    # the author's distance, named
    ('The so-called "experts" disagree with the findings.', [], [("experts", "so-called")]),
    # a nickname between a name's words; "known as", "dubbed" without a subject
    ("The senator backed Jim “Bulldog” Harris in the primary, his office said.",
     [], [("Bulldog", "nickname")]),
    ("The rule, known as “catch and release,” was dropped, officials said.",
     [], [("catch and release,", "nickname")]),
    ("The pistol, dubbed “Liberator,” fired once, police said.", [], [("Liberator,", "nickname")]),
    ("A man named “Lucky” won the raffle, organisers said.", [], [("Lucky", "nickname")]),
    # a quote that qualifies the noun after it
    ("Critics said the bill would gut these “red flag” laws.", [], [("red flag", "modifier")]),
    ("He was wearing a “Make America Great Again” hat, the police said.",
     [], [("Make America Great Again", "modifier")]),
    # words talked about, and the quotes listed with them
    ("Analysts say the concept of “blowback” explains the attack.", [], [("blowback", "mention")]),
    ("Think about concepts like “autonomy,” “viability” and “quality of life” here, the "
     "bishop wrote.",
     [], [("autonomy,", "mention"), ("viability", "mention"), ("quality of life", "mention")]),
    # still speech: a speech verb before a Title Case phrase, over a list of quotes
    ("Protesters shouted, “Death To America” outside the embassy.",
     [("Death To America", "Protesters")], []),
    ("Rally goers chanted “We Are Hamas” and “Let’s Go Hamas.”",
     [("We Are Hamas", "Rally goers"), ("Let’s Go Hamas.", "Rally goers")], []),
    # still speech: a label a speaker gives ("called it a "..."", "has dubbed"), the words a
    # speech verb takes, a short quote with a preposition after it
    ("His lawyer called it a “witch hunt” with no basis.", [("witch hunt", "His lawyer")], []),
    # (the speaker from the dependency parse where there is one: the rules give none)
    ("Avenatti, whom Carlson has dubbed “creepy porn lawyer,” denied it.",
     [("creepy porn lawyer,", "Carlson" if PARSED else None)], []),
    ("He uttered the words “I quit” and left.", [("I quit", "He")], []),
    ("The pope said he is “tired” of the attacks.", [("tired", "The pope")], []),
    # still speech, each the guard of a rule above (rows from NewsMTSC dev sentences, reworded):
    # an adjective phrase a speaker chose, words named by their speech, a name a speaker
    # coins, capitals shouted, a capitalised clause that is no title, someone's own words
    ("The minister promised a “truly historic” agreement.",
     [("truly historic", "The minister")], []),
    ("She defended her “impeach the president” remark on Friday, her office said.",
     [("impeach the president", "her office")], []),
    ("The campaign labeled his running mate “Corrupt Kaine” on Monday.",
     [("Corrupt Kaine", "The campaign")], []),
    ("Trump wrote that Clinton had “SHORT CIRCUITED” on the question.",
     [("SHORT CIRCUITED", "Trump")], []),
    ("Stone said the adviser was “recommended for his White House job by Jared Kushner.”",
     [("recommended for his White House job by Jared Kushner.", "Stone")], []),
    ("Pat was brought up, in her own words, “to respect the police.”",
     [("to respect the police.", None)], []),
]


@pytest.mark.parametrize("text, speech, author", AUTHOR_CASES,
                         ids=[f"author{i}" for i in range(len(AUTHOR_CASES))])
def test_scare_quotes_author_cases(text, speech, author):
    quotes, marks = find_quotations(text)
    assert [(q.text, q.speaker) for q in quotes] == speech
    assert [(m.text, m.kind) for m in marks] == author
    assert quotes == find_quotes(text) and marks == author_quotes(text)
    for m in marks:
        assert text[m.start:m.end] == m.text and m.kind in AUTHOR_KINDS
        span = m.span()
        assert (span.category, span.voice, span.source) == ("scare_quote", "author",
                                                            f"voice:{m.kind}")


def test_scare_quotes_reported_in_author_voice_by_analyze():
    text = ("Inquiry is over, lawyer says\n\n"
            "Giuliani told CBS’ “Face the Nation” that the inquiry was over.\n\n"
            "“We are done,” Giuliani said.")
    result = analyze(text)
    assert result.quotes["text"].tolist() == ["We are done,"]
    shares = result.paragraphs["quote_share"].tolist()
    assert shares[1] == 0.0 and shares[2] > 0.5
    rows = result.spans[result.spans["category"] == "scare_quote"]
    assert rows[["text", "source", "voice", "paragraph"]].values.tolist() == [
        ["Face the Nation", "voice:title", "author", 1]]


# --------------------------------------------------------------------------- properties

# The words the author-voice rules turn on (toolkit.scare_quotes), with quote marks of each
# kind, control characters and paragraph breaks.
SCARE_WORDS = ['"', "“", "”", "‘", "’", "'", "«", "»", ",", ".", ":", ";", "!", "…", "\n",
               "\n\n", " ", "\x00", "\x1f", "\u200b", "\xa0", "the", "these", "a", "his",
               "movie", "book", "titled", "dubbed", "has dubbed", "known as", "author of",
               "by", "the term", "words", "uttered the words", "concepts like", "so-called",
               "and", "or", "Jane Roe", "Jim", "Harris", "Face the Nation", "Gang of Eight",
               "Red Flag", "red flag", "laws", "remark", "very", "We Are", "Death To America",
               "said", "told", "called it", "shouted", "CBS’", "Smith said", "SHORT"]
scare_texts = st.lists(st.sampled_from(SCARE_WORDS), max_size=50).map(" ".join)
scare_soup = st.lists(st.one_of(st.sampled_from(SCARE_WORDS), st.text(max_size=5)),
                      max_size=40).map("".join)
_words = st.lists(st.sampled_from(SCARE_WORDS[20:]), max_size=4).map(" ".join)
# balanced pairs of marks around a few of the words, most of the time
scare_quoted = st.lists(st.tuples(_words, st.sampled_from(['"', "“", "‘", "'"]), _words,
                                  st.sampled_from(['"', "”", "’", "'", ""]),
                                  st.sampled_from([" ", ", ", ". ", "\n\n", " and "])),
                        max_size=6).map(lambda parts: "".join(
                            f"{a} {o}{w}{c}{gap}" for a, o, w, c, gap in parts))


@settings(max_examples=300, deadline=None)
@given(st.one_of(scare_texts, scare_soup, scare_quoted))
def test_scare_quotes_properties_in_bounds_and_apart_from_speech(text):
    """On any text the split never raises, each author-voice quotation is in bounds with its
    exact text and a known kind, in order, never overlapping another or a quote, and the
    same on every call."""
    quotes, marks = find_quotations(text)
    assert (quotes, marks) == find_quotations(text)
    paragraphs = split_paragraphs(text)
    previous_end = -1
    for m in marks:
        assert 0 <= m.start <= m.end <= len(text) and text[m.start:m.end] == m.text
        assert m.kind in AUTHOR_KINDS and m.start >= previous_end
        assert paragraphs[m.paragraph][0] <= m.start <= paragraphs[m.paragraph][1]
        previous_end = m.end
        assert not any(q.start < m.end and m.start < q.end for q in quotes)
        span = m.span()
        assert (span.start, span.end, span.text) == (m.start, m.end, m.text)


@pytest.mark.parametrize("text", ["", " \n\n ", "“", "”“", "“”", "“ ”", "the movie “",
                                  "\x00“red flag”\x00 laws", "“Gang of Eight”"])
def test_scare_quotes_odd_input(text):
    quotes, marks = find_quotations(text)
    assert all(text[m.start:m.end] == m.text for m in marks)
    assert (quotes, marks) == (find_quotes(text), author_quotes(text))

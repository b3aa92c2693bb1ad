"""Quote speakers from the dependency parse: the fill where the rules name no one."""
from __future__ import annotations

import pickle
import re
from dataclasses import replace

import pandas as pd
import pytest
from hypothesis import example, given, settings, strategies as st

import toolkit
from toolkit import parsing
from toolkit.parse_speakers import context_window, governing_speakers, named_in_sentence
from toolkit.voice import find_quotations, find_quotes, quotes_frame

needs_parser = pytest.mark.skipif(parsing.parser() is None,
                                  reason="spaCy or its English model is not installed")

# (text, the phrase the parse names for the (only) quote, or None)
GOVERNING = [
    # the subject of the speech verb that governs the quote, some words away
    ('K.T. McFarland had written that "Global Islamist jihad is at war with the West."',
     "K.T. McFarland"),
    # ... of the verb a to-infinitive completes
    ('McMaster went so far as to claim that devout jihadis were "irreligious."', "McMaster"),
    # a speech verb modifying a noun (acl): the noun
    ('The statement came from an Obama spokeswoman claiming that "President Obama has '
     'denounced racism in all its forms."', "an Obama spokeswoman"),
    # a passive verb: its "by" agent, not its subject
    ('The plan was described by Senator Ann Roe as "a disaster for the whole state."',
     "Senator Ann Roe"),
    ('Cain is told, "What hast thou done with your brother?"', None),
    # "according to" in the quote's clause
    ('According to Senator Ann Roe, the plan is "a disaster for everyone in the state."',
     "Senator Ann Roe"),
    # a relative pronoun: the parse names the pronoun, with the noun it stands for
    ('Farmers blamed widow Bushra Bibi who said, "now Imran was threatening her family."',
     "who"),
    # no speech verb: nothing
    ('In the end, "we will never know what happened that night in the old house."', None),
]


@needs_parser
@pytest.mark.parametrize("text, phrase", GOVERNING, ids=[f"gov{i}" for i in range(len(GOVERNING))])
def test_governing_speaker_phrase(text, phrase):
    (quote,) = find_quotes(text, parse=False)
    (found,) = governing_speakers(text, [(quote.start, quote.end)])
    assert (text[found.start:found.end] if found else None) == phrase


@needs_parser
def test_governing_relative_pronoun_points_at_its_noun():
    text = 'Farmers blamed widow Bushra Bibi who said, "now Imran was threatening her family."'
    (quote,) = find_quotes(text, parse=False)
    (found,) = governing_speakers(text, [(quote.start, quote.end)])
    assert text[slice(*found.relative)] == "Bushra Bibi"      # a name's run, not "widow"


# (text, the rules' speaker, the speaker with the parse)
FILLS = [
    # the subject of a governing speech verb, where the rules find none
    ('McMaster went so far as to claim that devout jihadis were "irreligious."',
     None, "McMaster"),
    ('K.T. McFarland had written that "Global Islamist jihad is at war with the West."',
     None, "K.T. McFarland"),
    # the noun of an acl speech verb
    ('The statement came from an Obama spokeswoman claiming that "President Obama has '
     'denounced racism in all its forms."', None, "an Obama spokeswoman"),
    # a relative pronoun: its antecedent
    ('It was a release by Libby Lund, the mayor of Oakland, which noted that "multiple '
     'credible sources" told her.', None, "Libby Lund"),
    ('Farmers blamed widow Bushra Bibi who said, "now Imran was threatening her family."',
     None, "Bushra Bibi"),
    # a pronoun resolved as the rules resolve one
    ('Senator Ann Roe spoke on Monday.\n\nLater she went so far as to claim that the plan was '
     '"a disaster for everyone in the state."', None, "Ann Roe"),
    # ... and named in full, as the rules name theirs (the last mention is "Roe")
    ('Senator Ann Roe spoke on Monday. Roe then left the hall.\n\nLater she went so far as to '
     'claim that the plan was "a disaster for everyone in the state."', None, "Ann Roe"),
    # a description resolved to the person, and a surname to the fullest name
    ('Mayor Tom Hart thanked the crowd. Days later, the mayor went so far as to claim that '
     'the plan was "a disaster for everyone in the state."', None, "Tom Hart"),
    ('Gina Marsh spoke first. Then Marsh went so far as to claim that the plan was "a '
     'disaster for everyone in the state."', None, "Gina Marsh"),
    # junk from the rules replaced, or dropped when the parse names no one either
    ('Where Trump said "we will build the wall and Mexico will pay for it."',
     "Where Trump", "Trump"),
    ('Emphasis added: "we will build the wall and Mexico will pay for it."', "Emphasis", None),
    # ... but not a name that opens with such a word
    ('"All flights are cancelled until Monday," Air France said in a statement.',
     "Air France", "Air France"),
    ('"We will appeal the ruling," Time Warner said on Monday.', "Time Warner", "Time Warner"),
    # none invented: a pronoun that names no one, a document, no speech verb
    ('They say that "the vote was rigged from the very start, and we all know it."', None, None),
    ('The letter then demands that the agencies brief the Gang of Eight before releasing the '
     'materials "to anyone at the White House."', None, None),
    ('In the end, "we will never know what happened that night in the old house."', None, None),
    # a speaker the rules find is kept
    ('"We will not back down," Defense Minister Andrei Belousov said on Monday.',
     "Andrei Belousov", "Andrei Belousov"),
    # no speech verb, but a reporting verb (referring, regarding) whose subject is a name
    ('Amnesty International repeatedly refers to the new law as "a license to torture."',
     None, "Amnesty International"),
    ('The Sierra Club regards the pipeline as "a disaster waiting to happen."',
     None, "Sierra Club"),
    # ... not a subject that is no name, nor a pronoun
    ('The union repeatedly refers to the new law as "a license to torture."', None, None),
    ('Later he refers to the new law as "a license to torture."', None, None),
    # ... nor the root's subject through the closing stop, nor across a coordinated clause
    ('Amnesty International thanked the farmers, who believe themselves "utterly ruined by '
     'the drought."', None, None),
    ('Amnesty International regards the law as unjust, and the law is "a license to '
     'torture."', None, None),
    # "quote" and "cite": the name quoted is the source, not one described "as" something
    ('To quote Tom Hart once more: "We will win this fight, and soon."', None, "Tom Hart"),
    ('The Daily Star cited Pfizer as "a leader in the field of vaccines."', None, "Daily Star"),
    # a quote after a colon: the name that is the subject of the main verb before it
    ('Then – in a clear break with his own party – Tom Hart set up another of his choices, '
     'giving a promise to all the families: "We will fix every road in this town."',
     None, "Tom Hart"),
    # ... not of a copula (what the sentence says of the name)
    ('Then – in a clear break with his own party – Tom Hart is the problem, with a promise to '
     'all the families: "We will fix every road in this town."', None, None),
    # "they" in a clause that hangs on a verb whose subject is coordinated names: those names
    ('Ann Roe and Tom Hart of the Farmers Union summed it up when they wrote, "The plan is a '
     'smokescreen for a tax on every family."', None, "Ann Roe and Tom Hart"),
    ('Ann Roe of the Farmers Union summed it up when they wrote, "The plan is a smokescreen '
     'for a tax on every family."', None, None),
]


@needs_parser
@pytest.mark.parametrize("text, rules, parsed", FILLS, ids=[f"fill{i}" for i in range(len(FILLS))])
def test_parse_fills_the_speakers_the_rules_leave_out(text, rules, parsed):
    (off,) = find_quotes(text, parse=False)
    (on,) = find_quotes(text)
    assert (off.speaker, on.speaker) == (rules, parsed)
    if on.speaker and on.speaker != off.speaker:
        # the offsets point at the words that name the speaker
        named = text[on.speaker_start:on.speaker_end]
        assert named.split()[-1] in on.speaker or named in {"she", "the mayor"}


def _all_but_speakers(quotes):
    return [replace(q, speaker=None, speaker_start=None, speaker_end=None) for q in quotes]


@needs_parser
@pytest.mark.parametrize("text, rules, parsed", FILLS[:6])
def test_parse_changes_nothing_but_speakers(text, rules, parsed):
    on, off = find_quotes(text), find_quotes(text, parse=False)
    assert _all_but_speakers(on) == _all_but_speakers(off)     # verbs and places too


@needs_parser
def test_parse_changes_nothing_but_speakers_on_real_articles(shared_data):
    """Over the first 60 PTC articles: the same quotes, places, paragraphs and verbs, and
    the same author quotes; some speakers filled."""
    filled = 0
    for path in sorted((shared_data / "ptc" / "articles").glob("*.txt"))[:60]:
        text = path.read_text(encoding="utf-8-sig")
        (on, marks_on), (off, marks_off) = find_quotations(text), find_quotations(text, parse=False)
        assert _all_but_speakers(on) == _all_but_speakers(off), path.name
        assert marks_on == marks_off
        for a, b in zip(on, off):
            if a.speaker_start is not None:
                assert 0 <= a.speaker_start < a.speaker_end <= len(text)
            filled += a.speaker != b.speaker
    assert filled > 0


# a speaker, a speech verb some words before a quote, and odd characters between them
ODD = ["", " ", "  ", ",", ".", "\n", "\n\n", "\r\n", "\ufeff", "\u200b", "\u200f", "\u202e",
       "שלום", "😀", "\x00", "\x0c", "'", "’", '"', "“", "«", "Ünïcödé", "İstanbul",
       "Ann Roe spoke.", "Gina Marsh said so.", "Where", "Emphasis added:"]
odd = st.lists(st.one_of(st.sampled_from(ODD), st.text(max_size=3)), max_size=4).map(" ".join)
SUBJECTS = ["McMaster", "K.T. McFarland", "Senator Ann Roe", "the mayor", "she", "he", "They",
            "Marsh", "Farmers blamed widow Bushra Bibi who", "The letter",
            "Mouqawamah Music, a site that", "an Obama spokeswoman",
            "The plan was described by Roe"]
VERBS = ["went so far as to claim that", "had written that", "said,", "told them", "claiming that",
         "calls for", "as", "", "according to Roe,"]
MARKS = [('"', '"'), ("“", "”"), ("‘", "’"), ("«", "»"), ('"', "")]
WORDS = ["we will win the whole state", "irreligious", "a disaster for everyone", "no",
         "😀 \u200b שלום", "one\ntwo\n\nthree four five six"]
pieces = st.builds(lambda *parts: "".join(parts), odd, st.sampled_from(SUBJECTS), st.just(" "), odd,
                   st.sampled_from(VERBS), st.just(" "), st.sampled_from(MARKS).flatmap(
                       lambda m: st.sampled_from(WORDS).map(lambda w: m[0] + w + m[1])), odd)


@needs_parser
@settings(max_examples=150, deadline=None)
@given(pieces)
@example('  The Obama spokeswoman went so far as to claim that "we will win the whole state"')
def test_parse_speaker_offsets_are_the_words_read(text):
    """Any text: the same quotes as the rules', and a speaker the parse adds points at the
    words it was read from, outside every quote: a word of the name, a pronoun, or a
    description or document resolved to the name."""
    on, off = find_quotes(text), find_quotes(text, parse=False)
    assert _all_but_speakers(on) == _all_but_speakers(off)
    for q, rules in zip(on, off):
        if q.speaker is None or q.speaker == rules.speaker:
            continue
        assert 0 <= q.speaker_start < q.speaker_end <= len(text)
        words = text[q.speaker_start:q.speaker_end]
        assert words == words.strip()
        assert not any(o.start <= q.speaker_start < o.end for o in on)
        assert (set(re.findall(r"\w+", words)) & set(re.findall(r"\w+", q.speaker))
                or words.lower() in ("he", "she") or words[:1].islower()
                or words.lower().startswith(("the ", "a ", "an "))), (words, q.speaker)


def test_parser_switched_off_gives_the_rules_alone(monkeypatch):
    text = 'McMaster went so far as to claim that devout jihadis were "irreligious."'
    monkeypatch.setenv(parsing.ENV_SWITCH, "0")
    assert find_quotes(text) == find_quotes(text, parse=False)
    assert [q.speaker for q in find_quotes(text)] == [None]
    assert governing_speakers(text, [(59, 72)]) == []


def test_context_window_starts_the_sentence_and_ends_in_the_quote():
    text = 'He left. Then Roe wrote that "one two three four five six seven eight" today.'
    start = text.index("one")
    lo, hi = context_window(text, start, text.index('" today'), inside=3)
    assert text[lo:hi] == 'Then Roe wrote that "one two three '
    long = "word " * 100 + 'he said "one two three"'
    assert context_window(long, long.index("one"), len(long) - 1, reach=50) is None
    blob = 'Roe wrote that "we ' + "x" * 1_100_000 + ' win" today.'
    lo, hi = context_window(blob, blob.index("we"), blob.index('" today'))
    assert (lo, hi) == (0, blob.index("we") + 200)


@needs_parser
def test_parse_of_a_quoted_blob_longer_than_spacy_takes():
    text = 'McMaster went so far as to claim that "we ' + "x" * 1_100_000 + ' win big" today.'
    on = find_quotes(text)                    # (spaCy raised on the whole quote: E088)
    assert _all_but_speakers(on) == _all_but_speakers(find_quotes(text, parse=False))
    assert len(on) == 1


def test_analysis_quotes_are_computed_when_read(sample_path):
    result = toolkit.analyze(sample_path)
    assert result.__dict__.get("quotes") is None                  # not computed by analyze()
    copy = pickle.loads(pickle.dumps(result))                     # picklable while deferred
    text, paragraphs = result.article.text, result.article.paragraphs
    pd.testing.assert_frame_equal(result.quotes, quotes_frame(find_quotes(text, paragraphs)))
    assert result.quotes is result.quotes
    pd.testing.assert_frame_equal(copy.quotes, result.quotes)
    assert result.summary["n_quotes"] == len(result.quotes)
    read = pickle.loads(pickle.dumps(result))                     # and once read
    assert read._deferred_quotes is None
    pd.testing.assert_frame_equal(read.quotes, result.quotes)


def test_analysis_quotes_without_the_parser_are_the_rules(sample_path, monkeypatch):
    monkeypatch.setenv(parsing.ENV_SWITCH, "0")
    result = toolkit.analyze(sample_path)
    text, paragraphs = result.article.text, result.article.paragraphs
    pd.testing.assert_frame_equal(result.quotes,
                                  quotes_frame(find_quotes(text, paragraphs, parse=False)))


def test_analysis_quotes_found_once_when_every_quote_has_a_speaker(monkeypatch):
    """``analyze`` finds the quotes without speakers; reading the table finds them once with
    the rules' speakers, and parses nothing when the parse has nothing to answer."""
    from toolkit import analysis, parse_speakers

    result = toolkit.analyze('"We will not back down," Defense Minister Andrei Belousov said.')
    calls, quotations = [], analysis._quotations
    monkeypatch.setattr(analysis, "_quotations",
                        lambda *args, **kwargs: calls.append(1) or quotations(*args, **kwargs))
    monkeypatch.setattr(analysis, "find_quotations", None)       # not called again
    monkeypatch.setattr(parse_speakers, "parse", None)           # nor the parse
    assert list(result.quotes["speaker"]) == ["Andrei Belousov"]
    assert calls == [1]


@pytest.mark.parametrize("text", [
    'Consider Keith Ellison: "We will win this," he said.\n\nAnd more text.',
    'Remember that Mohamed Atta told passengers "we have some planes."\n\nMore text.',
    '"We will not back down," Defense Minister Andrei Belousov said.',
])
def test_analysis_quotes_equal_find_quotes_when_every_rule_speaker_is_kept(text):
    """The parse corrects rule speakers too ("Consider Keith Ellison" -> "Keith Ellison"):
    the table read from ``analyze`` is ``find_quotes``'s even when no speaker is junk."""
    pd.testing.assert_frame_equal(toolkit.analyze(text).quotes,
                                  quotes_frame(find_quotes(text)))


def test_analysis_quotes_read_that_fails_is_computed_again(sample_path):
    result = toolkit.analyze(sample_path)
    deferred, calls = result._deferred_quotes, []

    def fails_once():
        calls.append(1)
        if len(calls) == 1:
            raise KeyboardInterrupt     # a notebook user stopping the first read
        return deferred()

    result._deferred_quotes = fails_once
    with pytest.raises(KeyboardInterrupt):
        result.quotes
    assert len(result.quotes) == result.summary["n_quotes"] > 0
    assert len(calls) == 2


@pytest.mark.parametrize("speaker, junk", [
    (None, True), ("Emphasis", True), ("Italics", True), ("Where Trump", True),
    ("Nearly", True), ("Both", True), ("Everyone", True),
    ("Bill Saxton", False), ("Air France", False), ("Watch Tower Society", False),
    ("Where the officials", False), ("The Washington Post", False), ("Kelly", False),
])
def test_junk_rule_speakers_are_word_classes(speaker, junk):
    from toolkit.voice import _junk

    assert _junk(speaker) is junk


# (text, each quote's speaker with the parse): a quote carrying on the quote before it in
# the same sentence, whose speaker the sentence names
CONTINUED = [
    ('Senator Ann Roe fretted that the scandal "has created a vacuum in the party" that could '
     'be filled by the "younger hard-liners of the movement."', ["Ann Roe", "Ann Roe"]),
    ('Mayor Tom Hart filed papers "under penalty of perjury" that the two houses were needed '
     'as "my wife and I live apart for now."', ["Tom Hart", "Tom Hart"]),
    # the sentence names its speaker with a pronoun the rules resolve
    ('Senator Ann Roe spoke on Monday. She fretted that the scandal "has created a vacuum in '
     'the party" that could be filled by the "younger hard-liners of the movement."',
     ["Ann Roe", "Ann Roe"]),
    # not across a speech verb: another clause's speaker (one that names no one here)
    ('Senator Ann Roe fretted that the plan "has created a vacuum in the party" but they '
     'insist that it is "a fine plan for all of us."', ["Ann Roe", None]),
    # not from a speaker named before the sentence (the rules carry it to the first quote)
    ('Senator Ann Roe spoke on Monday: "We lost the vote." The plan "has created a vacuum in '
     'the party" that could be filled by the "younger hard-liners of the movement."',
     ["Ann Roe", "Ann Roe", None]),
    # nor from a label
    ('Hidden Costs Exposed: "three days for everybody" before the "small steps to ban them '
     'all."', ["Hidden Costs Exposed", None]),
]


@needs_parser
@pytest.mark.parametrize("text, speakers", CONTINUED,
                         ids=[f"cont{i}" for i in range(len(CONTINUED))])
def test_quote_continuing_an_attributed_quote_of_its_sentence(text, speakers):
    assert [q.speaker for q in find_quotes(text)] == speakers
    assert [q.speaker for q in find_quotes(text, parse=False)][-1] is None   # the rules: none


# (text, each quote's speaker by the rules, with the parse): a rule speaker that is a clause,
# not a noun phrase, gives way to the parse's answer when it has one
CLAUSES = [
    ('Sam Duke is a former Klan leader. In the video, Duke makes the wild claim that there has '
     'been a "complete takeover of the banks by a secret cabal." Above the video, Tom Marsh '
     'praised Duke, exclaiming "Sam Duke, a man to believe in!"',
     ["Duke makes the wild"] * 2, ["Duke makes the wild", "Tom Marsh"]),
    ('Ann Roe says she left the room, then heard Hart say "it is my right as a mayor."',
     ["heard Hart"], ["Hart"]),
]


@needs_parser
@pytest.mark.parametrize("text, rules, parsed", CLAUSES,
                         ids=[f"clause{i}" for i in range(len(CLAUSES))])
def test_rule_speaker_that_is_a_clause_gives_way_to_the_parse(text, rules, parsed):
    assert [q.speaker for q in find_quotes(text, parse=False)] == rules
    assert [q.speaker for q in find_quotes(text)] == parsed


@needs_parser
def test_rule_speaker_of_capitalised_words_is_not_read_as_a_clause():
    # a run of capitalised words is a name or a heading, not parsed ("Revealed:" as a verb)
    text = ('Hidden Tax Plan Revealed: "a new levy on every family"; "I doubt she will admit it '
            'because she is courting the farmers"')
    assert find_quotes(text, parse=False)[0].speaker == "Hidden Tax Plan Revealed"
    assert find_quotes(text)[0].speaker == "Hidden Tax Plan Revealed"


@needs_parser
def test_quote_continuing_an_attributed_quote_not_across_a_line():
    text = ('Senator Ann Roe fretted that the scandal "has created a vacuum in the party"\nthat '
            'could be filled by the "younger hard-liners of the movement."')
    paragraph = [(0, len(text))]                    # one paragraph of two lines
    assert [q.speaker for q in find_quotes(text, paragraph)] == ["Ann Roe", None]
    text = text.replace("\n", " ")
    assert [q.speaker for q in find_quotes(text, paragraph)] == ["Ann Roe", "Ann Roe"]


_BENEDICT = ('Pope Benedict IX reigned three times. Benedict XVI resigned. As Pope Benedict has '
             'observed, when it comes to the election of a Pope "the Spirit\'s role should be '
             'understood in a much more elastic sense."')


@needs_parser
def test_rule_speaker_the_sentence_does_not_name_gives_way_to_a_named_subject():
    # the rules' "Benedict IX" is not in the quote's sentence; "Pope Benedict" is the
    # subject of the speech verb that governs the quote
    assert [q.speaker for q in find_quotes(_BENEDICT, parse=False)] == ["Benedict IX"]
    assert [q.speaker for q in find_quotes(_BENEDICT)] == ["Pope Benedict"]


@needs_parser
def test_rule_speaker_the_sentence_names_stays():
    # "Ford" is the subject of "testifies", but the sentence names the rules' speaker
    text = ('At the White House on Wednesday, President Donald Trump said it would be '
            '"wonderful" if Ford testifies and "unfortunate" if she does not.')
    assert [q.speaker for q in find_quotes(text)] == ["Donald Trump", "Donald Trump"]


def test_named_in_sentence_reads_the_quote_sentence_only():
    text = 'Ann Roe spoke first. As Tom Hale’s aide has observed, "the voters decide," he said.'
    s, e = text.index('"') + 1, text.rindex('"')
    assert named_in_sentence(text, s, e, "Tom Hale")
    assert named_in_sentence(text, s, e, "Hale’s")
    assert not named_in_sentence(text, s, e, "Ann Roe")
    assert not named_in_sentence(text, s, e, "Tom Hal")           # whole words only


@needs_parser
def test_speech_only_leaves_out_reporting_verbs():
    text = 'Farrakhan repeatedly refers to Jews as "Satan."'
    quote = [(text.index('"') + 1, len(text) - 1)]
    assert governing_speakers(text, quote)[0] is not None
    assert governing_speakers(text, quote, speech_only=True) == [None]


@needs_parser
@pytest.mark.parametrize("text, rules, parsed", [
    ('Remember that Ann Roe, about the plan she had drafted on May 1, 2001, told reporters over '
     'the phone: "Stay quiet and you will be fine."', ["Remember"], ["Ann Roe"]),
    ('Consider Tom Hale, the mayor.\n"We lost the county," said Hale.',
     ["Consider Tom Hale"], ["Tom Hale"]),
    ('WATCH: Angry voter pours her drink on the candidates and says they are "enabling the '
     'crooks" by running.', ["WATCH"], [None]),
], ids=["alone", "before a name", "a label"])
def test_rule_speaker_opening_with_an_imperative_loses_it(text, rules, parsed):
    assert [q.speaker for q in find_quotes(text, parse=False)] == rules
    assert [q.speaker for q in find_quotes(text)] == parsed


@needs_parser
def test_parse_speaker_resolved_to_a_name_with_an_imperative_loses_it():
    """The parse's answer goes through the name index too ("Hale" -> "Consider Tom Hale")."""
    text = ('Consider Tom Hale, the mayor.\nAll this came before Hale praised him as "a role '
            'model" in 1995.')
    assert [q.speaker for q in find_quotes(text)] == ["Tom Hale"]


def test_rule_speaker_that_is_a_name_after_a_word_keeps_its_first_word():
    text = '"Blood transfusions are forbidden," the Watch Tower Society said in 1961.'
    assert [q.speaker for q in find_quotes(text)] == ["Watch Tower Society"]


@needs_parser
def test_parse_fill_reads_each_line_once_for_title_case(monkeypatch):
    """Thousands of attributed quotes on one line: the line is judged once, not once per
    quote (3,000 quotes took 18 s in this check alone)."""
    from toolkit import voice

    text = " ".join(f'"Quote number {i}," Smith said.' for i in range(300))
    calls, title_case_line = [], voice._title_case_line
    monkeypatch.setattr(voice, "_title_case_line",
                        lambda *args: calls.append(args) or title_case_line(*args))
    quotes = find_quotes(text)
    assert len(quotes) == 300 and {q.speaker for q in quotes} == {"Smith"}
    assert len(calls) <= 3


@needs_parser
@pytest.mark.parametrize("mark", ["\u200b", "\u200d", "\ufeff", "\u2060"])
def test_parse_speaker_leaves_invisible_characters_out(mark):
    """A parser token can carry a zero-width or format character after a name ("Smith" +
    U+200B): the speaker and its offsets leave it out, and still map back to the text."""
    text = f'Smith{mark} went so far as to claim that jihadis were "irreligious."'
    (quote,) = find_quotes(text)
    assert quote.speaker == "Smith" or (mark != "\u200b" and quote.speaker is None)
    if quote.speaker:                   # (the parser reads no subject past some joiners)
        assert text[quote.speaker_start:quote.speaker_end] == "Smith"

"""The contract every scorer keeps: spans in bounds, exact text, deterministic, empty in,
empty out."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.cues import find_cues
from toolkit.sentiment import find_tone, vader, vader_pass
from toolkit.subjectivity import find_subjective, pattern_scores, pattern_tokens

SCORERS = [find_cues, find_tone, find_subjective]
TEXTS = [
    "",
    "Quite frankly, there's still a war to be fought and the Left isn't resting.",
    "It was not a disaster.\n\nThe “radical” plan, critics claimed, is a total failure!",
    "Zero\u200bwidth, emoji 😀 war, RTL שלום fight, control \x00\x07 chars.",
]


@pytest.mark.parametrize("scorer", SCORERS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("text", TEXTS)
def test_scorer_contract(scorer, text):
    spans = scorer(text)
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start:span.end] == span.text
        assert span.category and span.source
    assert scorer(text) == spans
    if not text.strip():
        assert spans == []


@pytest.mark.parametrize("scorer", SCORERS, ids=lambda f: f.__name__)
def test_scorer_rejects_non_string(scorer):
    with pytest.raises(TypeError):
        scorer(None)


_PUNCTUATED = st.lists(st.sampled_from(
    list("ab XY.,!?;:-'\"()#*\u2019\u201c\u00e9\t\n") + ["!!", "?!?", " good", " bad", " not",
                                                      " very", " kind of", " but", " least",
                                                      " :D", " GREAT", " never", " so",
                                                      " this", " at", " KIND", " of", " isn't",
                                                      " sort of", " the shit", " BUT",
                                                      " Good"]), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(_PUNCTUATED)
def test_sentiment_vader_pass_matches_polarity_scores(text):
    """The fast ``SentiText`` gives NLTK's own ``polarity_scores``, exactly."""
    assert vader_pass(text)[1] == vader().polarity_scores(text)


def test_sentiment_vader_pass_matches_polarity_scores_on_the_sample(sample_sentences):
    for sentence in sample_sentences:
        assert vader_pass(sentence)[1] == vader().polarity_scores(sentence)


def _valences_word_by_word(text: str) -> tuple:
    """Each word's valence with NLTK's sentiment_valence called on every word (as
    polarity_scores does), to check vader_pass' shortcut for words VADER does not know."""
    from nltk.sentiment.vader import SentiText

    analyser = vader()
    constants = analyser.constants
    sentitext = SentiText(text, constants.PUNC_LIST, constants.REGEX_REMOVE_PUNCTUATION)
    words = sentitext.words_and_emoticons
    sentiments: list = []
    for item in words:
        i = words.index(item)
        if (i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of") \
                or item.lower() in analyser.constants.BOOSTER_DICT:
            sentiments.append(0)
            continue
        sentiments = analyser.sentiment_valence(0, sentitext, item, i, sentiments)
    return tuple(analyser._but_check(words, sentiments))


@settings(max_examples=200, deadline=None)
@given(_PUNCTUATED)
def test_sentiment_vader_pass_valences_match_nltk_word_by_word(text):
    assert vader_pass(text)[0] == _valences_word_by_word(text)


def test_sentiment_vader_pass_valences_match_nltk_on_the_sample(sample_sentences):
    for sentence in sample_sentences:
        assert vader_pass(sentence)[0] == _valences_word_by_word(sentence)


_PATTERN_WORDS = st.lists(st.sampled_from(
    ["not", "never", "no", "n't", "very", "really", "extremely", "terribly", "good", "bad",
     "great", "awful", "happy", "!", "(!)", "( ! )", ":)", ":-(", "<3", "xD", ";)", ":'(", ".",
     ",", "'", '"', "\u201c", "is", "a", "the", "quite", "hardly", "...", "?", "isn't"]),
    max_size=14).map(" ".join)


def _textblob_scores(text: str) -> tuple[float, float]:
    from textblob.en import sentiment

    return tuple(float(x) for x in sentiment(text))


@settings(max_examples=300, deadline=None)
@given(_PATTERN_WORDS)
def test_subjectivity_pattern_scores_match_textblob(text):
    """Modifiers, negations, "!", "(!)" and emoticons score exactly as TextBlob scores them."""
    assert pattern_scores(text) == _textblob_scores(text)


def _textblob_tokens(text: str) -> list[str]:
    from textblob.en import sentiment

    return " ".join(sentiment.tokenizer(text)).split()


_TOKEN_TEXT = st.lists(st.one_of(
    st.sampled_from(["Mr.", "U.S.", "e.g.", "n't", "...", "(!)", "( ! )", ":)", ": )", "xD",
                     "8)", "(1998)", "END-OF-SENTENCE", "\n\n", "\r\n", "'s", "\u201c",
                     "\u2019", "!", "?", "-", "\u00b0O\u00b0", "<3", ":-(", "o.O"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8)),
    max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TOKEN_TEXT)
def test_subjectivity_pattern_tokens_match_textblob(text):
    """The cached word cutter gives TextBlob's tokens, emoticons and paragraph breaks too."""
    assert pattern_tokens(text) == _textblob_tokens(text)


@pytest.mark.parametrize("text, tokens", [
    ("Mr. Smith isn't happy...", ["Mr.", "Smith", "is", "n", "'", "t", "happy", "..."]),
    ("It (!) was great :)", ["It", "(!)", "was", "great", ":)"]),
    ("In (1998) they won.", ["In", "(", "1998)", "they", "won", "."]),
    ("", []),
])
def test_subjectivity_pattern_tokens_table(text, tokens):
    assert pattern_tokens(text) == tokens == _textblob_tokens(text)


def test_subjectivity_pattern_tokens_match_textblob_on_the_sample(sample_sentences):
    for sentence in sample_sentences:
        assert pattern_tokens(sentence) == _textblob_tokens(sentence)


def test_subjectivity_pattern_scores_match_textblob_on_the_sample(sample_sentences):
    for sentence in sample_sentences:
        assert pattern_scores(sentence) == _textblob_scores(sentence)


@pytest.mark.parametrize("text", [*TEXTS, "Good, GOOD, good! Not bad... a very bizarre, awful war."])
def test_scorer_word_spans_are_each_lexicon_word(text):
    from toolkit.segmentation import segment
    from toolkit.sentiment import vader
    from toolkit.subjectivity import subjectivity_lexicon

    words = [(s, e) for sentence in segment(text) for s, e in sentence.words]
    valence = {(s, e): vader().lexicon.get(text[s:e].lower()) for s, e in words}
    subjective = {(s, e): subjectivity_lexicon().get(text[s:e].lower()) for s, e in words}
    assert [(s.start, s.end, s.category, s.weight) for s in find_tone(text)] == [
        (s, e, "tone_positive" if valence[s, e] > 0 else "tone_negative", valence[s, e] / 4.0)
        for s, e in words if valence[s, e]]
    assert [(s.start, s.end, s.weight) for s in find_subjective(text)] == [
        (s, e, subjective[s, e]) for s, e in words if subjective[s, e] is not None]

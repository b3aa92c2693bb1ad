"""The attribution rules' tokens: the token cut of the masked text, and the facts each token carries."""
from __future__ import annotations

import re

from hypothesis import example, given, settings, strategies as st

_MASKED = st.lists(st.sampled_from(list("ab XY.,;:'—\n\x1f\x1e") + ["U.S.", "Mr.", " said ",
                                                                  "’s "]),
                   max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(_MASKED, st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70)), max_size=8))
def test_attribution_token_ranges_equal_a_fresh_cut(masked, ranges):
    from toolkit.attribution import TokenIndex, _tokens

    mid = len(masked) // 2
    paragraphs = [(0, mid), (mid, len(masked))]
    index = TokenIndex(masked, paragraphs)
    for lo, hi in [*ranges, *paragraphs]:
        got, want = index.between(lo, hi), _tokens(masked, lo, hi)
        assert [(t.text, t.start, t.end, t.low) for t in got] == \
            [(t.text, t.start, t.end, t.low) for t in want]
    # each paragraph cut when first asked for (not before), as a fresh cut of it
    fresh = TokenIndex(masked, paragraphs)
    fresh.between(mid, len(masked))
    assert fresh._of[0] is None
    assert fresh.of_paragraph == [_tokens(masked, lo, hi) for lo, hi in paragraphs]


def _finditer_tokens(masked: str, lo: int, hi: int) -> list[tuple]:
    """The token cut as the quote finder first wrote it: one regex match at a time, a
    period joined to the token before it when that is an abbreviation or an initial."""
    from toolkit.segmentation import NEWS_ABBREVIATIONS
    from toolkit.attribution import _TOKEN

    out: list[tuple] = []
    for m in _TOKEN.finditer(masked, lo, hi):
        word, start, end = m.group(), m.start(), m.end()
        if word == "." and out and out[-1][2] == start:
            after = masked[end:end + 2].lstrip()[:1]
            if (out[-1][0].lower() in NEWS_ABBREVIATIONS or len(out[-1][0]) == 1
                    or after in {",", ";"} or (after.islower() and not re.match(
                        r"\s*(?:https?://|www\.)", masked[end:]))):
                out[-1] = (out[-1][0] + ".", out[-1][1], end)
                continue
        out.append((word, start, end))
    return out


@settings(max_examples=300, deadline=None)
@given(_MASKED | st.text(max_size=40), st.integers(-3, 80), st.integers(-3, 80))
@example("a said ", 0, 6)            # a verb form after a determiner is a noun (found in CI)
@example("a’s said ", 0, 9)           # after a possessive too (found by a 20,000-example run)
@example("ab reports ", 0, 11)        # "reports" not followed by "that", a quote or a mark
def test_attribution_tokens_equal_the_regex_cut(masked, lo, hi):
    from toolkit.attribution import (_AFTER_REPORT, _CONTRACTED, FORM_TO_LEMMA, MASK,
                                     _NOUN_FIRST, _NOUN_MARKERS, _is_cap_word, _low, _tokens)

    tokens = _tokens(masked, lo, hi)
    assert [(t.text, t.start, t.end) for t in tokens] == _finditer_tokens(masked, lo, hi)
    for k, t in enumerate(tokens):          # the word facts each token carries
        assert masked[t.start:t.end] == t.text and t.low == _low(t.text)
        assert t.cap == _is_cap_word(t.text)
        prev = tokens[k - 1].low if k else ""
        after_marker = prev in _NOUN_MARKERS or (                       # "a said", "Ann's notes"
            prev.endswith(("'s", "s'")) and prev not in _CONTRACTED)
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        noun_first = t.low in _NOUN_FIRST and not (                     # "agency reports detailing"
            nxt is not None and (nxt.low == "that" or nxt.text in _AFTER_REPORT or nxt.text[0] == MASK))
        assert t.verb == (t.low in FORM_TO_LEMMA and t.text[0].islower()
                          and not after_marker and not noun_first)


def test_attribution_tokens_join_abbreviations():
    from toolkit.attribution import _tokens

    text = 'Sen. J. Smith of the U.S. said "yes." Then he left.'
    assert [t.text for t in _tokens(text, 0, len(text))] == [
        "Sen.", "J.", "Smith", "of", "the", "U.S.", "said", '"', "yes", ".", '"', "Then", "he",
        "left", "."]


def test_a_comma_before_went_on_to_warn_is_no_inverted_verb():
    # "went on to warn" anchors the attribution at "went", which is no attribution verb's
    # form: the check for an inverted ", told ..." looked it up and raised KeyError
    from toolkit.voice import find_quotes

    text = 'The doctors, tired, went on to warn that it was "a grave danger."'
    quotes = find_quotes(text, parse=False)
    assert [q.text for q in quotes] == ["a grave danger."]

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.segmentation import segment, sentence_spans, word_spans


@pytest.mark.parametrize("text, expected", [
    ("", []),
    ("Sen. Warren spoke. Then she left.", ["Sen. Warren spoke.", "Then she left."]),
    ("Mr. Smith met Gov. Jones at 9 a.m. on Jan. 5. They talked.",
     ["Mr. Smith met Gov. Jones at 9 a.m. on Jan. 5.", "They talked."]),
    ("The U.S. and the U.K. agreed. Sec. Blinken said so.",
     ["The U.S. and the U.K. agreed.", "Sec. Blinken said so."]),
    ("A headline with no stop\nThe body starts here.", ["A headline with no stop", "The body starts here."]),
    ("Dr. No? Yes! Fine.", ["Dr. No?", "Yes!", "Fine."]),
])
def test_segmentation_sentences(text, expected):
    assert [text[s:e] for s, e in sentence_spans(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("They're here.", ["They", "'re", "here", "."]),
    ("“Quoted,” he said.", ["“", "Quoted", ",", "”", "he", "said", "."]),
    ('"Straight" quotes', ['"', "Straight", '"', "quotes"]),
    ("", []),
])
def test_segmentation_words(text, expected):
    assert [text[s:e] for s, e in word_spans(text)] == expected


def test_segmentation_segment_keeps_paragraphs():
    text = "One. Two.\n\nThree."
    sentences = segment(text, [(0, 9), (11, 17)])
    assert [(s.paragraph, text[s.start:s.end]) for s in sentences] == [
        (0, "One."), (0, "Two."), (1, "Three.")]


def test_segmentation_rejects_non_string():
    with pytest.raises(TypeError, match="text"):
        segment(None)


def _plain_nltk_words(text: str) -> list[tuple[int, int]]:
    from nltk.tokenize import NLTKWordTokenizer

    return list(NLTKWordTokenizer().span_tokenize(text))


@pytest.mark.parametrize("text", [
    "They're plotting ways -- \"quietly\" (and 'openly') [sic]...",
    "«Non», dit-il. “Curly” ‘quotes’ can't won't gonna 'tis 5:30 a.m.; #tag @user $5 & 10%!?",
    "Emoji 😀 \u200bzero\u200dwidth \u202eRTL\u202c שלום — en–dash ―bar‖ *stars*",
    "",
])
def test_segmentation_words_match_plain_nltk(text):
    """The tokenizer without NLTK's regex timeouts gives NLTK's own word spans."""
    from toolkit.segmentation import _piece_words

    assert list(_piece_words(text)) == _plain_nltk_words(text)


def test_segmentation_words_match_plain_nltk_on_the_sample(sample_path):
    from toolkit.segmentation import _word_tokenizer

    text = sample_path.read_text(encoding="utf-8")
    for s, e in sentence_spans(text):
        assert list(_word_tokenizer().span_tokenize(text[s:e])) == _plain_nltk_words(text[s:e])


_TOKEN_PIECES = ["a", "Bc", "XYZ", " ", " ", "  ", "\n", "\t", "\u00a0", "0", "12", "'", '"', "`",
                 "``", "''", "«", "»", "“", "”", "‘", "’", "„", ".", "..", "...", ",", ":", ";",
                 "!", "?", "(", ")", "[", "]", "{", "}", "<", ">", "-", "--", "\u2012", "–",
                 "—", "\u2015", "*", "@", "#", "$", "%", "&", "n't", "'s", "'S", "'ll", "'RE",
                 "cannot", "CanNot", "gimme", "GONNA", "gotta", "lemme", "more'n", "wanna",
                 "'tis", "'Twas", "d'ye", "é", "\u0301", "ı", "İ", "ſ", "\u212a", "٣", "\x1c"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TOKEN_PIECES), max_size=25).map("".join))
def test_segmentation_gated_tokenizer_equals_nltk(text):
    """Skipping the substitutions that cannot match changes no token: NLTK's own tokenize
    and span_tokenize (or both raise)."""
    from nltk.tokenize import NLTKWordTokenizer

    from toolkit.segmentation import _word_tokenizer

    plain, gated = NLTKWordTokenizer(), _word_tokenizer()
    assert gated.tokenize(text) == plain.tokenize(text)
    try:
        expected = list(plain.span_tokenize(text))
    except ValueError:
        with pytest.raises(ValueError):
            list(gated.span_tokenize(text))
    else:
        assert list(gated.span_tokenize(text)) == expected


def test_segmentation_gated_tokenizer_knows_every_nltk_pattern():
    """Each of NLTK's patterns has its gate (a pattern NLTK changes would run ungated)."""
    from toolkit.segmentation import _space_gate, _word_tokenizer

    tokenizer = _word_tokenizer()
    steps = [*tokenizer._starting, *tokenizer._punctuation, *tokenizer._ending,
             *tokenizer._middle]
    assert [p.pattern for p, _, needs in steps if needs is None] == []
    assert [p.pattern for p, _, needs in steps if needs is _space_gate] == [r"\s+"]
    assert all(needs is not None for _, needs in tokenizer._contractions)


def test_segmentation_space_gate_knows_every_space():
    """In a text that str.isprintable passes, NLTK's own ``\\s+`` pattern can match only
    plain spaces (so the tokenizer may skip it there): scan every code point."""
    import sys

    from toolkit.segmentation import _SPACE_RUNS, _space_gate, _word_tokenizer

    pattern = next(p for p, _, _ in _word_tokenizer()._ending if p.pattern == _SPACE_RUNS)
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    spaces = "".join(pattern.findall(every.replace(" ", "x")))   # each matches \\s alone
    assert "\t" in spaces and "\xa0" in spaces and "\u3000" in spaces
    assert all(_space_gate(c) for c in spaces)
    assert not _space_gate("A plain, printable  sentence with  double spaces.")


@pytest.mark.parametrize("text", ["He said  it's   done .", "Tab\tit's here", "It's\xa0'til n't",
                                  "x 's  'm\u2003'd ' y", "can't\u200b won't", "a\n'll b"])
def test_segmentation_space_gate_keeps_nltk_tokens(text):
    from nltk.tokenize import NLTKWordTokenizer

    from toolkit.segmentation import _word_tokenizer

    assert _word_tokenizer().tokenize(text) == NLTKWordTokenizer().tokenize(text)


def test_segmentation_contraction_gate_knows_every_case_variant():
    """Every character that the contraction patterns' case-insensitive matching takes for
    one of their letters lower-cases to that letter, or is one of _ODD_CASES (whose texts
    run every contraction pattern)."""
    import re
    import sys

    from toolkit.segmentation import _NEEDS_LOWER, _ODD_CASES

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    letters = {c for word in _NEEDS_LOWER.values() for c in word if c.isalpha()}
    for letter in sorted(letters):
        for found in re.findall(f"(?i){letter}", every):
            assert found.lower() == letter or found in _ODD_CASES, (letter, hex(ord(found)))


@pytest.mark.parametrize("text", ["“We gonna win,” he said.", "I CANNOT — ok.",
                                  "“gım me” lemme", "ſo 'tiſ ’twas",
                                  "Gİmme é wanna go", "more'n é d'ye"])
def test_segmentation_gated_tokenizer_equals_nltk_on_unicode_contractions(text):
    from nltk.tokenize import NLTKWordTokenizer

    from toolkit.segmentation import _word_tokenizer

    assert _word_tokenizer().tokenize(text) == NLTKWordTokenizer().tokenize(text)


def _plain_punkt_sentences(text: str) -> list[tuple[int, int]]:
    """sentence_spans as plain NLTK Punkt (with its time limits) gives them, line by line."""
    import re

    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    from toolkit.segmentation import NEWS_ABBREVIATIONS

    params = PunktParameters()
    params.abbrev_types = set(NEWS_ABBREVIATIONS)
    punkt, out, line_start = PunktSentenceTokenizer(params), [], 0
    for brk in [*re.finditer(r"\n\s*", text), None]:
        line_end = len(text) if brk is None else brk.start()
        line = text[line_start:line_end]
        if line.strip():
            out += [(line_start + s, line_start + e) for s, e in punkt.span_tokenize(line)]
        if brk is not None:
            line_start = brk.end()
    return out


_SENTENCE_PIECES = ["Word", "he", "Mr", "U.S", "a.m", "9", "3.5", " ", "  ", "\n", "\t", "\x0b",
                    "\x1c", "\x85", "\u00a0", "\u2003", ".", "..", "...", "?", "!", "!!", ",",
                    ";", ":", "'", '"', "“", "”", "‘", "’", "«", "»", "(", ")", "[", "]", "-",
                    "—", "*", "@", "é", "İ", "٣", "\u200b"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_PIECES), max_size=30).map("".join))
def test_segmentation_sentences_equal_plain_punkt(text):
    """Punkt without NLTK's regex time limits, and the lines it is not asked about (no
    '.', '?' or '!' before the last character), give plain Punkt's sentences."""
    assert sentence_spans(text) == _plain_punkt_sentences(text)


def test_segmentation_sentences_equal_plain_punkt_on_the_sample(sample_path):
    text = sample_path.read_text(encoding="utf-8")
    assert sentence_spans(text) == _plain_punkt_sentences(text)

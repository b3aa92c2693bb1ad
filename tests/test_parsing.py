"""The dependency parser wrapper: offsets into each text, the off switch, lazy loading, a
broken install."""
from __future__ import annotations

import pytest

from toolkit import parsing

needs_parser = pytest.mark.skipif(not parsing.parser_available(),
                                  reason="spaCy or its English model is not installed")


@needs_parser
@pytest.mark.parametrize("text", [
    "McMaster went so far as to claim that devout jihadis were “irreligious.”",
    "“We will win,” she said.\nThen he left.",
    "Ünïcödé — naïve café, 😀 emoji and\u200bzero width.",
])
def test_parse_tokens_map_back_to_the_text(text):
    (doc,) = parsing.parse([text])
    for token in doc:
        assert text[token.idx:token.idx + len(token.text)] == token.text


@needs_parser
def test_parse_finds_the_subject_of_a_speech_verb():
    (doc,) = parsing.parse(["McMaster went so far as to claim that devout jihadis were wrong."])
    subjects = [t.text for t in doc if t.dep_ == "nsubj" and t.head.text == "went"]
    assert subjects == ["McMaster"]


@needs_parser
def test_parse_keeps_order_and_count():
    texts = ["One.", "", "Two words here."]
    docs = parsing.parse(texts)
    assert [d.text for d in docs] == texts


def test_parser_switched_off(monkeypatch):
    monkeypatch.setenv(parsing.ENV_SWITCH, "0")
    assert parsing.parser_available() is False
    assert parsing.parser() is None
    assert parsing.parse(["He said it."]) == []


@pytest.fixture
def fresh_load():
    """Forget the cached pipeline before and after the test."""
    parsing._load.cache_clear()
    yield
    parsing._load.cache_clear()


class _Broken:
    def __call__(self, text):
        raise ValueError("a model that loads but does not run")


def _missing_model(*args, **kwargs):
    raise OSError("no model files")


@pytest.mark.parametrize("load", ["import", "load", "run"])
def test_parser_that_fails_gives_the_rules_alone(monkeypatch, fresh_load, load):
    import builtins

    from toolkit.voice import find_quotes

    text = 'McMaster went so far as to claim that devout jihadis were "irreligious."'
    real_import = builtins.__import__

    def failing_import(name, *args, **kwargs):
        if name == "spacy":
            raise ImportError("spaCy is broken")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(parsing, "parser_available", lambda: True)
    if load == "import":
        monkeypatch.setattr(builtins, "__import__", failing_import)
    else:
        spacy = pytest.importorskip("spacy")
        broken = (lambda *args, **kwargs: _Broken()) if load == "run" else _missing_model
        monkeypatch.setattr(spacy, "load", broken)
    with pytest.warns(RuntimeWarning, match="did not load"):
        assert parsing.parser() is None
    assert parsing.parse(["He said it."]) == []
    assert find_quotes(text) == find_quotes(text, parse=False)
    assert [q.speaker for q in find_quotes(text)] == [None]

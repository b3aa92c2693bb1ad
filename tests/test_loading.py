from __future__ import annotations

import pytest

from toolkit import analyze, score_sentences
from toolkit.loading import Article, LoadError, load_article, split_paragraphs


@pytest.mark.parametrize("text, expected", [
    ("", []),
    ("   \n\n  ", []),
    ("One paragraph only.", ["One paragraph only."]),
    ("A.\n\nB.\n\n\nC.", ["A.", "B.", "C."]),
    ("A.\nstill A.\n\nB.", ["A.\nstill A.", "B."]),
    ("Line one.\nLine two.\nLine three.", ["Line one.", "Line two.", "Line three."]),
    ("  padded  \n \n  also  ", ["padded", "also"]),
    ("Windows\r\n\r\nline ends", ["Windows", "line ends"]),
])
def test_loading_split_paragraphs(text, expected):
    assert [text[s:e] for s, e in split_paragraphs(text)] == expected


@pytest.mark.parametrize("text, title", [
    ("Big Headline Here\n\nBody text. More.", "Big Headline Here"),
    ("A full sentence first.\n\nBody.", None),
    ("Only one paragraph", None),
    ("Question headline?\n\nBody.", None),
])
def test_loading_headline_rule(text, title):
    assert load_article(text).title == title


def test_loading_sample_file(sample_path):
    article = load_article(sample_path)
    assert article.title.startswith("Moscow and Beijing Pledge")
    assert len(article.paragraphs) == 14
    assert article.source == str(sample_path)
    assert load_article(str(sample_path)).text == article.text


def test_loading_html_one_paragraph_per_p():
    html = ("<html><head><title>Site | Story</title><script>var x = 1;</script></head><body>"
            "<h1>Story</h1><p>First &amp; foremost.</p><p>Second <b>bold</b> one.</p></body></html>")
    article = load_article(html)
    assert article.title == "Story"
    assert article.paragraph_texts() == ["Story", "First & foremost.", "Second bold one."]
    assert "var x" not in article.text


def test_loading_html_file_and_markdown_file(tmp_path):
    (tmp_path / "a.html").write_text("<p>Alpha para.</p><p>Beta para.</p>", encoding="utf-8")
    assert load_article(tmp_path / "a.html").paragraph_texts() == ["Alpha para.", "Beta para."]
    (tmp_path / "b.md").write_text("# Title\n\nSome *emphasis* and [a link](http://x.org).\n\n"
                                   "- item\n", encoding="utf-8")
    article = load_article(tmp_path / "b.md")
    assert article.title == "Title"
    assert article.paragraph_texts() == ["Title", "Some emphasis and a link.", "item"]


def test_loading_long_html_page_goes_through_trafilatura():
    body = "".join(f"<p>Paragraph number {i} of a long news story about the budget vote.</p>"
                   for i in range(12))
    html = (f"<html><head><title>Budget</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>Budget vote</h1>{body}</article><footer>Contact us</footer></body></html>")
    article = load_article(html)
    assert any("Paragraph number 11" in p for p in article.paragraph_texts())
    assert all(article.text[s:e].strip() == article.text[s:e] for s, e in article.paragraphs)


@pytest.mark.parametrize("bad", [None, 12, 3.5, b"bytes", ["list"]])
def test_loading_non_string_names_argument(bad):
    with pytest.raises(TypeError, match="source"):
        load_article(bad)


def test_loading_missing_file_names_it(tmp_path):
    missing = tmp_path / "nowhere.txt"
    with pytest.raises(FileNotFoundError, match="nowhere.txt"):
        load_article(str(missing))


def test_loading_undecodable_file_names_it(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("caf\xe9 au lait".encode("latin-1"))
    with pytest.raises(LoadError, match=r"latin1\.txt.*decode|decode.*latin1\.txt"):
        load_article(path)


def test_loading_unreachable_url_names_it():
    url = "http://127.0.0.1:9/story.html"
    with pytest.raises(LoadError, match="127.0.0.1:9"):
        load_article(url, timeout=2)


def test_loading_article_passes_through():
    article = Article(text="x", paragraphs=[(0, 1)])
    assert load_article(article) is article


def test_loading_bom_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffHello there.".encode("utf-8"))
    assert load_article(path).text == "Hello there."


@pytest.mark.parametrize("call, name", [
    (analyze, "source"),
    (lambda text: analyze(Article(text=text, paragraphs=[(0, len(text))])), "source.text"),
    (lambda text: score_sentences(["Fine.", text]), r"texts\[1\]"),
])
def test_loading_lone_surrogate_is_a_clear_error(call, name):
    # A lone surrogate (from errors="surrogateescape") is not Unicode: the tables could not
    # be written, so it is refused up front with the argument and the offset named.
    with pytest.raises(ValueError, match=name + r" holds a lone surrogate .* at offset 6"):
        call("Hello \ud800 world. It was a disaster.")

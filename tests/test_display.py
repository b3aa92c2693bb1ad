"""The highlighted view: escaping, structure, overlapping spans, quotes and inserts."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

import toolkit
from toolkit.display import highlight, marks, render
from toolkit.spans import spans_frame

VOID = {"br", "img", "meta", "link", "input", "hr", "rect", "line", "path"}


class _Checker(HTMLParser):
    """Records every tag and checks that the markup nests properly."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.tags, self.errors, self.text = [], [], [], []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("style", "svg"):
            self._skip += 1
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()
        if tag in ("style", "svg"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def _check(html: str) -> _Checker:
    checker = _Checker()
    checker.feed(html)
    checker.close()
    assert not checker.errors, checker.errors[:5]
    assert not checker.stack, f"unclosed: {checker.stack}"
    return checker


def _paragraph_texts(html: str) -> list[str]:
    """The visible text of each paragraph, labels of inserts left out."""
    out = []
    for block in re.findall(r'<div class="nb-text">(.*?)</div></div>', html, re.S):
        block = re.sub(r'<span class="nb-insert-label">.*?</span></span>|'
                       r'<span class="nb-insert-label">.*?</span>', "", block, flags=re.S)
        checker = _Checker()
        checker.feed(block)
        out.append("".join(checker.text))
    return out


@pytest.mark.parametrize("hostile", [
    "<script>alert('x')</script> A vicious smear.",
    '"><img src=x onerror=alert(1)> They slammed the plan.',
    "Tom & Jerry said \"<b>no</b>\" -- a disaster. </div></mark>",
])
def test_display_escapes_all_article_text(hostile):
    html = highlight(toolkit.analyze(hostile + "\n\nA second paragraph, quite calm."))
    assert "<script" not in html
    assert "<img" not in html and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
    assert "<b>no" not in html
    _check(html)
    assert _paragraph_texts(html)[0] == hostile


def test_display_tooltip_gives_category_weight_source_voice():
    html = highlight(toolkit.analyze("Critics slammed the plan."))
    html = html[html.index('<div class="nb-body">'):]
    mark = re.search(r'<mark class="nb-mark nb-c-report_verb"[^>]*title="([^"]*)"', html)
    assert mark, html
    tooltip = mark.group(1)
    for word in ("loaded report verbs", "weight +", "source cues", "voice author"):
        assert word in tooltip


def test_display_tooltip_gives_a_scare_quote_kind_not_weight():
    html = highlight(toolkit.analyze("He watched the movie “Spotlight” twice."))
    html = html[html.index('<div class="nb-body">'):]
    mark = re.search(r'<mark class="nb-mark nb-c-scare_quote"[^>]*title="([^"]*)"', html)
    assert mark, html
    assert mark.group(1) == ("scare quotes, titles (author&#x27;s quotation marks) "
                             "(scare_quote): kind voice:title, voice author")


def _fake_analysis(text: str, spans: list[dict], *, kinds=None, quotes=None, reasons=None):
    article = toolkit.load_article(text)
    rows = []
    for number, (start, end) in enumerate(article.paragraphs):
        row = {"paragraph": number, "start": start, "end": end, "text": text[start:end],
               "kind": (kinds or {}).get(number, "body"), "sentiment": 0.1 * number,
               "loaded_density": float(number)}
        if reasons:
            row["insert_reason"] = reasons.get(number, "")
        rows.append(row)
    span_rows = []
    for s in spans:
        para = max(i for i, (a, _) in enumerate(article.paragraphs) if a <= s["start"])
        span_rows.append({"paragraph": para, "text": text[s["start"]:s["end"]],
                          "weight": 1.0, "source": "test", "voice": "author", **s})
    analysis = toolkit.Analysis(article=article, paragraphs=pd.DataFrame(rows),
                                sentences=pd.DataFrame(columns=["start", "end", "voice"]),
                                spans=spans_frame(span_rows), summary={})
    if quotes is not None:
        analysis.quotes = pd.DataFrame(quotes, columns=["paragraph", "start", "end", "text",
                                                        "speaker", "verb"])
    return analysis


def test_display_overlapping_spans_never_duplicate_or_break():
    text = "They fight back hard and defeat them."
    spans = [{"start": 5, "end": 15, "category": "conflict"},      # fight back
             {"start": 5, "end": 10, "category": "emotive"},       # fight
             {"start": 11, "end": 20, "category": "booster"},      # back hard (crosses)
             {"start": 25, "end": 36, "category": "tone_negative"}]
    analysis = _fake_analysis(text, spans)
    html = highlight(analysis)
    _check(html)
    assert _paragraph_texts(html) == [text]
    pieces = marks(analysis)[0]["pieces"]
    assert "".join(p["text"] for p in pieces) == text
    fight = next(p for p in pieces if p["text"] == "fight")
    assert {s["category"] for s in fight["spans"]} == {"conflict", "emotive"}
    assert fight["category"] in ("conflict", "emotive")  # loaded beats booster and tone
    hard = next(p for p in pieces if p["text"] == " hard")
    assert hard["category"] == "booster"


def test_display_weak_loaded_spans_are_faint_and_yield_to_tone_words():
    from toolkit.cues import LOADED_MIN_WEIGHT

    text = "The band played well and the critics raged."
    weak, strong = LOADED_MIN_WEIGHT / 2, LOADED_MIN_WEIGHT * 2
    spans = [{"start": 9, "end": 15, "category": "emotive", "weight": weak},       # played
             {"start": 9, "end": 15, "category": "tone_positive", "weight": 0.3},
             {"start": 37, "end": 42, "category": "emotive", "weight": weak},      # raged
             {"start": 29, "end": 36, "category": "emotive", "weight": strong}]    # critics
    html = highlight(_fake_analysis(text, spans))
    _check(html)
    pieces = {p["text"]: p for p in marks(_fake_analysis(text, spans))[0]["pieces"]}
    assert pieces["played"]["category"] == "tone_positive" and not pieces["played"]["weak"]
    assert pieces["raged"]["category"] == "emotive" and pieces["raged"]["weak"]
    assert pieces["critics"]["category"] == "emotive" and not pieces["critics"]["weak"]
    assert re.search(r'<mark class="nb-mark nb-c-emotive nb-weak"[^>]*>raged</mark>', html)
    assert re.search(r'<mark class="nb-mark nb-c-emotive"[^>]*>critics</mark>', html)
    assert "too weak to count" in html


def test_display_scare_quotes_yield_to_the_evidence_inside():
    """An author-voice quotation (scare_quote, weight 1) colours only the words in it that
    no other span covers: 'Happy' keeps its tone colour inside the title "Happy Feet"."""
    text = "He watched the movie Happy Feet twice."
    spans = [{"start": 21, "end": 31, "category": "scare_quote", "weight": 1.0},
             {"start": 21, "end": 26, "category": "tone_positive", "weight": 0.3},
             {"start": 21, "end": 26, "category": "subjective", "weight": 0.1}]
    pieces = {p["text"]: p for p in marks(_fake_analysis(text, spans),
                                          hidden=())[0]["pieces"]}
    assert pieces["Happy"]["category"] == "tone_positive"
    assert pieces[" Feet"]["category"] == "scare_quote"


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab <>&\"'é\n")), min_size=1, max_size=40),
       cuts=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40),
                               st.sampled_from(["emotive", "hedge", "tone_positive", "new"])),
                     max_size=6))
def test_display_pieces_rebuild_every_paragraph(text, cuts):
    article = toolkit.load_article(text)
    if not article.paragraphs:
        return
    start, end = article.paragraphs[0]
    spans = [{"start": min(a, b), "end": max(a, b), "category": c} for a, b, c in cuts
             if start <= min(a, b) < max(a, b) <= end]
    analysis = _fake_analysis(article.text, spans)
    for para in marks(analysis):
        assert "".join(p["text"] for p in para["pieces"]) == article.text[para["start"]:para["end"]]
    _check(highlight(analysis))


def test_display_quotes_are_shown_apart_from_author_text():
    text = 'Dong said: "A role model for relations." The ministry agreed.'
    start = text.index('"')
    end = text.index('"', start + 1) + 1
    analysis = _fake_analysis(text, [], quotes=[(0, start, end, text[start:end], "Dong", "said")])
    html = highlight(analysis)
    assert "quoted speech" in html  # the key explains it
    html = html[html.index('<div class="nb-body">'):]
    quoted = re.findall(r'<span class="nb-quote"[^>]*>(.*?)</span>', html)
    assert quoted == ["&quot;A role model for relations.&quot;"]


def test_display_inserts_are_boxed_and_labelled():
    text = "Real news here.\n\nDonate now to fight back!\n\nMore news."
    analysis = _fake_analysis(text, [], kinds={1: "sponsored"},
                              reasons={1: "call to action <and> donation appeal"})
    html = highlight(analysis)
    _check(html)
    blocks = re.findall(r'<div class="nb-para ([^"]*)"', html)
    assert blocks == ["nb-kind-body", "nb-kind-sponsored nb-insert", "nb-kind-body"]
    assert "SPONSORED: not the article" in html
    assert "call to action &lt;and&gt; donation appeal" in html
    assert "sponsored or boilerplate block" in html  # in the key


def test_display_strip_and_gutter_have_one_entry_per_paragraph(sample_analysis):
    html = highlight(sample_analysis)
    n = len(sample_analysis.paragraphs)
    assert html.count('<span class="nb-num">') == n
    assert len(re.findall(r'<a href="#nb-[0-9a-f]+-p\d+">', html)) == n
    for number in sample_analysis.paragraphs["paragraph"]:
        assert f"&para; {number}<" in html


def test_display_sample_article_highlights_the_ad_words(sample_analysis):
    html = highlight(sample_analysis)
    _check(html)
    texts = _paragraph_texts(html)
    assert texts == sample_analysis.paragraphs["text"].tolist()
    for words in ("war to be fought", "fight back", "defeat"):
        assert re.search(rf"<mark[^>]*>[^<]*{words.split()[0]}", html), words


def test_display_repr_html_is_highlight(sample_analysis):
    assert sample_analysis._repr_html_() == highlight(sample_analysis)


def test_display_empty_text_gives_a_valid_page():
    html = highlight(toolkit.analyze(""))
    _check(html)
    assert "no evidence spans found" in html


def test_display_render_is_pure_on_plain_dicts():
    paras = [{"paragraph": 0, "start": 0, "end": 3, "kind": "body", "reason": "",
              "scores": {"sentiment": -0.5},
              "pieces": [{"start": 0, "end": 3, "text": "<x>", "quote": False,
                          "category": "fear", "spans": [{"category": "fear", "weight": 1.0,
                                                         "source": "s", "voice": "quote"}]}]}]
    html = render(paras, title="<T>")
    assert "&lt;T&gt;" in html and "&lt;x&gt;" in html
    assert 'class="nb-mark nb-c-fear"' in html and "voice quote" in html
    assert render(paras, title="<T>") == html


def test_highlight_does_not_compute_the_deferred_quotes_table(sample_path):
    """The highlighted view needs the quotes' places only; their speakers (the parse) are
    computed when the quotes table is read, and the view is the same either way."""
    result = toolkit.analyze(sample_path)
    view = str(highlight(result))
    assert result.__dict__.get("quotes") is None
    places = result.quote_ranges()
    assert places and places == sorted(zip(result.quotes["start"], result.quotes["end"]))
    assert result.quote_ranges() == places
    assert str(highlight(result)) == view

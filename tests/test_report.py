"""The standalone HTML report and the ``report`` command."""
from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

import toolkit  # noqa: E402
from toolkit.cli import main  # noqa: E402
from toolkit.report import build_index, build_report, report_files, write_report  # noqa: E402

HOSTILE = ('Headline <script>alert("x")</script>\n\n'
           'They slammed the "><img src=x onerror=alert(1)> plan as a disaster.\n\n'
           'Will you join our fight? Donate now!')


def _external_references(page: str) -> list[str]:
    refs = re.findall(r'(?:src|href)="([^"]*)"', page)
    return [r for r in refs if not (r.startswith("data:") or r.startswith("#")
                                    or r.endswith(".html"))]


def test_report_is_one_self_contained_file(tmp_path, sample_analysis):
    path = write_report(sample_analysis, tmp_path)
    assert path.name == "moscow-beijing-military-ties.html"
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert _external_references(page) == []
    assert "<link" not in page and "@import" not in page
    assert len(re.findall(r'<img class="nb-chart"[^>]*src="data:image/png;base64,', page)) >= 2
    for section in ("Summary", "The article, highlighted", "Charts", "Top evidence"):
        assert f"<h2>{section}</h2>" in page
    assert "war to be fought" in page and "fight back" in page


def test_report_top_evidence_is_what_counts_as_loaded():
    """A negated cue (weight below zero) counts as loaded (cues.counts_as_loaded), so it is
    evidence too, ranked by its weight's size; a weak one and a scare quote are not."""
    import pandas as pd

    from toolkit.report import _evidence_section
    from toolkit.spans import Span, spans_table

    text = "Not extremism, a slur, nor rosy, “Gang of Eight”."
    spans = [Span(4, 13, "extremism", "emotive", -1.0, "cues"),
             Span(17, 21, "slur", "label", 0.5, "cues"),
             Span(27, 31, "rosy", "emotive", -0.05, "babe_mbic_loaded"),
             Span(34, 47, "Gang of Eight", "scare_quote", 1.0, "voice:title")]
    analysis = toolkit.Analysis(article=toolkit.load_article(text),
                                paragraphs=pd.DataFrame({"paragraph": [0], "kind": ["body"]}),
                                sentences=pd.DataFrame(), spans=spans_table(spans, [0] * 4),
                                summary={})
    section = _evidence_section(analysis, top=1)
    assert "extremism" in section and "slur" not in section
    section = _evidence_section(analysis, top=5)
    assert section.index("extremism") < section.index("slur")
    assert "rosy" not in section and "Gang of Eight" not in section


def test_report_escapes_injected_markup():
    page = build_report(toolkit.analyze(HOSTILE), charts=False)
    assert "<script" not in page
    assert "&lt;script&gt;" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page


def test_report_index_links_each_article_most_loaded_first(tmp_path):
    calm = tmp_path / "calm.txt"
    calm.write_text("Calm news\n\nThe council met on Monday and approved the budget.",
                    encoding="utf-8")
    loud = tmp_path / "loud.txt"
    loud.write_text("Loud news\n\nThe corrupt elites launched a vicious, shameful attack.",
                    encoding="utf-8")
    written, errors = report_files([calm, loud, tmp_path / "missing.txt"], tmp_path / "out",
                                   charts=False)
    assert len(errors) == 1 and "missing.txt" in errors[0]
    names = [p.name for p in written]
    assert names == ["calm.html", "loud.html", "index.html"]
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert index.index('href="loud.html"') < index.index('href="calm.html"')


def test_report_index_escapes_titles():
    page = build_index([{"href": 'a".html', "title": "<b>x</b>", "loaded_density": 1.0}])
    assert "<b>x" not in page and "&lt;b&gt;x&lt;/b&gt;" in page
    assert 'href="a&quot;.html"' in page


def test_report_cli_writes_reports(tmp_path, sample_path, capsys):
    assert main(["report", str(sample_path), "--out", str(tmp_path), "--no-chart"]) == 0
    assert (tmp_path / "moscow-beijing-military-ties.html").is_file()
    assert "wrote" in capsys.readouterr().out


def test_report_cli_needs_out(sample_path):
    with pytest.raises(SystemExit):
        main(["report", str(sample_path)])


def test_report_cli_names_a_missing_file(tmp_path, capsys):
    assert main(["report", str(tmp_path / "nope.txt"), "--out", str(tmp_path)]) == 1
    assert "nope.txt" in capsys.readouterr().err

"""Standalone HTML reports: one self-contained file per article, and an index page.

A report holds the summary, the charts (PNG images embedded as base64 data), the highlighted
text from :func:`toolkit.display.highlight`, the top evidence, the inserts and, when the
analysis has them, the entities and quotes. It links to nothing outside itself, so it opens
offline and can be mailed as one file. All article text is escaped.
"""
from __future__ import annotations

import base64
import io
import math
from datetime import datetime, timezone
from html import escape
from pathlib import Path

import pandas as pd

from .palette import INSERT_KINDS, label_of

__all__ = ["build_report", "write_report", "write_index", "build_index", "report_files",
           "chart_png"]

_PAGE_CSS = """
body { margin: 0; background: #fff; color: #1b1b1b; }
.nb-page { max-width: 68em; margin: 0 auto; padding: 1.2em 1.5em 3em 1.5em;
  font-family: Helvetica, Arial, sans-serif; font-size: 14px; }
.nb-page h1 { font-size: 1.45em; margin: 0.2em 0 0.1em 0; font-family: Georgia, serif; }
.nb-page h2 { font-size: 1.1em; margin: 1.6em 0 0.5em 0; border-bottom: 1px solid #ccc;
  padding-bottom: 0.2em; }
.nb-page .nb-sub { color: #555; font-size: 0.9em; }
.nb-page table { border-collapse: collapse; font-size: 0.88em; margin: 0.3em 0; }
.nb-page th, .nb-page td { border-bottom: 1px solid #e3e3e3; padding: 0.25em 0.6em;
  text-align: left; vertical-align: top; }
.nb-page th { background: #f4f4f4; }
.nb-page td.num, .nb-page th.num { text-align: right; font-variant-numeric: tabular-nums; }
.nb-page img.nb-chart { max-width: 100%; height: auto; display: block; margin: 0.4em 0 1em 0;
  border: 1px solid #eee; }
.nb-page .nb-callout { border-left: 5px solid #444; background: #f3f3f3; padding: 0.5em 0.8em;
  margin: 0.6em 0; }
.nb-page .nb-callout b { color: #000; }
.nb-page footer { margin-top: 2.5em; color: #777; font-size: 0.8em; }
"""

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<div class="nb-page">
{body}
<footer>Written by the newsbias toolkit {version} on {date}. Scores come from word lists and
models that can be wrong: read the highlighted evidence before you quote a number.</footer>
</div>
</body>
</html>
"""


def _version() -> str:
    from . import __version__

    return __version__


def _is_missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _fmt(value, fmt: str = "{:.2f}") -> str:
    if _is_missing(value):
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return fmt.format(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(value)


def chart_png(fig, *, dpi: int = 110) -> str:
    """A figure as a ``data:image/png;base64,...`` URI; the figure is closed."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _charts(analysis) -> list[tuple[str, str]]:
    """(caption, data URI) for each chart the analysis can support."""
    import matplotlib.pyplot as plt

    from .plots import figure_overview, plot_cue_heatmap, plot_entities

    paragraphs = analysis.paragraphs
    charts = []
    if len(paragraphs):
        charts.append(("Tone and loaded language per paragraph, in reading order. Grey "
                       "hatched bars are sponsored or boilerplate paragraphs.",
                       chart_png(figure_overview(paragraphs))))
        fig, ax = plt.subplots(figsize=(max(7.0, 0.42 * len(paragraphs) + 4), 4.2),
                               layout="constrained")
        plot_cue_heatmap(paragraphs, ax=ax)
        charts.append(("Cue categories by paragraph: how many matches of each kind.",
                       chart_png(fig)))
    entities = getattr(analysis, "entities", None)
    if entities is not None and len(entities) and "mentions" in entities.columns:
        shown = min(len(entities), 12)
        fig, ax = plt.subplots(figsize=(9, 0.55 * shown + 1.5), layout="constrained")
        try:
            plot_entities(entities, ax=ax, top=shown)
            charts.append(("Who is portrayed how: the tone of the sentences that mention each "
                           "entity, and the loaded words near it.", chart_png(fig)))
        except ValueError:
            plt.close(fig)
    return charts


def _table(frame: pd.DataFrame, columns: list[str], *, numeric=(), formats=None) -> str:
    formats = formats or {}
    head = "".join(f'<th class="{"num" if c in numeric else ""}">{escape(label_of(c))}</th>'
                   for c in columns)
    rows = []
    for record in frame[columns].to_dict("records"):
        cells = "".join(
            f'<td class="{"num" if c in numeric else ""}">'
            f'{escape(_fmt(record[c], formats.get(c, "{:.2f}")))}</td>' for c in columns)
        rows.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _summary_section(analysis) -> str:
    summary = analysis.summary or {}
    wanted = [("paragraphs", "n_paragraphs", "{:.0f}"),
              ("paragraphs analysed", "n_paragraphs_analysed", "{:.0f}"),
              ("words analysed", "n_words", "{:.0f}"),
              ("tone (-1..+1)", "sentiment", "{:+.3f}"),
              ("tone, author's voice", "sentiment_author", "{:+.3f}"),
              ("tone, quoted voice", "sentiment_quoted", "{:+.3f}"),
              ("subjectivity (0..1)", "subjectivity", "{:.3f}"),
              ("loaded words", "loaded_count", "{:.0f}"),
              ("loaded words per 100 words", "loaded_density", "{:.2f}"),
              ("loaded per 100, author's voice", "loaded_density_author", "{:.2f}"),
              ("loaded per 100, quoted voice", "loaded_density_quoted", "{:.2f}"),
              ("bias probability", "bias_probability", "{:.3f}"),
              ("most frequent loaded terms", "top_terms", "{}")]
    rows = [f"<tr><th>{escape(name)}</th><td>{escape(_fmt(summary[key], fmt))}</td></tr>"
            for name, key, fmt in wanted if key in summary and not _is_missing(summary[key])
            and summary[key] != ""]
    note = summary.get("note")
    callouts = []
    inserts = analysis.paragraphs[analysis.paragraphs["kind"].isin(INSERT_KINDS)] \
        if "kind" in analysis.paragraphs.columns else analysis.paragraphs.iloc[0:0]
    if len(inserts):
        numbers = ", ".join(str(n) for n in inserts["paragraph"])
        callouts.append(f'<div class="nb-callout"><b>Not the article:</b> paragraph(s) '
                        f'{escape(numbers)} are sponsored or boilerplate, boxed below. The '
                        f'figures in this summary leave them out unless asked '
                        f'({escape(str(note or ""))}).</div>')
    elif note:
        callouts.append(f'<div class="nb-callout">{escape(str(note))}.</div>')
    return (f"<h2>Summary</h2>{''.join(callouts)}<table><tbody>{''.join(rows)}</tbody>"
            f"</table>")


def _evidence_section(analysis, top: int) -> str:
    from .cues import LOADED_CATEGORIES, LOADED_MIN_WEIGHT

    spans = analysis.spans
    if spans is None or not len(spans):
        return "<h2>Top evidence</h2><p>No evidence spans were found.</p>"
    # the spans that count as loaded (cues.counts_as_loaded: a negated cue weighs below zero)
    loaded = spans[spans["category"].isin(LOADED_CATEGORIES)
                   & (spans["weight"].abs() >= LOADED_MIN_WEIGHT)].copy()
    if not len(loaded):
        return "<h2>Top evidence</h2><p>No loaded language was found.</p>"
    kinds = analysis.paragraphs.set_index("paragraph")["kind"] \
        if "kind" in analysis.paragraphs.columns else pd.Series(dtype=object)
    loaded["kind"] = loaded["paragraph"].map(kinds).fillna("body")
    loaded = loaded.sort_values(["weight", "paragraph", "start"], ascending=[False, True, True],
                                key=lambda c: c.abs() if c.name == "weight" else c)
    loaded = loaded.head(top).sort_values(["paragraph", "start"])
    loaded["category"] = loaded["category"].map(label_of)
    columns = ["paragraph", "kind", "text", "category", "weight", "voice", "source"]
    return (f"<h2>Top evidence</h2><p class=\"nb-sub\">The {len(loaded)} heaviest loaded-"
            f"language matches, in reading order.</p>"
            + _table(loaded, columns, numeric={"paragraph", "weight"},
                     formats={"paragraph": "{:.0f}"}))


def _optional_tables(analysis) -> str:
    parts = []
    entities = getattr(analysis, "entities", None)
    if entities is not None and len(entities):
        columns = [c for c in ("entity", "mentions", "tone_author", "tone_quoted",
                               "loaded_terms") if c in entities.columns]
        if columns:
            table = entities.sort_values("mentions", ascending=False) \
                if "mentions" in columns else entities
            parts.append("<h2>Entities</h2>" + _table(
                table.head(20), columns, numeric={"mentions", "tone_author", "tone_quoted"},
                formats={"mentions": "{:.0f}", "tone_author": "{:+.2f}",
                         "tone_quoted": "{:+.2f}"}))
    quotes = getattr(analysis, "quotes", None)
    if quotes is not None and len(quotes):
        columns = [c for c in ("paragraph", "speaker", "verb", "text") if c in quotes.columns]
        parts.append("<h2>Quotes</h2>" + _table(quotes, columns, numeric={"paragraph"},
                                                 formats={"paragraph": "{:.0f}"}))
    return "".join(parts)


def build_report(analysis, *, charts: bool = True, top_evidence: int = 15) -> str:
    """The whole report for one analysis, as one HTML document.

    Parameters
    ----------
    analysis : Analysis
    charts : bool
        Embed the charts (PNG, base64). Without them the report builds faster.
    top_evidence : int
        How many loaded-language spans to list.

    Returns
    -------
    str
        A complete HTML document that refers to no other file.

    Examples
    --------
    >>> from toolkit import analyze
    >>> page = build_report(analyze("Critics <i>slammed</i> it."), charts=False)
    >>> page.startswith("<!DOCTYPE html>") and "&lt;i&gt;" in page and "<i>" not in page
    True
    """
    from .display import highlight

    article = analysis.article
    title = article.title or (Path(article.source).name if article.source else "Article")
    body = [f"<h1>{escape(title)}</h1>"]
    if article.source:
        body.append(f'<div class="nb-sub">Source: {escape(str(article.source))}</div>')
    body.append(_summary_section(analysis))
    body.append("<h2>The article, highlighted</h2>")
    body.append(highlight(analysis))
    if charts:
        body.append("<h2>Charts</h2>")
        for caption, uri in _charts(analysis):
            body.append(f'<img class="nb-chart" alt="{escape(caption, quote=True)}" '
                        f'src="{uri}"><p class="nb-sub">{escape(caption)}</p>')
    body.append(_evidence_section(analysis, top_evidence))
    body.append(_optional_tables(analysis))
    return _PAGE.format(title=escape(title), css=_PAGE_CSS, body="\n".join(body),
                        version=escape(_version()),
                        date=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))


def write_report(analysis, out: str | Path, *, name: str | None = None,
                 charts: bool = True) -> Path:
    """Write :func:`build_report` to ``out/<name>.html`` (``name`` defaults to the article's
    slug) and return the path."""
    from .output import article_slug

    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name or article_slug(analysis)}.html"
    path.write_text(build_report(analysis, charts=charts), encoding="utf-8")
    return path


def build_index(entries: list[dict]) -> str:
    """An index page linking to several reports, the most loaded first.

    Each entry needs ``href`` and ``title``, and may have ``paragraphs``, ``inserts``,
    ``sentiment``, ``loaded_density`` and ``top_terms``.
    """
    entries = sorted(entries, key=lambda e: -(e.get("loaded_density") or 0.0))
    rows = []
    for e in entries:
        rows.append(
            f'<tr><td><a href="{escape(e["href"], quote=True)}">{escape(e["title"])}</a></td>'
            f'<td class="num">{escape(_fmt(e.get("paragraphs"), "{:.0f}"))}</td>'
            f'<td class="num">{escape(_fmt(e.get("inserts"), "{:.0f}"))}</td>'
            f'<td class="num">{escape(_fmt(e.get("sentiment"), "{:+.2f}"))}</td>'
            f'<td class="num">{escape(_fmt(e.get("loaded_density"), "{:.2f}"))}</td>'
            f'<td>{escape(_fmt(e.get("top_terms")))}</td></tr>')
    body = ("<h1>Articles</h1><p class=\"nb-sub\">Most loaded first. Figures leave out "
            "sponsored and boilerplate paragraphs.</p><table><thead><tr><th>article</th>"
            "<th class=\"num\">paragraphs</th><th class=\"num\">inserts</th>"
            "<th class=\"num\">tone</th><th class=\"num\">loaded per 100 words</th>"
            f"<th>top terms</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")
    return _PAGE.format(title="Articles", css=_PAGE_CSS, body=body, version=escape(_version()),
                        date=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))


def write_index(entries: list[dict], out: str | Path) -> Path:
    """Write :func:`build_index` to ``out/index.html`` and return the path."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "index.html"
    path.write_text(build_index(entries), encoding="utf-8")
    return path


def report_files(sources, out: str | Path, *, charts: bool = True) -> tuple[list[Path], list[str]]:
    """Analyse each source and write its report; write an index when there are several.

    Returns
    -------
    (paths written, error messages)
        A source that cannot be read gets a message naming it, and the others go on.
    """
    from .analysis import analyze
    from .output import article_slug

    written, errors, entries, used = [], [], [], set()
    for source in sources:
        try:
            result = analyze(source)
        except (OSError, ValueError, TypeError) as exc:
            errors.append(f"{source}: {exc}")
            continue
        slug = base = article_slug(result)
        n = 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        path = write_report(result, out, name=slug, charts=charts)
        written.append(path)
        summary = result.summary or {}
        inserts = int(result.paragraphs["kind"].isin(INSERT_KINDS).sum()) \
            if "kind" in result.paragraphs.columns else 0
        entries.append({"href": path.name, "title": result.article.title or str(source),
                        "paragraphs": summary.get("n_paragraphs"), "inserts": inserts,
                        "sentiment": summary.get("sentiment"),
                        "loaded_density": summary.get("loaded_density"),
                        "top_terms": summary.get("top_terms")})
    if len(entries) > 1:
        written.append(write_index(entries, out))
    return written, errors

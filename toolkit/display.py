"""The highlighted view of an analysis, as HTML.

Two steps, each testable on its own (the displaCy way):

1. :func:`marks` turns an :class:`~toolkit.analysis.Analysis` into plain dicts: one per
   paragraph, each holding the paragraph's text cut into pieces, and for every piece the
   evidence spans that cover it and whether it is quoted speech.
2. :func:`render` turns those dicts into HTML with the template constants below.

:func:`highlight` does both. It is pure: it returns a string and displays nothing, and
``Analysis._repr_html_`` uses it. Every piece of article text, every title and every
tooltip is escaped. Overlapping spans never nest or break the markup: the text is cut at
every span boundary, each piece is written once, coloured by the strongest span that covers
it, and its tooltip lists every span that covers it.

The stylesheet is ``toolkit/static/highlight.css``, read on first use; the category colours
are added from :mod:`toolkit.palette`.
"""
from __future__ import annotations

import hashlib
import math
import re
from functools import lru_cache
from html import escape

from .palette import (CATEGORY_COLOURS, INSERT_KINDS, TONE_COLOURS, LOADED_COLOUR,
                      colour_of, label_of)

__all__ = ["highlight", "marks", "render", "stylesheet", "short_reason", "DEFAULT_HIDDEN"]

#: Categories left out of the view unless asked for: nearly every adjective is
#: "subjective", so showing them would drown the rest.
DEFAULT_HIDDEN = frozenset({"subjective"})

# Templates. Values are escaped before they are put in.
TPL_ROOT = ('<div class="nb-root" id="nb-{uid}">\n<style>{css}</style>\n{header}\n{strip}\n'
            '{legend}\n<div class="nb-body">\n{paragraphs}\n</div>\n</div>')
TPL_HEADER = ('<div class="nb-header"><div class="nb-title">{title}</div>'
              '<div class="nb-facts">{facts}</div></div>')
TPL_PARAGRAPH = ('<div class="nb-para nb-kind-{kind}{insert}" id="nb-{uid}-p{number}">'
                 '<div class="nb-gutter">{gutter}</div>'
                 '<div class="nb-text">{label}{text}</div></div>')
TPL_INSERT_LABEL = ('<span class="nb-insert-label">{kind}: not the article\'s journalism'
                    '{reason}</span>')
TPL_MARK = ('<mark class="nb-mark nb-c-{css}{weak}" data-category="{category}" '
            'title="{tooltip}">{text}</mark>')
TPL_QUOTE = '<span class="nb-quote" title="quoted speech">{text}</span>'
TPL_METER = ('<span class="nb-meter" title="{title}">{name}<span class="nb-track{centred}">'
             '<span class="nb-fill" style="left:{left:.1f}%;width:{width:.1f}%;'
             'background:{colour}"></span></span>{value}</span>')
TPL_LEGEND = '<div class="nb-legend"><span class="nb-legend-title">Key</span>{items}</div>'

# Which span wins the colour of a piece that several spans cover: loaded language first,
# then the other cues, then tone words, then subjectivity, then the author's quotation marks
# (a scare quote or title is a stretch, not evidence: the words in it keep their colours);
# within a rank, the heavier.
_RANK_TONE = {"tone_positive", "tone_negative"}
_UNDERLINED = {"booster", "hedge", "factive"}


def _loaded_categories() -> tuple:
    from .cues import LOADED_CATEGORIES

    return LOADED_CATEGORIES


def _weak(span: dict) -> bool:
    """A span of a loaded category whose weight is below the bar: shown, but not as loaded."""
    from .cues import counts_as_loaded

    return (span["category"] in _loaded_categories()
            and not counts_as_loaded(span["category"], span["weight"]))


def _rank(category: str, *, weak: bool = False) -> float:
    if category in _loaded_categories():
        return 2.5 if weak else 0   # a weak one after tone words, before subjectivity
    if category in _RANK_TONE:
        return 2
    if category == "subjective":
        return 3
    if category == "scare_quote":
        return 4
    return 1


@lru_cache(maxsize=1)
def _base_css() -> str:
    from importlib.resources import files

    return files("toolkit").joinpath("static", "highlight.css").read_text(encoding="utf-8")


def _css_name(category: str) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", str(category).lower()) or "x"


def _rgba(colour: str, alpha: float) -> str:
    colour = colour.lstrip("#")
    r, g, b = (int(colour[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def _category_rule(category: str, colour: str) -> str:
    name = _css_name(category)
    if str(category).startswith("insert_"):
        style = f"outline:1.5px dashed {colour};outline-offset:1px;background:transparent"
    elif category in _RANK_TONE:
        style = f"border-bottom:2px dotted {colour};background:transparent"
    elif category in _UNDERLINED or _rank(category) >= 1:
        style = f"border-bottom:2px solid {colour};background:{_rgba(colour, 0.12)}"
    else:
        style = f"border-bottom:3px solid {colour};background:{_rgba(colour, 0.38)}"
    return f".nb-root .nb-c-{name}{{{style}}}"


def stylesheet(categories=(), *, colours: dict | None = None) -> str:
    """The CSS of the highlighted view, with a colour rule for each category.

    Examples
    --------
    >>> ".nb-c-emotive" in stylesheet(["emotive"])
    True
    """
    names = list(dict.fromkeys([*CATEGORY_COLOURS, *categories]))
    rules = [_category_rule(c, colour_of(c, colours)) for c in names]
    return _base_css() + "\n" + "\n".join(rules)


# --------------------------------------------------------------------------- step 1

def _quote_ranges(analysis) -> list[tuple[int, int]]:
    """Quoted speech as character ranges: the quotes table, else quoted sentences."""
    if callable(getattr(analysis, "quote_ranges", None)):
        ranges = analysis.quote_ranges()     # without the deferred table's parse
        if ranges:
            return ranges
    else:
        quotes = getattr(analysis, "quotes", None)
        if quotes is not None and len(quotes) and {"start", "end"} <= set(quotes.columns):
            return sorted((int(s), int(e)) for s, e in zip(quotes["start"], quotes["end"]))
    sentences = getattr(analysis, "sentences", None)
    if sentences is not None and len(sentences) and "voice" in sentences.columns:
        quoted = sentences[sentences["voice"] == "quote"]
        return sorted((int(s), int(e)) for s, e in zip(quoted["start"], quoted["end"]))
    return []


def _span_records(analysis, categories, hidden) -> list[dict]:
    spans = analysis.spans
    if spans is None or not len(spans):
        return []
    records = []
    for row in spans.to_dict("records"):
        category = str(row.get("category", ""))
        if categories is not None and category not in categories:
            continue
        if categories is None and category in hidden:
            continue
        weight = row.get("weight", 0.0)
        weight = 0.0 if weight is None or (isinstance(weight, float) and math.isnan(weight)) \
            else float(weight)
        records.append({"start": int(row["start"]), "end": int(row["end"]),
                        "text": str(row.get("text", "")), "category": category,
                        "weight": weight, "source": str(row.get("source", "")),
                        "voice": str(row.get("voice", "") or "author")})
    return records


def _primary(spans: list[dict]) -> dict:
    return min(spans, key=lambda s: (_rank(s["category"], weak=_weak(s)), -abs(s["weight"]),
                                     -(s["end"] - s["start"]), s["category"]))


def _pieces(text: str, start: int, end: int, spans: list[dict],
            quotes: list[tuple[int, int]]) -> list[dict]:
    """Cut ``text[start:end]`` at every span and quote boundary; merge equal neighbours."""
    cuts = {start, end}
    for s in spans:
        cuts.update((min(max(s["start"], start), end), min(max(s["end"], start), end)))
    for qs, qe in quotes:
        cuts.update((min(max(qs, start), end), min(max(qe, start), end)))
    points = sorted(cuts)
    pieces: list[dict] = []
    for a, b in zip(points, points[1:]):
        if a >= b:
            continue
        covering = [s for s in spans if s["start"] <= a and s["end"] >= b]
        quoted = any(qs <= a and qe >= b for qs, qe in quotes)
        key = (tuple(id(s) for s in covering), quoted)
        if pieces and pieces[-1]["_key"] == key:
            pieces[-1]["end"] = b
            pieces[-1]["text"] = text[pieces[-1]["start"]:b]
            continue
        primary = _primary(covering) if covering else None
        pieces.append({"start": a, "end": b, "text": text[a:b], "quote": quoted,
                       "spans": covering,
                       "category": primary["category"] if primary else None,
                       "weak": bool(primary and _weak(primary)),
                       "_key": key})
    for piece in pieces:
        del piece["_key"]
    return pieces


def _number(value):
    if value is None:
        return None
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(value) else value


def marks(analysis, *, categories=None, hidden=DEFAULT_HIDDEN) -> list[dict]:
    """Step 1: the analysis as plain dicts, one per paragraph.

    Parameters
    ----------
    analysis : Analysis
    categories : collection of str, optional
        Show only these span categories; by default all but ``hidden``.
    hidden : collection of str
        Categories left out by default (see :data:`DEFAULT_HIDDEN`).

    Returns
    -------
    list of dict
        Keys ``paragraph``, ``start``, ``end``, ``kind``, ``reason``, ``scores`` (a dict of
        ``sentiment``, ``loaded_density``, ``bias_probability``, ``quote_share`` where
        present) and ``pieces``: dicts with ``start``, ``end``, ``text``, ``quote``,
        ``category`` (the colour, or None), ``weak`` (the colour's span is of a loaded
        category but below :data:`~toolkit.cues.LOADED_MIN_WEIGHT`, so it does not count as
        loaded language and is drawn faint) and ``spans`` (every span covering the piece).
        Joining the pieces' text gives the paragraph's text exactly.

    Examples
    --------
    >>> from toolkit import analyze
    >>> para = marks(analyze("Critics slammed the plan."))[0]
    >>> "".join(p["text"] for p in para["pieces"])
    'Critics slammed the plan.'
    >>> [p["category"] for p in para["pieces"] if p["text"] == "slammed"]
    ['report_verb']
    """
    text = analysis.article.text
    spans = _span_records(analysis, None if categories is None else set(categories),
                          set(hidden))
    quotes = _quote_ranges(analysis)
    spans.sort(key=lambda s: (s["start"], s["end"]))
    out = []
    table = analysis.paragraphs
    for row in table.to_dict("records"):
        start, end = int(row["start"]), int(row["end"])
        inside = [s for s in spans if s["start"] < end and s["end"] > start]
        near = [(qs, qe) for qs, qe in quotes if qs < end and qe > start]
        reason = row.get("insert_reason", "")
        out.append({
            "paragraph": int(row["paragraph"]), "start": start, "end": end,
            "kind": str(row.get("kind", "body") or "body"),
            "reason": "" if reason is None or (isinstance(reason, float) and math.isnan(reason))
            else str(reason),
            "scores": {k: _number(row[k]) for k in ("sentiment", "loaded_density",
                                                     "bias_probability", "quote_share")
                       if k in row},
            "pieces": _pieces(text, start, end, inside, near),
        })
    return out


# --------------------------------------------------------------------------- step 2

def _tooltip(spans: list[dict]) -> str:
    lines = []
    for s in spans:
        # an author-voice quotation has no strength (its weight is always 1): its kind, the
        # rule that found it ("voice:title"), is what it tells
        what = (f"kind {s['source']}" if s["category"] == "scare_quote"
                else f"weight {s['weight']:+.2f}, source {s['source']}")
        lines.append(f"{label_of(s['category'])} ({s['category']}): {what}, voice {s['voice']}")
    return "\n".join(lines)


def _render_piece(piece: dict) -> str:
    html = escape(piece["text"], quote=True)
    if piece["category"] is not None:
        html = TPL_MARK.format(css=_css_name(piece["category"]),
                               weak=" nb-weak" if piece.get("weak") else "",
                               category=escape(piece["category"], quote=True),
                               tooltip=escape(_tooltip(piece["spans"]), quote=True), text=html)
    if piece["quote"]:
        html = TPL_QUOTE.format(text=html)
    return html


def short_reason(reason: str, *, parts: int = 3) -> str:
    """The first few clauses of an insert reason, without their points and total.

    Examples
    --------
    >>> short_reason("sponsored: marker 'Ad' (+6); off-topic (TF-IDF 0.06) (+0.75); total 9 >= 3")
    "marker 'Ad'; off-topic"
    """
    text = re.sub(r"^\s*(sponsored|boilerplate)\s*:\s*", "", str(reason))
    clauses = []
    for clause in text.split(";"):
        clause = re.sub(r"\s*\((?:[+\-x\u00d7]|TF-IDF)[^)]*\)", "", clause).strip()
        if clause and not clause.startswith("total") and not clause.startswith("evidence spread"):
            clauses.append(clause)
    short = "; ".join(clauses[:parts])
    return short + ("; ..." if len(clauses) > parts else "")


def _meter(name: str, value, *, low: float, high: float, colour: str, title: str,
           fmt: str = "{:+.2f}") -> str:
    if value is None:
        return ""
    centred = low < 0
    span = high - low
    if centred:
        mid = 50.0
        width = min(abs(value) / (span / 2), 1.0) * 50.0
        left = mid if value >= 0 else mid - width
    else:
        left, width = 0.0, min(max(value - low, 0.0) / span, 1.0) * 100.0
    return TPL_METER.format(title=escape(title, quote=True), name=escape(name),
                            centred=" nb-centred" if centred else "", left=left, width=width,
                            colour=colour, value=escape(fmt.format(value)))


def _gutter(para: dict, density_max: float) -> str:
    scores = para["scores"]
    parts = [f'<span class="nb-num">&para; {para["paragraph"]}</span>']
    tone = scores.get("sentiment")
    if tone is not None:
        colour = TONE_COLOURS["positive" if tone >= 0 else "negative"]
        parts.append(_meter("tone ", tone, low=-1, high=1, colour=colour,
                            title="tone of the paragraph, -1 to +1"))
    density = scores.get("loaded_density")
    if density is not None:
        parts.append(_meter("load ", density, low=0, high=max(density_max, 1e-9),
                            colour=LOADED_COLOUR, fmt="{:.1f}",
                            title="loaded words per 100 words"))
    prob = scores.get("bias_probability")
    if prob is not None:
        parts.append(_meter("bias ", prob, low=0, high=1, colour="#332288", fmt="{:.2f}",
                            title="bias probability, 0 to 1"))
    share = scores.get("quote_share")
    if share:
        parts.append(_meter("quote", share, low=0, high=1, colour="#5a7d9a", fmt="{:.0%}",
                            title="share of words inside quotes"))
    return "".join(parts)


def _strip(paras: list[dict], uid: str) -> str:
    """A small SVG: one column per paragraph, tone above the line, loaded density below."""
    if not paras:
        return ""
    n = len(paras)
    cell, gap, half = 22, 3, 28
    width, height = n * (cell + gap) + 70, 2 * half + 22
    densities = [p["scores"].get("loaded_density") or 0.0 for p in paras]
    top = max(max(densities), 1e-9)
    items = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="tone and loaded language per paragraph">',
             '<defs><pattern id="nb-hatch-' + uid + '" width="5" height="5" '
             'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
             '<rect width="5" height="5" fill="#dddddd"/>'
             '<line x1="0" y1="0" x2="0" y2="5" stroke="#666" stroke-width="2"/></pattern></defs>',
             f'<text x="0" y="{half - 8}" font-size="9" font-family="sans-serif" '
             f'fill="#444">tone</text>',
             f'<text x="0" y="{half + 16}" font-size="9" font-family="sans-serif" '
             f'fill="#444">loaded</text>',
             f'<line x1="62" y1="{half}" x2="{width}" y2="{half}" stroke="#888" '
             f'stroke-width="0.8"/>']
    for i, para in enumerate(paras):
        x = 66 + i * (cell + gap)
        insert = para["kind"] in INSERT_KINDS
        tone = para["scores"].get("sentiment") or 0.0
        h = abs(tone) * (half - 4)
        fill = TONE_COLOURS["positive" if tone >= 0 else "negative"]
        if insert:
            items.append(f'<rect x="{x}" y="1" width="{cell}" height="{2 * half - 2}" '
                         f'fill="url(#nb-hatch-{uid})" opacity="0.6"/>')
        title = escape(f"paragraph {para['paragraph']} ({para['kind']}): tone {tone:+.2f}, "
                       f"loaded {densities[i]:.1f} per 100 words", quote=True)
        items.append(f'<a href="#nb-{uid}-p{para["paragraph"]}"><g><title>{title}</title>')
        y = half - h if tone >= 0 else half
        items.append(f'<rect x="{x}" y="{y:.1f}" width="{cell}" height="{h:.1f}" '
                     f'fill="{fill}"/>')
        dh = densities[i] / top * (half - 4)
        items.append(f'<rect x="{x}" y="{half + 1}" width="{cell}" height="{dh:.1f}" '
                     f'fill="{LOADED_COLOUR}"/>')
        items.append(f'<rect x="{x}" y="1" width="{cell}" height="{2 * half - 2}" '
                     f'fill="transparent"/>')
        items.append('</g></a>')
        weight = ' font-weight="bold" fill="#000"' if insert else ' fill="#555"'
        items.append(f'<text x="{x + cell / 2}" y="{2 * half + 14}" font-size="9" '
                     f'text-anchor="middle" font-family="sans-serif"{weight}>'
                     f'{para["paragraph"]}</text>')
    items.append("</svg>")
    return ('<div class="nb-strip">' + "".join(items) +
            '<div class="nb-note">Each column is a paragraph (numbers as in the tables): tone '
            'above the line, loaded language below; hatched columns are sponsored or '
            'boilerplate. Click a column to jump to its paragraph.</div></div>')


def _legend(paras: list[dict]) -> str:
    seen = {p["category"] for para in paras for p in para["pieces"] if p["category"]}
    order = [c for c in CATEGORY_COLOURS if c in seen] + sorted(seen - set(CATEGORY_COLOURS))
    items = [TPL_MARK.format(css=_css_name(c), weak="", category=escape(c, quote=True),
                             tooltip=escape(label_of(c), quote=True),
                             text=escape(label_of(c))) for c in order]
    if any(p.get("weak") for para in paras for p in para["pieces"]):
        items.append('<mark class="nb-mark nb-weak" title="a loaded-language category, but '
                     'below the weight that counts as loaded">faint: too weak to count</mark>')
    if any(p["quote"] for para in paras for p in para["pieces"]):
        items.append(TPL_QUOTE.format(text="&ldquo;quoted speech&rdquo;"))
    if any(para["kind"] in INSERT_KINDS for para in paras):
        items.append('<span class="nb-insert-swatch">sponsored or boilerplate block</span>')
    if not items:
        items.append('<span class="nb-note">no evidence spans found</span>')
    items.append('<span class="nb-note">hover a word for its category, weight, source and '
                 'voice</span>')
    return TPL_LEGEND.format(items="".join(items))


def _facts(analysis) -> str:
    summary = getattr(analysis, "summary", {}) or {}
    facts = []

    def add(name, key, fmt):
        value = _number(summary.get(key))
        if value is not None:
            facts.append(f"{escape(name)} <b>{escape(fmt.format(value))}</b>")

    add("paragraphs", "n_paragraphs", "{:.0f}")
    add("words", "n_words", "{:.0f}")
    add("tone", "sentiment", "{:+.2f}")
    add("loaded words per 100", "loaded_density", "{:.2f}")
    add("bias probability", "bias_probability", "{:.2f}")
    note = summary.get("note")
    text = " &middot; ".join(facts)
    if note:
        text += f" &middot; {escape(str(note))}"
    return text


def render(paras: list[dict], *, title: str = "", facts: str = "", uid: str = "0",
           colours: dict | None = None) -> str:
    """Step 2: HTML from the dicts of :func:`marks`.

    ``title`` is escaped here; ``facts`` must already be HTML (see :func:`highlight`).
    """
    density_max = max([p["scores"].get("loaded_density") or 0.0 for p in paras] + [0.0])
    rendered = []
    for para in paras:
        insert = para["kind"] in INSERT_KINDS
        label = ""
        if insert:
            reason = (f' &mdash; <span class="nb-reason" title="{escape(para["reason"], quote=True)}">'
                      f'{escape(short_reason(para["reason"]))}</span>' if para["reason"] else "")
            label = TPL_INSERT_LABEL.format(kind=escape(para["kind"].upper()), reason=reason)
        rendered.append(TPL_PARAGRAPH.format(
            kind=_css_name(para["kind"]), insert=" nb-insert" if insert else "", uid=uid,
            number=para["paragraph"], gutter=_gutter(para, density_max), label=label,
            text="".join(_render_piece(p) for p in para["pieces"])))
    categories = {p["category"] for para in paras for p in para["pieces"] if p["category"]}
    return TPL_ROOT.format(uid=uid, css=stylesheet(sorted(categories), colours=colours),
                           header=TPL_HEADER.format(title=escape(title), facts=facts),
                           strip=_strip(paras, uid), legend=_legend(paras),
                           paragraphs="\n".join(rendered))


def highlight(analysis, *, categories=None, hidden=DEFAULT_HIDDEN,
              colours: dict | None = None) -> str:
    """The article as HTML, its evidence coloured by category.

    Evidence spans are coloured by category, with a tooltip giving the category, weight,
    source and voice; quoted speech is set in italics on a blue tint; sponsored and
    boilerplate paragraphs are boxed and labelled; a key and a per-paragraph strip of tone
    and loaded language come first. All article text is escaped.

    Parameters
    ----------
    analysis : Analysis
        The result of :func:`toolkit.analyze`.
    categories : collection of str, optional
        Show only these span categories.
    hidden : collection of str
        Categories left out by default: see :data:`DEFAULT_HIDDEN`.
    colours : dict, optional
        Category colours in place of :data:`toolkit.palette.CATEGORY_COLOURS`.

    Returns
    -------
    str
        One ``<div class="nb-root">`` with its own ``<style>``; nothing is displayed.

    Examples
    --------
    >>> from toolkit import analyze
    >>> html = highlight(analyze("They <b>slammed</b> it."))
    >>> "&lt;b&gt;" in html and "<b>slammed" not in html
    True
    """
    paras = marks(analysis, categories=categories, hidden=hidden)
    text = analysis.article.text
    uid = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    title = analysis.article.title or (analysis.article.source or "")
    return render(paras, title=title, facts=_facts(analysis), uid=uid, colours=colours)

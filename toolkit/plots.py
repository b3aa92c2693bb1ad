"""Charts of the analysis tables.

Every ``plot_*`` function takes a DataFrame and keyword-only options, draws on ``ax=`` (or
the current Axes), passes ``**kwargs`` on to the matplotlib call that draws the data, and
returns the Axes. Functions that draw several panels (``figure_*``) return the Figure and
refuse ``ax``. Nothing here calls ``plt.show()`` or saves a file.

Colours and plain-word names come from :mod:`toolkit.palette`, so a category has the same
colour in every chart and in the highlighted view. Paragraph numbers are the ``paragraph``
column of the tables. Columns added by later scorers (``sentiment_author``,
``sentiment_quoted``, ``kind``, ``bias_probability``) are used when present and skipped
when absent.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .palette import (INSERT_COLOUR, INSERT_HATCH, INSERT_KINDS, LOADED_COLOUR,
                      PROBABILITY_COLOUR, QUOTE_HATCH, TONE_COLOURS, label_of)

__all__ = ["plot_tone_arc", "plot_loaded_density", "plot_cue_heatmap", "plot_entities",
           "plot_distribution", "plot_calibration", "plot_predicted_vs_human",
           "figure_overview", "figure_corpus", "plot_overview", "PALETTE"]

#: Kept for callers of the first version; the real mapping lives in :mod:`toolkit.palette`.
PALETTE = {**TONE_COLOURS, "loaded": LOADED_COLOUR, "insert": INSERT_COLOUR}

_EDGE = "#444444"
_TONE_AXIS = "Tone (-1 negative, 0 neutral, +1 positive)"


# --------------------------------------------------------------------------- helpers

def _axes(ax):
    import matplotlib.pyplot as plt

    return plt.gca() if ax is None else ax


def _require(df: pd.DataFrame, columns, what: str) -> None:
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"{what} needs a pandas DataFrame, not {type(df).__name__}")
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{what} needs the column(s) {missing}; the table has "
                         f"{list(df.columns)}")


def _inserts(paragraphs: pd.DataFrame) -> np.ndarray:
    if "kind" not in paragraphs.columns:
        return np.zeros(len(paragraphs), dtype=bool)
    return paragraphs["kind"].isin(INSERT_KINDS).to_numpy()


def _tone_colour(value: float) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or abs(value) < 0.05:
        return TONE_COLOURS["neutral"]
    return TONE_COLOURS["positive" if value > 0 else "negative"]


def _paragraph_axis(ax, paragraphs: pd.DataFrame) -> None:
    """Paragraphs down the y axis in reading order, numbered as in the tables."""
    numbers = paragraphs["paragraph"].tolist()
    kinds = paragraphs["kind"].tolist() if "kind" in paragraphs.columns else [""] * len(numbers)
    ax.set_yticks(numbers)
    ax.set_yticklabels([f"{n} {k}" if k in INSERT_KINDS or k == "headline" else str(n)
                        for n, k in zip(numbers, kinds)])
    if numbers:
        ax.set_ylim(max(numbers) + 0.6, min(numbers) - 0.6)
    ax.set_ylabel("Paragraph (as numbered in the tables)")


def _insert_bands(ax, paragraphs: pd.DataFrame, inserts) -> None:
    """A light hatched band behind insert paragraphs, visible even when the bar is empty."""
    for y in paragraphs["paragraph"].to_numpy(dtype=float)[inserts]:
        ax.axhspan(y - 0.45, y + 0.45, facecolor="#F2F2F2", edgecolor="#DDDDDD",
                   hatch=INSERT_HATCH, linewidth=0, zorder=0)


def _insert_style(bars, inserts) -> None:
    """Insert bars keep their colour (an ad's loaded words still show) and are hatched."""
    for bar, insert in zip(bars, inserts):
        if insert:
            bar.set_hatch(INSERT_HATCH)
            bar.set_edgecolor(_EDGE)


def _text_width_px(text_artist, renderer) -> float:
    if renderer is not None:
        try:
            return text_artist.get_window_extent(renderer).width
        except Exception:  # pragma: no cover - a backend without text metrics
            pass
    size = text_artist.get_fontsize() * text_artist.figure.dpi / 72.0
    return 0.6 * size * len(text_artist.get_text())


def _renderer(fig):
    get = getattr(fig.canvas, "get_renderer", None)
    if get is None:
        return None
    try:
        return get()
    except Exception:  # pragma: no cover
        return None


def _fit_right_labels(ax, labels: list, *, room: float = 0.85) -> None:
    """Widen the x limit so that text written to the right of bars stays inside the Axes.

    Labels that would need more than 60 % of the Axes width are shortened term by term.
    """
    if not labels:
        return
    fig = ax.figure
    try:  # let a layout engine size the Axes first, so the measurement holds
        fig.draw_without_rendering()
    except Exception:  # pragma: no cover - an old matplotlib or an odd backend
        pass
    renderer = _renderer(fig)
    width_px = ax.get_window_extent(renderer).width or 1.0
    left, right = ax.get_xlim()
    needed = right
    for text, x0 in labels:
        frac = _text_width_px(text, renderer) / width_px
        while frac > 0.6 and ", " in text.get_text():
            text.set_text(text.get_text().rsplit(", ", 1)[0] + " ...")
            frac = _text_width_px(text, renderer) / width_px
            if text.get_text().count(",") == 0:
                break
        if frac > 0.6:
            text.set_text(text.get_text()[:24] + "...")
            frac = min(_text_width_px(text, renderer) / width_px, 0.6)
        needed = max(needed, left + (x0 - left) / (room - frac))
    ax.set_xlim(left, needed)


def _legend_outside(ax, handles, **kwargs) -> None:
    if handles:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                  frameon=False, fontsize=8, **kwargs)


def _refuse_ax(ax, name: str, instead: str) -> None:
    """Figure-level functions draw a whole figure: they refuse an ``ax``."""
    if ax is not None:
        raise TypeError(f"{name} draws a whole figure and takes no ax; "
                        f"use {instead} for a single Axes")


def _new_figure(figsize: tuple, kwargs: dict):
    """A constrained-layout Figure of ``figsize`` unless ``kwargs`` (for ``plt.figure``)
    say otherwise."""
    import matplotlib.pyplot as plt

    kwargs.setdefault("figsize", figsize)
    kwargs.setdefault("layout", "constrained")
    return plt.figure(**kwargs)


def _patch(**kwargs):
    from matplotlib.patches import Patch

    return Patch(**kwargs)


# --------------------------------------------------------------------------- one article

def plot_tone_arc(paragraphs: pd.DataFrame, *, column: str = "sentiment", voices: bool = True,
                  legend: bool = True, ax=None, **kwargs):
    """Tone per paragraph as diverging bars, in reading order from the top.

    When the table has ``sentiment_author`` and ``sentiment_quoted`` (and ``voices`` is
    true), each paragraph gets two bars: the author's own voice solid, the quoted voice
    hollow and dotted. Sponsored and boilerplate paragraphs are grey and hatched.

    Parameters
    ----------
    paragraphs : DataFrame
        ``Analysis.paragraphs``: needs ``paragraph`` and ``column``.
    column : str
        The tone column drawn when the voices are not told apart.
    voices : bool
        Tell the author's and the quoted voice apart when the columns exist.
    legend : bool
        Draw a legend to the right of the Axes.
    ax : Axes, optional
    **kwargs
        Passed to ``Axes.barh``.

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> table = pd.DataFrame({"paragraph": [0, 1], "sentiment": [0.4, -0.6]})
    >>> fig, ax = matplotlib.pyplot.subplots()
    >>> plot_tone_arc(table, ax=ax).get_xlabel()
    'Tone (-1 negative, 0 neutral, +1 positive)'
    """
    _require(paragraphs, ["paragraph", column], "plot_tone_arc")
    ax = _axes(ax)
    y = paragraphs["paragraph"].to_numpy(dtype=float)
    inserts = _inserts(paragraphs)
    split = _voices_split(paragraphs, voices)
    if split:
        author = paragraphs["sentiment_author"].to_numpy(dtype=float)
        quoted = paragraphs["sentiment_quoted"].to_numpy(dtype=float)
        bars = ax.barh(y - 0.2, np.nan_to_num(author), height=0.4,
                       color=[_tone_colour(v) for v in author], edgecolor=_EDGE,
                       linewidth=0.5, **kwargs)
        _insert_style(bars, inserts)
        has_quote = ~np.isnan(quoted)
        qbars = ax.barh(y[has_quote] + 0.2, quoted[has_quote], height=0.4, color="white",
                        edgecolor=[_tone_colour(v) for v in quoted[has_quote]],
                        hatch=QUOTE_HATCH, linewidth=1.2, **kwargs)
        _insert_style(qbars, inserts[has_quote])
    else:
        values = paragraphs[column].to_numpy(dtype=float)
        bars = ax.barh(y, np.nan_to_num(values), height=0.7,
                       color=[_tone_colour(v) for v in values], edgecolor=_EDGE,
                       linewidth=0.5, **kwargs)
        _insert_style(bars, inserts)
    if inserts.any():
        _insert_bands(ax, paragraphs, inserts)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel(_TONE_AXIS)
    _paragraph_axis(ax, paragraphs)
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)
    if legend:
        _legend_outside(ax, _tone_handles(split=split, inserts=bool(inserts.any())))
    return ax


def _voices_split(paragraphs: pd.DataFrame, voices: bool) -> bool:
    return bool(voices and {"sentiment_author", "sentiment_quoted"} <= set(paragraphs.columns)
                and paragraphs["sentiment_quoted"].notna().any())


def _tone_handles(*, split: bool, inserts: bool, wrap: bool = True) -> list:
    if split:
        handles = [_patch(facecolor=TONE_COLOURS["positive"], label="positive, author"),
                   _patch(facecolor=TONE_COLOURS["negative"], label="negative, author"),
                   _patch(facecolor="white", edgecolor=TONE_COLOURS["positive"],
                          hatch=QUOTE_HATCH, label="positive, quoted"),
                   _patch(facecolor="white", edgecolor=TONE_COLOURS["negative"],
                          hatch=QUOTE_HATCH, label="negative, quoted")]
    else:
        handles = [_patch(facecolor=TONE_COLOURS["positive"], label="positive"),
                   _patch(facecolor=TONE_COLOURS["negative"], label="negative")]
    handles.append(_patch(facecolor=TONE_COLOURS["neutral"], label="about neutral"))
    if inserts:
        handles.append(_patch(facecolor="#F2F2F2", hatch=INSERT_HATCH, edgecolor=_EDGE,
                              label="sponsored or\nboilerplate (hatched)" if wrap
                              else "sponsored or boilerplate (hatched)"))
    return handles


def plot_loaded_density(paragraphs: pd.DataFrame, *, n_terms: int = 3,
                        label_terms: bool = True, legend: bool = True, ax=None, **kwargs):
    """Loaded language per paragraph (weighted cues per 100 words), top terms on the bars.

    Parameters
    ----------
    paragraphs : DataFrame
        ``Analysis.paragraphs``: needs ``paragraph`` and ``loaded_density``; ``top_terms``
        is written beside each bar when present.
    n_terms : int
        How many of the top terms to write.
    label_terms : bool
        Write the terms at all.
    legend : bool
        Explain the hatched inserts to the right of the Axes, when there are any.
    ax : Axes, optional
    **kwargs
        Passed to ``Axes.barh``.

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> table = pd.DataFrame({"paragraph": [0, 1], "loaded_density": [0.0, 12.5],
    ...                       "top_terms": ["", "war, fight back"]})
    >>> fig, ax = matplotlib.pyplot.subplots()
    >>> [t.get_text() for t in plot_loaded_density(table, ax=ax).texts]
    ['war, fight back']
    """
    _require(paragraphs, ["paragraph", "loaded_density"], "plot_loaded_density")
    ax = _axes(ax)
    y = paragraphs["paragraph"].to_numpy(dtype=float)
    values = paragraphs["loaded_density"].fillna(0.0).to_numpy(dtype=float)
    inserts = _inserts(paragraphs)
    bars = ax.barh(y, values, height=0.7, color=LOADED_COLOUR, edgecolor=_EDGE, linewidth=0.5,
                   **kwargs)
    _insert_style(bars, inserts)
    if inserts.any():
        _insert_bands(ax, paragraphs, inserts)
    top = float(values.max()) if len(values) and values.max() > 0 else 1.0
    ax.set_xlim(0, top * 1.05)
    ax.set_xlabel("Loaded words per 100 words")
    _paragraph_axis(ax, paragraphs)
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)
    if legend and inserts.any():
        _legend_outside(ax, [_patch(facecolor=LOADED_COLOUR, label="article text"),
                             _patch(facecolor=LOADED_COLOUR, hatch=INSERT_HATCH,
                                    edgecolor=_EDGE, label="sponsored or\nboilerplate")])
    labels = []
    if label_terms and "top_terms" in paragraphs.columns:
        pad = top * 0.02
        for yy, value, terms in zip(y, values, paragraphs["top_terms"]):
            if isinstance(terms, (list, tuple)):
                terms = ", ".join(map(str, terms))
            if not isinstance(terms, str) or not terms.strip():
                continue
            short = ", ".join(t.strip() for t in terms.split(",")[:n_terms] if t.strip())
            text = ax.text(value + pad, yy, short, va="center", ha="left", fontsize=8,
                           color="#222222")
            labels.append((text, value + pad))
        _fit_right_labels(ax, labels)
    return ax


def plot_cue_heatmap(paragraphs: pd.DataFrame, *, categories=None, drop_empty: bool = True,
                     annotate: bool = True, colorbar: bool = True, ax=None, **kwargs):
    """How many cues of each category every paragraph has, as a heatmap.

    Parameters
    ----------
    paragraphs : DataFrame
        ``Analysis.paragraphs``: ``paragraph`` and one count column per category.
    categories : list of str, optional
        The category columns to show; by default every cue category in the table.
    drop_empty : bool
        Leave out categories with no match anywhere.
    annotate : bool
        Write the count in each non-empty cell.
    colorbar : bool
        Draw a colour bar beside the Axes.
    ax : Axes, optional
    **kwargs
        Passed to ``Axes.imshow`` (``cmap`` for example).

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> table = pd.DataFrame({"paragraph": [0, 1], "emotive": [0, 2], "hedge": [1, 0]})
    >>> fig, ax = matplotlib.pyplot.subplots()
    >>> [t.get_text() for t in plot_cue_heatmap(table, ax=ax).get_yticklabels()]
    ['emotive words', 'hedges']
    """
    from .cues import CUE_CATEGORIES

    _require(paragraphs, ["paragraph"], "plot_cue_heatmap")
    ax = _axes(ax)
    if categories is None:
        categories = [c for c in CUE_CATEGORIES if c in paragraphs.columns]
    _require(paragraphs, list(categories), "plot_cue_heatmap")
    counts = paragraphs[list(categories)].fillna(0).to_numpy(dtype=float).T
    if drop_empty and counts.size:
        keep = counts.sum(axis=1) > 0
        categories = [c for c, k in zip(categories, keep) if k]
        counts = counts[keep]
    numbers = paragraphs["paragraph"].tolist()
    kwargs.setdefault("cmap", "YlOrBr")
    if counts.size == 0:
        counts = np.zeros((1, max(len(numbers), 1)))
        categories = ["(no cues found)"]
    vmax = max(float(counts.max()), 1.0)
    image = ax.imshow(counts, aspect="auto", interpolation="nearest", vmin=0, vmax=vmax,
                      **kwargs)
    ax.set_xticks(range(len(numbers)))
    ax.set_xticklabels([str(n) for n in numbers])
    ax.set_yticks(range(len(categories)))
    ax.set_yticklabels([label_of(c) for c in categories])
    ax.set_xlabel("Paragraph (as numbered in the tables)")
    ax.set_ylabel("Cue category")
    if annotate:
        for row in range(counts.shape[0]):
            for col in range(counts.shape[1]):
                value = counts[row, col]
                if value:
                    ax.text(col, row, f"{value:g}", ha="center", va="center", fontsize=8,
                            color="white" if value > 0.6 * vmax else "black")
    inserts = _inserts(paragraphs)
    if inserts.any():
        from matplotlib.patches import Rectangle

        for col in np.flatnonzero(inserts):
            ax.add_patch(Rectangle((col - 0.5, -0.5), 1, counts.shape[0], fill=False,
                                   hatch=INSERT_HATCH, edgecolor="#888888", linewidth=0))
            ax.get_xticklabels()[col].set_fontweight("bold")
        ax.set_title("Hatched columns: sponsored or boilerplate paragraphs", fontsize=8,
                     loc="left")
    if colorbar:
        ax.figure.colorbar(image, ax=ax, label="Matches in the paragraph", shrink=0.9)
    return ax


def _terms_text(value, n: int = 3) -> str:
    if isinstance(value, (list, tuple, set)):
        items = [str(v) for v in value]
    elif isinstance(value, str):
        items = [t.strip() for t in value.split(",")]
    else:
        items = []
    items = [t for t in items if t]
    return ", ".join(items[:n])


def plot_entities(entities: pd.DataFrame, *, top: int = 12, name: str = "entity",
                  legend: bool = True, ax=None, **kwargs):
    """Who is portrayed how: each entity's tone, with its mentions and loaded terms.

    One row per entity, most mentioned first. The dot is the mean tone of the sentences
    that mention it, in the author's voice (filled) and in quotes (hollow diamond); its
    size grows with the mentions. The row label gives the mentions and the loaded words
    used near the entity.

    Parameters
    ----------
    entities : DataFrame
        ``Analysis.entities``: ``entity``, ``mentions`` and ``tone_author`` /
        ``tone_quoted`` (or a single ``tone``); ``loaded_terms`` when present.
    top : int
        How many entities to show.
    name : str
        The column holding the entity's name.
    legend : bool
    ax : Axes, optional
    **kwargs
        Passed to ``Axes.scatter`` for the author-voice dots.

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> table = pd.DataFrame({"entity": ["the Left", "Putin"], "mentions": [1, 3],
    ...                       "tone_author": [-0.6, 0.1], "tone_quoted": [None, 0.5],
    ...                       "loaded_terms": ["regrouping, plotting", ""]})
    >>> fig, ax = matplotlib.pyplot.subplots()
    >>> [t.get_text() for t in plot_entities(table, ax=ax).get_yticklabels()][0]
    'Putin (3 mentions)'
    """
    _require(entities, [name, "mentions"], "plot_entities")
    author_col = next((c for c in ("tone_author", "tone", "sentiment") if c in entities), None)
    if author_col is None:
        raise ValueError("plot_entities needs a tone column: tone_author, tone or sentiment")
    ax = _axes(ax)
    table = entities.sort_values(["mentions", name], ascending=[False, True]).head(top)
    table = table.reset_index(drop=True)
    y = np.arange(len(table), dtype=float)
    mentions = table["mentions"].to_numpy(dtype=float)
    sizes = 30 + 40 * np.sqrt(np.clip(mentions, 0, None))
    author = table[author_col].to_numpy(dtype=float)
    quoted = (table["tone_quoted"].to_numpy(dtype=float) if "tone_quoted" in table
              else np.full(len(table), np.nan))
    for yy, a, q in zip(y, author, quoted):
        if not (np.isnan(a) or np.isnan(q)):
            ax.plot([a, q], [yy, yy], color="#999999", linewidth=1, zorder=1)
    ok = ~np.isnan(author)
    ax.scatter(author[ok], y[ok], s=sizes[ok], c=[_tone_colour(v) for v in author[ok]],
               edgecolors=_EDGE, linewidths=0.6, zorder=3, **kwargs)
    okq = ~np.isnan(quoted)
    if okq.any():
        ax.scatter(quoted[okq], y[okq], s=sizes[okq], facecolors="white", marker="D",
                   edgecolors=[_tone_colour(v) for v in quoted[okq]], linewidths=1.5, zorder=3)
    labels = []
    for _, row in table.iterrows():
        count = int(row["mentions"])
        label = f"{row[name]} ({count} mention{'s' if count != 1 else ''})"
        terms = _terms_text(row["loaded_terms"]) if "loaded_terms" in table else ""
        labels.append(label + (f"\nloaded: {terms}" if terms else ""))
    ax.set_yticks(y)
    ax.set_yticklabels(labels, fontsize=8)
    if len(y):
        ax.set_ylim(len(y) - 0.5, -0.5)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("Tone of the sentences that mention it (-1 negative, +1 positive)")
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)
    if legend:
        from matplotlib.lines import Line2D

        handles = [Line2D([], [], marker="o", linestyle="", markerfacecolor="#777777",
                          markeredgecolor=_EDGE, label="author's voice")]
        if okq.any():
            handles.append(Line2D([], [], marker="D", linestyle="", markerfacecolor="white",
                                  markeredgecolor="#777777", markeredgewidth=1.5,
                                  label="quoted voice"))
        handles.append(Line2D([], [], linestyle="", label="bigger dot:\nmore mentions"))
        _legend_outside(ax, handles)
    return ax


# --------------------------------------------------------------------------- corpora

def _group_order(df: pd.DataFrame, by: str, column: str, order, top) -> list:
    groups = df.groupby(by, observed=True)[column]
    if order is None:
        names = groups.mean().sort_values(ascending=False).index.tolist()
    else:
        names = [g for g in order if g in groups.groups]
    return names[:top] if top else names


def plot_distribution(df: pd.DataFrame, *, by: str, column: str, order=None,
                      top: int | None = None, min_count: int = 1, ax=None, **kwargs):
    """The distribution of ``column`` for each value of ``by``, with sample sizes.

    A box spans the middle half of the rows, the diamond marks the mean with its 95 %
    interval, and each group's label gives its number of rows. Groups are sorted by their
    mean, highest first, unless ``order`` is given.

    Parameters
    ----------
    df : DataFrame
        One row per item (sentence, paragraph or article).
    by : str
        The grouping column: outlet, leaning, date, ...
    column : str
        The figure to compare: ``loaded_density``, ``sentiment``, ...
    order : list, optional
        The groups to show, top to bottom.
    top : int, optional
        Show only this many groups.
    min_count : int
        Leave out groups with fewer rows.
    ax : Axes, optional
    **kwargs
        Passed to ``Axes.boxplot``.

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> table = pd.DataFrame({"outlet": ["a", "a", "b"], "sentiment": [0.1, 0.3, -0.2]})
    >>> fig, ax = matplotlib.pyplot.subplots()
    >>> [t.get_text() for t in plot_distribution(table, by="outlet", column="sentiment",
    ...                                          ax=ax).get_yticklabels()]
    ['a (n=2)', 'b (n=1)']
    """
    _require(df, [by, column], "plot_distribution")
    ax = _axes(ax)
    data = df[[by, column]].dropna()
    sizes = data.groupby(by, observed=True)[column].size()
    data = data[data[by].isin(sizes[sizes >= min_count].index)]
    names = _group_order(data, by, column, order, top)
    values = [data.loc[data[by] == g, column].to_numpy(dtype=float) for g in names]
    y = np.arange(len(names), dtype=float)
    colour = TONE_COLOURS["positive"] if column.startswith("sentiment") else LOADED_COLOUR
    if names:
        kwargs.setdefault("showfliers", False)
        kwargs.setdefault("widths", 0.6)
        try:
            box = ax.boxplot(values, positions=y, orientation="horizontal", patch_artist=True,
                             medianprops={"color": "black"}, **kwargs)
        except TypeError:  # matplotlib before 3.10
            box = ax.boxplot(values, positions=y, vert=False, patch_artist=True,
                             medianprops={"color": "black"}, **kwargs)
        for patch in box["boxes"]:
            patch.set_facecolor(colour)
            patch.set_alpha(0.35)
        means = np.array([v.mean() for v in values])
        errors = np.array([1.96 * v.std(ddof=1) / math.sqrt(len(v)) if len(v) > 1 else 0.0
                           for v in values])
        ax.errorbar(means, y, xerr=errors, fmt="D", color=colour, markeredgecolor="black",
                    markersize=6, capsize=3, zorder=4)
    ax.set_yticks(y)
    ax.set_yticklabels([f"{g} (n={len(v)})" for g, v in zip(names, values)])
    if names:
        ax.set_ylim(len(names) - 0.5, -0.5)
    ax.set_xlabel(label_of(column).capitalize())
    ax.set_ylabel(label_of(by).capitalize())
    if column.startswith("sentiment"):
        ax.axvline(0, color="black", linewidth=0.8)
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)
    return ax


def figure_corpus(df: pd.DataFrame, *, by: str, columns=("loaded_density", "sentiment"),
                  order=None, top: int | None = None, min_count: int = 1,
                  title: str | None = None, ax=None, **kwargs):
    """Compare groups (outlets, leanings, dates) side by side, one panel per column.

    Parameters
    ----------
    df : DataFrame
        One row per item, with ``by`` and the ``columns``.
    by : str
        The grouping column.
    columns : sequence of str
        The figures to compare; columns missing from ``df`` are skipped.
    order, top, min_count
        As for :func:`plot_distribution`; the groups are ordered by the first column.
    title : str, optional
    ax : None
        Refused: this draws a whole figure.
    **kwargs
        Passed to ``matplotlib.pyplot.figure``.

    Returns
    -------
    Figure
    """
    _refuse_ax(ax, "figure_corpus", "plot_distribution")
    present = [c for c in columns if c in df.columns]
    if not present:
        raise ValueError(f"figure_corpus: none of the columns {list(columns)} is in the table")
    _require(df, [by], "figure_corpus")
    data = df.dropna(subset=[by, present[0]])
    sizes = data.groupby(by, observed=True)[present[0]].size()
    data = data[data[by].isin(sizes[sizes >= min_count].index)]
    names = _group_order(data, by, present[0], order, top)
    fig = _new_figure((4.2 * len(present) + 2.2, 0.38 * max(len(names), 3) + 1.6), kwargs)
    axes = fig.subplots(1, len(present), sharey=True, squeeze=False)[0]
    for i, (column, panel) in enumerate(zip(present, axes)):
        plot_distribution(data, by=by, column=column, order=names, ax=panel)
        if i:
            panel.set_ylabel("")
            panel.tick_params(axis="y", labelleft=False)
    from matplotlib.lines import Line2D

    fig.legend(handles=[_patch(facecolor="#DDDDDD", edgecolor=_EDGE, label="middle half of the rows"),
                        Line2D([], [], color="black", label="median"),
                        Line2D([], [], marker="D", color="#555555", markeredgecolor="black",
                               label="mean with its 95 % interval")],
               loc="outside lower center", ncol=3, frameon=False, fontsize=8)
    if title:
        fig.suptitle(title, fontsize=11)
    return fig


# --------------------------------------------------------------------------- validation

def plot_calibration(df: pd.DataFrame, *, probability: str = "bias_probability",
                     label: str = "label", bins: int = 10, strategy: str = "quantile",
                     name: str = "toolkit", ylabel: str = "Share labelled positive by people",
                     ax=None, **kwargs):
    """Calibration curve: the share of truly positive items in each band of predicted
    probability, against the diagonal of a perfectly calibrated model. Grey bars at the
    bottom show how many items fall in each band.

    Parameters
    ----------
    df : DataFrame
        One row per item with a predicted ``probability`` and a 0/1 ``label``.
    bins : int
    strategy : {"quantile", "uniform"}
        How the bands are cut (see ``sklearn.calibration.calibration_curve``).
    name : str
        The curve's name in the legend.
    ylabel : str
        What a positive label means, in plain words.
    ax : Axes, optional
    **kwargs
        Passed to ``Axes.plot`` for the curve; calling it again on the same Axes with
        another ``name`` compares two models.

    Returns
    -------
    Axes
    """
    from sklearn.calibration import calibration_curve

    _require(df, [probability, label], "plot_calibration")
    ax = _axes(ax)
    data = df[[probability, label]].dropna()
    y_true = data[label].astype(int).to_numpy()
    y_prob = data[probability].astype(float).clip(0, 1).to_numpy()
    first = not any(line.get_label() == "perfectly calibrated" for line in ax.get_lines())
    if first:
        ax.hist(y_prob, bins=np.linspace(0, 1, 21),
                weights=np.full(len(y_prob), 2.5 / max(len(y_prob), 1)), color="#DDDDDD",
                edgecolor="#AAAAAA", linewidth=0.5, label="spread of the predictions")
        ax.plot([0, 1], [0, 1], linestyle="--", color="#777777", linewidth=1,
                label="perfectly calibrated")
    if len(np.unique(y_true)) > 1:
        observed, predicted = calibration_curve(y_true, y_prob, n_bins=bins, strategy=strategy)
        kwargs.setdefault("color", PROBABILITY_COLOUR)
        kwargs.setdefault("marker", "o")
        ax.plot(predicted, observed, label=f"{name} (n={len(y_true)})", **kwargs)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xlabel(f"Predicted {label_of(probability)}")
    ax.set_ylabel(ylabel)
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    return ax


def plot_predicted_vs_human(df: pd.DataFrame, *, predicted: str = "sentiment",
                            human: str = "score", bins: int = 10,
                            xlabel: str | None = None, ylabel: str | None = None,
                            ax=None, **kwargs):
    """Scatter of the toolkit's score against people's, with the mean per band of the human
    score and Pearson's r.

    Parameters
    ----------
    df : DataFrame
        One row per item with the ``predicted`` and the ``human`` score.
    bins : int
        Bands of the human score for the line of means.
    xlabel, ylabel : str, optional
        Axis labels in place of the defaults.
    ax : Axes, optional
    **kwargs
        Passed to ``Axes.scatter``.

    Returns
    -------
    Axes
    """
    _require(df, [predicted, human], "plot_predicted_vs_human")
    ax = _axes(ax)
    data = df[[predicted, human]].dropna().astype(float)
    kwargs.setdefault("s", 8)
    kwargs.setdefault("alpha", 0.25)
    kwargs.setdefault("color", TONE_COLOURS["positive"])
    ax.scatter(data[human], data[predicted], linewidths=0, **kwargs)
    if len(data) > 2:
        bands = pd.cut(data[human], bins=bins)
        means = data.groupby(bands, observed=True).agg(x=(human, "mean"), y=(predicted, "mean"))
        ax.plot(means["x"], means["y"], color="black", marker="o", markersize=4,
                linewidth=1.5, label="mean in each band")
        r = float(np.corrcoef(data[human], data[predicted])[0, 1])
        ax.text(0.02, 0.98, f"Pearson r = {r:.3f}\nn = {len(data)}", transform=ax.transAxes,
                va="top", ha="left", fontsize=9,
                bbox={"facecolor": "white", "edgecolor": "#CCCCCC", "boxstyle": "round"})
        ax.legend(loc="lower right", fontsize=8, frameon=False)
    ax.set_xlabel(f"Human rating ({human})" if xlabel is None else xlabel)
    ax.set_ylabel(f"Toolkit {label_of(predicted)}" if ylabel is None else ylabel)
    ax.grid(color="#EEEEEE", linewidth=0.6)
    ax.set_axisbelow(True)
    return ax


# --------------------------------------------------------------------------- figures

def figure_overview(paragraphs: pd.DataFrame, *, title: str | None = None, ax=None,
                    **kwargs):
    """Tone and loaded language per paragraph, side by side in reading order.

    Parameters
    ----------
    paragraphs : DataFrame
        ``Analysis.paragraphs``.
    title : str, optional
    ax : None
        Refused: this draws a whole figure.
    **kwargs
        Passed to ``matplotlib.pyplot.figure``.

    Returns
    -------
    Figure
    """
    _refuse_ax(ax, "figure_overview", "plot_tone_arc or plot_loaded_density")
    fig = _new_figure((12.5, 0.34 * max(len(paragraphs), 1) + 2.2), kwargs)
    left, right = fig.subplots(1, 2, sharey=True, gridspec_kw={"width_ratios": [1, 1.25]})
    plot_tone_arc(paragraphs, ax=left, legend=False)
    left.set_title("Tone per paragraph", fontsize=10, loc="left")
    handles = _tone_handles(split=_voices_split(paragraphs, True),
                            inserts=bool(_inserts(paragraphs).any()), wrap=False)
    fig.legend(handles=handles, loc="outside lower center", ncol=min(len(handles), 6),
               frameon=False, fontsize=8)
    plot_loaded_density(paragraphs, ax=right, legend=False)
    right.set_ylabel("")
    right.tick_params(axis="y", labelleft=True)
    right.set_title("Loaded language per paragraph, with its most frequent terms", fontsize=10,
                    loc="left")
    if title:
        fig.suptitle(title if len(title) < 100 else title[:97] + "...", fontsize=11)
    return fig


def plot_overview(paragraphs: pd.DataFrame, *, title: str | None = None, **kwargs):
    """Old name of :func:`figure_overview`; returns the Figure."""
    return figure_overview(paragraphs, title=title, **kwargs)

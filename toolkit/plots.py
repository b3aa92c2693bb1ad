"""Charts of the analysis tables. Each function draws on ``ax=`` (or the current Axes),
passes ``**kwargs`` to matplotlib and returns the Axes; multi-panel functions return the
Figure. Nothing here calls ``plt.show()`` or saves a file.
"""
from __future__ import annotations

import pandas as pd

__all__ = ["PALETTE", "plot_tone_arc", "plot_loaded_density", "plot_overview"]

#: Okabe-Ito colours, safe for colour-blind readers, one meaning each across every chart.
PALETTE = {
    "positive": "#0072B2", "negative": "#D55E00", "neutral": "#999999",
    "loaded": "#CC79A7", "insert": "#BBBBBB",
}
_INSERT_KINDS = ("sponsored", "boilerplate")


def _axes(ax):
    import matplotlib.pyplot as plt

    return plt.gca() if ax is None else ax


def _is_insert(paragraphs: pd.DataFrame) -> pd.Series:
    if "kind" not in paragraphs:
        return pd.Series(False, index=paragraphs.index)
    return paragraphs["kind"].isin(_INSERT_KINDS)


def plot_tone_arc(paragraphs: pd.DataFrame, *, column: str = "sentiment", ax=None, **kwargs):
    """Sentiment per paragraph as diverging bars; inserts are hatched and grey.

    Parameters
    ----------
    paragraphs : DataFrame
        ``Analysis.paragraphs`` (needs ``paragraph`` and ``column``).
    column : str
        The tone column to draw.
    """
    ax = _axes(ax)
    values = paragraphs[column].fillna(0.0)
    inserts = _is_insert(paragraphs)
    colours = [PALETTE["insert"] if ins else PALETTE["positive" if v >= 0 else "negative"]
               for v, ins in zip(values, inserts)]
    bars = ax.bar(paragraphs["paragraph"], values, color=colours, **kwargs)
    for bar, ins in zip(bars, inserts):
        if ins:
            bar.set_hatch("//")
            bar.set_edgecolor("#555555")
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_ylim(-1, 1)
    ax.set_xlabel("Paragraph")
    ax.set_ylabel("Tone (negative to positive)")
    ax.set_xticks(list(paragraphs["paragraph"]))
    return ax


def plot_loaded_density(paragraphs: pd.DataFrame, *, ax=None, label_terms: bool = True,
                        **kwargs):
    """Loaded-language density per paragraph, with the top terms written on the bars."""
    ax = _axes(ax)
    inserts = _is_insert(paragraphs)
    colours = [PALETTE["insert"] if ins else PALETTE["loaded"] for ins in inserts]
    bars = ax.bar(paragraphs["paragraph"], paragraphs["loaded_density"], color=colours, **kwargs)
    for bar, ins in zip(bars, inserts):
        if ins:
            bar.set_hatch("//")
            bar.set_edgecolor("#555555")
    top = float(paragraphs["loaded_density"].max() or 1.0)
    if label_terms and "top_terms" in paragraphs:
        for bar, terms in zip(bars, paragraphs["top_terms"].fillna("")):
            if terms:
                short = ", ".join(terms.split(", ")[:3])
                ax.text(bar.get_x() + bar.get_width() / 2, bar.get_height() + top * 0.02, short,
                        rotation=90, ha="center", va="bottom", fontsize=7)
    ax.set_ylim(0, top * 1.9)
    ax.set_xlabel("Paragraph")
    ax.set_ylabel("Loaded words per 100 words")
    ax.set_xticks(list(paragraphs["paragraph"]))
    return ax


def plot_overview(paragraphs: pd.DataFrame, *, title: str | None = None, **kwargs):
    """Tone and loaded language per paragraph, stacked; returns the Figure."""
    import matplotlib.pyplot as plt

    n = max(len(paragraphs), 1)
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(max(6.0, 0.45 * n + 2), 6.5), sharex=True,
                                      constrained_layout=True, **kwargs)
    plot_tone_arc(paragraphs, ax=top)
    top.set_xlabel("")
    top.set_title("Tone per paragraph (grey hatched: sponsored or boilerplate)", fontsize=10)
    plot_loaded_density(paragraphs, ax=bottom)
    bottom.set_title("Loaded language per paragraph, with its most frequent terms", fontsize=10)
    if title:
        fig.suptitle(title if len(title) < 90 else title[:87] + "...", fontsize=11)
    return fig

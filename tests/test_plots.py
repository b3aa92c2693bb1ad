"""Charts: each plot on its own Axes, figure functions refuse ax, labels stay inside."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from toolkit import plots  # noqa: E402
from toolkit.palette import TONE_COLOURS  # noqa: E402


def _paragraphs(**extra) -> pd.DataFrame:
    table = pd.DataFrame({
        "paragraph": [0, 1, 2, 3],
        "kind": ["headline", "body", "sponsored", "body"],
        "sentiment": [0.4, -0.3, -0.5, 0.0],
        "loaded_density": [0.0, 3.0, 12.0, 1.0],
        "top_terms": ["", "invasion", "war to be fought, the left, regrouping, plotting", "x"],
        "emotive": [0, 1, 3, 0], "hedge": [0, 0, 0, 1], "conflict": [0, 0, 2, 0],
    })
    for name, values in extra.items():
        table[name] = values
    return table


def _own_axes():
    fig, ax = plt.subplots(figsize=(6, 4), layout="constrained")
    return fig, ax


@pytest.mark.parametrize("draw", [
    lambda df, ax: plots.plot_tone_arc(df, ax=ax),
    lambda df, ax: plots.plot_loaded_density(df, ax=ax),
    lambda df, ax: plots.plot_cue_heatmap(df, ax=ax),
])
def test_plots_paragraph_charts_draw_on_the_given_axes(draw):
    fig, ax = _own_axes()
    other = plt.figure().add_subplot()  # the current Axes is elsewhere
    returned = draw(_paragraphs(), ax)
    assert returned is ax
    assert ax.get_xlabel() and ax.get_ylabel()
    assert not other.has_data()


def test_plots_tone_arc_tells_voices_apart_and_marks_inserts():
    fig, ax = _own_axes()
    df = _paragraphs(sentiment_author=[0.4, -0.3, -0.5, 0.1],
                     sentiment_quoted=[np.nan, 0.6, np.nan, np.nan])
    plots.plot_tone_arc(df, ax=ax)
    author, quoted = ax.containers  # one BarContainer per voice
    assert len(author) == 4 and len(quoted) == 1
    assert quoted[0].get_hatch() == plots.QUOTE_HATCH
    assert quoted[0].get_width() == pytest.approx(0.6)
    hatched = [b for b in author if b.get_hatch() == plots.INSERT_HATCH]
    assert len(hatched) == 1  # the sponsored paragraph, still coloured by its tone
    assert matplotlib.colors.to_hex(hatched[0].get_facecolor()).upper() == TONE_COLOURS["negative"]
    bands = [p for p in ax.patches if p not in author and p not in quoted]
    assert len(bands) == 1 and bands[0].get_hatch() == plots.INSERT_HATCH
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "positive, quoted" in labels and any("sponsored" in t for t in labels)


def test_plots_tone_arc_single_voice_colours_by_sign():
    fig, ax = _own_axes()
    plots.plot_tone_arc(_paragraphs(), ax=ax)
    first, second = ax.containers[0][:2]
    assert matplotlib.colors.to_hex(first.get_facecolor()).upper() == TONE_COLOURS["positive"]
    assert matplotlib.colors.to_hex(second.get_facecolor()).upper() == TONE_COLOURS["negative"]
    assert [t.get_text() for t in ax.get_yticklabels()][:3] == ["0 headline", "1", "2 sponsored"]


def test_plots_tone_arc_passes_kwargs_to_matplotlib():
    fig, ax = _own_axes()
    plots.plot_tone_arc(_paragraphs(), ax=ax, alpha=0.5)
    assert ax.containers[0][0].get_alpha() == 0.5


@pytest.mark.parametrize("width", [4.5, 6.0, 10.0])
def test_plots_loaded_density_terms_stay_inside_the_axes(width):
    fig, ax = plt.subplots(figsize=(width, 3), layout="constrained")
    plots.plot_loaded_density(_paragraphs(), ax=ax)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    box = ax.get_window_extent(renderer)
    assert ax.texts, "the top terms are written on the bars"
    for text in ax.texts:
        extent = text.get_window_extent(renderer)
        assert extent.x0 >= box.x0 - 1 and extent.x1 <= box.x1 + 1, text.get_text()
        assert text.get_rotation() == 0


def test_plots_cue_heatmap_labels_in_plain_words_and_drops_empty():
    fig, ax = _own_axes()
    plots.plot_cue_heatmap(_paragraphs(), ax=ax)
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "emotive words", "hedges", "conflict, war metaphor"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["0", "1", "2", "3"]
    assert {t.get_text() for t in ax.texts} == {"1", "3", "2"}


def test_plots_entities_shows_mentions_tone_and_loaded_terms():
    entities = pd.DataFrame({
        "entity": ["the Left", "Belousov", "Putin"], "mentions": [1, 5, 3],
        "tone_author": [-0.6, 0.1, 0.0], "tone_quoted": [np.nan, 0.5, 0.3],
        "loaded_terms": [["regrouping", "plotting"], [], "invaded"]})
    fig, ax = _own_axes()
    assert plots.plot_entities(entities, ax=ax) is ax
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "Belousov (5 mentions)"
    assert labels[2] == "the Left (1 mention)\nloaded: regrouping, plotting"
    assert len(ax.collections) == 2  # author dots and quoted diamonds


def test_plots_entities_needs_a_tone_column():
    with pytest.raises(ValueError, match="tone"):
        plots.plot_entities(pd.DataFrame({"entity": ["a"], "mentions": [1]}))


def test_plots_distribution_shows_sample_sizes_sorted_by_mean():
    df = pd.DataFrame({"outlet": ["a"] * 3 + ["b"] * 2 + ["c"],
                       "loaded_density": [1.0, 2.0, 3.0, 9.0, 7.0, 0.0]})
    fig, ax = _own_axes()
    plots.plot_distribution(df, by="outlet", column="loaded_density", ax=ax, min_count=2)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["b (n=2)", "a (n=3)"]
    assert ax.get_xlabel() == "Loaded words per 100 words"


@pytest.mark.parametrize("function", [plots.figure_overview, plots.figure_corpus])
def test_plots_figure_functions_refuse_ax(function):
    fig, ax = _own_axes()
    with pytest.raises(TypeError, match="no ax"):
        function(_paragraphs(), ax=ax, **({"by": "kind"} if function is plots.figure_corpus
                                         else {}))


def test_plots_figure_overview_returns_a_figure_with_two_panels():
    fig = plots.figure_overview(_paragraphs(), title="A title")
    assert isinstance(fig, matplotlib.figure.Figure)
    assert len(fig.axes) == 2
    assert fig.axes[0].get_title(loc="left") == "Tone per paragraph"


def test_plots_figure_corpus_one_panel_per_present_column():
    df = pd.DataFrame({"type": ["left", "right", "left", "center"],
                       "loaded_density": [1.0, 2.0, 0.0, 3.0], "sentiment": [0.1, -0.2, 0, 0.3]})
    fig = plots.figure_corpus(df, by="type", columns=("loaded_density", "sentiment", "absent"))
    assert len(fig.axes) == 2
    assert "left (n=2)" in [t.get_text() for t in fig.axes[0].get_yticklabels()]


def test_plots_calibration_curve_and_diagonal():
    rng = np.random.default_rng(0)
    prob = rng.uniform(size=400)
    df = pd.DataFrame({"bias_probability": prob, "label": (rng.uniform(size=400) < prob)})
    fig, ax = _own_axes()
    plots.plot_calibration(df, ax=ax, bins=5)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "perfectly calibrated" in labels and "toolkit (n=400)" in labels
    curve = ax.get_lines()[-1]
    # a calibrated model's curve stays near the diagonal
    assert np.abs(curve.get_xdata() - curve.get_ydata()).max() < 0.2


def test_plots_predicted_vs_human_reports_pearson_r():
    df = pd.DataFrame({"score": [-2.0, -1.0, 0.0, 1.0, 2.0],
                       "sentiment": [-0.8, -0.3, 0.1, 0.2, 0.9]})
    fig, ax = _own_axes()
    plots.plot_predicted_vs_human(df, ax=ax, bins=2)
    r = np.corrcoef(df["score"], df["sentiment"])[0, 1]
    assert f"Pearson r = {r:.3f}" in ax.texts[0].get_text()


@pytest.mark.parametrize("function, columns", [
    (plots.plot_tone_arc, ["paragraph", "sentiment"]),
    (plots.plot_loaded_density, ["paragraph", "loaded_density"]),
])
def test_plots_missing_column_is_named(function, columns):
    with pytest.raises(ValueError, match=columns[1]):
        function(pd.DataFrame({"paragraph": [0]}))


def test_plots_real_analysis_draws(sample_analysis):
    fig = plots.figure_overview(sample_analysis.paragraphs)
    fig.canvas.draw()
    tone, density = fig.axes
    assert len(tone.containers[0]) == len(sample_analysis.paragraphs)
    assert density.texts

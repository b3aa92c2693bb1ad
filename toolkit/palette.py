"""The one place that decides colours and plain-word names, for every chart and page.

Charts (:mod:`toolkit.plots`), the highlighted view (:mod:`toolkit.display`) and the report
(:mod:`toolkit.report`) all take their colours from here, so a category has one colour
everywhere. The colours come from Paul Tol's colour-blind-safe qualitative schemes and the
Okabe-Ito palette; tone is always blue for positive and vermillion for negative.

Everything here is a plain constant; pass a mapping of your own to a plot or to
:func:`~toolkit.display.highlight` to change it.
"""
from __future__ import annotations

__all__ = ["TONE_COLOURS", "CATEGORY_COLOURS", "CATEGORY_LABELS", "INSERT_COLOUR",
           "INSERT_HATCH", "INSERT_EVIDENCE_COLOUR", "QUOTE_HATCH", "LOADED_COLOUR", "PROBABILITY_COLOUR",
           "colour_of", "label_of", "is_insert_kind", "INSERT_KINDS"]

#: Tone: positive, negative and neutral (Okabe-Ito blue, vermillion and grey).
TONE_COLOURS = {"positive": "#0072B2", "negative": "#D55E00", "neutral": "#999999"}

#: Sponsored and boilerplate paragraphs: grey, hatched in charts, boxed in pages.
INSERT_COLOUR = "#BBBBBB"
INSERT_HATCH = "///"
INSERT_KINDS = ("sponsored", "boilerplate")

#: Evidence that a paragraph is an insert (categories ``insert_*``): a dashed outline.
INSERT_EVIDENCE_COLOUR = "#444444"

#: Quoted voice is drawn hollow with this hatch; author voice is drawn solid.
QUOTE_HATCH = "...."

#: Loaded language as a whole (density bars, corpus charts).
LOADED_COLOUR = "#AA4499"

#: A model's probability (bias probability, calibration curves).
PROBABILITY_COLOUR = "#332288"

#: One colour per evidence category.
CATEGORY_COLOURS = {
    # loaded language
    "emotive": "#CC6677",
    "label": "#882255",
    "report_verb": "#DDCC77",
    "absolute": "#999933",
    "fear": "#AA4499",
    "conflict": "#E69F00",
    "urgency": "#F0E442",
    "call_to_action": "#332288",
    "us_them": "#117733",
    "flag_waving": "#44AA99",
    # other cues
    "booster": "#88CCEE",
    "hedge": "#6699CC",
    "factive": "#004488",
    # the author's own quotation marks (toolkit.scare_quotes)
    "scare_quote": "#C8B88A",  # a khaki grey: not the inserts' grey (INSERT_COLOUR)
    # tone words and subjectivity
    "tone_positive": TONE_COLOURS["positive"],
    "tone_negative": TONE_COLOURS["negative"],
    "subjective": "#777777",
}

#: Plain-word names for categories and columns, used on axes, legends and tooltips.
CATEGORY_LABELS = {
    "emotive": "emotive words",
    "label": "labels, name-calling",
    "report_verb": "loaded report verbs",
    "absolute": "absolutes, exaggeration",
    "fear": "fear and threat",
    "conflict": "conflict, war metaphor",
    "urgency": "urgency",
    "call_to_action": "calls to action",
    "us_them": "us versus them",
    "flag_waving": "flag-waving",
    "booster": "boosters",
    "hedge": "hedges",
    "factive": "factive verbs",
    "scare_quote": "scare quotes, titles (author's quotation marks)",
    "tone_positive": "positive tone word",
    "tone_negative": "negative tone word",
    "subjective": "subjective word",
    "sentiment": "tone",
    "sentiment_author": "tone, author's voice",
    "sentiment_quoted": "tone, quoted voice",
    "loaded_density": "loaded words per 100 words",
    "bias_probability": "bias probability",
    "subjectivity": "subjectivity",
}

# Colours for categories nobody listed above, handed out in order of first use.
_SPARE = ("#BBCCEE", "#CCEEFF", "#CCDDAA", "#EEEEBB", "#FFCCCC", "#DDDDDD", "#225555",
          "#663333")


def colour_of(category: str, colours: dict | None = None) -> str:
    """The colour for ``category``: from ``colours`` (default :data:`CATEGORY_COLOURS`),
    or a stable spare colour for a category the mapping does not know.

    Examples
    --------
    >>> colour_of("emotive")
    '#CC6677'
    >>> colour_of("something new") == colour_of("something new")
    True
    """
    table = CATEGORY_COLOURS if colours is None else colours
    if category in table:
        return table[category]
    if str(category).startswith("insert_"):
        return INSERT_EVIDENCE_COLOUR
    # A stable choice that does not depend on the order categories are met in.
    return _SPARE[sum(map(ord, str(category))) % len(_SPARE)]


def label_of(name: str) -> str:
    """The plain-word name of a category or column.

    Examples
    --------
    >>> label_of("us_them")
    'us versus them'
    >>> label_of("new_thing")
    'new thing'
    >>> label_of("insert_marker")
    'insert cue: marker'
    """
    if name in CATEGORY_LABELS:
        return CATEGORY_LABELS[name]
    if str(name).startswith("insert_"):
        return "insert cue: " + str(name)[len("insert_"):].replace("_", " ")
    return str(name).replace("_", " ")


def is_insert_kind(kind) -> bool:
    """True for paragraph kinds that are not the article's own journalism."""
    return kind in INSERT_KINDS

"""The learned weighting of the insert detector's evidence.

:mod:`toolkit.inserts` measures each paragraph with its rules (markers, calls to action,
prices, appeal vocabularies, topical distance, the signs of reporting ...), each rule giving
points on a fixed scale (:data:`toolkit.inserts.INSERT_WEIGHTS`). An :class:`InsertModel`
weighs those measurements: a logistic regression whose decision value,
``intercept + sum(coef[f] * x[f])``, is the paragraph's insert score. The shipped model,
``models/insert_model.json`` (MIT, see ``models/LICENSE-insert_model.md``), was fitted by
``benchmarks/train_inserts.py`` on the promotional block pools written for this project
pasted into pseudo-articles regrouped from the VADER NYT editorial sentences.

An :class:`InsertModel` may also carry word weights for the ``promotional_wording`` rule (in
place of ``models/insert_words.tsv``): that is how the leave-one-pool-out check scores a pool
with a word model that never saw it; and term weights for the ``promotional_text`` rule (in
place of ``models/insert_text_model.tsv``), for the same reason.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .model_files import JsonModelFile, check_format

__all__ = ["INSERT_FEATURES", "InsertModel", "load_insert_model"]

MODEL_FILE = "insert_model.json"  # in toolkit/models/, with LICENSE-insert_model.md
_FORMAT = "toolkit.insert_model/1"

#: The measurements an insert model weighs: the points of each rule (on the scale of
#: :data:`toolkit.inserts.INSERT_WEIGHTS`) and three plain measurements of the paragraph.
INSERT_FEATURES = (
    "marker", "after_sponsor_line", "sponsor_credit", "newsroom_disclaimer",
    "labelled_headline", "call_to_action", "link_prompt", "imperative", "reader_question",
    "disclaimer", "second_person", "we_and_you", "price", "sales_words", "vocabulary",
    "promotional_wording", "teaser_sentence", "newsroom_appeal", "urgency", "clickbait",
    "link_list", "headline_run", "lone_headline", "off_topic", "on_topic", "reporting",
    "first_person", "dilution", "length", "reader_voice", "block",
    # the article's own words and names, and the word-pair text model (toolkit.insert_topic,
    # toolkit.insert_text_model)
    "promotional_text", "unshared_words", "shared_names",
    # offer shapes: product and campaign copy, a brand's own voice, page-layout lines
    "product_copy", "campaign_copy", "brand_voice", "page_furniture",
    # a yes/no question off the article's topic (a poll's or a petition's opener)
    "poll_question",
    # elections or office, off the article's topic, naming none of its people
    "civic_appeal",
    # measurements
    "similarity", "word_probability", "log_words",
)

#: Readable names of the plain measurements, for the reason text.
MEASUREMENTS = {"similarity": "TF-IDF similarity to the article",
                "word_probability": "word-model probability",
                "log_words": "length (log words)"}


@dataclass(frozen=True)
class InsertModel(JsonModelFile):
    """A linear weighting of the insert measurements.

    Attributes
    ----------
    coef : mapping of str to float
        Weight per feature of :data:`INSERT_FEATURES` (missing features weigh 0).
    intercept : float
        The decision value of a paragraph with no evidence at all.
    words : tuple (intercept, mapping) or None
        Word weights for the ``promotional_wording`` rule, or None for the shipped
        ``models/insert_words.tsv``.
    info : mapping
        Free-form notes on how the model was fitted (pools, C, sizes).
    text : tuple (intercept, mapping) or None
        Term weights for the ``promotional_text`` rule, or None for the shipped
        ``models/insert_text_model.tsv`` (:mod:`toolkit.insert_text_model`).

    Examples
    --------
    >>> m = InsertModel({"marker": 1.0, "reporting": 0.5}, -2.0)
    >>> m.decision({"marker": 6.0, "reporting": -1.5})
    3.25
    >>> [(f, round(c, 2)) for f, c in m.contributions({"marker": 6.0, "reporting": -1.5})]
    [('marker', 6.0), ('reporting', -0.75)]
    """

    coef: Mapping[str, float]
    intercept: float
    words: tuple[float, Mapping[str, float]] | None = None
    info: Mapping[str, object] = field(default_factory=dict)
    text: tuple[float, Mapping[str, float]] | None = None

    def decision(self, features: Mapping[str, float]) -> float:
        """``intercept + sum(coef[f] * x[f])`` over the features given."""
        coef = self.coef
        return self.intercept + sum(coef.get(f, 0.0) * x for f, x in features.items() if x)

    def contributions(self, features: Mapping[str, float]) -> list[tuple[str, float]]:
        """Each non-zero feature's share of the decision value, largest first."""
        parts = [(f, self.coef.get(f, 0.0) * x) for f, x in features.items() if x]
        return sorted((p for p in parts if p[1]), key=lambda p: -p[1])

    def probability(self, features: Mapping[str, float]) -> float:
        """The logistic function of :meth:`decision`."""
        z = self.decision(features)
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def to_json(self) -> dict:
        data = {"format": _FORMAT, "intercept": round(self.intercept, 6),
                "coef": {f: round(c, 6) for f, c in sorted(self.coef.items())},
                "info": dict(self.info)}
        if self.words is not None:
            data["words"] = {"intercept": self.words[0], "weights": dict(self.words[1])}
        if self.text is not None:
            data["text"] = {"intercept": self.text[0], "weights": dict(self.text[1])}
        return data

    @classmethod
    def from_json(cls, data: dict) -> InsertModel:
        check_format(data, _FORMAT, "an insert model")
        unknown = set(data["coef"]) - set(INSERT_FEATURES)
        if unknown:
            raise ValueError(f"insert model names unknown features: {sorted(unknown)}")
        words, text = data.get("words"), data.get("text")
        return cls({f: float(c) for f, c in data["coef"].items()}, float(data["intercept"]),
                   (float(words["intercept"]), dict(words["weights"])) if words else None,
                   data.get("info", {}),
                   (float(text["intercept"]), dict(text["weights"])) if text else None)


@lru_cache(maxsize=1)
def _bundled() -> InsertModel:
    import json
    from importlib.resources import files

    text = files(__package__).joinpath("models", MODEL_FILE).read_text(encoding="utf-8")
    return InsertModel.from_json(json.loads(text))


def load_insert_model(path: str | Path | None = None) -> InsertModel:
    """The shipped model (read once, cached) or the one saved at ``path``."""
    return _bundled() if path is None else InsertModel.load(path)

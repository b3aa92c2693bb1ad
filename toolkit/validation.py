"""Validation: the toolkit's scores against human-annotated datasets.

:func:`validate` reads ``DIR/<dataset>/<split>.csv`` (the layout of the project's
development data, see ``../shared/data/README.md``) and returns one dict of figures per
dataset, computed as follows so that they compare with the published ones:

``babe``
    :func:`~toolkit.analysis.score_sentences` on each sentence; a sentence counts as biased
    when ``bias_probability >= 0.5``. ``macro_f1`` is macro-F1 over both classes and ``auc``
    the ROC AUC of ``bias_probability``. Word level, over the sentences labelled biased:
    predicted is the set of distinct lower-cased word tokens inside any loaded-language span
    (:func:`loaded_spans`), gold the set of distinct
    lower-cased ``biased_words``; counts are micro-averaged (``word_precision``,
    ``word_recall``).
``nyt``
    ``pearson_r``: Pearson's r of ``sentiment`` with the human ``score``;
    ``article_pearson_r``: the same over per-article means, the article being the part of
    ``id`` before ``_``.
``ptc``
    Word tokens (:data:`~toolkit.segmentation.WORD_RE`) are gold when their first character
    falls inside a gold span and predicted when it falls inside a loaded-language span;
    micro-averaged ``token_precision``, ``token_recall``, ``token_f1``. ``line_f1`` is the
    F1 of "this line has a span".
``newsmtsc``
    ``macro_f1``: 3-class macro-F1 of :func:`~toolkit.target_tone.target_tone` toward each
    row's mention, mapped to -1/0/1 with the thresholds fit on the training split, against
    ``polarity``.

Each dataset has one function here, registered in :data:`DATASETS`; adding a dataset means
adding a function and an entry.
"""
from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["validate", "DATASETS", "read_split", "macro_f1", "roc_auc", "set_prf",
           "pearson", "group_pearson", "token_prf", "line_prf", "format_report",
           "validate_babe", "validate_nyt", "validate_ptc", "validate_newsmtsc",
           "loaded_spans"]

log = logging.getLogger(__name__)

NAN = float("nan")


# --------------------------------------------------------------------------- metrics
def _f1(precision: float, recall: float) -> float:
    if math.isnan(precision) or math.isnan(recall):
        return NAN
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _ratio(a: float, b: float) -> float:
    return a / b if b else NAN


def macro_f1(y_true: Sequence[int], y_pred: Sequence[int]) -> float:
    """Macro-F1 over the classes 0 and 1.

    Examples
    --------
    >>> macro_f1([1, 1, 0, 0], [1, 0, 0, 0])
    0.7333333333333334
    """
    t = np.asarray(y_true, dtype=int)
    p = np.asarray(y_pred, dtype=int)
    if len(t) == 0:
        return NAN
    scores = []
    for cls in (0, 1):
        tp = int(((t == cls) & (p == cls)).sum())
        fp = int(((t != cls) & (p == cls)).sum())
        fn = int(((t == cls) & (p != cls)).sum())
        denom = 2 * tp + fp + fn
        scores.append(2 * tp / denom if denom else 0.0)
    return float(sum(scores) / 2)


def roc_auc(y_true: Sequence[int], score: Sequence[float]) -> float:
    """ROC AUC (ties count half); NaN when a class is missing or a score is NaN.

    Examples
    --------
    >>> roc_auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.75
    """
    t = np.asarray(y_true, dtype=int)
    s = np.asarray(score, dtype=float)
    if len(t) == 0 or np.isnan(s).any() or t.min() == t.max():
        return NAN
    ranks = pd.Series(s).rank(method="average").to_numpy()
    n_pos = int(t.sum())
    n_neg = len(t) - n_pos
    return float((ranks[t == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def set_prf(predicted: Iterable[set], gold: Iterable[set]) -> dict[str, float]:
    """Micro-averaged precision, recall and F1 of predicted against gold sets.

    Examples
    --------
    >>> set_prf([{"a", "b"}, {"c"}], [{"a"}, {"d", "e"}])
    {'precision': 0.3333333333333333, 'recall': 0.3333333333333333, 'f1': 0.3333333333333333}
    """
    tp = n_pred = n_gold = 0
    for p, g in zip(predicted, gold):
        tp += len(p & g)
        n_pred += len(p)
        n_gold += len(g)
    precision, recall = _ratio(tp, n_pred), _ratio(tp, n_gold)
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall)}


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    """Pearson's r; NaN when either side is constant, empty or has a NaN.

    Examples
    --------
    >>> round(pearson([1, 2, 3], [2, 4, 7]), 4)
    0.9934
    """
    a = np.asarray(x, dtype=float)
    b = np.asarray(y, dtype=float)
    if len(a) < 2 or np.isnan(a).any() or np.isnan(b).any() or a.std() == 0 or b.std() == 0:
        return NAN
    return float(np.corrcoef(a, b)[0, 1])


def group_pearson(groups: Sequence, x: Sequence[float], y: Sequence[float]) -> float:
    """Pearson's r of the per-group means of ``x`` and ``y``.

    Examples
    --------
    >>> group_pearson(["a", "a", "b", "c"], [0, 2, 3, 5], [1, 1, 2, 4])
    0.9819805060619656
    """
    frame = pd.DataFrame({"g": list(groups), "x": x, "y": y}).groupby("g", sort=True).mean()
    return pearson(frame["x"], frame["y"])


def _inside(position: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)


def token_prf(lines: Iterable[str], gold: Iterable[Sequence[tuple[int, int]]],
              predicted: Iterable[Sequence[tuple[int, int]]]) -> dict[str, float]:
    """Token-level precision, recall and F1, micro-averaged over lines.

    A word token (:data:`~toolkit.segmentation.WORD_RE`) is gold when its first character
    lies inside a gold span, and predicted when it lies inside a predicted span.

    Examples
    --------
    >>> token_prf(["a very bad idea"], [[(2, 10)]], [[(7, 15)]])
    {'precision': 0.5, 'recall': 0.5, 'f1': 0.5}
    """
    from .segmentation import WORD_RE

    tp = n_pred = n_gold = 0
    for line, g, p in zip(lines, gold, predicted):
        if not g and not p:
            continue
        for match in WORD_RE.finditer(line):
            at = match.start()
            is_gold, is_pred = _inside(at, g), _inside(at, p)
            tp += is_gold and is_pred
            n_gold += is_gold
            n_pred += is_pred
    precision, recall = _ratio(tp, n_pred), _ratio(tp, n_gold)
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall)}


def line_prf(gold: Iterable[bool], predicted: Iterable[bool]) -> dict[str, float]:
    """Precision, recall and F1 of the positive class for one yes/no per line.

    Examples
    --------
    >>> line_prf([True, True, False, False], [True, False, True, False])
    {'precision': 0.5, 'recall': 0.5, 'f1': 0.5}
    """
    g = np.asarray(list(gold), dtype=bool)
    p = np.asarray(list(predicted), dtype=bool)
    tp = int((g & p).sum())
    precision, recall = _ratio(tp, int(p.sum())), _ratio(tp, int(g.sum()))
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall)}


# --------------------------------------------------------------------------- evidence
def loaded_spans(text: str, *, lexicon=None) -> list[tuple[int, int]]:
    """``(start, end)`` of the loaded-language spans in ``text``, one line or sentence.

    The spans of :func:`~toolkit.loaded.find_loaded` that :func:`~toolkit.cues.is_loaded`
    accepts: a category of :data:`~toolkit.cues.LOADED_CATEGORIES` and a weight of at least
    :data:`~toolkit.cues.LOADED_MIN_WEIGHT`.

    Examples
    --------
    >>> text = "Critics slammed the plan."
    >>> [text[s:e] for s, e in loaded_spans(text)]
    ['slammed']
    """
    from .cues import is_loaded
    from .loaded import find_loaded

    return sorted({(s.start, s.end) for s in find_loaded(text, lexicon=lexicon)
                   if is_loaded(s)})


def _words_in(text: str, spans: Iterable[tuple[int, int]]) -> set[str]:
    from .segmentation import WORD_RE

    return {m.group().lower() for s, e in spans for m in WORD_RE.finditer(text, s, e)}


def _progress(items, *, desc: str, total: int | None = None):
    from tqdm.auto import tqdm

    disable = not log.isEnabledFor(logging.INFO)
    return tqdm(items, desc=desc, total=total, disable=disable, leave=False)


# --------------------------------------------------------------------------- datasets
def read_split(data: str | Path, dataset: str, split: str) -> pd.DataFrame:
    """Read ``data/<dataset>/<split>.csv``; a clear error when it is missing."""
    path = Path(data) / dataset / f"{split}.csv"
    if not path.is_file():
        raise FileNotFoundError(f"no {dataset} {split} file: {path} does not exist")
    return pd.read_csv(path, keep_default_na=False)


def _require(frame: pd.DataFrame, columns: Iterable[str], name: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name}: missing column(s) {', '.join(missing)}")


def _biased_words(value) -> set[str]:
    if isinstance(value, str):
        value = json.loads(value) if value.strip() else []
    return {str(w).lower() for w in value or []}


def validate_babe(frame: pd.DataFrame, *, lexicon=None) -> dict[str, float]:
    """Sentence- and word-level bias figures on a BABE-style table.

    ``frame`` has ``text``, ``label`` (1 biased) and ``biased_words`` (a JSON list or a list).
    """
    from .analysis import score_sentences

    _require(frame, ["text", "label", "biased_words"], "babe")
    texts = frame["text"].astype(str).tolist()
    labels = frame["label"].astype(int).to_numpy()
    log.info("babe: scoring %d sentences", len(texts))
    scored = score_sentences(texts, lexicon=lexicon)
    if "bias_probability" in scored:
        prob = scored["bias_probability"].to_numpy(dtype=float)
    else:
        prob = np.full(len(texts), NAN)
    if np.isnan(prob).any():
        f1 = NAN
    else:
        f1 = macro_f1(labels, (prob >= 0.5).astype(int))
    predicted, gold = [], []
    biased = np.flatnonzero(labels == 1)
    for i in _progress(biased, desc="babe words"):
        predicted.append(_words_in(texts[i], loaded_spans(texts[i], lexicon=lexicon)))
        gold.append(_biased_words(frame["biased_words"].iloc[i]))
    words = set_prf(predicted, gold)
    return {"macro_f1": f1, "auc": roc_auc(labels, prob),
            "word_precision": words["precision"], "word_recall": words["recall"]}


def validate_nyt(frame: pd.DataFrame, *, lexicon=None) -> dict[str, float]:
    """Tone against the mean human rating of NYT editorial sentences (``id,score,text``)."""
    from .analysis import score_sentences

    _require(frame, ["id", "score", "text"], "nyt")
    log.info("nyt: scoring %d sentences", len(frame))
    scored = score_sentences(frame["text"].astype(str).tolist(), lexicon=lexicon)
    tone = scored["sentiment"].to_numpy(dtype=float)
    human = frame["score"].astype(float).to_numpy()
    articles = frame["id"].astype(str).str.split("_").str[0]
    return {"pearson_r": pearson(tone, human),
            "article_pearson_r": group_pearson(articles, tone, human)}


def validate_ptc(frame: pd.DataFrame, *, lexicon=None) -> dict[str, float]:
    """Loaded-language tokens and lines against the propaganda corpus' Loaded_Language spans."""
    _require(frame, ["paragraph_text", "loaded_language_spans"], "ptc")
    lines = frame["paragraph_text"].astype(str).tolist()
    gold = [[tuple(s) for s in json.loads(v)] if v else []
            for v in frame["loaded_language_spans"]]
    predicted = [loaded_spans(line, lexicon=lexicon)
                 for line in _progress(lines, desc="ptc lines")]
    tokens = token_prf(lines, gold, predicted)
    lines_f1 = line_prf([bool(g) for g in gold], [bool(p) for p in predicted])["f1"]
    return {"token_precision": tokens["precision"], "token_recall": tokens["recall"],
            "token_f1": tokens["f1"], "line_f1": lines_f1}


def validate_newsmtsc(frame: pd.DataFrame, *, lexicon=None) -> dict[str, float]:
    """Tone toward a named target against NewsMTSC's ``polarity`` (-1, 0, 1).

    Each row's :func:`~toolkit.target_tone.target_tone` is mapped to -1/0/1 with the
    thresholds fit on the NewsMTSC training split; ``macro_f1`` is the 3-class macro-F1.
    ``lexicon`` is not used (the target-tone model has its own weights).
    """
    from sklearn.metrics import f1_score

    from .target_tone import target_tone_label

    _require(frame, ["text", "start", "end", "polarity"], "newsmtsc")
    rows = zip(frame["text"].astype(str), frame["start"].astype(int), frame["end"].astype(int))
    pred = [target_tone_label(t, s, e) for t, s, e in _progress(list(rows), desc="newsmtsc")]
    gold = frame["polarity"].astype(int).tolist()
    if not gold:
        return {"macro_f1": NAN}
    return {"macro_f1": float(f1_score(gold, pred, labels=[-1, 0, 1], average="macro",
                                       zero_division=0))}


#: Output key -> (folder under the data directory, function of the table).
DATASETS: dict[str, tuple[str, Callable[..., dict[str, float]]]] = {
    "babe": ("babe", validate_babe),
    "nyt": ("vader_nyt", validate_nyt),
    "ptc": ("ptc", validate_ptc),
    "newsmtsc": ("newsmtsc", validate_newsmtsc),
}


def validate(data: str | Path, *, split: str = "dev", datasets: Iterable[str] | None = None,
             lexicon=None) -> dict[str, dict[str, float]]:
    """Score the toolkit against each dataset's ``split`` under ``data``.

    Parameters
    ----------
    data : str or Path
        A folder laid out as ``<folder>/<split>.csv`` per dataset (see :data:`DATASETS`).
    split : {"dev", "heldout"}
    datasets : iterable of str, optional
        Keys of :data:`DATASETS` to run; all by default.
    lexicon : CueLexicon, optional
        A cue lexicon in place of the bundled one.

    Returns
    -------
    dict
        ``{"babe": {...}, "nyt": {...}, "ptc": {...}}``; see the module docstring. A figure
        that cannot be computed is NaN.
    """
    if not Path(data).is_dir():
        raise FileNotFoundError(f"data folder {data} does not exist")
    names = list(DATASETS) if datasets is None else list(datasets)
    unknown = [n for n in names if n not in DATASETS]
    if unknown:
        raise ValueError(f"unknown dataset(s) {unknown}; choose from {sorted(DATASETS)}")
    out = {}
    for name in names:
        folder, function = DATASETS[name]
        frame = read_split(data, folder, split)
        log.info("%s: %d rows from %s/%s.csv", name, len(frame), folder, split)
        out[name] = function(frame, lexicon=lexicon)
    return out


def json_safe(results: dict) -> dict:
    """The same dict with NaN replaced by ``None``, so that it serialises as strict JSON."""
    return {k: json_safe(v) if isinstance(v, dict)
            else (None if isinstance(v, float) and math.isnan(v) else float(v))
            for k, v in results.items()}


def format_report(results: dict[str, dict[str, float]]) -> str:
    """A plain-text table: one line per dataset and figure.

    Examples
    --------
    >>> print(format_report({"nyt": {"pearson_r": 0.5, "article_pearson_r": float("nan")}}))
    dataset  metric             value
    nyt      pearson_r          0.500
    nyt      article_pearson_r    nan
    """
    lines = [f"{'dataset':<8} {'metric':<17} {'value':>6}"]
    for dataset, figures in results.items():
        for metric, value in figures.items():
            lines.append(f"{dataset:<8} {metric:<17} {value:>6.3f}")
    return "\n".join(lines)

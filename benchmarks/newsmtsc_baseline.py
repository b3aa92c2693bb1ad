"""The issue's reference baseline for target tone, under the toolkit's own cross-validation.

Issue 4 quotes, for NewsMTSC's held-back test set, "a logistic regression over TF-IDF of the
sentence, with the mention masked, plus VADER scores of the words around the mention, trained
on dev": macro-F1 0.635. This script rebuilds that baseline and scores it with the same folds
as ``python -m toolkit train-target-tone`` (5 folds grouped by source article,
:func:`toolkit.target_tone.newsmtsc_group`), so the toolkit's cross-validated figure can be read
against it: if the baseline's CV figure sits below its published test figure, the CV is not
flattering the toolkit either.

Features: TF-IDF of word unigrams and bigrams (``min_df=2``, sublinear tf, fit inside each
training fold) of the sentence with the mention replaced by one placeholder token; VADER
compound of the ``window`` words left of the mention, of the words right of it, and of both,
and the positive, negative and neutral shares of both. The prediction is the model's argmax.

Usage::

    python benchmarks/newsmtsc_baseline.py [--data ../shared/data] [--window 3 5 8] [--c 1 3]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PLACEHOLDER = " TARGETMENTION "


def masked(text: str, start: int, end: int) -> str:
    """The sentence with the mention replaced by one placeholder token."""
    return text[:start] + PLACEHOLDER + text[end:]


def vader_window(text: str, start: int, end: int, window: int) -> list[float]:
    """VADER scores of the ``window`` words on each side of the mention."""
    from toolkit.sentiment import vader

    analyser = vader()
    left, right = text[:start].split()[-window:], text[end:].split()[:window]
    both = analyser.polarity_scores(" ".join(left + right))
    return [analyser.polarity_scores(" ".join(left))["compound"],
            analyser.polarity_scores(" ".join(right))["compound"],
            both["compound"], both["pos"], both["neg"], both["neu"]]


def baseline_cv(frame, *, window: int = 5, c: float = 1.0, n_splits: int = 5) -> float:
    """Out-of-fold macro-F1 of the baseline on a NewsMTSC-shaped frame, folds grouped by
    article."""
    import numpy as np
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    from toolkit.target_tone import newsmtsc_group

    rows = list(zip(frame["text"], frame["start"].astype(int), frame["end"].astype(int)))
    texts = [masked(t, s, e) for t, s, e in rows]
    dense = np.array([vader_window(t, s, e, window) for t, s, e in rows])
    y = frame["polarity"].to_numpy(dtype=int)
    groups = [newsmtsc_group(i) for i in frame["id"]]
    pred = np.zeros(len(y), dtype=int)
    for train, test in GroupKFold(n_splits=n_splits).split(dense, y, groups):
        vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        x_train = hstack([vec.fit_transform([texts[i] for i in train]),
                          csr_matrix(dense[train])]).tocsr()
        x_test = hstack([vec.transform([texts[i] for i in test]),
                         csr_matrix(dense[test])]).tocsr()
        model = LogisticRegression(C=c, max_iter=3000).fit(x_train, y[train])
        pred[test] = model.predict(x_test)
    return float(f1_score(y, pred, average="macro"))


def main(argv: list[str] | None = None) -> int:
    from toolkit.target_tone import read_newsmtsc

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--window", type=int, nargs="+", default=[3, 5, 8])
    parser.add_argument("--c", type=float, nargs="+", default=[1.0, 3.0])
    args = parser.parse_args(argv)
    frame = read_newsmtsc(args.data / "newsmtsc" / "dev.csv")
    print(f"{len(frame)} targets, 5 folds grouped by article; macro-F1 out of fold")
    for window in args.window:
        for c in args.c:
            print(f"window {window:2d}  C {c:4.1f}  {baseline_cv(frame, window=window, c=c):.4f}",
                  flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

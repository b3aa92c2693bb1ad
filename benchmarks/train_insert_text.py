"""Fit the word-pair text model behind the insert detector's ``promotional_text`` rule.

A logistic regression over which lower-case words and adjacent word pairs a text contains
(binary; scikit-learn's ``CountVectorizer(ngram_range=(1, 2))``), promotional text the
positive class. The same texts as the word model (``benchmarks/train_insert_words.py``):
- positives: every paragraph and every line of the block pools in ``benchmarks/insert_blocks/``
  (written for this project, MIT);
- negatives: the VADER NYT editorial, tweet and movie-review sentences and the NewsMTSC
  training split in ``../shared/data`` (all MIT).

Only the ``--keep`` terms with the largest absolute weights are kept; the result goes to
``toolkit/models/insert_text_model.tsv`` (``term, weight``; the row ``__intercept__`` holds the
intercept). ``benchmarks/train_inserts.py`` fits the same model (with :func:`fit`), out of fold
for its training rows, and writes the same file when it fits the detector's weighting.

Usage::

    python benchmarks/train_insert_text.py [--data ../shared/data] [--pools tuning heldout ...]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import train_insert_words  # noqa: E402

OUT = HERE.parent / "toolkit" / "models" / "insert_text_model.tsv"
KEEP = 4000
C = 0.5


def fit(pos: list[str], neg: list[str], *, C: float = C,
        keep: int = KEEP) -> tuple[float, dict[str, float]]:
    """The intercept and the ``keep`` largest term weights of the model fitted on the texts."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    sys.path.insert(0, str(HERE.parent))
    from toolkit.insert_text_model import TOKEN_PATTERN

    vectorizer = CountVectorizer(binary=True, lowercase=True, token_pattern=TOKEN_PATTERN,
                                 ngram_range=(1, 2), min_df=2)
    x = vectorizer.fit_transform(pos + neg)
    y = [1] * len(pos) + [0] * len(neg)
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=3000)
    model.fit(x, y)
    weights = sorted(zip(vectorizer.get_feature_names_out(), model.coef_[0]),
                     key=lambda item: -abs(item[1]))[:keep]
    return (round(float(model.intercept_[0]), 4),
            {term: round(float(weight), 4) for term, weight in weights})


def write(path: Path, intercept: float, weights: dict[str, float]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write("term\tweight\n")
        handle.write(f"__intercept__\t{intercept:.4f}\n")
        for term, weight in sorted(weights.items()):
            handle.write(f"{term}\t{weight:.4f}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=HERE.parent.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--pools", nargs="+", default=list(train_insert_words.TRAIN_POOLS))
    parser.add_argument("--C", type=float, default=C)
    parser.add_argument("--keep", type=int, default=KEEP, help="terms kept (largest weights)")
    args = parser.parse_args(argv)
    pos = train_insert_words.positives(args.pools)
    neg = train_insert_words.negatives(args.data)
    intercept, weights = fit(pos, neg, C=args.C, keep=args.keep)
    write(args.out, intercept, weights)
    print(f"{len(pos)} promotional texts, {len(neg)} news sentences; kept {len(weights)} "
          f"terms; wrote {args.out}")
    top = sorted(weights.items(), key=lambda item: -item[1])[:25]
    print("most promotional:", ", ".join(f"{t} {w:.2f}" for t, w in top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

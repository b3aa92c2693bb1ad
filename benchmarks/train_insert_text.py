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
    """The intercept and the ``keep`` largest word and word-pair weights of the model fitted
    on the texts: the word model's fit (same tokens as ``toolkit.insert_text_model``) over
    word pairs too."""
    return train_insert_words.fit(pos, neg, C=C, keep=keep, ngram_range=(1, 2), max_iter=3000)


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
    train_insert_words.report(pos, neg, weights, args.out, unit="terms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Fit the word weights behind the insert detector's ``promotional_wording`` rule.

A logistic regression over which words a text contains (binary unigrams, lower case), with
promotional text as the positive class:
- positives: every paragraph and every line of the block pools ``tuning``, ``heldout``,
  ``heldout2`` ... ``heldout13`` (``benchmarks/insert_blocks/``; written for this project, MIT);
- negatives: news sentences from the VADER NYT editorial sentences and the NewsMTSC training
  split in ``../shared/data`` (both MIT), and VADER's tweets and movie-review sentences (MIT).

Only the 600 words with the largest absolute weights are kept; the result goes to
``toolkit/models/insert_words.tsv`` (``term, category, weight``; the row ``__intercept__``
holds the intercept). ``benchmarks/train_inserts.py`` fits the same model (with :func:`fit`)
when it fits the detector's weighting, and writes the same file.

Usage::

    python benchmarks/train_insert_words.py [--data ../shared/data] [--pools tuning heldout ...]
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "toolkit" / "models" / "insert_words.tsv"
TRAIN_POOLS = ("tuning", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6",
               "heldout7", "heldout8", "heldout9", "heldout10", "heldout11", "heldout12",
               "heldout13")
KEEP = 600
NEGATIVE_SETS = ("vader_nyt", "newsmtsc", "vader_tweets", "vader_movie_reviews")
TOKEN_PATTERN = r"(?u)\b[a-zA-Z][a-zA-Z']+\b"


def positives(pools=TRAIN_POOLS) -> list[str]:
    sys.path.insert(0, str(HERE))
    from inserts_eval import POOLS, load_blocks

    texts = []
    for pool in pools:
        for block in load_blocks(POOLS[pool]):
            for paragraph in block.paragraphs:
                texts.append(paragraph)
                lines = [line for line in paragraph.splitlines() if line.strip()]
                if len(lines) > 1:
                    texts += lines
    return texts


def negatives(data: Path, sets=NEGATIVE_SETS) -> list[str]:
    texts = set()
    for name in sets:
        with open(data / name / "dev.csv", encoding="utf-8", newline="") as handle:
            texts.update(row["text"] for row in csv.DictReader(handle))
    return sorted(texts)


def fit(pos: list[str], neg: list[str], *, C: float = 0.5, keep: int = KEEP,
        ngram_range: tuple[int, int] = (1, 1), max_iter: int = 2000
        ) -> tuple[float, dict[str, float]]:
    """The intercept and the ``keep`` largest term weights of the model fitted on the texts
    (words, or words and word pairs with ``ngram_range=(1, 2)``)."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = CountVectorizer(binary=True, lowercase=True, token_pattern=TOKEN_PATTERN,
                                 ngram_range=ngram_range, min_df=2)
    x = vectorizer.fit_transform(pos + neg)
    y = [1] * len(pos) + [0] * len(neg)
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=max_iter)
    model.fit(x, y)
    weights = sorted(zip(vectorizer.get_feature_names_out(), model.coef_[0]),
                     key=lambda item: -abs(item[1]))[:keep]
    # Rounded as written to the file, so that a model used in memory equals the file's.
    return (round(float(model.intercept_[0]), 4),
            {term: round(float(weight), 4) for term, weight in weights})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=HERE.parent.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--pools", nargs="+", default=list(TRAIN_POOLS),
                        help="block pools to learn from (for leave-one-pool-out checks)")
    parser.add_argument("--negatives", nargs="+", default=list(NEGATIVE_SETS))
    parser.add_argument("--C", type=float, default=0.5)
    parser.add_argument("--keep", type=int, default=KEEP, help="words kept (largest weights)")
    args = parser.parse_args(argv)
    pos, neg = positives(args.pools), negatives(args.data, args.negatives)
    intercept, weights = fit(pos, neg, C=args.C, keep=args.keep)
    with open(args.out, "w", encoding="utf-8", newline="") as handle:
        handle.write("term\tcategory\tweight\n")
        handle.write(f"__intercept__\tintercept\t{intercept:.4f}\n")
        for term, weight in sorted(weights.items()):
            handle.write(f"{term}\tpromotional\t{weight:.4f}\n")
    report(pos, neg, weights, args.out, unit="words")
    return 0


def report(pos: list[str], neg: list[str], weights: dict[str, float], out: Path, *,
           unit: str) -> None:
    """Print what a fit learned from: the texts, the terms kept, the most promotional ones."""
    print(f"{len(pos)} promotional texts, {len(neg)} news sentences; kept {len(weights)} "
          f"{unit}; wrote {out}")
    top = sorted(weights.items(), key=lambda item: -item[1])[:25]
    print("most promotional:", ", ".join(f"{t} {w:.2f}" for t, w in top))


if __name__ == "__main__":
    raise SystemExit(main())

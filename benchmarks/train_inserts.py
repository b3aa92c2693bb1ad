"""Fit the insert detector's weighting (``toolkit/models/insert_model.json``), and check it
leave-one-pool-out.

The detector's rules measure each paragraph (a marker line, calls to action, prices, appeal
vocabularies, the word model's probability, topical distance, attribution, length ...; see
:func:`toolkit.inserts.insert_features`). This script learns how much each measurement counts:
a logistic regression over each rule's points, with every rule's weight kept at or above zero
(a rule's points already carry its direction: attribution and length give negative points) and
the weights pulled towards one common weight (penalty ``sum((w - common)^2) / (2C)``, C 0.2):
so the hand-set points' proportions are where the fit starts from, and the data move a rule's
weight only as far as the blocks and articles support it.

Training data, all MIT:
- articles: pseudo-articles rebuilt from the VADER NYT editorial sentences
  (``../shared/data/vader_nyt``; the id is ``article_sentence``, so sentences regroup into
  ordered articles), one to three sentences a line, like the PTC articles' lines;
- inserts: the blocks of the pools in ``benchmarks/insert_blocks/`` (written for this project),
  pasted between the lines the way ``inserts_eval.py`` pastes them into PTC articles. Each
  block is pasted ``--repeats`` times, into different articles.

No PTC text is used to fit anything (PTC states no licence).

The word model (``promotional_wording``, ``benchmarks/train_insert_words.py``) is fitted on the
same pools, so its probability on its own training blocks is too confident. The features of
the training articles are therefore computed out of fold: each pool's blocks are pasted into
one half of the NYT articles or the other, and scored with word models fitted without that
pool and without that half's sentences (:func:`pool_rows`).

With ``--cache DIR`` the word models and each pool's rows are kept between runs (the rows
under a hash of the detector's code), so a leave-one-pool-out run over all pools takes
minutes: a fold fits only the weighting and scores the left-out pool on PTC. For the cache a
pool's rows are scored with word models fitted on every other pool, the left-out one included;
the left-out pool is never seen by the word models that score it nor by the weighting.

Usage::

    python benchmarks/train_inserts.py            # fit on every pool, write the model files
    python benchmarks/train_inserts.py --lopo     # leave-one-pool-out figures on PTC
    python benchmarks/train_inserts.py --lopo --pools heldout4 heldout9 --articles all
    python benchmarks/train_inserts.py --lopo --cache /tmp/c --json lopo.json  # all pools
"""
from __future__ import annotations

import argparse
import csv
import functools
import hashlib
import json
import math
import pickle
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from inserts_eval import MARGINS, POOLS, Block, load_blocks  # noqa: E402
import train_insert_text  # noqa: E402
import train_insert_words  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "toolkit" / "models" / "insert_model.json"
WORDS_OUT = ROOT / "toolkit" / "models" / "insert_words.tsv"
TEXT_OUT = ROOT / "toolkit" / "models" / "insert_text_model.tsv"
ALL_POOLS = tuple(POOLS)
MIN_SENTENCES = 5  # NYT articles with fewer sentences in the dev file are left out
CODE_FILES = ("toolkit/inserts.py", "toolkit/insert_signals.py", "toolkit/insert_topic.py",
              "toolkit/insert_text_model.py", "toolkit/insert_model.py", "toolkit/loading.py")
C = 0.2
REPEATS = 2
# Measurements that may weigh either way; every rule's points keep their sign.
FREE = ("similarity", "word_probability", "log_words")
# The plain measurements are left out by default: weighed freely they raised the false
# positives on the PTC lines (see docs/inserts.md); the rules use them through their gates.
DROP: tuple[str, ...] = FREE
SHRINK = True  # pull the rule weights towards a common weight (the hand proportions)
MAX_FOREIGN = 0  # NewsMTSC sentences pasted among an article's lines, as negatives


# ------------------------------------------------------------------------------ data
def nyt_articles(data: Path = DATA) -> dict[str, list[str]]:
    """NYT editorial sentences regrouped by article, in sentence order."""
    by_article: dict[str, list[tuple[int, str]]] = defaultdict(list)
    with open(data / "vader_nyt" / "dev.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            article, sentence = row["id"].split("_")
            by_article[article].append((int(sentence), row["text"].strip()))
    return {a: [t for _, t in sorted(rows)] for a, rows in sorted(by_article.items(),
                                                                   key=lambda kv: int(kv[0]))
            if len(rows) >= MIN_SENTENCES}


def _lines(sentences: list[str], rng: random.Random) -> list[str]:
    """One to three sentences a line (mostly one, like PTC's lines)."""
    lines, i = [], 0
    while i < len(sentences):
        k = rng.choices((1, 2, 3), weights=(6, 3, 1))[0]
        lines.append(" ".join(sentences[i:i + k]))
        i += k
    return lines


def paste(lines: list[str], blocks: list[Block], rng: random.Random):
    """Paste ``blocks`` between the lines (never before the first), as inserts_eval does:
    each block kept as its paragraphs or, at random, cut into its lines. Returns the
    paragraphs and, per paragraph, 1 for pasted text, 0 for the article's, and whether it
    is a short pasted line with a pasted neighbour (which the detector joins to its block)."""
    gaps = rng.sample(range(1, len(lines) + 1), k=min(len(blocks), len(lines)))
    pasted = {}
    for gap, block in zip(gaps, blocks):
        pieces = list(block.paragraphs)
        if rng.random() < 0.5:
            pieces = [line for p in pieces for line in p.splitlines() if line.strip()]
        pasted[gap] = pieces
    paragraphs, labels, in_block = [], [], []
    for i in range(len(lines) + 1):
        pieces = pasted.get(i, [])
        paragraphs += pieces
        labels += [1] * len(pieces)
        in_block += [len(pieces) > 1] * len(pieces)
        if i < len(lines):
            paragraphs.append(lines[i])
            labels.append(0)
            in_block.append(False)
    return paragraphs, labels, in_block


def cases(article_ids: list[str], articles: dict[str, list[str]], blocks: list[Block],
          rng: random.Random, repeats: int = REPEATS, foreign: list[str] = (),
          max_foreign: int = MAX_FOREIGN):
    """Pseudo-articles with every block pasted ``repeats`` times, one to three a case, and
    up to ``max_foreign`` news sentences from ``foreign`` among the article's lines
    (negatives off the article's topic)."""
    order = [b for _ in range(repeats) for b in rng.sample(blocks, len(blocks))]
    out = []
    while order:
        k = rng.randint(1, 3)
        chosen, order = order[:k], order[k:]
        lines = _lines(articles[rng.choice(article_ids)], rng)
        for _ in range(rng.randint(0, max_foreign) if foreign else 0):
            lines.insert(rng.randint(1, len(lines)), rng.choice(foreign))
        out.append(paste(lines, chosen, rng))
    return out


def newsmtsc_sentences(data: Path = DATA) -> list[str]:
    """The NewsMTSC training split's distinct sentences."""
    with open(data / "newsmtsc" / "dev.csv", encoding="utf-8", newline="") as handle:
        return sorted({row["text"].strip() for row in csv.DictReader(handle)})


def word_negatives(data: Path, leave_out: set[str]) -> list[str]:
    return [t for t in train_insert_words.negatives(data) if t.strip() not in leave_out]


# ------------------------------------------------------------------------------ features
def feature_rows(built, words, text=None):
    """(features, label) of every paragraph that the model should decide on its own."""
    from toolkit.insert_model import InsertModel
    from toolkit.inserts import insert_features
    from toolkit.insert_signals import _is_short_line
    from toolkit.loading import load_article

    model = InsertModel({}, 0.0, words, text=text)
    rows = []
    for paragraphs, labels, in_block in built:
        text = "\n\n".join(paragraphs)
        article = load_article(text, format="text")
        if len(article.paragraphs) != len(paragraphs):
            raise RuntimeError("paragraphs do not line up")
        feats = insert_features(article, model=model)
        for i, (f, y, joined) in enumerate(zip(feats, labels, in_block)):
            if i == article.headline_paragraph or i == 0:
                continue
            s, e = article.paragraphs[i]
            if y and joined and _is_short_line(article.text, s, e):
                continue  # a short line of a block: the detector joins it to its block
            rows.append((f, y))
    return rows


def _key(*parts) -> str:
    """A short stable name for a cache file of these parts."""
    return hashlib.sha1(repr(parts).encode()).hexdigest()[:12]


def _pickled(file: Path | None, make):
    """``make()``, kept in ``file`` (a pickle) between runs when ``file`` is given."""
    if file is not None and file.is_file():
        return pickle.loads(file.read_bytes())
    value = make()
    if file is not None:
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(pickle.dumps(value))
    return value


@functools.lru_cache(maxsize=1)
def code_key() -> str:
    """A hash of the detector's code, read once (when the run starts, see :func:`main`):
    feature rows are kept under it, so a change to the rules never reuses rows computed by
    the code before it."""
    digest = hashlib.sha1()
    for path in sorted(CODE_FILES):
        digest.update((ROOT / path).read_bytes())
    return digest.hexdigest()[:12]


def word_models(pools, data: Path, leave_out: set[str], *, cache: Path | None = None,
                name: str = ""):
    """The word model and the word-pair text model fitted on ``pools`` against the negative
    sentences but ``leave_out``; kept in ``cache`` (they do not depend on the rule code)."""
    def make():
        pos, negs = train_insert_words.positives(list(pools)), word_negatives(data, leave_out)
        return train_insert_words.fit(pos, negs), train_insert_text.fit(pos, negs)

    file = None if cache is None else (
        Path(cache) / f"words_{_key(sorted(pools), sorted(leave_out))}{name}.pkl")
    return _pickled(file, make)


def _halves(data: Path, seed: int, foreign: int):
    """The NYT pseudo-articles split in two halves, and the NewsMTSC sentences likewise."""
    rng = random.Random(seed)
    articles = nyt_articles(data)
    ids = list(articles)
    rng.shuffle(ids)
    halves = [sorted(ids[::2], key=int), sorted(ids[1::2], key=int)]
    news = newsmtsc_sentences(data) if foreign else []
    rng.shuffle(news)
    return articles, halves, [news[::2], news[1::2]]


def pool_rows(pool: str, universe, data: Path, seed: int, repeats: int, *,
              foreign: int = MAX_FOREIGN, cache: Path | None = None, log=print):
    """Feature rows of ``pool``'s blocks pasted into the NYT pseudo-articles, out of fold:
    half the blocks go into each half of the articles, scored with word models fitted on the
    pools of ``universe`` but ``pool`` and without that half's sentences. Kept in ``cache``
    under the code's hash (:func:`code_key`)."""
    def make():
        articles, halves, news_halves = _halves(data, seed, foreign)
        others = [p for p in universe if p != pool]
        rng = random.Random(f"{seed}:{pool}")
        blocks = load_blocks(POOLS[pool])
        blocks = rng.sample(blocks, len(blocks))
        rows = []
        for h, half in enumerate(halves):
            leave_out = {s for a in half for s in articles[a]} | set(news_halves[h])
            words, text = word_models(others, data, leave_out, cache=cache, name=f"_h{h}")
            built = cases(half, articles, blocks[h::2], rng, repeats, news_halves[h], foreign)
            rows += feature_rows(built, words, text)
        log(f"  {pool}: {len(blocks)} blocks, {len(rows)} rows")
        return rows

    file = None if cache is None else (
        Path(cache) / f"rows_{pool}_{_key(sorted(universe), seed, repeats, foreign)}"
                      f"_{code_key()}.pkl")
    return _pickled(file, make)


def training_rows(pools, data: Path, seed: int, repeats: int, *, foreign: int = MAX_FOREIGN,
                  universe=None, cache: Path | None = None, log=print):
    """Out-of-fold feature rows for ``pools`` pasted into the NYT pseudo-articles: each
    pool's rows scored with word models fitted on the other pools of ``universe`` (default
    ``pools``) (:func:`pool_rows`)."""
    universe = list(pools if universe is None else universe)
    rows = []
    for pool in pools:
        rows += pool_rows(pool, universe, data, seed, repeats, foreign=foreign, cache=cache,
                          log=log)
    return rows


# ------------------------------------------------------------------------------ model
def fit_monotone(rows, *, C: float = C, drop=(), shrink: bool = SHRINK):
    """Logistic regression with every rule's weight >= 0.

    With ``shrink`` the rule weights are pulled towards one common weight (fitted too), the
    hand-set points' own proportions: the penalty is ``sum((coef - common)^2) / (2C)``, so a
    small ``C`` keeps the hand proportions (rescaled) and a large one lets the data decide.
    Without it the penalty is plain L2, ``sum(coef^2) / (2C)``. The measurements are always
    pulled towards 0.
    """
    import numpy as np
    from scipy.optimize import minimize

    from toolkit.insert_model import INSERT_FEATURES

    names = list(INSERT_FEATURES)
    x = np.array([[f.get(n, 0.0) for n in names] for f, _ in rows])
    y = np.array([label for _, label in rows], dtype=float)
    n = len(names)
    rule = np.array([name not in FREE for name in names], dtype=float)

    def loss(theta):
        w, b, common = theta[:n], theta[n], theta[n + 1]
        z = x @ w + b
        ll = np.logaddexp(0.0, z) - y * z  # log(1 + e^z) - y z, stably
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -700, 700)))
        centre = common * rule if shrink else 0.0 * rule
        gap = w - centre
        grad_w = x.T @ (p - y) + gap / C
        grad_common = -(gap * rule).sum() / C if shrink else 0.0
        return (ll.sum() + 0.5 * (gap @ gap) / C,
                np.concatenate([grad_w, [(p - y).sum(), grad_common]]))

    bounds = [(0.0, 0.0) if name in drop else (None, None) if name in FREE else (0.0, None)
              for name in names] + [(None, None), (None, None) if shrink else (0.0, 0.0)]
    start = np.zeros(n + 2)
    result = minimize(loss, start, jac=True, method="L-BFGS-B", bounds=bounds,
                      options={"maxiter": 10000})
    coef = {name: round(float(c), 4) for name, c in zip(names, result.x[:n]) if abs(c) > 1e-6}
    return coef, round(float(result.x[n]), 4)


def fit_model(pools, data: Path, seed: int, repeats: int, *, C: float = C, drop=(),
              foreign: int = MAX_FOREIGN, shrink: bool = SHRINK, cache: Path | None = None,
              universe=None, log=print):
    """The fitted InsertModel (word weights included). With ``cache`` (a folder), the
    training rows and word weights are kept there between runs (:func:`pool_rows`).
    ``universe`` (default ``pools``) is the set of pools the training rows' word models are
    fitted from, each pool's rows without that pool (see :func:`lopo`)."""
    from toolkit.insert_model import InsertModel

    rows = training_rows(pools, data, seed, repeats, foreign=foreign, universe=universe,
                         cache=cache, log=log)
    words, text = word_models(pools, data, set(), cache=cache)
    coef, intercept = fit_monotone(rows, C=C, drop=drop, shrink=shrink)
    info = {"pools": list(pools), "C": C, "repeats": repeats, "seed": seed, "drop": list(drop),
            "foreign": foreign, "shrink": shrink,
            "rows": len(rows), "positives": sum(y for _, y in rows)}
    return InsertModel(coef, intercept, words, info, text)


# ------------------------------------------------------------------------------ main
def lopo(args) -> int:
    from inserts_eval import evaluate

    results = {}
    for held in args.pools:
        t0 = time.process_time()
        train = [p for p in (args.train_from or ALL_POOLS) if p != held]
        model = fit_model(train, args.data, args.seed, args.repeats, C=args.C,
                          drop=args.drop, foreign=args.foreign, shrink=args.shrink,
                          cache=args.cache, universe=ALL_POOLS, log=print)
        results[held] = {"coef": dict(model.coef), "intercept": model.intercept}
        for articles in args.articles:
            for threshold, margin in [(t, m) for t in args.thresholds
                                      for m in args.block_margins]:
                r = evaluate(held, articles=articles, model=model, threshold=threshold,
                             seed=args.eval_seed, **{args.vary: margin})
                key = f"{articles}@{threshold:g}" + ("" if margin is None else f"/m{margin:g}")
                results[held][key] = {k: r[k] for k in (
                    "recall", "n_inserted", "recall_marker", "recall_nomarker", "n_fp",
                    "n_original", "n_native", "fp_rate", "fp_rate_journalism")}
                results[held][key]["found"] = round(r["recall"] * r["n_inserted"])
                results[held][key]["recall_by_type"] = r["recall_by_type"]
                results[held][key]["misses"] = r["misses"]
                results[held][key]["false_positives"] = r["false_positives"]
                results[held][key]["rows"] = r["rows"]
                print(f"{held:10s} {key:14s} recall {r['recall']:.3f} of {r['n_inserted']} "
                      f"(marker {r['recall_marker']:.3f}, none {r['recall_nomarker']:.3f}) "
                      f"FP raw {r['fp_rate']:.4f} journalism {r['fp_rate_journalism']:.4f}",
                      flush=True)
        print(f"  ({time.process_time() - t0:.0f} s CPU)", flush=True)
        if args.json:
            args.json.write_text(json.dumps(results, indent=1))
    print("pooled:")
    for articles in args.articles:
        for threshold, margin in [(t, m) for t in args.thresholds for m in args.block_margins]:
            key = f"{articles}@{threshold:g}" + ("" if margin is None else f"/m{margin:g}")
            found = sum(r[key]["found"] for r in results.values())
            total = sum(r[key]["n_inserted"] for r in results.values())
            fp = sum(r[key]["n_fp"] for r in results.values())
            orig = sum(r[key]["n_original"] for r in results.values())
            jfp = sum(r[key]["fp_rate_journalism"] * (r[key]["n_original"] - r[key]["n_native"])
                      for r in results.values())
            jn = sum(r[key]["n_original"] - r[key]["n_native"] for r in results.values())
            worst = min(results, key=lambda p: results[p][key]["recall"])
            mean = sum(r[key]["recall"] for r in results.values()) / len(results)
            worst_fp = max(r[key]["fp_rate_journalism"] for r in results.values())
            print(f"  {key:14s} recall {found / total:.3f} of {total}, mean of {len(results)} "
                  f"pools {mean:.3f}, worst {worst} {results[worst][key]['recall']:.3f}; "
                  f"FP raw {fp / orig:.4f}, journalism {jfp / jn:.4f} (worst pool "
                  f"{worst_fp:.4f})")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeats", type=int, default=REPEATS,
                        help="times each block is pasted into the training articles")
    parser.add_argument("--C", type=float, default=C, help="inverse L2 strength")
    parser.add_argument("--lopo", action="store_true",
                        help="leave-one-pool-out: fit without each pool, score it on PTC")
    parser.add_argument("--pools", nargs="+", default=list(ALL_POOLS),
                        help="with --lopo: the pools to hold out in turn")
    parser.add_argument("--articles", nargs="+", default=["heldout"],
                        choices=["tuning", "heldout", "all"])
    parser.add_argument("--thresholds", nargs="+", type=float, default=None,
                        help="decision thresholds to score at (default: INSERT_THRESHOLD)")
    parser.add_argument("--train-from", nargs="+", default=None,
                        help="with --lopo: fit each fold on these pools only (default: all),"
                             " the held-out one left out; the rows' word models still see"
                             " every pool but the row's own")
    parser.add_argument("--block-margins", nargs="+", type=float, default=[None],
                        help="with --lopo: find_inserts' block_margin values to score at "
                             "(default: its own; 0 turns the block join off)")
    parser.add_argument("--vary", default="block_margin", choices=MARGINS,
                        help="with --lopo: the find_inserts margin --block-margins sets")
    parser.add_argument("--eval-seed", type=int, default=0,
                        help="with --lopo: the seed of the pasting into the PTC articles")
    parser.add_argument("--cache", type=Path, default=None,
                        help="a folder to keep the training rows in (each fold's with --lopo)")
    parser.add_argument("--shrink", action=argparse.BooleanOptionalAction, default=SHRINK,
                        help="pull the rule weights towards one common weight")
    parser.add_argument("--foreign", type=int, default=MAX_FOREIGN,
                        help="NewsMTSC sentences pasted into each training article, at most")
    parser.add_argument("--drop", nargs="+", default=list(DROP),
                        help="features the model may not weigh (see INSERT_FEATURES)")
    parser.add_argument("--json", type=Path, default=None, help="with --lopo: write figures")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--words-out", type=Path, default=WORDS_OUT)
    parser.add_argument("--text-out", type=Path, default=TEXT_OUT)
    args = parser.parse_args(argv)
    import toolkit.inserts  # noqa: F401  (the code the rows are computed with ...)

    code_key()  # ... and its hash, read at the same moment
    if not (args.data / "vader_nyt" / "dev.csv").is_file():
        print(f"error: no VADER NYT sentences under {args.data}", file=sys.stderr)
        return 2
    if args.lopo:
        if args.thresholds is None:
            from toolkit.inserts import INSERT_THRESHOLD

            args.thresholds = [INSERT_THRESHOLD]
        return lopo(args)
    model = fit_model(ALL_POOLS, args.data, args.seed, args.repeats, C=args.C, drop=args.drop,
                      foreign=args.foreign, shrink=args.shrink, cache=args.cache)
    intercept, weights = model.words
    with open(args.words_out, "w", encoding="utf-8", newline="") as handle:
        handle.write("term\tcategory\tweight\n")
        handle.write(f"__intercept__\tintercept\t{intercept:.4f}\n")
        for term, weight in sorted(weights.items()):
            handle.write(f"{term}\tpromotional\t{weight:.4f}\n")
    train_insert_text.write(args.text_out, *model.text)
    type(model)(model.coef, model.intercept, None, model.info).save(args.out)
    print(f"wrote {args.out}, {args.words_out} and {args.text_out}")
    for name, c in sorted(model.coef.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {name:22s} {c:+.3f}")
    print(f"  {'intercept':22s} {model.intercept:+.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

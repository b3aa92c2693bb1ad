"""Insert detection on real articles with promotional blocks pasted in.

Takes the PTC development articles (``../shared/data/ptc/articles``, real news text, read in
place and never copied), pastes blocks from a pool (``benchmarks/insert_blocks/*.txt``) at
random paragraph positions, deterministically seeded, and runs
:func:`toolkit.inserts.find_inserts` on the result.

Figures:
- recall: the share of pasted paragraphs marked ``sponsored`` or ``boilerplate``;
- false-positive rate: the share of the articles' own paragraphs so marked. Raw, every flagged
  original line counts; but some PTC articles carry real site furniture of their own ("take
  our poll - story continues below", newsletter sign-ups, "Advertisement"), so a second rate
  leaves out the lines hand-checked as such in ``insert_blocks/ptc_native_inserts.tsv``
  (``--show-fp`` lists the rest).

The pool ``tuning.txt`` was used while setting the rule weights; ``heldout.txt`` was written at
the same time and only scored for the report. Articles split in two halves by the last hex
digit of ``sha1(article id)`` (even: tuning, odd: held-out).

Usage::

    python benchmarks/inserts_eval.py --pool tuning --articles tuning
    python benchmarks/inserts_eval.py --pool heldout --articles heldout --show-fp
"""
from __future__ import annotations

import argparse
import hashlib
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
POOLS = {"tuning": HERE / "insert_blocks" / "tuning.txt",
         "heldout": HERE / "insert_blocks" / "heldout.txt",
         "heldout2": HERE / "insert_blocks" / "heldout2.txt",
         "heldout3": HERE / "insert_blocks" / "heldout3.txt",
         "heldout4": HERE / "insert_blocks" / "heldout4.txt",
         "heldout5": HERE / "insert_blocks" / "heldout5.txt",
         "heldout6": HERE / "insert_blocks" / "heldout6.txt",
         "heldout7": HERE / "insert_blocks" / "heldout7.txt",
         "heldout8": HERE / "insert_blocks" / "heldout8.txt",
         "heldout9": HERE / "insert_blocks" / "heldout9.txt",
         "heldout10": HERE / "insert_blocks" / "heldout10.txt",
         "heldout11": HERE / "insert_blocks" / "heldout11.txt",
         "heldout12": HERE / "insert_blocks" / "heldout12.txt",
         "heldout13": HERE / "insert_blocks" / "heldout13.txt",
         "heldout14": HERE / "insert_blocks" / "heldout14.txt",
         "heldout15": HERE / "insert_blocks" / "heldout15.txt",
         "heldout16": HERE / "insert_blocks" / "heldout16.txt",
         "heldout17": HERE / "insert_blocks" / "heldout17.txt",
         "heldout18": HERE / "insert_blocks" / "heldout18.txt",
         "heldout19": HERE / "insert_blocks" / "heldout19.txt",
         "heldout20": HERE / "insert_blocks" / "heldout20.txt",
         "heldout21": HERE / "insert_blocks" / "heldout21.txt",
         "heldout22": HERE / "insert_blocks" / "heldout22.txt",
         "heldout23": HERE / "insert_blocks" / "heldout23.txt",
         "heldout24": HERE / "insert_blocks" / "heldout24.txt",
         "heldout25": HERE / "insert_blocks" / "heldout25.txt",
         "heldout26": HERE / "insert_blocks" / "heldout26.txt",
         "heldout27": HERE / "insert_blocks" / "heldout27.txt",
         "heldout28": HERE / "insert_blocks" / "heldout28.txt",
         "heldout29": HERE / "insert_blocks" / "heldout29.txt",
         "heldout30": HERE / "insert_blocks" / "heldout30.txt",
         "heldout31": HERE / "insert_blocks" / "heldout31.txt"}
#: find_inserts' margins that the command line and :func:`evaluate` can replace.
MARGINS = ("block_margin", "stranger_margin", "native_margin", "electoral_margin", "island_margin",
           "island_name_margin", "label_reach_margin")
PTC_ARTICLES = HERE.parent.parent / "shared" / "data" / "ptc" / "articles"
NATIVE = HERE / "insert_blocks" / "ptc_native_inserts.tsv"


def load_native(path: Path = NATIVE) -> set[tuple[str, int]]:
    """``(article id, line number)`` of the PTC lines that are site furniture of their own."""
    rows = set()
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        if raw and not raw.startswith("#"):
            article_id, line, _ = raw.split("\t")
            rows.add((article_id, int(line)))
    return rows


@dataclass(frozen=True)
class Block:
    """A promotional block: its type, whether it carries an explicit marker, its paragraphs."""

    type: str
    marker: bool
    paragraphs: tuple[str, ...]


def load_blocks(path: Path) -> list[Block]:
    """Read a pool file: ``@ type marker|nomarker`` headers, blocks ending at ``%%``."""
    blocks, header, lines = [], None, []
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        if header is None:
            if raw.startswith("@ "):
                kind, flag = raw[2:].split()
                header, lines = (kind, flag == "marker"), []
            continue
        if raw.strip() == "%%":
            body = "\n".join(lines).strip()
            paragraphs = tuple(p.strip() for p in body.split("\n\n") if p.strip())
            blocks.append(Block(header[0], header[1], paragraphs))
            header = None
        else:
            lines.append(raw)
    return blocks


def article_ids(directory: Path, part: str) -> list[str]:
    """Article file stems of one half (``tuning``, ``heldout``) or ``all``, sorted."""
    ids = sorted(p.stem for p in Path(directory).glob("article*.txt"))
    if part == "all":
        return ids
    want = 0 if part == "tuning" else 1
    return [i for i in ids if int(hashlib.sha1(i.encode()).hexdigest()[-1], 16) % 2 == want]


@dataclass
class Case:
    """One test article: its text and, per paragraph, the pasted block's type or None."""

    article_id: str
    text: str
    labels: list[str | None]
    markers: list[bool | None]
    lines: list[int | None]


def build_case(article_id: str, original: str, blocks: list[Block], rng: random.Random, *,
               max_blocks: int = 3, unit: str = "line") -> Case:
    """Paste 1..max_blocks blocks between the article's paragraphs (never before the first).

    With ``unit="line"`` every line of the article is a paragraph (PTC's own unit: a line is
    a sentence or the title), and each block's lines are, at random, kept together or made
    paragraphs of their own. With ``unit="loader"`` the paragraphs are those of
    :func:`toolkit.loading.split_paragraphs` and blocks keep their own paragraphs.
    """
    from toolkit.loading import split_paragraphs

    if unit == "line":
        numbered = [(n, line.strip()) for n, line in enumerate(original.splitlines(), 1)
                    if line.strip()]
        paragraphs = [line for _, line in numbered]
        numbers: list[int | None] = [n for n, _ in numbered]
    else:
        paragraphs = [original[s:e] for s, e in split_paragraphs(original)]
        numbers = [None] * len(paragraphs)
    n = rng.randint(1, max_blocks)
    chosen = rng.sample(blocks, k=min(n, len(blocks)))
    # Distinct gaps between the article's own paragraphs, so blocks never split each other.
    gaps = rng.sample(range(1, len(paragraphs) + 1), k=min(len(chosen), len(paragraphs)))
    pasted = {}
    for gap, block in zip(gaps, chosen):
        pieces = list(block.paragraphs)
        if unit == "line" and rng.random() < 0.5:
            pieces = [line for p in pieces for line in p.splitlines() if line.strip()]
        pasted[gap] = [(p, block.type, block.marker, None) for p in pieces]
    items: list[tuple[str, str | None, bool | None, int | None]] = []
    for i, p in enumerate(paragraphs):
        items += pasted.get(i, [])
        items.append((p, None, None, numbers[i]))
    items += pasted.get(len(paragraphs), [])
    return Case(article_id, "\n\n".join(item[0] for item in items),
                [item[1] for item in items], [item[2] for item in items],
                [item[3] for item in items])


def evaluate(pool: str | Path = "tuning", *, articles: str = "tuning", directory: Path =
             PTC_ARTICLES, seed: int = 0, limit: int | None = None, unit: str = "line",
             model=None, threshold: float | None = None, **margins: float | None) -> dict:
    """Score the detector on pasted blocks; returns the figures and the misses.

    Returns
    -------
    dict
        ``recall``, ``fp_rate``, ``n_inserted``, ``n_original``, ``n_articles``,
        ``recall_by_type``, ``recall_marker``, ``recall_nomarker``, ``kind_counts``,
        ``misses`` (inserted paragraphs not found), ``false_positives`` (with reasons) and
        ``rows``: per paragraph ``(article id, index, pasted type or None, flagged, score,
        similarity, hand-checked furniture)``.
        ``model`` (an :class:`~toolkit.insert_model.InsertModel`) and ``threshold`` replace
        the shipped model and threshold; ``margins`` (any of :data:`MARGINS`) replace
        ``find_inserts``'s. None keeps ``find_inserts``' default.
    """
    unknown = set(margins) - set(MARGINS)
    if unknown:
        raise TypeError(f"evaluate() got unknown margins {sorted(unknown)}; use {MARGINS}")
    options = {name: value for name, value in {"threshold": threshold, **margins}.items()
               if value is not None}
    from toolkit.inserts import find_inserts
    from toolkit.loading import load_article

    blocks = load_blocks(POOLS.get(pool, pool))
    ids = article_ids(directory, articles)
    if limit is not None:
        ids = ids[:limit]
    rng = random.Random(seed)
    found_by_type, total_by_type = Counter(), Counter()
    marker_hits = {True: [0, 0], False: [0, 0]}
    kind_counts: Counter = Counter()
    native = load_native() if unit == "line" else set()
    n_original = n_fp = n_native = n_native_fp = 0
    misses, false_positives, rows = [], [], []
    for article_id in ids:
        original = (Path(directory) / f"{article_id}.txt").read_text(encoding="utf-8-sig")
        case = build_case(article_id, original, blocks, rng, unit=unit)
        article = load_article(case.text, format="text")
        findings = find_inserts(article, model=model, **options)
        if len(findings) != len(case.labels):
            raise RuntimeError(f"{article_id}: paragraphs do not line up")
        for finding, label, marker, line in zip(findings, case.labels, case.markers,
                                                case.lines):
            flagged = finding.kind is not None
            rows.append((article_id, finding.paragraph, label, flagged, finding.score,
                         finding.similarity, line is not None and (article_id, line) in native))
            piece = article.text.__getitem__(slice(*article.paragraphs[finding.paragraph]))
            if label is None:
                n_original += 1
                is_native = (article_id, line) in native
                n_native += is_native
                if flagged:
                    n_fp += 1
                    n_native_fp += is_native
                    if not is_native:
                        false_positives.append((article_id, piece, finding.reason))
                continue
            total_by_type[label] += 1
            marker_hits[marker][1] += 1
            if flagged:
                found_by_type[label] += 1
                marker_hits[marker][0] += 1
                kind_counts[(label, finding.kind)] += 1
            else:
                misses.append((article_id, label, piece, round(finding.score, 2)))
    n_inserted = sum(total_by_type.values())
    return {
        "pool": str(pool), "articles": articles, "seed": seed, "n_articles": len(ids),
        "n_inserted": n_inserted, "n_original": n_original,
        "recall": sum(found_by_type.values()) / n_inserted if n_inserted else float("nan"),
        "fp_rate": n_fp / n_original if n_original else float("nan"), "n_fp": n_fp,
        "n_native": n_native,
        "fp_rate_journalism": ((n_fp - n_native_fp) / (n_original - n_native)
                               if n_original > n_native else float("nan")),
        "recall_marker": _ratio(marker_hits[True]), "recall_nomarker": _ratio(marker_hits[False]),
        "recall_by_type": {t: found_by_type[t] / total_by_type[t] for t in sorted(total_by_type)},
        "kind_counts": dict(kind_counts), "misses": misses, "false_positives": false_positives,
        "rows": rows,
    }


def _ratio(pair: list[int]) -> float:
    return pair[0] / pair[1] if pair[1] else float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pool", default="tuning",
                        help="tuning, heldout, heldout2 ... heldout31 or a pool file path")
    parser.add_argument("--articles", default="tuning", choices=["tuning", "heldout", "all"])
    parser.add_argument("--data", type=Path, default=PTC_ARTICLES, help="PTC articles folder")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--unit", default="line", choices=["line", "loader"],
                        help="article paragraphs: one per line (default) or the loader's")
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--model", type=Path, default=None,
                        help="an insert model file in place of the shipped one")
    parser.add_argument("--threshold", type=float, default=None,
                        help="decision threshold in place of the shipped one")
    for margin in MARGINS:
        parser.add_argument("--" + margin.replace("_", "-"), type=float, default=None,
                            help=f"find_inserts' {margin} in place of its default (0: off)")
    parser.add_argument("--show-fp", action="store_true", help="list the false positives")
    parser.add_argument("--show-misses", action="store_true", help="list the missed inserts")
    args = parser.parse_args(argv)
    if args.pool not in POOLS and not Path(args.pool).is_file():
        print(f"error: no pool {args.pool!r}: use {', '.join(POOLS)} or a file", file=sys.stderr)
        return 2
    if not args.data.is_dir():
        print(f"error: no PTC articles at {args.data}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(HERE.parent))
    from toolkit.insert_model import load_insert_model

    r = evaluate(args.pool, articles=args.articles, directory=args.data, seed=args.seed,
                 limit=args.limit, unit=args.unit,
                 model=load_insert_model(args.model) if args.model else None,
                 threshold=args.threshold, **{m: getattr(args, m) for m in MARGINS})
    print(f"pool={r['pool']} articles={r['articles']} ({r['n_articles']}) seed={r['seed']} "
          f"unit={args.unit}")
    print(f"recall {r['recall']:.3f} of {r['n_inserted']} pasted paragraphs "
          f"(with marker {r['recall_marker']:.3f}, without {r['recall_nomarker']:.3f})")
    print(f"false positives {r['n_fp']} of {r['n_original']} original paragraphs = "
          f"{r['fp_rate']:.4f} (raw)")
    if r["n_native"]:
        print(f"  leaving out {r['n_native']} lines of the articles' own furniture "
              f"({NATIVE.name}): {r['fp_rate_journalism']:.4f}")
    for t, v in r["recall_by_type"].items():
        print(f"  {t:16s} {v:.3f}")
    kinds = defaultdict(dict)
    for (label, kind), count in r["kind_counts"].items():
        kinds[label][kind] = count
    print("kinds given:", {k: dict(v) for k, v in sorted(kinds.items())})
    if args.show_misses:
        for article_id, label, piece, score in r["misses"]:
            print(f"MISS {article_id} {label} {score}: {piece[:150]!r}")
    if args.show_fp:
        for article_id, piece, reason in r["false_positives"]:
            print(f"FP {article_id}: {piece[:150]!r}\n    {reason}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

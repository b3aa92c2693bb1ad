"""The corpus path at scale: documents per second with 1 and 2 workers, memory, growth.

    python benchmarks/corpus.py [--sizes 500 1000 2000] [--workers 1 2] [--repeat 1]
                                [--lines 5] [--data ../shared/data] [--profile N]
                                [--no-stream | --stream-only]

Documents are real news text: the PTC development articles in ``../shared/data/ptc/articles``
cut into pieces of ``--lines`` consecutive non-empty lines (5 by default, which gives about
2,000 documents from the 235 articles), shuffled with a fixed seed so that every prefix of
500, 1,000 or 2,000 documents has the same mix of lengths. Without the data, the bundled
sample article is repeated.

Every configuration (size x workers x streaming) runs in a fresh Python process, so that its
peak memory is its own: ``maxrss`` of the main process and the largest worker
(``getrusage``). The lexicons are loaded before the clock starts (forked workers share them).
Streaming is ``keep=False`` with a checkpoint in a temporary folder; without streaming the
tables stay in memory and no checkpoint is written.

Printed per run: wall seconds, documents per second, CPU seconds per document (main and
workers together; this one does not depend on how busy the machine is), peak memory of the
main process and of a worker. Then the speed-up of 2 workers over 1 at the largest size, and
time and memory at each size relative to the smallest. ``--repeat R`` keeps the fastest of R
runs of each configuration. On a shared machine wall-clock figures are noisy: compare the
CPU seconds per document as well, and re-run on a quiet machine for the speed-up.

``--profile N`` runs pyinstrument over N documents in one process instead, and prints where
the time goes.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def documents(data: Path, lines_per_doc: int, limit: int) -> list[dict]:
    """Real news text as ``{"doc_id", "article", "text"}`` records, shuffled with seed 0."""
    folder = data / "ptc" / "articles"
    pieces = []
    paths = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not paths:
        paths = [ROOT / "data" / "moscow-beijing-military-ties.txt"] * 40
    for number, path in enumerate(paths):
        text = path.read_text(encoding="utf-8-sig")
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        for start in range(0, len(lines), lines_per_doc):
            pieces.append({"doc_id": f"{path.stem}-{number}:{start}", "article": path.stem,
                           "text": "\n\n".join(lines[start:start + lines_per_doc])})
    random.Random(0).shuffle(pieces)
    if len(pieces) < limit:
        raise SystemExit(f"only {len(pieces)} documents; lower --lines or --sizes")
    return pieces[:limit]


def run_one(args: argparse.Namespace) -> dict:
    """One configuration, in this (fresh) process; prints one JSON line."""
    import pandas as pd

    from toolkit.corpus import _schema, analyze_corpus

    frame = pd.DataFrame(documents(args.data, args.lines, args.size))
    _schema()  # lexicons and models loaded before the clock starts
    before = os.times()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        checkpoint = Path(tmp) / "ck" if args.stream else None
        result = analyze_corpus(frame, id="doc_id", meta=["article"], workers=args.n_workers,
                                progress=False, checkpoint=checkpoint, keep=not args.stream)
        wall = time.perf_counter() - start
        after = os.times()
        n_spans = sum(len(part) for part in result.iter_table("spans"))
    cpu = (after.user - before.user + after.system - before.system
           + after.children_user - before.children_user
           + after.children_system - before.children_system)
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"size": args.size, "workers": args.n_workers, "stream": bool(args.stream),
            "wall_s": wall, "docs_per_s": args.size / wall, "cpu_s_per_doc": cpu / args.size,
            "main_peak_mb": self_rss,
            "worker_peak_mb": child_rss if args.n_workers > 1 else self_rss,
            "failed": int((result.documents["status"] == "error").sum()), "spans": n_spans}


def profile(args: argparse.Namespace) -> None:
    import pandas as pd
    from pyinstrument import Profiler

    from toolkit.corpus import _schema, analyze_corpus

    frame = pd.DataFrame(documents(args.data, args.lines, args.profile))
    _schema()
    profiler = Profiler(interval=0.005)
    profiler.start()
    analyze_corpus(frame, id="doc_id", progress=False)
    profiler.stop()
    print(profiler.output_text(unicode=False, color=False, show_all=False))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 2000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--lines", type=int, default=5, help="lines per document")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--no-stream", action="store_true", help="skip the streaming runs")
    parser.add_argument("--stream-only", action="store_true",
                        help="only the streaming runs (half the time on a quiet machine)")
    parser.add_argument("--profile", type=int, metavar="N", help="profile N documents")
    parser.add_argument("--json", type=Path, help="also write the runs to this file")
    # Internal: run one configuration in this process.
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--n-workers", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--stream", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args)))
        return 0
    if args.profile:
        profile(args)
        return 0

    print(f"corpus benchmark: {os.cpu_count()} cores, load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} at start; "
          f"{args.lines} PTC lines per document")
    modes = [False] if args.no_stream else [True] if args.stream_only else [False, True]
    runs = []
    header = (f"{'docs':>5} {'workers':>7} {'stream':>6} {'wall s':>8} {'docs/s':>7} "
              f"{'cpu ms/doc':>10} {'main MB':>8} {'worker MB':>9} {'failed':>6}")
    print(header)
    for stream in modes:
        for size in args.sizes:
            for workers in args.workers:
                best = None
                for _ in range(args.repeat):
                    command = [sys.executable, __file__, "--one", "--size", str(size),
                               "--n-workers", str(workers), "--lines", str(args.lines),
                               "--data", str(args.data), *(["--stream"] if stream else [])]
                    out = subprocess.run(command, capture_output=True, text=True, check=True)
                    run = json.loads(out.stdout.strip().splitlines()[-1])
                    if best is None or run["wall_s"] < best["wall_s"]:
                        best = run
                runs.append(best)
                print(f"{size:>5} {workers:>7} {'yes' if stream else 'no':>6} "
                      f"{best['wall_s']:>8.1f} {best['docs_per_s']:>7.1f} "
                      f"{1000 * best['cpu_s_per_doc']:>10.1f} {best['main_peak_mb']:>8.0f} "
                      f"{best['worker_peak_mb']:>9.0f} {best['failed']:>6}", flush=True)

    def find(size, workers, stream):
        return next((r for r in runs if (r["size"], r["workers"], r["stream"]) ==
                     (size, workers, stream)), None)

    largest, smallest = max(args.sizes), min(args.sizes)
    print()
    for stream in modes:
        one, two = find(largest, 1, stream), find(largest, 2, stream)
        if one and two:
            print(f"speed-up, 2 workers over 1, {largest} docs, streaming "
                  f"{'on' if stream else 'off'}: {two['docs_per_s'] / one['docs_per_s']:.2f}x "
                  f"(bar: 1.6x)")
    for stream in modes:
        for workers in args.workers:
            base = find(smallest, workers, stream)
            growth = []
            for size in sorted(args.sizes):
                r = find(size, workers, stream)
                growth.append(f"{size}: time x{r['wall_s'] / base['wall_s']:.2f}, "
                              f"peak {'worker' if workers > 1 else 'main'} memory "
                              f"{r['worker_peak_mb']:.0f} MB, main {r['main_peak_mb']:.0f} MB")
            print(f"growth, {workers} worker(s), streaming {'on' if stream else 'off'} "
                  f"(docs x{largest // smallest} -> ideal time x{largest / smallest:.0f}): "
                  + "; ".join(growth))
    print(f"load average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    if args.json:
        args.json.write_text(json.dumps(runs, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

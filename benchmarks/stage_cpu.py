"""CPU time of the main steps of ``analyze`` in one cold pass over real paragraphs.

    python benchmarks/stage_cpu.py [--data ../shared/data] [--paragraphs 1500]

Each step is wrapped with ``time.process_time`` (CPU of this process, so other work on a
shared machine disturbs it less than wall-clock time); a step's time includes the steps it
calls (``_tone`` includes ``pattern_scores``). The pass is cold: only one short warm-up
sentence is analysed first, so the caches start empty.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import throughput  # noqa: E402  (the same articles as the throughput benchmark)

import toolkit  # noqa: E402
import toolkit.analysis as analysis  # noqa: E402
import toolkit.tone as tone  # noqa: E402

# find_quotes is the step of older code; analyze calls find_quotations since 2026-11-29.
_STEPS = ("_sentence_rows", "_tone", "find_inserts", "find_loaded", "segment", "find_quotes",
          "find_quotations", "_bias", "find_cues", "spans_table", "_paragraph_rows",
          "_paragraph_columns", "_frame", "_summary", "quotes_frame", "_with_voice",
          "_voice_pieces")


def _timed(totals: dict[str, float], name: str, function):
    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            totals[name] = totals.get(name, 0.0) + time.process_time() - start
    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--paragraphs", type=int, default=1500)
    args = parser.parse_args()
    articles = throughput.real_articles(args.data, args.paragraphs)
    toolkit.analyze("Warm up: load every lexicon and model once. A disaster, critics claimed.")
    totals: dict[str, float] = {}
    for name in _STEPS:
        if hasattr(analysis, name):         # so that the script also times older code
            setattr(analysis, name, _timed(totals, name, getattr(analysis, name)))
    tone.pattern_scores = _timed(totals, "pattern_scores", tone.pattern_scores)
    start = time.process_time()
    throughput.toolkit_analyze(articles)
    total = time.process_time() - start
    n = sum(len(a) for a in articles)
    print(f"cold pass over {len(articles)} articles, {n} paragraphs: {total:.2f} s CPU")
    for name, seconds in sorted(totals.items(), key=lambda item: -item[1]):
        print(f"  {name:16s} {seconds:6.2f} s")


if __name__ == "__main__":
    main()

"""How much of a repeat pass the per-sentence caches serve, on the throughput articles.

    python benchmarks/cache_reuse.py [--data ../shared/data] [--paragraphs 3000]

``benchmarks/throughput.py`` times ``analyze`` on a repeat pass over the same articles, when
the caches of :data:`throughput.SENTENCE_CACHES` may hold what the pass before computed.
This runs two passes and prints, for each of those caches, the calls of the second pass
that found their key (hits) and those that computed it again (misses), with the cache's
size: an LRU cache cycled through more keys than it holds keeps none of them for the next
pass, so a cache whose second pass misses most keys times the warm ratio as if on new text.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import throughput  # noqa: E402  (the same articles and caches as the throughput benchmark)

import toolkit  # noqa: E402


def _caches() -> dict[str, object]:
    """The :data:`throughput.SENTENCE_CACHES` this version has, by name."""
    out = {}
    for path in throughput.SENTENCE_CACHES:
        module, name = path.rsplit(".", 1)
        function = getattr(importlib.import_module(f"toolkit.{module}"), name, None)
        if hasattr(function, "cache_info"):
            out[path] = function
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--paragraphs", type=int, default=3000)
    args = parser.parse_args()
    articles = throughput.real_articles(args.data, args.paragraphs)
    toolkit.analyze("Warm up: load every lexicon and model once. A disaster, critics claimed.")
    caches = _caches()
    throughput.toolkit_analyze(articles)
    before = {path: cache.cache_info() for path, cache in caches.items()}
    throughput.toolkit_analyze(articles)
    print(f"second analyze pass over {len(articles)} articles, "
          f"{sum(len(a) for a in articles)} paragraphs:")
    for path, cache in caches.items():
        info, old = cache.cache_info(), before[path]
        print(f"  {path:32s} hits {info.hits - old.hits:7,d}  misses "
              f"{info.misses - old.misses:7,d}  entries {info.currsize:6,d} of {info.maxsize:,d}")


if __name__ == "__main__":
    main()

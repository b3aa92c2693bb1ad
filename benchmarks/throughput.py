"""Throughput of ``analyze`` against bare NLTK VADER on the same paragraphs, in one run.

    python benchmarks/throughput.py [--paragraphs 3000] [--data ../shared/data]

Paragraphs come from real news text: the PTC development articles in ``../shared/data`` when
present (one paragraph per line), otherwise the bundled sample repeated. ``analyze`` runs on
each whole article, as a user runs it; bare VADER runs on each paragraph, as a user of plain
VADER would score paragraphs.
Both timings run in this process, one after the other, with the lexicons already loaded, so
the ratio compares like with like. ``analyze`` computes the entities and mentions tables
only when they are read, so a second ratio is ``analyze`` with every table of the result
read. Each repeat analyses the same articles again, so the toolkit's per-sentence caches
(:data:`SENTENCE_CACHES`) hold what the pass before left in them: on the 3,000 paragraphs,
every sentence of ``_piece_words``, but almost none of ``vader_pass`` and ``lower_words``,
which get 4,166 keys (the sentences and the voice stretches) for 4,096 entries, so that the
LRU order keeps none for the next pass (``benchmarks/cache_reuse.py`` prints the hits). A
third ratio times ``analyze`` with those caches emptied first, as on text it has not seen
(its word-type caches stay filled, as they would be on any corpus). Also prints peak memory and a linearity check on one long text
(1, 2 and 4 MB, plus 5 MB) so that quadratic behaviour would show.
"""
from __future__ import annotations

import argparse
import importlib
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import toolkit  # noqa: E402
from toolkit.loading import Article, split_paragraphs  # noqa: E402
from toolkit.segmentation import sentence_spans  # noqa: E402
from toolkit.sentiment import vader  # noqa: E402


def real_articles(data: Path, limit: int) -> list[list[str]]:
    """Real news articles as lists of paragraphs (PTC lines), ``limit`` paragraphs in all."""
    folder = data / "ptc" / "articles"
    articles: list[list[str]] = []
    total = 0
    if folder.is_dir():
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8-sig")
            lines = [line.strip() for line in text.splitlines() if line.strip()][: limit - total]
            articles.append(lines)
            total += len(lines)
            if total >= limit:
                break
    if not articles:
        sample = (ROOT / "data" / "moscow-beijing-military-ties.txt").read_text(encoding="utf-8")
        base = [sample[s:e] for s, e in split_paragraphs(sample)]
        articles = [base] * (limit // len(base) + 1)
    return articles


def bare_vader(paragraphs: list[str]) -> float:
    """What a user of plain NLTK VADER would run: one call per paragraph."""
    analyser = vader()
    start = time.perf_counter()
    for text in paragraphs:
        analyser.polarity_scores(text)
    return time.perf_counter() - start


TABLES = ("paragraphs", "sentences", "spans", "quotes", "entities", "mentions")


#: The toolkit's caches keyed by a sentence or a whole text, not by a word type. A second
#: pass over the same articles finds in them what fits (the 3,124 sentences in
#: ``_piece_words``; not the 4,166 sentences and voice stretches of ``vader_pass`` and
#: ``lower_words``), which a user's new text would not; bare VADER keeps no such cache.
SENTENCE_CACHES = ("segmentation._piece_words", "segmentation.lower_words",
                   "sentiment.vader_pass", "cues.lower_stems", "target_tone._quotations",
                   "target_tone._sentence_ranges", "target_tone._words")


def clear_sentence_caches() -> None:
    """Empty :data:`SENTENCE_CACHES` (those this version of the toolkit has)."""
    for path in SENTENCE_CACHES:
        module, name = path.rsplit(".", 1)
        function = getattr(importlib.import_module(f"toolkit.{module}"), name, None)
        if hasattr(function, "cache_clear"):
            function.cache_clear()


def toolkit_analyze(articles: list[list[str]], *, every_table: bool = False) -> float:
    """The toolkit's unit of work: whole articles, analysed paragraph by paragraph.

    ``analyze`` defers the entities and mentions tables until they are read; with
    ``every_table`` each table is read, so that the deferred work is timed too.
    """
    texts = ["\n\n".join(paragraphs) for paragraphs in articles]
    start = time.perf_counter()
    for text in texts:
        result = toolkit.analyze(text)
        if every_table:
            for name in TABLES:
                getattr(result, name)
    return time.perf_counter() - start


def long_text_seconds(paragraphs: list[str], megabytes: float) -> float:
    """Seconds to analyse one text of ``megabytes`` made of ``paragraphs`` over and over.

    Each copy's paragraphs carry the text's size and the copy's number, so that no sentence
    repeats, within a text or across the runs, and the per-sentence caches do not make the
    longer texts look cheaper than they are.
    """
    size = int(megabytes * 1_000_000)
    copies, length = [], 0
    while length < size:
        copies.append("\n\n".join(f"[{megabytes}:{len(copies)}] {p}" for p in paragraphs))
        length += len(copies[-1]) + 2
    text = "\n\n".join(copies)[:size]
    start = time.perf_counter()
    result = toolkit.analyze(Article(text=text, paragraphs=split_paragraphs(text)))
    for name in TABLES:                     # the deferred tables must scale linearly too
        getattr(result, name)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=3000)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--long", type=float, nargs="*", default=[1, 2, 4, 5],
                        help="sizes in MB for the linearity check (empty to skip)")
    args = parser.parse_args()

    articles = real_articles(args.data, args.paragraphs)
    paragraphs = [p for article in articles for p in article]
    n_sentences = sum(len(sentence_spans(p)) for p in paragraphs)
    print(f"{len(paragraphs)} paragraphs in {len(articles)} articles, {n_sentences} sentences, "
          f"{sum(map(len, paragraphs)) / 1e6:.2f} MB of real news text")
    toolkit.analyze("Warm up: load every lexicon and model once. A disaster, critics claimed.")

    vader_times, analyze_times, full_times, fresh_times = [], [], [], []
    for _ in range(args.repeats):
        vader_times.append(bare_vader(paragraphs))
        analyze_times.append(toolkit_analyze(articles))
        full_times.append(toolkit_analyze(articles, every_table=True))
        clear_sentence_caches()
        fresh_times.append(toolkit_analyze(articles))
    v, a, f, c = (statistics.median(t) for t in (vader_times, analyze_times, full_times,
                                                  fresh_times))
    n = len(paragraphs)
    print(f"bare NLTK VADER   : {n / v:8.1f} paragraphs/s  ({v:.2f} s, median of {args.repeats})")
    print(f"toolkit.analyze   : {n / a:8.1f} paragraphs/s  ({a:.2f} s, median of {args.repeats})")
    print(f"  + every table   : {n / f:8.1f} paragraphs/s  ({f:.2f} s, median of {args.repeats}; "
          f"reads entities and mentions too)")
    print(f"  sentence caches cleared: {n / c:8.1f} paragraphs/s  ({c:.2f} s, median of "
          f"{args.repeats}; as on text it has not seen)")
    print(f"ratio analyze/VADER time: {a / v:.2f}  (goal: at most 3)")
    print(f"ratio analyze + every table/VADER time: {f / v:.2f}")
    print(f"ratio analyze, sentence caches cleared/VADER time: {c / v:.2f}")

    tracemalloc.start()
    toolkit_analyze(articles[:20])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak Python allocation over 20 articles: {peak / 1e6:.1f} MB; process peak RSS {rss:.0f} MB")

    if args.long:
        print("one long text (linearity):")
        base = None
        for mb in args.long:
            seconds = long_text_seconds(paragraphs, mb)
            base = base or seconds / mb
            print(f"  {mb:4.1f} MB: {seconds:6.1f} s  ({seconds / mb:5.1f} s per MB, "
                  f"{seconds / mb / base:4.2f}x the first size's rate)")


if __name__ == "__main__":
    main()

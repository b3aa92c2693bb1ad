"""Every quote's speaker over the PTC development articles, and what changed between two runs.

A change to the quote finder is read on the whole corpus, not only on the annotated case
files: dump the speakers before and after, then list each quote whose speaker changed with
the text around it, to read and judge by hand::

    python benchmarks/speaker_dump.py dump before.json        # on the old code
    python benchmarks/speaker_dump.py dump after.json         # on the new code
    python benchmarks/speaker_dump.py diff before.json after.json

The articles are read in place from ``--ptc`` (default ``../shared/data/ptc/articles``) and
never copied into the repository; a dump holds offsets, speakers and verbs only.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from toolkit.voice import find_quotes  # noqa: E402

PTC = Path(__file__).resolve().parents[2] / "shared" / "data" / "ptc" / "articles"


def dump(folder: Path) -> dict[str, list]:
    """``{article: [[start, end, speaker, verb], ...]}`` for every article in ``folder``."""
    return {path.stem: [[q.start, q.end, q.speaker, q.verb]
                        for q in find_quotes(path.read_text(encoding="utf-8-sig"))]
            for path in sorted(folder.glob("*.txt"))}


def changes(before: dict, after: dict, folder: Path) -> list[str]:
    """One line per quote whose speaker differs (or that only one run found), in context."""
    lines = []
    for article in sorted(set(before) | set(after)):
        old = {(s, e): speaker for s, e, speaker, _ in before.get(article, [])}
        new = {(s, e): speaker for s, e, speaker, _ in after.get(article, [])}
        text = None
        for s, e in sorted(set(old) | set(new)):
            a, b = old.get((s, e), "<absent>"), new.get((s, e), "<absent>")
            if a == b:
                continue
            if text is None:
                text = (folder / f"{article}.txt").read_text(encoding="utf-8-sig")
            lines.append(f"{article} {s}-{e} {a!r} -> {b!r}: {text[max(0, s - 120):s]!r} "
                         f"[[{text[s:e][:60]!r}]] {text[e:e + 100]!r}")
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ptc", type=Path, default=PTC, help="folder of PTC article files")
    verbs = parser.add_subparsers(dest="verb", required=True)
    verbs.add_parser("dump", help="write every quote's speaker to a JSON file").add_argument(
        "out", type=Path)
    diff = verbs.add_parser("diff", help="list the quotes whose speaker changed")
    diff.add_argument("before", type=Path)
    diff.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.verb == "dump":
        if not args.ptc.is_dir():
            print(f"error: no PTC articles in {args.ptc}", file=sys.stderr)
            return 2
        found = dump(args.ptc)
        args.out.write_text(json.dumps(found), encoding="utf-8")
        print(f"{sum(map(len, found.values()))} quotes in {len(found)} articles -> {args.out}")
        return 0
    lines = changes(*(json.loads(p.read_text(encoding="utf-8")) for p in (args.before, args.after)),
                    args.ptc)
    print("\n".join([*lines, f"{len(lines)} changed"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

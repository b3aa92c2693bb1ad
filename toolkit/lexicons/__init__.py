"""The toolkit's lexicons: TSV files of ``term, category, weight`` and a manifest.

Files are read with :mod:`importlib.resources` on first use and cached; importing this
package reads nothing. ``manifest.json`` records each file's source and licence.
"""
from __future__ import annotations

import csv
import json
from functools import lru_cache
from importlib.resources import files

__all__ = ["manifest", "read_lexicon", "lexicon_files"]


def lexicon_files() -> list[str]:
    """Names of the bundled lexicon files, in the order of the manifest (earlier files win ties)."""
    return list(manifest())


@lru_cache(maxsize=1)
def manifest() -> dict[str, dict]:
    """File name to ``{"description", "source", "licence"}``."""
    return json.loads(files(__name__).joinpath("manifest.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def read_lexicon(name: str) -> tuple[tuple[str, str, float], ...]:
    """Rows ``(term, category, weight)`` of one bundled TSV file."""
    text = files(__name__).joinpath(name).read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines(), delimiter="\t")
    missing = {"term", "category", "weight"} - set(rows.fieldnames or ())
    if missing:
        raise ValueError(f"lexicon {name!r} lacks the columns {sorted(missing)}")
    return tuple((r["term"].strip(), r["category"].strip(), float(r["weight"]))
                 for r in rows if r["term"].strip() and not r["term"].startswith("#"))

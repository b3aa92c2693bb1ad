"""Write an analysis to disk: CSV tables, the summary as JSON, and a chart."""
from __future__ import annotations

import json
import math
import re
from pathlib import Path

__all__ = ["write_analysis", "print_paragraphs", "article_slug"]


def article_slug(result) -> str:
    """A file-system-safe folder name for an article."""
    source = result.article.source
    base = Path(source).stem if source and "://" not in source else (result.article.title or "article")
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", base).strip("-").lower()
    return slug[:80] or "article"


def _json_safe(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def write_analysis(result, out: str | Path, *, chart: bool = True) -> list[Path]:
    """Write ``paragraphs.csv``, ``sentences.csv``, ``spans.csv``, ``summary.json`` and,
    with ``chart``, ``paragraphs.png`` into ``out/<slug>/``. Returns the paths written."""
    folder = Path(out) / article_slug(result)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in ("paragraphs", "sentences", "spans"):
        path = folder / f"{name}.csv"
        getattr(result, name).to_csv(path, index=False)
        written.append(path)
    path = folder / "summary.json"
    path.write_text(json.dumps({k: _json_safe(v) for k, v in result.summary.items()}, indent=2,
                               ensure_ascii=False), encoding="utf-8")
    written.append(path)
    if chart and len(result.paragraphs):
        import matplotlib

        matplotlib.use("Agg", force=False)
        import matplotlib.pyplot as plt

        from .plots import plot_overview

        fig = plot_overview(result.paragraphs, title=result.article.title)
        path = folder / "paragraphs.png"
        fig.savefig(path, dpi=120, bbox_inches="tight")
        plt.close(fig)
        written.append(path)
    return written


def print_paragraphs(result, *, file=None, width: int = 48) -> None:
    """Print a short per-paragraph table: kind, words, tone, loaded density, top terms."""
    table = result.paragraphs[["paragraph", "kind", "n_words", "sentiment", "loaded_density",
                               "top_terms"]].copy()
    table["text"] = result.paragraphs["text"].str.replace(r"\s+", " ", regex=True).str.slice(0, width)
    title = result.article.title or result.article.source or "article"
    print(f"\n{title}", file=file)
    print(table.to_string(index=False, float_format=lambda x: f"{x:.2f}",
                          max_colwidth=width), file=file)
    print(f"summary: {result.summary.get('note', '')}; loaded density "
          f"{result.summary.get('loaded_density', 0):.2f} per 100 words", file=file)

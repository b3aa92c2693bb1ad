"""Write an analysis to disk: CSV tables, the summary as JSON, and a chart."""
from __future__ import annotations

import json
import math
import re
from pathlib import Path

__all__ = ["write_analysis", "print_paragraphs", "article_slug", "write_corpus", "corpus_index",
           "insert_counts"]


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
    """Write ``paragraphs.csv``, ``sentences.csv``, ``spans.csv``, ``quotes.csv``,
    ``entities.csv``, ``summary.json`` and, with ``chart``, ``paragraphs.png`` into
    ``out/<slug>/``. Returns the paths written.

    Reading ``quotes`` and ``entities`` computes those deferred tables (the quotes' speakers
    from the dependency parse, the target tone of every mention)."""
    folder = Path(out) / article_slug(result)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in ("paragraphs", "sentences", "spans", "quotes", "entities"):
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


# --------------------------------------------------------------------------- corpus runs
_INSERT_KINDS = ("sponsored", "boilerplate")
_INDEX_CSS = """body{font-family:system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin-bottom:2em}th,td{border:1px solid #ccc;padding:4px 8px;
text-align:left;vertical-align:top}th{background:#f3f3f3}td.num{text-align:right}
caption{text-align:left;font-weight:bold;font-size:1.2em;margin:0.5em 0}"""


def insert_counts(paragraph_tables) -> "pd.DataFrame":
    """Per document: ``n_paragraphs``, ``insert_paragraphs`` (sponsored or boilerplate) and
    ``insert_share``, from an iterable of paragraph tables with ``doc_id`` and ``kind``."""
    import pandas as pd

    counts = []
    for frame in paragraph_tables:
        if len(frame):
            grouped = frame.assign(insert=frame["kind"].isin(_INSERT_KINDS)).groupby(
                "doc_id", sort=False)["insert"]
            counts.append(pd.DataFrame({"n": grouped.size(), "inserts": grouped.sum()}))
    if not counts:
        return pd.DataFrame({"insert_paragraphs": pd.Series([], dtype="int64"),
                             "insert_share": pd.Series([], dtype="float64")})
    total = pd.concat(counts).groupby(level=0).sum()
    return pd.DataFrame({"insert_paragraphs": total["inserts"].astype("int64"),
                         "insert_share": total["inserts"] / total["n"]})


def corpus_index(documents, inserts, *, meta=(), title: str = "Corpus") -> str:
    """A standalone HTML index of a corpus run: the documents, most loaded first; the
    documents with inserts, most insert-ridden first; and the failures. All text escaped."""
    from html import escape

    import pandas as pd

    docs = documents.join(inserts, on="doc_id")
    docs["insert_paragraphs"] = docs["insert_paragraphs"].fillna(0).astype("int64")
    docs["insert_share"] = docs["insert_share"].fillna(0.0)
    ok = docs[docs["status"] == "ok"]

    def cell(value) -> str:
        if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
            return "<td></td>"
        if isinstance(value, float):
            return f'<td class="num">{value:.2f}</td>'
        if isinstance(value, int):
            return f'<td class="num">{value}</td>'
        return f"<td>{escape(str(value))}</td>"

    def table(frame, columns, caption) -> str:
        columns = [c for c in columns if c in frame.columns]
        head = "".join(f"<th>{escape(str(c))}</th>" for c in columns)
        body = "\n".join("<tr>" + "".join(cell(_json_safe(v)) for v in row) + "</tr>"
                         for row in frame[columns].itertuples(index=False))
        return (f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
                f"<tbody>\n{body}\n</tbody></table>")

    figures = ["doc_id", *meta, "title", "n_paragraphs", "n_words", "loaded_density",
               "loaded_count", "sentiment", "subjectivity", "insert_paragraphs", "top_terms"]
    parts = [f"<h1>{escape(title)}</h1>",
             f"<p>{len(docs)} documents, {len(ok)} analysed, {len(docs) - len(ok)} failed.</p>",
             table(ok.sort_values(["loaded_density", "doc_id"], ascending=[False, True],
                                  kind="stable"), figures,
                   "Documents, most loaded first (loaded cues per 100 words)")]
    ridden = ok[ok["insert_paragraphs"] > 0].sort_values(
        ["insert_share", "insert_paragraphs"], ascending=False, kind="stable")
    parts.append(table(ridden, ["doc_id", *meta, "title", "insert_paragraphs", "insert_share",
                                "n_paragraphs", "loaded_density"],
                       "Documents with sponsored or boilerplate inserts, most insert-ridden first")
                 if len(ridden) else "<p>No sponsored or boilerplate paragraphs found.</p>")
    failed = docs[docs["status"] != "ok"]
    if len(failed):
        parts.append(table(failed, ["doc_id", *meta, "error"], "Documents that failed"))
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
            f"<title>{escape(title)}</title><style>{_INDEX_CSS}</style></head><body>\n"
            + "\n".join(parts) + "\n</body></html>\n")


def write_corpus(corpus, out: str | Path, *, meta=(), format: str | None = None) -> list[Path]:
    """Write a corpus run's tables (``documents``, ``paragraphs``, ``spans``; Parquet, or
    CSV without pyarrow) and ``index.html`` into ``out``. Returns the paths written."""
    from .corpus import _has_pyarrow

    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    format = format or ("parquet" if _has_pyarrow() else "csv")
    written = []
    for name in ("documents", "paragraphs", "spans"):
        frame = getattr(corpus, name)
        path = folder / f"{name}.{format}"
        if format == "parquet":
            frame.to_parquet(path, index=False)
        else:
            frame.to_csv(path, index=False)
        written.append(path)
        if name == "documents" and format != "csv":
            frame.to_csv(folder / "documents.csv", index=False)
            written.append(folder / "documents.csv")
    inserts = insert_counts(corpus.iter_table("paragraphs"))
    path = folder / "index.html"
    path.write_text(corpus_index(corpus.documents, inserts, meta=meta,
                                 title=f"Corpus: {len(corpus.documents)} documents"),
                    encoding="utf-8")
    written.append(path)
    return written

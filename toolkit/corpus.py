"""``analyze_corpus()``: many articles to three tidy tables, in parallel, nothing lost.

Data flow: the input (a DataFrame, strings, records, a folder or a glob of files) becomes a
stream of documents with unique ids -> each document goes through :func:`~toolkit.analysis.
analyze` (in worker processes when ``workers > 1``) -> its paragraphs, spans and summary rows
get the document id and metadata columns -> with a checkpoint, every batch of finished
documents is appended to Parquet (CSV without pyarrow) as it completes, so an interrupted run
resumes where it stopped.

The tables take whatever columns :func:`~toolkit.analysis.analyze` gives: they are read from
the analysis of a short probe text, so columns added to ``analyze`` flow through unchanged.
"""
from __future__ import annotations

import glob as globlib
import hashlib
import json
import math
import os
import time
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

__all__ = ["Corpus", "analyze_corpus", "corpus_columns", "DOC_ID", "STATUS_OK", "STATUS_ERROR",
           "TABLES"]

#: Name of the document id column in every table.
DOC_ID = "doc_id"
STATUS_OK, STATUS_ERROR = "ok", "error"
#: The three tables of a corpus run.
TABLES = ("documents", "paragraphs", "spans")
#: File suffixes read from a folder or glob; .jsonl and .csv hold one document per row.
DOCUMENT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown",
                     ".markdown": "markdown", ".html": "html", ".htm": "html"}
TABULAR_SUFFIXES = (".jsonl", ".csv")
_PROBE = ("Probe headline\n\nCritics slammed the plan as a disaster, said Mr. Smith. "
          "\"We must fight back,\" he said.\n\nThe vote is on Monday.")
_CHECKPOINT_VERSION = 2  # 2: the manifest records the toolkit's fingerprint
_CSV_NA = "\\N"


@lru_cache(maxsize=1)
def toolkit_fingerprint() -> str:
    """A SHA-256 of the installed toolkit's code, lexicons and models: what a checkpoint
    records, so that a run is never resumed by code whose tables may differ."""
    return _fingerprint(Path(__file__).resolve().parent)


def _fingerprint(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix != ".pyc"):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


# --------------------------------------------------------------------------- the schema
@dataclass(frozen=True)
class _Schema:
    """Columns and dtypes of analyze()'s tables, read from the analysis of a probe text."""

    paragraphs: dict[str, object]
    spans: dict[str, object]
    summary: dict[str, object]


def _summary_dtype(value) -> object:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "Int64"
    if isinstance(value, float):
        return "float64"
    if isinstance(value, str) or value is None:
        return "str"
    return object


@lru_cache(maxsize=1)
def _schema() -> _Schema:
    from .analysis import analyze

    result = analyze(_PROBE)
    return _Schema(paragraphs=dict(result.paragraphs.dtypes.items()),
                   spans=dict(result.spans.dtypes.items()),
                   summary={k: _summary_dtype(v) for k, v in result.summary.items()})


def corpus_columns(table: str, *, meta: Sequence[str] = ()) -> list[str]:
    """The columns of one of the corpus tables, in order.

    Parameters
    ----------
    table : {"documents", "paragraphs", "spans"}
    meta : sequence of str
        The metadata columns carried from the input.

    Examples
    --------
    >>> corpus_columns("documents", meta=["outlet"])[:4]
    ['doc_id', 'outlet', 'status', 'error']
    """
    schema = _schema()
    if table == "documents":
        return [DOC_ID, *meta, "status", "error", *schema.summary]
    if table in ("paragraphs", "spans"):
        return [DOC_ID, *meta, *getattr(schema, table)]
    raise ValueError(f"table must be one of {TABLES}, not {table!r}")


def _fixed_dtypes(table: str) -> dict[str, object]:
    schema = _schema()
    if table == "documents":
        return {"status": "str", "error": "str", **schema.summary}
    return dict(getattr(schema, table))


# --------------------------------------------------------------------------- documents
@dataclass(frozen=True)
class _Doc:
    """One document to analyse: ``kind`` is "text" (payload is the text, or whatever the
    input held), "path" (payload is a file to read) or "error" (payload is the message)."""

    order: int
    id: object
    kind: str
    payload: object
    meta: tuple
    format: str | None = None


class _Source:
    """A re-iterable view of the input: ids first (to check them), then the documents."""

    def __init__(self, docs, *, text: str, id: str | None, meta: Sequence[str],
                 format: str | None):
        self.text_key, self.id_key, self.meta, self.format = text, id, tuple(meta), format
        self._files: list[tuple[Path, str]] | None = None
        self._frame: pd.DataFrame | None = None
        self._items: list | None = None
        if isinstance(docs, pd.DataFrame):
            missing = [c for c in (text, *([id] if id else []), *meta) if c not in docs.columns]
            if missing:
                raise ValueError(f"docs has no column(s) {missing}; its columns are "
                                 f"{list(docs.columns)}")
            self._frame = docs
        elif isinstance(docs, (str, os.PathLike)):
            self._files = _find_files(docs)
        elif isinstance(docs, (bytes, Mapping)):
            raise TypeError(f"docs must be a DataFrame, an iterable of strings or records, or "
                            f"a folder or glob of files, not {type(docs).__name__}")
        elif isinstance(docs, Iterable):
            self._items = list(docs)
        else:
            raise TypeError(f"docs must be a DataFrame, an iterable of strings or records, or "
                            f"a folder or glob of files, not {type(docs).__name__}")

    # Every document, in input order; ``with_payload=False`` reads just enough for the ids.
    def __iter__(self) -> Iterator[_Doc]:
        return self.documents()

    def documents(self, *, with_payload: bool = True) -> Iterator[_Doc]:
        if self._frame is not None:
            yield from self._from_frame(self._frame, 0, None)
        elif self._items is not None:
            for order, item in enumerate(self._items):
                yield self._from_item(order, item, default_id=order)
        else:
            order = 0
            for path, name in self._files:
                suffix = path.suffix.lower()
                if suffix in TABULAR_SUFFIXES:
                    for doc in self._from_table_file(path, name, order):
                        yield doc
                        order += 1
                else:
                    meta = tuple(str(path) if m == "path" else None for m in self.meta)
                    yield _Doc(order, name, "path", str(path) if with_payload else None, meta,
                               self.format or DOCUMENT_SUFFIXES.get(suffix, "text"))
                    order += 1

    def _from_frame(self, frame: pd.DataFrame, first: int, prefix: str | None) -> Iterator[_Doc]:
        texts = frame[self.text_key].tolist()
        ids = (frame[self.id_key].tolist() if self.id_key else
               [f"{prefix}:{i + 1}" if prefix else first + i for i in range(len(frame))])
        metas = list(zip(*[frame[m].tolist() for m in self.meta])) if self.meta else \
            [()] * len(frame)
        for i, (doc_id, value, meta) in enumerate(zip(ids, texts, metas)):
            yield _Doc(first + i, _plain(doc_id), "text", value, tuple(_plain(v) for v in meta),
                       self.format)

    def _from_item(self, order: int, item, *, default_id) -> _Doc:
        if isinstance(item, Mapping):
            doc_id = item.get(self.id_key, default_id) if self.id_key else default_id
            meta = tuple(_plain(item.get(m)) for m in self.meta)
            return _Doc(order, _plain(doc_id), "text", item.get(self.text_key), meta, self.format)
        return _Doc(order, default_id, "text", item, (None,) * len(self.meta), self.format)

    def _from_table_file(self, path: Path, name: str, first: int) -> Iterator[_Doc]:
        try:
            if path.suffix.lower() == ".csv":
                frame = pd.read_csv(path, dtype=object, keep_default_na=False,
                                    encoding="utf-8-sig")
                missing = [c for c in (self.text_key, *([self.id_key] if self.id_key else []))
                           if c not in frame.columns]
                if missing:
                    raise ValueError(f"{name} has no column(s) {missing}")
                for m in self.meta:
                    if m not in frame.columns:
                        frame[m] = None
                yield from self._from_frame(frame, first, name)
                return
            lines = path.read_bytes().decode("utf-8-sig").splitlines()
        except Exception as exc:  # the whole file is one failed document
            yield _Doc(first, name, "error", f"cannot read {name}: {_message(exc)}",
                       (None,) * len(self.meta))
            return
        order = first
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            default = f"{name}:{number}"
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise ValueError(f"expected a JSON object, got {type(record).__name__}")
            except ValueError as exc:
                yield _Doc(order, default, "error", f"malformed JSON on line {number} of "
                           f"{name}: {exc}", (None,) * len(self.meta))
            else:
                yield self._from_item(order, record, default_id=default)
            order += 1


def _plain(value):
    """numpy scalars to Python scalars, so ids and metadata compare and pickle simply."""
    return value.item() if hasattr(value, "item") and not isinstance(value, (str, bytes)) \
        else value


def _find_files(docs) -> list[tuple[Path, str]]:
    """``(path, id)`` for each readable file under a folder, a file or a glob, sorted."""
    wanted = set(DOCUMENT_SUFFIXES) | set(TABULAR_SUFFIXES)
    path = Path(docs)
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in wanted)
        return [(p, p.relative_to(path).as_posix()) for p in found]
    if path.is_file():
        return [(path, path.name)]
    matches = sorted(globlib.glob(str(docs), recursive=True))
    files = [Path(m) for m in matches if Path(m).is_file() and Path(m).suffix.lower() in wanted]
    if not files:
        raise FileNotFoundError(f"no files match {str(docs)!r} (a folder, a file or a glob "
                                f"of .txt, .md, .html, .jsonl or .csv files)")
    # Ids relative to the folder the glob starts from: "a/*.txt" gives "x.txt", not "a/x.txt".
    plain = str(docs)
    magic = min((plain.find(c) for c in "*?[" if c in plain), default=len(plain))
    root = os.path.dirname(plain[:magic]) or "."
    return [(p, Path(os.path.relpath(p, root)).as_posix()) for p in files]


def _check_ids(source: _Source) -> tuple[list, bool]:
    """All ids in input order; raises before any work when one repeats."""
    ids, seen, repeated = [], set(), []
    for doc in source.documents(with_payload=False):
        key = doc.id
        if key is None or (isinstance(key, float) and math.isnan(key)):
            raise ValueError(f"document {doc.order} has no id")
        if key in seen:
            repeated.append(key)
        seen.add(key)
        ids.append(key)
    if repeated:
        shown = ", ".join(repr(k) for k in sorted(set(repeated), key=str)[:10])
        raise ValueError(f"document ids must be unique; {len(set(repeated))} repeat: {shown}")
    numeric = all(isinstance(k, int) and not isinstance(k, bool) for k in ids)
    return ids, numeric


# --------------------------------------------------------------------------- one document
def _message(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def _load(doc: _Doc, max_chars: int):
    """The Article for a document, or raise with the reason it cannot be analysed."""
    from .loading import _parse, _read_file

    if doc.kind == "error":
        raise ValueError(doc.payload)
    if doc.kind == "path":
        path = Path(doc.payload)
        size = path.stat().st_size
        if size > 4 * max_chars:
            raise ValueError(f"too large: {size} bytes > 4 x max_chars={max_chars}")
        text, kind, source = _read_file(path), doc.format or "text", str(path)
    else:
        text, kind, source = doc.payload, doc.format, None
        if isinstance(text, bytes):
            try:
                text = text.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise ValueError(f"cannot decode the text as UTF-8: {exc.reason} at byte "
                                 f"{exc.start}") from exc
        if text is None or (isinstance(text, float) and math.isnan(text)):
            raise ValueError("no text: the text is missing")
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, not {type(text).__name__}")
    if len(text) > max_chars:
        raise ValueError(f"too large: {len(text)} characters > max_chars={max_chars}")
    if not text.strip():
        raise ValueError("empty document: no text")
    if kind is None:
        from .loading import _guess_format

        kind = _guess_format(text)
    # _parse, not load_article: a document's text is never read as a path or fetched as a URL.
    article = _parse(text, kind, source)
    if not article.paragraphs or not article.text.strip():
        raise ValueError(f"no text could be extracted from this {kind} document")
    return article


def _encode(value):
    """Nested values (lists, dicts) as JSON text, so every cell is a plain scalar."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "item") and getattr(value, "ndim", 0) == 0:
        return value.item()
    if hasattr(value, "tolist"):
        value = value.tolist()
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


def _run_one(doc: _Doc, settings: "_Settings"):
    """``(document row, paragraphs, spans)`` for one document; never raises an Exception."""
    from .analysis import analyze

    row = {DOC_ID: doc.id, **dict(zip(settings.meta, doc.meta))}
    try:
        article = _load(doc, settings.max_chars)
        result = analyze(article, **settings.options)
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
        row.update(status=STATUS_ERROR, error=_message(exc))
        return row, None, None
    row.update(status=STATUS_OK, error=None)
    row.update({k: _encode(v) for k, v in result.summary.items()})
    return row, result.paragraphs, result.spans


@dataclass(frozen=True)
class _Settings:
    meta: tuple
    max_chars: int
    options: dict


def _run_chunk(docs: list[_Doc], settings: _Settings) -> dict[str, pd.DataFrame]:
    """Analyse a chunk of documents; one DataFrame per table, columns complete."""
    rows = []
    found: dict[str, list] = {"paragraphs": [], "spans": []}
    owners: dict[str, list] = {"paragraphs": [], "spans": []}
    for doc in docs:
        row, paragraphs, spans = _run_one(doc, settings)
        rows.append(row)
        for table, frame in (("paragraphs", paragraphs), ("spans", spans)):
            if frame is not None and len(frame):
                found[table].append(frame)
                owners[table].append((doc, len(frame)))
    tables = {"documents": pd.DataFrame(rows, columns=corpus_columns("documents",
                                                                     meta=settings.meta))}
    for table in ("paragraphs", "spans"):
        columns = corpus_columns(table, meta=settings.meta)
        if not found[table]:
            tables[table] = pd.DataFrame(columns=columns)
            continue
        frame = pd.concat(found[table], ignore_index=True)
        front = {DOC_ID: [d.id for d, n in owners[table] for _ in range(n)]}
        for i, name in enumerate(settings.meta):
            front[name] = [d.meta[i] for d, n in owners[table] for _ in range(n)]
        for position, (name, values) in enumerate(front.items()):
            frame.insert(position, name, values)
        tables[table] = frame.reindex(columns=columns)
    return tables


# --------------------------------------------------------------------------- tidy tables
def _infer(values: pd.Series) -> pd.Series:
    """Re-infer a column's dtype from its values, so it does not depend on batching."""
    encoded = [_encode(v) for v in values.tolist()]
    return pd.Series(encoded, index=values.index, dtype=None if encoded else object)


def _normalise(frame: pd.DataFrame, table: str, meta: Sequence[str], order: Mapping | None,
               numeric_ids: bool) -> pd.DataFrame:
    """Columns in order, rows in input order, dtypes fixed: the same for every run."""
    columns = corpus_columns(table, meta=meta)
    frame = frame.reindex(columns=columns)
    if order is not None and len(frame):
        position = frame[DOC_ID].map(order)
        frame = frame.loc[position.notna()]
        position = position.loc[frame.index]
        frame = frame.iloc[position.to_numpy().argsort(kind="stable")]
    frame = frame.reset_index(drop=True)
    frame[DOC_ID] = frame[DOC_ID].astype("int64" if numeric_ids else "str")
    for name in meta:
        frame[name] = _infer(frame[name])
    for name, dtype in _fixed_dtypes(table).items():
        if dtype is object or str(dtype) == "object":
            frame[name] = _infer(frame[name])
        elif name in frame:
            try:
                frame[name] = frame[name].astype(dtype)
            except (TypeError, ValueError):
                frame[name] = _infer(frame[name])
    return frame


# --------------------------------------------------------------------------- checkpoint
def _has_pyarrow() -> bool:
    try:
        import pyarrow  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return False
    return True


class _Checkpoint:
    """A folder of part files, one per table per finished batch.

    A batch is complete when its ``documents`` part exists: the paragraphs and spans parts
    are written first, each to a temporary name and then renamed, so a killed process
    leaves either a whole batch or an orphan that the next run removes.
    """

    def __init__(self, path, *, manifest: dict, numeric_ids: bool = False):
        self.path = Path(path)
        self.numeric_ids = numeric_ids
        self.path.mkdir(parents=True, exist_ok=True)
        file = self.path / "manifest.json"
        if file.exists():
            old = json.loads(file.read_text(encoding="utf-8"))
            if old.get("call") != manifest["call"]:
                raise ValueError(f"checkpoint {str(self.path)!r} was written by a different "
                                 f"call ({old.get('call')}); use another folder or delete it")
            if old.get("toolkit") != manifest["toolkit"]:
                raise ValueError(f"checkpoint {str(self.path)!r} was written by another "
                                 f"version of the toolkit, whose tables may differ from this "
                                 f"one's; use another folder or delete it")
            self.format = old["format"]
        else:
            self.format = "parquet" if _has_pyarrow() else "csv"
            manifest = {**manifest, "format": self.format, "version": _CHECKPOINT_VERSION}
            _atomic_write(file, json.dumps(manifest, indent=2, default=str).encode("utf-8"))
        if self.format == "parquet" and not _has_pyarrow():
            raise ImportError(f"checkpoint {str(self.path)!r} holds Parquet files; install "
                              f"pyarrow to resume it")
        for table in TABLES:
            (self.path / table).mkdir(exist_ok=True)
        self._clean()

    @property
    def suffix(self) -> str:
        return "." + self.format

    def parts(self, table: str) -> list[Path]:
        return sorted((self.path / table).glob(f"part-*{self.suffix}"))

    def _clean(self) -> None:
        batches = {p.name for p in self.parts("documents")}
        for table in TABLES:
            for p in (self.path / table).iterdir():
                if p.name.startswith(".tmp-") or (table != "documents" and p.name not in batches):
                    p.unlink()

    def done_ids(self) -> set:
        done = set()
        for part in self.parts("documents"):
            done.update(self._read(part, "documents", columns=[DOC_ID])[DOC_ID].tolist())
        return done

    def write(self, tables: dict[str, pd.DataFrame]) -> None:
        name = f"part-{time.time_ns():020d}-{uuid.uuid4().hex[:8]}{self.suffix}"
        for table in ("paragraphs", "spans", "documents"):
            self._write(tables[table], self.path / table / name)

    def _write(self, frame: pd.DataFrame, target: Path) -> None:
        tmp = target.with_name(".tmp-" + target.name)
        if self.format == "parquet":
            frame.to_parquet(tmp, index=False)
        else:
            frame.to_csv(tmp, index=False, na_rep=_CSV_NA)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)

    def _read(self, part: Path, table: str, columns: list[str] | None = None) -> pd.DataFrame:
        if self.format == "parquet":
            return pd.read_parquet(part, columns=columns)
        # CSV: missing values are written as \N, so that "" stays an empty string.
        strings = {c: "str" for c, d in _fixed_dtypes(table).items() if str(d) == "str"}
        if not self.numeric_ids:
            strings[DOC_ID] = "str"  # "007" stays "007"
        return pd.read_csv(part, usecols=columns, keep_default_na=False, na_values=[_CSV_NA],
                           dtype=strings)

    def iter_table(self, table: str) -> Iterator[pd.DataFrame]:
        for part in self.parts(table):
            yield self._read(part, table)

    def read(self, table: str) -> pd.DataFrame:
        frames = [f for f in self.iter_table(table) if len(f)]
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(".tmp-" + path.name)
    tmp.write_bytes(data)
    os.replace(tmp, path)


# --------------------------------------------------------------------------- the result
class Corpus:
    """The result of :func:`analyze_corpus`: three tidy tables.

    Attributes
    ----------
    documents : DataFrame
        One row per document, in input order: ``doc_id``, the metadata columns, ``status``
        (``"ok"`` or ``"error"``), ``error`` (the message, or missing), then the summary
        figures of :func:`~toolkit.analysis.analyze` (missing for failed documents).
    paragraphs : DataFrame
        ``doc_id``, the metadata columns, then the columns of ``Analysis.paragraphs``.
    spans : DataFrame
        ``doc_id``, the metadata columns, then the columns of ``Analysis.spans``.
    checkpoint : Path or None
        The checkpoint folder, when there is one. With ``keep=False`` the paragraphs and
        spans are read from it on each access; :meth:`iter_table` reads it part by part.
    """

    def __init__(self, *, documents: pd.DataFrame, paragraphs: pd.DataFrame | None = None,
                 spans: pd.DataFrame | None = None, checkpoint: _Checkpoint | None = None,
                 meta: Sequence[str] = (), numeric_ids: bool = False):
        self.documents = documents
        self._tables = {"paragraphs": paragraphs, "spans": spans}
        self._checkpoint = checkpoint
        self._meta = tuple(meta)
        self._numeric_ids = numeric_ids

    @property
    def checkpoint(self) -> Path | None:
        return None if self._checkpoint is None else self._checkpoint.path

    @property
    def paragraphs(self) -> pd.DataFrame:
        return self._table("paragraphs")

    @property
    def spans(self) -> pd.DataFrame:
        return self._table("spans")

    @property
    def errors(self) -> pd.DataFrame:
        """The documents that failed, with their messages."""
        return self.documents.loc[self.documents["status"] == STATUS_ERROR,
                                  [DOC_ID, "error"]].reset_index(drop=True)

    def _table(self, table: str) -> pd.DataFrame:
        kept = self._tables[table]
        if kept is not None:
            return kept
        order = {k: i for i, k in enumerate(self.documents[DOC_ID].tolist())}
        return _normalise(self._checkpoint.read(table), table, self._meta, order,
                          self._numeric_ids)

    def iter_table(self, table: str) -> Iterator[pd.DataFrame]:
        """One table in pieces (one per checkpoint part, or the whole table when kept in
        memory), for corpora whose spans do not fit in memory. Pieces are not sorted."""
        if table == "documents":
            yield self.documents
        elif self._tables.get(table) is not None:
            yield self._tables[table]
        elif self._checkpoint is not None:
            for part in self._checkpoint.iter_table(table):
                yield _normalise(part, table, self._meta, None, self._numeric_ids)
        else:
            raise ValueError(f"table must be one of {TABLES}, not {table!r}")

    def __repr__(self) -> str:
        n = len(self.documents)
        failed = int((self.documents["status"] == STATUS_ERROR).sum()) if n else 0
        where = f", checkpoint {str(self.checkpoint)!r}" if self.checkpoint else ""
        return f"<Corpus: {n} documents, {failed} failed{where}>"


# --------------------------------------------------------------------------- the run
def _chunks(docs: Iterable[_Doc], size: int) -> Iterator[list[_Doc]]:
    chunk = []
    for doc in docs:
        chunk.append(doc)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_WORKER_SETTINGS: dict = {}


def _init_worker(settings: _Settings) -> None:
    """Load the lexicons and models once per worker process, before the first document."""
    _WORKER_SETTINGS["settings"] = settings
    _schema()


def _run_chunk_in_worker(docs: list[_Doc]) -> dict[str, pd.DataFrame]:
    return _run_chunk(docs, _WORKER_SETTINGS["settings"])


def _results(chunks: Iterator[list[_Doc]], settings: _Settings, workers: int,
             mp_context) -> Iterator[dict[str, pd.DataFrame]]:
    """Chunk results as they complete: in this process, or in a pool of workers with a
    bounded number of chunks in flight (the input is never read far ahead)."""
    if workers <= 1:
        for chunk in chunks:
            yield _run_chunk(chunk, settings)
        return
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    if mp_context is None:
        methods = multiprocessing.get_all_start_methods()
        # fork shares the lexicons this process already loaded; spawn elsewhere.
        mp_context = "fork" if "fork" in methods and os.name == "posix" else "spawn"
    if isinstance(mp_context, str):
        mp_context = multiprocessing.get_context(mp_context)
    pool = ProcessPoolExecutor(workers, mp_context=mp_context, initializer=_init_worker,
                               initargs=(settings,))
    pending: set = set()
    try:
        for chunk in chunks:
            while len(pending) >= 2 * workers:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
            pending.add(pool.submit(_run_chunk_in_worker, chunk))
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def analyze_corpus(docs, *, text: str = "text", id: str | None = None,
                   meta: Sequence[str] = (), workers: int = 1, progress: bool = True,
                   checkpoint: str | os.PathLike | None = None, keep: bool = True,
                   max_chars: int = 1_000_000, format: str | None = None,
                   chunksize: int = 4, checkpoint_every: int = 64,
                   options: Mapping | None = None, mp_context=None) -> Corpus:
    """Analyse many documents into three tidy tables, in parallel and resumably.

    Parameters
    ----------
    docs : DataFrame, iterable of str or dict, or a folder, file or glob
        A DataFrame with a ``text`` column; strings (one document each); records (dicts
        with a ``text`` key); or a folder (searched recursively), a file or a glob pattern of
        ``.txt``, ``.md``, ``.html`` files (one document each) and ``.jsonl`` or ``.csv``
        files (one document per line or row, with a ``text`` field). An iterable is read
        into a list first, to check the ids; for a corpus larger than memory, pass files.
    text : str
        The column or key that holds the text.
    id : str, optional
        The column or key that holds a unique document id. Without it, documents are
        numbered from 0 in input order; files get their path (relative to the folder, or to
        the folder a glob starts from), and
        rows of ``.jsonl``/``.csv`` files ``"<file>:<line or row>"``.
    meta : sequence of str
        Columns or keys to carry into every table (for example outlet and date). For plain
        files only ``"path"`` is known.
    workers : int
        Processes to use; 1 runs in this process.
    progress : bool
        Show a tqdm progress bar (in notebooks and terminals).
    checkpoint : path, optional
        A folder. Each finished batch of documents is appended to it as Parquet (CSV when
        pyarrow is absent). Running the same call again after an interruption skips the
        documents already done and gives the same tables as an uninterrupted run.
    keep : bool
        Keep the paragraphs and spans in memory. ``keep=False`` (streaming; needs a
        checkpoint) keeps only the documents table and reads the other two from the
        checkpoint when they are accessed, so a corpus larger than memory can be processed.
    max_chars : int
        A longer document is not analysed and gets ``status="error"``.
    format : {"text", "markdown", "html"}, optional
        How to read the texts; guessed per document when omitted (from the suffix for files).
    chunksize : int
        Documents sent to a worker at a time.
    checkpoint_every : int
        Documents buffered between two writes to the checkpoint: at most this much finished
        work is lost when the process is killed.
    options : mapping, optional
        Keyword arguments for :func:`~toolkit.analysis.analyze` (``lexicon``,
        ``include_inserts``).
    mp_context : str or multiprocessing context, optional
        Start method for the workers; ``"fork"`` where available, else ``"spawn"``.

    Returns
    -------
    Corpus
        ``.documents``, ``.paragraphs`` and ``.spans`` (see :class:`Corpus`), rows in input
        order. A document that fails (bad encoding, empty, no text in its HTML, too large,
        not a string) has ``status="error"`` and the message in ``error``, and the run goes on.

    Raises
    ------
    ValueError
        Before any work, when ids repeat, a column is missing, a metadata name clashes with
        a table column, or the checkpoint was written by a different call.

    Examples
    --------
    >>> corpus = analyze_corpus(["Critics slammed the plan.", "   "], progress=False)
    >>> corpus.documents[["doc_id", "status"]].values.tolist()
    [[0, 'ok'], [1, 'error']]
    >>> corpus.errors["error"].tolist()
    ['ValueError: empty document: no text']
    """
    if isinstance(meta, str):
        raise TypeError("meta must be a sequence of column names, not a str")
    meta = tuple(meta)
    if not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a positive int, not {workers!r}")
    if not keep and checkpoint is None:
        raise ValueError("keep=False streams the tables to the checkpoint; give checkpoint=")
    clashes = [m for m in meta if m == DOC_ID or m in corpus_columns("documents")
               or m in corpus_columns("paragraphs") or m in corpus_columns("spans")]
    if clashes or len(set(meta)) != len(meta):
        raise ValueError(f"metadata names must be unique and differ from the table columns; "
                         f"rename {clashes or list(meta)}")
    source = _Source(docs, text=text, id=id, meta=meta, format=format)
    ids, numeric_ids = _check_ids(source)
    order = {k: i for i, k in enumerate(ids)}
    settings = _Settings(meta=meta, max_chars=max_chars, options=dict(options or {}))
    _schema()  # load the lexicons here once: forked workers share them

    store = None
    done: set = set()
    if checkpoint is not None:
        call = {"text": text, "id": id, "meta": list(meta), "max_chars": max_chars,
                "format": format, "options": {k: repr(v) for k, v in sorted(settings.options.items())},
                "columns": {t: corpus_columns(t, meta=meta) for t in TABLES}}
        store = _Checkpoint(checkpoint, manifest={"call": call, "toolkit": toolkit_fingerprint()},
                            numeric_ids=numeric_ids)
        done = store.done_ids() & set(order)

    from tqdm.auto import tqdm

    kept: dict[str, list[pd.DataFrame]] = {t: [] for t in TABLES}
    buffer: dict[str, list[pd.DataFrame]] = {t: [] for t in TABLES}
    buffered = 0

    def flush() -> None:
        nonlocal buffered
        if store is not None and buffered:
            store.write({t: pd.concat(buffer[t], ignore_index=True) for t in TABLES})
        for t in TABLES:
            buffer[t].clear()
        buffered = 0

    todo = (doc for doc in source if doc.id not in done)
    bar = tqdm(total=len(ids), initial=len(done), disable=not progress, unit="doc",
               desc="analyze_corpus")
    failed = 0
    try:
        for tables in _results(_chunks(todo, chunksize), settings, workers, mp_context):
            n = len(tables["documents"])
            failed += int((tables["documents"]["status"] == STATUS_ERROR).sum())
            if store is None:
                for t in TABLES:
                    kept[t].append(tables[t])
            else:
                for t in TABLES:
                    buffer[t].append(tables[t])
                buffered += n
                if buffered >= checkpoint_every:
                    flush()
            bar.update(n)
            if failed:
                bar.set_postfix(failed=failed, refresh=False)
    finally:
        flush()  # whatever finished is saved, also on Ctrl-C
        bar.close()

    if store is None:
        tables = {t: _normalise(_concat_any(kept[t]), t, meta, order, numeric_ids)
                  for t in TABLES}
        return Corpus(**tables, meta=meta, numeric_ids=numeric_ids)
    documents = _normalise(store.read("documents"), "documents", meta, order, numeric_ids)
    result = Corpus(documents=documents, checkpoint=store, meta=meta, numeric_ids=numeric_ids)
    if keep:
        result._tables = {t: result._table(t) for t in ("paragraphs", "spans")}
    return result


def _concat_any(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

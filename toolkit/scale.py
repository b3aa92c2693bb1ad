"""Scale out through Dask or Spark: the per-partition function and its ``meta``.

:func:`analyze_partition` turns a pandas DataFrame of documents into one of the corpus tables
(``documents``, ``paragraphs`` or ``spans``), exactly as :func:`~toolkit.corpus.analyze_corpus`
builds them, so a cluster engine can run it on each partition:

- Dask: ``ddf.map_partitions(analyze_partition, table="paragraphs", meta=partition_meta(
  "paragraphs", like=ddf._meta))``.
- Spark: ``sdf.mapInPandas(partial(map_batches, table="paragraphs"), schema=spark_schema(
  "paragraphs"))``.

A failing document gives an ``error`` row in ``documents`` and no rows elsewhere, as in
``analyze_corpus``. Lexicons and models load once per worker process (they are cached).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

import pandas as pd

from .corpus import (DOC_ID, TABLES, _Doc, _normalise, _run_chunk, _schema, _Settings,
                     _plain, corpus_columns)

__all__ = ["analyze_partition", "partition_tables", "partition_meta", "map_batches",
           "spark_schema", "dask_tables"]


def analyze_partition(frame: pd.DataFrame, *, table: str = "paragraphs", text: str = "text",
                      id: str = DOC_ID, meta_columns: Sequence[str] = (), max_chars: int = 1_000_000,
                      format: str | None = None, options: Mapping | None = None) -> pd.DataFrame:
    """Analyse the documents of one partition and return one corpus table.

    Parameters
    ----------
    frame : DataFrame
        One row per document, with the ``text`` and ``id`` columns and the ``meta`` columns.
    table : {"documents", "paragraphs", "spans"}
        Which table to return.
    text, id, max_chars, format, options
        As in :func:`~toolkit.corpus.analyze_corpus`; ``id`` is required here, because
        positions are not unique across partitions.
    meta_columns : sequence of str
        The metadata columns, ``meta`` of ``analyze_corpus`` (renamed: Dask's
        ``map_partitions`` takes ``meta`` for itself).

    Returns
    -------
    DataFrame
        The rows of ``table`` for these documents, in the partition's order, with the columns
        of :func:`partition_meta`.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["A vicious smear.", ""]})
    >>> analyze_partition(docs, table="documents")[["doc_id", "status"]].values.tolist()
    [['a', 'ok'], ['b', 'error']]
    """
    if table not in TABLES:
        raise ValueError(f"table must be one of {TABLES}, not {table!r}")
    return partition_tables(frame, text=text, id=id, meta_columns=meta_columns,
                            max_chars=max_chars, format=format, options=options)[table]


def partition_tables(frame: pd.DataFrame, *, text: str = "text", id: str = DOC_ID,
                     meta_columns: Sequence[str] = (), max_chars: int = 1_000_000,
                     format: str | None = None,
                     options: Mapping | None = None) -> dict[str, pd.DataFrame]:
    """All three tables of one partition in one pass: ``{"documents": ..., "paragraphs":
    ..., "spans": ...}``. Arguments as in :func:`analyze_partition`."""
    meta = tuple(meta_columns)
    missing = [c for c in (text, id, *meta) if c not in frame.columns]
    if missing:
        raise ValueError(f"the partition has no column(s) {missing}; its columns are "
                         f"{list(frame.columns)}")
    settings = _Settings(meta=meta, max_chars=max_chars, options=dict(options or {}))
    ids = [_plain(v) for v in frame[id].tolist()]
    metas = list(zip(*[frame[m].tolist() for m in meta])) if meta else [()] * len(frame)
    docs = [_Doc(i, doc_id, "text", value, tuple(_plain(v) for v in row), format)
            for i, (doc_id, value, row) in enumerate(zip(ids, frame[text].tolist(), metas))]
    numeric = bool(ids) and all(isinstance(k, int) and not isinstance(k, bool) for k in ids)
    if not ids:
        numeric = pd.api.types.is_integer_dtype(frame[id].dtype)
    return {table: _normalise(result, table, meta, None, numeric)
            for table, result in _run_chunk(docs, settings).items()}


def partition_meta(table: str = "paragraphs", *, like: pd.DataFrame | None = None,
                   id: str = DOC_ID, meta_columns: Sequence[str] = ()) -> pd.DataFrame:
    """An empty DataFrame with the columns and dtypes of :func:`analyze_partition`'s output.

    Parameters
    ----------
    table : {"documents", "paragraphs", "spans"}
    like : DataFrame, optional
        The input's (empty) frame, such as ``ddf._meta``: gives the id's dtype (integer or
        text) and the metadata dtypes. Without it both are text.
    id, meta_columns
        As in :func:`analyze_partition`.

    Examples
    --------
    >>> list(partition_meta("spans", meta_columns=["outlet"]).columns[:3])
    ['doc_id', 'outlet', 'paragraph']
    """
    meta = tuple(meta_columns)
    columns = corpus_columns(table, meta=meta)
    schema = _schema()
    fixed = {"status": "str", "error": "str", **schema.summary} if table == "documents" \
        else dict(getattr(schema, table))
    dtypes = {}
    for name in columns:
        if name == DOC_ID:
            integer = like is not None and pd.api.types.is_integer_dtype(like[id].dtype)
            dtypes[name] = "int64" if integer else "str"
        elif name in meta:
            dtypes[name] = like[name].dtype if like is not None and name in like else "str"
        else:
            dtypes[name] = fixed[name]
    return pd.DataFrame({name: pd.Series([], dtype=dtype) for name, dtype in dtypes.items()})


def map_batches(batches: Iterable[pd.DataFrame], **kwargs) -> Iterator[pd.DataFrame]:
    """Spark's ``mapInPandas`` form: :func:`analyze_partition` on each batch.

    Use it as ``sdf.mapInPandas(functools.partial(map_batches, table="spans"),
    schema=spark_schema("spans"))``.
    """
    for batch in batches:
        yield _plain_strings(analyze_partition(batch, **kwargs))


def _plain_strings(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns as plain Python objects: pandas 3 keeps them in chunked Arrow arrays
    after a concat, which pyspark's Arrow serializer (4.x) cannot convert."""
    text = [c for c in frame.columns if pd.api.types.is_string_dtype(frame[c].dtype)]
    return frame.astype({c: object for c in text}) if text else frame


_SPARK_TYPES = {"int64": "bigint", "Int64": "bigint", "float64": "double", "bool": "boolean",
                "boolean": "boolean", "str": "string", "string": "string", "object": "string"}


def spark_schema(table: str = "paragraphs", *, like: pd.DataFrame | None = None,
                 id: str = DOC_ID, meta_columns: Sequence[str] = ()) -> str:
    """The Spark DDL schema string of a corpus table, for ``mapInPandas``.

    Examples
    --------
    >>> spark_schema("spans").split(", ")[:3]
    ['`doc_id` string', '`paragraph` bigint', '`start` bigint']
    """
    frame = partition_meta(table, like=like, id=id, meta_columns=meta_columns)
    parts = []
    for name, dtype in frame.dtypes.items():
        key = "str" if pd.api.types.is_string_dtype(dtype) else str(dtype)
        parts.append(f"`{name}` {_SPARK_TYPES.get(key, 'string')}")
    return ", ".join(parts)


def dask_tables(ddf, *, text: str = "text", id: str = DOC_ID, meta_columns: Sequence[str] = (),
                **kwargs) -> dict:
    """The three corpus tables of a Dask DataFrame of documents, analysed in one pass.

    Each partition is analysed once by :func:`partition_tables`; the three lazy Dask
    DataFrames share that work when computed together, e.g. with
    ``dask.compute(*dask_tables(ddf).values())``.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        One row per document with the ``text``, ``id`` and ``meta_columns`` columns.
    **kwargs
        ``max_chars``, ``format`` or ``options``, as in :func:`analyze_partition`.

    Returns
    -------
    dict of str to dask.dataframe.DataFrame
        ``"documents"``, ``"paragraphs"`` and ``"spans"``.
    """
    import operator

    import dask
    import dask.dataframe as dd

    done = [dask.delayed(partition_tables)(part, text=text, id=id, meta_columns=meta_columns,
                                           **kwargs)
            for part in ddf.to_delayed()]
    return {table: dd.from_delayed([dask.delayed(operator.getitem)(d, table) for d in done],
                                   meta=partition_meta(table, like=ddf._meta, id=id,
                                                       meta_columns=meta_columns),
                                   verify_meta=False)
            for table in TABLES}

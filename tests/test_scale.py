"""toolkit.scale: the per-partition function equals the single-process corpus run."""
from __future__ import annotations

from functools import partial

import pandas as pd
import pytest

from toolkit.corpus import TABLES, analyze_corpus
from toolkit.scale import (analyze_partition, map_batches, partition_meta, partition_tables,
                           spark_schema)

SENTENCES = ["Critics slammed the plan as a disaster.", "The vote is on Monday.",
             "\"We must fight back,\" he said.", "Officials praised the deal.",
             "The radical mob attacked the hearing.", "Rain is expected on Tuesday."]


def _documents(n: int) -> pd.DataFrame:
    texts = []
    for i in range(n):
        first = " ".join(SENTENCES[(i + j) % len(SENTENCES)] for j in range(i % 3 + 1))
        texts.append(first + ("\n\nThe second paragraph is calm." if i % 2 else ""))
    frame = pd.DataFrame({"doc_id": [f"d{i:04d}" for i in range(n)], "text": texts,
                          "outlet": [f"outlet-{i % 4}" for i in range(n)]})
    if n > 7:
        frame.loc[7, "text"] = "   "  # one failing document
    return frame


def test_scale_partition_equals_corpus_run():
    docs = _documents(12)
    whole = analyze_corpus(docs, id="doc_id", meta=["outlet"], progress=False)
    parts = [partition_tables(docs.iloc[i:i + 5], meta_columns=["outlet"]) for i in (0, 5, 10)]
    for table in TABLES:
        joined = pd.concat([p[table] for p in parts], ignore_index=True)
        pd.testing.assert_frame_equal(joined, getattr(whole, table))
        meta = partition_meta(table, like=docs.head(0), meta_columns=["outlet"])
        assert list(meta.columns) == list(joined.columns)
        assert len(meta) == 0
    single = analyze_partition(docs.iloc[:5], table="spans", meta_columns=["outlet"])
    pd.testing.assert_frame_equal(single, parts[0]["spans"])


def test_scale_map_batches_is_the_spark_form():
    docs = _documents(6)
    batches = list(map_batches([docs.iloc[:3], docs.iloc[3:]], table="documents"))
    assert [len(b) for b in batches] == [3, 3]
    schema = spark_schema("documents", meta_columns=["outlet"])
    assert schema.startswith("`doc_id` string, `outlet` string, `status` string")
    assert schema.count("`") == 2 * len(partition_meta("documents", meta_columns=["outlet"]).columns)


def test_scale_bad_arguments_raise():
    with pytest.raises(ValueError, match="table"):
        analyze_partition(_documents(2), table="sentences")
    with pytest.raises(ValueError, match="no column"):
        analyze_partition(_documents(2).drop(columns="doc_id"))


def test_scale_dask_local_cluster_equals_single_process():
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    import dask

    from toolkit.scale import dask_tables

    docs = _documents(200)
    expected = analyze_corpus(docs, id="doc_id", meta=["outlet"], progress=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        ddf = dd.from_pandas(docs, npartitions=6)
        lazy = dask_tables(ddf, meta_columns=["outlet"])
        computed = dask.compute(*lazy.values())
        for table, got in zip(lazy, computed):
            pd.testing.assert_frame_equal(got.reset_index(drop=True), getattr(expected, table))
        # The plain map_partitions recipe, on one table.
        documents = ddf.map_partitions(
            partial(analyze_partition, table="documents", meta_columns=["outlet"]),
            meta=partition_meta("documents", like=ddf._meta, meta_columns=["outlet"])).compute()
        pd.testing.assert_frame_equal(documents.reset_index(drop=True), expected.documents)
    assert (expected.documents["status"] == "ok").sum() == 199


def _spark_session():
    """A local two-core Spark session, or a skip when pyspark or its Java runtime is absent."""
    import shutil

    pytest.importorskip("pyspark")
    if not shutil.which("java"):
        pytest.skip("pyspark needs a Java runtime (java on PATH)")
    import os
    import sys

    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable  # Spark's Python workers: this interpreter
    return (SparkSession.builder.master("local[2]").appName("toolkit-test")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.execution.arrow.pyspark.enabled", "true")
            .config("spark.sql.shuffle.partitions", "2").getOrCreate())


@pytest.mark.parametrize("table", TABLES)
def test_scale_spark_map_in_pandas_equals_single_process(spark, table):
    docs = _documents(60)
    expected = getattr(analyze_corpus(docs, id="doc_id", meta=["outlet"], progress=False), table)
    sdf = spark.createDataFrame(docs).repartition(3)
    result = sdf.mapInPandas(partial(map_batches, table=table, meta_columns=["outlet"]),
                             schema=spark_schema(table, meta_columns=["outlet"]))
    got = result.toPandas()
    keys = [c for c in ("doc_id", "paragraph", "start", "end", "category", "term")
            if c in expected.columns]
    got = got.sort_values(keys, kind="stable").reset_index(drop=True)
    want = expected.sort_values(keys, kind="stable").reset_index(drop=True)
    assert list(got.columns) == list(want.columns)
    pd.testing.assert_frame_equal(got, want, check_dtype=False)


@pytest.fixture(scope="module")
def spark():
    session = _spark_session()
    yield session
    session.stop()

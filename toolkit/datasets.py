"""Loaders for public, human-annotated datasets, as tidy DataFrames.

Nothing is downloaded unless the caller asks for it with ``download=True``. A loader looks,
in order, at the path it is given, at an environment variable, and at the download cache;
when none has the file it raises :class:`DatasetNotFound`, saying where it looked and how to
get the data.

BABE (Spinde et al., Findings of EMNLP 2021) is licensed AGPL-3.0 by its authors. The
toolkit bundles none of it: a user either points the loader at a copy or lets it download
the public file into a cache of their own.
"""
from __future__ import annotations

import ast
import hashlib
import json
import logging
import os
from pathlib import Path

import pandas as pd

__all__ = ["load_babe", "BABE_COLUMNS", "BABE_URL", "DatasetNotFound", "cache_dir",
           "babe_split"]

log = logging.getLogger(__name__)

#: The columns every BABE loader returns, in this order.
BABE_COLUMNS = ["text", "label", "biased_words", "outlet", "topic", "type"]

#: The public file (BABE's final sentence-level labels, semicolon-separated).
BABE_URL = ("https://raw.githubusercontent.com/Media-Bias-Group/"
            "Neural-Media-Bias-Detection-Using-Distant-Supervision-With-BABE/main/data/"
            "final_labels_SG2.csv")

#: Environment variable naming a local copy: a CSV file, or a folder with ``<split>.csv``.
BABE_ENV = "NEWSBIAS_BABE"
#: Environment variable naming the download cache (default ``~/.cache/newsbias``).
CACHE_ENV = "NEWSBIAS_CACHE"

_SPLITS = ("dev", "heldout", "all")


class DatasetNotFound(FileNotFoundError):
    """No copy of a dataset was found where the loader looked."""


def cache_dir() -> Path:
    """Where downloads go: ``$NEWSBIAS_CACHE``, else ``~/.cache/newsbias``."""
    return Path(os.environ.get(CACHE_ENV) or Path.home() / ".cache" / "newsbias")


def babe_split(text: str) -> str:
    """The project's split rule: ``heldout`` when the first hex digit of ``sha1(text)`` is
    0-5, else ``dev``.

    Examples
    --------
    >>> babe_split("Trump said it.") in ("dev", "heldout")
    True
    """
    return "heldout" if hashlib.sha1(text.encode("utf-8")).hexdigest()[0] in "012345" \
        else "dev"


def _parse_words(value) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return []
    value = str(value).strip()
    if not value:
        return []
    for parse in (json.loads, ast.literal_eval):
        try:
            parsed = parse(value)
        except (ValueError, SyntaxError):
            continue
        if isinstance(parsed, (list, tuple)):
            return [str(v) for v in parsed]
    return [w.strip() for w in value.split(",") if w.strip()]


def _label(value) -> float:
    if isinstance(value, str):
        key = value.strip().lower()
        return {"biased": 1, "non-biased": 0, "not biased": 0, "unbiased": 0, "1": 1,
                "0": 0}.get(key, float("nan"))
    return float(value) if not pd.isna(value) else float("nan")


def _normalise(frame: pd.DataFrame, source: str) -> pd.DataFrame:
    """Either layout (the project's ``text,label,...`` or the original ``label_bias``) to
    :data:`BABE_COLUMNS`; rows without an agreed label are dropped."""
    columns = {c.strip().lower(): c for c in frame.columns}
    if "text" not in columns:
        raise ValueError(f"{source}: not a BABE file (no 'text' column; columns are "
                         f"{list(frame.columns)})")
    label_col = columns.get("label") or columns.get("label_bias")
    if label_col is None:
        raise ValueError(f"{source}: not a BABE file (no 'label' or 'label_bias' column)")
    out = pd.DataFrame({
        "text": frame[columns["text"]].astype(str),
        "label": frame[label_col].map(_label),
        "biased_words": frame[columns["biased_words"]].map(_parse_words)
        if "biased_words" in columns else [[] for _ in range(len(frame))],
    })
    for name in ("outlet", "topic", "type"):
        out[name] = frame[columns[name]].where(frame[columns[name]].notna(), None) \
            if name in columns else None
    out = out[out["label"].notna()].copy()
    out["label"] = out["label"].astype(int)
    out["type"] = out["type"].map(lambda v: v.strip().lower()
                                  if isinstance(v, str) and v.strip() else None)
    return out[BABE_COLUMNS].reset_index(drop=True)


def _read(path: Path) -> pd.DataFrame:
    with open(path, encoding="utf-8-sig") as handle:
        head = handle.readline()
    sep = ";" if head.count(";") > head.count(",") else ","
    try:
        return pd.read_csv(path, sep=sep)
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: cannot be read as a BABE CSV ({exc})") from exc


def _candidates(path: Path, split: str) -> list[Path]:
    if path.is_file() or path.suffix.lower() == ".csv":
        return [path]
    names = [f"{split}.csv"] if split != "all" else []
    names += ["final_labels_SG2.csv"]
    return [path / n for n in names] + [path / "babe" / n for n in names]


def _download(url: str, dest: Path, *, timeout: float = 30.0) -> Path:
    """Fetch ``url`` into ``dest`` (through a temporary file, so a broken download leaves
    nothing behind)."""
    from urllib.request import urlopen

    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_suffix(dest.suffix + ".part")
    log.info("downloading %s to %s", url, dest)
    try:
        with urlopen(url, timeout=timeout) as response, open(partial, "wb") as handle:
            while chunk := response.read(1 << 16):
                handle.write(chunk)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise OSError(f"could not download BABE from {url}: {exc}") from exc
    partial.replace(dest)
    return dest


def load_babe(path: str | os.PathLike | None = None, *, split: str = "dev",
              download: bool = False) -> pd.DataFrame:
    """BABE: news sentences labelled biased (1) or not (0) by experts, with their outlet,
    topic and the outlet's leaning.

    Parameters
    ----------
    path : path, optional
        A BABE CSV, or a folder holding ``<split>.csv`` (such as ``../shared/data/babe``)
        or the original ``final_labels_SG2.csv``. Defaults to ``$NEWSBIAS_BABE``, then to
        the download cache.
    split : {"dev", "heldout", "all"}
        Which rows to return. A file named ``<split>.csv`` is returned whole; the original
        full file is cut with :func:`babe_split`.
    download : bool
        Allow downloading the public file (:data:`BABE_URL`) into :func:`cache_dir` when no
        copy is found. Never done unless asked.

    Returns
    -------
    DataFrame
        ``text``, ``label`` (0/1), ``biased_words`` (list of str), ``outlet``, ``topic``,
        ``type`` (``left``, ``center``, ``right``, or missing).

    Raises
    ------
    DatasetNotFound
        When no copy is found, naming every place looked at.
    """
    if split not in _SPLITS:
        raise ValueError(f"split must be one of {_SPLITS}, not {split!r}")
    if path is None and os.environ.get(BABE_ENV):
        path = os.environ[BABE_ENV]
    places = _candidates(Path(path), split) if path is not None else []
    cached = cache_dir() / "babe" / "final_labels_SG2.csv"
    places.append(cached)
    found = next((p for p in places if p.is_file()), None)
    if found is None and download:
        found = _download(BABE_URL, cached)
    if found is None:
        looked = "\n  ".join(str(p) for p in places)
        raise DatasetNotFound(
            f"no copy of BABE was found. Looked at:\n  {looked}\nPass the path of a copy, "
            f"set {BABE_ENV} to it, or call load_babe(download=True) to fetch the public "
            f"file (AGPL-3.0) into {cached.parent}.")
    frame = _normalise(_read(found), str(found))
    if found.stem in _SPLITS:  # an already-split file is returned whole
        if split not in (found.stem, "all"):
            raise ValueError(f"{found} holds the {found.stem!r} split, not {split!r}")
        return frame
    if split == "all":
        return frame
    keep = frame["text"].map(babe_split) == split
    return frame[keep].reset_index(drop=True)

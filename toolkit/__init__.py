"""Bias and tone analysis for news text, paragraph by paragraph, with the evidence.

>>> import toolkit
>>> result = toolkit.analyze("Officials said the plan was a disaster. Critics slammed it.")
>>> list(result.paragraphs.columns[:4])
['paragraph', 'start', 'end', 'text']

Importing the package reads no files: lexicons and models load on first use and are cached.
The public names below are imported lazily, so ``import toolkit`` stays fast.
"""
from __future__ import annotations

from importlib import import_module

__version__ = "0.1.0"

_EXPORTS = {
    "Article": "loading",
    "load_article": "loading",
    "Span": "spans",
    "Analysis": "analysis",
    "analyze": "analysis",
    "score_sentences": "analysis",
    "segment": "segmentation",
    "find_cues": "cues",
    "find_inserts": "inserts",
    "LOADED_CATEGORIES": "cues",
    "LOADED_MIN_WEIGHT": "cues",
    "is_loaded": "cues",
    "find_loaded": "loaded",
    "explain_loaded": "loaded",
    "CUE_CATEGORIES": "cues",
    "CueLexicon": "cues",
    "bundled_lexicon": "cues",
    "Quote": "voice",
    "find_quotes": "voice",
    "author_quotes": "voice",
    "AuthorQuote": "voice",
    "find_quotations": "voice",
    "AUTHOR_KINDS": "voice",
    "voice_at": "voice",
    "bias_probability": "bias_model",
    "explain_bias": "bias_model",
    "analyze_corpus": "corpus",
    "Corpus": "corpus",
    "target_tone": "target_tone",
    "target_tone_evidence": "target_tone",
    "find_mentions": "entities",
    "entities_of": "entities",
    "headline_contrast": "headline",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'toolkit' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))

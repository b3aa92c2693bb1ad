"""Derive a loaded-language word list from sentences whose biased words people marked.

This is how ``babe_mbic_loaded.tsv`` is built, and how a user rebuilds it or derives a list
from labelled sentences of their own. For every word stem (the matcher's Snowball stem) it
counts, over the sentences labelled biased, in how many the stem occurs (``occurrences``)
and in how many one of its forms was marked as biased (``hits``). The estimate of how often
the stem is marked when it occurs is shrunk towards a prior:

    weight = (hits + k * prior) / (occurrences + k)

The prior is the pooled rate of the stem's group in the same training sentences: VADER
valence bins (Hutto & Gilbert 2014, MIT), membership of the project's own cue lists, or
neither. A stem whose weight reaches ``threshold`` becomes a row ``term, category,
weight``; the term is the stem's commonest surface form. Stems already in the project-written
lists are left to those lists.

Run ``python -m toolkit.lexicons.derivation --data ../shared/data --out FILE`` to rebuild
the file. Which of its words count as loaded language is decided by the word model of
:mod:`toolkit.loaded`, which re-weights its spans; ``--holdout [--folds N]`` reports that
model's held-out figures (the same as ``python -m toolkit train-loaded --holdout N``).

Examples
--------
>>> stats = word_statistics(["A vicious smear on the mayor.", "A vicious dog."],
...                         [["vicious", "smear"], ["vicious"]])
>>> stats["smear"].occurrences, stats["smear"].hits
(1, 1)
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

__all__ = ["StemCount", "word_statistics", "derive_terms", "vader_valence", "main"]

#: The project-written lists (MIT); the derived file leaves their stems alone.
PROJECT_FILES = ("cues.tsv", "epistemic.tsv")
_LETTER = re.compile(r"[A-Za-z]")
_LABEL_SUFFIXES = ("ist", "ists", "ism", "isms")
_LABEL_PREFIXES = ("anti-", "far-", "hard-", "ultra-", "alt-", "pro-")
_REPORT_VERBS = frozenset("""admit blast boast brag concede crow decry denounce deride gloat
insist lambast lash mock ramble rant rip ridicule scoff scold slam smear sneer tout trumpet
whine claim alleg purport""".split())


@dataclass
class StemCount:
    """Counts for one stem over biased sentences: occurrences, marked hits, surface forms."""

    occurrences: int = 0
    hits: int = 0
    forms: Counter = field(default_factory=Counter)


def _tokens(text: str) -> list[tuple[str, str]]:
    from ..cues import _norm, _stem
    from ..segmentation import segment

    out = []
    for sentence in segment(text):
        for s, e in sentence.words:
            word = _norm(text[s:e]).lower()
            if _LETTER.match(word):
                out.append((word, _stem(word)))
    return out


def word_statistics(texts: Iterable[str], biased_words: Iterable[Iterable[str]]
                    ) -> dict[str, StemCount]:
    """Per-stem counts over biased sentences and the words marked in each.

    Each distinct lower-cased word of a sentence counts once, as the validation counts it.
    """
    stats: dict[str, StemCount] = {}
    for text, marked in zip(texts, biased_words):
        gold = {w.lower() for w in marked}
        for word, stem in dict(_tokens(text)).items():
            count = stats.setdefault(stem, StemCount())
            count.occurrences += 1
            count.hits += word in gold
            count.forms[word] += 1
    return stats


@lru_cache(maxsize=1)
def vader_valence() -> dict[str, float]:
    """Stem to VADER valence (the most negative of the stem's words, else the largest)."""
    from importlib.resources import files

    from ..cues import _stem

    text = files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    out: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not re.fullmatch(r"[a-z][a-z'-]+", parts[0]):
            continue
        stem, value = _stem(parts[0]), float(parts[1])
        old = out.get(stem)
        if old is None or (value < 0 and value < old) or (old >= 0 and value > old):
            out[stem] = value
    return out


def _group(stem: str, word: str, valence: dict[str, float], project: set[str],
           subjective: dict[str, float]) -> str:
    """The stem's prior group: VADER valence bin, Pattern subjectivity bin and word shape."""
    if stem in project:
        return "project"
    v = valence.get(stem)
    tone = "none"
    if v is not None:
        tone = "mild"
        for bound, name in ((-2.5, "neg4"), (-2.0, "neg3"), (-1.5, "neg2"), (-1.0, "neg1")):
            if v <= bound:
                tone = name
                break
        else:
            if v >= 2.0:
                tone = "pos"
    subj = subjective.get(word)
    subj_bin = "none" if subj is None else ("high" if subj >= 0.6 else "low")
    if word.endswith(_LABEL_SUFFIXES):
        shape = "ism"
    elif "-" in word:
        shape = "hyphen"
    elif word.endswith("ly"):
        shape = "ly"
    else:
        shape = "plain"
    return f"{tone}/{subj_bin}/{shape}"


def _category(term: str) -> str:
    from ..cues import _stem

    if _stem(term) in _REPORT_VERBS or term.startswith(("alleg", "claim")):
        return "report_verb"
    if term.endswith(_LABEL_SUFFIXES) or term.startswith(_LABEL_PREFIXES) or "-wing" in term:
        return "label"
    return "emotive"


@lru_cache(maxsize=1)
def _project_stems() -> frozenset[str]:
    from ..cues import _stem
    from . import read_lexicon

    return frozenset(_stem(t.lower()) for name in PROJECT_FILES
                     for t, _, _ in read_lexicon(name) if " " not in t)


def _stopwords() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def derive_terms(stats: dict[str, StemCount], *, threshold: float = 0.17, k: float = 2.0,
                 include_vader: bool = True) -> list[tuple[str, str, float]]:
    """Rows ``(term, category, weight)`` for the stems whose shrunk rate reaches ``threshold``.

    Parameters
    ----------
    stats : dict
        From :func:`word_statistics`.
    threshold : float
        Smallest kept weight (estimated share of occurrences marked as biased).
    k : float
        Strength of the prior, in pseudo-occurrences.
    include_vader : bool
        Also consider VADER words never seen in ``stats``, at their group's prior.
    """
    from ..subjectivity import subjectivity_lexicon

    valence = vader_valence() if include_vader else {}
    subjective = subjectivity_lexicon()
    project = set(_project_stems())
    stop = _stopwords()
    terms = {stem: (count.forms.most_common(1)[0][0] if count.forms else None)
             for stem, count in stats.items()}
    for stem in valence:
        if terms.get(stem) is None:
            terms[stem] = _vader_form(stem)
    groups = {stem: _group(stem, term, valence, project, subjective)
              for stem, term in terms.items()}
    pooled: dict[str, list[int]] = {}
    for stem, count in stats.items():
        tally = pooled.setdefault(groups[stem], [0, 0])
        tally[0] += count.hits
        tally[1] += count.occurrences
    prior = {g: (h + 1) / (n + 10) for g, (h, n) in pooled.items()}
    rows = []
    for stem in sorted(terms):
        group, term = groups[stem], terms[stem]
        if group == "project" or term in stop or len(term) < 3 or term.endswith("'s"):
            continue
        count = stats.get(stem, StemCount())
        weight = (count.hits + k * prior.get(group, 0.0)) / (count.occurrences + k)
        if weight >= threshold:
            rows.append((term, _category(term), round(weight, 3)))
    return rows


@lru_cache(maxsize=1)
def _vader_forms() -> dict[str, str]:
    from importlib.resources import files

    from ..cues import _stem

    text = files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        word = line.split("\t")[0]
        if re.fullmatch(r"[a-z][a-z'-]+", word):
            stem = _stem(word)
            if stem not in out or len(word) < len(out[stem]):
                out[stem] = word
    return out


def _vader_form(stem: str) -> str:
    return _vader_forms()[stem]


def write_tsv(rows: Sequence[tuple[str, str, float]], path: str | Path, *, note: str) -> None:
    """Write rows as a lexicon TSV with a header and one comment row of provenance."""
    lines = ["term\tcategory\tweight", f"# {note}\t\t0"]
    lines += [f"{t}\t{c}\t{w:g}" for t, c, w in sorted(rows)]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- command line
def _fold(text: str, folds: int = 2) -> int:
    """A split of dev independent of the held-back rule (the first sha1 hex digit)."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[1], 16) % folds


def _read(data: Path, name: str):
    import pandas as pd

    return pd.read_csv(data / name / "dev.csv", keep_default_na=False)


def _training_rows(data: Path, held_out: int | None, folds: int = 2):
    """Biased BABE and MBIC dev sentences, less those of fold ``held_out``."""
    texts, marked = [], []
    for name in ("babe", "mbic"):
        frame = _read(data, name)
        for text, label, words in zip(frame["text"], frame["label"], frame["biased_words"]):
            if int(label) == 1 and (held_out is None or _fold(text, folds) != held_out):
                texts.append(text)
                marked.append(json.loads(words) if words else [])
    return texts, marked


def _holdout(data: Path, *, threshold: float, k: float, folds: int) -> None:
    """Held-out word figures. Which words count as loaded is decided by the word model of
    :mod:`toolkit.loaded`, which the bundled one learned from all of dev, so the held-out
    estimate retrains that model without each fold (``threshold`` and ``k`` only shape the
    derived list, whose spans the model re-weights)."""
    from ..bias_model import read_training_data
    from ..loaded import holdout_figures

    train = read_training_data([data / "babe" / "dev.csv", data / "mbic" / "dev.csv"])
    table = holdout_figures(train, _read(data, "babe"), _read(data, "ptc"), folds=folds)
    for row in table.itertuples():
        print(f"fold {row.fold + 1}/{folds} held out, word model trained on the rest: "
              f"word_precision={row.word_precision:.3f} word_recall={row.word_recall:.3f} "
              f"ptc token_f1={row.token_f1:.3f} line_f1={row.line_f1:.3f}")


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: derive the list from ``DIR/babe`` and ``DIR/mbic`` dev files."""
    parser = argparse.ArgumentParser(prog="python -m toolkit.lexicons.derivation",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="folder with babe/ and mbic/")
    parser.add_argument("--out", type=Path, help="TSV file to write")
    parser.add_argument("--threshold", type=float, default=0.17)
    parser.add_argument("--k", type=float, default=2.0)
    parser.add_argument("--holdout", action="store_true",
                        help="derive on all folds but one, report figures on that one, "
                             "for each fold")
    parser.add_argument("--folds", type=int, default=2, help="number of folds for --holdout")
    args = parser.parse_args(argv)
    if args.holdout:
        _holdout(args.data, threshold=args.threshold, k=args.k, folds=args.folds)
        return
    if args.out is None:
        parser.error("--out is required unless --holdout is given")
    rows = derive_terms(word_statistics(*_training_rows(args.data, None)),
                        threshold=args.threshold, k=args.k)
    write_tsv(rows, args.out, note=(
        f"derived from BABE and MBIC dev biased_words (AGPL-3.0) with VADER valence priors; "
        f"threshold={args.threshold} k={args.k}; see babe_mbic_loaded.NOTICE.md"))
    print(f"wrote {len(rows)} terms to {args.out}")


if __name__ == "__main__":
    main()

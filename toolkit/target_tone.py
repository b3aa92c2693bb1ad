"""Target tone: the tone a sentence takes toward one mention in it, with the words behind it.

A whole sentence's VADER score says how the sentence sounds, not what it says about one person
in it: "Critics slammed Smith's rivals" is negative, but not toward Smith. :func:`target_tone`
scores the mention at ``[start, end)`` of a text with a multinomial logistic regression over
named, readable features of the sentence around it:

- the words of the sentence with the mention masked, and the words right beside it
  (``L1=``, ``R1=`` for the next word, ``L=``/``R=`` within three words, bigrams through the
  mention as ``<t>``);
- other names (a capitalised word after the sentence's first, outside title-case lines) read
  ``<name>`` in every word feature, so the tone comes from what is said about the target, not
  from who else the sentence names;
- the Snowball stems of those words (``stem=prais`` for "praised" and "praises"), and the
  stems within eight words of the mention weighted by distance (``near=``: 1 beside it,
  falling by a factor e every three words);
- VADER valence of the words around the mention, weighted by distance, split by side, and
  restricted to the mention's own clause; the sentence's VADER scores;
- who speaks: whether the mention is inside a quotation, whether it is the speaker of one
  ("Smith said"), and the valence inside and outside quotation marks.

**Whose words count.** Words that a target says about itself are not tone toward it: when the
mention is the speaker of a quotation in the sentence, the words inside that quotation are
left out of every feature (``self_quotes=False``, the default), so a minister quoted praising
himself is not scored as the outlet praising him. Quotations and their speakers come from
:func:`toolkit.voice.find_quotes`, run on the mention's sentence.

The tone, in -1..1, is ``1 - P(neutral)`` signed by the likelier polarity (:func:`tone_of`). :func:`target_tone_label` maps it to
-1/0/1 with thresholds fit on the NewsMTSC training split, and :func:`target_tone_evidence`
returns the words that drove it, as :class:`~toolkit.spans.Span` records whose weight is each
word's contribution to the positive-minus-negative logit.

The bundled weights (``toolkit/models/target_tone.json``) were trained on NewsMTSC (Hamborg
and Donnay, EACL 2021; MIT licence) by ``python -m toolkit train-target-tone --distil``: the
gold labels mixed with a sentence-embedding teacher's out-of-fold probabilities, plus
unlabelled mentions labelled by the teacher (:mod:`toolkit.target_distillation`; the teacher
is needed only to train). The word features are scaled NBSVM-style during training (see
:func:`fit_target_tone`); the scale is folded into the saved weights, so every feature still
has one readable weight per class.
"""
from __future__ import annotations

import json
import math
import numbers
import re
from collections import defaultdict
from functools import lru_cache
from importlib.resources import files
from typing import NamedTuple

from .cues import _stem
from .segmentation import sentence_spans, word_spans
from .spans import Span

__all__ = ["TargetToneModel", "target_tone", "target_tone_label", "target_tone_evidence",
           "target_features", "default_target_model", "fit_target_tone", "tone_to_label",
           "tone_of", "newsmtsc_group", "read_newsmtsc", "masked_sentence"]

_NEGATORS = frozenset({"not", "no", "never", "n't", "without", "hardly", "nor", "neither",
                       "cannot", "nobody", "nothing"})
_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "they", "them", "their",
                       "it", "its", "i", "we", "you", "himself", "herself", "themselves"})
SPEECH_VERBS = frozenset("""
said says say saying told tells tell stated states state added adds wrote writes write
claimed claims claim argued argues insisted insists declared declares announced announces
warned warns noted notes explained explains asked asks replied replies tweeted tweets
admitted admits acknowledged acknowledges boasted boasts vowed vows promised promises
suggested suggests according continued continues responded responds recalled recalls
""".split())
_CLAUSE_BREAKS = frozenset({",", ";", ":", "--", "—", "–", "but", "while", "although",
                            "though", "whereas", "however", "yet", "because"})
_WORDLIKE = re.compile(r"[A-Za-z0-9]")
_WINDOW = 3
#: Tokens after which a capital letter starts a sentence or quotation, not a name.
_OPENERS = frozenset({".", "!", "?", '"', "“", "``", "''", ":", "(", "'", "‘"})
_DECAY = 3.0
#: Words at most this far from the mention give ``near=`` features.
_NEAR = 8
#: What the word features see in place of a name other than the target's.
_NAME = "<name>"
#: What the sentence embedding reads in place of the mention (:func:`masked_sentence`).
_MASK = "the target"


class _Token(NamedTuple):
    start: int
    end: int
    norm: str
    target: bool
    quoted: int  # index of the quotation it is in, or -1
    wordlike: bool  # has a letter or digit
    valence: float  # VADER lexicon valence / 4, 0.0 for words it does not know


def _check(text, start, end) -> None:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    for name, value in (("start", start), ("end", end)):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if not 0 <= start < end <= len(text):
        raise ValueError(f"the mention [start={start}, end={end}) must satisfy "
                         f"0 <= start < end <= len(text) = {len(text)}")
    if not text[start:end].strip():
        raise ValueError(f"the mention [start={start}, end={end}) is only whitespace")


@lru_cache(maxsize=256)
def _quotations(text: str, start: int, end: int) -> tuple[tuple[int, int, int, int], ...]:
    """Quotations in ``text[start:end]`` as ``(start, end, speaker_start, speaker_end)``.

    From :func:`toolkit.voice.find_quotes`; the speaker offsets are -1 when it names none.
    Cached: every mention in a sentence asks for the same sentence's quotations.
    """
    from .voice import find_quotes

    out = []
    # The rules' speakers (parse=False): the bundled model was fitted on them.
    for q in find_quotes(text[start:end], [(0, end - start)], parse=False):
        speaker = (-1, -1) if q.speaker_start is None else \
            (start + q.speaker_start, start + q.speaker_end)
        out.append((start + q.start, start + q.end, *speaker))
    return tuple(out)


def _sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    for s, e in _sentence_ranges(text):
        if s <= start < e:
            return s, max(e, end)
    return 0, len(text)


@lru_cache(maxsize=256)
def _sentence_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """:func:`~toolkit.segmentation.sentence_spans` of ``text``, cached: every mention in a
    sentence asks for the same ranges."""
    return tuple(sentence_spans(text))


@lru_cache(maxsize=256)
def _words(text: str, start: int, end: int) -> tuple[tuple, ...]:
    """The words of ``text[start:end]`` as :class:`_Token` fields but ``target``:
    ``(start, end, norm, quotation index or -1, wordlike, valence)``.

    Cached, as :func:`_quotations` is: the mentions of one sentence share them.
    """
    quotes = _quotations(text, start, end)
    lex = _valences()
    out = []
    for s, e in word_spans(text, start, end):
        q = next((k for k, (qs, qe, _, _) in enumerate(quotes) if qs <= s and e <= qe), -1)
        norm = text[s:e].lower().replace("’", "'").replace("‘", "'")
        out.append((s, e, norm, q, _WORDLIKE.search(norm) is not None,
                    lex.get(norm, 0.0) / 4.0))
    return tuple(out)


def _tokens(text: str, start: int, end: int) -> tuple[list[_Token], list[tuple], int]:
    s_start, s_end = _sentence_of(text, start, end)
    quotes = _quotations(text, s_start, s_end)
    tokens = [_Token(s, e, norm, s < end and e > start, q, wordlike, valence)
              for s, e, norm, q, wordlike, valence in _words(text, s_start, s_end)]
    return tokens, quotes, s_start


def _speaker_of(tokens: list[_Token], first: int, last: int, quotes) -> list[int]:
    """Quotations that the mention (tokens first..last) is the named speaker of."""
    lo, hi = tokens[first].start, tokens[last].end
    own = [k for k, (qs, qe, s, e) in enumerate(quotes)
           if s >= 0 and s < hi and lo < e and not (qs < hi and lo < qe)]
    if own or any(s >= 0 for _, _, s, _ in quotes):
        return own
    # No speaker found by the quote finder: a speech verb right beside the mention.
    near = [t.norm for t in tokens[max(0, first - 2):first] + tokens[last + 1:last + 4]
            if t.quoted < 0]
    if not quotes or not SPEECH_VERBS.intersection(near):
        return []
    return [k for k in range(len(quotes))
            if not any(t.quoted == k for t in tokens[first:last + 1])]


@lru_cache(maxsize=1)
def _valences() -> dict[str, float]:
    from .sentiment import vader

    return vader().lexicon


def target_features(text: str, start: int, end: int, *, self_quotes: bool = False
                    ) -> tuple[dict[str, float], dict[str, list[tuple[int, int]]]]:
    """The named features of the mention at ``[start, end)`` and where each comes from.

    Parameters
    ----------
    text : str
        The text; only the sentence that holds the mention is read.
    start, end : int
        The mention's character offsets, ``end`` exclusive.
    self_quotes : bool
        Keep the words of quotations that the target itself speaks. Off by default.

    Returns
    -------
    features : dict
        Feature name to value.
    sources : dict
        Feature name to the ``(start, end)`` ranges of the words that produced it.

    Examples
    --------
    >>> features, sources = target_features("Critics praised Smith.", 16, 21)
    >>> features["L1=praised"], sources["L1=praised"]
    (1.0, [(8, 15)])
    """
    _check(text, start, end)
    features, sources = {}, defaultdict(list)
    _features(text, int(start), int(end), self_quotes, features, sources)
    return features, dict(sources)


def _is_name(text: str, t: _Token, prev: _Token) -> bool:
    """Whether ``t`` looks like a name: capitalised (then lower case) after a word that does
    not start a sentence or quotation."""
    return (text[t.start].isupper() and t.start + 1 < t.end and text[t.start + 1].islower()
            and prev.norm not in _OPENERS)


def _features(text: str, start: int, end: int, self_quotes: bool, feats: dict[str, float],
              src: dict[str, list[tuple[int, int]]] | None) -> None:
    """Fill ``feats`` (and ``src`` unless None) for :func:`target_features`.

    :func:`target_tone` needs no sources, so it passes ``src=None`` and skips them.
    """
    tokens, quotes, _ = _tokens(text, start, end)
    hits = [i for i, t in enumerate(tokens) if t.target]
    first, last = hits[0], hits[-1]
    own = set(_speaker_of(tokens, first, last, quotes))
    if own and not self_quotes:
        keep = [i for i, t in enumerate(tokens) if t.quoted not in own or t.target]
        tokens = [tokens[i] for i in keep]
        first, last = keep.index(first), keep.index(last)

    def add(name: str, value: float, *where: _Token) -> None:
        if value:
            feats[name] = feats.get(name, 0.0) + value
            if src is not None:
                src[name].extend((t.start, t.end) for t in where)

    # Other names become "<name>": what is said about the target counts, not who else is named
    # (NewsMTSC's "Putin" or "Russia" in a sentence about a US politician is a topic, not a tone).
    # A headline in title case capitalises every word, so there capitals mark no names.
    names = {i for i in range(1, len(tokens))
             if not tokens[i].target and _is_name(text, tokens[i], tokens[i - 1])}
    long_words = [t for t in tokens if t.wordlike and not t.target and t.end - t.start > 3]
    lower = sum(1 for t in long_words if text[t.start].islower())
    if lower >= 0.2 * len(long_words):
        tokens = [t._replace(norm=_NAME) if i in names else t for i, t in enumerate(tokens)]
    mention = " ".join(t.norm for t in tokens[first:last + 1])
    add("bias_pronoun", 1.0 if mention in _PRONOUNS else 0.0)
    add("target_first", 1.0 if first == 0 else 0.0)
    add("target_in_quote", 1.0 if tokens[first].quoted >= 0 else 0.0)
    add("target_speaker", 1.0 if own else 0.0)
    add("sentence_has_quote", 1.0 if quotes else 0.0)
    words = [t.norm if not t.target else "<t>" for t in tokens]
    # Bag of words with the mention masked, and bigrams through the mention.
    for t in tokens:
        if t.wordlike and not t.target:
            add(f"w={t.norm}", 1.0, t)
    for i in range(len(tokens) - 1):
        a, b = words[i], words[i + 1]
        if a == b == "<t>":
            continue
        where = [t for t in tokens[i:i + 2] if not t.target]
        add(f"bg={a}_{b}", 1.0, *where)
    # Word stems ("praised", "praises": "prais"), and the stems near the mention weighted by
    # distance, so that the few words beside the target count more than the rest.
    for i, t in enumerate(tokens):
        if t.wordlike and not t.target:
            stem = t.norm if t.norm == _NAME else _stem(t.norm)
            add(f"stem={stem}", 1.0, t)
            d = first - i if i < first else i - last
            if d <= _NEAR:
                add(f"near={stem}", math.exp(-(d - 1) / _DECAY), t)
    # Position-tagged neighbours.
    for side, rng in (("L", range(first - 1, max(-1, first - 1 - _WINDOW), -1)),
                      ("R", range(last + 1, min(len(tokens), last + 1 + _WINDOW)))):
        for d, i in enumerate(rng, start=1):
            t = tokens[i]
            if d == 1:
                add(f"{side}1={t.norm}", 1.0, t)
            add(f"{side}={t.norm}", 1.0, t)
    # Valence, with negation flipping, by distance, side, clause and voice.
    lo, hi = first, last
    while lo > 0 and tokens[lo - 1].norm not in _CLAUSE_BREAKS:
        lo -= 1
    while hi < len(tokens) - 1 and tokens[hi + 1].norm not in _CLAUSE_BREAKS:
        hi += 1
    n_words = max(1, sum(1 for t in tokens if t.wordlike))
    # Other people the sentence may be about: pronouns and capitalised words after the first.
    others = sorted(names.union(i for i, t in enumerate(tokens) if t.norm in _PRONOUNS
                                and not t.target))
    add("n_other_mentions", math.log1p(len(others)))
    for i, t in enumerate(tokens):
        v = t.valence
        if not v or t.target:
            continue
        if any(u.norm in _NEGATORS for u in tokens[max(0, i - 3):i]):
            v *= -0.74
        pole = "pos" if v > 0 else "neg"
        d = first - i if i < first else i - last
        side = "left" if i < first else "right"
        add(f"v_{pole}_near", abs(v) * math.exp(-(d - 1) / _DECAY), t)
        add(f"v_{pole}_{side}", abs(v) * math.exp(-(d - 1) / _DECAY), t)
        add(f"v_{pole}_all", abs(v) / math.sqrt(n_words), t)
        if lo <= i <= hi:
            add(f"v_{pole}_clause", abs(v), t)
        voice = "quote" if t.quoted >= 0 else "author"
        add(f"v_{pole}_{voice}", abs(v), t)
        # Is the target the nearest mention to this word, or is someone else nearer?
        nearest = min((abs(i - j) for j in others), default=len(tokens))
        add(f"v_{pole}_{'mine' if d <= nearest else 'other'}", abs(v), t)


def tone_of(negative: float, neutral: float, positive: float) -> float:
    """The tone from the three class probabilities: how sure the model is that the sentence
    is not neutral toward the target, signed by the likelier polarity.

    ``P(positive) - P(negative)`` would be the obvious choice, but it hides the neutral class:
    thresholds on it lost 3 points of macro-F1 in cross-validation against ``1 - P(neutral)``
    signed this way, which keeps the model's own three-way decision.

    Examples
    --------
    >>> tone_of(0.1, 0.3, 0.6), tone_of(0.5, 0.4, 0.1)
    (0.7, -0.6)
    """
    if positive == negative:
        return 0.0
    value = 1.0 - neutral
    return value if positive > negative else -value


def tone_to_label(tone: float, thresholds: tuple[float, float]) -> int:
    """Map a tone to -1, 0 or 1: below ``thresholds[0]`` is -1, above ``thresholds[1]`` is 1.

    Examples
    --------
    >>> [tone_to_label(t, (-0.2, 0.3)) for t in (-0.5, 0.0, 0.5)]
    [-1, 0, 1]
    """
    low, high = thresholds
    return -1 if tone < low else (1 if tone > high else 0)


class TargetToneModel:
    """A fitted multinomial logistic regression over :func:`target_features`.

    Parameters
    ----------
    weights : dict
        Feature name to ``[w_negative, w_neutral, w_positive]``.
    intercept : sequence of three floats
    thresholds : (float, float)
        Tone cut-offs for :meth:`label`.
    meta : dict, optional
        Source, licence and figures recorded with the weights.
    """

    def __init__(self, weights: dict[str, list[float]], intercept, thresholds, *,
                 meta: dict | None = None):
        self.weights = weights
        self.intercept = tuple(float(x) for x in intercept)
        self.thresholds = (float(thresholds[0]), float(thresholds[1]))
        self.meta = dict(meta or {})

    def logits(self, features: dict[str, float]) -> list[float]:
        out = list(self.intercept)
        for name, value in features.items():
            w = self.weights.get(name)
            if w is not None:
                for k in range(3):
                    out[k] += w[k] * value
        return out

    def probabilities(self, features: dict[str, float], *, offset=None
                      ) -> tuple[float, float, float]:
        """``P(negative), P(neutral), P(positive)``.

        ``offset``, three numbers, is added to the logits first (the optional sentence
        embedding term of :mod:`toolkit.embedding_terms`).
        """
        logits = self.logits(features)
        if offset is not None:
            logits = [x + float(o) for x, o in zip(logits, offset, strict=True)]
        top = max(logits)
        exp = [math.exp(x - top) for x in logits]
        total = sum(exp)
        return exp[0] / total, exp[1] / total, exp[2] / total

    def tone(self, features: dict[str, float], *, offset=None) -> float:
        """``1 - P(neutral)``, signed by the likelier polarity (see :func:`tone_of`)."""
        return tone_of(*self.probabilities(features, offset=offset))

    def label(self, tone: float) -> int:
        return tone_to_label(tone, self.thresholds)

    def to_json(self) -> str:
        return json.dumps({"meta": self.meta, "intercept": list(self.intercept),
                           "thresholds": list(self.thresholds), "classes": [-1, 0, 1],
                           "weights": self.weights}, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> "TargetToneModel":
        data = json.loads(text)
        return cls(data["weights"], data["intercept"], data["thresholds"], meta=data["meta"])


@lru_cache(maxsize=1)
def default_target_model() -> TargetToneModel:
    """The bundled model, read once from ``toolkit/models/target_tone.json``."""
    path = files("toolkit").joinpath("models", "target_tone.json")
    return TargetToneModel.from_json(path.read_text(encoding="utf-8"))


def masked_sentence(text: str, start: int, end: int) -> str:
    """The sentence that holds the mention, with the mention read as "the target".

    What the optional sentence-embedding term embeds (``embeddings=True``): the embedding
    then reads what the sentence says about the target, not who the target is.

    Examples
    --------
    >>> masked_sentence("It rained. Critics praised Smith. Then it stopped.", 27, 32)
    'Critics praised the target.'
    """
    _check(text, start, end)
    s_start, s_end = _sentence_of(text, start, end)
    return (text[s_start:start] + _MASK + text[end:s_end]).strip()


def _embedding_offset(text: str, start: int, end: int) -> tuple[list[float], tuple]:
    """The embedding term's three logits for the mention and the thresholds fitted with it."""
    from .embedding_terms import embedding_values, load_embedding_term

    values = embedding_values([masked_sentence(text, start, end)], "target")
    term = load_embedding_term("target")
    offset = [float(v) for v in values.reshape(len(values), -1)[0]]
    if len(offset) == 1:  # no term file: a warning was given, and the default scores stand
        offset = [0.0, 0.0, 0.0]
    thresholds = None if term is None else tuple(term.meta["thresholds"])
    return offset, thresholds


def target_tone(text: str, start: int, end: int, *, model: TargetToneModel | None = None,
                self_quotes: bool = False, embeddings: bool = False) -> float:
    """The tone toward the mention at ``[start, end)`` of ``text``, from -1 to 1.

    Parameters
    ----------
    text : str
    start, end : int
        Character offsets of the mention, ``end`` exclusive.
    model : TargetToneModel, optional
        Weights of your own in place of the bundled NewsMTSC model.
    self_quotes : bool
        Count what the target says about itself in a quotation. Off by default.
    embeddings : bool
        Add the optional sentence-embedding term (needs the ``embeddings`` extra): three
        logits from an all-MiniLM-L6-v2 vector of :func:`masked_sentence`, fitted over the
        bundled model's out-of-fold logits (:func:`toolkit.embedding_terms.train_target_term`).
        It is meant for the bundled model; the evidence stays the words of the default model.

    Returns
    -------
    float
        ``1 - P(neutral)``, signed by the likelier of positive and negative.
        :func:`target_tone_evidence` gives the words behind it.

    Raises
    ------
    TypeError
        When ``text`` is not a str or the offsets are not ints.
    ValueError
        When the offsets are out of range or the mention is empty.

    Examples
    --------
    >>> text = "Critics praised Smith for his brave leadership."
    >>> target_tone(text, 16, 21) > 0
    True
    >>> text = "Smith was blamed for the disastrous failure."
    >>> target_tone(text, 0, 5) < 0
    True
    """
    return _tone_and_thresholds(text, start, end, model, self_quotes, embeddings)[0]


def _tone_and_thresholds(text, start, end, model, self_quotes, embeddings):
    model = default_target_model() if model is None else model
    _check(text, start, end)
    features: dict[str, float] = {}
    _features(text, int(start), int(end), self_quotes, features, None)
    if not embeddings:
        return model.tone(features), model.thresholds
    offset, thresholds = _embedding_offset(text, int(start), int(end))
    return model.tone(features, offset=offset), thresholds or model.thresholds


def target_tone_label(text: str, start: int, end: int, *, model: TargetToneModel | None = None,
                      self_quotes: bool = False, embeddings: bool = False) -> int:
    """:func:`target_tone` mapped to -1, 0 or 1 with the model's fitted thresholds (with
    ``embeddings=True``, the thresholds fitted with the embedding term)."""
    tone, thresholds = _tone_and_thresholds(text, start, end, model, self_quotes, embeddings)
    return tone_to_label(tone, thresholds)


def target_tone_evidence(text: str, start: int, end: int, *,
                         model: TargetToneModel | None = None,
                         self_quotes: bool = False) -> list[Span]:
    """The words that drove :func:`target_tone`, strongest first.

    Each word's weight is its share of the positive-minus-negative logit: for every feature,
    ``(w_positive - w_negative) * value``, split evenly over the words that produced it.
    Features that come from no word (the mention being a pronoun, say) are not listed.

    Returns
    -------
    list of Span
        Category ``target_positive`` or ``target_negative``, source ``target_tone``.

    Examples
    --------
    >>> text = "Critics praised Smith for his brave leadership."
    >>> top = target_tone_evidence(text, 16, 21)[0]
    >>> top.category, text[top.start:top.end] == top.text
    ('target_positive', True)
    """
    model = default_target_model() if model is None else model
    features, sources = target_features(text, start, end, self_quotes=self_quotes)
    share: dict[tuple[int, int], float] = defaultdict(float)
    for name, value in features.items():
        w = model.weights.get(name)
        where = sources.get(name)
        if w is None or not where:
            continue
        part = (w[2] - w[0]) * value / len(where)
        for rng in where:
            share[rng] += part
    spans = [Span(s, e, text[s:e], "target_positive" if v > 0 else "target_negative", v,
                  "target_tone") for (s, e), v in share.items() if v]
    spans.sort(key=lambda sp: (-abs(sp.weight), sp.start))
    return spans


def _macro_f1(truth, pred) -> float:
    import numpy as np

    scores = []
    for k in (-1, 0, 1):
        tp = np.sum((pred == k) & (truth == k))
        denom = np.sum(pred == k) + np.sum(truth == k)
        scores.append(2 * tp / denom if denom else 0.0)
    return float(np.mean(scores))


def _fit_thresholds(tones, labels) -> tuple[float, float]:
    """The (low, high) cut-offs on a 0.02 grid that maximise macro-F1."""
    import numpy as np

    tones, labels = np.asarray(tones, dtype=float), np.asarray(labels)
    grid = np.round(np.arange(-0.9, 0.901, 0.02), 2)
    best, best_f1 = (-0.33, 0.33), -1.0
    for low in grid:
        for high in grid[grid >= low]:
            pred = np.where(tones < low, -1, np.where(tones > high, 1, 0))
            f1 = _macro_f1(labels, pred)
            if f1 > best_f1:
                best, best_f1 = (float(low), float(high)), f1
    return best


def fit_target_tone(texts, starts, ends, labels, *, groups=None, c: float = 0.03,
                    n_splits: int = 5, min_count: int = 3, nb_scale: bool = True,
                    meta: dict | None = None) -> tuple[TargetToneModel, dict]:
    """Train a :class:`TargetToneModel` and estimate its accuracy by grouped cross-validation.

    Parameters
    ----------
    texts, starts, ends, labels : sequences
        One target per position; ``labels`` in -1, 0, 1.
    groups : sequence, optional
        Group keys (for example the source article) that must not straddle a fold.
    c : float
        Inverse L2 regularisation strength.
    n_splits : int
        Cross-validation folds; the thresholds are fit on the out-of-fold tones.
    min_count : int
        Drop features seen in fewer targets than this.
    nb_scale : bool
        Scale each word feature (a name with ``=``) by how unevenly it falls over the classes,
        as in NBSVM (Wang and Manning, ACL 2012): its largest absolute log-ratio of add-one
        smoothed frequency in one class against the other two, counted on the training rows
        only (inside each fold for the estimate). A word that marks a class is penalised less
        by the L2 term. The saved weights are the coefficients times the scale, so the model
        is still one weight per feature and value.

    Returns
    -------
    model : TargetToneModel
        Fit on all the rows, with thresholds fit on the out-of-fold tones.
    report : dict
        ``cv_macro_f1`` (out-of-fold, thresholds fit on the same folds' tones),
        ``cv_macro_f1_argmax``, ``train_macro_f1`` (in-sample), ``n``, ``n_features``.
    """
    feats = [target_features(t, int(s), int(e))[0] for t, s, e in zip(texts, starts, ends)]
    model, report, _ = _fit_features(feats, labels, groups=groups, c=c, n_splits=n_splits,
                                     min_count=min_count, nb_scale=nb_scale, meta=meta)
    return model, report


def _feature_matrix(feats: list[dict[str, float]], *, min_count: int = 3):
    """The fitted ``DictVectorizer``, the sparse matrix of ``feats`` with the features seen in
    fewer than ``min_count`` rows dropped, the feature names, and which of them are word
    features (a boolean mask: names holding "=")."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer

    counts: dict[str, int] = defaultdict(int)
    for f in feats:
        for name in f:
            counts[name] += 1
    keep = {n for n, k in counts.items() if k >= min_count}
    vec = DictVectorizer()
    x = vec.fit_transform([{n: v for n, v in f.items() if n in keep} for f in feats]).tocsr()
    names = vec.get_feature_names_out()
    return vec, x, names, np.array(["=" in n for n in names])


def _tones(p):
    """:func:`tone_of` of each row of ``p`` (class probabilities, columns negative, neutral,
    positive), as an array."""
    import numpy as np

    return np.where(p[:, 2] == p[:, 0], 0.0, np.sign(p[:, 2] - p[:, 0]) * (1.0 - p[:, 1]))


def _nb_scale(x, y, words):
    """NBSVM scale of each column of ``x`` (rows labelled ``y`` in -1, 0, 1): the largest
    absolute log-ratio of add-one smoothed frequency in one class against the other two, for
    the word features (``words``, a boolean mask); 1 for the others."""
    import numpy as np

    seen, ratios = (x != 0).astype(float), []
    for k in (-1, 0, 1):
        inside = np.asarray(seen[y == k].sum(axis=0)).ravel() + 1.0
        outside = np.asarray(seen[y != k].sum(axis=0)).ravel() + 1.0
        ratios.append(np.abs(np.log((inside / inside.sum()) / (outside / outside.sum()))))
    scale = np.ones(x.shape[1])
    scale[words] = np.max(ratios, axis=0)[words]
    return scale


def _fit_features(feats: list[dict[str, float]], labels, *, groups=None, c: float = 0.03,
                  n_splits: int = 5, min_count: int = 3, nb_scale: bool = True,
                  meta: dict | None = None):
    """:func:`fit_target_tone` on features already computed, also returning the out-of-fold
    logits (shape ``(n, 3)``, columns negative, neutral, positive) that the optional
    embedding term (:func:`toolkit.embedding_terms.train_target_term`) is fitted over."""
    import numpy as np
    from scipy.sparse import diags
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold, StratifiedKFold

    y = np.asarray(labels, dtype=int)
    _, x, names, words = _feature_matrix(feats, min_count=min_count)

    def scale_for(rows):
        return _nb_scale(x[rows], y[rows], words) if nb_scale else np.ones(x.shape[1])

    def model_for(rows):
        scale = scale_for(rows)
        lr = LogisticRegression(C=c, max_iter=3000)
        lr.fit(x[rows] @ diags(scale), y[rows])
        lr.coef_ = lr.coef_ * scale  # the same logits on the unscaled features
        return lr

    def tones_of(lr, rows):
        p = lr.predict_proba(x[rows])
        cls = list(lr.classes_)
        return _tones(p[:, [cls.index(k) for k in (-1, 0, 1)]]), lr.classes_[p.argmax(axis=1)]

    folds = (GroupKFold(n_splits=n_splits).split(x, y, groups) if groups is not None
             else StratifiedKFold(n_splits, shuffle=True, random_state=0).split(x, y))
    oof = np.zeros(len(y))
    arg = np.zeros(len(y), dtype=int)
    oof_logits = np.zeros((len(y), 3))
    for train, test in folds:
        fold_lr = model_for(train)
        oof[test], arg[test] = tones_of(fold_lr, test)
        columns = [list(fold_lr.classes_).index(k) for k in (-1, 0, 1)]
        oof_logits[test] = fold_lr.decision_function(x[test])[:, columns]
    thresholds = _fit_thresholds(oof.tolist(), y.tolist())
    cv_pred = [tone_to_label(t, thresholds) for t in oof]
    lr = model_for(np.arange(len(y)))
    order = [list(lr.classes_).index(k) for k in (-1, 0, 1)]
    weights = {str(n): [round(float(lr.coef_[k, j]), 5) for k in order]
               for j, n in enumerate(names)}
    weights = {n: w for n, w in weights.items() if any(w)}
    model = TargetToneModel(weights, [float(lr.intercept_[k]) for k in order], thresholds,
                            meta=dict(meta or {}))
    train_tones, _ = tones_of(lr, np.arange(len(y)))
    report = {
        "n": int(len(y)), "n_features": len(weights), "c": c, "nb_scale": nb_scale,
        "cv_macro_f1": float(f1_score(y, cv_pred, average="macro")),
        "cv_macro_f1_argmax": float(f1_score(y, arg, average="macro")),
        "train_macro_f1": float(f1_score(y, [tone_to_label(t, thresholds) for t in train_tones],
                                         average="macro")),
        "thresholds": list(thresholds),
    }
    model.meta.update({k: report[k] for k in ("n", "cv_macro_f1", "cv_macro_f1_argmax",
                                              "train_macro_f1")})
    return model, report, oof_logits


def newsmtsc_group(row_id: str) -> str:
    """The source article of a NewsMTSC row id, for grouped cross-validation.

    Examples
    --------
    >>> newsmtsc_group("allsides_1000_401_25_Reality Leigh Winner_0_6")
    'allsides_1000'
    >>> newsmtsc_group("polusa_v1_79085845_-1_25_Wednesday_202_211")
    'polusa_v1_79085845'
    """
    parts = str(row_id).split("_")
    return "_".join(parts[:3] if parts[0] == "polusa" else parts[:2])


def read_newsmtsc(path) -> "pd.DataFrame":  # noqa: F821 - pandas imported lazily
    """Read a NewsMTSC CSV (``id,text,start,end,mention,polarity``) and check its offsets."""
    import pandas as pd

    frame = pd.read_csv(path)
    missing = {"text", "start", "end", "polarity"} - set(frame.columns)
    if missing:
        raise ValueError(f"{path}: missing the columns {sorted(missing)}")
    return frame

"""Entities: who is named in an article, and how each of them is portrayed.

Mentions come from four rules, all offline:

- **capitalised sequences** ("Andrei Belousov", "Sea of Japan", "D.C."), with leading titles
  ("Defense Minister", "President") and demonyms peeled off, and sentence-initial common
  words, months and days left out;
- **titles** mark the name after them as a person ("President Vladimir Putin" -> Vladimir
  Putin, a person), and so does a common first name opening a name of two or three words
  ("Donald Trump"; ``lexicons/entities/given_names.tsv``, 1990 US Census);
- **places**: capitals, large cities and US states (``lexicons/entities/places.tsv``,
  GeoNames) are typed ``place``; a number before an organisation belongs to it ("1776
  Coalition"), and an insert label after a name does not ("Sponsored");
- **demonyms** count as a mention of their country ("Russian" -> Russia), from
  ``lexicons/entities/demonyms.tsv``;
- **collective labels** ("the Left", "globalist elites", "critics") from
  ``lexicons/entities/groups.tsv``.

Repeated mentions merge: a one-word name that is the first or last word of a longer name of
the same article joins it ("Belousov" -> Andrei Belousov, "Putin" -> Vladimir Putin), and a
possessive ("Belousov's") counts as the name.

Every mention gets a tone from :func:`toolkit.target_tone.target_tone` on its sentence, and a
voice: ``quote`` when it lies inside quotation marks, ``author`` otherwise.
"""
from __future__ import annotations

import csv
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from functools import lru_cache
from importlib.resources import files

import numpy as np
import pandas as pd

from .segmentation import Sentence, segment
from .spans import Span

__all__ = ["ENTITY_COLUMNS", "MENTION_COLUMNS", "find_mentions", "entity_table",
           "entities_of"]

ENTITY_COLUMNS = ["entity", "type", "mentions", "paragraphs", "tone_author", "tone_quoted",
                  "tone", "loaded_terms"]
MENTION_COLUMNS = ["entity", "type", "paragraph", "sentence", "start", "end", "text", "voice",
                   "tone"]

#: Titles that make the name after them a person, longest first when matched.
TITLES = frozenset("""
president vice prime minister secretary senator sen. rep. representative gov. governor
chancellor king queen prince princess general gen. lt. col. colonel admiral adm. dr. mr. mrs.
ms. pope chairman chairwoman chair ceo speaker judge justice ambassador mayor premier
sheikh emir sultan commander leader spokesman spokeswoman spokesperson director chief
defense defence foreign interior finance state deputy attorney first lady sir lord
""".split())
_TITLE_ROLES = frozenset({"president", "minister", "secretary", "senator", "sen.", "rep.",
                          "representative", "gov.", "governor", "chancellor", "king", "queen",
                          "prince", "princess", "general", "gen.", "colonel", "admiral",
                          "adm.", "dr.", "mr.", "mrs.", "ms.", "pope", "chairman",
                          "chairwoman", "ceo", "speaker", "judge", "justice", "ambassador",
                          "mayor", "premier", "sheikh", "emir", "sultan", "commander",
                          "spokesman", "spokeswoman", "spokesperson", "director", "sir",
                          "lord", "lady"})
_ORG_WORDS = frozenset("""
ministry department agency council committee party coalition union association
organisation organization office court parliament congress senate house army navy
force forces police bank company corp inc ltd group institute university commission
bureau administration government cabinet assembly federation alliance nato fund
times post news network foundation campaign
""".split())
_CALENDAR = frozenset("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
saturday sunday
""".split())
_COMMON = frozenset("""
a an the this that these those it its he she they we i you his her their our my your
and but or nor so yet for if when while since after before as at by in on of to from with
there here then now also still even just only both either neither each every all some any
no not what which who whom whose where why how quite frankly in fact last next first
meanwhile however moreover furthermore although though because despite during under over
one two three many most more such other another few several according will can would could
should may might must shall do does did is are was were be been being has have had
yesterday today tomorrow tonight later earlier overall instead indeed perhaps recently
eventually finally afterwards currently
""".split())
#: Insert labels written in title case after a name ("1776 Coalition Sponsored").
_MARKERS = frozenset({"sponsored", "sponsor", "advertisement", "promoted", "ad"})
_CONNECTORS = frozenset({"of", "de", "del", "la", "le", "von", "van", "der", "bin", "al",
                         "du", "da", "dos", "the", "for"})
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’.\-]*[A-Za-z0-9.]|[A-Za-z]")
_SEP = re.compile(r"[ \t\[\]]*")
_QUOTE_OPEN = "“«„"
_QUOTE_CLOSE = "”»"


@lru_cache(maxsize=None)
def _rows(name: str) -> list[list[str]]:
    """The rows of a list in ``lexicons/entities/`` below its header, cells stripped."""
    text = files("toolkit.lexicons").joinpath("entities", name).read_text(encoding="utf-8")
    return [[cell.strip() for cell in row]
            for row in csv.reader(text.splitlines()[1:], delimiter="\t")]


def _table(name: str) -> tuple[tuple[str, str], ...]:
    return tuple((r[0], r[1]) for r in _rows(name) if len(r) >= 2 and r[0])


def _demonyms() -> dict[str, str]:
    return dict(_table("demonyms.tsv"))


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(country for _, country in _table("demonyms.tsv"))


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    return frozenset(name for name, _ in _table("given_names.tsv"))


@lru_cache(maxsize=1)
def _given_name_sex() -> dict[str, str]:
    """First name -> "m" or "f" where the Census lists tell (the ``sex`` column)."""
    return {r[0]: r[2] for r in _rows("given_names.tsv") if len(r) >= 3 and r[2] in ("m", "f")}


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    return frozenset(_key(place) for place, _ in _table("places.tsv"))


def _key(name: str) -> str:
    """Spelling-neutral key of a name: "D.C." and "DC" are one."""
    return re.sub(r"[.\s]", "", name).lower()


def is_place(name: str) -> bool:
    """Is ``name`` a country or a place of the bundled lists ("Massachusetts", "D.C.")?

    Examples
    --------
    >>> is_place("Massachusetts"), is_place("Robert McManus")
    (True, False)
    """
    return name in _countries() or _key(name) in _places()


def _kind(words: list[str], name: str, titled: bool) -> str | None:
    """The type a name's own words give it, or None when they say nothing."""
    if titled:
        return "person"
    if name in _countries():
        return "country"
    if any(w.lower().strip(".") in _ORG_WORDS for w in words):
        return "organisation"
    if _key(name) in _places():
        return "place"
    if len(words) > 1 and words[0] in _given_names():
        return "person"
    return None


@lru_cache(maxsize=1)
def _group_pattern() -> re.Pattern:
    terms = sorted(_table("groups.tsv"), key=lambda r: -len(r[0]))
    parts = []
    for term, _ in terms:
        body = re.escape(term).replace(r"\ ", r"\s+")
        if term != term.lower():
            body = f"(?:{body}|{re.escape(term[0].upper())}{body[len(re.escape(term[0])):]})"
            parts.append(body)
        else:
            parts.append(f"(?i:{body})")
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


def _group_entity(matched: str) -> str | None:
    key = " ".join(matched.split())
    for term, entity in _table("groups.tsv"):
        if term == key or (term == term.lower() and term == key.lower()) or \
                (term[:1].lower() + term[1:] == key[:1].lower() + key[1:]
                 and term != term.lower()):
            return entity
    return None


def _strip_possessive(word: str) -> str:
    for tail in ("'s", "’s", "'", "’"):
        if word.endswith(tail) and len(word) > len(tail) + 1:
            return word[: -len(tail)]
    return word


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _sequences(text: str, start: int, end: int) -> list[list[tuple[int, int, str]]]:
    """Runs of capitalised words (with connectors such as 'of the') in ``text[start:end]``.

    A possessive ends a run: "Belousov's Chinese counterpart" holds two names at most.
    """
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]

    def joined(a, b) -> bool:
        return _SEP.fullmatch(text[words[a][1]:words[b][0]]) is not None

    runs: list[list[tuple[int, int, str]]] = []
    i = 0
    while i < len(words):
        if not _is_cap(words[i][2]):
            i += 1
            continue
        run = [words[i]]
        j = i + 1
        while j < len(words) and _strip_possessive(run[-1][2]) == run[-1][2]:
            k = j
            while k < len(words) and words[k][2].lower() in _CONNECTORS and joined(k - 1, k):
                k += 1
            if k < len(words) and _is_cap(words[k][2]) and joined(k - 1, k) and \
                    (k == j or k - j <= 2):
                run.extend(words[j:k + 1])
                j = k + 1
            else:
                break
        runs.append(run)
        i = j
    return runs


def _split_hyphens(run):
    """'China-Russian' is two names: split a one-word run on its hyphens."""
    if len(run) != 1 or "-" not in run[0][2]:
        return [run]
    s, _, w = run[0]
    out, pos = [], s
    for part in w.split("-"):
        if part and _is_cap(part):
            out.append([(pos, pos + len(part), part)])
        pos += len(part) + 1
    return out if all(out) and len(out) > 1 else [run]


def _mentions_in(text: str, sentence: Sentence, number: int) -> list[dict]:
    """Raw mentions of one sentence: name, type hint and offsets."""
    out: list[dict] = []
    taken: list[tuple[int, int]] = []
    for m in _group_pattern().finditer(text, sentence.start, sentence.end):
        entity = _group_entity(m.group())
        if entity:
            out.append({"name": entity, "type": "group", "start": m.start(), "end": m.end(),
                        "key": entity, "sentence": number})
            taken.append((m.start(), m.end()))
    demonyms = _demonyms()
    for run in _sequences(text, sentence.start, sentence.end):
        for piece in _split_hyphens(run):
            out.extend(_name_mentions(text, piece, sentence, number, demonyms, taken))
    out.sort(key=lambda r: r["start"])
    return out


def _name_mentions(text, run, sentence, number, demonyms, taken) -> list[dict]:
    run = [(s, e, w.rstrip(".") if not re.search(r"\.[A-Za-z]", w) and
            w.lower() not in TITLES else w) for s, e, w in run]
    run = [(s, s + len(w), w) for s, _, w in run]
    if any(s < te and ts < e for s, e, _ in run for ts, te in taken):
        return []
    while run and run[-1][2].lower() in _MARKERS:
        run = run[:-1]
    out = []
    # Sentence-initial common words ("The", "Since", "Quite") are not names.
    while run and run[0][0] == _first_word_start(text, sentence) and (
            _bare(run[0][2]) in _COMMON or _bare(run[0][2]) in _CALENDAR):
        run = run[1:]
    while run and _bare(run[0][2]) in _COMMON:
        run = run[1:]
    if run and run[-1][2].lower() in _ORG_WORDS:
        # "Russian Defense Ministry" is one organisation: keep its demonym and title words,
        # and a number written before it ("1776 Coalition").
        start = run[0][0]
        number_before = re.search(r"(?<![\w.,])\d[\d,]*[ \t]+$", text[sentence.start:start])
        if number_before:
            start = sentence.start + number_before.start()
        name = text[start:run[0][0]] + " ".join(w for _, _, w in run)
        return [{"name": name, "type": "organisation", "start": start, "end": run[-1][1],
                 "key": name.lower(), "sentence": number}]
    titled = False
    while run:
        word = run[0][2]
        low = word.lower()
        country = demonyms.get(_strip_possessive(word))
        if country and len(run) > 1:
            out.append({"name": country, "type": "country", "start": run[0][0],
                        "end": run[0][1], "key": country, "sentence": number})
            run = run[1:]
            continue
        if low in TITLES and len(run) > 1:
            titled = titled or low in _TITLE_ROLES or low in {"minister", "secretary"}
            run = run[1:]
            continue
        break
    if not run:
        return out
    words = [w for _, _, w in run]
    if len(words) == 1:
        word = _strip_possessive(words[0])
        low = word.lower()
        if low in _COMMON or low in _CALENDAR or low in TITLES or len(word) < 2 or \
                word.upper() == word and len(word) < 2:
            return out
        if word in demonyms:
            out.append({"name": demonyms[word], "type": "country", "start": run[0][0],
                        "end": run[0][0] + len(word), "key": demonyms[word],
                        "sentence": number})
            return out
    if all(w.lower() in _CALENDAR for w in words):
        return out
    name = " ".join(words[:-1] + [_strip_possessive(words[-1])])
    s, e = run[0][0], run[-1][0] + len(_strip_possessive(words[-1]))
    out.append({"name": name, "type": _kind(words, name, titled), "start": s, "end": e,
                "key": _key(name), "sentence": number})
    return out


def _title_case(text: str, sentence: Sentence) -> bool:
    """A headline in title case: nearly every longer word capitalised."""
    words = [m.group() for m in _WORD.finditer(text, sentence.start, sentence.end)]
    long = [w for w in words if len(w) > 3]
    return len(long) >= 5 and all(_is_cap(w) for w in long)


def _title_mentions(text: str, sentence: Sentence, number: int, known: set[str]) -> list[dict]:
    """Mentions in a title-case headline: only names the body uses, countries and demonyms."""
    demonyms, countries = _demonyms(), _countries()
    out: list[dict] = []
    run: list[tuple[int, int, str]] = []

    def flush():
        if run:
            name = " ".join(_strip_possessive(w) for _, _, w in run)
            end = run[-1][0] + len(_strip_possessive(run[-1][2]))
            out.append({"name": name, "type": _kind(name.split(), name, False),
                        "start": run[0][0], "end": end, "key": _key(name),
                        "sentence": number})
            run.clear()

    for m in _WORD.finditer(text, sentence.start, sentence.end):
        word = _strip_possessive(m.group())
        if word in demonyms:
            flush()
            out.append({"name": demonyms[word], "type": "country", "start": m.start(),
                        "end": m.start() + len(word), "key": demonyms[word],
                        "sentence": number})
        elif word in known or word in countries:
            if run and _SEP.fullmatch(text[run[-1][1]:m.start()]) is None:
                flush()
            run.append((m.start(), m.end(), m.group()))
        else:
            flush()
    flush()
    return out


def _bare(word: str) -> str:
    """Lower case, without a contraction or possessive: "They're" -> "they"."""
    return re.split(r"['’]", word.lower(), maxsplit=1)[0]


def _first_word_start(text: str, sentence: Sentence) -> int:
    m = _WORD.search(text, sentence.start, sentence.end)
    return m.start() if m else sentence.start


def _merge(raw: list[dict]) -> None:
    """Give each mention its canonical ``entity`` name, in place."""
    longest: dict[str, dict] = {}
    for r in raw:
        if r["type"] in ("group", "country"):
            continue
        parts = r["name"].split()
        if len(parts) > 1:
            longest.setdefault(r["key"], r)
    by_part: dict[str, list[dict]] = defaultdict(list)
    for r in longest.values():
        parts = r["name"].split()
        for part in (parts[0], parts[-1]):
            if part.lower() not in TITLES:
                by_part[part].append(r)
    for r in raw:
        r["entity"], r["kind"] = r["name"], r["type"]
        if r["type"] in ("group", "country") or " " in r["name"]:
            continue
        candidates = by_part.get(r["name"], [])
        if candidates:
            best = max(candidates, key=lambda c: (c["type"] == "person", len(c["name"])))
            # A full name taken up again by one of its words is a person ("Dong Jun" ...
            # "Dong"), unless it is known to be something else.
            r["entity"], r["kind"] = best["name"], best["type"] or "person"
    # The same name written differently ("D.C." and "DC") is one entity.
    first_name: dict[str, str] = {}
    for r in raw:
        r["entity"] = first_name.setdefault(_key(r["entity"]), r["entity"])
    # Types learnt on any mention apply to the whole entity ("Putin" after "President Putin").
    known: dict[str, str] = {}
    for r in raw:
        if r["kind"]:
            known.setdefault(r["entity"], r["kind"])
    for r in raw:
        r["kind"] = known.get(r["entity"], r["kind"])


def _quoted_ranges(text: str, paragraphs) -> list[tuple[int, int]]:
    """Quoted ranges from :func:`toolkit.voice.find_quotations` (the places only: no
    speakers)."""
    from .voice import find_quotations, quote_regions

    return (quote_regions(find_quotations(text, paragraphs, speakers=False)[0])
            if text.strip() else [])


def find_mentions(text: str, *, paragraphs: list[tuple[int, int]] | None = None,
                  sentences: list[Sentence] | None = None,
                  quotes: list[tuple[int, int]] | None = None, model=None) -> pd.DataFrame:
    """Every mention of a person, country, place, organisation or group, with its tone and voice.

    Parameters
    ----------
    text : str
    paragraphs : list of (int, int), optional
        Paragraph ranges; the whole text is one paragraph when omitted.
    sentences : list of Sentence, optional
        The segmentation, when the caller has it already.
    quotes : list of (int, int), optional
        Quoted ranges, when the caller has them (:func:`toolkit.voice.quote_regions`).
    model : TargetToneModel, optional
        Target-tone weights of your own.

    Returns
    -------
    DataFrame
        ``entity, type, paragraph, sentence, start, end, text, voice, tone``; ``text`` is
        ``text[start:end]``.

    Examples
    --------
    >>> m = find_mentions("President Vladimir Putin spoke. Putin left.")
    >>> m[["entity", "type", "text"]].values.tolist()
    [['Vladimir Putin', 'person', 'Vladimir Putin'], ['Vladimir Putin', 'person', 'Putin']]
    """
    from .target_tone import target_tone

    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if paragraphs is None:
        paragraphs = [(0, len(text))] if text.strip() else []
    if sentences is None:
        sentences = segment(text, paragraphs)
    titles = {n for n, sentence in enumerate(sentences) if _title_case(text, sentence)}
    raw = [r for number, sentence in enumerate(sentences) if number not in titles
           for r in _mentions_in(text, sentence, number)]
    # A lone capitalised word opening a sentence ("Later", "Overall") is a name only when
    # the article also writes it capitalised elsewhere, or it is known to be a place or group.
    firsts = {_first_word_start(text, sentence) for sentence in sentences}
    elsewhere = {_key(w) for r in raw if r["start"] not in firsts or r["type"]
                 or " " in r["name"] for w in r["name"].split()}
    raw = [r for r in raw if r["type"] or " " in r["name"] or r["start"] not in firsts
           or _key(r["name"]) in elsewhere]
    known = {w for r in raw if r["type"] != "group" for w in r["name"].split()
             if w.lower() not in TITLES and w.lower() not in _ORG_WORDS}
    for number in sorted(titles):
        raw.extend(_title_mentions(text, sentences[number], number, known))
    raw.sort(key=lambda r: r["start"])
    _merge(raw)
    quotes = sorted(_quoted_ranges(text, paragraphs) if quotes is None else quotes)
    q_starts = [s for s, _ in quotes]
    rows = []
    for r in raw:
        sentence = sentences[r["sentence"]]
        piece = text[sentence.start:sentence.end]
        i = bisect_right(q_starts, r["start"]) - 1
        quoted = i >= 0 and quotes[i][0] <= r["start"] and r["end"] <= quotes[i][1]
        tone = target_tone(piece, r["start"] - sentence.start, r["end"] - sentence.start,
                           model=model)
        rows.append({"entity": r["entity"], "type": r["kind"], "paragraph": sentence.paragraph,
                     "sentence": r["sentence"], "start": r["start"], "end": r["end"],
                     "text": text[r["start"]:r["end"]],
                     "voice": "quote" if quoted else "author", "tone": tone})
    frame = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    return frame.astype({"paragraph": "int64", "sentence": "int64", "start": "int64",
                         "end": "int64", "tone": "float64"})


def entity_table(mentions: pd.DataFrame, loaded: list[Span] | None = None,
                 sentences: list[Sentence] | None = None) -> pd.DataFrame:
    """One row per entity from :func:`find_mentions`, most mentioned first.

    Parameters
    ----------
    mentions : DataFrame
        The output of :func:`find_mentions`.
    loaded : list of Span, optional
        Loaded-language spans; those in a sentence that mentions the entity are listed.
    sentences : list of Sentence, optional
        The segmentation that ``mentions.sentence`` numbers.

    Returns
    -------
    DataFrame
        ``entity, type, mentions, paragraphs`` (comma-separated numbers), ``tone_author``
        and ``tone_quoted`` (mean target tone of the mentions in the outlet's and in quoted
        voice; NaN when there are none), ``tone`` (mean over all mentions) and
        ``loaded_terms`` (comma-separated, most frequent first).
    """
    if mentions.empty:
        return pd.DataFrame(columns=ENTITY_COLUMNS).astype(
            {"mentions": "int64", "tone_author": "float64", "tone_quoted": "float64",
             "tone": "float64"})
    terms_of: dict[int, list[str]] = defaultdict(list)
    if loaded and sentences:
        starts = [s.start for s in sentences]
        for span in loaded:
            i = bisect_right(starts, span.start) - 1
            if i >= 0 and span.weight > 0:
                terms_of[i].append(span.text.lower())
    # Plain lists grouped once, in order of first mention (as ``groupby(sort=False)``).
    groups: dict[str, list[int]] = {}
    for row, entity in enumerate(mentions["entity"].tolist()):
        groups.setdefault(entity, []).append(row)
    kinds, voices = mentions["type"].tolist(), mentions["voice"].tolist()
    tones = mentions["tone"].tolist()
    paragraphs, numbers = mentions["paragraph"].tolist(), mentions["sentence"].tolist()
    rows = []
    for entity, members in groups.items():
        terms = Counter(t for i in sorted({numbers[r] for r in members}) for t in terms_of[i])
        rows.append({
            "entity": entity,
            "type": next((kinds[r] for r in members if not pd.isna(kinds[r])), None),
            "mentions": len(members),
            "paragraphs": ", ".join(str(p) for p in sorted({paragraphs[r] for r in members})),
            "tone_author": _mean([tones[r] for r in members if voices[r] == "author"]),
            "tone_quoted": _mean([tones[r] for r in members if voices[r] == "quote"]),
            "tone": _mean([tones[r] for r in members]),
            "loaded_terms": ", ".join(t for t, _ in terms.most_common()),
        })
    rows.sort(key=lambda r: -r["mentions"])      # stable: ties keep first-mention order
    return pd.DataFrame(rows, columns=ENTITY_COLUMNS)


def _mean(values: list[float]) -> float:
    """Mean of the non-NaN ``values`` as pandas computes it (one numpy sum); NaN if none."""
    kept = np.array([v for v in values if v == v], dtype=float)
    return float(kept.sum() / len(kept)) if len(kept) else float("nan")


def entities_of(text: str, *, paragraphs: list[tuple[int, int]] | None = None,
                model=None) -> pd.DataFrame:
    """The entity table of a text in one call (see :func:`entity_table`).

    Examples
    --------
    >>> table = entities_of("Andrei Belousov arrived. Belousov praised the Russian army.")
    >>> table[["entity", "mentions"]].values.tolist()
    [['Andrei Belousov', 2], ['Russia', 1]]
    """
    from .cues import LOADED_CATEGORIES, find_cues

    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if paragraphs is None:
        paragraphs = [(0, len(text))] if text.strip() else []
    sentences = segment(text, paragraphs)
    mentions = find_mentions(text, paragraphs=paragraphs, sentences=sentences, model=model)
    loaded = [s for s in find_cues(text, sentences) if s.category in LOADED_CATEGORIES]
    return entity_table(mentions, loaded, sentences)

"""Speakers: who a name, pronoun, description or document found by the attribution rules is.

The third step of quote finding (:func:`toolkit.voice.find_quotes`). An index of the names in
the article, their gender where the article shows it and a timeline of who spoke when:

- "He" and "she" resolve to the most recent person who spoke (else was named) whose gender,
  where the article shows it ("Ms", "Mr", "Cardinal", "spokeswoman"), agrees. A titled
  description ("the cardinal", "the Italian professor") is the most recent person named with
  that title, and every speaker is given the fullest form of the name in the article
  ("Belousov" -> "Andrei Belousov", "Dong" -> "Dong Jun").
- Other descriptions name the person the article describes with the same noun ("the Russian
  ambassador" -> "Russian Ambassador ... Vitaly Churkin", "the AG" -> "Attorney General Jeff
  Sessions"), and "the company" or "the paper" the organisation named before; a document that
  speaks is given with its author ("the statement by Jeff Sessions").
- A pronoun left unresolved ("I", "they") or a phrase that is not a noun phrase is no speaker.
"""
from __future__ import annotations

import re
from functools import cached_property, lru_cache
from bisect import bisect_left
from itertools import compress, count
from typing import NamedTuple
from .entities import _given_name_sex, _given_names, is_place
from .segmentation import NEWS_ABBREVIATIONS
from .attribution import (
    _CAP, _choose, _clean_possessive, _DETERMINERS, _DOCUMENTS, FORM_TO_LEMMA, _INTRO,
    _is_name, _low, _NP_STOP, _np_token, _OBJECT_PRONOUNS, _ORG_WORDS, _PARTICLES,
    POSSESSIVE_END, _PREPOSITIONS, _PRONOUNS, _sentence_end, _DAY_WORDS, _TIME_WORDS, _TITLES, Token)

#: Last words of the names of laws and treaties, which "he" or "she" never refers to (unlike
#: :data:`_DOCUMENTS`, the statements and reports that can be a quote's source).
_LAW_WORDS = frozenset({"constitution", "act", "amendment", "charter", "treaty", "accord",
                             "convention", "declaration", "agreement", "law", "code",
                             "prize", "award", "medal"})      # and prizes: not people


def _subject(text: str, tokens: list[Token]):
    """The noun phrase a sentence starts with, up to its first comma or verb."""
    head: list[Token] = []
    for tok in tokens:
        if tok.text == "," or tok.verb or not _np_token(tok):
            break
        if (tok.text[0].islower() and any(t.cap and t.low not in _DETERMINERS for t in head)
                and tok.low.rstrip(".") not in _TITLES):
            break                                   # "Tommy Robinson criticised ..."
        head.append(tok)
    return _choose(text, (head, [])) if head else None


_SENTENCE_BREAK = re.compile(r"[.!?;](?=\s)|[\x1e\x1f]|\n")
_PLAIN_BREAK = re.compile(r"[.!?;](?=\s)|\n|\x1e")     # \x1e: a quote ending its sentence
_MALE = frozenset("""mr sir lord king prince pope cardinal archbishop bishop father brother
monsignor spokesman chairman congressman businessman councilman""".split())
_FEMALE = frozenset("""ms mrs miss madam madame queen princess lady dame sister mother
spokeswoman chairwoman congresswoman businesswoman councilwoman""".split())


class _Name(NamedTuple):
    """A name mentioned in the article, titles peeled off, with the titles it carried."""

    pos: int
    words: tuple[str, ...]
    titles: frozenset[str]


class _NameIndex:
    """The names of an article, looked up by last word, first word and title."""

    def __init__(self, names: list[_Name], masked: str = ""):
        self.masked = masked                    # the article's masked text, for gender cues
        self.names = sorted(names, key=lambda n: n.pos)
        self.positions = [n.pos for n in self.names]
        self.by_last: dict[str, list[_Name]] = {}
        self.by_first: dict[str, list[_Name]] = {}
        self.by_title: dict[str, list[_Name]] = {}
        self.titles_of: dict[str, set[str]] = {}
        for n in self.names:
            self.by_last.setdefault(n.words[-1], []).append(n)
            self.by_first.setdefault(n.words[0], []).append(n)
            self.titles_of.setdefault(n.words[-1], set()).update(n.titles)
            for t in n.titles:
                self.by_title.setdefault(t, []).append(n)

    def pronoun_gender(self, last: str) -> str | None:
        """"m" or "f" when the article's own pronouns tell, and agree: a reflexive within a
        few words after the name ("forcing Omar to defend herself"; not after a preposition,
        "replace Gilani with himself"), or "his" after the name's reporting verb or "and"
        ("Gilmore said his", "Gilmore and his"; not "gave Ann Roe his word")."""
        said = self._gender_cues.get(last, ())
        male, female = bool({"himself", "his"} & set(said)), "herself" in said
        return "m" if male and not female else "f" if female and not male else None

    @cached_property
    def _gender_cues(self) -> dict[str, set[str]]:
        """Word -> the cues of :meth:`pronoun_gender` after it, from one pass over the
        article: the words before each cue, read back from it."""
        cues: dict[str, set[str]] = {}
        for m in _GENDER_CUE.finditer(self.masked):
            cue = m.group().lower()
            before = self.masked[max(0, m.start() - 80):m.start()].split()
            if cue == "his":        # "Gilmore said his", "Gilmore and his"; not the object
                if len(before) < 2 or not (         # of "gave Ann Roe his word"
                        _low(before[-1]) == "and" or _low(before[-1]) in FORM_TO_LEMMA):
                    continue
                near = before[-2:-1]
            elif not before or _low(before[-1]) in _PREPOSITIONS:
                continue
            else:
                near = before[-4:]
            for word in near:
                cues.setdefault(_clean_possessive(word.strip(",")), set()).add(cue)
        return cues

    def before(self, at: int, window: int) -> list[_Name]:
        """The names mentioned in ``[at - window, at)``."""
        return self.names[bisect_left(self.positions, at - window):
                          bisect_left(self.positions, at)]


_NAME_STOP = _NP_STOP | _INTRO | _DETERMINERS | {"his", "her", "their", "its", "our", "my"}


def _name_runs(text: str, tokens_of: list[list[Token]], masked: str = "") -> _NameIndex:
    """Every capitalised name outside quotes: "Former Vatican doctrine chief Cardinal Gerhard
    Ludwig Müller" gives Gerhard Ludwig Müller with the title "cardinal" (``tokens_of``: the
    tokens of each paragraph of the masked text; a Title Case headline is left out, since
    "Pope Francis Denounces ..." would make "Francis Denounces" the fullest form of
    "Francis"; ``masked``: the masked text, where the index reads its gender cues)."""
    out: list[_Name] = []
    for tokens in tokens_of:
        done = 0                                       # tokens before this are read
        n = len(tokens)
        for k in compress(count(), map(_CAP, tokens)):  # where a run can start
            if k < done:
                continue
            j = k + 1
            while j < n and (tokens[j].cap or (
                    (tokens[j].low in _PARTICLES or tokens[j].low == "of")
                    and j + 1 < n and tokens[j + 1].cap)):
                if text.find("\n", tokens[j - 1].end, tokens[j].start) != -1:
                    break                              # "–Bloomberg\nThe Deep State": two lines
                j += 1
            done = j
            if j == k + 1 and tokens[k].low in _NAME_STOP:
                continue                               # a lone "The", "But", "His"
            run, before = tokens[k:j], tokens[k - 1] if k else None
            for i in range(len(run) - 2, -1, -1):
                if run[i].low.endswith("'s"):          # "CNN’s Jim Acosta": Jim Acosta
                    owner = tuple(w for w in (_clean_possessive(t.text) for t in run[:i + 1]
                                              if t.low not in _NAME_STOP) if w)
                    if len(owner) > 1 and not any(w.lower().rstrip(".") in _TITLES
                                                  for w in owner):
                        # "Louis Farrakhan's Saviours' Day Address": Louis Farrakhan too
                        out.append(_Name(run[0].start, owner, frozenset()))
                    run, before = run[i + 1:], None
                    break
            while run and (run[0].low in _NAME_STOP
                           or (run[0].low in _DAY_WORDS and len(run) > 1)):
                run = run[1:]                          # "Yesterday Roe": Roe
            dashed = [i for i, t in enumerate(run) if "--" in t.text]
            if dashed:
                run = run[dashed[-1] + 1:]             # "Communion---while Francis": Francis
            bare = [t.low.rstrip(".") for t in run]
            titles = {b for b in bare if b in _TITLES}
            if before is not None and before.low.rstrip(".") in _TITLES:
                titles.add(before.low.rstrip("."))
            cut = max((i for i, (t, b) in enumerate(zip(run, bare)) if b in _TITLES
                       or (t.low in _ORG_WORDS and i < len(run) - 1)), default=-1)
            while (0 <= cut and cut + 2 < len(run) and run[cut + 1].low == "of"):
                cut += 2                               # "Secretary of State Mike Pompeo"
            name = run[cut + 1:] if cut + 1 < len(run) else []
            words = tuple(_clean_possessive(t.text) for t in name)
            words = tuple(w for w in words if w)
            if not words or all(w.lower().rstrip(".") in _TITLES for w in words):
                continue
            out.append(_Name(name[0].start, words, frozenset(titles)))
    return _NameIndex(out, masked)


def _gender(name: str, names: _NameIndex, census: bool = True) -> str | None:
    """"m", "f" or None, from the titles the article gives the name ("Ms", "Cardinal"),
    else its own pronouns ("defend herself"), else the first name's sex in the 1990 Census
    lists ("John", "Mary"; not "Jean" or "Leslie", common in both) unless ``census`` is
    False."""
    words = name.split()
    if not words:
        return None
    lows = {w.lower().rstrip(".") for w in words}
    if lows & _MALE:
        return "m"
    if lows & _FEMALE:
        return "f"
    titles = names.titles_of.get(words[-1], set())
    if titles & _FEMALE and not titles & _MALE:
        return "f"
    if titles & _MALE and not titles & _FEMALE:
        return "m"
    said = names.pronoun_gender(words[-1])
    if said or not census or any(w.endswith(("'s", "’s")) or not w[0].isupper()
                                 for w in words):
        return said                     # "Sarah Lucy’s son"
    if len(words) == 1:                 # "Ford": the first names of "Christine Blasey Ford"
        sexes = {_census_sex(n.words) for n in names.by_last.get(words[0], ())
                 if len(n.words) > 1}
        return sexes.pop() if len(sexes) == 1 else None
    return _census_sex(words)


def _census_sex(words: tuple[str, ...] | list[str]) -> str | None:
    """The sex of a name's first word in the Census lists ("AshLee" as "Ashlee"), None for a
    place ("Virginia State Bar")."""
    if is_place(words[0]):
        return None
    return _given_name_sex().get(words[0]) or _given_name_sex().get(words[0].title())


def _normalise(speaker: str | None, at: int, names: _NameIndex) -> str | None:
    """The fullest form of a speaker's name in the article ("Trump" -> "Donald Trump"), and
    a titled description resolved to the titled name ("the cardinal" -> "Gerhard Ludwig
    Müller", the most recent cardinal named before ``at``)."""
    if not speaker:
        return speaker
    words = speaker.split()
    if (words[0].lower() != "the" and len(words) <= 3
            and all(w.lower().rstrip(".") in _TITLES for w in words)):
        # "Attorney General said": the name with all these titles, the latest before ``at``
        want = {w.lower().rstrip(".") for w in words}
        titled = [n for n in names.names if want <= n.titles]
        earlier = [n for n in titled if n.pos < at]
        pick = earlier[-1] if earlier else (titled[0] if titled else None)
        return _fullest(pick.words, names) if pick is not None else speaker
    if words[0].lower() == "the" and 2 <= len(words) <= 6:
        titles = {w.lower().rstrip(".") for w in words[1:]} & _TITLES
        titles |= {a for t in titles for a in _TITLE_ALIASES.get(t, ())}   # "Sen." senator
        if titles and not any(w[:1].isupper() and w.lower().rstrip(".") not in _TITLES
                              and not w.lower().endswith(("an", "ese", "ish", "i"))
                              for w in words[1:]):
            titled = sorted({n for t in titles for n in names.by_title.get(t, [])},
                            key=lambda n: n.pos)
            earlier = [n for n in titled if n.pos < at]
            pick = earlier[-1] if earlier else (titled[0] if titled else None)
            if pick is not None:
                return _fullest(pick.words, names)
        return speaker
    if len(words) == 1 and speaker.isupper() and len(speaker) > 2:
        # a transcript label in capitals: the person with that surname ("SMITH" -> "Omar
        # Smith"), else the label
        known = [n for n in names.by_last.get(speaker.capitalize(), ()) if len(n.words) > 1]
        return _fullest(known[0].words, names) if known else speaker
    if not _is_name((speaker, 0, 0)) or any(w[:1].islower() and w.lower() not in _PARTICLES
                                            for w in words):
        return speaker
    return _fullest(tuple(words), names)


_ACRONYM = re.compile(r"(?:[Tt]he )?([A-Z]{2,6})")
_LINKS = frozenset("of and for the on in de du la &".split())


def _expanded(speaker: str | None, text: str) -> str | None:
    """An acronym the article spells out, with the acronym kept: "SSG" -> "Security Studies
    Group (SSG)" where the text has "Security Studies Group (SSG)"; the letters must open the
    name and come in order ("International Federation of Red Cross and Red Crescent
    Societies (IFRC)")."""
    match = _ACRONYM.fullmatch(speaker or "")
    if match is None:
        return speaker
    acronym = match.group(1)
    defined = re.search(rf"(?:\(|, or ){acronym}[),]", text)     # "X (SSG)", "X, or SSG,"
    at = defined.start() if defined else -1
    while at > 0:
        words = text[max(0, at - 120):at].split()
        for k in range(len(words) - 1, -1, -1):
            word = words[k]
            if not (word[:1].isupper() or word.lower() in _LINKS) or word[-1:] in ".,;:":
                break
            caps = [w[0] for w in words[k:] if w[:1].isupper()]
            letters = iter(caps)
            if (word[0] == acronym[0] and len(caps) >= len(acronym)
                    and all(ch in letters for ch in acronym)):
                return " ".join(words[k:]).rstrip(",") + f" ({acronym})"
        defined = re.compile(rf"(?:\(|, or ){acronym}[),]").search(text, at + 1)
        at = defined.start() if defined else -1
    return speaker


_TITLE_ALIASES = {"senator": ("sen",), "governor": ("gov",), "professor": ("prof",),
                  "representative": ("rep",), "congressman": ("rep",),
                  "congresswoman": ("rep",), "general": ("gen",), "captain": ("capt",)}
#: Nouns that describe a person the article has named, not titles written before a name
#: ("the tough-talking politician said", "the nominee said").
_PERSON_NOUNS = frozenset("""politician nominee billionaire businessman businesswoman mogul
pontiff cleric prelate preacher actor actress singer rapper""".split())


def _person_named(description: str, at: int, timeline: _Timeline) -> str:
    """"the nominee" -> the person who last spoke in the 1,500 characters before ``at``
    (a name, not a pronoun or a description), in the fullest form the article gives."""
    names = timeline.names
    said = _first(timeline.latest(
        timeline.speakers, timeline.speaker_pos, at,
        lambda item: _is_name((item[1], 0, 0)) and _person(item[1])
        and not any(w[:1].islower() and w not in _PARTICLES for w in item[1].split())
        and not _organisation(item[1], names) and not is_place(item[1]),
        since=at - _ORG_WINDOW))
    return _fullest(tuple(said[1].split()), names) if said else description


def _fullest(words: tuple[str, ...], names: _NameIndex) -> str:
    n = len(words)
    longer = [m for m in names.by_last.get(words[-1], [])
              if len(m.words) > n and m.words[-n:] == words
              and not any(w.lower() in _ORG_WORDS for w in m.words[:-n])]
    if not longer and n == 1:
        longer = [m for m in names.by_first.get(words[0], []) if len(m.words) > 1
                  and not any(w.lower() in _ORG_WORDS for w in m.words)]
    # three first names and more in one run are a list ("John Bolton Richard Grenell Dina
    # Powell ..." on a poll's line), not one person's name
    longer = [m for m in longer if len(m.words) < 5
              or sum(w in _given_names() for w in m.words) < 3]
    if not longer:
        return " ".join(words)
    best = max(longer, key=lambda m: (len(m.words), -m.pos))
    return " ".join(best.words)


class _Timeline:
    """Who speaks and who is named where in one article, sorted by offset once, so that each
    pronoun looks back from its own offset instead of scanning the whole article (a long
    text with many "he said" would otherwise cost time quadratic in its length)."""

    def __init__(self, speakers, mentions, subjects, names, masked):
        by_pos = lambda item: item[0]                           # noqa: E731 (stable sort)
        self.speakers = sorted(speakers, key=by_pos)
        self.mentions = sorted(mentions, key=by_pos)
        self.people = sorted([*speakers, *subjects])            # (offset, name) order
        self.speaker_pos = [pos for pos, _ in self.speakers]
        self.mention_pos = [pos for pos, _ in self.mentions]
        self.people_pos = [pos for pos, _ in self.people]
        self.names, self.masked = names, masked

    def anyone_between(self, since: int, at: int) -> bool:
        """Whether a person speaks or is a sentence's subject at an offset in ``[since, at)``."""
        return bisect_left(self.people_pos, at) > bisect_left(self.people_pos, since)

    def latest(self, items, positions, at, keep, *, since=None):
        """Items with offset in ``[since, at)`` that ``keep`` accepts, the latest first."""
        i = bisect_left(positions, at)
        stop = 0 if since is None else bisect_left(positions, since)
        for j in range(i - 1, stop - 1, -1):
            if keep(items[j]):
                yield items[j]


_WHOM = re.compile(r",?\s+(?:[a-z]+\s+){0,2}whom\b")
_GENDER_CUE = re.compile(r"\b(?:[Hh]imself|[Hh]erself|his)\b")
_QUANTIFIERS = frozenset("any some all many both several most few none each either neither".split())


def _many(phrase: str) -> bool:
    """Whether a phrase names several people ("any of the cardinals in Rome", "the
    lawmakers"), whom "he" or "she" does not refer to."""
    words = phrase.split()
    head = words[:words.index("of")] if "of" in words[1:] else words
    last = head[-1] if head else ""
    return (words[0] in _QUANTIFIERS or (last.islower() and last.endswith("s")
                                         and not last.endswith(("ss", "us", "is"))))


def _org_word_in(name: str) -> bool:
    """Whether a name carries an organisation word ("Acme University", "The Daily Post")."""
    return any(_low(w) in _ORG_WORDS or _low(w) in _PRESS_WORDS for w in name.split())


def _first(items, default=None):
    return next(iter(items), default)


def _resolve(pronoun: str, at: int | None, timeline: _Timeline) -> str:
    """"He"/"she": the most recent person who spoke before ``at`` whose gender, where the
    article shows it, agrees (else the most recent title+name mention), or the pronoun."""
    if at is None:
        return pronoun
    names, masked = timeline.names, timeline.masked
    if pronoun.lower() == "it":
        body = _first(timeline.latest(
            timeline.speakers, timeline.speaker_pos, at,
            lambda item: (not _person(item[1]) or _ACRONYM.fullmatch(item[1]))
            and item[1].lower() not in _PRONOUNS))
        if body:
            return body[1]
        # no body spoke before: an organisation named on the line before or this one ("A
        # representative for Acme University did not respond.\nIn a tweet, it said ...")
        prev_end = masked.rfind("\n", 0, at)         # this line's start, -1 on the first
        while prev_end > 0 and masked[prev_end - 1] == "\n":
            prev_end -= 1                               # blank lines between paragraphs
        lo = masked.rfind("\n", 0, prev_end) + 1 if prev_end > 0 else 0
        lo = max(lo, at - _ORG_WINDOW)                  # one long line: not the whole text
        bodies = [" ".join(m.words) for m in names.before(at, at - lo)]
        bodies = [b for b in bodies if _org_word_in(b) and _organisation(b, names)]
        return bodies[-1] if bodies else pronoun
    if pronoun.lower() not in {"he", "she"}:
        return pronoun
    want = "m" if pronoun.lower() == "he" else "f"

    def fits(name):
        return _gender(name, names) in (want, None)

    # A person named earlier in the same sentence ("The Home Office admitted Shaykh Hamza
    # Sodagar, despite the fact that he has said: ...").
    for m in reversed(names.before(at, 300)):
        if _PLAIN_BREAK.search(masked, m.pos, at):
            break                       # (a quote between does not end the sentence:
                                        # 'Ann Roe, a mother, observed: "...," she said')
        name = " ".join(m.words)
        end = masked.find(m.words[-1], m.pos) + len(m.words[-1])
        if _WHOM.match(masked, end):
            continue                    # "interviewed Ann Roe, over whom she fawned": not her
        if pronoun.lower() in {"he", "she"} and _governed(masked, m.pos):
            continue                    # "after a talk with Congressman Schiff, he yelled"
                                        # (but "With respect to Dr. Fastiggi, his argument")
        if (len(m.words) > 1 and _person(name) and fits(name)
                and not any(w.lower() in _ORG_WORDS for w in m.words)):
            return name

    def fitting_person(item):
        return _person(item[1]) and fits(item[1]) and not _many(item[1])

    last = _first(timeline.latest(timeline.people, timeline.people_pos, at, fitting_person))
    if want == "f":
        # "she": a woman the article names as one, else the most recent person of unknown
        # gender, a plain mention included ("... shows Marie Collins ... ," she told AP).
        plain = _plain_people(names, at, fits)
        recent = timeline.latest(timeline.people, timeline.people_pos, at, fitting_person,
                                 since=at - 3000 + 1)
        near = [p for p in [*recent, *plain] if p[0] > at - 3000]
        for census in (False, True):     # a woman by title or pronoun, then by first name
            known = [p for p in near if _gender(p[1], names, census) == "f"]
            if known:
                return max(known)[1]
        pool = plain + ([last] if last else [])
        if pool:
            return max(pool)[1]
    if last:
        return last[1]
    mention = _first(timeline.latest(timeline.mentions, timeline.mention_pos, at,
                                     lambda item: fits(item[1])))
    if mention:
        return mention[1]
    # no one spoke or was titled before: the latest full name of a person the article gives
    # ("... and Jonathan Kuttab, who advocates ... . He had tweeted")
    plain = _plain_people(names, at, fits)
    return plain[-1][1] if plain else pronoun


def _governed(masked: str, pos: int) -> bool:
    """Whether the name at ``pos`` is the object of a preposition ("with Congressman
    Schiff", "to Bishop Ivo Scapolo"), its titles and capitalised words before it skipped."""
    before = masked[max(0, pos - 80):pos].split()
    while before and (before[-1][:1].isupper() or _low(before[-1]).rstrip(".") in _TITLES):
        before.pop()
    return bool(before) and _low(before[-1]) in _PREPOSITIONS


def _plain_people(names: _NameIndex, at: int, fits) -> list[tuple[int, str]]:
    """``(offset, name)`` of the full names of people mentioned in the 3,000 characters
    before ``at`` ("Marie Collins"; not "the Archbishop of Boston" or "Acme University"), in
    order, that ``fits`` (a gender test) accepts."""
    out = []
    for m in names.before(at, 3000):
        name = " ".join(m.words)
        if (len(m.words) > 1 and "of" not in m.words
                and not any(w.lower() in _ORG_WORDS for w in m.words)
                and _person(name) and fits(name)):
            out.append((m.pos, name))
    return out


#: Nouns that describe an organisation the article has named ("the company said").
_ORG_NOUNS = frozenset("""company firm group organization organisation agency association
union network newspaper paper outlet broadcaster magazine charity campaign committee council
coalition alliance foundation institute ministry bureau commission""".split())
#: Last words of the names of news outlets, for "the paper" and "the newspaper".
_PRESS_WORDS = frozenset("""times post journal news herald guardian telegraph tribune chronicle
gazette mail express independent review-journal dispatch examiner observer star sun globe
inquirer register bulletin standard beacon caller record reporter""".split())
_ORG_SUFFIXES = frozenset("inc inc. llc corp corp. co. ltd ltd. plc".split())
_ORG_WINDOW = 1500      # how far back (characters) a description looks for the body it names


def _organisation(name: str, names: _NameIndex) -> bool:
    """Could ``name`` be an organisation? It carries an organisation word ("Correspondents'
    Association", "Acme LLC"), or nothing marks it as a person or a place: no common first
    name, no title in the article, not the last word of a longer name."""
    words = name.split()
    if not _is_name((name, 0, 0)) or any(w[:1].islower() and w not in _PARTICLES | {"of"}
                                         for w in words):
        return False                                    # "The aides", "Elsewhere in the"
    lows = [_low(w).strip(",") for w in words]
    if any(w in _ORG_WORDS or w in _ORG_SUFFIXES or w in _PRESS_WORDS for w in lows):
        return True
    if (is_place(name) or words[0] in _given_names() or names.titles_of.get(words[-1])
            or lows[0] in _TIME_WORDS):
        return False
    return not any(len(m.words) > len(words) for m in names.by_last.get(words[-1], ()))


def _organisation_named(description: str, at: int, timeline: _Timeline) -> str:
    """"the group" -> the organisation the article named last before ``at``: one whose name
    ends in the same noun ("the association" -> "Correspondents' Association"), else the
    last organisation that spoke, else the last name with an organisation word."""
    names = timeline.names
    head = _low(description.rsplit(None, 1)[-1])
    press = head in {"paper", "newspaper"}
    recent = names.before(at, _ORG_WINDOW)

    def fits(name: str) -> bool:
        if press:
            return any(_low(w) in _PRESS_WORDS for w in name.split())
        return _organisation(name, names)

    for m in reversed(recent):
        if _low(m.words[-1]) == head and len(m.words) > 1:
            return _fullest(m.words, names)
    said = _first(timeline.latest(timeline.speakers, timeline.speaker_pos, at,
                                  lambda item: fits(item[1]), since=at - _ORG_WINDOW))
    if said:
        return _fullest(tuple(said[1].split()), names)
    for m in reversed(names.before(at, 400)):
        name = " ".join(m.words)
        if fits(name) and any(_low(w) in _ORG_WORDS | _PRESS_WORDS for w in m.words):
            return name
    return description


_OWNERS = frozenset({"the", "his", "her", "their", "its"})
#: Nouns for a person that are not titles ("the man said", "the victim told").
_KIN_NOUNS = frozenset("""man woman boy girl mother father son daughter wife husband brother
sister aunt uncle cousin friend neighbor neighbour victim source witness student teenager
owner spokesman spokeswoman official""".split())
_AGENT_END = re.compile(r"(?:[^aeiou]er|or|ist|ian|[^ai]ant|ent|man|woman|ee)$")
_NOT_AGENT = frozenset("""paper letter order number matter member chapter center centre
report document statement event content element comment government department parliament
moment agreement amendment movement treatment payment statement incident accident percent
error color colour door floor factor sector motor mirror horror terror honor honour labor
labour favor favour rumor rumour tumor humor humour register river water power tower
quarter shelter border corner winter summer answer computer poster ledger""".split())
_DESCRIPTION_EDGE = re.compile(r"[;:!?()\[\]\"“”‘’\x1f\x1e]|,|\s[—–-]\s|\n|\.(?=\s)")
_APPOSITIVE = re.compile(r"\s*(,|\s[—–-])\s")
_LINK_WORDS = frozenset("of to for the on at in".split())


def _person_noun(word: str) -> bool:
    """A noun for one person: a title ("mayor"), a kin or role noun ("mother", "victim") or
    an agent noun ("ambassador", "activist", "resident")."""
    return (word in _TITLES or word in _PERSON_NOUNS or word in _KIN_NOUNS
            or (word not in _NOT_AGENT and bool(_AGENT_END.search(word))))


def _description_head(speaker: str, *, capitalised: bool = False) -> str | None:
    """The head noun of a description of one person ("the Russian ambassador" ->
    "ambassador", "his attorney" -> "attorney"), or None for a name, a plural, or a noun
    that is not a person's. ``capitalised``: a headline's Title Case description ("Las
    Vegas Shooting Victim"), with no common first name."""
    words = speaker.split()
    if capitalised:
        if (not 2 <= len(words) <= 5 or not all(w[:1].isupper() for w in words)
                or words[0] in _given_names()):
            return None
        words = ["the"] + [w.lower() for w in words]
    if not 2 <= len(words) <= 6 or words[0].lower() not in _OWNERS:
        return None
    head = _low(words[-1])
    if (not head.isalpha() or not words[-1].islower() or not _person_noun(head)
            or head.endswith("ment")):
        return None
    if any(w[:1].islower() and (w in _NP_STOP or w in _PREPOSITIONS or w in _PRONOUNS
                                or w in _OBJECT_PRONOUNS) for w in words[1:]):
        return None                                       # "the man she", "the head of"
    return head


def _descriptions(text: str, masked: str, names: _NameIndex) -> list[tuple[_Name, set, str]]:
    """Each person name of the article with the words that describe it: the title words
    right before it ("Russian Ambassador to the United Nations Vitaly Churkin", "The current
    Labour mayor, John Biggs") and an appositive after it ("Paul Hunter, a professor of
    ..."), lower case, and the initials of the capitalised words right before it ("AG" for
    "Attorney General Jeff Sessions")."""
    out = []
    for m in names.names:
        if len(m.words) < 2 or any(_low(w) in _ORG_WORDS for w in m.words[-2:]):
            continue
        before = masked[max(0, m.pos - 120):m.pos]
        if before.rstrip().endswith(","):
            before = before.rstrip()[:-1]            # "The current Labour mayor, John Biggs"
        words = re.findall(r"[\w’'.-]+|[^\w\s]", before)
        kept: list[str] = []
        cap_ahead = True                     # the next word that is not "of", "to", "the"
        for k in range(len(words) - 1, max(-1, len(words) - 10), -1):
            w = words[k]
            low = _low(w).rstrip(".")
            if low in _LINK_WORDS and cap_ahead and k and (
                    words[k - 1][:1].isupper() or _low(words[k - 1]) in _LINK_WORDS):
                kept.append(w)               # "Ambassador to the United Nations Vitaly ..."
                continue
            cap_ahead = w[:1].isupper()
            if not w[0].isalnum() or low in _DETERMINERS or low in _OWNERS:
                break
            if low in _LINK_WORDS:
                break
            elif (w[:1].islower() and (low in _NP_STOP or low in _PREPOSITIONS
                                       or low in FORM_TO_LEMMA or low.endswith("ly"))):
                break
            kept.append(w)
        caps = []
        for w in kept:
            if not w[:1].isupper():
                break
            caps.append(w[0])
        words = kept
        end = m.pos + len(" ".join(m.words))
        after = re.compile(r",\s+(?:a|an|the)\s").match(masked, end)
        if after:
            tail = masked[after.end():after.end() + 120]
            stop = _DESCRIPTION_EDGE.search(tail)
            words = words + re.findall(r"[\w’'.-]+", tail[:stop.start() if stop else len(tail)])[:10]
        out.append((m, {_low(w).rstrip(".") for w in words}, "".join(reversed(caps))))
    return out


def _coreferent(speaker: str, end: int | None, at: int, text: str, masked: str,
                names: _NameIndex, descriptions) -> str | None:
    """The person a description of a speaker names: an appositive right after it ("his
    attorney, Victoria Toensing", "his attorney – former ... Counsel Victoria Toensing."),
    else the name the article describes with the same head noun ("the Russian ambassador"
    -> "Russian Ambassador ... Vitaly Churkin", "the mayor" -> "The Labour mayor, John
    Biggs"; the latest before the quote, else the first after), or with the same initials
    ("the AG" -> "Attorney General Jeff Sessions")."""
    bare = speaker[4:] if speaker[:4].lower() == "the " else speaker
    words = speaker.split()
    if words[0].lower() in {"a", "an"} and 2 <= len(words) <= 4 and words[-1].islower():
        # "a congressman is saying ...": the one person the article gives that title
        # ("Representative Scott Perry"), when there is exactly one
        head = _low(words[-1])
        if head not in _TITLES:
            return None
        aliases = {head, *_TITLE_ALIASES.get(head, ())}
        aliases |= {t for t, short in _TITLE_ALIASES.items() if aliases & set(short)}
        held = {_fullest(m.words, names) for m in names.names if m.titles & aliases}
        return held.pop() if len(held) == 1 else None
    head = _description_head(speaker)
    if head is None and _description_head(speaker, capitalised=True):
        # a headline's "Las Vegas Shooting Victim": the name described with its words
        lows = {w.lower() for w in speaker.split()}
        found = [m for m, words, _ in descriptions
                 if lows.issubset(words) or (len(lows & words) >= 2
                                             and _low(speaker.split()[-1]) in words)]
        return _fullest(found[0].words, names) if found else None
    if head is not None and end is not None:
        after = _APPOSITIVE.match(masked, end, end + 4)
        if after:
            stop = _sentence_end(masked, after.end(), min(len(masked), after.end() + 200))
            if after.group(1) == ",":
                stop = min(stop, after.end() + 40)
            inside = [m for m in names.names if after.end() <= m.pos < stop
                      and len(m.words) > 1 and _person(" ".join(m.words))
                      and not any(_low(w) in _ORG_WORDS for w in m.words)]
            if after.group(1) == ",":
                inside = [m for m in inside if m.pos == after.end()]
            if inside:
                return _fullest(inside[-1].words, names)
    if head is not None:
        found = [m for m, words, _ in descriptions if head in words]
    elif re.fullmatch(r"[A-Z]{2,4}", bare):
        found = [m for m, _, caps in descriptions if caps == bare]
    else:
        return None
    if not found:
        return None
    earlier = [m for m in found if m.pos < at]
    pick = earlier[-1] if earlier else found[0]
    return _fullest(pick.words, names)


#: Nouns for a document that speaks ("the report said"): its author is the speaker.
_DOCUMENT_NOUNS = _DOCUMENTS | frozenset("""paper plan story article piece lawsuit suit
complaint indictment editorial column op-ed book tweet video analysis assessment
proposal""".split())
#: The verbs of a document's author; "obtained by" and "cited by" name someone else.
_AUTHORED = r"(?:authored|written|issued|released|produced|prepared|published|put\s+out|filed|drafted)"
_OWNER = r"((?:[A-Z][\w’'.&-]*|de|of|the|for|and)(?:\s+(?:[A-Z][\w’'.&-]*|de|of|the|for|and))*)"
_WRITES = frozenset({"report", "story", "article", "piece", "paper", "editorial", "column"})
_STATED = frozenset({"statement", "denial", "response", "reply", "rebuttal", "announcement",
                     "apology"})
_DOCUMENT_WINDOW = 8000   # how far back (characters) a document looks for its author


@lru_cache(maxsize=64)
def _owner_patterns(noun: str) -> tuple[re.Pattern, ...]:
    # a report, an article or a story may be called any of these later ("A 2009 article in
    # the Pakistani publication Dawn ... the report said")
    # and a statement may have been issued as a denial ("Paul Manafort issued an
    # unequivocal denial: ... the statement said")
    doc = ("(?:" + "|".join(sorted(_WRITES)) + ")" if noun in _WRITES
           else "(?:" + "|".join(sorted(_STATED)) + ")" if noun in _STATED
           else re.escape(noun))
    mods = r"(?:(?!(?:and|or|the|of|in|on|to|a|an)\s)[\w-]+\s+){0,3}"
    patterns = [
        # "the plan, authored by the Security Studies Group", "a statement issued by X",
        # "a paper by X", "the report from X"
        rf"\b{doc},?\s+(?:(?:which|that)\s+was\s+)?(?:{_AUTHORED}\s+)?(?:by|from)\s+"
        rf"(?:the\s+)?{_OWNER}",
        # "Sessions released a statement", "SSG put out a three-page paper"
        rf"{_OWNER}\s+(?:has\s+|had\s+|also\s+)?{_AUTHORED}\s+(?:a|an|its|the|his|her|their)"
        rf"\s+{mods}{doc}\b",
        # "Politico's story", "SSG’s paper", "the Senate report"
        rf"{_OWNER}(?:['’]s|s['’])\s+{mods}{doc}\b",
        rf"\b(?:the|a|an)\s+([A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*)*)\s+{doc}\b",
    ]
    if noun in _WRITES:
        # "Dawn reported", "FrontPage Magazine reported:", "a story in Politico"
        patterns.append(rf"{_OWNER}\s+(?:reported|reports|writes|wrote)\b")
        patterns.append(rf"\b{doc}\s+(?:\w+\s+){{0,2}}in\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}{_OWNER}")
    return tuple(re.compile(p) for p in patterns)


def _document_owner(speaker: str, at: int, masked: str, names: _NameIndex) -> str | None:
    """A document that speaks, with its author ("the statement said" -> "the statement by
    Jeff Sessions" where "Attorney General Jeff Sessions released a statement"; "the plan"
    -> "the plan by Security Studies Group" after "the plan, authored by the Security
    Studies Group"; "Saucier’s federal lawsuit" -> "the federal lawsuit by Kristian
    Saucier"): the owner named in the document's phrase, else the latest author the
    article gives a document of that kind in the 8,000 characters before ``at``; an outlet
    that only obtained or cited it is not its author. Both are kept, since the source of
    the words is the document and the document is its author's (annotators name either)."""
    words = speaker.split()
    if not 2 <= len(words) <= 6:
        return None
    noun = _low(words[-1])
    if noun not in _DOCUMENT_NOUNS:
        return None
    if POSSESSIVE_END.search(words[0]) and words[0][:1].isupper() and words[0].lower() != "the":
        owner = _owner_name(_clean_possessive(words[0]), names, masked)
        return f"the {' '.join(words[1:])} by {owner}" if owner else None
    if words[0].lower() not in {"the", "this", "that", "its"} or any(
            w[:1].isupper() for w in words[1:]):
        return None                         # "The AP report" names its owner already
    lo = max(0, at - _DOCUMENT_WINDOW)
    best = None
    for pattern in _owner_patterns(noun):
        for m in pattern.finditer(masked, lo, at):
            if best is None or m.start(1) > best[0]:
                best = (m.start(1), m.group(1))
    if best is None:
        return None
    owner = _owner_name(best[1], names, masked)
    return f"{speaker} by {owner}" if owner else None


def _owner_name(phrase: str, names: _NameIndex, masked: str) -> str | None:
    """A document's owner as a name: the words from the first capitalised word, titles
    ("Attorney General Jeff Sessions") and a trailing "the"/"of" left off, the fullest form."""
    words = phrase.split()
    for k, w in enumerate(words[:-1]):
        if w.endswith(".") and len(w) > 4 and w.lower().rstrip(".") not in NEWS_ABBREVIATIONS:
            return None                     # "Seattle Police Department. See": two sentences
    while words and (words[0][:1].islower() or words[0].lower() in _DETERMINERS):
        words = words[1:]
    while words and words[-1][:1].islower():
        words = words[:-1]
    if not words:
        return None
    bare = [w.lower().rstrip(".") for w in words]
    cut = max((i for i, b in enumerate(bare) if b in _TITLES), default=-1)
    if 0 <= cut < len(words) - 1 and not any(b in _ORG_WORDS for b in bare):
        words = words[cut + 1:]
    if words[0].lower() in _NAME_STOP or words[0].lower() in _PRONOUNS:
        return None
    name = " ".join(words)
    return name if is_place(name) else _expanded(_fullest(tuple(words), names), masked)


#: Endings of abstract nouns ("investigation", "prominence"; "claim" has none of them).
_ABSTRACT_END = re.compile(r"(?:ion|ity|ence|ance|ment|ness|ism)$")
#: Nouns for a person that end as abstract nouns do ("the champion", "a celebrity").
_PERSON_ABSTRACT = frozenset("""champion companion celebrity personality scion minion
centurion""".split())


def _person(name: str) -> bool:
    """Could "he" or "she" refer to this speaker? Not an organisation, not a plural."""
    words = name.split()
    if len(words) == 1 and words[0].islower():
        return False                                   # "another", "one"
    head = words[-1].lower()
    if head in _LAW_WORDS or is_place(name):
        return False                                   # "the U.S. Constitution", "Massachusetts"
    if head in _ORG_WORDS or (words[0].lower() == "the" and len(words) > 1
                              and words[1][:1].isupper()
                              and words[-1].lower().rstrip(".") not in _TITLES):
        return False
    if words[-1][:1].islower() and head.endswith("s") and not head.endswith("ss"):
        return False                                   # "Rombot's lawyers", "officials"
    if any(ch.isdigit() for ch in words[-1]):
        return False                                   # a citation: "AL 303", "Matthew 16:24"
    # the noun a common-noun phrase is about, before its preposition ("Danneels's
    # prominence in the pontificate" -> "prominence"): a document ("an unsigned NCR
    # editorial", "One leaked official memo") or an abstract noun is no "he" or "she"
    cut = next((i for i, w in enumerate(words) if i and w in _PREPOSITIONS), len(words))
    noun = words[cut - 1]
    if noun[:1].islower() and (_low(noun) in _DOCUMENT_NOUNS or (
            _ABSTRACT_END.search(noun) and not _person_noun(_low(noun))     # not "witness"
            and _low(noun) not in _PERSON_ABSTRACT)):
        return False
    return not (len(words) > 1 and " and " in f" {name} ")

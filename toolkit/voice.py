"""Whose voice: quoted speech, its speaker and the attribution verb, with character offsets.

A slanted quote from a source is not the outlet's slant. This module finds the quoted speech in
an article so that the rest of the toolkit can score the author's words apart from the words
of the people quoted.

How quotes are found (rules, no model, nothing downloaded):

1. **Marks.** Straight and curly double quotes, and single quotes used as quotation marks, are
   read with their context: a mark after a space and before a letter opens, a mark after a
   letter and before a space or punctuation closes. Single quotes between letters ("don't",
   "Russia’s"), before a decade ("the '90s") or in an elision ("rock 'n' roll") are
   apostrophes, and a single quote only opens a quote when it also closes in the paragraph,
   so "students'" never starts one.
2. **Paragraphs.** An unclosed quote closes at the end of its paragraph. When the next
   paragraph opens with a fresh mark (the news convention for a quote over several
   paragraphs), the two pieces are one quote; otherwise the rest of the article stays the
   author's.
3. **Nesting.** A quote inside another (single inside double, or the reverse) belongs to the
   outer one.
4. **Attribution.** The words around a quote, with every quote masked out, are matched against
   the patterns of news attribution: ``"...," X said.``, ``"...," said X.``,
   ``X said (that) "..."``, ``X, quoted in ... as saying: "..."``, ``"...", according to X``,
   ``X called on ... to "..."`` and a colon introduction in the sentence or paragraph before.
   The subject of the verb is found past appositives and relative clauses ("Colm O’Gorman, an
   abuse survivor who founded ..., commented"; "Benedict XVI, who, ..., lamented"), in an
   inverted aside (", explained the Italian professor,"), for a participle after a comma
   (", admitting that") and for coordinated verbs ("... and said", "but continued to
   insist"); a participle right after a noun ("reports suggesting") attributes nothing.
   "In X's eyes" and "his warning" tie a quote to a speaker without a verb. A quote with no
   attribution of its own that follows a quote of the previous paragraph keeps that speaker.
5. **Speakers.** "He" and "she" resolve to the most recent person who spoke (else was
   named) whose gender, where the article shows it ("Ms", "Mr", "Cardinal", "spokeswoman"),
   agrees. A titled description ("the cardinal", "the Italian professor") is the most recent
   person named with that title, and every speaker is given the fullest form of the name in
   the article ("Belousov" -> "Andrei Belousov", "Dong" -> "Dong Jun").
   Other descriptions name the person the article describes with the same noun ("the
   Russian ambassador" -> "Russian Ambassador ... Vitaly Churkin", "the AG" -> "Attorney
   General Jeff Sessions"); a document that speaks is given with its author ("the statement
   by Jeff Sessions"); a pronoun left unresolved ("I", "they") or a phrase that is not a noun
   phrase is no speaker.
6. **Scare quotes and headlines.** A quote of one or two words with no attribution verb
   ("so-called 'experts'") is the author's wording, not a quote, and is left out, as is a
   Title Case phrase with no attribution (the title of a work). In a headline, a short quote
   whose words a longer quote of the article repeats is that quote's speaker's, and in a
   Title Case headline a capitalised verb ("Farage Warns 'We'll Lose'") still attributes.

The voice of any character offset is then "quote" inside a quote's ``[start, end)`` and
"author" everywhere else (see :func:`voice_at`).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache, partial
from bisect import bisect_left, bisect_right
from itertools import accumulate, compress, count, dropwhile
from operator import attrgetter
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from .entities import _given_names, is_place
from .loading import _trim
from .segmentation import NEWS_ABBREVIATIONS, WORD_RE
from .spans import Span

__all__ = ["Quote", "QUOTE_COLUMNS", "ATTRIBUTION_VERBS", "LOADED_REPORT_VERBS", "find_quotes",
           "voice_at", "quote_regions", "quotes_frame", "report_verb_spans"]

#: The columns of the ``quotes`` table.
QUOTE_COLUMNS = ["paragraph", "start", "end", "text", "speaker", "verb"]

#: Verbs that attribute speech, as lemma -> the forms matched (lower case).
ATTRIBUTION_VERBS: dict[str, tuple[str, ...]] = {
    lemma: tuple(forms.split()) for lemma, forms in (
        ("say", "say says said saying"), ("tell", "tell tells told telling"),
        ("add", "adds added adding"), ("state", "stated stating"),
        ("claim", "claim claims claimed claiming"), ("admit", "admit admits admitted admitting"),
        ("insist", "insist insists insisted insisting"),
        ("explain", "explain explains explained explaining"), ("note", "noted noting notes"),
        ("write", "write writes wrote writing"), ("ask", "asks asked asking"),
        ("reply", "replies replied replying"), ("respond", "responds responded responding"),
        ("declare", "declare declares declared declaring"),
        ("announce", "announce announces announced announcing"), ("warn", "warn warns warned warning"),
        ("argue", "argue argues argued arguing"), ("suggest", "suggests suggested suggesting"),
        ("acknowledge", "acknowledge acknowledges acknowledged acknowledging"),
        ("concede", "concede concedes conceded conceding"),
        ("complain", "complain complains complained complaining"),
        ("boast", "boasts boasted boasting"), ("brag", "brags bragged bragging"),
        ("slam", "slams slammed slamming"), ("blast", "blasted blasting"),
        ("describe", "describe describes described describing"), ("call", "called calling"),
        ("urge", "urges urged urging"), ("tweet", "tweeted tweeting"), ("retweet", "retweeted"), ("post", "posted"),
        ("continue", "continued continues"), ("recall", "recalls recalled recalling"),
        ("emphasize", "emphasized emphasised emphasizing emphasising emphasizes emphasises"),
        ("stress", "stressed stressing stresses"), ("maintain", "maintains maintained"),
        ("allege", "allege alleges alleged alleging"), ("deny", "denies denied denying"),
        ("quip", "quipped quips"), ("joke", "joked"), ("lament", "laments lamented lamenting"),
        ("remark", "remarked"), ("observe", "observed observes"), ("comment", "commented"),
        ("testify", "testified testifying"), ("predict", "predicted"), ("promise", "promised"),
        ("vow", "vows vowed vowing"), ("pledge", "pledged"), ("demand", "demanded"),
        ("caution", "cautioned"), ("wonder", "wondered"), ("shout", "shouted"), ("yell", "yelled"),
        ("scream", "screamed"), ("whisper", "whispered"), ("confirm", "confirmed confirms"),
        ("counter", "countered"), ("contend", "contends contended"),
        ("conclude", "concluded concludes"), ("report", "reported reports"), ("quote", "quoted"),
        ("reiterate", "reiterated reiterates"), ("assert", "asserts asserted"),
        ("agree", "agrees agreed"), ("accuse", "accused accuse accuses accusing"),
        ("mock", "mocked"), ("scoff", "scoffed scoffs"), ("sneer", "sneered"),
        ("tout", "touts touted touting"), ("fume", "fumed fumes"), ("rant", "ranted rants"),
        ("whine", "whined whines"), ("retort", "retorted retorts"), ("thunder", "thundered"),
        ("exclaim", "exclaimed exclaims"), ("proclaim", "proclaims proclaimed"),
        ("confess", "confessed"), ("begin", "began"), ("point", "pointed"),
        ("brand", "branded brands branding"),
        ("label", "labelled labeled labels labelling labeling"), ("dub", "dubbed dubs"),
        ("term", "termed"), ("mutter", "muttered muttering mutters"), ("speak", "spoke speaks"),
        ("indicate", "indicated indicates"), ("refer", "referred"), ("rule", "ruled rules"),
        ("charge", "charged"),
        ("apologise", "apologised apologized apologises apologizes apologising apologizing"),
        ("chant", "chanted chants chanting"),
        ("utter", "uttered"), ("recount", "recounted recounts recounting"),
        ("muse", "mused muses"), ("opine", "opined opines"), ("snap", "snapped"),
        ("elaborate", "elaborated"), ("clarify", "clarified"), ("blurt", "blurted"),
        ("plead", "pleaded pleads"), ("reason", "reasoned"), ("speculate", "speculated"),
        ("affirm", "affirmed"), ("relay", "relayed"), ("text", "texted"), ("email", "emailed"),
        ("sigh", "sighed"), ("grouse", "groused"), ("gripe", "griped"), ("read", "read reads"),
    )
}

#: Report verbs that judge the speaker ("she admitted", "he claimed"): evidence against the
#: author, in the cue category ``report_verb``.
LOADED_REPORT_VERBS = frozenset(
    "claim admit insist concede allege boast brag slam blast complain lament rant fume scoff "
    "sneer tout whine mock thunder confess".split())

_FORM_TO_LEMMA = {form: lemma for lemma, forms in ATTRIBUTION_VERBS.items() for form in forms}

_DOUBLE_OPEN, _DOUBLE_CLOSE = "“„‟«", "”»"
_SINGLE_OPEN, _SINGLE_CLOSE = "‘‚‛‹", "’›"
_DOUBLE = '"' + _DOUBLE_OPEN + _DOUBLE_CLOSE
_SINGLE = "'" + _SINGLE_OPEN + _SINGLE_CLOSE
_DOUBLE_MARK = re.compile(f"[{re.escape(_DOUBLE)}]")
_SINGLE_MARK = re.compile(f"[{re.escape(_SINGLE)}]")
_OPENERS_BEFORE = "([{<—–-/" + _DOUBLE_OPEN + _SINGLE_OPEN + "\"'"
_CLOSERS_AFTER = ".,;:!?)]}>—–-…/" + _DOUBLE_CLOSE + _SINGLE_CLOSE + "\"'"
_ELISIONS = re.compile(r"(?:em|til|tis|twas|cause|bout|n|round|nuff|cos|kay|sup|ello|s|t|re|ll|ve|d|m)"
                       r"(?![A-Za-z])", re.I)
_DECADE = re.compile(r"\d\d(?:s|\b)")
_MASK = "\x1f"
_QUOTE_END = "\x1e"

_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_OBJECT_PRONOUNS = frozenset({"her", "him", "them", "me", "us"})
_REFLEXIVES = {"himself", "herself", "themselves", "itself", "ourselves", "myself"}
#: Last words of the names of laws and treaties, which "he" or "she" never refers to (unlike
#: :data:`_DOCUMENTS`, the statements and reports that can be a quote's source).
_LAW_WORDS = frozenset({"constitution", "act", "amendment", "charter", "treaty", "accord",
                             "convention", "declaration", "agreement", "law", "code",
                             "prize", "award", "medal"})      # and prizes: not people
#: Lower-case words inside a name ("Ludwig van Beethoven", "Sharaf ad-Din Ali Yazdi").
_PARTICLES = frozenset("""de da van von bin al del der la le di du ibn ad-din al-din ud-din
ud-daula ben""".split())
_TITLES = frozenset("""
president minister secretary senator sen rep representative gov governor mayor mr mrs ms dr
prof professor general gen colonel col lt captain capt chief chairman chairwoman chair ceo
director spokesman spokeswoman spokesperson ambassador judge justice king queen prince
princess pope rev sir dame lord lady premier chancellor commissioner leader speaker attorney
congressman congresswoman councilman councillor councilor sheriff officer detective coach
editor founder head deputy vice prime commander admiral adm sergeant sgt lieutenant marshal
president-elect chairperson envoy counterpart analyst inspector advisor adviser superintendent constable
trooper agent official pm cardinal archbishop bishop pope rabbi imam pastor reverend
activist advocate lawyer author writer journalist reporter columnist economist historian
scientist researcher expert candidate lawmaker critic campaigner organizer organiser blogger
anchor commentator strategist consultant pundit patriarch nuncio sheikh emir ayatollah
""".split())
_NP_STOP = frozenset("""
and but or nor that which who whom whose when where while because after before as if than so
to by was is are were be been being has have had not also in on with during since until about
over under into through against between among without within upon despite although though
unless whether yet do does did will would can could should may might must shall this these
those there here then now later again still just only even however meanwhile according
toward towards across via per like
""".split())
_PREPOSITIONS = frozenset("""
in on at with from during since until about over under into through against between among
without within upon despite after before for by to of toward towards across via per like
""".split())
_SKIP_BEFORE_VERB = frozenset("""
also later then has have had was is were are previously further again once reportedly
recently earlier simply however had would will could did does do not never just first
finally repeatedly publicly privately separately heard overheard seen caught filmed
recorded nonetheless nevertheless too himself herself themselves itself now already even
""".split())
_DETERMINERS = frozenset({"the", "a", "an", "former", "then", "acting", "outgoing"})
_DOCUMENTS = frozenset("""statement report release filing document letter memo website survey
data figures study poll ruling transcript email post""".split())
_PARTY_TAG = re.compile(r"^[RDI]-[A-Z][A-Za-z.]*$")          # "D-Calif.", "R-N.Y."
_RELATIVE = frozenset({"who", "which", "whose", "whom"})
_ORG_WORDS = frozenset("""
ministry agency agencies party department house council times post news office committee
government administration court police army military union commission association institute
university company corporation group bank fund organization organisation network press
service services media
""".split())
_TOKEN = re.compile(r"[A-Za-z0-9][\w’'.&-]*[\w]|[A-Za-z0-9]|\x1f[\x1f\x1e]*|[,;:()—–.!?]|[^\w\s\x1f\x1e]")
_SENTENCE_END = re.compile(r"(?:[.!?…]+|\x1e)(?=[\s\x1f]*(?:$|[A-Z0-9\x1f\"“‘'(]))")


@dataclass(frozen=True, slots=True)
class Quote:
    """One quote: ``text == article_text[start:end]``, the words inside the quote marks.

    Attributes
    ----------
    paragraph : int
        The paragraph where the quote starts (a quote can run over several paragraphs).
    start, end : int
        Character offsets of the quoted words (the marks themselves are outside).
    text : str
        The quoted words.
    speaker : str or None
        Who says it, when the text tells: a name ("Dong Jun"), a description ("a spokesman
        for the ministry"), a source ("Russian media agencies") or a document with its
        author ("the statement by Jeff Sessions"). Pronouns are resolved to the most recent
        named speaker when there is one, and descriptions to the person the article
        describes so ("the Russian ambassador" -> "Vitaly Churkin").
    verb : str or None
        The attribution verb as written ("said", "admitted", "according to").
    speaker_start, speaker_end : int or None
        Where the attribution names the speaker (for a resolved pronoun, the pronoun).
    verb_start, verb_end : int or None
        Where the attribution verb is.
    """

    paragraph: int
    start: int
    end: int
    text: str
    speaker: str | None = None
    verb: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    verb_start: int | None = None
    verb_end: int | None = None

    def as_row(self) -> dict:
        return {c: getattr(self, c) for c in QUOTE_COLUMNS}


@dataclass
class _Segment:
    """A quoted stretch inside one paragraph: the marks and the words between them."""

    paragraph: int
    start: int                 # first character of the quoted words
    end: int                   # one past the last quoted character
    open_mark: int | None      # offset of the opening mark, None if the quote had none
    close_mark: int | None     # offset of the closing mark, None if closed by the paragraph
    kind: str                  # "double" or "single"
    continues: bool = False    # runs on into the next paragraph's quote


# --------------------------------------------------------------------------- marks

def _direction(text: str, i: int, lo: int, hi: int) -> str:
    """``open``, ``close`` or ``either`` for the quote mark at ``text[i]``."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    left_open = prev.isspace() or prev in _OPENERS_BEFORE
    right_close = nxt.isspace() or nxt in _CLOSERS_AFTER
    char = text[i]
    if left_open and not right_close:
        context = "open"
    elif right_close and not left_open:
        context = "close"
    else:
        context = "either"
    if char in _DOUBLE_OPEN or char in _SINGLE_OPEN:
        glyph = "open"
    elif char in _DOUBLE_CLOSE or char in _SINGLE_CLOSE:
        glyph = "close"
    else:
        glyph = "either"
    if glyph == "either":
        return context
    if context != "either" and context != glyph and (prev.isalnum() or nxt.isalnum()):
        return context                  # a curly mark typed the wrong way round
    return glyph


def _double_segments(text: str, paragraphs) -> list[_Segment]:
    out: list[_Segment] = []
    for number, (lo, hi) in enumerate(paragraphs):
        marks = [m.start() for m in _DOUBLE_MARK.finditer(text, lo, hi)]
        directions = [_direction(text, i, lo, hi) for i in marks]
        open_at: int | None = None
        found_here = False
        skip = set()
        for k, i in enumerate(marks):
            if k in skip:
                continue
            d = directions[k]
            if (open_at is not None and d == "open" and directions[k + 1:k + 3] == ["close", "close"]):
                skip.update({k + 1})              # “a “nested” quote,”: part of the outer one
                continue
            if open_at is None:
                if d != "close" or (i > lo and text[i - 1] == ":" and k + 1 < len(marks)):
                    open_at = i               # 'evening:”. ... fine!”': a mistyped opener
                elif not found_here and not (i > lo and text[i - 1] == ":"):
                    # A closing mark with no opening one: the quote began at the paragraph
                    # start (a run-on quote whose fresh mark is missing, or a typo); but
                    # not a mark after a colon, which was meant to open.
                    s, e = _trim(text, lo, i)
                    if s < e:
                        out.append(_Segment(number, s, e, None, i, "double"))
                        found_here = True
                continue
            if d == "open" and i > open_at + 1:
                # Unclosed quote followed by a fresh opening mark: close the first here. At
                # the start of a line, the mark carries the quote on (the news convention
                # for a quote over several paragraphs, in text with a line per paragraph).
                s, e = _open_trim(text, open_at, i)
                if s < e:
                    seg = _Segment(number, s, e, open_at, None, "double")
                    seg.continues = text[i - 1] == "\n" and "\n" in text[s:i]
                    out.append(seg)
                    found_here = True
                open_at = i
                continue
            s, e = _open_trim(text, open_at, i)
            if s < e:
                out.append(_Segment(number, s, e, open_at, i, "double"))
                found_here = True
            open_at = None
        if open_at is not None:
            s, e = _open_trim(text, open_at, hi)
            if s < e:
                seg = _Segment(number, s, e, open_at, None, "double")
                seg.continues = _opens_with(text, paragraphs, number + 1, _DOUBLE)
                out.append(seg)
    return out


def _open_trim(text: str, open_at: int, end: int) -> tuple[int, int]:
    """The quoted words after the opening mark at ``open_at``, trimmed; after a closing
    glyph typed as an opener ('evening:”. Don’t ...'), stray punctuation is skipped too."""
    start = open_at + 1
    if text[open_at] in _DOUBLE_CLOSE:
        while start < end and (text[start] in ".,;" or text[start].isspace()):
            start += 1
    return _trim(text, start, end)


def _opens_with(text: str, paragraphs, number: int, marks: str) -> bool:
    if number >= len(paragraphs):
        return False
    lo, hi = paragraphs[number]
    return hi > lo and text[lo] in marks and _direction(text, lo, lo, hi) != "close"


def _is_apostrophe_opener(text: str, i: int, hi: int) -> bool:
    rest = text[i + 1:min(hi, i + 8)]
    return bool(_ELISIONS.match(rest) or _DECADE.match(rest))


def _single_segments(text: str, paragraphs) -> list[_Segment]:
    out: list[_Segment] = []
    for number, (lo, hi) in enumerate(paragraphs):
        openers, closers = [], []
        for mark in _SINGLE_MARK.finditer(text, lo, hi):
            i = mark.start()
            prev = text[i - 1] if i > lo else " "
            nxt = text[i + 1] if i + 1 < hi else " "
            if prev.isalnum() and nxt.isalnum():
                continue                                    # don't, Russia’s
            d = _direction(text, i, lo, hi)
            if (d == "open" and not nxt.isspace() and text[i] not in _SINGLE_CLOSE
                    and not _is_apostrophe_opener(text, i, hi)):
                openers.append(i)
            elif d == "close" and not prev.isspace():
                closers.append(i)
        pos = lo
        k = 0
        while k < len(openers):
            o = openers[k]
            if o < pos:
                k += 1
                continue
            nxt_open = next((x for x in openers[k + 1:] if x > o), hi)
            within = [c for c in closers if o < c < nxt_open]
            later = [c for c in closers if c > o]
            plain = [c for c in within if not _possessive(text, c, hi)]
            close = (plain or within or later or [None])[0]
            if close is None:
                if o == lo and number + 1 <= len(paragraphs):
                    s, e = _trim(text, o + 1, hi)
                    if len(WORD_RE.findall(text, s, e)) >= 3:
                        seg = _Segment(number, s, e, o, None, "single")
                        seg.continues = _opens_with(text, paragraphs, number + 1, _SINGLE)
                        out.append(seg)
                break
            s, e = _trim(text, o + 1, close)
            if s < e and "\n" not in text[s:e] and len(WORD_RE.findall(text, s, e)) <= 120:
                out.append(_Segment(number, s, e, o, close, "single"))
            pos = close + 1
            k += 1
    return out


def _possessive(text: str, i: int, hi: int) -> bool:
    """``students' union``: an ``s`` before and a lower-case word after."""
    if text[i - 1] not in "sS":
        return False
    j = i + 1
    while j < hi and text[j] == " ":
        j += 1
    return j > i + 1 and j < hi and (text[j].islower() or text[j].isdigit())


def _outer(segments: list[_Segment]) -> list[_Segment]:
    """Drop quotes nested in another; where a single and a double cross, keep the double."""
    def outer_range(seg):
        lo = seg.open_mark if seg.open_mark is not None else seg.start
        hi = seg.close_mark + 1 if seg.close_mark is not None else seg.end
        return lo, hi

    ranged = sorted(((outer_range(s), s) for s in segments), key=lambda r: (r[0][0], -r[0][1]))
    kept: list[tuple[tuple[int, int], _Segment]] = []
    # ``kept`` grows in order of ``lo``, so a kept quote that ends at or before this ``lo``
    # can never overlap a later one: ``active`` holds the others, in the same order, and
    # keeps the scan linear on long texts.
    active: list[tuple[tuple[int, int], _Segment]] = []
    for (lo, hi), seg in ranged:
        active = [item for item in active if item[0][1] > lo]
        clash = next((item for item in active if lo < item[0][1] and item[0][0] < hi), None)
        if clash is None:
            kept.append(((lo, hi), seg))
            active.append(((lo, hi), seg))
            continue
        (olo, ohi), other = clash
        if olo <= lo and hi <= ohi:
            continue                                   # nested inside: part of the outer quote
        if other.kind == "single" and seg.kind == "double":
            kept.remove(clash)
            active.remove(clash)
            kept.append(((lo, hi), seg))
            active.append(((lo, hi), seg))
    kept = [seg for _, seg in kept]
    return sorted(kept, key=lambda s: s.start)


# --------------------------------------------------------------------------- attribution

class _Token(NamedTuple):
    """One token of the masked text. A tuple, since the quote finder cuts every paragraph
    of an article into tokens and a tuple is the cheapest object to make (``_make``)."""

    text: str
    start: int
    end: int
    # Read many times per token, so set once from the word (_word_facts): _low(text), whether
    # it is a capitalised word (_is_cap_word) and an attribution verb form in lower case.
    low: str
    cap: bool = False
    verb: bool = False


_new_token = partial(tuple.__new__, _Token)    # _Token._make without its Python call
_CAP = attrgetter("cap")
_VERB = attrgetter("verb")
#: Words after which a verb form is a noun ("the claim", "his report", "a quote").
_NOUN_MARKERS = frozenset("the a an his her its their our my your this these those".split())
#: "he's said": a contraction, not a possessive.
_CONTRACTED = frozenset("he's she's it's that's there's who's what's here's".split())
#: Verb forms that are more often plural nouns ("news reports", "his notes"): verbs only when
#: "that", a quote or a mark follows ("Fox News reports that", "As Smith notes: ").
_NOUN_FIRST = frozenset({"reports", "notes"})
_AFTER_REPORT = frozenset({":", ",", ".", "—", "–", ";"})


def _low(word: str) -> str:
    return word.lower().replace("’", "'")


_FACTS: dict[str, tuple[str, bool, bool]] = {}     # word type -> _word_facts(word)
_FACTS_LIMIT = 200_000                              # word types kept before starting afresh


def _word_facts(word: str) -> tuple[str, bool, bool]:
    """``(_low(word), capitalised, attribution verb form)`` of a token's text, cached by word
    type."""
    facts = _FACTS.get(word)
    if facts is None:
        low = _low(word)
        facts = (low, _is_cap_word(word), low in _FORM_TO_LEMMA and word[0].islower())
        if len(_FACTS) >= _FACTS_LIMIT:
            _FACTS.clear()
        _FACTS[word] = facts
    return facts


# The token pattern as a splitter: [gap, token, gap, token, ..., gap], the same tokens as
# _TOKEN.finditer over the same range (the pattern never matches an empty string and has no
# anchors or lookaround, so cutting the range out first changes no match).
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")


def _tokens(masked: str, lo: int, hi: int) -> list[_Token]:
    lo = max(lo, 0)                         # as finditer reads its pos and endpos
    if hi <= lo:
        return []
    parts = _TOKEN_SPLIT.split(masked[lo:hi])
    # Offsets from the lengths: parts[i] starts at at[i]; token k is parts[2k + 1].
    at = list(accumulate(map(len, parts), initial=lo))
    words = parts[1::2]
    facts = list(map(_FACTS.get, words))
    if None in facts:
        facts = [f or _word_facts(w) for f, w in zip(facts, words)]
    lows, caps, verbs = zip(*facts) if facts else ((), (), ())
    out = list(map(_new_token, zip(words, at[1::2], at[2::2], lows, caps, verbs)))
    # A period joins the token before it ("U.S.", "Sen.", "J."), read left to right as the
    # tokens are: the token before a period is the last one kept, joined or not.
    dropped: set[int] = set()
    for k in [k for k, w in enumerate(words) if w == "."]:
        p = k - 1
        while p in dropped:
            p -= 1
        if p < 0:
            continue
        prev, end = out[p], out[k].end
        if prev.end != out[k].start:
            continue
        after = masked[end:end + 2].lstrip()[:1]
        if (prev.text.lower() in NEWS_ABBREVIATIONS or len(prev.text) == 1
                or after in {",", ";"} or after.islower()):
            text = prev.text + "."
            out[p] = _Token(text, prev.start, end, *_word_facts(text))
            dropped.add(k)
    if dropped:
        out = [t for k, t in enumerate(out) if k not in dropped]
    for k in compress(count(), map(_VERB, out)):
        prev = out[k - 1].low if k else ""
        if prev in _NOUN_MARKERS or (prev.endswith(("'s", "s'")) and prev not in _CONTRACTED):
            out[k] = out[k]._replace(verb=False)        # "says the claim is", "Ann's notes"
        elif out[k].low in _NOUN_FIRST and not (
                k + 1 < len(out) and (out[k + 1].low == "that" or out[k + 1].text in _AFTER_REPORT
                                      or out[k + 1].text[0] == _MASK)):
            out[k] = out[k]._replace(verb=False)        # "spy agency reports detailing"
    return out


class _TokenIndex:
    """The tokens of each paragraph of the masked text, cut once and served by range.

    ``between(lo, hi)`` equals ``_tokens(masked, lo, hi)``: when no token of the paragraph
    crosses ``lo`` or ``hi``, scanning from ``lo`` to ``hi`` finds exactly the paragraph's
    tokens in between (the token pattern has no anchors or lookaround, so a shorter string
    neither adds nor changes a match that ends inside it, and a period joins the token
    before it only when that token is in range too); otherwise the range is cut afresh.
    The attribution rules ask for a few ranges around every quote, and reading them from
    one pass over the paragraph saves cutting each sentence again (and again).
    """

    def __init__(self, masked: str, paragraphs: list[tuple[int, int]]):
        self.masked = masked
        self.of_paragraph = [_tokens(masked, lo, hi) for lo, hi in paragraphs]
        self.bounds = paragraphs
        self.para_starts = [lo for lo, _ in paragraphs]
        self.ordered = all(a[1] <= b[0] for a, b in zip(paragraphs, paragraphs[1:]))
        self._starts: dict[int, list[int]] = {}
        self._ends: dict[int, list[int]] = {}

    def between(self, lo: int, hi: int) -> list[_Token]:
        if lo < hi and self.ordered:
            p = bisect_right(self.para_starts, lo) - 1
            if p >= 0 and hi <= self.bounds[p][1]:
                tokens = self.of_paragraph[p]
                starts = self._starts.get(p)
                if starts is None:
                    starts = self._starts[p] = [t.start for t in tokens]
                    self._ends[p] = [t.end for t in tokens]
                ends = self._ends[p]
                i = bisect_left(ends, lo + 1)           # first token ending after lo
                j = bisect_left(starts, hi)             # first token starting at or after hi
                if (i == len(tokens) or starts[i] >= lo) and (j == 0 or ends[j - 1] <= hi):
                    return tokens[i:j]
        return _tokens(self.masked, lo, hi)


def _np_token(tok: _Token) -> bool:
    if not (tok.text[0].isalnum()) or tok.low.endswith("n't"):
        return False
    if tok.text[0].islower() and (tok.low in _NP_STOP or tok.low in _FORM_TO_LEMMA):
        return False
    if tok.low in {"and", "but", "or", "so", "then", "when", "while", "as", "if", "because",
                   "after", "before", "although", "though", "yet", "in", "on", "at", "during",
                   "since", "with", "for", "from", "by", "to", "meanwhile", "however",
                   "according", "that", "this", "there", "here", "now", "also", "still",
                   "instead", "indeed", "moreover", "furthermore", "separately", "finally",
                   "earlier", "later", "previously", "what", "how", "why", "whether",
                   "even", "just", "only", "not", "never"}:
        return False
    return True


_LOWER_PREFIX_NAME = re.compile(r"(?:di|de|da|du|le|la|mc|mac|van|von|al)[A-Z]\w")


@lru_cache(maxsize=65536)
def _is_cap_word(word: str) -> bool:
    """A capitalised word or a prefixed name ("McCain", "deBlasio"), not a pronoun."""
    return ((word[0].isupper() or bool(_LOWER_PREFIX_NAME.match(word)))
            and word.lower().replace("’", "'") not in _PRONOUNS)


def _capital_run(chunk: list[_Token]) -> list[_Token]:
    """The last run of capitalised words (with name particles) in a chunk."""
    best: list[_Token] = []
    run: list[_Token] = []
    for tok in chunk:
        if tok.cap or (run and (tok.low in _PARTICLES or tok.low == "of")):
            run.append(tok)
        else:
            if run:
                best = run
            run = []
    if run:
        best = run
    while best and not best[-1].cap:
        best = best[:-1]
    return best


_POSSESSIVE_END = re.compile(r"['’]s?$")


def _clean_possessive(word: str) -> str:
    return _POSSESSIVE_END.sub("", word)


def _name_of(chunk: list[_Token]) -> list[_Token] | None:
    """The person or organisation name in a noun phrase, with titles dropped."""
    person = _name_before_affiliation(chunk)
    if person is not None:
        return person
    run = _capital_run(chunk)
    if not run:
        return None
    at = chunk.index(run[0])
    if chunk[-1] is not run[-1]:
        return None                                    # "the Chinese defense minister"
    before = chunk[:at]
    described = (before and (before[-1].low.rstrip(".") in _TITLES or (
        # "SAF founder and Executive Vice President Alan M. Gottlieb"
        len(before) >= 2 and before[-1].low == "and"
        and before[-2].low.rstrip(".") in _TITLES and run[0].low.rstrip(".") in _TITLES))
        and not any(t.low in _PREPOSITIONS for t in before))
    if not described and any(t.text[0].islower() and t.low not in _DETERMINERS
                             and t.low.rstrip(".") not in _TITLES for t in before):
        return None         # "a spokesman for the Ministry"; but "attorney and child advocate
                            # Elizabeth Yore": lower-case words before the title are its own
    if run[-1].low.endswith(("'s", "’s")):
        return None                                    # "Belousov's counterpart": a modifier
    if any(t.low == "of" for t in run):
        left = run[:next(k for k, t in enumerate(run) if t.low == "of")]
        if len(left) >= 2 and not any(t.low.rstrip(".") in _TITLES or t.low in _ORG_WORDS
                                      for t in left):
            run = left                     # "Angelos Tsiaras of University College London"
    run = _strip_titles(run)
    # A lone sentence-initial determiner-like capital ("The") is not a name.
    if len(run) == 1 and run[0].low in {"the", "a", "an", "his", "her", "their", "its"}:
        return None
    return run


_AFFILIATION_LINKS = frozenset({"of", "at", "from"})


@lru_cache(maxsize=4096)
def _given_name(word: str) -> bool:
    """Whether ``word`` is a first name, accents aside ("Agustín" as Agustin)."""
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return word in _given_names() or plain in _given_names()


def _name_before_affiliation(chunk: list[_Token]) -> list[_Token] | None:
    """A person's name followed by the body they belong to: "Michael H. Wong of the
    University of California at Berkeley" gives Michael H. Wong, not Berkeley. The name is
    two capitalised words or more, the first a given name, with no organisation word."""
    for p in range(2, len(chunk) - 1):
        tok = chunk[p]
        if tok.low not in _AFFILIATION_LINKS or not tok.text[0].islower():
            continue
        if not any(t.cap for t in chunk[p + 1:]):
            return None
        left = chunk[:p]
        k = 0
        while k < len(left) and (left[k].low in _DETERMINERS
                                 or left[k].low.rstrip(".") in _TITLES):
            k += 1
        name = left[k:]
        if (len(name) >= 2 and all(t.cap for t in name)
                and _given_name(_clean_possessive(name[0].text))
                and not any(t.low in _ORG_WORDS for t in name)):
            return name
        return None
    return None


def _strip_titles(run: list[_Token]) -> list[_Token]:
    """"Defense Minister Andrei Belousov" -> "Andrei Belousov"."""
    cut = max((k for k, t in enumerate(run)
               if t.low.rstrip(".") in _TITLES or (t.low in _ORG_WORDS and k < len(run) - 2)),
              default=-1)
    while 0 <= cut and cut + 2 < len(run) and run[cut + 1].low == "of":
        cut += 2                                       # "Secretary of State Mike Pompeo"
    rest = run[cut + 1:]
    return rest if rest and rest[0].text[0].isupper() else run


def _is_title_only(chunk: list[_Token]) -> bool:
    return all(t.low.rstrip(".") in _TITLES for t in chunk)


def _phrase(text: str, toks: list[_Token]) -> tuple[str, int, int]:
    s, e = toks[0].start, toks[-1].end
    return text[s:e], s, e


def _walk_back(tokens: list[_Token], v: int) -> tuple[list[_Token], list[list[_Token]]] | None:
    """The noun phrase before the verb at ``tokens[v]``, and earlier appositive chunks."""
    i = v - 1
    if i >= 2 and tokens[i].text == ")" and tokens[i - 2].text == "(":
        i -= 3                                      # "the World Health Organization (WHO) said"
    while i >= 0 and (tokens[i].text == "," or (tokens[i].low in _SKIP_BEFORE_VERB)
                      or _PARTY_TAG.match(tokens[i].text)
                      or (tokens[i].low.endswith("ly") and tokens[i].text[0].islower()
                          and tokens[i].low not in {"only", "family", "ally", "rally"})):
        i -= 1
    adjacent = not any(t.text == "," for t in tokens[i + 1:v])
    if i >= 0 and i + 1 < v and tokens[i + 1].text == ",":
        # "Keith Vaz, chairman of ..., who had called for ..., said": skip the relative clause.
        for r in range(i, max(-1, i - 25), -1):
            if tokens[r].text in {".", "!", "?", ";", ":"} or tokens[r].text.startswith(_MASK):
                break
            if tokens[r].low in _RELATIVE and r >= 2 and tokens[r - 1].text == ",":
                i = r - 2
                break
    chunks: list[list[_Token]] = []
    while i >= 0 and len(chunks) < 4:
        j = i
        while j >= 0 and (_np_token(tokens[j]) or (
                tokens[j].low == "and" and 0 < j < i and tokens[j - 1].cap
                and tokens[j + 1].cap) or (
                # "a spokesman for the ministry", "the head of the mission"
                tokens[j].low in {"of", "for", "at", "from", "in"} and j > 0 and j < i
                and tokens[j].text[0].islower() and _np_token(tokens[j - 1])
                and tokens[j - 1].low not in _PREPOSITIONS)):
            j -= 1
        chunk = tokens[j + 1:i + 1]
        if (len(chunk) > 1 and chunk[0].text[0].isupper() and chunk[1].low in _DETERMINERS
                and (chunk[0].low in _INTRO or chunk[0].low.endswith("ly"))):
            chunk = chunk[1:]                          # "Recently the group declared"
        chunk = _past_time(chunk)                      # "This week Collins tweeted"
        stop = tokens[j] if j >= 0 else None
        if chunk and stop is not None and stop.low in _RELATIVE and not (adjacent and not chunks):
            # "Smith, who heads the agency, said": skip the relative clause (but "which
            # Carlson claims": the subject of the verb itself).
            if j >= 1 and tokens[j - 1].text == ",":
                i = j - 2
                continue
            chunk = []
        if not chunk:
            break
        in_pp = stop is not None and stop.low in _PREPOSITIONS
        if in_pp and stop.low == "with" and tokens[v].low.endswith("ing") and not chunks:
            in_pp = False                     # "with a spokesperson saying"
        if in_pp and not chunks and j >= 2 and tokens[j - 1].text == ",":
            i = j - 2                         # "The ACLU, in a statement, said"
            continue
        if in_pp and not chunks:
            # "Employees who spoke to the Guardian described": the phrase before "who".
            for r in range(j - 1, max(-1, j - 8), -1):
                if tokens[r].low in {"who", "that"} and r >= 1 and _np_token(tokens[r - 1]):
                    i = r - 1
                    chunk = None
                    break
            if chunk is None:
                continue
        if in_pp:
            # "On both of their blogs the pair called": the subject follows the phrase.
            dets = [k for k, t in enumerate(chunk) if k > 0 and t.low in {"the", "a", "an"}]
            if dets:
                chunk, in_pp = chunk[dets[-1]:], False
        chunks.append(chunk if not in_pp else [])
        if stop is None or stop.text != ",":
            break
        i = j - 1
    chunks = [c for c in chunks if c]
    if not chunks or len(chunks[0]) > 10:
        return None
    return chunks[0], chunks[1:]


_TIME_WORDS = frozenset("""week weekend month year morning afternoon evening night today
yesterday tonight monday tuesday wednesday thursday friday saturday sunday january february
march april june july august september october november december""".split())
_TIME_LEADS = frozenset("this last next earlier later late early on in".split())


def _past_time(chunk: list[_Token]) -> list[_Token]:
    """A noun phrase without the time phrase that opens it: "This week Collins" -> "Collins",
    "Monday Smith" -> "Smith"."""
    i = max((k for k, t in enumerate(chunk[:3]) if t.low in _TIME_WORDS), default=None)
    if (i is not None and i + 1 < len(chunk) and chunk[i + 1].low not in _TIME_WORDS
            and all(t.low in _TIME_LEADS for t in chunk[:i])):
        return chunk[i + 1:]
    return chunk


def _name_follows(tokens: list[_Token], k: int) -> bool:
    """Whether lower-case words from ``tokens[k]`` lead to a title and then a capitalised
    word ("child advocate Elizabeth Yore"), not the end of the phrase ("theologian,")."""
    for j in range(k, min(len(tokens), k + 6)):
        if tokens[j].low.rstrip(".") in _TITLES:
            continue
        if tokens[j].cap:
            # "child advocate Elizabeth Yore", "Executive Vice President Alan Gottlieb"
            if j > k and tokens[j - 1].low.rstrip(".") in _TITLES:
                return True
            continue
        if not (tokens[j].text[0].islower() and _np_token(tokens[j])):
            return False
    return False


def _walk_forward(tokens: list[_Token], k: int) -> tuple[list[_Token], list[list[_Token]]] | None:
    """The noun phrase from ``tokens[k]`` on ("said *Dong Jun, the minister*")."""
    if k < len(tokens) and tokens[k].text in _OBJECT_PRONOUNS:     # "her", not "US"
        return None                 # '"..." told her the agency was': the object, not a speaker
    chunks: list[list[_Token]] = []
    i = k
    while i < len(tokens) and len(chunks) < 3:
        j = i
        while j < len(tokens) and (_np_token(tokens[j]) or (j > i and tokens[j].low in
                                                             {"of", "for", "at", "from"}) or (
                # "said attorney and child advocate Elizabeth Yore"
                j > i and tokens[j].low == "and" and tokens[j - 1].low in _TITLES
                and _name_follows(tokens, j + 1))):
            if j > i and tokens[j].text[0].islower() and tokens[j].low.endswith("ed"):
                break                                  # "a statement issued by"
            j += 1
        chunk = tokens[i:j]
        while chunk and chunk[-1].low in {"of", "for", "at", "from"}:
            chunk = chunk[:-1]
        if not chunk:
            break
        if all(t.low in _DETERMINERS or t.low in {"his", "her", "their", "its"} for t in chunk):
            break
        chunks.append(chunk)
        if j >= len(tokens) or tokens[j].text != ",":
            break
        i = j + 1
    if not chunks or len(chunks[0]) > 16:
        return None
    return chunks[0], chunks[1:]


def _choose(text: str, found, *, forward: bool = False) -> tuple[str, int, int] | None:
    """Pick the speaker from a noun phrase and its appositives: a name beats a description."""
    if found is None:
        return None
    head, others = found
    if head[0].text[0].isdigit():
        rest = list(dropwhile(lambda t: t.text[0].isdigit(), head))
        if rest and rest[0].text[0].isupper():
            head = rest                     # "November 13, 2018\nUS Customs ... tweeted"
    if not any(ch.isalpha() for t in head for ch in t.text) or (
            head[0].text[0].isdigit() and _name_of(head) is None):       # "1:50 p.m., reads"
        # "Mohamed Atta, about the plane he had hijacked on September 11, 2001, told": a
        # number ends the appositive; it never speaks.
        head, others = (others[0], others[1:]) if others else ([], [])
        if not head:
            return None
    if len(head) > 1 and head[-1].low in _DOCUMENTS and _POSSESSIVE_END.search(head[-2].text):
        owner = _capital_run(head[:-1])
        if owner and owner[-1] is head[-2]:
            bare = _strip_titles(owner)             # "the Attorney General's statement"
            titles = all(_clean_possessive(t.low).rstrip(".") in _TITLES for t in owner)
            return _phrase(text, owner if titles or not bare else bare)
    if head[0].low in {"a", "an"} and others:
        # "Schaaf, a Democrat, posted": the indefinite phrase describes the name before it.
        for chunk in others:
            other = _name_of(chunk)
            if other and not _is_title_only(other):
                return _phrase(text, other)
    name = _name_of(head)
    place = None
    if name and not _is_title_only(name):
        if not (others and is_place(_phrase(text, name)[0])):
            return _phrase(text, name)
        place = name       # "Robert McManus, Bishop of Worcester, Massachusetts, said"
    if head[0].low in _PRONOUNS and (len(head) == 1 or (
            len(head) == 2 and head[1].low in _REFLEXIVES)):
        return _phrase(text, head[:1])                      # "He himself said"
    # After a place, the name that opens the phrase: "Robert McManus, Roman Catholic Bishop
    # of Worcester, Massachusetts, said" (the chunks run backwards from the verb).
    for chunk in (reversed(others) if place else others):
        other = _name_of(chunk)
        if other and not _is_title_only(other):
            return _phrase(text, other)
    if place:
        for chunk in (others if text[place[-1].end:place[-1].end + 1] == "," else ()):
            if chunk[0].low in _DETERMINERS or chunk[0].low == "one":
                # "One homework assignment in Walton County, Georgia, stated": the phrase the
                # place's appositive describes, up to its preposition (not "This plan ...,
                # Damascus declared")
                cut = next((i for i, t in enumerate(chunk) if i and t.low in _PREPOSITIONS),
                           len(chunk))
                return _phrase(text, chunk[:cut])
        return _phrase(text, place)                         # "Beijing, meanwhile, said"
    if head[0].text[0].islower() and head[0].low not in _DETERMINERS:
        # "The letters, both dated Tuesday, claim": prefer a phrase that looks like a subject.
        for chunk in others:
            if chunk[0].text[0].isupper() or chunk[0].low in _DETERMINERS:
                head = chunk
                break
    if head[-1].text[0].islower() and head[-1].low.endswith("ed"):
        return None                            # "The document he and Kim signed"
    if len(head) > 8:
        run = _capital_run(head)
        if forward and run and run[-1] is head[-1]:
            return _phrase(text, _strip_titles(run))  # "said Iran's Head of ... Ali Velayati"
        return None
    return _phrase(text, head)


@dataclass
class _Attribution:
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    verb: str | None
    verb_start: int | None
    verb_end: int | None


def _attribution(text: str, speaker, verb_tokens: list[_Token]) -> _Attribution | None:
    if speaker is None:
        return None
    name, s, e = speaker
    vs, ve = verb_tokens[0].start, verb_tokens[-1].end
    verb = " ".join(text[t.start:t.end] for t in verb_tokens)      # as written: "Warns"
    return _Attribution(_tidy(name), s, e, verb, vs, ve)


def _tidy(name: str) -> str:
    name = _clean_possessive(name.strip(" ,;:")).strip(" ,;:")
    return re.sub(r"\s+", " ", name)


def _according(text: str, tokens: list[_Token], k: int) -> _Attribution | None:
    """``according to X`` at ``tokens[k]``; "according to a statement issued by X" gives X."""
    forward = _walk_forward(tokens, k + 2)
    speaker = _issued_by(text, tokens, k + 2, forward) or _choose(text, forward)
    return _attribution(text, speaker, tokens[k:k + 2])


def _issued_by(text: str, tokens: list[_Token], k: int, forward):
    """The author of "a statement (issued) by X", the phrase ``forward`` from ``tokens[k]``."""
    if forward and forward[0][-1].low in _DOCUMENTS:
        j = k + len(forward[0])
        if j < len(tokens) and tokens[j].low.endswith("ed") and tokens[j].text[0].islower():
            j += 1
        if j + 1 < len(tokens) and tokens[j].low == "by":
            return _choose(text, _walk_forward(tokens, j + 1))
    return None


def _after_attribution(text: str, tokens: list[_Token], *, loose: bool) -> _Attribution | None:
    """Attribution right after a quote: ``, X said``, ``, said X``, ``, according to X``."""
    k = 0
    while k < len(tokens) and tokens[k].text in {",", ":", "—", "–", ";", "("}:
        k += 1
    if k >= len(tokens) or tokens[k].text.startswith(_MASK):
        return None
    if tokens[k].low == "according" and k + 1 < len(tokens) and tokens[k + 1].low == "to":
        return _according(text, tokens, k)
    if tokens[k].verb:
        forward = _walk_forward(tokens, k + 1)      # "said Smith", "read a statement by Smith"
        speaker = _issued_by(text, tokens, k + 1, forward) or _choose(text, forward, forward=True)
        return _attribution(text, speaker, [tokens[k]])
    limit = 16 if loose else 5
    for v in range(k + 1, min(len(tokens), k + limit + 1)):
        tok = tokens[v]
        if tok.text.startswith(_MASK) or tok.text in {".", "!", "?", ";"}:
            return None
        if tok.verb:
            if (tokens[v - 1].text == "," and tok.low.endswith("ed") and v + 1 < len(tokens)
                    and tokens[v + 1].low in _PREPOSITIONS
                    and sum(t.text == "," for t in tokens[k:v]) == 1):
                continue                    # '"..." The settlement, confirmed in court
                                            # documents, ...': a participle, not the verb
            if not loose and v + 1 < len(tokens) and (
                    tokens[v + 1].text.startswith(_MASK)
                    or any(t.low == "that" for t in tokens[v + 1:v + 5])):
                return None                 # a new attribution of its own: 'He claimed that',
                                            # 'Mr Cruz told the BBC that'
            if not loose:
                rest = next((j for j in range(v + 1, len(tokens))
                             if tokens[j].text in {".", "!", "?", ";"}), len(tokens))
                if rest - v > 9:
                    return None             # 'Police told Fox News on Thursday they had ...':
                                            # a sentence of its own, not '"...," he said.'
            between = tokens[k:v]
            if any(not (_np_token(t) or t.text == "," or t.low in _SKIP_BEFORE_VERB
                        or t.low in _RELATIVE or t.low in {"of", "for", "at", "from"})
                   for t in between):
                if not loose or any(t.verb for t in between):
                    return None
                # '"...," an official statement released after a meeting said': the phrase
                # the attribution starts with.
                return _attribution(text, _choose(text, _walk_forward(tokens, k)), [tok])
            return _attribution(text, _choose(text, _walk_back(tokens, v)), [tok])
    return None


_INTRO = _PREPOSITIONS | frozenset("""
however meanwhile still later earlier instead then now also but and so yet asked speaking
when while as although though if because since despite thus besides recently
""".split())
_AUXILIARIES = frozenset("""is was were are be been being as by while when after before heard
overheard seen caught filmed recorded""".split())
#: Verbs whose object does the next verb ("prompted Schiff to accuse", "led Roe to say").
_CAUSE_VERBS = frozenset("""prompted prompts led leads forced forces pushed pushes inspired
inspires caused causes""".split())     # not "asked/invited X to describe the 'damage'" (the
                                        # asker's words)
_PASSIVE_AUX = frozenset("was were is are been being".split())
_TO_VERBS = frozenset("""continued continues went goes proceeded proceeds wanted wants tried
tries refused refuses declined declines appeared appears seemed seems chose chooses decided
decides hastened rushed moved went""".split())


def _clause_subject(text: str, tokens: list[_Token]):
    """The subject of a sentence, past a dateline ("VATICAN CITY —") and introductory or
    participial phrases ("By contrast,", "In remarks ..., reported by ...,")."""
    k = 0
    for j, t in enumerate(tokens[:8]):
        if t.text in {"—", "–"} and j and all(x.text.isupper() or x.text == ","
                                              for x in tokens[:j]):
            k = j + 1
    while k < len(tokens) and (tokens[k].low in _INTRO or (
            tokens[k].text[0].islower() and tokens[k].low.endswith(("ed", "ing")))):
        comma = next((j for j in range(k, min(len(tokens), k + 25)) if tokens[j].text == ","),
                     None)
        if comma is None:
            return None
        k = comma + 1
    head: list[_Token] = []
    for tok in tokens[k:]:
        if tok.text == "," or tok.verb or not _np_token(tok):
            break
        if (tok.text[0].islower() and any(t.cap and t.low not in _DETERMINERS
                                           for t in head)
                and tok.low.rstrip(".") not in _TITLES):
            break                                   # "Tommy Robinson criticised ..."
        head.append(tok)
    if not head:
        return None
    after = k + len(head)
    while (after + 1 < len(tokens) and tokens[after].low in {"of", "for", "at"}
           and tokens[after + 1].cap):
        after += 2
        while after < len(tokens) and tokens[after].cap:
            after += 1
    if (after < len(tokens) and tokens[after].text == ","
            and any(t.low.rstrip(".") in _TITLES for t in head)):
        # "County Director of Schools, Chris Marczak, defended": the name in the appositive
        run = []
        for tok in tokens[after + 1:after + 5]:
            if not tok.cap:
                break
            run.append(tok)
        if (len(run) >= 2 and after + 1 + len(run) < len(tokens)
                and tokens[after + 1 + len(run)].text == "," and _given_name(run[0].text)):
            return _choose(text, (run, []))
    if head[0].low in _DETERMINERS and not any(t.cap for t in head[1:]):
        # "the cardinal made it clear": the phrase up to its title or organisation word
        last = max((i for i, t in enumerate(head)
                    if t.low.rstrip(".") in _TITLES or t.low in _ORG_WORDS), default=None)
        if last is None:
            return None
        head = head[:last + 1]
    if head[0].low in _PRONOUNS and len(head) > 1:
        head = head[:1]
    return _choose(text, (head, []))


def _leading_name(text: str, tokens: list[_Token]):
    """"Colm O’Gorman, an Irish abuse survivor who founded ..., commented": the name that
    opens the sentence (after introductory phrases), followed by an appositive."""
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        if tok.low in _INTRO or tok.text[0].islower() or tok.low in _DETERMINERS:
            comma = next((j for j in range(k, min(len(tokens), k + 15))
                          if tokens[j].text == ","), None)
            if comma is None:
                return None
            k = comma + 1
            continue
        run = []
        for t in tokens[k:k + 7]:
            if t.cap or (run and t.low in _PARTICLES):
                run.append(t)
            else:
                break
        if not run or k + len(run) >= len(tokens) or tokens[k + len(run)].text != ",":
            return None
        name = _name_of(run)
        return _phrase(text, name) if name and not _is_title_only(name) else None
    return None


def _is_name(speaker) -> bool:
    """A proper name ("Dong Jun", "WHO"), not a description ("the ministry", "reports")."""
    if not speaker:
        return False
    first = speaker[0].split()[0] if speaker[0].split() else ""
    return first[:1].isupper() and first.lower() not in _DETERMINERS | _PRONOUNS | {"his", "her"}


def _relative_antecedent(text: str, tokens: list[_Token], v: int):
    """"Benedict XVI, who, a month before being elected pope, lamented": the name before
    ", who"; "protests by CRIF, which said": the name before ", which" right before the
    verb."""
    for r in range(v - 1, max(0, v - 25), -1):
        if tokens[r].text in {".", "!", "?", ";", ":"} or tokens[r].text.startswith(_MASK):
            return None
        if (tokens[r].low == "who" or (tokens[r].low == "which" and r == v - 1)) and (
                r >= 2 and tokens[r - 1].text == ","):
            last = r - 2
            if tokens[last].low in {"too", "also"}:
                last -= 1                                  # "Cruz too, who said"
            elif last >= 1 and (tokens[last - 1].low, tokens[last].low) == ("as", "well"):
                last -= 2                                  # "Arroyo spoke with Cruz as well,"
            run = _capital_run(tokens[max(0, last - 5):last + 1])
            if run and run[-1] is tokens[last]:
                name = _name_of(run)
                at = tokens.index(run[0])
                if name and not _is_title_only(name) and not (
                        tokens[r].low == "which" and at and tokens[at - 1].low == "of"):
                    return _phrase(text, name)      # "the mayor of Oakland, which": not
            return None                             # the place
    return None


def _verb_subject(text: str, tokens: list[_Token], v: int):
    """Who does the attribution verb at ``tokens[v]``: the phrase before it, or the
    inverted ", explained the professor," after it, with fallbacks for appositives,
    relative clauses and coordination ("... and said", "... but continued to insist")."""
    if v >= 1 and tokens[v - 1].text == ",":
        forward = _walk_forward(tokens, v + 1)
        end = v + 1 + len(forward[0]) if forward else v + 1
        if (forward and end + 1 < len(tokens) and tokens[end].low == "and"
                and tokens[end + 1].text[0].islower()):
            end += 2                           # ", explained the professor and theologian,"
        if forward and end < len(tokens) and tokens[end].text == ",":
            found = _choose(text, forward, forward=True)
            if found:
                return found                   # ", explained the Italian professor,"
    found = _choose(text, _walk_back(tokens, v))
    if found and _is_name(found):
        return found
    if found and found[0].lower() in _PRONOUNS:
        return found
    if v >= 1 and tokens[v - 1].text == ",":
        better = _leading_name(text, tokens[:v]) or _relative_antecedent(text, tokens, v)
        if better:
            return better
    if found:
        return found
    if v >= 1 and tokens[v - 1].low in {"and", "but"}:
        return _earlier_subject(text, tokens, v - 1)
    return _relative_antecedent(text, tokens, v)


def _earlier_subject(text: str, tokens: list[_Token], v: int):
    """The subject of the clause that ``tokens[v]`` continues ("Lind described the deal
    as ... and said", "the ministry said on Tuesday, describing"): the subject of an
    earlier attribution verb in the sentence, else the sentence's subject."""
    for j in range(v - 1, -1, -1):
        if tokens[j].text.startswith(_MASK) and tokens[j].text.endswith(_QUOTE_END):
            break
        if tokens[j].verb and not tokens[j].low.endswith("ing"):
            found = _verb_subject(text, tokens, j)
            if found:
                return found
    return _clause_subject(text, tokens[:v])


_VIEW_NOUNS = frozenset("eyes view words opinion judgment judgement mind account".split())


_SPEECH_NOUNS = frozenset("""warning warnings remarks comments words statement claim claims
promise assertion insistence argument reply response message tweet speech appeal plea
description""".split())


def _in_view_of(text: str, tokens: list[_Token]) -> _Attribution | None:
    """"It is, in Müller's eyes, the pope's duty "to ...": Müller's; "His warning against
    ... a "battle ..."": his."""
    for k in range(len(tokens) - 1):
        if tokens[k + 1].low in _SPEECH_NOUNS and (
                tokens[k].low in {"his", "her"} or (tokens[k].low.endswith("'s")
                                                   and tokens[k].cap)):
            s, e = tokens[k].start, tokens[k].end
            name = {"his": "he", "her": "she"}.get(tokens[k].low) or _tidy(text[s:e])
            return _Attribution(name, s, e, None, None, None)
    for k in range(len(tokens) - 2):
        if (tokens[k].low == "in" and tokens[k + 2].low in _VIEW_NOUNS
                and tokens[k + 1].low.endswith("'s") and tokens[k + 1].cap):
            s, e = tokens[k + 1].start, tokens[k + 1].end
            return _Attribution(_tidy(text[s:e]), s, e, None, None, None)
    return None


def _before_attribution(text: str, tokens: list[_Token]) -> _Attribution | None:
    """Attribution before a quote in the same sentence: the last verb with a subject."""
    found = _before_verb(text, tokens)
    return found if found is not None else _in_view_of(text, tokens)


def _before_verb(text: str, tokens: list[_Token]) -> _Attribution | None:
    for v in range(len(tokens) - 1, -1, -1):
        tok = tokens[v]
        if tok.low == "according" and v + 1 < len(tokens) and tokens[v + 1].low == "to":
            found = _according(text, tokens, v)
            if found:
                return found
            continue
        if not (tok.verb or (v == 0 and tok.low in {"says", "said", "adds", "added"})):
            continue
        anchor = v
        if tok.low == "saying" and v >= 1 and tokens[v - 1].low == "as":
            quoted = [k for k in range(v - 1, max(-1, v - 15), -1) if tokens[k].low == "quoted"]
            if quoted:
                anchor = quoted[0]
        if anchor + 1 < len(tokens) and tokens[anchor + 1].low == "by":
            # passive: "views stated by both", "described by officials as"
            forward = _walk_forward(tokens, anchor + 2)
            end = anchor + 2 + len(forward[0]) if forward else anchor + 2
            if (forward and end + 1 < len(tokens) and tokens[end].text == ","
                    and not (anchor >= 1 and tokens[anchor - 1].low in _PASSIVE_AUX
                             and tokens[anchor].low != "quoted")):
                continue                # "In remarks ..., reported by the Tagespost, the ..."
                                        # (but "reporters were told by Ann Roe, the ...,")
            found = _attribution(text, _choose(text, forward), [tokens[anchor]])
            if found:
                return found
            continue
        if anchor == v and tok.low.endswith("ing") and v >= 1:
            prev = tokens[v - 1]
            if prev.low == "by" and v >= 2:
                # "He continued by stating that ...": the subject of the clause
                found = _attribution(text, _clause_subject(text, tokens[:v - 1]), [tok])
                if found:
                    return found
            if prev.text == ",":
                # "Pope Francis asked forgiveness ..., admitting that": the sentence's subject
                found = _attribution(text, _earlier_subject(text, tokens, v - 1), [tok])
                if found:
                    return found
            elif (prev.text[0].isalnum() and prev.low not in _AUXILIARIES
                  and not any(t.low == "with" for t in tokens[max(0, v - 6):v])):
                continue                # "reports suggesting that": a modifier, not a speaker
        if anchor >= 1 and tokens[anchor - 1].low == "to":
            # "continued to insist", "went on to say": the subject of the verb before "to"
            j = anchor - 2
            if j >= 0 and tokens[j].low == "on":
                j -= 1
            if j >= 0 and tokens[j].low in _TO_VERBS:
                found = _attribution(text, _verb_subject(text, tokens, j), [tokens[anchor]])
                if found:
                    return found
            else:
                # "prompted Rep. Adam Schiff, the top Democrat ..., to accuse": the object of
                # the verb before is the one who speaks
                for c in range(anchor - 2, max(-1, anchor - 25), -1):
                    if tokens[c].text in {".", "!", "?", ";", ":"} or tokens[c].text[0] == _MASK:
                        break
                    if tokens[c].low in _CAUSE_VERBS and tokens[c].text[0].islower():
                        forward = _walk_forward(tokens, c + 1)
                        found = forward and _attribution(text, _choose(text, forward, forward=True),
                                                         [tokens[anchor]])
                        if found and found.speaker and _is_name((found.speaker, 0, 0)):
                            return found
                        break
            continue
        found = _attribution(text, _verb_subject(text, tokens, anchor), [tokens[anchor]])
        if found:
            return found
        if (anchor + 1 < len(tokens) and tokens[anchor].low in {"said", "says", "added", "told"}
                and (anchor == 0 or tokens[anchor - 1].text in {",", "—", "–"})):
            # "..., said the minister: "
            forward = _walk_forward(tokens, anchor + 1)
            end = anchor + 1 + len(forward[0]) if forward else len(tokens)
            if forward and (end >= len(tokens) or tokens[end].text in {",", ":"}):
                found = _attribution(text, _choose(text, forward), [tokens[anchor]])
                if found:
                    return found
    return None


def _line_end(masked: str, at: int) -> bool:
    """Whether a lower-case abbreviation ending at ``at`` ends its line ("... at 9:30
    a.m.\nAsked about ..."): a sentence end. A capitalised one ("the Rev.\nFernando
    Karadima", a line broken inside a sentence) is not."""
    word = masked[max(0, at - 12):at].rsplit(None, 1)
    return (bool(word) and word[-1][:1].islower() and "\n" in masked[at:at + 8]
            and not masked[at:masked.find("\n", at)].strip())


def _sentence_start(masked: str, lo: int, pos: int) -> int:
    """Start of the sentence holding ``pos`` in the masked paragraph text (looking back at
    most 1,500 characters, so that a huge unsplit paragraph stays linear)."""
    lo = max(lo, pos - 1500)
    start = lo
    for m in _SENTENCE_END.finditer(masked, lo, pos):
        before = masked[lo:m.start()].rsplit(None, 1)
        word = before[-1].lower().rstrip(".") if before else ""
        if (word in NEWS_ABBREVIATIONS or re.fullmatch(r"[a-z]", word)) and not _line_end(
                masked, m.end()):
            continue                    # "9:30 a.m. on Monday", but "... at 9:30 a.m.\nAsked"
        start = m.end()
    return start


def _sentence_end(masked: str, pos: int, hi: int) -> int:
    for m in _SENTENCE_END.finditer(masked, pos, hi):
        before = masked[pos:m.start()].rsplit(None, 1)
        word = before[-1].lower().rstrip(".") if before else ""
        if (word in NEWS_ABBREVIATIONS or re.fullmatch(r"[a-z]", word)) and not _line_end(
                masked, m.end()):
            continue
        return m.end()
    return hi


# --------------------------------------------------------------------------- public API

def find_quotes(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[Quote]:
    """Find the quoted speech in ``text`` with its speaker and attribution verb.

    Parameters
    ----------
    text : str
        The article text.
    paragraphs : list of (int, int), optional
        Paragraph ranges into ``text`` (as :class:`~toolkit.loading.Article` has them); the
        text is split on blank lines when omitted.

    Returns
    -------
    list of Quote
        In reading order, ``text[q.start:q.end] == q.text`` for each.

    Examples
    --------
    >>> text = '"We will not back down," Defense Minister Andrei Belousov said on Monday.'
    >>> [(q.text, q.speaker, q.verb) for q in find_quotes(text)]
    [('We will not back down,', 'Andrei Belousov', 'said')]
    >>> [q.text for q in find_quotes("Don't say the '90s were 'great', the students' union said.")]
    ['great']
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if paragraphs is None:
        from .loading import split_paragraphs

        paragraphs = split_paragraphs(text)
    paragraphs = [(int(s), int(e)) for s, e in paragraphs]
    if not text.strip() or not paragraphs:
        return []
    segments = _outer(_double_segments(text, paragraphs) + _single_segments(text, paragraphs))
    if not segments:
        return []                      # no quotation marks: nothing to attribute
    groups = _group(text, segments)
    masked = _mask(text, segments)
    headline = len(paragraphs) > 1 and _title_case_line(text, *paragraphs[0])
    if headline:
        # "Nigel Farage Warns “We’ll Lose”": a Title Case headline's verbs are verbs.
        lo, hi = paragraphs[0]
        masked = masked[:lo] + re.sub(
            r"[A-Z][a-z]+", lambda m: m.group().lower() if m.group().lower() in _FORM_TO_LEMMA
            else m.group(), masked[lo:hi]) + masked[hi:]
    index = _TokenIndex(masked, paragraphs)     # the paragraphs' tokens, read many times
    tokens_of = index.of_paragraph
    title_line = headline and not text[slice(*paragraphs[0])].rstrip().endswith((".", "!", "?"))
    names = _name_runs(text, tokens_of[1:] if title_line else tokens_of)
    timeline = None                             # built when a pronoun needs resolving
    chain = None                                # the last "he"/"she" resolved, and where
    descriptions = None                         # built when a description needs a name
    quotes: list[Quote] = []
    echoes: dict[int, int] = {}                          # quote index -> group index
    unattributed: list[int] = []                         # groups left without a speaker
    quote_of_group: dict[int, int] = {}
    kinds: list[str | None] = []                         # how each quote got its speaker
    previous: tuple[int, _Attribution, int] | None = None  # (paragraph, attribution, end)
    for g, group in enumerate(groups):
        found = _attribute(text, masked, paragraphs, group, index)
        first, last = group[0], group[-1]
        n_words = sum(len(WORD_RE.findall(text, s.start, s.end)) for s in group)
        if _so_called(text, paragraphs, first):
            continue                                        # so-called "experts"
        echo = None
        in_headline = len(paragraphs) > 1 and first.paragraph == 0
        title_case = _title_case(text, group) and not (in_headline and headline)
        if found is None and (n_words <= 2 or title_case):
            # A headline's short quote whose words a longer quote of the article repeats
            # ("special bond", then "a very special bond," Trump said) is that speaker's;
            # otherwise a scare quote or the title of a work.
            echo = _echo(text, groups, g) if in_headline else None
            if echo is None and (title_case or not _sentence_like(
                    text, paragraphs, first, last)):
                continue
        if n_words <= 2 and found is not None and _label(text, paragraphs, first, found):
            continue                                        # 'over the "sonic attack"'
        if (n_words <= 2 and found is not None and found.verb is None
                and not _sentence_like(text, paragraphs, first, last)):
            continue                    # "Pompeo's remarks ... over an "unusual" ...": a
                                        # possessive is too weak a tie for a short quote
        if (found is None and echo is None and previous is not None
                and previous[0] >= first.paragraph - 1
                and (_standalone(masked, paragraphs, first)
                     or _close_after(masked, previous[2], _para_start(first), index, names,
                                    previous[1].speaker_end))):
            inherited = previous[1]
            found = _Attribution(inherited.speaker, inherited.speaker_start,
                                 inherited.speaker_end, None, None, None)
        if found is None and echo is None:
            found = _colon_intro(text, masked, paragraphs, first, index)
        weak = False
        if (found is None and echo is None and n_words >= 3
                and not (title_line and first.paragraph == 0)):
            # 'Rep. Ann Roe defended him as an "outstanding human being"': no attribution
            # verb, but the words are the subject's (a person's: "he", "she" or a name the
            # article gives a first name or a title)
            found = _subject_words(text, masked, paragraphs, first, index, names)
            weak = found is not None
        if found is not None and found.speaker:
            at = found.speaker_start if found.speaker_start is not None else first.start
            if found.speaker.lower() in _PRONOUNS:
                if timeline is None:
                    timeline = _Timeline(*_named_attributions(text, tokens_of), names, masked)
                pronoun = found.speaker.lower()
                if (chain is not None and chain[0] == pronoun and at > chain[2]
                        and not timeline.anyone_between(chain[2] + 1, at)):
                    found.speaker = chain[1]    # "..., she told Arroyo on World Over. ...,"
                                                # she added": no one else spoke in between
                else:
                    found.speaker = _resolve(found.speaker, found.speaker_start, timeline)
                if pronoun == "they" and found.speaker_start is not None:
                    # "May, Macron and Merkel issued a statement. They said ...": the people
                    # the sentence before opens with
                    found.speaker = _coordinated(masked, paragraphs[first.paragraph][0],
                                                 found.speaker_start, names) or found.speaker
                if pronoun in {"he", "she"} and found.speaker.lower() != pronoun:
                    chain = (pronoun, found.speaker, at)
            found.speaker = _expanded(_normalise(found.speaker, at, names), text)
            described = (found.speaker if found.speaker and found.speaker[:4].lower() == "the "
                         and found.speaker[4:].islower() else None)
            noun = _low(described.rsplit(None, 1)[-1]) if described else None
            if noun in _ORG_NOUNS or noun in _PERSON_NOUNS:
                # "Whataburger told Fox News ... "...," the company said": the body named;
                # "Orban replied: ... the tough-talking politician said": the person
                if timeline is None:
                    timeline = _Timeline(*_named_attributions(text, tokens_of), names, masked)
                named = _organisation_named if noun in _ORG_NOUNS else _person_named
                found.speaker = named(found.speaker, at, timeline)
                if found.speaker == described and noun in _DOCUMENT_NOUNS:
                    # "the paper said" of no outlet the article names: a document
                    found.speaker = _document_owner(described, at, masked, names) or described
            elif found.speaker and _low(found.speaker.rsplit(None, 1)[-1]) in _DOCUMENT_NOUNS:
                # "the statement said": who issued it
                found.speaker = _document_owner(found.speaker, at, masked, names) or found.speaker
            elif found.speaker and (
                    _description_head(found.speaker)
                    or re.fullmatch(r"an? [a-z]+(?: [a-z]+){0,2}", found.speaker)
                    or re.fullmatch(r"(?:[Tt]he )?[A-Z]{2,4}", found.speaker)
                    or (in_headline and _description_head(found.speaker, capitalised=True))):
                # "the Russian ambassador said": the person the article describes so; a
                # headline's "Shooting Victim: ..." likewise
                if descriptions is None:
                    descriptions = _descriptions(text, masked, names)
                found.speaker = _coreferent(found.speaker, found.speaker_end, at, text, masked,
                                            names, descriptions) or found.speaker
        start, end = first.start, last.end
        quote_of_group[g] = len(quotes)
        if echo is not None:
            echoes[len(quotes)] = echo
        if found is None:
            quotes.append(Quote(first.paragraph, start, end, text[start:end]))
            if echo is None:
                unattributed.append(g)
        else:
            quotes.append(Quote(first.paragraph, start, end, text[start:end], found.speaker,
                                found.verb, found.speaker_start, found.speaker_end,
                                found.verb_start, found.verb_end))
            if found.speaker and not weak:
                previous = (last.paragraph, found, last.end)
        kinds.append("weak" if weak else "rule" if found is not None and found.speaker
                     else "echo" if echo is not None else None)
    folded: dict[int, str] = {}
    for g in unattributed:
        # A lede quote that the body repeats with its speaker ('"I didn't agree with their
        # ideology. ..."' at the top, then '"I didn't agree with their ideology," Khweis
        # said'): the same words, the same speaker.
        k = _repeated(text, groups, g, quote_of_group, quotes, folded)
        if k is not None:
            echoes[quote_of_group[g]] = k
    for k, g in echoes.items():
        source = quotes[quote_of_group[g]] if g in quote_of_group else None
        if source is not None and source.speaker:
            quotes[k] = replace(quotes[k], speaker=source.speaker,
                                speaker_start=source.speaker_start,
                                speaker_end=source.speaker_end)
            kinds[k] = "echo"
    quotes = [replace(q, speaker=None, speaker_start=None, speaker_end=None)
              if q.speaker and _not_a_speaker(q.speaker)
              else replace(q, speaker=q.speaker.split()[0])
              if q.speaker and len(set(q.speaker.split())) == 1 < len(q.speaker.split())
              else q                                    # "NASA NASA": the name once
              for q in _neighbours(text, masked, quotes, kinds)]
    if title_line and any(q.paragraph == 0 and not q.speaker for q in quotes):
        # "Senator Lindsey Graham Unleashes Firestorm ... For 'Most Unethical Sham'": a Title
        # Case headline's quote with no speaker is its subject's, a person the body names
        subject = _headline_subject(tokens_of[0], names)
        if subject is not None:
            quotes = [replace(q, speaker=subject[0], speaker_start=subject[1],
                              speaker_end=subject[2])
                      if q.paragraph == 0 and not q.speaker else q for q in quotes]
    return quotes


def _coordinated(masked: str, lo: int, at: int, names: _NameIndex) -> str | None:
    """The people a coordinated subject names at the start of the sentence before ``at``
    ("British Prime Minister Theresa May, French President Emmanuel Macron and German
    Chancellor Angela Merkel issued ..." -> "Theresa May, Emmanuel Macron and Angela
    Merkel"): two or more names of people, each a full name, joined by commas and "and"."""
    start = _sentence_start(masked, lo, at)
    if start <= lo:
        return None
    prev = _sentence_start(masked, lo, start - 1)
    people: list[str] = []
    run: list[_Token] = []
    joined = False
    for tok in _tokens(masked, prev, start) + [None]:
        if tok is not None and tok.cap and not tok.verb:
            run.append(tok)
            continue
        if run:
            inside = [n for n in names.names if run[0].start <= n.pos < run[-1].end]
            words = inside[-1].words if inside else ()
            first = next((i for i, w in enumerate(words) if w in _given_names()), None)
            if first is None or len(words) - first < 2:
                return None                     # not a person's full name
            people.append(" ".join(words[first:]))
            run = []
        if tok is None or tok.text != "," and tok.low != "and":
            break
        joined = joined or tok.low == "and"
    if len(people) < 2 or not joined:
        return None
    return ", ".join(people[:-1]) + " and " + people[-1]


def _headline_subject(tokens: list[_Token], names: _NameIndex):
    """The person a Title Case headline opens with ("President Donald Trump Proposes ..." ->
    Donald Trump, "Trump To Jeff Sessions: ..." -> Donald Trump): the longest run of its
    first capitalised words, titles left off, that the body names as a person (with a
    title, a common first name or a longer form of the name), as ``(name, start, end)``."""
    k = 0
    while k < len(tokens) and tokens[k].low.rstrip(".") in _TITLES:
        k += 1
    run = []
    for tok in tokens[k:k + 4]:
        if not tok.cap or tok.low in _NAME_STOP:
            break
        run.append(tok)
    for n in range(len(run), 0, -1):
        words = tuple(_clean_possessive(t.text) for t in run[:n])
        if not all(words):
            continue
        known = [m for m in names.by_last.get(words[-1], ()) if m.words[-n:] == words]
        if not known:
            continue
        full = _fullest(words, names)
        people = [m for m in known if m.titles or len(m.words) > n
                  or (len(m.words) > 1 and m.words[0] in _given_names())]
        if people and _person(full) and not _organisation(full, names):
            return full, run[0].start, run[n - 1].end
    return None


_UNNAMED = frozenset({"i", "me", "we", "us", "you", "it", "they", "them",
                      "his", "her", "their", "its", "my", "our", "your"})   # "His standard one:"


_NOT_HEADS = frozenset("emphasis italics always never whereupon whereby".split())


def _not_a_speaker(speaker: str) -> bool:
    """A phrase that names no one: a pronoun left unresolved ("I", "it", "They"; a "he" or
    "she" is kept, it tells the reader one person speaks), a banner in capitals ("NEW
    VERITAS: ..."), or words that are not a noun phrase ("aired Thursday morning", "learned
    of their investigation", "apparently", "the man she")."""
    words = speaker.split()
    first, last = _low(words[0]), _low(words[-1])
    if (len(words) == 1 and first in _UNNAMED) or (len(words) > 1 and words[-1] == "I"):
        return True                         # "it"; "the facts I": a clause, not a name
    if len(set(words)) > 1 and all(w.isupper() and len(w) > 1 for w in words):
        return True                         # "NEW VERITAS:", a banner in capitals
    if words[0][:1].islower() and (first.endswith(("ed", "ing", "ly")) or first in _NP_STOP
                                   or first in _PREPOSITIONS or first in _NOT_HEADS):
        return True                         # "(emphasis added)", "always claimed"
    if len(words) > 1 and first in _PRONOUNS and _low(words[1]) not in _REFLEXIVES:
        return True                         # "we got something touted": a clause
    return len(words) > 1 and words[-1][:1].islower() and (
        last in _PRONOUNS or last in _OBJECT_PRONOUNS or last in _NP_STOP
        or last in _PREPOSITIONS or last in _DETERMINERS)


def _line(text: str, at: int) -> tuple[int, int]:
    """The line holding offset ``at``."""
    lo = text.rfind("\n", 0, at) + 1
    hi = text.find("\n", at)
    return lo, (len(text) if hi == -1 else hi)


_JOINERS = frozenset({"", "and", "or", "but", "as well as", "and that", "and then"})


def _neighbours(text: str, masked: str, quotes: list[Quote], kinds: list) -> list[Quote]:
    """A quote without a speaker joined to an attributed quote of its sentence by no more
    than "and", "or", "but" or a comma ('Marx's idea "is wrong" and "ignores the facts,"
    Cordes wrote') is the same speaker's; so is one on the next line that names no one."""
    out = list(quotes)
    for k, q in enumerate(quotes):
        if q.speaker or kinds[k] == "echo":
            continue
        for j in (k + 1, k - 1):
            if not (0 <= j < len(quotes)) or kinds[j] != "rule" or quotes[j].verb is None:
                continue
            a, b = (q, quotes[j]) if j > k else (quotes[j], q)
            between = masked[a.end:b.start].strip(_MASK + _QUOTE_END + " ,;\u2019\u201d\"'")
            if "\n" in text[a.end:b.start] or " ".join(between.split()).lower() not in _JOINERS:
                continue
            src = quotes[j]
            out[k] = replace(q, speaker=src.speaker, speaker_start=src.speaker_start,
                             speaker_end=src.speaker_end)
            break
    for k, q in enumerate(quotes):
        # A quote of four words or more on a line that names no one and has no attribution
        # verb, right after a line where a named person's quote is attributed by a verb,
        # carries on that person's words ('"..., " Marx said.' then 'But "how this would be
        # done" is "another question."')
        if out[k].speaker or kinds[k] == "echo" or len(q.text.split()) < 4:
            continue
        lo, hi = _line(text, q.start)
        if lo == 0:
            continue
        plo, phi = _line(text, lo - 1)
        prev = [j for j in range(k) if plo <= quotes[j].start < phi and kinds[j] == "rule"
                and quotes[j].verb and quotes[j].speaker and _person(quotes[j].speaker)
                and _is_name((quotes[j].speaker, 0, 0))]
        if not prev:
            continue
        words = re.findall(r"[\w’'-]+", masked[lo:hi].replace(_MASK, " "))
        if any(w[:1].isupper() and _low(w) not in _NAME_STOP
               and not (_POSSESSIVE_END.search(w) and is_place(_clean_possessive(w)))
               for w in words) or any(_low(w) in _FORM_TO_LEMMA for w in words):
            continue            # (a place's possessive names no one: "Iran's growing control")
        src = quotes[prev[-1]]
        out[k] = replace(q, speaker=src.speaker, speaker_start=src.speaker_start,
                         speaker_end=src.speaker_end)
    return out


def _fold(words: str) -> str:
    return re.sub(r"\s+", " ", words.replace("’", "'").replace("‘", "'")).strip(" ,.;:!?").lower()


def _group_words(text: str, group: list[_Segment]) -> str:
    """A quote's words, folded (:func:`_fold`), its pieces joined."""
    return _fold(" ".join(text[s.start:s.end] for s in group))


def _words_pattern(phrase: str) -> re.Pattern:
    """Finds ``phrase`` as whole words."""
    return re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")


def _echo(text: str, groups: list[list[_Segment]], g: int) -> int | None:
    """The index of a longer quote that contains the words of the short quote ``groups[g]``."""
    phrase = _group_words(text, groups[g])
    if len(phrase) < 4:
        return None
    pattern = _words_pattern(phrase)
    for k, other in enumerate(groups):
        if k == g:
            continue
        body = _group_words(text, other)
        if len(body.split()) >= 4 and pattern.search(body):
            return k
    return None


_REPEAT_WINDOW = 40     # quotes looked at either side: a lede quote's repeat is in its article


def _repeated(text: str, groups: list[list[_Segment]], g: int, quote_of_group: dict[int, int],
              quotes: list[Quote], folded: dict[int, str]) -> int | None:
    """The group of an attributed quote whose words the quote ``groups[g]`` repeats, or
    which repeats them (one holding the other, six words or more, and elsewhere in the text:
    not a quote nested in the other), among the :data:`_REPEAT_WINDOW` quotes either side (so
    that a long text stays linear). ``folded`` caches each group's folded words."""
    def fold(k: int) -> str:
        if k not in folded:
            folded[k] = _group_words(text, groups[k])
        return folded[k]

    phrase = fold(g)
    lo, hi = groups[g][0].start, groups[g][-1].end
    for k in range(max(0, g - _REPEAT_WINDOW), min(len(groups), g + _REPEAT_WINDOW + 1)):
        if k == g or k not in quote_of_group or not quotes[quote_of_group[k]].speaker:
            continue
        other = groups[k]
        if other[0].start < hi and lo < other[-1].end:
            continue
        shorter, longer = sorted((phrase, fold(k)), key=len)
        if (len(shorter.split()) >= 6 and shorter in longer
                and _words_pattern(shorter).search(longer)):
            return k
    return None


def _label(text: str, paragraphs, first: _Segment, found: _Attribution) -> bool:
    """A short quote used as a name for something ("the 'sonic attack'"), not as speech:
    after "the", with a verb that does not take a label ("called it the 'farce'")."""
    lo, _ = paragraphs[first.paragraph]
    opening = first.open_mark if first.open_mark is not None else first.start
    before = text[max(lo, opening - 8):opening].split()
    lemma = _FORM_TO_LEMMA.get((found.verb or "").lower())
    if before and _POSSESSIVE_END.search(before[-1]) and found.speaker_start is not None \
            and found.speaker_start > opening:
        return True         # 'Obama's "pastor," Jeremiah Wright uttered': a label of the name
    return (bool(before) and before[-1].lower() == "the"
            and lemma not in {"call", "brand", "label", "dub", "term", "describe"})


def _so_called(text: str, paragraphs, first: _Segment) -> bool:
    lo, _ = paragraphs[first.paragraph]
    opening = first.open_mark if first.open_mark is not None else first.start
    return bool(re.search(r"\bso[- ]called\s*$", text[max(lo, opening - 12):opening], re.I))


def _title_case(text: str, group: list[_Segment]) -> bool:
    """A title of a work or event: nearly every word capitalised."""
    words = [w for s in group for w in WORD_RE.findall(text, s.start, s.end)]
    long = [w for w in words if len(w) > 3]
    return len(words) >= 2 and bool(long) and sum(w[0].isupper() for w in long) >= 0.8 * len(long)


def _close_after(masked: str, end: int, opening: int, index: _TokenIndex,
                 names: _NameIndex, speaker_end: int | None = None) -> bool:
    """A partial quote in the sentence right after a speaker's quote ('... isn't real.” And
    her lawyer is “even loonier.”'): the same speaker's, when no one else is named between
    ('... never get it.” Sen. Orrin Hatch attacked Democrats for the “circus ...”' is not)."""
    between = masked[end:opening]
    return (len(between) <= 120 and _MASK not in between
            and not any(t.verb for t in index.between(end, opening))
            and not any(not is_place(" ".join(n.words))        # a place is not a person
                        for n in names.before(opening, opening - max(end, speaker_end or 0))))


def _title_case_line(text: str, lo: int, hi: int) -> bool:
    """A headline in Title Case: nearly every word of four letters or more capitalised."""
    long = [w for w in WORD_RE.findall(text, lo, hi) if len(w) > 3]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.8 * len(long)


def _standalone(masked: str, paragraphs, first: _Segment) -> bool:
    """A quote that starts its sentence (so it can carry on the previous speaker's words)."""
    lo, _ = paragraphs[first.paragraph]
    opening = first.open_mark if first.open_mark is not None else first.start
    return not masked[_sentence_start(masked, lo, opening):opening].strip()


def _sentence_like(text: str, paragraphs, first: _Segment, last: _Segment) -> bool:
    """A quote that is a sentence of its own ("We lost."), not a phrase in one."""
    content = text[last.start:last.end].rstrip()
    if content.endswith((".", "!", "?", "…")):
        return True
    lo, _ = paragraphs[first.paragraph]
    opening = first.open_mark if first.open_mark is not None else first.start
    return not text[lo:opening].strip()


def _group(text: str, segments: list[_Segment]) -> list[list[_Segment]]:
    """Chain the pieces of a quote that runs over several paragraphs (or lines)."""
    groups: list[list[_Segment]] = []
    for seg in segments:
        prev = groups[-1][-1] if groups else None
        if (prev is not None and prev.continues and prev.kind == seg.kind and (
                (seg.paragraph == prev.paragraph + 1
                 and (seg.open_mark is None or seg.open_mark == _para_start(seg)))
                or (seg.paragraph == prev.paragraph and seg.open_mark is not None
                    and not text[prev.end:seg.open_mark].strip()))):
            groups[-1].append(seg)
        else:
            groups.append([seg])
    return groups


def _para_start(seg: _Segment) -> int:
    return seg.open_mark if seg.open_mark is not None else seg.start


def _mask(text: str, segments: list[_Segment]) -> str:
    chars = list(text)
    for seg in segments:
        lo = seg.open_mark if seg.open_mark is not None else seg.start
        hi = seg.close_mark + 1 if seg.close_mark is not None else seg.end
        chars[lo:hi] = _MASK * (hi - lo)
        if hi - lo > 1 and text[seg.start:seg.end].rstrip().endswith((".", "!", "?", "…")):
            chars[hi - 1] = _QUOTE_END          # the quote ends its sentence
    return "".join(chars)


_EDITED_END = re.compile(r"\[([,.?!])\]$")         # a mark the editor added: "...him[,]"


def _attribute(text: str, masked: str, paragraphs, group: list[_Segment], index: _TokenIndex
               ) -> _Attribution | None:
    first, last = group[0], group[-1]
    according = tight = None
    # 1. right after the closing mark of any piece ("...," he said. "More...")
    for seg in group:
        lo, hi = paragraphs[seg.paragraph]
        after = seg.close_mark + 1 if seg.close_mark is not None else seg.end
        end = _sentence_end(masked, after, hi)
        mask_at = masked.find(_MASK, after, end)
        if mask_at != -1:
            end = mask_at + 1
        content = _EDITED_END.sub(r"\1", text[seg.start:seg.end].rstrip())   # "him[,]"
        loose = bool(content) and content[-1] in ",?!—–-:"
        found = _after_attribution(text, index.between(after, end), loose=loose)
        if found and found.verb == "according to":
            according = according or found
        elif found and not loose and content[-1:] in ".!?…":
            # '... days." He claimed that ...' may start a new sentence: an attribution
            # before the quote ('X said that "...days."') comes first. A line break after
            # such a quote ends it: '...radar."\nArticle posted with permission' is not
            # an attribution.
            if "\n" not in text[after:(found.speaker_start or end)]:
                tight = tight or found
        elif found and content[-1:] in "?!" and "\n" in text[after:(found.speaker_start
                                                                     or end)]:
            continue        # '...make a stand?"' then a new line: its sentence is over
        elif found:
            return found
    # 2. before the opening mark, in the same sentence
    lo, hi = paragraphs[first.paragraph]
    opening = first.open_mark if first.open_mark is not None else first.start
    head = max(lo, opening - 40)
    label = _LABEL.search(masked, head, opening)
    start = _sentence_start(masked, lo, opening)
    found = _before_attribution(text, index.between(start, opening))
    if label and (label.start(1) == lo or label.start(1) > head) and not (
            found and found.speaker
            and found.speaker.split()[-1].lower() == label.group(1).lower()):
        # a transcript's label opening the quote's line ("ESERMAN: "...) names who speaks
        # (the line before, "Smith says:", keeps its verb when it names the same person)
        return _Attribution(label.group(1), label.start(1), label.end(1), None, None, None)
    if found:
        return found
    if tight:
        return tight
    found = _sentence_final(text, masked, paragraphs, last, index)
    if found:
        return found
    if according and according.speaker.split()[-1].lower() in _DOCUMENTS:
        # "The bureau blamed ... 'weak demand,' according to a statement": the bureau's.
        subject = _subject(text, index.between(start, opening))
        if subject:
            name, s, e = subject
            return _Attribution(_tidy(name), s, e, according.verb, according.verb_start,
                                according.verb_end)
    if according:
        return according
    # 3. "according to X" later in the closing sentence
    lo, hi = paragraphs[last.paragraph]
    after = last.close_mark + 1 if last.close_mark is not None else last.end
    tokens = index.between(after, _sentence_end(masked, after, hi))
    for k in range(len(tokens) - 1):
        if tokens[k].low == "according" and tokens[k + 1].low == "to":
            found = _according(text, tokens, k)
            if found:
                return found
    return None


def _sentence_final(text: str, masked: str, paragraphs, seg: _Segment, index: _TokenIndex
                    ) -> _Attribution | None:
    """'... "a variety of symptoms" starting in late 2017, Nauert said.': the attribution
    closing the quote's sentence after a comma."""
    lo, hi = paragraphs[seg.paragraph]
    after = seg.close_mark + 1 if seg.close_mark is not None else seg.end
    end = _sentence_end(masked, after, hi)
    later = masked.rfind(_MASK, after, end)
    if later != -1:
        # '"rampant confusion," will spread "a plague" ..., and is "alien" to ..., the three
        # bishops said in the profession.': the tail after the sentence's last quote
        tail = masked[after:later]
        if "\n" in tail or len(tail) > 300:
            return None
        after = later + 1
    tokens = index.between(after, end)
    if (tokens and text[seg.start:seg.end].rstrip()[-1:] in ".!?…"
            and "\n" in text[after:tokens[0].start]):
        return None                 # '...tomorrow."' then a new line: its sentence is over
    commas = [k for k, t in enumerate(tokens) if t.text == ","]
    if not commas or not tokens or tokens[-1].text not in {".", "!", "?"}:
        return None
    tail = tokens[commas[-1]:]
    if len(tail) > 12:
        return None
    return _after_attribution(text, tail, loose=True)


_LABEL = re.compile(r"(?:^|\n)[ \t]*([A-Z][A-Z’'-]{2,}):\s*\Z")    # "ESERMAN:" opening a line


def _colon_intro(text: str, masked: str, paragraphs, seg: _Segment, index: _TokenIndex
                 ) -> _Attribution | None:
    """``X said:`` ending the sentence or paragraph before a quote."""
    lo, hi = paragraphs[seg.paragraph]
    opening = seg.open_mark if seg.open_mark is not None else seg.start
    before = masked[lo:opening].rstrip()
    if not before and seg.paragraph > 0:
        plo, phi = paragraphs[seg.paragraph - 1]
        before_text = masked[plo:phi].rstrip()
        if not before_text.endswith((".", ":", "!", "?", "…", _QUOTE_END)):
            return None                 # a heading ("Virginia: Muslim gets 20 years ...,
                                        # says ..."), not a sentence leading into the quote
        start = _sentence_start(masked, plo, phi - 1)
        found = _before_attribution(text, index.between(start, phi))
        if found and not before_text.endswith(":"):
            # 'Mercer said his members had no choice.' then a quote paragraph: his words,
            # but the verb introduces the reported speech, not the quote.
            found.verb = found.verb_start = found.verb_end = None
        return found
    if before.endswith(":"):
        start = _sentence_start(masked, lo, lo + len(before) - 1)
        tokens = index.between(start, lo + len(before))
        found = _before_attribution(text, tokens)
        if found is None:
            # "..., the cardinal made it clear what he thinks: "...": the sentence's subject
            subject = _clause_subject(text, tokens)
            if subject and subject[0].split()[0].lower() not in _PRONOUNS | {"it", "this"}:
                return _Attribution(_tidy(subject[0]), subject[1], subject[2], None, None, None)
        return found
    return None


def _subject_words(text: str, masked: str, paragraphs, seg: _Segment, index: _TokenIndex,
                   names: _NameIndex) -> _Attribution | None:
    """A quote inside a sentence with no attribution verb: the sentence's subject, when it
    is a name or "he"/"she" ('Davis defended Farrakhan as an "outstanding human being"')."""
    lo, hi = paragraphs[seg.paragraph]
    opening = seg.open_mark if seg.open_mark is not None else seg.start
    start = _sentence_start(masked, lo, opening)
    tokens = index.between(start, opening)
    if len(tokens) < 3 or any(t.text.startswith(_MASK) for t in tokens):
        return None
    if tokens[-1].low in {"titled", "entitled"} or [t.low for t in tokens[-2:]] == ["author", "of"]:
        return None                     # "X is the author of "The Greatest Comeback"": a title
    subject = _clause_subject(text, tokens)
    if subject is None:
        return None
    name = _tidy(subject[0])
    if name.lower() not in {"he", "she"}:
        words = _fullest(tuple(name.split()), names).split()
        if not (_is_name(subject) and words and (
                (len(words) > 1 and words[0] in _given_names())
                or names.titles_of.get(words[-1]))):
            return None
    return _Attribution(name, subject[1], subject[2], None, None, None)


def _named_attributions(text: str, tokens_of: list[list[_Token]]) -> tuple[list, list]:
    """Who speaks where: ``(offset, speaker)`` for every attribution in the article (quotes
    and reported speech), and ``(offset, name)`` for every title+name mention.

    ``tokens_of`` holds the tokens of each paragraph of the masked text."""
    speakers, mentions, subjects = [], [], []
    proper = set()                   # capitalised words seen mid-sentence: names, not "Then"
    for tokens in tokens_of:
        for prev, tok in zip(tokens, tokens[1:]):
            if tok.cap and prev.text not in {".", "!", "?", ":"} and prev.text[0] != _MASK:
                proper.add(tok.text)
    for tokens in tokens_of:
        sentence_start = after_intro = 0
        for v, tok in enumerate(tokens):
            if tok.text in {".", "!", "?", ";"} or tok.text.startswith(_MASK):
                sentence_start = v + 1
            if v == sentence_start and tok.low in _INTRO:
                # "In court, Bacon badgered Hadeed.": the subject after a short opening phrase
                comma = next((j for j in range(v + 1, min(len(tokens), v + 6))
                              if tokens[j].text in {",", ".", "!", "?", ";"}), None)
                if comma is not None and tokens[comma].text == ",":
                    after_intro = comma + 1
            if (v == sentence_start or (v == after_intro and v > sentence_start)) and tok.cap:
                # The run that opens the sentence ("Jean-Clément Jeanbart, the Melkite ...":
                # not the last run of the next five words, "Melkite").
                lead: list[_Token] = []
                for t in tokens[v:v + 5]:
                    if not (t.cap or (lead and t.low in _PARTICLES)):
                        break
                    lead.append(t)
                run = _capital_run(lead)
                if ((len(run) >= 2 or (run and run[0].text in proper)) and run[0] is tok
                        and tok.low not in _NP_STOP and tok.low not in _INTRO
                        and tok.low not in _DETERMINERS and not run[-1].low.endswith("s")
                        and v + len(run) < len(tokens)
                        and (tokens[v + len(run)].text == ","
                             or tokens[v + len(run)].text[0].islower())):
                    name = _name_of(run)
                    if name:
                        subjects.append((tok.start, _phrase(text, name)[0]))
            if (v == sentence_start and tok.low == "the" and v + 2 < len(tokens)
                    and tokens[v + 1].low.rstrip(".") in _TITLES
                    and tokens[v + 2].text[0].islower()):
                subjects.append((tok.start, _phrase(text, tokens[v:v + 2])[0]))   # "The pope"
            if tok.verb:
                prev = tokens[v - 1] if v else None
                if (tok.low.endswith("ing") and prev is not None and prev.text[0].isalnum()
                        and prev.low not in _AUXILIARIES):
                    continue                        # "reports suggesting": not a speaker
                clause = tokens[sentence_start:]
                if tok.low.endswith("ing") and prev is not None and prev.text == ",":
                    # "... criticized it and Soros, calling Soros a": the clause's subject,
                    # as for a quote (_before_verb), not the object before the comma
                    speaker = _earlier_subject(text, clause, v - sentence_start - 1)
                else:
                    speaker = _verb_subject(text, clause, v - sentence_start)
                if speaker is None and v >= 1 and tokens[v - 1].low == "and":
                    # "Robinson criticised the decision and said": the sentence's subject.
                    speaker = _subject(text, tokens[sentence_start:v])
                if speaker is None and not tok.low.endswith("ing") and (
                        v == 0 or tokens[v - 1].text == "," or tokens[v - 1].text.startswith(_MASK)):
                    # ', said Lopez'; not ', calling Soros a "public enemy"' (a participle's
                    # object is not its subject)
                    speaker = _choose(text, _walk_forward(tokens, v + 1), forward=True)

                if (speaker and speaker[0].lower() not in _PRONOUNS
                        and not _not_a_speaker(_tidy(speaker[0]) or "it")):
                    # (not a phrase that names no one: "aired Thursday morning" is no one a
                    # later "he" can refer to)
                    speakers.append((tok.start, _tidy(speaker[0])))
            elif tok.low.rstrip(".") in _TITLES and tok.text[0].isupper():
                run = []
                for nxt in tokens[v + 1:v + 4]:
                    if nxt.cap and nxt.low.rstrip(".") not in _TITLES:
                        run.append(nxt)
                    else:
                        break
                if run and not run[-1].low.endswith(("'s", "’s")):
                    mentions.append((tok.start, _phrase(text, run)[0]))
    return sorted(speakers), sorted(mentions), sorted(subjects)


def _subject(text: str, tokens: list[_Token]):
    """The noun phrase a sentence starts with, up to its first comma or verb."""
    head: list[_Token] = []
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

    def __init__(self, names: list[_Name]):
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

    masked = ""                                 # the article's masked text (set by _Timeline)

    def pronoun_gender(self, last: str) -> str | None:
        """"m" or "f" when the article's own pronouns tell, and agree: a reflexive within a
        few words after the name ("forcing Omar to defend herself"; not after a preposition,
        "replace Gilani with himself"), or "his" right after it or after its verb ("Gilmore
        and his", "Gilmore said his")."""
        cues = self.__dict__.get("_cues")
        if cues is None:
            # one pass over the article: the words before each cue, read back from it
            cues = self._cues = {}
            for m in _GENDER_CUE.finditer(self.masked):
                cue = m.group().lower()
                before = self.masked[max(0, m.start() - 80):m.start()].split()
                if cue == "his":
                    near = before[-2:]
                elif not before or _low(before[-1]) in _PREPOSITIONS:
                    continue
                else:
                    near = before[-4:]
                for word in near:
                    cues.setdefault(_clean_possessive(word.strip(",")), set()).add(cue)
        said = cues.get(last, ())
        male, female = bool({"himself", "his"} & set(said)), "herself" in said
        return "m" if male and not female else "f" if female and not male else None

    def before(self, at: int, window: int) -> list[_Name]:
        """The names mentioned in ``[at - window, at)``."""
        return self.names[bisect_left(self.positions, at - window):
                          bisect_left(self.positions, at)]


_NAME_STOP = _NP_STOP | _INTRO | _DETERMINERS | {"his", "her", "their", "its", "our", "my"}


def _name_runs(text: str, tokens_of: list[list[_Token]]) -> _NameIndex:
    """Every capitalised name outside quotes: "Former Vatican doctrine chief Cardinal Gerhard
    Ludwig Müller" gives Gerhard Ludwig Müller with the title "cardinal" (``tokens_of``: the
    tokens of each paragraph of the masked text; a Title Case headline is left out, since
    "Pope Francis Denounces ..." would make "Francis Denounces" the fullest form of
    "Francis")."""
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
            while run and run[0].low in _NAME_STOP:
                run = run[1:]
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
    return _NameIndex(out)


def _gender(name: str, names: _NameIndex) -> str | None:
    """"m", "f" or None, from the titles the article gives the name ("Ms", "Cardinal")."""
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
    return names.pronoun_gender(words[-1])


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
        names.masked = masked                   # for the pronouns' gender cues

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


def _ORG_WORD_IN(name: str) -> bool:
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
        lo = max(masked.rfind("\n", 0, max(0, masked.rfind("\n", 0, at))), 0)
        bodies = [" ".join(m.words) for m in names.before(at, at - lo)]
        bodies = [b for b in bodies if _ORG_WORD_IN(b) and _organisation(b, names)]
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
        if (len(m.words) > 1 and _person(name) and fits(name)
                and not any(w.lower() in _ORG_WORDS for w in m.words)):
            return name

    def fitting_person(item):
        return _person(item[1]) and fits(item[1]) and not _many(item[1])

    last = _first(timeline.latest(timeline.people, timeline.people_pos, at, fitting_person))
    if want == "f":
        # "she": a woman the article names as one, else the most recent person of unknown
        # gender, a plain mention included ("... shows Marie Collins ... ," she told AP).
        plain = [(m.pos, " ".join(m.words)) for m in names.before(at, 3000)
                 if len(m.words) > 1 and _person(" ".join(m.words)) and "of" not in m.words
                 and not any(w.lower() in _ORG_WORDS for w in m.words)]
        plain = [p for p in plain if fits(p[1])]
        recent = timeline.latest(timeline.people, timeline.people_pos, at, fitting_person,
                                 since=at - 3000 + 1)
        known = [p for p in [*recent, *plain]
                 if p[0] > at - 3000 and _gender(p[1], names) == "f"]
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
    plain = [" ".join(m.words) for m in names.before(at, 3000)
             if len(m.words) > 1 and "of" not in m.words
             and not any(w.lower() in _ORG_WORDS for w in m.words)]
    plain = [p for p in plain if _person(p) and fits(p)]
    return plain[-1] if plain else pronoun


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
                                       or low in _FORM_TO_LEMMA or low.endswith("ly"))):
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
_DOCUMENT_WINDOW = 8000   # how far back (characters) a document looks for its author


@lru_cache(maxsize=64)
def _owner_patterns(noun: str) -> tuple[re.Pattern, ...]:
    # a report, an article or a story may be called any of these later ("A 2009 article in
    # the Pakistani publication Dawn ... the report said")
    doc = "(?:" + "|".join(sorted(_WRITES)) + ")" if noun in _WRITES else re.escape(noun)
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
    if _POSSESSIVE_END.search(words[0]) and words[0][:1].isupper() and words[0].lower() != "the":
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
    return not (len(words) > 1 and " and " in f" {name} ")


def quote_regions(quotes) -> list[tuple[int, int]]:
    """The ``(start, end)`` ranges in quote voice, sorted and merged."""
    merged: list[tuple[int, int]] = []
    for q in sorted(quotes, key=lambda q: q.start):
        if merged and q.start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], q.end))
        else:
            merged.append((q.start, q.end))
    return merged


def voice_at(quotes, offset: int) -> str:
    """``"quote"`` when ``offset`` lies inside a quote, else ``"author"``.

    ``quotes`` is what :func:`find_quotes` returned, or ranges from :func:`quote_regions`.

    Examples
    --------
    >>> text = 'He said "no way" today.'
    >>> quotes = find_quotes(text)
    >>> voice_at(quotes, text.index("way")), voice_at(quotes, text.index("today"))
    ('quote', 'author')
    """
    regions = quotes if quotes and isinstance(quotes[0], tuple) else quote_regions(quotes)
    i = bisect_right([s for s, _ in regions], offset) - 1
    return "quote" if i >= 0 and offset < regions[i][1] else "author"


def quotes_frame(quotes):
    """The tidy ``quotes`` table: ``paragraph, start, end, text, speaker, verb``."""
    from .tables import table

    # Column by column from the quotes (no row dicts). Text columns are object columns;
    # among strings a missing speaker or verb is NaN, not None (as inferring a string column
    # and casting it to object gives).
    columns = {}
    for c in QUOTE_COLUMNS:
        values = [getattr(q, c) for q in quotes]
        if c not in _QUOTE_NUMBERS and any(isinstance(v, str) for v in values):
            values = [float("nan") if v is None else v for v in values]
        columns[c] = values
    return table(columns, dtypes=_QUOTE_DTYPES, length=len(quotes))


_QUOTE_NUMBERS = ("paragraph", "start", "end")
_QUOTE_DTYPES = {c: "int64" if c in _QUOTE_NUMBERS else "object" for c in QUOTE_COLUMNS}


def report_verb_spans(text: str, quotes, *, existing=(),
                      loaded: frozenset[str] = LOADED_REPORT_VERBS) -> list[Span]:
    """Author-voice ``report_verb`` spans for quotes attributed with a loaded verb.

    A span is made only where ``existing`` (for example the cue lexicon's spans) has no
    ``report_verb`` span at the same place.

    Examples
    --------
    >>> text = '"It was a mistake," the minister admitted.'
    >>> [(s.text, s.category, s.voice) for s in report_verb_spans(text, find_quotes(text))]
    [('admitted', 'report_verb', 'author')]
    """
    have = {(s.start, s.end) for s in existing if s.category == "report_verb"}
    out = []
    for q in quotes:
        if q.verb_start is None or q.verb is None:
            continue
        lemma = _FORM_TO_LEMMA.get(q.verb.lower())
        if lemma in loaded and (q.verb_start, q.verb_end) not in have:
            out.append(Span(q.verb_start, q.verb_end, text[q.verb_start:q.verb_end],
                            "report_verb", 1.0, "voice", "author"))
            have.add((q.verb_start, q.verb_end))
    return out

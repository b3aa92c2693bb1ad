"""Who speaks a quote, read from the grammar of its sentence (:mod:`toolkit.parsing`).

The word-order rules of :mod:`toolkit.attribution` find a speaker next to its quote ("...,"
X said). Where they find none, the speaker is often the grammatical subject of the speech
verb that governs the quote, some words away: "McMaster went so far as to claim that devout
jihadis were "irreligious."", "K.T. McFarland had written that "Global Islamist jihad is at
war ..."". :func:`governing_speakers` parses each such quote's sentence up to a few of the
quote's own words (:func:`context_window`) and walks the dependency tree up from the quote
to the first speech verb outside it (not past a noun outside it: 'an inquiry about "..."'
holds the inquirer's words), then takes:

- the verb's subject ("McMaster ... claim": the subject of the verb it completes);
- for a speech verb that modifies a noun ("an Obama spokeswoman claiming that"), the noun;
- for a passive verb, the ``by`` agent ("was described by Smith as"), never its subject
  ("Cain is told, "..."");
- for "they" in a clause hanging on a verb whose subject is coordinated names ("A and B
  summed it up when they wrote"), those names;
- for "according to X", X;
- for "quote" or "cite" with a name as its object, that name, the source ("To quote Cajetan
  again: "...""; not "cited X as "..."").

Where no speech verb governs the quote, the subject of the first reporting verb up from it
(:data:`_REPORTING`: referring, regarding, praising, believing; "Farrakhan repeatedly refers
to Jews as "Satan.""), or for a quote after a colon the subject of the main verb before the
colon (not a copula), when that subject is a name (:func:`_reporting_subject`).

It returns the phrase's offsets in the text; :mod:`toolkit.voice` resolves pronouns and
surnames the way its rules do and drops answers that name no one.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate

from .attribution import FORM_TO_LEMMA
from .parsing import parse, parser

__all__ = ["Governing", "governing_speakers", "context_window", "speech_between",
           "finite_clauses", "named_in_sentence"]

#: Speech verbs besides the rules' attribution verbs (:data:`~toolkit.attribution.FORM_TO_LEMMA`),
#: as lemmas; their forms are found by :func:`_lemma`.
_MORE_SPEECH = frozenset("""say tell write state claim add note insist argue explain declare
announce ask answer reply respond warn admit call describe testify tweet post assert suggest
brag boast complain allege report conclude quip joke acknowledge deny confirm predict promise
vow urge recall remark observe comment proclaim maintain contend label dub term cite quote
tout praise blast slam accuse charge demand scream shout yell cry whisper mutter exclaim
lament concede caution emphasize emphasise stress opine pronounce rule decide order instruct
advise recommend propose threaten pledge swear reveal disclose confess characterize
characterise dismiss denounce condemn criticize criticise defend apologize apologise preach
teach lecture inform read put""".split())
#: Verbs that report what someone says, thinks or holds, beyond the speech verbs, as lemmas:
#: Levin's (1993) classes of communication (37: "refer", "talk", "preach", "email"), of
#: judgment (33: "praise", "condemn", "mock"; with "accuse" and "charge"), of characterising
#: and naming (29.2, 29.3: "portray", "regard", "name"), and of declaring and conjecturing
#: (29.4, 29.5: "consider", "believe", "expect"). Not chosen from the case files' errors;
#: "remind" (37.9) is left out, its "reminds us of" mostly a likeness.
_REPORTING = frozenset("""refer talk speak preach dictate relate repeat mention convey
articulate confide email text phone radio wire broadcast publish print sing chant pray
bellow cry groan growl holler howl moan mumble murmur scream shriek snap snarl sneer sigh
rant rave grumble grouse whine gripe scoff fume gush gloat crow
advise alert assure counsel instruct notify
praise acclaim applaud commend compliment congratulate hail laud salute thank honor honour
blame castigate censure chastise criticize criticise condemn denounce deride disparage
excoriate fault insult mock ridicule rebuke reprimand reproach scold lambaste lambast
slam blast attack accuse charge
characterize characterise define depict portray paint regard view represent identify
classify describe cite quote
call dub label term brand name nickname style
declare deem judge proclaim profess pronounce consider
believe think suppose expect fear hope feel suspect assume imagine reckon guess conjecture
presume trust wonder doubt
ask inquire enquire question query""".split())
#: Irregular forms of :data:`_MORE_SPEECH` verbs that the rules' forms do not hold.
_IRREGULAR = {"written": "write", "swore": "swear", "sworn": "swear", "taught": "teach"}
#: Irregular forms of :data:`_REPORTING` verbs.
_IRREGULAR_REPORTING = {"thought": "think", "felt": "feel", "spoke": "speak",
                        "spoken": "speak", "sang": "sing", "sung": "sing"}
#: Dependents kept in a subject's phrase, to its left ("Defense Minister Andrei Belousov",
#: "an Obama spokeswoman").
_PHRASE_DEPS = frozenset({"compound", "det", "amod", "poss", "flat", "nmod", "nummod"})
_QUOTE_MARKS = "\"“”‘’'«»"


@dataclass(frozen=True, slots=True)
class Governing:
    """The phrase a parse names as a quote's speaker: ``text[start:end]``; ``verb``, the
    verb it is the subject of, as a speech verb's lemma, else lower-cased ("went" in
    "went so far as to claim", "according"); ``relative``, the noun phrase a relative
    pronoun ("who", "which", "that") or "they" stands for, as ``(start, end)``, or None."""

    start: int
    end: int
    verb: str
    relative: tuple[int, int] | None = None


def _lemma(word: str) -> str | None:
    """The speech verb ``word`` is a form of, or None."""
    w = word.lower()
    if w in FORM_TO_LEMMA:
        return FORM_TO_LEMMA[w]
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    return _stem(w, _MORE_SPEECH)


def _reporting_lemma(word: str) -> str | None:
    """The speech or reporting verb (:data:`_REPORTING`) ``word`` is a form of, or None."""
    w = word.lower()
    return _lemma(w) or _IRREGULAR_REPORTING.get(w) or _stem(w, _REPORTING)


def _stem(w: str, lemmas: frozenset) -> str | None:
    """The lemma of ``lemmas`` that the lower-case ``w`` is a regular form of, or None."""
    if w in lemmas:
        return w
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""),
                         ("ed", "e"), ("es", ""), ("s", ""), ("d", "")):
        if w.endswith(suffix) and w[:-len(suffix)] + repl in lemmas:
            return w[:-len(suffix)] + repl
    if re.search(r"(.)\1(?:ed|ing)$", w) and w[:-4 if w.endswith("ing") else -3] in lemmas:
        return w[:-4 if w.endswith("ing") else -3]          # "slammed"
    return None


def _verb(token) -> bool:
    return token.tag_.startswith("VB")


def _noun(token) -> bool:
    return token.tag_.startswith("NN")


def _proper(token) -> bool:
    return token.tag_ in ("NNP", "NNPS")


def _speech(token) -> bool:
    return _verb(token) and _lemma(token.text) is not None


def _phrase(token) -> tuple[int, int]:
    """The character range of the noun phrase headed by ``token``, up to the head: a name's
    run of proper nouns ("Defense Minister Andrei Belousov", not "widow Bushra Bibi"), or
    a noun's left modifiers ("the president's spokesman"), not what follows it."""
    doc = token.doc
    if _proper(token):
        left = token
        while left.i > 0 and _proper(doc[left.i - 1]) and \
                doc[left.i - 1].dep_ in ("compound", "flat") and doc[left.i - 1].text[:1].isupper():
            left = doc[left.i - 1]
    else:
        left = min((c.left_edge for c in token.lefts if c.dep_ in _PHRASE_DEPS),
                   key=lambda t: t.i, default=token)
    while left.i < token.i and (left.is_punct or left.is_space or left.text in _QUOTE_MARKS):
        left = doc[left.i + 1]
    return left.idx, token.idx + len(token.text)


def context_window(text: str, start: int, end: int, *, reach: int = 300,
                   inside: int = 6) -> tuple[int, int] | None:
    """The part of ``text`` parsed for the quote at ``[start, end)``: from the start of its
    sentence (on its line, at most ``reach`` characters before the quote) to ``inside``
    words into the quote (at most 200 characters: a quoted blob of a million characters
    with no space is longer than spaCy parses); None when the sentence starts further back
    (a parse of a sentence cut in the middle names the wrong subjects)."""
    line = text.rfind("\n", 0, start) + 1
    lo = line
    for m in _SENTENCE_END.finditer(text, max(line, start - reach - 3), start):
        lo = m.end()
    if lo < start - reach:
        return None
    hi = start
    for _ in range(inside):
        nxt = _NEXT_WORD.match(text, hi)
        if nxt is None or nxt.end() > end:
            hi = end
            break
        hi = nxt.end()
    return lo, min(hi, start + _MOST_INSIDE)


_SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?])[\"”’']?\s+(?=[\"“‘A-Z])")
_NEXT_WORD = re.compile(r"\S+\s*")
_MOST_INSIDE = 200


def governing_speakers(text: str, quotes: list[tuple[int, int]], *,
                       quoted: list[tuple[int, int]] = (), speech_only: bool = False,
                       **window) -> list:
    """For each quote ``(start, end)`` of ``text``, the :class:`Governing` phrase of its
    speech verb (or reporting verb), or None; the contexts (:func:`context_window`) that
    hold a speech or reporting verb before the quote, or end in a colon, are parsed in one
    :func:`~toolkit.parsing.parse` call. An empty list when there is no parser.
    ``quoted``: every quote of the text (``"A" and "B"``: the words of "A" are no noun
    outside "B"). ``speech_only``: a speech verb's (or "according to") answer only, not a
    reporting verb's nor a colon's (:func:`_reporting_subject`)."""
    if not quotes or parser() is None:
        return []
    windows = [context_window(text, s, e, **window) for s, e in quotes]
    todo = [k for k, (window, (s, _)) in enumerate(zip(windows, quotes))
            if window and (speech_between(text, window[0], s) or not speech_only and (
                reporting_between(text, window[0], s)
                or text[window[0]:s].rstrip(_QUOTE_MARKS + " ").endswith(":")))]
    docs = parse([text[slice(*windows[k])] for k in todo], tags_only=True) if todo else []
    if todo and not docs:
        return []
    out = [None] * len(quotes)
    quoted = sorted(quoted)
    starts = [a for a, _ in quoted]
    reach = list(accumulate((b for _, b in quoted), max))    # the furthest end so far
    for k, doc in zip(todo, docs):
        (lo, hi), (s, e) = windows[k], quotes[k]
        # the quotes that overlap the window, found by bisection (10,000 quotes in a text)
        marks = [(a - lo, b - lo) for a, b in
                 quoted[bisect_right(reach, lo):bisect_left(starts, hi)] if b > lo]
        out[k] = _governing(doc, lo, s - lo, min(e, hi) - lo, marks, speech_only)
    return out


_WORD = re.compile(r"[A-Za-z]+")
_FINITE = frozenset({"VBZ", "VBD", "VBP", "MD"})
_BE = frozenset("be is are was were am been being 's 're".split())


#: Lower-case words of names ("Secretary of State", "Osama bin Laden").
_NAME_PARTICLES = frozenset("the of a an and de la le al el bin ibn von van der den du da dos "
                            "des di y".split())


def finite_clauses(phrases: list[str]) -> list[bool]:
    """For each phrase, whether the tagger reads a finite verb in it (a clause, not a noun
    phrase: "Duke makes the wild", "The question answers itself"); a word of mixed case
    ("diGenova") is no verb. Only phrases with a lower-case word besides a name's particles
    are parsed (a run of capitalised words is a name or a heading: "Hidden Plan Revealed").
    All False without a parser."""
    todo = [k for k, phrase in enumerate(phrases) if any(
        w[:1].islower() and w not in _NAME_PARTICLES for w in phrase.split())]
    docs = parse([phrases[k] for k in todo], tags_only=True) if todo else []
    out = [False] * len(phrases)
    for k, doc in zip(todo, docs):
        out[k] = any(t.tag_ in _FINITE and (t.text.islower() or t.text.istitle()) for t in doc)
    return out


def named_in_sentence(text: str, start: int, end: int, name: str) -> bool:
    """Whether the sentence of the quote at ``[start, end)`` (from where
    :func:`context_window` starts it, or the line's start, to the first sentence end after
    the quote, or the line's end) holds the last word of ``name`` ("Smith" of "John
    Smith", "Smith’s" too)."""
    window = context_window(text, start, end)
    lo = window[0] if window else text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    hi = len(text) if line_end < 0 else line_end
    stop = _SENTENCE_END.search(text, end, hi)
    last = re.sub(r"[’']s$", "", name.split()[-1]) if name.split() else ""
    return bool(last) and re.search(r"(?<!\w)" + re.escape(last) + r"(?!\w)",
                                    text[lo:stop.start() if stop else hi]) is not None


def speech_between(text: str, lo: int, hi: int) -> bool:
    """Whether a speech verb (any form) or "according" stands in ``text[lo:hi]``."""
    return any(_lemma(w) or w.lower() == "according" for w in _WORD.findall(text, lo, hi))


def reporting_between(text: str, lo: int, hi: int) -> bool:
    """Whether a speech or reporting verb (any form) stands in ``text[lo:hi]``."""
    return any(_reporting_lemma(w) for w in _WORD.findall(text, lo, hi))


def _governing(doc, base: int, qs: int, qe: int, quoted=(),
               speech_only: bool = False) -> Governing | None:
    """The speaker phrase for the quote at ``[qs, qe)`` of ``doc`` (offsets into the doc;
    ``base``: the doc's offset in the article; ``quoted``: the doc's other quotes;
    ``speech_only``: no reporting verb's nor colon's answer)."""
    inside = [t for t in doc if qs <= t.idx < qe]
    if not inside:
        return None

    def out(token) -> bool:
        return not qs <= token.idx < qe

    def answer(token, verb):
        s, e = _phrase(token)
        relative = None
        if token.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
            noun = verb.head
            if noun.dep_ == "appos" and _proper(noun.head):
                noun = noun.head        # "Mouqawamah Music, a site that calls for "...""
            relative = tuple(base + x for x in _phrase(noun))
        elif token.lower_ == "they":
            # "Katrin Axelsson and Lisa Longstaff ... summed it up when they wrote": the
            # coordinated names that are the subject of the verb the clause hangs on
            h = verb
            while h.dep_ in ("advcl", "ccomp", "xcomp", "conj") and h.head.i != h.i:
                h = h.head
                subjects = [c for c in h.children if c.dep_ == "nsubj" and _proper(c)
                            and any(x.dep_ == "conj" and _proper(x) for x in c.children)]
                if subjects:
                    last = max((x for x in subjects[0].children if x.dep_ == "conj"),
                               key=lambda x: x.i)
                    relative = (base + _phrase(subjects[0])[0], base + _phrase(last)[1])
                    break
        return Governing(base + s, base + e, _lemma(verb.text) or verb.lower_, relative)

    def subject_of(verb, depth=0):
        if _lemma(verb.text) in ("quote", "cite") and not any(
                c.lower_ == "as" for c in verb.children):
            # "To quote Cajetan again: "..."": the source quoted (not "cited X as "...""
            # nor "quoted X as saying", what the subject says of X or the rules' reading)
            sources = [c for c in verb.children if c.dep_ == "dobj" and _proper(c)]
            if sources:
                return answer(sources[0], verb)
        subjects = [c for c in verb.children if c.dep_ == "nsubj" or (
            c.dep_ == "nsubjpass" and _lemma(verb.text) == "quote")]
        if subjects:
            # (a passive's subject is who is told, asked or described, not the speaker;
            # but "he was quoted as saying")
            return answer(subjects[0], verb)
        if verb.dep_ in ("acl", "relcl") and _noun(verb.head):
            return answer(verb.head, verb)
        agent = [c for c in verb.children if c.dep_ == "agent"]
        for by in agent:
            for p in by.children:
                if p.dep_ == "pobj":
                    return answer(p, verb)
        infinitive = verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                  for c in verb.children)
        if depth < 2 and (verb.dep_ in ("xcomp", "conj") or infinitive) and out(verb.head) \
                and _verb(verb.head):
            # "McMaster went so far as to claim", "X criticised it and said": the subject
            # of the verb it completes or joins
            return subject_of(verb.head, depth + 1)
        return None

    for t in inside:                       # '"...," he said' parsed as the quote's child
        for c in t.children:
            if out(c) and _speech(c):
                found = subject_of(c)
                if found:
                    return found
    seen = set()
    for t in inside:
        h = t.head
        while h.i not in seen and out(h):
            seen.add(h.i)
            if _noun(h) and not any(a <= h.idx < b for a, b in quoted):
                # '... refused to respond to Glazov's inquiry about "..."': the quote is
                # what a noun outside it holds (its words, not the verb's speaker's)
                break
            if h.lower_ == "to" and h.head.lower_ == "according":
                for c in h.children:
                    if c.dep_ == "pobj":
                        return answer(c, h)
            if _speech(h):
                found = subject_of(h)
                if found:
                    return found
            if h.head.i == h.i:
                break
            h = h.head
    for h in (t.head for t in inside):
        # "According to X, the plan is "...": the clause's "according to"
        while out(h):
            for c in h.children:
                if c.lower_ == "according" and out(c):
                    for to in c.children:
                        for p in to.children if to.lower_ == "to" else ():
                            if p.dep_ == "pobj":
                                return answer(p, c)
            if h.head.i == h.i:
                break
            h = h.head
    if speech_only:
        return None
    return _reporting_subject(doc, base, inside, out, subject_of, quoted)


def _reporting_subject(doc, base: int, inside, out, subject_of, quoted) -> Governing | None:
    """For a quote no speech verb governs, the subject of the first reporting verb
    (:data:`_REPORTING`: "Farrakhan repeatedly refers to Jews as "Satan."") up from the
    quote's words, when that subject is a name (a proper noun; not "he", "they" or "the
    suit"). Not past a noun outside the quotes, nor out of a coordinated clause ('A regards
    the law as unjust, and the law is "..."'); not from the closing mark or stop, which the
    parser hangs on the sentence's root. Then, for a quote right after a colon, the subject
    of the main verb before the colon, a name, not of a copula ("Francis set up another of
    his dichotomies, giving a Jesuit maxim as an imperative for all Catholics: "...""; not
    "A is the problem: "..."")."""

    def a_name(found: Governing) -> bool:
        start, end = found.relative or (found.start, found.end)
        span = doc.char_span(start - base, end - base, alignment_mode="expand")
        return span is not None and len(span) > 0 and _proper(span[-1])

    seen = set()
    for t in inside:
        if t.is_punct:
            continue                        # a closing mark or stop hangs on the root
        h = t.head
        while h.i not in seen and out(h):
            seen.add(h.i)
            if _noun(h) and not any(a <= h.idx < b for a, b in quoted):
                break
            if _verb(h) and _reporting_lemma(h.text):
                found = subject_of(h)
                if found and a_name(found):
                    return found
            if _verb(h) and h.dep_ == "conj":
                break                       # a coordinated clause says its own thing
            if h.head.i == h.i:
                break
            h = h.head
    first = inside[0]
    before = first.i - 1
    while before >= 0 and (doc[before].text in _QUOTE_MARKS or doc[before].is_space):
        before -= 1
    if before >= 0 and doc[before].text == ":":
        # the main verb before the colon: the sentence's root, or a verb the parser hangs
        # on the quote's own words (it often makes the quote the main clause)
        tops = [t for t in doc[:before] if _verb(t) and (t.head.i == t.i or not out(t.head))]
        if tops and tops[0].lower_ not in _BE:
            found = subject_of(tops[0])
            if found and a_name(found):
                return found
    return None

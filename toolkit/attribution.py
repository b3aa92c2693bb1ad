"""Attribution rules: who the words around a quote say is speaking, and with which verb.

The second step of quote finding (:func:`toolkit.voice.find_quotes`). The text around a quote,
with every quote masked out, is cut into tokens, and the patterns of news attribution are read
from a reporting verb back to its subject or forward past it: ``"...," X said.``,
``"...," said X.``, ``X said (that) "..."``, ``X, quoted in ... as saying: "..."``,
``"...", according to X``, ``X called on ... to "..."``. The subject of the verb is found past
appositives and relative clauses ("Colm O’Gorman, an abuse survivor who founded ...,
commented"; "Benedict XVI, who, ..., lamented"), in an inverted aside (", explained the Italian
professor,"), for a participle after a comma (", admitting that") and for coordinated verbs
("... and said", "but continued to insist"); a participle right after a noun ("reports
suggesting") attributes nothing. A quote with no verb of its own is given the citation right
after it: '"..." (Proverbs 28:5)', '"..." -Charles Haddon Spurgeon'.

The phrase found is a name or description as written; :mod:`toolkit.speakers` resolves it to a
person.

The public names are the interface that the other quote modules (:mod:`toolkit.voice`,
:mod:`toolkit.speakers`, :mod:`toolkit.scare_quotes`) read the masked text through:
:data:`MASK`, :class:`Token` and :class:`TokenIndex` (the tokens of the masked text),
:func:`sentence_start`, :data:`FORM_TO_LEMMA` and :data:`ATTRIBUTION_VERBS` (the reporting
verbs), :data:`POSSESSIVE_END` and :class:`Attribution` (what the rules find for a quote).
The names with a leading underscore are the rules' own, though :mod:`toolkit.voice` and
:mod:`toolkit.speakers` still import many of them.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache, partial
from bisect import bisect_left, bisect_right
from itertools import accumulate, compress, count, dropwhile
from operator import attrgetter
from dataclasses import dataclass
from typing import NamedTuple
from .entities import _given_names, is_place
from .segmentation import NEWS_ABBREVIATIONS

__all__ = ["ATTRIBUTION_VERBS", "Attribution", "FORM_TO_LEMMA", "MASK", "POSSESSIVE_END",
           "Token", "TokenIndex", "sentence_start"]

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
        ("huff", "huffed"), ("snarl", "snarled"), ("grumble", "grumbled grumbles"),
        ("gripe", "griped"), ("gloat", "gloated"), ("crow", "crowed"), ("seethe", "seethed"),
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
        ("affirm", "affirmed affirms affirming"), ("relay", "relayed"), ("text", "texted"), ("email", "emailed"),
        ("sigh", "sighed"), ("grouse", "groused"), ("gripe", "griped"), ("read", "read reads"),
        ("fawn", "fawned fawns fawning"), ("gush", "gushed gushes"),
        ("inform", "informed informs"), ("assure", "assured assures"),
    )
}

#: Each form of a reporting verb ("said", "says", "saying") to its lemma ("say").
FORM_TO_LEMMA = {form: lemma for lemma, forms in ATTRIBUTION_VERBS.items() for form in forms}

#: The character that masks each character of a quote, marks included, in the masked text
#: (so that its offsets are the article's, and no word inside a quote attributes it).
MASK = "\x1f"
_QUOTE_END = "\x1e"

_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_OBJECT_PRONOUNS = frozenset({"her", "him", "them", "me", "us"})
_REFLEXIVES = {"himself", "herself", "themselves", "itself", "ourselves", "myself"}
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
thus therefore ultimately eventually subsequently likewise similarly
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


class Token(NamedTuple):
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


_new_token = partial(tuple.__new__, Token)    # Token._make without its Python call
_CAP = attrgetter("cap")
_VERB = attrgetter("verb")
#: Words after which a verb form is a noun ("the claim", "his report", "a quote").
_NOUN_MARKERS = frozenset("the a an his her its their our my your this these those".split())
#: Verbs of speech that are aspect verbs before "to" and another verb ("continues to blaze").
_GOES_ON = frozenset("continue continues continued began begins begin".split())
#: "he's said": a contraction, not a possessive.
_CONTRACTED = frozenset("he's she's it's that's there's who's what's here's".split())
#: Verb forms that are more often plural nouns ("news reports", "his notes"): verbs only when
#: "that", a quote or a mark follows ("Fox News reports that", "As Smith notes: ").
_NOUN_FIRST = frozenset({"reports", "notes"})
_AFTER_REPORT = frozenset({":", ",", ".", "—", "–", ";"})
#: Verb forms that attribute speech only to someone told ("Bergoglio informed them “...”",
#: "informs us, "...""): verbs when a quote or "that" follows an object of a few words, not
#: in "better informed", "informed and guided by truth" or "informed him back in 2013—".
_TOLD_FIRST = frozenset({"informed", "informs"})


def _told_then_quote(tokens: list, k: int) -> bool:
    """Whether a quote, "that" or a colon follows token ``k`` after at most three words."""
    for t in tokens[k + 1:k + 5]:
        if t.low == "that" or t.text[0] == MASK or t.text == ":":
            return t is not tokens[k + 1] or t.text[0] == MASK
        if not t.text[0].isalnum() and t.text != ",":
            return False
    return False


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
        facts = (low, _is_cap_word(word), low in FORM_TO_LEMMA and word[0].islower())
        if len(_FACTS) >= _FACTS_LIMIT:
            _FACTS.clear()
        _FACTS[word] = facts
    return facts


# The token pattern as a splitter: [gap, token, gap, token, ..., gap], the same tokens as
# _TOKEN.finditer over the same range (the pattern never matches an empty string and has no
# anchors or lookaround, so cutting the range out first changes no match).
_URL = re.compile(r"\s*(?:https?://|www\.)")
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")


def _tokens(masked: str, lo: int, hi: int) -> list[Token]:
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
                or after in {",", ";"}
                or (after.islower() and not _URL.match(masked, end))   # not "said. https://"
                or (after == ")" and _PARTY_TAG.match(prev.text + "."))):   # "(R-Ga.) said"
            text = prev.text + "."
            out[p] = Token(text, prev.start, end, *_word_facts(text))
            dropped.add(k)
    if dropped:
        out = [t for k, t in enumerate(out) if k not in dropped]
    for k in compress(count(), map(_VERB, out)):
        prev = out[k - 1].low if k else ""
        if prev in _NOUN_MARKERS or (prev.endswith(("'s", "s'")) and prev not in _CONTRACTED):
            out[k] = out[k]._replace(verb=False)        # "says the claim is", "Ann's notes"
        elif (out[k].low in _GOES_ON and k + 2 < len(out) and out[k + 1].low == "to"
              and out[k + 2].text.isalpha() and not out[k + 2].verb):
            out[k] = out[k]._replace(verb=False)        # "the fallout continues to blaze"
        elif out[k].low in _NOUN_FIRST and not (
                k + 1 < len(out) and (out[k + 1].low == "that" or out[k + 1].text in _AFTER_REPORT
                                      or out[k + 1].text[0] == MASK)):
            out[k] = out[k]._replace(verb=False)        # "spy agency reports detailing"
        elif out[k].low in _TOLD_FIRST and not _told_then_quote(out, k):
            out[k] = out[k]._replace(verb=False)        # "was better informed."
    return out


class TokenIndex:
    """The tokens of each paragraph of the masked text, cut once and served by range.

    ``between(lo, hi)`` equals ``_tokens(masked, lo, hi)``: when no token of the paragraph
    crosses ``lo`` or ``hi``, scanning from ``lo`` to ``hi`` finds exactly the paragraph's
    tokens in between (the token pattern has no anchors or lookaround, so a shorter string
    neither adds nor changes a match that ends inside it, and a period joins the token
    before it only when that token is in range too); otherwise the range is cut afresh.
    The attribution rules ask for a few ranges around every quote, and reading them from
    one pass over the paragraph saves cutting each sentence again (and again). A paragraph
    is cut the first time it is asked for: the quotes' attributions read only the
    paragraphs around them.
    """

    def __init__(self, masked: str, paragraphs: list[tuple[int, int]]):
        self.masked = masked
        self._of: list[list[Token] | None] = [None] * len(paragraphs)
        self.bounds = paragraphs
        self.para_starts = [lo for lo, _ in paragraphs]
        self.ordered = all(a[1] <= b[0] for a, b in zip(paragraphs, paragraphs[1:]))
        self._starts: dict[int, list[int]] = {}
        self._ends: dict[int, list[int]] = {}

    def between(self, lo: int, hi: int) -> list[Token]:
        if lo < hi and self.ordered:
            p = bisect_right(self.para_starts, lo) - 1
            if p >= 0 and hi <= self.bounds[p][1]:
                tokens = self.tokens(p)
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

    def tokens(self, p: int) -> list[Token]:
        """The tokens of paragraph ``p``."""
        found = self._of[p]
        if found is None:
            found = self._of[p] = _tokens(self.masked, *self.bounds[p])
        return found

    @property
    def of_paragraph(self) -> list[list[Token]]:
        """The tokens of every paragraph, in order."""
        return [self.tokens(p) for p in range(len(self.bounds))]


def _np_token(tok: Token) -> bool:
    if not (tok.text[0].isalnum()) or tok.low.endswith("n't"):
        return False
    if tok.text[0].islower() and (tok.low in _NP_STOP or tok.low in FORM_TO_LEMMA):
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


def _capital_run(chunk: list[Token]) -> list[Token]:
    """The last run of capitalised words (with name particles) in a chunk."""
    best: list[Token] = []
    run: list[Token] = []
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


#: The possessive ending of a word ("Obama's", "Jesus’").
POSSESSIVE_END = re.compile(r"['’]s?$")


def _clean_possessive(word: str) -> str:
    return POSSESSIVE_END.sub("", word)


def _name_of(chunk: list[Token]) -> list[Token] | None:
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


def _name_before_affiliation(chunk: list[Token]) -> list[Token] | None:
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


def _strip_titles(run: list[Token]) -> list[Token]:
    """"Defense Minister Andrei Belousov" -> "Andrei Belousov"."""
    cut = max((k for k, t in enumerate(run)
               if t.low.rstrip(".") in _TITLES or (t.low in _ORG_WORDS and k < len(run) - 2)),
              default=-1)
    while 0 <= cut and cut + 2 < len(run) and run[cut + 1].low == "of":
        cut += 2                                       # "Secretary of State Mike Pompeo"
    rest = run[cut + 1:]
    return rest if rest and rest[0].text[0].isupper() else run


def _is_title_only(chunk: list[Token]) -> bool:
    return all(t.low.rstrip(".") in _TITLES for t in chunk)


def _phrase(text: str, toks: list[Token]) -> tuple[str, int, int]:
    s, e = toks[0].start, toks[-1].end
    return text[s:e], s, e


#: Endings of surnames in "-ly" ("Connolly", "Kelly", "Reilly", "Daly", "Healy").
_LY_NAMES = ("olly", "elly", "illy", "aly", "ealy", "iely")


def _sentence_adverb(word: str) -> bool:
    """A capitalised adverb that opens a sentence ("Similarly", "Sixthly", "Ironically"), not
    a name ending in "-ly" ("Kelly", "Connolly", "Emily")."""
    return (len(word) >= 6 and word[0].isupper() and word[1:].islower()
            and word.endswith("ly") and not word.endswith(_LY_NAMES) and not _given_name(word))


def _walk_back(tokens: list[Token], v: int) -> tuple[list[Token], list[list[Token]]] | None:
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
            if tokens[r].text in {".", "!", "?", ";", ":"} or tokens[r].text.startswith(MASK):
                break
            if tokens[r].low in _RELATIVE and r >= 2 and tokens[r - 1].text == ",":
                i = r - 2
                break
    chunks: list[list[Token]] = []
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
                if tokens[r].text == ",":
                    break           # "Collins, the ... member who resigned, citing the
                                    # refusal to act, told": not the clause's subject
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
        if chunks and len(chunk) == 1 and _sentence_adverb(chunk[0].text):
            break                   # "Similarly, the mayor declared": no appositive
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
_DAY_WORDS = frozenset("""yesterday today tonight monday tuesday wednesday thursday friday
saturday sunday""".split())                     # time words that are no one's name


def _time_phrase(chunk: list[Token]) -> bool:
    """Whether a phrase only says when ("Last year", "Late Monday", "In February 2016")."""
    return bool(chunk) and any(t.low in _TIME_WORDS for t in chunk) and all(
        t.low in _TIME_WORDS or t.low in _TIME_LEADS or t.text.isdigit() for t in chunk)


def _past_time(chunk: list[Token]) -> list[Token]:
    """A noun phrase without the time phrase that opens it: "This week Collins" -> "Collins",
    "Monday Smith" -> "Smith"."""
    i = max((k for k, t in enumerate(chunk[:3]) if t.low in _TIME_WORDS), default=None)
    if (i is not None and i + 1 < len(chunk) and chunk[i + 1].low not in _TIME_WORDS
            and all(t.low in _TIME_LEADS for t in chunk[:i])):
        return chunk[i + 1:]
    return chunk


_BULLETS = frozenset("- • * ·".split())        # (not "—": a tweet's "— Ann Roe (@roe)")
_OPENING_OBJECTS = _DETERMINERS | _PREPOSITIONS | frozenset("his her their its".split())


def _past_opening(tokens: list[Token], k: int) -> int:
    """The index past what opens a clause at ``tokens[k]`` without being its subject: a
    time phrase ("Late Monday,", "Last week", "Earlier this month,") or a capitalised
    participle and the phrase it opens ("Following the backlash ...,", "Speaking to
    reporters,"), up to its comma; ``k`` when neither opens it."""
    j = k
    while j < len(tokens) and tokens[j].low in _TIME_LEADS:
        j += 1
    t = j
    while t < len(tokens) and (tokens[t].low in _TIME_WORDS
                               or (t > j and tokens[t].text.isdigit())):   # "February 2016"
        t += 1
    if t > j and t < len(tokens) and (
            j > k or tokens[t].text == ","
            or (tokens[k].low in _DAY_WORDS and tokens[t].cap)):    # "Yesterday Roe", not
                                                                    # "March" or "Tuesday brought"
        return t + 1 if t < len(tokens) and tokens[t].text == "," else t
    tok = tokens[k] if k < len(tokens) else None
    if (tok is not None and tok.cap and len(tok.low) >= 5 and tok.low.endswith(("ing", "ed"))
            and not _given_name(tok.text) and k + 1 < len(tokens)
            and tokens[k + 1].low in _OPENING_OBJECTS and tokens[k + 1].text[0].islower()):
        comma = next((j for j in range(k + 1, min(len(tokens), k + 25))
                      if tokens[j].text == ","), None)
        if comma is not None:
            return comma + 1
    return k


def _name_follows(tokens: list[Token], k: int) -> bool:
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


def _walk_forward(tokens: list[Token], k: int) -> tuple[list[Token], list[list[Token]]] | None:
    """The noun phrase from ``tokens[k]`` on ("said *Dong Jun, the minister*")."""
    if k < len(tokens) and tokens[k].text in _OBJECT_PRONOUNS:     # "her", not "US"
        return None                 # '"..." told her the agency was': the object, not a speaker
    chunks: list[list[Token]] = []
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
    breaks = [k for k in range(1, len(head)) if "\n" in text[head[k - 1].end:head[k].start]
              and head[k - 1].low.rstrip(".") not in _TITLES]
    if breaks:
        # a line is no part of the next line's name ("Advertisement\nSaviano said"; but a
        # title the line breaks after is the name's: "said Sen.\nRob Portman")
        head = head[:breaks[0]] if forward else head[breaks[-1]:]
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
    if _time_phrase(head):
        return None                         # '"...fake news media" Sunday morning, describing'
    if len(head) > 1 and head[-1].low in _DOCUMENTS and POSSESSIVE_END.search(head[-2].text):
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
        if _time_phrase(chunk):
            continue                        # "Last year, then-candidate Roe called"
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
            if (chunk[0].text[0].isupper() or chunk[0].low in _DETERMINERS) and not (
                    _time_phrase(chunk)):
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
class Attribution:
    """What the attribution rules tie a quote to: the speaker as written and the reporting
    verb, each with its offsets into the article (None where the rule found none)."""

    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    verb: str | None
    verb_start: int | None
    verb_end: int | None


def _attribution(text: str, speaker, verb_tokens: list[Token]) -> Attribution | None:
    if speaker is None:
        return None
    name, s, e = speaker
    vs, ve = verb_tokens[0].start, verb_tokens[-1].end
    verb = " ".join(text[t.start:t.end] for t in verb_tokens)      # as written: "Warns"
    return Attribution(_tidy(name), s, e, verb, vs, ve)


def _tidy(name: str) -> str:
    name = _clean_possessive(name.strip(" ,;:")).strip(" ,;:")
    return re.sub(r"\s+", " ", name)


#: A chapter-and-verse reference: "Proverbs 28:5", "2 Cor 6: 14-17", "Qur’an 9.28", "Gen. 3:19".
_VERSE = r"(?:[1-3] ?)?[A-Z][a-z’']+\.?(?: of [A-Z][a-z]+)? \d{1,3} ?[:.] ?\d{1,3}(?:[-–]\d{1,3})?"
#: A citation right after a quote's closing mark: a reference in brackets ('..." (Proverbs
#: 28:5)'), or a dash before a reference or a name that ends the line ('..." -Charles Haddon
#: Spurgeon', '..."\n-Genesis 18:16-33'). A dash line after the next line break that is a
#: name ("— Johnny Edwards") is a byline, not a citation.
_CITATION = re.compile(
    rf"[”\"’'.,;…]{{0,3}}\s{{0,3}}\(\s*({_VERSE})[;,)]"
    rf"|[”\"’'.,;…]{{0,3}}\s*\n?[ \t]*[-—–] ?({_VERSE})[ \t]*(?:\n|$)"
    rf"|[”\"’'.,;…]{{0,3}}[ \t]+[-—–] ?([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){{1,4}})[ \t]*(?:\n|$)")


def _cited_after(text: str, end: int) -> Attribution | None:
    """The source a citation right after the quote ending at ``end`` names: '"Evil men
    understand not judgment" (Proverbs 28:5)' gives "Proverbs 28:5", '"...justice!"
    -Charles Haddon Spurgeon' gives "Charles Haddon Spurgeon"; no verb."""
    m = _CITATION.match(text, end, end + 120)
    if m is None:
        return None
    k = next(i for i in (1, 2, 3) if m.group(i))
    return Attribution(m.group(k), m.start(k), m.end(k), None, None, None)


def _according(text: str, tokens: list[Token], k: int) -> Attribution | None:
    """``according to X`` at ``tokens[k]``; "according to a statement issued by X" gives X."""
    forward = _walk_forward(tokens, k + 2)
    speaker = _issued_by(text, tokens, k + 2, forward) or _choose(text, forward)
    return _attribution(text, speaker, tokens[k:k + 2])


def _issued_by(text: str, tokens: list[Token], k: int, forward):
    """The author of "a statement (issued) by X", the phrase ``forward`` from ``tokens[k]``."""
    if forward and forward[0][-1].low in _DOCUMENTS:
        j = k + len(forward[0])
        if j < len(tokens) and tokens[j].low.endswith("ed") and tokens[j].text[0].islower():
            j += 1
        if j + 1 < len(tokens) and tokens[j].low == "by":
            return _choose(text, _walk_forward(tokens, j + 1))
    return None


def _after_attribution(text: str, tokens: list[Token], *, loose: bool) -> Attribution | None:
    """Attribution right after a quote: ``, X said``, ``, said X``, ``, according to X``."""
    k = 0
    while k < len(tokens) and tokens[k].text in {",", ":", "—", "–", ";", "("}:
        k += 1
    if k >= len(tokens) or tokens[k].text.startswith(MASK):
        return None
    if tokens[k].low == "according" and k + 1 < len(tokens) and tokens[k + 1].low == "to":
        return _according(text, tokens, k)
    if tokens[k].low in {"as", "in"}:
        found = _in_words_of(text, tokens[k:])      # '"...," as Roe put it.'
        if found is not None:
            return found
    if tokens[k].verb:
        forward = _walk_forward(tokens, k + 1)      # "said Smith", "read a statement by Smith"
        speaker = _issued_by(text, tokens, k + 1, forward) or _choose(text, forward, forward=True)
        return _attribution(text, speaker, [tokens[k]])
    limit = 16 if loose else 5
    for v in range(k + 1, min(len(tokens), k + limit + 1)):
        tok = tokens[v]
        if tok.text.startswith(MASK) or tok.text in {".", "!", "?", ";"}:
            return None
        if tok.verb:
            if (tokens[v - 1].text == "," and tok.low.endswith("ed") and v + 1 < len(tokens)
                    and tokens[v + 1].low in _PREPOSITIONS
                    and sum(t.text == "," for t in tokens[k:v]) == 1):
                continue                    # '"..." The settlement, confirmed in court
                                            # documents, ...': a participle, not the verb
            if not loose and v + 1 < len(tokens) and (
                    tokens[v + 1].text.startswith(MASK)
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
#: Verbs whose object hears the words: in the passive, the subject is no speaker.
_HEARER_VERBS = frozenset("told asked informed reminded warned assured".split())
_TO_VERBS = frozenset("""continued continues went goes proceeded proceeds wanted wants tried
tries refused refuses declined declines appeared appears seemed seems chose chooses decided
decides hastened rushed moved went""".split())


def _appositive_name(tokens: list[Token], comma: int) -> list[Token] | None:
    """The name set off by commas after ``tokens[comma]`` (", Chris Marczak,"; ", Devin
    Nunes (R -Calif.),"): two capitalised words or more, the first a given name."""
    run = []
    for tok in tokens[comma + 1:comma + 5]:
        if not tok.cap:
            break
        run.append(tok)
    end = comma + 1 + len(run)
    if end < len(tokens) and tokens[end].text == "(":
        # "..., Devin Nunes (R -Calif.), reportedly hailed": past the party tag
        close = next((j for j in range(end + 1, min(len(tokens), end + 5))
                      if tokens[j].text == ")"), None)
        end = close + 1 if close is not None else end
    if len(run) >= 2 and end < len(tokens) and tokens[end].text == "," and _given_name(run[0].text):
        return run
    return None


def _clause_subject(text: str, tokens: list[Token]):
    """The subject of a sentence, past a dateline ("VATICAN CITY —") and introductory or
    participial phrases ("By contrast,", "In remarks ..., reported by ...,")."""
    k = 0
    for j, t in enumerate(tokens[:8]):
        if t.text in {"—", "–"} and j and all(x.text.isupper() or x.text == ","
                                              for x in tokens[:j]):
            k = j + 1
    while (k < len(tokens) and tokens[k].text in _BULLETS
           and "\n" not in text[tokens[k].start:tokens[-1].end]):
        k += 1                                  # "-- Obama on McCain:", "• Roe on the wall:"
    while k < len(tokens):
        past = _past_opening(tokens, k)         # "Late Monday,", "Following the backlash,"
        if past > k:
            k = past
            continue
        if not (tokens[k].low in _INTRO or (
                tokens[k].text[0].islower() and tokens[k].low.endswith(("ed", "ing")))):
            break
        comma = next((j for j in range(k, min(len(tokens), k + 25)) if tokens[j].text == ","),
                     None)
        if comma is None:
            return None
        k = comma + 1
    head: list[Token] = []
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
    while (after + 1 < len(tokens) and tokens[after].low in {"of", "for", "at", "on"}
           and tokens[after + 1].cap):
        after += 2
        while after < len(tokens) and tokens[after].cap:
            after += 1
    if (after < len(tokens) and tokens[after].text == ","
            and any(t.low.rstrip(".") in _TITLES for t in head)):
        # "County Director of Schools, Chris Marczak, defended": the name in the appositive
        run = _appositive_name(tokens, after)
        if run:
            return _choose(text, (run, []))
    if head[0].low in _DETERMINERS:
        # "the Italian philosopher, Rocco Buttiglione, provides": a description, then the
        # name in apposition
        e = k
        while (e < min(len(tokens), k + 8) and tokens[e].text != "," and _np_token(tokens[e])
               and not tokens[e].verb):
            e += 1
        if (e < len(tokens) and tokens[e].text == "," and tokens[e - 1].text.isalpha()
                and tokens[e - 1].text.islower()):
            run = _appositive_name(tokens, e)
            if run:
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


def _leading_name(text: str, tokens: list[Token]):
    """"Colm O’Gorman, an Irish abuse survivor who founded ..., commented": the name that
    opens the sentence (after introductory phrases), followed by an appositive."""
    k = 0
    while k < len(tokens):
        past = _past_opening(tokens, k)         # "Late Monday, Nick Shapiro, a ..., said"
        if past > k:
            k = past
            continue
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


def _relative_antecedent(text: str, tokens: list[Token], v: int):
    """"Benedict XVI, who, a month before being elected pope, lamented": the name before
    ", who"; "protests by CRIF, which said": the name before ", which" right before the
    verb."""
    for r in range(v - 1, max(0, v - 25), -1):
        if tokens[r].text in {".", "!", "?", ";", ":"} or tokens[r].text.startswith(MASK):
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


def _after_appositive(tokens: list[Token], c: int) -> bool:
    """Whether the comma at ``tokens[c]`` closes a name in apposition to the subject that
    opens the clause ("The former editor of the Guardian, Alan Rusbridger, called"), with no
    quote or verb before it: the verb after it is the subject's, not inverted."""
    b = next((j for j in range(c - 1, max(-1, c - 6), -1) if tokens[j].text == ","), None)
    if b is None or not 2 <= c - b - 1 <= 4:
        return False
    if not all(t.cap for t in tokens[b + 1:c]) or not _given_name(tokens[b + 1].text):
        return False
    start = next((j + 1 for j in range(b - 1, -1, -1)
                  if tokens[j].text in {".", "!", "?", ";", ":", ")"}), 0)
    return (start < b and tokens[start].low not in _INTRO
            and not any(t.verb or t.text[0] == MASK for t in tokens[start:b]))


def _verb_subject(text: str, tokens: list[Token], v: int):
    """Who does the attribution verb at ``tokens[v]``: the phrase before it, or the
    inverted ", explained the professor," after it, with fallbacks for appositives,
    relative clauses and coordination ("... and said", "... but continued to insist")."""
    if (v >= 1 and tokens[v - 1].text == "," and FORM_TO_LEMMA.get(tokens[v].low) != "tell"
            and not _after_appositive(tokens, v - 1)):
        # (not ", told Associated Press,": whom one tells is no inverted subject; nor "The
        # former editor, Alan Rusbridger, called the disclosures ... "...": the subject's)
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


def _earlier_subject(text: str, tokens: list[Token], v: int):
    """The subject of the clause that ``tokens[v]`` continues ("Lind described the deal
    as ... and said", "the ministry said on Tuesday, describing"): the subject of an
    earlier attribution verb in the sentence, else the sentence's subject."""
    for j in range(v - 1, -1, -1):
        if tokens[j].text.startswith(MASK) and tokens[j].text.endswith(_QUOTE_END):
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


def _in_view_of(text: str, tokens: list[Token]) -> Attribution | None:
    """"It is, in Müller's eyes, the pope's duty "to ...": Müller's; "His warning against
    ... a "battle ..."": his."""
    for k in range(len(tokens) - 1):
        if tokens[k + 1].low in _SPEECH_NOUNS and (
                tokens[k].low in {"his", "her"} or (tokens[k].low.endswith("'s")
                                                   and tokens[k].cap)):
            s, e = tokens[k].start, tokens[k].end
            name = {"his": "he", "her": "she"}.get(tokens[k].low) or _tidy(text[s:e])
            return Attribution(name, s, e, None, None, None)
    for k in range(len(tokens) - 2):
        if (tokens[k].low == "in" and tokens[k + 2].low in _VIEW_NOUNS
                and tokens[k + 1].low.endswith("'s") and tokens[k + 1].cap):
            s, e = tokens[k + 1].start, tokens[k + 1].end
            return Attribution(_tidy(text[s:e]), s, e, None, None, None)
    return None


def _in_words_of(text: str, tokens: list[Token]) -> Attribution | None:
    """"as Roe put it", "as the senator puts it", "in the words of Ann Roe": the person
    whose words the sentence borrows (no verb of saying: the verb stays None)."""
    for k, tok in enumerate(tokens):
        if tok.text[0] == MASK:
            continue
        if (tok.low == "in" and [t.low for t in tokens[k + 1:k + 4]] == ["the", "words", "of"]):
            found = _choose(text, _walk_forward(tokens, k + 4), forward=True)
        elif tok.low == "as":
            p = next((p for p in range(k + 2, min(len(tokens) - 1, k + 16))
                      if tokens[p].low in {"put", "puts"} and tokens[p + 1].low == "it"), None)
            if p is None or any(t.verb or t.text[0] == MASK or t.text in {".", ";", ":"}
                                for t in tokens[k + 1:p]):
                continue
            # (past its adverbs: "as he more metaphorically put it")
            words = [t for t in tokens[k + 1:p] if not (t.text[0].islower() and (
                t.low.endswith("ly") or t.low in {"more", "most", "so", "best"}))]
            found = _choose(text, _walk_back(words + [tokens[p]], len(words)))
        else:
            continue
        if found and found[0].lower() not in {"it", "this", "that"}:
            return Attribution(_tidy(found[0]), found[1], found[2], None, None, None)
    return None


def _before_attribution(text: str, tokens: list[Token]) -> Attribution | None:
    """Attribution before a quote in the same sentence: the last verb with a subject."""
    found = _before_verb(text, tokens)
    borrowed = _in_words_of(text, tokens)
    if borrowed is not None and (found is None or found.verb_start is None
                                 or borrowed.speaker_start > found.verb_start):
        return borrowed         # "X alleged ... and, in the words of one woman, "...""
    return found if found is not None else _in_view_of(text, tokens)


def _before_verb(text: str, tokens: list[Token]) -> Attribution | None:
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
                    if tokens[c].text in {".", "!", "?", ";", ":"} or tokens[c].text[0] == MASK:
                        break
                    if tokens[c].low in _CAUSE_VERBS and tokens[c].text[0].islower():
                        forward = _walk_forward(tokens, c + 1)
                        found = forward and _attribution(text, _choose(text, forward, forward=True),
                                                         [tokens[anchor]])
                        if found and found.speaker and _is_name((found.speaker, 0, 0)):
                            return found
                        break
            continue
        if (tok.low in _HEARER_VERBS and v >= 1 and tokens[v - 1].low in _PASSIVE_AUX
                and not (v + 1 < len(tokens) and tokens[v + 1].low == "by")):
            # "Cain is told, "What hast thou done?"": the subject hears the words, and the
            # speaker goes unnamed (None, the verb kept)
            return Attribution(None, None, None, tok.text, tok.start, tok.end)
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


def sentence_start(masked: str, lo: int, pos: int) -> int:
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
        if m.group() == "." and masked[m.end():m.end() + 1].isalnum():
            continue                    # "Chuck Schumer, D-N.Y., said": a period inside a
                                        # word ends no sentence
        start = m.end()
    return start


def _sentence_end(masked: str, pos: int, hi: int) -> int:
    for m in _SENTENCE_END.finditer(masked, pos, hi):
        before = masked[pos:m.start()].rsplit(None, 1)
        word = before[-1].lower().rstrip(".") if before else ""
        if (word in NEWS_ABBREVIATIONS or re.fullmatch(r"[a-z]", word)) and not _line_end(
                masked, m.end()):
            continue
        if m.group() == "." and masked[m.end():m.end() + 1].isalnum():
            continue                    # a period inside a word: "D-N.Y., said"
        return m.end()
    return hi

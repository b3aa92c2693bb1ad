"""Quotation marks in the author's own voice: scare quotes, titles, nicknames, words mentioned.

Not every pair of quotation marks holds someone's speech. Annotation guidelines for quoted
speech (and the hand-annotated articles of ``benchmarks/quote_cases``) leave out "the author's
distancing or irony, titles of works, nicknames, single words the author puts in quotes that
no one is reported to have said". :func:`toolkit.voice.find_quotations` asks
:func:`author_kind` about every quoted stretch; a stretch it names a kind for is reported by
:func:`toolkit.voice.author_quotes` (an author-voice ``scare_quote`` span in the tables of
``analyze``), not as a quote. See docs/quotes.md for what each rule gained and cost.

The kinds, each from evidence in the sentence (rules only):

- ``so-called``: "so-called "experts"";
- ``title``: a work named by the words before it ("the movie "Spotlight"", "a book titled
  "..."", "headlined "..."", "the author of "...""), a citation ("..." by Rowena Mason,
  Guardian), or a phrase in Title Case in the body that no speech verb introduces (shows,
  laws, groups: 'told "Fox & Friends"', 'the "Mental Capacity Act"'; not a clause, "We are
  Hamas", nor a name a speaker coins, 'labeled him "Corrupt Kaine"');
- ``nickname``: "Ted "Chappaquiddick" Kennedy", "known as "...", "dubbed "..."" (not "whom
  Carlson has dubbed "..."": a speaker's coinage is speech);
- ``mention``: a word or phrase talked about rather than said: "the term "...", "the word
  "...", "concepts like "...", "...", and the quotes listed with it;
- ``modifier``: a phrase of two to five words between a determiner and the noun it
  qualifies (the "red flag" laws, the whole "emeritus pope" charade; not an adjective a
  speaker chose, 'a "very important" step', nor words named by their speech, 'his "..."
  remark');
- ``scare``: a quote of one or two words that no attribution ties to a speaker, or that only
  a possessive or a label ties to one ('over the "sonic attack"').

:mod:`toolkit.voice` pairs the marks and attributes them; every rule that makes a quotation
the author's rather than speech is here.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from .attribution import (
    Attribution, FORM_TO_LEMMA, MASK, POSSESSIVE_END, sentence_start, Token, TokenIndex)
from .quote_marks import _Segment
from .segmentation import WORD_RE

__all__ = ["AUTHOR_KINDS", "author_kind", "listed_after"]

#: What a quotation in the author's voice can be.
AUTHOR_KINDS = ("so-called", "title", "nickname", "mention", "modifier", "scare")

#: The author-voice kinds that a list of quotes shares ('the term "patient" with "monastery"').
_LISTED = frozenset({"title", "mention", "nickname"})
#: Nouns for a work whose title follows ("the movie "Spotlight"", "his book, "...").
_WORKS = frozenset("""movie movies film films book books novel novels song songs album albums
show shows series documentary documentaries article articles column columns essay essays
op-ed headline headlines poem poems podcast podcasts episode episodes hymn anthem painting
sitcom programme program tv""".split())
#: Words that name the title or name that follows ("a book titled "..."", "known as "...").
_TITLING = {"titled": "title", "entitled": "title", "headlined": "title", "subtitled": "title",
            "dubbed": "nickname", "nicknamed": "nickname", "named": "nickname",
            "christened": "nickname"}
#: Nouns for words talked about ("the term "...", "concepts like "...").
_WORD_NOUNS = frozenset("""word words term terms phrase phrases expression expressions slogan
slogans motto mottos label labels nickname nicknames moniker concept concepts notion notions
catchphrase buzzword buzzwords hashtag hashtags euphemism euphemisms""".split())
#: What may stand between such a noun and the quote ("the concept of the "...").
_BRIDGE = frozenset({"of", "the", "a", "an", "like", "such", "as", ",", ":", "english",
                     "latin", "greek", "german", "french", "italian", "spanish", "very",
                     "same", "new", "old", "famous", "infamous", "popular", "so-called"})
#: Determiners before a quote that qualifies the noun after it ("the "red flag" laws").
_DETERMINERS = frozenset("""the a an this these those his her its their our my your
whole any every some such""".split())
#: Lower-case words after a quote that are no noun it qualifies.
_NOT_NOUNS = frozenset("""of in on at to for from by with about against into onto over under
after before since until during without within between among through across toward towards
and or but nor so yet as than that which who whom whose when where while if because though
although is are was were be been being am has have had do does did will would shall should
can could may might must not no it he she they we i you them him her us me its their there
here this these those then also even only just still again already very too more most less
least all both each either neither every any some such one two three own same other another
upon via per plus minus despite unlike like including regarding concerning out up off down
away back seems seemed seem appears appeared remains remained means meant makes made gets got
goes went comes came looks looked takes took gives gave became becomes""".split())
#: Lower-case words that make a Title Case quote a sentence someone said ("We are Hamas").
_SPOKEN = frozenset("""is are was were am be will would can could should must do does did
don't doesn't didn't can't won't isn't aren't not no i we you let's let’s i'm i’m we're we’re
there's there’s it's it’s""".split())
#: Nouns for what someone said: quoted words before them are that speech ('the "Who am I to
#: judge" comment', 'his "punch a Zionist" tweet').
_SPEECH_NOUNS = frozenset("""remark remarks comment comments tweet tweets statement statements
quote quotes line lines speech speeches claim claims promise promises pledge vow chant chants
cry cries retort quip quips message messages post posts answer reply response warning
warnings boast threat threats insult insults joke jokes bluff refrain mantra""".split())
#: Adverbs that make a quote an adjective phrase a speaker chose ('a "very important" step').
_ADVERBS = frozenset("very so too most more less quite rather really truly pretty".split())
#: Words before "word(s)" that make them someone's ('in her own words, "..."').
_OWNERS = frozenset("his her their my our your own its".split())
#: Speech verbs that take a title or name as their object rather than introduce speech
#: ('told "Fox & Friends"', 'called "Principlism"', 'wrote "..."' of a book).
_NAMING_LEMMAS = frozenset({"tell", "call", "write", "post", "label", "dub", "term", "brand",
                            "describe", "read", "refer", "quote", "report", "begin",
                            "continue", "rule", "point", "recount", "note"})
#: Words before "dubbed", "named" that make it a subject's own naming, which is speech.
_ACTIVE = frozenset({"has", "have", "had", "he", "she", "they", "we", "i", "who", "you"})
_POSSESSIVE = re.compile(r"(?:['’]s?|s['’])$")
#: Words after a speech verb that make what follows a show or outlet, not the words said.
_MEDIA_PREPOSITIONS = frozenset({"to", "with", "on", "in"})
#: First words of a clause someone says ("We are ...", "Let's go ...").
_FIRST_PERSON = frozenset({"i", "we", "you", "let's", "let’s", "i'm", "i’m", "we're",
                           "we’re"})
#: Verbs of speech or writing not in the attribution list that introduce a Title Case phrase
#: as someone's words ('heard shouting "Allahu Akbar"', 'He signed it "Br. Sofian Zakkout."').
_SPEAKING = frozenset("""shouting shouts shout chanting chant yelling yells screaming screams
crying cried cries singing sang sings signed signs saying""".split())
#: Lower-case words a title keeps lower-case ("Profession of Immutable Truths about ...").
_TITLE_LOWER = frozenset("""a an the and but or nor for of on in at to by up as with from into
onto over than that upon about after under without through between against during
via""".split())
#: Verbs of naming whose subject coins the name ('the campaign labeled Kaine "Corrupt
#: Kaine"', 'he called his rivals "The Avengers"'): speech when an object stands between
#: the verb and the quote, not 'a book he called "The Good Soldiers"', 'also called "..."'.
_LABELS = frozenset({"call", "label", "dub", "brand", "term"})
#: Joiners of a list of quotes ('"autonomy," "viability," and "quality of life"').
_LIST_JOINERS = frozenset({"", "and", "or", "with", "and with", "nor", "and/or", "to", "from"})


def _opening(seg: _Segment) -> int:
    return seg.open_mark if seg.open_mark is not None else seg.start


def _closing(seg: _Segment) -> int:
    return seg.close_mark + 1 if seg.close_mark is not None else seg.end


def _so_called(text: str, paragraphs, first: _Segment) -> bool:
    """'so-called "experts"'."""
    lo, _ = paragraphs[first.paragraph]
    opening = _opening(first)
    return bool(re.search(r"\bso[- ]called\s*$", text[max(lo, opening - 12):opening], re.I))


def _title_case(text: str, group: list[_Segment]) -> bool:
    """A title of a work or event: nearly every word capitalised."""
    words = [w for s in group for w in WORD_RE.findall(text, s.start, s.end)]
    long = [w for w in words if len(w) > 3]
    return len(words) >= 2 and bool(long) and sum(w[0].isupper() for w in long) >= 0.8 * len(long)


def _sentence_like(text: str, paragraphs, first: _Segment, last: _Segment) -> bool:
    """A quote that is a sentence of its own ("We lost."), not a phrase in one."""
    content = text[last.start:last.end].rstrip()
    if content.endswith((".", "!", "?", "…")):
        return True
    lo, _ = paragraphs[first.paragraph]
    return not text[lo:_opening(first)].strip()


def _before(masked: str, paragraphs, first: _Segment, index: TokenIndex) -> list[Token]:
    """The tokens of the quote's sentence before its opening mark (other quotes masked)."""
    lo, _ = paragraphs[first.paragraph]
    opening = _opening(first)
    return index.between(sentence_start(masked, lo, opening), opening)


def _after(masked: str, paragraphs, last: _Segment, index: TokenIndex) -> list[Token]:
    """The first few tokens after the quote's closing mark, in its paragraph."""
    _, hi = paragraphs[last.paragraph]
    end = _closing(last)
    return index.between(end, min(hi, end + 60))


def _named_before(low: list[str], caps: list[bool], titled: bool) -> str | None:
    """The kind a quote takes from the words right before it (``low``: lower-cased;
    ``caps``: which are capitalised; ``titled``: the quote is capitalised like a title)."""
    if not low:
        return None
    at = len(low) - 1 if low[-1] not in {",", ":"} or len(low) < 2 else len(low) - 2
    last = low[at]
    if last in _TITLING and not (at and (low[at - 1] in _ACTIVE or caps[at - 1])):
        # 'a pistol dubbed "Have Blue"', not 'whom Carlson has dubbed "creepy porn lawyer"':
        # a subject's own naming is speech
        return _TITLING[last]
    if low[-2:] == ["known", "as"] or low[-4:] == ["by", "the", "name", "of"]:
        return "nickname"
    if low[-3:-1] == ["author", "of"] or low[-2:] == ["author", "of"]:
        return "title"
    # "the movie "Spotlight"", "the book, "The Dictator Pope""; "CBS' "Face the Nation""
    if (last in _WORKS and titled and at
            and (low[at - 1] in _DETERMINERS or caps[at - 1] or _POSSESSIVE.search(low[at - 1])
                 or at > 1 and low[at - 2] in _DETERMINERS)):
        return "title"
    # "the term "Jewish Question"", "the concept of the "high trust society"", "concepts
    # like "autonomy"" (not "uttered the words "I do"": words a speech verb takes are said)
    for k in range(len(low) - 1, max(-1, len(low) - 5), -1):
        if low[k] in _WORD_NOUNS:
            # ('uttered the words "I quit"', 'screaming out the word "..."', 'in her own
            # words, "..."': words someone says, or someone's own)
            said = low[k] in {"word", "words"} and any(
                w in FORM_TO_LEMMA or w in _SPEAKING or w in _OWNERS for w in low[max(0, k - 3):k])
            if all(w in _BRIDGE for w in low[k + 1:]) and not said:
                return "mention"
            break
        if low[k] not in _BRIDGE:
            break
    return None


def _clause(text: str, group: list[_Segment]) -> bool:
    """Whether the quoted words read as a clause someone says ("We are Hamas", "Who am I to
    judge", "Let's go Hamas"): a lower-case verb or pronoun among them, or a first-person
    opening (a title capitalises its verbs: "Why Christians Should Not Give Up")."""
    content = " ".join(text[s.start:s.end] for s in group)
    if content.rstrip(" ,.\u201d\"'’").endswith("!"):
        return True                     # 'calling out "Mr. Premier!"', 'the word "murderers!"'
    words = re.findall(r"[\w’']+", content)
    if len(words) >= 2 and all(w.isupper() for w in words if len(w) > 1):
        return True                     # shouted in capitals: 'she "SHORT CIRCUITED"'
    return bool(words) and (any(w.lower() in _SPOKEN and not w[0].isupper() for w in words)
                            or words[0].lower() in _FIRST_PERSON)


def _spoken(before: list[Token], standalone: bool, attributed: bool) -> bool:
    """Whether a Title Case quote (not a clause) is still speech: it opens a sentence that
    attributes it, or a speech verb introduces it ('shouted, "Allahu Akbar"', 'chanted
    "Death to America"', 'signed it "..."', over earlier quotes of a list: 'shouted, "We
    are Hamas" and "..."'), not a verb that names ('told "Fox & Friends"', 'called
    "Principlism"')."""
    if standalone and attributed:
        return True
    k = len(before) - 1
    while k >= 0 and (before[k].text.startswith(MASK) or before[k].low in {"and", "or", ","}):
        k -= 1
    for tok in before[max(0, k - 2):k + 1][::-1]:
        # the verb, up to two words back ('signed it "..."', 'spoke about putting "..."')
        lemma = FORM_TO_LEMMA.get(tok.low)
        if tok.low in _SPEAKING or (lemma is not None and lemma not in _NAMING_LEMMAS):
            return True
        if lemma is not None or tok.low in _MEDIA_PREPOSITIONS:
            return False            # 'told "Fox & Friends"', 'spoke to "Fox & Friends"'
    return False


def _strict_title(text: str, group: list[_Segment]) -> bool:
    """Capitalised like a title: the first word (after "the") and every word but the small
    ones a title keeps lower-case ('“recommended for his White House job by Jared Kushner”'
    is no title, though most of its long words are capitalised)."""
    words = [w for s in group for w in WORD_RE.findall(text, s.start, s.end)]
    if words[:1] and words[0] in {"the", "a"}:
        words = words[1:]
    return bool(words) and all(w[0].isupper() or w[0].isdigit() or w in _TITLE_LOWER
                               or not w[0].isalpha() for w in words)


def _coined(before: list[Token]) -> bool:
    """Whether a naming verb with an object introduces the quote (see :data:`_LABELS`)."""
    between = 0
    for tok in reversed(before[-8:]):
        if tok.text in {",", ";", ":", "(", ")"} or tok.text.startswith(MASK):
            return False
        if FORM_TO_LEMMA.get(tok.low) in _LABELS:
            return between > 0
        if tok.low not in {"a", "an", "the"}:
            between += 1
    return False


def _titled(text: str, masked: str, paragraphs, group: list[_Segment], index: TokenIndex,
            attributed: bool) -> bool:
    """A quote in Title Case that is no one's speech: the title of a work, a show, a law, a
    slogan or a group ("Open Borders Bill", "Fox & Friends", "Gang of Eight")."""
    if not _title_case(text, group) or _clause(text, group) or not _strict_title(text, group):
        return False
    first = group[0]
    lo, _ = paragraphs[first.paragraph]
    opening = _opening(first)
    standalone = not masked[sentence_start(masked, lo, opening):opening].strip()
    before = _before(masked, paragraphs, first, index)
    return not (_spoken(before, standalone, attributed) or attributed and _coined(before))


def author_kind(text: str, masked: str, paragraphs, group: list[_Segment],
                index: TokenIndex, *, found: Attribution | None, headline: bool,
                title_headline: bool = False, previous: tuple[str, int] | None = None,
                echoed: Callable[[], bool] | None = None) -> str | None:
    """The kind of an author-voice quotation (:data:`AUTHOR_KINDS`) that the quote
    ``group`` is, or None when it is speech.

    ``found``: what the attribution rules tie the quote to (None: no speaker, no verb);
    ``headline``: it is in a headline, ``title_headline``: a headline in Title Case (whose
    Title Case phrases are the headline's style, not titles); ``previous``: what
    :func:`listed_after` gave for the quotation before it; ``echoed``: asked, for a short
    quote of the headline that no attribution ties to anyone, whether a longer quote of the
    article repeats its words ("special bond", then "a very special bond," Trump said), which
    makes it that speaker's.

    A quote takes a kind by the words around it (:func:`_kind_by_words`); else, when no
    attribution ties it to anyone, a short quote that is no sentence of its own is a
    ``scare`` quote and a Title Case one a ``title``; else a short quote that only a
    possessive or a label ties to a speaker is a ``scare`` quote.
    """
    first, last = group[0], group[-1]
    said_after = (found is not None and found.verb_start is not None
                  and 0 <= found.verb_start - _closing(last) <= 30)
    kind = _kind_by_words(text, masked, paragraphs, group, index, attributed=found is not None,
                          headline=headline, said_after=said_after, previous=previous)
    if kind is not None:
        return kind
    n_words = sum(len(WORD_RE.findall(text, s.start, s.end)) for s in group)
    title_case = _title_case(text, group) and not (headline and title_headline)
    if found is None and (n_words <= 2 or title_case):
        # A headline's short quote whose words a longer quote of the article repeats is that
        # speaker's; otherwise a scare quote or the title of a work.
        if headline and echoed is not None and echoed():
            return None
        if title_case or not _sentence_like(text, paragraphs, first, last):
            return "title" if title_case else "scare"
    if n_words <= 2 and found is not None and (
            _label(text, paragraphs, first, found)      # 'over the "sonic attack"'
            or found.verb is None and not _sentence_like(text, paragraphs, first, last)):
        return "scare"                  # "Pompeo's remarks ... over an "unusual" ...": a
                                        # possessive is too weak a tie for a short quote
    return None


def listed_after(kind: str | None, group: list[_Segment]) -> tuple[str, int] | None:
    """What a quote listed right after the quote ``group`` of author-voice ``kind`` shares
    (``previous`` of :func:`author_kind`): its kind and closing offset, for a title, a
    mention or a nickname (:data:`_LISTED`), else None."""
    return (kind, _closing(group[-1])) if kind in _LISTED else None


def _label(text: str, paragraphs, first: _Segment, found: Attribution) -> bool:
    """A short quote used as a name for something ("the 'sonic attack'"), not as speech:
    after "the", with a verb that does not take a label ("called it the 'farce'")."""
    lo, _ = paragraphs[first.paragraph]
    opening = first.open_mark if first.open_mark is not None else first.start
    before = text[max(lo, opening - 8):opening].split()
    lemma = FORM_TO_LEMMA.get((found.verb or "").lower())
    if before and POSSESSIVE_END.search(before[-1]) and found.speaker_start is not None \
            and found.speaker_start > opening:
        return True         # 'Obama's "pastor," Jeremiah Wright uttered': a label of the name
    return (bool(before) and before[-1].lower() == "the"
            and lemma not in {"call", "brand", "label", "dub", "term", "describe"})


def _kind_by_words(text: str, masked: str, paragraphs, group: list[_Segment],
                   index: TokenIndex, *, attributed: bool, headline: bool,
                   said_after: bool = False, previous: tuple[str, int] | None = None
                   ) -> str | None:
    """The kind that the quote ``group`` takes from the words around it, or None.

    ``attributed``: the attribution rules found a speaker or verb for it; ``headline``: it
    is in a headline (where a Title Case phrase is the headline's style, not a title);
    ``said_after``: its attribution verb follows right after it (a Title Case list of names
    is then speech: '"Cupich, Tobin, Farrell and McElroy," as Viganò testifies');
    ``previous``: the kind and closing offset of the quotation before it, when that was in
    the author's voice (a short quote listed after it shares its kind: 'the term "patient"
    with "monastery"').

    An attributed Title Case quote is a title here when no speech verb introduces it
    (:func:`_titled`); an unattributed one is left to :func:`author_kind`.
    """
    first, last = group[0], group[-1]
    if _so_called(text, paragraphs, first):
        return "so-called"
    before = _before(masked, paragraphs, first, index)
    words = [w for s in group for w in WORD_RE.findall(text, s.start, s.end)]
    n_words = len(words)
    tail = [t for t in before if not t.text.startswith(MASK)][-6:]
    clause = _clause(text, group)
    capital = text[first.start:first.start + 1].isupper()
    titled = _title_case(text, group) or (n_words <= 4 and capital)
    kind = _named_before([t.low for t in tail], [t.cap for t in tail], titled)
    if kind is not None and not (kind == "mention" and (clause or n_words > 6)):
        return kind                     # (not 'the phrase "Israel must be wiped out"', nor
                                        # 'scoffs at the notion of "a young clergy ..."')
    if previous is not None and n_words <= 6 and not clause:
        between = masked[previous[1]:_opening(first)]
        joined = " ".join(between.replace(MASK, " ").strip(" ,;\u201d\"'").split()).lower()
        if joined in _LIST_JOINERS and "\n" not in between:
            return previous[0]
    if headline:
        return None
    after = _after(masked, paragraphs, last, index)
    closing = _closing(last)
    content = text[last.start:last.end].rstrip()
    lo, _ = paragraphs[first.paragraph]
    # '"UK ambassador conveys concerns ...," by Rowena Mason, Guardian': a cited headline
    # (of a word or more: not '"," by Jane Roe')
    if (n_words and content.endswith(",") and len(after) >= 2 and after[0].low == "by" and after[1].cap
            and not masked[sentence_start(masked, lo, _opening(first)):_opening(first)].strip()):
        return "title"
    punctuated = content[-1:] in ",.;:!?…"
    # 'Ted "Chappaquiddick" Kennedy': between a name's words
    if (n_words <= 3 and capital and len(before) >= 2 and before[-1].cap
            and before[-2].text not in {".", ":", "!", "?"}
            and after and after[0].cap and after[0].start == closing + 1 and not punctuated):
        return "nickname"
    # 'these "red flag" laws', 'a "regime change" policy': a phrase that qualifies a noun (not
    # a word or an adjective phrase a speaker chose: 'a "huge" distrust', 'a "very
    # substantial chance"'; nor words named by the speech they are: 'his "..." remark')
    if (2 <= n_words <= 5 and not punctuated and not clause and before
            and before[-1].low in _DETERMINERS and after and after[0].start == closing + 1
            and after[0].text.isalpha() and after[0].text.islower()
            and after[0].low not in _NOT_NOUNS and after[0].low not in FORM_TO_LEMMA
            and after[0].low not in _DETERMINERS and after[0].low not in _SPEECH_NOUNS
            and not after[0].low.endswith(("ly", "ed", "ing"))
            and not any(w.lower() in _ADVERBS or w.lower().endswith("ly") for w in words)
            and not any(FORM_TO_LEMMA.get(t.low) in _LABELS for t in before[-4:-1])):
        return "modifier"               # (not 'what Ryan called a "Rockstar's" welcome')
    if attributed and not said_after and _titled(text, masked, paragraphs, group, index,
                                                 attributed):
        return "title"
    return None

"""Whose voice: quoted speech, its speaker and the attribution verb, with character offsets.

A slanted quote from a source is not the outlet's slant. This module finds the quoted speech in
an article so that the rest of the toolkit can score the author's words apart from the words
of the people quoted.

How quotes are found (rules, no model, nothing downloaded), one module per step:

1. **Marks** (:mod:`toolkit.quote_marks`): quotation marks are paired into quoted stretches,
   over several paragraphs where the news convention says so, nested quotes kept in the outer.
2. **Attribution** (:mod:`toolkit.attribution`): the words around a quote, with every quote
   masked out, are matched against the patterns of news attribution, from a reporting verb to
   its subject. Here, :func:`find_quotes` adds the conventions that need the whole article: a
   colon introduction in the sentence or paragraph before, "In X's eyes" and "his warning"
   without a verb, and a quote with no attribution of its own that follows a quote of the
   previous paragraph keeps that speaker.
3. **Speakers** (:mod:`toolkit.speakers`): pronouns, descriptions and documents are resolved
   to the person or organisation the article names, in the fullest form of the name. A quote
   the rules leave without a speaker takes the subject of the speech verb that governs it in
   a dependency parse of its sentence (:mod:`toolkit.parse_speakers`), resolved the same
   way, when spaCy is installed (``parse=False`` or ``NEWSBIAS_PARSER=0``: the rules alone).
4. **Scare quotes and headlines** (:mod:`toolkit.scare_quotes`). Quotation marks that hold
   no one's speech are the author's: a quote of one or two words with no attribution verb
   ("so-called 'experts'"), a Title Case phrase with no attribution or no speech verb before
   it (a title, a show, a slogan), a work, a nickname, a word talked about, a quote that
   qualifies a noun ('these "red flag" laws'). They are left out of the quotes and reported
   by :func:`author_quotes` with their kind. In a headline, a short quote whose words a
   longer quote of the article repeats is that quote's speaker's, and in a Title Case
   headline a capitalised verb ("Farage Warns 'We'll Lose'") still attributes.

The voice of any character offset is then "quote" inside a quote's ``[start, end)`` and
"author" everywhere else (see :func:`voice_at`).
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import accumulate
from .entities import _given_names, is_place
from .segmentation import WORD_RE
from .spans import Span
from .quote_marks import _double_segments, _outer, _Segment, _single_segments
from .scare_quotes import AUTHOR_KINDS, author_kind, listed_after
from .attribution import (
    _according, _after_attribution, Attribution, ATTRIBUTION_VERBS, _AUXILIARIES,
    _before_attribution, _capital_run, _choose, _cited_after, _clause_subject, _given_name,
    _clean_possessive, _DETERMINERS, _DOCUMENTS, _earlier_subject, FORM_TO_LEMMA, _INTRO,
    _is_name, _low, MASK, _name_of, _NP_STOP, _OBJECT_PRONOUNS, _PARTICLES, _PASSIVE_AUX,
    _phrase, POSSESSIVE_END, _PREPOSITIONS, _PRONOUNS, _QUOTE_END, _REFLEXIVES, _sentence_end,
    sentence_start, _tidy, _TITLES, Token, TokenIndex, _tokens, _verb_subject,
    _walk_forward)
from .speakers import (
    _coreferent, _description_head, _descriptions, _DOCUMENT_NOUNS, _document_owner,
    _expanded, _fullest, _name_runs, _NAME_STOP, _NameIndex, _normalise, _ORG_NOUNS,
    _organisation, _organisation_named, _person, _person_named, _person_noun, _PERSON_NOUNS,
    _resolve,
    _subject, _Timeline)

__all__ = ["Quote", "AuthorQuote", "AUTHOR_KINDS", "QUOTE_COLUMNS", "author_quotes",
           "find_quotations", "ATTRIBUTION_VERBS", "LOADED_REPORT_VERBS", "find_quotes",
           "voice_at", "quote_regions", "quotes_frame", "report_verb_spans"]

#: The columns of the ``quotes`` table.
QUOTE_COLUMNS = ["paragraph", "start", "end", "text", "speaker", "verb"]

#: Report verbs that judge the speaker ("she admitted", "he claimed"): evidence against the
#: author, in the cue category ``report_verb``.
LOADED_REPORT_VERBS = frozenset(
    "claim admit insist concede allege boast brag slam blast complain lament rant fume scoff "
    "sneer tout whine mock thunder confess".split())


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


@dataclass(frozen=True, slots=True)
class AuthorQuote:
    """Quotation marks in the author's own voice (:mod:`toolkit.scare_quotes`): no one's
    speech, so not a :class:`Quote`. ``text == article_text[start:end]``, the words inside
    the marks; ``kind`` is one of :data:`AUTHOR_KINDS` ("title", "nickname", "scare", ...)."""

    paragraph: int
    start: int
    end: int
    text: str
    kind: str

    def span(self) -> Span:
        """The author-voice ``scare_quote`` evidence span, its rule in ``source``."""
        return Span(self.start, self.end, self.text, "scare_quote", 1.0,
                    f"voice:{self.kind}", "author")


def find_quotes(text: str, paragraphs: list[tuple[int, int]] | None = None, *,
                parse: bool = True) -> list[Quote]:
    """Find the quoted speech in ``text`` with its speaker and attribution verb.

    Parameters
    ----------
    text : str
        The article text.
    paragraphs : list of (int, int), optional
        Paragraph ranges into ``text`` (as :class:`~toolkit.loading.Article` has them); the
        text is split on blank lines when omitted.
    parse : bool
        Fill the speakers the rules leave out from a dependency parse (see
        :func:`find_quotations`); False gives the rules alone, faster.

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
    return find_quotations(text, paragraphs, parse=parse)[0]


def author_quotes(text: str, paragraphs: list[tuple[int, int]] | None = None
                  ) -> list[AuthorQuote]:
    """The quotation marks in ``text`` that hold no one's speech: the author's scare quotes,
    titles of works, nicknames and words talked about (:mod:`toolkit.scare_quotes`), which
    :func:`find_quotes` leaves out.

    Examples
    --------
    >>> text = 'She said it was "unacceptable." He watched the movie "Spotlight" twice.'
    >>> [(q.text, q.kind) for q in author_quotes(text)]
    [('Spotlight', 'title')]
    """
    return find_quotations(text, paragraphs, speakers=False)[1]


def find_quotations(text: str, paragraphs: list[tuple[int, int]] | None = None, *,
                    parse: bool = True, speakers: bool = True
                    ) -> tuple[list[Quote], list[AuthorQuote]]:
    """Every pair of quotation marks in ``text``, split by voice: ``(quotes,
    author_quotes)``, what :func:`find_quotes` and :func:`author_quotes` return, found at
    once.

    With ``parse`` (the default), a quote the rules leave without a speaker, or with a
    phrase that names no one, takes the subject of the speech verb that governs it in the
    dependency parse (:mod:`toolkit.parse_speakers`), when there is a parser, and a rule
    speaker that is a clause, opens with an imperative or is not named in the quote's
    sentence is corrected (:func:`_parsed`); then one still without a speaker that carries
    on an attributed quote of its sentence takes its speaker (:func:`_continued`). Only speakers differ with ``parse=False``: the quotes,
    their places and verbs are the same.

    With ``speakers=False`` every quote's speaker is left None (``parse`` is then moot):
    the quotes, their places and verbs and the author's marks are the same, found without
    the work that only names speakers (the name index, who speaks where, pronouns and
    descriptions resolved), which is most of the time of an article with quotes.

    Examples
    --------
    >>> quotes, marks = find_quotations('"We won," Smith told CBS’ "Face the Nation."')
    >>> [(q.text, q.speaker) for q in quotes], [(m.text, m.kind) for m in marks]
    ([('We won,', 'Smith')], [('Face the Nation.', 'title')])
    """
    quotes, author, fill = _quotations(text, paragraphs, speakers=speakers)
    return (fill(quotes) if parse and fill is not None else quotes), author


def _quotations(text: str, paragraphs: list[tuple[int, int]] | None, *,
                speakers: bool = True):
    """:func:`find_quotations` by the rules: ``(quotes, author_quotes, fill)``, ``fill``
    giving the quotes with the parse's speakers (None when there are no quotes, or
    without ``speakers``: then no quote has a speaker)."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if paragraphs is None:
        from .loading import split_paragraphs

        paragraphs = split_paragraphs(text)
    paragraphs = [(int(s), int(e)) for s, e in paragraphs]
    if not text.strip() or not paragraphs:
        return [], [], None
    segments = _outer(_double_segments(text, paragraphs) + _single_segments(text, paragraphs))
    if not segments:
        return [], [], None            # no quotation marks: nothing to attribute
    groups = _group(text, segments)
    masked = _mask(text, segments)
    headline = len(paragraphs) > 1 and _title_case_line(text, *paragraphs[0])
    if headline:
        # "Nigel Farage Warns “We’ll Lose”": a Title Case headline's verbs are verbs.
        lo, hi = paragraphs[0]
        masked = masked[:lo] + re.sub(
            r"[A-Z][a-z]+", lambda m: m.group().lower() if m.group().lower() in FORM_TO_LEMMA
            else m.group(), masked[lo:hi]) + masked[hi:]
    index = TokenIndex(masked, paragraphs)     # the paragraphs' tokens, read many times
    title_line = headline and not text[slice(*paragraphs[0])].rstrip().endswith((".", "!"))
    names = None                                # built when a rule first needs it
    timeline = None

    def the_names() -> _NameIndex:
        """The article's names, built the first time a rule asks."""
        nonlocal names
        if names is None:
            # a Title Case line (the headline, a subheading: "WikiLeaks Exposed Clinton")
            # gives no longer form of a name: its verbs are capitalised too
            names = _name_runs(text, [_off_subheadings(text, tokens) if k or not title_line
                                      else [] for k, tokens in enumerate(index.of_paragraph)],
                               masked)
        return names

    if speakers:
        the_names()                             # (every rule below reads ``names``)

    def the_timeline() -> _Timeline:
        """Who speaks and who is named where, built the first time a rule asks."""
        nonlocal timeline
        if timeline is None:
            timeline = _Timeline(*_named_attributions(text, index.of_paragraph), the_names(),
                                 masked)
        return timeline

    chain = None                                # the last "he"/"she" resolved, and where
    descriptions = None                         # built when a description needs a name
    quotes: list[Quote] = []
    echoes: dict[int, int] = {}                          # quote index -> group index
    unattributed: list[int] = []                         # groups left without a speaker
    quote_of_group: dict[int, int] = {}
    kinds: list[str | None] = []                         # how each quote got its speaker
    previous: tuple[int, Attribution, int] | None = None  # (paragraph, attribution, end)
    author: list[AuthorQuote] = []                       # quotation marks of the author's
    listed = None                                        # (kind, end) of the last, if listed
    echo = None                                          # a longer quote repeating groups[g]

    def echoed() -> bool:
        """Whether a longer quote repeats the words of the quote ``groups[g]`` (asked by
        :func:`~toolkit.scare_quotes.author_kind` of a short headline quote; it is then the
        longer quote's speaker's)."""
        nonlocal echo
        echo = _echo(text, groups, g)
        return echo is not None

    def named(speaker: str, speaker_end: int | None, at: int, in_headline: bool) -> str:
        """A speaker phrase as the article names it: the fullest form of a name, an acronym
        spelt out, a description or document resolved to the person or body."""
        nonlocal descriptions
        speaker = _expanded(_normalise(speaker, at, names), text)
        described = (speaker if speaker and speaker[:4].lower() == "the "
                     and speaker[4:].islower() else None)
        noun = _low(described.rsplit(None, 1)[-1]) if described else None
        if noun in _ORG_NOUNS or noun in _PERSON_NOUNS:
            # "Whataburger told Fox News ... "...," the company said": the body named;
            # "Orban replied: ... the tough-talking politician said": the person
            by = _organisation_named if noun in _ORG_NOUNS else _person_named
            speaker = by(speaker, at, the_timeline())
            if speaker == described and noun in _DOCUMENT_NOUNS:
                # "the paper said" of no outlet the article names: a document
                speaker = _document_owner(described, at, masked, names) or described
        elif speaker and _low(speaker.rsplit(None, 1)[-1]) in _DOCUMENT_NOUNS:
            # "the statement said": who issued it
            speaker = _document_owner(speaker, at, masked, names) or speaker
        elif speaker and (
                _description_head(speaker)
                or re.fullmatch(r"an? [a-z]+(?: [a-z]+){0,2}", speaker)
                or re.fullmatch(r"(?:[Tt]he )?[A-Z]{2,4}", speaker)
                or (in_headline and _description_head(speaker, capitalised=True))):
            # "the Russian ambassador said": the person the article describes so; a
            # headline's "Shooting Victim: ..." likewise
            if descriptions is None:
                descriptions = _descriptions(text, masked, names)
            speaker = _coreferent(speaker, speaker_end, at, text, masked, names,
                                  descriptions) or speaker
        return speaker

    for g, group in enumerate(groups):
        found = _attribute(text, masked, paragraphs, group, index)
        first, last = group[0], group[-1]
        cited = None
        if found is None or found.verb is None:
            # '"Evil men understand not judgment" (Proverbs 28:5)': the citation speaks
            cited = _cited_after(text, last.end)
            found = cited or found
        n_words = sum(len(WORD_RE.findall(text, s.start, s.end)) for s in group)
        echo = None
        in_headline = len(paragraphs) > 1 and first.paragraph == 0
        # The author's own quotation marks (scare_quotes): a title, a nickname, a word
        # talked about, 'these "red flag" laws', a scare quote
        kind = author_kind(text, masked, paragraphs, group, index, found=found,
                           headline=in_headline, title_headline=headline, previous=listed,
                           echoed=echoed)
        listed = listed_after(kind, group)
        if kind is not None:
            author.append(AuthorQuote(first.paragraph, first.start, last.end,
                                      text[first.start:last.end], kind))
            continue
        if found is None:
            found = _possessor(masked, paragraphs, first)   # 'Bergoglio’s response, "..."'
        if (found is None and echo is None and previous is not None
                and previous[0] >= first.paragraph - 1
                and (_standalone(masked, paragraphs, first)
                     or _close_after(masked, previous[2], _para_start(first), index,
                                     the_names, previous[1].speaker_end))):
            inherited = previous[1]
            found = Attribution(inherited.speaker, inherited.speaker_start,
                                 inherited.speaker_end, None, None, None)
        if found is None and echo is None:
            found = _colon_intro(text, masked, paragraphs, first, index)
        weak = False
        if (speakers and found is None and echo is None and n_words >= 3
                and not (title_line and first.paragraph == 0)):
            # 'Rep. Ann Roe defended him as an "outstanding human being"': no attribution
            # verb, but the words are the subject's (a person's: "he", "she" or a name the
            # article gives a first name or a title; a speaker, never a verb)
            found = _subject_words(text, masked, paragraphs, first, index, names,
                                   the_timeline().speakers)
            weak = found is not None
        if speakers and found is not None and found.speaker:
            at = found.speaker_start if found.speaker_start is not None else first.start
            if found.speaker.lower() in _PRONOUNS:
                timeline = the_timeline()
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
            found.speaker = named(found.speaker, found.speaker_end, at, in_headline)
        start, end = first.start, last.end
        quote_of_group[g] = len(quotes)
        if echo is not None:
            echoes[len(quotes)] = echo
        if found is None:
            quotes.append(Quote(first.paragraph, start, end, text[start:end]))
            if echo is None:
                unattributed.append(g)
        elif not speakers:
            quotes.append(Quote(first.paragraph, start, end, text[start:end], None,
                                found.verb, None, None, found.verb_start, found.verb_end))
            # The speaker as the rules read it: resolving it (below) puts a name or a fuller
            # one in its place, never none, so the quote carried on is the same.
            if found.speaker and cited is None:
                previous = (last.paragraph, found, last.end)   # (weak is False here)
        else:
            quotes.append(Quote(first.paragraph, start, end, text[start:end], found.speaker,
                                found.verb, found.speaker_start, found.speaker_end,
                                found.verb_start, found.verb_end))
            if found.speaker and not weak and cited is None:
                previous = (last.paragraph, found, last.end)
        kinds.append("weak" if weak else "cited" if cited is not None
                     else "rule" if found is not None and found.speaker
                     else "echo" if echo is not None else None)
    if not speakers:
        return quotes, author, None
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
        subject = _headline_subject(index.tokens(0), names)
        if subject is not None:
            quotes = [replace(q, speaker=subject[0], speaker_start=subject[1],
                              speaker_end=subject[2])
                      if q.paragraph == 0 and not q.speaker else q for q in quotes]

    def fill(found: list[Quote]) -> list[Quote]:
        """The quotes with the parse's speakers where the rules have none (or junk), and
        the rules' corrected (:func:`_parsed`)."""
        from .parsing import parser

        if parser() is None:
            return found                    # the rules alone
        return _continued(text, masked, paragraphs, _parsed(text, found, named, the_timeline))

    return quotes, author, fill


#: Words a parse may name as a quote's subject that are no one ("this article", "the quote").
_NO_ONE = frozenset("""i me we us you they them it this that these those who whom which what
one someone somebody anyone anybody everyone everybody nobody article piece quote quotes
story headline text sentence passage paragraph phrase word words term line""".split())
#: First words of rule speakers that name no one, by word class: a formatting note
#: ("Emphasis added"), a wh-word ("Where Trump ..."), a sentence adverb or preposition
#: ("Nearly", "Historically dubbed", "Except"), a quantifier ("Both", "Everyone"), a text noun
#: ("Article").
_NOT_SPEAKERS = frozenset("""emphasis italics bold translation where which when what why how
here again nearly historically except both everyone article""".split())
#: Verbs that open an author's aside to the reader in the imperative ("Remember that Mohamed
#: Atta ... told passengers", "Consider Keith Ellison", "WATCH:"): no speaker's first word.
_IMPERATIVES = frozenset("""remember recall consider imagine note notice look see watch listen
read behold suppose""".split())


def _junk(speaker: str | None) -> bool:
    """No speaker, or a rule speaker that names no one (:data:`_NOT_SPEAKERS`: "Emphasis",
    "Nearly", "Where Trump"), alone or before a capitalised word."""
    if not speaker:
        return True
    words = speaker.split()
    return _low(words[0]) in _NOT_SPEAKERS and (len(words) == 1 or words[1][:1].isupper())


def _unbidden(text: str, q: Quote) -> Quote:
    """``q`` with a rule speaker that opens with a capitalised imperative
    (:data:`_IMPERATIVES`: the name index joins it to the name after it) without it: no
    speaker when no capitalised word follows ("Remember"), else the name ("Consider Keith
    Ellison" -> "Keith Ellison"); not when the text has the name after a word ("the Watch
    Tower Society": no imperative)."""
    words = (q.speaker or "").split()
    if not words or not words[0][:1].isupper() or _low(words[0]) not in _IMPERATIVES:
        return q
    if len(words) == 1 or not words[1][:1].isupper():
        return replace(q, speaker=None, speaker_start=None, speaker_end=None)
    at = text.find(f"{words[0]} {words[1]}")
    if at > 0 and text[max(0, at - 80):at].rstrip()[-1:].isalnum():
        return q
    start = q.speaker_start
    if start is not None and text.startswith(words[0], start):
        start += len(words[0])
        while start < len(text) and text[start].isspace():
            start += 1
    return replace(q, speaker=" ".join(words[1:]), speaker_start=start)


def _named_one(speaker: str) -> bool:
    """Whether a speaker the parse gives names someone: a name (a capitalised word past a
    leading determiner: "The Catechism", "an Obama spokeswoman"), not a lower-case thing
    ("The letter", "The OIG report", "Official figures")."""
    words = speaker.split()
    last = words[-1]
    if last[:1].islower() and not _person_noun(_low(last)):
        return False
    return any(w[:1].isupper() for w in words[1:]) or (len(words) == 1 and last[:1].isupper())


def _parsed(text: str, quotes: list[Quote], named, the_timeline) -> list[Quote]:
    """``quotes`` with a speaker from the dependency parse for each that the rules leave
    without one or with :func:`_junk`: the subject of the speech verb governing the quote
    (:func:`toolkit.parse_speakers.governing_speakers`), a pronoun resolved as the rules
    resolve one, a relative pronoun to its noun, a surname to its fullest form
    (``named``); answers that name no one are dropped. A rule speaker's imperative
    ("Remember", "Consider Keith Ellison") is left off first (:func:`_unbidden`). A rule
    speaker that the quote's sentence does not name gives way to a name that is the
    subject of a speech verb governing the quote. Speakers only: the rest of each quote is
    kept. Called by ``fill`` of :func:`find_quotations` once it has a parser."""
    from .parse_speakers import finite_clauses, governing_speakers, named_in_sentence

    out = [replace(q, speaker=None, speaker_start=None, speaker_end=None) if q.speaker
           and _junk(q.speaker) else _unbidden(text, q) for q in quotes]
    # a rule speaker that is a clause ("Duke makes the wild"): the parse's answer, if any
    several = [k for k, q in enumerate(out) if q.speaker and " " in q.speaker]
    clauses = {k for k, c in zip(several, finite_clauses(
        [out[k].speaker for k in several])) if c}
    title_lines: dict[tuple[int, int], bool] = {}

    def on_title_line(at: int) -> bool:
        """Whether ``at`` is on a Title Case line (each line read once: 3,000 quotes on one
        line of an article would read it 3,000 times)."""
        line = _line(text, at)
        if line not in title_lines:
            title_lines[line] = _title_case_line(text, *line)
        return title_lines[line]

    # (not on a Title Case line, a headline's: "Leaked Doc Reveals ... "Regime Change"")
    wanted = [k for k, q in enumerate(out) if (not q.speaker or k in clauses)
              and not on_title_line(q.start)]
    found = governing_speakers(text, [(quotes[k].start, quotes[k].end) for k in wanted],
                               quoted=[(q.start, q.end) for q in quotes]) or [None] * len(wanted)
    # a rule speaker the quote's sentence does not name (carried from earlier text, or a
    # pronoun resolved elsewhere) gives way to a name the parse finds as the subject of a
    # speech verb governing the quote ("As Pope Benedict has observed, ... "..."")
    carried = [k for k, q in enumerate(out) if q.speaker and k not in clauses
               and not named_in_sentence(text, q.start, q.end, q.speaker)
               and not on_title_line(q.start)]
    found += governing_speakers(text, [(quotes[k].start, quotes[k].end) for k in carried],
                                quoted=[(q.start, q.end) for q in quotes],
                                speech_only=True) or [None] * len(carried)
    wanted += carried
    carried = set(carried)
    starts = [q.start for q in quotes]      # in order (the quotes' own), searched by bisection
    reach = list(accumulate((q.end for q in quotes), max))
    for k, g in zip(wanted, found):
        if g is None:
            continue
        start, end = _trimmed(text, *(g.relative if g.relative else (g.start, g.end)))
        if start == end:
            continue
        before = bisect_right(starts, start)
        if before and reach[before - 1] > start:
            continue                        # the quote's own words
        phrase = text[start:end]
        low = phrase.lower()
        if k in carried and (g.verb == "according" or g.relative is not None
                             or low in {"he", "she"} or not phrase.split()[-1][:1].isupper()):
            continue                        # only a name a speech verb's subject gives
        if low in {"he", "she"}:
            speaker = _resolve(low, start, the_timeline())
            if speaker.lower() == low:
                continue
        else:
            words = [_low(w) for w in phrase.split()]
            if not words or words[0] in _NO_ONE or words[-1] in _NO_ONE:
                continue
            speaker = _tidy(phrase)
        speaker = named(speaker, end, start, False)   # as the rules name theirs (resolved
                                                      # pronouns too: "Roe" -> "Ann Roe")
        if (not speaker or _not_a_speaker(speaker) or _junk(speaker)
                or not _named_one(speaker)):
            continue
        # (the name index may give the fullest form with an imperative: "Ellison" ->
        # "Consider Keith Ellison")
        out[k] = _unbidden(text, replace(out[k], speaker=speaker, speaker_start=start,
                                         speaker_end=end))
    return out


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the spaces and invisible format characters (zero-width
    space, joiners, a BOM) at either end that a parser's token can carry ("Smith\u200b")."""
    while end > start and (text[end - 1].isspace() or unicodedata.category(text[end - 1]) == "Cf"):
        end -= 1
    while start < end and (text[start].isspace() or unicodedata.category(text[start]) == "Cf"):
        start += 1
    return start, end


def _continued(text: str, masked: str, paragraphs, quotes: list[Quote]) -> list[Quote]:
    """A quote left without a speaker that carries on the quote before it in the same
    sentence, whose speaker that sentence names ('Faggioli fretted that the scandal "has
    created a great power vacuum" that could be filled by the "neo-traditionalist
    Catholicism"', 'he filed forms "under penalty of perjury" that two houses were needed
    as "..."'), is that speaker's: not across a speech verb ('A fretted that "..." but they
    insist it is "..."'), not across a line, not from a
    speaker named before the sentence (the sentence itself joins the quotes to its
    speaker), nor from a label ('Secret Agenda Revealed: "..." but "..."')."""
    from .parse_speakers import speech_between

    out = list(quotes)
    for k in range(1, len(quotes)):
        q, src = out[k], out[k - 1]
        if (q.speaker or not src.speaker or src.speaker_start is None
                or src.paragraph != q.paragraph or "\n" in text[src.end:q.start]):
            continue
        lo = paragraphs[q.paragraph][0]
        start = sentence_start(masked, lo, q.start)
        if not start <= src.speaker_start < q.start or sentence_start(
                masked, lo, src.start) != start:
            continue
        if text[src.speaker_end:src.speaker_end + 1] == ":":
            continue                        # a label, not the sentence's subject
        if speech_between(masked, src.end, q.start):     # (MASK is no letter)
            continue
        out[k] = replace(q, speaker=src.speaker, speaker_start=src.speaker_start,
                         speaker_end=src.speaker_end)
    return out


def _coordinated(masked: str, lo: int, at: int, names: _NameIndex) -> str | None:
    """The people a coordinated subject names at the start of the sentence before ``at``
    ("British Prime Minister Theresa May, French President Emmanuel Macron and German
    Chancellor Angela Merkel issued ..." -> "Theresa May, Emmanuel Macron and Angela
    Merkel"): two or more names of people, each a full name, joined by commas and "and"."""
    start = sentence_start(masked, lo, at)
    if start <= lo:
        return None
    prev = sentence_start(masked, lo, start - 1)
    people: list[str] = []
    run: list[Token] = []
    joined = False
    for tok in _tokens(masked, prev, start) + [None]:
        if tok is not None and tok.cap and not tok.verb:
            run.append(tok)
            continue
        if run:
            inside = names.before(run[-1].end, run[-1].end - run[0].start)
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


def _headline_subject(tokens: list[Token], names: _NameIndex):
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
    if (len(words) == 1 and first in _UNNAMED) or (
            len(words) > 1 and words[-1] == "I" and words[-2][:1].islower()):
        return True                         # "it"; "the facts I": a clause, not a name
                                            # (but "Pope John Paul I" is one)
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
    Cordes wrote'), or to a quote its sentence's subject speaks ('Roe defended him as "A" and
    "B"'), is the same speaker's; so is one on the next line that names no one."""
    out = list(quotes)
    for k, q in enumerate(quotes):
        if q.speaker or kinds[k] == "echo":
            continue
        for j in (k + 1, k - 1):
            if not (0 <= j < len(quotes)) or not (
                    kinds[j] == "rule" and quotes[j].verb is not None or kinds[j] == "weak"):
                continue                    # (weak: 'defended him as "A" and "B"')
            a, b = (q, quotes[j]) if j > k else (quotes[j], q)
            between = masked[a.end:b.start].strip(MASK + _QUOTE_END + " ,;\u2019\u201d\"'")
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
        words = re.findall(r"[\w’'-]+", masked[lo:hi].replace(MASK, " "))
        if any(w[:1].isupper() and _low(w) not in _NAME_STOP
               and not (POSSESSIVE_END.search(w) and is_place(_clean_possessive(w)))
               for w in words) or any(_low(w) in FORM_TO_LEMMA for w in words):
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


def _close_after(masked: str, end: int, opening: int, index: TokenIndex,
                 names: Callable[[], _NameIndex], speaker_end: int | None = None) -> bool:
    """A partial quote in the sentence right after a speaker's quote ('... isn't real.” And
    her lawyer is “even loonier.”'): the same speaker's, when no one else is named between
    ('... never get it.” Sen. Orrin Hatch attacked Democrats for the “circus ...”' is not).
    ``names`` gives the article's names, asked only when the rest holds."""
    between = masked[end:opening]
    return (len(between) <= 120 and MASK not in between
            and not any(t.verb for t in index.between(end, opening))
            and not any(not is_place(" ".join(n.words))        # a place is not a person
                        for n in names().before(opening,
                                                opening - max(end, speaker_end or 0))))


def _title_case_line(text: str, lo: int, hi: int) -> bool:
    """A headline in Title Case: nearly every word of four letters or more capitalised."""
    long = [w for w in WORD_RE.findall(text, lo, hi) if len(w) > 3]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.8 * len(long)


def _off_subheadings(text: str, tokens: list[Token]) -> list[Token]:
    """``tokens`` without those on a subheading: a short Title Case line with no sentence
    end, inside a paragraph of several lines ("WikiLeaks Exposed Clinton")."""
    if not tokens:
        return tokens
    lo, hi = tokens[0].start, tokens[-1].end
    if text.find("\n", lo, hi) < 0:
        return tokens
    drop = []
    start = text.rfind("\n", 0, lo) + 1
    while start < hi:
        end = text.find("\n", start, hi)
        end = hi if end < 0 else end
        line = text[start:end].rstrip()
        if (line and not line.endswith((".", "!", "?", ":", ",", "”", '"'))
                and len(line.split()) <= 12 and _title_case_line(text, start, end)):
            drop.append((start, end))
        start = end + 1
    if not drop:
        return tokens
    return [t for t in tokens if not any(a <= t.start < b for a, b in drop)]


def _standalone(masked: str, paragraphs, first: _Segment) -> bool:
    """A quote that starts its sentence (so it can carry on the previous speaker's words)."""
    lo, _ = paragraphs[first.paragraph]
    opening = first.open_mark if first.open_mark is not None else first.start
    return not masked[sentence_start(masked, lo, opening):opening].strip()


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
        chars[lo:hi] = MASK * (hi - lo)
        if hi - lo > 1 and text[seg.start:seg.end].rstrip().endswith((".", "!", "?", "…")):
            chars[hi - 1] = _QUOTE_END          # the quote ends its sentence
    return "".join(chars)


_EDITED_END = re.compile(r"\[([,.?!])\]$")         # a mark the editor added: "...him[,]"


def _attribute(text: str, masked: str, paragraphs, group: list[_Segment], index: TokenIndex
               ) -> Attribution | None:
    first, last = group[0], group[-1]
    according = tight = None
    # 1. right after the closing mark of any piece ("...," he said. "More...")
    for seg in group:
        lo, hi = paragraphs[seg.paragraph]
        after = seg.close_mark + 1 if seg.close_mark is not None else seg.end
        end = _sentence_end(masked, after, hi)
        mask_at = masked.find(MASK, after, end)
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
    start = sentence_start(masked, lo, opening)
    found = _before_attribution(text, index.between(start, opening))
    if label and (label.start(1) == lo or label.start(1) > head) and not (
            found and found.speaker
            and found.speaker.split()[-1].lower() == label.group(1).lower()):
        # a transcript's label opening the quote's line ("ESERMAN: "...) names who speaks
        # (the line before, "Smith says:", keeps its verb when it names the same person)
        return Attribution(label.group(1), label.start(1), label.end(1), None, None, None)
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
            return Attribution(_tidy(name), s, e, according.verb, according.verb_start,
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


def _sentence_final(text: str, masked: str, paragraphs, seg: _Segment, index: TokenIndex
                    ) -> Attribution | None:
    """'... "a variety of symptoms" starting in late 2017, Nauert said.': the attribution
    closing the quote's sentence after a comma."""
    lo, hi = paragraphs[seg.paragraph]
    after = seg.close_mark + 1 if seg.close_mark is not None else seg.end
    end = _sentence_end(masked, after, hi)
    later = masked.rfind(MASK, after, end)
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


#: Nouns for what someone said, whose possessor speaks the quote they introduce.
_SPEECH_NOUNS = ("response|reply|words|remarks?|comments?|answer|statement|retort|quip|"
                 "plea|promise|vow|admission|boast|assertion|declaration|explanation")
_POSSESSOR = re.compile(
    r"(?<![\w’'])([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})[’']s\s+(?:[a-z-]+\s+){0,2}"
    rf"(?:{_SPEECH_NOUNS})\s*[,:]?\s*$")


def _possessor(masked: str, paragraphs, seg: _Segment) -> Attribution | None:
    """A quote right after a possessive name and a noun for speech ("Fisher is incensed by
    Bergoglio’s cunning response, “I will not say a single word”", "Anderson’s
    declaration “...”"): the possessor's words, not the sentence subject's."""
    lo = paragraphs[seg.paragraph][0]
    opening = seg.open_mark if seg.open_mark is not None else seg.start
    m = _POSSESSOR.search(masked, max(lo, opening - 120), opening)
    if m is None or m.group(1).split()[0].lower() in _NAME_STOP:
        return None
    return Attribution(m.group(1), m.start(1), m.end(1), None, None, None)


def _colon_intro(text: str, masked: str, paragraphs, seg: _Segment, index: TokenIndex
                 ) -> Attribution | None:
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
        start = sentence_start(masked, plo, phi - 1)
        found = _before_attribution(text, index.between(start, phi))
        if found and not before_text.endswith(":"):
            # 'Mercer said his members had no choice.' then a quote paragraph: his words,
            # but the verb introduces the reported speech, not the quote.
            found.verb = found.verb_start = found.verb_end = None
        return found
    if before.endswith(":"):
        start = sentence_start(masked, lo, lo + len(before) - 1)
        tokens = index.between(start, lo + len(before))
        found = _before_attribution(text, tokens)
        if found is None:
            # "..., the cardinal made it clear what he thinks: "...": the sentence's subject
            subject = _clause_subject(text, tokens)
            if subject and subject[0].split()[0].lower() not in _PRONOUNS | {"it", "this"}:
                return Attribution(_tidy(subject[0]), subject[1], subject[2], None, None, None)
        return found
    return None


def _subject_words(text: str, masked: str, paragraphs, seg: _Segment, index: TokenIndex,
                   names: _NameIndex, speakers=()) -> Attribution | None:
    """A quote inside a sentence with no attribution verb: the sentence's subject, when it
    is a name or "he"/"she" ('Davis defended Farrakhan as an "outstanding human being"'), or
    a name (a person's or a body's) that the article attributes speech to elsewhere
    (``speakers``: ``(offset, speaker)``; 'Trump ripped the calls in favor of a more "simple
    immigration plan"'), with the quote in the subject's own clause."""
    lo, hi = paragraphs[seg.paragraph]
    opening = seg.open_mark if seg.open_mark is not None else seg.start
    start = sentence_start(masked, lo, opening)
    tokens = index.between(start, opening)
    quoted = any(t.text.startswith(MASK) for t in tokens)     # a quote before, same sentence
    if len(tokens) < 3:
        return None
    if tokens[-1].low in {"titled", "entitled"} or [t.low for t in tokens[-2:]] == ["author", "of"]:
        return None                     # "X is the author of "The Greatest Comeback"": a title
    subject = _clause_subject(text, tokens)
    if subject is None or not (_is_name(subject) or _tidy(subject[0]).lower() in {"he", "she"}):
        # "That system would require more judges and Trump ripped the calls for ... a more
        # "simple immigration plan"": the subject of the last clause joined by "and"
        j = next((j for j in range(len(tokens) - 2, 0, -1)
                  if tokens[j].low == "and" and tokens[j + 1].cap), None)
        later = _clause_subject(text, tokens[j + 1:]) if j is not None else None
        if later is None or not _is_name(later):
            return None
        name = _tidy(later[0])
        words = _fullest(tuple(name.split()), names).split()
        if not (words and _voiced_in_clause(name, words, later[2], tokens, masked, speakers)):
            return None
        return Attribution(name, later[1], later[2], None, None, None)
    name = _tidy(subject[0])
    if name.lower() in {"he", "she"} and quoted:
        return None
    if name.lower() not in {"he", "she"}:
        words = _fullest(tuple(name.split()), names).split()
        if not (_is_name(subject) and words and (
                (not quoted and len(words) > 1 and words[0] in _given_names())
                or (not quoted and names.titles_of.get(words[-1]))
                or _voiced_in_clause(name, words, subject[2], tokens, masked, speakers))):
            return None
    return Attribution(name, subject[1], subject[2], None, None, None)


_CLAUSE_BREAKS = frozenset("""that who whom which whose whether if because while when where
as after before since although though , ; : — – ( )""".split())


def _own_clause(after: list[Token]) -> bool:
    """Whether the words between a subject and its quote stay in the subject's clause: no
    "that"-clause or relative, no punctuation, no other capitalised name, no passive ("Haig
    was named as a "person of interest"": someone else's label). Earlier quotes of the
    clause and the commas after them are a list ('ordered "...," "...," and "..."')."""
    after = [t for k, t in enumerate(after) if not t.text.startswith(MASK)
             and not (t.text == "," and k and after[k - 1].text.startswith(MASK))]
    if any(t.low in _CLAUSE_BREAKS or t.cap for t in after):
        return False
    lows = [t.low for t in after[:3]]
    return not any(w in _PASSIVE_AUX and k + 1 < len(lows) and lows[k + 1].endswith(("ed", "en"))
                   for k, w in enumerate(lows))


def _voiced_in_clause(name: str, words: list[str], end: int, tokens: list[Token],
                      masked: str, speakers) -> bool:
    """Whether a subject ``name`` (``words``: its fullest form) that ends at ``end`` speaks a
    quote in its clause: the article gives it speech elsewhere, the words from it to the
    quote (``tokens``) stay in its clause, and its first word is capitalised mid-sentence
    somewhere (a name, not an imperative opening a line: "Watch this ...")."""
    return (_speaks_elsewhere(words, speakers)
            and _own_clause([t for t in tokens if t.start >= end])
            and re.search(r"[a-z,;] " + re.escape(name.split()[0]) + r"\b", masked) is not None)


def _speaks_elsewhere(words: list[str], speakers) -> bool:
    """Whether a name (its words, fullest form) is the speaker of an attribution in the
    article: the same last word."""
    last = words[-1].lower()
    return any(speaker.split()[-1].lower() == last for _, speaker in speakers if speaker)


def _named_attributions(text: str, tokens_of: list[list[Token]]) -> tuple[list, list]:
    """Who speaks where: ``(offset, speaker)`` for every attribution in the article (quotes
    and reported speech), and ``(offset, name)`` for every title+name mention.

    ``tokens_of`` holds the tokens of each paragraph of the masked text."""
    speakers, mentions, subjects = [], [], []
    proper = set()                   # capitalised words seen mid-sentence: names, not "Then"
    for tokens in tokens_of:
        for prev, tok in zip(tokens, tokens[1:]):
            if tok.cap and prev.text not in {".", "!", "?", ":"} and prev.text[0] != MASK:
                proper.add(tok.text)
    for tokens in tokens_of:
        sentence_start = after_intro = 0
        for v, tok in enumerate(tokens):
            if tok.text in {".", "!", "?", ";"} or tok.text.startswith(MASK):
                sentence_start = v + 1
            if v == sentence_start and tok.low in _INTRO:
                # "In court, Bacon badgered Hadeed.": the subject after a short opening phrase
                comma = next((j for j in range(v + 1, min(len(tokens), v + 6))
                              if tokens[j].text in {",", ".", "!", "?", ";"}), None)
                if comma is not None and tokens[comma].text == ",":
                    after_intro = comma + 1
            if (v == sentence_start or (v == after_intro and v > sentence_start)
                    or (v == sentence_start + 1 and tokens[sentence_start].low in _SUBORDINATORS)
                    ) and tok.cap:
                # ("When Harold Pinter accepted the prize, he ...": the subordinate clause's
                # subject is a person whom "he" can refer to)
                # The run that opens the sentence ("Jean-Clément Jeanbart, the Melkite ...":
                # not the last run of the next five words, "Melkite").
                lead: list[Token] = []
                for t in tokens[v:v + 5]:
                    if not (t.cap or (lead and t.low in _PARTICLES)):
                        break
                    lead.append(t)
                run = _capital_run(lead)
                if ((len(run) >= 2 or (run and run[0].text in proper)) and run[0] is tok
                        and tok.low not in _NP_STOP and tok.low not in _INTRO
                        and tok.low not in _DETERMINERS
                        # (a plural, "Democrats", is no one; a first name, "Francis", is)
                        and not (run[-1].low.endswith("s") and not (
                            _given_name(run[-1].text) and all(t.text.isalpha() for t in run)))
                        and v + len(run) < len(tokens)
                        and (tokens[v + len(run)].text == ","
                             or tokens[v + len(run)].text[0].islower())):
                    name = _name_of(run)
                    if name:
                        subjects.append((tok.start, _phrase(text, name)[0]))
            if ((v == sentence_start or _after_opening(tokens, sentence_start, v))
                    and tok.low == "the" and v + 2 < len(tokens)
                    and tokens[v + 1].low.rstrip(".") in _TITLES
                    and tokens[v + 2].text[0].islower()):
                # "The pope met ...", "On Wednesday, January 17, the pope met ..."
                subjects.append((tok.start, _phrase(text, tokens[v:v + 2])[0]))
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
                        v == 0 or tokens[v - 1].text == "," or tokens[v - 1].text.startswith(MASK)):
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


#: Words that open a subordinate clause before its subject ("When Harold Pinter accepted").
_SUBORDINATORS = frozenset("when after as while although though because since once before".split())


def _after_opening(tokens: list[Token], start: int, v: int) -> bool:
    """Whether ``tokens[v]`` follows a short opening phrase of its sentence, of capitalised
    words, numbers and small words, and its comma ("On Wednesday, January 17, the pope
    ...")."""
    if not start < v <= start + 8 or tokens[v - 1].text != "," or tokens[start].low not in _INTRO:
        return False
    return all(t.cap or t.text.isdigit() or t.text == "," or t.low in _INTRO
               for t in tokens[start + 1:v - 1])


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
        lemma = FORM_TO_LEMMA.get(q.verb.lower())
        if lemma in loaded and (q.verb_start, q.verb_end) not in have:
            out.append(Span(q.verb_start, q.verb_end, text[q.verb_start:q.verb_end],
                            "report_verb", 1.0, "voice", "author"))
            have.add((q.verb_start, q.verb_end))
    return out

"""Inserts: paragraphs that are not the article's journalism.

Sponsored and advertising blocks, paid posts, donation and petition appeals, newsletter,
subscription and paywall prompts, "recommended" or "trending" link lists, social-media follow
prompts and "story continues below" lines get pasted into article text by sites and by
copy-and-paste. :func:`find_inserts` marks each paragraph ``sponsored``, ``boilerplate`` or
nothing, and says why.

How a paragraph is scored
-------------------------
A rule set measures each paragraph, each rule giving points on a fixed scale
(:data:`INSERT_WEIGHTS`, which a caller can replace with a mapping of their own). A learned
model (:class:`toolkit.insert_model.InsertModel`, shipped as ``models/insert_model.json``)
weighs each rule's points: the paragraph's score is its intercept plus each rule's points
times the rule's learned weight, and a paragraph whose score reaches :data:`INSERT_THRESHOLD`
is an insert (:func:`insert_features` gives the measurements). The rules, all applied outside
quotation marks, each leaving evidence spans whose category is the rule's name prefixed
``insert_`` (so that ``insert_call_to_action`` never counts as the loaded-language cue
``call_to_action``):

``insert_marker``
    A line that *is* a marker ("Sponsored", "Advertisement", "Paid Post", "Recommended",
    "Story continues below", "READ MORE: ...", "<Name> Sponsored", "Paid for by ...", the
    industry's other labels, furniture headers and kickers, after bullets or emoji), or a
    disclosure anywhere (the FEC's, the UK imprint, the FTC's affiliate disclosure).
    Enough on its own.
``call_to_action``
    An imperative at the start of a sentence or line ("Sign up", "Donate", "Click here",
    "Will you join", "Add your name", "Order now").
``second_person``
    The reader addressed as "you"/"your"; more when the writer also speaks as "we"/"our".
``price``
    Currency amounts that are retail sized ("$4.99", "$1 a week", "40% off"), not
    "$2 billion"; more with sales words ("only", "free shipping", "code").
``donation``, ``petition``, ``subscription``, ``social``, ``advertising``, ``product``, ``campaign``, ``newsroom``
    The vocabulary of each kind of appeal ("tax-deductible", "a nonprofit newsroom",
    "add your signature", "Tell Senator ...:", "your inbox", "goes out on Mondays",
    "follow us on", "our sponsor", "free two-day shipping", "5-star", a business named by its
    kind ("Greenfold Insurance"), "re-elect", a candidate's slogan ("Dan Ruiz for Mayor"),
    "her opponent", "every dollar is matched"), and the outlet speaking of its own staff and
    products ("written by our health reporters", "our newsletter").
``sponsor_credit`` and ``newsroom_disclaimer``
    Who paid ("commissioned and paid for by <Name>", "the company that commissioned it")
    and the newsroom disowning the text
    ("our journalists had no role in it").
``imperative`` and ``reader_question``
    Other sentences that open with a base-form verb (tagged by the Pattern lexicon that ships
    with TextBlob), and questions put to the reader ("Are you with us?").
``promotional_wording``
    A tiny logistic model over which words the paragraph contains, shipped as
    ``models/insert_words.tsv`` (600 word weights and an intercept; fitted by
    ``benchmarks/train_insert_words.py``). Its probability above 0.7 earns up to 2.5
    points, and only in paragraphs whose TF-IDF similarity to the article is low (and not in a
    line ending in a colon, which opens a quotation: "The citation read:").
``teaser_sentence``
    A paragraph that is one present-tense sentence of 10 to 35 words, sharing almost no
    words with the article (TF-IDF similarity under 0.01 with a word-model probability of at
    least 0.1, or under 0.03 with at least 0.3), not a question, without quotation marks,
    attribution or the writer's "I", not opening by pointing back ("He", "But", "The"), with
    no past-tense verb: the one-line teaser of a content ad ("Retirees across the country are
    discovering a pension trick ...").
``urgency``, ``clickbait`` and ``disclaimer``
    "before midnight", "limited time", "this one simple trick", "T&Cs apply", "21+".
``link_list``
    Several short lines without sentence punctuation (headlines), or bulleted lines.
``headline_run``, ``lone_headline`` and ``labelled_headline``
    The same shape across paragraphs: two or more headline-like lines in a row (short,
    capitalised, no sentence punctuation, not opening with a pronoun or ending on "of"),
    together off-topic; one such line of six words or more that shares no words with the
    article and reads like a teaser (no past tense, no "them"); a line of its own that puts a
    label before an off-topic headline ("Background: The long road to ...").
``off_topic``
    TF-IDF cosine similarity to the rest of the article (scikit-learn): low similarity adds
    points, high similarity takes points away.
``promotional_text``
    A word and word-pair logistic model of promotional copy (:mod:`toolkit.insert_text_model`,
    ``models/insert_text_model.tsv``, 4,000 term weights): its logit above 1 earns 0.5 a unit,
    up to 3 points (scaled down past 80 words like the rest). It reads the phrasing of native
    ads and product copy that uses no appeal word ("now ships to", "in small batches").
``unshared_words`` and ``shared_names``
    What the paragraph shares with the rest of the article (:mod:`toolkit.insert_topic`): at
    most a fifth of six or more content words (Porter stems) found in another paragraph adds
    points; naming someone or something another paragraph also names (a capitalised word
    not opening a sentence) takes points away: a pasted block rarely names the article's
    people and places.
``product_copy``, ``campaign_copy``, ``brand_voice`` and ``page_furniture``
    Offer shapes the appeal vocabularies miss, in paragraphs that share few words with the
    article (TF-IDF similarity under 0.08): product copy (two or more specifications such as
    "1.9 pounds" and "6.4-inch", "rated 4.8 out of 5", "now $149, down from $219", "add to
    cart", "handmade", "made in small batches", "early buyers", "sells out"), campaign copy
    ("Vote Delgado", "Yes on 14", "Elect ...", "will stand up to", "the other party", "not a
    politician", "Ask him why", "took $2 million from"), a business speaking of itself ("At
    Willow Bend, residents ...", "we at ...", "partnered with", "tours are available",
    "applications open", "customers say", "three questions to ask"); each distinct phrase
    earns a point, up to three (two for ``brand_voice``). ``page_furniture`` is a line about
    the page's layout in any paragraph ("The report resumes beneath the photo gallery.").
    Patterns in :mod:`toolkit.insert_signals` (``_PRODUCT_COPY`` ...).
``poll_question`` and ``civic_appeal``
    The structure of asks that read like news, in paragraphs that share almost no words with
    the article (TF-IDF similarity under 0.03): a yes/no question opening with an auxiliary or
    a modal ("Should kids have smartphones in school?"), not reported; the words of elections
    and office ("Congress", "ballot", "district", "campaign") with no name the article also
    names, no attribution and no "I" (a candidate's, a cause's or a campaign's copy).
``reporting``
    Negative: attribution ("said", "according to"), length and quotation, the signs of a
    news paragraph.
``first_person``
    Negative: the writer speaking as "I", "me" or "my" outside quotes, the sign of a column
    or an opinion line; promotional blocks speak as "we" or in the imperative.
``reader_voice``
    Negative: in an article that itself says "you" in at least two long sentences away from
    the paragraph, half of the paragraph's address, imperative and wording points are taken
    back ("How do you know?" in a column is rhetoric).
``block``
    Adjacent off-topic paragraphs that each make an appeal of their own (at least
    ``join_signal`` points, not only their position after a sponsor line) reinforce each
    other: a block pasted in is usually more than one paragraph.

The rest of a block: a paragraph next to an insert found on its own evidence joins it when
its score is within ``block_margin`` (1.0) of the threshold and it shares few words with the
article (TF-IDF similarity under 0.08); its reason names the insert it joined. Two neighbours
that both score within ``block_margin`` of the threshold and share few words with the article
make a block of their own (a pasted block none of whose paragraphs is found on its own). A
stranger to the article (TF-IDF similarity under 0.03, at most a fifth of its content words
found elsewhere, no name the article names, no attribution, no "I") is an insert when it scores
within ``stranger_margin`` (0.5) of the threshold. Native copy, such a stranger (attribution
allowed) that speaks of trade, a business and what it sells ("company", "customers",
"lender", "clinics", "helps", ...: ``insert_signals._TRADE``), is an insert within
``native_margin`` (5.0) of the threshold, in an article of five paragraphs or more: a paid
post's lede written like news scores the intercept and ``unshared_words`` and little else.
Copy that speaks of trade in two words or more and shares few words with the article (TF-IDF
similarity under 0.05) is native copy within the same margin, though it may name what the
article names. An electoral appeal, a paragraph off the article's topic (similarity under
0.08) that speaks
of elections, parties or offices (two terms of ``insert_signals._electoral_terms``: "vote",
"ballot", "Labour", "Senator" ...) to the reader ("you", "we", an imperative) and reports
nobody (no attribution, no quotation mark, no "I"), is ``sponsored`` within
``electoral_margin`` (3.0) of the threshold: a partisan ad; the article's own political
lines say who said or voted what.
A pasted block of several paragraphs repeats its brand and its subject, so each of its
paragraphs, measured against everything else, shares a name or words with "the article" (its
block-mates): an island, a run of two to four neighbours that together share almost no words
and no names with the rest of the article and have a TF-IDF similarity under 0.03 to it
(:func:`toolkit.insert_topic.islands`), is measured against the article without it. Two of its
paragraphs that are strangers that way and share a word or a name with each other are inserts
when both score within ``island_margin`` (4.0) of the threshold counted without the island
(its ``shared_names`` points taken back and ``unshared_words`` given), or when one of them is
an insert already.

A short paragraph without sentence punctuation that sits next to an insert joins it when it
shares more words with the insert than with the article, or carries some insert evidence of
its own, or shares almost no words with the article (a "short line next to such a block
belongs to it"). It never joins when it is the end of a quotation ('... my thing," he said'),
an embedded tweet's byline ("pic.twitter.com/...", "(@handle) October 11, 2017"), a quote's
dash attribution ("--Tucker Carlson"), a hat tip ("H/T ...") or a repost credit ("Article
posted with permission from ..."). A bare "Advertisement" line is a placeholder and labels
nothing after it; a paragraph right after another bare ad marker ("Acme Sponsored"), or
after a header that ends its paragraph ("Recommended for you", "Before you go", "Sign the
petition", a newsletter by its name; not an ask such as "Donate now" or "Follow us on X",
which as often closes a block), gets ``after_sponsor_line`` points.

The kind is ``sponsored`` for advertising, paid posts, political and product ads, and donation
or petition appeals on behalf of a cause; ``boilerplate`` for the publisher's own furniture:
newsletter, subscription and paywall prompts, appeals to support the newsroom, link lists,
follow prompts and "continues below" lines.

The patterns and measurements live in :mod:`toolkit.insert_signals`; this module gives the
points and decides. The rules' points, caps and gates were set by hand on the insert benchmark
(``benchmarks/inserts_eval.py``); how much each rule counts is fitted
(``benchmarks/train_inserts.py``) on the promotional blocks written for this project pasted
into pseudo-articles of MIT-licensed NYT editorial sentences, and so is the word model.
The block and reader-voice rules still look at the rule points (a neighbour at
``_RULE_POINTS`` or more counts as an insert there).
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field

from .insert_signals import (
    _AD_MARKER_LINE, _AD_PREFIX, _AD_SENTENCE, _AD_WORD_LINE, _BULLET, _CLICK, _CLICKBAIT,
    _COMMISSIONED, _CONTINUES, _CTA_ANYWHERE, _DIGIT, _DISCLAIMER, _FIRST_PLURAL, _FIRST_SINGULAR,
    _AD_WIDGET_LINE, _CAUSE_MARKER_LINE, _FURNITURE_MARKER_LINE, _HEADER_LINE, _LABEL_PARTS, _PROMPT_MARKER_LINE, _FURNITURE_PREFIX, _FURNITURE_WORD_LINE, _HYPHENATED_VERB,
    _JOURNALISM, _LABELLED_HEADLINE, _LINK_END, _MONEY, _NEWSROOM_DISCLAIMER, _NOT_JOINABLE,
    _CIVIC, _PAID_FOR, _PLACEHOLDER, _PLATFORMS, _POLL_QUESTION, _QUOTE_MARK, _READER_QUESTION,
    _REPORTING, _SALES,
    _SECOND_PERSON, _SENTENCE_END, _SPONSOR_CREDIT, _SUPPORT, _URGENCY, _VOCAB,
    _base_verb, _cta_starts, _electoral_terms, _headline_like, _is_short_line, _keyword_text,
    _lines,
    _mask_quotes, _may_match, _model_words, _n_words, _pair_similarity, _promotional,
    _run_similarity,
    _sentence_starts, _similarities, _start_places, _starts_sentence, _teaser_like, _teaser_sentence,
    _trade_words,
    _word_positions,
    _BRAND_VOICE, _CAMPAIGN_COPY, _PAGE_FURNITURE, _PRODUCT_COPY, _SPECIFICATION, _family_hits)
from .insert_model import MEASUREMENTS, InsertModel, load_insert_model
from .insert_text_model import score_text, words_logit
from .insert_topic import measured, islands, topic_overlap
from .loading import Article, load_article
from .spans import Span

__all__ = ["INSERT_KINDS", "INSERT_THRESHOLD", "INSERT_WEIGHTS", "InsertFinding",
           "find_inserts", "insert_features"]

#: The paragraph kinds this module assigns.
INSERT_KINDS = ("sponsored", "boilerplate")

#: The learned score (a logit of the shipped model) at which a paragraph counts as an insert;
#: chosen on the leave-one-pool-out runs over the PTC development articles.
INSERT_THRESHOLD = 1.5

# The rule points at which the block and reader-voice rules count a neighbour as an insert
# (the hand-set threshold the rule points were scaled to).
_RULE_POINTS = 3.0

#: Points per rule. Rules marked "each" count per match, up to the rule's ``*_max``.
INSERT_WEIGHTS: Mapping[str, float] = {
    "insert_marker": 6.0,          # a whole line that is a marker
    "marker_in_long": 1.5,         # the same inside a paragraph of more than 80 words
    "after_sponsor_line": 2.0,     # right after a bare ad marker ("Acme Sponsored", "Ad")
    "call_to_action": 1.5,         # each imperative appeal
    "call_to_action_max": 3.0,
    "second_person": 0.6,          # each "you"/"your" outside quotes
    "second_person_max": 1.8,
    "we_and_you": 0.8,             # the writer speaks as "we" to "you"
    "price": 1.0,                  # each retail-sized amount
    "price_max": 2.0,
    "sales_words": 1.0,            # a price together with "only", "free shipping", "code" ...
    "vocabulary": 1.5,             # each donation, petition, subscription or social phrase
    "vocabulary_max": 3.0,
    "link_prompt": 1.0,            # a call to action that ends "... here" or "below"
    "newsroom_appeal": 1.5,        # "journalism" with money or support, in a short paragraph
    "imperative": 1.0,             # each other sentence that opens with a base-form verb
    "imperative_max": 2.0,
    "reader_question": 1.0,        # "Are you ...?", "Want ...?", "Tired of ...?"
    "disclaimer": 1.5,             # "T&Cs apply", "21+", "while supplies last"
    "promotional_wording": 2.5,    # the word model's probability above 0.7, scaled to 0..2.5
    "urgency": 0.5,                # each
    "urgency_max": 1.0,
    "clickbait": 1.0,
    "link_list": 2.5,
    "off_topic_low": 1.5,          # similarity to the rest below 0.03, with appeal evidence
    "off_topic_mid": 0.75,         # below 0.08, with appeal evidence
    "on_topic_mid": -0.75,         # above 0.15
    "on_topic_high": -1.5,         # above 0.25
    "reporting": -1.5,             # attribution outside quotes
    "first_person": -1.0,          # the writer as "I"/"me"/"my" outside quotes: a column
    "long": -1.0,                  # more than 70 words
    "very_long": -2.0,             # more than 120 words
    "join_signal": 1.5,            # a short neighbour joins an insert with this much evidence
    "sponsor_credit": 2.0,         # "commissioned and paid for by X"
    "newsroom_disclaimer": 3.0,    # "our journalists had no role in it"
    "labelled_headline": 1.5,      # "Background: The long road to ..." on a line of its own
    "headline_run": 2.5,           # each of two or more off-topic headline lines in a row
    "lone_headline": 1.5,          # one such line alone, of six words or more: a teaser ad
    "teaser_sentence": 1.5,        # a lone present-tense sentence that shares no words with the
                                   # article and reads like some promotional wording
    "block": 1.0,                  # next to a paragraph with appeal evidence of its own
    "reader_voice": 0.5,           # share of the 'you'/imperative/wording points taken back
                                   # when the article itself speaks to the reader
    "promotional_text": 0.5,       # per unit of the word-pair text model's logit above 1
    "promotional_text_max": 3.0,
    "unshared_words": 1.0,         # at most a fifth of 6+ content words found elsewhere
    "shared_names": -1.0,          # names someone or something the article names elsewhere
    "product_copy": 1.0,           # each distinct specification or offer phrase, off-topic
    "product_copy_max": 3.0,
    "campaign_copy": 1.0,          # each distinct campaign-ad phrase, off-topic
    "campaign_copy_max": 3.0,
    "brand_voice": 1.0,            # each distinct phrase of a business speaking of itself
    "brand_voice_max": 2.0,
    "page_furniture": 3.0,         # "The report resumes beneath the photo gallery."
    "poll_question": 1.0,          # a yes/no question, off-topic and not reported
    "civic_appeal": 1.0,           # election or office words, off-topic, nobody reported
}

_SIM_LOW, _SIM_MID, _SIM_ON, _SIM_HIGH = 0.03, 0.08, 0.15, 0.25
_PROMO_FROM = 0.7  # word-model probability from which promotional wording earns points
_PROMO_SIM = _SIM_MID  # ... and only below this similarity to the article
# A teaser sentence shares (almost) no words with the article and has some promotional wording:
# (similarity below, word-model probability at least), either pair.
_TEASER_GATES = ((0.01, 0.1), (_SIM_LOW, 0.3))
_VOICE_WORDS = 15  # an article's own sentences this long that say "you" make it a reader's column
_DILUTE_AFTER = 80  # words; longer paragraphs have their positive points scaled by 80/words
_TEXT_FROM = 1.0  # text-model logit from which promotional_text earns points
_UNSHARED_SHARE, _UNSHARED_WORDS = 0.2, 6  # unshared_words: share at most, content words at least
#: How far under the threshold a paragraph next to an insert may score and still join it, when
#: it shares few words with the article (the rest of a multi-paragraph block; 0 turns it off).
_BLOCK_MARGIN = 1.0
#: How far under the threshold a stranger to the article may score and still be an insert: a
#: paragraph that shares (almost) no words and no names with it, reports nobody and is not in
#: the writer's "I" (0 turns it off).
_STRANGER_MARGIN = 0.5
_NOT_STRANGER = ("shared_names", "reporting", "first_person")
#: How far under the threshold native copy may score and still be an insert: a stranger to
#: the article (as above, though it may report) that speaks of trade, a business and what it
#: sells (``insert_signals._TRADE``: "company", "customers", "lender", "helps" ...). 0 turns
#: this off.
_NATIVE_MARGIN = 5.0
_NATIVE_TRADE = 1  # distinct words of trade at least
_NATIVE_PARAGRAPHS = 5  # in an article of fewer paragraphs every one is a stranger
#: Copy that speaks of trade in two words or more ("company", "customers" ...) is native copy
#: within the same margin when it shares few words with the article (TF-IDF similarity under
#: 0.05), though it may name what the article names.
_NATIVE_RICH_TRADE = 2
_NATIVE_RICH_SIM = 0.05
#: How far under the threshold an electoral appeal may score and still be an insert: a
#: paragraph off the article's topic (TF-IDF similarity under 0.08) that speaks of elections,
#: parties or offices (two terms of ``insert_signals._electoral_terms``), addresses the reader
#: (says "you", "we" or "our", urges, asks) and reports nobody: no attribution, no quotation
#: mark, no "I". 0 turns this off.
_ELECTORAL_MARGIN = 3.0
_ELECTORAL_TERMS = 2
#: The rules by which a paragraph addresses the reader, for the electoral pass.
#: (Not ``civic_appeal``: it says what a paragraph speaks of, not to whom; counted as
#: address, it took a columnist's "... ought to hurt her chances for election to Congress".)
_ADDRESS = frozenset({"second_person", "imperative", "call_to_action", "campaign_copy",
                      "reader_voice", "we_and_you", "urgency"})
#: How far under the threshold two linked strangers of an island may score, counted against
#: the article without the island, and still be inserts (an island: two to four neighbouring
#: paragraphs that share almost no words and no names with the rest of the article,
#: :func:`toolkit.insert_topic.islands`; linked: they share a word or a name). 0 turns it off.
#: Kept under 4.3: a paragraph with no evidence but its unshared words scores 4.3 to 4.6
#: under the threshold that way (the shipped model and every leave-one-pool-out fold).
_ISLAND_MARGIN = 4.0
#: The same for a stranger of an island that shares a name (a capitalised word that is a name
#: in one of them, and that the rest of the article never has) with an insert of the island:
#: a block's brand, place or person. Wide enough to take a paid post's lede with no evidence
#: of its own; two strangers that share a name but neither of them an insert keep
#: _ISLAND_MARGIN (two lines of a scripture quoted at an article's end share "Allah").
_ISLAND_NAME_MARGIN = 8.0
#: How far under the threshold a paragraph after an ad label (an insert whose marker is an ad
#: label or disclosure) may score and still be the label's, when it shares almost no words
#: with the article (TF-IDF similarity under 0.03). A paragraph with a name that is a
#: capitalised word of the label's block, and no name the rest of the article has, is the
#: label's at any score. 0 turns the reach off. At 3, seven journalism lines over all pools
#: ("Email *", "Where is that authorized in our Constitution?") scored 1.7 to 3 under.
_LABEL_REACH_MARGIN = 1.5
#: The same for a stranger to the article (similarity under 0.03, unshared words, none of its
#: names, no "I"): under 4.3, where a paragraph with no evidence but its unshared words scores.
_LABEL_STRANGER_MARGIN = 4.0
_LABEL_REACH = 6  # paragraphs after the label at most
_LABEL_WORDS = 40  # a label or disclosure paragraph has at most this many words



@dataclass(frozen=True)
class InsertFinding:
    """The verdict on one paragraph.

    Attributes
    ----------
    paragraph : int
        The paragraph's index in ``article.paragraphs``.
    kind : str or None
        ``"sponsored"``, ``"boilerplate"``, or None for the article's own text.
    score : float
        The points the rules gave it.
    reason : str
        A readable account of the points, empty when there is no evidence.
    spans : tuple of Span
        The evidence, with offsets into the article text.
    similarity : float
        TF-IDF cosine similarity to the rest of the article.
    """

    paragraph: int
    kind: str | None
    score: float
    reason: str
    spans: tuple[Span, ...] = field(default_factory=tuple)
    similarity: float = 0.0


@dataclass
class _Score:
    points: float = 0.0
    ad: float = 0.0
    furniture: float = 0.0
    parts: list[tuple[str, float, str]] = field(default_factory=list)  # (rule, points, why)
    spans: list[Span] = field(default_factory=list)
    appeal: float = 0.0
    positive: float = 0.0
    # The family ("ad" or "furniture") of a label or header line that heads the paragraph
    # after it ("Acme Sponsored", "Recommended for you", "Sign the petition"), else None.
    heads: str | None = None
    heading: str = ""  # what it is, for the reason: "ad marker" or "header"
    prompt: bool = False  # a marker line of an appeal or prompt: a block of no list
    bare_marker: bool = False
    marker: str | None = None
    listing: bool = False
    pending_off_topic: float = 0.0  # off-topic points held back until appeal evidence turns up
    rules: dict[str, float] = field(default_factory=dict)  # points per rule: the features
    probability: float = 0.0  # the word model's
    n_words: int = 0
    you: bool = False  # says "you" outside quotes (for the reader-voice rule)
    # The paragraph with its quotes blanked (insert_signals._mask_quotes), and the text
    # model's tokens of it (insert_signals._model_words), read by the later passes.
    masked: str = ""
    text_words: list[str] = field(default_factory=list)

    def add(self, rule: str, points: float, why: str, *, family: str | None = None,
            appeal: bool = False) -> None:
        if not points:
            return
        self.rules[rule] = self.rules.get(rule, 0.0) + points
        self.points += points
        self.positive += max(points, 0.0)
        if appeal:
            self.appeal += points
        if family == "ad":
            self.ad += points
        elif family == "furniture":
            self.furniture += points
        self.parts.append((rule, points, why))


def _span(text: str, start: int, end: int, category: str, weight: float) -> Span:
    """Evidence, its category prefixed ``insert_`` so that it never counts as a cue."""
    if not category.startswith("insert_"):
        category = f"insert_{category}"
    return Span(start, end, text[start:end], category, weight, "inserts")


def _match_span(text: str, offset: int, match: re.Match, category: str,
                weight: float) -> Span:
    """:func:`_span` of a regex ``match`` in a piece of ``text`` that begins at ``offset``."""
    return _span(text, offset + match.start(), offset + match.end(), category, weight)


def _marker_line(line: str, *, ad: bool = True) -> str | None:
    """The family of a line that is a marker: "ad", "furniture", "continues" (a furniture
    line that parts the article), "prompt" (the site's appeals and prompts) or "cause" (an
    appeal on behalf of a cause); None when it is none. ``ad=False`` leaves out ad labels."""
    if ad and _AD_MARKER_LINE.match(line):
        return "ad"
    if _FURNITURE_MARKER_LINE.match(line):
        return "continues" if _CONTINUES.search(line) else "furniture"
    if _PROMPT_MARKER_LINE.match(line):
        return "prompt"
    if _CAUSE_MARKER_LINE.match(line):
        return "cause"
    return None


def _score_paragraph(text: str, start: int, end: int, sim: float, w: Mapping[str, float],
                     words=None) -> _Score:
    piece = text[start:end]
    masked = _mask_quotes(piece)
    low = _keyword_text(masked)
    score = _Score(masked=masked)
    n_words = _n_words(piece)
    lines = _lines(piece, start)

    # Explicit markers: a whole line, or a line prefix such as "READ MORE: ...".
    for k, (s, e) in enumerate(lines):
        line = text[s:e]
        # A paragraph of one line has the line's words (stripping takes no word away).
        line_words = n_words if len(lines) == 1 else _n_words(line)
        if line_words <= 14 and (family := _marker_line(line)):
            pass
        # A short line has just been tried with every family (the ad labels first), so the
        # families without the ad labels are tried on a longer line only.
        elif line_words > 14 and (family := _marker_line(line, ad=False)):
            pass
        elif (line_words <= 14 and (bar := _LABEL_PARTS.search(line))
              and (family := _marker_line(line[:bar.start()]))):
            e = s + bar.start()  # "Add your name | Petition to ...": the label before the bar
        elif (m := _AD_PREFIX.match(line)):
            family, e = "ad", s + m.end()
        elif (m := _FURNITURE_PREFIX.match(line)) and line_words <= 25:
            family, e = "furniture", s + m.end() - 1
        elif line_words <= 5 and not line.endswith((".", "?", "!", '"', "”")) and (
                (m := _AD_WORD_LINE.search(line)) or (m := _FURNITURE_WORD_LINE.search(line))):
            family = "ad" if m.re is _AD_WORD_LINE else "furniture"
        else:
            continue
        line_family = family
        family = {"cause": "ad", "prompt": "furniture", "continues": "furniture"}.get(family,
                                                                                     family)
        # Appeals, prompts and "story continues below" (which parts the article) make no list
        # of the short lines next to them.
        score.prompt = score.prompt or line_family in ("prompt", "cause", "continues")
        e = s + len(text[s:e].rstrip(" :|–—-"))
        score.spans.append(_span(text, s, e, "insert_marker", w["insert_marker"]))
        if score.marker is None:
            points = w["insert_marker"] if n_words <= 80 else w["marker_in_long"]
            score.add("marker", points, f"marker {text[s:e]!r}", family=family, appeal=True)
            score.marker = text[s:e]
        # What the line heads: an ad label the ad after it (the seed's "1776 Coalition
        # Sponsored" sits between its ad's headline lines); a header, or the header of a
        # widget of paid links ("Around the web"), its block when it ends its paragraph (the
        # items under it are the block it heads).
        last = k == len(lines) - 1
        if (line_family == "ad" and not _AD_PREFIX.match(line) and not _PAID_FOR.search(line)
                and not _PLACEHOLDER.match(line) and (last or not _AD_WIDGET_LINE.match(line))):
            score.heads, score.heading = "ad", "ad marker"
        elif last and _HEADER_LINE.match(line):
            score.heads, score.heading = family, "header"
        if family == "furniture" and not score.prompt:
            score.listing = True
    if score.marker is not None:
        # A bare marker: the paragraph holds nothing but marker lines and short headings.
        score.bare_marker = all(
            _n_words(text[s:e]) <= 10 and not text[s:e].endswith((".", "?", "!"))
            for s, e in lines)
    # Each pattern below is tried only when the paragraph holds one of its keywords
    # (_may_match, insert_signals._KEYWORDS): the same matches, found faster.
    for m in [*(_AD_SENTENCE.finditer(masked) if _may_match(low, "ad_sentence") else ()),
              *(_CONTINUES.finditer(masked) if _may_match(low, "continues") else ())]:
        if score.marker is None:
            family = "ad" if _AD_SENTENCE.match(m.group()) else "furniture"
            points = w["insert_marker"] if n_words <= 80 else w["marker_in_long"]
            score.add("marker", points, f"marker {m.group()!r}", family=family, appeal=True)
            score.marker = m.group()
        score.spans.append(_match_span(text, start, m, "insert_marker", w["insert_marker"]))

    # Who paid for it ("commissioned and paid for by X") and the newsroom disowning it ("our
    # journalists had no role").
    if score.marker is None:
        for rule, pattern, keys in (("newsroom_disclaimer", _NEWSROOM_DISCLAIMER,
                                     "newsroom_disclaimer"),
                                    ("sponsor_credit", _SPONSOR_CREDIT, "sponsor_credit"),
                                    ("sponsor_credit", _COMMISSIONED, "commissioned")):
            if _may_match(low, keys) and (m := pattern.search(masked)):
                score.add(rule, w[rule], f"names who paid {m.group()!r}", family="ad",
                          appeal=True)
                score.spans.append(_match_span(text, start, m, "advertising", w[rule]))
                break

    # A label and a headline after it ("Background: The long road to ...").
    if (len(lines) == 1 and score.marker is None and sim < _SIM_MID
            and _is_short_line(text, start, end)):
        label_end = start + masked.find(":")
        if (_LABELLED_HEADLINE.match(masked) and not _QUOTE_MARK.search(piece)
                and _n_words(text[label_end:end]) >= 5 and "," not in text[label_end:end]
                and not _FIRST_SINGULAR.search(piece)):
            score.add("labelled_headline", w["labelled_headline"],
                      f"a labelled headline {text[start:label_end]!r}", family="furniture",
                      appeal=True)
            score.spans.append(_span(text, start, label_end, "link_list",
                                     w["labelled_headline"]))

    # Calls to action.
    found: dict[tuple[int, int], str] = {}
    places = _start_places(masked)  # where a sentence may start, for both searches
    for m in _cta_starts(masked, low, places):
        s = m.start() + len(m.group()) - len(m.group().lstrip())
        found[(start + s, start + m.end())] = m.group().strip()
    for m in _CTA_ANYWHERE.finditer(masked) if _may_match(low, "cta_anywhere") else ():
        if not any(a <= start + m.start() < b for a, b in found):
            found[(start + m.start(), start + m.end())] = m.group()
    if found:
        points = min(w["call_to_action_max"], w["call_to_action"] * len(found))
        first = sorted(found.items())[0][1]
        score.add("call_to_action", points, f"{len(found)} call(s) to action, first {first!r}", appeal=True)
        for (s, e) in sorted(found):
            score.spans.append(_span(text, s, e, "call_to_action", w["call_to_action"]))
        link = _LINK_END.search(masked) or _CLICK.search(masked)
        if link and n_words <= 25:
            score.add("link_prompt", w["link_prompt"], f"points to a link ({link.group()!r})",
                      family="furniture", appeal=True)
            score.spans.append(_match_span(text, start, link, "link_list", w["link_prompt"]))

    # Other sentences that open with a base-form verb (an imperative), by the Pattern lexicon
    # bundled with TextBlob; and questions put to the reader.
    imperatives = []
    for m in _sentence_starts(masked, places):
        word = m.group(1).lower()
        hyphen = _HYPHENATED_VERB.match(masked, m.end(1)) if word in ("re", "pre") else None
        if not (hyphen or _base_verb(word)):  # the cheaper test first
            continue
        a, b = start + m.start(1), start + m.end(1)
        if any(x <= a < y for x, y in found):
            continue
        imperatives.append((a, start + hyphen.end() if hyphen else b))
    if imperatives:
        score.add("imperative", min(w["imperative_max"], w["imperative"] * len(imperatives)),
                  f"{len(imperatives)} imperative(s), first {text[slice(*imperatives[0])]!r}",
                  appeal=True)
        for a, b in imperatives:
            score.spans.append(_span(text, a, b, "call_to_action", w["imperative"]))
    question = _READER_QUESTION.search(masked) if _may_match(low, "reader_question") else None
    if question:
        score.add("reader_question", w["reader_question"], f"asks the reader {question.group()!r}")
        score.spans.append(_match_span(text, start, question, "second_person",
                                       w["reader_question"]))
    # A yes/no question off the article's topic, not reported: a poll or a petition's opener.
    elif (sim < _SIM_LOW and "?" in masked and (poll := _POLL_QUESTION.search(masked))
          and not _REPORTING.search(masked)):
        score.add("poll_question", w["poll_question"], f"puts a yes/no question off the "
                  f"article's topic {poll.group()!r}", appeal=True)
        score.spans.append(_match_span(text, start, poll, "petition", w["poll_question"]))
    disclaimer = _DISCLAIMER.search(masked) if _may_match(low, "disclaimer") else None
    if disclaimer:
        score.add("disclaimer", w["disclaimer"], f"ad small print {disclaimer.group()!r}", family="ad",
                  appeal=True)
        score.spans.append(_match_span(text, start, disclaimer, "price", w["disclaimer"]))

    # The reader addressed, and the writer speaking as "we".
    you = list(_SECOND_PERSON.finditer(masked)) if _may_match(low, "second_person") else []
    score.you = bool(you)
    if you:
        score.add("second_person", min(w["second_person_max"], w["second_person"] * len(you)),
                  f"addresses the reader as 'you' {len(you)} time(s)")
        for m in you:
            score.spans.append(_match_span(text, start, m, "second_person", w["second_person"]))
        if _FIRST_PLURAL.search(masked):
            score.add("we_and_you", w["we_and_you"], "speaks as 'we' to 'you'")

    # Prices.
    prices = list(_MONEY.finditer(masked)) if _DIGIT.search(masked) else []
    if prices:
        score.add("price", min(w["price_max"], w["price"] * len(prices)),
                  f"{len(prices)} price(s), first {prices[0].group()!r}", family="ad",
                  appeal=True)
        for m in prices:
            score.spans.append(_match_span(text, start, m, "price", w["price"]))
        sales = _SALES.search(masked)
        if sales:
            score.add("sales_words", w["sales_words"], f"sales word {sales.group()!r}", family="ad",
                      appeal=True)
            score.spans.append(_match_span(text, start, sales, "price", w["sales_words"]))

    # The vocabulary of appeals.
    hits: list[tuple[str, re.Match]] = []
    for category, pattern in _VOCAB.items():
        if _may_match(low, category):
            hits += [(category, m) for m in pattern.finditer(masked)]
    platforms = ({m.group().lower() for m in _PLATFORMS.finditer(masked)}
                 if _may_match(low, "platforms") else set())
    if len(platforms) >= 2 or (platforms and any(c == "social" for c, _ in hits)):
        hits += [("social", m) for m in _PLATFORMS.finditer(masked)]
    if hits:
        distinct = {m.group().lower() for _, m in hits}
        points = min(w["vocabulary_max"], w["vocabulary"] * len(distinct))
        categories = sorted({c for c, _ in hits})
        furniture_share = sum(c in ("subscription", "social", "newsroom")
                              for c, _ in hits) / len(hits)
        if "donation" in categories and _JOURNALISM.search(masked):
            furniture_share = max(furniture_share, 0.75)
        score.add("vocabulary", points * furniture_share,
                  f"{'/'.join(categories)} words, e.g. {hits[0][1].group()!r}",
                  family="furniture", appeal=True)
        score.add("vocabulary", points * (1 - furniture_share), f"{'/'.join(categories)} words"
                  if furniture_share else f"{'/'.join(categories)} words, e.g. "
                  f"{hits[0][1].group()!r}", family="ad", appeal=True)
        for category, m in hits:
            score.spans.append(_match_span(text, start, m, category, w["vocabulary"]))

    # Offer shapes: product copy, campaign copy, a business in its own voice (off-topic
    # paragraphs only), and lines about the page's layout.
    for rule, family, category, kind in (("product_copy", _PRODUCT_COPY, "product", "ad"),
                                         ("campaign_copy", _CAMPAIGN_COPY, "campaign", "ad"),
                                         ("brand_voice", _BRAND_VOICE, "advertising", "ad"),
                                         ("page_furniture", _PAGE_FURNITURE, "marker",
                                          "furniture")):
        if rule != "page_furniture" and sim >= _SIM_MID:
            continue
        shape = _family_hits(masked, low, family)
        if not shape:
            continue
        distinct = sorted({m.group().lower() for m in shape})
        if family is _PRODUCT_COPY and len(distinct) == 1 and shape[0].re is _SPECIFICATION:
            continue  # one measurement ("40 mph gusts") is news as often as an ad
        points = w[rule] if rule == "page_furniture" else min(w[f"{rule}_max"],
                                                             w[rule] * len(distinct))
        score.add(rule, points, f"{rule.replace('_', ' ')}: {', '.join(map(repr, distinct[:3]))}"
                  + (" ..." if len(distinct) > 3 else ""), family=kind)
        for m in shape:
            score.spans.append(_match_span(text, start, m, category, w[rule]))

    # Promotional wording, by the shipped word model (benchmarks/train_insert_words.py).
    model_words, score.text_words = _model_words(masked, low)
    probability, _ = _promotional(masked, words, tokens=model_words, strongest=False)
    score.probability, score.n_words = probability, n_words
    if (probability > _PROMO_FROM and sim < _PROMO_SIM
            and not piece.rstrip().endswith(":")):  # a line that opens a quotation
        strongest = _promotional(masked, words, tokens=model_words)[1]
        positions = _word_positions(masked, start, strongest)
        words = ", ".join(repr(text[a:b]) for a, b, _ in positions)
        score.add("promotional_wording", w["promotional_wording"] * (probability - _PROMO_FROM) / (1 - _PROMO_FROM),
                  f"promotional wording (p={probability:.2f}; {words})", appeal=True)
        for a, b, weight in positions:
            score.spans.append(_span(text, a, b, "promotional_wording", weight))

    # A lone sentence shaped like a teaser, on a topic of its own (a Taboola-style ad).
    if (any(sim < most and probability >= least for most, least in _TEASER_GATES)
            and score.marker is None
            and _teaser_sentence(piece, masked)):
        score.add("teaser_sentence", w["teaser_sentence"], "a lone present-tense sentence that "
                  f"shares almost no words with the article (similarity {sim:.2f}, word model "
                  f"p={probability:.2f})", family="ad", appeal=True)
        score.spans.append(_span(text, start, start + len(piece.rstrip()), "clickbait",
                                 w["teaser_sentence"]))

    # An appeal for the newsroom's own money.
    newsroom = (_JOURNALISM.search(masked) if n_words <= 60 and _may_match(low, "journalism")
                else None)
    if newsroom and (prices or _SUPPORT.search(masked)):
        score.add("newsroom_appeal", w["newsroom_appeal"], f"asks support for {newsroom.group()!r}",
                  family="furniture", appeal=True)
        score.spans.append(_match_span(text, start, newsroom, "donation", w["newsroom_appeal"]))

    urgent = list(_URGENCY.finditer(masked)) if _may_match(low, "urgency") else []
    if urgent:
        score.add("urgency", min(w["urgency_max"], w["urgency"] * len(urgent)),
                  f"urgency {urgent[0].group()!r}", family="ad")
        for m in urgent:
            score.spans.append(_match_span(text, start, m, "urgency", w["urgency"]))
    bait = _CLICKBAIT.search(masked) if _may_match(low, "clickbait") else None
    if bait:
        score.add("clickbait", w["clickbait"], f"clickbait {bait.group()!r}", family="ad", appeal=True)
        score.spans.append(_match_span(text, start, bait, "clickbait", w["clickbait"]))

    # A list of headlines or bullets.
    if len(lines) >= 2:
        marked = {(sp.start, sp.end) for sp in score.spans if sp.category == "insert_marker"}
        short = [(s, e) for s, e in lines if _n_words(text[s:e]) <= 16
                 and not any(s <= a < e for a, _ in marked)
                 and (not text[s:e].endswith(_SENTENCE_END) or _BULLET.match(text[s:e]))]
        if len(short) >= 2 and len(short) >= 0.6 * len(lines):
            score.add("link_list", w["link_list"], f"list of {len(short)} headline-like lines",
                      family="furniture", appeal=True)
            score.listing = True
            for s, e in short:
                score.spans.append(_span(text, s, e, "link_list", w["link_list"]))

    # Topical distance (it only amplifies appeal evidence), and the signs of reporting.
    if score.appeal <= 0:
        if sim > _SIM_HIGH:
            score.add("on_topic", w["on_topic_high"], f"on-topic (TF-IDF similarity {sim:.2f})")
        elif sim > _SIM_ON:
            score.add("on_topic", w["on_topic_mid"], f"on-topic (TF-IDF similarity {sim:.2f})")
        else:
            score.pending_off_topic = (w["off_topic_low"] if sim < _SIM_LOW else
                                       w["off_topic_mid"] if sim < _SIM_MID else 0.0)
    elif sim < _SIM_LOW:
        score.add("off_topic", w["off_topic_low"], f"off-topic (TF-IDF similarity {sim:.2f})")
    elif sim < _SIM_MID:
        score.add("off_topic", w["off_topic_mid"], f"off-topic (TF-IDF similarity {sim:.2f})")
    elif sim > _SIM_HIGH:
        score.add("on_topic", w["on_topic_high"], f"on-topic (TF-IDF similarity {sim:.2f})")
    elif sim > _SIM_ON:
        score.add("on_topic", w["on_topic_mid"], f"on-topic (TF-IDF similarity {sim:.2f})")
    if (score.marker is None and _may_match(low, "reporting")
            and (reporting := _REPORTING.search(masked))):
        score.add("reporting", w["reporting"], f"attribution {reporting.group()!r}")
    first_person = _FIRST_SINGULAR.search(masked)
    if first_person and score.marker is None:
        score.add("first_person", w["first_person"],
                  f"the writer speaks as {first_person.group()!r}")
    if n_words > _DILUTE_AFTER:
        # Evidence spread thinly over a long paragraph counts for less.
        factor = _DILUTE_AFTER / n_words
        score.add("dilution", -score.positive * (1 - factor), f"evidence spread over {n_words} words "
                  f"(x{factor:.2f})")
    if n_words > 120:
        score.add("length", w["very_long"], f"{n_words} words long")
    elif n_words > 70:
        score.add("length", w["long"], f"{n_words} words long")
    return score


def _kind(score: _Score) -> str:
    return "sponsored" if score.ad >= score.furniture else "boilerplate"


def _features(score: _Score, sim: float) -> dict[str, float]:
    """What the learned model weighs: each rule's points and three plain measurements."""
    return {**score.rules, "similarity": sim, "word_probability": score.probability,
            "log_words": math.log1p(score.n_words)}


def _reason(kind: str, score: _Score, features: Mapping[str, float], model: InsertModel,
            decision: float, threshold: float, joined: str = "") -> str:
    """The evidence, strongest first, each with its share of the learned score."""
    coef = model.coef
    parts = [(coef.get(rule, 0.0) * points, why) for rule, points, why in score.parts]
    parts += [(coef.get(f, 0.0) * features[f], f"{MEASUREMENTS[f]} {features[f]:.2f}")
              for f in MEASUREMENTS if coef.get(f, 0.0) * features[f]]
    parts.sort(key=lambda p: -p[0])
    evidence = "; ".join(f"{why} ({share:+.2f})" for share, why in parts)
    if joined:
        return f"{kind}: {joined}" + (f"; own evidence: {evidence}" if evidence else "")
    return (f"{kind}: {evidence}; score {decision:.2f} (base {model.intercept:+.2f}) "
            f">= {threshold:g}")


def _score_headline_runs(text: str, ranges: list[tuple[int, int]], scores: list[_Score],
                         sims: list[float], w: Mapping[str, float], headline: int | None) -> None:
    """Two or more off-topic headline lines in a row, each a paragraph: a list of links."""
    run: list[int] = []
    for i in [*range(len(ranges)), len(ranges)]:
        if (i < len(ranges) and i not in (0, headline) and scores[i].marker is None
                and sims[i] < _SIM_MID and _headline_like(text, *ranges[i])):
            run.append(i)
            continue
        if len(run) >= 2 and sum(sims[k] for k in run) / len(run) < _SIM_LOW:
            for k in run:
                scores[k].add("headline_run", w["headline_run"],
                              f"one of {len(run)} off-topic headline lines in a row "
                              f"(paragraphs {run[0]}-{run[-1]})", family="furniture", appeal=True)
                scores[k].listing = True
                scores[k].spans.append(_span(text, *ranges[k], "link_list", w["headline_run"]))
                _release_off_topic(scores[k], sims[k])
        elif (len(run) == 1 and sims[run[0]] < _SIM_LOW and scores[run[0]].marker is None
              and _teaser_like(text[slice(*ranges[run[0]])])):
            k = run[0]
            scores[k].add("lone_headline", w["lone_headline"], "a headline-like line that shares "
                          f"no words with the article (similarity {sims[k]:.2f})", family="ad",
                          appeal=True)
            scores[k].spans.append(_span(text, *ranges[k], "clickbait", w["lone_headline"]))
            _release_off_topic(scores[k], sims[k])
        run = []




def _release_off_topic(score: _Score, sim: float) -> None:
    """Add the off-topic points held back until appeal evidence turned up."""
    if score.pending_off_topic:
        score.add("off_topic", score.pending_off_topic, f"off-topic (TF-IDF similarity {sim:.2f})")
        score.pending_off_topic = 0.0


_SOFT_RULES = ("second_person", "we_and_you", "reader_question", "imperative",
               "promotional_wording")


def _score_reader_voice(text: str, ranges: list[tuple[int, int]], scores: list[_Score],
                        w: Mapping[str, float], threshold: float) -> None:
    """Discount 'you' and imperatives in an article that itself speaks to the reader.

    A column that says "you" in its own long sentences (at least two, away from the paragraph
    at hand and not inserts themselves) makes a short "How do you know?" its own voice, not a
    sales pitch; only the evidence of address and wording is discounted, not prices, markers
    or appeal vocabulary.
    """
    voiced = [k for k, sc in enumerate(scores)
              if sc.points < threshold and sc.n_words >= _VOICE_WORDS and sc.you]
    if len(voiced) < 2:
        return
    for i, sc in enumerate(scores):
        soft = sum(sc.rules.get(rule, 0.0) for rule in _SOFT_RULES)
        if soft <= 0 or sc.marker is not None:
            continue
        # The voiced paragraphs more than two away from i (``voiced`` is sorted).
        lo, hi = bisect_left(voiced, i - 2), bisect_right(voiced, i + 2)
        n_others = len(voiced) - (hi - lo)
        if n_others >= 2:
            first = (voiced[:min(lo, 3)] + voiced[hi:hi + 3])[:3]
            sc.add("reader_voice", -w["reader_voice"] * soft,
                   f"the article itself speaks to the reader (paragraphs "
                   f"{', '.join(map(str, first))}{', ...' if n_others > 3 else ''})")


def _score_blocks(text: str, ranges: list[tuple[int, int]], scores: list[_Score],
                  sims: list[float], w: Mapping[str, float], threshold: float) -> None:
    """Adjacent off-topic paragraphs that each make an appeal reinforce each other."""
    def promising(k: int) -> bool:
        sc, (a, b) = scores[k], ranges[k]
        # Position alone (after a sponsor line) is no appeal of the paragraph's own.
        own = sc.appeal - sc.rules.get("after_sponsor_line", 0.0)
        return (own >= w["join_signal"] and sc.points >= threshold / 2 and sims[k] < _SIM_MID
                and sc.n_words >= 4 and not text[a:b].rstrip().endswith(":")
                and "first_person" not in sc.rules and "reporting" not in sc.rules)

    ok = [promising(k) for k in range(len(scores))]
    for i, sc in enumerate(scores):
        if not ok[i] or sc.points >= threshold:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(scores) and ok[j]:
                sc.add("block", w["block"], f"next to paragraph {j}, which also makes an appeal "
                       f"({scores[j].points:.2f} points)", family="ad" if sc.ad >= sc.furniture
                       else "furniture")
                break


def _score_topic_and_text(text: str, ranges: list[tuple[int, int]], scores: list[_Score],
                          sims: list[float], w: Mapping[str, float], text_weights=None) -> None:
    """Promotional phrasing by the word-pair model (:mod:`toolkit.insert_text_model`), and
    what the paragraph shares with the rest of the article (:mod:`toolkit.insert_topic`)."""
    pieces = [text[s:e] for s, e in ranges]
    overlaps = topic_overlap(pieces, spans_at_most=_UNSHARED_SHARE)
    for k, ((start, end), piece, sc, overlap) in enumerate(zip(ranges, pieces, scores, overlaps)):
        if words_logit(sc.text_words, weights=text_weights) > _TEXT_FROM:
            model = score_text(sc.masked, offset=start, weights=text_weights)
            points = min(w["promotional_text_max"], w["promotional_text"] * (model.logit - _TEXT_FROM))
            points *= min(1.0, _DILUTE_AFTER / sc.n_words) if sc.n_words else 1.0
            terms = ", ".join(repr(text[a:b]) for a, b, _ in model.evidence)
            sc.add("promotional_text", points, f"phrased like promotional copy (word-pair model "
                   f"p={model.probability:.2f}; {terms})")
            for a, b, weight in model.evidence:
                sc.spans.append(_span(text, a, b, "promotional_text", weight))
        if overlap.n_content >= _UNSHARED_WORDS and overlap.share <= _UNSHARED_SHARE:
            sc.add("unshared_words", w["unshared_words"], f"shares {overlap.shared_content} of "
                   f"{overlap.n_content} content words with the rest of the article")
            for a, b in overlap.unshared:
                sc.spans.append(_span(text, start + a, start + b, "off_topic", w["unshared_words"]))
        if overlap.shared_names and sc.marker is None:
            a, b = overlap.shared_names[0]
            sc.add("shared_names", w["shared_names"], f"names {piece[a:b]!r}, as the article "
                   f"does elsewhere")
        elif (sims[k] < _SIM_LOW and sc.marker is None and "reporting" not in sc.rules
              and "first_person" not in sc.rules
              and (civic := _CIVIC.search(sc.masked))):
            # Elections or office, off the article's topic, naming none of its people and
            # reporting nobody: a candidate's, a cause's or a campaign's copy.
            sc.add("civic_appeal", w["civic_appeal"], f"speaks of elections or office "
                   f"({civic.group()!r}) off the article's topic, naming none of its people",
                   family="ad", appeal=True)
            sc.spans.append(_match_span(text, start, civic, "campaign", w["civic_appeal"]))


def _rule_scores(article: Article, w: Mapping[str, float], words=None, text_weights=None):
    """Every paragraph's rule points (the features), similarities and TF-IDF matrix."""
    text = article.text
    ranges = article.paragraphs
    headline = article.headline_paragraph
    sims, matrix = _similarities([text[s:e] for s, e in ranges])
    scores = [_score_paragraph(text, s, e, sims[i], w, words) for i, (s, e) in enumerate(ranges)]

    # A bare sponsor line, or a header of the site's furniture or of a cause's appeal, labels
    # the paragraph after it.
    for i in range(1, len(ranges)):
        before = scores[i - 1]
        s, e = ranges[i]
        if (before.heads and before.bare_marker and scores[i].marker is None
                and i != headline and scores[i].n_words >= 3):
            # The items of a list under a header continue it (the short-line join below).
            scores[i].listing = scores[i].listing or before.listing
            scores[i].add("after_sponsor_line", w["after_sponsor_line"],
                          f"follows the {before.heading} {scores[i - 1].marker!r}", family=before.heads,
                          appeal=True)
            if scores[i].pending_off_topic:
                scores[i].add("off_topic", scores[i].pending_off_topic,
                              f"off-topic (TF-IDF similarity {sims[i]:.2f})")

    _score_reader_voice(text, ranges, scores, w, _RULE_POINTS)
    _score_headline_runs(text, ranges, scores, sims, w, headline)
    _score_blocks(text, ranges, scores, sims, w, _RULE_POINTS)
    _score_topic_and_text(text, ranges, scores, sims, w, text_weights)
    return scores, sims, matrix


def insert_features(source, *, weights: Mapping[str, float] | None = None,
                    model: InsertModel | None = None) -> list[dict[str, float]]:
    """The measurements the learned model weighs, one mapping per paragraph.

    Parameters
    ----------
    source : str, path or Article
        Anything :func:`~toolkit.loading.load_article` accepts.
    weights : mapping, optional
        Rule points in place of :data:`INSERT_WEIGHTS`.
    model : InsertModel, optional
        Only its word and term weights are used (for the ``promotional_wording`` and
        ``promotional_text`` rules), when it has any.

    Returns
    -------
    list of dict
        Per paragraph, the non-zero rule points and the ``similarity``, ``word_probability``
        and ``log_words`` measurements (the names of
        :data:`~toolkit.insert_model.INSERT_FEATURES`).

    Examples
    --------
    >>> rows = insert_features("Talks resumed.\\n\\nSign up for our newsletter today.")
    >>> sorted(rows[1])[:3]
    ['call_to_action', 'log_words', 'marker']
    """
    article = load_article(source)
    if not article.paragraphs:
        return []
    w = {**INSERT_WEIGHTS, **(weights or {})}
    scores, sims, _ = _rule_scores(article, w, model.words if model is not None else None,
                                   model.text if model is not None else None)
    return [_features(sc, sims[i]) for i, sc in enumerate(scores)]


def find_inserts(source, *, threshold: float = INSERT_THRESHOLD,
                 weights: Mapping[str, float] | None = None,
                 model: InsertModel | None = None,
                 block_margin: float = _BLOCK_MARGIN,
                 stranger_margin: float = _STRANGER_MARGIN,
                 native_margin: float = _NATIVE_MARGIN,
                 electoral_margin: float = _ELECTORAL_MARGIN,
                 island_margin: float = _ISLAND_MARGIN,
                 island_name_margin: float = _ISLAND_NAME_MARGIN,
                 label_reach_margin: float = _LABEL_REACH_MARGIN) -> list[InsertFinding]:
    """Mark the paragraphs that are not the article's journalism.

    Parameters
    ----------
    source : str, path or Article
        Anything :func:`~toolkit.loading.load_article` accepts.
    threshold : float
        The learned score (a logit) at which a paragraph is an insert.
    weights : mapping, optional
        Rule points in place of :data:`INSERT_WEIGHTS`; missing keys take the defaults. The
        learned model weighs each rule's points, so doubling a rule's points doubles its share
        of the score, and 0 turns the rule off.
    model : InsertModel, optional
        The weighting in place of the shipped one (``models/insert_model.json``).
    block_margin : float
        A paragraph next to an insert found on its own evidence joins it when its score is
        within this much of ``threshold`` and it shares few words with the article (TF-IDF
        similarity under 0.08): the next paragraph of a pasted block; and two such
        neighbours, both within this much of it, make a block of their own. 0 turns this off.
    stranger_margin : float
        A paragraph that shares almost no words with the article (TF-IDF similarity under
        0.03, at most a fifth of its content words found elsewhere), names nobody the article
        names, reports nobody and does not speak as "I" is an insert when its score is within
        this much of ``threshold``. 0 turns this off.
    native_margin : float
        Such a stranger that may report but speaks of trade (a business and what it sells:
        "company", "customers", "lender", "helps" ...) is ``sponsored`` when its score is
        within this much of ``threshold``: native copy written like news. So is a paragraph
        that speaks of trade in two words or more, shares few words with the article (TF-IDF
        similarity under 0.05) and is not in the writer's "I", though it names what the
        article names. 0 turns this off.
    electoral_margin : float
        A paragraph off the article's topic (TF-IDF similarity under 0.08) that speaks of
        elections, parties or offices (two terms at least: "vote", "ballot", "Labour",
        "Senator" ...), addresses the reader ("you", "we", "our", an imperative) and reports
        nobody (no attribution, no quotation mark, no "I") is ``sponsored`` when its score is
        within this much of ``threshold``: a partisan ad, with or without its "Paid for by"
        line. 0 turns this off.
    island_margin : float
        In a run of two to four neighbouring paragraphs that shares almost no words and no
        names with the rest of the article (an island), two paragraphs that are strangers to
        the article without the island and share a word or a name with each other are
        inserts when both score within this much of ``threshold`` counted without the island
        (names and words shared only within it do not count), or one of them is an insert
        already: a pasted block that speaks of its own brand. 0 turns this off.
    island_name_margin : float
        The same margin for such a stranger that shares a name (the block's brand, place or
        person, which the rest of the article never names) with an insert of the island. 0
        leaves ``island_margin`` alone; with ``island_margin`` 0 both are off.
    label_reach_margin : float
        A label's reach: the paragraphs after an ad label or disclosure that is an insert
        ("Paid Post: Acme. The Nurse Who ...", "Partner content from Acme.") are its block
        while each one reads as the block's, up to the first that reads as the article's:
        one with a name that is a capitalised word of the block ("Paid Post: Acme ..." then
        "... at Acme's ...") and no name the rest of the article has, a stranger to the article (as for ``stranger_margin``, though it
        may report) scoring within 4 of ``threshold``, or one sharing almost no words with
        the article (TF-IDF similarity under 0.03) and scoring within this much of it. 0
        turns this off.

    Returns
    -------
    list of InsertFinding
        One per paragraph, in order: ``kind`` (``"sponsored"``, ``"boilerplate"`` or None),
        ``score`` (the learned score), a readable ``reason`` (the evidence, strongest first)
        and the evidence ``spans`` (source ``"inserts"``,
        categories ``insert_marker``, ``insert_call_to_action``, ``insert_second_person``,
        ``insert_price``, ``insert_donation``, ``insert_petition``, ``insert_subscription``,
        ``insert_social``, ``insert_advertising``, ``insert_product``, ``insert_campaign``,
        ``insert_newsroom``,
        ``insert_urgency``, ``insert_clickbait``, ``insert_link_list``,
        ``insert_promotional_wording``, ``insert_promotional_text``, ``insert_off_topic``;
        the prefix keeps them apart from the cue categories of the same names). Only
        inserts carry spans. The headline is never an insert.

    Examples
    --------
    >>> text = ("Talks resumed in Geneva on Monday.\\n\\n"
    ...         "Sponsored\\nSave 40% on headphones this weekend only.\\n\\n"
    ...         "Delegates said the talks would last a week.")
    >>> [f.kind for f in find_inserts(text)]
    [None, 'sponsored', None]
    """
    article = load_article(source)
    model = model if model is not None else load_insert_model()
    w = {**INSERT_WEIGHTS, **(weights or {})}
    text = article.text
    ranges = article.paragraphs
    if not ranges:
        return []
    headline = article.headline_paragraph
    scores, sims, matrix = _rule_scores(article, w, model.words, model.text)
    features = [_features(sc, sims[i]) for i, sc in enumerate(scores)]
    decisions = [model.decision(f) for f in features]

    kinds: list[str | None] = [
        _kind(sc) if decisions[i] >= threshold and i != headline else None
        for i, sc in enumerate(scores)]
    extras = [""] * len(ranges)

    # The paragraph right after a bare ad marker ("Acme Sponsored") that shares almost no
    # words with the article is the ad the marker announces.
    for i in range(1, len(ranges)):
        if (kinds[i] is None and kinds[i - 1] is not None and i != headline
                and "after_sponsor_line" in scores[i].rules and sims[i] < _SIM_LOW):
            kinds[i] = kinds[i - 1]
            extras[i] = (f"the paragraph after the ad marker {scores[i - 1].marker!r}, sharing "
                         f"almost no words with the article (similarity {sims[i]:.2f})")

    # The rest of a block: a paragraph next to an insert found on its own evidence, scoring
    # close to the threshold and sharing few words with the article (one pass, so a block
    # grows by at most one paragraph on each side of each paragraph found on its own).
    own = [kind is not None for kind in kinds]
    if block_margin > 0:
        for i in range(1, len(ranges)):
            if (kinds[i] is not None or i == headline or sims[i] >= _SIM_MID
                    or decisions[i] < threshold - block_margin):
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(ranges) and own[j] and j != headline:
                    kinds[i] = kinds[j]
                    extras[i] = (f"next to the {kinds[j]} paragraph {j}, scoring within "
                                 f"{block_margin:g} of the threshold ({decisions[i]:.2f}) and "
                                 f"sharing few words with the article (similarity {sims[i]:.2f})")
                    break

    # A block with no paragraph over the threshold: two neighbours, each within block_margin
    # of it and sharing few words with the article, make a block of their own.
    if block_margin > 0:
        near = [i not in (0, headline) and kinds[i] is None and sims[i] < _SIM_MID
                and decisions[i] >= threshold - block_margin for i in range(len(ranges))]
        for i in range(1, len(ranges) - 1):
            if near[i] and near[i + 1] and kinds[i] is None and kinds[i + 1] is None:
                kind = _kind(scores[i]) if scores[i].points >= scores[i + 1].points else _kind(
                    scores[i + 1])
                for k, other in ((i, i + 1), (i + 1, i)):
                    kinds[k] = kind
                    extras[k] = (f"a block with paragraph {other}: both score within "
                                 f"{block_margin:g} of the threshold ({decisions[k]:.2f}, "
                                 f"{decisions[other]:.2f}) and share few words with the article "
                                 f"(similarity {sims[k]:.2f})")

    def stranger(i: int, margin: float, unlike: tuple[str, ...]) -> bool:
        """Paragraph ``i``, not an insert yet, shares almost no words with the article and
        none of ``unlike``'s evidence, and scores within ``margin`` of the threshold."""
        return (kinds[i] is None and i not in (0, headline) and sims[i] < _SIM_LOW
                and decisions[i] >= threshold - margin and "unshared_words" in scores[i].rules
                and not any(rule in scores[i].rules for rule in unlike))

    # A stranger to the article: none of its words or names, nobody reported, no "I"; close
    # to the threshold, it is pasted text (a native ad's lede, a candidate's biography).
    if stranger_margin > 0:
        for i, sc in enumerate(scores):
            if stranger(i, stranger_margin, _NOT_STRANGER):
                kinds[i] = _kind(sc)
                extras[i] = (f"a stranger to the article: shares almost no words (similarity "
                             f"{sims[i]:.2f}) and no names with it, reports nobody, and scores "
                             f"within {stranger_margin:g} of the threshold ({decisions[i]:.2f})")

    # Native copy, a paid post's lede written like news, which scores little else: a stranger
    # to the article (none of its words or names, no "I") that speaks of a business and what
    # it sells; or copy rich in trade (two words of it at least) that shares few words with
    # the article (such a lede may name a place or a person the article names too).
    if native_margin > 0 and len(ranges) >= _NATIVE_PARAGRAPHS:
        for i, sc in enumerate(scores):
            if (kinds[i] is not None or i in (0, headline) or sc.marker is not None
                    or decisions[i] < threshold - native_margin):
                continue
            alien = stranger(i, native_margin, ("shared_names", "first_person"))
            if not alien and (sims[i] >= _NATIVE_RICH_SIM or "first_person" in sc.rules):
                continue    # (a stranger, under _SIM_LOW with no "I", always goes on)
            trade = _trade_words(sc.masked)
            if alien and len(trade) >= _NATIVE_TRADE:
                kinds[i] = "sponsored"
                extras[i] = (f"native copy: a stranger to the article (similarity "
                             f"{sims[i]:.2f}, none of its names) that speaks of trade "
                             f"({', '.join(map(repr, trade[:4]))}), scoring within "
                             f"{native_margin:g} of the threshold ({decisions[i]:.2f})")
            elif len(trade) >= _NATIVE_RICH_TRADE:
                kinds[i] = "sponsored"
                extras[i] = (f"native copy: speaks of trade ({', '.join(map(repr, trade[:4]))}) "
                             f"and shares few words with the article (similarity "
                             f"{sims[i]:.2f}), scoring within {native_margin:g} of the "
                             f"threshold ({decisions[i]:.2f})")

    # An electoral appeal: off the article's topic, it speaks of elections, parties or
    # offices to the reader ("you", "we", an imperative) and reports nobody (no attribution, no
    # quotation, no "I"): a partisan ad. The article's own political lines report: who said,
    # voted, announced what.
    if electoral_margin > 0:
        for i, sc in enumerate(scores):
            if (kinds[i] is not None or i in (0, headline) or sc.marker is not None
                    or sims[i] >= _SIM_MID or decisions[i] < threshold - electoral_margin
                    or "reporting" in sc.rules or "first_person" in sc.rules
                    or _QUOTE_MARK.search(text[slice(*ranges[i])])
                    or not (_ADDRESS.intersection(sc.rules) or _FIRST_PLURAL.search(sc.masked))
                    or len(terms := _electoral_terms(sc.masked)) < _ELECTORAL_TERMS):
                continue
            kinds[i] = "sponsored"
            extras[i] = (f"an electoral appeal: speaks of {', '.join(map(repr, terms[:4]))} to "
                         f"the reader, reports nobody, off the article's topic (similarity "
                         f"{sims[i]:.2f}), scoring within {electoral_margin:g} of the threshold "
                         f"({decisions[i]:.2f})")

    # An island: a run of two to four neighbouring paragraphs that shares almost no words and
    # no names with the rest of the article. Two strangers in it (measured against the article
    # without the island) that share a word or a name with each other are one pasted block
    # speaking of its own brand or subject: each is an insert when both score within
    # island_margin of the threshold counted without the island (its names and words shared
    # only within it do not count), or when the other is an insert already.
    if island_margin > 0 and len(ranges) >= _NATIVE_PARAGRAPHS:
        found = list(kinds)
        coef = model.coef

        def alone(k: int) -> float:
            """Paragraph k's score with the island's names and words not counted as shared."""
            rules = scores[k].rules
            return (decisions[k] - coef.get("shared_names", 0.0) * rules.get("shared_names", 0.0)
                    + coef.get("unshared_words", 0.0)
                    * (w["unshared_words"] - rules.get("unshared_words", 0.0)))

        # Only a run that holds a partner (an insert, or a paragraph within island_margin
        # counted without any island) can change anything.
        partners = frozenset(j for j in range(len(ranges)) if found[j] is not None
                             or alone(j) >= threshold - island_margin)
        for island in islands([text[s:e] for s, e in ranges], skip=frozenset({0, headline}),
                              among=partners):
            def margin(k: int, j: int) -> float:
                """How far under the threshold k may score to join j: wider when j is an
                insert already and names what k names."""
                named = (k, j) in island.named and found[j] is not None
                return max(island_margin, island_name_margin if named else 0.0)

            pairs = sorted((k, j) for k, j in island.links if kinds[k] is None
                           and (found[j] is not None or alone(j) >= threshold - island_margin))
            if not pairs or _run_similarity(matrix, island.start, island.end) >= _SIM_LOW:
                continue
            for k, j in pairs:
                if kinds[k] is not None or alone(k) < threshold - margin(k, j):
                    continue
                kinds[k] = found[j] or (_kind(scores[k]) if scores[k].points >= scores[j].points
                                        else _kind(scores[j]))
                with_j = (f"the {found[j]} paragraph {j}" if found[j] else
                          f"paragraph {j} (its score without the run {alone(j):.2f})")
                verb = "names" if (k, j) in island.named else "speaks of"
                extras[k] = (f"in a run of paragraphs {island.start}-{island.end - 1} that "
                             f"shares almost no words and no names with the rest of the "
                             f"article, it {verb} what {with_j} {verb}; its score without the "
                             f"run {alone(k):.2f}, within {margin(k, j):g} of the threshold")

    # A label's reach: an ad label or disclosure heads the copy after it, pasted as one
    # paragraph or several. Each paragraph after it is the label's while it reads as the
    # block's (a name the block has and the rest of the article never has, a stranger to the
    # article, or a score near the threshold and almost no shared words); the first that
    # reads as the article's ends the reach, so a label closing its block takes no journalism.
    # A placeholder ("ADVERTISEMENT") labels nothing.
    if label_reach_margin > 0 and len(ranges) >= _NATIVE_PARAGRAPHS:
        _, names, capitals = measured(tuple(text[s:e] for s, e in ranges))
        for i, sc in enumerate(scores):
            if (kinds[i] is None or sc.marker is None or sc.ad <= sc.furniture
                    or _PLACEHOLDER.match(sc.marker)
                    or sc.n_words > _LABEL_WORDS or i == headline):
                continue
            block_names = set(capitals[i])
            for j in range(i + 1, min(len(ranges), i + 1 + _LABEL_REACH)):
                if j == headline:
                    break
                if kinds[j] is not None:
                    if scores[j].marker is not None:
                        break  # another label: its own reach
                    block_names.update(capitals[j])
                    continue
                outside = set().union(*(capitals[k] for k in range(len(ranges))
                                        if not i <= k <= j))
                shared = sorted(n for n in names[j] if n in block_names)
                if shared and not any(n in outside for n in names[j]):
                    why = f"names {', '.join(map(repr, shared[:3]))} as the block does"
                elif stranger(j, _LABEL_STRANGER_MARGIN, ("shared_names", "first_person")):
                    why = (f"a stranger to the article (similarity {sims[j]:.2f}, none of its "
                           f"names), scoring within {_LABEL_STRANGER_MARGIN:g} of the threshold "
                           f"({decisions[j]:.2f})")
                elif sims[j] < _SIM_LOW and decisions[j] >= threshold - label_reach_margin:
                    why = (f"scoring within {label_reach_margin:g} of the threshold "
                           f"({decisions[j]:.2f}) and sharing few words with the article "
                           f"(similarity {sims[j]:.2f})")
                else:
                    break
                kinds[j] = kinds[i]
                block_names.update(capitals[j])
                extras[j] = f"in the reach of the label {sc.marker!r} (paragraph {i}): {why}"

    # A short line next to an insert belongs to it when it carries some insert evidence of
    # its own, shares more words with the insert than with the article, sits next to a bare
    # marker ("Sponsored"), or continues a list of links.
    listing = [sc.listing or (sc.bare_marker and not sc.prompt) for sc in scores]
    changed = True
    while changed:
        changed = False
        for i, (s, e) in enumerate(ranges):
            # Only a paragraph next to an insert can join one: test that first, it is cheap.
            if not ((i > 0 and kinds[i - 1]) or (i + 1 < len(ranges) and kinds[i + 1])):
                continue
            if (kinds[i] or i in (0, headline) or not _is_short_line(text, s, e)
                    or _NOT_JOINABLE.search(text[s:e])):
                continue
            for j in (i - 1, i + 1):
                if not 0 <= j < len(ranges) or kinds[j] is None:
                    continue
                with_block = _pair_similarity(matrix, i, j)
                if scores[i].appeal >= w["join_signal"]:
                    why = "with insert evidence of its own"
                elif with_block > max(sims[i], _SIM_LOW):
                    why = (f"more like it (TF-IDF similarity {with_block:.2f}) than like the "
                           f"article ({sims[i]:.2f})")
                elif _starts_sentence(text, s):
                    continue
                elif listing[j] and sims[i] < _SIM_MID:
                    why = f"a heading in the same list or marker block (similarity to the "
                    why += f"article {sims[i]:.2f})"
                elif (sims[i] < _SIM_LOW and own[j] and scores[i].n_words >= 3
                      and text[s].isalnum()):
                    why = f"a heading that shares almost no words with the article "
                    why += f"(similarity {sims[i]:.2f})"
                else:
                    continue
                kinds[i] = kinds[j]
                listing[i] = listing[j]
                extras[i] = f"short line next to the {kinds[j]} paragraph {j}, {why}"
                changed = True
                break

    findings = []
    for i, sc in enumerate(scores):
        kind = kinds[i]
        findings.append(InsertFinding(
            paragraph=i, kind=kind, score=decisions[i],
            reason=_reason(kind, sc, features[i], model, decisions[i], threshold, extras[i])
            if kind else "",
            spans=tuple(sorted(sc.spans, key=lambda s: (s.start, s.end, s.category)))
            if kind else (),
            similarity=sims[i]))
    return findings

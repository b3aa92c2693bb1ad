"""Inserts: paragraphs that are not the article's journalism.

Sponsored and advertising blocks, paid posts, donation and petition appeals, newsletter,
subscription and paywall prompts, "recommended" or "trending" link lists, social-media follow
prompts and "story continues below" lines get pasted into article text by sites and by
copy-and-paste. :func:`find_inserts` marks each paragraph ``sponsored``, ``boilerplate`` or
nothing, and says why.

How a paragraph is scored
-------------------------
A small rule set, each rule worth a fixed number of points (:data:`INSERT_WEIGHTS`, which a
caller can replace with a mapping of their own). A paragraph whose points reach
:data:`INSERT_THRESHOLD` is an insert. The rules, all applied outside quotation marks, each
leaving evidence spans whose category is the rule's name prefixed ``insert_`` (so that
``insert_call_to_action`` never counts as the loaded-language cue ``call_to_action``):

``insert_marker``
    A line that *is* a marker ("Sponsored", "Advertisement", "Paid Post", "Recommended",
    "Story continues below", "READ MORE: ...", "<Name> Sponsored", "Paid for by ...").
    Worth the threshold on its own.
``call_to_action``
    An imperative at the start of a sentence or line ("Sign up", "Donate", "Click here",
    "Will you join", "Add your name", "Order now").
``second_person``
    The reader addressed as "you"/"your"; more when the writer also speaks as "we"/"our".
``price``
    Currency amounts that are retail sized ("$4.99", "$1 a week", "40% off"), not
    "$2 billion"; more with sales words ("only", "free shipping", "code").
``donation``, ``petition``, ``subscription``, ``social``
    The vocabulary of each kind of appeal ("tax-deductible", "add your signature",
    "your inbox", "follow us on").
``imperative`` and ``reader_question``
    Other sentences that open with a base-form verb (tagged by the Pattern lexicon that ships
    with TextBlob), and questions put to the reader ("Are you with us?").
``promotional_wording``
    A tiny logistic model over which words the paragraph contains, shipped as
    ``models/insert_words.tsv`` (600 word weights and an intercept; fitted by
    ``benchmarks/train_insert_words.py``). Its probability above 0.7 earns up to 2.5
    points, and only in paragraphs whose TF-IDF similarity to the article is low.
``urgency``, ``clickbait`` and ``disclaimer``
    "before midnight", "limited time", "this one simple trick", "T&Cs apply", "21+".
``link_list``
    Several short lines without sentence punctuation (headlines), or bulleted lines.
``off_topic``
    TF-IDF cosine similarity to the rest of the article (scikit-learn): low similarity adds
    points, high similarity takes points away.
``reporting``
    Negative: attribution ("said", "according to"), length and quotation, the signs of a
    news paragraph.
``first_person``
    Negative: the writer speaking as "I", "me" or "my" outside quotes, the sign of a column
    or an opinion line; promotional blocks speak as "we" or in the imperative.

A short paragraph without sentence punctuation that sits next to an insert joins it when it
shares more words with the insert than with the article, or carries some insert evidence of
its own, or shares almost no words with the article (a "short line next to such a block
belongs to it"). It never joins when it is the end of a quotation ('... my thing," he said'),
an embedded tweet's byline ("pic.twitter.com/...", "(@handle) October 11, 2017"), a quote's
dash attribution ("--Tucker Carlson"), a hat tip ("H/T ...") or a repost credit ("Article
posted with permission from ..."). A bare "Advertisement" line is a placeholder and labels
nothing after it; a paragraph right after another bare ad marker ("Acme Sponsored") gets
``after_sponsor_line`` points.

The kind is ``sponsored`` for advertising, paid posts, political and product ads, and donation
or petition appeals on behalf of a cause; ``boilerplate`` for the publisher's own furniture:
newsletter, subscription and paywall prompts, appeals to support the newsroom, link lists,
follow prompts and "continues below" lines.

The rule weights were set by hand and checked on the insert benchmark
(``benchmarks/inserts_eval.py``); only the word model is fitted, to promotional blocks written
for this project against news sentences from MIT-licensed datasets (see the lexicon manifest).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from dataclasses import dataclass, field

from .loading import Article, load_article
from .spans import Span

__all__ = ["INSERT_KINDS", "INSERT_THRESHOLD", "INSERT_WEIGHTS", "InsertFinding",
           "find_inserts"]

#: The paragraph kinds this module assigns.
INSERT_KINDS = ("sponsored", "boilerplate")

#: Points at which a paragraph counts as an insert.
INSERT_THRESHOLD = 3.0

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
    "block": 1.0,                  # next to a paragraph with appeal evidence of its own
    "reader_voice": 0.5,           # share of the 'you'/imperative/wording points taken back
}                                  # when the article itself speaks to the reader

_SIM_LOW, _SIM_MID, _SIM_ON, _SIM_HIGH = 0.03, 0.08, 0.15, 0.25
WORD_MODEL_FILE = "insert_words.tsv"  # in toolkit/models/, with LICENSE-insert_words.md
_PROMO_FROM = 0.7  # word-model probability from which promotional wording earns points
_PROMO_SIM = _SIM_MID  # ... and only below this similarity to the article
_VOICE_WORDS = 15  # an article's own sentences this long that say "you" make it a reader's column
_LONE_HEADLINE_WORDS = 6  # words of two letters or more
_LONG_WORD = re.compile(r"\b[A-Za-z][A-Za-z'’-]+")
_DILUTE_AFTER = 80  # words; longer paragraphs have their positive points scaled by 80/words


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


# ----------------------------------------------------------------------------- patterns
_I = re.IGNORECASE

# A whole line that is a marker. Group "ad" marks advertising, "furniture" the site's own.
_AD_MARKER_LINE = re.compile(
    r"^(?:sponsored(?: content| links?| post| stories| story)?(?: by .{1,60})?"
    r"|advertisement(?:\s*[-–—:].{0,40})?|advertising|ad|ads|promoted(?: content| stories)?"
    r"|paid (?:post|content|partnership|promotion)(?: by .{1,60})?"
    r"|partner content|brand(?:ed)? content|presented by .{1,60}|brought to you by .{1,60}"
    r"|(?:political )?ad(?:vertisement)? paid for by .{1,80}|paid for by .{1,80}"
    r"|.{1,40}\s+(?:sponsored|promoted))\W*$", _I)
_AD_PREFIX = re.compile(
    r"^(?:(?:sponsored|advertisement|paid post|paid content|promoted|partner content|ad)"
    r"\s*[:|–—-]\s+|paid for by\b|(?:political )?ad(?:vertisement)? paid for by\b)", _I)
_AD_SENTENCE = re.compile(
    r"\b(?:this (?:article|content|story|post) (?:is|was) (?:a )?(?:paid|sponsored|produced on behalf"
    r"|produced in partnership|brought to you)|paid partnership with|in partnership with our "
    r"sponsor|does not reflect the views of (?:our|the) (?:editorial|newsroom)"
    r"|(?:newsroom|editorial staff) (?:was|were) not involved|not authorized by any candidate"
    r"|brought to you by|(?:a )?message from (?:our|a) sponsors?|from our (?:sponsors|partners)"
    r"|(?:brand|content|creative|partner) studio|(?:created|produced|written) (?:by|with|for) "
    r"(?:our|the) (?:brand|content|advertising|partner)|(?:created|produced|presented) in "
    r"(?:partnership|collaboration|association) with|in collaboration with our (?:sponsor|partner))"
    r"|(?:^|(?<=[.!?]\s))(?:presented|sponsored|brought to you|paid for|promoted) by "
    r"[^.!?\n]{1,40}[.!]?$", _I | re.M)
_AD_WORD_LINE = re.compile(r"\b(?:sponsor(?:s|ed)?|advertis(?:ement|ing|er)s?|promoted|"
                           r"paid (?:post|content|partner\w*))\b", _I)
_FURNITURE_WORD_LINE = re.compile(
    r"\b(?:recommended|trending|popular|most (?:read|viewed|shared)|related|newsletter|"
    r"subscribe|follow us|read more|keep reading|top stories|latest news|editors?'? picks?|"
    r"you may (?:also )?like|share this|copy link)\b", _I)
# A bare "Advertisement" line is a placeholder: the ad itself is usually an image, so the line
# after it is as likely the article's next sentence as ad copy.
_PLACEHOLDER = re.compile(r"^\W*(?:advertisements?|advertising|ads?)\W*$", _I)
_PAID_FOR = re.compile(r"\bpaid for by\b", _I)  # a disclaimer closes an ad, it does not open one
_FURNITURE_MARKER_LINE = re.compile(
    r"^(?:recommended(?: for you| stories| reading| articles)?|trending(?: now| stories)?"
    r"|most (?:read|popular|viewed|shared)|popular(?: now| stories| on .{1,30})?"
    r"|related(?: stories| articles| coverage| content)?|read more|more stories|more from .{1,40}"
    r"|you (?:may|might) also like|you may have missed|editors?'? ?(?:picks|choice)"
    r"|top stories|latest(?: news| stories)?|what (?:everyone|people) (?:is|are) reading"
    r"|(?:share|share this(?: story| article)?)|comments?|newsletter|subscribe|sign up"
    r"|(?:the )?(?:story|article|content|text) continues (?:below|after)(?: (?:the )?ad(?:vertisement)?)?"
    r"|continue reading(?: below)?|scroll (?:down )?to continue(?: reading)?|follow us"
    r"|(?:more|further) reading|also read|don'?t miss|watch|listen"
    r"|more (?:on|about) (?:this|the|that) (?:story|topic|subject|issue)|in other news"
    r"|more (?:news|headlines|coverage)(?: from .{1,40})?|(?:catch|read) up on .{1,40})\W*$", _I)
_FURNITURE_PREFIX = re.compile(
    r"^(?:read more|related|see also|also read|more|recommended|trending|watch|listen|"
    r"read|must read|don'?t miss)\s*[:|–—-]\s+\S", _I)
_CONTINUES = re.compile(
    r"\b(?:(?:story|article|content|text|report) continues (?:below|after)|scroll (?:down )?to "
    r"continue|continue reading (?:below|on|in)|keep reading)\b", _I)

_CTA_VERBS = (
    "sign up|sign|subscribe|donate|join|click|tap|follow|like (?:us|our|this|and)|share|get|claim|shop|buy|try|"
    "order (?:now|today|yours|online|your|a|the)|"
    "download|register|add|chip in|give (?:now|today|what|\\$|\\d)|support|help|act now|"
    "call (?:your|now|today)|demand|stand up|stand with|"
    "watch|listen|discover|learn more|become|start|grab|save|enter|visit|unlock|upgrade|rush|"
    "pledge|compare|find out|see (?:how|why|if|what)|say no|say yes|show them|prove|connect|"
    "stay (?:informed|connected|updated|tuned)|contact|apply|book|reserve|use code|open|install|"
    "don'?t miss|don'?t let|don'?t wait|make a|send|receive|upgrade|check out|read more|"
    "read the full|get started|log in|create|turn on|enable|be the first to")
_CTA_START = re.compile(rf"(?:^|(?<=[.!?:]\s)|(?<=\n))\s*(?:please\s+)?(?:{_CTA_VERBS})\b", _I | re.M)
_CTA_ANYWHERE = re.compile(
    r"\b(?:please (?:consider|sign|log in|register|subscribe|donate|give|support|share|help|"
    r"join|click|follow|contact|visit|chip in)|click here|tap here|sign up|add your (?:name|signature|voice)|chip in|act now|"
    r"order (?:now|today)|shop now|buy now|learn more|find out (?:more|why|how)|"
    r"will you (?:join|help|stand|chip|give|sign|donate|support|make|be)|"
    r"can you (?:chip|help|give|donate|spare)|join (?:us|our|the fight|the movement|millions|"
    r"thousands)|help us|stand with us|support us|don'?t miss|start your free trial|"
    r"download (?:our|the) (?:free )?app|get (?:the|our) (?:app|newsletter)|"
    r"(?:get|claim|grab|order|reserve|pledge) your|text (?-i:[A-Z]{2,}) to \d{3,6})\b", _I)

_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|you're|you've|you'll|you’re|you’ve"
                            r"|you’ll)\b", _I)
_FIRST_SINGULAR = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Mm]yself|I'm|I’m|I've|I’ve|I'd|I’d)\b")
_FIRST_PLURAL = re.compile(r"\b(?:we|our|us|we're|we’re|we've|we’ve)\b", _I)

_MONEY = re.compile(
    r"(?:[$£€]\s?\d[\d,]*(?:\.\d{1,2})?(?![\d.,]*\d)(?!\s*(?:million|billion|trillion|bn|m\b|k\b))"
    r"|\b\d+(?:\.\d{1,2})?\s?(?:cents|dollars|euros|pounds|usd|eur|gbp)\b(?!\s*(?:million|"
    r"billion|trillion))|\b\d{1,2}%\s?off\b)", _I)
_SALES = re.compile(
    r"\b(?:only|just|from|was|now|per month|a month|a week|per week|/mo|free shipping|"
    r"free delivery|free returns|deal|offer|save|discount|code|checkout|trial|cancel anytime|"
    r"risk-free|money-back)\b", _I)

_VOCAB = {
    "donation": re.compile(
        r"\b(?:donate|mak(?:e|ing) a (?:donation|contribution|gift)|every (?:dollar|gift|"
        r"contribution) (?:helps|counts|matters)|your (?:gift|donation|contribution)|"
        r"(?:one-time|monthly|recurring) (?:gift|donation|contribution|payment)|chip in|"
        r"tax[- ]deductible|readers like you|(?:become|join as) a (?:member|supporter|patron)|"
        r"give (?:now|today|what you can|\$)|matched dollar|year-end goal|fundraising goal|"
        r"support (?:our|independent|this|fearless|quality) (?:journalism|work|reporting|"
        r"newsroom|site|mission|reporting)|emergency contribution|rush your|"
        r"(?:gifts?|donations?|dollars?|contributions?) (?:is |are |will be )?(?:matched|doubled|"
        r"tripled)|(?:reach|hit|meet) (?:our|this|the) (?:goal|target)|"
        r"\d+ hours (?:left|to go|to (?:reach|raise|hit))|a gift (?:today|now|of))\b", _I),
    "petition": re.compile(
        r"\b(?:petition|add your (?:name|signature|voice)|signatures|sign (?:our|the|this) "
        r"(?:open )?(?:letter|pledge)|sign here|make your voice heard|"
        r"take (?:the|our|this) (?:official |quick |short )?(?:survey|poll|quiz)|"
        r"tell (?:congress|lawmakers|legislators|your (?:representative|senator|"
        r"mp|congressman)|the (?:senate|house|white house|governor))|demand accountability)\b",
        _I),
    "subscription": re.compile(
        r"\b(?:newsletters?|(?:your|to your) inbox|subscribe|subscription|subscribers?|"
        r"unsubscribe|signing up|sign up|free trial|unlimited (?:digital )?access|"
        r"free articles?|log in|create a (?:free )?account|email address|your email|"
        r"terms of (?:use|service)|privacy policy|digital access|keep reading|briefing|"
        r"(?:every|each) (?:weekday|morning|evening|week)(?: morning| evening)? (?:at|in)|"
        r"stories you need|to continue reading|register for (?:a )?(?:free )?(?:account|access)|"
        r"free account)\b", _I),
    "social": re.compile(
        r"\b(?:follow us|like us|find us on|connect with us|join (?:us|our \w+) on|"
        r"join our (?:telegram|whatsapp|discord)|share this|join the conversation|"
        r"(?:our|free) app|app store|google play|ios and android|breaking (?:news )?alerts|"
        r"(?:push )?notifications|news alerts|live coverage|live updates|our feed|your feed|"
        r"our page|like our|follow our|(?:message|email|contact|text|call|dm) us|"
        r"got a (?:news )?tip|send us (?:a|your) tips?|"
        r"our (?:youtube )?channel|@\w{3,})\b", _I),
}
# The offer of a product ad, and the ballot of a campaign ad.
_VOCAB["product"] = re.compile(
    r"\b(?:\d{1,2}% (?:off|cheaper|less|savings)|(?:five|5)-star|(?:lifetime|money-back|"
    r"satisfaction) (?:warranty|guarantee)|free (?:shipping|delivery|returns|assembly|"
    r"installation|trial|samples?)|in stock|sold out|top-rated|"
    r"\d[\d,]* (?:five-star )?(?:reviews|ratings|happy customers)|limited edition|"
    r"at checkout|promo code|coupon|(?:order|shop|buy) (?:now|today|online)|"
    r"(?:down|starting) (?:to|at) [$£€]\d)", _I)
_VOCAB["campaign"] = re.compile(
    r"\b(?:re-?elect\b|vote (?:yes|no) on|(?:cast|mail) your (?:ballot|vote)|early voting "
    r"(?:starts|begins|ends)|your vote (?:counts|matters))", _I)
# Who paid: the advertiser or sponsor named in the block, and the newsroom disowning it.
_VOCAB["advertising"] = re.compile(
    r"\b(?:(?:our|a|this|the) (?:sponsors?|advertisers?|(?:commercial |brand |content )?"
    r"partners?)\b(?!\s+(?:said|says|told))|(?:sponsor(?:ed)?|partner|brand(?:ed)?) (?:content|"
    r"story|stories|post|feature|links?)|advertorial|affiliate (?:links?|commissions?)|"
    r"(?:we|i) (?:may )?(?:earn|receive) (?:a )?(?:small )?commission)\b", _I)
_SPONSOR_CREDIT = re.compile(
    r"\b(?:commissioned|paid for|underwritten|sponsored|presented|brought to you)"
    r"(?: and (?:paid for|produced|funded|written))? by (?:the )?(?-i:[A-Z][\w&'’.-]*)", _I)
_NEWSROOM_DISCLAIMER = re.compile(
    r"\b(?:our|the) (?:journalists|reporters|editors|newsroom|editorial (?:staff|team|"
    r"department|board))\b[^.!?\n]{0,50}?\b(?:no|not|never|without)\b[^.!?\n]{0,30}?\b(?:role|"
    r"involve\w*|input|part|hand)\b|\bdid not involve (?:our|the) (?:journalists|reporters|"
    r"editors|newsroom|editorial \w+)", _I)
# "Background: The long road to ..." - a one- to three-word label and a headline after it.
_LABELLED_HEADLINE = re.compile(r"^(?-i:[A-Z])[\w'’-]*(?: [\w'’-]+){0,2}\s*:\s+(?-i:[A-Z0-9\"“‘'])")
_PLATFORMS = re.compile(r"(?<![./])\b(?:facebook|twitter|instagram|youtube|telegram|tiktok|"
                        r"linkedin|whatsapp|pinterest|reddit|email|gab|rumble|truth social)\b"
                        r"(?![./]\w)", _I)
_LINK_END = re.compile(r"\b(?:here|below|at the link|in the link|on our (?:site|website|app))"
                       r"\W*$", _I)
_CLICK = re.compile(r"\b(?:click|tap) (?:here|below|the link|on the link|the button)\b", _I)
_SUPPORT = re.compile(r"\b(?:support|fund|funding|costs? money|isn'?t free|pay for|gave|give)\b",
                      _I)
_JOURNALISM = re.compile(r"\b(?:journalism|reporting|newsroom|reporters|our work|this site|"
                         r"independent media|our coverage|readers)\b", _I)

_URGENCY = re.compile(
    r"\b(?:right now|act fast|hurry|limited time|today only|this week(?:end)? only|"
    r"before (?:it'?s|it’s) too late|(?:midnight|tonight'?s?) deadline|deadline|"
    r"before midnight|supplies are limited|while supplies last|don'?t wait|last chance|"
    r"expires|in the next \d+ (?:minutes|hours)|ends (?:tonight|today|sunday|soon)|"
    r"(?<=[a-z] )(?:now|today)(?=[.!]))\b|!", _I)
_CLICKBAIT = re.compile(
    r"\b(?:this (?:one )?(?:simple|weird|little|tiny|overlooked) (?:trick|device|asset|exercise|"
    r"ingredient)|one simple|doctors are (?:stunned|baffled)|(?:stunned|shocked) by what|"
    r"the shocking truth|you won'?t believe|won'?t tell you|revealed:|risk-free|free video|"
    r"free guide|free (?:bumper sticker|membership|gift)|(?:our|your) free (?:guide|report|"
    r"video|e-?book|book|trial|gift|newsletter|app|account|sample|copy|quote|consultation|"
    r"download|membership|webinar|course|kit|checklist|issue|week|month)s?\b|"
    r"get (?:a|your|our) free|the (?:one|#1|number one|biggest|single) \w+ (?:mistake|trick|"
    r"secret|thing|reason|habit)|(?:don'?t|doesn'?t) want you to (?:know|hear|see|read)|"
    r"how much you (?:could|can|might) save|you (?:could|can) save|for the price of)", _I)
_DISCLAIMER = re.compile(
    r"(?:\bt&cs? apply|\bterms (?:and conditions )?apply|(?<![\w-])(?:18|19|21)\+(?!\w)|"
    r"\bgamble responsibly|\bsee (?:store|site) for details|\bwhile supplies last|"
    r"\boffer (?:ends|valid|expires)|\brestrictions apply|\bno purchase necessary|"
    r"\bcancel any ?time|\bno spam\b)", _I)
_READER_QUESTION = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:(?:are|do|did|have|will|can|would|could) you\b|want\b|got\b|"
    r"tired of\b|looking for\b|ready (?:to|for)\b|need\b|thinking (?:about|of)\b|"
    r"struggling\b|worried\b|enjoyed\b|like what)[^?.!]{0,80}\?", _I | re.M)
#: For the costliest patterns: words one of which every match contains (lower-cased), so
#: that a paragraph with none of them skips the pattern; see :func:`_may_match`.
_KEYWORDS: dict[str, tuple[str, ...]] = {
    "disclaimer": ("t&c", "terms ", "+", "gamble", "for details", "while supplies", "offer ",
                   "restrictions", "no purchase", "cancel", "no spam"),
    "donation": ("donate", "mak", "every ", "your ", "one-time", "monthly", "recurring",
                 "chip in", "deductible", "readers like", "a member", "a supporter",
                 "a patron", "give ", "matched", "year-end", "fundraising", "support ",
                 "emergency", "rush your"),
    "petition": ("petition", "add your", "signatures", "sign ", "make your voice", "survey",
                 "poll", "quiz", "tell ", "demand accountability"),
    "subscription": ("newsletter", "inbox", "subscri", "signing up", "sign up", "free trial",
                     "unlimited", "free article", "log in", "account", "email", "terms of",
                     "privacy policy", "digital access", "keep reading", "briefing", "week",
                     "morning", "evening", "stories you need", "continue reading", "register"),
    "social": ("follow us", "like us", "find us on", "connect with us", "join ", "share this",
               "our app", "free app", "app store", "google play", "ios and android", "alerts",
               "notifications", "live coverage", "live updates", "feed", "our page", "like our",
               "follow our", "message us", "email us", "contact us", "text us", "call us",
               "dm us", "got a ", "send us", "channel", "@"),
    "platforms": ("facebook", "twitter", "instagram", "youtube", "telegram", "tiktok",
                  "linkedin", "whatsapp", "pinterest", "reddit", "email", "gab", "rumble",
                  "truth social"),
}
# Letters that an IGNORECASE pattern matches to an ASCII letter but str.lower() does not turn
# into it (dotless i, long s, dotted capital I): with one of them, every pattern runs.
_CASE_TRAPS = frozenset("ıſİ")


def _keyword_text(masked: str) -> str | None:
    """``masked`` lower-cased for :func:`_may_match`, or None when the check cannot be trusted."""
    return None if not _CASE_TRAPS.isdisjoint(masked) else masked.lower()


def _may_match(low: str | None, rule: str) -> bool:
    """False only when the text has none of ``rule``'s keywords, so its pattern cannot match."""
    return low is None or any(key in low for key in _KEYWORDS[rule])


_NOT_IMPERATIVE = frozenset({"thank", "let", "talk", "don", "mind", "welcome", "say"})
_HYPHENATED_VERB = re.compile(r"-(?:elect|order|register|think|imagine|claim|start|new|boot)\b", _I)
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?:]\s)|(?<=\n))\s*[\"“‘']?([A-Za-z]+)\b", re.M)
_REPORTING = re.compile(
    r"\b(?:said|says|told|according to|reported|stated|announced|added|explained|wrote|"
    r"noted|claimed|testified)\b", _I)

# Lines that never join a neighbouring insert: the end of a quotation ('..." he said'), an
# embedded tweet's byline ("pic.twitter.com/...", "(@handle) October 11, 2017") and a quote's
# dash attribution ("–Tucker Carlson").
_NOT_JOINABLE = re.compile(
    r"[”\"]|pic\.twitter\.com|\(@\w+\)\s+\w+ \d{1,2}, \d{4}"
    r"|^\s*[—–-]\s*(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})\s*$|^\s*(?:h/t|hat tip)\b"
    r"|^\s*(?:article )?(?:re)?(?:posted|printed|published) with permission\b", _I)
_QUOTE = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")
_QUOTE_MARK = re.compile(r"[\"“”]")
# Words a headline does not start with (a sentence of the story does).
_PRONOUNS = frozenset("i he she it we they you his her its their there this these those".split())
# Words a headline does not end on (a line broken mid-sentence does).
_FUNCTION_WORDS = frozenset("a an the of to in on at by for from with and or but is are was were "
                            "be been has have had as that this his her their its our your".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+")
_SENTENCE_END = tuple(".!?…\"'”’)")
_BULLET = re.compile(r"^\s*(?:[-•*►»▸·]|\d{1,2}[.)])\s+\S")


# ----------------------------------------------------------------------------- helpers
def _mask_quotes(text: str) -> str:
    """The same text with quoted passages blanked out, so offsets stay valid.

    A closing mark with no opening one before it ends a quote carried over from the previous
    paragraph; an opening mark with no closing one runs to the end (the news convention for
    quotes over several paragraphs).
    """
    masked = _QUOTE.sub(lambda m: " " * len(m.group()), text)
    close, open_ = masked.find("”"), masked.find("“")
    if close != -1 and (open_ == -1 or close < open_):
        masked = " " * (close + 1) + masked[close + 1:]
    open_ = masked.find("“")
    if open_ != -1:
        masked = masked[:open_] + " " * (len(masked) - open_)
    return masked


@lru_cache(maxsize=1)
def _word_weights() -> tuple[float, dict[str, float]]:
    """The intercept and word weights of the promotional-wording model."""
    import csv
    from importlib.resources import files

    text = files(__package__).joinpath("models", WORD_MODEL_FILE).read_text(encoding="utf-8")
    rows = [(r["term"], r["category"], float(r["weight"]))
            for r in csv.DictReader(text.splitlines(), delimiter="\t")]
    intercept = next(weight for term, category, weight in rows if category == "intercept")
    return intercept, {term: weight for term, category, weight in rows
                       if category == "promotional"}


_MODEL_TOKEN = re.compile(r"\b[a-zA-Z][a-zA-Z']+\b")


def _promotional(masked: str, start: int) -> tuple[float, list[tuple[int, int, float]]]:
    """Probability that the words are promotional, and the three strongest word positions."""
    import math

    intercept, weights = _word_weights()
    seen: dict[str, tuple[int, int]] = {}
    for m in _MODEL_TOKEN.finditer(masked):
        seen.setdefault(m.group().lower(), (start + m.start(), start + m.end()))
    if not seen:
        return 0.0, []
    logit = intercept + sum(weights.get(word, 0.0) for word in seen)
    top = sorted(((*seen[word], weights[word]) for word in seen if weights.get(word, 0) > 0),
                 key=lambda item: -item[2])[:3]
    return 1.0 / (1.0 + math.exp(-logit)), top


@lru_cache(maxsize=1)
def _pattern_lexicon():
    from textblob.en import lexicon

    return lexicon


@lru_cache(maxsize=20_000)
def _base_verb(word: str) -> bool:
    """True when the Pattern lexicon's usual tag for ``word`` is a base-form verb (VB)."""
    return word not in _NOT_IMPERATIVE and _pattern_lexicon().get(word) == "VB"


def _lines(text: str, start: int) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-empty line, as absolute offsets, stripped."""
    out, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            s = pos + line.index(stripped)
            out.append((start + s, start + s + len(stripped)))
        pos += len(line) + 1
    return out


def _n_words(text: str) -> int:
    return len(_WORD.findall(text))


_SIM_TOKEN = re.compile(r"(?u)\b[a-zA-Z][a-zA-Z]+\b")


def _tfidf_matrix(texts: list[str]):
    """What ``TfidfVectorizer(stop_words="english", sublinear_tf=True, token_pattern=...)
    .fit_transform(texts)`` returns, the same arrays in the same order, built directly: the
    vectorizer's checks cost more than the counting for one article's paragraphs. None when
    no paragraph has a word. ``tests/test_inserts.py`` compares it with scikit-learn's.

    Steps as scikit-learn takes them: terms numbered in order of first occurrence, each row's
    entries in that order, then numbered alphabetically; ``idf = ln((n + 1) / (df + 1)) + 1``;
    ``(1 + ln(count)) * idf``; each row divided by its L2 norm.
    """
    import math

    import numpy as np
    from scipy import sparse
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    vocabulary: dict[str, int] = {}
    docs: list[dict[int, int]] = []
    for text in texts:
        counts: dict[int, int] = {}
        for word in _SIM_TOKEN.findall(text.lower()):
            if word not in ENGLISH_STOP_WORDS:
                j = vocabulary.setdefault(word, len(vocabulary))
                counts[j] = counts.get(j, 0) + 1
        docs.append(counts)
    if not vocabulary:
        return None
    rank = np.empty(len(vocabulary), dtype=np.int32)
    for new, (_, old) in enumerate(sorted(vocabulary.items())):
        rank[old] = new
    first_seen = [j for counts in docs for j in sorted(counts)]
    indices = rank[np.asarray(first_seen, dtype=np.int32)]
    indptr = np.cumsum([0, *map(len, docs)]).astype(np.int32)
    data = np.asarray([counts[j] for counts in docs for j in sorted(counts)], dtype=np.float64)
    df = np.bincount(indices, minlength=len(vocabulary)).astype(np.float64) + 1.0
    idf = np.full_like(df, fill_value=len(texts) + 1)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    np.log(data, out=data)
    data += 1.0
    data *= idf[indices]
    for lo, hi in zip(indptr[:-1], indptr[1:]):
        square = 0.0
        for value in data[lo:hi].tolist():      # summed in order, as scikit-learn sums them
            square += value * value
        if square:
            data[lo:hi] /= math.sqrt(square)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(texts), len(vocabulary)))


def _similarities(texts: list[str]) -> tuple[list[float], object]:
    """Each paragraph's TF-IDF cosine similarity to the rest of the article, and the matrix."""
    import numpy as np

    if len(texts) < 2:
        return [1.0] * len(texts), None
    matrix = _tfidf_matrix(texts)
    if matrix is None:  # no usable words anywhere
        return [0.0] * len(texts), None
    # cos(row, total - row) for every row at once, from sparse products:
    # row.rest = row.total - |row|^2 and |rest|^2 = |total|^2 - 2 row.total + |row|^2.
    total = np.asarray(matrix.sum(axis=0)).ravel()
    row_total = matrix @ total
    row_sq = np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel()
    rest_sq = np.maximum(float(total @ total) - 2 * row_total + row_sq, 0.0)
    dots = row_total - row_sq
    norms = np.sqrt(row_sq) * np.sqrt(rest_sq)
    sims = [float(d / n) if n > 1e-12 else 0.0 for d, n in zip(dots, norms)]
    return sims, matrix


def _pair_similarity(matrix, i: int, j: int) -> float:
    if matrix is None:
        return 0.0
    import numpy as np

    a, b = matrix[i].toarray().ravel(), matrix[j].toarray().ravel()
    norm = np.linalg.norm(a) * np.linalg.norm(b)
    return float(a @ b / norm) if norm else 0.0


@dataclass
class _Score:
    points: float = 0.0
    ad: float = 0.0
    furniture: float = 0.0
    parts: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    appeal: float = 0.0
    positive: float = 0.0
    sponsor_line: bool = False
    bare_marker: bool = False
    marker: str | None = None
    listing: bool = False
    pending_off_topic: float = 0.0  # off-topic points held back until appeal evidence turns up
    rules: dict[str, float] = field(default_factory=dict)  # points per rule, for calibration

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
        self.parts.append(f"{why} ({points:+.2g})")


def _span(text: str, start: int, end: int, category: str, weight: float) -> Span:
    """Evidence, its category prefixed ``insert_`` so that it never counts as a cue."""
    if not category.startswith("insert_"):
        category = f"insert_{category}"
    return Span(start, end, text[start:end], category, weight, "inserts")


def _match_span(text: str, offset: int, match: re.Match, category: str,
                weight: float) -> Span:
    """:func:`_span` of a regex ``match`` in a piece of ``text`` that begins at ``offset``."""
    return _span(text, offset + match.start(), offset + match.end(), category, weight)


def _score_paragraph(text: str, start: int, end: int, sim: float, w: Mapping[str, float]) -> _Score:
    piece = text[start:end]
    masked = _mask_quotes(piece)
    low = _keyword_text(masked)
    score = _Score()
    n_words = _n_words(piece)
    lines = _lines(piece, start)

    # Explicit markers: a whole line, or a line prefix such as "READ MORE: ...".
    for s, e in lines:
        line = text[s:e]
        if _AD_MARKER_LINE.match(line) and _n_words(line) <= 14:
            family = "ad"
        elif _FURNITURE_MARKER_LINE.match(line):
            family = "furniture"
        elif (m := _AD_PREFIX.match(line)):
            family, e = "ad", s + m.end()
        elif (m := _FURNITURE_PREFIX.match(line)) and _n_words(line) <= 25:
            family, e = "furniture", s + m.end() - 1
        elif _n_words(line) <= 5 and not line.endswith((".", "?", "!", '"', "”")) and (
                (m := _AD_WORD_LINE.search(line)) or (m := _FURNITURE_WORD_LINE.search(line))):
            family = "ad" if m.re is _AD_WORD_LINE else "furniture"
        else:
            continue
        e = s + len(text[s:e].rstrip(" :|–—-"))
        score.spans.append(_span(text, s, e, "insert_marker", w["insert_marker"]))
        if score.marker is None:
            points = w["insert_marker"] if n_words <= 80 else w["marker_in_long"]
            score.add("marker", points, f"marker {text[s:e]!r}", family=family, appeal=True)
            score.marker = text[s:e]
        if (family == "ad" and not _AD_PREFIX.match(line) and not _PAID_FOR.search(line)
                and not _PLACEHOLDER.match(line)):
            score.sponsor_line = True
        if family == "furniture":
            score.listing = True
    if score.marker is not None:
        # A bare marker: the paragraph holds nothing but marker lines and short headings.
        score.bare_marker = all(
            _n_words(text[s:e]) <= 10 and not text[s:e].endswith((".", "?", "!"))
            for s, e in lines)
    for m in [*_AD_SENTENCE.finditer(masked), *_CONTINUES.finditer(masked)]:
        if score.marker is None:
            family = "ad" if _AD_SENTENCE.match(m.group()) else "furniture"
            points = w["insert_marker"] if n_words <= 80 else w["marker_in_long"]
            score.add("marker", points, f"marker {m.group()!r}", family=family, appeal=True)
            score.marker = m.group()
        score.spans.append(_match_span(text, start, m, "insert_marker", w["insert_marker"]))

    # Who paid for it ("commissioned and paid for by X") and the newsroom disowning it ("our
    # journalists had no role").
    if score.marker is None:
        for rule, pattern in (("newsroom_disclaimer", _NEWSROOM_DISCLAIMER),
                              ("sponsor_credit", _SPONSOR_CREDIT)):
            if (m := pattern.search(masked)):
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
    for m in _CTA_START.finditer(masked):
        s = m.start() + len(m.group()) - len(m.group().lstrip())
        found[(start + s, start + m.end())] = m.group().strip()
    for m in _CTA_ANYWHERE.finditer(masked):
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
    for m in _SENTENCE_START.finditer(masked):
        a = start + m.start(1)
        word, b = m.group(1).lower(), start + m.end(1)
        hyphen = _HYPHENATED_VERB.match(masked, m.end(1)) if word in ("re", "pre") else None
        if any(x <= a < y for x, y in found) or not (_base_verb(word) or hyphen):
            continue
        imperatives.append((a, start + hyphen.end() if hyphen else b))
    if imperatives:
        score.add("imperative", min(w["imperative_max"], w["imperative"] * len(imperatives)),
                  f"{len(imperatives)} imperative(s), first {text[slice(*imperatives[0])]!r}",
                  appeal=True)
        for a, b in imperatives:
            score.spans.append(_span(text, a, b, "call_to_action", w["imperative"]))
    question = _READER_QUESTION.search(masked)
    if question:
        score.add("reader_question", w["reader_question"], f"asks the reader {question.group()!r}")
        score.spans.append(_match_span(text, start, question, "second_person",
                                       w["reader_question"]))
    disclaimer = _DISCLAIMER.search(masked) if _may_match(low, "disclaimer") else None
    if disclaimer:
        score.add("disclaimer", w["disclaimer"], f"ad small print {disclaimer.group()!r}", family="ad",
                  appeal=True)
        score.spans.append(_match_span(text, start, disclaimer, "price", w["disclaimer"]))

    # The reader addressed, and the writer speaking as "we".
    you = list(_SECOND_PERSON.finditer(masked))
    if you:
        score.add("second_person", min(w["second_person_max"], w["second_person"] * len(you)),
                  f"addresses the reader as 'you' {len(you)} time(s)")
        for m in you:
            score.spans.append(_match_span(text, start, m, "second_person", w["second_person"]))
        if _FIRST_PLURAL.search(masked):
            score.add("we_and_you", w["we_and_you"], "speaks as 'we' to 'you'")

    # Prices.
    prices = list(_MONEY.finditer(masked))
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
        furniture_share = sum(c in ("subscription", "social") for c, _ in hits) / len(hits)
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

    # Promotional wording, by the shipped word model (benchmarks/train_insert_words.py).
    probability, strongest = _promotional(masked, start)
    if probability > _PROMO_FROM and sim < _PROMO_SIM:
        words = ", ".join(repr(text[a:b]) for a, b, _ in strongest)
        score.add("promotional_wording", w["promotional_wording"] * (probability - _PROMO_FROM) / (1 - _PROMO_FROM),
                  f"promotional wording (p={probability:.2f}; {words})", appeal=True)
        for a, b, weight in strongest:
            score.spans.append(_span(text, a, b, "promotional_wording", weight))

    # An appeal for the newsroom's own money.
    newsroom, support = _JOURNALISM.search(masked), _SUPPORT.search(masked)
    if newsroom and (support or prices) and n_words <= 60:
        score.add("newsroom_appeal", w["newsroom_appeal"], f"asks support for {newsroom.group()!r}",
                  family="furniture", appeal=True)
        score.spans.append(_match_span(text, start, newsroom, "donation", w["newsroom_appeal"]))

    urgent = list(_URGENCY.finditer(masked))
    if urgent:
        score.add("urgency", min(w["urgency_max"], w["urgency"] * len(urgent)),
                  f"urgency {urgent[0].group()!r}", family="ad")
        for m in urgent:
            score.spans.append(_match_span(text, start, m, "urgency", w["urgency"]))
    bait = _CLICKBAIT.search(masked)
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
            score.add("topic", w["on_topic_high"], f"on-topic (TF-IDF similarity {sim:.2f})")
        elif sim > _SIM_ON:
            score.add("topic", w["on_topic_mid"], f"on-topic (TF-IDF similarity {sim:.2f})")
        else:
            score.pending_off_topic = (w["off_topic_low"] if sim < _SIM_LOW else
                                       w["off_topic_mid"] if sim < _SIM_MID else 0.0)
    elif sim < _SIM_LOW:
        score.add("topic", w["off_topic_low"], f"off-topic (TF-IDF similarity {sim:.2f})")
    elif sim < _SIM_MID:
        score.add("topic", w["off_topic_mid"], f"off-topic (TF-IDF similarity {sim:.2f})")
    elif sim > _SIM_HIGH:
        score.add("topic", w["on_topic_high"], f"on-topic (TF-IDF similarity {sim:.2f})")
    elif sim > _SIM_ON:
        score.add("topic", w["on_topic_mid"], f"on-topic (TF-IDF similarity {sim:.2f})")
    reporting = _REPORTING.search(masked)
    if reporting and score.marker is None:
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


def _reason(kind: str, score: _Score, threshold: float, joined: str = "") -> str:
    evidence = "; ".join(score.parts)
    if joined:
        return f"{kind}: {joined}" + (f"; own evidence: {evidence}" if evidence else "")
    return f"{kind}: {evidence}; total {score.points:.2f} >= {threshold:g}"


def _is_short_line(text: str, start: int, end: int) -> bool:
    """At most 15 words and no sentence punctuation at the end: a heading or a link."""
    piece = text[start:end].rstrip().rstrip("\"'”’)]*")
    return (_n_words(piece) <= 15 and len(_WORD.findall(piece)) >= 2
            and not piece.endswith((".", "?", ";", ":", ",", "!")))


def _starts_sentence(text: str, start: int) -> bool:
    """True when the line opens with a pronoun: a sentence of the story, not a heading."""
    first = _WORD.match(text, start)
    return bool(first) and first.group().lower() in _PRONOUNS


def _headline_like(text: str, start: int, end: int) -> bool:
    """A line of its own shaped like a headline or a link: short, capitalised, unpunctuated."""
    piece = text[start:end]
    words = [word.lower() for word in _WORD.findall(piece)]
    return ("\n" not in piece and _is_short_line(text, start, end) and not piece.endswith("…")
            and sum(word.isalpha() for word in words) >= 3
            and words[-1] not in _FUNCTION_WORDS and words[0] not in _PRONOUNS
            and (piece[:1].isupper() or piece[:1].isdigit())) and not (
        _QUOTE_MARK.search(piece) or _NOT_JOINABLE.search(piece) or _REPORTING.search(piece))


def _score_headline_runs(text: str, ranges: list[tuple[int, int]], scores: list[_Score],
                         sims: list[float], w: Mapping[str, float], headline: int | None) -> None:
    """Two or more off-topic headline lines in a row, each a paragraph: a list of links."""
    run: list[int] = []
    for i in [*range(len(ranges)), len(ranges)]:
        if (i < len(ranges) and i not in (0, headline) and scores[i].marker is None
                and _headline_like(text, *ranges[i]) and sims[i] < _SIM_MID):
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


def _teaser_like(line: str) -> bool:
    """Long enough for a teaser, and not a story's sentence in the past tense or about 'them'."""
    words = _LONG_WORD.findall(line)
    return len(words) >= _LONE_HEADLINE_WORDS and not any(
        word.lower() in ("them", "him") or _pattern_lexicon().get(word.lower()) == "VBD"
        for word in words)


def _release_off_topic(score: _Score, sim: float) -> None:
    """Add the off-topic points held back until appeal evidence turned up."""
    if score.pending_off_topic:
        score.add("topic", score.pending_off_topic, f"off-topic (TF-IDF similarity {sim:.2f})")
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
    voiced = [k for k, (a, b) in enumerate(ranges)
              if scores[k].points < threshold and _n_words(text[a:b]) >= _VOICE_WORDS
              and _SECOND_PERSON.search(_mask_quotes(text[a:b]))]
    if len(voiced) < 2:
        return
    for i, sc in enumerate(scores):
        others = [k for k in voiced if abs(k - i) > 2]
        soft = sum(sc.rules.get(rule, 0.0) for rule in _SOFT_RULES)
        if len(others) >= 2 and soft > 0 and sc.marker is None:
            sc.add("reader_voice", -w["reader_voice"] * soft,
                   f"the article itself speaks to the reader (paragraphs "
                   f"{', '.join(map(str, others[:3]))}{', ...' if len(others) > 3 else ''})")


def _score_blocks(text: str, ranges: list[tuple[int, int]], scores: list[_Score],
                  sims: list[float], w: Mapping[str, float], threshold: float) -> None:
    """Adjacent off-topic paragraphs that each make an appeal reinforce each other."""
    def promising(k: int) -> bool:
        sc, (a, b) = scores[k], ranges[k]
        # Position alone (after a sponsor line) is no appeal of the paragraph's own.
        own = sc.appeal - sc.rules.get("after_sponsor_line", 0.0)
        return (own >= w["join_signal"] and sc.points >= threshold / 2 and sims[k] < _SIM_MID
                and _n_words(text[a:b]) >= 4 and not text[a:b].rstrip().endswith(":")
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


def find_inserts(source, *, threshold: float = INSERT_THRESHOLD,
                 weights: Mapping[str, float] | None = None) -> list[InsertFinding]:
    """Mark the paragraphs that are not the article's journalism.

    Parameters
    ----------
    source : str, path or Article
        Anything :func:`~toolkit.loading.load_article` accepts.
    threshold : float
        Points at which a paragraph is an insert.
    weights : mapping, optional
        Points per rule in place of :data:`INSERT_WEIGHTS`; missing keys take the defaults.

    Returns
    -------
    list of InsertFinding
        One per paragraph, in order: ``kind`` (``"sponsored"``, ``"boilerplate"`` or None),
        ``score``, a readable ``reason`` and the evidence ``spans`` (source ``"inserts"``,
        categories ``insert_marker``, ``insert_call_to_action``, ``insert_second_person``,
        ``insert_price``, ``insert_donation``, ``insert_petition``, ``insert_subscription``,
        ``insert_social``, ``insert_urgency``, ``insert_clickbait``, ``insert_link_list``;
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
    w = {**INSERT_WEIGHTS, **(weights or {})}
    text = article.text
    ranges = article.paragraphs
    if not ranges:
        return []
    headline = article.headline_paragraph
    sims, matrix = _similarities([text[s:e] for s, e in ranges])
    scores = [_score_paragraph(text, s, e, sims[i], w) for i, (s, e) in enumerate(ranges)]

    # A bare sponsor line labels the paragraph after it.
    for i in range(1, len(ranges)):
        before = scores[i - 1]
        s, e = ranges[i]
        if (before.sponsor_line and before.bare_marker and scores[i].marker is None
                and i != headline and _n_words(text[s:e]) >= 3):
            scores[i].add("after_sponsor_line", w["after_sponsor_line"],
                          f"follows the ad marker {scores[i - 1].marker!r}", family="ad",
                          appeal=True)
            if scores[i].pending_off_topic:
                scores[i].add("topic", scores[i].pending_off_topic,
                              f"off-topic (TF-IDF similarity {sims[i]:.2f})")

    _score_reader_voice(text, ranges, scores, w, threshold)
    _score_headline_runs(text, ranges, scores, sims, w, headline)
    _score_blocks(text, ranges, scores, sims, w, threshold)

    kinds: list[str | None] = [
        _kind(sc) if sc.points >= threshold and i != headline else None
        for i, sc in enumerate(scores)]
    extras = [""] * len(ranges)

    # A short line next to an insert belongs to it when it carries some insert evidence of
    # its own, shares more words with the insert than with the article, sits next to a bare
    # marker ("Sponsored"), or continues a list of links.
    listing = [sc.listing or sc.bare_marker for sc in scores]
    own = [kind is not None for kind in kinds]  # inserts on their own evidence
    changed = True
    while changed:
        changed = False
        for i, (s, e) in enumerate(ranges):
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
                elif (sims[i] < _SIM_LOW and own[j] and _n_words(text[s:e]) >= 3
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
            paragraph=i, kind=kind, score=sc.points,
            reason=_reason(kind, sc, threshold, extras[i]) if kind else "",
            spans=tuple(sorted(sc.spans, key=lambda s: (s.start, s.end, s.category)))
            if kind else (),
            similarity=sims[i]))
    return findings

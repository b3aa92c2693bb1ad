"""Signals for the insert detector: the patterns and measurements it scores.

:mod:`toolkit.inserts` decides which paragraphs are inserts; this module holds what it looks
at: the marker, appeal and offer patterns, the shape of a line (a headline, a teaser, a
sentence), quotation masking, the promotional word model (``models/insert_words.tsv``), the
Pattern lexicon's verb tags and the TF-IDF similarity of each paragraph to the rest of the
article. Nothing here gives points; the names are private to the package.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache, reduce
from itertools import filterfalse, repeat
from operator import add

WORD_MODEL_FILE = "insert_words.tsv"  # in toolkit/models/, with LICENSE-insert_words.md

_LONE_HEADLINE_WORDS = 6  # words of two letters or more
_LONG_WORD = re.compile(r"\b[A-Za-z][A-Za-z'’-]+")


# ----------------------------------------------------------------------------- patterns
_I = re.IGNORECASE

# A whole line that is a marker. Group "ad" marks advertising, "furniture" the site's own.
# A marker line may open with decoration: bullets, brackets, dashes, arrows or emoji
# ("• Sponsored", "[Advertisement]", "— ADVERTISEMENT —", "👉 Read more", "#ad").
_DECOR = r"[^\w\n\"“”'‘’]*"  # not a quotation mark: '"Paid for by the taxpayers," he said'

# A sponsor, campaign or publisher named after "by", "from" or "with" on a label line:
# capitalised (or "the"/"our" and a capital), never a clause after a comma ("Sponsored by the
# Heritage Foundation, the study found ..."), so a news sentence that opens the same way
# is no label.
# Any character of a sponsor's name but the comma that opens a clause.
_ANY = r"(?:(?!,\s*(?-i:(?!and\b|inc\b|llc\b|ltd\b|www\b)[a-z]))[^\n])"
_NAMED = rf"(?:the |our |a |an )?(?-i:[A-Z0-9@#]){_ANY}{{0,60}}"
# The header of a widget of paid links (Taboola, Outbrain): a list header, but advertising.
_AD_WIDGET = (r"around the web|from (?:around )?the web|content you may like|(?:content |stories )?"
              r"from (?:our|the) (?:partners|sponsors|advertisers)|(?:recommended|promoted|"
              rf"sponsored) (?:links |stories )?by (?:outbrain|taboola|revcontent|{_NAMED})")
_AD_WIDGET_LINE = re.compile(rf"^{_DECOR}(?:{_AD_WIDGET})\W*$", _I)
_AD_MARKER_LINE = re.compile(
    rf"^{_DECOR}(?:sponsored(?: content| links?| post| stories| story)?(?: by {_ANY}{{1,60}})?"
    r"|advertisement(?:\s*[-–—:].{0,40})?|advertising|ad|ads|promoted(?: content| stories)?"
    rf"|paid (?:post|content|partnership|promotion)(?: by {_ANY}{{1,60}})?"
    rf"|partner content|brand(?:ed)? content|presented by {_ANY}{{1,60}}"
    rf"|brought to you by {_ANY}{{1,60}}"
    rf"|(?:political )?ad(?:vertisement)? paid for by {_ANY}{{1,80}}|paid for by {_ANY}{{1,80}}"
    # The industry's other labels for paid space (news sites, networks, campaign ads).
    r"|sponsor(?:ed)?(?: content| links?| posts?| stor(?:y|ies)| articles?| features?"
    rf"| listings?| reports?| messages?| results| series| section)?(?: (?:by|from) {_NAMED})?"
    r"|advert|advertorial|adverts|ad ?choices|ad feedback|report this ad"
    rf"|(?:advertisement|advertising|advertiser|ad) (?:feature|content|section|supplement)"
    rf"(?: (?:by|from) {_NAMED})?|advertiser disclosure|ads? by {_NAMED}"
    rf"|promoted(?: content| stories| links?| posts?| listings?)?(?: by {_NAMED})?"
    r"|promotion|promotional (?:feature|content)"
    r"|paid (?:post|content|partnership|promotion|advertisement|advertising|feature"
    rf"|political (?:advertisement|advertising|ad))(?: (?:by|with|from|for) {_NAMED})?"
    r"|political (?:ad|advertisement|advertising)"
    rf"|partner (?:content|message|story|stories)(?: (?:by|from) {_NAMED})?"
    rf"|in (?:partnership|association|collaboration) with {_NAMED}"
    rf"|brand(?:ed)? (?:content|studio)(?: (?:by|from) {_NAMED})?"
    rf"|(?:supported|underwritten|made possible|funded) by {_NAMED}"
    rf"|(?:produced|created) (?:by {_NAMED} )?(?:for|with) {_NAMED}"
    r"|commercial (?:content|feature|partner(?:ship)?)"
    # The kickers of commerce: a retailer's or a publisher's shopping slot.
    r"|(?:today'?s |top |hot |best )?deals?|deal of the day|(?:special |exclusive |limited[- ]"
    r"time )?offers?|shop (?:the|this|these|our) (?:deals?|sale|look|collection)|shop now"
    r"|shopping|marketplace"
    r"|special (?:advertising|advertisement|promotional) (?:section|feature|supplement)"
    rf"|{_AD_WIDGET}"
    rf"|(?:a )?message from (?:our |a )?(?:sponsors?|advertisers?|partners?|{_NAMED})"
    r"|.{1,40}\s+(?:sponsored|promoted))\W*$", _I)
_AD_PREFIX = re.compile(
    r"^(?:(?:sponsored|advertisement|paid post|paid content|promoted|partner content|ad)"
    r"\s*[:|–—-]\s+|(?:(?:political )?ad(?:vertisement)? )?paid for by\b"
    # The payer is a name, not "the government" of a news sentence.
    r"(?=\s+(?:(?:the|a|an|our)\s+)?(?-i:[A-Z0-9])))", _I)
_AD_SENTENCE = re.compile(
    r"\b(?:this (?:article|content|story|post) (?:is|was) (?:a )?(?:paid|sponsored|produced on behalf"
    r"|produced in partnership|brought to you)|paid partnership with|in partnership with our "
    r"sponsor|do(?:es)? not (?:necessarily )?reflect (?:the views of|those of|the opinions of) "
    r"(?:our|the|this) (?:editorial|newsroom|publication)"
    r"|(?:newsroom|editorial staff) (?:was|were) not involved|not authorized by any candidate"
    r"|brought to you by|(?:a )?message from (?:our|a) sponsors?|from our (?:sponsors|partners)"
    r"|(?:brand|content|creative|partner) studio|(?:created|produced|written) (?:by|with|for) "
    r"(?:our|the) (?:brand|content|advertising|partner)|(?:created|produced|presented) in "
    r"(?:partnership|collaboration|association) with|in collaboration with our (?:sponsor|partner)"
    # Disclosures the law or the trade requires, anywhere in the paragraph: the FEC's "paid
    # for by ... and authorized by ..." and "I approve this message", the tax line of a PAC's
    # appeal; the UK imprint ("Promoted by X on behalf of Y", "Printed by ..., LS1 4AB", the
    # promoter often named by an initial: "Promoted by J. Ellis on behalf of ..."); the
    # FTC's affiliate disclosure; a newsroom saying who wrote the paid copy.
    r"|(?:authorized|approved) and paid for by|paid for by [^.\n]{1,80}? and (?:authorized|"
    r"approved) by|approved by [^.\n]{1,60}? and paid for by|and I approve this (?:message|ad)"
    r"|(?:published and )?promoted (?:and published )?by (?-i:[A-Z])(?:[^.\n]|(?<=\b(?-i:[A-Z]))\.)"
    r"{1,60}? on behalf of"
    r"|printed (?:and published )?by (?:[^.\n]|(?<=\b(?-i:[A-Z]))\.){1,80}?"
    r"(?-i:[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})"
    r"|as an amazon associate|from qualifying purchases"
    r"|(?:this|the|our) (?:post|article|page|story|guide|content|site|review|list)s? (?:contains?|"
    r"includes?|may (?:contain|include)|uses?) affiliate links?|(?:affiliate|advertiser|ftc|"
    r"sponsorship) disclosure|(?:are|is) affiliate links?|(?:we|i) (?:may |might |could |will )?(?:earn|receive|get|make) (?:an? "
    r")?(?:small |modest )?(?:affiliate )?commission|(?:earn|make) money from (?:our )?"
    r"affiliate|may earn us (?:a )?(?:small )?(?:affiliate )?"
    r"commission|(?:we are|we're|i am|i'm) (?:compensated|paid) (?:for|when|if) (?:purchases|"
    r"you|sales|clicks)|our editors independently (?:select|selected|choose|chose|review|"
    r"research)|(?:independently )?(?:selected|chosen) by our editors|prices (?:are|were) "
    r"accurate (?:at|as of) (?:the )?time of publi"
    r"|(?:this is|the following is|the following (?:content|article|post|story) is) (?:a )?"
    r"(?:paid|sponsored|promoted|branded|partner) (?:content|post|article|story|feature|"
    r"message)?|(?:produced|created|written|prepared) by (?:our|the) (?:commercial|marketing|"
    r"partnerships?|custom content|native|sponsored content|branded content) (?:team|department|"
    r"studio|division|unit)|(?:editorial (?:staff|team)|newsroom|journalists|editors|reporters) "
    r"(?:was|were|had) not (?:involved|consulted)"
    # The page disowning its copy: "This content was created by X and not by the newsroom",
    # "The following was written and paid for by X".
    r"|(?:created|produced|written|prepared) by (?:[^.\n]|(?<=\b(?-i:[A-Z]))\.|"
    r"(?<=\b(?-i:[A-Z][a-z]))\.){1,60}? and not by (?:the|our) (?:newsroom|"
    r"editorial|journalists|editors|reporters)|(?:the following|this (?:article|content|story|"
    r"post|feature|page)) (?:was|is|has been) (?:\w+ and )?(?:paid for|sponsored|commissioned) "
    r"by)"
    r"|(?:^|(?<=[.!?]\s))(?:presented|sponsored|brought to you|paid for|promoted) by "
    r"[^.!?\n]{1,40}[.!]?$"
    # The PAC's tax line, ending its line: "Contributions to X are not tax deductible."
    r"|(?:^|(?<=[.!?]\s))(?:contributions|gifts|donations)(?: or gifts)? to [^.!?\n]{1,60}? "
    r"are not (?:tax[- ])?deductible(?: as charitable (?:contributions|donations))?(?: for "
    r"(?:federal )?income tax purposes)?[.!]?$", _I | re.M)
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
# A publication, section or account named on a furniture line ("More from The Herald",
# "Support The Beacon", "Follow Fox News on X"): capitalised words.
_TITLE = r"(?:the )?(?-i:[A-Z@])[\w'’&.@-]*(?: (?:of |the |and |for |on )?(?-i:[A-Z])[\w'’&.-]*){0,4}"
# Furniture lines that open a block: the headers of link lists, newsroom appeals, newsletter,
# subscription and paywall prompts and social follow prompts. The block they head is the
# site's own, so the paragraph after one belongs to it as after an ad label.
_LINK_HEADER = (
    r"recommended(?: for you| stories| reading| articles| videos?| links| content| posts)?"
    r"|trending(?: now| stories| topics| news| articles| videos?| on .{1,30})?"
    r"|most (?:read|popular|viewed|shared|commented|emailed|watched|recent)(?: stories| articles"
    r"| news| today| this week| now)?|popular(?: now| stories| posts| articles| right now"
    r"| on .{1,30})?|related(?: stories| articles| coverage| content| links| posts| reading"
    r"| videos?| topics| news| reports)?|read more(?: (?:from|on|at) .{1,40})?"
    r"|more (?:stories|articles|videos|headlines|news|coverage|like this|reading)(?: from .{1,40})?"
    rf"|more (?:from|in|on) {_TITLE}|more (?:on|about) (?:this|the|that) (?:story|topic|subject"
    r"|issue)|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|you (?:may|might) "
    r"have missed|in case you missed it|icymi|don['’]?t miss(?: this| out)?|must[- ](?:reads?|see"
    r"|watch)|editor(?:s|'s|’s|s'|s’)? ?(?:picks?|choice)|(?:staff|our|top) picks|top (?:stories|headlines"
    r"|news)|latest(?: news| stories| headlines| articles| videos?| updates)?|what (?:everyone"
    r"|people) (?:is|are) reading|what to (?:read|watch) next|read (?:this )?next|up next"
    r"|next (?:story|article|up)|also read|see also|also on .{1,30}|(?:more|further) reading"
    r"|(?:other|similar) (?:stories|articles|news)|explore more|in other news"
    r"|(?:catch|read) up on .{1,40}")
_APPEAL_HEADER = (
    r"support (?:us|our (?:journalism|work|reporting|mission|newsroom)|(?:independent|local"
    r"|quality|free|nonprofit|non-profit|fearless|honest|public[- ]interest) (?:journalism|news"
    rf"|media|reporting|press)|{_TITLE})|become a (?:member|supporter|patron|subscriber"
    r"|sustaining member|founding member)(?: today| now)?|a (?:note|message|letter) (?:to|for) "
    r"(?:our )?readers|a message from (?:the|our) (?:editors?|publisher|founders?)(?: in chief)?"
    r"|dear (?:reader|readers|friend|friends|patriot|patriots|supporter|supporters)"
    r"|to our readers|before you (?:go|leave|scroll|continue)|one (?:more|last) thing"
    r"|thank you for reading|thanks for reading")
_APPEAL_ASK = r"we need your (?:help|support)|(?:can|will) you (?:help|support us|help us|chip in)"
_SIGNUP_HEADER = (
    r"(?:free |daily |weekly |email )?newsletters?|sign up(?: now| today| here| for .{1,40})?"
    r"|subscribe(?: now| today| here| to .{1,40})?|get (?:our|the) (?:newsletter|app|latest"
    r"|alerts)|stay (?:informed|in the know|up to date|updated|connected|in touch)|never miss "
    r"(?:a|another) (?:story|thing|update)|don['’]?t miss (?:a|another) (?:thing|story|update)"
    r"|get the latest(?: .{1,40})?|join our (?:mailing|email) list|get (?:breaking )?(?:news )?"
    r"alerts|(?:the )?(?:daily|morning|evening|weekly) (?:briefing|digest|newsletter)"
    r"|subscribe to (?:continue|keep) reading|subscribers? (?:only|exclusive)|(?:for|exclusive"
    r" (?:to|for)) subscribers(?: only)?|premium(?: content| article| story)?|already (?:a "
    r"subscriber|a member|have an account|registered)\??(?: (?:log|sign) in)?|unlock (?:this|the "
    r"full) (?:article|story)|continue reading with .{1,40}|register to (?:continue|keep) reading"
    r"|this (?:article|content|story) is (?:for|only for|available to|exclusive to) (?:paid )?"
    r"(?:subscribers|members)(?: only)?|you(?:'|’)?ve reached your (?:limit|free article limit)"
    r".{0,40}|you have read \d+ of \d+ free articles.{0,20}"
    rf"|follow (?:us|{_TITLE})(?: on .{{1,30}})?|like us on .{{1,20}}|connect with us(?: on .{{1,30}})?"
    r"|find us on .{1,30}|join (?:us|our \w+(?: channel| group)?) on .{1,20}|join our "
    r"(?:telegram|whatsapp|discord|facebook|signal) (?:channel|group)|get (?:the|our) (?:free )?app"
    r"|download (?:the|our) (?:free )?app")
# Appeals on behalf of a cause (petitions, actions, polls, donations): advertising's family.
_CAUSE_HEADER = (
    r"sign (?:the|our|this) petition|petition|take action(?: now| today)?|(?:urgent )?action "
    r"alert|take (?:our|the|this) (?:poll|survey|quiz)|(?:quick |reader |official |daily "
    r"|instant )?poll|(?:official |reader |quick )?survey")
# The ask that closes a block as often as it opens one (a button): a marker, never a header.
_CAUSE_ASK = (
    r"sign now|sign here|act now|add your name|vote now|donate(?: now| today| here| monthly)?|make a (?:donation|contribution|gift)"
    r"(?: today| now)?|contribute(?: now| today)?|chip in(?: today| now)?|give (?:now|today"
    r"|monthly)|join us|join (?:the|our) (?:fight|movement|team|cause)")
_CAUSE_MARKER_LINE = re.compile(rf"^{_DECOR}(?:{_CAUSE_HEADER}|{_CAUSE_ASK})\W*$", _I)
# The lines that open a block, and so label the paragraph after them: the headers of link
# lists, of newsroom and cause appeals and of a newsletter by its name; not the asks and
# buttons ("Subscribe now", "Follow us on X", "Donate"), which as often close a block.
_HEADER_LINE = re.compile(
    rf"^{_DECOR}(?:{_LINK_HEADER}|{_APPEAL_HEADER}|{_CAUSE_HEADER}|(?:free |daily |weekly "
    r"|email )?newsletters?|(?:the )?(?:daily|morning|evening|weekly) (?:briefing|digest"
    r"|newsletter))\W*$", _I)
_PAGE_LINE = (
    r"share(?: this(?: story| article| post| page)?| on .{1,20}| via .{1,20})?"
    r"|copy link|comments?|leave a (?:comment|reply)|join the (?:conversation|discussion)"
    r"|(?:the )?(?:story|article|content|text|post|report|piece|news) continues (?:below|after"
    r"|under|beneath)(?: .{1,40})?|continued? (?:reading )?(?:below|after (?:the |this )?(?:ad"
    r"|advertisement|break|video))|continue reading(?: the main story| below)?|scroll (?:down )?"
    r"(?:to|for) (?:continue|more)(?: .{1,30})?|watch(?: next| more| now| the video| video)?"
    r"|listen(?: now| here)?|videos?")
# The furniture lines of lists and of the page: link-list headers and the page's own lines
# (share, comments, "story continues below"), which head nothing.
_FURNITURE_MARKER_LINE = re.compile(
    rf"^{_DECOR}(?:recommended(?: for you| stories| reading| articles)?|trending(?: now| stories)?"
    r"|most (?:read|popular|viewed|shared)|popular(?: now| stories| on .{1,30})?"
    r"|related(?: stories| articles| coverage| content)?|read more|more stories|more from .{1,40}"
    r"|you (?:may|might) also like|you may have missed|editors?'? ?(?:picks|choice)"
    r"|top stories|latest(?: news| stories)?|what (?:everyone|people) (?:is|are) reading"
    r"|(?:share|share this(?: story| article)?)|comments?|newsletter|subscribe|sign up"
    r"|(?:the )?(?:story|article|content|text) continues (?:below|after)(?: (?:the )?ad(?:vertisement)?)?"
    r"|continue reading(?: below)?|scroll (?:down )?to continue(?: reading)?|follow us"
    r"|(?:more|further) reading|also read|don'?t miss|watch|listen"
    r"|more (?:on|about) (?:this|the|that) (?:story|topic|subject|issue)|in other news"
    r"|more (?:news|headlines|coverage)(?: from .{1,40})?|(?:catch|read) up on .{1,40}"
    rf"|{_PAGE_LINE}|{_LINK_HEADER})\W*$", _I)
# The site's appeals and prompts: newsroom appeals, newsletter, subscription, paywall and
# follow prompts. Furniture, but no list: the short lines next to one are not its items.
_PROMPT_MARKER_LINE = re.compile(
    rf"^{_DECOR}(?:{_APPEAL_HEADER}|{_APPEAL_ASK}|{_SIGNUP_HEADER})\W*$", _I)
_FURNITURE_PREFIX = re.compile(
    r"^(?:read more|related|see also|also read|more|recommended|trending|watch|listen|"
    r"read|must read|don'?t miss)\s*[:|–—-]\s+\S"
    # Any link-list header before its first headline ("Editor's picks: Long reads ..."), but
    # "Latest" and "Popular", which open news lines too ("Latest: police say ...").
    rf"|^{_DECOR}(?!latest|popular)(?:{_LINK_HEADER})\s*[:|–—]\s+\S", _I)
# A label in two parts, "Add your name | Petition to the City Council", "Ad Feedback | Story
# continues": the part before the bar or bullet is tried as a marker line of its own.
_LABEL_PARTS = re.compile(r"\s+[|•·]\s+")
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
# The same pattern without its start assertion, tried only where the assertion holds (see
# :func:`_cta_starts`): the case-blind alternation of verbs tried at every character of a long
# paragraph cost more than the rest of the paragraph's patterns together.
_CTA_AT = re.compile(rf"\s*(?:please\s+)?(?:{_CTA_VERBS})\b", _I)
# What ends a line or a sentence: r"\n|[.!?:]\s" written as alternatives that each open with
# one character, so that the engine skips to the next of those characters (a branch with an
# alternative that opens with a class is tried at every character).
_CTA_BEFORE = re.compile(r"\n|\.\s|!\s|\?\s|:\s")
_SPACES = re.compile(r"\s*")


def _alternatives(alternation: str) -> list[str]:
    """The top-level alternatives of a regular expression (bars inside groups left alone)."""
    out, depth, begin = [], 0, 0
    for k, char in enumerate(alternation):
        if char == "(" and alternation[k - 1:k] != "\\":
            depth += 1
        elif char == ")" and alternation[k - 1:k] != "\\":
            depth -= 1
        elif char == "|" and depth == 0:
            out.append(alternation[begin:k])
            begin = k + 1
    return out + [alternation[begin:]]


# The first three characters, lower-cased, that a match of _CTA_AT can have after its leading
# spaces: every alternative of _CTA_VERBS (and "please") opens with three literal characters,
# as a test checks. Sentence starts whose text begins otherwise are not tried at all.
_CTA_PREFIXES = frozenset({verb[:3].lower() for verb in _alternatives(_CTA_VERBS)} | {"ple"})
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
# "I", "me", "my" or "myself" as a word: the matches of
# r"\b(?:I|[Mm]e|[Mm]y|[Mm]yself|I'm|I’m|I've|I’ve|I'd|I’d)\b" ("I'm" matches there as "I"),
# each alternative opening with its letter and the boundary before it a lookbehind, so that
# the engine skips to the next I, M or m (it ran at every word boundary of every paragraph).
_FIRST_SINGULAR = re.compile(r"(?:I(?<=\bI)|M(?<=\bM)(?:e|y|yself)|m(?<=\bm)(?:e|y|yself))\b")
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
        r"\d+ hours (?:left|to go|to (?:reach|raise|hit))|a gift (?:today|now|of)|"
        r"nonprofit (?:newsroom|news (?:site|organi[sz]ation))|(?:reader|member|listener)-supported)\b"
        r"|\b501\(c\)\s?\(?3\)?", _I),
    "petition": re.compile(
        r"\b(?:petition|add your (?:name|signature|voice)|signatures|sign (?:our|the|this) "
        r"(?:open )?(?:letter|pledge)|sign here|make your voice heard|"
        r"take (?:the|our|this) (?:official |quick |short )?(?:survey|poll|quiz)|"
        r"tell (?:congress|lawmakers|legislators|your (?:representative|senator|"
        r"mp|congressman)|the (?:senate|house|white house|governor))|demand accountability|"
        r"\d[\d,]* more signatures|signatures (?:by|before) (?=(?-i:[A-Z]))|"
        r"tell (?:senator|sen\.|rep\.|representative|governor|gov\.|mayor|congressman|"
        r"congresswoman|council ?member|commissioner) (?=(?-i:[A-Z])))",
        _I),
    "subscription": re.compile(
        r"\b(?:newsletters?|(?:your|to your) inbox|subscribe|subscription|subscribers?|"
        r"unsubscribe|signing up|sign up|free trial|unlimited (?:digital )?access|"
        r"free articles?|log in|create a (?:free )?account|email address|your email|"
        r"terms of (?:use|service)|privacy policy|digital access|keep reading|briefing|"
        r"(?:every|each) (?:weekday|morning|evening|week)(?: morning| evening)? (?:at|in)|"
        r"stories you need|to continue reading|register for (?:a )?(?:free )?(?:account|access)|"
        r"free account|(?:once|twice) a week|every (?:monday|tuesday|wednesday|thursday|friday|"
        r"saturday|sunday|weekday)|on (?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|"
        r"sundays)|goes out (?:on|every|each))\b", _I),
    "social": re.compile(
        r"\b(?:follow us|like us|find us on|connect with us|join (?:us|our \w+) on|"
        r"join our (?:telegram|whatsapp|discord)|share this|join the conversation|"
        r"(?:our|free) app|app store|google play|ios and android|breaking (?:news )?alerts|"
        r"(?:push )?notifications|news alerts|live coverage|live updates|our feed|your feed|"
        r"our page|like our|follow our|(?:message|email|contact|text|call|dm) us|"
        r"got a (?:news )?tip|send us (?:a|your) tips?|"
        r"our (?:youtube )?channel|@\w{3,})\b", _I),
}
# The publication speaking of its own staff and products ("written by our health reporters").
_VOCAB["newsroom"] = re.compile(
    r"\bour (?:\w+ )?(?:newsroom|reporters|editors|journalists|photographers|bureau|"
    r"correspondents|desk|newsletters?|podcasts?)\b", _I)
# The offer of a product ad, and the ballot of a campaign ad.
_VOCAB["product"] = re.compile(
    r"\b(?:\d{1,2}% (?:off|cheaper|less|savings)|(?:five|5)-star|(?:lifetime|money-back|"
    r"satisfaction) (?:warranty|guarantee)|free (?:shipping|delivery|returns|assembly|"
    r"installation|trial|samples?)|in stock|sold out|top-rated|"
    r"\d[\d,]* (?:five-star )?(?:reviews|ratings|happy customers)|limited edition|"
    r"at checkout|promo code|coupon|(?:order|shop|buy) (?:now|today|online)|"
    r"(?:down|starting) (?:to|at) [$£€]\d|free (?:\w+[- ])?day (?:shipping|delivery)|"
    r"on all orders|(?:select|participating) (?:retailers|stores|dealers)|available in \w+ "
    r"colou?rs|order by (?-i:[A-Z])[a-z]+ \d)"
    # A business by its kind: "Greenfold Insurance", "Harbor Realty Group", "Lumen Devices".
    r"|\b(?!(?-i:The|A|An|This|That|Its|His|Her|Their|Our|Your)\b)(?-i:[A-Z][\w&'’-]+) "
    r"(?:(?-i:[A-Z][\w&'’-]+) )?(?-i:Insurance|Realty|Labs|"
    r"Financial|Partners|Solutions|Technologies|Holdings|Foods|"
    r"Brands|Motors|Airlines|Airways|Devices|Electronics|Pharmaceuticals|Therapeutics|"
    r"Wealth|Advisors|Advisers|Investments|Mortgage|Lending|Fiber|Wireless|Outfitters|"
    r"Homes|Apparel|Cosmetics|Inc|LLC|Ltd|Corp)\b", _I)
_VOCAB["campaign"] = re.compile(
    r"\b(?:re-?elect\b|vote (?:yes|no) on|(?:cast|mail) your (?:ballot|vote)|early voting "
    r"(?:starts|begins|ends)|your vote (?:counts|matters)|(?:her|his|their) opponents?\b|"
    r"send (?:him|her|them|(?-i:[A-Z][a-z]+ [A-Z][a-z]+)) (?:back )?(?:to (?=(?-i:[A-Z]))|"
    r"home\b|packing\b)|"
    # A candidate's slogan: "Gina Okafor for State Assembly", "Dan Ruiz for Mayor".
    r"(?-i:[A-Z][a-z]+ [A-Z][\w'’-]+) for (?=(?-i:[A-Z]))(?:state |city |u\.s\. |county )?(?:mayor|governor|"
    r"congress|senate|assembly|(?:city |county )?council|(?:county )?commission|president|"
    r"sheriff|school board|district "
    r"attorney|attorney general|comptroller|treasurer|judge)\b)", _I)
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
# A paid post's credit that names no one: "the company that commissioned it".
_COMMISSIONED = re.compile(
    r"\b(?:which|that|who) commissioned (?:this|it|the (?:report|piece|article|story|series|"
    r"feature))\b|\bcommissioned (?:this|the) (?:report|piece|article|story|content|series|"
    r"feature) (?:and|from|for)\b", _I)
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
    r"how much you (?:could|can|might) save|you (?:could|can) save|for the price of|"
    # "Here's what she did." (not "Here's why:", which opens the story's own list)
    r"here(?:'s|’s| is) (?:how|what|why)\b(?=[^:\n]*$))", _I)
# The lookahead names the first character of every alternative, so that the case-blind
# alternation is only tried where one can begin (same matches, about four times faster).
_DISCLAIMER = re.compile(
    r"(?=[tgswocrn12])(?:\bt&cs? apply|\bterms (?:and conditions )?apply|"
    r"(?<![\w-])(?:18|19|21)\+(?!\w)|"
    r"\bgamble responsibly|\bsee (?:store|site) for details|\bwhile supplies last|"
    r"\boffer (?:ends|valid|expires)|\brestrictions apply|\bno purchase necessary|"
    r"\bcancel any ?time|\bno spam\b)", _I)
_READER_QUESTION = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:(?:are|do|did|have|will|can|would|could) you\b|want\b|got\b|"
    r"tired of\b|looking for\b|ready (?:to|for)\b|need\b|thinking (?:about|of)\b|"
    r"struggling\b|worried\b|enjoyed\b|like what)[^?.!]{0,80}\?", _I | re.M)
#: A yes/no question: a sentence that opens with an auxiliary or a modal and ends at "?"
#: ("Should kids have smartphones in school?", "Is it time to ban drones over national parks?").
_POLL_QUESTION = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:Should|Is|Are|Do|Does|Did|Can|Could|Will|Would|Has|Have|Was|Were)"
    r"\b[^.!?\n\"“”]{8,}\?", re.M)
#: The vocabulary of elections and public office, for the civic_appeal rule: a paragraph that
#: speaks of them, shares no words or names with the article and reports nobody is a
#: candidate's, a cause's or a campaign's copy ("Dan Whitaker fought for veterans in uniform
#: and in the statehouse. On November 5, he will fight for them in Congress.").
_CIVIC = re.compile(
    r"\b(?:Congress|[Ss]enate|[Ss]enators?|[Gg]overnor|[Mm]ayor|[Dd]istrict|[Ss]heriff|[Jj]udge|"
    r"council|statehouse|term|elections?|voters?|ballot|campaign|candidates?|re-?elect\w*|"
    r"[Cc]ongress(?:man|woman)|Assembly|office)\b")
#: Elections, parties and public offices, for the electoral pass of
#: :func:`toolkit.inserts.find_inserts` (:func:`_electoral_terms`): a paragraph that speaks of
#: two of them to the reader, reporting nobody, urges a vote or attacks a candidate.
_ELECTION_WORDS = re.compile(r"\b(?:vot(?:e|es|ed|ing|ers?)|ballots?|elect(?:ed|ion|ions)?|"
                             r"re-?elect(?:ed|ion)?|polling|candidates?|campaign)\b", re.I)
_PARTIES = re.compile(r"\b(?:Labour|Tor(?:y|ies)|Conservatives?|Lib Dems|Liberal Democrats|SNP|"
                      r"Reform|Democrats?|Democratic|Republicans?|GOP|MAGA)\b")
_OFFICES = re.compile(r"\b(?:Senat(?:e|or)|Congress(?:man|woman)?|Governor|Sheriff|Assembly|"
                      r"Mayor|Judge|[Cc]ouncil(?:lor)?|House)\b")


def _electoral_terms(text: str) -> list[str]:
    """The distinct words of elections in ``text`` (lower-cased), then its first party and its
    first office: "Under Labour, your council tax has gone up" gives ``["Labour", "council"]``."""
    terms = sorted({m.group().lower() for m in _ELECTION_WORDS.finditer(text)})
    for pattern in (_PARTIES, _OFFICES):
        if (m := pattern.search(text)):
            terms.append(m.group())
    return terms


#: The words of trade, for the native-copy pass of :func:`toolkit.inserts.find_inserts`: a
#: business and what it sells, to whom ("a Texas mortgage lender covers up to half of them",
#: "the company is now taking orders", "clinics are fitting devices in a single visit"). One
#: in a paragraph that is a stranger to the article marks a native ad's lede.
_TRADE = re.compile(
    r"\b(?:compan(?:y|y's|ies)|firms?|startups?|start-ups?|brands?|retailers?|lenders?|"
    r"insurers?|manufacturers?|makers?|consultanc(?:y|ies)|cooperatives?|co-ops?|clinics?|"
    r"platforms?|apps?|software|customers?|clients?|shoppers|buyers|bookings|orders|"
    r"products?|warranty|installers?|dealers(?:hips?)?|franchises?|vendors?|suppliers?|"
    r"outfitters?|boutiques?|showrooms?|founders?|co-founders?|founded|ships|sells|"
    r"sold out|offerings?|offers|designed (?:by|for)|built (?:by|for)|developed (?:by|for)|"
    r"now available|in stock|helps|lets|saves?|savings)\b", re.I)


def _trade_words(text: str) -> list[str]:
    """The distinct words of trade in ``text`` (:data:`_TRADE`), lower-cased and sorted."""
    return sorted({m.group().lower() for m in _TRADE.finditer(text)})


#: For the costliest patterns: words one of which every match contains (lower-cased), so
#: that a paragraph with none of them skips the pattern; see :func:`_may_match`.
_KEYWORDS: dict[str, tuple[str, ...]] = {
    "disclaimer": ("t&c", "terms ", "+", "gamble", "for details", "while supplies", "offer ",
                   "restrictions", "no purchase", "cancel", "no spam"),
    "donation": ("donate", "mak", "every ", "your ", "one-time", "monthly", "recurring",
                 "chip in", "deductible", "readers like", "a member", "a supporter",
                 "a patron", "give ", "matched", "year-end", "fundraising", "support ",
                 "emergency", "rush your", "doubled", "tripled", "goal", "target", "hours",
                 "a gift", "nonprofit", "-supported", "501"),
    "petition": ("petition", "add your", "signatures", "sign ", "make your voice", "survey",
                 "poll", "quiz", "tell ", "demand accountability"),
    "subscription": ("newsletter", "inbox", "subscri", "signing up", "sign up", "free trial",
                     "unlimited", "free article", "log in", "account", "email", "terms of",
                     "privacy policy", "digital access", "keep reading", "briefing", "week",
                     "morning", "evening", "stories you need", "continue reading", "register",
                     "every ", "days", "goes out"),
    "social": ("follow us", "like us", "find us on", "connect with us", "join ", "share this",
               "our app", "free app", "app store", "google play", "ios and android", "alerts",
               "notifications", "live coverage", "live updates", "feed", "our page", "like our",
               "follow our", "message us", "email us", "contact us", "text us", "call us",
               "dm us", "got a ", "send us", "channel", "@"),
    "advertising": ("sponsor", "advertis", "partner", "brand", "advertorial", "affiliate",
                    "commission"),
    "product": ("%", "star", "warranty", "guarantee", "free ", "in stock", "sold out",
                "top-rated", "review", "rating", "happy customers", "limited edition",
                "checkout", "promo code", "coupon", "now", "today", "online", "down ",
                "starting ", "all orders", "retailers", "stores", "dealers", "colors", "colours",
                "order by", "insurance", "realty", "labs", "financial", "partners", "solutions",
                "technologies", "holdings", "foods", "brands", "motors", "airlines", "airways",
                "devices", "electronics", "pharmaceuticals", "therapeutics", "wealth", "advis",
                "investments", "mortgage", "lending", "fiber", "wireless", "outfitters", "homes",
                "apparel", "cosmetics", "inc", "llc", "ltd", "corp"),
    "newsroom": ("our ",),
    "campaign": ("elect", "vote", "ballot", "voting", "opponent", "send ", " for "),
    "platforms": ("facebook", "twitter", "instagram", "youtube", "telegram", "tiktok",
                  "linkedin", "whatsapp", "pinterest", "reddit", "email", "gab", "rumble",
                  "truth social"),
    # The patterns every paragraph meets (their leading \b leaves the regex engine no literal
    # to scan for, so each one tried at every character cost more than these checks).
    "ad_sentence": ("this article", "this content", "this story", "this post", "partner",
                    "reflect", "not involved", "authorized", "brought to you", "sponsor",
                    "studio", "created ", "produced ", "written ", "collaboration",
                    "association", "presented by", "paid for by", "promoted by",
                    "approve", "printed", "promoted and", "amazon", "qualifying", "affiliate", "disclosure",
                    "commission", "money from", "compensated", "paid ", "independently", "selected by",
                    "chosen by", "prices", "this is", "the following", "prepared",
                    "not consulted", "deductible"),
    "continues": ("continue", "keep reading"),
    "newsroom_disclaimer": ("journalist", "reporter", "editor", "newsroom"),
    "sponsor_credit": ("commissioned", "paid for", "underwritten", "sponsored", "presented",
                       "brought to you"),
    "commissioned": ("commissioned",),
    "cta_anywhere": ("please ", "click here", "tap here", "sign up", "add your ", "chip in",
                     "act now", "order ", "shop now", "buy now", "learn more", "find out ",
                     "will you ", "can you ", "join ", "help us", "stand with us", "support us",
                     "don", "start your free trial", "download ", "get ", "claim your",
                     "grab your", "reserve your", "pledge your", "text "),
    "urgency": ("now", "act fast", "hurry", "limited time", "today", "this week", "too late",
                "deadline", "midnight", "supplies", "don", "last chance", "expires",
                "in the next ", "ends ", "!"),
    "clickbait": ("trick", "device", "asset", "exercise", "ingredient", "one simple",
                  "doctors are", " by what", "shocking truth", "won", "revealed:", "risk-free",
                  "free", "the one ", "the #1 ", "the number one ", "the biggest ", "the single ",
                  "want you to", "save", "for the price of", "here's", "here’s", "here is"),
    "journalism": ("journalism", "reporting", "newsroom", "reporters", "our work", "this site",
                   "independent media", "our coverage", "readers"),
    "reporting": ("said", "says", "told", "according to", "reported", "stated", "announced",
                  "added", "explained", "wrote", "noted", "claimed", "testified"),
    "second_person": ("you",),
    "reader_question": ("?",),
}
# Letters that an IGNORECASE pattern matches to an ASCII letter but str.lower() does not turn
# into it (dotless i, long s, dotted capital I): with one of them, every pattern runs.
_CASE_TRAPS = frozenset("ıſİ")


def _holds_char(text: str, chars: frozenset[str]) -> bool:
    """Whether ``text`` holds one of ``chars``: a substring test per character (in C, and
    instant for a character wider than any of ``text``'s), not ``chars.isdisjoint(text)``,
    which hashes every character of ``text``."""
    return any(map(text.__contains__, chars))


class _Lowered(str):
    """A lower-cased paragraph (:func:`_keyword_text`) that knows which keywords it holds.

    ``keywords`` is the set of the words of :func:`_keyword_finder` that occur in
    ``"\n" + text`` (the probe of :func:`_family_hits`), so that each keyword check is a set
    test, not a substring search for every keyword of every rule; ``rules`` the
    :data:`_KEYWORDS` rules that may match, those keywords' rules and :func:`_rules_always`
    (what :func:`_may_match` tests).
    """

    keywords: frozenset[str]
    rules: frozenset[str]


def _keyword_text(masked: str) -> str | None:
    """``masked`` lower-cased for :func:`_may_match`, or None when the check cannot be trusted."""
    if _holds_char(masked, _CASE_TRAPS):
        return None
    low = _Lowered(masked.lower())
    finder, prefixes, _ = _keyword_finder()
    # The finder gives the longest keyword at each place; the shorter ones there are its
    # prefixes, so the keywords held are the found ones' prefix sets put together, and the
    # rules that may match are those of the found ones.
    found = set(finder("\n" + low))
    low.keywords = frozenset().union(*map(prefixes.__getitem__, found))
    low.rules = frozenset().union(_rules_always(), *map(_rules_of().__getitem__, found))
    return low


@lru_cache(maxsize=1)
def _keyword_finder():
    """``findall`` of one pattern that gives the longest keyword starting at each place of a
    text, each keyword's keyword prefixes (itself included), and the set of all keywords.

    The keywords are those of :data:`_KEYWORDS` and of every offer family of this module
    (tuples of ``(pattern, keywords)``, see :func:`_family_hits`). The pattern is a trie of
    them inside a lookahead, so that it is tried at every place and finds overlapping words:
    at a trie node the next character picks at most one branch, and the greedy ``?`` makes
    the match the longest keyword there.
    """
    words = {k for keys in _KEYWORDS.values() for k in keys}
    for value in list(globals().values()):
        if _is_family(value):
            words.update(k for _, keys in value for k in keys)
    words.discard("")
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict) -> str:
        alternatives = [re.escape(ch) + branch(node[ch]) for ch in sorted(node) if ch]
        if not alternatives:
            return ""
        body = "(?:" + "|".join(alternatives) + ")"
        return body + "?" if "" in node else body

    pattern = re.compile("(?=(" + branch(trie) + "))")
    prefixes = {w: frozenset(w[:i] for i in range(1, len(w) + 1) if w[:i] in words)
                for w in words}
    return pattern.findall, prefixes, frozenset(words)


@lru_cache(maxsize=1)
def _rules_of() -> dict[str, frozenset[str]]:
    """For each keyword of :func:`_keyword_finder`, the :data:`_KEYWORDS` rules one of whose
    keywords is it or one of its prefixes (the rules a paragraph holding it may match)."""
    _, prefixes, _ = _keyword_finder()
    return {word: frozenset(rule for rule, keys in _KEYWORDS.items()
                            if not held.isdisjoint(keys))
            for word, held in prefixes.items()}


@lru_cache(maxsize=1)
def _rules_always() -> frozenset[str]:
    """The :data:`_KEYWORDS` rules with a keyword the finder does not know: always tried."""
    return frozenset(rule for rule, keys in _KEYWORDS.items() if not _known(keys))


def _is_family(value) -> bool:
    """Whether ``value`` is an offer family: a tuple of ``(pattern, keywords)`` pairs."""
    return (isinstance(value, tuple) and bool(value)
            and all(isinstance(item, tuple) and len(item) == 2
                    and isinstance(item[0], re.Pattern) and isinstance(item[1], tuple)
                    for item in value))


@lru_cache(maxsize=256)
def _known(keys: tuple[str, ...]) -> bool:
    """Whether every one of ``keys`` is a keyword of :func:`_keyword_finder`."""
    return _keyword_finder()[2].issuperset(keys)


def _holds_any(low: str, keys: tuple[str, ...]) -> bool:
    """Whether ``low`` holds one of ``keys``: a set test on the keywords :func:`_keyword_text`
    found, or a substring search for each key (a plain string, or keys it does not know)."""
    found = getattr(low, "keywords", None)
    if found is None or not _known(keys):
        # map() over the bound method: no Python frame per keyword, as a generator would take.
        return any(map(low.__contains__, keys))
    return not found.isdisjoint(keys)


def _start_places(text: str) -> list[int]:
    """The places where a sentence or line of ``text`` may start: 0, after a line break,
    after sentence punctuation and a space (where :data:`_CTA_START` and
    :data:`_SENTENCE_START` can match)."""
    return [0, *(m.end() for m in _CTA_BEFORE.finditer(text))]


def _cta_starts(text: str, low: str | None = None, places: list[int] | None = None
                ) -> list[re.Match]:
    """``list(_CTA_START.finditer(text))``, the same matches, found faster.

    A match can only begin where the start assertion holds: at 0, after a line break, or
    after sentence punctuation and a space; :data:`_CTA_AT` is tried at those places only,
    in order, skipping those inside the previous match as ``finditer`` does. Given ``low``
    (:func:`_keyword_text` of ``text``), a place is tried only when the text after its spaces
    opens with one of :data:`_CTA_PREFIXES`. ``places``: :func:`_start_places` of ``text``
    when already found.
    """
    out: list[re.Match] = []
    last_end = 0
    for pos in _start_places(text) if places is None else places:
        if pos < last_end:
            continue
        if low is not None:
            at = _SPACES.match(text, pos).end()
            if low[at:at + 3] not in _CTA_PREFIXES:
                continue
        m = _CTA_AT.match(text, pos)
        if m:
            out.append(m)
            last_end = m.end()
    return out


def _may_match(low: str | None, rule: str) -> bool:
    """False only when the text has none of ``rule``'s keywords, so its pattern cannot match
    (a set test on the rules :func:`_keyword_text` found, else a search for the keywords)."""
    if low is None:
        return True
    rules = getattr(low, "rules", None)
    return rule in rules if rules is not None else _holds_any(low, _KEYWORDS[rule])


_NOT_IMPERATIVE = frozenset({"thank", "let", "talk", "don", "mind", "welcome", "say"})
_HYPHENATED_VERB = re.compile(r"-(?:elect|order|register|think|imagine|claim|start|new|boot)\b", _I)
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?:]\s)|(?<=\n))\s*[\"“‘']?([A-Za-z]+)\b", re.M)
# The same without its start assertion, for :func:`_sentence_starts`.
_SENTENCE_AT = re.compile(r"\s*[\"“‘']?([A-Za-z]+)\b")


def _sentence_starts(text: str, places: list[int] | None = None) -> list[re.Match]:
    """``list(_SENTENCE_START.finditer(text))``, the same matches, found faster: tried only
    where the start assertion holds, as :func:`_cta_starts` does (``places`` as it takes
    them)."""
    out: list[re.Match] = []
    last_end = 0
    for pos in _start_places(text) if places is None else places:
        if pos >= last_end and (m := _SENTENCE_AT.match(text, pos)):
            out.append(m)
            last_end = m.end()
    return out
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
# ... of which a headline may open with "This" or "These" ("These compact e-bikes are selling out").
_HEADLINE_PRONOUNS = _PRONOUNS - {"this", "these"}
# Words a headline does not end on (a line broken mid-sentence does).
_FUNCTION_WORDS = frozenset("a an the of to in on at by for from with and or but is are was were "
                            "be been has have had as that this his her their its our your".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+")
_DIGIT = re.compile(r"\d")  # every price holds one: a paragraph without skips _MONEY
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
# The characters whose lower case is not one character of the same kind (a word character
# or not) outside ASCII: the dotted capital I (two characters) and the Kelvin sign ("k").
# In a text without them, the tokens of the lower-cased text are the text's tokens lower-
# cased (tests/test_inserts.py scans every code point).
_LOWER_TRAPS = frozenset("\u0130\u212a")


def _model_words(masked: str, low: str | None = None) -> tuple[list[str], list[str]]:
    """The lower-cased :data:`_MODEL_TOKEN` words of ``masked`` (the word model's), and the
    :data:`_MODEL_TOKEN` words of ``masked.lower()`` (the text model's,
    :func:`~toolkit.insert_text_model.words_logit`): one list for both unless ``masked``
    holds one of :data:`_LOWER_TRAPS`. ``low`` is ``masked.lower()`` when at hand."""
    lowered = _MODEL_TOKEN.findall(masked.lower() if low is None else low)
    if not _holds_char(masked, _LOWER_TRAPS):
        return lowered, lowered
    # The tokens are ASCII letters and apostrophes: lower-cased joined, then split again.
    return " ".join(_MODEL_TOKEN.findall(masked)).lower().split(), lowered


def _promotional(masked: str, words=None, *, tokens: list[str] | None = None,
                 strongest: bool = True) -> tuple[float, list[tuple[str, float]] | None]:
    """Probability that the words are promotional, and the (at most three) strongest word
    types with their weights, strongest first (:func:`_word_positions` finds where they
    are, which only the ``promotional_wording`` rule needs; None with ``strongest=False``,
    for a caller that needs them only when the rule fires); ``words`` is
    ``(intercept, weights)`` in place of the shipped model, ``tokens`` the first list of
    :func:`_model_words` when already found."""
    import math

    intercept, weights = words if words is not None else _word_weights()
    found = _model_words(masked)[0] if tokens is None else tokens
    if not found:
        return 0.0, [] if strongest else None
    # The word types in order of first occurrence.
    seen = dict.fromkeys(found)
    values = list(map(weights.get, seen, repeat(0.0)))
    logit = intercept + sum(values)
    probability = 1.0 / (1.0 + math.exp(-logit))
    if not strongest:
        return probability, None
    return probability, sorted([(word, value) for word, value in zip(seen, values)
                                if value > 0], key=lambda item: -item[1])[:3]


def _word_positions(masked: str, start: int, strongest: list[tuple[str, float]]
                    ) -> list[tuple[int, int, float]]:
    """``(start, end, weight)`` of the first occurrence of each of :func:`_promotional`'s
    ``strongest`` words in ``masked``, a paragraph that begins at ``start``."""
    need, where = {word for word, _ in strongest}, {}
    for m in _MODEL_TOKEN.finditer(masked):
        word = m.group().lower()
        if word in need and word not in where:
            where[word] = (start + m.start(), start + m.end())
            if len(where) == len(need):
                break
    return [(*where[word], value) for word, value in strongest]


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
    docs: list[list[tuple[int, int]]] = []  # per text, (term, count) by term number
    for text in texts:
        words = filterfalse(ENGLISH_STOP_WORDS.__contains__, _SIM_TOKEN.findall(text.lower()))
        # Counter counts in C; len(vocabulary) is read before each word is added, as before.
        counts = Counter([vocabulary.setdefault(word, len(vocabulary)) for word in words])
        docs.append(sorted(counts.items()))
    if not vocabulary:
        return None
    terms = list(vocabulary)  # in order of their numbers
    rank = np.empty(len(terms), dtype=np.int32)
    rank[sorted(range(len(terms)), key=terms.__getitem__)] = np.arange(len(terms),
                                                                       dtype=np.int32)
    indices = rank[np.asarray([j for row in docs for j, _ in row], dtype=np.int32)]
    indptr = np.cumsum([0, *map(len, docs)]).astype(np.int32)
    data = np.asarray([n for row in docs for _, n in row], dtype=np.float64)
    df = np.bincount(indices, minlength=len(vocabulary)).astype(np.float64) + 1.0
    idf = np.full_like(df, fill_value=len(texts) + 1)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    np.log(data, out=data)
    data += 1.0
    data *= idf[indices]
    # Each row's squares summed in order, as scikit-learn sums them (reduce adds one by one;
    # numpy's sums would pair them), then every entry divided by its row's norm (1 where the
    # row is empty or zero, which leaves it as it is).
    squares = (data * data).tolist()
    bounds = indptr.tolist()
    norms = [math.sqrt(reduce(add, squares[lo:hi], 0.0)) or 1.0
             for lo, hi in zip(bounds[:-1], bounds[1:])]
    data /= np.repeat(np.asarray(norms), np.diff(indptr))
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
    total = _column_sums(matrix)
    row_total = matrix @ total
    row_sq = np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel()
    rest_sq = np.maximum(float(total @ total) - 2 * row_total + row_sq, 0.0)
    dots = row_total - row_sq
    norms = np.sqrt(row_sq) * np.sqrt(rest_sq)
    sims = [float(d / n) if n > 1e-12 else 0.0 for d, n in zip(dots, norms)]
    return sims, matrix


def _column_sums(matrix):
    """``matrix.sum(axis=0)`` of a CSR matrix as a flat array, the same floats: scipy
    multiplies a row of ones by the matrix, which adds each column's entries times 1.0 one by
    one in the order they are stored, as ``np.bincount`` adds its weights (without scipy's
    checks and conversions, which cost more than the sums for one article's paragraphs)."""
    import numpy as np

    if not matrix.nnz:  # bincount of no weights counts in integers
        return np.zeros(matrix.shape[1])
    return np.bincount(matrix.indices, weights=matrix.data, minlength=matrix.shape[1])


def _run_similarity(matrix, start: int, end: int) -> float:
    """TF-IDF cosine similarity of paragraphs ``start`` to ``end`` (exclusive), their rows
    summed, to the rest of the article's rows summed (0.0 without words)."""
    if matrix is None:
        return 0.0
    import numpy as np

    total = np.asarray(matrix.sum(axis=0)).ravel()
    run = np.asarray(matrix[start:end].sum(axis=0)).ravel()
    rest = total - run
    norm = float(np.linalg.norm(run) * np.linalg.norm(rest))
    return float(run @ rest / norm) if norm > 1e-12 else 0.0


def _pair_similarity(matrix, i: int, j: int) -> float:
    if matrix is None:
        return 0.0
    import numpy as np

    a, b = matrix[i].toarray().ravel(), matrix[j].toarray().ravel()
    norm = np.linalg.norm(a) * np.linalg.norm(b)
    return float(a @ b / norm) if norm else 0.0


# ----------------------------------------------------------------------------- shapes
def _is_short_line(text: str, start: int, end: int) -> bool:
    """At most 15 words and no sentence punctuation at the end: a heading or a link."""
    piece = text[start:end].rstrip().rstrip("\"'”’)]*")
    # The end first: most paragraphs end a sentence, and then the words need no counting.
    return (not piece.endswith((".", "?", ";", ":", ",", "!"))
            and 2 <= _n_words(piece) <= 15)


def _starts_sentence(text: str, start: int) -> bool:
    """True when the line opens with a pronoun: a sentence of the story, not a heading."""
    first = _WORD.match(text, start)
    return bool(first) and first.group().lower() in _PRONOUNS


def _headline_like(text: str, start: int, end: int) -> bool:
    """A line of its own shaped like a headline or a link: short, capitalised, unpunctuated."""
    piece = text[start:end]
    if "\n" in piece or not _is_short_line(text, start, end) or piece.endswith("…"):
        return False                        # most paragraphs: no need to cut the words
    words = [word.lower() for word in _WORD.findall(piece)]
    return (sum(word.isalpha() for word in words) >= 3
            and words[-1] not in _FUNCTION_WORDS and words[0] not in _HEADLINE_PRONOUNS
            and (piece[:1].isupper() or piece[:1].isdigit())) and not (
        _QUOTE_MARK.search(piece) or _NOT_JOINABLE.search(piece) or _REPORTING.search(piece))


def _teaser_like(line: str) -> bool:
    """Long enough for a teaser, and not a story's sentence in the past tense or about 'them'."""
    words = _LONG_WORD.findall(line)
    return len(words) >= _LONE_HEADLINE_WORDS and not any(
        word.lower() in ("them", "him") or _pattern_lexicon().get(word.lower()) == "VBD"
        for word in words)


# Words a sentence that continues the story opens with: a pronoun or a determiner that points
# back, a connective, a preposition of time or place. A teaser pasted in opens on its own.
_CONTINUATION_START = re.compile(
    r"^\W*(?:he|she|they|it|this|that|these|those|but|and|so|yet|or|i|we|his|her|their|its|"
    r"then|there|here|now|still|also|even|instead|however|meanwhile|indeed|in|as|if|when|"
    r"because|while|after|before|no|not|yes|one|of|such|both|all|some|many|most|the)\b", _I)
_TEASER_SENTENCE_WORDS = (10, 35)  # words, inclusive
_PERFECT = frozenset({"have", "has", "'ve", "’ve", "already", "just", "finally", "quietly"})


def _teaser_sentence(text: str, masked: str) -> bool:
    """One sentence shaped like a teaser or an ad's line, not like a sentence of the story.

    A single line of 10 to 35 words, not a question, without quotation marks, the writer's
    "I" or attribution, that does not open by pointing back ("He", "But", "The"), has no verb
    in the past tense and has one in the present tense or a modal (Pattern lexicon tags):
    "Homeowners across the state are discovering a program that pays for new windows."
    """
    stripped = text.strip()
    low, high = _TEASER_SENTENCE_WORDS
    if ("\n" in stripped or not low <= _n_words(stripped) <= high or stripped.endswith("?")
            or _QUOTE_MARK.search(stripped) or _FIRST_SINGULAR.search(masked)
            or _REPORTING.search(masked) or _CONTINUATION_START.match(stripped)):
        return False
    words = [word.lower() for word in _LONG_WORD.findall(masked)]
    tags = [_pattern_lexicon().get(word) for word in words]
    # "have switched" is the present perfect, not the past tense of a story.
    past = any(tag == "VBD" and (k == 0 or words[k - 1] not in _PERFECT)
               for k, tag in enumerate(tags))
    return not past and any(tag in ("VBZ", "VBP", "MD") for tag in tags)



# ----------------------------------------------------------------------------- offer shapes
# Product copy, campaign copy, a brand's own voice and page-layout lines: phrasings of the
# kinds that the appeal vocabularies above miss (ads without a price, a call to action or the
# word "sponsored"). Each family is a list of (pattern, keywords): a pattern is tried only
# when the lower-cased paragraph holds one of its keywords, like :data:`_KEYWORDS`.
_UNITS = (r"inch(?:es)?|in\.|-inch|pounds?|lbs?|ounces?|oz|mph|mm|cm|kg|grams?|watts?|mah|gb|tb"
          r"|hz|megapixels?|mp|thread count|settings|speeds|quarts?|liters?|litres?|gallons?"
          r"|degrees|hours? of battery|days? of battery|-hour battery|-day battery|ply|carats?")
def _pairs(firsts: str, seconds: str, *, sep: str = " ") -> list[str]:
    """Every ``first + sep + second`` of two space-separated word lists (keywords of a phrase
    pattern: each match contains one of them)."""
    return [f"{a}{sep}{b}" for a in firsts.split(" ") for b in seconds.split(" ")]


_SPECIFICATION = re.compile(rf"\b\d+(?:\.\d+)?(?:\s|-)?(?:{_UNITS})(?![\w-])", _I)
_PRODUCT_COPY = (
    # A specification: a number and its unit ("1.9 pounds", "6.4-inch", "400 thread count").
    (_SPECIFICATION,
     ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")),
    (re.compile(r"\b(?:rated \d(?:\.\d)? (?:out of|/) (?:5|five|10)|\d\.\d(?:-star| stars?| out of 5)"
                r"|(?:add|added) to (?:cart|bag|basket)|(?:now|just|only) [$£€]\d|down from [$£€]\d"
                r"|(?:was|reg\.?|regularly|originally) [$£€]\d|pay as little as|trade in (?:an?|your)"
                r"|at no extra (?:charge|cost)|no annual fee|(?:double|triple|bonus) points"
                r"|waiting list|wait-?list|sells? out|sold out|best-?sell(?:ing|er)"
                r"|most talked-about|turning heads|(?:has|have) quietly become|little-known"
                r"|(?:early|verified|happy|satisfied) (?:buyers|reviewers|customers|users|owners)"
                r"|reviewers (?:have )?(?:called|say|praise|rave|describe)|(?:pre-seasoned"
                r"|dishwasher[- ]safe|oven[- ]safe|machine[- ]washable|waterproof|water-resistant"
                r"|wrinkle-free|cordless|rechargeable|ergonomic)"
                r"|(?:hand(?:made|crafted|-stitched|-sewn|-built|-assembled|-poured|-blown))"
                r"|(?:assembled|stitched|sewn|made|built|crafted|finished|engraved|painted) by hand"
                r"|(?:made|brewed|roasted|produced) in small batches|family(?:-owned| owned)? "
                r"(?:workshop|farm|business|company)|made in (?:the )?(?-i:[A-Z])[a-z]+"
                r"|designed (?:for|to (?:last|fit|keep|make|help))|engineered (?:for|to)"
                r"|comes (?:in|with) (?:a |an |\w+ )?(?:colou?rs|sizes|finishes|\w+ (?:colou?rs|sizes))"
                r"|in (?:\w+ )?(?:colou?rs|finishes|sizes)\b(?=[.,;])"
                r"|(?:lighter|faster|quieter|thinner|warmer|cheaper) than (?:any|most|"
                r"the competition|its rivals)|(?:now|finally) (?:ships|available|in stores|on sale)"
                r"|(?:order|pre-?order)s? (?:open|ship)|limited (?:run|release|stock|batch))\b", _I),
     ("rated", "-star", " star", " out of", "to cart", "to bag", "to basket", "$", "£", "€",
      "pay as little", "trade in", "no extra", "annual fee", "double points", "triple points",
      "bonus points", "waiting list", "waitlist", "wait-list", "sell out", "sells out",
      "sold out", "bestsell", "best-sell", "talked-about", "turning heads", "quietly become",
      "little-known", *_pairs("early verified happy satisfied", "buyers reviewers customers users owners"),
      "reviewers", "seasoned",
      "dishwasher", "oven-safe", "oven safe", "washable", "waterproof", "water-resistant",
      "wrinkle-free", "cordless", "rechargeable", "ergonomic", "handmade", "handcrafted",
      "hand-", "by hand", "small batches",
      "family workshop", "family farm", "family business", "family company", "family-owned",
      "family owned", "made in", "designed for", "designed to", "engineered for",
      "engineered to", "comes in", "comes with", "colors", "colours", "finishes", "sizes",
      "lighter than", "faster than", "quieter than", "thinner than", "warmer than",
      "cheaper than", "now ships", "now available", "now in stores", "now on sale",
      "finally ships", "finally available", "finally in stores", "finally on sale",
      "order open", "orders open", "order ship", "orders ship", "limited run",
      "limited release", "limited stock", "limited batch")),
)
_CAMPAIGN_COPY = (
    (re.compile(r"(?:(?:^|(?<=[.!?][ \t\n]))vote (?:for )?(?-i:[A-Z])[a-z]+"
                r"(?! (?:Act|Bill|Day|Center|Party|Rights))|\b(?:yes|no) on (?:\d+|prop(?:osition)?\.? ?\d+|measure \w+|question \d+|"
                r"amendment \d+|issue \d+)|(?<!re-)elect (?-i:[A-Z])[a-z]+"
                r"|will (?:stand up|fight|stand) (?:to|for) (?!the (?:first|last|\w+ time))"
                r"|a fighter for|the other party"
                r"|the choice (?:could not|couldn'?t|can'?t|could hardly|has never) be(?:en)? "
                r"(?:clearer|more clear)|not a (?:career )?politician|ask (?:him|her|them) why"
                r"|(?:radical|extreme|far-left|far-right) (?:politicians|agenda|liberals|"
                r"conservatives)|(?:has|have) a (?:different|better|real) plan"
                r"|(?:washington|sacramento|albany|springfield|austin) insiders|career politicians?"
                r"|proven (?:leader(?:ship)?|conservative|progressive|fighter|results)"
                r"|pro-(?:growth|jobs|business|family|worker)\. |this november\b"
                r"|on (?:november|election day) \d|(?:i'?m|i am) (?-i:[A-Z])[\w.'’-]+ (?:"
                r"(?-i:[A-Z])[\w.'’-]+ )?and i approve this message|approved by (?-i:[A-Z])"
                r"|authori[sz]ed by (?:the )?(?-i:[A-Z])|(?:for|in) (?:congress|the senate|"
                r"the legislature|city hall|the statehouse)(?:,)? (?:he|she|they)(?:'ll| will)"
                r"|on (?:his|her|their) first day in office|(?:took|accepted) [$£€]\d[\d.,]*"
                r"(?: (?:million|thousand))? from)\b", _I),
     ("\nvote ", ". vote ", "! vote ", "? vote ", ".\tvote ", "!\tvote ", "?\tvote ", "yes on", "no on", "elect ",
      "will stand", "will fight", "fighter for", "other party", "choice could",
      "choice couldn", "choice can", "choice has never", "not a politician",
      "not a career politician", "career politician", "ask him why", "ask her why",
      "ask them why", *_pairs("radical extreme far-left far-right",
                              "politicians agenda liberals conservatives"),
      "different plan", "better plan", "real plan", "insiders",
      *_pairs("proven", "leader conservative progressive fighter results"), "pro-",
      "this november", "on november", "election day", "approve this message", "approved by",
      "authorized by", "authorised by",
      *_pairs("congress senate legislature hall statehouse", "he they", sep=" "),
      *_pairs("congress senate legislature hall statehouse", "he they", sep=", "),
      "day in office", "took $", "took £", "took €", "accepted $", "accepted £",
      "accepted €")),
)
_BRAND_VOICE = (
    (re.compile(r"(?:^|(?<=[.!?][ \t\n]))(?:at|here at) (?-i:[A-Z][\w&'’-]+(?: [A-Z][\w&'’-]+){0,2}),"
                r" (?:we|our|residents|customers|clients|patients|guests|members|students|"
                r"families|every(?:one| \w+)|each \w+|line crews|engineers|teams?|staff|"
                r"technicians|advisers|advisors|experts|chefs|designers)\b"
                r"|\bwe at (?-i:[A-Z])|\b(?:partnered|partnering|teamed up) with\b"
                r"|\b(?:tours|consultations|appointments|demos|samples|quotes|estimates) are "
                r"(?:available|free|offered)|\bschedule (?:a|your) (?:tour|visit|consultation|demo"
                r"|appointment)|\bapplications (?:for [\w ]{1,30} )?(?:open|are (?:now )?open|close)"
                r"|\benrol(?:l)?ment (?:opens|is (?:now )?open)|\b(?:spring|fall|summer|winter|"
                r"next|new) cohort|\b(?:expanded|extended) (?:its |their )?(?:evening |weekend |"
                r"opening )?hours|\bnow (?:offers|accepting|serving|enrolling|open in)\b"
                r"|\b(?:customers|clients|users|buyers|members|patients|homeowners|owners|"
                r"subscribers|travell?ers|retirees) (?:say|report|describe|rave|swear|love)\b"
                r"|\bshare how\b|\ba growing number of\b|\b(?:is|are) turning to\b"
                r"|\b(?:three|four|five|six|seven|\d) (?:questions|things|tips|ways|mistakes|"
                r"steps|signs) to (?:ask|know|avoid|consider|take|watch)\b"
                r"|\bfee-only\b|\bfiduciary\b|\bfree (?:consultation|estimate|quote|assessment)\b",
                _I | re.M),
     ("\nat ", ". at ", "! at ", "? at ", ".\tat ", "!\tat ", "?\tat ", "here at ", "we at ", "partnered with", "partnering with", "teamed up with",
      "are available", "are free", "are offered", "schedule a", "schedule your",
      "applications ", "enrol", "cohort",
      *_pairs("expanded extended", "its their evening weekend opening hours"), "now offers",
      "now accepting", "now serving", "now enrolling", "now open in",
      *_pairs("customers clients users buyers members patients homeowners owners subscribers "
              "travelers travellers retirees", "say report describe rave swear love"),
      "share how", "growing number", "turning to",
      "questions to", "things to", "tips to", "ways to", "mistakes to", "steps to",
      "signs to", "fee-only", "fiduciary", "free consultation", "free estimate",
      "free quote", "free assessment")),
)
_PAGE_FURNITURE = (
    (re.compile(r"\b(?:(?:the )?(?:story|article|report|piece|text|interview|coverage)"
                r" (?:continues|resumes|carries on|picks up|goes on)"
                r"(?: (?:below|beneath|after|further down|under|on the next page|past))"
                r"|(?:continues|resumes|carries on|picks up) (?:below|beneath|after|further down)"
                r" (?:the|this) (?:photo|gallery|video|ad|advertisement|slideshow|image|player|"
                r"poll|page))\b", _I),
     ("continues", "resumes", "carries on", "picks up", "goes on")),
)


def _family_hits(masked: str, low: str | None, family) -> list[re.Match]:
    """Every match of a family's patterns (see :data:`_PRODUCT_COPY`), each tried only when the
    paragraph holds one of its keywords."""
    out: list[re.Match] = []
    # A line break before the text, so that "\nat " also finds "At ..." at its start (the
    # keywords of _keyword_text are found in the same probe).
    probe = None if low is None else low if hasattr(low, "keywords") else "\n" + low
    for pattern, keys in family:
        if probe is None or _holds_any(probe, keys):
            out += pattern.finditer(masked)
    return out

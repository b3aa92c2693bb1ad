"""Quotes, speakers and attribution verbs on hand-checked news conventions, plus properties."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings, strategies as st

import toolkit
from toolkit.parsing import parser
from toolkit.voice import (QUOTE_COLUMNS, find_quotes, quote_regions, quotes_frame,
                           report_verb_spans, voice_at)

# Whether the parse runs here (spaCy and its model installed, loading and running).
PARSED = parser() is not None

# (text, [(quote text, speaker, verb), ...]) -- every row checked by hand.
CASES = [
    # "...," X said.
    ('"We will not back down," Defense Minister Andrei Belousov said on Monday.',
     [("We will not back down,", "Andrei Belousov", "said")]),
    # "...," said X.
    ("“The talks were useful,” said Dong Jun, China’s defence minister.",
     [("The talks were useful,", "Dong Jun", "said")]),
    # X said "..."
    ('Smith said "the plan is dead" after the vote.',
     [("the plan is dead", "Smith", "said")]),
    # X said that "..."
    ('The mayor said that "nobody will be left behind".',
     [("nobody will be left behind", "The mayor", "said")]),
    # X, quoted in ... as saying: "..."
    ("Dong, quoted in a government press release as saying: “Relations have reached a new high.”",
     [("Relations have reached a new high.", "Dong", "quoted")]),
    # "...", according to X
    ("“Prices will keep rising”, according to the central bank.",
     [("Prices will keep rising", "the central bank", "according to")]),
    # X called on ... to "..."
    ("The minister called on both sides to “deepen their strategic collaboration”.",
     [("deepen their strategic collaboration", "The minister", "called")]),
    # colon introduction in the sentence
    ('The president told reporters: "We are ready for talks."',
     [("We are ready for talks.", "The president", "told")]),
    # colon introduction ending the paragraph before
    ('In a statement, the ministry said:\n\n"The exercise is routine and poses no threat."',
     [("The exercise is routine and poses no threat.", "the ministry", "said")]),
    # a quote over several paragraphs: no closing mark, a fresh opening mark
    ('"We have done everything we could to keep the plant open," said Maria Lopez, the union '
     'leader.\n\n"The company never listened to us.\n\n"Now 400 families will pay the price," '
     'she added.',
     [("We have done everything we could to keep the plant open,", "Maria Lopez", "said"),
      ('The company never listened to us.\n\n"Now 400 families will pay the price,',
       "Maria Lopez", "added")]),
    # "he said" resolves to the most recent named speaker
    ('Belousov said the talks went well.\n\n"We agreed on a plan for next year," he said.',
     [("We agreed on a plan for next year,", "Belousov", "said")]),
    # a quote paragraph with no attribution keeps the previous quote's speaker
    ('"It is a disaster," said Senator Jane Doe.\n\n"We will fight this in court."',
     [("It is a disaster,", "Jane Doe", "said"), ("We will fight this in court.", "Jane Doe", None)]),
    # apostrophes are not quotes
    ("The students' union said they don't remember the '90s, and Russia’s envoy agreed.", []),
    ("Rock 'n' roll isn't dead, the fans' banner said.", []),
    # single quotes as quotation marks
    ("'We will not give up,' the Prime Minister told the BBC.",
     [("We will not give up,", "the Prime Minister", "told")]),
    ("‘It’s the right decision,’ Ms Patel said of the students’ protest.",
     [("It’s the right decision,", "Patel", "said")]),
    # nested: single inside double belongs to the outer quote
    ('"He told me \'never again\', and I believed him," said Anna Berg.',
     [("He told me 'never again', and I believed him,", "Anna Berg", "said")]),
    # partial quotes inside a sentence
    ('Critics called the plan "reckless" and "a gift to polluters".',
     [("reckless", "Critics", "called"), ("a gift to polluters", "Critics", "called")]),
    # a scare quote is the author's wording, not a quote
    ('The so-called "experts" disagree with the findings.', []),
    # an unclosed quote closes at its paragraph's end, not the article's
    ('Jones said "we will win this fight.\n\nThe vote is on Monday.',
     [("we will win this fight.", "Jones", "said")]),
    # a loaded report verb
    ('"I made a mistake," the senator admitted.', [("I made a mistake,", "the senator", "admitted")]),
    # two quotes in a row around one attribution
    ("“It’s over,” Maria said. “We lost.”",
     [("It’s over,", "Maria", "said"), ("We lost.", "Maria", None)]),
    # real-style news paragraphs
    ("Kremlin spokesman Dmitry Peskov told reporters on Tuesday that the talks had been "
     "“constructive” but warned that “no breakthrough should be expected.”",
     [("constructive", "Dmitry Peskov", "told"),
      ("no breakthrough should be expected.", "Dmitry Peskov", "warned")]),
    ('"This is a historic day for our country," Zelenskiy wrote on Telegram, adding that Kyiv '
     'would "never forget" the help.',
     [("This is a historic day for our country,", "Zelenskiy", "wrote"),
      ("never forget", "Zelenskiy", "adding")]),
    ('Police said a 34-year-old man had been arrested. "We are not looking for anyone else in '
     'connection with the incident," Detective Inspector Sarah Jones said.',
     [("We are not looking for anyone else in connection with the incident,", "Sarah Jones",
       "said")]),
    ('The company, which has denied wrongdoing, said in a statement it "will cooperate fully '
     'with regulators".',
     [("will cooperate fully with regulators", "The company", "said")]),
    ('Asked whether he would resign, Johnson replied: "Absolutely not."',
     [("Absolutely not.", "Johnson", "replied")]),
    ("“The economy is in a much stronger position than many feared,” Treasury Secretary Janet "
     "Yellen said in a speech in Washington. “But we are not out of the woods yet.”",
     [("The economy is in a much stronger position than many feared,", "Janet Yellen", "said"),
      ("But we are not out of the woods yet.", "Janet Yellen", None)]),
    ("Keith Vaz, chairman of the Home Affairs Select Committee, who had called for the ban, "
     "said: “I welcome the home secretary’s decision.”",
     [("I welcome the home secretary’s decision.", "Keith Vaz", "said")]),
    ("EDL leader Tommy Robinson criticised the decision and said the pair were coming to lay "
     "flowers.\n\n“It’s embarrassing for this so-called land of free speech,” he said.",
     [("It’s embarrassing for this so-called land of free speech,", "Tommy Robinson", "said")]),
    ("On their blogs the pair called the ban “a striking blow against freedom”.",
     [("a striking blow against freedom", "the pair", "called")]),
    ("Belousov said, at his turn, that “friendly relationships” between the two leaders “play "
     "an important role in strengthening strategic links,” according to Russian media agencies.",
     [("friendly relationships", "Belousov", "said"),
      ("play an important role in strengthening strategic links,", "Belousov", "said")]),
    ("“We need answers,” she said.", [("We need answers,", "she", "said")]),
    # a double quote nested in a double quote
    ("Kavanaugh “has endorsed the idea of a “counterterrorism exception” to the warrant "
     "requirement,” said Liza Goitein, co-director of the Brennan Center.",
     [("has endorsed the idea of a “counterterrorism exception” to the warrant requirement,",
       "Liza Goitein", "said")]),
    # scare quotes with "so-called", titles of works, a stray-spaced apostrophe
    ("Officials praised the so-called “strategic patience” of the allies.", []),
    ("Coming up in October is “The Balfour Declaration: Support for a Jewish Home”.", []),
    ("Viganò ’s claims were ignored. He said ‘nothing’ about them, and the Pope’s aides agreed.",
     [("nothing", "He", "said")]),
    # a quote that ends its sentence does not take the next sentence's verb
    ("McMaster said that the “advance of Assad’s forces is dangerous.” He claimed that the "
     "goal is to weaken Iran.",
     [("advance of Assad’s forces is dangerous.", "McMaster", "said")]),
    # verb-first attribution with a long description before the name
    ("“Nobody is allowed to visit the military sites,” said Iran’s Head of Strategic Research "
     "at the Expediency Council Ali Akbar Velayati.",
     [("Nobody is allowed to visit the military sites,", "Ali Akbar Velayati", "said")]),
]


# Attribution in real news prose (patterns from PTC development articles, reworded), each
# row checked by hand: (text, [(quote text, speaker, verb), ...]).
ATTRIBUTION_CASES = [
    # a name, a long appositive with a relative clause, then the verb
    ("Colm O’Gorman, an Irish abuse survivor who founded One in Four, the main survivors’ "
     "group in Ireland, commented on Twitter that the pope offered “Much stronger language "
     "than ever used before.”",
     [("Much stronger language than ever used before.", "Colm O’Gorman", "commented")]),
    # the name before ", who, ..., lamented"
    ("In his letter, Francis repeated a quote by his predecessor Benedict XVI, who, a month "
     "before being elected pope, lamented “how much filth” there was in the Church.",
     [("how much filth", "Benedict XVI", "lamented")]),
    # a participle after a comma belongs to the sentence's subject (past a dateline)
    ("VATICAN CITY — Pope Francis on Monday asked forgiveness for abuse, admitting that the "
     "pain of victims “was long ignored.”",
     [("was long ignored.", "Francis", "admitting")]),
    # ... but a participle right after a noun is a modifier, not an attribution
    ("A former official told CNN that reports suggesting a deal “were absolutely false.”",
     [("were absolutely false.", "A former official", "told")]),
    # "but continued to insist": the subject of the first verb; "The Pope" is Pope Francis
    ("Pope Francis visited Chile in January. The Pope later apologised for hurting feelings "
     "but continued to insist there was “no evidence” against the bishop.",
     [("no evidence", "Francis", "insist")]),
    # "the cardinal": the cardinal the article names, with his fullest name
    ("Cardinal Gerhard Ludwig Müller spoke in Bratislava.\n\nThe cardinal said that he is "
     "“not happy” about it.",
     [("not happy", "Gerhard Ludwig Müller", "said")]),
    # an inverted attribution between commas
    ("Professor Livio Melina spoke next. In returning to that encyclical, explained the "
     "Italian professor and theologian, the text could be read as a “continuity with the "
     "Magisterium.”",
     [("continuity with the Magisterium.", "Livio Melina", "explained")]),
    # "reported by X," is a participial phrase: the colon introduces the subject's words
    ("Cardinal Müller spoke in Bratislava. In remarks after his address, reported by the "
     "German newspaper Die Tagespost, the cardinal made it clear what he thinks: “This is an "
     "atrocity.”",
     [("This is an atrocity.", "Müller", None)]),
    # "she" skips the men the article marks as men ("Mr", "the Pope")
    ('Mr Cruz wrote to the Pope. A photo shows Marie Collins handing over the letter.\n\n'
     '"We gave him the letter," she told AP.',
     [("We gave him the letter,", "Marie Collins", "told")]),
    ("Ms Jane Roe and Mr John Doe met the press.\n\n“We will appeal,” she said.",
     [("We will appeal,", "Jane Roe", "said")]),
    ("“We will appeal,” said Jane Roe. John Doe disagreed.\n\n“It is over,” he said.",
     [("We will appeal,", "Jane Roe", "said"), ("It is over,", "John Doe", "said")]),
    # the speaker's fullest name in the article
    ('President Donald Trump arrived on Tuesday.\n\n"We will do it as fast as we can," Trump '
     'said.',
     [("We will do it as fast as we can,", "Donald Trump", "said")]),
    # a Title Case headline: its quote is a quote and "Warns" a verb
    ("Farage Warns “We’ll Lose” a Battle With Islam\n\nNigel Farage said: “If it becomes a "
     "battle with the entire religion, we’ll lose.”",
     [("We’ll Lose", "Nigel Farage", "Warns"),
      ("If it becomes a battle with the entire religion, we’ll lose.", "Nigel Farage", "said")]),
    # a headline's short quote repeated in a body quote is that speaker's
    ("Trump's gamble ends with 'special bond' with Kim\n\n\"We have developed a very special "
     "bond,\" Trump said.",
     [("special bond", "Trump", None), ("We have developed a very special bond,", "Trump", "said")]),
    # "in X's eyes", "his warning"
    ("It is, in Müller's eyes, the pope's duty “to unite the Church.”",
     [("to unite the Church.", "Müller", None)]),
    ('Nigel Farage said: "We must win them over."\n\nHis warning against making it a “battle '
     'between us and the entire religion” is odd.',
     [("We must win them over.", "Nigel Farage", "said"),
      ("battle between us and the entire religion", "Nigel Farage", None)]),
    # a quote ending its sentence keeps its speaker; "Mr Cruz told the BBC that" starts anew
    ('Marie Collins spoke to AP. "When we gave him the letter, he assured us," she told AP. '
     '"And later he assured us it was done."\nMr Cruz told the BBC that the cardinal called him.',
     [("When we gave him the letter, he assured us,", "Marie Collins", "told"),
      ("And later he assured us it was done.", "Marie Collins", None)]),
    # a possessive is too weak a tie for a one-word quote: a scare quote
    ("Pompeo's remarks came hours after an “unusual” event.", []),
    # unbalanced marks: a closing glyph after a colon was meant to open (a line per
    # paragraph, as in the PTC articles), and a lone one after a colon quotes nothing
    ("Trump hits back\n\nTrump said it best, tweeting last night:”.\nDon’t focus on me, "
     "focus on terrorism.\nWe are doing just fine!”\nCritics disagreed.",
     [("Don’t focus on me, focus on terrorism.\nWe are doing just fine!", "Trump",
       "tweeting")]),
    ("Trump said it best, tweeting last night:”.", []),
    # a fresh opening mark at a line start carries an unclosed quote on
    ("Bryant writes to May\n\nChris Bryant wrote to May.\nIn the letter, he said: “I am "
     "writing to ask you to act.\n“It is clear to me that this is wrong.\nMany were banned "
     "for less.”\nMay has not replied.",
     [("I am writing to ask you to act.\n“It is clear to me that this is wrong.\nMany were "
       "banned for less.", "Chris Bryant", "said")]),
    # a name with a lower-case prefix
    ("The demand is “utter nonsense,” former U.S. Attorney Joseph diGenova said.",
     [("utter nonsense,", "Joseph diGenova", "said")]),
    # "he" is the person named earlier in the same sentence
    ("Chris Bryant said the ban was right.\nThe Home Office admitted Shaykh Hamza Sodagar, "
     "despite the fact that he has said: “The punishment is death.”",
     [("The punishment is death.", "Shaykh Hamza Sodagar", "said")]),
    ('The man is heard muttering "get out" as he leaves.', [("get out", "The man", "muttering")]),
    # a long sentence after a quote is not its attribution: the quote keeps the last speaker
    ('Hunter Richard told WOAI: "I support my President."\n"I just think we should talk."\n'
     'Police told Fox News on Thursday they had received a complaint.',
     [("I support my President.", "Hunter Richard", "told"),
      ("I just think we should talk.", "Hunter Richard", None)]),
    # "who spoke about": the name before ", who"
    ('His words recall those of US President Donald Trump, who spoke about putting '
     '"America First."', [("America First.", "Donald Trump", "spoke")]),
    # a place that ends the appositive is not the speaker: the name that opens the phrase is
    ("Robert McManus, Roman Catholic Bishop of Worcester, Massachusetts, said it then: "
     "“Talk about militants might undercut the dialogue.”",
     [("Talk about militants might undercut the dialogue.", "Robert McManus", "said")]),
    # a place alone still speaks for its government
    ('Beijing, meanwhile, said it "firmly opposes" the sale.',
     [("firmly opposes", "Beijing", "said")]),
    # a number never speaks; a reflexive pronoun resolves like its pronoun
    ("Mohamed Atta, on September 11, 2001, told passengers: “Stay quiet.”",
     [("Stay quiet.", "Mohamed Atta", "told")]),
    ("Gregory III has also said: “I do not understand why.”\nHe himself said: “No one "
     "defends us.”", [("I do not understand why.", "Gregory III", "said"),
                      ("No one defends us.", "Gregory III", "said")]),
    # "she" is not the Constitution (a document) but the judge named before it
    ("U.S. District Judge Patti Saris ordered his release.\n\nThe judge held that his "
     "detention violated the U.S. Constitution.\n\n“This is what intent was,” she said.",
     [("This is what intent was,", "Patti Saris", "said")]),
    # a Title Case headline gives no fuller form of a name ("Francis Denounces")
    ("Pope Francis Denounces Murderous Indifference To Persecution\n\nPope Francis met the "
     "patriarchs on Saturday.\n\n“Indifference kills,” Francis said.",
     [("Indifference kills,", "Francis", "said")]),
    # the name that opens a sentence is its subject, an appositive after it aside
    ("Jean-Clément Jeanbart, the Melkite Archbishop of Aleppo, gave an interview.\n"
     "“The media ignore us,” he said.", [("The media ignore us,", "Jean-Clément Jeanbart",
                                          "said")]),
    # a descriptor before the name, opening the sentence or after an inverted verb
    ('Veteran activist Jane Moss praised the plan and wrote, "At last, someone listens."',
     [("At last, someone listens.", "Jane Moss", "wrote")]),
    ("“Nobody asked us,” said attorney and child advocate Elena Ward on a radio show.",
     [("Nobody asked us,", "Elena Ward", "said")]),
    # "of <institution>" after a full name is not the name
    ("“We found water,” said lead author Angelos Tsiaras of University College London.",
     [("We found water,", "Angelos Tsiaras", "said")]),
    # ", who said" past "as well": the name before it
    ("The host spoke with Cruz as well, who said he was “incredibly frustrated” then.",
     [("incredibly frustrated", "Cruz", "said")]),
    # the same pronoun again, with no one else speaking in between, keeps its referent
    ("“It is mercy,” said lawyer Elena Ward.\n“It hurts,” she told Tom Reed on the "
     "February 8 episode of World Over.\n“Many agree,” she added.",
     [("It is mercy,", "Elena Ward", "said"), ("It hurts,", "Elena Ward", "told"),
      ("Many agree,", "Elena Ward", "added")]),
    # a participle after a comma speaks for the clause's subject, not the object before it
    ('Mayor Ana Lund has attacked the council and Reyes, calling Reyes a "fraud."\n'
     'She also said that Reyes had "wasted" the budget.',
     [("fraud.", "Ana Lund", "calling"), ("wasted", "Ana Lund", "said")]),
    # "by stating": the subject of the clause; "referred to it as": the one who referred
    ('Mayor Ana Lund spoke on Monday.\nShe went on by stating that the plan, above all, '
     '"will fail the city."\nLund referred to it as a "paper tiger."',
     [("will fail the city.", "Ana Lund", "stating"), ("paper tiger.", "Ana Lund", "referred")]),
    # a subject after an opening phrase is the one "he" refers to
    ('"We will appeal," lawyer Tom Reed said.\nIn court, Ben Ortiz questioned Reed.\n'
     '"Did you read it?" he said.',
     [("We will appeal,", "Tom Reed", "said"), ("Did you read it?", "Ben Ortiz", "said")]),
    # a line break after a finished quote ends it: the next line is not its attribution
    ('Neighbours shocked\n\n"He was quiet and kind," Ann Roe, a neighbour, told reporters.\n'
     '"Nobody saw this coming."\nArticle posted with permission from the author',
     [("He was quiet and kind,", "Ann Roe", "told"),
      ("Nobody saw this coming.", "Ann Roe", None)]),
    # a heading is not an attribution; a lede quote repeated in the body is its speaker's
    ('Farmer jailed for fraud, says he regrets nothing\n\n'
     '"I regret nothing about the way I ran the farm."\n\n'
     'The court heard the case on Monday. "I regret nothing about the way I ran the farm," '
     'Paul Dunn said.',
     [("I regret nothing about the way I ran the farm.", "Paul Dunn", None),
      ("I regret nothing about the way I ran the farm,", "Paul Dunn", "said")]),
    # a possessive name before a title is a person "he" or "she" can refer to
    ('Few noticed Ann Roe\'s Harvest speech, in which she told the crowd that "we are '
     'winning," according to the Post.',
     [("we are winning,", "Ann Roe", "told")]),
    # a verb form after a determiner is a noun: "says the claim is" (the subject says)
    ('Tom Reed, 58, denies the charge and says the claim is "a lie".',
     [("a lie", "Tom Reed", "says")]),
    # an emphatic reflexive or adverb between subject and verb
    ('Lund herself conceded that "the numbers are bad."',
     [("the numbers are bad.", "Lund", "conceded")]),
    ('Paul Dunn read the book.\nHe nonetheless concludes that "it is a fine work."',
     [("it is a fine work.", "Paul Dunn", "concludes")]),
    # a time phrase opening the sentence is not part of the name
    ('This week Reyes tweeted his reply: "Nobody asked me."',
     [("Nobody asked me.", "Reyes", "tweeted")]),
    # two titles joined by "and" before the name
    ('"We won," noted ACME founder and Executive Vice President Ann M. Roe.',
     [("We won,", "Ann M. Roe", "noted")]),
    # "the company", "the group": the organisation that spoke last, or whose name ends in
    # the noun; a company the article never names stays a description
    ('Burgerama told Fox News it would help the police.\n"We were shocked," the company said.',
     [("We were shocked,", "Burgerama", "said")]),
    ('Critics were loud, and the Lakeside Residents Association seemed unmoved.\n'
     '"We will go on," the group wrote.',
     [("We will go on,", "Lakeside Residents Association", "wrote")]),
    ('The Daily Tribune reported the story first.\nThe paper noted that "nobody was told."',
     [("nobody was told.", "The Daily Tribune", "noted")]),
    ('Paul Mercer spoke for the union.\nThe company insisted its offer was "fair."',
     [("fair.", "The company", "insisted")]),
    # no attribution verb: a quote inside a sentence is its subject's when the subject is a
    # person (a first name or a title in the article, or "he"/"she")
    ('Rep. Tom Reed defended the mayor as an "outstanding human being" on Monday.',
     [("outstanding human being", "Tom Reed", None)]),
    ('Ann Roe owned two houses.\nIn 2012, she filed forms "under penalty of perjury" that '
     'they were needed.', [("under penalty of perjury", "Ann Roe", None)]),
    # ... not a subject the article never marks as a person, nor a one- or two-word quote
    ('Schools were closed to stop the tradition of "dancing with the dead" in the region.',
     [("dancing with the dead", None, None)]),
    ('Rep. Tom Reed fought the "sham" plan on Monday.', []),
    # "she" is not an organisation "of" something named before her
    ("Ann Roe joined the Commission for the Protection of Minors.\nShe resigned, citing "
     "“a lack of cooperation from officials.”",
     [("a lack of cooperation from officials.", "Ann Roe", None)]),
    # a question ending its line: the next line is a sentence of its own, not the
    # attribution; the quote keeps the speaker of the quote before it
    ('"We felt we had no choice," Tom Reed said.\n"Do we allow this to go on?"\n'
     "The family's lawyers had sought a pardon, the Ledger reported.",
     [("We felt we had no choice,", "Tom Reed", "said"),
      ("Do we allow this to go on?", "Tom Reed", None)]),
    # "the nominee", "the tough-talking politician": the person who spoke last
    ('Asked about refugees, Tom Reed replied: "We do not want them."\nInstead, the '
     'tough-talking politician said they were "invaders."',
     [("We do not want them.", "Tom Reed", "replied"), ("invaders.", "Tom Reed", "said")]),
    # "the senator" for a name written "Sen."; "Patriarch" is a title
    ('Sen. Ann Roe questioned the witness.\nLater the senator said, "I believe you."',
     [("I believe you.", "Ann Roe", "said")]),
    ('"Do not forget us," said Syriac Patriarch Ignatius Younan.',
     [("Do not forget us,", "Ignatius Younan", "said")]),
    # "he charged" attributes
    ('Ann Roe spoke to a reporter.\n"The media," she charged, "ignore us."',
     [("The media,", "Ann Roe", "charged"), ("ignore us.", "Ann Roe", "charged")]),
    # "a Democrat" describes the name before it; "uttered", "texted" attribute
    ("Ann Roe, a Democrat, posted the warning on Saturday, writing that the agency was "
     '"preparing to act."',
     [("preparing to act.", "Ann Roe", "writing")]),
    ('Tom Reed uttered "No way!" and left.', [("No way!", "Tom Reed", "uttered")]),
    ('Ann Roe was told "we will stop it," Tom Reed texted.',
     [("we will stop it,", "Tom Reed", "texted")]),
    # a short quote after a possessive is a label of the name that follows it
    ('Remember when Obama\'s "adviser," Tom Reed uttered "We are done"?',
     [("We are done", "Tom Reed", "uttered")]),
    # the owner of a statement speaks; a title alone stays whole
    ('"We take it seriously," Acme Group\'s statement read.',
     [("We take it seriously,", "Acme Group", "read")]),
    ("According to the Attorney General's statement, the department \u201cwill act.\u201d",
     [("will act.", "Attorney General", "According to")]),
    # "read a statement issued by X": X
    ('"We will not comment," read a statement issued by press secretary Ann Roe.',
     [("We will not comment,", "Ann Roe", "read")]),
    # the object of "told" is not a speaker; a participle after a comma is not the verb
    ('The mayor warned that "several sources" told her the agency was coming.',
     [("several sources", "The mayor", "warned")]),
    ('"So what if this code is a gun?" The settlement, confirmed in court documents this '
     "month, surrenders to that argument.",
     [("So what if this code is a gun?", None, None)]),
    # an acronym the article spells out is named in full, with the acronym kept
    ('The Security Studies Group (SSG) wrote a plan.\n"We must act," SSG said.',
     [("We must act,", "Security Studies Group (SSG)", "said")]),
    ('Tom Reed chanted "Down with them" at the rally.',
     [("Down with them", "Tom Reed", "chanted")]),
    # a dateline's number before the speaker is not part of the name
    ('On Tuesday, November 13, 2018\nAcme Border Patrol San Diego tweeted, "They arrived."',
     [("They arrived.", "Acme Border Patrol San Diego", "tweeted")]),
    # a quote joined by "and" to an attributed quote of its sentence is the same speaker's
    ("The minister\u2019s plan \u201cis plainly reckless\u201d and \u201cignores the "
     "evidence,\u201d Anna Berg wrote.",
     [("is plainly reckless", "Anna Berg", None),
      ("ignores the evidence,", "Anna Berg", "wrote")]),
    # a description names the person the article describes with the same noun: a title
    # phrase before the name, an appositive, the initials of a title
    ("The current Labour mayor, John Biggs, opened the session.\nThe mayor added: "
     "\u201cWe will not welcome him here.\u201d",
     [("We will not welcome him here.", "John Biggs", "added")]),
    ("Flood victim Maria Lopez spoke to reporters on Sunday.\n\u201cThe water came in "
     "minutes,\u201d the victim said.",
     [("The water came in minutes,", "Maria Lopez", "said")]),
    ("Attorney General Jeff Sessions spoke on Monday.\n\u201cI took control of the "
     "department,\u201d the AG said.",
     [("I took control of the department,", "Jeff Sessions", "said")]),
    # ... or the name in an appositive right after the description
    ("The informant was \u201cthreatened and silenced,\u201d according to his attorney "
     "\u2013 a former federal prosecutor, Mary Stone.",
     [("threatened and silenced,", "Mary Stone", "according to")]),
    # a document speaks, named with its author: who issued it, whose it is, the outlet
    # that reported it; not an outlet that only obtained it; a named owner's report stays
    ("Attorney General Jane Roe released a statement on Friday.\n\u201cThe verdict is a "
     "disgrace,\u201d the statement said.",
     [("The verdict is a disgrace,", "the statement by Jane Roe", "said")]),
    ("The plan, authored by the Policy Studies Group, was leaked on Monday.\n\u201cRegime "
     "change is the goal,\u201d according to the plan.",
     [("Regime change is the goal,", "the plan by Policy Studies Group", "according to")]),
    ("The Daily Planet reported on Tuesday that the mayor had resigned.\n\u201cHe left in "
     "a hurry,\u201d the report said.",
     [("He left in a hurry,", "the report by Daily Planet", "said")]),
    ("John Smith was jailed in 2016. Smith\u2019s federal lawsuit alleges that the "
     "government was \u201coverzealous in the case.\u201d",
     [("overzealous in the case.", "the federal lawsuit by John Smith", "alleges")]),
    ("A memo obtained by the Daily Planet describes the cuts.\n\u201cCut the budget by "
     "half,\u201d the memo says.",
     [("Cut the budget by half,", "the memo", "says")]),
    ("The AP report quoted the minister.\n\u201cThe cuts will stay,\u201d the AP report "
     "says.",
     [("The cuts will stay,", "the AP report", "says")]),
    ("The Daily Planet reported on Monday that the mayor resigned.\n\u201cHe left in a "
     "hurry,\u201d the paper said.",
     [("He left in a hurry,", "the paper by Daily Planet", "said")]),
    # a headline's Title Case description is the person the article describes so
    ("Flood Victim: \u201cWe Lost Everything We Had\u201d\n\nFlood victim Maria Lopez spoke "
     "on Sunday.\n\u201cThe water came in minutes,\u201d Lopez said.",
     [("We Lost Everything We Had", "Maria Lopez", None),
      ("The water came in minutes,", "Maria Lopez", "said")]),
    # an acronym defined with ", or"
    ("The plan, by the Policy Studies Group, or PSG, was leaked.\n\u201cThe regime is "
     "weak,\u201d PSG writes.",
     [("The regime is weak,", "Policy Studies Group (PSG)", "writes")]),
    # not a speaker: an unresolved pronoun, a phrase that is not a noun phrase
    ("The video aired on Monday.\n\u201cWe never met,\u201d aired Thursday morning said.",
     [("We never met,", None, "said")]),
    ("As I wrote last week, \u201cthe deal is dead and buried.\u201d",
     [("the deal is dead and buried.", None, "wrote")]),
    ("Nobody knew.\n\u201cIt is over now,\u201d they said.",
     [("It is over now,", None, "said")]),
    # a Title Case headline's quote with no speaker is the person the headline opens with
    ("Senator Mary Lund Unleashes Fury At Rivals For \u201cMost Unethical Sham\u201d In Years"
     "\n\nSenator Mary Lund spoke on Friday.\nShe was angry.",
     [("Most Unethical Sham", "Mary Lund", None)]),
    # a quote on the next line that names no one carries on a named speaker's words; not
    # when that line names someone or something
    ("\u201cWe will look at every case,\u201d Maria Lopez said on Monday.\nBut \u201chow this "
     "would be done in public\u201d is \u201canother question for the bishops.\u201d",
     [("We will look at every case,", "Maria Lopez", "said"),
      ("how this would be done in public", "Maria Lopez", None),
      ("another question for the bishops.", "Maria Lopez", None)]),
    ("\u201cWe will look at every case,\u201d Maria Lopez said on Monday.\nIn Rome it is "
     "\u201ca matter for the bishops to decide.\u201d",
     [("We will look at every case,", "Maria Lopez", "said"),
      ("a matter for the bishops to decide.", None, None)]),
    # a banner in capitals is not a speaker; a name written twice (a photo credit) is once
    ('NEW REPORT: Staffer Who Went to College with Lund: "Not for voters to know" and more.',
     [("Not for voters to know", None, None)]),
    ('The agency spoke.\n"The flight will be historic," said NASA NASA.',
     [("The flight will be historic,", "NASA", "said")]),
    # "a senator" is the one person the article titles so; with two, it stays
    ("Now, a senator is saying there is \u201cclear evidence of fraud.\u201d\nSenator Ann Roe "
     "spoke on Fox on Monday.",
     [("clear evidence of fraud.", "Ann Roe", "saying")]),
    ("Now, a senator is saying there is \u201cclear evidence of fraud.\u201d\nSenator Ann Roe "
     "and Senator Tom Lee spoke on Monday.",
     [("clear evidence of fraud.", "a senator", "saying")]),
    # a bare title as the speaker: the name given all its words as titles
    ("Attorney General Jeff Sessions spoke on Monday.\n\u201cWe will act,\u201d Attorney "
     "General said.",
     [("We will act,", "Jeff Sessions", "said")]),
    # the name before "of/at/from the <body>" speaks, not the body; accents aside
    ('"It looks like the end," said Michael H. Wong of the University of Alberta at Calgary.',
     [("It looks like the end,", "Michael H. Wong", "said")]),
    ('"We have no evidence," Agust\u00edn Ruiz of the University of the Basque Country in '
     'Spain explains.',
     [("We have no evidence,", "Agust\u00edn Ruiz", "explains")]),
    ('"No," said the Bank of America.', [("No,", "Bank of America", "said")]),
    # a partial quote right after a speaker's quote is not that speaker's when another
    # person is named between (a place does not count)
    ('"I hope you never get it," Graham said.\nSen. Orrin Hatch (R-Utah) attacked Democrats, '
     'blaming them for the "circus atmosphere that has been created" since then.',
     [("I hope you never get it,", "Graham", "said"),
      ("circus atmosphere that has been created", "Orrin Hatch", None)]),
    # a lower-case abbreviation ending a line ends the sentence; a title does not
    ('The vote is at 9:30 a.m.\nAsked about it, Chairman Chuck Grassley (R-Iowa) reportedly '
     'answered, "Depends on what happens tomorrow."',
     [("Depends on what happens tomorrow.", "Chuck Grassley", None)]),
    # a possessive determiner alone is not a speaker
    ('What reply did he give?\nHis standard one: "No evidence."',
     [("No evidence.", None, None)]),
    # a mark the editor added at the quote's end ("[,]") still leads to the attribution
    ('"Judge Roe showed exactly why I picked him[,]" President Trump tweeted at 6:46 p.m. '
     'after the hearing.\n"His testimony was powerful."',
     [("Judge Roe showed exactly why I picked him[,]", "Trump", "tweeted"),
      ("His testimony was powerful.", "Trump", None)]),
    # ", which said": the body before the comma; not a place inside an appositive
    ('A charge was added after protests by CRIF, which said that the omission may be part '
     'of a "cover up" by the authorities.',
     [("cover up", "CRIF", "said")]),
    # (the rules give no one; the dependency parse, where there is one, the release's
    # author, as the annotators of ptc_check15 have it)
    ('It was a release by Libby Lund, the mayor of Oakland, which noted that "multiple '
     'credible sources" told her.',
     [("multiple credible sources", "Libby Lund" if PARSED else None, None)]),
    # a transcript label in capitals opening the line is the person with that surname
    ('Cliff Eserman, who works for the county party, adds that the man had to campaign '
     'hard:\nESERMAN: "In order to win he had to be left of center."',
     [("In order to win he had to be left of center.", "Cliff Eserman", None)]),
    ('Omar Smith explains the plan:\nSMITH: "You whip them up."',
     [("You whip them up.", "Omar Smith", None)]),
    # an adverb between the auxiliary and the verb ("has now said", "has already said")
    ('Storm over the dam\n\nThe Regional Water Board has now said it expects "a very hard '
     'winter."',
     [("a very hard winter.", "The Regional Water Board", "said")]),
    # "X reports that", "X notes:" in the present tense are attributions ...
    ('Storm over the dam\n\nThe Daily Ledger reports that "new inspections" found cracks.',
     [("new inspections", "The Daily Ledger", "reports")]),
    ('Storm over the dam\n\nAs Mara Lind notes: "the wall was never tested."',
     [("the wall was never tested.", "Mara Lind", "notes")]),
    # ... but "reports"/"notes" are nouns after a possessive or before anything else
    ('Storm over the dam\n\nThe engineer\'s notes "do not mention the cracks" at all.',
     [("do not mention the cracks", None, None)]),
    ('Storm over the dam\n\nLocal news reports detailing "serious leaks at the dam" began.',
     [("serious leaks at the dam", None, None)]),
    # "she said" after a quote introduced by a name in the same sentence is that person
    ('Storm over the dam\n\nMother Ann Cole spoke first: "It is unsafe." Another mother, Jane '
     'Porter, observed: "It really did bother me," she said.',
     [("It is unsafe.", "Mother Ann Cole", "spoke"),
      ("It really did bother me,", "Jane Porter", "said")]),
    # a title before the name in an appositive: the name speaks
    ('Storm over the dam\n\nCounty Director of Water, Chris Marten, defended the plan: "It is '
     'our job to keep the town dry."',
     [("It is our job to keep the town dry.", "Chris Marten", None)]),
    # a name does not run over a line break ...
    ('Storm over the dam\n\n–Ledger\nThe Town Budget: a guide. The dam will cost "far more '
     'than planned," according to Ledger.',
     [("far more than planned,", "Ledger", "according to")]),
    # ... and a line of several first names is a list, not a longer form of one name
    ('Storm over the dam\n\nWho should chair the board?\n* John Reyes Richard Cole Dina Lind '
     'Heather Moss Tom Reyes\nMayor Tom Reyes spoke on Monday. "We will open the gates," the '
     'mayor said.',
     [("We will open the gates,", "Tom Reyes", "said")]),
    # "the author of" a quoted title: the title of a work, not the subject's words (nor
    # anyone's: an author-voice title, toolkit.scare_quotes)
    ('Storm over the dam\n\nTom Reyes is the author of "a history of floods in the valley," a '
     'long book.',
     []),
    # a passive "were told by X, <appositive>, that": X speaks; "was quoted by X": not X
    ('Storm over the dam\n\nReporters were told by Ann Roe, the town\'s spokeswoman, that the '
     'mayor "will not be giving interviews."',
     [("will not be giving interviews.", "Ann Roe", "told")]),
    ('Storm over the dam\n\nHe was quoted by his friend, the writer Tom Reyes, "I never saw the '
     'dam."',
     [("I never saw the dam.", "He", None)]),
    # the article's own reflexive tells a name's gender for "she" ("asked Dunn to explain
    # herself"), but not one after a preposition ("replaced Lane with herself")
    ('Storm over the dam\n\nPat Lane spoke to Kim Dunn on Monday. Critics had asked Dunn to '
     'explain herself. She responded: "The dam is safe."',
     [("The dam is safe.", "Kim Dunn", "responded")]),
    # a phrase that names no one ("aired Monday morning") is no one a later "he" refers to
    ('Storm over the dam\n\nReyes, in an interview that aired Monday morning, also blasted the '
     'board because, he said, the engineers "never checked the wall."',
     [("never checked the wall.", "he", "said")]),
    # an attribution closing a sentence of several partial quotes is theirs
    ('Storm over the dam\n\nSuch a plan is causing "deep confusion," will bring "a flood of '
     'claims" in the town, and is "alien" to its charter, the three engineers said in the '
     'report.',
     [("deep confusion,", "the three engineers", "said"),
      ("a flood of claims", "the three engineers", "said"),
      ("alien", "the three engineers", "said")]),
    # "warning" is an attribution verb
    ('Storm over the dam\n\nExperts are warning that the flood is "much worse" than last year.',
     [("much worse", "Experts", "warning")]),
    # "prompted X, <appositive>, to accuse ... of "..."": X speaks
    ('Storm over the dam\n\nThe tweets prompted Rep. Ann Roe of Ohio, the top Democrat on the '
     'board, to accuse the mayor of "hiding the cracks."',
     [("hiding the cracks.", "Ann Roe", "accuse")]),
    # "he" with no one who spoke before: the latest full name of a person in the article
    ('Storm over the dam\n\nThe speakers are Ann Roe, the head of the board, and Tom Reyes, who '
     'runs the town\'s water office. He had tweeted, "The dam will hold."',
     [("The dam will hold.", "Tom Reyes", "tweeted")]),
    # "it said": a body that spoke before, an acronym included, else an organisation named on
    # the line before
    ('Storm over the dam\n\nA spokesman for Acme University did not respond to a request for '
     'comment.\nIn a tweet, it said it had "closed the lab."',
     [("closed the lab.", "Acme University", "said")]),
    ('Storm over the dam\n\n"The wall is weak," WPA writes in its report.\n"It will fail in '
     'spring" it further claims.',
     [("The wall is weak,", "WPA", "writes"), ("It will fail in spring", "WPA", "claims")]),
    # "retweeted" is an attribution verb, so "who retweeted" makes its antecedent the "he"
    ('Storm over the dam\n\n"The wall is weak," said Mr. Pat Lane.\nAmong those who commented '
     'was Tom Reyes Jr., who retweeted a story about the dam.\n"I will pay for a new wall," he '
     'wrote on Twitter.',
     [("The wall is weak,", "Pat Lane", "said"),
      ("I will pay for a new wall,", "Tom Reyes Jr.", "wrote")]),
    # an editor's note and a clause are not speakers (the verb stays)
    ('Storm over the dam\n\n"The wall is only as strong as its weakest stone." (emphasis added)',
     [("The wall is only as strong as its weakest stone.", None, "added")]),
    ('Storm over the dam\n\nA few days later we got something touted as a "full apology" from '
     'the board.',
     [("full apology", None, "touted")]),
    # a quote on the line after a named person's, naming no one (a place's possessive
    # modifies a noun), carries on
    ('Storm over the dam\n\n"The river is rising fast," wrote Ann Roe in a column.\nAs long as '
     'nobody checks Ohio’s levees, "the town will have to act alone."',
     [("The river is rising fast,", "Ann Roe", "wrote"),
      ("the town will have to act alone.", "Ann Roe", None)]),
    # "They said" after a sentence opening with several people's full names: those people
    ('Storm over the dam\n\nMayor Tom Reyes, Governor Ann Roe and Senator Pat Lane issued a '
     'joint statement on Friday.\nThey said that the dam was "safe for another ten years."',
     [("safe for another ten years.", "Tom Reyes, Ann Roe and Pat Lane", "said")]),
    ('Storm over the dam\n\nThe board and the town issued a joint statement on Friday.\nThey '
     'said that the dam was "safe for another ten years."',
     [("safe for another ten years.", None, "said")]),
    # a place in an appositive describes the phrase before it, which speaks; a place right
    # before the verb speaks itself
    ('Storm over the dam\n\nOne leaflet in Marion County, Ohio, stated: "The dam is safe."',
     [("The dam is safe.", "One leaflet", "stated")]),
    ('Storm over the dam\n\nThis plan to build a dam inside Laos, Beijing declared, "is a threat '
     'to the river."',
     [("is a threat to the river.", "Beijing", "declared")]),
    # a quote ending its sentence and its line is not attributed by the next line's tail
    ('Storm over the dam\n\n"We will open the gates at dawn," Mayor Tom Reyes said.\n'
     '"It will not flood."\nThe council met at noon, the Daily Ledger said.',
     [("We will open the gates at dawn,", "Tom Reyes", "said"),
      ("It will not flood.", "Tom Reyes", None)]),
    # a citation right after a quote speaks: a chapter and verse in brackets, or a dash
    # before a name that ends the line; a dash line after the line break is a byline
    ('On pride\n\n"Pride goes before destruction" (Proverbs 16:18). The council did not listen.',
     [("Pride goes before destruction", "Proverbs 16:18", None)]),
    ("On mercy\n\n“Mercy without justice is the mother of dissolution.” -Thomas Aquinas\n"
     "The court met at noon.",
     [("Mercy without justice is the mother of dissolution.", "Thomas Aquinas", None)]),
    ('Storm over the dam\n\n"We will open the gates at dawn," Mayor Tom Reyes said. "It will '
     'not flood."\n— Ann Lee\nThe Daily Ledger',
     [("We will open the gates at dawn,", "Tom Reyes", "said"),
      ("It will not flood.", "Tom Reyes", None)]),
    # an adverb opening the sentence is no appositive of the subject; a surname in "-ly" is
    ('Storm over the dam\n\nSimilarly, the mayor declared: "We will open the gates at dawn."',
     [("We will open the gates at dawn.", "the mayor", "declared")]),
    ('Storm over the dam\n\nConnolly, the mayor, declared: "We will open the gates at dawn."',
     [("We will open the gates at dawn.", "Connolly", "declared")]),
    # a subheading inside a paragraph ("Voters Grilled Reyes") is no longer form of a name
    ("Storm over the dam\n\nMayor Tom Reyes spoke to the council on Monday.\nVoters Grilled "
     "Reyes\nThe council met at noon.\nReyes dismissed the plan as “a reckless gamble with the "
     "town”.",
     [("a reckless gamble with the town", "Tom Reyes", None)]),
    # a partial quote joined by "and" to one its sentence's subject speaks is that subject's
    ('Storm over the dam\n\nRep. Ann Roe defended him as an "outstanding human being" and "a '
     'loyal friend of the town".',
     [("outstanding human being", "Ann Roe", None),
      ("a loyal friend of the town", "Ann Roe", None)]),
    # a double hyphen joins two clauses, not two words of a name
    ('Storm over the dam\n\nThe town opened the gates to Holy Lake--while Reyes watched from '
     'the bank.\n\n"It will not flood," Reyes said.',
     [("It will not flood,", "Reyes", "said")]),
    # a first name ending in "s" opens its sentence as the subject, so "he" after it is his
    ('Storm over the dam\n\nBishop Charles Dunn arrived at noon. "The gates stay shut," Mayor '
     'Tom Reyes said.\n\nOf course, Charles being Charles the visit was brief.\n\n"I bless the '
     'dam," he said.',
     [("The gates stay shut,", "Tom Reyes", "said"), ("I bless the dam,", "Charles Dunn", "said")]),
    # whom one tells is no inverted subject: ", told Associated Press," is the addressee
    ("Storm over the dam\n\nTom Reyes, the mayor of Lakeside, told Associated Press, “We will "
     "open the gates at dawn.”",
     [("We will open the gates at dawn.", "Tom Reyes", "told")]),
    # the line before "it said" skips a blank line between paragraphs
    ('Storm over the dam\n\nA spokesman for Acme University did not respond to a request for '
     'comment.\n\nIn a tweet, it said it had "closed the lab."',
     [("closed the lab.", "Acme University", "said")]),
    # "his" after a name that is the verb's object does not make that name a man's
    ('Storm over the dam\n\nTom Reyes gave Ann Roe his word. "It is bad," she said.',
     [("It is bad,", "Ann Roe", "said")]),
    # a regnal number is part of the name, not a clause's "I"
    ('Storm over the dam\n\nPope John Paul I said: "We keep the dam."',
     [("We keep the dam.", "Pope John Paul I", "said")]),
    # "she" is never a man by his first name in the Census lists ("John"), and a woman by
    # hers ("Karen") is taken before a later person the article does not gender
    ("Storm over the dam\n\nKaren Lowe, who runs the lake shop, met John Dunn at the gates."
     "\n\n“The water is rising,” she said.",
     [("The water is rising,", "Karen Lowe", "said")]),
    # verbs of speech in news: "fawned" (and "she" is not the person "over whom" she fawned),
    # "informed them", a document that "affirms", "gushed", "assured"
    ("Storm over the dam\n\nThe reporter Ann Roe interviewed Karen Lowe, over whom she fawned"
     " as “the heroine of the flood”.",
     [("the heroine of the flood", "Ann Roe", "fawned")]),
    ("Storm over the dam\n\nIn a letter to the town, Mayor Tom Reyes informed them “the gates "
     "stay shut.”",
     [("the gates stay shut.", "Tom Reyes", "informed")]),
    ("Storm over the dam\n\nThe town charter, signed in 1901, affirms that “every resident has"
     " a voice.”",
     [("every resident has a voice.", "The town charter", "affirms")]),
    ("Storm over the dam\n\n“It is a triumph,” Ann Roe gushed.",
     [("It is a triumph,", "Ann Roe", "gushed")]),
    ("Storm over the dam\n\nTom Reyes assured the crowd: “The dam will hold.”",
     [("The dam will hold.", "Tom Reyes", "assured")]),
    # "informed" with no quote or "that" after its object reports no speech
    ("Storm over the dam\n\nTom Reyes spoke first. Of whose plans Jim Dunn had informed him "
     "in 2013 — nothing came. “The gates stay shut,” he said.",
     [("The gates stay shut,", "Tom Reyes", "said")]),
    # no attribution verb, a name with no first name or title: the quote is the subject's when
    # the article has the name speak elsewhere and the quote is in the subject's own clause
    # (a list of quotes after a scare quote included)
    ("Storm over the dam\n\n“The gates stay shut,” Reyes said on Monday, and the crowd cheered "
     "Reyes.\n\nReyes ordered the “immediate opening” of “the north sluice at dawn,” and "
     "“every gate on the east bank.”",
     [("The gates stay shut,", "Reyes", "said"), ("the north sluice at dawn,", "Reyes", None),
      ("every gate on the east bank.", "Reyes", None)]),
    ("Storm over the dam\n\nA statement from Greenpeace said the dam will fail.\n\nGreenpeace "
     "wants the council to “open every gate before the rain.”",
     [("open every gate before the rain.", "Greenpeace", None)]),
    # ... not in a passive ("was named as"), nor past another name or a relative clause
    ("Storm over the dam\n\n“The gates stay shut,” Reyes said, and the crowd cheered Reyes."
     "\n\nReyes was named as a “person of interest in the case” on Tuesday.",
     [("The gates stay shut,", "Reyes", "said"), ("person of interest in the case", None, None)]),
    ("Storm over the dam\n\n“The gates stay shut,” Reyes said, and the crowd cheered Reyes."
     "\n\nReyes ignored the town after meeting Dunn, who calls it “a nest of thieves and liars.”",
     [("The gates stay shut,", "Reyes", "said"), ("a nest of thieves and liars.", None, None)]),
    # ... or the subject of the last clause joined by "and"
    ("Storm over the dam\n\n“The gates stay shut,” Reyes said, and the crowd cheered Reyes."
     "\n\nThe plan would need more money and Reyes dismissed the calls for more money in "
     "favour of a “simple repair of the east wall.”",
     [("The gates stay shut,", "Reyes", "said"),
      ("simple repair of the east wall.", "Reyes", None)]),
    # "he" is no document or abstract phrase ("an unsigned editorial"), and the subject of
    # a sentence that opens with a date ("On Monday, March 4, the mayor met") is a person
    ("An unsigned editorial in the Tribune said the council had “lost its way.” On Monday, "
     "March 4, the mayor met the families of the victims. He talked about his “deep regret.” "
     "“I should have acted sooner,” he said.",
     [("lost its way.", "An unsigned editorial in the Tribune", "said"),
      ("deep regret.", "the mayor", None), ("I should have acted sooner,", "the mayor", "said")]),
    # "When <name> <verb> ..., he ...": the subordinate clause's subject is whom "He" means
    ("One leaked memo says: “The inquiry will go nowhere.” When Arthur Penhaligon accepted the "
     "award in 2009, he thanked his family. He asked why “nobody listened.”",
     [("The inquiry will go nowhere.", "One leaked memo", "says"),
      ("nobody listened.", "Arthur Penhaligon", "asked")]),
    # a possessive name and a noun for speech right before the quote: the possessor's words
    ("Kowalczyk is angered by Brennan’s curt reply, “I have nothing to add,” to the questions "
     "from the board.",
     [("I have nothing to add,", "Brennan", None)]),
    # an adverb between the document's owner and the verb ("thus concluded")
    ("Mr. Okafor’s report thus concluded, “We found no evidence of wrongdoing.”",
     [("We found no evidence of wrongdoing.", "Okafor", "concluded")]),
    # "the statement" after "X issued a denial:" is X's
    ("Shortly after the article appeared, Dana Whitcombe issued a flat denial:\n\n“I have never "
     "met him,” the statement said.",
     [("I have never met him,", "the statement by Dana Whitcombe", "said")]),
    # a verb of telling in the passive: the subject hears the words, the speaker is unnamed
    ("The clerk is told, “Leave the keys on the desk,” and the door closes behind him.",
     [("Leave the keys on the desk,", None, "told")]),
    # "huffed" is a verb of saying
    ("“This is not how it is done,” huffed committee member Lorna Beckett.",
     [("This is not how it is done,", "committee member Lorna Beckett", "huffed")]),
    # a party tag whose state ends in a period ("(R-Ga.)") does not end the sentence
    ("“We are watching raw power,” former Speaker of the House Lyle Danvers (R-Ga.) said "
     "Tuesday. “And we will not stop.”",
     [("We are watching raw power,", "former Speaker of the House Lyle Danvers", "said"),
      ("And we will not stop.", "former Speaker of the House Lyle Danvers", None)]),
    # a description with "on" and a party tag in parentheses before the appositive name
    ("The chairman of the Senate Committee on Energy, Mark Tillery (R-Ohio), reportedly praised "
     "the bill, saying it covers “almost everything we asked for.”",
     [("almost everything we asked for.", "Mark Tillery", "saying")]),
    # ", called the Pentagon files, ..." after a name in apposition to the subject is the
    # subject's verb, not an inverted ", said the minister,"
    ("The former editor of the Chronicle, Alan Pemberton, called the Pentagon files, which his "
     "paper printed in 2011, “the scoop of the decade”.",
     [("the scoop of the decade", "Alan Pemberton", "called")]),
    # a description opening the clause, then the name in apposition, before a colon
    ("In a recent interview, the Italian philosopher, Marco Bellini, provides this example: "
     "“Imagine a baker who sells bread at a loss.”",
     [("Imagine a baker who sells bread at a loss.", "Marco Bellini", None)]),
    # "he" in the sentence is not a name governed by a preposition ("in Lumen Novum")
    ("Bishop Anselm Whitby restated the rule in Lumen Novum in 1921, when he wrote that “no "
     "authority stands without consent.”",
     [("no authority stands without consent.", "Anselm Whitby", "wrote")]),
    # a relative clause and a participle after the appositive: the name opening the sentence
    ("Ruth Keane, the Irish nurse and Board member who resigned, citing the hospital’s refusal "
     "to take action, told AP, “We gave them the letter and nothing happened.”",
     [("We gave them the letter and nothing happened.", "Ruth Keane", "told")]),
    # "continues to grow" is no verb of saying ("the backlash" said nothing)
    ("Mayor Ann Roe defended the budget. Meanwhile the backlash continues to grow after her "
     "remark that the critics were “clueless about what the city owes.”",
     [("clueless about what the city owes.", None, None)]),
    # a time phrase opening the sentence is no speaker ("Late Monday", "Last week")
    ("Late Tuesday, Dora Whitfield, a former aide to the governor, said: “He never paid a "
     "cent for it.”",
     [("He never paid a cent for it.", "Dora Whitfield", "said")]),
    ("Last month Okafor, a talk show host with a long record of attacks on officials in both "
     "parties, called the mayor a “fraud” and said she should “go back to selling cars.”",
     [("fraud", "Okafor", "called"), ("go back to selling cars.", "Okafor", "said")]),
    # nor is a capitalised participle opening it ("Following the backlash, ...")
    ("Following the uproar over the video, Ingrid Sollers blamed the network, saying: “They "
     "cut my words to pieces.”",
     [("They cut my words to pieces.", "Ingrid Sollers", "saying")]),
    # "In February 2016" is a time phrase too, up to its year
    ("In February 2016, Halvorsen posted a video claiming that “the vote was rigged from the "
     "start.”",
     [("the vote was rigged from the start.", "Halvorsen", "posted")]),
    # a time phrase set off before a description and a surname is no speaker either, and a
    # day opening a run of capitalised words is no part of the name
    ("Last year, then-candidate Halvorsen called the treaty “the worst deal ever made.”",
     [("the worst deal ever made.", "then-candidate Halvorsen", "called")]),
    ("Yesterday Okafor called the budget “a gift to the banks.”",
     [("a gift to the banks.", "Okafor", "called")]),
    # a dash or bullet opening the line is no part of the subject before a colon
    ("-- HALVORSEN on the mayor in 2016: “She never once asked what it would cost.”",
     [("She never once asked what it would cost.", "HALVORSEN", None)]),
    # "as X put it" and "in the words of X" borrow X's words (no verb of saying), before or
    # after the quote, and nearer the quote than the sentence's own verb
    ("The council’s budget is, as Okafor put it on Monday, “a gift to the banks.”",
     [("a gift to the banks.", "Okafor", None)]),
    ("The plan was “dead before it reached the floor,” as Senator Ruth Keane so aptly put it.",
     [("dead before it reached the floor,", "Ruth Keane", None)]),
    ("Neighbours described shouting and, in the words of one tenant, “a kind of siege every "
     "night.”",
     [("a kind of siege every night.", "one tenant", None)]),
    # a time phrase between a quote and a participle never speaks ('"..." Sunday morning,
    # describing'): the sentence's subject does
    ("Mayor Ann Okafor attacked the “lazy local press” Sunday morning, describing the reports "
     "as “made up.”",
     [("lazy local press", "Ann Okafor", None), ("made up.", "Ann Okafor", "describing")]),
    # a party tag with dotted initials after the name (", D-N.Y.,") ends no sentence
    ("“We will not vote for this bill,” Senate Minority Leader Carla Mendez, D-N.Y., said in a "
     "statement.",
     [("We will not vote for this bill,", "Carla Mendez", "said")]),
    # a link after "said." is no part of the word: the sentence ends at the period
    ("“The letter is beneath the dignity of the office,” Pruitt said. https://example.com/post/1 "
     "“It undercuts the president,” he continued.",
     [("The letter is beneath the dignity of the office,", "Pruitt", "said"),
      ("It undercuts the president,", "Pruitt", "continued")]),
]


@pytest.mark.parametrize("text, expected", ATTRIBUTION_CASES,
                         ids=[f"attribution{i}" for i in range(len(ATTRIBUTION_CASES))])
def test_voice_attribution_cases(text, expected):
    quotes = find_quotes(text)
    assert [(q.text, q.speaker, q.verb) for q in quotes] == expected
    for q in quotes:
        assert text[q.start:q.end] == q.text
        if q.verb_start is not None:
            assert text[q.verb_start:q.verb_end] == q.verb


def test_voice_tweet_signature_is_no_subject():
    """A dash or bullet opening a colon's line is skipped ("-- OBAMA on McCain: "), but not a
    tweet's signature line ("— Ann Roe (@roe) date") in the same paragraph as the sentence
    (as :mod:`toolkit.target_tone` reads a sentence: one paragraph, the rules alone)."""
    text = ("— Ann Marlowe (@amarlowe) July 19, 2019\nAfter the criticism started to pile up, "
            "Okafor doubled down, arguing that the students were “the real bullies.”")
    (quote,) = find_quotes(text, [(0, len(text))], parse=False)
    assert quote.text == "the real bullies." and quote.speaker.startswith("Okafor")


@pytest.mark.parametrize("text, expected", CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_voice_hand_checked_cases(text, expected):
    quotes = find_quotes(text)
    assert [(q.text, q.speaker, q.verb) for q in quotes] == expected
    for q in quotes:
        assert text[q.start:q.end] == q.text


@pytest.mark.parametrize("text", ["", "   \n\n ", "No quotes here at all."])
def test_voice_no_quotes(text):
    assert find_quotes(text) == []
    frame = quotes_frame(find_quotes(text))
    assert list(frame.columns) == QUOTE_COLUMNS and frame.empty


def test_voice_rejects_non_string():
    with pytest.raises(TypeError, match="text"):
        find_quotes(None)


def test_voice_at_offsets():
    text = 'Smith said "no way" today.'
    quotes = find_quotes(text)
    assert voice_at(quotes, text.index("no")) == "quote"
    assert voice_at(quotes, text.index("way")) == "quote"
    assert voice_at(quotes, text.index("Smith")) == "author"
    assert voice_at(quotes, text.index("today")) == "author"
    assert voice_at(quote_regions(quotes), text.index("way")) == "quote"
    assert voice_at([], 3) == "author"


def test_voice_unclosed_quote_does_not_swallow_article():
    text = 'He said "this will never end.\n\nMarkets fell sharply.\n\nThe vote is on Monday.'
    (quote,) = find_quotes(text)
    assert quote.text == "this will never end."
    assert voice_at(find_quotes(text), text.index("Markets")) == "author"


def test_voice_loaded_verb_is_author_evidence():
    text = '"It was a mistake," the minister admitted.'
    (span,) = report_verb_spans(text, find_quotes(text))
    assert (span.text, span.category, span.voice, span.source) == (
        "admitted", "report_verb", "author", "voice")
    # not repeated where the cue lexicon already found it
    assert report_verb_spans(text, find_quotes(text), existing=[span]) == []
    plain = '"It was a mistake," the minister said.'
    assert report_verb_spans(plain, find_quotes(plain)) == []


def test_voice_analysis_tables(sample_analysis):
    quotes = sample_analysis.quotes
    assert list(quotes.columns) == QUOTE_COLUMNS
    speakers = set(quotes["speaker"].dropna())
    # speakers carry the fullest name the article gives ("Andrei Belousov" for "Belousov")
    assert {"Andrei Belousov", "Vladimir Putin", "Dong Jun"} <= speakers
    assert {"Belousov", "Putin", "Dong"} <= {w for s in speakers for w in s.split()}
    assert set(sample_analysis.spans["voice"]) <= {"author", "quote"}
    assert set(sample_analysis.sentences["voice"]) <= {"author", "quote"}
    text = sample_analysis.text
    for row in quotes.itertuples():
        assert text[row.start:row.end] == row.text


def test_voice_seed_dong_paragraph_is_quoted(sample_analysis):
    p = sample_analysis.paragraphs
    dong = p[p["text"].str.startswith("Dong, quoted")].iloc[0]
    assert dong["quote_share"] >= 0.5
    # The praise is quoted and positive on the calibrated scale of ``sentiment`` (news
    # ratings / 4, so milder than VADER's compound, which stays in the *_vader columns) ...
    assert dong["sentiment_quoted"] > 0
    assert dong["sentiment_quoted_vader"] > 0.3
    # ... and it is not the author's.
    assert abs(dong["sentiment_author"]) < 0.05
    assert dong["sentiment_quoted"] > dong["sentiment_author"]
    spans = sample_analysis.spans
    praise = spans[(spans["paragraph"] == dong["paragraph"])
                   & (spans["category"] == "tone_positive")]
    assert len(praise) and (praise["voice"] == "quote").all()
    sentences = sample_analysis.sentences
    assert (sentences[sentences["paragraph"] == dong["paragraph"]]["voice"] == "quote").all()


def test_voice_paragraph_columns_in_range(sample_analysis):
    p = sample_analysis.paragraphs
    assert p["quote_share"].between(0, 1).all()
    for column in ("sentiment_author", "sentiment_quoted", "sentiment_author_vader",
                   "sentiment_quoted_vader"):
        values = p[column].dropna()
        assert values.between(-1, 1).all()
    no_quote = p[p["quote_share"] == 0]
    assert no_quote["sentiment_quoted"].isna().all()
    assert not no_quote.empty


def test_voice_summary_separates_author_and_quoted_density():
    text = ('Officials gave the figures on Monday.\n\n'
            '"This is a disgraceful, shameful attack by thugs," the mayor said.')
    summary = toolkit.analyze(text).summary
    assert summary["loaded_density_quoted"] > 0
    assert summary["loaded_density_author"] == 0
    assert summary["n_quotes"] == 1
    assert math.isclose(toolkit.analyze("").summary["loaded_density_quoted"], 0.0)


# --------------------------------------------------------------------------- properties

MARKS = ['"', "'", "“", "”", "‘", "’", "„", "«", "»", "\n\n", " ", "said", "he said", ",",
         ".", ":", "Smith", "according to", "don't", "students'", "'90s", "\n", "she said",
         "Cardinal Jan Smith", "the cardinal", "Ms", "Warns", "His warning", "in Smith's eyes",
         ", who,", "and said", "continued to insist", ", adding", "—"]
soup = st.lists(st.one_of(st.sampled_from(MARKS), st.text(max_size=6)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(soup)
def test_voice_properties_offsets_exact(text):
    quotes = find_quotes(text)
    previous_end = -1
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.start >= previous_end                     # in order, never overlapping
        previous_end = q.end
        for s, e in ((q.speaker_start, q.speaker_end), (q.verb_start, q.verb_end)):
            assert (s is None) == (e is None)
            if s is not None:
                assert 0 <= s < e <= len(text)
    for span in report_verb_spans(text, quotes):
        assert text[span.start:span.end] == span.text
    assert find_quotes(text) == quotes


def test_voice_benchmark_metric_counts_half_overlap():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "quotes_eval.py"
    spec = importlib.util.spec_from_file_location("quotes_eval", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    case = {"id": "x", "text": '"We will win the vote," Smith said.',
            "quotes": [["We will win the vote,", "John Smith"]]}
    result = module.evaluate([case])
    assert result["f1"] == 1.0 and result["speaker_accuracy"] == 1.0
    assert module.speaker_matches("Smith", "John Smith")
    assert not module.speaker_matches("Jones", "John Smith")
    assert not module.speaker_matches(None, "John Smith")


def test_voice_quotes_frame_dtypes():
    quotes = find_quotes('"We won," Smith said. Then "a scare quote" and more.')
    frame = quotes_frame(quotes)
    assert list(frame.columns) == QUOTE_COLUMNS
    assert [str(t) for t in frame.dtypes] == ["int64"] * 3 + ["object"] * 3
    assert frame["text"].tolist() == [q.text for q in quotes]
    empty = quotes_frame([])
    assert len(empty) == 0 and [str(t) for t in empty.dtypes] == ["int64"] * 3 + ["object"] * 3


def _quotes_benchmark():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "quotes_eval.py"
    spec = importlib.util.spec_from_file_location("quotes_eval", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _ptc_cases(shared_data):
    import json
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1] / "benchmarks" / "quote_cases"
    for path in sorted(folder.glob("ptc_check*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            text = (shared_data / "ptc" / "articles" / case["file"]).read_text(encoding="utf-8-sig")
            yield path.name, {**case, "text": text}


def test_voice_ptc_case_files_are_well_formed(shared_data):
    """Every annotated span of the blind PTC sets lies inside its article, holds no quotation
    mark or space at either end, and the spans of an article are in order, each after the
    one before or inside it (``ptc_check15`` also annotates two quotes inside quotes)."""
    marks = "\"“”‘’'"
    n = 0
    for name, case in _ptc_cases(shared_data):
        text, outer = case["text"], (-1, -1)
        for start, stop, speaker in case["quotes"]:
            span = text[start:stop]
            assert 0 <= start < stop <= len(text), (name, case["id"], start)
            assert span.strip() == span and span[0] not in marks, (name, case["id"], span[:40])
            inside = outer[0] <= start and stop <= outer[1]
            assert start >= outer[1] or inside, (name, case["id"], start)
            assert speaker is None or speaker.strip(), (name, case["id"], start)
            outer, n = max(outer, (start, stop), key=lambda s: s[1]), n + 1
    assert n > 1500


def test_voice_ptc_case_files_floors(shared_data):
    """Regression floors over every blind PTC set (pooled as they stand: most were read and
    fixed from after their first contact, so these are not figures for unseen text; the
    README gives those). Measured 2026-11-29 (session 18, with ptc_check23-26): span F1
    0.904, speaker 0.746 of 1,527 with the dependency parse's speakers, 0.731 with the rules
    alone (``NEWSBIAS_PARSER=0``)."""
    result = _quotes_benchmark().evaluate([case for _, case in _ptc_cases(shared_data)])
    assert result["f1"] >= 0.89
    assert result["speaker_accuracy"] >= (0.74 if PARSED else 0.72)


def test_speaker_dump_lists_only_changed_speakers(tmp_path):
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "speaker_dump.py"
    spec = importlib.util.spec_from_file_location("speaker_dump", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = '"We will win," Bob Roe said.\n\n"Never," he said.'
    (tmp_path / "a1.txt").write_text(text, encoding="utf-8")
    before = module.dump(tmp_path)
    assert [q[2] for q in before["a1"]] == ["Bob Roe", "Bob Roe"]
    after = {"a1": [before["a1"][0], [*before["a1"][1][:2], "Bo Lee", "said"]]}
    lines = module.changes(before, after, tmp_path)
    assert len(lines) == 1 and "'Bob Roe' -> 'Bo Lee'" in lines[0] and "Never," in lines[0]
    assert module.changes(before, before, tmp_path) == []


def test_voice_quotes_without_speakers_keep_places_verbs_and_author_marks(shared_data):
    """``speakers=False`` (what ``analyze`` asks) leaves out only the speakers: the quotes,
    their places and verbs, and the author's marks are those of the rules with speakers, over
    every article of the PTC case files (a verb found by a colon introduction depends on
    whether the quote before carried its speaker on, so on the name index) and the sample."""
    from dataclasses import replace
    from pathlib import Path

    from toolkit.voice import find_quotations

    sample = Path(__file__).resolve().parents[1] / "data" / "moscow-beijing-military-ties.txt"
    texts = {case["text"] for _, case in _ptc_cases(shared_data)}
    texts.add(sample.read_text(encoding="utf-8"))
    n_verbs = 0
    for text in sorted(texts):
        quotes, marks = find_quotations(text, parse=False)
        bare, bare_marks = find_quotations(text, speakers=False)
        assert bare == [replace(q, speaker=None, speaker_start=None, speaker_end=None)
                        for q in quotes]
        assert bare_marks == marks
        n_verbs += sum(q.verb is not None for q in bare)
    assert len(texts) > 100 and n_verbs > 1000


def test_voice_benchmark_reads_newsmtsc_cases(tmp_path, capsys):
    """A case may point at a NewsMTSC row by id (the sentence read in place, never copied);
    a row missing from the CSV is skipped with a message naming it."""
    import json

    (tmp_path / "dev.csv").write_text(
        'id,text,start,end,mention,polarity\n'
        'r1,"""We will win,"" Ann Roe said.",0,1,x,0\n', encoding="utf-8")
    cases = [{"id": "a", "newsmtsc": "r1", "quotes": [[1, 13, "Ann Roe"]]},
             {"id": "b", "newsmtsc": "r2", "quotes": []}]
    (tmp_path / "cases.json").write_text(json.dumps(cases), encoding="utf-8")
    module = _quotes_benchmark()
    assert module.main([str(tmp_path / "cases.json"), "--newsmtsc",
                        str(tmp_path / "dev.csv")]) == 0
    out = capsys.readouterr().out
    assert "skipping b: no row 'r2'" in out
    assert "matched            1" in out and "speaker_accuracy   1.000" in out


def _newsmtsc_cases(shared_data):
    """The blind NewsMTSC sentence sets, their texts read in place from the dev split (as
    the benchmark reads them)."""
    import json
    from pathlib import Path

    texts = _quotes_benchmark()._newsmtsc_texts(shared_data / "newsmtsc" / "dev.csv")
    folder = Path(__file__).resolve().parents[1] / "benchmarks" / "quote_cases"
    for path in sorted(folder.glob("newsmtsc_q*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            yield path.name, {**case, "text": texts[case["newsmtsc"]]}


def test_voice_newsmtsc_case_files_are_well_formed(shared_data):
    """Every annotated span of the news-sentence sets lies inside its sentence, in order,
    with no quotation mark or space at either end (``mtsc_q1`` to ``q4``: 480 sentences)."""
    marks = "\"“”‘’'"
    cases = list(_newsmtsc_cases(shared_data))
    assert len(cases) == 480
    for name, case in cases:
        text, last = case["text"], 0
        for start, stop, speaker in case["quotes"]:
            span = text[start:stop]
            assert last <= start < stop <= len(text), (name, case["id"], start)
            assert span.strip() == span and span[0] not in marks, (name, case["id"], span)
            assert speaker is None or speaker.strip(), (name, case["id"], start)
            last = stop


def test_voice_newsmtsc_case_files_floors(shared_data):
    """Regression floors over the four news-sentence sets pooled (``newsmtsc_q1`` was read
    and fixed from in session 19; ``q2``-``q4`` were sealed until scored; the README gives
    their first-contact figures). Measured 2026-11-30: span F1 0.959, speaker 0.850 of 320
    with the parse, 0.819 with the rules alone."""
    result = _quotes_benchmark().evaluate([case for _, case in _newsmtsc_cases(shared_data)])
    assert result["f1"] >= 0.95
    assert result["speaker_accuracy"] >= (0.84 if PARSED else 0.81)


@pytest.mark.parametrize("text, speaker", [
    # a line of page furniture is no part of the next line's subject (a headline, then
    # lines with no blank line between them: one paragraph)
    ("Panel revived\n\nAnn Roe met them on Monday.\nAdvertisement\nRoe said the plan is "
     "\u201ca good idea.\u201d", "Ann Roe"),
    ("Test failed\n\nA report came out.\nShutterstock\nA professor wrote that it was "
     "\u201cnot a country.\u201d", "A professor"),
])
def test_voice_subject_does_not_reach_across_a_line(text, speaker):
    (quote,) = find_quotes(text, parse=False)
    assert quote.speaker == speaker
    assert "\n" not in text[quote.speaker_start:quote.speaker_end]

"""Whether a message is told wholly in the past (or as a habit): the rules' reading of tense.

The acute-danger rules decide tense where they and the classifier disagree: a message with a
past marker ("gisteren", "bedreigde", "threatened") and no verb or word that places anything
in the present ("staat", "is", "nu", "still"), or with a habitual one ("al weken", "every
shift") and no "now", is a story, not an emergency, whatever the classifier makes of its
danger words. A present auxiliary that
only forms a perfect tense ("hij heeft me geslagen", "he has hit me") does not count as
present. Reads text folded by `nlu.rule_text.normalise_for_rules`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlu import tense_asked as asked
from nlu.acute_words import expand_macros
from nlu.story_closers import STORY_CLOSER as _STORY_CLOSER

__all__ = [
    "hypothetical",
    "names_event",
    "nothing_after",
    "story_closed_at",
    "told_in_past",
]

_PAST = re.compile(
    expand_macros(r"\b(?:<PAST_TIME>|<HABIT>|<PAST_FINITE>|<PARTICIPLE>)\b|\b[a-z]{3,}ed\b")
)
_HABIT = re.compile(expand_macros(r"\b<HABIT>\b"))
# (A plea for someone to come is now too: "kan er iemand komen?? hij staat elke keer ...")
_NOW = re.compile(
    expand_macros(
        r"\b(?:<NOW>|net|zojuist|just|nog steeds|nog altijd|still|kan er (?:\w+ )?iemand komen"
        r"|can (?:someone|somebody|security) come|stuur (?:iemand|hulp|beveiliging)"
        r"|send (?:someone|help|security))\b"
    )
)
_PRESENT = re.compile(
    expand_macros(
        r"\b(?:<NOW>|<PRESENT>|net|zojuist|just|nog steeds|nog altijd|still)(?=\W|$)"
        # a passive in the present: "being attacked", "getting beaten up"
        r"|(?<!\bwas )(?<!\bwere )\b(?:being|getting)\b"
    )
)
# Auxiliaries of a perfect tense, and the participles that complete it.
_AUXILIARIES = frozenset(
    {"heb", "hebt", "heeft", "hebben", "ben", "bent", "is", "has", "have", "he's", "she's"}
)
_PARTICIPLE = re.compile(
    expand_macros(
        r"\b(?:[a-z]{2,5})?ge[a-z]{3,}(?:d|t|en)\b|\b(?:be|ver|ont|her)[a-z]{3,}[dt]\b"
        r"|\b<PARTICIPLE>\b|\b[a-z]{3,}ed\b|\b(?:been|hit|bit|got|done|gone|thrown|taken|held"
        r"|stolen|beaten|broken|seen|told|said|had|shot)\b"
        # an infinitive for a participle: "heeft tien minuten staan schreeuwen"
        r"|\b(?:staan|zitten|liggen|lopen) [a-z]{3,}en\b"
    )
)
_CLAUSE_END = re.compile(r"[,.!?;:\n]|\b(?:en|maar|want|and|but|because)\b")
#: How far after an auxiliary its participle may stand (Dutch puts it at the clause's end).
_PERFECT_REACH = 60


def _perfect(text: str, auxiliary: re.Match[str]) -> bool:
    """Whether a present auxiliary only forms a perfect tense with a participle after it."""
    if auxiliary.group(0) not in _AUXILIARIES:
        return False
    end = min(len(text), auxiliary.end() + _PERFECT_REACH)
    stop = _CLAUSE_END.search(text, auxiliary.end(), end)
    return _PARTICIPLE.search(text, auxiliary.end(), stop.start() if stop else end) is not None


# "hij zei dat hij terug zou komen", "he said he'd wait": a verb after "would" is reported,
# not present.
_WOULD = re.compile(r"\b(?:zou|zouden|would|'d)\b(?:\s+[\w']+){0,3}\s*$")


def _reported(text: str, cue: re.Match[str]) -> bool:
    """Whether a present-looking verb only completes a "would" ("zou komen", "'d wait")."""
    return _WOULD.search(text, max(0, cue.start() - 30), cue.start()) is not None


# "the c word", "a bad word": the English noun, not Dutch "word" (become).
_NOUN_WORD = re.compile(r"\b(?:the|a|that|this|one|every|bad|swear|his|her|my|c|f|n) word$")
# A past verb that takes an infinitive ("hij ging voor de deur staan", "zat te wachten",
# "bleef staan"): the infinitive after it, in its clause, is not in the present.
_PAST_WITH_INFINITIVE = re.compile(
    r"\b(?:ging|gingen|zat|zaten|bleef|bleven|stond|stonden|kwam|kwamen|lag|lagen|liep|liepen"
    r"|begon|begonnen|probeerde|wilde|wou|kon|konden|moest|liet|hield)\b"
    r"[^,.!?;:\n]{0,50}$"
)
_INFINITIVES = frozenset(
    {"staan", "zitten", "komen", "gaan", "lopen", "wachten", "doen", "hebben", "worden"}
)


_HOW_I_AM = re.compile(r"\b(?:how|hoe) (?:i|ik|it|het) (?:am|ben|is|gaat)$")


# "hij heeft tien minuten staan schreeuwen": a perfect with an infinitive for its participle.
_PERFECT_INFINITIVE_BEFORE = re.compile(r"\b(?:heb|hebt|heeft|hebben)\b[^,.!?;:\n]{0,50}$")
_INFINITIVE_AFTER = re.compile(r" [a-z]{3,}en\b")
# "he said he'll come back with his friends": a threat reported, not happening.
_SAID_WHO = (
    r"\b(?:said|told (?:me|us|her|him)|zei|zeiden|threatened|dreigde)(?: that| dat)? (?:he|she"
    r"|they|hij|zij|ze)"
)
_SAID_FUTURE = re.compile(_SAID_WHO + r"(?:'ll| will| zal| zou| gaat)(?: [\w']+){0,3}\s*$")
_SAID_WHO_END = re.compile(_SAID_WHO + r"\s*$")
_FUTURE_CUES = frozenset({"'ll", "will", "zal", "zou", "gaat"})
# "he just stood there", "she just looked at me": just as "merely", before a past verb.
_MERELY = re.compile(
    r" (?:stood|sat|stared|looked|laughed|smiled|kept|ignored|walked (?:away|off|out)|left"
    r"|shrugged|watched)\b"
)


def _not_present(text: str, cue: re.Match[str]) -> bool:
    """Whether a present-looking cue is not in the present after all: a perfect, a reported
    "would", the English noun "word", an infinitive after a past verb, "asked how I am"."""
    word = cue.group(0)
    if word == "just":
        return _MERELY.match(text, cue.end()) is not None
    said = _SAID_WHO_END if word in _FUTURE_CUES else _SAID_FUTURE
    if said.search(text, max(0, cue.start() - 60), cue.start()) is not None:
        return True
    if (
        word in _INFINITIVES
        and _PERFECT_INFINITIVE_BEFORE.search(text, max(0, cue.start() - 60), cue.start())
        and _INFINITIVE_AFTER.match(text, cue.end())
    ):
        return True
    if _HOW_I_AM.search(text, max(0, cue.start() - 12), cue.end()) is not None:
        return True
    if word == "word":
        return _NOUN_WORD.search(text, max(0, cue.start() - 10), cue.end()) is not None
    if word in _INFINITIVES and _PAST_WITH_INFINITIVE.search(
        text, max(0, cue.start() - 60), cue.start()
    ):
        return True
    return _perfect(text, cue) or _reported(text, cue)


# A sentence only of how the melder feels now ("Right now I'm just angry.", "Ik voel me
# vandaag echt onrustig."): the present of the melder, not of the story.
_FEELING_SENTENCE = re.compile(
    r"(?:^|(?<=[.!?] ))(?:(?:right now|now|at the moment|today|vandaag|nu|op dit moment),? )?"
    r"(?:i'm|i am|im|i feel|ik ben|ik voel me|voel me)(?: (?:just|so|really|still|a bit|pretty"
    r"|quite|echt|zo|nog|wel|best|erg|heel|vandaag|nu|gewoon))* (?:angry|upset|furious|scared"
    r"|shaken|anxious|restless|nervous|sad|tired|exhausted|onrustig|boos|bang|van slag"
    r"|verdrietig|moe|gespannen|zenuwachtig|kwaad|overstuur)[^.!?,;]{0,20}(?:[.!?]|$)"
)


# Where the melder is since then: "I'm now on sick leave since he hit me", "zit nu in de
# ziektewet sinds ie me sloeg": the melder's present, not the story's (only the words of
# that state go; the story after them stays to be read).
_MELDER_STATE = re.compile(
    r"\b(?:(?:i'm|i am|im|i've been|ik ben|ik zit|ben|zit|we zitten|we're|we are)"
    r" (?:now |nu |still |nog |sindsdien |tijdelijk |temporarily )*"
    r"(?:on sick leave|off sick|off work|signed off(?: sick)?|in de ziektewet|ziek thuis"
    r"|thuis ziek|ziekgemeld|in de wao|arbeidsongeschikt|thuis(?: op de bank)?"
    r"|(?:op|in) een andere (?:locatie|plek|afdeling|groep)|(?:at|in|on) (?:another|a different)"
    r" (?:location|site|ward|building))"
    # trembling still, not daring any more: "tril nog steeds", "nu durf ik niet meer"
    r"|\b(?:en )?(?:ik )?tril (?:nog steeds|nog)|(?:i'm |im )?still shaking"
    r"|(?:nu |now )?(?:durf ik|ik durf|i don't dare|i daren't|i'm (?:too )?(?:scared|afraid) to)"
    r"(?: (?:niet meer|nog steeds niet|no longer|not anymore))?"
    # a detail to add to the report: "wacht, hij heeft ook de deur dichtgegooid, kan dat er
    # nog bij"
    r"|^\W*(?:o |oh )?(?:wacht|wait|hold on)\b|\b(?:kan|can|mag|could) (?:je |you )?(?:dat|dit"
    r"|that|this|het|it) (?:er )?(?:nog |ook )*(?:bij|erbij|toevoegen|be added|add(?:ed)?)\b"
    # a mark left, what a photo shows: "zit nog een blauwe plek", "staat niet op de foto"
    r"|(?:er )?(?:zit|zitten|heb ik|i've got|i have|there's) (?:nog |still |nu |now )*(?:een |a )?"
    r"(?:blauwe plek\w*|bruises?|schram\w*|kras\w*|bult|marks?|scratch\w*)"
    r"|(?:staat|staan|is|it's|its) (?:niet |wel |ook |not |also )?(?:op|on|in) (?:de|het|the)"
    r" (?:foto|screenshot|photo|picture|filmpje|video)\b"
    # why only now: "nu pas meld ik het", "only now i'm reporting it"
    r"|(?:nu pas|pas nu|only now|finally) (?:[\w']+ ){0,2}?(?:meld|melden|durf|report|reporting"
    r"|dare|log|logging)\w*)\b"
)


# Words quoted as someone said them ("'help, he's killing me' is what she screamed"): their
# tense is the speaker's, not the story's.
_QUOTE_SAID = re.compile(
    r"(?<!\w)'(?:[^']|(?<=\w)'(?=\w)){1,100}'(?!\w)\s*[,.!]?\s*(?:(?:is|was) what\s+)?"
    r"(?:[\w']+\s+){0,2}?"
    r"(?:screamed|shouted|yelled|said|cried|gilde|riep|schreeuwde|zei|brulde)\b"
)


def told_in_past(folded: str) -> bool:
    """True when the text has a past marker and nothing in the present, or a habitual
    marker ("al weken", "every shift") and no "now"; sentences only of how the melder feels
    now, and the melder's sick leave since, do not count."""
    folded = _MELDER_STATE.sub(" ", _FEELING_SENTENCE.sub(" ", _QUOTE_SAID.sub(" ", folded)))
    folded = asked.without_asked_next(folded)
    cues = list(_PRESENT.finditer(folded))
    not_present = sum(_not_present(folded, cue) for cue in cues)
    if _PAST.search(folded) is None and not not_present:
        return False
    if _HABIT.search(folded) is not None and _NOW.search(folded) is None:
        return True
    return not_present == len(cues)


# "stel iemand bedreigt me met een mes", "what should I do if he ever ...": a case imagined
# or asked about, not happening.
_HYPOTHETICAL = re.compile(
    r"^(?:stel|say|suppose|imagine)\b"
    r"|\b(?:stel dat|stel je voor|gesteld dat|wat als|mocht (?:hij|zij|ze|iemand|er)|what if"
    r"|suppose|supposing|in case|in het geval|voor het geval|hypothetisch|hypothetically)\b"
    r"|\b(?:als|wanneer|if|when) (?:\w+ ){0,3}?(?:ooit|ever)\b"
    # a threat for when he is released: "zegt dat hij me vermoordt als hij vrijkomt"
    r"|\b(?:als|wanneer|zodra|once|when|if|as soon as) (?:hij|zij|ze|ie|he|she) (?:\w+ ){0,3}?"
    r"(?:vrijkomt|vrij komt|vrij is|weer buiten is|gets out|is released|is out)\b"
    # a threat for if the melder comes again: "the client said if I come again he'll ..."
    r"|\b(?:said|says|zei|zegt|dreigde|threatened) (?:dat |that )?(?:if|als) (?:i|ik|we)"
    r" (?:ever |nog eens |nog een keer |weer )?(?:come|kom|komen|return|visit|terugkom|langskom)\b"
    r"(?! (?:closer|nearer|any closer|dichterbij|dichter bij)\b)"
    # ("he say he will kill me when i come again"; not "... when I come out")
    r"|\b(?:say|says|said|zeg|zegt|zei) (?:[\w']+ ){0,6}?(?:when|wanneer|if|als) (?:i|ik|we)"
    r" (?:come|kom|komen) (?:again|weer|nog eens)\b"
    r"|\bwat (?:moet|moeten|doe|doen|kan|kunnen) (?:ik|we|je|jij|wij) (?:\w+ ){0,3}?"
    r"(?:als|wanneer)\b"
    r"|\bwhat (?:should|do|must|can) (?:i|we|you) do (?:\w+ ){0,2}?(?:if|when)\b"
    r"|\bhow (?:should|do|must|can|would) (?:\w+ ){1,2}?(?:react|respond|handle|deal)\b"
    r"[^.!?]{0,40}\b(?:if|when)\b"
    r"|\bwat (?:ik|we|je) (?:zou|zouden) doen als\b|\bwhat (?:i|we|you) (?:would|'d) do if\b"
    # "hoe moet ik reageren als hij me gaat slaan?", "how do I respond if he ..."
    # (Not "hoe kom ik hier weg als ...": a way out asked for now.)
    r"|\bhoe (?:moet|moeten|kan|kunnen|reageer|reageren|handel|ga|gaan) (?:ik|we|je|jij|wij)"
    r" (?!(?:\w+ )?(?:hier |nu |snel )?(?:weg|eruit|ontsnappen|vluchten|wegkomen|naar buiten"
    r"|veilig)\b)(?:\w+ ){0,3}?(?:als|wanneer|mocht)\b"
    r"|\bhow (?:should|do|must|can|would) (?:i|we|you) (?!(?:\w+ )?(?:get out|escape|get away"
    r"|leave|stay safe)\b)(?:\w+ ){0,3}?(?:if|when|in case)\b"
    # "if someone follows me, should I drive to the police?", "als hij ..., moet ik dan ...?"
    r"|(?:^|[.!?]\s*)if (?:[\w',]+ ){1,14}?(?:should|shall|can|may|must|do) (?:i|we)\b"
    # "if the father turns up again like last month, what are we supposed to do?"
    r"|(?:^|[.!?]\s*)if (?:[\w',]+ ){1,16}?what (?:are|am|do|should|must|can) (?:we|i)"
    r" (?:supposed to |meant to |have to )?do\b"
    r"|(?:^|[.!?]\s*)als (?:[\w',]+ ){1,16}?wat (?:moet|moeten|kan|kunnen|mogen) (?:ik|we|wij)"
    r" (?:dan )?doen\b"
    r"|(?:^|[.!?]\s*)als (?:hij|ze|zij|iemand|er) (?:[\w',]+ ){1,8}?(?:moet|mag|kan) (?:ik|we)"
    r" dan\b"
    r"|\b(?:just asking|only asking|vraag het (?:even )?voor de zekerheid)\b"
    # a question for a course: "how do you de-escalate someone holding a bottle? for the course"
    r"|\b(?:how do you|hoe) (?:de-?escalate|deescalate|de-?escaleer|deescaleer) (?:je )?[^.!?]*\?"
    # whether to report a kind of event: "is a bomb threat by phone something i report?"
    r"|\b(?:is|are) (?:a |an |een )?(?:[\w']+ ){1,5}?(?:something|iets) (?:that |which |wat |dat"
    r" )?(?:i|we|you|ik|wij|je) (?:should |need to |have to |must |moet |moeten )?(?:report"
    r"|melden|log)\b"
    # a meeting asked for about someone: "kan er een gesprek komen over zijn plaatsing?"
    r"|\b(?:kan|kunnen|mag) (?:er|we|wij|ik) (?:een )?(?:gesprek|overleg|evaluatie|mdo)\b"
    r"|\bcan (?:we|i) (?:have|get|arrange|schedule|set up) (?:a )?(?:meeting|talk|conversation"
    r"|review|case review)\b"
    # a fear of some day: "I'm scared he'll come back one day with a weapon"
    r"|\b(?:scared|afraid|bang|fear|vrees|worried|bezorgd)\w*\b[^.!?]{0,60}?\b(?:one day"
    r"|some day|someday|op een (?:dag|goede dag)|in (?:de|the) (?:toekomst|future))\b"
    # A question about what the bot would do, asked before it is needed: "what does this bot
    # do if ...", "... want to know before I need it".
    r"|\b(?:what (?:does|will|would) (?:this|the) (?:bot|app) do (?:if|when|in case)"
    r"|wat doet (?:deze|de|die) (?:bot|app) (?:als|wanneer|bij)"
    r"|before i (?:ever )?need it|voordat ik (?:het|hem) (?:ooit )?nodig heb)\b"
    # News of another place, a drill, a dream: "in het nieuws", "ontruimingsoefening",
    # "nagespeelde gijzeling", "ik heb gedroomd dat ..."; not "dit is geen oefening".
    # next time, a dream, a film: "moet ik de volgende keer 112 bellen", "i keep dreaming
    # hes at the door", "watching a documentary about crews getting attacked"
    r"|\b(?:de volgende keer|volgende keer|next time|the next time)\b"
    # when to call asked: "moet ik 112 bellen als ...", "when should i ring 999"
    r"|\b(?:moet|moeten|should|do) (?:ik|we|i) (?:\d{3}|de politie|the police) (?:bellen|call|ring)"
    r"(?: [\w']+){0,3}? (?:als|wanneer|if|when)\b"
    r"|\bwhen (?:should|do|must) (?:i|we) (?:ring|call)\b"
    r"|\b(?:dreaming|dromen dat|droom dat|droom steeds|documentary|documentaire|tv show"
    r"|netflix|een film|a film|a movie|in een serie|on tv|op tv|on television|op televisie)\b"
    # trying the bot out: "ff oefenen met de bot voor mn dienst", "just testing the bot"
    r"|\b(?:oefen\w*|testen|test|testing|trying) (?:met |with |out )?(?:de|the|this|deze) bot\b"
    r"|\b(?:in het nieuws|op het nieuws|on the news|in the news|in de krant|in the paper"
    r"|in een andere stad|in another (?:city|town)|zijn (?:wij|we) (?:daar|daarop|hierop)"
    r" (?:op )?voorbereid|are we prepared"
    r"|(?<!not a )(?<!no )(?:fire|evacuation|emergency|safety|hostage|practice) (?:drill|exercise)"
    r"|practi[cs]ed|practi[cs]ing|rehearsed|rehearsing|geoefend|oefenden"
    # "Drill at 15:00, somebody plays a man with a knife", "iemand speelt de agressor"
    r"|^\W*drill\b|\bdrill (?:at|om|today|vandaag|tomorrow|morgen)\b"
    r"|\b(?:plays|playing|played|speelt|spelen|speelde) (?:a|the|een|de) (?:man|woman|guy|bloke"
    r"|patient|client|role|rol"
    r"|agressor|aggressor|dader|attacker)\b"
    # what a protocol says to do: "our new protocol says if a resident has a knife ..."
    r"|(?:protocol|procedure|richtlijn|werkinstructie|policy|guideline)\w*\b[^.!?]{0,40}?"
    r"\b(?:if|als|wanneer|when|in case)"
    r"|nagespeeld\w*|naspelen|rollenspel|role ?play|simulatie|simulation|simulated|mock (?:attack"
    r"|hostage"
    r"|evacuation)|gedroomd|droomde|dreamt|dreamed|(?:had|have|had een|heb een) (?:a )?"
    r"(?:dream|droom|nightmare|nachtmerrie))\b"
    r"|(?<!geen )(?<!geen ontruimings)(?<!geen brand)oefening"
)
#: A weapon bought for its use ("de kok heeft een nieuw koksmes gekocht"), in a message with
#: no threat, approach or attack in it.
_BOUGHT_TOOL = re.compile(
    expand_macros(
        r"\b(?:nieuw|nieuwe|new) (?:[\w']+ )?<WEAPON>\w* (?:gekocht|besteld|bought|ordered)\b"
        r"|\b(?:gekocht|besteld|bought|ordered) (?:a |an |een )?(?:new |nieuw |nieuwe )"
        r"(?:[\w']+ )?<WEAPON>"
        r"|\b(?:heeft|hebben|has|have) (?:een |a |an )?(?:nieuw|nieuwe|new) (?:[\w']+ )?<WEAPON>"
        r"\w* (?:gekocht|besteld|bought|ordered)\b"
    )
)
_THREATISH = re.compile(
    expand_macros(
        r"\b(?:<DANGER>|dreig\w*|bedreig\w*|zwaai\w*|richt\w*|threat\w*|wav\w*|point\w*"
        r"|swing\w*|stab\w*|steek\w*|kill|vermoord\w*|aanval\w*|attack\w*|op (?:me|ons) af"
        r"|at (?:me|us)|coming|komt|outside|voor de deur)\b"
    )
)
_NOW_ONLY = re.compile(expand_macros(r"\b(?:<NOW>|net|zojuist)\b"))
# For the hypothetical only: "just" there is rarely "just now" ("am I allowed to just run").
_NOW_STRICT = re.compile(expand_macros(r"\b(?:<NOW>|net|zojuist|nog steeds|still)\b"))


# A memory: "I still shake when I think of him choking me", "als ik eraan terugdenk".
_REMEMBERED = re.compile(
    r"\b(?:when|whenever|if|every time|als|wanneer|elke keer (?:als|dat)|iedere keer (?:als"
    r"|dat)) (?:i|ik) (?:think|dream|denk|droom|terugdenk)\b(?: \w+){0,2}? (?:of|about|back"
    r"|aan|over|terug|eraan|daaraan)\b"
    # (the Dutch word order too: "als ik eraan denk dat ik daar weer heen moet")
    r"|\b(?:als|wanneer) ik (?:er|daar)(?:aan)? (?:terug)?denk\b"
    r"|\b(?:i )?keep (?:thinking|dreaming) (?:of|about)\b|\b(?:i )?keep (?:hearing|seeing) (?:him"
    r"|her|them|his|her)\b|\bhoor (?:hem|haar) (?:steeds|nog steeds|telkens|de hele tijd)\b"
    r"|\bmoet (?:steeds|telkens|nog vaak)"
    r" (?:denken )?aan\b"
    # flashbacks, nightmares: "i keep getting flashbacks of the dog biting my arm"
    r"|\b(?:get|getting|have|having|krijg|heb|hou|houd) (?:[\w']+ ){0,2}?(?:flashbacks|nightmares"
    r"|panic attacks|nachtmerries|paniekaanvallen|herbelevingen)\b"
)


def hypothetical(folded: str) -> bool:
    """True when the text imagines, remembers or asks about a case and says nothing happens
    now."""
    if asked.said_to_be_real(folded):
        return False
    folded = asked.without_frames(folded)
    if _REMEMBERED.search(folded) is not None and _NOW_ONLY.search(folded) is None:
        return True
    if _NOW_STRICT.search(folded) is not None:
        return False
    return (
        _HYPOTHETICAL.search(folded) is not None
        or asked.asks_about_a_case(folded)
        or (_BOUGHT_TOOL.search(folded) is not None and _THREATISH.search(folded) is None)
    )


# Anything that makes a message more than a place or a thing: a verb (present or past), "now",
# a danger or injury word, a weapon, a cry for help, an English verb in -ing.
_EVENT = re.compile(
    expand_macros(
        r"\b(?:<PRESENT>|<NOW>|<DANGER>|<INJURY>|<WEAPON>|<PAST_FINITE>|<PARTICIPLE>"
        r"|help|hulp|hlp|112|sos|brand|fire|rook|smoke|bom|bomb|gas|[a-z]{3,}ing|[a-z]{3,}ed)\b"
        # a Dutch verb after its subject: "hij scheldt", "die man spuugt"
        r"|\b(?:hij|zij|ze|ie|iemand|er|man|vrouw|patient|client|vader|zoon)\s+[a-z]{2,}t\b"
    )
)


def names_event(folded: str) -> bool:
    """Whether the text tells of something happening, not only of a place or a thing."""
    return _EVENT.search(folded) is not None


def _last_match(regex: re.Pattern[str], text: str) -> re.Match[str] | None:
    last = None
    for last in regex.finditer(text):  # noqa: B007 - only the last one matters
        pass
    return last


_PAST_ANYWHERE = re.compile(expand_macros(r"\b(?:<PAST_TIME>|<PAST_FINITE>|<PARTICIPLE>)\b"))
# The melder away from it at the end of a story told in the past: "I'm home now", "ik zit
# nu in mijn auto een paar straten verder". Not "ik zit nog in de auto om de hoek".
_GOT_AWAY = re.compile(
    r"\b(?:(?:i'm|i am|im|we're|we are) (?:now |back |safely |safe )*(?:at )?home(?: now)?"
    r"(?: and safe)?"
    r"|(?:i'm|i am|im|we're|we are) (?:now |safely )*(?:[\w']+ ){0,4}?(?:a few|some|two|three)"
    r" (?:streets|blocks|miles) away"
    r"|(?:ik ben|ik zit|we zijn|wij zijn) (?:nu |inmiddels |weer |veilig )*thuis(?: en veilig)?"
    # back at the office, a colleague home: "i'm back at the office now", "zitten nu allebei
    # weer op kantoor", "collega zit nu thuis" (not "i'm in the office": a place to hide)
    r"|(?:i'm|i am|im|we're|we are|ik ben|ik zit|ben|zit|we zijn|we zitten|zitten)"
    r" (?:now |safely |nu |inmiddels |allebei |both )*(?:back|weer|terug) (?:now |nu )?(?:at|in|op)"
    r" (?:the |het )?(?:office|kantoor|base)(?: now)?"
    r"|(?:mn |mijn |m'n |my )?(?:collega|colleague) (?:is|zit|ben) (?:nu |now |weer |back )*"
    r"(?:at )?(?:thuis|home)"
    r"|(?:ik ben|ik zit|we zijn|wij zijn) (?:nu |inmiddels |weer |veilig )*(?:[\w']+ ){0,4}?"
    r"(?:een paar|twee|drie|enkele) (?:straten|straatjes|kilometer|km) (?:verder|verderop"
    r"|verwijderd|weg)"
    # left, in the closing sentence: "hij schold me uit en ik ben weggegaan."
    r"|(?:ik ben|we zijn|wij zijn) (?:toen |gewoon |snel |meteen )?(?:weggegaan|vertrokken"
    r"|weggelopen|weggereden)|(?:i|we) (?:then |just )?(?:left|got out of there|drove off))\b"
)
# What may follow the story's close: the melder telling why they report it only now ("I'm
# only reporting it now because my new manager asked", "en wil het melden"); nobody else in
# it ("because he's back" is news, not a reason to report).
_REPORTING_TAIL = re.compile(
    r"^(?:[,.!?;:]\s*)*(?:but |and |so |maar |en |dus )?(?:i'm |i am |im |i |we |ik |wij )?"
    r"(?:[\w']+ ){0,6}?(?:reporting|report|melden|melding|meld|wil (?:het|dit) (?:[\w']+ )?melden"
    r"|written up|write (?:it|this) up|log (?:it|this)|on record|vastleggen|registreren"
    r"|noteren|opschrijven|let (?:[\w']+ ){0,3}?know|laten weten|informed|notified|ingelicht"
    r"|op de hoogte(?: gebracht| gesteld)?)"
    r"\b[^.!?]*[.!?]*$"
)
_SOMEONE_ELSE = re.compile(r"\b(?:he|she|they|he's|she's|they're|him|them|hij|zij|ze|ie|hem|hun)\b")


# ... or how shaken the melder is ("..., wij waren flink geschrokken", "we're all shaken").
_FEELING_TAIL = re.compile(
    r"^(?:[,.!?;:]\s*)*(?:but |and |maar |en )?(?:i|we|wij|ik|iedereen|everyone|we're|i'm)"
    r"(?: (?:was|were|waren|ben|is|am|zijn|all|allemaal|nog|still|wel|flink|erg|very|really"
    r"|pretty|quite|a bit|een beetje|behoorlijk))* (?:geschrokken|shaken|scared|bang|van slag"
    r"|upset|shocked|in shock|trillend|shaking|overstuur)\b[^.!?]*[.!?]*$"
    # "..., i'm safe but i dont know what happens next", "maar weet niet hoe nu verder"
    r"|^(?:[,;:]\s*)?(?:but |maar )?(?:i |ik )?(?:don't|do not|weet) (?:know |niet )?"
    r"(?:what|wat|hoe|how)\b[^.!?]*$"
)


def nothing_after(rest: str) -> bool:
    """Whether what follows a story's close adds no news: a few words, why the melder
    reports it only now, or how shaken they are."""
    rest = rest.strip(" .!?")
    if len(rest) <= 20:
        return True
    if _SOMEONE_ELSE.search(rest) is not None:
        return False
    return _REPORTING_TAIL.match(rest) is not None or _FEELING_TAIL.match(rest) is not None


def _got_away_at_end(folded: str) -> re.Match[str] | None:
    """The melder's "I'm home now" closing a story told in the past, or None."""
    found = _last_match(_GOT_AWAY, folded)
    if found is None or not nothing_after(folded[found.end() :]):
        return None
    if _PAST.search(folded, 0, found.start()) is None:
        return None
    return found


def closed_at_end(folded: str) -> bool:
    """True when the text ends with a sentence that closes its story in the past ("...
    gebeurde zaterdagnacht", "that was on Monday", "... he let me go. I'm home now") and
    says nothing new after it."""
    closer = _last_match(_STORY_CLOSER, folded)
    if closer is not None and nothing_after(folded[closer.end() :]):
        return True
    return _got_away_at_end(folded) is not None


def story_closed_at(folded: str, all_clear: Iterator[re.Match[str]]) -> int:
    """Where a story ends that the text closes as over: after its last closing sentence
    ("dat was donderdag") or, in a text with a past marker before it or as its last words,
    after its last all-clear about the danger itself ("maar nu is het goed", "he's been
    moved"); 0 if none.
    Danger named before that point belongs to the story."""
    end = 0
    closer = _last_match(_STORY_CLOSER, folded)
    if closer is not None:
        end = closer.end()
    away = None if asked.relayed_now(folded) else _got_away_at_end(folded)
    if away is not None:
        end = max(end, away.end())
    phrases = list(all_clear)
    for index, found in enumerate(phrases):
        told_past = _PAST_ANYWHERE.search(folded, 0, found.start()) is not None
        # other all-clears after it are no news: "amok over, everyone evacuated and safe"
        later = phrases[index + 1 :]
        gaps = zip([found, *later], [*(p.start() for p in later), len(folded)], strict=True)
        last_words = nothing_after("".join(folded[m.end() : stop] for m, stop in gaps))
        if _MELDER_SAFE.match(found.group(0)):
            # "ik ben ok" says how the melder is, not that the danger is over; only as the
            # last words of a story told in the past ("... opened it at 4 am. Everyone is fine")
            closes = told_past and last_words
        else:
            # ... the danger's own all-clear as the last words needs no past: "the man with
            # the crowbar. Police have him now"; a ban does ("staring at me right now, he has
            # a restraining order" is what he breaks)
            closes = told_past or (last_words and _BAN.search(found.group(0)) is None)
        if closes and found.end() > end:
            end = found.end()
    return end


_BAN = re.compile(r"verbod|restraining order|banning order|banned")
#: All-clears about how people are, not about the danger: they do not close a story.
_MELDER_SAFE = re.compile(
    r"(?:ik |we |wij |i'm|i am|we're|we are|i feel|iedereen|everyone|everybody)"
)

"""A case asked about before it happens, beside `nlu.tense.hypothetical`: a question on the
rules or the protocol for when it would happen ("wat is de bedoeling als een clt weer met een
mes gaat zwaaien?", "if a bew barricades the door with me in it, what's the protocol?"), a
question for a course, "wil het gewoon weten", an exercise being prepared ("lockdown practice
tomorrow, we'll be simulating an intruder"). Found by a twenty-ninth blind round. And the other
way round (thirty-sixth round): a drill said not to be this one, or one that only frames what
happens now. Reads text folded by `nlu.rule_text.normalise_for_rules`."""

from __future__ import annotations

import re

__all__ = [
    "asks_about_a_case",
    "relayed_now",
    "said_to_be_real",
    "without_asked_next",
    "without_frames",
]

_ASKED = re.compile(
    # the rules or the protocol for a case: "wat is de bedoeling als", "als ..., wat is dan het
    # protocol?", "what are the rules about restraint if"
    r"\b(?:wat is|wat zijn|what is|what's|whats|what are) (?:dan )?(?:de |het |the |our |onze )?"
    r"(?:bedoeling|protocol|procedure|regels?|rules?|beleid|policy|afspraak|afspraken"
    r"|richtlijn|guidelines?)\b[^.!?]{0,60}?\b(?:als|wanneer|if|when|in case)\b"
    r"|(?:^|[.!?]\s*)(?:als|if|wanneer|when) [^.!?]{3,80}?,? (?:wat is|wat zijn|what is|what's"
    r"|whats|what are) (?:dan |then )?(?:de |het |the |our |onze )?(?:bedoeling|protocol"
    r"|procedure|regels?|rules?|beleid|policy|afspraak|afspraken|richtlijn|guidelines?)\b"
    # asked for a course or out of interest: "asking for the training module", "wil t gwn
    # weten voor de zekerheid"
    r"|\b(?:asking|vraag (?:het|dit|t) ?) ?(?:for|voor) (?:the|a|de|een|onze|our) (?:training"
    r"|course|module|cursus|scholing|opleiding|workshop)"
    r"|\b(?:wil|wilde) (?:het|t|dit|dat) (?:gewoon|gwn|even|ff|alleen) weten\b"
    r"|\b(?:just|only) (?:want|wanted|wanting) to know\b|\bjust curious\b"
    r"|\buit nieuwsgierigheid\b"
    # an exercise being prepared: "lockdown practice tomorrow", "we'll be simulating"
    r"|\b(?<!not a )(?<!no )(?<!geen )(?:lockdown|evacuation|ontruimings|ontruiming)"
    r" ?(?:practice|drill|oefening)\b"
    r"|\b(?:simulating|simuleren|simuleert|will simulate|gaan simuleren)\b"
    # (thirtieth round) what to do asked after "question:", a debrief of an incident: "question:
    # when a client absconds do we chase or call police?", "wanneer is de nabespreking van de
    # gijzeling?"
    r"|(?:^|[.!?:]\s*)(?:when|if|als|wanneer) (?:a|an|een|someone|somebody|iemand) [^.!?]{0,60}?"
    r"\b(?:do|should|must|can|moeten|mogen|kunnen) (?:we|i|wij|ik)\b"
    r"|\b(?:nabespreking|debriefing|debrief|evaluatie|intervisie|nazorggesprek|terugkoppeling)"
    r"(?: with [\w ]{1,25}?| met [\w ]{1,25}?)? (?:van|of|for|over|about|na|after)\b"
    # (thirty-first round) a training video or scenario, a flashback, years since, the number
    # asked for to save it, security asked for a while: "scenario voor de training", "it's 2
    # years since the man with the hammer", "kunnen we zolang beveiliging krijgen?"
    r"|\b(?:training|trainings|instructie|instruction|e-?learning|cursus|course)\s*(?:video"
    r"|film|filmpje|module|scenario|day|dag)\b"
    r"|\b(?:voor|for) (?:de|het|een|the|a|our|onze) (?:training|cursus|scholing|oefening"
    r"|workshop|opleiding)\b"
    r"|^\W*(?:another |had a |had another |weer een |had weer een )?(?:flashback|nachtmerrie"
    r"|nightmare)s?\b"
    r"|\b(?:it's|its|it is|het is|is het) (?:al |now |nu )?(?:\d+|twee|drie|two|three|a few"
    r"|een paar) (?:years|jaar|months|maanden|weeks|weken) (?:since|sinds|geleden)\b"
    r"|\b(?:what's|whats|what is|wat is) (?:the|het) (?:phone |telefoon)?(?:number|nummer)\b"
    r"[^.!?]{0,40}?\?[^.!?]{0,30}?\b(?:save|saved|opslaan|bewaren|before|voordat|voor)\b"
    # (thirty-third round) "what I must do if ...", "it not happen yet", "question about
    # procedure", "if ..., are we supposed to", preparing an exercise, a course scenario,
    # the slides of a training
    r"|\bwhat (?:i|we) (?:must|should|can|have to|need to) do (?:if|when)\b"
    r"|\b(?:it |this )?(?:not|didn't|did not|has not|hasn't) (?:happen|happened) yet\b"
    r"|\bnog (?:niet|nie) gebeurd\b"
    r"|^\W*(?:question|vraag)(?: about| over)? (?:the |het |de )?(?:procedure|protocol|policy"
    r"|beleid)"
    r"|(?:^|[.!?]\s*)if [^.!?]{3,100}?,? (?:are|am|should|must|do|can) (?:we|i) (?:supposed"
    r"|allowed|meant|expected|required)\b"
    r"|\b(?:preparation for|ter voorbereiding (?:op|van)|voorbereiding op)\b"
    r"|\b(?:next \w+'s|month's|week's|the|an|our) exercise\b"
    r"|\b(?:write|schrijven|maken|uitwerken) (?:a |een )?scenario\b|\bon a (?:course|training)\b"
    r"|\bop (?:een )?(?:cursus|training)\b"
    r"|\b(?:slides|sheets|presentatie|hand-?outs?|materiaal|materials|notes) (?:van|of|from)"
    r" (?:de|het|the) (?:training|cursus|course|workshop|scholing)\b"
    # (thirty-fourth round) a de-escalation scenario, a worry about the next visit, what the
    # protocol calls an emergency
    r"|\b(?:de-?escalation|deescalatie|de-escalatie) scenario\b"
    # (thirty-fifth round) a form asked about, a fear of some day, a condition for next time:
    # "what should I put under 'severity'", "might turn violent at some point", "als hij
    # volgende dienst weer door het lint gaat"
    r"|\b(?:what should i put|what do i put|wat moet ik invullen|wat vul ik in) (?:under|for|in"
    r"|bij|onder)\b"
    r"|\b(?:might|could|may) (?:turn|get|become) (?:violent|aggressive|nasty)\b"
    r"|\bat some point\b|\bop (?:een )?gegeven moment\b"
    r"|(?:^|[.!?]\s*)(?:als|if|wanneer) (?:hij|ze|zij|he|she) (?:[\w']+ ){0,3}?(?:volgende|next"
    r"|morgen|tomorrow)\b"
    r"|\b(?:worried|nervous|scared|anxious|bang|zenuwachtig) (?:about|for|voor|over) (?:my|mijn|mn"
    r"|the|het|de) (?:home )?(?:visit|huisbezoek|bezoek)\b"
    r"|\b(?:volgens (?:het|t) protocol|according to (?:the |our )?protocol)\b"
    r"|\b(?:kunnen|mogen|can|could|may) (?:we|wij|i|ik) (?:[\w']+ ){0,3}?(?:beveiliging|security"
    r"|een beveiliger|a guard|camera'?s?|cameras) (?:krijgen|get|have|hebben|regelen|arrange)\b"
    # (thirty-sixth round) asked for later, the number asked, when something counts as an
    # emergency, a drill ahead or a scenario, support asked for a colleague: "should i call 112
    # if ...? asking for future reference", "wanneer is iets een noodgeval", "the drill is
    # next week: a fake armed intruder", "het oefenscenario was: ...", "hoe steunen we haar?"
    r"|\b(?:for future reference|for later reference|voor de toekomst|voor later)\b"
    r"|\b(?:should|do|must|can) (?:i|we) (?:call|ring|dial) (?:\d{3}|the police|security)"
    r"(?: [\w']+){0,4}? (?:if|when)\b"
    r"|\b(?:what's|whats|what is|wat is) (?:the|het|de) (?:emergency |alarm|nood)?(?:number|nummer)"
    r" (?:in|for|of|van|voor)\b"
    r"|\b(?:when|wanneer) (?:is|counts?|telt) (?:something|iets|it|het|dat|this) (?:as )?(?:an? "
    r"|een |als )?(?:emergency|noodgeval|noodsituatie|spoed)\b"
    r"|\b(?:drill|exercise|oefening) is (?:next|tomorrow|on|volgende|morgen|op)\b"
    r"|\b(?:fake|pretend|nep|nep-) ?(?:armed |gewapende )?(?:intruder|attacker|gunman|overvaller"
    r"|indringer|dader|aanvaller)\b|\boefenscenario\b|\bscenario (?:was|is)\b"
    r"|\bhoe hadden (?:we|wij|ik) (?:dat|dit|het) (?:moeten|kunnen)\b"
    r"|\bhoe (?:steunen|ondersteunen|begeleiden) (?:we|wij)\b|\bhow (?:do|can|should) we support\b"
    # (thirty-seventh round) "what would happen if ..., do i call 112 or you?", news of another
    # place (a news site's address is read as "het nieuws" first: `without_frames`)
    r"|\b(?:what would happen if|wat gebeurt er als|wat zou er gebeuren als)\b"
    r"|\b(?:what's|whats|what is|wat is) (?:the|our|het|ons) (?:evacuation |emergency |fire "
    r"|ontruimings)?(?:plan|procedure|protocol) (?:if|when|for|als|bij)\b"
    r"|\b(?:do i|should i|moet ik) (?:call|ring|bellen) (?:112|911|999|the police|de politie)"
    r" or (?:you|this bot|the bot|jou|jullie)\b|\bbel ik (?:112|de politie) of (?:jou|jullie)\b"
    r"|\b(?:rtlnieuws|rtl nieuws|telegraaf|bbc news|sky news)\b"
)


def asks_about_a_case(folded: str) -> bool:
    """True when the text asks about a case before it happens (see the module)."""
    return _ASKED.search(folded) is not None


# (thirty-sixth round) Said to be real, not the drill: "this is NOT a drill", "drill was
# cancelled but this is real", "de 'oefening' waar de manager het over had is dit niet".
_REAL = re.compile(
    r"\b(?:this is|it's|its|it is|dit is|het is) (?:real|echt|for real|not a drill|not an exercise"
    r"|no drill|geen oefening|geen test|not a test)\b|\bnot (?:a|an) (?:drill|exercise)\b"
    r"|\b(?:drill|exercise|\w*oefening)'? (?:was |is |got |werd |wordt )?(?:cancelled|canceled"
    r"|called off|afgelast|geannuleerd)\b|\boefening'? [^.!?]{0,50}?\bis dit niet\b"
)
# (thirty-sixth round) A time or occasion that only frames what happens now: "in preparation
# for next week's inspection we were tidying and a resident just grabbed jenny", "tijdens de
# ontruimingsoefening heeft een bezoeker een verpleegkundige vastgepakt", "we practised this
# last month but nobody's coming".
_ONLY_A_FRAME = re.compile(
    r"\b(?:in preparation for|ter voorbereiding (?:op|van)) (?:[\w']+ ){0,3}?(?:inspection"
    r"|inspectie|visit|bezoek|audit|meeting|overleg|dienst|shift)\b"
    r"|\b(?:during|tijdens) (?:the|de|het|our|onze|a|een) (?:[\w-]+ )?(?:\w*oefening|drill"
    r"|exercise)\b(?! (?:will|we|zullen|gaan|wordt|is|plays|speelt|iemand|someone|a man|een man))"
    r"|\b(?:we )?(?:have )?practi[cs]ed (?:this|that|it)(?: [\w']+){0,3}? but\b"
    r"|\bwe hebben (?:dit|dat|het)(?: [\w']+){0,3}? geoefend,? maar\b"
)


def said_to_be_real(folded: str) -> bool:
    """Whether the text says it is real, not the drill it names."""
    return _REAL.search(folded) is not None


def without_frames(folded: str) -> str:
    """The text without a drill or occasion that only frames what happens now (and a news
    site named, read as the news: "op nu.nl staat dat ...")."""
    return _NEWS_SITE.sub("het nieuws", _ONLY_A_FRAME.sub(" ", folded))


_NEWS_SITE = re.compile(r"\b(?:nu|nos|ad)\.nl\b")
# (thirty-seventh round) Danger to someone else, just told to the melder: "the youth worker on
# nights just texted me that a boy is attacking her ... i'm at home": the melder at home does
# not close that story.
_RELAYED = re.compile(
    r"\b(?:just )?(?:texted|messaged|called|rang|phoned|whatsapped) me (?:to say )?(?:that|saying)"
    r"|\b(?:appte|belde|sms'te|smste) (?:me )?(?:net |zojuist )?(?:dat|om te zeggen dat)\b"
)


def relayed_now(folded: str) -> bool:
    """Whether the text passes on what someone just told the melder."""
    return _RELAYED.search(folded) is not None


# (thirty-seventh round) What to do next, asked of the bot at the end of a story: its "now"
# is not of the story ("... swollen but not broken. what now?", "wat moet ik nu doen").
_ASKED_NEXT = re.compile(
    r"\b(?:what now|now what|and now what|what do i do now|what should i do now|wat nu"
    r"|wat moet ik nu(?: doen)?|wat kan ik nu(?: doen)?|en nu)\s*\?*\W*$"
)


def without_asked_next(folded: str) -> str:
    """The text without a closing "what now?"."""
    return _ASKED_NEXT.sub(" ", folded)

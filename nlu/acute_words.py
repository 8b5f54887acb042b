"""The word lists (macros) of the acute-danger rules, and the kinds of danger they name.

Macros are regex fragments matched against text folded by `nlu.rule_text.normalise_for_rules`;
`<NAME>` in a pattern or macro expands to the macro NAME (`expand_macros`). The patterns
built from them are in `nlu.acute_patterns`.
"""

from __future__ import annotations

import re
from enum import StrEnum

__all__ = ["CATEGORY_WORDS", "MACROS", "Category", "expand_macros"]


class Category(StrEnum):
    """The kind of danger an alert names, most specific first (the order is the priority)."""

    WEAPON = "weapon"
    BOMB = "bomb"
    FIRE = "fire"
    ATTACK = "physical_attack"
    TRAPPED = "locked_in"
    FOLLOWED = "followed"
    THREAT = "threat"
    #: Danger of no named kind: a cry for help, an emergency word, the classifier alone.
    DANGER = "acute_danger"


# --------------------------------------------------------------------------- word lists
# Macros are regex fragments without capturing groups; they are matched against folded text
# (lowercase, no accents, single spaces, typographic apostrophes made straight).

MACROS: dict[str, str] = {
    # The days of the week, in both languages.
    "WEEKDAY": (
        r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday"
        r"|wednesday|thursday|friday|saturday|sunday)"
    ),
    # "Now" markers: the danger is happening at this moment.
    "NOW": (
        # (not "vanaf nu", "from now on": a decision, not this moment)
        r"(?<!vanaf )(?<!from )(?:nu|nou|nu meteen|nu direct|op dit moment|op het moment"
        r"|op dit ogenblik|momenteel|right now|now|rn|at the moment|at this moment|currently"
        r"|as we speak)"
    ),
    # Words that bring a sentence back to the present after a past marker ("he was here
    # last week and is still here"): they reset the tense guard, they do not signal danger.
    "RESET": r"(?:<NOW>|nog|nog steeds|weer|alweer|net|zojuist|still|again|just)",
    # Danger words that, next to a "now" marker, signal acute danger.
    "DANGER": (
        # Dutch weapons
        r"(?:mes|messen|wapen|wapens|pistool|vuurwapen|geweer|revolver|bijl|knuppel"
        # Dutch violence, threat, pursuit (present tense and passive participles)
        r"|slaat|slaan|schopt|stompt|wurgt|steekt|duwt|bijt|aanvallen|aanvalt|aangevallen"
        r"|valt (?:me|mij|ons|haar|hem|iemand|mensen|(?:een|mijn) collega) aan"
        r"|dreigt|dreigen|bedreigt|bedreigd|achtervolgt|achtervolgd|gevolgd|volgt (?:me|mij|ons)"
        r"|agressief|gewelddadig|gevaarlijk|gevaarlijke|door het lint|gijzelt|gegijzeld"
        # Dutch presence at the door or inside, in main and subordinate word order
        r"|(?:staat|staan|wacht|wachten) (?:[\w']+ ){0,3}?(?:voor|bij|buiten bij) "
        r"(?:de|mijn|m'n|onze|het) (?:deur|voordeur|huis|woning|auto|kamer)"
        r"|(?:voor|bij) (?:de|mijn|m'n|onze|het) (?:deur|voordeur|huis|woning|auto) "
        r"(?:staat|staan|is|zijn|wacht|wachten)"
        r"|(?:hij|zij|ze|ie|de dader|die man|die vrouw|de man|de vrouw)"
        r" (?:is |komt |staat |loopt )?(?:nu |weer |gewoon )*binnen"
        r"|binnengedrongen|breekt in|(?<!niet )(?<!nie )(?<!meer )in gevaar|niet veilig|onveilig"
        # English weapons, violence, pursuit, presence
        r"|knife|knives|gun|guns|weapon|pistol|firearm|blade|axe|dangerous"
        r"|attacking|attacks|attack me|hitting|beating|punching|kicking|choking|strangling"
        r"|stabbing|threatening|threatens|following me|following us|chasing|aggressive|violent"
        r"|being threatened"
        r"|at (?:my|the|our) (?:door|front door|house|home|car)"
        r"|outside (?:my|the|our) (?:door|house|home|room|office)|breaking in|broke in"
        r"|(?:he|she|they|someone|somebody|the man)(?: is| are|'s|'re)? (?:now )?inside"
        r"|(?<!not )(?<!n't )(?<!no longer )(?<!never )in danger|not safe|unsafe)"
    ),
    # Injuries in the present: "ik bloed", "I'm bleeding".
    "INJURY": (
        r"(?:ik bloed|ik ben gewond|bloedt|gewond|i'm bleeding|i am bleeding|im bleeding"
        r"|bleeding|injured|wounded|hurting me|doet me pijn)"
    ),
    # A time a habit runs from: "sinds weken", "since last year", "sinds maart".
    "SINCE": (
        r"(?:weken|maanden|jaren|dagen|een (?:tijd|tijdje|jaar|maand|week)|lang|vorige|vorig"
        r"|afgelopen|toen|het incident|\d+(?! ?(?:min|mins|minuten|minutes|minuut|minute|uur"
        r"|hour|hours|kwartier|seconden|seconds))|januari|februari|maart|april|mei|juni|juli"
        r"|augustus|september|oktober|november|december|weeks|months|years|days|a while"
        r"|last|the incident|january|february|march|april|may|june|july|august|september"
        r"|october|november|december)"
    ),
    # Time markers of a past event: the story is over.
    "PAST_TIME": (
        r"(?:gisteren|gister|eergisteren|gisteravond|gistermiddag|gisterochtend|gisternacht"
        r"|(?:in|afgelopen|vorige|last|back in) (?:januari|februari|maart|april|juni|juli"
        r"|augustus|september|oktober|november|january|february|march|june|july|august"
        r"|september|october|november)"
        r"|vorige (?:week|maand|keer|dienst|nacht|dag)|vorig jaar|laatst|destijds|toen"
        r"|afgelopen (?:week|maand|nacht|weekend|jaar|dienst|dagen|weken|maanden)"
        # ("2 min geleden", "5 minutes ago": minutes ago is now)
        r"|vanochtend|vanmorgen|eerder vandaag|(?<!min )(?<!minuten )(?<!minuut )geleden"
        r"|een tijdje terug|overnight|(?:back )?in (?:19|20)\d\d"
        r"|eerder|vroeger"
        r"|(?:een )?(?:paar|aantal|enkele|twee|drie|vier) (?:dagen|weken|maanden|jaar|jaren)"
        r" (?:terug|geleden)|jaren terug|jaar terug"
        r"|<WEEKDAY>(?:avond|nacht|ochtend|middag|morgen| night| evening| morning| afternoon)"
        r"|(?:a few|a couple of|two|three|several) (?:days|weeks|months|years) back|years back"
        r"|yesterday|last (?:week|month|night|year|time|shift|weekend)"
        r"|(?<!min )(?<!mins )(?<!minute )(?<!minutes )(?<!seconds )ago|earlier today"
        r"|the other day"
        r"|this morning|back then|in the past|in het verleden|at the weekend|ooit"
        r"|once(?! (?:again|more|he|she|they|i|we|you))"
        r"|over the weekend"
        # an earlier job, a time named as of an event: "in my old job", "bij mijn vorige
        # werkgever", "de brand van vannacht" (not "die man van vanmiddag", who may be back)
        r"|in (?:my|mijn|mn) (?:old|previous|last|vorige|oude) (?:job|work|baan|werk)"
        r"|(?:at|bij) (?:my|mijn|mn) (?:old|previous|last|vorige|oude) (?:job|work|employer|baan"
        r"|werk|werkgever)|(?:van|from) (?:vannacht|last night)"
        # a day said with it: "hands around my neck on friday", "op zaterdag"
        r"|(?:on|last|op|afgelopen) <WEEKDAY>)"
    ),
    # Habitual or long-running markers: a pattern, not an emergency at this moment.
    "HABIT": (
        r"(?:al (?:dagen|weken|maanden|jaren|een tijd|tijden|een hele tijd)"
        r"|(?:elke|iedere) (?:dag|week|dienst|keer|nacht|ochtend|morgen|middag|avond)"
        # "sinds"/"since" before a time ("since weeks", "since May") is a habit; before an
        # event or a place ("since I left", "since the station") it may be minutes ago.
        r"|vaak|regelmatig|steeds weer|soms|altijd|sinds <SINCE>|since <SINCE>"
        r"|for (?:days|weeks|months|years|a while|a (?:week|month|year)|over a (?:week|month"
        r"|year)|the (?:past|last) (?:week|month|year)|(?:two|three|several|a few) (?:weeks"
        r"|months))|al (?:een|ruim een|bijna een) (?:week|maand|jaar)"
        # since the incident: "slaap slecht sinds dat met het mes", "since that day"
        r"|sinds (?:dat|die)(?! (?:hij|zij|ze|ik|we|wij|het|er|jij|je)\b)"
        r"|since (?:that|the) (?:thing|incident|day|night|time)"
        r"|every (?:day|week|shift|time|night|morning|afternoon|evening)"
        r"|often|regularly|sometimes|always|used to|keeps? coming (?:over|round|around|by)"
        r"|after (?:every |each |my |our |the )?(?:shifts|work|late shifts|night shifts)"
        r"|na (?:elke|iedere) dienst|na (?:mijn|het) werk|na (?:mijn|mn|m'n) dienst(?:en)?"
        r"|after my shifts?|(?:steeds|telkens|vaak|always) (?:naar huis|home|to my (?:house|door)"
        r"|tot (?:aan )?(?:mijn|m'n|mn) (?:huis|deur))"
        r"|blijven (?:hier )?(?:langskomen|over de vloer komen)"
        # turning up again and again: "he keeps showing up at my house", "staat steeds bij
        # mijn huis"
        r"|keeps? (?:showing|turning) up|(?:staat|komt) steeds (?:weer )?(?:bij|langs)"
        # saying it over and over, or for when he is out: "he keeps saying he'll kill me when
        # he gets out of prison", "hij blijft dreigen"
        r"|keeps? (?:saying|telling|threatening|texting|messaging|writing)"
        r"|blijft (?:zeggen|dreigen|appen|sturen|schrijven)"
        r"|when (?:he|she|they) (?:gets?|get) out|when (?:he's|she's|he is|she is) released"
        r"|als (?:hij|zij|ze) (?:vrijkomt|vrij komt|eruit komt)|zodra (?:hij|zij|ze) vrij"
        # a vague future is no danger now: "he'll get me someday", "ooit pak ik je"
        r"|some ?day|one day|one of these days|eventually|op een dag|ooit"
        # whenever the melder comes: "komen op me af rennen als ik binnenkom"
        r"|telkens|whenever|(?:als|wanneer|zodra|steeds als) ik (?:[\w']+ ){0,3}?(?:binnenkom"
        r"|binnen kom|aankom|langskom|op (?:mijn |m'n |mn )?werk kom)"
        r"|when i (?:come|arrive|walk|get) (?:in|there|to work|at work))"
    ),
    # Finite past-tense verbs: the danger word belongs to a finished event.
    "PAST_FINITE": (
        r"(?:had|hadden|was|waren|werd|werden|zei|zeiden|riep|riepen|dreigde|dreigden"
        r"|bedreigde|bedreigden|sloeg|sloegen|schopte|achtervolgde|volgde|stond|stonden|kwam"
        r"|kwamen|viel|vielen|trok|trokken|gooide|probeerde|liet|hield|zwaaide|zwaaiden|pakte"
        r"|legde|legden"
        r"|stak|duwde|beet|schreeuwde|belde|stuurde|appte|ging|liep|zat|rende|greep"
        r"|schold|scholden|kneep|wurgde|wachtte|wachtten|sloot|verstopte|smeet|trapte|spuugde"
        r"|krabde|brak|sloopte|vernielde|blokkeerde|drukte|stichtte|wist|kreeg|raakte|deed"
        r"|bleef|lag|kon|wilde|wou|moest|zag|hoorde|dacht|begon|sleurde|tierde|scheldde|schreef"
        r"|maakte|maakten|keek|keken|noemde|noemden|uitmaakte"
        r"|took|panicked|happened"
        r"|schreven|postte|plaatste|zette|wrote|posted"
        r"|threatened|attacked|followed|chased|stabbed|pulled|waved|grabbed|said|told|were"
        r"|came|stood|tried|showed|used|punched|kicked|pushed|shouted|yelled|called|sent|went"
        r"|ran|sat|held|did|swore|threw|choked|strangled|squeezed|locked|hid|waited|blocked"
        r"|smashed|broke|burned|poured|insulted|became|screamed|dragged|assaulted|knew|bit"
        r"|opened|barricaded"
        r"|spat|drew|kept|struck|shook|swung|fought|caught|tore|made|gave|brought|stole|saw"
        r"|heard|thought|began|flung|rang|found|lost|drove|fled|fell|stuck"
        # "hit", "beat": past after he or she (the present would be "hits", "beats")
        r"|(?<=he )hit|(?<=she )hit|(?<=he )beat|(?<=she )beat)"
    ),
    # Finite verbs in the present tense (and imperatives): a message with one of them is not
    # told wholly in the past (`nlu.tense`).
    "PRESENT": (
        r"(?:is|ben|bent|staat|staan|sta|zit|zitten|komt|komen|kom|gaat|gaan|ga|loopt|lopen"
        r"|heeft|hebben|heb|hebt|wil|wilt|willen|kan|kun|kunt|kunnen|durf|durft|moet|moeten"
        r"|houdt|doet|doen|wacht|wachten|blijft|laat|roept|zegt|zoekt|probeert|word|wordt"
        r"|worden|voel|bloed|bloedt|help|stuur|bel|schreeuwt|slaat|dreigt|bedreigt|pakt|trekt"
        r"|zwaait|volgt|achtervolgt|rent|rijdt|sluit|gooit|ligt|kijkt"
        r"|am|are|has|have|can|can't|cannot|won't|will|don't|doesn't|need|needs|keeps|keep"
        r"|call|send|come|says|wants|want|is|he's|she's|it's|there's|that's|who's|they're"
        r"|we're|you're|i'm|someone's|somebody's|'ll)"
    ),
    # Participles that, after the danger word, close a finished event ("dat hij een mes had
    # getrokken"); ignored in a present passive ("er wordt een mes getrokken").
    "PARTICIPLE": (
        r"(?:gehad|getrokken|getoond|gebruikt|gezien|gestoken|geslagen|geschopt|gedreigd"
        r"|meegenomen|laten zien|bedreigd|aangevallen|gewurgd|gegooid|geduwd|gebeten|gekrabd"
        r"|uitgescholden|opgewacht|gevolgd|achtervolgd|vastgehouden"
        r"|gegaan|geweest|aangekomen|achternagekomen|nagelopen|gestaan|gezeten|gestaard"
        # a weapon given up: "heeft hij het mes ingeleverd"
        r"|ingeleverd|afgegeven|afgepakt|afgenomen|neergelegd|weggelegd)"
    ),
    # Words about reporting or asking: "can I now report a threat with a knife" is not danger.
    "REPORTING": (
        r"(?:melden|melding|meld|aangifte|rapporteren|vertellen|vragen|vraag|doorgeven"
        r"|report|reporting|tell|ask|asking|question"
        # ... and about what to do if it ever happens: "afspraken bij een bommelding".
        r"|in case of|in geval van|wat te doen|what to do|wat we doen|what we do|protocol"
        r"|procedure|oefening|drill|afspraken|agreed"
        # ... or about a game, a film or the news: "een spel waarin je met een pistool schiet".
        r"|<MEDIA>|las|read"
        r"|filmpje|instructiefilm|instructiefilmpje|video|rollenspel|roleplay|role play"
        r"|training|cursus|toneelstuk|speelde|acted|acting"
        # ... or about toys: "playing cops and robbers with water pistols".
        r"|speelgoed\w*|water ?(?:pistool\w*|pistols?|guns?)|toy|toys|nerf"
        # ... or about work done on the building: "the locksmith is fiddling with the lock".
        r"|slotenmaker|locksmith|monteur|klusjesman|handyman|huismeester|caretaker"
        r"|gelezen|artikel|article|training|cursus|course)"
    ),
    # A game, a film, the news: what is told of them happened to no one here.
    "MEDIA": r"(?:spel|game|film|movie|serie|series|krant|newspaper|nieuws|news|boek|book)",
    # Present-tense verbs (and "with") that place a weapon in the room.
    "HOLDS": (
        r"(?:heeft|hebben|houdt|zwaait|zwaaien|trekt|pakt|staat|staan|loopt|zit|is|er is"
        r"|richt|wijst|dreigt|dreigen|bedreigt|met|rent|loopt rond"
        r"|has|have|'s got|has got|is holding|holds|holding|is waving|waving|waves|pulls"
        r"|swinging|swings|brandishing|'s pulling|is pulling out|'s grabbing|is grabbing|grabs"
        r"|is pulling|there's|there is|carries|is carrying|got|pointing|points|aims|aiming"
        r"|threatens|threatening|with)"
    ),
    "WEAPON": (
        r"(?:mes|messen|keukenmes|broodmes|stanleymes|zakmes|wapen|pistool|vuurwapen|geweer"
        r"|revolver|bijl|knuppel|honkbalknuppel|schaar|hamer|koevoet|glasscherf|scherf"
        r"|knife|knives|gun|weapon|pistol|firearm|blade|axe|machete|hammer|crowbar|shard"
        r"|scissors|baseball bat|schroevendraaier|screwdriver|box cutter|stanley knife"
        r"|gebroken fles|kapotte fles|broken bottle|jerrycan|jerry can|scalpel|scheermes"
        r"|injectiespuit|injectienaald|razor|syringe|stoelpoot|chair leg|scherven|shards"
        # knives named by their use, needles and syringes, clubs and bars
        r"|vleesmes|koksmes|slagersmes|jachtmes|vlindermes|schilmes|mesje|scheermesje|hakmes"
        r"|breinaald|knitting needle|golfclub|golf club|ijzeren staaf"
        r"|staaf|iron bar|metal bar|cricket bat|breekijzer|kitchen knife|cleaver"
        # knuckle dusters, tasers, broken bottles, fire bombs (a bow, a pitchfork or a sword
        # may hang on a wall: `nlu.acute_patterns_now` reads them when carried at people)
        r"|boksbeugel|knuckle duster|brass knuckles|taser|stroomstootwapen"
        r"|kapot geslagen fles|kapotgeslagen fles|stukgeslagen fles|afgebroken fles|smashed bottle"
        r"|molotov|molotovcocktail|petrol bomb|razor blade|scheermesje)"
        # (not a picture: "knife emojis", "een mes-emoji")
        r"(?! ?-?emoji)"
    ),
    # Who can be the object of an attack.
    "VICTIM": (
        r"(?:me|mij|ons|haar|hem|iedereen|mensen|het personeel|(?:een|mijn|de|onze)"
        r" (?:collega|verpleegkundige|zuster|arts|dokter|medewerker|client|patient|receptioniste"
        r"|assistente|beveiliger|bewoner|bewoonster|begeleider|kind|baby)"
        r"|(?:zijn|haar|hun) (?:vrouw|man|partner|moeder|vader|kind|kinderen|zoon|dochter)"
        r"|us|her|him|everyone|people|staff|(?:a|my|the|our) (?:colleague|nurse|doctor|coworker"
        r"|co-worker|receptionist|assistant|guard|security guard|resident|client|patient|carer"
        r"|child|kid|baby|partner|crewmate)|another (?:patient|resident|client)"
        r"|(?:mn|m'n|mijn) (?:collega|collegas|collega's|client|patient|begeleider|partner)"
        r"|(?:een|de) andere (?:patient|bewoner|bewoonster|client)"
        r"|(?:een|de) (?:medebewoner|medebewoonster|medepatient)"
        r"|de (?:verpleging|begeleiding|staf|zusters|verpleegkundigen|begeleiders|collega's)"
        r"|the (?:nurses|staff|carers|team)|nurses|staff"
        r"|(?:his|her|their) (?:wife|husband|partner|mother|father|child|kids"
        r"|children|son|daughter))"
    ),
    # Who can be the attacker in "<someone> staat voor de deur" and "<someone> is here".
    "PERSON": (
        r"(?:hij|zij|ze|ie|iemand|die man|die vrouw|de man|de vrouw|een man|een vrouw"
        r"|de dader|de patient|een patient|de client|een client|de vader|de moeder|de zoon"
        r"|de bezoeker|een bezoeker|zijn vader|haar vader|he|she|they|someone|somebody"
        r"|the man|the woman|a man|a woman|the patient|a patient|the visitor|a visitor"
        r"|the guy|a guy|the client|the son|the father|the brother|the husband|the boyfriend"
        r"|her ex|his ex|my ex|the ex|de broer|zijn broer|haar ex|mijn ex|die vent|die gast"
        r"|dezelfde vent|zelfde vent|dezelfde man|the same guy|the same man)"
    ),
    # Locking a door or room: "doet de deur op slot", "sluit de voordeur af".
    "LOCKS": (
        r"(?:doet|heeft|draait|hebben|sluit) (?:de|het|mijn|m'n|onze|zijn|haar|alle)"
        r" (?:[\w']+ ){0,2}?(?:op slot|af)\b"
    ),
    # A home visit: where the alert says the melder is, when their message tells it.
    "HOME_VISIT": (
        r"(?:huisbezoek|bij (?:een |de |mijn )?(?:client|cliente|patient|patiente|bewoner|mevrouw"
        r"|meneer|familie|gezin) thuis|bij iemand thuis|home visit|at (?:a|the|my) (?:client"
        r"|patient)'s(?: home| house| place)?|in (?:the|their|his|her) (?:home|house|flat"
        r"|apartment)|at (?:their|his|her) (?:home|house|place))"
    ),
    # Places where someone can be waiting: at the door, by the car, on the doorstep.
    "PLACE": (
        r"(?:deur|voordeur|huis|woning|auto|kamer|balie|raam|stoep|fietsenstalling|ingang"
        r"|uitgang|praktijk|kantoor|spreekkamer|receptie|parkeerplaats"
        r"|door|front door|house|home|car|car window|room|office|desk|front desk|reception"
        r"|window|doorstep|gate|entrance|exit|bike shed|parking lot|car park|bike|fiets|scooter)"
    ),
    # Platforms: "he is following me on instagram" is not pursuit in the street.
    "ONLINE": (
        r"(?:(?:op|on|via|through|in|per|over|by) (?:de |het |the )?(?:instagram|insta|ig|twitter"
        r"|x|tiktok|facebook|fb|linkedin|youtube|snapchat|whatsapp|social media|sociale media"
        r"|internet|berichten|messages|dm|dms|app|telefoon|phone|mail|e-mail|email|sms|text"
        r"|texts|voicemail)|online|telefonisch|met berichten|with messages)"
    ),
    # Conjunctions that start a new clause.
    "CONJ": r"(?:en|maar|want|omdat|terwijl|and|but|because|while)",
    # A sentence gap of up to 60 characters without past, habitual or reporting words.
    "GAP": (r"(?:(?!\b(?:<PAST_TIME>|<HABIT>|<PAST_FINITE>|<REPORTING>)\b)[^.!?;:\n]){0,60}?"),
}


#: Words that name a kind of danger, for rules that do not say it themselves ("help, he has a
#: knife"): looked for in the sentence the rule matched.
CATEGORY_WORDS: dict[Category, str] = {
    Category.WEAPON: (
        r"<WEAPON>|gewapend|armed|schiet|schieten|geschoten|shoot|shooting|shots|steekt|stab"
        r"|stabbing|gestoken|neergestoken"
    ),
    Category.BOMB: r"bom|bommen|bommelding|explosief|explosieven|bomb|bombs|explosive|explosives",
    Category.FIRE: (
        r"brand|fik|benzine|brandstichting|vlammen|fire|arson|petrol|gasoline|flames|burn|burning"
    ),
    Category.ATTACK: (
        r"slaat|slaan|schopt|stompt|wurgt|gewurgd|aanvallen|aanvalt|aangevallen|vechten"
        r"|gevochten|vechtpartij|door het lint|amok|attack|attacking|attacked|hitting|beating"
        r"|punching|kicking|choking|strangling|fight|rampage|berserk|geslagen|geschopt|geduwd"
        r"|gebeten|aangerand|beaten|punched|kicked|brawl|assault\w*"
    ),
    Category.TRAPPED: (
        r"opgesloten|ingesloten|op slot|verstop|verstopt|locked|hiding|trapped|gijzel\w*"
        r"|gegijzeld|hostage|barricade\w*"
    ),
    Category.FOLLOWED: (
        r"volgt|gevolgd|achtervolgt|achtervolgd|following|followed|chasing|chased|stalking"
        r"|achter me aan"
    ),
    Category.THREAT: r"dreigt|dreigen|bedreigt|bedreigd|threaten\w*|agressief|aggressive",
}


def expand_macros(pattern: str) -> str:
    """The pattern with every `<MACRO>` replaced by its regex fragment."""
    for _ in range(5):  # macros may reference macros
        expanded = re.sub(r"<([A-Z_]+)>", lambda m: MACROS[m.group(1)], pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    return pattern

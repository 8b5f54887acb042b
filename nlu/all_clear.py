"""Recognises a melder saying the danger is over or was a mistake, in Dutch and English.

"Het is voorbij", "ik ben veilig", "sorry, vergissing", "false alarm", "I'm safe now": after
an acute-danger alert the bot then tells security the all-clear. A negation ("ik ben niet
veilig", "it's not over") or a question ("ben ik veilig?") is no all-clear. Reads text with
the rules' fold; only short messages count, an all-clear is a sentence or two.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlu.rule_text import normalise_for_rules

__all__ = ["all_clear_phrases", "says_all_clear"]

#: Longer messages are a story, not an all-clear.
MAX_CHARS = 300

_SAFE = (
    # Dutch
    r"(?:het|t) is (?:nu |weer |gelukkig |inmiddels |al )*(?:voorbij|over|rustig|veilig)"
    r"|is het (?:nu |weer |gelukkig |inmiddels |al )*(?:voorbij|rustig|veilig)"
    # "police are at the house with him", "de politie is nu bij hem"
    r"|(?:police|politie|security|beveiliging|agenten) (?:are|is|zijn|staan|zit) (?:now |nu )?"
    r"(?:[\w']+ ){0,3}?(?:with|bij|met) (?:him|her|them|hem|haar)"
    r"|alles is (?:nu |weer |gelukkig |inmiddels |al )*(?:voorbij|rustig|goed|ok|oke|veilig"
    r"|in orde)"
    r"|(?:ik ben|ik zit|we zijn|wij zijn|ik voel me|^\W*(?:zit|ben))"
    r" (?:nu |weer |gelukkig |inmiddels |al )*"
    r"(?:veilig|in veiligheid|ok|oke)"
    r"|(?:hij|zij|ze|die man|die vrouw) (?:is|zijn) (?:nu |weer |gelukkig |inmiddels |al )*"
    r"(?:weg|vertrokken|opgepakt|meegenomen|gekalmeerd|rustig|weggereden|weggelopen|naar huis)"
    r"|(?:nu |inmiddels |gelukkig )?(?:is|zijn) (?:hij|zij|ze) (?:nu |weer |al )*(?:weg|vertrokken"
    r"|opgepakt|meegenomen)"
    r"|(?:loos|vals) alarm|(?:een |mijn )?vergissing|per ongeluk|verkeerd getypt"
    r"|niks aan de hand|niets aan de hand|de dreiging is (?:voorbij|weg|over)"
    r"|(?:het|dat|t) (?:was|gebeurde|is gebeurd) (?:al )?(?:vanochtend|vanmorgen|vanmiddag"
    r"|gisteren|gisteravond|eergisteren|vannacht|vorige week|vorige maand|eerder|laatst"
    r"|(?:een paar |twee |drie |\d+ )?(?:dagen|weken|uur) geleden|een tijdje geleden)"
    r"|(?:het|dat) is (?:al )?(?:eerder )?(?:gebeurd|geweest)"
    r"|(?:de )?(?:politie|beveiliging) (?:heeft|hebben) (?:hem|haar|ze) (?:[\w']+ ){0,2}?"
    r"(?:meegenomen|afgevoerd|opgepakt|weggehaald|gearresteerd)"
    r"|(?:aan het )?(?:bij te komen|bijkomen)"
    r"|veilig thuis|thuis en veilig|nu is (?:het |alles )?(?:weer )?goed|sorry voor de paniek"
    r"|(?:hij|zij|ze) (?:is|zit|zitten|zijn) (?:nu |inmiddels |gelukkig )?(?:opgesloten|in de cel"
    r"|vastgezet)"
    r"|bleek (?:nep|speelgoed|een grap)"
    # the aggressor removed, moved or locked up; everyone fine
    r"|(?:de )?(?:politie|beveiliging|agenten) (?:heeft|hebben) (?:hem|haar|ze) (?:[\w']+ ){0,2}?"
    r"(?:opgehaald|eruit gezet|eruitgezet|buiten gezet|weggestuurd|verwijderd|aangehouden"
    r"|overmeesterd|weggebracht)"
    r"|iedereen (?:is )?(?:nu |weer |gelukkig )?(?:geevacueerd en )?(?:ok|oke|veilig|in orde"
    r"|ongedeerd|binnen)"
    r"|(?:hij|zij|ze) (?:is|zijn) (?:nu |inmiddels |al |direct |meteen |gelukkig )?"
    r"(?:overgeplaatst|ontslagen|verhuisd|uitgeschreven|ontslagen uit de zorg|gesepareerd"
    r"|afgezonderd|gefixeerd|opgepakt|afgevoerd|weggebracht|gekalmeerd)"
    r"|(?:hij|zij|ze) (?:zit|zitten) (?:nu |inmiddels |gelukkig )?(?:vast voor|in de gevangenis"
    r"|in voorarrest|in hechtenis|in de bak)"
    r"|(?:hij|zij|ze) (?:slaapt|slapen) (?:nu|inmiddels|gelukkig)|de dreiging is weg"
    # "zit op de separeer", "is nu rustig", "met 4 man losgekregen", "heeft nu een
    # locatieverbod", "is nu 2 weken geleden", "ligt weer op zn kamer te slapen", "de dader zit
    # vast", "het gaat nu beter met haar"
    r"|(?:zit|ligt|is) (?:nu |weer )*(?:op|in) de (?:separeer|isoleer|isoleercel)"
    r"|(?:is|zijn) (?:nu |weer |gelukkig )+(?:rustig|kalm|gekalmeerd)|\bnu weer rustig\b"
    r"|\b(?:brand|fire) (?:in|op|at|on) (?:de |het |the )?\w+ (?:is |was )?(?:uit|geblust|out)\b"
    r"|nu is alles (?:weer )?rustig|los ?gekregen"
    # (thirty-sixth round) "uit elkaar gehaald, allebei op hun kamer, nu rustig"
    r"|(?<=[,.;:] )nu (?:weer |helemaal )?rustig|uit elkaar gehaald"
    # (not "the man with the restraining order is in the parking lot")
    r"|(?<!with the )(?<!with a )(?<!met het )(?<!met een )(?<!ondanks )(?<!ondanks zijn )"
    r"(?<!despite )(?<!despite his )(?<!despite the )(?:locatieverbod|contactverbod|straatverbod"
    r"|gebiedsverbod|praktijkverbod|huisverbod|toegangsverbod|afdelingsverbod|apotheekverbod"
    r"|winkelverbod|ziekenhuisverbod|bezoekverbod|restraining order"
    r"|banning order)|(?:has been|is|got|was) banned"
    # moved or walked out, the marks left: "he's on another ward now", "naar buiten begeleid",
    # "can still see his handprint on my neck"
    r"|(?:he's|she's|he is|she is|they're) (?:now )?on (?:another|a different) (?:ward|unit"
    r"|floor)|(?:naar buiten|de deur uit) (?:begeleid|gebracht|gezet)|(?:escorted|walked|led)"
    r" (?:him|her|them) out"
    r"|see (?:his|her|the) (?:hand ?print|finger ?marks|marks|bruises)|(?:zie|zie je) (?:nog )?"
    r"(?:de|zijn|haar) (?:afdruk|afdrukken|striemen|blauwe plekken|vingerafdrukken)"
    r"|(?:is|was) (?:nu |al )?\d+ (?:dagen|weken|maanden) geleden"
    r"|(?:ligt|is) (?:nu |weer )*(?:[\w']+ ){0,3}?te slapen"
    r"|(?:dader|hij|zij|ze) (?:zit|zitten) (?:nu |inmiddels |gelukkig )*vast"
    r"|(?<=[.!?;] )(?:zit|zitten) (?:nu |inmiddels |gelukkig )+vast(?= *(?:[.!?]|$))"
    r"|gaat (?:nu |weer |gelukkig )*(?:beter|goed) met (?:haar|hem|me|mij|m|d'r)"
    # English
    r"|(?:it's|its|it is) (?:all |already )?(?:over|calm|safe)(?: now)?"
    # told in the past, right after an alarm: "nee het was vanochtend", "that was last week"
    r"|(?:it|that|this) (?:was|happened|all happened) (?:already |all )?(?:this morning"
    r"|this afternoon|yesterday|last night|last week|last month|earlier|earlier today"
    r"|before|(?:a few |two |three |\d+ )?(?:days|weeks|hours) ago|a while ago|ages ago)"
    r"|(?:it|that) (?:already happened|has already happened|happened already|is in the past)"
    # under control, in seclusion, healing, fined, placed elsewhere, nothing there now
    r"|(?:is |it's |its |alles )?(?:now |nu )?(?:under control|onder controle)"
    r"|(?:patient|pt|client|resident|he|she|they|hij|zij|ze|cli[eë]nt|pati[eë]nt|bewoner)"
    r" (?:is|are|zit|zitten|ligt) (?:now |nu )?in (?:seclusion|isolation|de separeer|de isoleer)"
    r"|(?:is|are) (?:now )?(?:healing|genezen|aan het genezen)|heelt (?:goed|mooi|al)"
    r"|(?:has been|was|got|is) (?:fined|beboet)|(?:kreeg|heeft) een boete"
    r"|(?:closing|close|sluit) (?:this|the|dit|de) (?:case|zaak|melding)(?: af)?"
    r"|(?:now )?(?:placed|moved|living) elsewhere|(?:elders|ergens anders) geplaatst"
    r"|nothing (?:there )?now|er is (?:nu )?niets (?:meer )?te zien|police (?:already )?checked"
    # "the aggression on the ward earlier has stopped", "het geschreeuw is opgehouden"
    r"|(?:aggression|fight|fighting|shouting|screaming|incident|agressie|gevecht|ruzie"
    r"|geschreeuw|vechtpartij) (?:[\w']+ ){0,4}?(?:has stopped|has ended|is gestopt|is opgehouden"
    r"|is voorbij|is over)"
    r"|(?:everything's|everything is|all is) (?:now )?(?:over|fine|ok|okay|calm|safe|good)"
    r"|(?:it's|its|it is) (?:all |now )?behind (?:me|us)|(?:het )?ligt (?:nu )?achter (?:me|ons)"
    r"|(?:i'm|i am|we're|we are|i feel) (?:now |safe now|ok now )?(?:safe|ok|okay|fine|good)"
    r"(?: now)?"
    r"|(?:he|she|they) (?:got|was|were) arrested"
    r"|(?:he's|she's|they're|he is|she is|they are|the man is) (?:now )?(?:gone|left"
    r"|arrested|calm)(?! (?:completely |totally |really )?(?:mad|crazy|wild|berserk|nuts"
    r"|insane|mental))|(?:he|she|they) (?:left|has left|have left)"
    r"|(?:the )?(?:police|security) (?:took|have taken|has taken|removed|arrested) (?:him|her"
    r"|them)|calming down"
    r"|false alarm|(?:my |a )?mistake|by accident|wrong button|never mind, i'm"
    r"|(?:hij|zij|ze|ie|he|she|they)(?: is| zijn| are| was|'s) (?:nu |now )?(?:nergens|nowhere)"
    r" (?:meer )?(?:te (?:zien|bekennen)|to be seen)"
    r"|all clear|no danger anymore|not in danger anymore"
    r"|(?:i'm|i am|we're|we are) (?:now )?(?:home|at home|back home) (?:and )?safe"
    r"|safe at home|home safe|sorry for (?:the )?panic(?:king)?"
    r"|(?:he's|she's|they're|he is|she is|they are) (?:now )?locked up"
    r"|(?:he|she|they)(?:'d| had) gone|turned out to be (?:a )?(?:replica|toy|fake|joke)"
    r"|was (?:a|just a) toy|(?:is|are) no longer here"
    r"|(?:the )?(?:police|security|guards|the guards) (?:picked|got|took|walked|escorted|threw"
    r"|kicked|dragged|led|have taken|have escorted|have removed) (?:him|her|them) (?:up|out|away"
    r"|off)"
    r"|(?:everyone|everybody|all staff|all (?:my |the )?colleagues)(?:'s| is| are)? (?:now )?"
    r"(?:evacuated and )?(?:fine|ok|okay|safe|unhurt|back inside)"
    r"|(?:is|'s) asleep now|alle collega'?s (?:zijn )?(?:ok|oke|veilig|in orde)"
    r"|(?:the )?(?:threat|danger) is (?:now )?(?:over|gone|past)"
    r"|nothing(?:'s| is) happening(?: right)?(?: now)?|er gebeurt (?:nu |op dit moment )?"
    r"(?:niets|niks)|(?:he|she|they) (?:[\w']+ ){0,4}?(?:and )?(?:ran off|ran away|fled)"
    r"|(?:hij|zij|ze) (?:rende|renden|liep|liepen) (?:[\w']+ )?weg"
    r"|(?:hij|zij|ze) (?:ging|gingen) (?:[\w']+ )?ervandoor"
    r"|(?:he's|she's|they've|he has|she has|they have) (?:now )?been (?:moved|transferred"
    r"|discharged|taken away|locked up|arrested)"
    r"|(?:he's|she's|he is|she is|they're|they are) (?:now )?(?:asleep|in custody|in jail"
    r"|in prison|behind bars)"
    # "police have him now", "he's in the police car", "he's in seclusion now", "he was
    # arrested", "hij zit nu in de separeer"
    r"|(?:the )?police (?:have|has|got) (?:him|her|them)"
    r"|(?:he's|she's|he is|she is|they're|they are) (?:now )?in (?:the )?(?:police car|police van"
    r"|seclusion|isolation|a cell)"
    r"|(?:he|she|they) (?:was|were|got|has been|have been) (?:arrested|taken away|removed"
    r"|restrained|sedated)"
    r"|(?:he's|she's|he is|she is|they're|they are) (?:now )?sleeping"
    r"|(?:hij|zij|ze) (?:zit|ligt|is) (?:nu )?(?:in de )?(?:separeer|isoleer|isoleercel"
    r"|politieauto|politiebus|cel)"
    r"|(?:hij|zij|ze) (?:is|zijn|werd|werden) (?:nu )?(?:opgepakt|gearresteerd|meegenomen"
    r"|afgevoerd)"
    # nobody hurt, moved on, called off: "fire brigade came, nobody hurt", "he's still
    # furious but transferred now", "amok over, everyone evacuated and safe", "bommelding
    # afgeblazen, iedereen weer binnen", "is opgelost, hij is naar de isoleer"
    r"|(?:nobody|no one|no-one|niemand) (?:was |is |got )?(?:hurt|injured|gewond|gewond geraakt)"
    r"|(?:but |he's |she's |he is |she is |they're )(?:now )?(?:been )?(?:transferred|discharged"
    r"|admitted|moved)(?: now)?|(?:is|zijn) (?:nu |inmiddels )?(?:overgeplaatst|opgenomen)"
    r"|(?:can't|cannot|can not) leave the ward|mag de afdeling niet af"
    r"|(?:amok|alarm|danger|threat|fire|bomb threat|dreiging|gevaar|brand|bommelding|ontruiming"
    r"|evacuatie|brandalarm) (?:is )?(?:over|voorbij|afgeblazen|opgeheven|called off|cleared"
    r"|out|uit|geblust)"
    r"|(?:het |dat |is )?opgelost|(?:hij|zij|ze) (?:is|zijn) naar de (?:isoleer|separeer)"
    r"|(?:die|dat) is (?:nu |al )?(?:meegenomen|opgepakt|weggehaald)"
    r"|is (?:vanochtend |gisteren |vannacht |nu |inmiddels |al )?(?:opgepakt|gearresteerd"
    r"|aangehouden)"
    r"|(?:hij|zij|ze) (?:zit|is|woont|ligt) (?:nu |inmiddels )?(?:in|op) een (?:andere|ander)"
    r" (?:instelling|afdeling|locatie|groep|huis)"
    r"|(?:she's|he's|she is|he is|they're|they are|zij zit|ze zit|hij zit|zit) (?:now |nu )?"
    r"(?:in a shelter|in a safe house|in de opvang|in een opvang|in een blijf-van-mijn-lijfhuis)"
    # the weapon given up: "heeft hij het mes ingeleverd", "we took the knife off him"
    r"|(?:het|de|zijn|haar|the|his|her) (?:mes|wapen|schaar|stok|fles|knife|weapon|scissors"
    r"|bottle) (?:ingeleverd|afgegeven|afgepakt|handed over|given up)"
    r"|(?:werd|was) (?:hij|zij|ze) (?:snel |gelukkig |weer |vanzelf )*(?:rustig|kalm)"
    r"|(?:heeft|hebben) (?:hem|haar|ze) (?:naar buiten|de deur uit|weg) (?:gebracht|gezet"
    r"|gewerkt)"
    # brought back, on the crisis ward, home: "we hebben hem teruggehaald en hij zit nu op
    # de crisisafdeling", "ben nu thuis", "we pulled him back"
    r"|(?:heeft|hebben|heb) (?:hem|haar|ze) (?:[\w']+ ){0,2}?(?:teruggehaald|tegengehouden"
    r"|in veiligheid gebracht)|(?:pulled|got|brought|talked) (?:him|her|them) (?:back|down)"
    # "has left with the police", "we are drinking tea now", "het is klaar, ik ben weggegaan"
    r"|has left (?:with|the)|is (?:met de politie meegegaan|meegegaan met de politie)"
    r"|(?:we are|we're|we zitten|we drinken) (?:now |nu )?(?:drinking |having |aan de )?"
    r"(?:tea|coffee|thee|koffie)|(?:het|t) is (?:nu )?(?:klaar|afgelopen)"
    r"|ik ben (?:gewoon |snel |toen )?(?:weggegaan|weggelopen|weggereden|vertrokken)"
    # gone, said without the subject: "hij stond voor de deur maar is nu weg"; the melder
    # away from the place: "ben weg daar", "ben via de voordeur naar buiten", "I'm out of
    # there"; the police took him: "they took him away in handcuffs"
    r"|(?:maar|en|but|and) (?:is|zijn|has|have) (?:nu |inmiddels |al |gelukkig |now )*(?:weg"
    r"|vertrokken|gone|left)"
    r"|ben (?:nu |al |gelukkig |inmiddels )*(?:daar |er |hier )?weg(?: daar| van daar)?"
    r"|(?:ben|zijn) (?:via|door|langs) (?:de|het|een) [\w']+ (?:weg|naar buiten|ontsnapt"
    r"|vertrokken|gevlucht)"
    r"|(?:i'm|i am|im|we're|we are|got) (?:now |safely |well )*out of there"
    r"|(?:they|officers|the officers|agents|cops|the cops) (?:took|have taken|led|walked"
    r"|dragged|carried|escorted) (?:him|her|them) (?:away|out|off)"
    # taken along, in custody, in a cell; the crew back at base; the melder at the doctor's:
    # "politie ... nam hem mee", "pt in custody, we're back at station", "im at the GP now"
    r"|(?:nam|namen|took|have taken) (?:hem|haar|ze|him|her|them) mee"
    r"|(?:is|was) (?:nu |al |inmiddels )?voorbij"
    r"|(?:patient|pt|client|de patient|de client) (?:zit|zitten) (?:nu |inmiddels )?vast"
    r"|(?:pt|patient|he|she|he's|she's|hes|shes)(?: is)? (?:now )?in custody"
    r"|(?:we zijn|we're|we are|were) (?:nu |now |weer )*(?:terug|back) (?:op|at|in) "
    r"(?:de |het |the )?(?:post|basis|station|base|afdeling|ward|office|kantoor)"
    # (the place, not "i'm": a place away from it closes a story without a past marker)
    r"|(?<=i'm )(?:now )?at the (?:gp|doctor'?s?|hospital|a&e|er|emergency department)"
    r"|(?:en|and) (?:slaapt|sleeps|is sleeping|ligt te slapen) (?:nu|now)"
    # locked up, taken along, stepped in, admitted, on the way home, at A&E: "de man die me
    # bedreigde zit nu vast", "en heeft hem meegenomen", "gelukkig greep mn collega in",
    # "crisisdienst heeft hem later opgenomen", "im in a&e now"
    r"|(?:man|vrouw|dader|vent|gast|jongen)\b[^.!?,]{0,30}?\bzit (?:nu |inmiddels |gelukkig )*vast"
    r"|(?:en |and )?(?:heeft|hebben) (?:hem|haar|ze) (?:[\w']+ ){0,2}?(?:meegenomen|opgenomen"
    r"|afgevoerd|opgehaald)"
    r"|(?:greep|grepen) (?:[\w']+ ){1,3}?in\b|naar (?:zijn|zn|z'n|haar) kamer (?:gebracht|gestuurd"
    r"|gezet)|(?:stepped|stepped in|intervened)\b"
    # (not "op weg naar huis": being followed on the way home is danger)
    r"|(?<=i'm )(?:now )?in (?:the )?(?:a&e|a & e|er|hospital)"
    # treated, stable: "gebeten maar is behandeld", "shes on the ward now and stable"
    r"|(?:is|ben|werd|was|been|got) (?:al |now |nu )?(?:behandeld|gehecht|verbonden|treated"
    r"|stitched)"
    r"|(?:and|en|is|she's|he's|shes|hes|is nu) (?:now |nu )?(?:stable|stabiel)"
    r"|(?:zit|ben|lig) (?:nu |inmiddels )?(?:bij de (?:huisarts|dokter|eerste hulp|seh)"
    r"|in het ziekenhuis|op de (?:eerste hulp|seh))"
    r"|(?:zit|zitten) (?:nu |inmiddels )?in een cel"
    # taken away by the police or security: "is 20 min geleden door de politie meegenomen",
    # "is door de beveiliging naar buiten gebracht"
    r"|(?:is|zijn|werd|werden) (?:[\w']+ ){0,4}?door de (?:politie|beveiliging|agenten|beveiligers)"
    r" (?:[\w']+ ){0,3}?(?:meegenomen|opgepakt|afgevoerd|weggehaald|naar buiten gebracht"
    r"|eruit gezet|buiten gezet|verwijderd|aangehouden|weggebracht|gepakt|overmeesterd)"
    # the melder somewhere else now: "ik zit nu bij mn zus", "ben nu binnen en de deur zit op
    # slot", "zit in de pauzeruimte met thee", "i'm at my sister's"
    r"|(?:ik zit|ik ben|ben|zit) (?:nu |inmiddels |veilig |gelukkig )*bij (?:mijn|mn|m'n)"
    r" (?:zus|broer|moeder|vader|ouders|vriend|vriendin|partner|man|vrouw|buren|schoonmoeder)"
    r"|(?:i'm|i am|im) (?:now |safe )*at my (?:sister|brother|mum|mom|parents|friend|partner)'?s"
    r"|binnen en (?:de|het) (?:deur|raam) (?:zit |is )?op slot"
    r"|(?:zit|zitten|sit|sitting) (?:[\w']+ ){0,5}?(?:met|with) (?:een |a )?"
    r"(?:kop |cup of |mug of )?(?:thee|koffie|tea|coffee)"
    r"|(?:zit|ligt|is|he's|she's|he is|she is) (?:nu |now )?(?:op de crisis\w*|on the crisis"
    r" (?:ward|unit))|(?:ik ben|ben) (?:nu |weer |inmiddels |veilig )+thuis"
    # at the police station, in custody, the police have him, sent home: "zit nu op het
    # bureau", "the guy with the bat is in custody now", "politie heeft m nu", "is met een
    # taxi naar huis" (not "op weg naar huis")
    r"|(?:zit|zitten|is|zijn) (?:nu |inmiddels |al )?op het (?:politie)?bureau"
    r"|(?:is|are|zit|zitten) (?:now |nu )?in (?:police )?custody"
    r"|(?:politie|police|cops|agenten|security|beveiliging) (?:heeft|hebben|has|have|got)"
    r" (?:hem|haar|m|him|her|'m|them)(?: nu| now| inmiddels)?(?=\s*(?:[.!,]|$))"
    r"|(?:police|politie) (?:have|has|heeft|hebben) (?:him|her|hem|haar) (?:at|on|in|op) (?:the|het"
    r"|de) (?:station|bureau|cell|cel)"
    # the weapon taken, sedated, the fire out, back in, reopened: "security got it off him",
    # "hes sedated now", "put out with the extinguisher", "lockdown opgeheven"
    r"|(?:got|took|have taken|has taken) (?:the (?:knife|weapon|gun) |it )?off (?:him|her)"
    r"|(?:is|zijn|werd|has been|was|he's|she's) (?:now |nu )?(?:sedated|gesedeerd|platgespoten)"
    r"|(?:put|was put|got put) out with|(?:is|werd|was) (?:snel |direct )?geblust"
    r"|(?:evacuated safely|veilig geevacueerd|back inside now|weer binnen nu|reopened|weer open"
    r"|lockdown (?:lifted|opgeheven|over|voorbij)|opgeheven)"
    r"|(?:man|vrouw|guy|woman|gast|vent)\b[^.!?,]{0,30}?\b(?:is|zijn) (?:now |nu )?(?:weg|gone"
    r"|vertrokken)"
    # inside and talking, the dog shut away, the wound healing: "he's inside now talking to
    # his mentor", "is nu binnen in gesprek met mentor", "zit nu in bench", "wond geneest goed"
    r"|(?:he's|she's|hes|shes|he is|she is|is|zijn|they're) (?:now |nu )?(?:inside|binnen)"
    r" (?:now |nu )?(?:talking|in gesprek|praten|praat|chatting)"
    r"|(?:zit|ligt|is|gaat) (?:nu |voortaan |dan )?in (?:de |een |zijn |haar |z'n |zn )?(?:bench"
    r"|kennel|hok)|(?:is|goes|stays) (?:now )?in (?:its|his|her|a|the) (?:crate|kennel|cage)"
    r"|(?:wond|wound|beet|bite)\w* (?:geneest|heals|is healing|healing) (?:goed|well|nicely|fine)"
    # (twenty-eighth round) "bev heeft m meegenomen, alles rustig", "hij is gister
    # gearresteerd", "pt die de nachtvpk aanviel slaapt nu", "nu thuis, deur op slot"
    r"|alles (?:weer )?rustig(?= *(?:[.!]|$))"
    r"|(?:bev|beveiliging|security|politie|police) (?:heeft|hebben|has|have) (?:hem|haar|m|him"
    r"|her|'m) (?:[\w']+ ){0,2}?(?:meegenomen|afgevoerd|weggehaald|taken away|taken out|removed"
    r"|escorted out)"
    r"|(?:is|werd|was|has been|got) (?:[\w']+ ){0,4}?(?:gearresteerd|arrested)\b"
    r"|(?:pt|patient|bew|hij|ze|zij|he|she)\b[^.!?,]{0,30}?\bslaapt (?:nu|inmiddels)\b"
    r"|^\W*gesedeerd\b|nu thuis,? (?:en )?(?:de )?deur (?:zit |is )?op slot"
    r"|(?<!op weg )(?:is|zijn|went|was sent|were sent|has gone|have gone|got sent)"
    r" (?:met (?:een|de) taxi |in (?:a|een) taxi |by taxi )(?:naar huis|home)"
    # (twenty-ninth round) settled and talking to the doctor, driven off and not back, in
    # handcuffs, everyone okay: "he settled and is talking to the psychiatrist now", "drove
    # off 40 min ago and hasn't come back", "hij zit geboeid in de auto", "wij zijn allemaal
    # oke", "die auto die voor mn huis stond is weggereden"
    r"|(?:he|she|they|pt|patient|hij|ze|zij)(?:'s| has| have)? (?:now |nu )?settled\b"
    r"|(?:all|everything|everyone|it's|its) (?:is |has )?(?:now )?settled(?: down)?(?: now)?"
    r"|^\W*in seclusion now|^\W*(?:zit )?nu in de separeer"
    r"|(?:he's|she's|hes|shes|he is|she is|they're|they are) (?:now )?(?:fine|ok|okay|alright"
    r"|all right)(?: now)?(?! (?:but|maar)\b)"
    r"|(?:he's|she's|hes|shes|he is|she is) (?:now )?staying (?:with|at)\b"
    r"|alles (?:weer )?(?:oke|ok|okay|goed|in orde) (?:hier|nu)\b"
    r"|put out (?:quickly|straight away|immediately|right away|fast)|snel geblust"
    r"|on 1:1 (?:obs|observations?)|1 ?(?:op|on|-op-) ?1 (?:begeleiding|obs)"
    r"|is (?:t|het) (?:nu |weer )*(?:rustig|voorbij|over)"
    r"|is (?:ie|hij|ze|zij) (?:nu )?weer (?:de oude|zichzelf)|(?:is|'s) back to (?:his|her) (?:old"
    r" )?self"
    r"|(?:politie|police|cops|beveiliging|security) (?:is |are |has |have )?(?:net |nu |al |just )?"
    r"(?:vertrokken|left|gone) (?:met|with) (?:hem|haar|him|her|de man|the man|de dader)"
    r"|(?:is|was) (?:gelukkig |uiteindelijk )?goed afgelopen|(?:ended|turned out) (?:well|fine|ok)"
    r"|(?:liggen|ligt|zit|zitten|zijn|is|are) (?:nu |weer |inmiddels |now )*(?:achter slot"
    r"|opgeborgen|weggeborgen|locked away|locked up safely)"
    r"|(?:beveiliging|security|politie|police|collega'?s|colleagues|we) (?:greep|grepen|stepped)"
    r" in\b|(?:heren|mannen|men|guys) (?:zijn|are|have) (?:nu |inmiddels |al )?(?:vertrokken|weg"
    r"|gone|left)"
    r"|(?:patient|pt|client|resident|man|guy) (?:is|'s) (?:now )?on (?:another|a different)"
    r" (?:ward|unit|floor)"
    r"|(?:is|'s|are|'re) (?:now |nu )?talking (?:calmly |quietly )?(?:to|with) (?:the |his |her"
    r" |a |their )?(?:psychiatrist|doctor|consultant|gp|nurse|mentor|social worker|police"
    r"|officers?|psych|registrar)"
    r"|(?:is|zit|zitten|ligt) (?:nu |inmiddels )?(?:in de boeien|geboeid)|(?:is|'s|are|'re|was"
    r"|were) (?:now )?(?:in handcuffs|handcuffed|cuffed)"
    r"|(?:he|she|they|man|guy|bloke|woman|car|van)(?:(?! (?:police|cops|security|ambulance)\b)"
    r" [\w']+){0,5}? (?:just )?(?:drove|has driven|sped|raced) (?:off|away)"
    r"|(?:hasn't|has not|hasnt|haven't|have not|havent) (?:come|been) back"
    r"|(?:we zijn|wij zijn|zijn we) allemaal (?:ok|oke|veilig|in orde|ongedeerd)"
    r"|(?:auto|car|busje|van)\b[^.!?,]{0,40}?\b(?:is|zijn|has) (?:nu |inmiddels |al |now )?"
    r"(?:weggereden|vertrokken|weg|gone|left|driven off)"
)
#: No danger, said in so many words ("ik ben niet in gevaar", "it's not an emergency"):
#: the melder's own answer to an alarm, read whole, never as the close of a story (a
#: negation is its point, so the negation guard does not apply).
_NO_DANGER = re.compile(
    r"\b(?:(?:ik ben|ik zit|we zijn|wij zijn|ben) (?!nog )(?:[\w']+ )?niet in (?:gevaar|nood)"
    r"|(?:er is |het is |is )?geen (?:gevaar|noodgeval|nood|spoed|noodsituatie)"
    r"|(?:i'm|i am|im|we're|we are) not in (?:any )?danger|not in danger"
    r"|(?:isn't|is not|not) an emergency|no emergency)\b"
)
_NEGATED = r"(?:niet|nog niet|geen|not|isn't|aren't|never|no longer|niet meer)"
_ALL_CLEAR = re.compile(rf"\b(?:{_SAFE})\b")
# "ik weet niet of ik niet in gevaar ben", "not sure it's not an emergency"
_DOUBTED = re.compile(r"\b(?:weet (?:ik )?niet of|twijfel|not sure|don't know if|unsure)\b")
_NEGATION_BEFORE = re.compile(rf"\b{_NEGATED}\s+(?:\w+\s+){{0,2}}$")
_NEGATION_AFTER = re.compile(rf"^\s*(?:\w+\s+)?{_NEGATED}\b")
# "I'm fine for now but he's trying to climb in": safe only until the "but".
_FOR_NOW_BUT = re.compile(
    r"^\s*,?\s*(?:for now|right now|at the moment|still|voor nu|voorlopig|nog wel|nu nog"
    r"|op dit moment)\s*,?\s*(?:but|maar)\b"
)


def says_all_clear(text: str) -> bool:
    """Whether a short message says the danger is over or was a false alarm."""
    if len(text) > MAX_CHARS or text.rstrip().endswith("?"):
        return False
    folded = normalise_for_rules(text)
    if _NO_DANGER.search(folded) is not None and not _DOUBTED.search(folded):
        return True
    return next(all_clear_phrases(folded), None) is not None


#: No danger for someone named, said with its negation: "shes not in danger now, just
#: anxious", "ze is nu niet in gevaar".
_NOT_IN_DANGER = re.compile(
    r"\b(?:she's|he's|shes|hes|she is|he is|they're|they are|ze is|zij is|hij is|ik ben|i'm|im)"
    r" (?:nu |now |really |echt )*(?:niet|not) in (?:acuut |direct |immediate )?(?:gevaar|danger)\b"
    r"|\bgeen (?:echt |acuut |direct )?gevaar\b|\bno real danger\b"
    # gone from where he stood: "hij staat nu niet meer voor de deur", "is niet meer hier"
    r"|\b(?:hij|zij|ze) (?:staat|staan|zit|is|zijn) (?:nu |inmiddels |er )*niet meer (?:voor|bij"
    r"|buiten|aan|op|hier)\b|\b(?:is|zijn) (?:nu |inmiddels )?niet meer (?:bij ons|hier)\b"
    # not here, not come, not aimed at anyone: "nu is hij er niet", "he hasnt come",
    # "niet op iemand gericht"
    r"|\b(?:nu is (?:hij|ze|zij) er niet|(?:hij|ze|zij) is er (?:nu )?niet"
    r"|(?:he|she)(?:'s| is) not here|(?:he|she) (?:hasn't|has not|hasnt) (?:come|shown up"
    r"|turned up|been (?:here|back))|niet op iemand gericht|not aimed at anyone)\b"
    r"|\bnot (?:a )?real (?:danger|threat)\b"
    # (thirty-sixth round) "hij is hier niet", "iedereen ok."
    # (thirty-eighth round) "has been sectioned", "is opgenomen met een rm", "we're all having
    # tea now", "man was al weg voor de politie kwam"
    r"|\b(?:has been|was|got|is) sectioned\b|\bis opgenomen met een (?:rm|ibs)\b"
    r"|\bwe(?:'re| are) (?:all )?having (?:a )?(?:tea|coffee|cuppa)\b"
    r"|\bwe zitten aan de (?:thee|koffie)\b"
    r"|\b(?:hij|man|de man|ze|zij) was al weg\b|\b(?:he|she|they) (?:was|were) (?:already )?gone\b"
    # (thirty-seventh round) "he's nowhere around", "we're all ok", "alles ok."
    r"|\b(?:he's|she's|he is|she is|hes|shes) nowhere (?:around|to be seen)\b"
    r"|\bhij is nergens (?:meer )?te (?:zien|bekennen)\b"
    r"|\b(?:we're|we are|were|we zijn) (?:all|allemaal|alle) (?:ok|oke|okay|fine|safe|veilig)\b"
    r"(?!\s*\?)|\balles (?:is )?(?:ok|oke|okay)\b(?!\s*\?)"
    r"|\b(?:hij|ze|zij) is (?:hier|er) (?:nu )?niet\b|\b(?:iedereen|everyone|everybody) (?:is )?"
    r"(?:ok|oke|okay|okee|veilig|safe|fine)\b(?!\s*\?)"
    r"|\b(?:he's|she's|hes|shes|he is|she is|they're|they are) not doing anything\b"
    r"|\b(?:no|geen) (?:staff|personeel|collega'?s|colleagues) (?:was |were |is |got )?(?:hurt"
    r"|injured|gewond)\b|\bgeen gewonden\b|\bno injuries\b"
    r"|\b(?:niemand|nobody|no one|no-one) (?:was|is|were|kwam|got) (?:in gevaar|in danger"
    r"|gewond|hurt|injured)\b"
)


def all_clear_phrases(folded: str) -> Iterator[re.Match[str]]:
    """The phrases of a folded text that say the danger is over, not negated (and a "not in
    danger", whose negation is its point)."""
    plain = list(_plain_all_clears(folded))
    if _DOUBTED.search(folded) is None:
        plain += _NOT_IN_DANGER.finditer(folded)
    yield from sorted(plain, key=lambda m: m.start())


def _plain_all_clears(folded: str) -> Iterator[re.Match[str]]:
    for found in _ALL_CLEAR.finditer(folded):
        before = folded[max(0, found.start() - 30) : found.start()]
        negated_inside = re.search(rf"\b{_NEGATED}\b", found.group(0)) is not None
        if negated_inside or _NEGATION_BEFORE.search(before):
            continue
        if _NEGATION_AFTER.search(folded[found.end() : found.end() + 20]):
            continue
        if _FOR_NOW_BUT.search(folded[found.end() : found.end() + 30]):
            continue
        yield found

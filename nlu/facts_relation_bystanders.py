"""Who did it, as the twenty-fifth facts round tells it, for `nlu.facts_relation_more` (which
adds these to its own) and `nlu.facts_relation`: someone who came along with a relative
("die was mee met zn moeder"), someone there for their own care ("een vrouw die zelf voor
haar oor kwam", "een meneer die zelf een afspraak had"), the client the melder came to
("kwam ik bij mijn cliënt, meneer was ..."), a neighbour named aside (", haar buurvrouw,")
or come along ("die met zn buurman was meegekomen"), a man nobody knew; and who only
watched ("waar patiënten bij stonden") or whose friend someone was ("een vriend van de
familie").
"""

from __future__ import annotations

import re

__all__ = [
    "BEZOEKER_25",
    "FRIEND_OF",
    "NAASTE_25",
    "ONBEKEND_25",
    "PATIENT_25",
    "WATCHING",
]

_HIS = r"(?:zijn|haar|hun|zn|z'n|d'r|his|her|their)"

#: Come along with a relative: "een man die was mee met zn moeder die ziek was".
NAASTE_25 = re.compile(
    rf"\b(?:was|waren|kwam|kwamen)\s+(?:er\s+)?mee\s+met\s+{_HIS}\s+(?:moeder|vader|zoon|dochter"
    r"|vrouw|man|kind|kindje|oma|opa|broer|zus|partner|vriendin|vriend|mama|papa)\b"
)
#: There for their own care: "die zelf voor haar oor kwam", "die zelf een afspraak had",
#: "who'd come in for his own appointment"; the client the melder came to, then told of.
PATIENT_25 = re.compile(
    r"\b(?:die|dat)\s+zelf\s+(?:voor\s+(?:\w+\s+){1,3}?(?:kwam|kwamen|kwam\s+\w+|was)\b"
    r"|(?:een\s+)?(?:afspraak|consult|spreekuur)\b|bij\s+de\s+(?:dokter|huisarts|arts)\b)"
    r"|\bwho(?:'d|\s+had)?\s+(?:come|came)\s+in\s+(?:for|with)\s+(?:his|her)\s+own\b"
    r"|\b(?:kwam|kom|was|ben)\s+ik\s+bij\s+(?:mijn|een|de)\s+client\w*\b"
    r"(?=[^.!?]{0,60}\b(?:hij|zij|ze|meneer|mevrouw)\b)"
    # "ik was bij client in huis voor de steunkousen, hij zegt": the client at home
    r"|\bbij\s+(?:een\s+|de\s+|mijn\s+)?client\w*\s+in\s+huis\b(?=[^.!?]{0,60}\b(?:hij|zij|ze)\b)"
    # the client by title after the verb, Dutch word order: "versperde meneer me de weg"
    r"|\b(?:versperde|blokkeerde|sloeg|kneep|gooide|trok|schopte|beet|duwde|spuugde|krabde"
    r"|schold|greep|pakte|dreigde)\s+(?:meneer|mevrouw)\s+(?:me|mij)\b"
)
#: A neighbour named aside (", haar buurvrouw,") or come along ("met zn buurman was
#: meegekomen").
BEZOEKER_25 = re.compile(
    rf",\s+{_HIS}\s+(?:buurvrouw|buurman|neighbou?r)\s*,"
    rf"|\bmet\s+{_HIS}\s+(?:buurman|buurvrouw|huisgenoot|huisgenote|kennis)\s+(?:\w+\s+)?"
    r"(?:meegekomen|mee\s+gekomen|meekwam|mee\s+was)\b"
)
#: Someone nobody knew: "a drunk man nobody knew", "een man die niemand kende".
ONBEKEND_25 = re.compile(
    r"\b(?:man|woman|guy|bloke|lad|lads|someone|somebody|person|people|kid|kids)\s+(?:that\s+"
    r"|who\s+|whom\s+)?(?:nobody|no\s+one|noone)\s+(?:knew|knows|recogni[sz]ed)\b"
    r"|\b(?:die|dat)\s+niemand\s+(?:kende|kent|herkende)\b"
)
#: Who only stood by: "waar patiënten bij stonden", "in front of patients".
WATCHING = re.compile(
    r"\bwaar\s+(?:de\s+|alle\s+|andere\s+)?(?:patient|client|bewoner)\w*\s+(?:\w+\s+)?bij\s+"
    r"(?:stonden|stond|zaten|zat|waren|was)\b"
    r"|\bin\s+front\s+of\s+(?:the\s+|all\s+the\s+|other\s+)?(?:patients|clients|residents)\b"
)
#: "een vriend van de familie": a friend, not the family.
FRIEND_OF = re.compile(r"\b(?:vriend|vriendin|kennis|friend|mate)\s+(?:van|of)\s+$")

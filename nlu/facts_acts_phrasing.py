"""Acts found by the twenty-fifth facts round, for `nlu.facts_acts_slang` (which adds them
to its own): a blow told verb first with a client by title between ("kneep dhr. V. me"), a
thing thrown at the melder's head far after the verb (physical); a quoted "ik weet dat je
... woont", following told with many words between ("liep me vanochtend ... na"), women
told they are there for men's pleasure (personal); a threat that the melder will be "gotten"
or that all will be smashed "and you with it" (verbal).
"""

from __future__ import annotations

import re

__all__ = ["PERSONAL_25", "PHYSICAL_25", "VERBAL_25"]

_MY = r"(?:mijn|m'n|mn|my)"
_ME = r"(?:me|mij)"
# (the title's full stop would end the clause before "me": "kneep dhr. V. me in mn arm")
_TITLE = r"(?:dhr|mw|mevr|mnr|mr|mrs|ms)\.?(?:\s+[a-z][\w-]*\.?){0,2}"

PHYSICAL_25 = re.compile(
    r"\b(?:kneep|sloeg|beet|schopte|duwde|krabde|stompte|greep|trapte|pakte)\s+"
    rf"{_TITLE}\s+{_ME}\b"
    # "gooide ... een stoel om en daarna een tijdschrift keihard naar mijn hoofd"
    r"|\b(?:gooide|smeet|wierp|threw|hurled|chucked)\s+[^.!?]{0,80}?\b(?:naar|tegen|at)\s+"
    rf"{_MY}\s+(?:hoofd|kop|gezicht|head|face)\b"
)
PERSONAL_25 = re.compile(
    # the melder's home known, said to them: "'ik weet dat je op de Lindelaan woont'"
    r"\b(?:weet|wist|weten|know|knows|knew)\s+(?:precies\s+|exactly\s+)?(?:waar|dat|where"
    r"|that)\s+(?:je|jij|u|you)\s+(?:\S+\s+){0,4}?(?:woont|woon|live|lives)\b"
    # following, told with a time or place between: "liep me vanochtend om 7 uur na vanaf"
    rf"|\b(?:liep|loopt)\s+{_ME}\s+(?:[^\s.!?,]+\s+){{3,8}}?na\b(?=\s+(?:vanaf|tot|door|naar"
    r"|helemaal|en)\b|\s*[.,;!?]|\s*$)"
    # the melder's car or bike kicked to pieces: "de spiegel van mijn eigen auto eraf getrapt"
    rf"|\b{_MY}\s+(?:eigen\s+)?(?:auto|fiets|scooter)\s+(?:eraf|af|kapot|in|stuk)\s*(?:getrapt"
    r"|geschopt|geslagen|gesmeten|gemaakt)\b"
    r"|\b(?:kicked|smashed|broke|snapped|ripped)\s+(?:\S+\s+){0,3}?(?:off|of)\s+my\s+(?:own\s+)?"
    r"(?:car|bike)\b"
    # women told they are there for men's pleasure
    r"|\b(?:vrouwen|meiden|meisjes|women|girls)\b[^.!?]{0,40}?\b(?:alleen|only|just)\s+(?:maar\s+)?"
    r"(?:zijn\s+|are\s+|there\s+)?(?:voor|for)\s+(?:het\s+|the\s+)?(?:plezier|pleasure|genot|seks"
    r"|sex)\b"
)
VERBAL_25 = re.compile(
    # "dat ze me dan wel zou krijgen", "ik krijg je nog wel"
    rf"\b{_ME}\s+(?:\S+\s+){{0,2}}?(?:wel\s+|nog\s+)?(?:zou|zal|zullen|zouden)\s+krijgen\b"
    r"|\bkrijg\s+(?:ik|we)\s+(?:je|jou)\s+(?:nog\s+)?wel\b"
    # "sla ik hier alles kapot en jou erbij"
    r"|\b(?:sla|trap|maak|schop)\s+ik\s+(?:\S+\s+){0,3}?kapot\s+en\s+(?:jou|je|u)\s+erbij\b"
)

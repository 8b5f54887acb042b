"""Facts in the words of the sixteenth and seventeenth blind facts rounds: the kind of
aggression told in dialect and slang ("gaf mie n dreun", "kreeg een fluim in mn gezicht",
"hef mie oetscheuld", "kutwijf, takkewijf, je moet dood"), advances, filming and a fake
account; a blow on the table is no blow on the melder, "de trap af" is the stairs, and what
the melder said ("toen ik zei dat ie moest stoppen gaf ie me een duw") is no threat. Who
did it: "cl" is a client, a man who came with his mate is a naaste, a guess at which
relative it was leaves a relative. When: "yday", "vnmrgn om 8u". Platform: a "dreigmail" on
the "werkmail", calls from a withheld number."""

from __future__ import annotations

import pytest

from tests.test_facts_round13 import fact


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        ("nl", "Hij gaf mie n dreun op mien kop, zomaar oet t niks", "fysiek"),
        ("nl", "kreeg een fluim in mn gezicht van bew op de gesloten", "fysiek"),
        ("nl", "Die kearl van kamer 8 hef mie vanmorgen oetscheuld", "verbaal"),
        ("nl", "hij ging helemaal los op me, kutwijf, takkewijf, je moet dood", "verbaal"),
        ("nl", "bew probeerde me te zoenen toen ik zn bed aan het opmaken was", "persoonlijk"),
        (
            "nl",
            "ik werd gefilmd door de partner van cliënte terwijl ik de wond verzorgde",
            "persoonlijk",
        ),
        ("nl", "cliënt heeft een nepaccount aangemaakt met mijn foto's erop", "persoonlijk"),
        ("en", "found out a service user has been looking me up online", "persoonlijk"),
        ("en", "got absolutely mouthed off by a visitor at reception", "verbaal"),
        ("en", "Client's husband told me if I ever came back he'd put me in hospital", "verbaal"),
        ("nl", "cl sloeg met zn vuist op tafel en brulde dat ik moest ophoepelen", "verbaal"),
        (
            "nl",
            "begon te schreeuwen dat ik kon oprotten en dat ie me de volgende keer van de trap af"
            " schopt",
            "verbaal",
        ),
        (
            "nl",
            "hij begon eerst te schelden, en toen ik zei dat ie moest stoppen gaf ie me een duw",
            "fysiek",
        ),
        ("nl", "kreeg weer een hoop gezeik over me heen van bew op kamer 4", "verbaal"),
    ],
)
def test_the_kind_of_aggression_of_the_sixteenth_round(lang: str, text: str, kind: str) -> None:
    assert fact("aro_category", text, lang=lang) == kind


@pytest.mark.parametrize(
    ("lang", "text", "who"),
    [
        ("nl", "mn cl (mevr, 84, dementie) krabde me vanochtend flink in mn onderarm", "patient"),
        (
            "nl",
            "Dronken man in de wachtkamer, hij was zelf geen pt maar was met zn maat meegekomen",
            "naaste",
        ),
        (
            "nl",
            "Ik wil melden dat een familielid van een cliënt, ik denk zn broer want ze lijken op"
            " elkaar, buiten bij de voordeur stond te roken en toen ik zei dat dat niet mocht trok"
            " ie aan mn jas en duwde me opzij",
            "naaste",
        ),
        ("nl", "volgens mij de zoon van een patiënt, hij schold me uit", None),
    ],
)
def test_who_did_it_of_the_seventeenth_round(lang: str, text: str, who: str | None) -> None:
    assert fact("perpetrator_relation", text, lang=lang) == who


@pytest.mark.parametrize(
    ("lang", "text", "when"),
    [
        ("en", "kept calling me names. yday around lunchtime", {"date": "2026-12-01"}),
        ("nl", "dochter stond vnmrgn om 8u bij de balie", {"date": "2026-12-02", "time": "08:00"}),
    ],
)
def test_short_days_of_the_seventeenth_round(lang: str, text: str, when: dict[str, str]) -> None:
    assert fact("when", text, lang=lang) == when


@pytest.mark.parametrize(
    ("lang", "text", "platform"),
    [
        (
            "nl",
            "dreigmail naar mn werkmail van iemand die zich een bezorgde burger noemt",
            "e-mail",
        ),
        (
            "en",
            "Anonymous calls to my work phone, withheld number, breathing and then 'soon'",
            "telefoon",
        ),
    ],
)
def test_mail_and_calls_of_the_seventeenth_round(lang: str, text: str, platform: str) -> None:
    assert fact("platform", text, lang=lang) == platform

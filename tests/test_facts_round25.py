"""Facts in the words of the twenty-fifth blind facts round (nlu/dev/facts25): a round hour
of 7-12 is the morning's ("vrijdag rond 11 uur"); a client's gallery, front garden or door,
the melder coming to or from a client ("kwam ik bij mijn cliënt", "kom net bij mevrouw
vandaan"), "thuiszorgbezoek" and "tijdens mijn bezoek" are a home visit, "op de kamer van
meneer" the ward, a back exit outside, someone turning up at the melder's own house
elsewhere; who came along with a relative or a neighbour, who came for their own care, a
friend of the family who is no family, a man nobody knew, patients who only stood by; a
blow told verb first with a client's title between, a thing thrown at the melder's head,
"ik weet dat je ... woont", following with many words between, a car kicked, remarks that
women are there for men's pleasure; a threat to "get" the melder; "wij vd huisartsenpost",
"ik werk op afd. 5 bij kliniek noord"; "ik meld met mn naam"; "account heet Henk Vos Zuid",
"van 'J. de Boer'"; "er komen steeds meer reacties bij"; the melder's own years of visits
are no repetition."""

from __future__ import annotations

import pytest

from nlu.facts import extract_facts
from tests.test_facts_round9 import NOW
from tests.test_facts_round12 import TEAMS


def facts(text: str, *, lang: str) -> dict[str, object]:
    found = extract_facts(text, reference=NOW, timezone="Europe/Amsterdam", teams=TEAMS, lang=lang)
    return {name: extracted.value for name, extracted in found.items()}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "nl",
            "de buurman van de cliënt stond me op te wachten op de galerij en riep dat ik moest"
            " oprotten. gisteren rond 11 uur. ik ben van wijkzorg",
            {
                "when": {"date": "2026-12-01", "time": "11:00", "approximate": True},
                "location_kind": "home_visit",
                "perpetrator_relation": "bezoeker",
                "team": "wijkzorg-zuid",
            },
        ),
        (
            "nl",
            "gisteravond rond 22.00 een man in de wachtkamer, die was mee met zn moeder die ziek"
            " was. schold me uit voor idioot. wij vd huisartsenpost hebben dit vaker",
            {
                "location_kind": "reception",
                "perpetrator_relation": "naaste",
                "aro_category": "verbaal",
                "team": "huisartsenpost",
            },
        ),
        (
            "nl",
            "vanochtend om 8 uur in de gang van afd 4 kneep dhr. V. me keihard in mn bovenarm."
            " ik werk op afd. 5 bij kliniek noord",
            {
                "location_kind": "ward",
                "perpetrator_relation": "patient",
                "aro_category": "fysiek",
                "team": "kliniek-noord",
            },
        ),
        (
            "nl",
            "Vanochtend om 7.20 aan de balie, een vrouw die zelf voor haar oor kwam zei dat ze"
            " me dan wel zou krijgen. ik meld met mn naam, Joyce Tromp",
            {
                "perpetrator_relation": "patient",
                "aro_category": "verbaal",
                "anonymous": False,
                "reporter_name": "Joyce Tromp",
            },
        ),
        (
            "nl",
            "terwijl ik binnen was bij dhr. heeft zijn zoon de spiegel van mijn eigen auto eraf"
            " getrapt",
            {"aro_category": "persoonlijk", "perpetrator_relation": "naaste"},
        ),
        (
            "nl",
            "in een telegram groep wordt sinds eergisteren mijn adres gedeeld en er komen steeds"
            " meer reacties bij",
            {"when": {"choice": "ongoing"}},
        ),
        (
            "en",
            "a drunk man nobody knew came up to my client's front door as I was leaving and"
            " punched me in the shoulder",
            {
                "location_kind": "home_visit",
                "perpetrator_relation": "onbekend",
                "aro_category": "fysiek",
            },
        ),
        (
            "en",
            "I've been visiting Mr D for two years. Yesterday his wife slapped me across the"
            " face in their hallway.",
            {"when": {"date": "2026-12-01"}},
        ),
    ],
)
def test_whole_stories(lang: str, text: str, expected: dict[str, object]) -> None:
    found = facts(text, lang=lang)
    assert {name: found.get(name) for name in expected} == expected


@pytest.mark.parametrize(
    ("lang", "text", "name", "value"),
    [
        ("nl", "Ik kom net bij mevrouw vandaan. Haar kleinzoon trok me de gang in", "location_kind",
         "home_visit"),
        ("nl", "afgelopen vrijdag kwam ik bij mijn cliënt, meneer was al chagrijnig",
         "location_kind", "home_visit"),
        ("nl", "mnr schold me uit. thuiszorgbezoek vanmorgen 8u15", "location_kind", "home_visit"),
        ("nl", "bew. kneep me. op de kamer van meneer, zaterdag", "location_kind", "ward"),
        ("nl", "jongeren bij de achteruitgang van de kliniek riepen me na", "location_kind",
         "outside"),
        ("nl", "dhr. K stond gisteravond ineens bij mijn huis", "location_kind", "other"),
        ("en", "my client's neighbour screamed at me in the front garden", "location_kind",
         "home_visit"),
        ("nl", "man die met zn buurman was meegekomen schold me uit", "perpetrator_relation",
         "bezoeker"),
        ("nl", "bij dhr. thuis was een vriend van de familie (geen familie zelf) op bezoek die"
         " tegen me schreeuwde", "perpetrator_relation", "bezoeker"),
        ("nl", "een meneer die zelf een afspraak had gaf me een kopstoot", "perpetrator_relation",
         "patient"),
        ("nl", "pt zei dat vrouwen in de zorg alleen maar zijn voor het plezier van de mannen",
         "aro_category", "persoonlijk"),
        ("nl", "clt zei: 'ik weet dat je op de Lindelaan woont'", "aro_category", "persoonlijk"),
        ("nl", "een man liep me vanochtend om kwart voor 7 na vanaf de parkeerplaats",
         "aro_category", "persoonlijk"),
        ("nl", "moeder gooide een stoel om en daarna een tijdschrift keihard naar mijn hoofd",
         "aro_category", "fysiek"),
        ("nl", "vader aan de balie: 'sla ik hier alles kapot en jou erbij'", "aro_category",
         "verbaal"),
        ("nl", "account heet Henk Vos Zuid, ik weet niet wie dat is", "handle", "Henk Vos Zuid"),
        ("nl", "een google review met mijn naam erin. van 'J. de Boer'.", "handle", "J. de Boer"),
    ],
)  # fmt: skip
def test_one_fact(lang: str, text: str, name: str, value: object) -> None:
    assert facts(text, lang=lang).get(name) == value


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        # patients who only stood by did nothing
        ("nl", "collega schold me uit waar de patiënten bij zaten", "perpetrator_relation"),
        ("en", "colleague screamed at me in front of patients", "perpetrator_relation"),
        # someone calling out the melder's name asks for no anonymity
        ("nl", "een vrouw die mijn naam riep, ik ken haar niet", "anonymous"),
        # followed as far as the melder's house: no one turned up there
        ("nl", "fietste achter me aan helemaal tot bij mn huis", "location_kind"),
    ],
)  # fmt: skip
def test_no_fact(lang: str, text: str, name: str) -> None:
    assert facts(text, lang=lang).get(name) is None


def test_pushed_off_the_bike_is_physical() -> None:
    # a blow to the melder, not to the bike they were on
    assert (
        facts("werd ik door een voorbijganger van mn fiets geduwd", lang="nl").get("aro_category")
        == "fysiek"
    )

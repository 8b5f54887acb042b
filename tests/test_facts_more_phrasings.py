"""More phrasings of what kind, who it may reach, and what a niet-pluis-gevoel is about:
a kind named and taken back, threats and slurs in other words, a line manager kept out or
let in in other words."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from nlu.about import about
from nlu.facts import extract_facts


def fact(text: str, name: str) -> object:
    found = extract_facts(
        text, reference=datetime(2026, 12, 2, 9, tzinfo=UTC), timezone="Europe/Amsterdam"
    ).get(name)
    return found.value if found else None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ik dacht eerst fysiek maar nee, hij raakte me niet aan, het was schelden", "verbaal"),
        ("physical? no, it was only the shouting", "verbaal"),
        ("words only, nothing physical", "verbaal"),
        ("hij brulde door de telefoon, ik hield de hoorn van mijn oor af", "verbaal"),
        ("he said he knows people who'd sort me out", "verbaal"),
        ("a load of f-bombs and foul language", "verbaal"),
        ("er vloog een asbak mijn kant op", "fysiek"),
        ("ze gaf me een flinke stamp tegen mijn been", "fysiek"),
        ("physical, he shoved me against the wall", "fysiek"),
        ("hij zat me de hele dienst aan te gapen", "persoonlijk"),
        ("she found my private instagram and keeps messaging me", "persoonlijk"),
        ("he loomed over me, right up close", "persoonlijk"),
        ("vroeg wat ik onder mijn uniform droeg", "persoonlijk"),
        ("grappen over homo's, op mij gericht", "persoonlijk"),
        ("hij wacht me steeds op bij de ingang", "persoonlijk"),
        ("hij riep dat hij me na de dienst zou opwachten", "verbaal"),
        # told in the passive; touching; thrown "my way"; a door slammed on a hand; a mark
        ("got kicked by a client on a home visit friday", "fysiek"),
        ("werd geduwd door een bewoner in de lift", "fysiek"),
        ("Hit by a patient, closed ward Noord, 4 nov.", "fysiek"),
        ("en toen pakte hij me vast", "fysiek"),
        ("hij heeft aan mijn borst gezeten", "fysiek"),
        ("hij smeet zijn mok met hete koffie mijn kant op", "fysiek"),
        ("heeft de voordeur expres op mijn hand dichtgeslagen", "fysiek"),
        ("trok eraan tot het koordje brak, ik heb nu een rode streep in mijn nek", "fysiek"),
        # words; discrimination; filming; following; standing between the melder and the door
        ("the man swears at me every single week", "verbaal"),
        ("hij begon tegen me te tieren", "verbaal"),
        ("he said 'you people from Morocco are useless, go back home'", "persoonlijk"),
        ("hij zegt dat 'jullie soort' moet oprotten uit nederland", "persoonlijk"),
        ("die stond in de huiskamer met zn telefoon te filmen", "persoonlijk"),
        ("liep de hele tijd achter ons aan, bleef gewoon volgen en staren", "persoonlijk"),
        ("hij ging in de keuken tussen mij en de deur staan", "persoonlijk"),
    ],
)
def test_the_kind_of_aggression_in_other_words(text: str, kind: str) -> None:
    assert fact(text, "aro_category") == kind


@pytest.mark.parametrize(
    ("text", "excluded"),
    [
        ("dont cc my manager please", True),
        ("please keep this away from my supervisor", True),
        ("don't let my team lead see this", True),
        ("anoniem graag en niet naar mijn coordinator", True),
        ("mijn manager mag hier nog niks van weten", True),
        ("ik wil niet dat dit bij mijn leidinggevende terechtkomt", True),
        ("my manager already knows, she told me to report it", False),
        ("you can send it to my supervisor", False),
        ("no problem if my manager sees this", False),
        ("geen probleem als mijn teamleider dit ziet", False),
        ("dit mag naar mijn leidinggevende", False),
        ("not for my supervisor's eyes please", True),
        ("keep my team coordinator out of this please", True),
        ("pls dont show my teamleidr, shes gonna say i provoked him", True),
        ("Rather not have my boss cc'd on this one.", True),
        ("I'm fine with my teamlead reading this.", False),
        ("You can share it with my team leader.", False),
        ("I'm fine with this going to the coordinator.", False),
        ("dit mag niet naar mijn leidinggevende", True),
        ("please bypass my manager on this one", True),
        ("my team lead is part of the problem", True),
    ],
)
def test_the_line_manager_in_other_words(text: str, excluded: bool) -> None:
    assert fact(text, "exclude_line_manager") is excluded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("de buurt waar ik mijn rondes doe", "situation"),
        (
            "de thuissituatie bij een gezin waar ik kom, de kinderen zijn stil als vader thuis is",
            "situation",
        ),
        ("just what went on this afternoon, overall", "situation"),
        ("someone I'm caring for, he has become suspicious", "client"),
        ("a team member mocking clients behind their backs", "colleague"),
        ("de nachtdienst laat bewoners in hun natte bed liggen", "colleague"),
        ("a coworker being weird towards me, not towards patients", "other"),
        ("mijn ex weet waar ik werk", "other"),
        ("the rota keeps screwing me over, feels like bullying", "other"),
        # a worker by the name of their job; someone around the client; online; no person
        ("een groepsleidster die de jongeren uitlacht als ze huilen", "colleague"),
        ("the new receptionist who mocks patients on the phone", "colleague"),
        ("de buurvrouw van een cliënt die vraagt waar ik woon", "other"),
        ("the taxi driver who brings our clients in, he's creepy with me", "other"),
        ("rare berichten op instagram", "other"),
        ("een pt van vanochtend", "client"),
        ("more the place, not about a person really", "situation"),
        # the melder's own job is no colleague; a shift as a whole is a situation
        ("een cliënt in de wijk; als wijkverpleegkundige zie ik dat hij achteruitgaat", "client"),
        ("onveiligheid in de nachtdienst in het algemeen", "situation"),
        ("a colleague texting me about my looks, nothing to do with clients", "other"),
        ("mijn werkbegeleider zegt dat ik mijn diploma wel kan vergeten", "other"),
        ("een vent van de schoonmaakfirma die mij nafluit", "other"),
        # a place where people hang around; how things go; the melder themselves; a temp;
        # a relative of a client acting towards the melder ("de post" is the GP post)
        ("de parkeergarage bij de post, s avonds hangen daar steeds groepjes rond", "situation"),
        ("gewoon hoe alles hier gaat", "situation"),
        ("gaat over mezelf eigenlijk, ik word gevolgd na mn dienst", "other"),
        ("gaat eigenlijk om mij zelf, ik slaap niet meer", "other"),
        ("die nieuwe invaller sluit kinderen op hun kamer op als straf", "colleague"),
        ("meisje van 14 die we begeleiden", "client"),
        ("de dochter van een client doet heel dreigend tegen mij", "other"),
        ("de vader van een van onze jongeren staat bij mijn auto te wachten", "other"),
        ("de moeder van een client, ze verwaarloost haar", "client"),
        ("hij heeft een post over mij gezet", "other"),
        ("my teamleader treats one client very differently, kind of mocking him", "colleague"),
        ("the way a co worker speak to the patients, is very disrespectful", "colleague"),
        ("a supplier who keeps hanging around the back entrance", "other"),
        ("someone from outside keeps calling the desk asking for my schedule", "other"),
        ("a patient's husband who keeps following me to my car", "other"),
        ("it's not one person, it's how nights on the group go, too few staff", "situation"),
        ("hoe het 's nachts op de groep gaat, te weinig personeel", "situation"),
        ("a car that keeps parking outside my house", "other"),
        ("een instagram account dat fotos van ons team deelt", "other"),
    ],
)
def test_what_a_niet_pluis_gevoel_is_about(text: str, expected: str) -> None:
    assert about(text) == expected


TEAMS = {
    "kliniek-noord": ("Kliniek Noord", "North Clinic"),
    "wijkzorg-zuid": ("Wijkverpleging Zuid", "District Nursing South"),
    "huisartsenpost": ("Huisartsenpost De Linde", "De Linde GP Out-of-Hours Service"),
}


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("hij schold me uit. ik werk op noord, afdeling 3", "kliniek-noord"),
        ("ik zit in het wijkteam zuid en wil anoniem blijven", "wijkzorg-zuid"),
        ("ik ben Sophie, wijkteam zuid, en meld met naam", "wijkzorg-zuid"),
        ("ik ben wijkverpleegkundige bij wijkverpleging zuid", "wijkzorg-zuid"),
        ("hij woont in amsterdam noord en schreeuwde", None),
        ("op de parkeerplaats aan de zuid kant van het gebouw", None),
    ],
)
def test_the_team_by_a_word_of_its_name_after_i_work(text: str, team: str | None) -> None:
    found = extract_facts(
        text,
        reference=datetime(2026, 12, 2, 9, tzinfo=UTC),
        timezone="Europe/Amsterdam",
        teams=TEAMS,
        only=["team"],
    ).get("team")
    assert (found.value if found else None) == team


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("pt spat in my face on the ward", "patient"),
        ("a man demanding a doctor for his mum grabbed my wrist", "naaste"),
        ("een vrouw met haar zieke peuter gooide haar telefoon naar me", "naaste"),
        ("bespuugd door een vreemde vent bij de fietsenstalling", "onbekend"),
        ("ken die persoon totaal niet, hij dreigde me", "onbekend"),
        ("een mail op mijn werkmail van een ex-patiënt: ik neem een mes mee", "patient"),
        ("every shift i work the same patient tells me he'll kill me", "patient"),
        (
            "a visitor on the group yelled she'd come back with her husband for the residents",
            "bezoeker",
        ),
    ],
)
def test_who_did_it_in_other_words(text: str, relation: str) -> None:
    assert fact(text, "perpetrator_relation") == relation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("je mag mijn naam gebruiken hoor. groet, Ayşe", "Ayşe"),
        ("you can use my name for this. Karin de Boer", "Karin de Boer"),
        ("please report it under my name. - Emma", "Emma"),
        ("reporter: Daan Visser, you can use my name", "Daan Visser"),
        ("Anna speaking, i want to report this with my name", "Anna"),
        ("you can use my name. Best, Tom", "Tom"),
        ("met naam graag. Liefs, Noor", "Noor"),
        ("I'd rather stay anonymous. Karin de Boer", None),
        # a full name alone, no wish: maybe whom it is about; a first name signs
        ("he kicked me on the ward. Mark Jansen", None),
        ("spat on at the front desk hap 2day 8:45 by a patient. Ruud", "Ruud"),
        ("Toch wil ik het melden. Liever niet via mijn leidinggevende graag. Sanne", "Sanne"),
        ("Client bit me. Monday.", None),
        ("Met mijn naam is prima trouwens, ik ben Els.", "Els"),
    ],
)
def test_a_name_signed_at_the_end(text: str, expected: str | None) -> None:
    assert fact(text, "reporter_name") == expected


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("aan het loket gooide hij zijn pasje naar me", "reception"),
        ("in de huiskamer van de groep gooide een client zijn bord", "ward"),
        ("gisteren ging ik naar meneer thuis voor de wondzorg", "home_visit"),
        ("op een verjaardagsfeestje kwam de broer van een cliënt naar me toe", "other"),
        ("hij wachtte me op bij mn auto na de dienst", "outside"),
        ("op een thuiszorgadres in de wijk", "home_visit"),
        ("in the house of the client", "home_visit"),
        ("at the entrance desk where i sit", "reception"),
    ],
)
def test_more_places(text: str, place: str) -> None:
    assert fact(text, "location_kind") == place


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("he said I know where your children go to school", "persoonlijk"),
        ("ze had mijn kenteken opgeschreven en kwam pal voor me staan", "persoonlijk"),
        ("hij wil geen Pool aan zijn lijf, hij wil een Nederlandse zuster", "persoonlijk"),
        ("hij riep de hele tijd dingen over mijn borsten", "persoonlijk"),
        ("she had been waiting at the bus stop outside our entrance", "persoonlijk"),
        ("ik kreeg een beker hete koffie over me heen", "fysiek"),
        ("hij probeerde me te snijden, ik heb een snee in mijn hand", "fysiek"),
        ("de schoonzoon schreeuwde en gaf me een zet tegen de kast", "fysiek"),
        ("he yelled and gave me a shove", "fysiek"),
    ],
)
def test_more_kinds(text: str, kind: str) -> None:
    assert fact(text, "aro_category") == kind


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a story typed without capitals gives its name (written with a capital)
        ("spuugde over de balie. naam mag erbij: fatima", "Fatima"),
        ("salaam, ik ben yasmina en ik werk bij wijkteam zuid. een cliënt", "Yasmina"),
        ("hij gooide een stoel. groet, noor (kliniek noord, open afdeling)", "Noor"),
        (
            "ik wil dit met mijn naam melden: hilde vermeulen. en mijn leidinggevende",
            "Hilde Vermeulen",
        ),
        ("hij schold me uit. ik ben bang, en ik werk daar al jaren", None),
        ("ik ben gewoon bij de wijkverpleging zuid", None),
        ("Ik ben bang. naam mag erbij: fatima", None),  # capitals elsewhere: no lower names
        # sign-offs
        ("He swore at me at the desk. Greetings, Anouk. OK for my manager to see this.", "Anouk"),
        ("You can share it with my team leader. – Esther", "Esther"),
        ("I'm fine with my teamlead reading this. From: Yusuf", "Yusuf"),
        ("comment under my post from Mark Tielemans: 'see what happens'", None),
    ],
)
def test_the_melders_own_name_in_more_ways(text: str, name: str | None) -> None:
    assert fact(text, "reporter_name") == name


WITH_ALIASES = {**TEAMS, "huisartsenpost": ("Huisartsenpost De Linde", "GP post", "HAP")}


@pytest.mark.parametrize(
    ("text", "team"),
    [
        (
            "a patient threw a cup at my colleague. this is Tom from the north clinic",
            "kliniek-noord",
        ),
        ("Monday evening I took the bus home after my shift at the north clinic", "kliniek-noord"),
        ("I was on the triage phone at the GP post last night", "huisartsenpost"),
        ("This is Jorrit, I do the night shifts at the HAP", "huisartsenpost"),
        ("im on the closed ward kliniek noord. he threw his tray", "kliniek-noord"),
        ("Hit by a patient, closed ward Noord, 4 nov.", "kliniek-noord"),
        # the scene only says nothing of the melder's team
        ("a man shouted at me by the entrance of the north clinic", None),
    ],
)
def test_the_melders_team_in_more_ways(text: str, team: str | None) -> None:
    found = extract_facts(
        text,
        reference=datetime(2026, 12, 2, 9, tzinfo=UTC),
        timezone="Europe/Amsterdam",
        teams=WITH_ALIASES,
    ).get("team")
    assert (found.value if found else None) == team


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("mevrouw heeft me gekrabd bij het aankleden, in haar slaapkamer thuis", "home_visit"),
        ("hij kwam verhaal halen in het kantoortje en schreeuwde", "ward"),
        ("ik stond in de huiskamer van groep 2 koffie in te schenken", "ward"),
        ("bij mevrouw thuis in de huiskamer van haar dochter", "home_visit"),
    ],
)
def test_where_it_happened_in_more_rooms(text: str, place: str) -> None:
    assert fact(text, "location_kind") == place


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("the stepdad of one of the children in our care filmed me", "naaste"),
        ("the grandson of one of my ladies is often there when I come", "naaste"),
        ("the man who's married to one of my clients swears at me", "naaste"),
        ("de abi van een bewoonster kwam binnen en schold me uit", "naaste"),
        ("een man die met zn zieke dochtertje kwam werd boos", "naaste"),
        ("one of our former patients got on the bus and threatened me", "patient"),
        ("pateint trew his dinner tray at me", "patient"),
        ("er stond een man bij mijn auto, hij was tot de zomer bij ons opgenomen", "patient"),
    ],
)
def test_who_did_it_in_more_ways(text: str, who: str) -> None:
    assert fact(text, "perpetrator_relation") == who


@pytest.mark.parametrize(
    ("text", "when"),
    [
        (
            "kreeg net om 9.40 iemand aan de lijn die dreigde",
            {"date": "2026-12-02", "time": "09:40"},
        ),
        ("net om half 10 belde hij weer", {"date": "2026-12-02", "time": "09:30"}),
        ("het huis is net om de hoek van de praktijk", None),
    ],
)
def test_just_now_with_a_time(text: str, when: dict[str, str] | None) -> None:
    assert fact(text, "when") == when


@pytest.mark.parametrize(
    ("text", "excluded"),
    [
        # the manager by name, then who that is
        ("nothing to Karin please, she's my coordinator", True),
        ("niet naar Petra sturen, dat is mijn teamleider", True),
        ("my team lead is not to know please", True),
        ("ik wil niet dat het team of mijn leidinggevende hier iets van weet", True),
        # permission said with two negations, or as a must
        ("for the record I dont mind at all if my team lead reads this", False),
        ("ik vind het niet erg als mijn leidinggevende het ziet", False),
        ("i really dont see why my leidinggevende shouldnt see this, go ahead", False),
        ("its not that I dont want my manager to read it, she may", False),
        ("Het is niet zo dat mijn leidinggevende het niet mag zien", False),
        ("I want this to be anonymous but my leidinggevende should definitely get it", False),
        ("mijn teamleider moet dit wel weten vind ik", False),
        ("my coordinator Mariska told me to report this and she'll see it anyway, no issue", False),
    ],
)
def test_the_line_manager_in_so_many_other_words(text: str, excluded: bool) -> None:
    assert fact(text, "exclude_line_manager") is excluded


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("hi its Bram, night nurse at kliniek noord. patient kicked me", "Bram"),
        ("met Femke van de hap. gisteravond kwam er een man binnen", "Femke"),
        ("Hoi, met Jan de Vries van kliniek noord. Een patient sloeg me", "Jan de Vries"),
    ],
)
def test_the_name_as_a_call_is_opened(text: str, name: str) -> None:
    assert fact(text, "reporter_name") == name


@pytest.mark.parametrize(
    "text", ["met Spoed naar de SEH gebracht", "its Monday, he hit me", "met Ahmed gesproken"]
)
def test_no_name_where_none_is_given(text: str) -> None:
    assert fact(text, "reporter_name") is None

"""Facts taken from a story (nlu/facts.py): one extractor per fact, conservative, and
negation-aware: a wrong fact is worse than a missing one, which is simply asked."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from dialogs.fields import FIELDS
from dialogs.flows import ALL_FLOWS
from dialogs.organisation import load_organisation
from dialogs.storyfacts import flow_facts, team_names
from nlu.facts import extract_facts
from nlu.facts_evaluation import evaluate_facts, load_story_set, story_files

NOW = datetime.fromisoformat("2026-12-02T10:00:00+01:00")
TEAMS = {
    "kliniek-noord": ["Kliniek Noord", "North Clinic"],
    "wijkzorg-zuid": ["Wijkverpleging Zuid", "District Nursing South"],
    "huisartsenpost": ["Huisartsenpost De Linde", "De Linde GP Out-of-Hours Service"],
}
ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "nlu" / "dev" / "facts"
#: The facts each report kind asks for, from its flow (as the bot reads them).
FACTS_BY_KIND = {f.kind: tuple(flow_facts(f, FIELDS)) for f in ALL_FLOWS if f.kind}


def facts(text: str) -> dict[str, object]:
    found = extract_facts(text, reference=NOW, timezone="Europe/Amsterdam", teams=TEAMS)
    return {name: fact.value for name, fact in found.items()}


def test_the_issues_example_gives_every_fact_it_states() -> None:
    found = extract_facts(
        "gisteren rond half 5 bij de balie van de huisartsenpost, de vader van een patiënt, "
        "ik heet Lisa, niet naar mijn leidinggevende",
        reference=NOW,
        timezone="Europe/Amsterdam",
        teams=TEAMS,
    )
    assert {n: f.value for n, f in found.items()} == {
        "when": {"date": "2026-12-01"},  # "half 5" may be 04:30 or 16:30
        "location_kind": "reception",
        "perpetrator_relation": "naaste",
        "reporter_name": "Lisa",
        "exclude_line_manager": True,
    }
    assert found["when"].words == "gisteren rond half 5", "the melder's own words are kept"
    assert "team" not in found, "the huisartsenpost is where it happened, not said to be theirs"


@pytest.mark.parametrize(
    ("text", "fact", "value"),
    [
        ("niet via instagram maar via whatsapp", "platform", "whatsapp"),
        ("not on Facebook but on WhatsApp", "platform", "whatsapp"),
        ("het was geen patiënt maar een bezoeker", "perpetrator_relation", "bezoeker"),
        ("it wasn't a patient but a visitor", "perpetrator_relation", "bezoeker"),
        ("de zoon van mevrouw K. schreeuwde", "perpetrator_relation", "naaste"),
        ("the patient's son shouted at me", "perpetrator_relation", "naaste"),
        ("een man die ik niet kende duwde mij", "aro_category", "fysiek"),
        ("hij heeft me niet geslagen, wel uitgescholden", "aro_category", "verbaal"),
        ("hij dreigde me te slaan", "aro_category", "verbaal"),
        ("hij zei dat hij me zou slaan", "aro_category", "verbaal"),
        ("ze schold me uit en gaf me een klap", "aro_category", "fysiek"),
        ("mijn leidinggevende mag dit niet weten", "exclude_line_manager", True),
        ("mijn leidinggevende mag het gerust weten", "exclude_line_manager", False),
        ("please don't tell my manager", "exclude_line_manager", True),
        ("ik wil dit graag anoniem melden", "anonymous", True),
        ("ik meld dit liever niet anoniem", "anonymous", False),
        ("niet op de afdeling maar bij de balie", "location_kind", "reception"),
        ("tijdens een huisbezoek bij een cliënt", "location_kind", "home_visit"),
        ("ik werk bij de wijkverpleging", "team", "wijkzorg-zuid"),
        ("at the GP out-of-hours service", "team", "huisartsenpost"),
        ("hij stuurde berichten vanaf @boze_zoon_1980", "handle", "@boze_zoon_1980"),
        ("zijn nummer is 06-12345678", "handle", "06-12345678"),
    ],
)
def test_one_fact(text: str, fact: str, value: object) -> None:
    assert facts(text).get(fact) == value


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("iemand stuurde mij anonieme berichten", "anonymous"),  # the messages, not a wish
        ("ik heet Lisa", "anonymous"),  # a name is no choice to report with it
        ("ik ben bang en boos", "reporter_name"),
        ("I'm scared he will come back", "reporter_name"),
        ("ik maakte een screenshot op mijn telefoon", "platform"),  # nobody called
        ("buiten mijn leidinggevende om wil ik dit melden", "location_kind"),
        ("hij sloeg met zijn vuist op de balie", "aro_category"),  # not at the melder
        ("ik werk bij Kliniek Noord maar het gebeurde bij de huisartsenpost", "team"),
        ("hij bedreigde mij met een mes", "aro_category"),
        ("ik heb het met mijn familie besproken", "perpetrator_relation"),
    ],
)
def test_no_fact_rather_than_a_wrong_one(text: str, fact: str) -> None:
    assert fact not in facts(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # any bodily act is physical, in its many words
        ("hij trok aan mijn haar en boog mijn vingers naar achteren", "fysiek"),
        ("a patient ripped out his IV and flicked the blood in my face", "fysiek"),
        ("ze gaf me ne klets op mijn wang", "fysiek"),
        ("hij legde steeds zijn hand op mijn bovenbeen", "fysiek"),
        ("he yanked my headset off my head", "fysiek"),
        ("er werd een stoel naar me gegooid", "fysiek"),
        ("klap gehad van een client", "fysiek"),
        # threats said in words are verbal, also with a violent verb in them
        ("hij zei dat hij me verrot slaat", "verbaal"),
        ("she said she'd smash my teeth in", "verbaal"),
        ("he held up a broken mug and said he'd slit my throat with it", "verbaal"),
        ("zei dat hij me een klap voor mn kop zou geven", "verbaal"),
        ("hij zegt ik maak jou dood als jij nog een keer komt", "verbaal"),
        ("he threatened to come back with a knife", "verbaal"),
        ("hij schreeuwde dat hij op me zou wachten", "verbaal"),
        ("ze heeft me flink uitgekafferd", "verbaal"),
        # gestures, propositions, racism, waiting at home, blocking: personal
        ("he made a finger across his throat at me", "persoonlijk"),
        ("hij maakte apengeluiden toen ik binnenkwam", "persoonlijk"),
        ("he asked me for sex in the lift", "persoonlijk"),
        ("hij stond gisteravond weer voor mijn huis", "persoonlijk"),
        ("she said she knows where I park", "persoonlijk"),
        ("hij zei dat hij 'niet door een zwarte' geholpen wil worden", "persoonlijk"),
        ("comments about my breasts every time I walked past", "persoonlijk"),
        ("ging in de deur staan en wou niet opzij, 'duw me maar weg dan'", "persoonlijk"),
        ("he stood in front of the door until I apologised", "persoonlijk"),
        ("pas na 5 minuten liet hij me eruit", "persoonlijk"),
        ("rijdt me elke dag achterna op zijn scooter", "persoonlijk"),
    ],
)
def test_aro_category_by_the_kind_of_act(text: str, value: str) -> None:
    assert facts(text).get("aro_category") == value


@pytest.mark.parametrize(
    "text",
    [
        "hij keek me aan en zei niks",
        "he watched me treat his mother",
        "he made a remark about my looks",  # not sexual in itself
        "ik weet niet waar hij woont",
        "aangeraakt heeft hij me niet",
        "hij zei dat hij de volgende keer een andere zuster wil",
    ],
)
def test_no_aro_category_from_harmless_words(text: str) -> None:
    assert "aro_category" not in facts(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # an act after what was said is still an act, words of a melder are no act
        ("hij zei dat ik moest stoppen en sloeg me in mijn gezicht", "fysiek"),
        ("hij gaf me een klap en zei dat hij terug zou komen", "fysiek"),
        ("he told me I was useless and shoved me", "fysiek"),
        ("ik deed de deur op slot toen hij begon te schreeuwen", "verbaal"),
        ("ik zei tegen hem 'niet duwen' en hij schreeuwde", "verbaal"),
    ],
)
def test_aro_category_keeps_acts_apart_from_words(text: str, value: str) -> None:
    assert facts(text).get("aro_category") == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the man whose wound I dressed hit me", "patient"),
        ("een patiënt die bij ons in behandeling is schopte me", "patient"),
        ("a man who is in treatment with us shouted at me", "patient"),
        ("mr de Groot in bed 3 shouted at me", "patient"),
        ("meneer Jansen van kamer 4 schold me uit", "patient"),
        ("een jongen van onze groep schopte me", "patient"),
        ("one of our lads threw a cup at me", "patient"),
        ("kreeg een kopstoot van een patient", "patient"),
        ("the parents of a child in our care shouted at me", "naaste"),
        ("the kids' stepdad pushed me", "naaste"),
        ("de kleindochter van een bewoonster schold me uit", "naaste"),
        ("the daughter of one of my home care clients yelled at me", "naaste"),
        ("een man die ik nooit eerder gezien had schreeuwde", "onbekend"),
        ("ik ken die man niet maar hij schold me uit", "onbekend"),
        ("two lads i don't know spat at me", "onbekend"),
        ("a snap from night.crawler.88. don't know them", "onbekend"),
        ("never heard of him", "onbekend"),
    ],
)
def test_perpetrator_relation_in_more_words(text: str, value: str) -> None:
    assert facts(text).get("perpetrator_relation") == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ik ken hem niet goed, het is een patiënt", "patient"),  # knowing a little
        ("haar ex-man sloeg me bij haar thuis", None),  # an ex-partner is the melder's call
        ("a whatsapp from a number with 'cute kid' and a pic of my son", None),  # not his kin
        ("a patient, I don't know what to do", "patient"),
    ],
)
def test_perpetrator_relation_traps(text: str, value: str | None) -> None:
    assert facts(text).get("perpetrator_relation") == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("in de sportschool stond hij ineens naast me", "other"),
        ("at the cinema he sat behind me", "other"),
        ("gisteren in het busje naar de dagbesteding", "other"),
        ("in het restaurant van het ziekenhuis ging ze tegenover me zitten", "other"),
        # a patient's ward names who it was, not where
        ("at the library a former patient from our psych ward stared at me", "other"),
        ("in het zwembad zwom een oud-patient van onze ggz afdeling achter me aan", "other"),
        ("in the physio gym on the rehab ward", "ward"),  # a room of the ward
        ("a resident on the dementia ward grabbed me", "ward"),
        ("op de kinderafdeling kneep hij in mijn arm", "ward"),
        ("in the lounge of our dementia unit", "ward"),
        ("in a client's bungalow", "home_visit"),
        ("yesterday inside his flat the client said", "home_visit"),
        ("bij een client met dementie thuis", "home_visit"),
        ("op het schoolplein van mijn kinderen", "outside"),
        ("he screamed at me on the pavement", "outside"),
    ],
)
def test_location_kind_in_more_places(text: str, value: str) -> None:
    assert facts(text).get("location_kind") == value


@pytest.mark.parametrize(
    "text",
    [
        "i work at a youth care unit",  # the workplace, not the scene
        "no action was taken",
        "een patient van mijn afdeling belde me",
    ],
)
def test_no_location_kind_from_these(text: str) -> None:
    assert "location_kind" not in facts(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("her account is nadia.k.xo", "nadia.k.xo"),
        ("snaps vanaf lilly.xo.2011 met 'ik laat je pakken'", "lilly.xo.2011"),
        ("iemand die goofy.ghost77 heet stuurde me een foto", "goofy.ghost77"),
        ("a user called grumpygran56 messaged me", "grumpygran56"),
        ("a YouTube channel called DutchCareWatch uploaded a video", "DutchCareWatch"),
        ("on Mastodon @vrijdenker@mastodon.social posted my name", "@vrijdenker@mastodon.social"),
        # the name a profile shows
        ("a LinkedIn message from Martin Kessler saying he'll settle things", "Martin Kessler"),
        ("Gerald Tromp commented under the post", "Gerald Tromp"),
        ("onder een post schreef Ans Hofman dat ze me opwacht", "Ans Hofman"),
        ("haar profiel: Chantal Meijerink", "Chantal Meijerink"),
        ("hij heet op fb Kees van der Wal", "Kees van der Wal"),
        ("for a week 'Talent Scout Rob' has been viewing my LinkedIn", "Talent Scout Rob"),
        ("a google reviewer 'Truth Teller 88' left four reviews", "Truth Teller 88"),
        ("een review geplaatst door 'Karin V' over ons", "Karin V"),
    ],
)
def test_handle_in_the_ways_it_is_written(text: str, value: str) -> None:
    assert facts(text).get("handle") == value


@pytest.mark.parametrize(
    "text",
    [
        "I'm Noura from District Nursing South, a message from a patient",
        "ik kreeg een bericht van mijn teamleider Ruud de Vries",
        "he sent it at 10 a.m. from e.g. his phone",
        "de zoon van mevr.Jansen stuurde me een bericht",
        "ik heb een appje gehad van Kliniek Noord",
        "in de groep 'Wijk Zuid Klaagt' schreef iemand over mij",  # a group, not an account
        "she wrote 'You Will Pay' under my post",  # what was written
    ],
)
def test_no_handle_from_these(text: str) -> None:
    assert "handle" not in facts(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # at night a bare hour is the night's own: after midnight, that day
        (
            "last night around 2 on the ward a patient hit me",
            {"date": "2026-12-02", "time": "02:00", "approximate": True},
        ),
        # ... and so is the hour of another part of the day
        (
            "maandagavond rond 9 uur bij een cliënt thuis",
            {"date": "2026-11-30", "time": "21:00", "approximate": True},
        ),
        (
            "Sunday afternoon at about 4 a colleague cornered me",
            {"date": "2026-11-29", "time": "16:00", "approximate": True},
        ),
        (
            "vannacht rond kwart over 2 op de seh",
            {"date": "2026-12-02", "time": "02:15", "approximate": True},
        ),
        (
            "A patient hit me last night around 2 am on the ward.",
            {"date": "2026-12-02", "time": "02:00", "approximate": True},
        ),
        # still going on, in more words
        ("since sunday he keeps quote-posting me on X. still going.", {"choice": "ongoing"}),
        ("sinds maandag tagt hij me op x en er komen er nog steeds bij", {"choice": "ongoing"}),
        ("iemand mailt al de hele week naar onze afdeling, vanochtend weer", {"choice": "ongoing"}),
        ("four reviews since friday, a new one this morning", {"choice": "ongoing"}),
        # what someone wrote is not what goes on
        (
            "day before yesterday at 20:45 he commented 'keep posting and see what happens'",
            {"date": "2026-11-30", "time": "20:45"},
        ),
    ],
)
def test_when_in_more_words(text: str, value: dict[str, object]) -> None:
    assert facts(text).get("when") == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("please no tell my manager", True),
        ("rather my manager doesn't read it", True),
        ("don't pass this on to my manager", True),
        ("niet doorsturen naar mijn leidinggevende aub", True),
        ("hou mijn leidinggevende er wel buiten", True),
        ("leidinggevende is op de hoogte en mag het lezen", False),
        ("I'm Laura, named is fine, manager too", False),
    ],
)
def test_line_manager_in_more_words(text: str, value: bool) -> None:
    assert facts(text).get("exclude_line_manager") is value


def test_a_manager_who_does_not_know_yet_is_no_wish() -> None:
    assert "exclude_line_manager" not in facts("my manager was on leave so he doesn't know yet")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("with my name please, cheers, Priti", "Priti"),
        ("met naam graag, mvg Loes", "Loes"),
        ("Saoirse, named is fine", "Saoirse"),
        ("ik werk op kliniek noord. Floor, mag met naam", "Floor"),
        ("hoi, Thea van Leeuwen, verzorgende in het verpleeghuis", "Thea van Leeuwen"),
        ("I'm Gary, name is fine", "Gary"),
    ],
)
def test_reporter_name_in_more_words(text: str, value: str) -> None:
    assert facts(text).get("reporter_name") == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a snap of the huisartsenpost back door. i do the evening shifts there", "huisartsenpost"),
        ("een foto van de huisartsenpost. ik draai daar de avonddiensten", "huisartsenpost"),
        ("texts every night. I do triage at the huisartsenpost", "huisartsenpost"),
        ("ik doe nachten op kliniek noord", "kliniek-noord"),
        ("a mum at the huisartsenpost. I'm a doctor's assistant there", "huisartsenpost"),
        ("aan de balie van de huisartsenpost (ik ben daar triagist)", "huisartsenpost"),
    ],
)
def test_team_where_the_melder_works_in_more_words(text: str, value: str) -> None:
    assert facts(text).get("team") == value


def test_no_team_where_the_melder_only_went() -> None:
    assert "team" not in facts("at the huisartsenpost yesterday. i'm scared to go there again")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("someone has been emailing my personal address all week", "e-mail"),
        ("iemand mailt al de hele week naar onze afdeling", "e-mail"),
        ("via signal kreeg ik een bericht", "other"),
        ("a user on Vinted messaged me", "other"),
    ],
)
def test_platform_in_more_words(text: str, value: str) -> None:
    assert facts(text).get("platform") == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my name is Anh, you can write my name", False),
        ("name: Fiona Grant, use it", False),
        ("name can go on it: Tamsin", False),
        ("naam mag wel: Sandra", False),
        ("ik wil mijn naam er graag bij, Annemiek Stam", False),
        ("ik wil mijn naam er niet bij", True),
        ("hou mn naam erbuiten", True),
        ("please don't add my name", True),
        ("ik werk op Kliniek Noord punt anoniem alsjeblieft punt", True),
    ],
)
def test_anonymity_wish_in_more_words(text: str, value: bool) -> None:
    assert facts(text).get("anonymous") is value


def test_anonymity_wish_drops_the_name() -> None:
    found = facts("Mijn naam is Ahmed, maar ik wil dit anoniem melden.")
    assert found["anonymous"] is True
    assert "reporter_name" not in found


def test_only_the_facts_asked_for_are_read() -> None:
    found = extract_facts(
        "gisteren via instagram", reference=NOW, timezone="Europe/Amsterdam", only=["platform"]
    )
    assert set(found) == {"platform"}


def test_the_development_set_is_read_right() -> None:
    sets = [load_story_set(p) for p in story_files(DEV)]
    teams = team_names(load_organisation(ROOT / "config" / "organisation.example.yml"))
    report = evaluate_facts(sets, facts_by_kind=FACTS_BY_KIND, teams=teams)
    assert report.overall().share_right >= 0.97, report.summary()
    assert {s.lang for s in sets} == {"nl", "en"}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("die gast blijft mij volgen door heel het gebouw", "persoonlijk"),
        ("she drove behind my car all the way to my house", "persoonlijk"),
        ("hij wacht me elke avond op bij de bushalte", "persoonlijk"),
        ("hij zei dat hij geen hulp wilde van een zwarte", "persoonlijk"),
        ("took a photo of my name badge and said nothing", "persoonlijk"),
        ("He hurled abuse at me for a good ten minutes.", "verbaal"),
        ("hij zegt hij gaat mij kapot maken", "verbaal"),
        ("he shouted that he'd wait for me after work", "verbaal"),
    ],
)
def test_the_kind_of_aggression_told_in_a_short_answer(text: str, kind: str) -> None:
    assert facts(text).get("aro_category") == kind


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("een jongen die bij ons in behandeling is", "patient"),
        ("de man die ik vanochtend moest verbinden", "patient"),
        ("iemand die toevallig langs liep", "onbekend"),
        ("a guy who dropped in to visit one of the teens", "bezoeker"),
        ("een man van bezoek, voor mevrouw op kamer 9", "bezoeker"),
    ],
)
def test_who_did_it_told_in_a_short_answer(text: str, who: str) -> None:
    assert facts(text).get("perpetrator_relation") == who


def test_a_wish_without_a_name_is_no_stranger() -> None:
    found = facts("gisteren beet een patiënte me op de afdeling, ik meld dit zonder naam")
    assert found.get("perpetrator_relation") == "patient"

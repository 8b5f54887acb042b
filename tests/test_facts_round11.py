"""Facts from opening stories in the words of the eleventh blind development round
(nlu/dev/facts11): "'s avonds" typed as "sav", a time followed by a colon, "maandag 11 uur",
the evening round as the part of the day, a day after a sentence that ends in "dat ik";
someone who has been hanging around as background to one act on a day; looming over the
melder, a throat-cutting gesture in words, a feint, racist words as what was shouted, a
fist on the desk (no blow to the melder); a client's home by its door, letterbox, hallway
or name, the car as the way out after a home visit, a day centre; the man from a numbered
room, the boy one mentors, an anonymous account on a platform; texting and phoning; a team
named in a tag or after "hoi met"; a profile's name and a video with one's name in it."""

from __future__ import annotations

import pytest

from nlu.facts import extract_facts
from tests.test_facts_round9 import NOW, fact

TEAMS = {
    "huisartsenpost": ["Huisartsenpost De Linde", "HAP", "huisartsenpost"],
    "kliniek-noord": ["Kliniek Noord", "North Clinic"],
    "wijkzorg-zuid": ["Wijkverpleging Zuid", "wijkzorg"],
}


@pytest.mark.parametrize(
    ("text", "when"),
    [
        # "sav", "s av": 's avonds typed short
        ("mw kneep me gisteren om kwart voor 9 sav", {"date": "2026-12-01", "time": "20:45"}),
        (
            "bewoner schold me uit, eergisteren rond 7 uur s av",
            {"date": "2026-11-30", "time": "19:00", "approximate": True},
        ),
        # a clock time followed by a colon and what was said
        (
            "sms van zijn zoon gisteren om 22:40: 'pas maar op'",
            {"date": "2026-12-01", "time": "22:40"},
        ),
        # an hour right after its day, without "om"
        ("dhr duwde me, zaterdag 10 uur", {"date": "2026-11-28", "time": "10:00"}),
        # the evening round tells the part of the day of "half past 7"
        (
            "on the evening round yesterday a resident spat at me, around half past 7",
            {"date": "2026-12-01", "time": "19:30", "approximate": True},
        ),
        # a day after a sentence that ends in "dat ik ...": no relative clause
        ("hij schreef dat ik 'gestraft' moet worden. dinsdag gepost", {"date": "2026-12-01"}),
        # who has been hanging around is background to the one act told on a day
        (
            "een man volgde me gisteren naar de bus. dezelfde gast die al weken bij de poort staat",
            {"date": "2026-12-01"},
        ),
    ],
)
def test_when(text: str, when: dict[str, object]) -> None:
    assert fact(text, "when") == when


@pytest.mark.parametrize(
    "text",
    [
        # without a day the hanging around is what goes on
        "er is een man die al weken bij de poort staat te wachten",
        # still unclear: a repeated thing and one day, not as background
        "hij stuurt me al weken berichten en gisteren stond hij voor mijn deur",
    ],
)
def test_what_goes_on_is_not_made_a_day(text: str) -> None:
    assert fact(text, "when") in (None, {"choice": "ongoing"})


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("the patient's son stood over me at the desk and wouldn't leave", "persoonlijk"),
        ("zijn vader bleef over me heen hangen bij het bed", "persoonlijk"),
        ("her grandson walked right up to my face and said nothing", "persoonlijk"),
        ("he made a throat-cutting gesture when I walked past", "persoonlijk"),
        ("bewoner maakte een keel doorsnij gebaar naar mij", "persoonlijk"),
        ("dhr deed alsof hij me ging slaan maar hield zijn hand stil", "persoonlijk"),
        ("a man yelled racist stuff at me from his bike", "persoonlijk"),
        ("een vrouw riep racistische dingen naar mij in de wachtkamer", "persoonlijk"),
        ("he kept making remarks about my 'big boobs' at handover", "persoonlijk"),
        ("zijn broer bleef me de hele tijd filmen met zijn telefoon", "persoonlijk"),
        # a fist on the desk is no blow to the melder; what he said decides
        ("de man sloeg met zijn vuist op de tafel en riep dat ik een trut was", "verbaal"),
        # a chair thrown my way from further off
        ("hij gooide in de huiskamer een stoel dwars door de hele ruimte mijn kant op", "fysiek"),
    ],
)
def test_what_was_done(text: str, kind: str) -> None:
    assert fact(text, "aro_category") == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a push against the wall is still a blow, and so is one after a shown one
        ("hij sloeg me met zijn vuist tegen de muur", "fysiek"),
        ("zijn zoon gaf me een harde duw tegen de deur", "fysiek"),
        ("he pushed my colleague against the wall right in front of me", "fysiek"),
        ("hij deed alsof hij ging slaan en toen schopte hij me echt", "fysiek"),
        # coffee poured over the melder is still a throw
        ("ze goot haar koffie over me heen", "fysiek"),
        # a threat to wait for the melder stays words (as in the other rounds)
        ("the visitor shouted that he'd wait for me after work", "verbaal"),
        # a racist slur among insults stays the melder's call
        ("hij schold me uit voor trut en gebruikte een racistisch scheldwoord", None),
    ],
)
def test_what_was_done_guards(text: str, kind: str | None) -> None:
    assert fact(text, "aro_category") == kind


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("her son came at me in the hallway of her flat", "home_visit"),
        ("zoon van mw. stond tegen me te schreeuwen in de gang van haar flat", "home_visit"),
        ("haar zoon stond bij haar voor de deur en liet me niet binnen", "home_visit"),
        ("my client yelled at me through the letterbox", "home_visit"),
        ("dhr schreeuwde door de brievenbus dat ik weg moest", "home_visit"),
        ("her husband spat at me. At mrs de Wit's, monday at 10", "home_visit"),
        ("haar man spuugde naar me. bij mevr Jansen, maandag", "home_visit"),
        ("he called me useless while I did his dressing at his place", "home_visit"),
        ("her brother shouted at me while I was there for the morning visit", "home_visit"),
        ("a client walked behind me to my car after the home visit", "outside"),
        ("client liep na het huisbezoek achter me aan naar mn auto", "outside"),
        ("jongen gooide zijn beker naar me op de dagbesteding", "ward"),
        ("jongen vd groep schopte me in de woonkamer", "ward"),
    ],
)
def test_where(text: str, place: str) -> None:
    assert fact(text, "location_kind") == place


@pytest.mark.parametrize(
    "text",
    [
        # a letterbox of the melder's own home, a visiting hour, a name without a place
        "someone pushed a note through my letterbox",
        "a visitor shouted at me during the evening visiting hour",
        "ik heb het aan mevr Jansen verteld, die is mijn teamleider",
        # whose home it is stays open when no one in care is named
        "de buurman schreeuwde tegen me in de gang van zijn flat",
    ],
)
def test_no_home_visit_read(text: str) -> None:
    assert fact(text, "location_kind") != "home_visit"


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("the woman from room 4 scratched my hand", "patient"),
        ("de vrouw van kamer 7 kneep in mijn arm", "patient"),
        ("the girl I mentor threw her shoe at me", "patient"),
        ("mijn mentormeisje schold me uit", "patient"),
        ("jongen vd groep sloeg me", "patient"),
        ("an anonymous instagram account keeps tagging me in posts", "onbekend"),
        ("een anoniem facebook profiel zet foto's van mij online", "onbekend"),
        (
            "een man mailt me boze dingen sinds zijn vader bij ons op de afdeling is overleden",
            "naaste",
        ),
    ],
)
def test_who_did_it(text: str, who: str) -> None:
    assert fact(text, "perpetrator_relation") == who


@pytest.mark.parametrize(
    ("text", "platform"),
    [
        ("a former patient keeps texting me from a number I don't know", "sms"),
        ("oud-cliënt blijft me smsen vanaf een 06-nummer", "sms"),
        ("a resident's daughter phoned me at home and threatened me", "telefoon"),
    ],
)
def test_platform(text: str, platform: str) -> None:
    assert fact(text, "platform") == platform


def test_phones_as_a_thing_is_no_call() -> None:
    assert fact("they filmed me with their phones and put it on tiktok", "platform") == "tiktok"


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("hoi met Sanne van kliniek noord. een patient spuugde naar me", "kliniek-noord"),
        ("pt trapte me. verpleegpost kliniek noord, vanochtend 7 uur", "kliniek-noord"),
    ],
)
def test_team(text: str, team: str) -> None:
    found = extract_facts(text, reference=NOW, timezone="Europe/Amsterdam", teams=TEAMS)
    assert found["team"].value == team


def test_a_scene_at_a_team_names_no_team() -> None:
    # the waiting room of the GP post is where it happened, not where the melder works
    text = "in de wachtkamer van de huisartsenpost schold een man me uit"
    found = extract_facts(text, reference=NOW, timezone="Europe/Amsterdam", teams=TEAMS)
    assert "team" not in found


def test_a_profile_name_is_not_the_melders() -> None:
    text = "A woman keeps sending me messages on facebook. Her profile name is Ria de Bruin."
    assert fact(text, "reporter_name") is None


@pytest.mark.parametrize(
    ("text", "anonymous"),
    [
        # a video with the melder's name in it is no wish to be named
        ("hij heeft een filmpje gezet waarin hij tekeer gaat met mn naam erbij", None),
        ("ik meld dit met mn naam erbij", False),
    ],
)
def test_anonymity(text: str, anonymous: bool | None) -> None:
    assert fact(text, "anonymous") is anonymous


@pytest.mark.parametrize(
    "text",
    [
        # found in the terminal chat: the "niet" of "die ik niet ken" denied what goes on
        "iemand die ik niet ken stuurt me sinds vorige week dreigementen op insta",
        "een vent die ik niet ken belt me steeds",
        "a guy i dont know keeps texting me",
    ],
)
def test_someone_not_known_who_keeps_at_it_is_still_going_on(text: str) -> None:
    assert fact(text, "when") == {"choice": "ongoing"}


@pytest.mark.parametrize("text", ["hij stuurt me niet meer", "ze belt me nooit meer"])
def test_what_stopped_is_not_still_going_on(text: str) -> None:
    assert fact(text, "when") is None

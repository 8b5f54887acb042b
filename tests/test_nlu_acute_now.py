"""Acute-danger rules of `nlu.acute_patterns_now`, and the false alarms they must not raise:
drills, news, dreams, questions about the bot, a story closed as logged."""

from __future__ import annotations

import pytest

from nlu.acute import AcuteDangerRules, Category
from nlu.acute_patterns import PATTERNS
from nlu.danger import classifier_overruled
from nlu.interpreter import IntentScore, ParseResult


@pytest.fixture(scope="module")
def rules() -> AcuteDangerRules:
    return AcuteDangerRules()


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        # a weapon named alone, maybe with where, or typed in haste
        ("schaar!", "weapon_alone"),
        ("bijl ingang", "weapon_alone"),
        ("machete in the lobby", "weapon_alone"),
        ("kamer 12 mes", "weapon_alone"),
        ("she gotta blade", "weapon_typed"),
        ("ze heft een schaar", "weapon_typed"),
        ("de man komt met een hooivork de stal uit", "odd_weapon"),
        ("my neighbour has grabbed a hammer from the shed and is shouting", "weapon_taken_up"),
        # cornered, boxed in, the car
        ("de vader drijft mijn collega in een hoek van de keuken", "cornered"),
        ("a white van is blocking me in at the petrol station", "cornered"),
        ("hij rukt aan het stuur, ik moet remmen", "car_danger"),
        ("the lad is yanking at the wheel on the motorway", "car_danger"),
        # self-harm under way
        ("she just swallowed a strip of paracetamol", "self_harm_now"),
        ("hij heeft net een doos slaappillen geslikt", "self_harm_now"),
        ("de cliënt drinkt spiritus uit de fles", "self_harm_now"),
        ("he is drinking drain cleaner", "self_harm_now"),
        ("ze heeft een sjaal om haar hals geknoopt", "self_harm_now"),
        ("he's hanging off the railing of the bridge", "self_harm_now"),
        ("hij zit op de dakrand en zegt dat hij gaat springen", "self_harm_now"),
        ("the dad is holding the toddler out of the window", "self_harm_now"),
        ("she is cutting her wrist in the toilet", "self_harm_now"),
        # gas, kept inside, coming at people, a dog
        ("ik ruik gas in de meterkast", "gas_smell"),
        ("hij laat ons niet naar buiten", "kept_inside"),
        ("the son says I have to stay put", "kept_inside"),
        ("twee mannen rennen met stokken op ons af", "coming_at"),
        ("a rottweiler is growling and lunging at me", "coming_at"),
        # robbery, smashing, beside me, hair pulled, fire
        ("er is een overval bij de balie", "robbery_now"),
        ("hij schopt de ruit kapot", "breaking_in_now"),
        ("they're smashing the windows of the office", "breaking_in_now"),
        ("kan niet typen, hij zit naast me", "beside_me"),
        ("de bezoeker trekt de receptioniste aan haar haren", "assault_now"),
        ("a woman is screaming in the flat next door", "assault_now"),
        ("fire on the 2nd floor", "fire_now"),
        ("iemand gooit een molotov tegen de gevel", "fire_now"),
    ],
)
def test_danger_now_matches(rules: AcuteDangerRules, text: str, pattern: str) -> None:
    assert rules.read(text).acute, text
    # the family itself recognises it, not only an older rule before it
    alone = AcuteDangerRules(tuple(p for p in PATTERNS if p.name == pattern))
    assert alone.match(text) == pattern, text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("pistool receptie", Category.WEAPON),
        ("hij komt met een kruisboog naar buiten", Category.WEAPON),
        ("we worden klemgereden door een auto", Category.TRAPPED),
        ("there's a gas leak and she won't let me out", Category.FIRE),
        ("brand in de keuken", Category.FIRE),
    ],
)
def test_new_families_name_their_kind(rules: AcuteDangerRules, text: str, kind: Category) -> None:
    assert kind in rules.read(text).categories, text


@pytest.mark.parametrize(
    "text",
    [
        # drills, news, dreams, questions about the bot
        "volgende week is er een brandoefening met een nagespeelde overval",
        "there's a fire drill with a mock hostage taking on Friday",
        "op het nieuws: een steekpartij in een ziekenhuis in een andere stad",
        "on the news there was a shooting at a clinic in another city",
        "ik heb gedroomd dat een cliënt met een bijl voor de deur stond",
        "I dreamt someone pulled a gun at the front desk",
        "wat doet deze bot als ik 112 nodig heb?",
        "hoe werkt de alarmknop? wil het weten voordat ik hem nodig heb",
        "ik ben bang dat hij zichzelf iets aandoet als ik vrij ben",
        # a knife bought for its use, a weapon on the wall
        "de keuken heeft nieuwe koksmessen besteld",
        "the cook has bought a new cleaver for the kitchen",
        "he has a sword on the wall above the sofa",
        # a fear for later, handed on; a story closed as logged or at a clock time
        "ik ben bang dat ze zich volgende week iets aandoet, de crisisdienst is al op de hoogte",
        "Zondag. Hij staat met een mes in de gang. We bellen de politie. Dat wil ik even"
        " vastleggen.",
        "He pulls a knife in the corridor. Police take him away. Just want to log that.",
        "he is hitting a colleague, that happened on the ward last week",
        # past robbery, gas incident, letter with the police
        "ik wil nazorg na de overval van vorige maand",
        "het incident met de gaslucht van maandag bleek een lekkende slang",
        "afgelopen zomer is er een brandbom door onze brievenbus gegooid",
    ],
)
def test_drills_news_dreams_and_closed_stories_do_not_match(
    rules: AcuteDangerRules, text: str
) -> None:
    assert not rules.read(text).acute, text


@pytest.mark.parametrize(
    "text",
    [
        "brand op de tweede verdieping, dit is geen oefening",
        "this is not a fire drill: the bins are on fire",
        "he bought a new knife and says he is coming for me",
        "hoe werkt de noodknop, hij slaat me",
        "I'm scared he's going to stab me, he has a knife",
    ],
)
def test_real_emergencies_near_the_guards_still_match(rules: AcuteDangerRules, text: str) -> None:
    assert rules.read(text).acute, text


@pytest.mark.parametrize(
    "text",
    [
        "the threatening letter from last week is with the police now",
        "de bedreiging met het mes van vorig jaar, de zaak loopt nog",
        "what can I do about a stalker? nothing is happening right now",
    ],
)
def test_handed_over_or_quiet_overrules_the_classifier(rules: AcuteDangerRules, text: str) -> None:
    intent = IntentScore("acute_danger", 0.9)
    parse = ParseResult(text, intent, (intent,), danger=rules.read(text))
    assert classifier_overruled(parse), text

"""Danger now told by what the melder hears, sees or smells, or by its status, found missing by
a seventh blind development round (nlu/dev/danger7); and the past-tense stories of that round
that must raise no alarm: a story told in the historic present, a cry quoted and reported, a
story closed by several all-clears or by how shaken the melder was."""

from __future__ import annotations

import pytest

from nlu.acute import AcuteDangerRules
from nlu.all_clear import says_all_clear


@pytest.fixture(scope="module")
def rules() -> AcuteDangerRules:
    return AcuteDangerRules()


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("my colleague went into his room 10 minutes ago and I hear fighting", "hears_violence"),
        ("ik hoor gegil uit kamer 4", "hears_violence"),
        ("cliënt belt: ik sta bij je huis. ik zie hem staan", "sees_him_there"),
        ("I can see him standing across the street", "sees_him_there"),
        ("brandlucht en rook, hij heeft vuur gemaakt", "fire_sensed"),
        ("someone threw a firebomb through the window, the hall is burning", "fire_sensed"),
        ("Category: physical aggression. Status: happening now.", "happening_now"),
        ("Wanneer gebeurde het? Nu. Het gebeurt nu.", "happening_now"),
        ("still outside. still knocking. i'm scared", "still_at_the_door"),
        ("hij staat nog steeds te bonken", "still_at_the_door"),
        ("kicked the door in. coming upstairs", "coming_up"),
        ("ze komen naar boven", "coming_up"),
        ("guy in the waiting room pulled a knife, patients hiding behind the desk", "trapped"),
        ("de collega's verstoppen zich in de keuken", "others_hiding"),
        (
            "colleague called me screaming, then the line went dead, she's still there",
            "line_went_dead",
        ),
        ("He is on top of the night nurse", "on_top_of"),
        ("client is zn eigen arm aan het openbijten", "self_harm_doing"),
        ("bomb threat just came in on the phone line, says it goes off in 20 min", "bomb"),
    ],
)
def test_danger_now_by_the_senses(rules: AcuteDangerRules, text: str, pattern: str) -> None:
    assert rules.match(text) == pattern


def test_a_new_clause_in_the_present_after_a_comma(rules: AcuteDangerRules) -> None:
    # the past verb of the first clause does not govern the second
    text = "sitting in the toilet with the door locked, he's been trying the handle for 5 min"
    assert rules.read(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # nothing happening, in both languages
        "what can I do about a stalker? nothing is happening right now but he's been messaging",
        "wat kan ik doen tegen een stalker? er gebeurt nu niks maar hij stuurt al maanden",
        # the historic present of a story opened in the past
        "so yesterday I walk in for the insulin and he grabs a knife off the counter and waves "
        "it at me, luckily his daughter came in and took it off him",
        "dus ik sta gisteren bij de voordeur en hij komt op me af met een schaar en hij roept dat"
        " ie me kapot maakt, toen heeft zijn vrouw hem tegengehouden",
        # a cry quoted and reported
        "'He's still hitting her!' is what I shouted to the police yesterday. They came fast, "
        "she's in a shelter now.",
        "'Hij heeft een mes!' riep mijn collega gisteren. Gelukkig werd hij snel weer rustig en "
        "heeft hij het mes ingeleverd.",
        # a vague future, a day said with it
        "he texted he'll get me someday",
        "hands around my neck on friday",
        # closed by all-clears and how shaken the melder was
        "amok over, everyone evacuated and safe",
        "bommelding afgeblazen, iedereen weer binnen",
        "de man met het mes in de supermarkt naast de praktijk is vanochtend opgepakt, wij waren "
        "flink geschrokken",
        "client set fire to a bin in his room on Saturday, fire brigade came, nobody hurt",
    ],
)
def test_past_stories_of_the_round_raise_no_alarm(rules: AcuteDangerRules, text: str) -> None:
    assert not rules.read(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "he's still furious but transferred now",
        "he threatened to come over, but he's been admitted since and can't leave the ward",
        "is opgelost, hij is naar de isoleer",
        "Hij ging met een mes op me af. Hij zit nu in een andere instelling.",
        "bommelding afgeblazen",
    ],
)
def test_more_all_clears(text: str) -> None:
    assert says_all_clear(text)


@pytest.mark.parametrize(
    "text",
    [
        # safe only until the "but"
        "I'm fine for now but he's trying to climb in through the window",
        "ik ben voorlopig veilig maar hij staat nog buiten",
    ],
)
def test_safe_for_now_but_is_no_all_clear(text: str) -> None:
    assert not says_all_clear(text)


def test_still_happening_stays_the_answer_of_online_threats(rules: AcuteDangerRules) -> None:
    # the rule that may be let go at "when?" of an online threat, not "happening now"
    assert rules.match("it's still happening now") == "still_going_on"
    assert rules.match("het is niet 1 keer geweest, het gebeurt nog steeds") != "happening_now"


@pytest.mark.parametrize(
    "text",
    [
        # places, things and plans that share words with the senses rules
        "hij ligt op de afdeling",
        "ze zit op haar kamer",
        "hij is zijn eigen kamer aan het opruimen",
        "he keeps banging his own drum",
        "ik hoor gegil van de kinderen op het schoolplein, gezellig",
        "the colleagues are hiding the presents for the party",
        "he's been waiting for 10 minutes for his meds",
        "ik zie hem staan op de foto",
        "ok, coming up with a plan",
        "Morning, coming in for my shift soon",
        "the hall is burning hot today",
    ],
)
def test_everyday_words_near_the_senses_rules_raise_no_alarm(
    rules: AcuteDangerRules, text: str
) -> None:
    assert not rules.read(text).acute


def test_an_early_all_clear_does_not_close_the_story_before_the_danger(
    rules: AcuteDangerRules,
) -> None:
    # Two all-clears, neither closing the story: the knife at the door is danger now. (The
    # story's end was once computed from the second phrase's offset and hid the knife.)
    assert rules.read("hij is weg. hij staat met een mes voor de deur, iedereen is veilig").acute

"""Danger told by what the aggressor does to hold or reach people, found missing by a twelfth
blind development round (nlu/dev/danger12): a door locked and the key kept, someone dragged
or pinned down, a man in the melder's own garden, a threat shouted, a push a moment ago; and
the past messages that raised an alarm: sick leave since, the melder away from the place,
gone said without a subject, a choking handled, a racing heart, a question for if it
happens again."""

from __future__ import annotations

import pytest

from nlu.acute import AcuteDangerRules
from nlu.all_clear import says_all_clear
from tests.danger_checks import classifier_alarm, danger_rules


@pytest.fixture(scope="module")
def rules() -> AcuteDangerRules:
    return danger_rules()


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("the resident has locked the bathroom door and keeps the key in his hand", "key_kept"),
        ("he pocketed the key and bolted the back door", "key_kept"),
        ("zijn vader heeft de voordeur op slot gedaan en geeft de sleutel niet terug", "key_kept"),
        ("een bezoeker sleurt mijn collega over de vloer van de huiskamer", "dragging_someone"),
        ("de client sleept mn collega mee naar zijn kamer", "dragging_someone"),
        ("nu drukt ie mn collega tegen de muur in de badkamer", "pinned_down"),
        ("he's got my colleague against the wall", "pinned_down"),
        ("he is waiting on my driveway right now", "at_my_home"),
        ("die man zit nu gewoon op mn oprit", "at_my_home"),
        ("hij schreeuwt dat hij de arts gaat afmaken", "threat_shouted"),
        ("the visitor is yelling that he's going to stab the receptionist", "threat_shouted"),
        ("a relative just pushed my colleague onto the floor in the lobby", "just_hurt_someone"),
        ("her brother is here again now, yelling in the hall", "here_again_raging"),
    ],
)
def test_danger_of_the_twelfth_round(rules: AcuteDangerRules, text: str, pattern: str) -> None:
    assert rules.match(text) == pattern


@pytest.mark.parametrize(
    "text",
    [
        "ik ben mijn sleutels kwijt en de kast zit op slot",
        "I locked the office and put the key in my bag before I went home",
        "last week the son locked the door and kept the key for an hour",
        "de huismeester heeft de deur op slot gedaan en de sleutel meegenomen",
        "hij heeft haar gisteren op de grond gegooid",
        "the patient is sitting in my garden chair on the terrace",
        "my son is in my garden picking apples",
        "he was shouting that he's going to get a lawyer",
        "mijn hart gaat tekeer als ik aan donderdag denk",
        "heb gisteren heimlich gedaan bij een bewoner en het gaat goed met hem",
        "I'm sitting in my car a few streets away from the house",
        "hij stond bij de deur. ben nu weg, zit nu in de auto te typen",
    ],
)
def test_everyday_and_past_words_near_the_new_rules_raise_no_alarm(
    rules: AcuteDangerRules, text: str
) -> None:
    assert rules.match(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "I've been off work since she kicked me",
        "ik zit nog in de ziektewet sinds hij me schopte",
        "de vader stond bij de balie maar is nu weg",
        "ben daar weg, zit in de auto en niemand kwam achter me aan",
        "If the brother shows up at reception again like in May, what am I supposed to do?",
        "als die man weer voor de deur staat zoals vorige week, wat moeten we dan doen?",
        "als ik eraan denk dat ik daar morgen weer heen moet word ik misselijk",
    ],
)
def test_the_classifier_is_overruled_for_what_is_over_or_only_feared(text: str) -> None:
    assert not classifier_alarm(text)


@pytest.mark.parametrize(
    "text",
    [
        "hij is weg en de deur zit dicht",
        "ze stond in de gang maar is nu weg",
        "ben weg daar",
        "I'm out of there now",
        "they took him away in a police van",
        "ze heeft zich verslikt maar het gaat goed met haar",
    ],
)
def test_gone_and_away_are_all_clears(text: str) -> None:
    assert says_all_clear(text)


@pytest.mark.parametrize(
    "text",
    [
        "he's kneeling on my colleague, I'm out of there but she isn't",
        "ik ben weg uit de kamer maar hij staat nu in mn voortuin",
    ],
)
def test_danger_after_an_all_clear_still_alarms(rules: AcuteDangerRules, text: str) -> None:
    assert rules.match(text) is not None

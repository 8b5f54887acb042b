"""A twenty-second blind development round: hands round a colleague's throat, a gas smell
growing while someone lights a cigarette, and stamping at the door "nog altijd" are danger
now; a record for the file ("Reporting for the log:", "Voor het dossier:"), the melder in
their own car ("'k zit in mijn auto"), a threat for when he is released, and a call asked
for ("laat iemand me bellen") raise no alarm. Kept in nlu/dev/danger22: its misses are a
bare "help" (the menu's help, which names 112) and one word alone ("Cornered.", "Klem.",
"achtervolgd"), which at the question about the kind of aggression is an answer."""

from __future__ import annotations

import pytest

from tests.danger_checks import classifier_alarm, danger_rules


@pytest.mark.parametrize(
    "text",
    [
        "She's got her hands round the staff nurse's throat in bay 2",
        "Weet niet of dit telt maar de gaslucht in het appartement van mevrouw wordt heel sterk"
        " en ze steekt net een sigaret op",
        "voor het dossier: hij staat nu weer met een mes bij de balie",
    ],
)
def test_danger_now_alarms(text: str) -> None:
    assert danger_rules().match(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Reporting for the log: patient set fire to a bin on ward 9, extinguished immediately,"
        " no injuries",
        "Voor het dossier: op 3 maart heeft de patiënt van kamer 3 zijn vuist geheven naar mijn"
        " stagiaire. Ze is niet geraakt. Hij heeft zich de dag erna verontschuldigd.",
        "'k zit nog te beven maar 'k zit in mijn auto naar huis, hij is nergens te zien",
        "De cliënt zegt dat hij mij vermoordt als hij in 2027 vrijkomt",
        "laat iemand me bellen",
        "hij heeft ook mn arm vastgepakt, zit nog een blauwe plek",
        "hij noemde me vuile buitenlander, staat niet op de foto",
    ],
)
def test_a_record_a_release_or_a_call_asked_for_raises_no_alarm(text: str) -> None:
    assert not classifier_alarm(text)


def test_still_stamping_at_the_door_is_no_story_of_the_past() -> None:
    """The classifier's alarm stands: "nog altijd" is "still" ("nog steeds")."""
    assert classifier_alarm(
        "moet ik de politie bellen? hij staat nog altijd tegen de voordeur te stampen"
    )


@pytest.mark.parametrize(
    "text", ["he had his hands round my neck last week", "de gaslucht was gisteren heel sterk"]
)
def test_the_same_words_told_of_the_past_raise_no_alarm(text: str) -> None:
    assert not classifier_alarm(text)

"""A thirty-sixth blind development round (nlu/dev/danger36, danger told with words of
drills, training and questions; 0.93 / 0.91 recall and 6.2 / 7.5 % false alarms before, 1.0 /
1.0 and 0 / 2.5 % after): "this is not a drill", a drill that was cancelled, a drill or an
inspection that only frames what happens now, "we practised this but nobody's coming", "nu
heeft hij mijn collega tegen de muur", "hij stopt niet". No alarm for a question asked for
later, the emergency number asked for a folder, when something counts as an emergency, a
drill ahead with a fake intruder, a training scenario, a debrief with the team, "hij is hier
niet", a fight over and "nu rustig"."""

from __future__ import annotations

import pytest

from tests.danger_checks import classifier_alarm, danger_rules


@pytest.mark.parametrize(
    "text",
    [
        "drill was cancelled but this is real, patient set off the alarm and is strangling the "
        "night nurse",
        "de oefening is afgelast maar dit is echt, pt heeft de nachtdienst bij de keel en laat "
        "niet los",
        "de 'oefening' waar de manager het over had is dit niet. een onbekende man met een mes "
        "staat in de speelkamer van de leefgroep",
        "in preparation for next week's inspection we were tidying and a resident just grabbed "
        "jenny by the hair and won't let go, help",
        "during the evacuation drill a visitor grabbed a nurse and is dragging her to the "
        "stairwell, he's saying he'll throw her down",
        "tijdens de ontruimingsoefening heeft een bezoeker een verpleegkundige vastgepakt en "
        "sleurt haar naar het trappenhuis",
        "we practised this last month but nobody's coming, patient has the ward keys and "
        "scissors and is threatening to stab anyone who comes close",
        "ok this is not an exercise. Resident threw boiling water at a carer and is going after "
        "another one",
        "ik maak op een gegeven moment wel een melding maar nu heeft hij mijn collega tegen de "
        "muur gedrukt in de wachtkamer",
        "ik ben nieuw hier, eerste dienst. meneer slaat andere meneer met stok, hij stopt niet",
    ],
)
def test_danger_now_told_with_drill_words_alarms(text: str) -> None:
    assert danger_rules().match(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "should i call 112 if a patient only threatens me with words? asking for future reference",
        "what's the emergency number in the Netherlands? for my new foreign colleague's "
        "induction folder",
        "when is something an emergency and when can I just report afterwards?",
        "wanneer is iets een noodgeval en wanneer kan ik het gewoon achteraf melden?",
        "the drill is next week: a fake armed intruder in the outpatient wing. who should I "
        "inform?",
        "het oefenscenario was: pt pakt een schaar en gijzelt een verpleegkundige. hoe hadden we "
        "dat moeten aanpakken?",
        "just finished the debrief with the team about the hostage situation in june. we need "
        "follow-up",
        "'ik weet waar je woont' zei een clt vanochtend door de telefoon. hij is hier niet. moet "
        "ik naar de politie?",
        "vechtpartij tussen 2 bewoners bij het avondeten. uit elkaar gehaald, allebei op hun "
        "kamer, nu rustig. hoe melden?",
    ],
)
def test_questions_drills_and_stories_over_raise_no_alarm(text: str) -> None:
    assert danger_rules().match(text) is None
    assert not classifier_alarm(text), "no danger now: the classifier is overruled"


@pytest.mark.parametrize(
    "text",
    [
        "hij is hier, niet normaal, hij heeft een mes",
        "during the drill he grabbed a real knife and is stabbing at us",
    ],
)
def test_what_still_counts_as_now(text: str) -> None:
    assert danger_rules().match(text) is not None

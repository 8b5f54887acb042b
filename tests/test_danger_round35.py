"""A thirty-fifth blind development round (nlu/dev/danger35, UK and Irish care staff in
English, Dutch and Flemish; 1.0 / 0.975 recall and 5.7 / 5.0 % false alarms before, 1.0 /
1.0 and 0 / 0 after): "dreigen ons in elkaar te slaan" is now. No alarm for a joke told as
one ("keeps joking she'll kill me", "... lol"), a form asked about ("what should I put under
'severity'"), a fear of some day ("might turn violent at some point ... not doing anything
right now"), a condition for next time ("als hij volgende dienst weer door het lint gaat"),
"we're back at the office. Social worker informed"."""

from __future__ import annotations

import pytest

from tests.danger_checks import classifier_alarm, danger_rules


@pytest.mark.parametrize(
    "text",
    [
        "vijf familieleden staan rond ons in de keuken en dreigen ons in elkaar te slaan",
        "the brothers are threatening to beat us, we're in the office",
        "not joking, he's got a knife",
    ],
)
def test_danger_now_alarms(text: str) -> None:
    assert danger_rules().match(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "My coworker keeps joking she'll kill me if I nick her yoghurt again",
        "mijn leidinggevende gaat me vermoorden als ik weer te laat ben lol",
        "What should I put under 'severity' for being punched but not injured?",
        "I think the new lad on the unit might turn violent at some point, he's been making "
        "comments. He's not doing anything right now.",
        "als hij volgende dienst weer door het lint gaat vraag ik een overplaatsing",
        "Mum's partner was aggressive at the child protection visit this morning, we left early "
        "and we're back at the office. Social worker informed",
    ],
)
def test_jokes_forms_and_fears_raise_no_alarm(text: str) -> None:
    assert danger_rules().match(text) is None
    assert not classifier_alarm(text), "no danger now: the classifier is overruled"

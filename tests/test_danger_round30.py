"""A thirtieth blind development round (nlu/dev/danger30, 80 danger-now and 90 past messages
in English, 60 and 70 in Dutch; 0.80 / 0.83 recall and 6.7 / 10 % false alarms before,
0.975 / 1.0 and 0 / 1.4 % after): calls of a few words ("bay 4 NOW", "SECURITY ED cubicle
9", "code grey bay 12"), a colleague gone in who does not answer the radio, someone out
cold, a weapon being made or a needle swung, the car blocked in, men at the entrance, hands
on every door handle, hiding, cornered, a scream and a door that won't open. No alarm for a
figure of speech ("the printer is trying to kill me", "dit rooster is gwn een gijzeling"), a
joke taken back ("jk it's the cat"), a question on what to do, a debrief asked about, a late
report, a story told in the present after "so sunday"."""

from __future__ import annotations

import pytest

from tests.danger_checks import classifier_alarm, danger_rules


@pytest.mark.parametrize(
    "text",
    [
        "bay 4 NOW",
        "afd 3 snel!!",
        "SECURITY ED cubicle 9",
        "beveiliging naar de balie",
        "code grey bay 12 need more hands",
        "my colleague went into bay 6 ten minutes ago and isn't answering her radio",
        "hoor glas breken en gegil uit kamer 14, collega reageert nie op de portofoon",
        "my crewmate is out cold on the pavement, a bystander punched him",
        "he's sharpening the end of a toothbrush on the floor outside the office",
        "bew zwaait met een gebruikte insulinenaald naar de vpk",
        "van has blocked my car in and two men are walking over",
        "ze zetten mn auto klem op de parkeerplaats",
        "hij zei dat ie terug zou komen. ze zijn er, 3 man bij de ingang",
        "ik hoor hem bij elke deur op de gang aan de klink voelen",
        "zit in de spoelruimte verstopt",
        "er wordt steeds aangebeld en mn naam geroepen, ben alleen op de post",
        "nu heeft ie me klem in de hoek van de huiskamer",
        "SU is on the roof of the annexe leaning over the edge",
        "the HCA in the bathroom with him screamed and then went quiet, door wont open",
        "they took the keys off my colleague and locked her in the seclusion room",
        "pt gooide de waterkoker naar me en hij zet m opnieuw aan",
        "hca hit her head on the radiator and shes not responding to me",
        # a joke, then something real: what follows the joke still counts
        "ugh this shift is killing me... wait the man in bay 2 is swinging an oxygen cylinder "
        "at us",
    ],
)
def test_danger_now_alarms(text: str) -> None:
    assert danger_rules().match(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "the printer is trying to kill me",
        "dit rooster is gwn een gijzeling",
        "help! wie neemt t weekend over in t rooster 😅",
        "help! ... with the rota, who's covering the weekend 😅",
        "he's on the roof again!! jk it's next door's cat on the shed 😂",
        "question: when a client absconds do we chase or call police? had one do a runner "
        "last month",
        "wanneer is de nabespreking van de gijzeling op afd 2? ik had dienst en wil graag komen",
        "late melding: bew heeft maandag een prullenbak in brand gestoken, door personeel "
        "geblust, geen gewonden",
        "so sunday i'm in the med room, he walks in, shuts the door and just stands there "
        "saying nobody leaves. thank god Jess came in a minute later. want to report it",
        "zondag sta ik in de medicijnkamer, komt ie binnen, doet de deur dicht en blijft gwn "
        "staan. gelukkig kwam mn collega erbij",
        "in seclusion now after kicking off, no staff hurt, for info",
        "knokpartij in de wachtkamer van de SEH rond middernacht, beveiliging greep in, beide "
        "heren zijn vertrokken",
        "he was unconscious when we found him yesterday, he's fine now",
        "ik schil aardappels bij mw met het schilmesje en ze vraagt of ik dat mes wil wegleggen "
        "haha, ze is bang voor messen",
    ],
)
def test_figures_jokes_questions_and_stories_raise_no_alarm(text: str) -> None:
    assert danger_rules().match(text) is None
    assert not classifier_alarm(text), "no danger now: the classifier is overruled"


@pytest.mark.parametrize(
    "text",
    [
        # the classifier still counts when the joke turns to something real
        "ik word gek van dit rooster haha.. wacht nee er staat een vent aan de balie die de "
        "assistente aan haar haren vasthoudt",
        "the man with the restraining order is in the parking lot right now staring up at our "
        "windows",
        "not kidding, he has a knife",
    ],
)
def test_danger_after_a_joke_or_an_order_still_alarms(text: str) -> None:
    assert danger_rules().match(text) is not None or classifier_alarm(text)


@pytest.mark.parametrize(
    "text",
    [
        "he's not responding to my emails about the complaint",
        "security at reception was really friendly today",
        "last week someone blocked my car in at the clinic",
        "code grey training next tuesday",
    ],
)
def test_the_same_words_elsewhere_fire_no_rule(text: str) -> None:
    assert danger_rules().match(text) is None


def test_no_staff_hurt_closes_the_report_of_an_incident() -> None:
    text = "zit nu in de separeer na t incident, geen personeel gewond, ter info"
    assert danger_rules().match(text) is None
    assert not classifier_alarm(text)

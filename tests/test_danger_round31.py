"""A thirty-first blind development round (nlu/dev/danger31, 80 danger-now and 90 past
messages in English, 70 and 80 in Dutch, from many care settings; 0.95 / 0.97 recall and
4.4 / 6.2 % false alarms before, 1.0 / 1.0 and 0 / 0 after): someone close to the melder
now without a weapon or a blow named (by the melder's car, between the melder and the
door, standing over them, a face through the glass of their own door, a group circling
their bike), someone calling for help. No alarm for a flashback, a training video or
scenario, the emergency number asked for to save it, "help" about a password or a wrong
button, a knife taken yesterday that "is goed afgelopen", a client staying with family
now."""

from __future__ import annotations

import pytest

from tests.danger_checks import classifier_alarm, danger_rules


@pytest.mark.parametrize(
    "text",
    [
        "the patient's brother is in the car park standing next to my car and keeps texting me "
        "photos of it",
        "hij staat bij mn auto te wachten, ik durf nie naar buiten",
        "But now he has put the chain on the front door. He's in the hallway between me and "
        "the door saying I'm staying to cook for him.",
        "ik kan nergens heen, hij staat tussen mij en de deur",
        "he shoved me into the wardrobe and he's standing over me",
        "woke up to someone trying my back door, I can see his face through the glass",
        "er rijden 5 jongens op scooters rondjes om me heen, ze laten me nie door",
        "Net heeft hij zichzelf met zn buurman opgesloten. De buurman roept om hulp.",
        "the resident locked herself in with another resident and she's screaming for help",
    ],
)
def test_danger_now_alarms(text: str) -> None:
    assert danger_rules().match(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Flashback again in the staff room today when someone slammed the door. It's 2 years "
        "since the man with the hammer.",
        "Just watched the training video, the one with the scissors in the children's home. "
        "Very intense.",
        "Scenario voor de training op de SEH: familie die massaal binnenkomt na een "
        "steekpartij. Wie speelt de familieleden?",
        "What's the number I should call in an emergency? Just want it saved in my phone "
        "before I start nights",
        "help ik heb op de verkeerde knop gedrukt bij het melden, kan ik t nog aanpassen?",
        "Help! Mijn wachtwoord werkt niet meer 😫",
        "vandaag was rustig gelukkig. gisteren had een bew nog een mes uit de keuken gepakt "
        "maar dat is goed afgelopen, de messen liggen nu achter slot",
        "the youth home: Jayden trashed the kitchen on Sunday, threw plates, smashed the "
        "window. Police came, he's staying with his aunt now.",
    ],
)
def test_memories_training_and_questions_raise_no_alarm(text: str) -> None:
    assert danger_rules().match(text) is None
    assert not classifier_alarm(text), "no danger now: the classifier is overruled"


@pytest.mark.parametrize(
    "text",
    [
        "he was standing by my car yesterday after my shift, I reported it to the police",
        "last week he stood between me and the door for a minute, then left",
        "she called for help yesterday and we came running, it was a fall",
        "kunnen we tijdens de verbouwing extra beveiliging krijgen bij de balie?",
    ],
)
def test_the_same_words_told_of_the_past_fire_no_rule(text: str) -> None:
    assert danger_rules().match(text) is None

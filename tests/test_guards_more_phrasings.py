"""Messages that are not an answer, in phrasings of no development set (dialogs/guards.py):
a command as a verb with filler ("withdraw the whole thing please"), a correction of an
earlier answer ("the time I typed is wrong"), a question about being known, distress in a
freer word order ("ik heb het er echt moeilijk mee"), a wish for the other language asked
as "why ...?" or "better than". And the answers they must not swallow.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.answer_eval import evaluate_answers
from bot.settings import Settings
from dialogs.guard_eval import recognised


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("withdraw the whole thing please", "cancel"),
        ("nah scrap that", "cancel"),
        ("ik trek me terug, niks melden", "cancel"),
        ("I'll do it later, stop for now", "cancel"),
        ("oops I put the wrong date, can I fix that", "back"),
        ("the time I typed is wrong", "back"),
        ("ik heb per ongeluk de verkeerde afdeling ingevuld", "back"),
        ("wat ik daarnet invulde klopt niet", "back"),
        ("fresh start please", "menu"),
        ("wrong type of report, I need the other one", "menu"),
        ("herstart aub", "menu"),
        ("can they identify me through this?", "question_anonymity"),
        ("ziet hij mijn achternaam", "question_anonymity"),
        ("am I named anywhere in this?", "question_anonymity"),
        ("ik voel me zo schuldig", "distress"),
        ("my heart's still racing", "distress"),
        ("ik heb het er echt moeilijk mee", "distress"),
        ("why does this always happen to me", "distress"),
        ("het dringt nu pas echt tot me door", "distress"),
        ("hoeveel tijd kost dit nog", "question"),
        ("why are you talking Dutch", "language_en"),
        ("English works better than Dutch for me", "language_en"),
        ("waarom in het engels?", "language_nl"),
        # asked whether the person it is about learns it, or in a question's words only
        ("krijgt de bewoner dit ook te lezen?", "question_anonymity"),
        ("does the resident get to see this?", "question_anonymity"),
        ("if i fill this in will the family know it was me", "question_anonymity"),
        ("als ik dit invul, ziet mijn collega dan dat het van mij komt", "question_anonymity"),
        # a seventh blind round: thoughts of not living are care, never "stop"
        ("ik wil niet meer leven eerlijk gezegd", "distress"),
        ("soms denk ik dat het beter is als ik er niet meer ben", "distress"),
        ("sometimes i think everyone would be better off without me", "distress"),
        ("ik ga hier echt aan kapot", "distress"),
        ("ik slaap al een week niet meer door dit", "distress"),
        ("completely broken, i can't keep going like this", "distress"),
        # asked whether one can stop: asked back; stopping, going back, the start in more words
        ("kan ik dit nog annuleren? wil t niet meer insturen", "cancel"),
        ("can i just abort this? it's been sorted already", "cancel"),
        ("bin the report, i'm out", "cancel"),
        ("hou maar op met vragen, ik meld het uiteindelijk toch niet", "cancel"),
        ("wait wrong date!! change it pls", "back"),
        ("ik drukte op de verkeerde, wil dat nog aanpassen", "back"),
        ("step back pls i messed up", "back"),
        ("let me start from scratch, i picked the wrong option at the beginning", "menu"),
        ("helemaal vooraan beginnen ajb", "menu"),
        ("komt dit in mijn personeelsdossier?", "question_anonymity"),
        ("word ik bij naam genoemd", "question_anonymity"),
        ("my name stays hidden from him right", "question_anonymity"),
        ("leest mijn leidinggevende dit?", "question"),
        ("take me back to the options", "menu"),
        ("terug naar start aub", "menu"),
        ("ik klikte per ongeluk verkeerd, kan ik nog terug", "back"),
    ],
)
def test_more_phrasings_are_recognised(text: str, kind: str) -> None:
    assert recognised(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "I find it hard to say when",
        "ik weet het echt niet meer, rond 3 uur denk ik",
        "hij zei dat ik net de verkeerde medicatie had gegeven",
        "het was zwaar",
        "it's not worth it anymore",
        "laat ze maar weten van wie het komt",
        "anoniem, ik vertrouw het niet helemaal",
        "als hij mijn naam weet dan zoekt hij me op, dat riep hij gisteren",
        "if he finds out my name he will come after me",
        "hij kent mijn naam, ja",
        "from the start he was rude to me",
        "ik moest van hem terug naar start",
    ],
)
def test_answers_stay_answers(text: str) -> None:
    assert recognised(text) is None


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_correction_at_the_summary_is_its_change(settings: Settings, tmp_path: Path) -> None:
    """At the summary, "the date I gave was wrong" asks to change something there, not to
    go back to the question before the summary."""
    answers = [
        {"text": "the date I gave was wrong", "expect": "edit"},
        {"text": "I typed the time wrong, can I fix it", "expect": "edit"},
    ]
    question = {"question": "summary", "flows": ["online_threat"], "answers": answers}
    path = tmp_path / "en.yml"
    path.write_text(yaml.safe_dump({"questions": [question]}), encoding="utf-8")
    report = evaluate_answers([path], settings)
    assert report.overall == 1.0, report.summary()

"""Messages that are no answer, in the words of the eighth blind development round
(nlu/dev/guards/*-8.yml): going back told as a slip ("oops wrong one", "mijn duim schoot
uit"), the menu asked as "what else can you do", stopping as "bin mine", questions whether
it is confidential, and distress without the usual words ("this is too much", "ik ben
kapot")."""

from __future__ import annotations

import pytest

from dialogs.guard_eval import recognised


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("oops wrong one", "back"),
        ("let me fix that", "back"),
        ("sorry mijn duim schoot uit, dat bedoelde ik niet", "back"),
        ("kan ik dat nog wijzigen", "back"),
        ("what else can you do", "menu"),
        ("wat zijn mijn opties", "menu"),
        ("overzicht", "menu"),
        ("my colleague is reporting it already so you can bin mine", "cancel"),
        ("pfff dit duurt me te lang, laat de hele melding maar zitten", "cancel"),
        ("is this confidential?", "question_anonymity"),
        ("is dit vertrouwelijk?", "question_anonymity"),
        ("this is too much", "distress"),
        ("ik ben kapot", "distress"),
        ("i can't think straight right now", "distress"),
    ],
)
def test_no_answer_in_other_words(text: str, kind: str) -> None:
    assert recognised(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "hij gaf me een overzicht van de medicatie",
        "hij liet me een overzicht van zijn medicatie zien",
        "het menu in de kantine",
    ],
)
def test_answers_near_the_new_words_stay_answers(text: str) -> None:
    assert recognised(text) is None

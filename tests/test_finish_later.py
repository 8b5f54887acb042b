"""Finishing a report later: "een andere keer", "later verder" keep the draft as it is and
say so; the melder's next message first shows where they were; nothing is sent meanwhile,
and 'stop' still deletes."""

from __future__ import annotations

import pytest

from bot.answer_eval import at_question
from bot.runtime import Runtime
from dialogs.messages import Outgoing
from dialogs.state import ConversationState
from tests.stepchat import StepChat
from tests.test_answers_more_phrasings import at_summary

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def texts(reply: list[Outgoing]) -> str:
    return "\n".join(m.text for m in reply)


@pytest.mark.parametrize(
    "words",
    [
        "doe ik een andere keer, ben te moe",
        "kan ik later verder?",
        "later",
        "ik maak het later af",
        "another time, I'm too tired now",
        "can I finish this later",
        # "do it" is no "send it" here
        "i'll do it another time",
        # found in an eleventh blind round: these sent the report or deleted it
        "I'll finish this tomorrow",
        "finish later pls",
        "I'll send it tomorrow",
        "ik verstuur hem morgen wel",
        "laat maar even staan, ik kijk er morgen naar",
        "maak ik morgen af",
        # not now, said at the summary (nlu/dev/answers/*-11.yml): kept, never sent
        "send it after i've talked to my husband",
        "ok wait, not yet",
        "ok but dont send yet, i want to read it again tonight",
        "send it on friday",
        "klopt, maar stuur het maandag pas",
        "ja klopt maar wacht tot ik mn teamleider heb gesproken",
        "bijna zover, geef me ff een dag",
        "zet maar even op pauze, ik kom erop terug",
    ],
)
def test_later_keeps_the_report_and_comes_back_to_it(runtime: Runtime, words: str) -> None:
    chat = at_summary(runtime)
    reply = texts(chat.send(words))
    assert "30" in reply
    assert "later verder" in reply or "continue later" in reply
    assert chat.position() == ("aggression", "summary")
    with runtime.store.unit() as unit:
        assert unit.all_cases() == []
    # Back the next day: where they were first, then the same question, then it is sent.
    back = texts(chat.send("hoi, daar ben ik weer"))
    assert "Welkom terug" in back or "Welcome back" in back
    assert chat.position() == ("aggression", "summary")
    chat.send("ja klopt, verstuur maar")
    with runtime.store.unit() as unit:
        assert len(unit.all_cases()) == 1


def test_stop_with_later_as_its_reason_still_deletes(runtime: Runtime) -> None:
    chat = at_summary(runtime)
    reply = texts(chat.send("stop, doe het later wel"))
    assert "verwijderd" in reply or "Gestopt" in reply
    assert chat.position() == ("menu", "menu")
    with runtime.store.unit() as unit:
        assert unit.all_cases() == []


def test_cancel_with_another_time_as_its_reason_deletes(runtime: Runtime) -> None:
    chat = at_summary(runtime)
    chat.send("annuleren, ik doe het een andere keer")
    assert chat.position() == ("menu", "menu")
    with runtime.store.unit() as unit:
        assert unit.all_cases() == []


def test_stop_after_later_deletes_the_draft(runtime: Runtime) -> None:
    chat = at_summary(runtime)
    chat.send("een andere keer verder")
    chat.send("stop")
    assert chat.position() == ("menu", "menu")
    chat.send("hallo")
    assert chat.position()[0] != "aggression"


def test_later_outside_a_report_says_there_is_nothing_to_keep(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    reply = texts(chat.send("ik doe het later wel"))
    assert "geen melding bezig" in reply
    assert chat.position() == ("menu", "menu")


@pytest.mark.parametrize(("lang", "words"), [("en", "maybe later"), ("nl", "later misschien")])
def test_later_at_a_yes_no_question_is_its_no(runtime: Runtime, lang: str, words: str) -> None:
    """Where a question's own words take "later" ("maybe later" to a call), the option
    wins: nothing is paused."""
    reply = at_question(runtime, lang, "aftercare", "callback", "later-chat", words)
    said = "\n".join(m.text for m in reply.messages)
    assert "30" not in said
    with runtime.store.unit() as unit:
        stored = unit.load_conversation(runtime.store.pseudonym("console", "later-chat"))
    assert stored is not None
    assert stored.step != "callback"
    assert not ConversationState.from_stored(stored.state, lang).paused


@pytest.mark.parametrize(
    "words",
    [
        "ja verstuur het maar, ben blij dat het eruit is",
        "ja stuur het nu maar, klopt",
        "goed zo, versturen maar. voel me al iets beter",
    ],
)
def test_a_plain_yes_with_maar_sends(runtime: Runtime, words: str) -> None:
    chat = at_summary(runtime)
    chat.send(words)
    with runtime.store.unit() as unit:
        assert len(unit.all_cases()) == 1


@pytest.mark.parametrize(
    "words", ["het was gisteren, niet vandaag", "it happened yesterday, not today"]
)
def test_a_day_corrected_at_the_summary_is_a_change(runtime: Runtime, words: str) -> None:
    chat = at_summary(runtime)
    reply = texts(chat.send(words))
    assert "30" not in reply, "not kept for later: a change"
    with runtime.store.unit() as unit:
        assert unit.all_cases() == []

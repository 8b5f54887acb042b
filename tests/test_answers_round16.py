"""Answers in the words of the sixteenth blind development round (the summary, the evidence
question, who did it): "i'd rather have my name on it" at the summary of an anonymous report
asks the anonymity question again (anonymity changes only by the melder's own choice);
"also send it to my team leader" opens the question of who receives it; "im done" at the
evidence question is done, not a stop; "i want to check with my colleague first" keeps the
report; "y" sends it; "hij heeft mn naam getagd" raised an alarm."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.danger_checks import classifier_alarm
from tests.stepchat import StepChat
from tests.test_answers_more_phrasings import at_summary
from tests.test_facts_round13 import fact
from tests.test_finish_later import texts
from tests.test_understanding import AGGRESSION_NL

sqlite = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def cases(runtime: Runtime) -> int:
    with runtime.store.unit() as unit:
        return len(unit.all_cases())


@sqlite
@pytest.mark.parametrize("words", ["toch liever met mijn naam erbij", "zet mn naam er toch bij"])
def test_a_name_wished_at_the_summary_asks_the_anonymity_question(
    runtime: Runtime, words: str
) -> None:
    chat = at_summary(runtime)
    chat.send(words)
    assert chat.position() == ("aggression", "anonymity")
    assert cases(runtime) == 0


@sqlite
def test_anonymous_said_at_an_anonymous_summary_changes_nothing(runtime: Runtime) -> None:
    chat = at_summary(runtime)
    chat.send("anoniem klopt, verstuur maar")
    assert cases(runtime) == 1


@sqlite
def test_check_with_a_colleague_first_keeps_the_report(runtime: Runtime) -> None:
    chat = at_summary(runtime)
    reply = texts(chat.send("i want to check with my colleague first"))
    assert "30" in reply
    assert cases(runtime) == 0


@sqlite
def test_y_at_the_summary_sends_it(runtime: Runtime) -> None:
    chat = at_summary(runtime)
    chat.send("y")
    assert cases(runtime) == 1


@sqlite
@pytest.mark.parametrize("words", ["im done", "nop", "maakt niet uit"])
def test_done_in_words_at_the_evidence_question_goes_on(runtime: Runtime, words: str) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="evidence")
    chat.send(words)
    assert chat.position() == ("aggression", "impact"), "done, not stopped"


def test_an_online_act_raises_no_alarm() -> None:
    assert not classifier_alarm("hij heeft mn naam getagd zodat iedereen me kan vinden")


@pytest.mark.parametrize(
    ("text", "excluded"),
    [
        ("dont send it to HR, only my manager", False),
        ("liever anoniem, mn leidinggevende is juist onderdeel van het probleem", True),
    ],
)
def test_the_line_manager_beside_other_recipients(text: str, excluded: bool) -> None:
    lang = "en" if text.startswith("dont") else "nl"
    assert fact("exclude_line_manager", text, lang=lang) is excluded

"""Answers at the summary in the words of the eighteenth blind development round: a yes with
a question the receipt answers sends ("ja klopt. wanneer hoor ik iets?"), any other question
is answered first ("ja. kan mijn leidinggevende dit zien?"); a stop with the manager as its
reason stops ("pls dont send, my manager already knows"); "straks, zit nu met een cliënt"
keeps the report for later and raises no alarm; a wish about the line manager may come with
its reason."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.test_answers_more_phrasings import at_summary
from tests.test_answers_round16 import cases

sqlite = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def _said(reply: list) -> str:  # type: ignore[type-arg]
    return " ".join(m.text for m in reply)


@sqlite
@pytest.mark.parametrize(
    "words", ["ja klopt. wanneer hoor ik iets?", "jaa klopt. bellen ze mij dan nog?"]
)
def test_a_yes_with_a_question_the_receipt_answers_sends(runtime: Runtime, words: str) -> None:
    chat = at_summary(runtime)
    reply = chat.send(words)
    assert cases(runtime) == 1
    assert "Binnen 24 uur" in _said(reply)


@sqlite
@pytest.mark.parametrize(
    "words", ["ja. kan mijn leidinggevende dit zien?", "ja verstuur maar, wie leest het?"]
)
def test_a_yes_with_another_question_is_answered_before_anything_is_sent(
    runtime: Runtime, words: str
) -> None:
    chat = at_summary(runtime)
    reply = chat.send(words)
    assert cases(runtime) == 0
    assert chat.position() == ("aggression", "summary")
    assert "aanspreekpunt" in _said(reply)


@sqlite
@pytest.mark.parametrize(
    "words",
    [
        "niet sturen aub, mijn leidinggevende weet het al en heeft het opgelost",
        "laat maar, ik praat zelf met mijn leidinggevende",
        "hoeft niet meer, we hebben het al opgelost samen",
    ],
)
def test_a_stop_with_the_manager_as_its_reason_stops(runtime: Runtime, words: str) -> None:
    chat = at_summary(runtime)
    reply = chat.send(words)
    assert cases(runtime) == 0
    assert chat.position()[1] != "summary"
    assert "Wie wil je dat je melding krijgt" not in _said(reply)


@sqlite
@pytest.mark.parametrize("words", ["straks, zit nu met een cliënt", "nu even niet"])
def test_not_now_keeps_the_report_for_later_without_an_alarm(runtime: Runtime, words: str) -> None:
    chat = at_summary(runtime)
    reply = chat.send(words)
    assert cases(runtime) == 0
    assert "112" not in _said(reply)
    assert "later verder" in _said(reply)


@sqlite
def test_keeping_the_manager_out_may_come_with_its_reason(runtime: Runtime) -> None:
    chat = at_summary(runtime)
    reply = chat.send("ik wil niet dat het naar mijn leidinggevende gaat, die is bevriend met hem")
    assert cases(runtime) == 0
    assert "niet naar je eigen leidinggevende" in _said(reply)
    assert chat.position() == ("aggression", "summary")

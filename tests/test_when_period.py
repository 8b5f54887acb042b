"""A time said only as a period ("vorige week", "a few days ago", "weken geleden"): found in
the terminal chat, the story "tijdens de brandoefening vorige week schold een bezoeker me
uit" was confirmed without its time and "vorige week" typed at the confirmation was not
understood. Now the period is the answer to "when?" it falls under, with the words kept."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from bot.runtime import Runtime
from dialogs.fields import WHEN_OPTIONS
from nlu.when import resolve
from nlu.when_period import EARLIER, PAST_WEEK
from tests.stepchat import StepChat
from tests.test_story_facts import Clock, stored, typed

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)  # Wednesday 2 December, 10:00 in Amsterdam


@pytest.mark.parametrize(
    ("text", "choice", "words"),
    [
        (
            "tijdens de brandoefening vorige week schold een bezoeker me uit",
            PAST_WEEK,
            "vorige week",
        ),
        ("last week a visitor pushed me", PAST_WEEK, "last week"),
        ("een paar dagen geleden stond hij weer aan de balie", PAST_WEEK, "een paar dagen geleden"),
        ("a couple of days ago he spat at me", PAST_WEEK, "a couple of days ago"),
        ("a few weeks ago a patient threatened me", EARLIER, "a few weeks ago"),
        ("vorig jaar heeft hij me ook al bedreigd, en vorige maand weer", EARLIER, "vorige maand"),
    ],
)
def test_a_period_is_the_answer_it_falls_under(text: str, choice: str, words: str) -> None:
    moment = resolve(text, NOW, "Europe/Amsterdam")
    assert moment is not None
    assert moment.as_value() == {"choice": choice}
    assert moment.words == words


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("vorige week dinsdag schold hij me uit", {"date": "2026-11-24"}),
        ("2 weken geleden duwde hij me", {"date": "2026-11-18"}),
        ("sinds vorige week stuurt hij me berichten", {"choice": "ongoing"}),
    ],
)
def test_a_day_or_still_going_on_wins_over_a_period(text: str, value: dict[str, str]) -> None:
    moment = resolve(text, NOW, "Europe/Amsterdam")
    assert moment is not None
    assert moment.as_value() == value


def test_the_periods_are_answers_of_the_when_question() -> None:
    assert {PAST_WEEK, EARLIER} <= {option.id for option in WHEN_OPTIONS}


@pytest.fixture
def runtime(make_runtime: Callable[..., Runtime]) -> Runtime:
    return make_runtime(clock=Clock())


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_story_told_last_week_is_not_asked_when(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    story = "tijdens de brandoefening vorige week schold een bezoeker me uit en duwde me"
    replies = typed(chat, [story])
    understood = replies["start"][-1].text
    assert understood.startswith("Ik heb begrepen: vorige week, fysieke agressie, door een")
    replies = typed(chat, ["klopt", "ja klopt"])
    assert chat.position()[1] == "where", "a yes at 'waar?' is no place"
    assert replies["where"][0].text.startswith("Ik weet niet zeker welke je bedoelt")
    typed(chat, ["in de gang bij de lift", "heb ik niet", "gaat wel", "liever anoniem"])
    typed(chat, ["dat zeg ik liever niet"])
    said = typed(chat, ["maakt me niet uit"])["contact_pref"]
    summary = next(m.text for m in said if m.text.startswith("Dit ga je versturen"))
    assert "• Wanneer: In de afgelopen week: vorige week\n" in summary
    assert "• Waar: in de gang bij de lift\n" in summary
    typed(chat, ["ja verstuur maar"])
    case = stored(runtime)
    assert case["occurred_choice"] == PAST_WEEK
    assert case["occurred"] == "vorige week"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_last_week_typed_at_the_confirmation_is_taken(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine, lang="en")
    typed(chat, ["a visitor pushed me during the fire drill", "yes"])
    replies = typed(chat, ["last week i think"])
    texts = [m.text for m in replies["understood"]]
    assert texts[-1].startswith("I have understood: last week, physical aggression, by a")
    typed(chat, ["yep"])
    assert chat.position()[1] == "where", "when it happened is not asked again"

"""Corrections in own words at the summary (dialogs/corrections.py). Found in the terminal
chat: "de datum klopt niet" asked "Wat wil je aanpassen?" with ten answers to choose from,
and there "eergisteren", "de persoon" and "het was niet een bezoeker maar de zoon van een
patient" were each answered with "Ik weet niet zeker welke je bedoelt"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.runtime import Runtime
from tests.stepchat import StepChat
from tests.test_story_facts import Clock, stored
from tests.test_understanding import AGGRESSION_NL

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@pytest.fixture
def runtime(make_runtime: Callable[..., Runtime]) -> Runtime:
    return make_runtime(clock=Clock())  # Wednesday 2 December 2026


def at_summary(runtime: Runtime) -> StepChat:
    """A Dutch aggression report at its summary: yesterday around 15:00 (1 December), the
    son of a patient, told in the melder's own words."""
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="summary")
    assert chat.position() == ("aggression", "summary")
    return chat


def text_of(replies: list) -> str:  # type: ignore[type-arg]
    return "\n".join(m.text for m in replies)


@pytest.mark.parametrize(
    ("words", "step"),
    [
        ("de datum klopt niet", "when"),
        ("yes but the date is wrong", "when"),
        ("klopt, alleen de tijd niet", "when"),
        ("hmm weet niet zeker over de tijd", "when"),
        ("ik zei avond niet middag", "when"),
        ("de persoon klopt niet", "who"),
        ("my score for how i'm doing was too high", "impact"),
        ("I'd like to rewrite the description, it sounds worse than it was", "what"),
        ("verkeerd team", "team"),
        ("the location is off", "where"),
    ],
)
def test_a_correction_that_names_an_answer_asks_its_question(
    runtime: Runtime, words: str, step: str
) -> None:
    chat = at_summary(runtime)
    chat.send(words)
    assert chat.position() == ("aggression", step), "no 'what do you want to change?' first"


def test_the_named_question_answered_leads_back_to_the_summary_and_is_sent(
    runtime: Runtime,
) -> None:
    chat = at_summary(runtime)
    chat.send("de datum klopt niet")
    reply = text_of(chat.send("maandag rond 8 uur savonds"))
    assert chat.position() == ("aggression", "summary")
    assert "30 nov" in reply, reply
    chat.send("ja verstuur")
    assert stored(runtime)["occurred_at"] == "2026-11-30T20:00:00+01:00"


@pytest.mark.parametrize(
    ("words", "said", "field", "value"),
    [
        (
            "het was geen familie maar een bezoeker",
            "Goed, ik heb het aangepast: door een bezoeker.",
            "perpetrator_relation",
            "bezoeker",
        ),
        (
            "het was maandag, niet dinsdag",
            "Goed, ik heb het aangepast: maandag 30 november.",
            "occurred_at",
            "2026-11-30",
        ),
        (
            "eergisteren om 5 uur smiddags",
            "Goed, ik heb het aangepast: maandag 30 november om 17:00.",
            "occurred_at",
            "2026-11-30T17:00:00+01:00",
        ),
        (
            "it was outside in the car park actually",
            "All right, I have changed it: outside.",
            "location_kind",
            "outside",
        ),
    ],
)
def test_a_correction_that_states_the_new_answer_changes_it_at_once(
    runtime: Runtime, words: str, said: str, field: str, value: str
) -> None:
    chat = at_summary(runtime)
    reply = chat.send(words)
    assert said in [m.text for m in reply]
    assert chat.position() == ("aggression", "summary"), "the summary is shown again"
    assert any(m.text.startswith(("Dit ga je versturen", "This is what")) for m in reply)
    chat.send("ja verstuur" if said.startswith("Goed") else "yes send it")
    case = stored(runtime)
    assert case[field] == value


def test_the_old_answers_own_words_go_with_it(runtime: Runtime) -> None:
    """The melder's words "de zoon van de patiënt" told the old answer: the summary and
    the case no longer show them beside the new one."""
    chat = at_summary(runtime)
    reply = text_of(chat.send("nee het was geen familie maar een bezoeker"))
    assert "zoon" not in reply
    chat.send("ja verstuur")
    case = stored(runtime)
    assert case["perpetrator_relation"] == "bezoeker"
    assert not case.get("perpetrator_text")


def test_at_what_to_change_an_answer_in_words_is_taken_too(runtime: Runtime) -> None:
    chat = at_summary(runtime)
    chat.send("iets aanpassen")
    assert chat.position() == ("aggression", "edit_field")
    reply = chat.send("eergisteren")
    assert reply[0].text == "Goed, ik heb het aangepast: maandag 30 november."
    assert chat.position() == ("aggression", "summary")
    chat.send("iets aanpassen")
    chat.send("de persoon")
    assert chat.position() == ("aggression", "who")


@pytest.mark.parametrize(
    "words",
    [
        "dat is niet waar",  # not true: no place named
        "de naam van de patiënt staat erin, die wil ik eruit halen",  # the story, not my name
    ],
)
def test_words_that_name_no_answer_ask_what_to_change(runtime: Runtime, words: str) -> None:
    chat = at_summary(runtime)
    chat.send(words)
    assert chat.position() == ("aggression", "edit_field")
    chat.send("laat maar, klopt wel")  # nothing was changed on the way
    assert chat.position() == ("aggression", "summary")
    chat.send("ja verstuur")
    assert stored(runtime)["occurred_at"] == "2026-12-01T15:00:00+01:00"


def test_a_question_at_the_summary_is_answered_not_taken_for_a_change(runtime: Runtime) -> None:
    chat = at_summary(runtime)
    reply = text_of(chat.send("wie ziet dit allemaal?"))
    assert chat.position() == ("aggression", "summary")
    assert "Wie deed het" not in reply.split("Klopt dit?")[-1]


def test_the_same_day_without_a_time_keeps_the_time_given(runtime: Runtime) -> None:
    chat = at_summary(runtime)
    chat.send("het was dinsdag")  # the 1st is a Tuesday: the answer given holds already
    chat.send("laat maar, klopt wel")
    chat.send("ja verstuur")
    assert stored(runtime)["occurred_at"] == "2026-12-01T15:00:00+01:00"


@pytest.mark.parametrize("words", ["laat maar", "never mind", "niks, klopt toch", "terug"])
def test_nothing_to_change_after_all_returns_to_the_summary(runtime: Runtime, words: str) -> None:
    """Found in the terminal chat: "laat maar" at "Wat wil je aanpassen?" deleted the whole
    report, and "terug" went to the question before the summary."""
    chat = at_summary(runtime)
    chat.send("iets aanpassen")
    reply = text_of(chat.send(words))
    assert chat.position() == ("aggression", "summary")
    assert "Gestopt" not in reply
    chat.send("ja verstuur")
    assert stored(runtime)["occurred_at"] == "2026-12-01T15:00:00+01:00", "sent as it was"


def test_the_edit_question_offers_nothing_to_change(runtime: Runtime) -> None:
    chat = at_summary(runtime)
    reply = chat.send("iets aanpassen")
    assert [c.label for c in reply[-1].choices][-1] == "Het klopt toch"


def test_back_from_a_question_asked_again_returns_to_the_summary(runtime: Runtime) -> None:
    chat = at_summary(runtime)
    chat.send("de datum klopt niet")
    assert chat.position() == ("aggression", "when")
    chat.send("terug")
    assert chat.position() == ("aggression", "summary")


def test_an_earlier_answer_named_before_the_summary_is_asked_then_the_report_goes_on(
    runtime: Runtime,
) -> None:
    """ "de datum klopt niet" at the team question went back one question (to how the
    melder is doing): now it asks when, then the team question again, and no answered
    question twice."""
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="team")
    assert chat.position() == ("aggression", "team")
    chat.send("de datum klopt niet")
    assert chat.position() == ("aggression", "when")
    chat.send("terug")
    assert chat.position() == ("aggression", "team"), "back where the change was asked"
    chat.send("de datum klopt niet")
    chat.send("maandag")
    assert chat.position() == ("aggression", "team")
    chat.answer("aggression", AGGRESSION_NL, until="summary")
    chat.send("ja verstuur")
    case = stored(runtime)
    assert case["occurred_at"] == "2026-11-30"
    assert case["team"] == "kliniek-noord"


def test_an_earlier_answer_corrected_with_its_value_is_taken_where_it_is_said(
    runtime: Runtime,
) -> None:
    """Found in the terminal chat: "hmm the time is wrong, it was monday around 8 pm" at the
    line-manager question asked 'when?' again, as if the new time had not been given."""
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="team")
    reply = chat.send("hmm the time is wrong, it was monday around 8 pm")
    said = [m.text for m in reply]
    assert "Goed, ik heb het aangepast: maandag 30 november rond 20:00." in said, said
    assert chat.position() == ("aggression", "team"), "the open question is asked again"
    reply = chat.send("eigenlijk was het geen familie maar een bezoeker")
    assert reply[0].text == "Goed, ik heb het aangepast: door een bezoeker."
    assert chat.position() == ("aggression", "team")
    chat.answer("aggression", AGGRESSION_NL, until="summary")
    chat.send("ja verstuur")
    case = stored(runtime)
    assert case["occurred_at"] == "2026-11-30T20:00:00+01:00"
    assert case["perpetrator_relation"] == "bezoeker"


def test_a_day_told_in_passing_changes_no_earlier_answer(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="impact")
    chat.send("slecht, ik slaap niet meer sinds maandag")
    chat.answer("aggression", AGGRESSION_NL, until="summary")
    chat.send("ja verstuur")
    assert stored(runtime)["occurred_at"] == "2026-12-01T15:00:00+01:00"


def test_a_story_rewritten_from_the_summary_is_kept_as_written(runtime: Runtime) -> None:
    """A contrast in a new story ("niet een familielid maar een bezoeker ...") is the story: it is
    stored, not read as a correction of who did it."""
    chat = at_summary(runtime)
    chat.send("de beschrijving wil ik anders")
    assert chat.position() == ("aggression", "what")
    story = "Niet een familielid maar een bezoeker schreeuwde tegen mij bij de balie."
    chat.send(story)
    assert chat.position() == ("aggression", "summary")
    chat.send("ja verstuur")
    assert stored(runtime)["description"] == story


@pytest.mark.parametrize(
    "words",
    [
        "er mist nog dat hij ook heeft gespuugd",
        "ja klopt, maar er mist nog dat hij ook heeft gespuugd",
        "ik wil nog toevoegen dat hij maandag ook al belde",  # more story, not a new date
        "I forgot to say that he spat at me too",
    ],
)
def test_more_of_what_happened_at_the_summary_is_added_to_the_story(
    runtime: Runtime, words: str
) -> None:
    chat = at_summary(runtime)
    reply = text_of(chat.send(words))
    assert "Ik heb dat bij je verhaal gezet." in reply or "I've added that to your story." in reply
    assert words in reply, "the summary again, with the story as it is now"
    assert chat.position() == ("aggression", "summary"), "nothing is sent yet"
    assert "Wat wil je aanpassen" not in reply
    assert "What do you want to change" not in reply
    chat.send("ja verstuur")
    case = stored(runtime)
    assert str(case["description"]).endswith(words)
    assert str(case["description"]).startswith("Iemand schreeuwde tegen mij")


def test_a_word_that_something_is_missing_asks_what_to_change(runtime: Runtime) -> None:
    chat = at_summary(runtime)
    assert "Wat wil je aanpassen?" in text_of(chat.send("er mist iets"))

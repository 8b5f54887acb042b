"""Distress told in the story of what happened (issue 14, "Emotion and safety"): a short
human answer and "are you safe now?" before the next question; yes in the melder's own
words goes on where we were, no leads to the acute-danger help; fear someone else feels
asks nothing. "Ik ben net bedreigd" is today."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from bot.runtime import Runtime
from dialogs.asides import safety_answer
from dialogs.guards import GUARDS
from dialogs.messages import Incoming, Outgoing
from tests.stepchat import StepChat

SAFE_Q = {"nl": "Ben je nu veilig?", "en": "Are you safe right now?"}


class Clock:
    """Wednesday 2 December 2026, 10:00 in Amsterdam."""

    def __call__(self) -> datetime:
        return datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def runtime(make_runtime: Callable[..., Runtime]) -> Runtime:
    return make_runtime(clock=Clock())


@pytest.fixture
def chat(runtime: Runtime) -> StepChat:
    return StepChat(runtime.engine)


def texts(replies: list[Outgoing]) -> list[str]:
    return [m.text for m in replies]


def outbox(runtime: Runtime, purpose: str) -> list[str]:
    with runtime.store.unit() as unit:
        rows = unit.claim_outbox("console")
    return [r.payload["text"] for r in rows if r.purpose == purpose]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_shaken_opening_story_asks_about_safety_before_the_facts(
    chat: StepChat, runtime: Runtime
) -> None:
    said = texts(
        chat.send(
            "ik ben net bedreigd door de vader van een client aan de balie, ik zit te trillen "
            "en ben echt bang"
        )
    )
    assert said[-2] == "Dat klinkt alsof het je flink heeft aangegrepen."
    assert said[-1] == SAFE_Q["nl"]
    assert not any(t.startswith("Ik heb begrepen") for t in said), "safety first"

    said = texts(chat.send("ja hoor, zit nu in de personeelskamer"))
    assert said[0].startswith("Goed. Neem je tijd")
    assert said[-1].startswith("Ik heb begrepen: vandaag, bij de receptie of balie")
    assert outbox(runtime, "acute_alert") == [], "a safe melder raises no alarm"

    chat.send("klopt")
    assert chat.position() == ("aggression", "evidence"), "the report goes on"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_story_at_its_question_that_ends_shaking_and_unsafe_gets_the_danger_help(
    chat: StepChat, runtime: Runtime
) -> None:
    chat.send("english")
    chat.send("I need to report aggression at work")
    assert chat.position() == ("aggression", "what")
    said = texts(
        chat.send(
            "on the ward this morning a patient pushed me against the wall and screamed at me. "
            "i'm still shaking"
        )
    )
    assert said[-2:] == ["That sounds like it really shook you.", SAFE_Q["en"]]

    said = texts(chat.send("not really, he's still on the ward"))
    assert any("112" in t for t in said), "not safe: the acute-danger help"
    assert outbox(runtime, "acute_alert"), "security is alerted"
    with runtime.store.unit() as unit:
        assert unit.all_cases() == [], "nothing is sent by itself"
    assert chat.position()[0] == "aggression", "the report is kept to go on with"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_words_that_do_not_answer_the_safety_question_show_the_next_question(
    chat: StepChat,
) -> None:
    chat.send("iemand stuurt me elke nacht bedreigingen via instagram. ik ben doodsbang.")
    assert chat.said[-1].text == SAFE_Q["nl"]
    waiting = chat.position()
    said = texts(chat.send("hmm"))
    assert said[-1].startswith("Wat is er gebeurd?"), "the question the story led to"
    assert chat.position() == waiting, "nothing was taken as its answer"
    said = texts(chat.send("hij stuurt foto's van mijn huis en schrijft dat hij me weet te vinden"))
    assert SAFE_Q["nl"] not in said, "asked once"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_someone_elses_fear_or_a_blow_to_the_head_asks_nothing(chat: StepChat) -> None:
    said = texts(
        chat.send(
            "ik wil iets bespreken: een moeder op de huisartsenpost leek doodsbang voor haar "
            "partner, hij hield de hele tijd haar telefoon vast"
        )
    )
    assert SAFE_Q["nl"] not in said
    chat.send("stop")
    said = texts(
        chat.send(
            "gisteren gooide een bewoner zijn bord naar mijn hoofd op de afdeling, gelukkig mis"
        )
    )
    assert SAFE_Q["nl"] not in said


@pytest.mark.parametrize(
    "story",
    [
        "vannacht kneep een patient mijn keel dicht. het is voorbij maar ik ben nog helemaal "
        "van slag",
        "client wachtte me op bij mn auto na het huisbezoek. zei niks, stond daar te kijken 😳",
        "someone emails me every night with threats. i'm scared.",
        "at 3 this morning a stranger spat at me through the hatch. I work at the GP post, "
        "still shaking",
    ],
)
def test_distress_about_the_melder_in_a_story(story: str) -> None:
    assert GUARDS.distress_in_story(story) is not None


@pytest.mark.parametrize(
    "story",
    [
        "a young mum at the GP post seemed terrified of her partner",
        "een oudere meneer in de wijk is erg bang voor zijn zoon",
        "a patient grabbed my shoulders and shook me because i wouldn't open the door",
        "sunday a patient pushed me into the cupboard, banged my head",
        "gisteren schold een man me uit aan de telefoon",
    ],
)
def test_no_distress_about_the_melder_in_a_story(story: str) -> None:
    assert GUARDS.distress_in_story(story) is None


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("ja hoor, zit in de personeelskamer", "safe"),
        ("ik ben thuis", "safe"),
        ("I'm safe, he left", "safe"),
        ("ja maar ik ben nog bang", "safe"),
        ("ja, hij staat voor de deur", None),
        ("ja, hij is er nog", "unsafe"),
        ("ik voel me niet veilig", "unsafe"),
        ("he's still here", "unsafe"),
        ("niet echt", "unsafe"),
        ("ik denk het wel", "safe"),
        ("ik denk het niet", "unsafe"),
        ("i dont think so", "unsafe"),
        ("wanneer was het ook alweer", None),
    ],
)
def test_the_answer_to_are_you_safe_in_own_words(text: str, said: str | None) -> None:
    class Turn:
        incoming = Incoming("console", "m", "m", text=text)

    assert safety_answer(Turn(), text) == said  # type: ignore[arg-type]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize(
    ("story", "safe"),
    [
        (
            "er was een man op de afdeling die me uitschold en duwde, ik zit nog steeds te trillen",
            "ja hoor zit nu in de pauzeruimte",
        ),
        (
            "a man on the ward shouted at me and pushed me, im still shaking",
            "yes, in the break room",
        ),
    ],
)
def test_a_shaken_story_at_the_menu_starts_the_report_not_the_support_list(
    chat: StepChat, story: str, safe: str
) -> None:
    """The classifier reads the feeling as a wish for support; the story tells a report."""
    said = texts(chat.send(story))
    assert chat.position()[0] == "aggression"
    assert said[-1] in SAFE_Q.values()
    said = texts(chat.send(safe))
    assert said[0].startswith(("Goed. Neem je tijd", "Good. Take your time"))


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_asking_to_talk_in_words_still_gives_support(chat: StepChat) -> None:
    said = texts(chat.send("ik wil even praten, een man schold me uit op de afdeling"))
    assert said[0].startswith("Het is goed om te praten")
    assert chat.position()[0] == "aftercare"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_distress_at_the_evidence_question_is_kept_with_the_story_and_cared_for(
    chat: StepChat, runtime: Runtime
) -> None:
    chat.send("vannacht greep een bewoner me bij mn pols en kneep heel hard op de afdeling")
    chat.send("ja")
    assert chat.position() == ("aggression", "evidence")
    said = texts(chat.send("weet niet, k ben nog wat van slag"))
    assert said[0] == "Ik heb dat bij je verhaal gezet."
    assert said[-1] == SAFE_Q["nl"]
    assert not any(t.startswith("Nog iets?") for t in said), "safety first"
    said = texts(chat.send("ja ben thuis nu"))
    assert said[0].startswith("Goed. Neem je tijd")
    assert said[-1].startswith("Heb je bewijs"), "back at the evidence question"
    chat.send("nee heb niks")
    assert chat.position() == ("aggression", "impact")
    assert outbox(runtime, "acute_alert") == []

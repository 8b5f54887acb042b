"""The chat speaks the melder's language: it follows a message clearly in the other language,
and an explicit request ("english please", "sorry I don't speak Dutch") switches and holds."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from bot.runtime import Runtime
from dialogs.i18n import translator
from dialogs.messages import Outgoing
from dialogs.texts import LANGUAGE_FOLLOWED, LANGUAGE_SWITCHED, OUT_OF_SCOPE
from tests.stepchat import StepChat

FOLLOWED_EN = translator("en")(LANGUAGE_FOLLOWED)
FOLLOWED_NL = translator("nl")(LANGUAGE_FOLLOWED)
SWITCHED_EN = translator("en")(LANGUAGE_SWITCHED)
SWITCHED_NL = translator("nl")(LANGUAGE_SWITCHED)


# These conversations run on SQLite; storage is tested on both databases elsewhere.
pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@pytest.fixture
def chat(make_runtime: Callable[..., Runtime]) -> StepChat:
    """A melder in a Dutch chat, at the menu."""
    melder = StepChat(make_runtime().engine, lang="nl")
    melder.send("hallo")
    return melder


def texts(reply: Sequence[Outgoing]) -> str:
    return "\n".join(m.text for m in reply)


def test_a_message_clearly_in_english_switches_a_dutch_chat(chat: StepChat) -> None:
    reply = chat.send("I want to report an online threat please")
    assert reply[0].text == FOLLOWED_EN, "said briefly, in the new language"
    assert chat.position()[0] == "online_threat"
    assert "What happened?" in reply[-1].text, "and the report goes on in English"
    reply = chat.send("ok")
    assert "Wat" not in texts(reply), "a short word does not switch back"


def test_a_message_clearly_in_dutch_switches_an_english_chat_back(chat: StepChat) -> None:
    chat.send("I would like to know what happens with my data")
    reply = chat.send("ik wil graag agressie op het werk melden")
    assert reply[0].text == FOLLOWED_NL
    assert chat.position()[0] == "aggression"


@pytest.mark.parametrize(
    "message",
    [
        "ik wil een report maken over agressie",
        "hij stalkt me op instagram, super creepy",
        'hij schreef "I know where you live, see you soon" onder mijn foto',
        "ok",
        "Jan de Vries",
        "instagram",
    ],
)
def test_an_english_word_or_quote_or_a_name_changes_nothing(chat: StepChat, message: str) -> None:
    reply = chat.send(message)
    assert FOLLOWED_EN not in texts(reply)
    assert all("What happened" not in m.text for m in reply)
    with chat.engine.store.unit() as unit:
        stored = unit.load_conversation(chat.engine.store.pseudonym("console", chat.user))
    assert stored is not None
    assert stored.lang == "nl"


@pytest.mark.parametrize(
    ("request_", "lang"),
    [
        ("english please", "en"),
        ("sorry I don't speak Dutch", "en"),
        ("Can we do this in English?", "en"),
        ("english", "en"),
    ],
)
def test_an_explicit_request_switches_and_holds(chat: StepChat, request_: str, lang: str) -> None:
    reply = chat.send(request_)
    assert reply[0].text == SWITCHED_EN
    reply = chat.send("ik wil graag een melding maken van agressie op het werk")
    assert FOLLOWED_NL not in texts(reply), "held: the chat no longer follows"
    assert "What happened?" in reply[-1].text, "the report is asked in English"
    reply = chat.send("nederlands")
    assert reply[0].text == SWITCHED_NL
    assert "Wat is er gebeurd?" in reply[-1].text


def test_a_long_english_story_is_kept_and_the_chat_continues_in_english(
    chat: StepChat,
) -> None:
    chat.send(choice="aggression")
    story = "The patient's son shouted at me and pushed me against the wall when I came in."
    reply = chat.send(story)
    assert reply[0].text == FOLLOWED_EN
    assert chat.position() == ("aggression", "understood"), "the story was taken as the answer"
    assert reply[-1].text.startswith("I have understood:"), "and is confirmed in English"


def test_the_menu_answer_follows_too(chat: StepChat) -> None:
    reply = chat.send("what is the weather like tomorrow in utrecht")
    assert reply[0].text == FOLLOWED_EN
    assert reply[1].text == translator("en")(OUT_OF_SCOPE)

"""Answers in words at questions with a shortcut or a list, found trying the terminal chat:
what a melder writes is kept whole where it tells more than the shortcut ("the group is
called Ouders Oost, no idea who the person is"), words that name no one at "who did it?"
are confirmed before they are stored, and the chat instead of a phone call is understood
inside a longer answer."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.test_learned_answers import SQLITE, ask


@SQLITE
def test_an_account_answer_that_tells_more_than_i_dont_know_is_kept(runtime: Runtime) -> None:
    text = "the group is called Ouders Oost, no idea who the person is, profile says Mark something"
    _, position, slots, _ = ask(runtime, "en", "online_threat", "handle", text)
    assert slots["handle"] == text
    assert position == ("online_threat", "who")


@SQLITE
@pytest.mark.parametrize(("lang", "text"), [("en", "dunno"), ("en", "idk"), ("nl", "weet k niet")])
def test_i_dont_know_in_short_words_is_the_shortcut(runtime: Runtime, lang: str, text: str) -> None:
    _, position, slots, _ = ask(runtime, lang, "online_threat", "handle", text)
    assert slots["handle"] == ""
    assert position == ("online_threat", "who")


@SQLITE
@pytest.mark.parametrize(
    ("lang", "text", "asked"),
    [
        ("en", "i have screenshots but on my other phone", "I don't see who did it in that."),
        ("nl", "ik heb screenshots maar op mijn andere telefoon", "Ik zie daar niet in wie"),
    ],
)
def test_words_that_name_no_one_at_who_did_it_are_confirmed_first(
    runtime: Runtime, lang: str, text: str, asked: str
) -> None:
    texts, position, slots, _ = ask(runtime, lang, "aggression", "who", text)
    assert position == ("aggression", "who")
    assert any(t.startswith(asked) for t in texts)
    assert slots.get("perpetrator_text") != text, "not stored before it is confirmed"


@SQLITE
@pytest.mark.parametrize(
    "text", ["de buurman van de client, Henk", "the guy from the flat upstairs", "@ouders_oost"]
)
def test_words_that_name_someone_at_who_did_it_are_kept(runtime: Runtime, text: str) -> None:
    _, position, slots, _ = ask(runtime, "nl", "aggression", "who", text)
    assert position == ("aggression", "evidence")
    assert slots["perpetrator_relation"] in {"other", "naaste", "onbekend", "patient", "bezoeker"}


@SQLITE
def test_the_chat_instead_of_a_call_is_understood_in_a_longer_answer(runtime: Runtime) -> None:
    texts, position, _, _ = ask(
        runtime,
        "nl",
        "aftercare",
        "callback_phone",
        "hier in de chat is prima, bellen lukt niet zo goed op mijn werk",
    )
    assert any("hier in deze chat contact met je op te nemen" in t for t in texts)
    assert not any("telefoonnummer lezen" in t for t in texts)
    assert position == ("menu", "menu")


@SQLITE
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "no pics"),
        ("en", "didnt take photos"),
        ("nl", "nee heb niks"),
        ("nl", "geen fotos gemaakt"),
    ],
)
def test_no_evidence_in_short_words_ends_the_evidence_question(
    runtime: Runtime, lang: str, text: str
) -> None:
    """Found trying the terminal chat: "no pics" was added to the story."""
    texts, position, _, _ = ask(runtime, lang, "aggression", "evidence", text)
    assert position == ("aggression", "impact")
    assert not any(t.startswith(("Ik heb dat bij je verhaal", "I've added that")) for t in texts)


@SQLITE
@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [("en", "3 i guess", "reception"), ("en", "2 pls", "home_visit"), ("nl", "1 denk ik", "ward")],
)
def test_a_number_with_a_hedge_chooses_its_option(
    runtime: Runtime, lang: str, text: str, place: str
) -> None:
    _, position, slots, _ = ask(runtime, lang, "aggression", "where", text)
    assert slots["location_kind"] == place
    assert position == ("aggression", "aro")


@SQLITE
@pytest.mark.parametrize(
    ("lang", "text", "told"),
    [
        ("nl", "een collega van de nachtdienst", "De vertrouwenspersoon helpt je daarbij"),
        ("en", "my team lead", "The vertrouwenspersoon (confidential adviser) helps"),
        ("en", "a coworker", "The vertrouwenspersoon (confidential adviser) helps"),
    ],
)
def test_a_colleague_at_who_did_it_is_kept_with_a_word_on_the_vertrouwenspersoon(
    runtime: Runtime, lang: str, text: str, told: str
) -> None:
    texts, position, slots, _ = ask(runtime, lang, "aggression", "who", text)
    assert any(told in t for t in texts)
    assert position == ("aggression", "evidence"), "the report goes on"
    assert slots["perpetrator_text"] == text


@SQLITE
@pytest.mark.parametrize("text", ["de zoon van de client", "a patient, not a colleague"])
def test_no_word_on_colleagues_when_someone_else_did_it(runtime: Runtime, text: str) -> None:
    texts, _, _, _ = ask(runtime, "en", "aggression", "who", text)
    assert not any("vertrouwenspersoon" in t for t in texts)


@SQLITE
@pytest.mark.parametrize(
    ("lang", "text"), [("en", "dont want to say"), ("nl", "zeg ik liever niet")]
)
def test_rather_not_say_at_who_did_it_is_kept_without_doubt(
    runtime: Runtime, lang: str, text: str
) -> None:
    _, position, slots, _ = ask(runtime, lang, "aggression", "who", text)
    assert position == ("aggression", "evidence")
    assert slots["perpetrator_text"] == text

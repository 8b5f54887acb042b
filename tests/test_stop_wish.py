"""A wish to give up the report in other words (dialogs/stopping.py): "laat maar, het was
eigenlijk ook niet zo erg" is asked back before anything is deleted; yes stops, no goes
on and loses nothing; someone else's words in the story ask nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.runtime import Runtime
from dialogs.guards import GUARDS
from tests.stepchat import StepChat
from tests.test_understanding import AGGRESSION_NL, only_case

ASKED = {
    "nl": "Wil je stoppen met deze melding?",
    "en": "Do you want to stop this report?",
}


@pytest.fixture
def runtime(make_runtime: Callable[..., Runtime]) -> Runtime:
    return make_runtime()


def at_story(runtime: Runtime, lang: str = "nl") -> StepChat:
    chat = StepChat(runtime.engine, lang=lang)
    chat.send(choice="aggression")
    assert chat.position() == ("aggression", "what")
    return chat


def drafts(runtime: Runtime) -> int:
    with runtime.store.unit() as unit:
        stored = unit.load_conversation(runtime.store.pseudonym("console", "melder"), lock=False)
    return 0 if stored is None or stored.flow != "aggression" else 1


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize(
    ("lang", "wish", "yes"),
    [
        ("nl", "laat maar, het was eigenlijk ook niet zo erg", "ja"),
        ("nl", "nee ik durf dit toch niet, stop maar", "ja, stoppen"),
        ("en", "forget it, nothing will change anyway", "yes"),
        ("en", "please cancel, she apologised already so its fine", "yep"),
    ],
)
def test_a_wish_to_stop_is_asked_back_and_yes_stops(
    runtime: Runtime, lang: str, wish: str, yes: str
) -> None:
    chat = at_story(runtime, lang)
    reply = chat.send(wish)
    assert reply[-1].text.startswith(ASKED[lang])
    assert [c.id for c in reply[-1].choices] == ["stop_yes", "stop_no"]
    assert chat.position() == ("aggression", "what"), "nothing deleted yet"
    reply = chat.send(yes)
    assert reply[0].text.startswith(("Gestopt", "Stopped"))
    assert drafts(runtime) == 0


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_no_goes_on_with_the_same_question(runtime: Runtime) -> None:
    chat = at_story(runtime)
    asked = chat.said[-1].text
    chat.send("pff laat ook maar, ik weet het niet meer")
    reply = chat.send(choice="stop_no")
    assert reply[0].text == "Goed, we gaan verder."
    assert reply[-1].text == asked
    assert chat.position() == ("aggression", "what")
    chat.send("Een bezoeker schreeuwde aan de balie dat hij me zou opwachten na mijn dienst.")
    assert chat.position()[1] != "what", "the story is taken as usual"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("no", ["no keep going", "nee, ga maar door", "nee toch niet"])
def test_no_in_own_words_goes_on_and_is_not_the_story(runtime: Runtime, no: str) -> None:
    chat = at_story(runtime)
    chat.send("laat ook maar")
    reply = chat.send(no)
    assert reply[0].text == "Goed, we gaan verder."
    assert chat.position() == ("aggression", "what"), "the story question again, nothing stored"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_no_keeps_words_that_also_answer_the_question(runtime: Runtime) -> None:
    chat = at_story(runtime)
    words = "laat maar, die man op de gang schold me vanochtend uit en liep toen weg"
    chat.send(words)
    chat.send("nee hoor")
    assert chat.position()[1] != "what", "the words were the story: the next question follows"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_another_message_after_the_question_is_taken_as_it_comes(runtime: Runtime) -> None:
    chat = at_story(runtime)
    chat.send("laat ook maar")
    chat.send("Een cliënt gooide een beker naar me tijdens het eten.")
    assert chat.position()[1] != "what"
    assert drafts(runtime) == 1


@pytest.mark.parametrize(
    "text",
    [
        "hij zei laat maar zitten, ik kom je wel opzoeken",
        "he told me to forget it or else",
        "ik wil niet stoppen",
        "wie leest dit als ik het laat maar?",
    ],
)
def test_no_wish_to_stop(text: str) -> None:
    assert GUARDS.stop_wish(text) is None


@pytest.mark.parametrize(
    "text",
    ["ik laat het er maar bij", "bij nader inzien meld ik het niet", "Please discard this report."],
)
def test_a_wish_to_stop(text: str) -> None:
    assert GUARDS.stop_wish(text) is not None


@pytest.mark.parametrize(
    ("words", "then"),
    [
        ("ja laat maar iemand contact opnemen, liefst via de app", ("aftercare", "callback_way")),
        ("nee laat maar", ("menu", "menu")),
    ],
)
def test_laat_maar_that_lets_someone_do_something_gives_nothing_up(
    runtime: Runtime, words: str, then: tuple[str, str]
) -> None:
    """ "laat maar iemand bellen" is a yes to being contacted; "nee laat maar" a no."""
    chat = StepChat(runtime.engine)
    chat.send("hallo")
    chat.send("ik wil met iemand praten")
    assert chat.position() == ("aftercare", "callback")
    chat.send(words)
    assert chat.position() == then


@pytest.mark.parametrize(
    ("step", "words"),
    [
        ("who", "kan ik dit nog annuleren? wil t niet meer insturen"),
        ("what", "can i just abort this? it's been sorted already"),
        ("who", "mag ik stoppen?"),
        ("who", "kan ik stoppen"),
    ],
)
def test_asked_whether_one_can_stop_the_bot_asks_back(
    runtime: Runtime, step: str, words: str
) -> None:
    """ "kan ik stoppen?" at any question of a report gets "Wil je stoppen met deze melding?"
    (which tells what stopping does), not "I cannot answer that"."""
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until=step)
    reply = chat.send(words)
    assert reply[-1].text.startswith(("Wil je stoppen met deze melding?", "Do you want to stop"))
    chat.send("ja")
    assert chat.position()[0] != "aggression"


def test_not_wanting_to_live_is_care_and_keeps_the_report(runtime: Runtime) -> None:
    """ "ik wil niet meer leven" holds "ik wil niet meer", a way to stop: it gets the crisis
    numbers and "Ben je nu veilig?", and the report is still there."""
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="who")
    reply = chat.send("ik wil niet meer leven eerlijk gezegd")
    assert any("113" in m.text for m in reply)
    assert chat.position() == ("aggression", "who")


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize(
    "no",
    [
        "nee ga maar door, een bezoeker schopte me gisteren bij de balie",
        "nee, een bezoeker schopte me gisteren bij de balie",
    ],
)
def test_a_no_that_tells_the_story_is_the_story_without_the_no(runtime: Runtime, no: str) -> None:
    """A short story after the no is the answer (it was dropped below six words), and the
    no that opens it is not part of the story."""
    chat = at_story(runtime)
    chat.send("kan ik stoppen")
    chat.send(no)
    assert chat.position()[1] != "what", "the story was taken"
    chat.answer("aggression", AGGRESSION_NL)
    assert only_case(runtime)["description"] == "een bezoeker schopte me gisteren bij de balie"

"""The account and team questions of an online threat in own words. Found in the terminal
chat: a sentence about something else was stored as the account ("Weet je de accountnaam,
het telefoonnummer of de link?"), "staat in de screenshot" raised a 112 alarm, and "ik werk
in de wijk" was not understood at the team question."""

from __future__ import annotations

import pytest

from bot.answer_eval import at_question
from bot.runtime import Runtime
from dialogs.messages import Incoming
from tests.test_answers_round12 import stored

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

HELD_NL = "Ik zie daar geen accountnaam, nummer of link in. Zal ik het zo bewaren?"
HELD_EN = "I don't see an account, number or link in that. Shall I keep it like this?"


def _said(reply: object) -> str:
    return " ".join(m.text for m in reply.messages)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nl", "sandra wijnen"),
        ("nl", "@boze_moeder_010"),
        ("nl", "ze heet moeder in nood op fb"),
        ("nl", "nummer eindigt op 77, rest weet ik niet"),
        ("nl", "staat in de screenshot"),
        ("nl", "facebook.com/sandra.wijnen.77"),
        ("en", "06 12345678"),
        ("en", "its on the screenshot i sent"),
        ("en", "the account is called carewatch"),
    ],
)
def test_an_account_in_own_words_is_kept_as_typed(runtime: Runtime, lang: str, words: str) -> None:
    reply = at_question(runtime, lang, "online_threat", "handle", "acc", words)
    said = _said(reply)
    assert "112" not in said, "where the account can be seen is no emergency"
    assert HELD_NL not in said
    assert HELD_EN not in said
    _flow, slots = stored(runtime, "acc", lang)
    assert slots.get("handle") == words


@pytest.mark.parametrize(
    ("lang", "words", "held"),
    [
        ("nl", "hij heeft ook mijn adres gepost op zijn pagina", False),  # "pagina": an account
        ("nl", "hij heeft ook mijn adres online gezet", True),
        ("nl", "hij heeft ook een foto van mn huis geplaatst", True),
        ("nl", "ja klopt", True),  # found in the review: it was stored as the account
        ("nl", "en mijn kinderen worden er ook bij genoemd", True),
        ("en", "please send it to the confidential adviser", True),
    ],
)
def test_a_sentence_with_no_account_in_it_is_confirmed_first(
    runtime: Runtime, lang: str, words: str, held: bool
) -> None:
    reply = at_question(runtime, lang, "online_threat", "handle", "acc", words)
    said = _said(reply)
    assert (HELD_NL in said or HELD_EN in said) is held, said
    _flow, slots = stored(runtime, "acc", lang)
    assert (slots.get("handle") == words) is not held, "held, not stored, until confirmed"


def test_a_held_sentence_kept_or_typed_again(runtime: Runtime) -> None:
    at_question(
        runtime, "nl", "online_threat", "handle", "acc", "hij heeft mijn adres online gezet"
    )
    chat = runtime.engine
    retyped = chat.handle(Incoming("console", "acc", "acc", text="nee ik typ het opnieuw"))
    assert "opnieuw" in _said(retyped)
    chat.handle(Incoming("console", "acc", "acc", text="zorgverraders_nl"))
    _flow, slots = stored(runtime, "acc", "nl")
    assert slots.get("handle") == "zorgverraders_nl"


@pytest.mark.parametrize("words", ["ik werk in de wijk", "de wijk", "wijkteam"])
def test_the_district_team_in_the_words_nurses_use(runtime: Runtime, words: str) -> None:
    """Found in the terminal chat: "ik werk in de wijk" at the team question got "Ik weet
    niet zeker welke je bedoelt" (the example organisation's aliases)."""
    at_question(runtime, "nl", "online_threat", "team", "team", words)
    _flow, slots = stored(runtime, "team", "nl")
    assert slots.get("team") == "wijkzorg-zuid"


@pytest.mark.parametrize(("lang", "words"), [("nl", "ja die weet ik"), ("en", "yes i know it")])
def test_knowing_the_account_is_not_the_i_dont_know_shortcut(
    runtime: Runtime, lang: str, words: str
) -> None:
    """Found in the review: "ja die weet ik" chose 'Ik weet het niet' ("weet" of its words
    "weet ik niet") and went on to "Wie deed het?"; the account question stays."""
    reply = at_question(runtime, lang, "online_threat", "handle", "acc", words)
    said = _said(reply)
    assert "Wie deed het?" not in said
    assert "Who did it?" not in said
    assert "account" in said, "asked again or held to confirm"

"""Who receives the report, said at the summary (dialogs/early.py): "stuur het maar naar de
vertrouwenspersoon" used to send the report at once to the aandachtsfunctionaris and the
meldteam. A recipient who does not get it yet now changes the route and the summary is shown
again to check; one who gets it already leaves the words a plain yes."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.test_answers_more_phrasings import at_summary
from tests.test_finish_later import texts

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def cases(runtime: Runtime) -> int:
    with runtime.store.unit() as unit:
        return len(unit.all_cases())


@pytest.mark.parametrize(
    ("words", "receiver"),
    [
        ("stuur het maar naar de vertrouwenspersoon", "de vertrouwenspersoon"),
        ("liever naar de vertrouwenspersoon ipv mn leidinggevende", "de vertrouwenspersoon"),
        ("ja stuur naar mn leidinggevende", "je leidinggevende"),
    ],
)
def test_a_new_recipient_changes_the_route_and_shows_the_summary_again(
    runtime: Runtime, words: str, receiver: str
) -> None:
    chat = at_summary(runtime)
    reply = texts(chat.send(words))
    assert f"Genoteerd: je melding gaat naar {receiver}" in reply
    assert "Klopt dit?" in reply
    assert chat.position() == ("aggression", "summary")
    assert cases(runtime) == 0, "nothing is sent before the melder checked the change"
    sent = texts(chat.send("ja, klopt zo"))
    assert f"Je melding is gestuurd naar: {receiver}" in sent
    assert cases(runtime) == 1


def test_a_recipient_who_gets_it_already_is_a_plain_yes(runtime: Runtime) -> None:
    chat = at_summary(runtime)
    reply = texts(chat.send("klopt wel ja, verzend maar naar de aandachtsfunctionaris"))
    assert "de aandachtsfunctionaris" in reply
    assert "Je melding is gestuurd naar" in reply
    assert cases(runtime) == 1


@pytest.mark.parametrize(
    "words",
    [
        "actually id rather not report it after all, never mind",
        "laat maar, ik wil het toch niet melden",
    ],
)
def test_not_reporting_after_all_sends_nothing(runtime: Runtime, words: str) -> None:
    chat = at_summary(runtime)
    chat.send(words)
    assert cases(runtime) == 0
    assert chat.position()[1] != "edit_field"

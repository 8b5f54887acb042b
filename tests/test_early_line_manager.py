"""A line-manager wish said at another question of a report (dialogs/early.py): "3, en niet
naar mijn leidinggevende" at "Hoe gaat het nu met je?", "not to my boss pls" at the summary.
The wish is kept and said back; an answer in the same words still answers the question."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.stepchat import StepChat
from tests.test_understanding import AGGRESSION_NL, only_case

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def test_without_the_wish_the_question_is_asked(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="impact")
    chat.send("3")
    assert "line_manager" in chat.answer("aggression", AGGRESSION_NL)


def test_a_wish_with_an_answer_keeps_both(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="impact")
    reply = chat.send("3, en niet naar mijn leidinggevende")
    assert reply[0].text == "Genoteerd: je melding gaat niet naar je eigen leidinggevende."
    asked = chat.answer("aggression", AGGRESSION_NL)
    assert "line_manager" not in asked, "the line manager question is not asked"
    case = only_case(runtime)
    assert case["impact"] == 3
    assert case["exclude_line_manager"] is True


def test_a_wish_at_the_summary_is_kept(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine, lang="en")
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="summary")
    reply = chat.send("not to my boss pls")
    assert any(m.text.startswith("Noted: your report will not go") for m in reply)
    assert chat.position() == ("aggression", "summary")
    chat.send("ja verstuur maar")
    assert only_case(runtime)["exclude_line_manager"] is True


def test_permission_at_the_summary_opens_the_question_of_who_receives_it(
    runtime: Runtime,
) -> None:
    """Sent to the aandachtsfunctionaris only, the route does not reach the line manager: a
    permission said at the summary cannot add them by itself, so the question that chooses
    the route is asked again, and its answer brings the melder back to the summary."""
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    answers = {**AGGRESSION_NL, "contact_pref": "de aandachtsfunctionaris"}
    chat.answer("aggression", answers, until="summary")
    reply = chat.send("mn leidinggevende mag het zien hoor")
    assert reply[0].text.startswith("Je leidinggevende hoort nu niet bij wie deze melding")
    assert chat.position() == ("aggression", "contact_pref")
    chat.send("geen voorkeur")
    assert chat.position()[1] in ("line_manager", "summary")


def test_permission_at_the_summary_undoes_an_earlier_no(runtime: Runtime) -> None:
    """ "liever niet" at the line-manager question, then "mag het toch zien" at the summary:
    the route reaches them again, and the summary says so."""
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="summary")
    reply = chat.send("mn leidinggevende mag het toch zien hoor")
    assert reply[0].text == "Genoteerd: je melding mag ook naar je eigen leidinggevende."
    chat.send("ja verstuur maar")
    assert only_case(runtime)["exclude_line_manager"] is False


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("niet naar mijn leidinggevende", None),
        ("nee, mn leidinggevende hoeft dit niet te zien", None),
        ("3, en niet naar mijn leidinggevende", "meldteam"),
        ("de vertrouwenspersoon maar niet mn leidinggevende", "vertrouwenspersoon"),
    ],
)
def test_keeping_the_line_manager_out_at_who_receives_it_never_chooses_them(
    runtime: Runtime, text: str, role: str | None
) -> None:
    """The line manager's option named only to keep them out is no choice of it: the other
    option said beside it is taken, else the question is asked again."""
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="contact_pref")
    reply = chat.send(text)
    assert reply[0].text == "Genoteerd: je melding gaat niet naar je eigen leidinggevende."
    if role is None:
        assert chat.position() == ("aggression", "contact_pref")
        assert reply[-1].text.startswith("Naar wie wil je je melding sturen?")
        chat.send("meldteam")
        role = "meldteam"
    chat.answer("aggression", AGGRESSION_NL)
    case = only_case(runtime)
    assert case["preferred_role"] == role
    assert case["exclude_line_manager"] is True

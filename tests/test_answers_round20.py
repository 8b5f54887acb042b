"""Answers in the words of the twentieth blind development round (the check-in score and
its sharing, the summary, who receives the report, more evidence): "overdracht nu, kom hier
zo op terug" and "op tiktok staat nu een filmpje van mij bij de voordeur" called for 112;
"ik regel t zelf wel, dit hoeft nergens heen" did not stop the report; the contact person
for aggression described in words ("our safety coordinator", "de persoon die voor dit
soort dingen is aangesteld") was not understood; "kappen hiermee" did not stop the
check-ins."""

from __future__ import annotations

import pytest

from bot.answer_eval import at_question
from bot.runtime import Runtime
from tests.test_answers_more_phrasings import at_summary
from tests.test_answers_round12 import stored
from tests.test_answers_round16 import cases

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def _said(reply: object) -> str:
    return " ".join(m.text for m in reply.messages)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("flow", "step", "words"),
    [
        ("online_threat", "summary", "overdracht nu, kom hier zo op terug"),
        ("online_threat", "evidence", "op tiktok staat nu een filmpje van mij bij de voordeur"),
    ],
)
def test_busy_now_or_a_video_somewhere_is_no_emergency(
    runtime: Runtime, flow: str, step: str, words: str
) -> None:
    reply = at_question(runtime, "nl", flow, step, "busy", words)
    assert "112" not in _said(reply)


@pytest.mark.parametrize(
    ("lang", "words", "role"),
    [
        ("en", "our aggression & safety coordinator", "aandachtsfunctionaris"),
        ("nl", "de persoon die voor dit soort dingen is aangesteld", "aandachtsfunctionaris"),
        ("nl", "liever iemand die het nie doorvertelt aan het management", "vertrouwenspersoon"),
        ("nl", "de meldcommissie", "meldteam"),
    ],
)
def test_who_receives_it_described_in_words(
    runtime: Runtime, lang: str, words: str, role: str
) -> None:
    at_question(runtime, lang, "online_threat", "contact_pref", "role", words)
    _flow, slots = stored(runtime, "role", lang)
    assert slots.get("preferred_role") == role


@pytest.mark.parametrize(
    ("lang", "words", "score"),
    [
        ("en", "neither here nor there", 3),
        ("en", "doing well, not 100% yet though", 4),
        ("nl", "matig... op werk hou ik t vol maar thuis stort ik in", 2),
    ],
)
def test_a_check_in_score_in_the_twentieth_round(
    runtime: Runtime, lang: str, words: str, score: int
) -> None:
    at_question(runtime, lang, "checkin", "score", "score", words)
    _flow, slots = stored(runtime, "score", lang)
    assert slots.get("checkin_score") == score


@pytest.mark.parametrize(
    ("lang", "words"),
    [("nl", "kappen hiermee"), ("en", "can you quit messaging me about this")],
)
def test_no_more_check_ins_in_other_words(runtime: Runtime, lang: str, words: str) -> None:
    at_question(runtime, lang, "checkin", "score", "stop", words)
    flow, _slots = stored(runtime, "stop", lang)
    assert flow != "checkin"


def test_handling_it_oneself_at_the_summary_stops_the_report(runtime: Runtime) -> None:
    chat = at_summary(runtime)
    chat.send("ik regel t zelf wel, dit hoeft nergens heen")
    assert cases(runtime) == 0
    assert chat.position()[1] != "summary"

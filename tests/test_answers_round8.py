"""Answers in the words of the eighth blind development round (nlu/dev/answers/*-8.yml)
that were refused or taken wrong: 'finished' and 'heb geen andere screenshots' end the
evidence, a request for a call is a yes, scale words of the very worst and the nearly well,
who did it told as whom the melder cares for, and regret at the summary."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from dialogs.i18n import translator
from dialogs.lexicon import answer_words
from dialogs.matching import match_option
from tests.test_answers_more_phrasings import at_summary

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def picked(runtime: Runtime, flow: str, step_name: str, lang: str, words: str) -> str | None:
    step = runtime.engine.flows[flow].step(step_name)
    labels = [translator(lang)(o.label) for o in step.options]
    found = match_option(words, step.options, labels, words=answer_words(step.slot))
    return found.option.id if found.option is not None else None


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "finished"),
        ("en", "i dont have more sorry"),
        ("nl", "gedaan"),
        ("nl", "heb geen andere screenshots"),
        ("nl", "de andere berichten stonden in een groepsapp waar ik niet meer in zit, dus nee"),
    ],
)
def test_no_more_evidence_in_other_words(runtime: Runtime, lang: str, words: str) -> None:
    assert picked(runtime, "online_threat", "evidence", lang, words) == "done"


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "could someone call after my shift"),
        ("en", "maybe a short call tomorrow?"),
        ("nl", "mag iemand me bellen na 17u"),
    ],
)
def test_asking_for_a_call_is_a_yes(runtime: Runtime, lang: str, words: str) -> None:
    assert picked(runtime, "aftercare", "callback", lang, words) == "yes"


@pytest.mark.parametrize(
    ("lang", "words", "score"),
    [
        ("nl", "slechter dan ooit", "1"),
        ("nl", "'t gaat van kwaad naar erger, echt het slechtste", "1"),
        ("en", "i'm fine... no honestly i'm not fine at all, worst it could be", "1"),
        ("nl", "gaat niet super, beetje slecht", "2"),
        ("nl", "beter, bijna weer de oude", "4"),
        ("en", "ok, just a bit on edge still", "4"),
        ("nl", "goed, op een klein beetje spanning na", "4"),
    ],
)
def test_the_worst_and_the_nearly_well(runtime: Runtime, lang: str, words: str, score: str) -> None:
    assert picked(runtime, "online_threat", "impact", lang, words) == score


@pytest.mark.parametrize(
    ("lang", "words", "who"),
    [
        ("en", "guy i give home care to", "patient"),
        ("en", "the man im assigned to on afd B", "patient"),
        ("en", "someone online, no name", "onbekend"),
        ("nl", "iemand op straat voor de ingang", "onbekend"),
        ("en", "someone from the visitors, not sure who they belonged to", "bezoeker"),
        ("nl", "iemand die kwam kijken op de open dag", "bezoeker"),
    ],
)
def test_who_did_it_as_whom_the_melder_cares_for(
    runtime: Runtime, lang: str, words: str, who: str
) -> None:
    assert picked(runtime, "online_threat", "who", lang, words) == who


def test_regret_at_the_summary_cancels(runtime: Runtime) -> None:
    assert (
        picked(runtime, "online_threat", "summary", "nl", "ik heb spijt dat ik begon, mag dit weg?")
        == "cancel"
    )


@pytest.mark.parametrize(
    "words",
    [
        # close to "that's what happened" / "everything is correct" in letters only
        "that's not what happened",
        "not everything is correct",
        "you forgot that he spat at me",
        "can i add a bit more",
    ],
)
def test_a_negated_yes_at_the_summary_changes_and_sends_nothing(
    runtime: Runtime, words: str
) -> None:
    chat = at_summary(runtime)
    chat.send(words)
    assert chat.position() == ("aggression", "edit_field")
    with runtime.store.unit() as unit:
        assert unit.all_cases() == []


@pytest.mark.parametrize(
    "words",
    [
        "can you remove my name",
        "kun je mijn naam weghalen",
        "could you take out the part about his wife",
    ],
)
def test_asking_to_take_something_out_at_the_summary_changes_it(
    runtime: Runtime, words: str
) -> None:
    """A request, not a question to answer: the melder goes to "what do you want to change?"."""
    chat = at_summary(runtime)
    chat.send(words)
    assert chat.position() == ("aggression", "edit_field")
    with runtime.store.unit() as unit:
        assert unit.all_cases() == []


def test_who_reads_it_with_a_yes_is_answered_and_nothing_sent(runtime: Runtime) -> None:
    chat = at_summary(runtime)
    reply = chat.send("yes send it, who will read it?")
    assert any("contact person" in r.text for r in reply)
    assert not any("screenshots" in r.text for r in reply)
    assert chat.position() == ("aggression", "summary")
    with runtime.store.unit() as unit:
        assert unit.all_cases() == []

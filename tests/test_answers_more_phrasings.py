"""Answers in more phrasings at the summary and the closing questions: a yes with a but at
the summary asks to change something and sends nothing; other words for 'that's all',
'consent', 'leave me alone', the aggression contact person."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from dialogs.i18n import translator
from dialogs.lexicon import answer_words
from dialogs.matching import match_option
from tests.stepchat import StepChat
from tests.test_understanding import AGGRESSION_NL, only_case

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def at_summary(runtime: Runtime) -> StepChat:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="summary")
    assert chat.position() == ("aggression", "summary")
    return chat


@pytest.mark.parametrize(
    "words",
    [
        "ja maar het stukje over mijn collega wil ik anders verwoorden",
        # ("er mist nog dat hij ook heeft gespuugd" is added to the story: test_corrections.py)
        "de naam van de patiënt staat erin, die wil ik eruit halen",
        # "staat er" is what the summary says: no alarm, no one standing there
        "klopt niet helemaal, hij heeft me ook geduwd en dat staat er niet in",
    ],
)
def test_a_yes_with_a_but_at_the_summary_changes_and_sends_nothing(
    runtime: Runtime, words: str
) -> None:
    chat = at_summary(runtime)
    chat.send(words)
    assert chat.position() == ("aggression", "edit_field")
    with runtime.store.unit() as unit:
        assert unit.all_cases() == []


@pytest.mark.parametrize(
    "words", ["ja, maar wel snel graag", "ja stuur maar door", "prima, doe maar"]
)
def test_a_yes_asking_for_speed_sends(runtime: Runtime, words: str) -> None:
    """ "stuur maar", "doe maar": a softening "maar", no "but"."""
    chat = at_summary(runtime)
    chat.send(words)
    with runtime.store.unit() as unit:
        assert len(unit.all_cases()) == 1


@pytest.mark.parametrize(
    ("words", "step"),
    [
        ("heb niet meer", "impact"),
        ("ik denk dat dit het is", "impact"),
        ("just the one screenshot", "impact"),
    ],
)
def test_nothing_more_in_other_words_ends_the_evidence(
    runtime: Runtime, words: str, step: str
) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="evidence")
    chat.send("https://example.org/foto")
    chat.send(words)
    assert chat.position() == ("aggression", step)


@pytest.mark.parametrize(
    ("words", "role"),
    [
        ("degene die de agressiemeldingen behandelt", "aandachtsfunctionaris"),
        ("the aggression contact person", "aandachtsfunctionaris"),
        ("de praktijkmanager", "leidinggevende"),
        # the organisation's people by name (config/organisation.example.yml)
        ("naar anna", "aandachtsfunctionaris"),
        ("bram, hij heeft me vorige keer ook goed geholpen", "aandachtsfunctionaris"),
        ("naar mevrouw smit", "vertrouwenspersoon"),
        ("eva visser graag", "leidinggevende"),
        ("mn coordinator, die regelt het rooster ook", "leidinggevende"),
        ("de mensen die de meldingen afhandelen", "meldteam"),
        ("send it to the incidents team, not to one person", "meldteam"),
        ("the trust person please", "vertrouwenspersoon"),
    ],
)
def test_the_contact_person_in_other_words(runtime: Runtime, words: str, role: str) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="contact_pref")
    chat.send(words)
    assert chat.position()[1] != "contact_pref"
    chat.answer("aggression", AGGRESSION_NL)
    assert only_case(runtime)["preferred_role"] == role


@pytest.mark.parametrize(
    ("words", "held"),
    [
        ("het account heet zorgjustice_010", True),
        ("@anna88 stuurde het", True),
        ("rond 15u", False),
    ],
)
def test_digits_in_a_name_are_no_time(runtime: Runtime, words: str, held: bool) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="when")
    reply = chat.send(words)
    assert reply[-1].text.startswith("Ik zie daar geen dag of tijd in.") is held


@pytest.mark.parametrize(
    ("words", "lang"),
    [
        ("heb screenshots gemaakt maar hoe stuur ik die?", "nl"),
        ("weet niet hoe ik die screenshots moet sturen", "nl"),
        ("i have screenshots but dont know how to send them", "en"),
    ],
)
def test_how_to_send_evidence_is_answered_and_the_question_asked_again(
    runtime: Runtime, words: str, lang: str
) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="who")
    reply = chat.send(words)
    expected = {"nl": "Je kunt screenshots", "en": "You can send screenshots"}[lang]
    assert any(m.text.startswith(expected) for m in reply)
    assert chat.position() == ("aggression", "who")


@pytest.mark.parametrize(
    "words", ["hi again, i want to continue my report", "ik wil verder met mijn melding"]
)
def test_a_wish_to_go_on_with_a_report_is_no_wish_to_talk(runtime: Runtime, words: str) -> None:
    chat = StepChat(runtime.engine)
    chat.send("hallo")
    reply = chat.send(words)
    assert chat.position() == ("menu", "menu")
    assert any(m.text.startswith(("Goed dat je", "Good that you")) for m in reply)


@pytest.mark.parametrize(
    ("lang", "words", "shared"),
    [
        ("nl", "hou het maar voor jezelf", False),
        ("nl", "ik wil niet dat ze dat leest", False),
        ("en", "i'd prefer they didn't", False),
        ("en", "i dont want them reading it", False),
        ("en", "they can see the number but not what I typed", False),
        ("nl", "ja hoor", True),
        ("en", "sure, they can read it", True),
        ("nl", "👎🏻", False),
        ("en", "👍", True),
    ],
)
def test_whether_the_contact_may_read_a_check_in_in_other_words(
    runtime: Runtime, lang: str, words: str, shared: bool
) -> None:
    """The check-in's question takes the yes/no words (`extends: callback`) and more ways
    to keep the words private."""
    step = runtime.engine.flows["checkin"].step("share")
    labels = [translator(lang)(o.label) for o in step.options]
    found = match_option(words, step.options, labels, words=answer_words(step.slot))
    assert found.option is not None
    assert found.option.value is shared


@pytest.mark.parametrize(
    "words",
    [
        "not worth it, bin the report",
        "ik wil het toch niet insturen",
        "throw it all away",
        "I'd rather not send it anymore, sorry",
        "klopt wel maar ik wil het toch niet insturen",
    ],
)
def test_giving_up_at_the_summary_in_other_words_sends_nothing(
    runtime: Runtime, words: str
) -> None:
    chat = at_summary(runtime)
    chat.send(words)
    assert chat.position()[0] != "aggression"
    with runtime.store.unit() as unit:
        assert unit.all_cases() == []


@pytest.mark.parametrize(
    "words",
    [
        "niks fouts gezien, versturen",
        "nothing wrong, go ahead",
        "👍",
        "✅",
        "het staat er allemaal in",
        "alles staat er goed in",
    ],
)
def test_a_yes_in_other_words_at_the_summary_sends(runtime: Runtime, words: str) -> None:
    chat = at_summary(runtime)
    chat.send(words)
    with runtime.store.unit() as unit:
        assert len(unit.all_cases()) == 1


def test_how_to_send_evidence_asked_without_a_question_mark(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="evidence")
    reply = chat.send("ik heb screenshots maar hoe stuur ik die")
    assert any(m.text.startswith("Je kunt screenshots") for m in reply)
    assert chat.position() == ("aggression", "evidence")

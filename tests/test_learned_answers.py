"""Answers in own words that no phrase of the lexicon finds are read by what the answer
sets teach (`dialogs.learned`): taken where a wrong one costs nothing before the summary,
asked back where the answer decides on its own (anonymity, stopping the check-ins); what
answers nothing ("hmm", "de kat van de buren") still gets "which one do you mean?". Scores
given among other words ("vandaag een slechte dag, een 2") are read as the score."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from bot.answer_eval import answered_as_danger, at_question
from bot.runtime import Runtime
from dialogs.messages import Reply
from dialogs.registry import build_flows
from dialogs.state import ConversationState
from nlu.answer_model import NONE, AnswerModel
from tests.conftest import run_cli
from tests.stepchat import Position, conversation_position

SQLITE = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def ask(
    runtime: Runtime, lang: str, flow: str, step: str, text: str, chat: str = "c1"
) -> tuple[list[str], Position, dict[str, Any], Reply]:
    """The bot's messages to `text` typed at a question, where the chat is after, and the
    answer stored for the question's slot."""
    reply = at_question(runtime, lang, flow, step, chat, text)
    with runtime.store.unit() as unit:
        stored = unit.load_conversation(runtime.store.pseudonym("console", chat), lock=False)
    assert stored is not None
    slots = ConversationState.from_stored(stored.state, lang).slots
    texts = [m.text for m in reply.messages]
    return texts, conversation_position(runtime.store, "console", chat), slots, reply


@SQLITE
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ze wacht elke dag na sluiting van de praktijk bij mijn fiets op mij", "persoonlijk"),
        ("hij drukte zich expres tegen me aan toen ik hem hielp opstaan", "fysiek"),
    ],
)
def test_an_answer_no_phrase_finds_is_taken_and_the_report_goes_on(
    runtime: Runtime, text: str, kind: str
) -> None:
    texts, position, slots, _ = ask(runtime, "nl", "aggression", "aro", text)
    assert slots["aro_category"] == kind
    assert position == ("aggression", "who")
    assert not any("welke je bedoelt" in t for t in texts)


@SQLITE
@pytest.mark.parametrize("text", ["hmm", "de kat van de buren", "ik weet het echt niet"])
def test_words_that_answer_nothing_are_not_turned_into_an_option(
    runtime: Runtime, text: str
) -> None:
    texts, position, slots, _ = ask(runtime, "nl", "aggression", "aro", text)
    assert position == ("aggression", "aro")
    assert slots.get("aro_category") == "verbaal"  # what stood there before, unchanged
    assert not any(t.startswith("Bedoel je") for t in texts)


@SQLITE
def test_anonymity_read_from_words_is_asked_back_never_changed(runtime: Runtime) -> None:
    texts, position, slots, _ = ask(
        runtime, "nl", "online_threat", "anonymity", "laat ze maar weten van wie het komt"
    )
    assert position == ("online_threat", "anonymity")
    assert slots["anonymous"] is True  # as before: only a yes to the question changes it
    assert any(t.startswith("Bedoel je: Met mijn naam?") for t in texts)


@SQLITE
@pytest.mark.parametrize(
    "text", ["ik wil deze berichten niet meer krijgen", "laat me maar met rust met deze vragen"]
)
def test_a_wish_to_stop_the_checkins_in_own_words_is_asked_back(
    runtime: Runtime, text: str
) -> None:
    texts, position, _, _ = ask(runtime, "nl", "checkin", "score", text)
    assert position == ("checkin", "score")
    assert any("Stop met deze check-ins?" in t for t in texts)


@SQLITE
@pytest.mark.parametrize(
    ("lang", "text", "score"),
    [
        ("nl", "vandaag een slechte dag, een 2", 2),
        ("nl", "onvoldoende, maar geen 1, dus een twee", 2),
        ("nl", "op een schaal van 1 tot 5? dan een 2", 2),
        ("en", "on a scale of 1 to 5? a 2 then", 2),
        ("en", "i'd put it at a three", 3),
        ("en", "3 outta 5", 3),
    ],
)
def test_a_score_among_other_words_is_the_score(
    runtime: Runtime, lang: str, text: str, score: int
) -> None:
    _, position, slots, _ = ask(runtime, lang, "online_threat", "impact", text)
    assert slots["impact"] == score
    assert position == ("online_threat", "anonymity")


@SQLITE
def test_a_score_with_how_it_goes_raises_no_alarm_danger_with_a_score_does(
    runtime: Runtime,
) -> None:
    """ "ik kom mn bed niet uit" is no one locked in: the score it opens with answers."""
    _, position, slots, reply = ask(
        runtime, "nl", "checkin", "score", "een 1, ik kom mn bed niet uit"
    )
    assert not answered_as_danger(reply)
    assert slots["checkin_score"] == 1
    assert position[0] == "checkin"
    _, _, _, reply = ask(
        runtime, "nl", "checkin", "score", "2, hij staat weer voor de deur met een mes", chat="c2"
    )
    assert answered_as_danger(reply)


def test_the_model_prefers_no_answer_over_a_poor_guess() -> None:
    examples = {
        "q": [
            *((f"hij sloeg me {i}", "fysiek") for i in range(15)),
            *((f"hij schold me uit {i}", "verbaal") for i in range(15)),
            *((f"weet ik veel {i}", NONE) for i in range(15)),
            *((f"wat gebeurt er met mijn melding {i}", NONE) for i in range(15)),
        ]
    }
    model = AnswerModel(lambda key: examples.get(key, []))
    found = model.read("q", "hij sloeg me hard", {"fysiek", "verbaal"})
    assert found is not None
    assert found[0] == "fysiek"
    assert model.read("q", "weet ik veel", {"fysiek", "verbaal"}) is None
    unlikely = model.read("q", "hij sloeg me hard", {"verbaal"})  # fysiek is not offered
    assert unlikely is None or unlikely[1] < 0.1
    assert model.read("unknown", "hij sloeg me", {"fysiek"}) is None


@SQLITE
@pytest.mark.parametrize(
    "text", ["nee, geen leidinggevende erbij", "liever niet dat mijn baas dit ziet"]
)
def test_keeping_the_line_manager_out_in_own_words_is_taken(runtime: Runtime, text: str) -> None:
    """The more private choice is taken from words (the summary still shows it)."""
    texts, position, slots, _ = ask(runtime, "nl", "aggression", "line_manager", text)
    assert slots["exclude_line_manager"] is True
    assert position == ("aggression", "summary")
    assert any("Klopt dit?" in t for t in texts)


@SQLITE
@pytest.mark.parametrize(
    ("lang", "flow", "step", "text", "asked"),
    [
        # the lexicon sees the "nee", the answer sets the permission after it: asked back
        ("nl", "aggression", "line_manager", "nee... ach ja, laat haar het maar lezen", "Ja"),
        ("en", "checkin", "share", "she may read it i guess", "Yes, please"),
    ],
)
def test_a_less_private_choice_from_words_is_asked_back(
    runtime: Runtime, lang: str, flow: str, step: str, text: str, asked: str
) -> None:
    texts, position, _, _ = ask(runtime, lang, flow, step, text)
    assert position == (flow, step)
    assert any(t.startswith(("Bedoel je: " + asked, "Do you mean: " + asked)) for t in texts)


def _store_examples(extra: str = "") -> dict[str, list[tuple[str, str]]]:
    return {
        "q": [
            *((f"hij sloeg me {i}{extra}", "fysiek") for i in range(15)),
            *((f"hij schold me uit {i}", "verbaal") for i in range(15)),
            *((f"wat gebeurt er met mijn melding {i}", NONE) for i in range(15)),
        ],
        "few": [("ja", "yes")],
    }


def test_learned_models_are_kept_in_a_store_and_taken_only_when_unchanged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A restarted server takes what it learned before, unless the answers changed."""
    store = tmp_path / "nlu" / "model-answers.npz"
    examples = _store_examples()
    first = AnswerModel(lambda key: examples.get(key, []))
    assert not first.load(store, ["q", "few"])  # nothing stored yet
    first.save(store, ["q", "few"])
    asked: list[str] = []

    def counted(key: str) -> list[tuple[str, str]]:
        asked.append(key)
        return examples.get(key, [])

    again = AnswerModel(counted)
    assert again.load(store, ["q", "few"])
    expected = first.read("q", "hij sloeg me hard", {"fysiek", "verbaal"})
    assert expected is not None
    got = again.read("q", "hij sloeg me hard", {"fysiek", "verbaal"})
    assert got is not None
    assert got[0] == expected[0] == "fysiek"
    assert got[1] == pytest.approx(expected[1])
    assert again.read("few", "ja", {"yes"}) is None  # learned nothing, stored as such
    assert asked.count("q") == 1  # read for the fingerprint, not trained again

    changed = _store_examples(extra=" hard")
    assert not AnswerModel(lambda key: changed.get(key, [])).load(store, ["q", "few"])
    assert not AnswerModel(lambda key: examples.get(key, [])).load(store, ["q"])

    store.write_bytes(b"not a store")
    with caplog.at_level("WARNING"):
        assert not AnswerModel(lambda key: examples.get(key, [])).load(store, ["q", "few"])
    assert "store unreadable" in caplog.text


def test_learning_stops_between_questions_when_asked() -> None:
    examples = _store_examples()
    model = AnswerModel(lambda key: examples.get(key, []))
    stop = threading.Event()
    stop.set()
    assert not model.learn(["q", "few"], stop)
    assert model.learn(["q", "few"])


@SQLITE
def test_a_likely_reading_settles_a_near_miss_but_not_two_options_given_as_such(
    runtime: Runtime,
) -> None:
    """ "of" in an English chat is no "or": the desk of the clinic is the reception."""
    _, position, slots, _ = ask(
        runtime, "en", "aggression", "where", "at the main desk of the clinic"
    )
    assert slots["location_kind"] == "reception"
    assert position == ("aggression", "aro")
    texts, position, _, _ = ask(
        runtime, "en", "aggression", "where", "reception or the ward, not sure", chat="c2"
    )
    assert position == ("aggression", "where")
    assert any(t.startswith("Do you mean:") for t in texts)


def test_nlu_train_stores_the_learned_answers_beside_the_model(tmp_path: Path) -> None:
    """`zorgveilig nlu train` learns everything up front: a server started after it loads
    the answers' models in a moment instead of learning them."""
    model = tmp_path / "nlu" / "model.bin"
    env = {"ZV_DATA_DIR": str(tmp_path / "var"), "ZV_NLU_MODEL": str(model)}
    result = run_cli(["nlu", "train"], env)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    stored = Path(summary["answer_models"])
    assert stored == tmp_path / "nlu" / "model-answers.npz"
    assert model.exists()
    assert stored.exists()
    flows = build_flows()
    keys = sorted({f"{f}.{s}" for f in flows for s in flows[f].by_name})
    fresh = AnswerModel(lambda key: [])
    assert not fresh.load(stored, keys), "stored for the shipped answers, not for none"
    assert warm_up_loads(stored)


def warm_up_loads(stored: Path) -> bool:
    """Whether the shipped flows' learned models are taken from `stored` (not learned)."""
    from dialogs import learned

    flows = build_flows()
    model = learned._Learned(flows).model
    return model.load(stored, sorted(learned._examples()))

"""Facts taken from what the melder already said (issue 14): a rich first story is
confirmed in one message and its questions are not asked again; one item can be corrected
in words; a name never makes a report named by itself; a bare story asks everything."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from bot.runtime import Runtime
from dialogs.export import case_json, csv_columns
from tests.conftest import Driver, Said
from tests.stepchat import StepChat

CODE = re.compile(r"ZV-[A-Z0-9]{4}")

RICH_NL = (
    "Gisteren rond 16:30 schold de vader van een patiënt mij uit aan de balie en dreigde "
    "dat hij me zou opwachten. Ik werk op de huisartsenpost. Ik meld dit met mijn naam, ik "
    "ben Lisa. Niet naar mijn leidinggevende."
)
RICH_EN = (
    "Yesterday around 4:30 pm the father of a patient shouted at me at the front desk and "
    "threatened to wait for me after work. I work at the GP post. I report this with my "
    "name, I'm Tom. Please not to my manager."
)


class Clock:
    """Wednesday 2 December 2026, 10:00 in Amsterdam; the test may move it."""

    def __init__(self) -> None:
        self.now = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def runtime(make_runtime: Callable[..., Runtime]) -> Runtime:
    return make_runtime(clock=Clock())


def stored(runtime: Runtime) -> dict[str, object]:
    with runtime.store.unit() as unit:
        [case] = unit.all_cases()
    return case_json(case)


def melder_messages(turns: list[Said]) -> int:
    """How many messages the melder sent (turn 0 is the greeting)."""
    return len(turns) - 1


def no_buttons_or_labels(turns: list[Said], lines: list[str]) -> None:
    """Every line was typed in the melder's own words: no option id or label of the
    question it answered (a number on the 1-5 scale the question itself asks for is the
    answer, not a label)."""
    for asked, line in zip(turns, lines, strict=False):
        if line.isdigit() and "1" in asked.last["text"] and "5" in asked.last["text"]:
            continue
        offered = asked.last.get("choices") or []
        spoken = {c["id"].lower() for c in offered} | {c["label"].lower() for c in offered}
        assert line.lower() not in spoken, f"{line!r} is a button of {asked.last['text']!r}"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_rich_dutch_story_reaches_its_case_code_in_six_messages(
    driver: Driver, runtime: Runtime
) -> None:
    lines = [RICH_NL, "ja klopt", "nee", "3", "maakt niet uit", "ja"]
    turns = driver.turns(lines)
    no_buttons_or_labels(turns, lines)
    understood = turns[1].last["text"]
    assert understood.startswith("Ik heb begrepen: gisteren rond 16:30, bij de receptie of balie")
    assert "door een familielid" in understood
    assert "met je naam (Lisa)" in understood
    assert understood.endswith("Klopt dat?"), "what was taken and the question: one message"
    assert CODE.search(turns[6].all_text), turns[6].all_text
    assert melder_messages(turns) <= 6

    case = stored(runtime)
    assert case["occurred_at"] == "2026-12-01T16:30:00+01:00", "the resolved moment"
    assert case["occurred"] == "Gisteren rond 16:30", "the melder's words beside it"
    assert case["location_kind"] == "reception"
    assert case["perpetrator_relation"] == "naaste"
    assert case["aro_category"] == "verbaal"
    assert case["team"] == "huisartsenpost"
    assert case["anonymous"] is False
    assert case["reporter_name"] == "Lisa"
    assert case["exclude_line_manager"] is True
    assert case["impact"] == 3
    routed = [r["contact"] for r in case["routed_to"]]  # type: ignore[union-attr]
    assert "lg-eva" not in routed, "the melder's line manager is left out"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_rich_english_story_reaches_its_case_code_in_six_messages(
    driver: Driver, runtime: Runtime
) -> None:
    lines = [RICH_EN, "yes that's right", "no", "3", "doesn't matter", "yes"]
    turns = driver.turns(lines, lang="en")
    no_buttons_or_labels(turns, lines)
    assert turns[1].last["text"].startswith("I have understood: yesterday around 16:30")
    assert CODE.search(turns[6].all_text), turns[6].all_text
    case = stored(runtime)
    assert case["occurred_at"] == "2026-12-01T16:30:00+01:00"
    assert case["perpetrator_relation"] == "naaste"
    assert case["location_kind"] == "reception"
    assert case["team"] == "huisartsenpost"
    assert case["reporter_name"] == "Tom"
    assert case["exclude_line_manager"] is True


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_contact_reads_the_resolved_moment_with_the_melders_words(
    driver: Driver, runtime: Runtime
) -> None:
    driver.session([RICH_NL, "ja klopt", "nee", "3", "maakt niet uit", "ja"])
    code = str(stored(runtime)["code"])
    eva = driver.turns(["cases", code], user="af-bram")
    notice = next(m["text"] for m in eva[0].messages if m.get("outbox"))
    assert "Wanneer: di 1 dec 2026 16:30" in notice
    assert "Gisteren rond 16:30" not in notice, "the melder's words stay out of the messenger"
    view = eva[2].all_text
    assert "Wanneer: di 1 dec 2026 16:30 (Gisteren rond 16:30)" in view
    assert csv_columns()[-1] == "occurred_at", "the new column comes last in the CSV export"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_one_item_is_corrected_in_words_and_asked_in_its_place(
    driver: Driver, runtime: Runtime
) -> None:
    turns = driver.turns([RICH_NL, "nee, de tijd klopt niet", "vanochtend"])
    assert "vraag ik je zo" in turns[2].texts[0]
    assert "Wanneer" in turns[2].last["text"], "the time is asked right away"
    assert "bewijs" in turns[3].last["text"], "the other facts stay confirmed"
    driver.session(["nee", "3", "maakt niet uit", "ja"])
    case = stored(runtime)
    assert case["occurred_at"] == "2026-12-02", "'vanochtend' is stored as today's date"
    assert case["occurred"] == "vanochtend"
    assert case["occurred_choice"] == "today"
    assert case["location_kind"] == "reception"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_correction_that_says_the_right_value_changes_it(
    driver: Driver, runtime: Runtime
) -> None:
    turns = driver.turns([RICH_NL, "nee, het was eergisteren om 16:30"])
    assert (
        "aangepast: eergisteren" in turns[2].texts[0]
        or "maandag 30 november" in (turns[2].texts[0])
    )
    assert "bewijs" in turns[2].last["text"], "nothing else is asked again"
    driver.session(["nee", "3", "maakt niet uit", "ja"])
    assert stored(runtime)["occurred_at"] == "2026-11-30T16:30:00+01:00"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_no_then_pick_the_item_by_button(driver: Driver, runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    chat.send(RICH_NL)
    chat.send(choice="fix")
    items = {c.id for c in chat.said[-1].choices}
    assert {"when", "location_kind", "perpetrator_relation", "team", "none"} <= items
    chat.send(choice="perpetrator_relation")
    asked = chat.answer(
        "aggression",
        {"who": "bezoeker", "evidence": "done", "impact": "3", "contact_pref": "none"}
        | {"summary": "confirm"},
    )
    assert asked[0] == "who", "the corrected item is asked when its turn comes"
    assert stored(runtime)["perpetrator_relation"] == "bezoeker"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_name_in_the_story_does_not_make_the_report_named(
    driver: Driver, runtime: Runtime
) -> None:
    story = "Gisteren schold een bezoeker mij uit op de afdeling. Ik heet Lisa."
    turns = driver.turns([story, "ja", "done", "3", "anoniem"])
    assert "Lisa" not in turns[1].last["text"], "the name is not taken as a choice"
    assert "anoniem" in turns[4].last["text"].lower(), "the anonymity question is asked"
    assert "Lisa" not in turns[5].all_text
    driver.session(["kliniek-noord", "none", "allow", "confirm"])
    case = stored(runtime)
    assert case["anonymous"] is True
    assert case["reporter_name"] is None


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_choosing_named_offers_the_name_from_the_story(driver: Driver, runtime: Runtime) -> None:
    story = "Gisteren schold een bezoeker mij uit op de afdeling. Ik heet Lisa."
    turns = driver.turns([story, "ja", "done", "3", "met mijn naam"])
    offer = turns[5].last
    assert offer["choices"][0]["label"] == "Gebruik Lisa"
    driver.session(["ja", "kliniek-noord", "none", "allow", "confirm"])
    case = stored(runtime)
    assert case["anonymous"] is False
    assert case["reporter_name"] == "Lisa"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_bare_story_still_asks_everything(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    chat.send(choice="aggression")
    asked = chat.answer(
        "aggression",
        {
            "what": "Er gebeurde iets naars en ik weet niet goed hoe ik het moet zeggen.",
            "when": "yesterday",
            "where": "ward",
            "aro": "verbaal",
            "who": "patient",
            "evidence": "done",
            "impact": "3",
            "anonymity": "anonymous",
            "team": "none",
            "contact_pref": "none",
            "line_manager": "allow",
            "summary": "confirm",
        },
    )
    assert "understood" not in asked, "nothing was taken, so nothing is confirmed"
    assert asked[:5] == ["what", "when", "where", "aro", "who"]
    case = stored(runtime)
    assert case["occurred_choice"] == "yesterday"
    assert case["occurred_at"] == "2026-12-01", "a button is stored as its date too"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_short_opening_is_read_with_the_story_that_follows(
    driver: Driver, runtime: Runtime
) -> None:
    turns = driver.turns(
        ["ik word bedreigd op instagram", "Hij schreef gisteren dat hij weet waar ik woon."]
    )
    assert "eigen woorden" in turns[1].last["text"], "a short opening is not yet the story"
    understood = turns[2].last["text"]
    assert "gisteren" in understood
    assert "via Instagram" in understood, "what the opening said is confirmed with the story"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_niet_pluis_story_confirms_team_and_anonymity(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    chat.send(
        "Ik heb een niet pluis gevoel over hoe een collega met een bewoner omgaat. Ik werk op "
        "Kliniek Noord en wil dit graag anoniem bespreken, ik ben verder niemand iets verschuldigd."
    )
    assert chat.position() == ("niet_pluis", "understood"), chat.all_text
    assert "je werkt bij Kliniek Noord" in chat.said[-1].text
    assert "je meldt anoniem" in chat.said[-1].text
    asked = chat.answer(
        "niet_pluis",
        {"understood": "yes", "about": "colleague", "mode": "bespreken", "summary": "confirm"},
    )
    assert asked == ["understood", "about", "mode", "summary"]
    case = stored(runtime)
    assert case["team"] == "kliniek-noord"
    assert case["anonymous"] is True


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_an_opening_and_a_story_that_disagree_leave_the_question(
    driver: Driver, runtime: Runtime
) -> None:
    turns = driver.turns(
        ["ik word bedreigd op instagram", "Gisteren stuurde hij berichten via WhatsApp."]
    )
    understood = turns[2].last["text"]
    assert "gisteren" in understood
    assert "Instagram" not in understood
    assert "WhatsApp" not in understood
    driver.session(["ja"])
    with runtime.store.unit() as unit:
        stored_state = unit.load_conversation(runtime.store.pseudonym("console", "melder"))
    assert stored_state is not None
    assert stored_state.step == "where", "the platform is asked"

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
from dialogs.messages import Outgoing
from tests.stepchat import Driver, StepChat

CODE = re.compile(r"ZV-[A-Z0-9]{4}")

RICH_NL = (
    "Gisteren rond 16:30 schold de vader van een patiënt mij uit aan de balie en dreigde "
    "dat hij me zou opwachten. Ik werk op de huisartsenpost. Ik meld dit met mijn naam, ik "
    "ben Lisa. Niet naar mijn leidinggevende."
)
RICH_EN = (
    "Yesterday around 4:30 pm the father of a patient shouted at me at the front desk and "
    "threatened to wait for me after work. I work at the out-of-hours service. I report this "
    "with my "
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


@pytest.fixture
def chat(runtime: Runtime) -> StepChat:
    return StepChat(runtime.engine)


def typed(chat: StepChat, lines: list[str]) -> dict[str, list[Outgoing]]:
    """Type each line, never a button; the bot's replies by the step each line answered.
    Every line is the melder's own words: no option id or label of the question it
    answers (a number on the 1-5 scale the question itself asks for is the answer)."""
    replies: dict[str, list[Outgoing]] = {}
    for line in lines:
        step = chat.position()[1] or "start"
        question = chat.said[-1] if chat.said else None
        if question is not None and not (line.isdigit() and "1" in question.text):
            spoken = {c.id.lower() for c in question.choices}
            spoken |= {c.label.lower() for c in question.choices}
            assert line.lower() not in spoken, f"{line!r} is a button of {question.text!r}"
        replies[step] = chat.send(line)
    return replies


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_rich_dutch_story_reaches_its_case_code_in_six_messages(
    chat: StepChat, runtime: Runtime
) -> None:
    lines = [RICH_NL, "ja klopt", "nee", "3", "maakt niet uit", "ja"]
    replies = typed(chat, lines)
    understood = replies["start"][-1].text
    assert understood.startswith("Ik heb begrepen: gisteren rond 16:30, bij de receptie of balie")
    assert "door een familielid" in understood
    assert "met je naam (Lisa)" in understood
    assert understood.endswith("Klopt dat?"), "what was taken and the question: one message"
    assert list(replies) == ["start", "understood", "evidence", "impact", "contact_pref", "summary"]
    assert CODE.search(" ".join(m.text for m in replies["summary"]))

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
    routed = [r["contact"] for r in case["routed_to"]]  # type: ignore[attr-defined]
    assert "lg-eva" not in routed, "the melder's line manager is left out"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_rich_english_story_reaches_its_case_code_in_six_messages(
    chat: StepChat, runtime: Runtime
) -> None:
    chat.send("english")
    lines = [RICH_EN, "yes that's right", "no", "3", "doesn't matter", "yes"]
    replies = typed(chat, lines)
    assert replies["menu"][-1].text.startswith("I have understood: yesterday around 16:30")
    assert list(replies)[-1] == "summary", "the case code after six messages"
    assert CODE.search(" ".join(m.text for m in replies["summary"]))
    case = stored(runtime)
    assert case["occurred_at"] == "2026-12-01T16:30:00+01:00"
    assert case["perpetrator_relation"] == "naaste"
    assert case["location_kind"] == "reception"
    assert case["team"] == "huisartsenpost"
    assert case["reporter_name"] == "Tom"
    assert case["exclude_line_manager"] is True


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_contact_reads_the_resolved_moment_with_the_melders_words(
    chat: StepChat, driver: Driver, runtime: Runtime
) -> None:
    typed(chat, [RICH_NL, "ja klopt", "nee", "3", "maakt niet uit", "ja"])
    code = str(stored(runtime)["code"])
    bram = driver.talk(["cases", code], user="af-bram")
    notice = next(m["text"] for m in bram.greeting.messages if m.get("outbox"))
    assert "Wanneer: di 1 dec 2026 16:30" in notice
    assert "Gisteren rond 16:30" not in notice, "the melder's words stay out of the messenger"
    view = bram.question("case_view").all_text
    assert "Wanneer: di 1 dec 2026 16:30 (Gisteren rond 16:30)" in view
    assert csv_columns()[-1] == "occurred_at", "the new column comes last in the CSV export"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_one_item_is_corrected_in_words_and_asked_in_its_place(
    chat: StepChat, runtime: Runtime
) -> None:
    replies = typed(chat, [RICH_NL, "nee, de tijd klopt niet", "vanochtend"])
    assert "vraag ik je zo" in replies["understood"][0].text
    assert "Wanneer" in replies["understood"][-1].text, "the time is asked right away"
    assert "bewijs" in replies["when"][-1].text, "the other facts stay confirmed"
    typed(chat, ["nee", "3", "maakt niet uit", "ja"])
    case = stored(runtime)
    assert case["occurred_at"] == "2026-12-02", "'vanochtend' is stored as today's date"
    assert case["occurred"] == "vanochtend"
    assert case["occurred_choice"] == "today"
    assert case["location_kind"] == "reception"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_correction_that_says_the_right_value_changes_it(
    chat: StepChat, runtime: Runtime
) -> None:
    replies = typed(chat, [RICH_NL, "nee, het was eergisteren om 16:30"])
    said = replies["understood"]
    assert said[0].text == "Goed, ik heb het aangepast: maandag 30 november om 16:30."
    assert "bewijs" in said[-1].text, "nothing else is asked again"
    typed(chat, ["nee", "3", "maakt niet uit", "ja"])
    assert stored(runtime)["occurred_at"] == "2026-11-30T16:30:00+01:00"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_no_then_pick_the_item_by_button(chat: StepChat, runtime: Runtime) -> None:
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
    assert next(iter(asked)) == "who", "the corrected item is asked when its turn comes"
    assert stored(runtime)["perpetrator_relation"] == "bezoeker"


STORY_WITH_NAME = "Gisteren schold een bezoeker mij uit op de afdeling. Ik heet Lisa."


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_name_in_the_story_does_not_make_the_report_named(
    chat: StepChat, runtime: Runtime
) -> None:
    replies = typed(chat, [STORY_WITH_NAME, "ja", "niks", "3"])
    assert "Lisa" not in replies["start"][-1].text, "the name is not taken as a choice"
    assert chat.position() == ("aggression", "anonymity"), "the anonymity question is asked"
    replies = typed(chat, ["zonder naam graag"])
    assert "Lisa" not in " ".join(m.text for m in replies["anonymity"])
    chat.answer(
        "aggression",
        {"team": "kliniek-noord", "contact_pref": "none", "line_manager": "allow"}
        | {"summary": "confirm"},
    )
    case = stored(runtime)
    assert case["anonymous"] is True
    assert case["reporter_name"] is None


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_choosing_named_offers_the_name_from_the_story(chat: StepChat, runtime: Runtime) -> None:
    replies = typed(chat, [STORY_WITH_NAME, "ja", "niks", "3", "mijn naam mag erbij"])
    assert replies["anonymity"][-1].choices[0].label == "Gebruik Lisa"
    chat.answer(
        "aggression",
        {"name": "ja", "team": "kliniek-noord", "contact_pref": "none"}
        | {"line_manager": "allow", "summary": "confirm"},
    )
    case = stored(runtime)
    assert case["anonymous"] is False
    assert case["reporter_name"] == "Lisa"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_bare_story_still_asks_everything(chat: StepChat, runtime: Runtime) -> None:
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
    assert list(asked)[:5] == ["what", "when", "where", "aro", "who"]
    case = stored(runtime)
    assert case["occurred_choice"] == "yesterday"
    assert case["occurred_at"] == "2026-12-01", "a button is stored as its date too"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_short_opening_is_read_with_the_story_that_follows(chat: StepChat) -> None:
    replies = typed(
        chat, ["ik word bedreigd op instagram", "Hij schreef gisteren dat hij weet waar ik woon."]
    )
    assert "eigen woorden" in replies["start"][-1].text, "a short opening is not yet the story"
    understood = replies["what"][-1].text
    assert "gisteren" in understood
    assert "via Instagram" in understood, "what the opening said is confirmed with the story"


NL_REST = ["weet ik niet", "geen idee", "nee", "3", "liever anoniem", "ik werk op noord"]
EN_REST = ["dunno", "no idea", "no", "3", "anonymous please", "i work at north"]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize(
    ("opening", "platform", "rest"),
    [
        (
            "iemand stuurt me sinds zaterdag enge dm's op insta, weet waar ik woon",
            "Instagram",
            [*NL_REST, "maakt niet uit", "ja"],
        ),
        (
            "ik wil melden dat iemand me sinds zaterdag bedreigt op facebook, hij weet mijn adres",
            "Facebook",
            [*NL_REST, "maakt niet uit", "ja"],
        ),
        (
            "someone keeps sending me creepy dms on insta since saturday, knows where i live",
            "Instagram",
            [*EN_REST, "doesn't matter", "yes"],
        ),
    ],
)
def test_an_opening_story_is_taken_with_a_yes_in_own_words(
    chat: StepChat, runtime: Runtime, opening: str, platform: str, rest: list[str]
) -> None:
    """Found in the terminal chat: at "Wat is er gebeurd?" (with "Gebruik wat ik aan het
    begin schreef" offered) "ja klopt" was held as a story too short; a long opening is
    the story without the question."""
    yes = "ja klopt" if "ja" in rest else "yes thats right"
    typed(chat, [opening])
    if chat.position()[1] == "what":
        typed(chat, [yes])
    assert chat.position() == ("online_threat", "understood"), chat.all_text
    assert platform in chat.said[-1].text
    typed(chat, [yes])
    assert chat.position() == ("online_threat", "handle"), chat.all_text
    replies = typed(chat, rest)
    assert CODE.search(" ".join(m.text for m in replies["summary"])), chat.all_text
    case = stored(runtime)
    assert case["description"] == opening
    assert (case["platform"], case["occurred_choice"]) == (platform.lower(), "ongoing")
    assert (case["anonymous"], case["team"]) == (True, "kliniek-noord")


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize(
    "opening",
    [
        "ik wil een melding maken van bedreiging op instagram sinds zaterdag",
        "ik word bedreigd op insta",
    ],
)
def test_a_request_with_facts_is_not_yet_the_story(chat: StepChat, opening: str) -> None:
    replies = typed(chat, [opening])
    assert "eigen woorden" in replies["start"][-1].text, chat.all_text


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_niet_pluis_story_confirms_team_and_anonymity(chat: StepChat, runtime: Runtime) -> None:
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
    assert list(asked) == ["understood", "about", "mode", "summary"]
    case = stored(runtime)
    assert case["team"] == "kliniek-noord"
    assert case["anonymous"] is True


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_an_opening_and_a_story_that_disagree_leave_the_question(chat: StepChat) -> None:
    replies = typed(
        chat, ["ik word bedreigd op instagram", "Gisteren stuurde hij berichten via WhatsApp."]
    )
    understood = replies["what"][-1].text
    assert "gisteren" in understood
    assert "Instagram" not in understood
    assert "WhatsApp" not in understood
    chat.send("ja")
    assert chat.position() == ("online_threat", "where"), "the platform is asked"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_more_of_the_story_typed_at_the_confirmation_is_added_to_it(
    chat: StepChat, runtime: Runtime
) -> None:
    """Neither yes nor no but more facts: added (or put in place of what was understood)
    and asked again; before, each got "Ik weet niet zeker welke je bedoelt"."""
    story = "gisteren schold een bezoeker me uit en hij zei dat hij me wist te vinden"
    replies = typed(chat, [story, "bij de receptie vd huisartsenpost"])
    assert replies["start"][-1].text == (
        "Ik heb begrepen: gisteren, verbale agressie, door een bezoeker. Klopt dat?"
    )
    said = [m.text for m in replies["understood"]]
    assert said == [
        "Goed, ik heb het aangepast: bij de receptie of balie.",
        "Ik heb begrepen: gisteren, bij de receptie of balie, verbale agressie, "
        "door een bezoeker. Klopt dat?",
    ]
    # A "nee" with the right value is a correction, as before: changed, and on.
    said = [m.text for m in typed(chat, ["o nee het was de man van een patiente"])["understood"]]
    assert said[0] == "Goed, ik heb het aangepast: door een familielid of naaste van een patiënt."
    assert "bewijs" in said[-1]
    typed(chat, ["nee", "3", "anoniem graag", "maakt niet uit", "de aandachtsfunctionaris maar"])
    typed(chat, ["ja verstuur maar"])
    case = stored(runtime)
    assert case["location_kind"] == "reception", "the place typed at the confirmation"
    assert case["perpetrator_relation"] == "naaste"
    assert case["aro_category"] == "verbaal"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize(
    ("story", "said"),
    [
        # "rond 3" on a day with no part of it is not taken as a clock time (3 at night or
        # in the afternoon), but the melder sees their words were read; "vannacht" makes it
        # the night's 3 o'clock
        (
            "maandag rond 3 uur greep een bewoner me hard bij mn pols op de afdeling",
            "Ik heb begrepen: maandag 30 november (maandag rond 3 uur), op je werkplek",
        ),
        (
            "vannacht rond 3 uur greep een bewoner me hard bij mn pols op de afdeling",
            "Ik heb begrepen: vandaag rond 03:00, op je werkplek",
        ),
        (
            "gisteren rond half 5 schold de vader van een patiënt me uit bij de balie",
            "Ik heb begrepen: gisteren rond half 5, bij de receptie",
        ),
        (
            "gisteren schold de vader van een patiënt me uit bij de balie",
            "Ik heb begrepen: gisteren, bij de receptie",
        ),
    ],
)
def test_a_time_too_unclear_to_take_is_confirmed_in_the_melders_words(
    chat: StepChat, story: str, said: str
) -> None:
    chat.send(story)
    assert chat.said[-1].text.startswith(said)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_more_of_the_story_told_at_the_kind_of_aggression_is_kept_in_it(
    runtime: Runtime,
) -> None:
    """Found in the terminal chat: the opening was the story, and what the melder then told
    at "What kind of aggression was it?" ("said he knew where i parked") was stored only as
    'verbal': the case lost the threat. A long answer about the incident is added to the
    story."""
    chat = StepChat(runtime.engine, lang="en")
    opening = "hi so a patients son was really aggressive at the front desk this morning"
    told = "he screamed at me and slammed his fist on the counter, said he knew where i parked"
    typed(chat, [opening, "yes thats right"])
    assert chat.position() == ("aggression", "aro"), chat.all_text
    replies = typed(chat, [told])
    assert "I've added that to your story." in [m.text for m in replies["aro"]]
    typed(chat, ["no", "2", "keep my name out of it", "i work at north", "doesnt matter", "yes"])
    typed(chat, ["yes send it"])
    case = stored(runtime)
    assert case["description"] == f"{opening}\n{told}"
    assert case["aro_category"] == "verbaal"
    assert case["perpetrator_relation"] == "naaste"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_anonymous_said_at_the_confirmation_is_kept_and_the_report_goes_on(
    chat: StepChat,
) -> None:
    """Found in the terminal chat: "anoniem" typed at "Klopt dat?" after the story jumped
    to the anonymity question, skipping when it happened, evidence and how the melder is
    doing (the summary's rule for a change of mind ran at the confirmation)."""
    chat.send("ik wil agressie melden")
    chat.send("meneer op kamer 4 werd boos en gooide zijn dienblad naar me")
    assert chat.position() == ("aggression", "understood")
    reply = chat.send("anoniem")
    assert reply[0].text == "Genoteerd: je meldt anoniem. Dat vraag ik je straks niet meer."
    assert chat.position() == ("aggression", "understood")
    chat.send("ja")
    assert chat.position() == ("aggression", "when"), "the questions that are left follow"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("words", ["op de afdeling", "een patient", "fysiek"])
def test_what_was_understood_said_again_is_a_yes(chat: StepChat, words: str) -> None:
    """Found in the terminal chat: "op de afdeling" at "Ik heb begrepen: op je werkplek of
    afdeling, ... Klopt dat?" got "Ik weet niet zeker welke je bedoelt"."""
    chat.send("ik wil agressie melden")
    chat.send("meneer op kamer 4 werd boos en gooide zijn dienblad naar me")
    reply = chat.send(words)
    assert chat.position() == ("aggression", "when")
    assert not any("niet zeker" in m.text for m in reply)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_line_manager_let_in_at_the_confirmation_is_kept_and_the_report_goes_on(
    chat: StepChat,
) -> None:
    """Found in the review: "mijn leidinggevende mag het gerust weten" at "Klopt dat?" after
    the story said "daarna zie je het overzicht opnieuw" and asked who receives the report,
    before any other question (the summary's rule ran at every review step)."""
    chat.send("ik wil agressie melden")
    chat.send("meneer op kamer 4 werd boos en gooide zijn dienblad naar me")
    reply = chat.send("mijn leidinggevende mag het gerust weten")
    assert chat.position() == ("aggression", "understood")
    assert not any("overzicht" in m.text for m in reply)
    chat.send("ja")
    assert chat.position() == ("aggression", "when")

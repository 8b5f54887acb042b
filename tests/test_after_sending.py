"""After sending, the conversation goes on both ways: the melder answers by simply typing,
writes back, adds to their report and reopens it; the contact handling the case gets the
evidence files and a dossier for the police; security can ask a melder in acute danger
where they are, also an anonymous one; the melder gets a receipt. Whole scenarios with
several people through the console (JSONL), on a clock the test moves."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from bot.runtime import Runtime
from tests.conftest import run_cli
from tests.stepchat import Answer, Driver, Said
from tests.test_case_handling import Clock, open_case, outbox, report
from tests.test_conversation_report import ONLINE_ANSWERS


@pytest.fixture
def clock() -> Clock:
    return Clock()  # 2026-11-23 10:00 UTC = 11:00 in Amsterdam


@pytest.fixture
def world(make_runtime: Callable[..., Runtime], clock: Clock) -> tuple[Runtime, Driver]:
    runtime = make_runtime(clock=clock)
    return runtime, Driver(runtime)


def audit_actions(runtime: Runtime, code: str | None = None) -> list[str]:
    with runtime.store.unit() as unit:
        case = unit.case_by_code(code) if code else None
        return [e.action for e in unit.audit_events(case.id if case else None)]


def files(said: Said) -> list[dict[str, str]]:
    """The files the bot sent in a console session ({"name", "path"})."""
    return [r for r in said.records if r["type"] == "file"]


def screenshots(folder: Path) -> list[Path]:
    """Two screenshots as a melder would send them: a tall one and a wide one."""
    made = []
    for n, (size, colour) in enumerate((((540, 1000), "firebrick"), ((900, 480), "navy")), 1):
        picture = Image.new("RGB", size, colour)
        ImageDraw.Draw(picture).text((20, 20), f"ik wacht je op ({n})", fill="white")
        path = folder / f"screenshot-{n}.png"
        picture.save(path)
        made.append(path)
    return made


def report_with_images(driver: Driver, images: list[Path], **answers: str) -> str:
    """A named online-threat report with these files as evidence; its code."""
    given = {
        **ONLINE_ANSWERS,
        "evidence": [*(str(p) for p in images), "done"],
        "anonymity": "named",
        "name": "Sanne de Wit",
        **answers,
    }
    said = driver.session(["online", Answer("online_threat", given)])
    return next(w.strip(".,") for t in said.texts for w in t.split() if w.startswith("ZV-"))


def own_case(code: str, **answers: str | list[str]) -> list[str | Answer]:
    """The melder opens `code` under 'Status of my report', then answers `answers`."""
    return ["status", Answer("status", {"status_list": code, "own_case": [], **answers})]


# -- two-way after sending --------------------------------------------------------------------


def test_a_typed_answer_to_a_question_reaches_the_contact_and_the_view_shows_it(
    world: tuple[Runtime, Driver],
) -> None:
    runtime, driver = world
    code = report(driver)
    question = "Weet je of hij je straat heeft genoemd?"
    driver.session(open_case(code, case_view=["ask"], ask=question), user="af-anna")

    typed = "Ja, hij noemde de Lindelaan, waar ik woon."
    melder = driver.talk(own_case(code, own_case=[typed]))
    view = melder.question("own_case").all_text
    assert question in view
    assert "meteen typen" in view, "the melder is told they can type the answer"
    [reply] = melder.replies("own_case", to=typed)
    assert reply.texts[0] == "Dank je. Je antwoord is doorgegeven."
    assert "answer" not in reply.choice_ids(), "answered: no open question any more"

    again = driver.talk(own_case(code))
    shown = again.question("own_case").all_text
    assert "Er is nog geen bericht" not in shown
    assert f"jij: {typed}" in shown, "the latest exchange, with the melder's answer"
    assert f"vraag van het aanspreekpunt: {question}" in shown

    anna = driver.talk(open_case(code), user="af-anna")
    assert any("beantwoord" in n for n in outbox(anna.greeting))
    assert f"melder: {typed}" in anna.question("case_view").all_text
    assert "message_answer" in audit_actions(runtime, code)


def test_the_melder_writes_back_after_feedback(world: tuple[Runtime, Driver]) -> None:
    _runtime, driver = world
    code = report(driver)
    feedback = "We hebben de zoon gebeld en een gesprek gepland."
    driver.session(open_case(code, case_view=["feedback"], feedback=feedback), user="af-anna")
    message = "Dank jullie. Mag ik bij dat gesprek zijn?"
    melder = driver.talk(own_case(code, own_case=["reply"], reply=message))
    assert feedback in melder.question("own_case").all_text
    assert "doorgegeven aan het aanspreekpunt" in melder.reply("reply").texts[0]
    anna = driver.talk(open_case(code), user="af-anna")
    assert any("heeft je geschreven" in n and code in n for n in outbox(anna.greeting))
    assert message not in " ".join(outbox(anna.greeting)), "the notice carries no content"
    assert f"melder, een bericht: {message}" in anna.question("case_view").all_text


def test_adding_to_a_report_reaches_the_contacts_and_the_case_view(
    world: tuple[Runtime, Driver], tmp_path: Path
) -> None:
    runtime, driver = world
    code = report(driver)
    [image, _] = screenshots(tmp_path)
    words = "Vanochtend kwam er nog een bericht van een nieuw account, @zoon_456."
    melder = driver.talk(own_case(code, own_case=["add"], add_info=[words, str(image), "done"]))
    assert "Wat wil je toevoegen?" in melder.question("add_info").all_text
    assert "Dat voeg ik toe" in melder.reply("add_info", to=words).texts[0]
    assert "Ontvangen: screenshot-1.png" in melder.reply("add_info", to=str(image)).texts[0]
    assert code in melder.reply("add_info", to="done").texts[0]

    for contact in ("af-anna", "mt-team"):
        seen = driver.talk(open_case(code), user=contact)
        [notice] = [n for n in outbox(seen.greeting) if "toegevoegd" in n]
        assert "tekst en 1 bestand(en) of link(s)" in notice
        assert words not in notice, "the notice carries no content"
        view = seen.question("case_view").all_text
        assert f"melder, toegevoegd aan de melding: {words}" in view
        assert "screenshot-1.png" in view, "the file is in the case's evidence"
    actions = audit_actions(runtime, code)
    assert "message_addition" in actions
    assert "evidence_added" in actions


def test_a_file_let_go_of_is_not_added_and_never_reaches_a_later_report(
    world: tuple[Runtime, Driver], tmp_path: Path, clock: Clock
) -> None:
    runtime, driver = world
    code = report(driver)
    [image, _] = screenshots(tmp_path)
    stopped = driver.talk([*own_case(code, own_case=["add"], add_info=[str(image)]), "stop"])
    assert "niets aan je melding toegevoegd" in stopped.last.texts[0]
    clock.advance(minutes=2)  # past the rate limit of a minute
    second = report(driver)
    with runtime.store.unit() as unit:
        first, later = unit.case_by_code(code), unit.case_by_code(second)
    assert first is not None
    assert later is not None
    assert not first.evidence
    assert not later.evidence, "the file of the abandoned addition stays out of it"


def test_a_closed_report_is_reopened_with_a_reason(world: tuple[Runtime, Driver]) -> None:
    runtime, driver = world
    code = report(driver)
    close = open_case(
        code, case_view=["close"], close_outcome="handled", close_feedback="Afgehandeld."
    )
    driver.session(close, user="af-anna")
    driver.session([], user="mt-team")  # the notices so far
    reason = "Hij heeft me gisteren opnieuw bedreigd, nu via WhatsApp."
    melder = driver.talk(own_case(code, own_case=["reopen"], reopen_reason=reason))
    assert "reopen" in melder.question("own_case").choice_ids()
    reopened = melder.reply("reopen_reason")
    assert f"melding {code} is weer open" in reopened.texts[0]
    assert "Status: wordt behandeld" in reopened.all_text, "the view shows it open again"
    assert "reopen" not in reopened.choice_ids()

    for contact in ("af-anna", "mt-team"):
        seen = driver.talk(open_case(code), user=contact)
        [notice] = [n for n in outbox(seen.greeting) if "heropend" in n]
        assert reason not in notice
        view = seen.question("case_view").all_text
        assert f"melder, heropende de melding: {reason}" in view
        assert "wordt behandeld" in view
    anna = driver.talk(open_case(code), user="af-anna")
    assert "ask" in anna.question("case_view").choice_ids(), "the case can be worked on"
    assert "case_reopened" in audit_actions(runtime, code)


def test_a_report_is_found_and_added_to_in_the_melders_own_words(
    world: tuple[Runtime, Driver],
) -> None:
    _runtime, driver = world
    code = report(driver)
    words = "hij heeft me vanochtend weer een bericht gestuurd"
    said = driver.talk(["ik wil nog wat toevoegen aan mijn melding", words, "dat was het"])
    assert said.turns[0].then == ("status", "add_info"), "the only report, straight to adding"
    assert code in said.turns[0].said.texts[0], "the report's view says which report it is"
    assert "Wat wil je toevoegen?" in said.turns[0].said.texts[-1]
    assert "Dat voeg ik toe" in said.turns[1].said.texts[0]
    assert f"toegevoegd aan je melding {code}" in said.last.texts[0], "'dat was het' is done"
    anna = driver.talk(open_case(code), user="af-anna")
    assert any("toegevoegd" in n for n in outbox(anna.greeting))
    assert f"melder, toegevoegd aan de melding: {words}" in anna.question("case_view").all_text

    listed = driver.talk(["mijn melding", "die"])
    assert listed.turns[0].then == ("status", "status_list")
    assert listed.end == ("status", "own_case"), "'die' at a list of one opens it"

    feedback = "We hebben de zoon gebeld."
    driver.session(open_case(code, case_view=["feedback"], feedback=feedback), user="af-anna")
    replying = driver.talk(["menu", "kan ik reageren op de terugkoppeling"])
    assert replying.end == ("status", "reply")
    assert feedback in replying.said.all_text, "the view, with the feedback, first"


def test_with_several_reports_the_action_waits_for_the_choice_of_report(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    _runtime, driver = world
    first = report(driver)
    clock.advance(minutes=2)  # past the rate limit of a minute
    second = report(driver)
    said = driver.talk(["ik wil wat toevoegen", second])
    assert said.turns[0].said.texts[0] == (
        "Over welke melding gaat het? Kies hem hieronder, dan gaan we verder."
    )
    assert {first, second} <= set(said.turns[0].said.choice_ids())
    assert said.end == ("status", "add_info"), "the chosen report, and at once the addition"
    assert second in said.last.texts[0]

    vague = driver.talk(["status", "die"])
    assert vague.end == ("status", "status_list"), "'die' among two says not which"
    assert "Ik weet niet zeker" in vague.last.texts[0]

    reopen = driver.talk(["mijn melding heropenen", first])
    assert reopen.end == ("status", "own_case"), "an open report cannot be reopened: its view"


# -- evidence reaches the people who handle it -------------------------------------------------


def test_evidence_is_delivered_to_a_routed_contact_and_refused_to_another(
    world: tuple[Runtime, Driver], tmp_path: Path
) -> None:
    runtime, driver = world
    images = screenshots(tmp_path)
    code = report_with_images(driver, images)
    anna = driver.talk(open_case(code, case_view=["evidence"]), user="af-anna")
    got = anna.reply("case_view", to="evidence")
    assert "2 bestand(en)" in got.texts[0]
    sent = files(got)
    assert [f["name"] for f in sent] == [f"{code}-1-screenshot-1.png", f"{code}-2-screenshot-2.png"]
    for sent_file, original in zip(sent, images, strict=True):
        path = Path(sent_file["path"])
        assert path.read_bytes() == original.read_bytes(), "the file as the melder sent it"
        assert path.is_relative_to(runtime.settings.data_dir), "saved under the data folder"
        assert path.stat().st_mode & 0o777 == 0o600
    assert got.all_text.count("Melding ZV-") == 0, "the case view is not printed again"
    assert "evidence_sent" in audit_actions(runtime, code)

    carla = driver.talk(["cases", code], user="vp-carla")  # never routed to her
    assert not files(carla.said)
    assert "niet naar jou gestuurd" in carla.last.all_text
    with runtime.store.unit() as unit:
        case = unit.case_by_code(code)
        assert case is not None
        refused = [e for e in unit.audit_events(case.id) if e.action == "case_access_refused"]
    assert [e.actor for e in refused] == ["vp-carla"]


def test_the_case_view_is_shown_once_not_after_every_misunderstood_input(
    world: tuple[Runtime, Driver],
) -> None:
    _runtime, driver = world
    code = report(driver)
    anna = driver.talk(open_case(code, case_view=["blablabla", "hmm wat"]), user="af-anna")
    assert anna.question("case_view").all_text.count(f"Melding {code}") == 1
    for misunderstood in anna.replies("case_view"):
        assert f"Melding {code}" not in misunderstood.all_text
        assert misunderstood.choice_ids(), "the options are offered again"


# -- security alerts security can act on ---------------------------------------------------------


def test_security_asks_an_anonymous_melder_where_they_are(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    runtime, driver = world
    melder = driver.talk(["hij staat nu voor de deur van de woongroep met een mes"], user="nacht")
    assert "112" in melder.last.texts[0]

    alerts: list[str | Answer] = ["alerts", Answer("alerts", {"alert_list": [], "alert_view": []})]
    frank = driver.talk(alerts, user="sec-frank")
    [alert] = outbox(frank.greeting)
    assert "wapen" in alert
    assert "Meldingen van acuut gevaar" in alert, "how to reach the person"
    [choice] = [c for c in frank.question("alert_list").choice_ids() if c.startswith("alert-")]

    question = "Waar ben je precies? Welk gebouw en welke kamer?"
    ask = Answer("alerts", {"alert_list": choice, "alert_view": ["ask"], "alert_ask": question})
    frank = driver.talk(["alerts", ask], user="sec-frank")
    assert "Nog geen sein veilig." in frank.question("alert_view").all_text
    assert "in de chat van de persoon" in frank.reply("alert_ask").texts[0]

    clock.advance(minutes=2)
    where = "Lindelaan 1, tweede verdieping, kamer 12"
    melder = driver.talk([where, "het is voorbij, hij is weg"], user="nacht")
    [asked] = outbox(melder.greeting)
    assert asked.startswith(f"Beveiliging vraagt: {question}")
    assert melder.turns[0].said.texts[0] == "Je antwoord is doorgegeven aan de beveiliging."
    assert "veilig" in melder.turns[1].said.texts[0], "the all-clear still works"

    frank = driver.talk(
        ["alerts", Answer("alerts", {"alert_list": choice, "alert_view": []})], user="sec-frank"
    )
    notices = outbox(frank.greeting)
    assert any(where in n for n in notices), "the answer reaches security at once"
    assert any("Sein veilig" in n for n in notices)
    view = frank.question("alert_view").all_text
    assert f"antwoord van de persoon: {where}" in view
    assert "Sein veilig gegeven" in view
    assert "nacht" not in view, "security never learns who it is"
    actions = audit_actions(runtime)
    assert "acute_to_melder" in actions
    assert "acute_from_melder" in actions
    with runtime.store.unit() as unit:
        details = " ".join(e.detail for e in unit.audit_events())
    assert "kamer 12" not in details, "the audit log holds no content"


def test_only_security_sees_the_alerts(world: tuple[Runtime, Driver]) -> None:
    _runtime, driver = world
    driver.session(["hij slaat me nu, help"], user="nacht")
    anna = driver.talk([], user="af-anna")
    assert "alerts" not in anna.greeting.choice_ids()
    frank = driver.talk([], user="sec-frank")
    assert "alerts" in frank.greeting.choice_ids()


# -- a dossier for the police and a receipt ------------------------------------------------------


def read_pdf(path: Path) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_the_dossier_holds_the_facts_timeline_evidence_actions_and_the_ela_page(
    world: tuple[Runtime, Driver], tmp_path: Path
) -> None:
    runtime, driver = world
    images = screenshots(tmp_path)
    code = report_with_images(driver, images)
    script = open_case(code, case_view=["claim", "dossier"])
    before = driver.talk(open_case(code), user="af-anna")
    assert "dossier" not in before.question("case_view").choice_ids(), "only for the holder"
    anna = driver.talk(script, user="af-anna")
    [pdf] = files(anna.reply("case_view", to="dossier"))
    reader, text = read_pdf(Path(pdf["path"]))
    assert len(reader.pages) >= 3
    assert sum(len(page.images) for page in reader.pages) == 2, "both images embedded"
    for image in images:
        digest = hashlib.sha256(image.read_bytes()).hexdigest()
        assert digest[:32] in text.replace("\n", ""), "each file's SHA-256"
    for expected in (
        f"Dossier voor de politie: melding {code}",
        ONLINE_ANSWERS["what"][:40],
        "Sanne de Wit",
        "Tijdlijn",
        "Opgepakt door Anna de Vries.",
        "Ontvangen door de bot",
        "Genomen acties",
        "werkgeversaangifte",
        "Domiciliekeuze",
        "Lindelaan 1, 3500 AA Utrecht",
    ):
        assert expected in text, expected
    ela = reader.pages[-1].extract_text()
    assert "domiciliekeuze" in ela.lower(), "the ELA page is a page of its own"
    assert "dossier_created" in audit_actions(runtime, code)


def test_the_dossier_from_the_command_line_and_for_a_named_melder(
    world: tuple[Runtime, Driver], tmp_path: Path, cli_env: dict[str, str]
) -> None:
    runtime, driver = world
    code = report_with_images(driver, screenshots(tmp_path))
    melder = driver.talk(own_case(code, own_case=["dossier"]))
    [pdf] = files(melder.reply("own_case", to="dossier"))
    assert code in read_pdf(Path(pdf["path"]))[1]

    anonymous = report(driver, user="anoniem")
    view = driver.talk(own_case(anonymous), user="anoniem").question("own_case")
    assert "dossier" not in view.choice_ids(), "no dossier of an anonymous report"

    out = tmp_path / "dossier.pdf"
    done = run_cli(["cases", "dossier", code.lower(), "--out", str(out)], cli_env)
    assert done.returncode == 0, done.stderr
    reader, text = read_pdf(out)
    assert "de beheerder van de meldbot" in text
    assert sum(len(page.images) for page in reader.pages) == 2
    assert out.stat().st_mode & 0o777 == 0o600
    with runtime.store.unit() as unit:
        case = unit.case_by_code(code)
        assert case is not None
        made = [e.actor for e in unit.audit_events(case.id) if e.action == "dossier_created"]
    assert made == ["reporter", "operator"]


def test_a_receipt_right_after_sending_and_later(world: tuple[Runtime, Driver]) -> None:
    runtime, driver = world
    talk = driver.talk([*report_script(), "ontvangstbewijs", "menu"])
    code = next(w.strip(".,") for t in talk.said.texts for w in t.split() if w.startswith("ZV-"))
    menu = talk.turns[-3].said
    assert menu.choice_ids()[0] == "receipt", "offered right after sending"
    got = talk.turns[-2].said
    text = got.texts[0]
    for expected in (
        f"Code: {code}",
        "Ontvangen: 23 nov 2026 11:00",
        "Soort: online bedreiging",
        "Gestuurd naar: de aandachtsfunctionaris en het meldteam",
        "Gemeld: anoniem",
    ):
        assert expected in text, expected
    assert ONLINE_ANSWERS["what"][:30] not in text, "no content"
    [pdf] = files(got)
    assert pdf["name"] == f"ontvangstbewijs-{code}.pdf"
    printed = read_pdf(Path(pdf["path"]))[1]
    assert code in printed
    assert "online bedreiging" in printed
    assert "receipt" not in talk.last.choice_ids(), "once the melder moves on, it is gone"

    later = driver.talk(own_case(code, own_case=["receipt"]))
    assert files(later.reply("own_case", to="receipt"))
    assert audit_actions(runtime, code).count("receipt_sent") == 2


def report_script() -> list[str | Answer]:
    return ["online", Answer("online_threat", ONLINE_ANSWERS)]


def test_the_melders_copy_holds_what_they_added(world: tuple[Runtime, Driver]) -> None:
    _runtime, driver = world
    code = report(driver)
    words = "Hij heeft ook mijn collega bedreigd."
    driver.session(own_case(code, own_case=["add"], add_info=[words, "done"]))
    copy = driver.talk(["privacy", Answer("privacy", {"choose": "export"})])
    [export] = files(copy.said)
    data = json.loads(Path(export["path"]).read_text(encoding="utf-8"))
    [mine] = data["reports"]
    assert {"kind": "addition", "text": words} in [
        {"kind": m["kind"], "text": m["text"]} for m in mine["messages"]
    ]

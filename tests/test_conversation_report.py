"""Whole report conversations through the console channel (JSONL), and what they store."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from bot.runtime import Runtime
from dialogs.export import case_json
from storage.casecode import ALPHABET
from tests.stepchat import Answer, Driver, Script

CODE = re.compile(rf"ZV-[{ALPHABET}]{{4}}")

DESCRIPTION = "De zoon van mevrouw K. stuurde: 'ik weet waar je woont, pas maar op'."

#: An anonymous report of an online threat, answered by step name.
ONLINE_ANSWERS = {
    "what": DESCRIPTION,
    "understood": "yes",  # "Ik heb begrepen: door een familielid ..." (so who is not asked)
    "when": "yesterday",
    "where": "instagram",
    "handle": "@boze_zoon_1980",
    "evidence": "done",
    "impact": "2",
    "anonymity": "anonymous",
    "team": "kliniek-noord",
    "contact_pref": "none",
    "summary": "confirm",
}
#: The same report as console lines, in the order the bot asks (checked below).
ONLINE_ANONYMOUS = ["online", *ONLINE_ANSWERS.values()]
ONLINE_REPORT: Script = ["online", Answer("online_threat", ONLINE_ANSWERS)]


WHAT_HAPPENED = (
    "Wat is er gebeurd? Vertel het in je eigen woorden. Wat heb je zelf gezien of gehoord? "
    "Wat werd er precies gezegd of geschreven? Eerst de feiten. Hoe jij je erbij voelt, "
    "komt later."
)


def exported(runtime: Runtime) -> list[dict[str, Any]]:
    """Every case as `zorgveilig cases export` writes it."""
    with runtime.store.unit() as unit:
        return [case_json(c) for c in unit.all_cases()]


def test_online_threat_anonymous_is_registered_routed_and_followed_by_aftercare(
    driver: Driver, runtime: Runtime
) -> None:
    talk = driver.talk(ONLINE_REPORT)
    assert talk.asked("online_threat") == list(ONLINE_ANSWERS), "asked in this order"
    assert "ZorgVeilig" in talk.greeting.texts[0]
    assert "online" in talk.greeting.choice_ids()
    assert talk.question("what").last["text"] == WHAT_HAPPENED
    # the impact answer 2 gets a caring reply before the next question
    assert talk.reply("impact").texts[:-1] == [
        "Wat naar om te horen. Aan het eind krijg je gegevens van mensen die je kunnen steunen."
    ]
    summary = talk.question("summary")
    assert DESCRIPTION in summary.all_text
    assert "Instagram" in summary.all_text
    assert "anoniem" in summary.all_text.lower()
    assert summary.choice_ids() == ["confirm", "edit", "cancel"]

    done = talk.reply("summary")
    code = CODE.search(done.texts[0])
    assert code, done.texts[0]
    assert "24" in done.all_text  # what happens next, with a time frame
    assert "screenshot" in done.all_text.lower()  # immediate aftercare for online threats
    assert "Instagram: tik op de drie puntjes" in done.all_text  # where to report it there
    assert "0900-0101" in done.all_text  # Slachtofferhulp Nederland
    assert "Vertrouwenspersoon (Carla Smit)" in done.all_text  # the organisation's support
    assert "online" in done.choice_ids()  # back at the menu
    assert talk.end == ("menu", "menu")

    [case] = exported(runtime)
    assert case["code"] == code.group(0)
    assert case["kind"] == "online_threat"
    assert case["status"] == "new"
    assert case["anonymous"] is True
    assert case["reporter_name"] is None
    assert case["description"] == DESCRIPTION
    assert case["platform"] == "instagram"
    assert case["handle"] == "@boze_zoon_1980"
    assert case["perpetrator_relation"] == "naaste"
    assert case["impact"] == 2
    assert case["occurred"] == "yesterday"
    assert case["team"] == "kliniek-noord"
    routed = {r["contact"]: r["role"] for r in case["routed_to"]}
    assert routed == {"af-anna": "aandachtsfunctionaris", "mt-team": "meldteam"}


def test_contact_receives_notice_once_and_reads_only_routed_cases(
    driver: Driver, runtime: Runtime
) -> None:
    driver.session(ONLINE_REPORT)
    [case] = exported(runtime)
    code = str(case["code"])

    anna = driver.talk(
        ["cases", Answer("cases", {"case_list": code, "case_view": "menu"})], user="af-anna"
    )
    notices = [m for m in anna.greeting.messages if m.get("outbox")]
    assert len(notices) == 1
    notice = notices[0]["text"]
    assert code in notice
    assert DESCRIPTION not in notice  # the story stays in the bot, not in the messenger
    assert "anoniem" in notice.lower()
    assert "cases" in anna.greeting.choice_ids()
    assert code in anna.question("case_list").choice_ids()
    view = anna.question("case_view").all_text
    assert DESCRIPTION in view
    assert "@boze_zoon_1980" not in notice

    again = driver.session([], user="af-anna")
    assert not [m for m in again.messages if m.get("outbox")], "a notice is delivered once"

    # A line manager the report was not routed to sees nothing of it.
    dirk = driver.talk(["cases", code], user="lg-dirk")
    assert not [m for m in dirk.greeting.messages if m.get("outbox")]
    assert code not in dirk.reply("menu").choice_ids(), "not in the list of cases"
    refused = dirk.reply("case_list")
    assert DESCRIPTION not in refused.all_text
    assert dirk.end == ("cases", "case_list"), "refused: back at the list"


def test_aggression_named_with_evidence_and_line_manager_choice(
    driver: Driver, runtime: Runtime, tmp_path: Path
) -> None:
    photo = tmp_path / "wond.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 fake jpeg bytes")
    missing = str(tmp_path / "bestaat-niet.png")
    link = "https://example.org/camera/123"
    answers = {
        "what": "Een bezoeker schreeuwde en duwde mij tegen de balie.",
        "when": "vandaag",
        "where": "reception",
        "aro": "fysiek",
        "who": "bezoeker",
        "evidence": [str(photo), missing, link, "done"],
        "impact": "3",
        "anonymity": "named",
        "name": "Sanne de Wit",
        "team": "kliniek-noord",
        "contact_pref": "none",
        "line_manager": "exclude",
        "summary": "confirm",
    }
    talk = driver.talk(["aggression", Answer("aggression", answers)])
    assert talk.reply("evidence", to=str(photo)).texts[0] == "Ontvangen: wond.jpg (20 B)."
    assert talk.reply("evidence", to=missing).texts[0] == (
        f"Ik kon het bestand {missing} niet vinden of lezen. "
        "Controleer de naam en probeer het opnieuw. Of kies 'Klaar'."
    )
    assert talk.reply("evidence", to=link).texts[0] == f"Link bewaard: {link}."
    summary = talk.question("summary").all_text
    assert "Sanne de Wit" in summary
    assert "wond.jpg" in summary
    assert "leidinggevende" in summary

    [case] = exported(runtime)
    assert case["kind"] == "aggression"
    assert case["anonymous"] is False
    assert case["reporter_name"] == "Sanne de Wit"
    assert case["aro_category"] == "fysiek"
    assert case["location_kind"] == "reception"
    assert case["perpetrator_relation"] == "bezoeker"
    evidence = case["evidence"]
    assert isinstance(evidence, list)
    assert [e["kind"] for e in evidence] == ["file", "link"]
    import hashlib

    assert evidence[0]["sha256"] == hashlib.sha256(photo.read_bytes()).hexdigest()
    routed = [r["contact"] for r in case["routed_to"]]
    assert "af-anna" in routed
    assert "lg-dirk" not in routed, "the melder excluded their line manager"


def test_aggression_allowing_line_manager_routes_to_team_manager(
    driver: Driver, runtime: Runtime
) -> None:
    answers = {
        "what": "Een patiënt schold mij uit tijdens de avondronde.",
        "when": "today",
        "where": "ward",
        "aro": "verbaal",
        "who": "patient",
        "evidence": "done",
        "impact": "4",
        "anonymity": "anonymous",
        "team": "kliniek-noord",
        "contact_pref": "none",
        "line_manager": "allow",
        "summary": "confirm",
    }
    driver.session(["aggression", Answer("aggression", answers)])
    [case] = exported(runtime)
    routed = {r["contact"] for r in case["routed_to"]}
    assert "lg-dirk" in routed
    assert "lg-eva" not in routed, "another team's manager is not involved"
    assert "af-anna" in routed


def test_niet_pluis_goes_only_to_independent_aandachtsfunctionaris(
    driver: Driver, runtime: Runtime
) -> None:
    answers = {
        "what": "Een collega is de laatste tijd erg kortaf tegen een bewoner en sluit de deur.",
        "about": "colleague",
        "mode": "bespreken",
        "anonymity": "anonymous",
        "team": "kliniek-noord",
        "summary": "confirm",
    }
    talk = driver.talk(["niet_pluis", Answer("niet_pluis", answers)])
    assert "bespreken" in talk.question("mode").last["text"].lower()
    done = talk.reply("summary").all_text
    assert CODE.search(done)
    assert "alert" in done.lower()  # "blijf alert"
    [case] = exported(runtime)
    assert case["kind"] == "niet_pluis"
    assert case["niet_pluis_mode"] == "bespreken"
    assert case["about"] == "colleague"
    routed = case["routed_to"]
    assert routed == [{"contact": "af-anna", "role": "aandachtsfunctionaris", "reason": "rule"}]


def test_free_sentence_lands_in_online_flow_with_what_it_said_confirmed(
    driver: Driver, runtime: Runtime
) -> None:
    opening = "ik word bedreigd op instagram door de zoon van een patiënt"
    answers = {
        "what": "use_slot",
        "understood": "yes",
        "when": "today",
        "handle": "weet ik niet",
        "evidence": "done",
        "impact": "3",
        "anonymity": "anonymous",
        "team": "none",
        "contact_pref": "none",
        "summary": "confirm",
    }
    talk = driver.talk([opening, Answer("online_threat", answers)])
    started = talk.question("what")
    assert "online bedreiging" in started.all_text.lower()
    assert "use_slot" in started.choice_ids()
    # Platform (instagram) and who did it came from the first sentence: not asked again.
    assert talk.asked("online_threat") == list(answers)
    assert "account" in talk.question("handle").last["text"].lower()
    [case] = exported(runtime)
    assert case["description"] == opening
    assert case["platform"] == "instagram"
    assert case["perpetrator_relation"] == "naaste"
    assert case["handle"] is None


def test_aftercare_content_covers_every_platform_and_kind() -> None:
    from dialogs import content
    from dialogs.fields import PLATFORM_OPTIONS
    from dialogs.flows import REPORT_FLOWS

    data = content.load("aftercare")
    assert isinstance(data["version"], int)
    assert set(data["immediate"]) == set(REPORT_FLOWS)
    assert {o.id for o in PLATFORM_OPTIONS} == set(data["platform_reporting"])

"""Whole report conversations through the console channel (JSONL), and what they store."""

from __future__ import annotations

import re
from pathlib import Path

from bot.cli import case_json
from bot.runtime import Runtime
from storage.casecode import ALPHABET
from tests.conftest import Driver

CODE = re.compile(rf"ZV-[{ALPHABET}]{{4}}")

DESCRIPTION = "De zoon van mevrouw K. stuurde: 'ik weet waar je woont, pas maar op'."

ONLINE_ANONYMOUS = [
    "online",
    DESCRIPTION,
    "ja",  # "I have understood: by a relative or friend of a patient. Is that right?"
    "yesterday",
    "instagram",
    "@boze_zoon_1980",
    "done",
    "2",
    "anonymous",
    "kliniek-noord",
    "none",
    "confirm",
]


def exported(runtime: Runtime) -> list[dict[str, object]]:
    with runtime.store.unit() as unit:
        return [case_json(c) for c in unit.all_cases()]


def test_online_threat_anonymous_is_registered_routed_and_followed_by_aftercare(
    driver: Driver, runtime: Runtime
) -> None:
    turns = driver.turns(ONLINE_ANONYMOUS)
    greeting = turns[0]
    assert "ZorgVeilig" in greeting.texts[0]
    assert "online" in greeting.choice_ids()
    assert "Wat is er gebeurd" in turns[1].last["text"] or "eigen woorden" in turns[1].last["text"]
    # the impact answer 2 gets a caring reply before the next question
    assert any("naar" in t or "spijt" in t for t in turns[8].texts[:-1])
    summary = turns[11].all_text
    assert DESCRIPTION in summary
    assert "Instagram" in summary
    assert "anoniem" in summary.lower()
    assert turns[11].choice_ids() == ["confirm", "edit", "cancel"]

    done = turns[12]
    code = CODE.search(done.texts[0])
    assert code, done.texts[0]
    assert "24" in done.all_text  # what happens next, with a time frame
    assert "screenshot" in done.all_text.lower()  # immediate aftercare for online threats
    assert "Instagram: tik op de drie puntjes" in done.all_text  # where to report it there
    assert "0900-0101" in done.all_text  # Slachtofferhulp Nederland
    assert "Carla" in done.all_text or "vertrouwenspersoon" in done.all_text.lower()
    assert "online" in done.choice_ids()  # back at the menu

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
    driver.session(ONLINE_ANONYMOUS)
    [case] = exported(runtime)

    anna = driver.turns(["cases", str(case["code"]), "menu"], user="af-anna")
    notices = [m for m in anna[0].messages if m.get("outbox")]
    assert len(notices) == 1
    notice = notices[0]["text"]
    assert str(case["code"]) in notice
    assert DESCRIPTION not in notice  # the story stays in the bot, not in the messenger
    assert "anoniem" in notice.lower()
    assert "cases" in anna[0].choice_ids()
    assert str(case["code"]) in anna[1].choice_ids()
    view = anna[2].all_text
    assert DESCRIPTION in view
    assert "@boze_zoon_1980" not in notice

    again = driver.session([], user="af-anna")
    assert not [m for m in again.messages if m.get("outbox")], "a notice is delivered once"

    # A line manager the report was not routed to sees nothing of it.
    dirk = driver.turns(["cases", str(case["code"])], user="lg-dirk")
    assert not [m for m in dirk[0].messages if m.get("outbox")]
    assert str(case["code"]) not in dirk[1].choice_ids()
    assert DESCRIPTION not in dirk[2].all_text


def test_aggression_named_with_evidence_and_line_manager_choice(
    driver: Driver, runtime: Runtime, tmp_path: Path
) -> None:
    photo = tmp_path / "wond.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 fake jpeg bytes")
    turns = driver.turns(
        [
            "aggression",
            "Een bezoeker schreeuwde en duwde mij tegen de balie.",
            "ja",  # understood: at the reception, physical aggression, by a visitor
            "vandaag",
            str(photo),
            str(tmp_path / "bestaat-niet.png"),
            "https://example.org/camera/123",
            "done",
            "3",
            "named",
            "Sanne de Wit",
            "kliniek-noord",
            "none",
            "exclude",
            "confirm",
        ]
    )
    assert "Ik heb begrepen" in turns[2].last["text"]
    assert any("wond.jpg" in t for t in turns[5].texts)
    missing = turns[6].texts[0]
    assert "bestaat-niet.png" in missing
    assert "niet vinden" in missing or "find" in missing
    assert any("example.org" in t for t in turns[7].texts)
    summary = turns[14].all_text
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
    routed = [r["contact"] for r in case["routed_to"]]  # type: ignore[union-attr]
    assert "af-anna" in routed
    assert "lg-dirk" not in routed, "the melder excluded their line manager"


def test_aggression_allowing_line_manager_routes_to_team_manager(
    driver: Driver, runtime: Runtime
) -> None:
    driver.session(
        [
            "aggression",
            "Een patiënt schold mij uit tijdens de avondronde.",
            "ja",  # understood: verbal aggression, by a patient
            "today",
            "ward",
            "done",
            "4",
            "anonymous",
            "kliniek-noord",
            "none",
            "allow",
            "confirm",
        ]
    )
    [case] = exported(runtime)
    routed = {r["contact"] for r in case["routed_to"]}  # type: ignore[union-attr]
    assert "lg-dirk" in routed
    assert "lg-eva" not in routed, "another team's manager is not involved"
    assert "af-anna" in routed


def test_niet_pluis_goes_only_to_independent_aandachtsfunctionaris(
    driver: Driver, runtime: Runtime
) -> None:
    turns = driver.turns(
        [
            "niet_pluis",
            "Een collega is de laatste tijd erg kortaf tegen een bewoner en sluit de deur.",
            "colleague",
            "bespreken",
            "anonymous",
            "kliniek-noord",
            "confirm",
        ]
    )
    assert "bespreken" in turns[3].last["text"].lower()
    done = turns[7].all_text
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
    turns = driver.turns([opening, "use_slot", "ja", "today"])
    started = turns[1].all_text
    assert "online bedreiging" in started.lower()
    assert "use_slot" in turns[1].choice_ids()
    understood = turns[2].last["text"]
    assert "via Instagram" in understood
    assert "familielid" in understood
    assert "Klopt dat?" in understood, "what was taken and the question are one message"
    # Platform (instagram) came from the first sentence: the next question is the handle.
    assert "account" in turns[4].last["text"].lower()
    driver.session(["weet ik niet", "done", "3", "anonymous", "none", "none", "confirm"])
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

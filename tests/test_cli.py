"""The `zorgveilig` command as other tools use it (real subprocesses)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli
from tests.test_conversation_report import DESCRIPTION, ONLINE_ANONYMOUS


def test_chat_jsonl_then_export_as_json(cli_env: dict[str, str]) -> None:
    chat = run_cli(["chat", "--jsonl"], cli_env, stdin="\n".join(ONLINE_ANONYMOUS) + "\n")
    assert chat.returncode == 0, chat.stderr
    records = [json.loads(line) for line in chat.stdout.splitlines()]
    assert records[-1] == {"type": "await"}
    assert all(r["type"] in ("message", "await") for r in records)
    assert DESCRIPTION not in chat.stderr, "no message content in logs"

    export = run_cli(["cases", "export", "--format", "json"], cli_env)
    assert export.returncode == 0, export.stderr
    [case] = json.loads(export.stdout)
    assert case["description"] == DESCRIPTION
    assert set(case) >= {
        "code",
        "kind",
        "status",
        "anonymous",
        "reporter_name",
        "description",
        "occurred",
        "platform",
        "perpetrator_relation",
        "impact",
        "evidence",
        "routed_to",
        "created_at",
    }


def test_quit_in_the_middle_and_continue_in_a_new_process(cli_env: dict[str, str]) -> None:
    first = run_cli(
        ["chat", "--jsonl"], cli_env, stdin="online\nIemand bedreigt mij via sms.\nja\n"
    )
    assert first.returncode == 0, first.stderr
    second = run_cli(["chat", "--jsonl", "--lang", "en"], cli_env, stdin="")
    messages = [json.loads(line) for line in second.stdout.splitlines()]
    assert "Welcome back" in messages[0]["text"]
    assert messages[-2]["choices"][0]["id"] == "today"


def test_english_conversation(cli_env: dict[str, str]) -> None:
    chat = run_cli(["chat", "--jsonl", "--lang", "en"], cli_env, stdin="privacy\nstatus\n")
    text = "\n".join(json.loads(line).get("text", "") for line in chat.stdout.splitlines())
    assert "Who sees your report" in text
    assert "You have not made any reports" in text


def test_nlu_parse_prints_rasa_like_json(cli_env: dict[str, str]) -> None:
    result = run_cli(["nlu", "parse", "ik", "word", "bedreigd", "op", "instagram"], cli_env)
    assert result.returncode == 0, result.stderr
    parsed = json.loads(result.stdout)
    assert parsed["intent"]["name"] == "report_online_threat"
    assert parsed["entities"][0]["entity"] == "platform"
    assert parsed["entities"][0]["value"] == "instagram"
    assert len(parsed["intent_ranking"]) >= 5


def test_invalid_organisation_is_refused_with_a_clear_message(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    broken = tmp_path / "org.yml"
    broken.write_text(
        "id: x\nname: X\nteams: []\nreferrals: []\nacute_alert: []\nrouting: []\n"
        "contacts:\n  - id: lg-a\n    name: A\n    role: leidinggevende\n    line_manager: true\n"
        "    addresses: {console: lg-a}\n",
        encoding="utf-8",
    )
    result = run_cli(["chat", "--jsonl"], {**cli_env, "ZV_ORGANISATION": str(broken)})
    assert result.returncode == 2
    assert "aandachtsfunctionaris" in result.stderr
    assert "Traceback" not in result.stderr


def test_invalid_setting_is_named_without_its_value(cli_env: dict[str, str]) -> None:
    result = run_cli(["chat", "--jsonl"], {**cli_env, "ZV_NLU_THRESHOLD": "s3cr3t-value"})
    assert result.returncode == 2
    assert "ZV_NLU_THRESHOLD" in result.stderr
    assert "s3cr3t-value" not in result.stderr


def test_debug_logs_carry_no_content_names_or_chat_ids(cli_env: dict[str, str]) -> None:
    user = "nacht-zuster-pietersen"
    lines = [
        "aggression",
        "Meneer Bakker sloeg mij met een dienblad.",
        "ja",  # understood: physical aggression
        "today",
        "ward",
        "patient",
        "done",
        "2",
        "named",
        "Petra Pietersen",
        "kliniek-noord",
        "none",
        "exclude",
        "confirm",
        "help hij staat nu voor de deur met een mes",
    ]
    env = {**cli_env, "ZV_LOG_LEVEL": "DEBUG"}
    chat = run_cli(["chat", "--jsonl", "--user", user], env, stdin="\n".join(lines) + "\n")
    assert chat.returncode == 0, chat.stderr
    assert "ZV-" in chat.stdout
    logs = chat.stderr
    assert " DEBUG " in logs, "logging at DEBUG level was on"
    assert " INFO dialogs.reportflow: report submitted: kind=aggression recipients=2\n" in logs
    for secret in (user, "Bakker", "dienblad", "Petra", "Pietersen", "een mes"):
        assert secret not in logs, f"{secret!r} leaked into the logs"

"""Text that is not valid Unicode (a terminal's invalid UTF-8, a lone surrogate a platform
sends as "\\ud800") is answered like any other message: never a crash, never half-stored."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.runtime import Runtime
from dialogs.messages import Incoming
from storage.crypto import Vault
from tests.conftest import PROJECT
from tests.stepchat import StepChat
from tests.test_conversation_control import EVERY_STEP, REPORTS, step_id
from tests.test_conversation_report import ONLINE_ANSWERS

_SURROGATE = st.characters(categories=["Cs"])
#: Any text with at least one lone surrogate in it, and some typical ones.
_UNDECODABLE = st.one_of(
    st.builds(
        lambda head, bad, tail: head + bad + tail,
        st.text(max_size=80),
        st.text(alphabet=_SURROGATE, min_size=1, max_size=4),
        st.text(max_size=80),
    ),
    st.lists(st.one_of(st.text(max_size=10), _SURROGATE), min_size=1, max_size=12).map("".join),
    st.sampled_from(
        [
            "\udcff\udcfe",
            "ik word bedreigd \udcc3 op instagram",
            "\ud83d",  # the first half of an emoji
            "nu \ud83d\udd2a voor de deur",  # a whole emoji as two halves
            "\udce9\udce9n",
            "ZV-\udcff",
        ]
    ),
)


# The engine's input handling is the same on every database: SQLite keeps this fast.
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize(("flow", "step"), EVERY_STEP, ids=map(step_id, EVERY_STEP))
@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=_UNDECODABLE, choice=st.one_of(st.none(), _UNDECODABLE))
def test_undecodable_text_is_answered_at_every_step(
    runtime: Runtime, flow: str, step: str, text: str, choice: str | None
) -> None:
    chat = f"u-{uuid.uuid4().hex[:12]}"
    engine = runtime.engine
    if flow != "menu":
        start, answers = REPORTS[flow]
        melder = StepChat(engine, user=chat)
        melder.send(start)
        melder.answer(flow, answers, until=step)
        assert melder.position() == (flow, step)
    reply = engine.handle(
        Incoming(channel="console", chat_id=chat, user_id=chat, text=text, choice=choice)
    )
    assert reply.messages, "every message gets an answer"
    for message in reply.messages:
        message.text.encode("utf-8")  # what the bot says can be sent
    after = engine.handle(Incoming(channel="console", chat_id=chat, user_id=chat, text="stop"))
    assert after.messages, "and the chat goes on"
    key = runtime.store.pseudonym("console", chat)
    with runtime.store.unit() as unit:
        assert unit.load_conversation(key, lock=False) is not None, "the state is readable"
        cases = unit.cases_of_reporter(key)
    told = " ".join(m.text for m in reply.messages)
    assert all(case.code in told for case in cases), "a case the melder was not told about"


def test_a_story_with_undecodable_bytes_is_stored_with_replacement_characters(
    runtime: Runtime,
) -> None:
    melder = StepChat(runtime.engine, user="kapot")
    melder.send(choice="online")
    story = "De zoon van mevrouw K. stuurde \udcff\udcfe: 'ik weet waar je woont, pas maar op'."
    melder.answer("online_threat", {**ONLINE_ANSWERS, "what": story})
    with runtime.store.unit() as unit:
        [case] = unit.cases_of_reporter(runtime.store.pseudonym("console", "kapot"))
    assert case.details["description"] == story.replace("\udcff\udcfe", "\ufffd\ufffd")
    assert case.code in melder.all_text


def test_the_vault_stores_any_string() -> None:
    vault = Vault([b"Jz0C2VGd2Pw3kFOSy7DMBXDNNLSb8Ovzh1BO9YD3hK4="], os.urandom(32))
    token = vault.encrypt_text("a\udcffb \ud83d\ude00")
    assert vault.decrypt_text(token) == "a\ufffdb \U0001f600"


def _chat_jsonl(lines: bytes, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--jsonl"],
        input=lines,
        capture_output=True,
        env={**os.environ, **env},
        timeout=120,
        check=False,
        cwd=PROJECT,
    )


@pytest.mark.parametrize(
    "locale", [{"LC_ALL": "C.UTF-8"}, {"LC_ALL": "C", "PYTHONIOENCODING": "ascii"}]
)
def test_the_jsonl_console_answers_lines_of_invalid_utf8(
    cli_env: dict[str, str], locale: dict[str, str]
) -> None:
    lines = b"hallo\n\xff\xfe kapot \xc3\n\xed\xa0\x80 half\nmenu\n"
    result = _chat_jsonl(lines, {**cli_env, **locale})
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert b"Traceback" not in result.stderr
    records = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    awaits = [n for n, r in enumerate(records) if r["type"] == "await"]
    assert len(awaits) == 1 + 4, "the greeting and every line are answered"
    for before, after in itertools.pairwise(awaits):
        assert any(r["type"] == "message" for r in records[before + 1 : after])
    # the session goes on: the last line ('menu') shows the menu
    last = records[awaits[-2] + 1 : awaits[-1]]
    assert any(c["id"] == "online" for r in last for c in r.get("choices", []))


def test_state_written_after_invalid_utf8_is_read_back(cli_env: dict[str, str]) -> None:
    first = _chat_jsonl(b"online\nop instagram \xff\xfe\n", cli_env)
    assert first.returncode == 0, first.stderr.decode(errors="replace")
    again = _chat_jsonl(b"", cli_env)
    assert again.returncode == 0, again.stderr.decode(errors="replace")
    assert "Welkom terug" in again.stdout.decode("utf-8")
    assert Path(cli_env["ZV_DATA_DIR"]).is_dir()

"""Crash safety: SIGKILL the bot at random moments during a stream of reports.

A scripted care worker answers whatever the bot asks. The process is killed at random
points, also right after an answer was written and before its reply was read. After
each restart the conversation must continue at its open question; in the end exactly
the confirmed reports exist, each routed once, with no outbox message twice.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path
from typing import IO, Any

import sqlalchemy as sa

from tests.conftest import PROJECT

REPORTS = 3


def answer(message: dict[str, Any]) -> str:
    """What the scripted care worker replies to a question."""
    ids = [c["id"] for c in message["choices"]]
    text = message["text"]
    for wanted in ("confirm", "today", "instagram", "naaste", "done", "anonymous", "kliniek-noord"):
        if wanted in ids:
            return wanted
    if "3" in ids and "5" in ids:
        return "3"
    if "unknown" in ids:
        return "@account_van_de_afzender"
    if "none" in ids:
        return "none"
    if "eigen woorden" in text:
        return "Iemand stuurde mij dreigende berichten over mijn werk."
    if "online" in ids:
        return "online"
    raise AssertionError(f"unexpected question: {text[:80]!r} {ids}")


class Bot:
    """One `zorgveilig chat --jsonl` process."""

    def __init__(self, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "chat", "--jsonl"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env={**os.environ, **env},
            cwd=PROJECT,
        )

    @property
    def stdout(self) -> IO[str]:
        assert self.proc.stdout is not None
        return self.proc.stdout

    def read_turn(self) -> list[dict[str, Any]]:
        """Messages up to the next await."""
        messages: list[dict[str, Any]] = []
        while True:
            line = self.stdout.readline()
            assert line, "the bot ended unexpectedly"
            record = json.loads(line)
            if record["type"] == "await":
                return messages
            messages.append(record)

    def send(self, text: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(text + "\n")
        self.proc.stdin.flush()

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                pipe.close()


def test_sigkill_at_random_moments_loses_and_duplicates_nothing(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    rng = random.Random(20261122)
    confirmed = 0
    kills = 0
    env = {**cli_env, "ZV_RATE_LIMIT": "10000"}  # a script types faster than any person
    bot = Bot(env)
    turn = bot.read_turn()
    while confirmed < REPORTS:
        question = turn[-1]
        assert question["choices"] or question["text"], "a question to answer"
        if "online" in [c["id"] for c in question["choices"]] and confirmed == REPORTS:
            break
        reply = answer(question)
        bot.send(reply)
        roll = rng.random()
        if roll < 0.15:
            bot.kill()  # killed before the reply was read: maybe handled, maybe not
            kills += 1
            bot = Bot(env)
            turn = bot.read_turn()
            if reply == "confirm" and "online" in [c["id"] for c in turn[-1]["choices"]]:
                confirmed += 1  # it was registered before the kill: the menu is back
            continue
        turn = bot.read_turn()
        if reply == "confirm":
            assert any("ZV-" in m["text"] for m in turn), "a confirmed report gets its code"
            confirmed += 1
        if roll < 0.25:
            bot.kill()  # killed between messages
            kills += 1
            bot = Bot(env)
            turn = bot.read_turn()
    bot.kill()
    assert kills >= 3, "the test really killed the bot"

    db = sa.create_engine(f"sqlite:///{tmp_path / 'var' / 'zorgveilig.db'}")
    with db.connect() as conn:
        cases = conn.execute(sa.text('SELECT id FROM "case"')).all()
        per_case = conn.execute(
            sa.text("SELECT case_id, contact_id, COUNT(*) FROM routing_decision GROUP BY 1, 2")
        ).all()
        outbox = conn.execute(
            sa.text("SELECT dedupe_key, COUNT(*) FROM outbox GROUP BY 1 HAVING COUNT(*) > 1")
        ).all()
        notices = conn.execute(
            sa.text("SELECT COUNT(*) FROM outbox WHERE purpose = 'case_notice'")
        ).scalar_one()
    db.dispose()
    assert len(cases) == confirmed == REPORTS, "every confirmed report, and only those"
    assert all(count == 1 for _, _, count in per_case), "routed once per contact"
    assert outbox == [], "no outbox message twice"
    per_report = notices // REPORTS
    assert notices == per_report * REPORTS
    assert per_report >= 2

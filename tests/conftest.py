"""Shared fixtures: a trained model per session, a fresh data folder per test, and a
driver that runs the real console channel in JSONL mode."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.console import ConsoleChat
from bot.runtime import Runtime, build_runtime
from bot.settings import Settings
from nlu.factory import DEFAULT_DATA_DIR, build_interpreter

PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def model_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The embedded model, trained once for the whole test session."""
    path = tmp_path_factory.mktemp("nlu") / "model.joblib"
    build_interpreter([DEFAULT_DATA_DIR], path)
    return path


@pytest.fixture
def settings(tmp_path: Path, model_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Settings pointing at a fresh data folder (fresh SQLite database and keys)."""
    for name in list(os.environ):
        if name.startswith("ZV_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("ZV_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("ZV_NLU_MODEL", str(model_path))
    monkeypatch.chdir(tmp_path)
    return Settings()


@pytest.fixture
def runtime(settings: Settings) -> Runtime:
    """The assembled bot on the fresh data folder."""
    return build_runtime(settings)


@dataclass
class Said:
    """What the bot said in one session, with helpers to read it."""

    records: list[dict[str, Any]]

    @property
    def messages(self) -> list[dict[str, Any]]:
        return [r for r in self.records if r["type"] == "message"]

    @property
    def texts(self) -> list[str]:
        return [m["text"] for m in self.messages]

    @property
    def all_text(self) -> str:
        return "\n".join(self.texts)

    @property
    def last(self) -> dict[str, Any]:
        return self.messages[-1]

    def choice_ids(self) -> list[str]:
        return [c["id"] for c in self.last["choices"]]


class Driver:
    """Runs console sessions (one per call) for a console user against one runtime."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime

    def session(self, lines: list[str], *, user: str = "melder", lang: str | None = None) -> Said:
        """Start the chat, send the lines one by one, and end the input (EOF)."""
        out = io.StringIO()
        chat = ConsoleChat(
            self.runtime.engine,
            self.runtime.store,
            self.runtime.organisation,
            user=user,
            lang=lang,
            jsonl=True,
            out=out,
        )
        chat.run(lines)
        records = [json.loads(line) for line in out.getvalue().splitlines()]
        assert records[-1] == {"type": "await"}, "the bot must end waiting for input"
        return Said(records)

    def turns(
        self, lines: list[str], *, user: str = "melder", lang: str | None = None
    ) -> list[Said]:
        """Like `session`, but split the output per input line (index 0: the greeting)."""
        said = self.session(lines, user=user, lang=lang)
        turns: list[Said] = []
        current: list[dict[str, Any]] = []
        for record in said.records:
            current.append(record)
            if record["type"] == "await":
                turns.append(Said(current))
                current = []
        assert len(turns) == len(lines) + 1
        return turns


@pytest.fixture
def driver(runtime: Runtime) -> Driver:
    """A JSONL console driver on a fresh bot."""
    return Driver(runtime)


def run_cli(
    args: list[str], env: dict[str, str], stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """Run the real `zorgveilig` command in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
        check=False,
        cwd=PROJECT,
    )


@pytest.fixture
def cli_env(tmp_path: Path, model_path: Path) -> Iterator[dict[str, str]]:
    """Environment for CLI subprocesses on a fresh data folder."""
    return {
        "ZV_DATA_DIR": str(tmp_path / "var"),
        "ZV_NLU_MODEL": str(model_path),
    }

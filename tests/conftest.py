"""Shared fixtures: a trained model per session, a fresh data folder per test, and a
driver that runs the real console channel in JSONL mode (tests/stepchat.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from bot.runtime import Runtime, build_runtime
from bot.settings import Settings
from dialogs.learned import warm_up
from dialogs.registry import build_flows
from nlu.factory import DEFAULT_DATA_DIR, build_interpreter
from storage.db import create_db_engine, migrate
from tests.stepchat import Driver

PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def model_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The embedded model, trained once for the whole test session, with the learned
    readings of answers beside it (as a server stores them at its first start): bots
    started in subprocesses take them instead of each learning them again."""
    path = tmp_path_factory.mktemp("nlu") / "model.bin"
    build_interpreter([DEFAULT_DATA_DIR], path)
    warm_up(build_flows(), Settings(nlu_model=path).answer_models_path)
    return path


POSTGRES_ENV = "ZV_TEST_POSTGRES_URL"


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[str | None]:
    """A migrated database that each PostgreSQL test copies (much faster than migrating)."""
    server = os.environ.get(POSTGRES_ENV)
    if not server:
        yield None
        return
    name = "zv_template_" + uuid.uuid4().hex[:8]
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    engine = create_db_engine(server.rsplit("/", 1)[0] + "/" + name)
    migrate(engine)
    engine.dispose()
    try:
        yield name
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(
    request: pytest.FixtureRequest, postgres_template: str | None
) -> Iterator[str | None]:
    """Each test runs on SQLite (the embedded default) and on a real PostgreSQL server.

    `make test` starts the server (scripts/with-postgres); each test gets a new database.
    """
    if request.param == "sqlite":
        yield None
        return
    server = os.environ.get(POSTGRES_ENV)
    if not server:
        if os.environ.get("CI"):
            pytest.fail(f"{POSTGRES_ENV} is not set: run the tests through `make test`")
        pytest.skip("no PostgreSQL server: run through `make test` or scripts/with-postgres")
    name = "zv_" + uuid.uuid4().hex[:16]
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}" TEMPLATE "{postgres_template}"'))
    try:
        yield server.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def settings(
    tmp_path: Path,
    model_path: Path,
    database_url: str | None,
    monkeypatch: pytest.MonkeyPatch,
) -> Settings:
    """Settings pointing at a fresh data folder and a fresh database (SQLite or PostgreSQL)."""
    for name in list(os.environ):
        if name.startswith("ZV_") and name != POSTGRES_ENV:
            monkeypatch.delenv(name)
    monkeypatch.setenv("ZV_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("ZV_NLU_MODEL", str(model_path))
    if database_url:
        monkeypatch.setenv("ZV_DATABASE_URL", database_url)
    monkeypatch.chdir(tmp_path)
    return Settings()


@pytest.fixture
def make_runtime(settings: Settings) -> Iterator[Callable[..., Runtime]]:
    """Build runtimes on the test's database (a restart is a new one); all closed after."""
    built: list[Runtime] = []

    def make(fresh_settings: bool = False, **kwargs: Any) -> Runtime:
        runtime = build_runtime(Settings() if fresh_settings else settings, **kwargs)
        built.append(runtime)
        return runtime

    yield make
    for runtime in built:
        runtime.close()


@pytest.fixture
def runtime(make_runtime: Callable[..., Runtime]) -> Runtime:
    """The assembled bot on the fresh data folder."""
    return make_runtime()


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
def cli_env(tmp_path: Path, model_path: Path) -> dict[str, str]:
    """Environment for CLI subprocesses on a fresh data folder."""
    return {
        "ZV_DATA_DIR": str(tmp_path / "var"),
        "ZV_NLU_MODEL": str(model_path),
    }


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked `sqlite_only` run on SQLite only: their PostgreSQL variants are not
    collected (rather than skipped), because other tests cover that database for them;
    `postgresql_only` the other way round."""
    keep: list[pytest.Item] = []
    drop: list[pytest.Item] = []
    for item in items:
        callspec = getattr(item, "callspec", None)
        database = callspec.params.get("database_url") if callspec is not None else None
        only = {"sqlite_only": "sqlite", "postgresql_only": "postgresql"}
        dropped = any(
            database not in (None, wanted) and item.get_closest_marker(marker)
            for marker, wanted in only.items()
        )
        (drop if dropped else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep

"""Everything the bot writes lives in its data folder (ZV_DATA_DIR), is named by pseudonym,
and is private: folders 0700, files 0600, also the database's -wal and -shm."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.runtime import Runtime
from tests.stepchat import Driver
from tests.test_case_handling import report


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The usual umask of a shell (022): the bot must not rely on a strict one."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def modes(folder: Path) -> dict[str, str]:
    """Every path under `folder` (itself included) with its permission bits."""
    found = {".": oct(folder.stat().st_mode & 0o777)}
    for path in sorted(folder.rglob("*")):
        found[str(path.relative_to(folder))] = oct(path.stat().st_mode & 0o777)
    return found


def not_private(folder: Path) -> dict[str, str]:
    """The paths under `folder` whose mode is not 0700 (folders) or 0600 (files)."""
    wrong = {}
    for name, mode in modes(folder).items():
        path = folder / name
        expected = "0o700" if path.is_dir() else "0o600"
        if mode != expected:
            wrong[name] = mode
    return wrong


@pytest.mark.sqlite_only
def test_the_bot_writes_only_private_files_in_its_data_folder(
    make_runtime: Callable[..., Runtime], tmp_path: Path, open_umask: None
) -> None:
    runtime = make_runtime()
    driver = Driver(runtime)
    code = report(driver, user="melder-7")
    exported = driver.session(["privacy", "export"], user="melder-7")
    [file] = [r for r in exported.records if r["type"] == "file"]
    data_dir = runtime.settings.data_dir
    saved = Path(file["path"])
    assert saved.is_relative_to(data_dir.resolve()), "the copy is in the data folder"
    assert code in saved.read_text(encoding="utf-8")
    folder = saved.parent.name
    assert runtime.store.pseudonym("console", "melder-7") == "p:" + folder, "named by pseudonym"
    written = modes(data_dir)
    assert "zorgveilig.db-wal" in written, "checked while the database is open"
    assert "zorgveilig.db-shm" in written
    assert {"keys/data.key", "keys/pseudonym.key", "zorgveilig.db"} <= set(written)
    assert not_private(data_dir) == {}
    assert not any("melder-7" in name for name in written), "no folder named by a raw id"
    assert [p.name for p in tmp_path.iterdir()] == ["var"], "nothing in the working directory"


def test_a_data_folder_left_open_by_an_older_version_is_tightened_at_start(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    data_dir = Path(cli_env["ZV_DATA_DIR"])
    keys = data_dir / "keys"
    keys.mkdir(parents=True)
    for folder in (data_dir, keys):
        folder.chmod(0o755)
    (keys / "data.key").write_text("Jz0C2VGd2Pw3kFOSy7DMBXDNNLSb8Ovzh1BO9YD3hK4=")
    (keys / "pseudonym.key").write_text("kq6QGw8ijN1s2BLc0/MlK6CXzy2i6X0C3KZ4YvRxw0A=")
    for key in keys.iterdir():
        key.chmod(0o644)
    (data_dir / "zorgveilig.db").touch(mode=0o644)
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    lines = "\n".join(["privacy", "export", "privacy", "delete", "yes"])
    result = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--jsonl", "--user", "nachtdienst-3"],
        input=lines + "\n",
        capture_output=True,
        text=True,
        env={**os.environ, **cli_env, "ZV_DATA_DIR": str(data_dir)},
        timeout=120,
        check=False,
        cwd=workdir,
    )
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r for r in records if r["type"] == "file"], "a copy was saved"
    assert "verwijderd" in " ".join(r.get("text", "") for r in records)
    assert list(workdir.iterdir()) == [], "nothing written in the working directory"
    assert not_private(data_dir) == {}
    assert stat.S_IMODE((keys / "pseudonym.key").stat().st_mode) == 0o600
    assert not any("nachtdienst-3" in name for name in modes(data_dir))

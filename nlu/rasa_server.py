"""Train and run a local Rasa server from the separate `.venv-rasa` (tests, benchmark, ops).

Rasa Open Source 3.6 needs Python 3.10, so it lives in its own virtualenv, made by
`make rasa-install`; nothing here imports Rasa. The server listens on 127.0.0.1 only, and
every wait is bounded: a server that does not come up is stopped and reported with the tail
of its output.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import IO

import httpx

import nlu

__all__ = [
    "MODEL_NAME",
    "PROJECT_DIR",
    "RASA_CONFIG",
    "RASA_MODEL",
    "RASA_VENV",
    "RasaServer",
    "RasaServerError",
    "free_port",
    "rasa_env",
    "rasa_executable",
    "train_rasa",
]

PROJECT_DIR: Path = Path(nlu.__file__).resolve().parent.parent
RASA_VENV: Path = PROJECT_DIR / ".venv-rasa"
RASA_CONFIG: Path = PROJECT_DIR / "config" / "rasa" / "config.yml"
MODEL_NAME = "zorgveilig-nlu"
#: Where `make rasa-train` puts the model.
RASA_MODEL: Path = PROJECT_DIR / "var" / "rasa" / "models" / f"{MODEL_NAME}.tar.gz"


class RasaServerError(RuntimeError):
    """Rasa could not be trained or started; the message has the tail of its output."""


def rasa_executable(venv: Path = RASA_VENV) -> Path | None:
    """The `rasa` command of the Rasa virtualenv, if it is installed."""
    candidate = venv / "bin" / "rasa"
    return candidate if candidate.is_file() and os.access(candidate, os.X_OK) else None


def rasa_env() -> dict[str, str]:
    """The environment for Rasa: no telemetry, quiet TensorFlow, no proxies for loopback."""
    env = dict(os.environ)
    env.update(
        RASA_TELEMETRY_ENABLED="false",
        TF_CPP_MIN_LOG_LEVEL="2",
        NO_PROXY="127.0.0.1,localhost",
        no_proxy="127.0.0.1,localhost",
    )
    return env


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


_EPOCHS = re.compile(r"^(\s*epochs:\s*)\d+\s*$", re.MULTILINE)


def _tail(text: str, lines: int = 30) -> str:
    return "\n".join(text.splitlines()[-lines:])


def train_rasa(
    data_dirs: Sequence[Path],
    out_dir: Path,
    *,
    config: Path = RASA_CONFIG,
    model_name: str = MODEL_NAME,
    epochs: int | None = None,
    timeout: float = 1_200.0,
    venv: Path = RASA_VENV,
) -> Path:
    """Train an NLU model with `rasa train nlu`; returns the `.tar.gz` path.

    `epochs` overrides the DIET epochs of the config (a quicker model for tests).
    """
    rasa = rasa_executable(venv)
    if rasa is None:
        raise RasaServerError(f"Rasa is not installed in {venv}: run `make rasa-install`")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="rasa-train-") as workdir:
        if epochs is not None:
            text, count = _EPOCHS.subn(rf"\g<1>{int(epochs)}", config.read_text(encoding="utf-8"))
            if count != 1:
                raise RasaServerError(f"{config} must set `epochs:` exactly once to override it")
            config = Path(workdir) / "config.yml"
            config.write_text(text, encoding="utf-8")
        command = [str(rasa), "train", "nlu", "--config", str(config), "--out", str(out_dir)]
        for data in data_dirs:
            command += ["--nlu", str(data)]
        command += ["--fixed-model-name", model_name]
        try:
            done = subprocess.run(  # noqa: S603 - our own command line, no shell
                command,
                cwd=workdir,
                env=rasa_env(),
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise RasaServerError(f"rasa train nlu took longer than {timeout:.0f} s") from None
    model = out_dir / f"{model_name}.tar.gz"
    if done.returncode != 0 or not model.is_file():
        raise RasaServerError(
            f"rasa train nlu failed (exit {done.returncode}):\n{_tail(done.stdout + done.stderr)}"
        )
    return model


class RasaServer:
    """`rasa run --enable-api` with a model on 127.0.0.1; a context manager.

    `start()` returns once `/model/parse` answers, or raises `RasaServerError` after
    `startup_timeout` seconds (the process is then stopped).
    """

    def __init__(
        self,
        model: Path,
        *,
        port: int | None = None,
        startup_timeout: float = 240.0,
        venv: Path = RASA_VENV,
    ) -> None:
        self.model = model
        self.port = port or free_port()
        self.startup_timeout = startup_timeout
        self.venv = venv
        self.process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None
        self._output = ""

    @property
    def url(self) -> str:
        """The server's base URL."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int | None:
        """The server's process id while it runs."""
        return self.process.pid if self.process is not None else None

    def output(self) -> str:
        """What the server printed (so far, or until it was stopped)."""
        if self._log is None:
            return self._output
        self._log.flush()
        self._log.seek(0)
        return self._log.read().decode("utf-8", errors="replace")

    def start(self) -> RasaServer:
        """Start the server and wait until it parses."""
        rasa = rasa_executable(self.venv)
        if rasa is None:
            raise RasaServerError(f"Rasa is not installed in {self.venv}: run `make rasa-install`")
        if not self.model.is_file():
            raise RasaServerError(f"no Rasa model at {self.model}: run `make rasa-train`")
        command = [str(rasa), "run", "--enable-api", "-m", str(self.model)]
        command += ["-i", "127.0.0.1", "-p", str(self.port)]
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(  # noqa: S603 - our own command line, no shell
            command,
            cwd=tempfile.gettempdir(),
            env=rasa_env(),
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stop() ends its children too
        )
        deadline = time.monotonic() + self.startup_timeout
        with httpx.Client(timeout=2.0, trust_env=False) as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    code = self.process.returncode
                    self.stop()
                    raise RasaServerError(f"Rasa exited with {code}:\n{_tail(self.output())}")
                try:
                    response = client.post(f"{self.url}/model/parse", json={"text": "hallo"})
                    if response.status_code == 200 and "intent" in response.json():
                        return self
                except (httpx.HTTPError, ValueError):
                    pass
                time.sleep(0.5)
        self.stop()
        raise RasaServerError(
            f"Rasa did not answer within {self.startup_timeout:.0f} s:\n{_tail(self.output())}"
        )

    def kill(self) -> None:
        """End the server at once (SIGKILL), as a crash would."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 20 s); `output()` still answers."""
        process = self.process
        if process is not None and process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=30)
            except ProcessLookupError:
                pass
        if self._log is not None:
            self._output = self.output()
            self._log.close()
            self._log = None

    def __enter__(self) -> RasaServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

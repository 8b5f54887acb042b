"""The Rasa backend: RasaInterpreter against fake misbehaving servers (always run) and against a
real Rasa server started from `.venv-rasa` (run when Rasa is installed: `make test-rasa`).

All traffic goes to 127.0.0.1. Every wait is bounded.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

from bot.runtime import load_interpreter
from bot.settings import Settings
from nlu.embedded import EmbeddedInterpreter
from nlu.factory import DEFAULT_DATA_DIR, build_interpreter
from nlu.rasa_client import RasaInterpreter
from nlu.rasa_server import (
    RASA_CONFIG,
    RasaServer,
    RasaServerError,
    free_port,
    rasa_executable,
    train_rasa,
)

EMERGENCY = "help, hij staat nu voor de deur met een mes"
TEXT = "ik word bedreigd op insta"  # the text of the fake server's answer


def rasa_body(intent: str = "report_online_threat", confidence: float = 0.93) -> dict[str, Any]:
    """A `/model/parse` answer as Rasa 3.6 gives it."""
    return {
        "text": "ik word bedreigd op insta",
        "intent": {"name": intent, "confidence": confidence},
        "intent_ranking": [
            {"name": intent, "confidence": confidence},
            {"name": "report_aggression", "confidence": 0.05},
            {"name": "nlu_fallback", "confidence": 0.01},
        ],
        "entities": [
            {
                "entity": "platform",
                "start": 20,
                "end": 25,
                "value": "instagram",
                "extractor": "DIETClassifier",
                "processors": ["EntitySynonymMapper"],
                "confidence_entity": 0.99,
            },
            {"entity": "something_else", "start": 0, "end": 2, "value": "ik"},
            {"entity": "platform", "start": 20, "end": 25, "value": "instagram", "extractor": "X"},
        ],
    }


class FakeRasa(ThreadingHTTPServer):
    """A stand-in for a Rasa server on 127.0.0.1 whose behaviour a test sets."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.mode = "ok"
        self.body: dict[str, Any] = rasa_body()
        self.requests: list[dict[str, Any]] = []
        self.release = threading.Event()  # ends the "slow" mode's waits at teardown

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: FakeRasa
    statuses: ClassVar[dict[str, int]] = {"500": 500, "503": 503, "404": 404}

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        self.server.requests.append(
            {"path": self.path, "body": json.loads(self.rfile.read(length))}
        )
        mode = self.server.mode
        if mode == "slow":
            self.server.release.wait(timeout=5)
        if mode in self.statuses:
            self._send(self.statuses[mode], b'{"error": "boom"}')
        elif mode == "garbage":
            self._send(200, b"<html>not json")
        elif mode == "wrong_shape":
            self._send(200, b'{"intent": "greet", "entities": "none"}')
        elif mode == "unknown_intent":
            self._send(200, json.dumps(rasa_body("nlu_fallback", 0.3)).encode())
        else:
            self._send(200, json.dumps(self.server.body).encode())

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def fake() -> Iterator[FakeRasa]:
    server = FakeRasa()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def embedded_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The product's embedded model, trained once for this module."""
    path = tmp_path_factory.mktemp("nlu") / "model.bin"
    build_interpreter([DEFAULT_DATA_DIR], path)
    return path


@pytest.fixture(scope="module")
def embedded(embedded_model: Path) -> EmbeddedInterpreter:
    """The product's embedded classifier with the acute rules: the fallback."""
    return build_interpreter([DEFAULT_DATA_DIR], embedded_model)


@pytest.fixture
def zv_env(tmp_path: Path, embedded_model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only our settings in the environment, on a fresh data folder (no database needed)."""
    for name in list(os.environ):
        if name.startswith("ZV_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("ZV_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("ZV_NLU_MODEL", str(embedded_model))
    monkeypatch.chdir(tmp_path)


class Clock:
    """A clock a test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# --------------------------------------------------------------------------- fake server


def test_maps_a_rasa_answer(fake: FakeRasa, embedded: EmbeddedInterpreter) -> None:
    rasa = RasaInterpreter(fake.url, embedded, timeout=2)
    result = rasa.parse("ik word bedreigd op insta")
    assert fake.requests == [
        {"path": "/model/parse", "body": {"text": "ik word bedreigd op insta"}}
    ]
    assert result.backend == "rasa"
    assert result.fallback_reason is None
    assert (result.intent.name, result.intent.confidence) == ("report_online_threat", 0.93)
    # Unknown names (Rasa's nlu_fallback, other entity types) are dropped from the lists.
    assert [s.name for s in result.ranking] == ["report_online_threat", "report_aggression"]
    assert [(e.entity, e.value, e.start, e.end, e.text) for e in result.entities] == [
        ("platform", "instagram", 20, 25, "insta")
    ]
    assert result.entities[0].extractor == "rasa:DIETClassifier"
    assert not result.acute
    rasa.close()


def test_acute_rules_run_locally_even_when_rasa_answers(
    fake: FakeRasa, embedded: EmbeddedInterpreter
) -> None:
    fake.body = rasa_body("greet", 0.99)  # the server got it wrong: the rules still fire
    result = RasaInterpreter(fake.url, embedded).parse(EMERGENCY)
    assert result.backend == "rasa"
    assert result.acute


@pytest.mark.parametrize(
    ("mode", "reason"),
    [
        ("500", "rasa_http_500"),
        ("503", "rasa_http_503"),
        ("404", "rasa_http_404"),
        ("garbage", "rasa_bad_response"),
        ("wrong_shape", "rasa_bad_response"),
        ("unknown_intent", "rasa_unknown_intent"),
        ("slow", "rasa_timeout"),
    ],
)
def test_a_failing_server_falls_back_with_its_reason(
    fake: FakeRasa,
    embedded: EmbeddedInterpreter,
    caplog: pytest.LogCaptureFixture,
    mode: str,
    reason: str,
) -> None:
    fake.mode = mode
    rasa = RasaInterpreter(fake.url, embedded, timeout=0.3)
    text = "ik word bedreigd op instagram door de zoon van een patiënt"
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="nlu.rasa_client"):
        result = rasa.parse(text)
    assert time.monotonic() - started < 3
    assert result.fallback_reason == reason
    assert result.backend == "embedded"
    # The fallback answers for real: not "no intent".
    assert result.intent.name == "report_online_threat"
    assert result.intent.confidence > 0.5
    assert result.entity_value("platform") == "instagram"
    assert reason in caplog.text
    assert "bedreigd" not in caplog.text  # logs never carry the message


def test_unreachable_server_falls_back_and_emergencies_still_count(
    embedded: EmbeddedInterpreter,
) -> None:
    rasa = RasaInterpreter(f"http://127.0.0.1:{free_port()}", embedded, timeout=1)
    result = rasa.parse(EMERGENCY)
    assert result.fallback_reason == "rasa_unreachable"
    assert result.backend == "embedded"
    assert result.acute


def test_circuit_breaker_skips_a_failing_server_for_a_while(
    fake: FakeRasa, embedded: EmbeddedInterpreter
) -> None:
    fake.mode = "500"
    clock = Clock()
    rasa = RasaInterpreter(fake.url, embedded, failure_threshold=2, cooldown=30, clock=clock)
    reasons = [rasa.parse(TEXT).fallback_reason for _ in range(4)]
    assert reasons == ["rasa_http_500", "rasa_http_500", "rasa_circuit_open", "rasa_circuit_open"]
    assert len(fake.requests) == 2
    assert rasa.circuit_open
    # After the cooldown one request is tried; still failing, the circuit opens again.
    clock.now += 31
    assert rasa.parse(TEXT).fallback_reason == "rasa_http_500"
    assert rasa.parse(TEXT).fallback_reason == "rasa_circuit_open"
    # Once the server is back, the next try after the cooldown closes the circuit.
    fake.mode = "ok"
    clock.now += 31
    assert rasa.parse(TEXT).backend == "rasa"
    assert not rasa.circuit_open
    assert rasa.parse(TEXT).backend == "rasa"


def test_a_success_resets_the_failure_count(fake: FakeRasa, embedded: EmbeddedInterpreter) -> None:
    rasa = RasaInterpreter(fake.url, embedded, failure_threshold=2)
    for _ in range(3):
        fake.mode = "500"
        assert rasa.parse(TEXT).fallback_reason == "rasa_http_500"
        fake.mode = "ok"
        assert rasa.parse(TEXT).fallback_reason is None


def test_empty_text_needs_no_server(fake: FakeRasa, embedded: EmbeddedInterpreter) -> None:
    result = RasaInterpreter(fake.url, embedded).parse("   ")
    assert fake.requests == []
    assert result.fallback_reason is None


def test_rejects_a_url_without_scheme(embedded: EmbeddedInterpreter) -> None:
    with pytest.raises(ValueError, match="http"):
        RasaInterpreter("127.0.0.1:5005", embedded)


@pytest.mark.usefixtures("zv_env")
def test_runtime_builds_the_rasa_backend(monkeypatch: pytest.MonkeyPatch, fake: FakeRasa) -> None:
    monkeypatch.setenv("ZV_NLU_BACKEND", "rasa")
    monkeypatch.setenv("ZV_RASA_URL", fake.url)
    interpreter = load_interpreter(Settings())
    assert isinstance(interpreter, RasaInterpreter)
    assert interpreter.parse("ik word bedreigd op insta").backend == "rasa"
    fake.mode = "500"
    assert interpreter.parse("ik word bedreigd op insta").fallback_reason == "rasa_http_500"


@pytest.mark.usefixtures("zv_env")
def test_rasa_backend_without_url_refuses_to_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZV_NLU_BACKEND", "rasa")
    with pytest.raises(ValueError, match="ZV_RASA_URL"):
        Settings()
    monkeypatch.setenv("ZV_NLU_BACKEND", "embedded")
    assert isinstance(load_interpreter(Settings()), EmbeddedInterpreter)


def _fake_rasa_venv(tmp_path: Path, script: str) -> Path:
    """A virtualenv folder whose `bin/rasa` is the given shell script."""
    rasa = tmp_path / "venv" / "bin" / "rasa"
    rasa.parent.mkdir(parents=True)
    rasa.write_text("#!/bin/sh\n" + script + "\n")
    rasa.chmod(0o755)
    return tmp_path / "venv"


def test_missing_rasa_is_named(tmp_path: Path) -> None:
    with pytest.raises(RasaServerError, match="make rasa-install"):
        train_rasa([DEFAULT_DATA_DIR], tmp_path, venv=tmp_path / "nothing")
    with pytest.raises(RasaServerError, match="make rasa-install"):
        RasaServer(tmp_path / "model.tar.gz", venv=tmp_path / "nothing").start()


def test_a_rasa_that_exits_is_reported_at_once(tmp_path: Path) -> None:
    venv = _fake_rasa_venv(tmp_path, 'echo "no model here" >&2; exit 3')
    model = tmp_path / "model.tar.gz"
    model.write_bytes(b"")
    started = time.monotonic()
    with pytest.raises(RasaServerError, match=r"exited with 3(.|\n)*no model here"):
        RasaServer(model, venv=venv, startup_timeout=60).start()
    assert time.monotonic() - started < 30


def test_a_rasa_that_never_answers_is_stopped(tmp_path: Path) -> None:
    venv = _fake_rasa_venv(tmp_path, "exec sleep 300")
    model = tmp_path / "model.tar.gz"
    model.write_bytes(b"")
    server = RasaServer(model, venv=venv, startup_timeout=1.5)
    with pytest.raises(RasaServerError, match="did not answer within 2 s"):
        server.start()
    assert server.process is not None
    assert server.process.poll() is not None  # stopped, not left running


def test_training_failure_is_reported(tmp_path: Path) -> None:
    venv = _fake_rasa_venv(tmp_path, 'echo "bad config" >&2; exit 1')
    with pytest.raises(RasaServerError, match=r"failed \(exit 1\)(.|\n)*bad config"):
        train_rasa([DEFAULT_DATA_DIR], tmp_path / "out", venv=venv, epochs=3, timeout=60)


# --------------------------------------------------------------------------- real Rasa server

needs_rasa = pytest.mark.skipif(
    rasa_executable() is None,
    reason="Rasa is not installed (.venv-rasa missing): `make test-rasa` installs and runs it",
)


#: DIET epochs of the test's own model: enough for clear sentences, quick to train.
TEST_EPOCHS = int(os.environ.get("ZV_TEST_RASA_EPOCHS", "10"))


#: Training files the test's model leaves out: the danger contrast examples add a sixth to
#: the training time and nothing to the clear sentences the test asks about (the product's
#: model, `make rasa-train`, learns from them).
LEFT_OUT = "danger_contrast*.yml"


def _test_data() -> list[Path]:
    """The training files of the test's model, in a stable order."""
    left_out = set(DEFAULT_DATA_DIR.rglob(LEFT_OUT))
    return [f for f in sorted(DEFAULT_DATA_DIR.rglob("*.yml")) if f not in left_out]


def _test_model_key() -> str:
    """Changes with the Rasa config, the pinned versions, the epochs and the data."""
    digest = hashlib.sha256(f"{TEST_EPOCHS}".encode())
    for file in (RASA_CONFIG, RASA_CONFIG.parent / "constraints.txt"):
        digest.update(file.read_bytes())
    for file in _test_data():
        digest.update(file.relative_to(DEFAULT_DATA_DIR).as_posix().encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="module")
def rasa_model(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A model of `config/rasa/config.yml` with TEST_EPOCHS epochs, trained on nlu/data
    (but `LEFT_OUT`).

    Kept in pytest's cache until the config, versions or data change.
    `ZV_TEST_RASA_MODEL=var/rasa/models/zorgveilig-nlu.tar.gz` uses a trained model instead.
    """
    given = os.environ.get("ZV_TEST_RASA_MODEL")
    if given:
        return Path(given)
    cache = getattr(request.config, "cache", None)
    folder = cache.mkdir("rasa-models") if cache is not None else tmp_path_factory.mktemp("rasa")
    name = f"test-{_test_model_key()}"
    if (folder / f"{name}.tar.gz").is_file():
        return folder / f"{name}.tar.gz"
    for old in folder.glob("test-*.tar.gz"):
        old.unlink()
    data = tmp_path_factory.mktemp("rasa-data")
    for file in _test_data():
        copy = data / file.relative_to(DEFAULT_DATA_DIR)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, copy)
    try:
        return train_rasa([data], folder, model_name=name, epochs=TEST_EPOCHS, timeout=900)
    except RasaServerError as exc:  # pragma: no cover - only when Rasa is broken
        pytest.fail(f"training the Rasa test model failed: {exc}")


@pytest.fixture
def rasa_server(rasa_model: Path) -> Iterator[RasaServer]:
    server = RasaServer(rasa_model, startup_timeout=240)
    try:
        with server:
            yield server
    except RasaServerError as exc:  # pragma: no cover - only when Rasa is broken
        pytest.fail(f"the Rasa server did not start: {exc}")


REAL_CASES = [
    ("ik word bedreigd op instagram door de zoon van een patiënt", "report_online_threat"),
    ("een bewoner heeft me vandaag geslagen op de afdeling", "report_aggression"),
    ("ik wil anoniem melden", "want_anonymous"),
    ("hallo", "greet"),
    ("wie kan mijn melding lezen?", "ask_privacy"),
]


@needs_rasa
@pytest.mark.slow
@pytest.mark.timeout(1_200)  # training (900 s at most) + start-up (240 s at most)
def test_real_rasa_server(rasa_server: RasaServer, embedded: EmbeddedInterpreter) -> None:
    rasa = RasaInterpreter(rasa_server.url, embedded, timeout=10)
    for text, intent in REAL_CASES:
        result = rasa.parse(text)
        assert (result.backend, result.fallback_reason) == ("rasa", None), text
        assert result.intent.name == intent, (text, result.intent)
        assert result.ranking[0] == result.intent
    threat = rasa.parse("ik word bedreigd op insta door de zoon van een cliënt")
    assert threat.entity_value("platform") == "instagram"
    assert {e.entity for e in threat.entities} >= {"platform"}
    for entity in threat.entities:
        assert threat.text[entity.start : entity.end] == entity.text
    assert rasa.parse(EMERGENCY).acute

    # The server dies: the embedded classifier answers, emergencies still count.
    rasa_server.kill()
    down = rasa.parse("ik word bedreigd op instagram door de zoon van een patiënt")
    assert down.backend == "embedded"
    assert down.fallback_reason == "rasa_unreachable"
    assert down.intent.name == "report_online_threat"
    emergency = rasa.parse(EMERGENCY)
    assert emergency.acute
    assert emergency.fallback_reason is not None
    rasa.close()

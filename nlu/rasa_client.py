"""The Rasa backend: an `Interpreter` that asks a Rasa server (`/model/parse`) over HTTP.

A Rasa server that is unreachable, slow or answers nonsense is never mistaken for "no
intent": the message is parsed by the fallback interpreter (the embedded classifier) and the
result carries `fallback_reason` (`rasa_unreachable`, `rasa_timeout`, `rasa_http_500`,
`rasa_bad_response`, `rasa_unknown_intent`, `rasa_circuit_open`). After `failure_threshold`
failures in a row the server is skipped for `cooldown` seconds (a circuit breaker), so a dead
server costs one timeout, not one per message. The acute-danger rules always run locally:
an emergency never depends on the server. Logs name the failure, never the message.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

import httpx

from nlu.acute import AcuteDangerRules, AcuteReading
from nlu.interpreter import ENTITY_TYPES, INTENTS, Entity, IntentScore, Interpreter, ParseResult

__all__ = ["RasaError", "RasaInterpreter", "parse_rasa_response"]

log = logging.getLogger(__name__)

#: As many ranking entries as the embedded classifier returns.
RANKING_SIZE = 10
_KNOWN_INTENTS = frozenset(INTENTS)
_KNOWN_ENTITIES = frozenset(ENTITY_TYPES)


class RasaError(Exception):
    """A failed parse; `reason` is the `fallback_reason` reported with the fallback result."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _confidence(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        raise RasaError("rasa_bad_response")
    return min(1.0, max(0.0, float(value)))


def _intent_score(item: Any) -> IntentScore:
    if not isinstance(item, Mapping) or not isinstance(item.get("name"), str):
        raise RasaError("rasa_bad_response")
    return IntentScore(item["name"], _confidence(item.get("confidence")))


def _entity(item: Any, text: str) -> Entity | None:
    """One Rasa entity as ours; None for entity types this bot does not use."""
    if not isinstance(item, Mapping) or not isinstance(item.get("entity"), str):
        raise RasaError("rasa_bad_response")
    if item["entity"] not in _KNOWN_ENTITIES:
        return None
    start, end, value = item.get("start"), item.get("end"), item.get("value")
    if (
        not isinstance(start, int)
        or not isinstance(end, int)
        or isinstance(start, bool)
        or isinstance(end, bool)
        or not 0 <= start <= end <= len(text)
        or value is None
        or isinstance(value, Mapping | list)
    ):
        raise RasaError("rasa_bad_response")
    extractor = item.get("extractor")
    return Entity(
        entity=item["entity"],
        value=str(value),
        start=start,
        end=end,
        text=text[start:end],
        extractor=f"rasa:{extractor}" if isinstance(extractor, str) else "rasa",
    )


def parse_rasa_response(
    payload: Any, text: str, *, danger: AcuteReading | None = None
) -> ParseResult:
    """Map a `/model/parse` JSON body to a `ParseResult`; raises `RasaError` if it is wrong."""
    if not isinstance(payload, Mapping):
        raise RasaError("rasa_bad_response")
    intent = _intent_score(payload.get("intent"))
    if intent.name not in _KNOWN_INTENTS:
        raise RasaError("rasa_unknown_intent")
    raw_ranking = payload.get("intent_ranking", [])
    raw_entities = payload.get("entities", [])
    if not isinstance(raw_ranking, list) or not isinstance(raw_entities, list):
        raise RasaError("rasa_bad_response")
    ranking = [s for s in map(_intent_score, raw_ranking) if s.name in _KNOWN_INTENTS]
    if not ranking or ranking[0].name != intent.name:
        ranking = [intent, *(s for s in ranking if s.name != intent.name)]
    unique: dict[tuple[str, str, int, int], Entity] = {}
    for item in raw_entities:  # two extractors may report one span: keep the first
        entity = _entity(item, text)
        if entity is not None:
            unique.setdefault((entity.entity, entity.value, entity.start, entity.end), entity)
    entities = tuple(unique.values())
    return ParseResult(
        text=text,
        intent=intent,
        ranking=tuple(ranking[:RANKING_SIZE]),
        entities=entities,
        danger=danger or AcuteReading(),
        backend="rasa",
    )


class RasaInterpreter:
    """Parses through a Rasa server, with the fallback interpreter when the server fails."""

    backend = "rasa"

    def __init__(
        self,
        url: str,
        fallback: Interpreter,
        *,
        timeout: float = 2.0,
        acute_rules: AcuteDangerRules | None = None,
        failure_threshold: int = 3,
        cooldown: float = 30.0,
        client: httpx.Client | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not url.startswith(("http://", "https://")):
            raise ValueError("the Rasa URL must start with http:// or https://")
        if timeout <= 0 or failure_threshold < 1 or cooldown < 0:
            raise ValueError("timeout and failure_threshold must be positive, cooldown >= 0")
        self.parse_url = url.rstrip("/") + "/model/parse"
        self.fallback = fallback
        self.acute_rules = acute_rules if acute_rules is not None else AcuteDangerRules()
        self.failure_threshold = failure_threshold
        self.cooldown = cooldown
        # trust_env=False: no proxy from the environment between the bot and its own server.
        self._client = client or httpx.Client(timeout=httpx.Timeout(timeout), trust_env=False)
        self._clock = clock
        self._lock = threading.Lock()
        self._failures = 0
        self._open_until: float | None = None

    def close(self) -> None:
        """Close the HTTP connections."""
        self._client.close()

    @property
    def circuit_open(self) -> bool:
        """True while the server is being skipped after repeated failures."""
        with self._lock:
            return self._open_until is not None and self._clock() < self._open_until

    def parse(self, text: str) -> ParseResult:
        """Rasa's intent, ranking and entities, or the fallback's with `fallback_reason`."""
        if not isinstance(text, str):  # defensive: callers are typed, data may not be
            text = ""
        danger = self._danger(text)
        if not text.strip():  # Rasa has no intent for an empty message; not a failure
            return self._fall_back(text, danger, None)
        if self.circuit_open:
            return self._fall_back(text, danger, "rasa_circuit_open")
        try:
            result = parse_rasa_response(self._request(text), text, danger=danger)
        except RasaError as exc:
            self._record_failure(exc.reason)
            return self._fall_back(text, danger, exc.reason)
        except Exception as exc:  # parse() must never raise; the message may be in exc
            self._record_failure(f"rasa_error_{type(exc).__name__}")
            return self._fall_back(text, danger, "rasa_bad_response")
        self._record_success()
        return result

    def _request(self, text: str) -> Any:
        try:
            response = self._client.post(self.parse_url, json={"text": text})
        except httpx.TimeoutException:
            raise RasaError("rasa_timeout") from None
        except httpx.TransportError:
            raise RasaError("rasa_unreachable") from None
        if response.status_code != 200:
            raise RasaError(f"rasa_http_{response.status_code}")
        try:
            return response.json()
        except ValueError:
            raise RasaError("rasa_bad_response") from None

    def _danger(self, text: str) -> AcuteReading:
        try:
            return self.acute_rules.read(text)
        except Exception:  # read() already guards; this keeps parse() total regardless
            return AcuteReading()

    def _fall_back(self, text: str, danger: AcuteReading, reason: str | None) -> ParseResult:
        result = self.fallback.parse(text)
        return ParseResult(
            text=result.text,
            intent=result.intent,
            ranking=result.ranking,
            entities=result.entities,
            danger=danger if danger.acute or not result.acute else result.danger,
            backend=result.backend,
            fallback_reason=reason if reason is not None else result.fallback_reason,
        )

    def _record_failure(self, reason: str) -> None:
        with self._lock:
            self._failures += 1
            opened = self._failures >= self.failure_threshold
            if opened:
                self._open_until = self._clock() + self.cooldown
            failures = self._failures
        log.warning("Rasa NLU failed (%s); the embedded classifier answers", reason)
        if opened:
            log.warning(
                "Rasa NLU failed %d times in a row; skipping it for %.0f s", failures, self.cooldown
            )

    def _record_success(self) -> None:
        with self._lock:
            if self._failures:
                log.warning("Rasa NLU answers again")
            self._failures = 0
            self._open_until = None

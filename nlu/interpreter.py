"""The NLU contract: what every interpreter backend returns for a piece of text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from nlu.acute import AcuteReading

#: The intents of DESIGN.md §5; the classifier never returns anything else.
INTENTS: tuple[str, ...] = (
    "greet",
    "goodbye",
    "thank",
    "affirm",
    "deny",
    "help",
    "cancel",
    "report_online_threat",
    "report_aggression",
    "report_niet_pluis",
    "acute_danger",
    "want_anonymous",
    "want_named",
    "ask_aftercare",
    "ask_status",
    "ask_privacy",
    "delete_data",
    "out_of_scope",
    "answer",
)

#: Entity types the interpreters extract.
ENTITY_TYPES: tuple[str, ...] = ("platform", "perpetrator_relation")


@dataclass(frozen=True)
class IntentScore:
    """One intent with the classifier's confidence in it (0..1)."""

    name: str
    confidence: float


@dataclass(frozen=True)
class Entity:
    """An entity found in the text; `value` is the normalised value, `text` the literal span."""

    entity: str
    value: str
    start: int
    end: int
    text: str
    extractor: str = "embedded"


@dataclass(frozen=True)
class ParseResult:
    """The outcome of interpreting one message.

    `danger` is what the acute-danger rules read, independent of the classifier's intent:
    danger now (`acute`), or a story told in the past. How the engine weighs it against the
    classifier is `nlu.danger.decide`.
    """

    text: str
    intent: IntentScore
    ranking: tuple[IntentScore, ...]
    entities: tuple[Entity, ...] = ()
    danger: AcuteReading = field(default_factory=AcuteReading)
    backend: str = "embedded"
    fallback_reason: str | None = field(default=None)

    @property
    def acute(self) -> bool:
        """Whether a rule pattern recognised acute danger now."""
        return self.danger.acute

    def entity_value(self, entity: str) -> str | None:
        """The first value found for an entity type, if any."""
        for found in self.entities:
            if found.entity == entity:
                return found.value
        return None

    def to_rasa_json(self) -> dict[str, Any]:
        """The result shaped like Rasa's `/model/parse` response."""
        return {
            "text": self.text,
            "intent": {"name": self.intent.name, "confidence": round(self.intent.confidence, 4)},
            "intent_ranking": [
                {"name": s.name, "confidence": round(s.confidence, 4)} for s in self.ranking
            ],
            "entities": [
                {
                    "entity": e.entity,
                    "value": e.value,
                    "start": e.start,
                    "end": e.end,
                    "text": e.text,
                    "extractor": e.extractor,
                }
                for e in self.entities
            ],
            "acute_rule": self.acute,
            "backend": self.backend,
        }


@runtime_checkable
class Interpreter(Protocol):
    """Anything that turns a message into intent, ranking and entities."""

    def parse(self, text: str) -> ParseResult:
        """Interpret one message. Must not raise for any text input."""
        ...

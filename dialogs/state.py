"""The typed state of one conversation, as the engine keeps it between messages.

Stored (encrypted) as a JSON document by storage; `from_stored` also reads what older
versions wrote, so an upgrade never loses a report in progress.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from dialogs.i18n import DEFAULT_LANGUAGE


@dataclass
class LastAnswer:
    """The answer to the chat's latest platform message, kept for a redelivery."""

    to: str
    messages: list[dict[str, Any]]


@dataclass
class AcuteAlert:
    """An acute-danger alert that went out from this chat: when (epoch seconds), and where
    it said the melder was (report fields and their option ids, e.g. the team), so an
    all-clear can say the same. Never the melder's words."""

    at: float
    place: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_stored(cls, data: Any) -> AcuteAlert | None:
        """The alert as stored, or None."""
        if not isinstance(data, Mapping) or not isinstance(data.get("at"), int | float):
            return None
        place = data.get("place")
        return cls(
            float(data["at"]),
            {str(k): str(v) for k, v in place.items()} if isinstance(place, Mapping) else {},
        )

    def to_stored(self) -> dict[str, Any]:
        """The alert as JSON-compatible data."""
        return {"at": self.at, "place": self.place}


@dataclass
class ConversationState:
    """Answers and position of one chat: what survives from one message to the next.

    `slots` holds the current flow's answers by slot name; `history` the steps asked
    before the current one (for 'back'); `prefill` answers the melder already gave (their
    steps are skipped); `opening` the first sentence that started a report; `facts` what
    the story told, by fact name, until confirmed (dialogs/storyfacts.py); `editing` is set
    while the melder changes one answer from the summary; `arrivals` are recent message
    times for the rate limit; `guess` is the option the bot asked "did you mean ...?"
    about; `held` is an answer the bot asked the melder to confirm before storing it (it
    did not look like an answer to the question); `stopping` the words the bot asked "do
    you want to stop?" about (dialogs/stopping.py); `safety` is set while the bot waits for
    the answer to "are you safe now?", and `troubled` (the kind of distress) when the story
    showed distress and that question comes before the next one. `acute_alert` is the
    latest acute-danger alert (for an all-clear); `alerted_at` when this chat last alerted
    security (epoch seconds, kept after the all-clear: only a chat that alerted looks for a
    question from security);
    `paused` is set when the melder asked to finish the report later: their next message
    is greeted with where they were before it is taken as an answer.
    `lang_held` is set when the melder chose the language explicitly, so the chat no
    longer follows the language of what they write. These belong to the chat, not to a
    flow. `sent` is the code of the report this chat just sent: the menu offers its
    receipt until the melder moves on.
    """

    lang: str = DEFAULT_LANGUAGE
    slots: dict[str, Any] = field(default_factory=dict)
    history: list[str] = field(default_factory=list)
    prefill: dict[str, Any] = field(default_factory=dict)
    opening: str | None = None
    facts: dict[str, dict[str, Any]] = field(default_factory=dict)
    editing: bool = False
    arrivals: list[float] = field(default_factory=list)
    last_answer: LastAnswer | None = None
    guess: str | None = None
    held: str | None = None
    stopping: str | None = None
    safety: bool = False
    troubled: str | None = None
    acute_alert: AcuteAlert | None = None
    alerted_at: float | None = None
    lang_held: bool = False
    sent: str | None = None
    paused: bool = False

    def reset(self) -> None:
        """Forget the flow's answers; keep the language, the rate-limit history and the
        latest alert."""
        kept = ConversationState(
            lang=self.lang,
            arrivals=self.arrivals,
            acute_alert=self.acute_alert,
            alerted_at=self.alerted_at,
            lang_held=self.lang_held,
        )
        self.__dict__.update(kept.__dict__)

    @classmethod
    def from_stored(cls, data: Mapping[str, Any] | None, lang: str) -> ConversationState:
        """The state as stored (a JSON document), in language `lang`."""
        data = data or {}
        slots = dict(data.get("slots") or {})
        # Before typed state, the first sentence was kept among the answers.
        opening = data.get("opening") or slots.pop("opening", None)
        answer = data.get("last_answer")
        return cls(
            lang=lang,
            slots=slots,
            history=list(data.get("history") or []),
            prefill=dict(data.get("prefill") or {}),
            opening=str(opening) if opening else None,
            facts={str(k): dict(v) for k, v in (data.get("facts") or {}).items()},
            editing=bool(data.get("editing", False)),
            guess=str(data["guess"]) if data.get("guess") else None,
            held=str(data["held"]) if data.get("held") else None,
            stopping=str(data["stopping"]) if data.get("stopping") else None,
            safety=bool(data.get("safety", False)),
            troubled=str(data["troubled"]) if data.get("troubled") else None,
            arrivals=[float(t) for t in data.get("arrivals") or []],
            last_answer=(
                LastAnswer(str(answer.get("to")), list(answer.get("messages") or []))
                if isinstance(answer, Mapping)
                else None
            ),
            acute_alert=AcuteAlert.from_stored(data.get("acute_alert")),
            alerted_at=(
                float(data["alerted_at"])
                if isinstance(data.get("alerted_at"), int | float)
                else None
            ),
            lang_held=bool(data.get("lang_held", False)),
            sent=str(data["sent"]) if data.get("sent") else None,
            paused=bool(data.get("paused", False)),
        )

    def to_stored(self) -> dict[str, Any]:
        """The JSON document storage keeps; empty parts are left out."""
        data: dict[str, Any] = {"lang": self.lang, "slots": self.slots, "history": self.history}
        if self.prefill:
            data["prefill"] = self.prefill
        if self.opening:
            data["opening"] = self.opening
        if self.facts:
            data["facts"] = self.facts
        if self.editing:
            data["editing"] = True
        if self.arrivals:
            data["arrivals"] = self.arrivals
        for name in ("guess", "held", "stopping", "safety", "troubled", "sent", "paused"):
            if getattr(self, name):
                data[name] = getattr(self, name)
        if self.last_answer is not None:
            data["last_answer"] = {"to": self.last_answer.to, "messages": self.last_answer.messages}
        if self.acute_alert is not None:
            data["acute_alert"] = self.acute_alert.to_stored()
        if self.alerted_at is not None:
            data["alerted_at"] = self.alerted_at
        if self.lang_held:
            data["lang_held"] = True
        return data

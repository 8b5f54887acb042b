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
class ConversationState:
    """Answers and position of one chat: what survives from one message to the next.

    `slots` holds the current flow's answers by slot name; `history` the steps asked
    before the current one (for 'back'); `prefill` answers the melder already gave (their
    steps are skipped); `opening` the first sentence that started a report; `facts` what
    the story told, by fact name, until confirmed (dialogs/storyfacts.py); `editing` is set
    while the melder changes one answer from the summary; `arrivals` are recent message
    times for the rate limit.
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

    def reset(self) -> None:
        """Forget the flow's answers; keep the language and the rate-limit history."""
        kept = ConversationState(lang=self.lang, arrivals=self.arrivals)
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
            arrivals=[float(t) for t in data.get("arrivals") or []],
            last_answer=(
                LastAnswer(str(answer.get("to")), list(answer.get("messages") or []))
                if isinstance(answer, Mapping)
                else None
            ),
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
        if self.last_answer is not None:
            data["last_answer"] = {"to": self.last_answer.to, "messages": self.last_answer.messages}
        return data

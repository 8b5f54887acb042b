"""The channel-neutral message model: every channel adapter translates to and from this."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from storage.crypto import valid_text

#: The largest file a person can send, on every channel: Telegram lets bots download
#: up to 20 MiB, and Matrix and the console take the same, so every channel agrees.
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Attachment:
    """A file sent by the user (photo, document, screenshot)."""

    filename: str
    data: bytes
    media_type: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "filename", valid_text(self.filename))


@dataclass(frozen=True)
class Incoming:
    """One message from a user.

    `chat_id` is the address the bot answers to (console user, Telegram chat, Matrix room);
    `user_id` identifies the sender (used to recognise aanspreekpunten). `choice` is the id
    of a pressed button; `unreadable` names attachments the channel could not fetch.
    `message_id` is the platform's id of the message (Telegram update, Matrix event): a
    message with an id is handled exactly once, also across restarts and processes.
    """

    channel: str
    chat_id: str
    user_id: str
    text: str = ""
    choice: str | None = None
    attachments: tuple[Attachment, ...] = ()
    unreadable: tuple[str, ...] = ()
    display_name: str | None = None
    lang: str | None = None
    message_id: str | None = None

    def __post_init__(self) -> None:
        # The channel boundary: undecodable text (lone surrogates) becomes U+FFFD here,
        # so every message can be understood, stored and answered.
        for name in ("chat_id", "user_id", "text", "choice", "display_name", "lang", "message_id"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, valid_text(value))
        object.__setattr__(self, "unreadable", tuple(valid_text(u) for u in self.unreadable))


@dataclass(frozen=True)
class Choice:
    """A button: `id` comes back in `Incoming.choice` when pressed."""

    id: str
    label: str


@dataclass(frozen=True)
class OutgoingFile:
    """A file the bot sends (a melder's data export)."""

    filename: str
    data: bytes
    media_type: str = "application/octet-stream"


@dataclass(frozen=True)
class Outgoing:
    """One message from the bot; channels without buttons list the choices as text."""

    text: str
    choices: tuple[Choice, ...] = ()
    files: tuple[OutgoingFile, ...] = ()


@dataclass(frozen=True)
class Reply:
    """Everything the engine answers to one incoming message.

    `duplicate`: the platform message was handled before (a redelivery); see
    `Engine.replay` for answering it again when that answer never arrived.
    """

    messages: tuple[Outgoing, ...] = field(default_factory=tuple)
    awaiting: bool = True
    duplicate: bool = False


def payload(message: Outgoing) -> dict[str, Any]:
    """A message as stored (outbox, a turn's answer): text and choices, no files."""
    return {
        "text": message.text,
        "choices": [{"id": c.id, "label": c.label} for c in message.choices],
    }


def outgoing_from_payload(data: Mapping[str, object]) -> Outgoing:
    """A stored message ({"text", "choices": [{"id", "label"}]}) as an outgoing message."""
    raw = data.get("choices")
    choices: list[Choice] = []
    if isinstance(raw, Sequence) and not isinstance(raw, str):
        for item in raw:
            if isinstance(item, Mapping) and "id" in item and "label" in item:
                choices.append(Choice(str(item["id"]), str(item["label"])))
    return Outgoing(text=str(data.get("text", "")), choices=tuple(choices))

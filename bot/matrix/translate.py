"""Translation between Matrix events and the channel-neutral message model.

Pure functions only: no network, no database. Matrix has no buttons the bot can rely on,
so choices become a numbered list in the text; the engine matches a typed number or label.
Where the client shows reactions, the bot also reacts to its own question with keycap emoji
(1️⃣ … 🔟), so tapping one answers like typing its number.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import nio

from dialogs.messages import Outgoing

CHANNEL = "matrix"

#: Direct chats: the bot and one person.
MAX_DIRECT_MEMBERS = 2
#: The reaction keys offered for choices 1-10 (keycap digits, then the keycap ten).
KEYCAPS: tuple[str, ...] = (
    *(f"{digit}\ufe0f\u20e3" for digit in "123456789"),
    "\U0001f51f",
)
_VARIATION_SELECTOR = "\ufe0f"


def numbered(outgoing: Outgoing) -> str:
    """The message text with its choices as a numbered list ('1. Yes')."""
    if not outgoing.choices:
        return outgoing.text
    lines = [outgoing.text, ""]
    lines += [f"{n}. {choice.label}" for n, choice in enumerate(outgoing.choices, start=1)]
    return "\n".join(lines)


def reaction_keys(choices: int) -> tuple[str, ...]:
    """The keycaps the bot reacts with for a question with this many choices (at most 10)."""
    return KEYCAPS[: max(0, choices)]


def keycap_number(key: str) -> int | None:
    """The choice number a reaction key stands for ('2️⃣' -> 2), or None for other keys.

    Clients send keycaps with or without the emoji variation selector; both count.
    """
    plain = key.replace(_VARIATION_SELECTOR, "")
    for number, keycap in enumerate(KEYCAPS, start=1):
        if plain == keycap.replace(_VARIATION_SELECTOR, ""):
            return number
    return None


def reaction_content(event_id: str, key: str) -> dict[str, Any]:
    """An m.reaction annotating the event `event_id` with `key`."""
    return {"m.relates_to": {"rel_type": "m.annotation", "event_id": event_id, "key": key}}


def text_content(body: str) -> dict[str, Any]:
    """An m.text message (plain text; clients render line breaks)."""
    return {"msgtype": "m.text", "body": body}


def is_user_id(address: str) -> bool:
    """'@user:server' (a person) rather than '!room:server'."""
    return address.startswith("@")


def mentions(body: str, user_id: str, display_name: str | None) -> bool:
    """Whether a message addresses the bot by its user id, localpart or display name."""
    text = body.lower()
    localpart = user_id.split(":", 1)[0].lstrip("@").lower()
    names = [user_id.lower(), localpart]
    if display_name:
        names.append(display_name.lower())
    return any(name and name in text for name in names)


def file_info(content: Mapping[str, Any]) -> tuple[str | None, int | None]:
    """Media type and size from an m.image/m.file event's `info`."""
    info = content.get("info")
    if not isinstance(info, Mapping):
        return None, None
    mimetype = info.get("mimetype")
    size = info.get("size")
    return (
        mimetype if isinstance(mimetype, str) else None,
        size if isinstance(size, int) else None,
    )


def new_events(events: Sequence[Any], own: str) -> list[Any]:
    """A room's events from others after the bot's own join (earlier history is not
    answered)."""
    start = 0
    for index, event in enumerate(events):
        if (
            isinstance(event, nio.RoomMemberEvent)
            and event.state_key == own
            and event.membership == "join"
            and (event.prev_membership or "") != "join"
        ):
            start = index + 1
    return [e for e in events[start:] if getattr(e, "sender", own) != own]

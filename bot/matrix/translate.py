"""Translation between Matrix events and the channel-neutral message model.

Pure functions only: no network, no database. Matrix has no buttons the bot can rely on,
so choices become a numbered list in the text; the engine matches a typed number or label.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dialogs.messages import Outgoing

CHANNEL = "matrix"

#: Files larger than this are not downloaded.
MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024
#: Direct chats: the bot and one person.
MAX_DIRECT_MEMBERS = 2


def numbered(outgoing: Outgoing, hint: str | None = None) -> str:
    """The message text with its choices as a numbered list ('1. Yes')."""
    if not outgoing.choices:
        return outgoing.text
    lines = [outgoing.text, ""]
    lines += [f"{n}. {choice.label}" for n, choice in enumerate(outgoing.choices, start=1)]
    if hint:
        lines += ["", hint]
    return "\n".join(lines)


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

"""Translation between Telegram objects and the channel-neutral message model.

Pure functions only: no network, no database. The channel (`bot.telegram.channel`) calls
these to turn an update into an `Incoming` and an `Outgoing` into messages to send.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.core import channel_texts as texts
from dialogs.messages import Outgoing

CHANNEL = "telegram"

#: Telegram's limit for one message's text.
MAX_MESSAGE_CHARS = 4096
#: Callback data we send and accept: a choice id, short and plain (Telegram allows 64 bytes).
_CALLBACK_DATA = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$")
_COMMAND_WITH_BOT = re.compile(r"^(/\w+)@(\w+)(.*)$", re.DOTALL)


def language_of(language_code: str | None) -> str:
    """The bot's language for a Telegram language code: English for en*, else Dutch."""
    return "en" if language_code and language_code.lower().startswith("en") else "nl"


def valid_callback_data(data: object) -> str | None:
    """The choice id in a button press, or None for anything we did not send."""
    if isinstance(data, str) and _CALLBACK_DATA.match(data) and len(data.encode()) <= 64:
        return data
    return None


def command_for_bot(text: str, bot_username: str | None) -> str:
    """'/stop@ZorgVeiligBot' -> '/stop' (a command meant for another bot is left alone)."""
    match = _COMMAND_WITH_BOT.match(text)
    if match and bot_username and match.group(2).lower() == bot_username.lower():
        return match.group(1) + match.group(3)
    return text


def is_start(text: str) -> bool:
    """'/start', also with a deep-link parameter ('/start group')."""
    return text == "/start" or text.startswith(("/start ", "/start\n"))


def split_text(text: str, limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """Split a long text into parts Telegram accepts, at line breaks where possible."""
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    rest = text
    while len(rest) > limit:
        cut = rest.rfind("\n", 0, limit)
        if cut <= 0:
            cut = rest.rfind(" ", 0, limit)
        if cut <= 0:
            cut = limit
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip("\n ")
    if rest:
        parts.append(rest)
    return parts


@dataclass(frozen=True)
class Rendered:
    """One Telegram message to send: text and, on the last part, the keyboard."""

    text: str
    keyboard: InlineKeyboardMarkup | None = None


def render(message: Outgoing) -> list[Rendered]:
    """An outgoing message as Telegram messages: choices become an inline keyboard.

    A choice whose id cannot travel as callback data is listed as a numbered line instead
    (the engine accepts the number as an answer).
    """
    buttons: list[list[InlineKeyboardButton]] = []
    listed: list[str] = []
    for number, choice in enumerate(message.choices, start=1):
        if valid_callback_data(choice.id):
            buttons.append([InlineKeyboardButton(choice.label, callback_data=choice.id)])
        else:
            listed.append(f"{number}) {choice.label}")
    text = message.text
    if listed:
        text = text + "\n" + "\n".join(listed)
    parts = split_text(text or "…")
    keyboard = InlineKeyboardMarkup(buttons) if buttons else None
    rendered = [Rendered(part) for part in parts[:-1]]
    rendered.append(Rendered(parts[-1], keyboard))
    return rendered


@dataclass(frozen=True)
class FileRef:
    """A file in a message that the bot can download as evidence."""

    file_id: str
    name: str
    media_type: str | None
    size: int | None


def file_of(message: Message) -> FileRef | None:
    """The photo (largest size) or document in a message, if any."""
    if message.photo:
        photo = message.photo[-1]
        stamp = message.date.strftime("%Y-%m-%d_%H-%M-%S")
        return FileRef(photo.file_id, f"photo_{stamp}.jpg", "image/jpeg", photo.file_size)
    document = message.document
    if document is not None:
        name = document.file_name or f"document_{message.message_id}"
        return FileRef(document.file_id, name, document.mime_type, document.file_size)
    return None


def unsupported_answer(message: Message) -> str | None:
    """The msgid explaining what the bot can take, for content it cannot use; else None."""
    if message.voice or message.audio:
        return texts.NO_VOICE
    if message.sticker or message.animation or message.dice:
        return texts.NO_STICKER
    if message.location or message.venue:
        return texts.NO_LOCATION
    if message.video or message.video_note:
        return texts.NO_VIDEO
    if message.contact:
        return texts.NO_CONTACT
    if message.text is None and message.caption is None and file_of(message) is None:
        return texts.WHAT_I_TAKE  # polls, games, stories, service messages ...
    return None

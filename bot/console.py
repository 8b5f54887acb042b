"""The console channel: a chat in the terminal, for people (interactive) or tools (JSONL).

JSONL protocol (`zorgveilig chat --jsonl`): each input line is one user message (text, or a
choice's id, number or label); each bot message is one JSON line
`{"type": "message", "text": ..., "choices": [{"id": ..., "label": ...}]}`, followed by
`{"type": "await"}` when the bot waits for input. Messages from the outbox (case notices,
alerts) carry `"outbox": true`; a file the bot sends (a data export) is saved under the
data folder and announced as `{"type": "file", "name": ..., "path": ...}`. End of input
ends the session; the state is kept.
"""

from __future__ import annotations

import io
import json
import mimetypes
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from bot.core.turns import EngineTurns
from dialogs.engine import Engine
from dialogs.matching import command_of, looks_like_path
from dialogs.messages import (
    Attachment,
    Choice,
    Incoming,
    Outgoing,
    OutgoingFile,
    outgoing_from_payload,
)
from dialogs.organisation import Organisation
from storage.files import private_dir
from storage.repository import Store

CHANNEL = "console"
MAX_FILE_BYTES = 50_000_000


class ConsoleChat:
    """One person's terminal session with the bot."""

    def __init__(
        self,
        engine: Engine,
        store: Store,
        organisation: Organisation,
        *,
        user: str,
        lang: str | None,
        jsonl: bool,
        data_dir: Path,
        out: IO[str] | None = None,
        tick: Callable[[], object] | None = None,
    ) -> None:
        self.engine = engine
        self.store = store
        # The core's turns: a terminal line has no platform id, so nothing is claimed or
        # replayed, and the console keeps no chat memory beyond `last_choices`.
        self.turns = EngineTurns(CHANNEL, engine, store)
        self.organisation = organisation
        self.user = user
        self.lang = lang
        self.jsonl = jsonl
        self.out = out or sys.stdout
        self.last_choices: tuple[Choice, ...] = ()
        # Files the bot sends are saved in the data folder, under the chat's pseudonym.
        self.files_dir = data_dir / "files" / store.pseudonym(CHANNEL, user).removeprefix("p:")
        # Periodic work (timers, retention) runs between messages in a terminal session.
        self.tick = tick or engine.run_due_timers

    # -- output -------------------------------------------------------------------------

    def _emit(self, message: Outgoing, *, outbox: bool = False) -> None:
        self.last_choices = message.choices or self.last_choices
        if self.jsonl:
            record: dict[str, Any] = {
                "type": "message",
                "text": message.text,
                "choices": [{"id": c.id, "label": c.label} for c in message.choices],
            }
            if outbox:
                record["outbox"] = True
            self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            prefix = "[bericht] " if outbox else ""
            self.out.write(f"\n{prefix}{message.text}\n")
            for number, choice in enumerate(message.choices, start=1):
                self.out.write(f"  {number}) {choice.label}\n")
        for file in message.files:
            path = self._save_file(file)
            if self.jsonl:
                record = {"type": "file", "name": file.filename, "path": str(path)}
                self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                self.out.write(f"  [{file.filename}: {path}]\n")
        self.out.flush()

    def _save_file(self, file: OutgoingFile) -> Path:
        """Files the bot sends land in the data folder, readable only by this user."""
        folder = private_dir(self.files_dir)
        path = folder / Path(file.filename).name
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(file.data)
        return path.resolve()

    def _emit_all(self, messages: Iterable[Outgoing]) -> None:
        for message in messages:
            self._emit(message)

    def _await(self) -> None:
        if self.jsonl:
            self.out.write(json.dumps({"type": "await"}) + "\n")
        else:
            self.out.write("> ")
        self.out.flush()

    def deliver_outbox(self) -> bool:
        """Show messages queued for this console user (claimed, shown, then marked).

        Returns whether one of them asked a question (came with choices).
        """
        contact = self.organisation.contact_for_address(CHANNEL, self.user)
        recipients = [self.store.pseudonym(CHANNEL, self.user)]
        if contact is not None:
            recipients.append(contact.id)
        asked = False
        with self.store.unit() as unit:
            # The store's delivery window keeps check-ins to daytime, as on every channel.
            pending = unit.claim_outbox(CHANNEL, recipients=recipients)
        for message in pending:
            outgoing = outgoing_from_payload(message.payload)
            self._emit(outgoing, outbox=True)
            with self.store.unit() as unit:
                unit.mark_delivered(message.id)
            asked = asked or bool(outgoing.choices)
        return asked

    # -- input --------------------------------------------------------------------------

    def incoming(self, line: str) -> Incoming:
        """Translate one input line into the channel-neutral message."""
        text = line.rstrip("\r\n")
        base = self._hello()
        stripped = text.strip()
        if stripped and any(c.id == stripped for c in self.last_choices):
            return replace(base, choice=stripped)
        if stripped and command_of(stripped) is None and looks_like_path(stripped):
            path = Path(stripped).expanduser()
            try:
                if path.is_file() and path.stat().st_size <= MAX_FILE_BYTES:
                    data = path.read_bytes()
                    media_type, _ = mimetypes.guess_type(path.name)
                    attachment = Attachment(filename=path.name, data=data, media_type=media_type)
                    return replace(base, attachments=(attachment,))
            except OSError:
                pass
            return replace(base, unreadable=(stripped,))
        return replace(base, text=text)

    def run(self, lines: Iterable[str]) -> None:
        """Run the session until the input ends."""
        self.tick()
        asked = self.deliver_outbox()
        if not asked:
            # A delivered question (a check-in) is the greeting; otherwise greet and resume.
            self._emit_all(self.turns.take(self._hello(), start=True).messages)
        self._await()
        for line in lines:
            reply = self.turns.take(self.incoming(line))
            self._emit_all(reply.messages)
            self.tick()
            self.deliver_outbox()
            self._await()
        if not self.jsonl:
            self.out.write("\n")

    def _hello(self) -> Incoming:
        return Incoming(channel=CHANNEL, chat_id=self.user, user_id=self.user, lang=self.lang)


def tolerant_stdin(*, jsonl: bool) -> None:
    """Read standard input so that no line can end the session: bytes that are not valid
    text become U+FFFD. The JSONL interface is UTF-8 whatever the locale says."""
    if isinstance(sys.stdin, io.TextIOWrapper):
        sys.stdin.reconfigure(encoding="utf-8" if jsonl else None, errors="replace")
    if jsonl and isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8")


def interactive_lines() -> Iterable[str]:
    """Lines typed by a person; Ctrl-D or Ctrl-C ends the session."""
    while True:
        try:
            yield input()
        except (EOFError, KeyboardInterrupt):
            return

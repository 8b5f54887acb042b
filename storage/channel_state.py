"""What channels remember: handled platform messages and values such as sync tokens."""

from __future__ import annotations

from storage import statements as sql
from storage.base import Repository
from storage.models import ChannelState


def chat_value_name(kind: str, conversation_key: str) -> str:
    """The row name of a value about one chat: `<kind>:<chat pseudonym>`."""
    if ":" in kind:
        raise ValueError("a chat value's kind has no colon")
    return f"{kind}:{conversation_key}"


class ChannelStateRepository(Repository):
    """Processed messages (each handled once) and a channel's named values."""

    def claim_message(self, channel: str, message_id: str) -> bool:
        """Record an incoming platform message; False when it was handled before.

        Runs in the same transaction as the handling, so a crash either keeps both the
        answer's effects and this record, or neither: no message is handled twice.
        """
        # A concurrent handler of the same message makes this insert wait for its commit,
        # then skip the row: that handler answered it.
        params = {"channel": channel, "message_id": message_id, "processed_at": self.clock()}
        if not self.insert_if_new(sql.INSERT_PROCESSED, params):
            return False
        # Handled in this transaction: the update's content leaves the inbox with it.
        self.execute(
            sql.VOID_INBOX,
            {"b_channel": channel, "b_message_id": message_id, "now": self.clock()},
        )
        return True

    def channel_value(self, channel: str, name: str, *, lock: bool = False) -> str | None:
        """A value a channel stored earlier (sync token, offset), or None. `lock`: on
        PostgreSQL the row stays locked until commit (a read that is changed and written
        back)."""
        row = self.session.get(ChannelState, (channel, name), with_for_update=lock)
        return row.value if row else None

    def set_channel_value(self, channel: str, name: str, value: str) -> None:
        """Store a channel's value (insert or replace)."""
        row = self.session.get(ChannelState, (channel, name))
        if row is None:
            row = ChannelState(channel=channel, name=name, value=value, updated_at=self.clock())
        else:
            row.value = value
            row.updated_at = self.clock()
        self.session.add(row)

    def chat_value(
        self, channel: str, kind: str, conversation_key: str, *, lock: bool = False
    ) -> str | None:
        """A value a channel remembers about one chat (e.g. its live buttons), or None."""
        return self.channel_value(channel, chat_value_name(kind, conversation_key), lock=lock)

    def set_chat_value(self, channel: str, kind: str, conversation_key: str, value: str) -> None:
        """Remember a value about one chat; `forget_chat_values` deletes it with the chat."""
        self.set_channel_value(channel, chat_value_name(kind, conversation_key), value)

    def forget_chat_values(self, channel: str, conversation_key: str) -> int:
        """Delete what a channel remembers about one chat (every `set_chat_value` row of
        the chat's pseudonym, e.g. Telegram's live keyboard); how many went."""
        if "%" in conversation_key or "_" in conversation_key:
            raise ValueError("not a conversation key")
        result = self.execute(
            sql.DELETE_CHAT_VALUES,
            {"channel": channel, "suffix": ":" + conversation_key},
        )
        return int(result.rowcount or 0)

"""Conversations: each chat's place in its flow, with its answers encrypted."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError

from storage import statements as sql
from storage.base import ConcurrentUpdateError, Repository
from storage.crypto import Vault
from storage.models import Conversation


@dataclass(frozen=True)
class StoredConversation:
    """A conversation's persisted state, decrypted (the chat address only when asked)."""

    key: str
    channel: str
    lang: str
    flow: str | None
    step: str | None
    state: dict[str, Any]
    version: int
    updated_at: datetime
    address_enc: bytes = field(repr=False, compare=False, default=b"")
    vault: Vault | None = field(repr=False, compare=False, default=None)

    @functools.cached_property
    def address(self) -> str:
        """The raw chat address (decrypted on first use: most turns never need it)."""
        assert self.vault is not None
        return self.vault.decrypt_text(self.address_enc)


class ConversationRepository(Repository):
    """Loads and saves conversations, guarded by their version number."""

    def load_conversation(self, key: str, *, lock: bool = True) -> StoredConversation | None:
        """Load a conversation; on PostgreSQL the row stays locked until commit."""
        statement = sql.LOAD_CONVERSATION_LOCKED if lock else sql.LOAD_CONVERSATION
        row = self.execute(statement, {"key": key}).first()
        if row is None:
            return None
        state = self._dec_json(row.state_enc) if row.state_enc else {}
        return StoredConversation(
            key=row.key,
            channel=row.channel,
            address_enc=row.address_enc,
            vault=self.vault,
            lang=row.lang,
            flow=row.flow,
            step=row.step,
            state=state,
            version=row.version,
            updated_at=row.updated_at,
        )

    def save_conversation(
        self,
        *,
        key: str,
        channel: str,
        address: str,
        lang: str,
        flow: str | None,
        step: str | None,
        state: dict[str, Any],
        expected_version: int | None,
    ) -> int:
        """Insert or update; `expected_version` None means the row must not exist yet."""
        now = self.clock()
        state_enc = self._enc_json(state) if state else None
        if expected_version is None:
            try:
                self.execute(
                    sql.INSERT_CONVERSATION,
                    {
                        "key": key,
                        "channel": channel,
                        "address_enc": self.vault.encrypt_text(address),
                        "lang": lang,
                        "flow": flow,
                        "step": step,
                        "state_enc": state_enc,
                        "version": 1,
                        "created_at": now,
                        "updated_at": now,
                    },
                )
            except IntegrityError as exc:
                raise ConcurrentUpdateError(key) from exc
            return 1
        result = self.execute(
            sql.UPDATE_CONVERSATION,
            {
                "b_key": key,
                "b_version": expected_version,
                "lang": lang,
                "flow": flow,
                "step": step,
                "state_enc": state_enc,
                "version": expected_version + 1,
                "updated_at": now,
            },
        )
        if result.rowcount != 1:
            raise ConcurrentUpdateError(key)
        return expected_version + 1

    def conversation_address(self, key: str) -> tuple[str, str] | None:
        """(channel, raw address) for delivering to a pseudonymous chat."""
        row = self.session.get(Conversation, key)
        if row is None:
            return None
        return row.channel, self.vault.decrypt_text(row.address_enc)

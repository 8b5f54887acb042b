"""claim holders: which process holds an update it took in or a message it delivers

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07

Issue 15, several processes on one database. An update taken in by one process carries
that process's key (`storage.locks.Presence`); another process takes it over only when
its holder died (its lock is free) or its lease ran out, so a live process's updates are
never handled twice. The outbox's claims carry the key likewise.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("inbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claimed_by", sa.BigInteger(), nullable=True))
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claimed_by", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("claimed_by")
    with op.batch_alter_table("inbox", schema=None) as batch_op:
        batch_op.drop_column("claimed_by")

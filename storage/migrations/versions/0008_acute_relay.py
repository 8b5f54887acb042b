"""acute relay: alerts security can act on, and the messages between security and the melder

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04

`acute_alert` keeps each acute-danger alert with the keyed pseudonym of the melder's chat
(never who they are), the kinds of danger and the place it named, so security can ask the
melder a question through the bot, also an anonymous melder; `acute_message` holds those
questions and answers, encrypted.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "acute_alert",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reporter_ref", sa.String(length=64), nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("kinds", sa.JSON(), nullable=False),
        sa.Column("place", sa.JSON(), nullable=False),
        sa.Column("contacts", sa.JSON(), nullable=False),
        sa.Column("created_at", storage.models.UTCDateTime(), nullable=False),
        sa.Column("all_clear_at", storage.models.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("acute_alert", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_acute_alert_created_at"), ["created_at"])
        batch_op.create_index(batch_op.f("ix_acute_alert_reporter_ref"), ["reporter_ref"])

    op.create_table(
        "acute_message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alert_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("author", sa.String(length=64), nullable=False),
        sa.Column("body_enc", sa.LargeBinary(), nullable=False),
        sa.Column("answered_at", storage.models.UTCDateTime(), nullable=True),
        sa.Column("created_at", storage.models.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["alert_id"], ["acute_alert.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("acute_message", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_acute_message_alert_id"), ["alert_id"])


def downgrade() -> None:
    with op.batch_alter_table("acute_message", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_acute_message_alert_id"))
    op.drop_table("acute_message")
    with op.batch_alter_table("acute_alert", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_acute_alert_reporter_ref"))
        batch_op.drop_index(batch_op.f("ix_acute_alert_created_at"))
    op.drop_table("acute_alert")

"""follow-through: call-back requests as work items, the moment of the first feedback

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-03

`callback_request` and `callback_message` hold a melder's request to be contacted (with
the encrypted phone number, or the chat relay) and what the contacts and the melder
write about it; `case.feedback_at` is when the melder first got feedback, for the legal
clock (feedback within three months of the acknowledgement) and its statistics.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models

revision: str = "0007"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "callback_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("reporter_ref", sa.String(length=64), nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("reach", sa.String(length=8), nullable=False),
        sa.Column("name_enc", sa.LargeBinary(), nullable=True),
        sa.Column("phone_enc", sa.LargeBinary(), nullable=True),
        sa.Column("contacts", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("claimed_by", sa.String(length=64), nullable=True),
        sa.Column("created_at", storage.models.UTCDateTime(), nullable=False),
        sa.Column("claimed_at", storage.models.UTCDateTime(), nullable=True),
        sa.Column("closed_at", storage.models.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("callback_request", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_callback_request_case_id"), ["case_id"])
        batch_op.create_index(batch_op.f("ix_callback_request_created_at"), ["created_at"])
        batch_op.create_index(batch_op.f("ix_callback_request_reporter_ref"), ["reporter_ref"])
        batch_op.create_index(batch_op.f("ix_callback_request_status"), ["status"])

    op.create_table(
        "callback_message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("callback_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("author", sa.String(length=64), nullable=False),
        sa.Column("body_enc", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", storage.models.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["callback_id"], ["callback_request.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("callback_message", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_callback_message_callback_id"), ["callback_id"])

    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.add_column(sa.Column("feedback_at", storage.models.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.drop_column("feedback_at")
    with op.batch_alter_table("callback_message", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_callback_message_callback_id"))
    op.drop_table("callback_message")
    with op.batch_alter_table("callback_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_callback_request_status"))
        batch_op.drop_index(batch_op.f("ix_callback_request_reporter_ref"))
        batch_op.drop_index(batch_op.f("ix_callback_request_created_at"))
        batch_op.drop_index(batch_op.f("ix_callback_request_case_id"))
    op.drop_table("callback_request")

"""a case's answers in one plain JSON document, as dialogs/fields.py declares them

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02

The per-answer columns (team, platform, ...) become keys of `case.facts`, so a new
question needs no new column. Existing cases keep every answer they had.
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The columns that move into `facts`, with their types (for the way back).
MOVED: dict[str, sa.types.TypeEngine[Any]] = {
    "team": sa.String(length=64),
    "platform": sa.String(length=32),
    "perpetrator_relation": sa.String(length=32),
    "aro_category": sa.String(length=16),
    "location_kind": sa.String(length=32),
    "occurred_choice": sa.String(length=16),
    "impact": sa.Integer(),
    "about": sa.String(length=16),
    "niet_pluis_mode": sa.String(length=16),
    "preferred_role": sa.String(length=32),
    "exclude_line_manager": sa.Boolean(),
}


def _case_table(*columns: str) -> sa.TableClause:
    return sa.table(
        "case",
        sa.column("id", sa.Integer()),
        sa.column("facts", sa.JSON()),
        *(sa.column(name, MOVED[name]) for name in columns),
    )


def upgrade() -> None:
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("facts", sa.JSON(), nullable=False, server_default=sa.text("'{}'"))
        )
    case = _case_table(*MOVED)
    connection = op.get_bind()
    for row in connection.execute(sa.select(case)).mappings().all():
        facts = {name: row[name] for name in MOVED if row[name] not in (None, "")}
        connection.execute(sa.update(case).where(case.c.id == row["id"]).values(facts=facts))
    with op.batch_alter_table("case", schema=None) as batch_op:
        for name in MOVED:
            batch_op.drop_column(name)


def downgrade() -> None:
    with op.batch_alter_table("case", schema=None) as batch_op:
        for name, type_ in MOVED.items():
            default = sa.false() if name == "exclude_line_manager" else None
            batch_op.add_column(
                sa.Column(name, type_, nullable=default is None, server_default=default)
            )
    case = _case_table(*MOVED)
    connection = op.get_bind()
    for row in connection.execute(sa.select(case.c.id, case.c.facts)).mappings().all():
        facts = dict(row["facts"] or {})
        values = {name: facts.get(name) for name in MOVED}
        values["exclude_line_manager"] = bool(facts.get("exclude_line_manager", False))
        connection.execute(sa.update(case).where(case.c.id == row["id"]).values(**values))
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.drop_column("facts")

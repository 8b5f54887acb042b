"""Alembic environment: runs against the engine handed over by storage.db."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from sqlmodel import SQLModel
from sqlmodel.sql.sqltypes import AutoString

import storage.models  # noqa: F401  (registers the tables on SQLModel.metadata)


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | Literal[False]:
    """Write SQLModel's AutoString as plain sa.String in generated migrations."""
    if type_ == "type" and isinstance(obj, AutoString):
        return f"sa.String(length={obj.length})"
    return False


config = context.config
engine = config.attributes["engine"]

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        render_item=render_item,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()

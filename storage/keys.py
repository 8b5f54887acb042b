"""Key rotation: re-encrypt every stored token under the newest data key.

Set ZV_DATA_KEY to "NEW,OLD" (newest first), run `zorgveilig keys rotate`, then drop the
old key. Reads keep working during the rotation because every configured key can decrypt,
and each batch is its own short transaction.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from storage.crypto import Vault

log = logging.getLogger(__name__)

BATCH = 500


def encrypted_columns() -> list[tuple[sa.Table, sa.Column[bytes]]]:
    """Every column holding a token: by convention their names end in `_enc`."""
    found = []
    for table in SQLModel.metadata.sorted_tables:
        for column in table.columns:
            if column.name.endswith("_enc"):
                found.append((table, column))
    return found


def rotate_all(engine: Engine, vault: Vault, *, batch: int = BATCH) -> dict[str, int]:
    """Re-encrypt every token under the primary key; returns counts per table.column."""
    counts: dict[str, int] = {}
    for table, column in encrypted_columns():
        pk = list(table.primary_key.columns)
        done = 0
        last: tuple[object, ...] | None = None
        while True:
            with engine.begin() as conn:
                stmt = sa.select(*pk, column).where(column.is_not(None)).order_by(*pk).limit(batch)
                if last is not None:
                    stmt = stmt.where(sa.tuple_(*pk) > sa.tuple_(*last))
                rows = conn.execute(stmt).all()
                for row in rows:
                    key_values = tuple(row[: len(pk)])
                    token = row[len(pk)]
                    rotated = vault.rotate(bytes(token))
                    conn.execute(
                        sa.update(table)
                        .where(*(c == v for c, v in zip(pk, key_values, strict=True)))
                        .values({column.name: rotated})
                    )
                    last = key_values
                done += len(rows)
            if len(rows) < batch:
                break
        counts[f"{table.name}.{column.name}"] = done
        log.info("rotated %d value(s) in %s.%s", done, table.name, column.name)
    return counts

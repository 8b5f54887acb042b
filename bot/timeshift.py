"""`zorgveilig timers run --at MOMENT`: the stored timers as they would fire at a moment
that has not come yet (a check-in on day 7, an escalation step, a legal reminder), run in
this process only, to show what happens without waiting days.

The clock of this process is the moment given; the clock of a running bot is never
touched. What fires is written to the database as a timer run at that moment would write
it (the timers are marked fired, the case escalates), and the messages it queues are made
deliverable at once, so the people involved see them in their chat now. Use it on a demo
or test database, not on one real people use.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlmodel import col, select

from bot.runtime import build_runtime
from bot.settings import Settings
from storage.models import Case, OutboxMessage
from storage.repository import Unit

#: A step may set the next one, due at the same moment: run until nothing is due.
MAX_ROUNDS = 50


class MomentError(ValueError):
    """The moment is not written like 2026-12-05 10:00."""


def parse_moment(text: str, timezone: str) -> datetime:
    """'2026-12-05 10:00' (the organisation's local time, or with an offset) in UTC."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise MomentError(f"{text!r} is not a moment like '2026-12-05 10:00'") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(timezone))
    return moment.astimezone(UTC)


@dataclass(frozen=True)
class Queued:
    """One message a timer run queued: for whom, on which channels, why, what it says."""

    recipient: str
    channels: tuple[str, ...]
    purpose: str
    text: str


def run_at(settings: Settings, moment: datetime, *, limit: int = 500) -> tuple[int, list[Queued]]:
    """Fire every timer due at `moment`, as of that moment; how many fired, and the
    messages they queued (deliverable from now on)."""
    runtime = build_runtime(settings, clock=lambda: moment)
    try:
        with runtime.store.unit() as unit:
            before = _last_outbox_id(unit)
        fired = 0
        for _ in range(MAX_ROUNDS):
            done = runtime.engine.run_due_timers(limit=limit)
            fired += done
            if not done:
                break
        with runtime.store.unit() as unit:
            queued = _queued_since(unit, before)
            unit.audit("operator", "timers_run_at", fired=fired, at=moment.isoformat())
    finally:
        runtime.close()
    return fired, queued


def _last_outbox_id(unit: Unit) -> int:
    found = unit.session.exec(select(sa.func.max(OutboxMessage.id))).one()
    return int(found or 0)


def _queued_since(unit: Unit, after: int) -> list[Queued]:
    """The messages queued after outbox row `after`, one per recipient and text; they are
    made due now (the moment of the run may lie ahead of the real clock)."""
    rows = unit.session.exec(
        select(OutboxMessage).where(col(OutboxMessage.id) > after).order_by(col(OutboxMessage.id))
    ).all()
    now = datetime.now(UTC)
    codes = _case_codes(unit, [r.case_id for r in rows if r.case_id is not None])
    grouped: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for row in rows:
        row.not_before = min(row.not_before, now)
        unit.session.add(row)
        text = json.loads(unit.vault.decrypt(row.payload_enc)).get("text", "")
        who = row.recipient
        if row.purpose in ("melder_news", "checkin"):
            code = codes.get(row.case_id or 0)
            who = f"melder of {code}" if code else "melder"
        grouped[(who, row.purpose, text)].append(row.channel)
    return [
        Queued(who, tuple(dict.fromkeys(ch)), purpose, text)
        for (who, purpose, text), ch in grouped.items()
    ]


def _case_codes(unit: Unit, ids: Sequence[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = unit.session.exec(select(Case.id, Case.code).where(col(Case.id).in_(list(ids)))).all()
    return {case_id: code for case_id, code in rows if case_id is not None}


def describe(moment: datetime, timezone: str, fired: int, queued: Sequence[Queued]) -> str:
    """What a run did, for the terminal: one block per message, then a JSON summary."""
    local = moment.astimezone(ZoneInfo(timezone)).strftime("%Y-%m-%d %H:%M")
    lines = [f"Timers as of {local} ({timezone}): {fired} fired, {len(queued)} message(s)."]
    for item in queued:
        lines.append(f"\n→ {item.recipient} ({', '.join(item.channels)}) [{item.purpose}]")
        lines.extend(f"  {line}" for line in item.text.splitlines())
    lines.append("")
    lines.append(json.dumps({"fired": fired, "queued": len(queued)}))
    return "\n".join(lines) + "\n"

"""Quarterly statistics for management, the OR and the cliëntenraad (DESIGN.md §3.11).

Only counts and durations leave this module: no text, no codes, no people. Counts below
the suppression threshold are replaced by None so that no one can be singled out.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlmodel import col, select

from storage.models import Case, CaseAction
from storage.unit import Unit

SUPPRESS_BELOW = 5
_PERIOD = re.compile(r"^(\d{4})Q([1-4])$")


class PeriodError(ValueError):
    """A period is not written like 2026Q3."""


def quarter_bounds(period: str) -> tuple[datetime, datetime]:
    """Start (inclusive) and end (exclusive) of a quarter such as `2026Q3`, in UTC."""
    match = _PERIOD.match(period.strip().upper())
    if match is None:
        raise PeriodError(f"period {period!r} is not a quarter like 2026Q3")
    year, quarter = int(match.group(1)), int(match.group(2))
    start = datetime(year, 3 * quarter - 2, 1, tzinfo=UTC)
    end = datetime(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1, tzinfo=UTC)
    return start, end


def quarter_of(moment: datetime) -> str:
    """The quarter a moment falls in: `2026Q4`."""
    return f"{moment.year}Q{(moment.month - 1) // 3 + 1}"


@dataclass
class QuarterStats:
    """The figures of one quarter; every count dict maps a category to a count or None."""

    period: str
    total: int | None
    by_kind: dict[str, int | None] = field(default_factory=dict)
    #: Per counted report field (see `Counted`), e.g. "by_platform": {"instagram": 6}.
    breakdowns: dict[str, dict[str, int | None]] = field(default_factory=dict)
    anonymous: dict[str, int | None] = field(default_factory=dict)
    actions: dict[str, int | None] = field(default_factory=dict)
    hours_to_claim_median: float | None = None
    hours_to_claim_p90: float | None = None
    share_closed: float | None = None
    #: The legal clock (see `LegalClock`): reports acknowledged later than the deadline
    #: (or not at all, past it), the median days from acknowledgement to the first
    #: feedback, and reports whose feedback came (or is still missing) past its deadline.
    acknowledged_late: int | None = None
    days_to_feedback_median: float | None = None
    feedback_late: int | None = None
    suppressed_below: int = SUPPRESS_BELOW

    def as_dict(self) -> dict[str, Any]:
        """For JSON output: each breakdown is a section of its own."""
        data = dict(self.__dict__)
        return {**data.pop("breakdowns"), **data}


@dataclass(frozen=True)
class Counted:
    """A report answer the statistics count: its section, the answer's name in a case's
    facts, and what a case without it counts as (None: it is not counted)."""

    section: str
    name: str
    missing: str | None = None


@dataclass(frozen=True)
class LegalClock:
    """The deadlines reports are held to, from the moment they start: the acknowledgement
    (from the report) and the feedback (from the acknowledgement)."""

    acknowledge_by: Callable[[datetime], datetime]
    feedback_by: Callable[[datetime], datetime]


def _suppress(counter: Counter[str], threshold: int) -> dict[str, int | None]:
    return {k: (v if v >= threshold else None) for k, v in sorted(counter.items())}


def quarter_stats(
    unit: Unit,
    period: str,
    counted: Sequence[Counted],
    *,
    threshold: int = SUPPRESS_BELOW,
    legal: LegalClock | None = None,
) -> QuarterStats:
    """Figures for the reports made in a quarter, small counts suppressed; with `legal`,
    how the reports kept to the legal clock (as of now)."""
    start, end = quarter_bounds(period)
    rows = unit.session.exec(
        select(Case).where(col(Case.created_at) >= start, col(Case.created_at) < end)
    ).all()
    total = len(rows)
    claim_hours = sorted(
        (r.acknowledged_at - r.created_at).total_seconds() / 3600
        for r in rows
        if r.acknowledged_at is not None
    )
    ids = [r.id for r in rows if r.id is not None]
    action_codes = (
        unit.session.exec(select(CaseAction.code).where(col(CaseAction.case_id).in_(ids))).all()
        if ids
        else []
    )
    enough = total >= threshold
    stats = QuarterStats(
        period=period.upper(),
        total=total if enough or total == 0 else None,
        by_kind=_suppress(Counter(r.kind for r in rows), threshold),
        breakdowns={c.section: _suppress(_count(rows, c), threshold) for c in counted},
        anonymous=_suppress(
            Counter("anonymous" if r.anonymous else "named" for r in rows), threshold
        ),
        actions=_suppress(Counter(action_codes), threshold),
        hours_to_claim_median=(
            round(statistics.median(claim_hours), 1) if len(claim_hours) >= threshold else None
        ),
        hours_to_claim_p90=(
            round(statistics.quantiles(claim_hours, n=10)[-1], 1)
            if len(claim_hours) >= max(threshold, 2)
            else None
        ),
        share_closed=(
            round(sum(1 for r in rows if r.status == "closed") / total, 2) if enough else None
        ),
        suppressed_below=threshold,
    )
    if legal is not None:
        _legal_figures(stats, rows, legal, unit.clock(), threshold)
    return stats


def _legal_figures(
    stats: QuarterStats, rows: Sequence[Case], legal: LegalClock, now: datetime, threshold: int
) -> None:
    """How the reports kept to the legal deadlines; a deadline not yet passed is kept."""

    def small(n: int) -> int | None:
        return n if n == 0 or n >= threshold else None

    ack_late = 0
    feedback_late = 0
    feedback_days: list[float] = []
    for r in rows:
        acknowledged = r.acknowledged_at or now
        if acknowledged > legal.acknowledge_by(r.created_at):
            ack_late += 1
        if r.acknowledged_at is None:
            continue
        if (r.feedback_at or now) > legal.feedback_by(r.acknowledged_at):
            feedback_late += 1
        if r.feedback_at is not None:
            feedback_days.append((r.feedback_at - r.acknowledged_at).total_seconds() / 86400)
    stats.acknowledged_late = small(ack_late)
    stats.feedback_late = small(feedback_late)
    if len(feedback_days) >= threshold:
        stats.days_to_feedback_median = round(statistics.median(feedback_days), 1)


def _count(rows: Sequence[Case], counted: Counted) -> Counter[str]:
    found: Counter[str] = Counter()
    for row in rows:
        value = (row.facts or {}).get(counted.name)
        if value in (None, ""):
            if counted.missing is None:
                continue
            value = counted.missing
        found[str(value)] += 1
    return found


def quarters_with_reports(unit: Unit) -> list[str]:
    """Every quarter in which reports were made, oldest first (for trend charts)."""
    moments = unit.session.exec(select(Case.created_at)).all()
    return sorted({quarter_of(m) for m in moments})

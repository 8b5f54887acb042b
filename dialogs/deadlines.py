"""The deadlines of a case, as stored timers: what is due when, and the legal clock.

The kinds of timer a case has, when each is set, and where the escalation ladder stands
are defined here once; `dialogs.casetimers` fires them and `dialogs.casedesk` sets and
cancels them in its one state transition. Check-ins are no case deadline: they follow the
melder (`dialogs.aftercare`) and keep going when a case closes.

The legal clock is that of EU Directive 2019/1937 art. 9 and the Dutch Wet bescherming
klokkenluiders: an acknowledgement of receipt to the melder within 7 days, and feedback
within 3 months of that acknowledgement.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from dateutil.relativedelta import relativedelta

from dialogs.organisation import EscalationStep, Organisation, ReportKind
from storage.casework import DueTimer, NewTimer
from storage.repository import CaseRecord

#: Nobody picked the case up: the next step of the escalation ladder.
ESCALATION = "ack_deadline"
#: The norm to react to the perpetrator within 48 hours (seed 003).
REMINDER = "perpetrator_reminder"
REMINDER_HOURS = (24, 48)
#: The legal clock: acknowledge within 7 days (reminder on day 5) ...
LEGAL_ACK = "legal_ack"
ACKNOWLEDGE_WITHIN = timedelta(days=7)
ACK_REMINDER_AFTER = timedelta(days=5)
#: ... and give feedback within 3 months of the acknowledgement (reminders at weeks 10, 12).
LEGAL_FEEDBACK = "legal_feedback"
FEEDBACK_WITHIN = relativedelta(months=3)
FEEDBACK_REMINDER_WEEKS = (10, 12)
#: A case the melder reopened that no contact has reacted to: the ladder again, from then.
REOPENED = "reopened_unanswered"
#: The timers that stop when a case closes (check-ins are not among them).
CASE_TIMERS = (ESCALATION, REMINDER, LEGAL_ACK, LEGAL_FEEDBACK, REOPENED)
#: How often the last escalation step repeats when it names no `repeat_hours`.
REPEAT_HOURS = 24


def acknowledge_deadline(created_at: datetime) -> datetime:
    """When the melder must have had the acknowledgement of receipt."""
    return created_at + ACKNOWLEDGE_WITHIN


def feedback_deadline(acknowledged_at: datetime) -> datetime:
    """When the melder must have had feedback: 3 months after the acknowledgement."""
    return acknowledged_at + FEEDBACK_WITHIN


def first_timers(org: Organisation, case: CaseRecord) -> list[NewTimer]:
    """The deadlines of a new case: the first escalation step, the 48-hour reminders (for
    aggression and online threats) and the acknowledgement reminder."""
    first = org.escalation_ladder[0]
    timers = [
        NewTimer(
            ESCALATION,
            case.created_at + timedelta(hours=first.after_hours),
            case.id,
            f"{ESCALATION}:{case.id}",
        ),
        NewTimer(
            LEGAL_ACK, case.created_at + ACK_REMINDER_AFTER, case.id, f"{LEGAL_ACK}:{case.id}"
        ),
    ]
    if case.kind in (ReportKind.AGGRESSION.value, ReportKind.ONLINE_THREAT.value):
        timers += [
            NewTimer(
                REMINDER,
                case.created_at + timedelta(hours=h),
                case.id,
                f"{REMINDER}:{case.id}:{h}",
            )
            for h in REMINDER_HOURS
        ]
    return timers


def feedback_timers(case_id: int, acknowledged_at: datetime) -> list[NewTimer]:
    """The feedback reminders, set when the case is acknowledged (first picked up)."""
    return [
        NewTimer(
            LEGAL_FEEDBACK,
            acknowledged_at + timedelta(weeks=week),
            case_id,
            f"{LEGAL_FEEDBACK}:{case_id}:w{week}",
        )
        for week in FEEDBACK_REMINDER_WEEKS
    ]


@dataclass(frozen=True)
class LadderPosition:
    """Where an escalation timer stands on the ladder: the step reached (0-based), how
    many times the last step repeated before, and the steps this firing covers (one; more
    when later steps are due as well, after the bot was down: they fire as one)."""

    index: int
    repeat: int
    steps: tuple[EscalationStep, ...]

    @property
    def event(self) -> str:
        """The event key of this firing: each step and each repeat is its own event."""
        return f"escalated-{self.index + 1}" + (f"-r{self.repeat}" if self.repeat else "")

    @property
    def repeat_hours(self) -> int:
        """How long until the last step comes again."""
        return self.steps[-1].repeat_hours or REPEAT_HOURS


def ladder_position(
    org: Organisation, case: CaseRecord, timer: DueTimer, now: datetime
) -> LadderPosition:
    """The ladder step an escalation timer stands for (keys: `ack_deadline:<case>`, then
    `:s<step>` and `:r<repeat>`), moved on to the latest step that is due by now; a ladder
    shortened since is read at its last step."""
    parts = timer.key.split(":")[2:]
    ladder = org.escalation_ladder
    index = min(int(parts[0][1:]) if parts else 0, len(ladder) - 1)
    repeat = int(parts[1][1:]) if len(parts) > 1 else 0
    steps = [ladder[index]]
    while not repeat and index + 1 < len(ladder):
        if case.created_at + timedelta(hours=ladder[index + 1].after_hours) > now:
            break
        index += 1
        steps.append(ladder[index])
    return LadderPosition(index, repeat, tuple(steps))


def next_escalation(
    org: Organisation, case: CaseRecord, position: LadderPosition, now: datetime
) -> NewTimer:
    """The timer of the next step, or of the last step again (counted from now, so a bot
    that was down does not send a burst of repeats when it comes back)."""
    ladder = org.escalation_ladder
    if position.index + 1 < len(ladder):
        index = position.index + 1
        due = case.created_at + timedelta(hours=ladder[index].after_hours)
        return NewTimer(ESCALATION, max(due, now), case.id, f"{ESCALATION}:{case.id}:s{index}")
    repeat = position.repeat + 1
    return NewTimer(
        ESCALATION,
        now + timedelta(hours=position.repeat_hours),
        case.id,
        f"{ESCALATION}:{case.id}:s{position.index}:r{repeat}",
    )


def due_steps(org: Organisation, waited: timedelta) -> list[EscalationStep]:
    """The escalation steps due after waiting this long (counted from the report, the
    request or the reopening)."""
    return [s for s in org.escalation_ladder if timedelta(hours=s.after_hours) <= waited]


def reopen_timer(org: Organisation, case_id: int, reopened_at: datetime, n: int = 0) -> NewTimer:
    """The n-th check of a reopened case (the ladder's step times, counted from the
    reopening; after the last step, daily). The key holds the moment of reopening, so a
    second reopening has timers of its own."""
    ladder = org.escalation_ladder
    if n < len(ladder):
        due = reopened_at + timedelta(hours=ladder[n].after_hours)
    else:
        last = ladder[-1]
        extra = (n - len(ladder) + 1) * (last.repeat_hours or REPEAT_HOURS)
        due = reopened_at + timedelta(hours=last.after_hours + extra)
    stamp = int(reopened_at.timestamp())
    return NewTimer(REOPENED, due, case_id, f"{REOPENED}:{case_id}:{stamp}:{n}")


def reopen_round(timer: DueTimer) -> tuple[datetime, int]:
    """When the case of a `reopen_timer` was reopened, and which check this is."""
    _kind, _case, stamp, n = timer.key.split(":")
    return datetime.fromtimestamp(int(stamp), tz=UTC), int(n)

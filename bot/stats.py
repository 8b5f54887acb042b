"""Output of `zorgveilig stats`: a readable table, CSV or JSON, and PNG charts."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dialogs.deadlines import acknowledge_deadline, feedback_deadline
from dialogs.fields import FIELDS
from storage.statistics import Counted, LegalClock, QuarterStats

SECTIONS = (
    ("by_kind", "Report kind"),
    *((section, title) for section, title, _ in FIELDS.statistics()),
    ("anonymous", "Anonymous or named"),
    ("actions", "Actions taken (Incident? Actie! number)"),
)
#: The report answers the statistics count, as dialogs/fields.py declares them.
COUNTED = tuple(Counted(section, f.name, f.missing) for section, _, f in FIELDS.statistics())
SUPPRESSED = "<5"
#: The legal clock of dialogs/deadlines.py, for the statistics.
LEGAL = LegalClock(acknowledge_by=acknowledge_deadline, feedback_by=feedback_deadline)


def _cell(value: int | float | None) -> str:
    return SUPPRESSED if value is None else str(value)


def rows(stats: QuarterStats) -> list[tuple[str, str, str]]:
    """(section, category, value) rows, suppressed counts shown as '<5'."""
    found = [("total", "reports", _cell(stats.total))]
    data = stats.as_dict()
    for key, _title in SECTIONS:
        found.extend((key, category, _cell(count)) for category, count in data[key].items())
    found.append(("time_to_claim", "median_hours", _cell(stats.hours_to_claim_median)))
    found.append(("time_to_claim", "p90_hours", _cell(stats.hours_to_claim_p90)))
    found.append(("closed", "share", _cell(stats.share_closed)))
    found.append(("legal_clock", "acknowledged_late", _cell(stats.acknowledged_late)))
    found.append(("legal_clock", "median_days_to_feedback", _cell(stats.days_to_feedback_median)))
    found.append(("legal_clock", "feedback_late", _cell(stats.feedback_late)))
    return found


def as_table(stats: QuarterStats) -> str:
    """A plain-text table for the terminal."""
    lines = [f"ZorgVeilig meldbot: statistics {stats.period} (counts below 5 shown as <5)", ""]
    lines.append(f"Reports: {_cell(stats.total)}")
    data = stats.as_dict()
    for key, title in SECTIONS:
        if not data[key]:
            continue
        lines.append(f"\n{title}")
        lines.extend(f"  {category:<28} {_cell(count):>6}" for category, count in data[key].items())
    lines.append("\nTime to acknowledge: from the report to its claim (hours)")
    lines.append(f"  {'median':<28} {_cell(stats.hours_to_claim_median):>6}")
    lines.append(f"  {'90th percentile':<28} {_cell(stats.hours_to_claim_p90):>6}")
    lines.append(f"\nShare closed: {_cell(stats.share_closed)}")
    lines.append("\nLegal clock (Wet bescherming klokkenluiders)")
    lines.append(f"  {'acknowledged after 7 days':<40} {_cell(stats.acknowledged_late):>6}")
    median = _cell(stats.days_to_feedback_median)
    lines.append(f"  {'median days, acknowledgement to feedback':<40} {median:>6}")
    lines.append(f"  {'feedback after 3 months':<40} {_cell(stats.feedback_late):>6}")
    return "\n".join(lines) + "\n"


def as_csv(stats: QuarterStats) -> str:
    """period,section,category,value rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["period", "section", "category", "value"])
    for section, category, value in rows(stats):
        writer.writerow([stats.period, section, category, value])
    return buffer.getvalue()


def as_json(stats: QuarterStats) -> str:
    """The figures as JSON (suppressed counts are null)."""
    return json.dumps(stats.as_dict(), indent=2)


def charts(current: QuarterStats, trend: Sequence[QuarterStats], folder: Path) -> list[Path]:
    """PNG charts: reports per kind per quarter (trend), and this quarter's categories."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    kinds = sorted({k for s in trend for k in s.by_kind})
    figure, axes = plt.subplots(figsize=(8, 4.5))
    bottoms = [0] * len(trend)
    for kind in kinds:
        values = [s.by_kind.get(kind) or 0 for s in trend]
        axes.bar([s.period for s in trend], values, bottom=bottoms, label=kind)
        bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
    axes.set_title("Reports per quarter and kind (counts below 5 left out)")
    axes.set_ylabel("reports")
    if kinds:
        axes.legend()
    path = folder / "trend_per_kind.png"
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
    written.append(path)

    data: dict[str, Any] = current.as_dict()
    for key, title in SECTIONS:
        shown = {k: v for k, v in data[key].items() if v is not None}
        if not shown:
            continue
        figure, axes = plt.subplots(figsize=(8, 4.5))
        axes.barh(list(shown), list(shown.values()))
        axes.set_title(f"{title}, {current.period}")
        axes.set_xlabel("reports")
        path = folder / f"{current.period}_{key}.png"
        figure.tight_layout()
        figure.savefig(path, dpi=110)
        plt.close(figure)
        written.append(path)
    return written

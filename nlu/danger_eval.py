"""Measure the danger decision on sets of danger-now and past-tense messages.

A danger set is a YAML file per language (`nl.yml`, `en.yml`) with two lists: `danger_now`
(messages the bot must answer with 112 and an alarm) and `past` (incidents told afterwards,
or habits, which must raise no alarm). Every message is decided exactly as the engine decides
it (`nlu.danger.assess`, rules and classifier together), twice: at an ordinary question, and
in the story of what happened, where the classifier alone needs the story threshold.
The figures are the danger-now recall and the past-tense false-alarm rate; the targets are
recall 1.0 and at most 3% false alarms.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from nlu.danger import Thresholds, assess
from nlu.interpreter import Interpreter

__all__ = [
    "MAX_FALSE_ALARMS",
    "MIN_RECALL",
    "DangerReport",
    "DangerSet",
    "evaluate_danger",
    "load_danger_sets",
    "summary",
    "write_report",
]

MIN_RECALL = 1.0
MAX_FALSE_ALARMS = 0.03
#: Where a message arrives: at any question, or in the story of what happened.
CONTEXTS = {"question": False, "story": True}
REPORT_FILE = "danger_report.json"


@dataclass(frozen=True)
class DangerSet:
    """Danger-now and past-tense messages in one language."""

    name: str
    danger_now: tuple[str, ...]
    past: tuple[str, ...]


def load_danger_sets(path: Path | str) -> list[DangerSet]:
    """The danger set in a YAML file, or those in a folder (`*.yml`, by name)."""
    path = Path(path)
    if not path.exists():
        raise ValueError(f"{path}: no such file or directory")
    files = sorted(path.glob("*.yml")) if path.is_dir() else [path]
    sets = []
    for file in files:
        data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise ValueError(f"{file}: expected danger_now and past lists")
        now, past = data.get("danger_now") or [], data.get("past") or []
        if not isinstance(now, list) or not isinstance(past, list):
            raise ValueError(f"{file}: danger_now and past must be lists")
        sets.append(DangerSet(file.stem, tuple(map(str, now)), tuple(map(str, past))))
    if not sets:
        raise ValueError(f"{path}: no danger sets (*.yml)")
    return sets


@dataclass(frozen=True)
class DangerReport:
    """How one set fared in one context: the danger-now messages missed, the past-tense
    messages that raised an alarm."""

    name: str
    context: str
    danger_now: int
    past: int
    missed: tuple[str, ...]
    false_alarms: tuple[str, ...]

    @property
    def recall(self) -> float:
        """Share of danger-now messages that raise the alarm (1.0 when there are none)."""
        return 1 - len(self.missed) / self.danger_now if self.danger_now else 1.0

    @property
    def false_alarm_rate(self) -> float:
        """Share of past-tense messages that raise the alarm (0.0 when there are none)."""
        return len(self.false_alarms) / self.past if self.past else 0.0

    @property
    def meets_targets(self) -> bool:
        """Recall 1.0 and at most 3% false alarms."""
        return self.recall >= MIN_RECALL and self.false_alarm_rate <= MAX_FALSE_ALARMS


def evaluate_danger(
    interpreter: Interpreter, danger_set: DangerSet, thresholds: Thresholds | None = None
) -> list[DangerReport]:
    """Decide every message of the set as the engine would, in each context."""
    thresholds = thresholds or Thresholds()
    parsed = {text: interpreter.parse(text) for text in (*danger_set.danger_now, *danger_set.past)}
    reports = []
    for context, story in CONTEXTS.items():

        def alarm(text: str, story: bool = story) -> bool:
            decided = assess(interpreter, parsed[text], story=story, thresholds=thresholds)
            return decided is not None

        reports.append(
            DangerReport(
                danger_set.name,
                context,
                len(danger_set.danger_now),
                len(danger_set.past),
                tuple(t for t in danger_set.danger_now if not alarm(t)),
                tuple(t for t in danger_set.past if alarm(t)),
            )
        )
    return reports


def summary(reports: Iterable[DangerReport], *, show_texts: bool = True) -> str:
    """A few lines for a terminal: recall and false alarms per set and context."""
    lines = []
    for r in reports:
        verdict = "ok" if r.meets_targets else "BELOW TARGET"
        lines.append(
            f"{r.name} at {r.context:<8}  danger-now recall {r.recall:.3f} "
            f"({r.danger_now - len(r.missed)}/{r.danger_now})  past-tense false alarms "
            f"{r.false_alarm_rate:.3f} ({len(r.false_alarms)}/{r.past})  {verdict}"
        )
        if show_texts:
            lines.extend(f"  MISSED: {t!r}" for t in r.missed)
            lines.extend(f"  FALSE ALARM: {t!r}" for t in r.false_alarms)
    lines.append(f"targets: recall >= {MIN_RECALL:g}, false alarms <= {MAX_FALSE_ALARMS:.0%}")
    return "\n".join(lines)


def write_report(reports: Sequence[DangerReport], out: Path | str) -> Path:
    """`danger_report.json` in `out`: the figures and the texts behind them."""
    path = Path(out) / REPORT_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    data: list[dict[str, Any]] = [
        {
            "set": r.name,
            "context": r.context,
            "recall": round(r.recall, 4),
            "false_alarm_rate": round(r.false_alarm_rate, 4),
            "danger_now": r.danger_now,
            "past": r.past,
            "missed": list(r.missed),
            "false_alarms": list(r.false_alarms),
        }
        for r in reports
    ]
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path

"""How well messages that are not an answer are recognised (`zorgveilig nlu test --heldout`).

Each held-out message (nlu/heldout/guards/{nl,en}.yml) was typed at a free-text question;
right when the bot takes it for what it is: a command (a likely wish to stop, which the
bot asks back before deleting anything, counts as one), a question to the bot (about
anonymity or else), distress, or a wish for the other language.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from dialogs.guards import GUARDS
from dialogs.matching import command_of

__all__ = ["GuardReport", "evaluate_guards", "recognised"]

HELDOUT_DIR = Path(__file__).resolve().parent.parent / "nlu" / "heldout" / "guards"
_COMMANDS = {
    "stop": "cancel",
    "back": "back",
    "menu": "menu",
    "lang_en": "language_en",
    "lang_nl": "language_nl",
}


def recognised(text: str) -> str | None:
    """What the bot takes a message for, in the held-out set's terms (None: an answer)."""
    command = command_of(text) or GUARDS.command(text)
    if command in _COMMANDS:
        return _COMMANDS[command]
    if GUARDS.stop_wish(text) is not None:
        return "cancel"  # asked back: "Wil je stoppen met deze melding?"
    topic = GUARDS.question_topic(text)
    if topic == "anonymity":
        return "question_anonymity"
    if topic is not None or GUARDS.is_question(text):
        return "question"
    return "distress" if GUARDS.distress(text) else None


@dataclass
class GuardReport:
    """Per expected kind: how many were recognised right, and the misses."""

    right: dict[str, int] = field(default_factory=dict)
    wrong: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def share(self) -> float:
        """The share recognised right."""
        total = sum(self.right.values()) + len(self.wrong)
        return sum(self.right.values()) / total if total else 0.0

    def summary(self) -> str:
        """One line per kind, and the overall share."""
        kinds = sorted({*self.right, *(e for _, _, e in self.wrong)})
        lines = ["messages that are not an answer (recognised right):"]
        for kind in kinds:
            missed = sum(1 for _, _, e in self.wrong if e == kind)
            lines.append(
                f"  {kind:<20} {self.right.get(kind, 0)}/{self.right.get(kind, 0) + missed}"
            )
        lines.append(f"  overall {self.share:.1%}")
        return "\n".join(lines)

    def failures(self) -> Iterator[str]:
        """The misses: language, text, expected, got."""
        for lang, text, expected in self.wrong:
            yield f"{lang} guard: {text!r} expected {expected}, got {recognised(text)}"


def evaluate_guards(folder: Path = HELDOUT_DIR) -> GuardReport:
    """Score every held-out message."""
    report = GuardReport()
    for path in sorted(folder.glob("*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["guards"]:
            text, expected = str(item["text"]), str(item["expect"])
            if recognised(text) == expected:
                report.right[expected] = report.right.get(expected, 0) + 1
            else:
                report.wrong.append((path.stem, text, expected))
    return report

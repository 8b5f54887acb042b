"""Messages that are not an answer (a command in other words, a question to the bot,
distress, a language wish), recognised as the engine recognises them (dialogs/guard_eval.py).

nlu/dev/guards was read while tuning; nlu/heldout/guards was written blind and never read, so
its figure is the honest one (bench/README.md). The floors keep both from getting worse.
"""

from __future__ import annotations

import pytest

from dialogs.guard_eval import evaluate_guards
from nlu.factory import DEV_DIR, HELDOUT_DIR

#: The level of 2026-12-04: development 98.7 % (a sixth blind round, dev/guards/*-6.yml,
#: brought it to 93.0 %; the likely wish to stop, asked back, and questions whether the
#: person it is about learns it, to 98.7 %), held-out 92.3 %.
FLOORS = {"dev": (DEV_DIR, 0.98), "heldout": (HELDOUT_DIR, 0.92)}


@pytest.mark.parametrize("which", sorted(FLOORS))
def test_messages_that_are_no_answer_stay_recognised(which: str) -> None:
    folder, floor = FLOORS[which]
    report = evaluate_guards(folder / "guards")
    assert sum(report.right.values()) + len(report.wrong) >= 150, "the whole set was read"
    assert report.share >= floor, report.summary()

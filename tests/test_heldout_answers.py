"""Answers in people's own words, typed at their question in the real engine and compared
with pressing the button they mean (bot/answer_eval.py).

Two sets: nlu/heldout/answers, written blind and never read while tuning (its figures are
the honest ones, in bench/README.md), and nlu/dev/answers: the first held-out set and a
second blind-written round, whose misses are read to grow the lexicon. The issue's target
is 97 % overall and no question below 90 %; these floors hold the level reached so far, so
that a change that understands people worse fails.
"""

from __future__ import annotations

import pytest

from bot.answer_eval import evaluate_answers, heldout_answer_files
from bot.settings import Settings
from nlu.factory import DEV_DIR, HELDOUT_DIR

#: (overall, weakest question, answers typed) per set; the level of 2026-12-05:
#: held-out 96.5 % (weakest 88.9 %), development 98.1 % (weakest 94.0 %).
FLOORS = {
    "heldout": (0.96, 0.88, 1300),
    "dev": (0.97, 0.93, 6500),
}
FOLDERS = {"heldout": HELDOUT_DIR / "answers", "dev": DEV_DIR / "answers"}
#: The most ordinary answers the bot may take for danger now (112, security alerted), as a
#: share of those typed: 2026-12-05, 6 of 1,354 held-out and 56 of 6,590 development (after
#: the classifier learned sentences in the present tense that are no emergency). A false
#: alarm costs security a look and the melder an all-clear; a miss can cost far more, so
#: these are not traded for recall (bench/README.md).
MAX_ALARMS = 0.010


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("which", sorted(FLOORS))
def test_answers_in_own_words_stay_understood(settings: Settings, which: str) -> None:
    report = evaluate_answers(heldout_answer_files(FOLDERS[which]), settings)
    overall, question, typed = FLOORS[which]
    weakest = min(report.scores.items(), key=lambda item: item[1].share)
    assert report.overall >= overall, report.summary()
    assert weakest[1].share >= question, f"{weakest[0]}: {report.summary()}"
    total = sum(s.total for s in report.scores.values())
    assert total >= typed, "the whole set was typed"
    alarms = sum(len(s.alarms) for s in report.scores.values())
    assert alarms <= MAX_ALARMS * total, f"{alarms} ordinary answers taken for danger now"

"""Answers in people's own words, measured on the held-out set (nlu/heldout/answers/).

Every held-out answer is typed at its question in the real engine and compared with
pressing the button it means (bot/answer_eval.py). The issue's target is 97 % overall and
no question below 90 %; this test holds the level reached so far, so that a change that
understands people worse fails (see bench/README.md for the figures per question).
"""

from __future__ import annotations

import pytest

from bot.answer_eval import evaluate_answers, heldout_answer_files
from bot.settings import Settings

#: The level reached (2026-12-02): 93.3 % overall, the weakest question 77 %.
OVERALL_FLOOR = 0.92
QUESTION_FLOOR = 0.75


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_heldout_answers_stay_understood(settings: Settings) -> None:
    report = evaluate_answers(heldout_answer_files(), settings)
    weakest = min(report.scores.items(), key=lambda item: item[1].share)
    assert report.overall >= OVERALL_FLOOR, report.summary()
    assert weakest[1].share >= QUESTION_FLOOR, f"{weakest[0]}: {report.summary()}"
    assert sum(s.total for s in report.scores.values()) >= 1200, "the whole set was typed"

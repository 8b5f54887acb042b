"""Danger, never missed: danger-now recall and past-tense false alarms, decided exactly as
the engine decides (nlu/danger_eval.py), on three kinds of sets.

- tests/fixtures/danger: the first development sets; they meet the targets (every danger-now
  message alarms, at most 3% of the past-tense ones do).
- nlu/dev/danger: sets the rules are tuned against after they were written (the first
  held-out sets, and further blind-written rounds whose misses are read): they meet the
  targets, so a new round is tuned before it is added.
- nlu/heldout/danger: written blind and never read while tuning. Their figures are the honest
  ones (README, bench/README.md); the floors here keep them from getting worse.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dialogs.turn import EngineConfig
from nlu.danger_eval import (
    MAX_FALSE_ALARMS,
    MIN_RECALL,
    DangerReport,
    DangerSet,
    evaluate_danger,
    load_danger_sets,
    summary,
)
from nlu.embedded import EmbeddedInterpreter
from nlu.factory import DEFAULT_DATA_DIR, DEV_DIR, HELDOUT_DIR, build_interpreter
from tests.conftest import run_cli

DEV_SETS = Path(__file__).parent / "fixtures" / "danger"
SETS = {"fixtures": DEV_SETS, "dev": DEV_DIR / "danger", "heldout": HELDOUT_DIR / "danger"}
#: Per kind of set: least recall at a question, least recall in the story, most false alarms.
FLOORS = {
    "fixtures": (MIN_RECALL, MIN_RECALL, MAX_FALSE_ALARMS),
    "dev": (MIN_RECALL, MIN_RECALL, MAX_FALSE_ALARMS),
    "heldout": (0.95, 0.95, 0.10),
}


@pytest.fixture(scope="module")
def interpreter(model_path: Path) -> EmbeddedInterpreter:
    """The model trained on all of nlu/data (the session's), with the acute rules."""
    return build_interpreter([DEFAULT_DATA_DIR], model_path)


@pytest.mark.parametrize("which", sorted(SETS))
def test_danger_now_recall_and_past_false_alarms_stay_at_their_floors(
    interpreter: EmbeddedInterpreter, which: str
) -> None:
    sets = load_danger_sets(SETS[which])
    assert {s.name.split("-")[0] for s in sets} == {"nl", "en"}, "sets in both languages"
    reports = [
        r for s in sets for r in evaluate_danger(interpreter, s, EngineConfig().danger_thresholds)
    ]
    # The blind sets' texts are never shown: their misses must stay unread.
    print(f"\n{which}:\n{summary(reports, show_texts=which != 'heldout')}")
    at_question, in_story, false_alarms = FLOORS[which]
    for report in reports:
        # enough messages for a miss to show (a blind round of 45 counts each as 2.2 %)
        assert report.danger_now >= 45
        assert report.past >= 40
        least = at_question if report.context == "question" else in_story
        assert report.recall >= least, f"{report.name} at {report.context}: missed danger"
        assert report.false_alarm_rate <= false_alarms, f"{report.name}: false alarms"


class Always:
    """An interpreter whose rules find danger in everything: every message alarms."""

    def parse(self, text: str) -> object:
        from nlu.acute import AcuteReading, Category
        from nlu.interpreter import IntentScore, ParseResult

        score = IntentScore("out_of_scope", 0.1)
        return ParseResult(text, score, (score,), danger=AcuteReading("x", (Category.DANGER,)))


def test_the_figures_count_what_the_decision_says() -> None:
    danger_set = DangerSet("nl", ("a", "b"), ("c", "d", "e", "f"))
    question, story = evaluate_danger(Always(), danger_set)  # type: ignore[arg-type]
    assert (question.context, story.context) == ("question", "story")
    assert question.recall == 1.0
    assert question.false_alarm_rate == pytest.approx(1.0)
    assert question.false_alarms == ("c", "d", "e", "f")
    assert not question.meets_targets
    assert DangerReport("x", "question", 10, 100, ("m",), ("f",) * 3).meets_targets is False
    assert DangerReport("x", "question", 10, 100, (), ("f",) * 3).meets_targets is True


def test_cli_reports_recall_and_false_alarms(cli_env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "res"
    done = run_cli(["nlu", "test", "--danger", str(DEV_SETS), "--out", str(out)], cli_env)
    assert done.returncode == 0, done.stderr
    assert "nl at question  danger-now recall 1.000" in done.stdout
    assert "past-tense false alarms" in done.stdout
    report = json.loads((out / "danger_report.json").read_text())
    assert {(r["set"], r["context"]) for r in report} == {
        (lang, context) for lang in ("nl", "en") for context in ("question", "story")
    }

"""Danger, never missed: on the held-out danger sets (nlu/heldout/danger) and the development
sets (tests/fixtures/danger), every danger-now message raises the alarm and at most 3% of
the past-tense ones do, decided exactly as the engine decides (nlu/danger_eval.py)."""

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
from nlu.factory import DEFAULT_DATA_DIR, HELDOUT_DIR, build_interpreter
from tests.conftest import run_cli

DEV_SETS = Path(__file__).parent / "fixtures" / "danger"
SETS = {"heldout": HELDOUT_DIR / "danger", "dev": DEV_SETS}


@pytest.fixture(scope="module")
def interpreter(model_path: Path) -> EmbeddedInterpreter:
    """The model trained on all of nlu/data (the session's), with the acute rules."""
    return build_interpreter([DEFAULT_DATA_DIR], model_path)


@pytest.mark.parametrize("which", sorted(SETS))
def test_danger_now_recall_and_past_false_alarms_meet_the_targets(
    interpreter: EmbeddedInterpreter, which: str
) -> None:
    sets = load_danger_sets(SETS[which])
    assert {s.name for s in sets} == {"nl", "en"}, "one set per language"
    reports = [
        r for s in sets for r in evaluate_danger(interpreter, s, EngineConfig().danger_thresholds)
    ]
    print(f"\n{which}:\n{summary(reports)}")
    for report in reports:
        assert report.danger_now >= 60
        assert report.past >= 40
        assert report.recall >= MIN_RECALL, f"{report.name} at {report.context}: missed danger"
        assert report.false_alarm_rate <= MAX_FALSE_ALARMS, f"{report.name}: false alarms"


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

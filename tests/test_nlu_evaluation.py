"""NLU evaluation: Rasa-shaped report and errors, acute recall, cross-validation, CLI."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from bot.cli import main
from nlu.acute import AcuteReading
from nlu.evaluation import (
    Evaluation,
    Prediction,
    acute_recall,
    confusion,
    cross_validate,
    evaluate,
    intent_errors,
    intent_report,
    load_quality_gate,
    write_results,
)
from nlu.interpreter import IntentScore, ParseResult
from nlu.training_data import Example, load_training_data
from tests.conftest import run_cli

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "nlu" / "data"


def _p(intent: str, predicted: str, confidence: float = 0.9, rule: bool = False) -> Prediction:
    return Prediction(f"{intent}->{predicted}", intent, predicted, confidence, rule)


PREDICTIONS = (
    _p("greet", "greet"),
    _p("greet", "greet"),
    _p("greet", "thank", 0.6),
    _p("thank", "thank"),
    _p("thank", "greet", 0.55),
    _p("acute_danger", "acute_danger", 0.8),
    _p("acute_danger", "report_aggression", 0.7, rule=True),
    _p("acute_danger", "report_aggression", 0.7),
    _p("acute_danger", "acute_danger", 0.3),
)


def test_report_has_rasa_shape_and_correct_numbers() -> None:
    report = intent_report(PREDICTIONS)
    assert set(report) == {
        "greet",
        "thank",
        "acute_danger",
        "report_aggression",
        "accuracy",
        "macro avg",
        "weighted avg",
    }
    assert report["greet"] == {
        "precision": pytest.approx(2 / 3),
        "recall": pytest.approx(2 / 3),
        "f1-score": pytest.approx(2 / 3),
        "support": 3,
        "confused_with": {"thank": 1},
    }
    assert report["acute_danger"]["recall"] == pytest.approx(0.5)
    assert report["acute_danger"]["confused_with"] == {"report_aggression": 2}
    assert report["report_aggression"]["precision"] == 0.0  # predicted, never right
    assert report["accuracy"] == pytest.approx(5 / 9)
    json.dumps(report)  # plain JSON types only


def test_errors_are_rasa_intent_errors() -> None:
    errors = intent_errors(PREDICTIONS)
    assert len(errors) == 4
    assert errors[0] == {
        "text": "greet->thank",
        "intent": "greet",
        "intent_prediction": {"name": "thank", "confidence": 0.6},
    }


def test_acute_recall_counts_rules_and_confident_classifier_only() -> None:
    result = acute_recall(PREDICTIONS, threshold=0.5)
    assert (result.recognised, result.total) == (2, 4)  # 0.8 classifier, rule
    assert [p.confidence for p in result.missed] == [0.7, 0.3]
    assert acute_recall(PREDICTIONS, threshold=0.2).recognised == 3
    assert acute_recall([_p("greet", "greet")]).recall == 1.0  # nothing to miss


def test_confusion_matrix_rows_are_expected_columns_predicted() -> None:
    labels, matrix = confusion(PREDICTIONS)
    assert labels == ("acute_danger", "greet", "report_aggression", "thank")
    assert matrix[labels.index("acute_danger"), labels.index("report_aggression")] == 2
    assert matrix.sum() == len(PREDICTIONS)


def test_summary_names_missed_emergencies_and_weak_intents() -> None:
    summary = Evaluation(PREDICTIONS).summary()
    assert "acute_danger recall: 0.500 (2/4" in summary
    assert "MISSED EMERGENCY: 'acute_danger->acute_danger' -> acute_danger 0.30" in summary
    assert "greet 0.667" in summary


class _Rules:
    """An interpreter that answers from a table, for evaluate()."""

    def parse(self, text: str) -> ParseResult:
        name, confidence = {"hoi": ("greet", 0.9), "help nu": ("greet", 0.2)}.get(
            text, ("out_of_scope", 0.1)
        )
        score = IntentScore(name, confidence)
        danger = AcuteReading("help_in_message" if text == "help nu" else None)
        return ParseResult(text, score, (score,), danger=danger)


def test_evaluate_uses_the_interpreter_and_its_acute_flag() -> None:
    examples = [Example("hoi", "greet"), Example("help nu", "acute_danger"), Example("x", "thank")]
    result = evaluate(_Rules(), examples)
    assert [p.predicted for p in result.predictions] == ["greet", "greet", "out_of_scope"]
    assert result.acute.recall == 1.0  # the rule fired
    assert result.accuracy == pytest.approx(1 / 3)


def test_empty_evaluation_is_refused() -> None:
    with pytest.raises(ValueError, match="no examples"):
        intent_report(())


def test_cross_validation_is_deterministic_and_covers_every_example() -> None:
    data = load_training_data(FIXTURE_DATA)
    first = cross_validate(data, folds=2, seed=1)
    second = cross_validate(data, folds=2, seed=1)
    assert first.predictions == second.predictions
    assert len(first.fold_macro_f1) == 2
    texts = sorted(p.text for p in first.predictions)
    assert len(texts) == len(set(texts))  # each (unique) example is tested exactly once
    assert 0.0 < first.macro_f1 <= 1.0


def test_cross_validation_needs_enough_examples_per_intent() -> None:
    data = load_training_data(FIXTURE_DATA)
    with pytest.raises(ValueError, match="needs 50\\+ examples"):
        cross_validate(data, folds=50)
    with pytest.raises(ValueError, match="at least 2 folds"):
        cross_validate(data, folds=1)


def test_write_results_writes_the_three_rasa_files(tmp_path: Path) -> None:
    paths = write_results(Evaluation(PREDICTIONS), tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "intent_confusion_matrix.png",
        "intent_errors.json",
        "intent_report.json",
    ]
    assert json.loads(paths["report"].read_text())["accuracy"] == pytest.approx(5 / 9)
    assert len(json.loads(paths["errors"].read_text())) == 4
    assert paths["confusion_matrix"].read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_quality_gate_file_is_valid_and_holds_the_issue_targets() -> None:
    gate = load_quality_gate()
    assert gate.heldout_min_macro_f1 == {"heldout/nl.yml": 0.90, "heldout/en.yml": 0.85}
    assert gate.acute_min_recall == 1.0
    assert 0.5 < gate.cv_min_macro_f1 < 1.0
    assert gate.cv_folds == 5


def test_broken_quality_gate_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "quality.yml"
    path.write_text("cross_validation: {folds: 5}\n")
    with pytest.raises(ValueError, match=r"quality\.yml: invalid quality gate"):
        load_quality_gate(path)


# --------------------------------------------------------------------------- CLI


def test_cli_nlu_test_on_a_file(cli_env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "res"
    done = run_cli(
        ["nlu", "test", "--nlu", str(FIXTURE_DATA / "nl.yml"), "--out", str(out)], cli_env
    )
    assert done.returncode == 0, done.stderr
    assert "macro-F1:" in done.stdout
    assert "acute_danger recall:" in done.stdout
    report = json.loads((out / "intent_report.json").read_text())
    assert {"accuracy", "macro avg", "weighted avg"} <= set(report)
    assert isinstance(json.loads((out / "intent_errors.json").read_text()), list)
    assert (out / "intent_confusion_matrix.png").stat().st_size > 1000


@pytest.fixture
def no_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Default settings in an empty folder: these commands need no database or model."""
    for name in list(os.environ):
        if name.startswith("ZV_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


@pytest.mark.usefixtures("no_settings")
def test_cli_nlu_test_cross_validation(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "cv"
    args = ["--cross-validation", "--folds", "2", "--nlu", str(FIXTURE_DATA), "--out", str(out)]
    assert main(["nlu", "test", *args]) == 0
    assert "folds: 2" in capsys.readouterr().out
    report = json.loads((out / "intent_report.json").read_text())
    examples = {e.text for e in load_training_data(FIXTURE_DATA).examples}
    assert report["macro avg"]["support"] == len(examples)  # every example tested once
    assert (out / "intent_confusion_matrix.png").exists()


@pytest.mark.usefixtures("no_settings")
def test_cli_nlu_test_facts_reports_per_fact_and_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "facts"
    assert main(["nlu", "test", "--facts", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "facts, nl:" in printed
    assert "facts, en:" in printed
    assert "below target" not in printed, "the held-out stories meet the targets"
    report = json.loads((out / "facts_report.json").read_text())
    assert set(report["per_language"]) == {"nl", "en"}
    when = report["all"]["when"]
    assert {"right", "wrong", "missed", "false", "share_right"} <= set(when)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["nlu", "test"],
            "give --nlu FILE (test data), --cross-validation, --danger, --facts or --heldout",
        ),
        (["nlu", "test", "--danger", "nope"], "nope: no such file or directory"),
        (["nlu", "test", "--facts", "nope"], "nope: no story files"),
        (["nlu", "test", "--cross-validation", "--folds", "1"], "at least 2 folds"),
        (["nlu", "test", "--nlu", "nope.yml"], "nope.yml: no such file or directory"),
    ],
)
@pytest.mark.usefixtures("no_settings")
def test_cli_nlu_test_refuses_bad_arguments(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(args) == 2
    assert message in capsys.readouterr().err

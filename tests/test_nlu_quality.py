"""The NLU quality gate (nlu/quality.yml): cross-validated and held-out macro-F1, and no
missed emergency on the held-out files. A failure prints the numbers and the missed texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlu.embedded import EmbeddedInterpreter
from nlu.evaluation import QUALITY_FILE, QualityGate, cross_validate, evaluate, load_quality_gate
from nlu.factory import DEFAULT_DATA_DIR, build_interpreter
from nlu.training_data import load_training_data

NLU_DIR = QUALITY_FILE.parent


@pytest.fixture(scope="module")
def gate() -> QualityGate:
    return load_quality_gate()


@pytest.fixture(scope="module")
def interpreter(model_path: Path) -> EmbeddedInterpreter:
    """The model trained on all of nlu/data (the session's), with the acute rules."""
    return build_interpreter([DEFAULT_DATA_DIR], model_path)


def test_cross_validated_macro_f1(gate: QualityGate) -> None:
    result = cross_validate(
        load_training_data(DEFAULT_DATA_DIR),
        folds=gate.cv_folds,
        seed=gate.cv_seed,
        acute_threshold=gate.acute_threshold,
    )
    print(f"\n{gate.cv_folds}-fold cross-validation ({result.seconds:.1f}s):\n{result.summary()}")
    assert result.macro_f1 >= gate.cv_min_macro_f1, (
        f"cross-validated macro-F1 {result.macro_f1:.3f} is below the gate "
        f"{gate.cv_min_macro_f1:.3f} ({QUALITY_FILE}); see the summary above"
    )


@pytest.mark.parametrize("name", ["heldout/nl.yml", "heldout/en.yml"])
def test_heldout_macro_f1_and_acute_recall(
    gate: QualityGate, interpreter: EmbeddedInterpreter, name: str
) -> None:
    assert name in gate.heldout_min_macro_f1, f"{name} has no threshold in {QUALITY_FILE}"
    examples = load_training_data(NLU_DIR / name).examples
    result = evaluate(interpreter, examples, acute_threshold=gate.acute_threshold)
    print(f"\n{name}:\n{result.summary()}")
    acute = result.acute
    assert acute.total > 0, f"{name} holds no acute_danger examples"
    missed = "\n".join(f"  {p.text!r} -> {p.predicted} {p.confidence:.2f}" for p in acute.missed)
    assert acute.recall >= gate.acute_min_recall, (
        f"{name}: acute_danger recall {acute.recall:.3f} < {gate.acute_min_recall}; "
        f"missed emergencies:\n{missed}"
    )
    minimum = gate.heldout_min_macro_f1[name]
    assert result.macro_f1 >= minimum, (
        f"{name}: macro-F1 {result.macro_f1:.3f} < {minimum:.2f}; see the summary above"
    )

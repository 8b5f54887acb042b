"""Evaluate an interpreter the way `rasa test nlu` does, plus the acute-danger recall.

Pure functions over examples and predictions. The outputs have Rasa's shapes:

- `intent_report`: `intent_report.json` (per intent precision, recall, f1-score, support and
  `confused_with`; plus `accuracy`, `macro avg`, `weighted avg`);
- `intent_errors`: `intent_errors.json` (text, intent, intent_prediction {name, confidence});
- `plot_confusion_matrix`: `intent_confusion_matrix.png`.

Acute danger counts as recognised as the engine decides it (`nlu.danger.decide`): the rules
fire, or the classifier's top intent is `acute_danger` at or above the acute threshold and the
rules do not read the message as told in the past.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from nlu.acute import AcuteDangerRules
from nlu.classifier import ClassifierConfig, normalise_text
from nlu.danger import ACUTE_INTENT, classifier_overruled
from nlu.embedded import EmbeddedInterpreter
from nlu.interpreter import Interpreter
from nlu.training_data import Example, TrainingData

__all__ = [
    "ACUTE_INTENT",
    "DEFAULT_ACUTE_THRESHOLD",
    "AcuteRecall",
    "Evaluation",
    "Prediction",
    "QualityGate",
    "acute_recall",
    "confusion",
    "cross_validate",
    "evaluate",
    "intent_errors",
    "intent_report",
    "load_quality_gate",
    "plot_confusion_matrix",
    "predict",
    "write_results",
]

#: The engine's default classifier confidence for acute danger (`ZV_ACUTE_THRESHOLD`).
DEFAULT_ACUTE_THRESHOLD = 0.5
#: The file names `rasa test nlu` writes.
REPORT_FILE = "intent_report.json"
ERRORS_FILE = "intent_errors.json"
CONFUSION_FILE = "intent_confusion_matrix.png"


@dataclass(frozen=True)
class Prediction:
    """One evaluated example: the expected intent and what the interpreter made of it."""

    text: str
    intent: str
    predicted: str
    confidence: float
    acute_rule: bool = False
    #: The rules read the text as a past story or an all-clear: the classifier alone does not
    #: count (`nlu.danger.classifier_overruled`).
    overruled: bool = False

    @property
    def correct(self) -> bool:
        """True when the top intent is the expected one."""
        return self.predicted == self.intent

    def acute_recognised(self, threshold: float = DEFAULT_ACUTE_THRESHOLD) -> bool:
        """Whether the engine would treat this message as acute danger."""
        return self.acute_rule or (
            not self.overruled and self.predicted == ACUTE_INTENT and self.confidence >= threshold
        )


@dataclass(frozen=True)
class AcuteRecall:
    """Recall of `acute_danger` as the engine sees it, with the missed messages."""

    recognised: int
    total: int
    missed: tuple[Prediction, ...]

    @property
    def recall(self) -> float:
        """Share of acute examples recognised (1.0 when there are none)."""
        return self.recognised / self.total if self.total else 1.0


@dataclass(frozen=True)
class Evaluation:
    """Predictions on a set of examples and the figures derived from them."""

    predictions: tuple[Prediction, ...]
    acute_threshold: float = DEFAULT_ACUTE_THRESHOLD
    #: Macro-F1 of each fold (cross-validation only).
    fold_macro_f1: tuple[float, ...] = ()
    seconds: float = 0.0
    report: dict[str, Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "report", intent_report(self.predictions))

    @property
    def macro_f1(self) -> float:
        """Macro-averaged F1 over the intents."""
        return float(self.report["macro avg"]["f1-score"])

    @property
    def accuracy(self) -> float:
        """Share of examples whose top intent is right."""
        return float(self.report["accuracy"])

    @property
    def errors(self) -> list[dict[str, Any]]:
        """The misclassified examples, like Rasa's `intent_errors.json`."""
        return intent_errors(self.predictions)

    @property
    def acute(self) -> AcuteRecall:
        """Acute-danger recall as the engine acts on it."""
        return acute_recall(self.predictions, self.acute_threshold)

    def summary(self) -> str:
        """A few lines for a terminal: sizes, scores, weak intents, missed emergencies."""
        acute = self.acute
        lines = [
            f"examples: {len(self.predictions)}  accuracy: {self.accuracy:.3f}  "
            f"macro-F1: {self.macro_f1:.3f}  weighted-F1: "
            f"{self.report['weighted avg']['f1-score']:.3f}",
        ]
        if self.fold_macro_f1:
            folds = ", ".join(f"{f:.3f}" for f in self.fold_macro_f1)
            lines.append(
                f"folds: {len(self.fold_macro_f1)}  macro-F1 per fold: {folds}  "
                f"(std {float(np.std(self.fold_macro_f1)):.3f})"
            )
        labels = set(self.labels)
        weak = sorted(
            (float(scores["f1-score"]), name)
            for name, scores in self.report.items()
            if name in labels and float(scores["f1-score"]) < WEAK_F1
        )
        if weak:
            lines.append(
                f"intents below F1 {WEAK_F1:.2f}: " + ", ".join(f"{n} {s:.3f}" for s, n in weak)
            )
        lines.append(
            f"acute_danger recall: {acute.recall:.3f} ({acute.recognised}/{acute.total}; "
            f"rules or classifier >= {self.acute_threshold:g})"
        )
        lines.extend(
            f"  MISSED EMERGENCY: {p.text!r} -> {p.predicted} {p.confidence:.2f}"
            for p in acute.missed
        )
        lines.append(f"errors: {len(self.errors)}")
        return "\n".join(lines)

    @property
    def labels(self) -> tuple[str, ...]:
        """The intents that occur as expected or predicted intent, sorted."""
        return _labels(self.predictions)


#: Intents under this F1 are named in the summary.
WEAK_F1 = 0.9


def _labels(predictions: Iterable[Prediction]) -> tuple[str, ...]:
    return tuple(sorted({p.intent for p in predictions} | {p.predicted for p in predictions}))


# --------------------------------------------------------------------------- predicting


def predict(interpreter: Interpreter, examples: Iterable[Example]) -> tuple[Prediction, ...]:
    """Parse every example's text; one Prediction per example, in order."""
    predictions = []
    for example in examples:
        result = interpreter.parse(example.text)
        predictions.append(
            Prediction(
                text=example.text,
                intent=example.intent,
                predicted=result.intent.name,
                confidence=float(result.intent.confidence),
                acute_rule=result.acute,
                overruled=classifier_overruled(result),
            )
        )
    return tuple(predictions)


def evaluate(
    interpreter: Interpreter,
    examples: Iterable[Example],
    *,
    acute_threshold: float = DEFAULT_ACUTE_THRESHOLD,
) -> Evaluation:
    """Evaluate an interpreter on examples (e.g. a held-out file)."""
    started = time.perf_counter()
    predictions = predict(interpreter, examples)
    return Evaluation(
        predictions, acute_threshold=acute_threshold, seconds=time.perf_counter() - started
    )


def _unique_examples(examples: Iterable[Example]) -> list[Example]:
    """One example per classifier input (normalised text), so folds never share a text."""
    seen: set[str] = set()
    unique = []
    for example in examples:
        key = normalise_text(example.text)
        if key and key not in seen:
            seen.add(key)
            unique.append(example)
    return unique


def cross_validate(
    data: TrainingData,
    *,
    folds: int = 5,
    seed: int = 42,
    config: ClassifierConfig | None = None,
    acute_threshold: float = DEFAULT_ACUTE_THRESHOLD,
) -> Evaluation:
    """Stratified k-fold cross-validation: a fresh EmbeddedInterpreter per fold.

    The predictions of all folds are pooled into one evaluation, like Rasa's
    `--cross-validation`; each fold's macro-F1 is kept in `fold_macro_f1`.
    """
    from sklearn.model_selection import StratifiedKFold
    from threadpoolctl import threadpool_limits

    if folds < 2:
        raise ValueError("cross-validation needs at least 2 folds")
    started = time.perf_counter()
    examples = _unique_examples(data.examples)
    labels = [e.intent for e in examples]
    counts = {label: labels.count(label) for label in set(labels)}
    too_few = sorted(label for label, n in counts.items() if n < folds)
    if too_few:
        raise ValueError(f"{folds}-fold cross-validation needs {folds}+ examples of {too_few}")
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    rules = AcuteDangerRules()
    pooled: list[Prediction] = []
    per_fold: list[float] = []
    for train_index, test_index in splitter.split(np.zeros(len(labels)), labels):
        train = TrainingData(
            examples=[examples[i] for i in train_index],
            synonyms=data.synonyms,
            lookups=data.lookups,
            regexes=data.regexes,
        )
        # One BLAS thread: on a busy machine spinning BLAS threads make training ~4x slower.
        with threadpool_limits(limits=1):
            interpreter = EmbeddedInterpreter.train(train, config=config, acute_rules=rules)
        fold = predict(interpreter, [examples[i] for i in test_index])
        per_fold.append(float(intent_report(fold)["macro avg"]["f1-score"]))
        pooled.extend(fold)
    return Evaluation(
        tuple(pooled),
        acute_threshold=acute_threshold,
        fold_macro_f1=tuple(per_fold),
        seconds=time.perf_counter() - started,
    )


# --------------------------------------------------------------------------- figures


def confusion(predictions: Sequence[Prediction]) -> tuple[tuple[str, ...], np.ndarray]:
    """Labels (sorted) and the confusion matrix: rows expected, columns predicted."""
    labels = _labels(predictions)
    index = {label: i for i, label in enumerate(labels)}
    matrix = np.zeros((len(labels), len(labels)), dtype=np.int64)
    for p in predictions:
        matrix[index[p.intent], index[p.predicted]] += 1
    return labels, matrix


def intent_report(predictions: Sequence[Prediction]) -> dict[str, Any]:
    """Rasa's `intent_report.json`: scikit-learn's classification report + `confused_with`."""
    from sklearn.metrics import classification_report

    if not predictions:
        raise ValueError("no examples to evaluate")
    labels, matrix = confusion(predictions)
    report: dict[str, Any] = classification_report(
        [p.intent for p in predictions],
        [p.predicted for p in predictions],
        labels=list(labels),
        output_dict=True,
        zero_division=0,
    )
    if "accuracy" not in report:  # scikit-learn writes "micro avg" when labels are given
        report.pop("micro avg", None)
        report["accuracy"] = sum(p.correct for p in predictions) / len(predictions)
    for row, label in enumerate(labels):
        # Like Rasa: up to three intents this one was mistaken for, most frequent first.
        order = np.argsort(-matrix[row], kind="stable")[:3]
        report[label]["confused_with"] = {
            labels[col]: int(matrix[row, col])
            for col in order
            if col != row and matrix[row, col] > 0
        }
    plain: dict[str, Any] = _plain(report)
    return plain


def _plain(value: Any) -> Any:
    """Numpy scalars as Python numbers, so the report serialises to JSON."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    return value


def intent_errors(predictions: Iterable[Prediction]) -> list[dict[str, Any]]:
    """Rasa's `intent_errors.json`: every example whose top intent is wrong."""
    return [
        {
            "text": p.text,
            "intent": p.intent,
            "intent_prediction": {"name": p.predicted, "confidence": round(p.confidence, 4)},
        }
        for p in predictions
        if not p.correct
    ]


def acute_recall(
    predictions: Iterable[Prediction], threshold: float = DEFAULT_ACUTE_THRESHOLD
) -> AcuteRecall:
    """How many `acute_danger` examples the engine would treat as an emergency."""
    acute = [p for p in predictions if p.intent == ACUTE_INTENT]
    missed = tuple(p for p in acute if not p.acute_recognised(threshold))
    return AcuteRecall(recognised=len(acute) - len(missed), total=len(acute), missed=missed)


def plot_confusion_matrix(predictions: Sequence[Prediction], path: Path | str) -> None:
    """Write the confusion matrix as a PNG (matplotlib's Agg canvas, no display needed)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    labels, matrix = confusion(predictions)
    size = max(6.0, 0.45 * len(labels) + 3.0)
    figure = Figure(figsize=(size + 1.5, size), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    totals = matrix.sum(axis=1, keepdims=True)
    shares = np.divide(matrix, totals, out=np.zeros(matrix.shape), where=totals > 0)
    image = axes.imshow(shares, cmap="Blues", vmin=0.0, vmax=1.0)
    figure.colorbar(image, ax=axes, fraction=0.046, pad=0.04, label="share of the row")
    axes.set_xticks(range(len(labels)), labels=labels, rotation=60, ha="right")
    axes.set_yticks(range(len(labels)), labels=labels)
    axes.set_xlabel("predicted intent")
    axes.set_ylabel("expected intent")
    axes.set_title(f"Intent confusion matrix ({len(predictions)} examples)")
    for row in range(len(labels)):
        for col in range(len(labels)):
            if matrix[row, col]:
                axes.text(
                    col,
                    row,
                    str(matrix[row, col]),
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if shares[row, col] > 0.5 else "black",
                )
    figure.tight_layout()
    figure.savefig(Path(path))


def write_results(evaluation: Evaluation, out_dir: Path | str) -> dict[str, Path]:
    """Write the report, the errors and the confusion matrix into `out_dir`."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {
        "report": out / REPORT_FILE,
        "errors": out / ERRORS_FILE,
        "confusion_matrix": out / CONFUSION_FILE,
    }
    paths["report"].write_text(
        json.dumps(evaluation.report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    paths["errors"].write_text(
        json.dumps(evaluation.errors, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    plot_confusion_matrix(evaluation.predictions, paths["confusion_matrix"])
    return paths


# --------------------------------------------------------------------------- quality gate

#: The thresholds file of the quality gate (`make test`).
QUALITY_FILE = Path(__file__).parent / "quality.yml"


@dataclass(frozen=True)
class QualityGate:
    """Thresholds the NLU must meet, kept in `nlu/quality.yml`."""

    cv_folds: int
    cv_seed: int
    cv_min_macro_f1: float
    #: Held-out file (relative to `nlu/`) -> minimum macro-F1.
    heldout_min_macro_f1: dict[str, float]
    acute_min_recall: float
    acute_threshold: float


def load_quality_gate(path: Path | str = QUALITY_FILE) -> QualityGate:
    """Read the gate's thresholds; raises ValueError naming a missing or wrong key."""
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    try:
        cv = raw["cross_validation"]
        heldout = raw["heldout"]
        acute = raw["acute_danger"]
        return QualityGate(
            cv_folds=int(cv["folds"]),
            cv_seed=int(cv["seed"]),
            cv_min_macro_f1=float(cv["min_macro_f1"]),
            heldout_min_macro_f1={
                str(name): float(entry["min_macro_f1"]) for name, entry in heldout.items()
            },
            acute_min_recall=float(acute["min_recall"]),
            acute_threshold=float(acute["threshold"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{path}: invalid quality gate ({exc})") from exc

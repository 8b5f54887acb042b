"""The intent classifier: its input, its configuration, and how scikit-learn fits it.

Features are TF-IDF character n-grams (`char_wb`, 2-5) and word uni/bigrams, classified by a
multinomial logistic regression (or, by configuration, a calibrated linear SVM). Text is
normalised first (NFKC, lowercase, accents stripped, whitespace collapsed, length capped), so
"Patiënt" and "patient" are the same token.

scikit-learn is imported inside the fitting functions only. A fitted logistic regression is
served by `nlu.linear.LinearModel` (`compact_model`), plain numpy.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

import numpy as np

from nlu.linear import LinearModel, UnsupportedPipelineError
from nlu.text import fold
from nlu.training_data import TrainingData

__all__ = [
    "MAX_CHARS",
    "ClassifierConfig",
    "compact_model",
    "fit_pipeline",
    "normalise_text",
    "training_examples",
]

logger = logging.getLogger(__name__)

#: Only the first characters are classified: intent shows early, and a huge message stays cheap.
MAX_CHARS = 2_000
#: Largest difference from scikit-learn's `predict_proba` the training-time check accepts
#: (scikit-learn computes in float32, `LinearModel` in float64).
_AGREEMENT_TOLERANCE = 1e-5
#: Texts the compact model is checked on after training, besides a sample of the examples.
_PROBES = ("hallo", "ik word bedreigd via instagram", "help me now", "patient mes 112 !!")
_PROBE_SAMPLE = 50

# Single-character words count too ("x", "u"); scikit-learn's default pattern drops them.
_WORD_TOKENS = r"(?u)\b\w+\b"


def normalise_text(text: str) -> str:
    """Classifier input: the one text fold (`nlu.text.fold`), capped at MAX_CHARS."""
    return fold(text, limit=MAX_CHARS)


@dataclass(frozen=True)
class ClassifierConfig:
    """Hyperparameters of the intent classifier; part of the model's staleness check."""

    kind: Literal["logreg", "svm"] = "logreg"
    #: Inverse regularisation of the logistic regression (5-fold CV on the shipped data:
    #: 10 beats 3 and ties 30; the calibrated SVM scored about one point lower).
    c: float = 10.0
    #: Inverse regularisation of the linear SVM when `kind` is "svm".
    svm_c: float = 1.0
    balanced: bool = True
    char_ngrams: tuple[int, int] = (2, 5)
    word_ngrams: tuple[int, int] = (1, 2)
    max_iter: int = 3000
    random_state: int = 0

    def to_json(self) -> dict[str, Any]:
        """The configuration as JSON-compatible data."""
        data = asdict(self)
        data["char_ngrams"] = list(self.char_ngrams)
        data["word_ngrams"] = list(self.word_ngrams)
        return data


def _build_pipeline(config: ClassifierConfig, n_per_class_min: int) -> Any:
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.svm import LinearSVC

    features = FeatureUnion(
        [
            (
                "char",
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=config.char_ngrams,
                    lowercase=False,
                    sublinear_tf=True,
                    min_df=1,
                    dtype=np.float32,
                ),
            ),
            (
                "word",
                TfidfVectorizer(
                    analyzer="word",
                    ngram_range=config.word_ngrams,
                    lowercase=False,
                    sublinear_tf=True,
                    min_df=1,
                    token_pattern=_WORD_TOKENS,
                    dtype=np.float32,
                ),
            ),
        ]
    )
    class_weight = "balanced" if config.balanced else None
    classifier: Any
    if config.kind == "svm" and n_per_class_min >= 3:
        classifier = CalibratedClassifierCV(
            LinearSVC(
                C=config.svm_c,
                class_weight=class_weight,
                random_state=config.random_state,
                max_iter=config.max_iter,
            ),
            method="sigmoid",
            cv=min(3, n_per_class_min),
        )
    else:
        classifier = LogisticRegression(
            C=config.c,
            class_weight=class_weight,
            max_iter=config.max_iter,
            random_state=config.random_state,
        )
    return Pipeline([("features", features), ("classifier", classifier)])


def training_examples(data: TrainingData) -> tuple[list[str], list[str]]:
    """Normalised texts and intents: de-duplicated and sorted, so training is deterministic."""
    pairs = sorted({(normalise_text(e.text), e.intent) for e in data.examples})
    pairs = [(text, intent) for text, intent in pairs if text]
    return [t for t, _ in pairs], [i for _, i in pairs]


def fit_pipeline(texts: Sequence[str], labels: Sequence[str], config: ClassifierConfig) -> Any:
    """The scikit-learn pipeline fitted on normalised texts (imports scikit-learn)."""
    from sklearn.exceptions import ConvergenceWarning

    counts: dict[str, int] = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    pipeline = _build_pipeline(config, min(counts.values()))
    with warnings.catch_warnings():
        # Tiny fixture sets may not converge fully; that is not worth failing a test run.
        warnings.simplefilter("ignore", ConvergenceWarning)
        pipeline.fit(list(texts), list(labels))
    return pipeline


def compact_model(pipeline: Any, texts: Sequence[str]) -> LinearModel | None:
    """The pipeline as a LinearModel if it has one that agrees with `predict_proba`."""
    try:
        model = LinearModel.from_pipeline(pipeline)
    except UnsupportedPipelineError as exc:
        logger.info("no compact model (%s); serving with scikit-learn", exc)
        return None
    step = max(1, len(texts) // _PROBE_SAMPLE)
    probes = [*_PROBES, *texts[::step]]
    features = pipeline.named_steps["features"].transform(probes)
    expected = pipeline.named_steps["classifier"].predict_proba(features)
    for index, probe in enumerate(probes):
        got = model.probabilities(probe)
        if features[index].nnz == 0:
            agrees = got is None  # no known feature: parse() answers out_of_scope
        else:
            agrees = got is not None and bool(
                np.allclose(got, expected[index], rtol=0.0, atol=_AGREEMENT_TOLERANCE)
            )
        if not agrees:
            logger.error("compact model disagrees with scikit-learn; serving with scikit-learn")
            return None
    return model

"""The embedded interpreter: a linear intent classifier plus dictionary entities.

Features are TF-IDF character n-grams (`char_wb`, 2-5) and word uni/bigrams, classified by a
multinomial logistic regression (or, by configuration, a calibrated linear SVM). Text is
normalised first (NFKC, lowercase, accents stripped, whitespace collapsed, length capped), so
"Patiënt" and "patient" are the same token.

scikit-learn fits the classifier (`train`, imported there only). The fitted logistic
regression is then served by `nlu.linear.LinearModel`, plain numpy, so a bot that loads a
stored model never imports scikit-learn or SciPy. The calibrated SVM has no such compact
form: it is served by its scikit-learn pipeline in memory and is never saved.

A stored model file holds two text lines (a magic line and a JSON header with the training
data fingerprint, the classifier configuration and the scikit-learn version it was trained
with) and then a `numpy.savez_compressed` payload: the `LinearModel` arrays and the entity
vocabulary as JSON. The payload is read with `allow_pickle=False`. `load_or_train` reads only
the header to decide whether the stored model is stale.
"""

from __future__ import annotations

import importlib.metadata
import io
import json
import logging
import os
import re
import tempfile
import time
import unicodedata
import warnings
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np

from nlu.acute import AcuteDangerRules
from nlu.entities import EntityExtractor
from nlu.interpreter import INTENTS, Entity, IntentScore, ParseResult
from nlu.linear import LinearModel, UnsupportedPipelineError
from nlu.training_data import TrainingData, TrainingDataError, load_training_data

__all__ = [
    "MAX_CHARS",
    "ClassifierConfig",
    "EmbeddedInterpreter",
    "ModelFileError",
    "fit_pipeline",
    "normalise_text",
    "training_examples",
]

logger = logging.getLogger(__name__)

#: Only the first characters are classified: intent shows early, and a huge message stays cheap.
MAX_CHARS = 2_000
#: The number of intents reported in `ParseResult.ranking`, as in Rasa.
RANKING_SIZE = 10
#: Bumped whenever feature extraction or the file layout changes; part of the staleness check.
#: "2": the compact numpy payload replaced the joblib-pickled scikit-learn pipeline.
PIPELINE_VERSION = "2"
#: Largest difference from scikit-learn's `predict_proba` the training-time check accepts
#: (scikit-learn computes in float32, `LinearModel` in float64).
_AGREEMENT_TOLERANCE = 1e-5
#: Texts the compact model is checked on after training, besides a sample of the examples.
_PROBES = ("hallo", "ik word bedreigd via instagram", "help me now", "patient mes 112 !!")
_PROBE_SAMPLE = 50

_MAGIC = b"ZORGVEILIG-NLU-MODEL\n"
# The payload's entry holding the entity vocabulary (JSON) next to the `LinearModel` arrays.
_ENTITIES_KEY = "entities"
# Single-character words count too ("x", "u"); scikit-learn's default pattern drops them.
_WORD_TOKENS = r"(?u)\b\w+\b"
_FALLBACK_INTENT = "out_of_scope"
# Invisible format and control characters (zero-width, bidi overrides, BOM): removed so
# "pat\u200bient" reads as "patient". Whitespace controls become spaces via str.split.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]"
)


class ModelFileError(ValueError):
    """A stored model file that cannot be used (missing, corrupt, or foreign)."""


def normalise_text(text: str) -> str:
    """Classifier input: NFKC, lowercase, no accents or invisible characters, capped length."""
    text = unicodedata.normalize("NFKC", text[: MAX_CHARS * 2])
    text = _INVISIBLE.sub("", text)
    decomposed = unicodedata.normalize("NFD", text)
    text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(text.lower().split())[:MAX_CHARS]


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


@dataclass
class _Header:
    data_fingerprint: str
    sklearn_version: str
    pipeline_version: str
    config: dict[str, Any]
    intents: list[str]
    n_examples: int
    trained_at: float = field(default=0.0)

    def to_bytes(self) -> bytes:
        return json.dumps(asdict(self), sort_keys=True).encode("utf-8") + b"\n"


def _read_header(path: Path) -> tuple[_Header, int]:
    """The header of a model file and the byte offset of its payload."""
    try:
        with path.open("rb") as handle:
            if handle.readline() != _MAGIC:
                raise ModelFileError(f"{path}: not a ZorgVeilig NLU model file")
            raw = handle.readline(1_000_000)
            offset = handle.tell()
    except OSError as exc:
        raise ModelFileError(f"{path}: cannot read model file: {exc.strerror}") from exc
    try:
        fields = json.loads(raw)
        header = _Header(**fields)
    except (ValueError, TypeError) as exc:
        raise ModelFileError(f"{path}: corrupt model header") from exc
    return header, offset


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


def _compact_model(pipeline: Any, texts: Sequence[str]) -> LinearModel | None:
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


def _installed_sklearn() -> str | None:
    """The installed scikit-learn version, without importing it; None if not installed."""
    try:
        return importlib.metadata.version("scikit-learn")
    except importlib.metadata.PackageNotFoundError:
        return None


class EmbeddedInterpreter:
    """Intent classifier + entity extractor (+ optional acute-danger rules) in-process."""

    backend = "embedded"

    def __init__(
        self,
        model: LinearModel | None,
        extractor: EntityExtractor,
        header: _Header,
        acute_rules: AcuteDangerRules | None = None,
        *,
        pipeline: Any = None,
    ) -> None:
        """Use `train`, `load` or `load_or_train` rather than this constructor.

        `model` serves the classifier; without one, the fitted scikit-learn `pipeline` does.
        """
        if model is None and pipeline is None:
            raise ValueError("an interpreter needs a model or a pipeline")
        self._model = model
        self._pipeline: Any = None if model is not None else pipeline
        classes = model.classes if model is not None else pipeline.classes_
        self._classes: tuple[str, ...] = tuple(str(c) for c in classes)
        self._extractor = extractor
        self._header = header
        self.acute_rules = acute_rules

    # ------------------------------------------------------------------ properties

    @property
    def intents(self) -> tuple[str, ...]:
        """The intents the classifier can return."""
        return self._classes

    @property
    def data_fingerprint(self) -> str:
        """Fingerprint of the training data the model was trained on."""
        return self._header.data_fingerprint

    @property
    def sklearn_version(self) -> str:
        """The scikit-learn version the model was trained with."""
        return self._header.sklearn_version

    @property
    def compact(self) -> bool:
        """True when served by the numpy `LinearModel` (and so savable), not scikit-learn."""
        return self._model is not None

    @property
    def extractor(self) -> EntityExtractor:
        """The entity extractor used by `parse`."""
        return self._extractor

    # ------------------------------------------------------------------ training

    @classmethod
    def train(
        cls,
        data: TrainingData,
        *,
        config: ClassifierConfig | None = None,
        acute_rules: AcuteDangerRules | None = None,
    ) -> EmbeddedInterpreter:
        """Train on the data's examples; raises TrainingDataError without two intents."""
        config = config or ClassifierConfig()
        texts, labels = training_examples(data)
        counts: dict[str, int] = {}
        for label in labels:
            counts[label] = counts.get(label, 0) + 1
        if len(counts) < 2:
            raise TrainingDataError("training needs examples of at least two intents", "<data>")
        unknown = sorted(set(counts) - set(INTENTS))
        if unknown:
            raise TrainingDataError(f"unknown intents {unknown}", "<data>")
        started = time.perf_counter()
        pipeline = fit_pipeline(texts, labels, config)
        model = _compact_model(pipeline, texts)
        header = _Header(
            data_fingerprint=data.fingerprint(),
            sklearn_version=_installed_sklearn() or "unknown",
            pipeline_version=PIPELINE_VERSION,
            config=config.to_json(),
            intents=sorted(counts),
            n_examples=len(texts),
            trained_at=time.time(),
        )
        logger.info(
            "trained intent classifier: %d examples, %d intents, %.2fs",
            len(texts),
            len(counts),
            time.perf_counter() - started,
        )
        extractor = EntityExtractor.from_training_data(data)
        if model is not None:
            return cls(model, extractor, header, acute_rules)  # the pipeline is dropped
        return cls(None, extractor, header, acute_rules, pipeline=pipeline)

    # ------------------------------------------------------------------ persistence

    def save(self, path: Path | str) -> None:
        """Write the model atomically (temporary file, then rename).

        Raises ValueError for a model served by scikit-learn (the calibrated SVM): only the
        compact form is ever stored, so loading never unpickles anything.
        """
        if self._model is None:
            raise ValueError("this classifier has no compact form and cannot be saved")
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        arrays = self._model.to_arrays()
        arrays[_ENTITIES_KEY] = np.array(json.dumps(self._extractor.vocabulary, sort_keys=True))
        buffer = io.BytesIO()
        np.savez_compressed(buffer, allow_pickle=False, **arrays)
        fd, tmp_name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(_MAGIC)
                handle.write(self._header.to_bytes())
                handle.write(buffer.getvalue())
            os.replace(tmp_name, path)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise

    @classmethod
    def load(
        cls, path: Path | str, *, acute_rules: AcuteDangerRules | None = None
    ) -> EmbeddedInterpreter:
        """Load a model written by `save`; raises ModelFileError if unusable."""
        path = Path(path)
        header, offset = _read_header(path)
        if header.pipeline_version != PIPELINE_VERSION:
            raise ModelFileError(
                f"{path}: model format {header.pipeline_version}, expected {PIPELINE_VERSION}"
            )
        try:
            with path.open("rb") as handle:
                handle.seek(offset)
                payload = io.BytesIO(handle.read())
            with np.load(payload, allow_pickle=False) as arrays:
                model = LinearModel.from_arrays(arrays)
                extractor = EntityExtractor(json.loads(str(arrays[_ENTITIES_KEY][()])))
        except Exception as exc:  # a corrupt payload can fail in many ways
            raise ModelFileError(f"{path}: corrupt model payload ({type(exc).__name__})") from exc
        if sorted(model.classes) != sorted(header.intents):
            raise ModelFileError(f"{path}: model intents do not match its header")
        return cls(model, extractor, header, acute_rules)

    @classmethod
    def load_or_train(
        cls,
        data_dirs: Sequence[Path | str],
        model_path: Path | str,
        *,
        config: ClassifierConfig | None = None,
        acute_rules: AcuteDangerRules | None = None,
    ) -> EmbeddedInterpreter:
        """Load the stored model if it matches the data, config and scikit-learn; else retrain.

        A retrained model is saved to `model_path`; if that fails (read-only disk) the
        in-memory model is still returned. A model without compact form (the calibrated SVM)
        is not saved, so it is trained on every start.
        """
        config = config or ClassifierConfig()
        model_path = Path(model_path)
        data = load_training_data(*data_dirs)
        reason = _staleness(model_path, data.fingerprint(), config)
        if reason is None:
            try:
                loaded = cls.load(model_path, acute_rules=acute_rules)
            except ModelFileError as exc:
                reason = str(exc)
            else:
                # Rebuild entities from the data so vocabulary code changes apply at once.
                loaded._extractor = EntityExtractor.from_training_data(data)
                logger.info("loaded NLU model (%d intents)", len(loaded.intents))
                return loaded
        logger.info("training NLU model: %s", reason)
        trained = cls.train(data, config=config, acute_rules=acute_rules)
        if not trained.compact:
            logger.warning("NLU model not saved: %s has no compact form", config.kind)
            return trained
        try:
            trained.save(model_path)
        except OSError as exc:
            logger.warning("could not save NLU model to %s: %s", model_path, exc.strerror)
        return trained

    # ------------------------------------------------------------------ parsing

    def classify(self, text: str) -> tuple[IntentScore, ...]:
        """All intents with their confidence, best first (ties by name)."""
        normalised = normalise_text(text)
        if not normalised:
            return ()
        probabilities = self._probabilities(normalised)
        if probabilities is None:
            return ()  # nothing the model has ever seen: no basis for any intent
        scores = [
            IntentScore(name, float(p))
            for name, p in zip(self._classes, probabilities, strict=True)
        ]
        return tuple(sorted(scores, key=lambda s: (-s.confidence, s.name)))

    def _probabilities(self, normalised: str) -> np.ndarray | None:
        if self._model is not None:
            return self._model.probabilities(normalised)
        features = self._pipeline.named_steps["features"].transform([normalised])
        if features.nnz == 0:
            return None
        probabilities: np.ndarray = self._pipeline.named_steps["classifier"].predict_proba(
            features
        )[0]
        return probabilities

    def parse(self, text: str) -> ParseResult:
        """Intent, top-10 ranking, entities and the acute flag. Never raises."""
        if not isinstance(text, str):  # defensive: callers are typed, data may not be
            text = ""
        acute = self._acute(text)
        try:
            ranking = self.classify(text)
            entities: tuple[Entity, ...] = self._extractor.extract(text)
        except Exception as exc:  # the bot must keep answering whatever the input
            # The exception's message may quote the text: log only its type.
            logger.error(
                "embedded NLU failed on a message of length %d: %s", len(text), type(exc).__name__
            )
            return _fallback(text, acute, f"error: {type(exc).__name__}")
        if not ranking:
            return ParseResult(
                text=text,
                intent=IntentScore(_FALLBACK_INTENT, 0.0),
                ranking=(IntentScore(_FALLBACK_INTENT, 0.0),),
                entities=entities,
                acute=acute,
                backend=self.backend,
            )
        return ParseResult(
            text=text,
            intent=ranking[0],
            ranking=ranking[:RANKING_SIZE],
            entities=entities,
            acute=acute,
            backend=self.backend,
        )

    def _acute(self, text: str) -> bool:
        if self.acute_rules is None:
            return False
        try:
            return self.acute_rules.match(text) is not None
        except Exception:  # match() already guards; this keeps parse() total regardless
            return False


def _fallback(text: str, acute: bool, reason: str) -> ParseResult:
    return ParseResult(
        text=text,
        intent=IntentScore(_FALLBACK_INTENT, 0.0),
        ranking=(IntentScore(_FALLBACK_INTENT, 0.0),),
        acute=acute,
        backend=EmbeddedInterpreter.backend,
        fallback_reason=reason,
    )


def _staleness(path: Path, fingerprint: str, config: ClassifierConfig) -> str | None:
    """Why the stored model cannot be used, or None if it matches."""
    if not path.exists():
        return "no stored model"
    try:
        header, _ = _read_header(path)
    except ModelFileError as exc:
        return str(exc)
    if header.data_fingerprint != fingerprint:
        return "training data changed"
    if header.pipeline_version != PIPELINE_VERSION:
        return "pipeline version changed"
    installed = _installed_sklearn()
    if installed is not None and header.sklearn_version != installed:
        # Not a format issue (the file holds no scikit-learn objects): the stored model should
        # be the one this scikit-learn trains. Without scikit-learn the model is used as is.
        return f"scikit-learn changed ({header.sklearn_version} -> {installed})"
    if header.config != config.to_json():
        return "classifier configuration changed"
    return None

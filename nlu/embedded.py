"""The embedded interpreter: a scikit-learn intent classifier plus dictionary entities.

Features are TF-IDF character n-grams (`char_wb`, 2-5) and word uni/bigrams, joined in a
FeatureUnion, classified by a multinomial logistic regression (or, by configuration, a
calibrated linear SVM). Text is normalised first (NFKC, lowercase, accents stripped,
whitespace collapsed, length capped), so "Patiënt" and "patient" are the same token.

A stored model file starts with two text lines (a magic line and a JSON header holding the
training data fingerprint, the classifier configuration and the scikit-learn version) and
then the joblib payload. `load_or_train` reads only the header to decide whether the stored
model is stale, so a model from another scikit-learn version is never unpickled.
Only load model files this program wrote: joblib payloads are pickles.
"""

from __future__ import annotations

import io
import json
import logging
import os
import re
import tempfile
import time
import unicodedata
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import joblib
import numpy as np
import sklearn
from scipy.special import expit
from sklearn.calibration import CalibratedClassifierCV
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from nlu.acute import AcuteDangerRules
from nlu.entities import EntityExtractor
from nlu.interpreter import INTENTS, Entity, IntentScore, ParseResult
from nlu.training_data import TrainingData, TrainingDataError, load_training_data

__all__ = [
    "MAX_CHARS",
    "ClassifierConfig",
    "EmbeddedInterpreter",
    "ModelFileError",
    "normalise_text",
]

logger = logging.getLogger(__name__)

#: Only the first characters are classified: intent shows early, and a huge message stays cheap.
MAX_CHARS = 2_000
#: The number of intents reported in `ParseResult.ranking`, as in Rasa.
RANKING_SIZE = 10
#: Bumped whenever feature extraction or the file layout changes; part of the staleness check.
PIPELINE_VERSION = "1"

_MAGIC = b"ZORGVEILIG-NLU-MODEL\n"
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
    """The header of a model file and the byte offset of its joblib payload."""
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


class _FastScorer:
    """The fitted TF-IDF + logistic regression, evaluated directly for one short text.

    scikit-learn's per-call validation costs about 2 ms per message; the arithmetic itself
    takes microseconds. `EmbeddedInterpreter` checks this scorer against `predict_proba`
    when it is built and falls back to scikit-learn on any mismatch.
    """

    def __init__(self, pipeline: Any) -> None:
        features = pipeline.named_steps["features"]
        classifier = pipeline.named_steps["classifier"]
        if not isinstance(classifier, LogisticRegression) or features.transformer_weights:
            raise TypeError("no fast path for this pipeline")
        self._blocks: list[tuple[Any, dict[str, int], np.ndarray, int, bool, bool]] = []
        offset = 0
        for _, vectorizer in features.transformer_list:
            if not isinstance(vectorizer, TfidfVectorizer) or not vectorizer.use_idf:
                raise TypeError("no fast path for this vectorizer")
            if vectorizer.norm not in ("l2", None):
                raise TypeError("no fast path for this norm")
            self._blocks.append(
                (
                    vectorizer.build_analyzer(),
                    vectorizer.vocabulary_,
                    np.asarray(vectorizer.idf_, dtype=np.float64),
                    offset,
                    bool(vectorizer.sublinear_tf),
                    vectorizer.norm == "l2",
                )
            )
            offset += len(vectorizer.vocabulary_)
        self._coef_t = np.ascontiguousarray(np.asarray(classifier.coef_, dtype=np.float64).T)
        self._intercept = np.asarray(classifier.intercept_, dtype=np.float64)

    def probabilities(self, text: str) -> np.ndarray | None:
        """Class probabilities in `classes_` order; None when no feature is known."""
        indices: list[np.ndarray] = []
        values: list[np.ndarray] = []
        for analyzer, vocabulary, idf, offset, sublinear, l2 in self._blocks:
            counts: dict[int, int] = {}
            for gram, count in Counter(analyzer(text)).items():
                column = vocabulary.get(gram)
                if column is not None:
                    counts[column] = count
            if not counts:
                continue
            index = np.fromiter(counts.keys(), dtype=np.intp, count=len(counts))
            tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
            if sublinear:
                tf = np.log(tf) + 1.0
            weights = tf * idf[index]
            if l2:
                weights /= np.sqrt(weights @ weights)
            indices.append(index + offset)
            values.append(weights)
        if not indices:
            return None
        index = np.concatenate(indices)
        decision = np.concatenate(values) @ self._coef_t[index] + self._intercept
        if decision.shape[0] == 1:  # binary logistic regression
            positive = float(expit(decision[0]))  # no overflow warning, unlike 1/(1+exp(-x))
            return np.array([1.0 - positive, positive])
        decision -= decision.max()
        exp = np.exp(decision)
        result: np.ndarray = exp / exp.sum()
        return result


def training_examples(data: TrainingData) -> tuple[list[str], list[str]]:
    """Normalised texts and intents: de-duplicated and sorted, so training is deterministic."""
    pairs = sorted({(normalise_text(e.text), e.intent) for e in data.examples})
    pairs = [(text, intent) for text, intent in pairs if text]
    return [t for t, _ in pairs], [i for _, i in pairs]


class EmbeddedInterpreter:
    """Intent classifier + entity extractor (+ optional acute-danger rules) in-process."""

    backend = "embedded"

    def __init__(
        self,
        pipeline: Any,
        extractor: EntityExtractor,
        header: _Header,
        acute_rules: AcuteDangerRules | None = None,
    ) -> None:
        """Use `train`, `load` or `load_or_train` rather than this constructor."""
        self._pipeline = pipeline
        self._classes: tuple[str, ...] = tuple(str(c) for c in pipeline.classes_)
        self._extractor = extractor
        self._header = header
        self.acute_rules = acute_rules
        self._fast = self._verified_fast_scorer()

    def _verified_fast_scorer(self) -> _FastScorer | None:
        """The fast scorer if it reproduces scikit-learn on probe texts, else None."""
        try:
            fast = _FastScorer(self._pipeline)
        except TypeError:
            return None
        probes = ["hallo", "ik word bedreigd via instagram", "help me now", "patient mes 112 !!"]
        features = self._pipeline.named_steps["features"].transform(probes)
        expected = self._pipeline.named_steps["classifier"].predict_proba(features)
        for index, probe in enumerate(probes):
            got = fast.probabilities(probe)
            if features[index].nnz == 0:
                agrees = got is None  # no known feature: parse() answers out_of_scope
            else:
                agrees = got is not None and bool(np.allclose(got, expected[index], atol=1e-4))
            if not agrees:
                logger.warning("fast intent scorer disagrees with scikit-learn; not used")
                return None
        return fast

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
        pipeline = _build_pipeline(config, min(counts.values()))
        with warnings.catch_warnings():
            # Tiny fixture sets may not converge fully; that is not worth failing a test run.
            warnings.simplefilter("ignore", ConvergenceWarning)
            pipeline.fit(texts, labels)
        header = _Header(
            data_fingerprint=data.fingerprint(),
            sklearn_version=sklearn.__version__,
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
        return cls(pipeline, extractor, header, acute_rules)

    # ------------------------------------------------------------------ persistence

    def save(self, path: Path | str) -> None:
        """Write the model atomically (temporary file, then rename)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"pipeline": self._pipeline, "entities": self._extractor.vocabulary}
        buffer = io.BytesIO()
        joblib.dump(payload, buffer, compress=3)
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
        if header.sklearn_version != sklearn.__version__:
            raise ModelFileError(
                f"{path}: trained with scikit-learn {header.sklearn_version}, "
                f"running {sklearn.__version__}"
            )
        try:
            with path.open("rb") as handle:
                handle.seek(offset)
                payload = joblib.load(handle)
            pipeline = payload["pipeline"]
            extractor = EntityExtractor(payload["entities"])
            classes = [str(c) for c in pipeline.classes_]
        except Exception as exc:  # a corrupt payload can fail in many ways
            raise ModelFileError(f"{path}: corrupt model payload ({type(exc).__name__})") from exc
        if sorted(classes) != sorted(header.intents):
            raise ModelFileError(f"{path}: model intents do not match its header")
        return cls(pipeline, extractor, header, acute_rules)

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
        in-memory model is still returned.
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
        if self._fast is not None:
            return self._fast.probabilities(normalised)
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
    if header.sklearn_version != sklearn.__version__:
        return f"scikit-learn changed ({header.sklearn_version} -> {sklearn.__version__})"
    if header.pipeline_version != PIPELINE_VERSION:
        return "pipeline version changed"
    if header.config != config.to_json():
        return "classifier configuration changed"
    return None

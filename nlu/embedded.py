"""The embedded interpreter: the intent classifier, dictionary entities and the acute rules.

The classifier (`nlu.classifier`) is fitted by scikit-learn and then served by
`nlu.linear.LinearModel`, plain numpy, so a bot that loads a stored model (`nlu.model_file`)
never imports scikit-learn or SciPy. The calibrated SVM has no such compact form: it is
served by its scikit-learn pipeline in memory and is never saved. `load_or_train` reads only
the stored model's header to decide whether it is stale.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from nlu.acute import AcuteDangerRules, AcuteReading
from nlu.classifier import (
    ClassifierConfig,
    compact_model,
    fit_pipeline,
    normalise_text,
    training_examples,
)
from nlu.entities import EntityExtractor
from nlu.interpreter import INTENTS, Entity, IntentScore, ParseResult
from nlu.linear import LinearModel
from nlu.model_file import (
    PIPELINE_VERSION,
    ModelFileError,
    ModelHeader,
    installed_sklearn,
    read_model_file,
    staleness,
    write_model_file,
)
from nlu.training_data import TrainingData, TrainingDataError, load_training_data

__all__ = ["EmbeddedInterpreter"]

logger = logging.getLogger(__name__)

#: The number of intents reported in `ParseResult.ranking`, as in Rasa.
RANKING_SIZE = 10
_FALLBACK_INTENT = "out_of_scope"


class EmbeddedInterpreter:
    """Intent classifier + entity extractor (+ optional acute-danger rules) in-process."""

    backend = "embedded"

    def __init__(
        self,
        model: LinearModel | None,
        extractor: EntityExtractor,
        header: ModelHeader,
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
        model = compact_model(pipeline, texts)
        header = ModelHeader(
            data_fingerprint=data.fingerprint(),
            sklearn_version=installed_sklearn() or "unknown",
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
        write_model_file(Path(path), self._header, self._model, self._extractor)

    @classmethod
    def load(
        cls, path: Path | str, *, acute_rules: AcuteDangerRules | None = None
    ) -> EmbeddedInterpreter:
        """Load a model written by `save`; raises ModelFileError if unusable."""
        header, model, extractor = read_model_file(Path(path))
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
        reason = staleness(model_path, data.fingerprint(), config)
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
        danger = self._danger(text)
        try:
            ranking = self.classify(text)
            entities: tuple[Entity, ...] = self._extractor.extract(text)
        except Exception as exc:  # the bot must keep answering whatever the input
            # The exception's message may quote the text: log only its type.
            logger.error(
                "embedded NLU failed on a message of length %d: %s", len(text), type(exc).__name__
            )
            return _fallback(text, danger, f"error: {type(exc).__name__}")
        if not ranking:
            return ParseResult(
                text=text,
                intent=IntentScore(_FALLBACK_INTENT, 0.0),
                ranking=(IntentScore(_FALLBACK_INTENT, 0.0),),
                entities=entities,
                danger=danger,
                backend=self.backend,
            )
        return ParseResult(
            text=text,
            intent=ranking[0],
            ranking=ranking[:RANKING_SIZE],
            entities=entities,
            danger=danger,
            backend=self.backend,
        )

    def _danger(self, text: str) -> AcuteReading:
        if self.acute_rules is None:
            return AcuteReading()
        try:
            return self.acute_rules.read(text)
        except Exception:  # read() already guards; this keeps parse() total regardless
            return AcuteReading()


def _fallback(text: str, danger: AcuteReading, reason: str) -> ParseResult:
    return ParseResult(
        text=text,
        intent=IntentScore(_FALLBACK_INTENT, 0.0),
        ranking=(IntentScore(_FALLBACK_INTENT, 0.0),),
        danger=danger,
        backend=EmbeddedInterpreter.backend,
        fallback_reason=reason,
    )

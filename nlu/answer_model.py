"""A learned reading of answers in own words: for what the lexicon's phrases do not find.

Per question, a small classifier (the intent classifier's features and logistic
regression, `nlu.classifier`) learns from the development answer sets which option an
answer in own words gives ("ik wil deze berichten niet meer krijgen" is "stop", "all sound,
zero issues" a 5). It is trained on first use of a question (a few tenths of a
second) or all at once (`learn`), read in microseconds, and kept in a store file
(`save`, `load`: the compact models' arrays under a fingerprint of what they learned from)
so that a restarted server does not learn again. The held-out sets are never learned from.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import tempfile
import threading
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from nlu.classifier import ClassifierConfig, compact_model, fit_pipeline, normalise_text
from nlu.linear import LinearModel
from nlu.model_file import PIPELINE_VERSION, installed_sklearn

__all__ = ["NONE", "AnswerModel", "Example", "load_examples", "load_non_answers"]

#: One answer to learn from: the question (flow, question name), its text, its option.
Example = tuple[tuple[str, str], str, str]

#: The label of texts that give none of a question's options.
NONE = ""
#: Fewer examples than this for a question, or fewer than two options: nothing is learned.
_MIN_EXAMPLES = 20
#: Bumped when the store file's layout changes.
_STORE_VERSION = "1"

logger = logging.getLogger(__name__)

try:  # the C loader reads the sets about ten times faster
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


def load_examples(folder: Path) -> list[Example]:
    """The answers of every answer set (`*.yml`, the held-out format) in a folder, once per
    flow the question is asked in."""
    found: list[Example] = []
    for path in sorted(folder.glob("*.yml")):
        # A safe loader (CSafeLoader or SafeLoader): plain data only.
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}  # noqa: S506
        for entry in data.get("questions") or ():
            question = str(entry["question"])
            for flow in entry.get("flows") or ():
                found.extend(
                    ((str(flow), question), str(a["text"]), str(a["expect"]))
                    for a in entry.get("answers") or ()
                )
    return found


def load_non_answers(folder: Path) -> list[tuple[str, str]]:
    """The messages of every guard set (`*.yml`: `guards`, each a text and what it is:
    a question, a command, distress): no answer to any question. (text, what it is)."""
    found: list[tuple[str, str]] = []
    for path in sorted(folder.glob("*.yml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}  # noqa: S506
        found.extend((str(g["text"]), str(g["expect"])) for g in data.get("guards") or ())
    return found


class _Reader:
    """One question's fitted classifier: its compact model, or the scikit-learn pipeline
    where no compact model agrees with it."""

    def __init__(self, compact: LinearModel | None, pipeline: Any = None) -> None:
        self.compact = compact
        self._pipeline = pipeline
        classes = compact.classes if compact is not None else pipeline.classes_
        self.classes: tuple[str, ...] = tuple(str(c) for c in classes)

    @classmethod
    def fitted(cls, texts: Sequence[str], labels: Sequence[str]) -> _Reader:
        pipeline = fit_pipeline(texts, labels, ClassifierConfig())
        compact = compact_model(pipeline, texts)
        return cls(compact, None if compact is not None else pipeline)

    def probabilities(self, text: str) -> np.ndarray | None:
        if self.compact is not None:
            return self.compact.probabilities(text)
        assert self._pipeline is not None
        features = self._pipeline.named_steps["features"].transform([text])
        if features.nnz == 0:
            return None
        return np.asarray(self._pipeline.predict_proba([text])[0])


class AnswerModel:
    """Per question, the option an answer in own words most likely gives, or none."""

    def __init__(self, examples_for: Callable[[str], Sequence[tuple[str, str]]]) -> None:
        """`examples_for(key)`: a question's examples, (text, option id), with `NONE` for
        texts that give none of its options (they teach what is no answer)."""
        self._examples_for = examples_for
        self._readers: dict[str, _Reader | None] = {}
        self._lock = threading.Lock()

    def learn(self, keys: Sequence[str], stop: threading.Event | None = None) -> bool:
        """Train every question of `keys` not yet trained; False when `stop` was set first
        (checked between questions, so a stopping server waits for one at most)."""
        for key in keys:
            if stop is not None and stop.is_set():
                return False
            self._reader(key)
        return True

    def save(self, path: Path, keys: Sequence[str]) -> None:
        """Store the trained compact models of `keys` (trained first where needed), written
        atomically; a question served by scikit-learn itself is left to train again."""
        self.learn(keys)
        spec: dict[str, Any] = {"fingerprint": self._fingerprint(keys), "models": {}}
        arrays: dict[str, np.ndarray] = {}
        for index, key in enumerate(keys):
            reader = self._readers[key]
            if reader is None:
                spec["models"][key] = None
            elif reader.compact is not None:
                spec["models"][key] = index
                arrays.update({f"{index}/{k}": v for k, v in reader.compact.to_arrays().items()})
        arrays["spec"] = np.array(json.dumps(spec, sort_keys=True))
        buffer = io.BytesIO()
        np.savez_compressed(buffer, allow_pickle=False, **arrays)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(buffer.getvalue())
            os.replace(name, path)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise

    def load(self, path: Path, keys: Sequence[str]) -> bool:
        """Take the stored models of `keys` when the store learned from exactly what this
        model would; False (nothing taken) when it is missing, stale or unreadable."""
        try:
            with np.load(path, allow_pickle=False) as stored:
                spec = json.loads(str(stored["spec"][()]))
                if spec.get("fingerprint") != self._fingerprint(keys):
                    return False
                found = {
                    key: _stored_reader(stored, index) for key, index in spec["models"].items()
                }
        except FileNotFoundError:
            return False
        except (OSError, ValueError, KeyError, TypeError) as exc:
            logger.warning(
                "answer models: store unreadable, learning again (%s)", type(exc).__name__
            )
            return False
        with self._lock:
            self._readers.update(found)
        return True

    def _fingerprint(self, keys: Sequence[str]) -> str:
        what = {
            "store": _STORE_VERSION,
            "pipeline": PIPELINE_VERSION,
            "sklearn": installed_sklearn(),
            "config": ClassifierConfig().to_json(),
            "examples": {key: sorted(self._examples_for(key)) for key in keys},
        }
        return hashlib.sha256(json.dumps(what, sort_keys=True).encode("utf-8")).hexdigest()

    def read(self, key: str, text: str, allowed: Collection[str]) -> tuple[str, float] | None:
        """The most likely of the `allowed` options for an answer at question `key`, and
        its probability; None when no answer is likelier, the question learned nothing, or
        the answer shares no feature with what it learned from."""
        reader = self._reader(key)
        if reader is None:
            return None
        probabilities = reader.probabilities(normalise_text(text))
        if probabilities is None:
            return None
        scores = dict(zip(reader.classes, map(float, probabilities), strict=True))
        kept = {c: p for c, p in scores.items() if c in allowed}
        if not kept:
            return None
        best = max(kept, key=lambda c: kept[c])
        return (best, kept[best]) if kept[best] > scores.get(NONE, 0.0) else None

    def _reader(self, key: str) -> _Reader | None:
        if key in self._readers:
            return self._readers[key]
        with self._lock:
            if key not in self._readers:
                self._readers[key] = _fit(self._examples_for(key))
            return self._readers[key]


def _stored_reader(stored: Any, index: int | None) -> _Reader | None:
    if index is None:
        return None  # the question learned nothing
    prefix = f"{index}/"
    arrays = {k.removeprefix(prefix): stored[k] for k in stored.files if k.startswith(prefix)}
    return _Reader(LinearModel.from_arrays(arrays))


def _fit(examples: Sequence[tuple[str, str]]) -> _Reader | None:
    pairs = sorted({(normalise_text(t), o) for t, o in examples})
    pairs = [(t, o) for t, o in pairs if t]
    if sum(o != NONE for _, o in pairs) < _MIN_EXAMPLES or len({o for _, o in pairs}) < 2:
        return None
    return _Reader.fitted([t for t, _ in pairs], [o for _, o in pairs])

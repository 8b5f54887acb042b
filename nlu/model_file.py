"""The stored model file: a header that says what the model was trained on, then its arrays.

A stored model file holds two text lines (a magic line and a JSON header with the training
data fingerprint, the classifier configuration and the scikit-learn version it was trained
with) and then a `numpy.savez_compressed` payload: the `LinearModel` arrays and the entity
vocabulary as JSON. The payload is read with `allow_pickle=False`. `staleness` reads only
the header to decide whether the stored model is stale.
"""

from __future__ import annotations

import importlib.metadata
import io
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from nlu.classifier import ClassifierConfig
from nlu.entities import EntityExtractor
from nlu.linear import LinearModel

__all__ = [
    "PIPELINE_VERSION",
    "ModelFileError",
    "ModelHeader",
    "installed_sklearn",
    "read_model_file",
    "staleness",
    "write_model_file",
]

#: Bumped whenever feature extraction or the file layout changes; part of the staleness check.
#: "2": the compact numpy payload replaced the joblib-pickled scikit-learn pipeline.
PIPELINE_VERSION = "3"  # 3: the one text fold (nlu.text)

_MAGIC = b"ZORGVEILIG-NLU-MODEL\n"
# The payload's entry holding the entity vocabulary (JSON) next to the `LinearModel` arrays.
_ENTITIES_KEY = "entities"


class ModelFileError(ValueError):
    """A stored model file that cannot be used (missing, corrupt, or foreign)."""


@dataclass
class ModelHeader:
    """What a stored model was trained on, and with what."""

    data_fingerprint: str
    sklearn_version: str
    pipeline_version: str
    config: dict[str, Any]
    intents: list[str]
    n_examples: int
    trained_at: float = field(default=0.0)

    def to_bytes(self) -> bytes:
        return json.dumps(asdict(self), sort_keys=True).encode("utf-8") + b"\n"


def _read_header(path: Path) -> tuple[ModelHeader, int]:
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
        header = ModelHeader(**fields)
    except (ValueError, TypeError) as exc:
        raise ModelFileError(f"{path}: corrupt model header") from exc
    return header, offset


def installed_sklearn() -> str | None:
    """The installed scikit-learn version, without importing it; None if not installed."""
    try:
        return importlib.metadata.version("scikit-learn")
    except importlib.metadata.PackageNotFoundError:
        return None


def staleness(path: Path, fingerprint: str, config: ClassifierConfig) -> str | None:
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
    installed = installed_sklearn()
    if installed is not None and header.sklearn_version != installed:
        # Not a format issue (the file holds no scikit-learn objects): the stored model should
        # be the one this scikit-learn trains. Without scikit-learn the model is used as is.
        return f"scikit-learn changed ({header.sklearn_version} -> {installed})"
    if header.config != config.to_json():
        return "classifier configuration changed"
    return None


def write_model_file(
    path: Path, header: ModelHeader, model: LinearModel, extractor: EntityExtractor
) -> None:
    """Write the model and the entity vocabulary atomically (temporary file, then rename)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # mkstemp makes the file 0600
    arrays = model.to_arrays()
    arrays[_ENTITIES_KEY] = np.array(json.dumps(extractor.vocabulary, sort_keys=True))
    buffer = io.BytesIO()
    np.savez_compressed(buffer, allow_pickle=False, **arrays)
    fd, tmp_name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(_MAGIC)
            handle.write(header.to_bytes())
            handle.write(buffer.getvalue())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def read_model_file(path: Path) -> tuple[ModelHeader, LinearModel, EntityExtractor]:
    """The header, model and entity extractor written by `write_model_file`.

    Raises ModelFileError if the file is unusable.
    """
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
    return header, model, extractor

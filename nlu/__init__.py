"""Natural-language understanding: the Interpreter contract and the embedded backend.

The contract (`nlu.interpreter`) is imported eagerly and is cheap. The embedded backend and
its helpers (numpy, YAML) load on first attribute access. scikit-learn is imported only to
train or evaluate, never to serve a stored model.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from nlu.interpreter import ENTITY_TYPES, INTENTS, Entity, IntentScore, Interpreter, ParseResult

if TYPE_CHECKING:
    from nlu.acute import AcuteDangerRules
    from nlu.classifier import ClassifierConfig
    from nlu.embedded import EmbeddedInterpreter
    from nlu.entities import EntityExtractor
    from nlu.factory import DEFAULT_DATA_DIR, HELDOUT_DIR, build_interpreter
    from nlu.model_file import ModelFileError
    from nlu.training_data import (
        EntitySpan,
        Example,
        TrainingData,
        TrainingDataError,
        dump_rasa_yaml,
        load_training_data,
        write_rasa_yaml,
    )

_LAZY: dict[str, str] = {
    "AcuteDangerRules": "nlu.acute",
    "ClassifierConfig": "nlu.classifier",
    "EmbeddedInterpreter": "nlu.embedded",
    "ModelFileError": "nlu.model_file",
    "EntityExtractor": "nlu.entities",
    "DEFAULT_DATA_DIR": "nlu.factory",
    "HELDOUT_DIR": "nlu.factory",
    "build_interpreter": "nlu.factory",
    "EntitySpan": "nlu.training_data",
    "Example": "nlu.training_data",
    "TrainingData": "nlu.training_data",
    "TrainingDataError": "nlu.training_data",
    "dump_rasa_yaml": "nlu.training_data",
    "load_training_data": "nlu.training_data",
    "write_rasa_yaml": "nlu.training_data",
}

__all__ = [
    "DEFAULT_DATA_DIR",
    "ENTITY_TYPES",
    "HELDOUT_DIR",
    "INTENTS",
    "AcuteDangerRules",
    "ClassifierConfig",
    "EmbeddedInterpreter",
    "Entity",
    "EntityExtractor",
    "EntitySpan",
    "Example",
    "IntentScore",
    "Interpreter",
    "ModelFileError",
    "ParseResult",
    "TrainingData",
    "TrainingDataError",
    "build_interpreter",
    "dump_rasa_yaml",
    "load_training_data",
    "write_rasa_yaml",
]


def __getattr__(name: str) -> Any:
    """Load the heavier submodules on first use of one of their names."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'nlu' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)

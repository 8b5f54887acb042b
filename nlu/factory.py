"""Build the default interpreter: the embedded classifier with the acute-danger rules."""

from __future__ import annotations

from pathlib import Path

import nlu
from nlu.acute import AcuteDangerRules
from nlu.classifier import ClassifierConfig
from nlu.embedded import EmbeddedInterpreter

__all__ = ["DEFAULT_DATA_DIR", "DEV_DIR", "HELDOUT_DIR", "build_interpreter"]

#: The shipped Rasa YAML training data (`nl/`, `en/`).
DEFAULT_DATA_DIR: Path = Path(nlu.__file__).parent / "data"
#: Held-out examples for evaluation; never used for training.
HELDOUT_DIR: Path = Path(nlu.__file__).parent / "heldout"
#: Development sets: tuned against, so their scores say less than the held-out ones.
DEV_DIR: Path = Path(nlu.__file__).parent / "dev"


def build_interpreter(
    data_dirs: list[Path],
    model_path: Path,
    *,
    config: ClassifierConfig | None = None,
    acute_rules: AcuteDangerRules | None = None,
) -> EmbeddedInterpreter:
    """Load the stored model (retraining when stale) with acute-danger rules switched on.

    Every `ParseResult` of the returned interpreter carries what the rules read (`danger`).
    """
    return EmbeddedInterpreter.load_or_train(
        data_dirs,
        model_path,
        config=config,
        acute_rules=acute_rules if acute_rules is not None else AcuteDangerRules(),
    )

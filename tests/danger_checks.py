"""What the danger-round tests share: the acute-danger rules, built once, and whether the
engine alarms on a message the classifier is sure is danger now (so only the rules'
reading of tense, all-clears and harmless words can overrule it)."""

from __future__ import annotations

import functools

from nlu.acute import AcuteDangerRules
from nlu.danger import decide
from nlu.interpreter import IntentScore, ParseResult


@functools.cache
def danger_rules() -> AcuteDangerRules:
    """The rules, compiled once for all the danger-round tests."""
    return AcuteDangerRules()


def classifier_alarm(text: str) -> bool:
    """Whether the engine alarms when the classifier is sure of acute danger."""
    score = IntentScore("acute_danger", 0.95)
    reading = danger_rules().read(text)
    return decide(ParseResult(text, score, (score,), danger=reading)) is not None

"""The one decision whether a message signals acute danger now: rules and classifier together.

The engine acts on it in every state, and `zorgveilig nlu test --danger` measures it, so both
decide exactly alike. Pure: an interpreter and a few numbers, no database.

- A rule that fires (`ParseResult.danger`) always counts.
- Otherwise the classifier counts when its top intent is `acute_danger` at or above the
  threshold (in the story of what happened, where past violence is expected, the higher story
  threshold), unless the rules read the message as told in the past or as an all-clear: on
  tense the rules decide.
- The classifier reads only the first part of a message; of a long one it also reads the
  last part, where an emergency that closes a long story stands. The rules read it whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from nlu.act_list import lists_acts
from nlu.acute_patterns_more import ONGOING
from nlu.acute_words import Category
from nlu.all_clear import says_all_clear
from nlu.classifier import MAX_CHARS as CLASSIFIER_CHARS
from nlu.interpreter import IntentScore, Interpreter, ParseResult
from nlu.rule_text import MAX_SCAN_CHARS, normalise_for_rules
from nlu.story_tail import closed_then_quiet

__all__ = [
    "ACUTE_INTENT",
    "ONGOING_PATTERN",
    "Danger",
    "Thresholds",
    "assess",
    "classifier_overruled",
    "decide",
]

ACUTE_INTENT = "acute_danger"
#: The rule for "it is still going on" ("het gaat nog steeds door"), tried last: when it is
#: the rule that fired, the caller may know it is only an answer (online threats that go on).
ONGOING_PATTERN = ONGOING[0]


@dataclass(frozen=True)
class Thresholds:
    """Classifier confidence for acute danger: anywhere, and in the story of what happened."""

    classifier: float = 0.5
    # The classifier alone, in the story of what happened. It was 0.7: danger now typed as
    # the story was missed where the same words at a question were caught; at 0.5 the
    # development sets' past stories stay within the 3 % false-alarm target.
    story: float = 0.5

    def at(self, *, story: bool) -> float:
        """The threshold for a message at a story step or elsewhere."""
        return max(self.classifier, self.story) if story else self.classifier


@dataclass(frozen=True)
class Danger:
    """Acute danger recognised: by which part, and the kinds of danger (most specific
    first). Holds no text, so it is safe to log."""

    by: Literal["rules", "classifier"]
    categories: tuple[Category, ...]
    pattern: str | None = None


def classifier_overruled(parse: ParseResult) -> bool:
    """Whether the rules read the message as a story told in the past, as naming no event at
    all (a place, a thing), as danger words in a harmless context, as an all-clear, or as a
    list of acts (a form answer): then the classifier's acute_danger does not count (on
    tense, the rules decide)."""
    reading = parse.danger
    return (
        reading.past
        or reading.no_event
        or reading.harmless
        or says_all_clear(parse.text)
        or lists_acts(parse.text)
        or closed_then_quiet(normalise_for_rules(parse.text, MAX_SCAN_CHARS))
    )


def _classifier_says(result: ParseResult | None, threshold: float) -> bool:
    return (
        result is not None
        and result.intent.name == ACUTE_INTENT
        and result.intent.confidence >= threshold
    )


def decide(
    parse: ParseResult,
    *,
    story: bool = False,
    thresholds: Thresholds = Thresholds(),
    tail: ParseResult | None = None,
    classifier: bool = True,
) -> Danger | None:
    """Acute danger in a parsed message (and the parse of its last part, if long), or None.
    Without `classifier`, only the rules decide (words about someone else's incident)."""
    reading = parse.danger
    if reading.acute:
        return Danger("rules", reading.categories or (Category.DANGER,), reading.pattern)
    if not classifier:
        return None
    threshold = thresholds.at(story=story)
    said = _classifier_says(parse, threshold) or _classifier_says(tail, threshold)
    # (The overruling readings are asked only when the classifier alarms: most messages.)
    if said and not classifier_overruled(parse):
        return Danger("classifier", (Category.DANGER,))
    return None


def assess(
    interpreter: Interpreter,
    parse: ParseResult,
    *,
    story: bool = False,
    thresholds: Thresholds = Thresholds(),
    classifier: bool = True,
) -> Danger | None:
    """`decide`, after classifying the last part of a message too long for the classifier."""
    tail = None
    text = parse.text
    long = len(text) > CLASSIFIER_CHARS
    if classifier and long and not parse.danger.acute and not parse.danger.past:
        tail = _classified(interpreter, text[-CLASSIFIER_CHARS:])
    return decide(parse, story=story, thresholds=thresholds, tail=tail, classifier=classifier)


def _classified(interpreter: Interpreter, text: str) -> ParseResult:
    """The classifier's reading of a text: without the rules (they read the message whole
    already) when the interpreter can classify alone, as the embedded one can."""
    classify = getattr(interpreter, "classify", None)
    if classify is None:
        return interpreter.parse(text)
    ranking = tuple(classify(text)) or (IntentScore("out_of_scope", 0.0),)
    return ParseResult(text, ranking[0], ranking)

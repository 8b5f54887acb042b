"""Reading a free sentence typed at the start menu: the report it tells, or the report the
classifier leans to when two kinds share its certainty."""

from __future__ import annotations

from dialogs.flow import Option, Step
from dialogs.guards import GUARDS
from dialogs.lexicon import answer_words
from dialogs.matching import match_option
from dialogs.storyfacts import report_kind
from dialogs.turn import Turn

__all__ = ["REPORT_INTENTS", "report_guess", "story_over_support", "told_what_happened"]

#: Intents that ask to make a report, wherever they are typed.
REPORT_INTENTS = frozenset({"report_online_threat", "report_aggression", "report_niet_pluis"})


def report_guess(turn: Turn, step: Step) -> Option | None:
    """The report the classifier leans to when two kinds of report share its certainty
    (niet-pluis 0.48, aggression 0.46): asked back ("Bedoel je: Niet-pluis-gevoel
    bespreken?") rather than "I am not sure what you mean"."""
    parse = turn.parse
    if parse is None or parse.intent.name not in REPORT_INTENTS:
        return None
    reports = sum(s.confidence for s in parse.ranking if s.name in REPORT_INTENTS)
    if reports < turn.env.config.nlu_threshold:
        return None
    return next((o for o in step.options if parse.intent.name in o.intents), None)


def story_over_support(turn: Turn, step: Step, option: Option, text: str) -> Option:
    """A story told with how it felt ("hij schold me uit en duwde me, ik zit nog te
    trillen") reads to the classifier as a wish for support; unless the melder asks for it
    in words ("ik wil even praten"), the report the story tells is started (it asks "Ben
    je nu veilig?" first and offers support after)."""
    if "ask_aftercare" not in option.intents:
        return option
    labels = [turn.tr(o.label) for o in step.options]
    words = answer_words(step.slot)
    if match_option(text, step.options, labels, numbers=False, words=words).option is option:
        return option
    return told_what_happened(turn, step, text) or option


def told_what_happened(turn: Turn, step: Step, text: str) -> Option | None:
    """Words that say what happened without naming a report ("iemand schold me uit",
    "fysiek", "ze bedreigde me op insta"; the menu asks for a few words): the report the
    story's facts choose. A question about it ("wat als ik word uitgescholden?") is not."""
    if GUARDS.is_question(text):
        return None
    intent = report_kind(turn, text)
    if intent is None:
        return None
    return next((o for o in step.options if intent in o.intents), None)

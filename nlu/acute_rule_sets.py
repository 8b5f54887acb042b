"""The acute-danger rule modules that share one format, in the order they are tried: each
gives (name, pattern, category) rules and their quick word tests (`AcutePattern.needs`).
`nlu.acute_patterns` places them between its own specific rules and its general ones."""

from __future__ import annotations

from nlu.acute_patterns_calls import CALLS_NEEDS, CALLS_RULES
from nlu.acute_patterns_close import CLOSE_NEEDS, CLOSE_RULES
from nlu.acute_patterns_force import FORCE_NEEDS, FORCE_RULES
from nlu.acute_patterns_going_on import GOING_ON_NEEDS, GOING_ON_RULES
from nlu.acute_patterns_hold import HOLD_NEEDS, HOLD_RULES
from nlu.acute_patterns_more import MORE_NEEDS, MORE_RULES
from nlu.acute_patterns_near import NEAR_NEEDS, NEAR_RULES
from nlu.acute_patterns_now import NOW_NEEDS, NOW_RULES
from nlu.acute_patterns_others import OTHERS_NEEDS, OTHERS_RULES
from nlu.acute_patterns_scene import SCENE_NEEDS, SCENE_RULES
from nlu.acute_patterns_senses import SENSES_NEEDS, SENSES_RULES
from nlu.acute_patterns_short import SHORT_NEEDS, SHORT_RULES
from nlu.acute_patterns_unfolding import UNFOLDING_NEEDS, UNFOLDING_RULES
from nlu.acute_patterns_urgent import URGENT_NEEDS, URGENT_RULES
from nlu.acute_words import Category

__all__ = ["RULE_SETS"]

Rules = tuple[tuple[str, str, Category | None], ...]

RULE_SETS: tuple[tuple[Rules, dict[str, str]], ...] = (
    (FORCE_RULES, FORCE_NEEDS),
    (NOW_RULES, NOW_NEEDS),
    (MORE_RULES, MORE_NEEDS),
    (SENSES_RULES, SENSES_NEEDS),
    (SHORT_RULES, SHORT_NEEDS),
    (SCENE_RULES, SCENE_NEEDS),
    (OTHERS_RULES, OTHERS_NEEDS),
    (HOLD_RULES, HOLD_NEEDS),
    (NEAR_RULES, NEAR_NEEDS),
    (URGENT_RULES, URGENT_NEEDS),
    (GOING_ON_RULES, GOING_ON_NEEDS),
    (UNFOLDING_RULES, UNFOLDING_NEEDS),
    (CALLS_RULES, CALLS_NEEDS),
    (CLOSE_RULES, CLOSE_NEEDS),
)

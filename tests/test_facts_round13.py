"""Facts from opening stories in the words of the thirteenth blind development round (the
kind of aggression and the line manager): the melder's private life known, remarks on
origin or skin, sexual noises and gestures, a threat told as said ("told me hed stab
me"), "mouthing off", "maak ik je af"; a manager who is the problem, "nie" for "niet",
"fine with my manager being involved"."""

from __future__ import annotations

import pytest

from nlu.facts import extract_facts
from tests.test_facts_round9 import NOW


def fact(name: str, text: str, *, lang: str) -> object:
    found = extract_facts(text, reference=NOW, timezone="Europe/Amsterdam", lang=lang, only=[name])
    return found[name].value if name in found else None


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        ("en", "a visitor told me he knows which school my kids go to", "persoonlijk"),
        ("nl", "de vader zei dat hij weet waar mijn man werkt", "persoonlijk"),
        ("nl", "ze maakte steeds opmerkingen over mijn hoofddoek en mijn afkomst", "persoonlijk"),
        ("en", "the client kept making kissing noises when i walked past", "persoonlijk"),
        ("nl", "meneer maakte schunnige gebaren tijdens het wassen", "persoonlijk"),
        ("en", "the boy told me hed stab me if i came closer", "verbaal"),
        ("en", "a resident was mouthing off at me all evening", "verbaal"),
        ("nl", "hij zei 'nog een keer en ik maak ik je af'", "verbaal"),
    ],
)
def test_the_kind_of_aggression(lang: str, text: str, kind: str) -> None:
    assert fact("aro_category", text, lang=lang) == kind


@pytest.mark.parametrize(
    ("lang", "text", "excluded"),
    [
        ("en", "he swore at me. my supervisor is the one i have issues with", True),
        ("nl", "hij schold me uit, wil liever nie dat mn teamleider dit leest", True),
        ("en", "she spat at me. i'm fine with my manager being involved", False),
    ],
)
def test_the_line_manager(lang: str, text: str, excluded: bool) -> None:
    assert fact("exclude_line_manager", text, lang=lang) is excluded

"""The kind of aggression in the words of the fifteenth blind facts round: advances and
remarks on who the melder is ("asked if ive got a boyfriend", "a friend request and
messages that im gorgeous", "vrouwen horen niet te werken"), their private life looked up,
someone staring at the staff entrance for weeks; a trip, a gob, whacking; threats of what
comes next ("dan weet je wat er gebeurt", "you'll regret it") and swearing in slang.
Gestures without contact stay as the earlier rounds label them (their labels disagree)."""

from __future__ import annotations

import pytest

from tests.test_facts_round13 import fact


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        ("en", "pt keeps asking if ive got a boyfriend", "persoonlijk"),
        (
            "nl",
            "pt stuurde me een vriendschapsverzoek en berichtjes dat ie me mooi vindt",
            "persoonlijk",
        ),
        (
            "nl",
            "cliënt zei dat vrouwen niet horen te werken maar thuis bij de kinderen",
            "persoonlijk",
        ),
        ("nl", "hij wist mn achternaam, had me opgezocht", "persoonlijk"),
        ("en", "mr keeps commenting on my chest when i help him get dressed", "persoonlijk"),
        ("en", "young person stuck his foot out on purpose and i went flying", "fysiek"),
        ("nl", "jongere zette expres een beentje in de gang waardoor ik viel", "fysiek"),
        ("en", "she gobbed at me as i walked away", "fysiek"),
        ("nl", "Hij zei: als je nog 1 keer nee zegt dan weet je wat er gebeurt.", "verbaal"),
        ("en", "She told me if I said no one more time I would regret it.", "verbaal"),
        ("en", "customer lost it, effing and blinding at me in front of the queue", "verbaal"),
        ("nl", "Mevrouw begon te tieren en riep dat ik een dom wijf was", "verbaal"),
    ],
)
def test_the_kind_of_aggression_of_the_fifteenth_round(lang: str, text: str, kind: str) -> None:
    assert fact("aro_category", text, lang=lang) == kind

"""Not now, said where a report waits to be sent: "ok wacht, nog niet", "send it after I've
talked to my husband", "klopt, maar wacht tot ik mn teamleider heb gesproken", "geef me ff
een dag". The report is kept for later; sending too early is the one mistake that cannot be
undone. The words are data: `defer` in dialogs/lexicon/guards.yml, read by
`word_orders.says`. (A day or "later" after a
sending word, "verstuur vrijdag maar", is `later` anywhere: `later_orders` there.)"""

from __future__ import annotations

from dialogs.word_orders import says
from nlu.phrases import tokens

__all__ = ["defers"]

#: The longest message read for it, in words.
_LONGEST = 25


def defers(text: str) -> bool:
    """Whether the message asks not to send the report now (not negated: "not now" in "why
    not now" is a question, read elsewhere first)."""
    words = tokens(text)
    if not words or len(words) > _LONGEST:
        return False
    return says("defer", text)

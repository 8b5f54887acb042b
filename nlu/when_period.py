"""What `nlu.when.resolve` finds (`Moment`), and a time said only as a period: "vorige
week", "a few days ago", "weken geleden", "last month". No day can be taken from those, but
the answer to "when?" they fall under can: in the past week, or longer ago; the melder's
words are kept beside it, so the aanspreekpunt reads "In de afgelopen week: vorige week"
and the melder is not asked again what they already said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time
from typing import Any

__all__ = ["EARLIER", "PAST_WEEK", "Moment", "period_said"]

#: The answers to "when?" a period falls under (the ids of the report's options).
PAST_WEEK, EARLIER = "this_week", "earlier"


@dataclass(frozen=True)
class Moment:
    """When it happened: a local date (and time), still going on, or only a period; with
    the words said."""

    date: date | None = None
    time: time | None = None
    ongoing: bool = False
    approximate: bool = False
    words: str = ""
    #: A period without a day (`PAST_WEEK`, `EARLIER`).
    period: str | None = None

    def as_value(self) -> dict[str, Any]:
        """The JSON form facts carry: {date, time?, approximate?} or {choice: ongoing,
        this_week or earlier}."""
        if self.ongoing:
            return {"choice": "ongoing"}
        if self.period is not None:
            return {"choice": self.period}
        value: dict[str, Any] = {"date": self.date.isoformat() if self.date else None}
        if self.time is not None:
            value["time"] = self.time.strftime("%H:%M")
            if self.approximate:
                value["approximate"] = True
        return value


_FEW = (
    r"(?:een paar|paar|enkele|a few|a couple of|couple of|a couple|een dag of (?:twee|drie|vier))"
)
_PERIODS = (
    (
        PAST_WEEK,
        re.compile(
            r"\b(?:vorige week|vorge week|afgelopen week|eerder deze week|begin deze week"
            r"|deze week|last week|this week|earlier this week|past week|the other day"
            rf"|{_FEW} dagen (?:geleden|terug)|{_FEW} days (?:ago|back)"
            r"|(?:een )?dag of (?:twee|drie|vier) (?:geleden|terug))\b"
        ),
    ),
    (
        EARLIER,
        re.compile(
            r"\b(?:vorige maand|afgelopen maand|vorig jaar|last month|last year"
            r"|(?:een paar |paar |enkele |twee |drie |2 |3 )?(?:weken|maanden|jaar)"
            r" (?:geleden|terug)"
            r"|(?:a few |a couple of |two |three |2 |3 )?(?:weeks|months|years) (?:ago|back)"
            r"|(?:een tijdje|tijdje|lang) (?:geleden|terug)|(?:a while|long|some time) ago"
            r"|(?:a while|a good while|some time|ages) back)\b"
        ),
    ),
)


def period_said(folded: str, text: str) -> Moment | None:
    """The period a folded text names without a day (the last one said), or None."""
    found: tuple[int, str, str] | None = None
    for period, regex in _PERIODS:
        for match in regex.finditer(folded):
            if found is None or match.start() > found[0]:
                found = (match.start(), period, text[match.start() : match.end()])
    if found is None:
        return None
    if _SINCE.search(folded, 0, found[0]) is not None:  # "sinds vorige week": still going on
        return Moment(ongoing=True, words=found[2].strip())
    return Moment(period=found[1], words=found[2].strip())


_SINCE = re.compile(r"\b(?:sinds|since|vanaf|from|begon|started|began) $")

"""Facts taken from what the melder already said: one extractor per fact, by name.

The cognitive-interview way: the melder tells the story first, and the bot then only asks
what the story did not say. `extract_facts` reads a story with every extractor (or the ones
a flow asks for) and returns, per fact, the value and the melder's own words:

| fact | value |
|---|---|
| `when` | {date: "2026-12-01", time: "16:30"} (the organisation's time zone) or {choice: ongoing} |
| `platform` | a platform option (instagram, whatsapp, telefoon, ...) |
| `handle` | an account name, phone number, e-mail address or link, as written |
| `location_kind` | ward, home_visit, reception, outside |
| `perpetrator_relation` | patient, naaste, bezoeker, onbekend |
| `aro_category` | verbaal, persoonlijk, fysiek |
| `team` | a team id of the organisation |
| `anonymous` | true or false, only when the melder says so in words |
| `reporter_name` | the name the melder gives (never when they ask for anonymity) |
| `exclude_line_manager` | true for "niet naar mijn leidinggevende", false when allowed |

Report fields name their extractor (`ReportField.extract` in dialogs/fields.py); an
unknown name is refused when the flows are built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime

from nlu import facts_acts, facts_handle, facts_people, facts_place, facts_relation, facts_team
from nlu.facts_base import Extracted, Story
from nlu.when_typos import resolve_with_typos

__all__ = ["EXTRACTORS", "Extracted", "Story", "extract_facts"]

Extractor = Callable[[Story], Extracted | None]


def _when(story: Story) -> Extracted | None:
    moment = resolve_with_typos(story.text, story.reference, story.timezone)
    return None if moment is None else Extracted(moment.as_value(), moment.words)


#: Every fact extractor, by the name report fields use.
EXTRACTORS: Mapping[str, Extractor] = {
    "when": _when,
    "platform": facts_place.platform,
    "handle": facts_handle.handle,
    "location_kind": facts_place.location_kind,
    "perpetrator_relation": facts_relation.perpetrator_relation,
    "aro_category": facts_acts.aro_category,
    "team": facts_team.team,
    "anonymous": facts_people.anonymous,
    "reporter_name": facts_people.reporter_name,
    "exclude_line_manager": facts_people.exclude_line_manager,
}


def extract_facts(
    text: str,
    *,
    reference: datetime,
    timezone: str,
    teams: Mapping[str, Sequence[str]] | None = None,
    lang: str = "nl",
    only: Iterable[str] | None = None,
) -> dict[str, Extracted]:
    """The facts a story states, by fact name (see the module's table).

    `reference` is when the melder wrote (aware), `timezone` the organisation's, `teams`
    maps team ids to their names in every language; `only` limits the facts read.
    """
    story = Story(text, reference, timezone, dict(teams or {}), lang)
    names = list(EXTRACTORS) if only is None else [n for n in only if n in EXTRACTORS]
    found = {}
    for name in names:
        extracted = EXTRACTORS[name](story)
        if extracted is not None:
            found[name] = extracted
    anonymous = found.get("anonymous")
    if anonymous is not None and anonymous.value is True:
        found.pop("reporter_name", None)  # asked to stay anonymous: no name is kept
    return found

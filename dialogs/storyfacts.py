"""Facts from the melder's story: read once, confirmed in one message, then not asked again.

The cognitive-interview way: free story first, then only what is missing. When the story
(the step marked `story`, together with the first sentence that started the report) tells
facts the report asks for, the facts are kept in the conversation state
(`ConversationState.facts`) and confirmed in one message ("Ik heb begrepen: gisteren rond
16:30, bij de balie, door een familielid. Klopt dat?"). Confirmed facts fill their steps'
slots through `ConversationState.prefill`, so those steps are skipped; the summary shows
them again and lets the melder change any of them.

A name in the story never decides anonymity: it is kept aside and offered at the name
question when the melder chooses to report with their name, unless the story itself asked
for that ("ik meld dit met mijn naam").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date

from dialogs import facttexts as ft
from dialogs.care import note_story
from dialogs.fields import FIELDS, ONGOING_OPTION, WHEN_OPTIONS, Fields, FieldType, ReportField
from dialogs.flow import Flow, Option, Step
from dialogs.i18n import Translator
from dialogs.organisation import Organisation, localized
from dialogs.turn import Turn
from nlu.facts import EXTRACTORS, Extracted, extract_facts
from nlu.when_typos import resolve_with_typos

#: A first message is the whole story when it tells this many facts, or is this long.
STORY_FACTS = 3
STORY_WORDS = 15
#: Facts kept aside, not confirmed with the rest (see the module docstring).
_ASIDE = "reporter_name"
#: The fact that fills a report's time, and the slots it writes besides its own.
WHEN = "when"
WHEN_WORDS, WHEN_AT = "occurred", "occurred_at"


def extractor_problems(fields: Fields) -> list[str]:
    """Report fields naming an extractor that does not exist, or one another field uses."""
    problems = []
    seen: dict[str, str] = {}
    for field in fields:
        if field.extract is None:
            continue
        if field.extract not in EXTRACTORS:
            problems.append(f"field {field.name!r} uses unknown extractor {field.extract!r}")
        elif field.extract in seen:
            problems.append(
                f"field {field.name!r} uses extractor {field.extract!r}, which already "
                f"fills {seen[field.extract]!r}"
            )
        seen.setdefault(field.extract, field.name)
    return problems


def flow_facts(flow: Flow, fields: Fields) -> dict[str, tuple[Step, ReportField]]:
    """The facts a flow asks for, by extractor name, with the step and field they fill."""
    found: dict[str, tuple[Step, ReportField]] = {}
    for step in flow.steps:
        field = fields.get(step.slot or "")
        if field is not None and field.extract is not None and not step.review:
            found.setdefault(field.extract, (step, field))
    return found


# ------------------------------------------------------------------------- reading


def team_names(org: Organisation) -> dict[str, list[str]]:
    """Every team's names in every language and its aliases, by team id."""
    return {
        team.id: sorted({*(localized(team.name, lang) for lang in ("nl", "en")), *team.aliases})
        for team in org.teams
    }


def read(turn: Turn, text: str, only: Iterable[str]) -> dict[str, Extracted]:
    """The facts named in `only` that `text` states, read at this turn's moment, in the
    organisation's time zone and with its teams."""
    return extract_facts(
        text,
        reference=turn.unit.clock(),
        timezone=turn.org.timezone,
        teams=team_names(turn.org) if len(turn.org.teams) > 1 else {},
        lang=turn.tr.lang,
        only=only,
    )


def extract(turn: Turn, flow: Flow, text: str) -> dict[str, Extracted]:
    """The facts `flow` asks for that `text` states."""
    return read(turn, text, flow_facts(flow, turn.env.fields))


#: Facts that tell which report a story is when its words named none, in this order: a
#: platform makes it an online threat, an act of aggression (an ARO kind) aggression.
_KIND_BY_FACT = (("platform", "report_online_threat"), ("aro_category", "report_aggression"))


def report_kind(turn: Turn, text: str) -> str | None:
    """The report intent the facts of a short story choose ("iemand schold me uit",
    "fysiek", "hij bedreigde me op insta"), if they choose one."""
    found = read(turn, text, [fact for fact, _ in _KIND_BY_FACT])
    return next((intent for fact, intent in _KIND_BY_FACT if fact in found), None)


def answer_fact(
    turn: Turn, step: Step, offered: Iterable[Option], text: str, *, tie: bool = False
) -> Option | None:
    """The option an answer in words states by its field's extractor, the one that reads
    the story ("ze spuugde me in mijn gezicht" is physical at the ARO question): what a
    story is understood to say, an answer to the question is understood to say too.

    A `tie` (the words give two options) is only settled for a choice among kinds, where
    the extractor weighs them (pushing outweighs shouting); a yes and a no in one answer
    ("nee hoor, mag best") stay a question to the melder."""
    field = turn.env.fields.get(step.slot or "")
    if field is None or field.extract is None:
        return None
    if tie and field.type is not FieldType.CHOICE:
        return None
    found = read(turn, text, (field.extract,)).get(field.extract)
    if found is None:
        return None
    value = found.value
    if field.extract == WHEN:  # a moment: the option it falls under, the words kept aside
        value = value.get("choice") or when_choice(
            date.fromisoformat(value["date"]),
            turn.unit.clock().astimezone(ZoneInfo(turn.org.timezone)).date(),
        )
    return next((o for o in offered if o.stored == value or o.id == str(value)), None)


def keep(turn: Turn, facts: Mapping[str, Extracted]) -> None:
    """Keep facts to be confirmed; earlier ones that were not used yet are forgotten."""
    turn.state.facts = {name: fact.as_json() for name, fact in facts.items()}
    turn.state.prefill.clear()


def read_opening(turn: Turn, flow: Flow, text: str) -> None:
    """A first sentence started this report: keep it and what it tells, and when it tells
    the story already, take it as the story (its question is then not asked)."""
    turn.state.opening = text
    note_story(turn, text)
    slot = flow.story_slot
    if slot is None:
        turn.state.facts = {}
        return
    facts = extract(turn, flow, text)
    keep(turn, facts)
    told = [n for n in facts if n != _ASIDE]
    if len(told) >= STORY_FACTS or len(text.split()) >= STORY_WORDS:
        turn.state.prefill[slot] = text
        turn.say(turn.tr(ft.STORY_TAKEN))


def read_story(turn: Turn) -> None:
    """The melder told the story: read it for the facts the report asks for, together
    with what the first sentence told (each text is read once)."""
    assert turn.flow is not None
    assert turn.step is not None
    if turn.state.editing or turn.step.slot is None:
        return  # a story changed from the summary leaves the other answers alone
    story = str(turn.slots.get(turn.step.slot) or "")
    opening = turn.state.opening
    if opening and story == opening:
        return  # the first sentence is the story: it was read when it arrived
    note_story(turn, story)
    told = extract(turn, turn.flow, story)
    if opening and opening not in story:
        told = merged(pending(turn), told)
    keep(turn, told)


def merged(first: Mapping[str, Extracted], then: Mapping[str, Extracted]) -> dict[str, Extracted]:
    """Facts of two texts: where they disagree nothing is taken (the question is asked),
    except a time, which makes the same day more precise."""
    found = dict(first)
    for name, fact in then.items():
        earlier = found.get(name)
        if earlier is None or earlier.value == fact.value:
            found[name] = fact
        elif name == WHEN and _same_day(earlier, fact):
            found[name] = fact if fact.value.get("time") else earlier
        else:
            del found[name]
    return found


def _same_day(one: Extracted, other: Extracted) -> bool:
    return bool(one.value.get("date")) and one.value.get("date") == other.value.get("date")


def pending(turn: Turn) -> dict[str, Extracted]:
    """The facts taken from the story and not used yet."""
    return {name: Extracted.from_json(data) for name, data in turn.state.facts.items()}


def shown(turn: Turn) -> list[tuple[str, Extracted, ReportField]]:
    """The facts to confirm, in the order the flow asks them."""
    assert turn.flow is not None
    facts = pending(turn)
    named = facts.get("anonymous")
    found = []
    for name, (_, field) in flow_facts(turn.flow, turn.env.fields).items():
        if name in facts and (name != _ASIDE or (named is not None and named.value is False)):
            found.append((name, facts[name], field))
    return found


# ------------------------------------------------------------------------ accepting


def accept(turn: Turn, drop: Iterable[str] = ()) -> None:
    """The melder confirmed the facts (but those in `drop`): their steps are skipped."""
    dropped = set(drop)
    now = turn.unit.clock()
    for name, fact, field in shown(turn):
        if name == _ASIDE and "anonymous" in dropped:
            continue  # the wish to be named was not right: the name is only offered
        del turn.state.facts[name]
        if name in dropped:
            continue
        values = slots_for(name, fact, field, now, turn.org.timezone)
        turn.state.prefill[field.name] = values.pop(field.name)
        turn.slots.update(values)


def slots_for(
    name: str, fact: Extracted, field: ReportField, now: datetime, tz: str
) -> dict[str, Any]:
    """The slots a fact fills: its field's, and for the time also the words and moment."""
    if name != WHEN:
        return {field.name: fact.value}
    value: Mapping[str, Any] = fact.value
    if value.get("choice"):
        return {field.name: value["choice"], WHEN_WORDS: fact.words}
    day = date.fromisoformat(value["date"])
    at: str = day.isoformat()
    if value.get("time"):
        moment = datetime.combine(day, time.fromisoformat(value["time"]), ZoneInfo(tz))
        at = moment.isoformat()
    today = now.astimezone(ZoneInfo(tz)).date()
    return {field.name: when_choice(day, today), WHEN_WORDS: fact.words, WHEN_AT: at}


#: The last day of "in the past week": people say it of last Saturday on a Wednesday.
PAST_WEEK_DAYS = 6


def when_choice(day: date, today: date) -> str:
    """The 'when' option a date falls under (kept for exports and statistics): a rolling
    week, not the calendar's, as melders read "in de afgelopen week"."""
    days = (today - day).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return "this_week" if days <= PAST_WEEK_DAYS else "earlier"


def resolve_answer(turn: Turn) -> None:
    """A typed or chosen answer to the 'when' question, resolved to a date (and time):
    "vanochtend" is stored as today's date, the words kept beside it."""
    assert turn.step is not None
    slot, words_slot = turn.step.slot, turn.step.free_text_slot
    if slot is None or words_slot is None:
        return
    now, tz = turn.unit.clock(), turn.org.timezone
    turn.slots.pop(WHEN_AT, None)
    chosen, words = turn.slots.get(slot), turn.slots.get(words_slot)
    today = now.astimezone(ZoneInfo(tz)).date()
    if words:
        moment = resolve_with_typos(str(words), now, tz)
        if moment is not None:
            field = turn.env.fields.get(slot)
            assert field is not None
            fact = Extracted(moment.as_value(), str(words))
            turn.slots.update(slots_for(WHEN, fact, field, now, tz))
            turn.slots[words_slot] = words
    elif chosen in ("today", "yesterday"):
        day = today if chosen == "today" else date.fromordinal(today.toordinal() - 1)
        turn.slots[WHEN_AT] = day.isoformat()


# ------------------------------------------------------------------------- phrasing


def phrases(turn: Turn) -> list[tuple[str, ReportField, str]]:
    """The confirmed facts as the confirmation says them ("gisteren rond 16:30"), with
    their fields; the name is said with the wish to report with it."""
    facts = shown(turn)
    name = next((f.value for n, f, _ in facts if n == _ASIDE), None)
    today = turn.unit.clock().astimezone(ZoneInfo(turn.org.timezone)).date()
    found = []
    for fact_name, fact, field in facts:
        if fact_name == _ASIDE:
            continue
        if fact_name == "anonymous" and fact.value is False and name:
            said = turn.tr(ft.NAMED_AS, name=name)
        else:
            said = phrase(fact_name, fact, field, turn.tr, turn.org, today)
        found.append((fact_name, field, said))
    return found


def said_now(turn: Turn, name: str, fact: Extracted, field: ReportField) -> str:
    """One fact as the bot says it back at this turn ("eergisteren", "door een bezoeker")."""
    today = turn.unit.clock().astimezone(ZoneInfo(turn.org.timezone)).date()
    return phrase(name, fact, field, turn.tr, turn.org, today)


def phrase(
    name: str,
    fact: Extracted,
    field: ReportField,
    tr: Translator,
    org: Organisation,
    today: date,
) -> str:
    """One fact as the confirmation says it ("gisteren rond 16:30", "bij de balie")."""
    value = fact.value
    if name == WHEN:
        return _when_phrase(value, tr, today, fact.words)
    if name in ft.PHRASES and value in ft.PHRASES[name]:
        return tr(ft.PHRASES[name][value])
    if name == "platform":
        label = field.option_label(value)
        return tr(ft.VIA, platform=tr(label) if label else str(value))
    if name == "handle":
        return tr(ft.FROM, handle=value)
    if name == "team":
        team = next((t for t in org.teams if t.id == value), None)
        return tr(ft.WORKS_AT, team=localized(team.name, tr.lang) if team else value)
    return str(value)


def _when_phrase(value: Mapping[str, Any], tr: Translator, today: date, words: str) -> str:
    choice = value.get("choice")
    if choice == ONGOING_OPTION:
        return tr(ft.ONGOING)
    if choice:  # only a period ("vorige week"): as they said it, else its option
        label = next((o.label for o in WHEN_OPTIONS if o.id == choice), str(choice))
        return words or tr(label).lower()
    day = date.fromisoformat(value["date"])
    if day == today:
        said = tr(ft.TODAY)
    elif (today - day).days == 1:
        said = tr(ft.YESTERDAY)
    else:
        said = format_date(day, "EEEE d MMMM", locale=tr.lang)
    if not value.get("time"):
        # A time too unclear to take ("vannacht rond 3 uur") is shown in the melder's words,
        # so they see it was read, as the summary and the case show it.
        if not _DIGIT.search(words):
            return said
        return (
            words
            if said.casefold() in words.casefold()
            else tr(ft.DAY_AS_SAID, day=said, words=words)
        )
    template = ft.AROUND_TIME if value.get("approximate") else ft.AT_TIME
    return tr(template, day=said, time=value["time"])


_DIGIT = re.compile(r"\d")


def understood_text(turn: Turn) -> str | None:
    """'I have understood: yesterday around 16:30, at the reception or desk.'"""
    said = [p for _, _, p in phrases(turn)]
    return turn.tr(ft.UNDERSTOOD, facts=", ".join(said)) if said else None


def item_options(turn: Turn) -> tuple[Option, ...]:
    """One option per confirmed fact, to pick the one that is not right."""
    return tuple(
        Option(
            name,
            turn.tr(ft.ITEM, label=turn.tr(field.label), value=said),
            synonyms=ITEM_WORDS.get(name, ()),
        )
        for name, field, said in phrases(turn)
    )


#: Words that name a fact when the melder says which one is not right (its field's
#: `named_by`).
ITEM_WORDS: dict[str, tuple[str, ...]] = {
    field.extract: field.named_by for field in FIELDS if field.extract and field.named_by
}

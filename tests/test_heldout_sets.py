"""The held-out evaluation sets below nlu/heldout/ (answers, facts, guards, danger).

They measure how well the bot understands people who answer in their own words, so they
are never training data. These tests check that every file is well-formed and big enough,
that every `expect` names an option that exists in the flows or the example organisation,
and that no held-out text repeats an option label, an option synonym or a training example.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
import yaml

from dialogs.flow import Flow, Option, Step
from dialogs.i18n import translator
from dialogs.organisation import Organisation, load_organisation
from dialogs.registry import REGISTRY, build_flows
from dialogs.turn import Turn
from nlu.training_data import load_training_data

PROJECT = Path(__file__).resolve().parent.parent
HELDOUT = PROJECT / "nlu" / "heldout"
EXAMPLE = PROJECT / "config" / "organisation.example.yml"
LANGUAGES = ("nl", "en")

MIN_ANSWERS = 30
MIN_PER_FACT = 40
MIN_GUARDS = 25
MIN_DANGER_NOW = 60
MIN_PAST = 40

REPORTS = ("online_threat", "aggression")
ALL_KINDS = (*REPORTS, "niet_pluis")

#: (question, flows) pairs every answers file covers; "where" is asked twice, differently.
QUESTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("when", REPORTS),
    ("where", ("aggression",)),
    ("where", ("online_threat",)),
    ("aro", ("aggression",)),
    ("who", REPORTS),
    ("impact", REPORTS),
    ("anonymity", ALL_KINDS),
    ("line_manager", REPORTS),
    ("about", ("niet_pluis",)),
    ("mode", ("niet_pluis",)),
    ("summary", ALL_KINDS),
    ("score", ("checkin",)),
    ("share", ("checkin",)),
    ("callback", ("aftercare",)),
    ("delete_confirm", ("privacy",)),
    ("team", ALL_KINDS),
    ("evidence_more", REPORTS),
    ("contact_pref", REPORTS),
)

#: Documented `expect` values that are not option ids: more story at the evidence step, and
#: "no preference" at the contact question (the option with id "none").
SPECIAL: Mapping[str, Mapping[str, str | None]] = {
    "evidence_more": {"story": None},
    "contact_pref": {"any": "none"},
}

FACT_KEYS = (
    "when",
    "platform",
    "handle",
    "location_kind",
    "perpetrator_relation",
    "aro_category",
    "team",
    "anonymous",
    "exclude_line_manager",
    "reporter_name",
)
#: The kinds of story that can carry a fact: the ones whose flow asks it (niet-pluis asks
#: no when, who or line manager; team, anonymity and name are asked in every flow).
FACT_KINDS: Mapping[str, tuple[str, ...]] = {
    "when": REPORTS,
    "platform": ("online_threat",),
    "handle": ("online_threat",),
    "location_kind": ("aggression",),
    "perpetrator_relation": REPORTS,
    "aro_category": ("aggression",),
    "exclude_line_manager": REPORTS,
}
GUARD_KINDS = (
    "cancel",
    "back",
    "menu",
    "question",
    "question_anonymity",
    "distress",
    "language_en",
    "language_nl",
)

FLOWS: Mapping[str, Flow] = build_flows()
ORG: Organisation = load_organisation(EXAMPLE)


def _load(kind: str, lang: str) -> Any:
    path = HELDOUT / kind / f"{lang}.yml"
    assert path.is_file(), f"missing held-out file {path.relative_to(PROJECT)}"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _step(flow: str, name: str) -> Step:
    found = [s for s in FLOWS[flow].steps if s.name == name]
    assert found, f"flow {flow} has no step {name}"
    return found[0]


def _options(step: Step, lang: str) -> tuple[Option, ...]:
    """The options of a step, with the lists the example organisation gives (teams, roles)."""
    if step.options_from is None:
        return step.options
    source = REGISTRY.option_sources[step.options_from]
    turn = cast(Turn, SimpleNamespace(org=ORG, tr=translator(lang)))
    return (*source(turn), *step.options)


def _option_ids(flow: str, step_name: str) -> set[str]:
    return {o.id for o in _options(_step(flow, step_name), "nl")}


#: Shorter texts may equal a synonym or a training example by chance ("ja", "nope", "IG"):
#: people answer in the same few words. A label is never allowed.
_CHANCE_WORDS = 3


@cache
def _labels() -> frozenset[str]:
    """Every option label of the bot (both languages), normalised."""
    texts: set[str] = set()
    for lang in LANGUAGES:
        tr = translator(lang)
        for flow in FLOWS.values():
            for step in flow.steps:
                if step.options_from not in (None, "roles"):
                    continue
                for option in _options(step, lang):
                    texts.update({option.label, tr(option.label)})
    return frozenset(_norm(t) for t in texts)


@cache
def _forbidden() -> frozenset[str]:
    """Every option label (both languages), option synonym and training example, normalised."""
    texts: set[str] = set()
    for lang in LANGUAGES:
        tr = translator(lang)
        for flow in FLOWS.values():
            for step in flow.steps:
                # Case lists and own reports: nothing a melder would type. Teams: their
                # names and aliases are the organisation's configuration, which melders
                # legitimately type ("HAP"), not the bot's vocabulary.
                if step.options_from not in (None, "roles"):
                    continue
                for option in _options(step, lang):
                    texts.update({option.label, tr(option.label), *option.synonyms})
    data = load_training_data(*sorted((PROJECT / "nlu" / "data").rglob("nlu.yml")))
    texts.update(e.text for e in data.examples)
    return frozenset(_norm(t) for t in texts)


def _assert_fresh(texts: list[str], where: str) -> None:
    forbidden = _forbidden()
    labels = _labels()
    copied = sorted(
        {
            t
            for t in texts
            if _norm(t) in labels or (_norm(t) in forbidden and len(t.split()) > _CHANCE_WORDS)
        }
    )
    assert not copied, (
        f"{where}: texts equal to an option label, or to a synonym or example of more than "
        f"{_CHANCE_WORDS} words: {copied}"
    )
    twice = sorted(t for t, n in Counter(_norm(t) for t in texts).items() if n > 1)
    assert not twice, f"{where}: texts given twice: {twice}"


def _reference(raw: object) -> datetime:
    assert isinstance(raw, str)
    moment = datetime.fromisoformat(raw)
    assert moment.tzinfo is not None, "the reference moment needs a UTC offset"
    return moment


# --------------------------------------------------------------------------- answers


def _answer_entries(lang: str) -> Iterator[tuple[str, str, tuple[str, ...], list[Any]]]:
    doc = _load("answers", lang)
    assert isinstance(doc, dict)
    assert set(doc) == {"reference", "questions"}
    _reference(doc["reference"])
    assert isinstance(doc["questions"], list)
    for entry in doc["questions"]:
        assert isinstance(entry, dict)
        assert set(entry) <= {"question", "step", "flows", "answers"}, entry.keys()
        question, flows, answers = entry["question"], entry["flows"], entry["answers"]
        assert isinstance(question, str)
        assert isinstance(flows, list)
        assert flows
        assert all(isinstance(f, str) and f in FLOWS for f in flows), flows
        assert isinstance(answers, list)
        step = entry.get("step", question)
        assert isinstance(step, str)
        yield question, step, tuple(flows), answers


@pytest.mark.parametrize("lang", LANGUAGES)
def test_answers_cover_every_question_with_enough_fresh_answers(lang: str) -> None:
    seen: list[tuple[str, tuple[str, ...]]] = []
    for question, step, flows, answers in _answer_entries(lang):
        where = f"answers/{lang}.yml {question} {list(flows)}"
        seen.append((question, flows))
        assert len(answers) >= MIN_ANSWERS, f"{where}: {len(answers)} answers"
        special = SPECIAL.get(question, {})
        for flow in flows:
            ids = _option_ids(flow, step)
            assert not set(special) & ids, f"{where}: a special value is also an option id"
            expected: set[str] = set()
            for answer in answers:
                assert isinstance(answer, dict)
                assert set(answer) == {"text", "expect"}, answer
                text, expect = answer["text"], answer["expect"]
                assert isinstance(text, str)
                assert text.strip()
                assert isinstance(expect, str), f"{where}: quote the id {expect!r}"
                assert expect in ids or expect in special, f"{where}: unknown id {expect!r}"
                expected.add(special.get(expect) or expect)
            missing = ids - expected
            assert not missing, f"{where}: no answer for option(s) {sorted(missing)} in {flow}"
        # The same short answer may fit two questions ("nee" to the call-back and to sharing).
        _assert_fresh([a["text"] for a in answers], where)
    assert sorted(seen) == sorted(QUESTIONS), f"answers/{lang}.yml: wrong set of questions"


# --------------------------------------------------------------------------- facts


def _check_when(value: object, reference: date, where: str) -> None:
    assert isinstance(value, dict), where
    if "choice" in value:
        assert set(value) == {"choice"}, where
        assert value["choice"] in _option_ids("aggression", "when"), where
        return
    assert set(value) in ({"date"}, {"date", "time"}), where
    assert isinstance(value["date"], str), f"{where}: quote the date"
    assert date.fromisoformat(value["date"]) <= reference, f"{where}: a date after the message"
    if "time" in value:
        assert isinstance(value["time"], str), f"{where}: quote the time"
        assert re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value["time"]), where


def _check_fact(key: str, value: object, story: Mapping[str, Any], reference: date) -> None:
    where = f"{key} in {story['text'][:60]!r}"
    kind = story["kind"]
    assert kind in FACT_KINDS.get(key, ALL_KINDS), f"{where}: not a fact of a {kind} story"
    if key == "when":
        _check_when(value, reference, where)
    elif key in ("anonymous", "exclude_line_manager"):
        assert isinstance(value, bool), where
    elif key in ("handle", "reporter_name"):
        assert isinstance(value, str), where
        assert value.strip(), where
        assert value in story["text"], f"{where}: {value!r} is not written in the text"
    else:
        step = {
            "platform": ("online_threat", "where"),
            "location_kind": ("aggression", "where"),
            "perpetrator_relation": ("aggression", "who"),
            "aro_category": ("aggression", "aro"),
            "team": ("aggression", "team"),
        }[key]
        ids = _option_ids(*step) - {"none"}
        assert value in ids, f"{where}: unknown id {value!r}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_facts_stories_are_well_formed_and_every_fact_is_tested_often(lang: str) -> None:
    doc = _load("facts", lang)
    assert isinstance(doc, dict)
    assert set(doc) == {"reference", "timezone", "stories"}
    reference = _reference(doc["reference"]).date()
    assert doc["timezone"] == ORG.timezone
    stories = doc["stories"]
    assert isinstance(stories, list)
    counts: Counter[str] = Counter()
    for story in stories:
        assert isinstance(story, dict)
        assert set(story) == {"text", "kind", "expect"}, story
        assert isinstance(story["text"], str)
        assert story["text"].strip()
        assert story["kind"] in ALL_KINDS, story["kind"]
        expect = story["expect"] or {}
        assert isinstance(expect, dict), story["text"]
        unknown = set(expect) - set(FACT_KEYS)
        assert not unknown, f"unknown fact(s) {sorted(unknown)} in {story['text'][:60]!r}"
        for key, value in expect.items():
            _check_fact(key, value, story, reference)
        counts.update(list(expect))
    low = {k: counts[k] for k in FACT_KEYS if counts[k] < MIN_PER_FACT}
    assert not low, f"facts/{lang}.yml: facts in too few stories: {low}"
    _assert_fresh([s["text"] for s in stories], f"facts/{lang}.yml")


# --------------------------------------------------------------------------- guards, danger


@pytest.mark.parametrize("lang", LANGUAGES)
def test_guards_cover_every_kind(lang: str) -> None:
    doc = _load("guards", lang)
    assert isinstance(doc, dict)
    assert set(doc) == {"guards"}
    guards = doc["guards"]
    assert isinstance(guards, list)
    assert len(guards) >= MIN_GUARDS
    for guard in guards:
        assert isinstance(guard, dict)
        assert set(guard) == {"text", "expect"}, guard
        assert isinstance(guard["text"], str)
        assert guard["text"].strip()
        assert guard["expect"] in GUARD_KINDS, guard
    per_kind = Counter(g["expect"] for g in guards)
    thin = {k: per_kind[k] for k in GUARD_KINDS if per_kind[k] < 2}
    assert not thin, f"guards/{lang}.yml: kinds with fewer than two guards: {thin}"
    _assert_fresh([g["text"] for g in guards], f"guards/{lang}.yml")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_danger_sets_are_big_enough_and_apart(lang: str) -> None:
    doc = _load("danger", lang)
    assert isinstance(doc, dict)
    assert set(doc) == {"danger_now", "past"}
    now, past = doc["danger_now"], doc["past"]
    assert isinstance(now, list)
    assert isinstance(past, list)
    assert all(isinstance(t, str) and t.strip() for t in [*now, *past])
    assert len(now) >= MIN_DANGER_NOW, len(now)
    assert len(past) >= MIN_PAST, len(past)
    _assert_fresh([*now, *past], f"danger/{lang}.yml")


def test_the_heldout_files_are_package_data() -> None:
    config = (PROJECT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"heldout/**/*.yml"' in config

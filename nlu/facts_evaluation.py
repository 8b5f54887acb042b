"""How well the fact extractors read stories: per fact and language, right, wrong, missed
and false extractions, on story sets in the held-out format:

```yaml
reference: "2026-12-02T10:00:00+01:00"
timezone: Europe/Amsterdam
stories:
  - text: "..."
    kind: aggression          # aggression | online_threat | niet_pluis
    expect: {when: {date: "2026-12-01", time: "16:30"}, perpetrator_relation: naaste}
```

A fact a story does not list must not be extracted. Only the facts the story's report kind
asks for are scored (`facts_by_kind`, from the flows): the bot reads no others. The share
right is right / (right + wrong + missed + false): stories that rightly give nothing for a
fact are counted apart (`absent`), so saying nothing never looks good.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from nlu.facts import EXTRACTORS, extract_facts

__all__ = [
    "FactScore",
    "FactsGate",
    "FactsReport",
    "Outcome",
    "evaluate_facts",
    "load_facts_gate",
    "load_story_set",
    "story_files",
]

#: The NLU quality gate; its `facts` section holds the targets for fact extraction.
QUALITY_FILE = Path(__file__).resolve().parent / "quality.yml"

#: The parts of a `when` value that are compared ("approximate" is how it was said).
_WHEN_KEYS = ("date", "time", "choice")


@dataclass(frozen=True)
class Story:
    """One story of a set, with the facts it states."""

    text: str
    kind: str
    expect: Mapping[str, Any]


@dataclass(frozen=True)
class StorySet:
    """A file of stories, read against its own reference moment."""

    lang: str
    reference: datetime
    timezone: str
    stories: tuple[Story, ...]


@dataclass
class FactScore:
    """How one fact did."""

    right: int = 0
    wrong: int = 0
    missed: int = 0
    false: int = 0
    absent: int = 0

    @property
    def scored(self) -> int:
        """Stories where the fact was expected or extracted."""
        return self.right + self.wrong + self.missed + self.false

    @property
    def share_right(self) -> float:
        """Right among the scored (1.0 when nothing was scored)."""
        return self.right / self.scored if self.scored else 1.0

    def add(self, other: FactScore) -> None:
        """Count another score in."""
        for name in ("right", "wrong", "missed", "false", "absent"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True)
class Outcome:
    """One fact of one story that was not right: what was expected and what was read."""

    lang: str
    fact: str
    kind: str  # wrong | missed | false
    text: str
    expected: Any
    got: Any


@dataclass
class FactsReport:
    """Scores per language and fact, and every story fact that was not right."""

    scores: dict[str, dict[str, FactScore]] = field(default_factory=dict)
    errors: list[Outcome] = field(default_factory=list)

    def per_fact(self, lang: str | None = None) -> dict[str, FactScore]:
        """Scores per fact, for one language or all together."""
        found: dict[str, FactScore] = {}
        for language, facts in self.scores.items():
            if lang is None or language == lang:
                for name, score in facts.items():
                    found.setdefault(name, FactScore()).add(score)
        return dict(sorted(found.items()))

    def overall(self, lang: str | None = None) -> FactScore:
        """All facts together, for one language or all."""
        total = FactScore()
        for score in self.per_fact(lang).values():
            total.add(score)
        return total

    def summary(self, *, show_texts: bool = True) -> str:
        """A table per language (and all), then the facts that were not right (without
        their stories when not `show_texts`: a blind set's misses stay unread)."""
        lines = []
        for lang in [*sorted(self.scores), None]:
            lines.append(f"facts, {lang or 'all'}:")
            head = ("fact", "right", "wrong", "missed", "false")
            lines.append("  {:<22} {:>6} {:>6} {:>6} {:>6}  share".format(*head))
            for name, s in [*self.per_fact(lang).items(), ("overall", self.overall(lang))]:
                lines.append(
                    f"  {name:<22} {s.right:>6} {s.wrong:>6} {s.missed:>6} {s.false:>6}"
                    f"  {s.share_right:6.1%}"
                )
        for error in self.errors if show_texts else ():
            lines.append(
                f"{error.kind} {error.lang} {error.fact}: expected {error.expected!r}, "
                f"got {error.got!r}: {error.text[:120]}"
            )
        return "\n".join(lines)

    def as_json(self) -> dict[str, Any]:
        """The report as a JSON document (`nlu test --facts` writes it)."""

        def scores(lang: str | None) -> dict[str, Any]:
            facts = {**self.per_fact(lang), "overall": self.overall(lang)}
            return {
                name: {
                    "right": s.right,
                    "wrong": s.wrong,
                    "missed": s.missed,
                    "false": s.false,
                    "absent": s.absent,
                    "share_right": round(s.share_right, 4),
                }
                for name, s in facts.items()
            }

        return {
            "per_language": {lang: scores(lang) for lang in sorted(self.scores)},
            "all": scores(None),
            "errors": [error.__dict__ for error in self.errors],
        }


def load_story_set(path: Path) -> StorySet:
    """A story file; its language is the file's name (nl.yml, en.yml)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    stories = tuple(
        Story(str(s["text"]), str(s["kind"]), dict(s.get("expect") or {}))
        for s in data.get("stories") or []
    )
    reference = datetime.fromisoformat(str(data["reference"]))
    # "nl.yml", "nl-round2.yml": the language is the name up to the first "-".
    return StorySet(path.stem.split("-")[0], reference, str(data["timezone"]), stories)


def story_files(source: Path) -> list[Path]:
    """The story files of a folder (or the one file given); none when there is nothing."""
    if source.is_dir():
        return sorted(source.glob("*.yml"))
    return [source] if source.is_file() else []


def evaluate_facts(
    sets: Iterable[StorySet],
    *,
    facts_by_kind: Mapping[str, Sequence[str]],
    teams: Mapping[str, Sequence[str]],
) -> FactsReport:
    """Read every story of the sets and score each fact its kind asks for."""
    report = FactsReport()
    for story_set in sets:
        scores = report.scores.setdefault(story_set.lang, {})
        for story in story_set.stories:
            names = [n for n in facts_by_kind.get(story.kind, ()) if n in EXTRACTORS]
            found = extract_facts(
                story.text,
                reference=story_set.reference,
                timezone=story_set.timezone,
                teams=teams,
                lang=story_set.lang,
                only=names,
            )
            for name in names:
                got = _comparable(name, found[name].value) if name in found else None
                expected = _comparable(name, story.expect.get(name))
                kind = _outcome(expected, got)
                score = scores.setdefault(name, FactScore())
                setattr(score, kind, getattr(score, kind) + 1)
                if kind not in ("right", "absent"):
                    report.errors.append(
                        Outcome(story_set.lang, name, kind, story.text, expected, got)
                    )
    return report


def _comparable(name: str, value: Any) -> Any:
    if name == "when" and isinstance(value, Mapping):
        return {k: str(value[k]) for k in _WHEN_KEYS if value.get(k) is not None}
    if name == "reporter_name" and isinstance(value, str):
        return value.casefold()  # "anouk" typed is Anouk written: the same name
    return value


def _outcome(expected: Any, got: Any) -> str:
    if expected is None:
        return "absent" if got is None else "false"
    if got is None:
        return "missed"
    return "right" if got == expected else "wrong"


@dataclass(frozen=True)
class FactsGate:
    """The targets for fact extraction (nlu/quality.yml, `facts`)."""

    stories: Path
    min_overall: float
    min_per_fact: float

    def problems(self, report: FactsReport) -> list[str]:
        """What falls short of the targets, per language and together."""
        found = []
        for lang in [*sorted(report.scores), None]:
            where = lang or "all"
            overall = report.overall(lang).share_right
            if overall < self.min_overall:
                found.append(f"{where}: overall {overall:.1%} < {self.min_overall:.0%}")
            for name, score in report.per_fact(lang).items():
                if score.share_right < self.min_per_fact:
                    found.append(
                        f"{where}: {name} {score.share_right:.1%} < {self.min_per_fact:.0%}"
                    )
        return found


def load_facts_gate(path: Path = QUALITY_FILE) -> FactsGate:
    """The `facts` section of the quality gate; raises ValueError when it is wrong."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    try:
        facts = raw["facts"]
        return FactsGate(
            stories=path.parent / str(facts["stories"]),
            min_overall=float(facts["min_overall"]),
            min_per_fact=float(facts["min_per_fact"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{path}: invalid facts gate ({exc})") from exc

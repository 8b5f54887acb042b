"""How well the bot understands answers in people's own words (`zorgveilig nlu test`).

Every held-out answer (nlu/heldout/answers/{nl,en}.yml) is typed at its question in a
fresh chat of the real engine, on a throw-away database, and compared with pressing the
button the answer means: right when it leaves the conversation in the same place with
the same answer stored. A "do you mean ...?" counts as not right at the first try.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from bot.runtime import Runtime, build_runtime
from bot.settings import Settings
from dialogs.learned import ALIASES, ASKED_AT
from dialogs.messages import Incoming, Reply
from dialogs.state import ConversationState
from storage.base import utcnow

__all__ = [
    "AnswerReport",
    "answered_as_danger",
    "at_question",
    "evaluate_answers",
    "heldout_answer_files",
]

HELDOUT_DIR = Path(__file__).resolve().parent.parent / "nlu" / "heldout" / "answers"
#: In the answer to danger now, in both languages (the police's non-emergency number).
_EMERGENCY = "0900-8844"
#: Answers every report step may rely on having been given before.
_BEFORE: dict[str, Any] = {
    "description": "Een bezoeker schold me uit en dreigde me op te wachten na mijn dienst.",
    "occurred_choice": "yesterday",
    "location_kind": "reception",
    "platform": "instagram",
    "handle": "",
    "aro_category": "verbaal",
    "perpetrator_relation": "bezoeker",
    "evidence_done": "done",
    "impact": 3,
    "anonymous": True,
    "team": "none",
    "preferred_role": "none",
    "exclude_line_manager": False,
    "about": "situation",
    "niet_pluis_mode": "bespreken",
    "checkin_score": 3,
    "checkin_text": "Ik slaap slecht sinds het gebeurde.",
}


@dataclass
class QuestionScore:
    """The outcome for one question in one language."""

    right: int = 0
    guessed: int = 0
    wrong: list[tuple[str, str, str]] = field(default_factory=list)
    #: Ordinary answers the bot took for danger now (it answered with 112, alerted security).
    alarms: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        """How many answers were tried."""
        return self.right + self.guessed + len(self.wrong)

    @property
    def share(self) -> float:
        """The share understood right at the first try."""
        return self.right / self.total if self.total else 0.0


@dataclass
class AnswerReport:
    """Scores per (language, question)."""

    scores: dict[tuple[str, str], QuestionScore] = field(default_factory=dict)

    @property
    def overall(self) -> float:
        """The share right at the first try over all answers."""
        total = sum(s.total for s in self.scores.values())
        return sum(s.right for s in self.scores.values()) / total if total else 0.0

    def summary(self) -> str:
        """A table for the terminal: per question, right, asked back, wrong."""
        lines = ["answers in own words (right at the first try):"]
        for (lang, question), score in sorted(self.scores.items()):
            lines.append(
                f"  {lang} {question:<16} {score.share:6.1%}  ({score.right}/{score.total}, "
                f"{score.guessed} asked back, {len(score.wrong)} wrong)"
            )
        lines.append(f"  overall {self.overall:.1%}")
        total = sum(s.total for s in self.scores.values())
        alarms = sum(len(s.alarms) for s in self.scores.values())
        lines.append(f"  taken for danger now (112, security alerted): {alarms} of {total}")
        return "\n".join(lines)

    def failures(self) -> Iterator[str]:
        """The answers not understood: language, question, text, expected, got."""
        for (lang, question), score in sorted(self.scores.items()):
            for text, expected, got in score.wrong:
                yield f"{lang} {question}: {text!r} expected {expected}, got {got}"
            for text in score.alarms:
                yield f"{lang} {question}: {text!r} taken for danger now"


def heldout_answer_files(folder: Path = HELDOUT_DIR) -> list[Path]:
    """The held-out answer files, one per language."""
    return sorted(folder.glob("*.yml"))


def evaluate_answers(files: list[Path], settings: Settings | None = None) -> AnswerReport:
    """Type every held-out answer at its question and score it (see the module doc)."""
    report = AnswerReport()
    with tempfile.TemporaryDirectory(prefix="zv-answers-") as folder:
        base = settings or Settings()
        isolated = base.model_copy(
            update={
                "data_dir": Path(folder),
                "database_url": None,
                "nlu_model": base.model_path.resolve(),
            }
        )
        # The answers were written on their file's `reference` day ("gisteren", "dinsdag"):
        # the engine's clock stands there, so the sets score the same on any later day.
        moment: list[datetime] = [utcnow()]
        runtime = build_runtime(isolated, clock=lambda: moment[0])
        try:
            for path in files:
                lang = path.stem.split("-")[0]  # "nl.yml", "nl-2.yml"
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
                moment[0] = _reference(data)
                for entry in data["questions"]:
                    _question(runtime, lang, entry, report, source=path.stem)
        finally:
            runtime.close()
    return report


def _reference(data: Mapping[str, Any]) -> datetime:
    """The moment an answer file was written for (its `reference`), in UTC; now without."""
    found = data.get("reference")
    if not found:
        return utcnow()
    moment = datetime.fromisoformat(str(found))
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass
class _Probe:
    """Puts fresh chats at one question and reads where they end up."""

    runtime: Runtime
    lang: str
    flow: str
    step: str
    #: The answer file's name: chats of two files of one language stay apart.
    source: str = ""
    count: int = 0
    #: Whether the last message was answered as danger now.
    alarmed: bool = False
    #: Whether the last message named a new recipient at the summary ("liever naar de
    #: vertrouwenspersoon"), kept the line manager out ("not to my team leader") or opened
    #: the question to change ("ook naar mn leidinggevende" asks who receives it), or changed
    #: an answer ("it was tuesday not monday"): a change made at once, so an "edit".
    rerouted: bool = False

    def outcome(self, *, text: str = "", choice: str | None = None) -> tuple[Any, ...]:
        """Where a fresh chat at this question is after one message, and what it stored."""
        self.count += 1
        chat = f"eval-{self.source}-{self.flow}-{self.step}-{self.count}"
        engine, store = self.runtime.engine, self.runtime.store
        key = store.pseudonym("console", chat)
        reply = at_question(self.runtime, self.lang, self.flow, self.step, chat, text, choice)
        self.alarmed = answered_as_danger(reply)
        with store.unit() as unit:
            stored = unit.load_conversation(key, lock=False)
        if stored is None:
            return ("gone", None, (), False)
        after = ConversationState.from_stored(stored.state, self.lang)
        # Compared: the answer the question stores. Not what comes with typed words besides
        # it (the words themselves beside 'other', a moment resolved from them).
        asked = engine.flows[self.flow].step(self.step)
        self.rerouted = asked.review and (
            after.slots.get("preferred_role") != _BEFORE.get("preferred_role")
            or after.slots.get("exclude_line_manager") != _BEFORE.get("exclude_line_manager")
            or (after.editing and stored.step != asked.name)
            or any(  # a correction with its new value, taken at once (dialogs/corrections.py)
                after.slots.get(k) != _BEFORE.get(k)
                for k in {*_BEFORE, *after.slots} - {asked.slot}
            )
        )
        kept = ("description",) if asked.slot == "evidence_done" else (asked.slot,)
        changed = tuple(
            sorted((k, str(v)) for k, v in after.slots.items() if _BEFORE.get(k) != v and k in kept)
        )
        asked_back = after.guess is not None or after.held is not None or after.safety
        return (stored.flow, stored.step, changed, asked_back)


def at_question(
    runtime: Runtime,
    lang: str,
    flow: str,
    step: str,
    chat: str,
    text: str,
    choice: str | None = None,
) -> Reply:
    """What the bot answers to one message in a fresh chat `chat` that stands at
    `flow`.`step`, with the answers before it given (`_BEFORE`)."""
    store = runtime.store
    state = ConversationState(lang=lang, slots=dict(_BEFORE))
    with store.unit() as unit:
        unit.save_conversation(
            key=store.pseudonym("console", chat),
            channel="console",
            address=chat,
            lang=lang,
            flow=flow,
            step=step,
            state=state.to_stored(),
            expected_version=None,
        )
    return runtime.engine.handle(Incoming("console", chat, chat, text=text, choice=choice))


def answered_as_danger(reply: Reply) -> bool:
    """Whether the bot answered with the help for danger now (112; security alerted)."""
    return any(_EMERGENCY in m.text for m in reply.messages)


def _question(
    runtime: Runtime, lang: str, entry: Mapping[str, Any], report: AnswerReport, *, source: str
) -> None:
    question = str(entry["question"])
    flow = str(entry["flows"][0])
    step = str(entry.get("step") or ASKED_AT.get(question, question))
    probe = _Probe(runtime, lang, flow, step, source)
    expected_outcomes: dict[str, tuple[Any, ...]] = {}
    score = report.scores.setdefault((lang, f"{flow}.{question}"), QuestionScore())
    for answer in entry["answers"]:
        expect = ALIASES.get(str(answer["expect"]), str(answer["expect"]))
        if expect not in expected_outcomes:
            expected_outcomes[expect] = _expected(probe, expect)
        got = probe.outcome(text=str(answer["text"]))
        if probe.alarmed:
            score.alarms.append(str(answer["text"]))
        wanted = expected_outcomes[expect]
        rerouted = expect == "edit" and probe.rerouted
        if (
            _same(got, wanted, story=expect == "story")
            or _answered_more(runtime, got, wanted)
            or rerouted
        ):
            score.right += 1
        elif got[-1] is True:
            score.guessed += 1
        else:
            score.wrong.append((str(answer["text"]), expect, repr(got[:3])))


def _same(got: tuple[Any, ...], expected: tuple[Any, ...], *, story: bool) -> bool:
    """The same place and answers; for words added to the story, the same answers changed."""
    if story:
        return got[:2] == expected[:2] and [k for k, _ in got[2]] == [k for k, _ in expected[2]]
    return got[:3] == expected[:3]


def _answered_more(runtime: Runtime, got: tuple[Any, ...], expected: tuple[Any, ...]) -> bool:
    """The same answer stored, and the words answered the next question as well ("ja
    graag, bel me maar" also says how): the chat is at a later step of the same flow."""
    if got[0] != expected[0] or got[2] != expected[2] or got[3] or expected[0] is None:
        return False
    flow = runtime.engine.flows.get(str(got[0]))
    if flow is None or expected[1] not in flow.by_name:
        return False
    seen, todo = set(), [str(expected[1])]
    while todo:
        step = flow.by_name.get(todo.pop())
        for target in step.targets() if step is not None else ():
            if target not in seen and target in flow.by_name:
                seen.add(target)
                todo.append(target)
    return got[1] in seen


def _expected(probe: _Probe, expect: str) -> tuple[Any, ...]:
    """The outcome of pressing the option's button (or, for "story", of adding words; for
    "later", a command with no button, of typing it)."""
    if expect == "story":
        return probe.outcome(text="Hij had ook nog een schaar in zijn hand, dat zag ik later.")
    if expect == "later":
        return probe.outcome(text="later")
    return probe.outcome(choice=expect)

"""The conversation engine: runs the flows for one incoming message at a time.

For every message it loads the conversation, checks for acute danger first (the whole
message, however long), handles the global commands (stop, back, menu, a language), follows
the language the melder writes, lets the current step take the answer, and persists the new
state in the same transaction as any report, routing and outbox message, before the reply
leaves. A crash therefore never leaves a half-stored report behind.

The engine interprets flows (dialogs/flows/) through their attributes and the named
functions of the registry; it never tests a flow, step or slot name.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence

from dialogs import acute_relay, aftercare, casetimers, chat_language, safety, texts
from dialogs.answers import answer
from dialogs.asides import SAFE, UNSAFE, safety_answer, says_safe
from dialogs.care import asked_after_story
from dialogs.casedesk import CaseDesk
from dialogs.choosing import answers_the_question, known_answer, ongoing_answer
from dialogs.commands import run_command
from dialogs.deferral import defers
from dialogs.fields import FIELDS, Fields
from dialogs.flow import Flow, Resume, StepKind
from dialogs.flows import ALL_FLOWS
from dialogs.guards import GUARDS
from dialogs.i18n import DEFAULT_LANGUAGE, LANGUAGES, translator
from dialogs.matching import clean_text, command_of
from dialogs.messages import Incoming, Outgoing, Reply, outgoing_from_payload, payload
from dialogs.navigation import enter_menu, prompt, reprompt
from dialogs.organisation import Organisation
from dialogs.registry import REGISTRY, build_flows
from dialogs.state import ConversationState, LastAnswer
from dialogs.stopping import ask_to_stop, stop_answer
from dialogs.turn import EngineConfig, Environment, Registry, Turn
from dialogs.word_orders import says
from nlu.acute_words import Category
from nlu.danger import Danger, assess
from nlu.interpreter import Interpreter
from storage.casework import DueTimer
from storage.repository import ConcurrentUpdateError, Store, Unit

__all__ = ["Engine", "EngineConfig", "WithTurn"]

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5

#: What a channel writes in a turn's transaction, given the answer (its chat memory).
WithTurn = Callable[[Unit, Sequence[Outgoing]], None]


class Engine:
    """Channel-neutral conversation engine."""

    def __init__(
        self,
        store: Store,
        interpreter: Interpreter,
        organisation: Organisation,
        config: EngineConfig | None = None,
        *,
        flows: Iterable[Flow] | None = None,
        registry: Registry = REGISTRY,
        fields: Fields = FIELDS,
    ) -> None:
        self.store = store
        self.interpreter = interpreter
        self.org = organisation
        self.config = config or EngineConfig()
        self.flows: Mapping[str, Flow] = build_flows(
            ALL_FLOWS if flows is None else flows, registry, fields
        )
        self.env = Environment(organisation, self.config, self.flows, registry, fields)
        self._timer_flows = {f.timer: f for f in self.flows.values() if f.timer}

    # -- entry points -------------------------------------------------------------------

    def handle(self, incoming: Incoming, *, with_turn: WithTurn | None = None) -> Reply:
        """Answer one message; the new state is committed before this returns.

        When another process changed the same conversation (or claimed the same platform
        message) at the same moment, the whole handling is repeated on the fresh state.
        `with_turn` writes what the channel keeps with the answer in the same transaction.
        """
        return self._turn(incoming, self._process, with_turn)

    def resume(self, incoming: Incoming, *, with_turn: WithTurn | None = None) -> Reply:
        """Greet someone opening the chat: continue a report in progress, or show the menu.
        Claimed and retried like `handle`: a repeated /start is answered once."""
        return self._turn(incoming, self._greet, with_turn)

    def _turn(
        self, incoming: Incoming, body: Callable[[Turn], None], with_turn: WithTurn | None
    ) -> Reply:
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                return self._turn_once(incoming, body, with_turn)
            except ConcurrentUpdateError:
                if attempt == MAX_ATTEMPTS:
                    raise
                log.info("conversation changed concurrently; handling again (%d)", attempt)
        raise AssertionError("unreachable")

    def _turn_once(
        self, incoming: Incoming, body: Callable[[Turn], None], with_turn: WithTurn | None
    ) -> Reply:
        key = self.store.pseudonym(incoming.channel, incoming.chat_id)
        with self.store.unit() as unit:
            if incoming.message_id is not None and not unit.claim_message(
                incoming.channel, incoming.message_id
            ):
                log.info("skipping a %s message handled before", incoming.channel)
                return Reply(messages=(), awaiting=False, duplicate=True)
            turn, stored_version = self._load(unit, key, incoming)
            body(turn)
            if incoming.message_id is not None:
                # Kept with the new state, in the same transaction: if the process dies
                # before the answer is sent, the platform's redelivery can get it (replay).
                turn.state.last_answer = LastAnswer(
                    incoming.message_id, [payload(m) for m in turn.out]
                )
            self._save(turn, stored_version)
            if with_turn is not None and not turn.forget:
                with_turn(unit, turn.out)
        return Reply(messages=tuple(turn.out))

    def replay(self, incoming: Incoming) -> Reply:
        """The answer given to this platform message, if it is the chat's latest one.

        For a channel that learns a redelivered message was handled (`Reply.duplicate`)
        but never saw its answer arrive: a crash between commit and send loses nothing.
        Files are not kept; everything else is answered as it was.
        """
        key = self.store.pseudonym(incoming.channel, incoming.chat_id)
        with self.store.unit() as unit:
            stored = unit.load_conversation(key, lock=False)
        state = ConversationState.from_stored(stored.state, stored.lang) if stored else None
        answer_ = state.last_answer if state else None
        if answer_ is None or answer_.to != incoming.message_id:
            return Reply(messages=(), awaiting=False, duplicate=True)
        messages = tuple(outgoing_from_payload(m) for m in answer_.messages)
        return Reply(messages=messages, duplicate=True)

    def _greet(self, turn: Turn) -> None:
        turn.state.paused = False  # greeted with where they were now
        resume = turn.flow.resume if turn.flow and turn.step else Resume.MENU
        if resume is Resume.WELCOME_BACK and turn.flow and turn.step:
            turn.say(turn.tr(texts.WELCOME_BACK, flow=turn.tr(turn.flow.title)))
            prompt(turn, turn.step)
        elif resume is Resume.ASK_AGAIN and turn.step:
            prompt(turn, turn.step)
        else:
            turn.say(turn.tr(texts.GREETING, organisation=self.org.name))
            enter_menu(turn)

    def run_due_timers(self, limit: int = 100) -> int:
        """Fire the timers whose moment has come (each exactly once); returns how many."""
        fired = 0
        with self.store.unit() as unit:
            desk = CaseDesk(unit, self.org, self.env.fields)
            for timer in desk.work.due_timers(unit.clock(), limit=limit):
                flow = self._timer_flows.get(timer.kind)
                if flow is not None:
                    self._start_timer_flow(unit, timer, flow)
                else:
                    casetimers.fire(desk, timer)
                fired += 1
        if fired:
            log.info("fired %d timer(s)", fired)
        return fired

    def _start_timer_flow(self, unit: Unit, timer: DueTimer, flow: Flow) -> None:
        """Put the melder's idle chat on the flow's first question and queue that question
        for them (a check-in: the melder did not write, so nothing is answered now)."""
        due = aftercare.due_checkin(unit, self.org, timer, self.flows)
        if due is None:
            return
        stored = due.conversation
        turn = Turn(
            incoming=Incoming(stored.channel, stored.address, ""),
            unit=unit,
            key=stored.key,
            tr=translator(stored.lang),
            contact=None,
            flow=flow,
            step=None,
            state=ConversationState(lang=stored.lang, slots=due.slots),
            env=self.env,
        )
        prompt(turn, flow.step(flow.start))
        aftercare.queue_checkin(unit, due, turn.out)
        self._save(turn, stored.version)

    # -- state --------------------------------------------------------------------------

    def _load(self, unit: Unit, key: str, incoming: Incoming) -> tuple[Turn, int | None]:
        stored = unit.load_conversation(key)
        lang = stored.lang if stored else DEFAULT_LANGUAGE
        if incoming.lang in LANGUAGES:
            lang = incoming.lang
        state = ConversationState.from_stored(stored.state if stored else None, lang)
        flow = self.flows.get(stored.flow) if stored and stored.flow else None
        step = flow.by_name.get(stored.step) if flow and stored and stored.step else None
        if flow is not None and step is None:
            flow = None  # a step renamed by an upgrade: start over at the menu, keep nothing
        turn = Turn(
            incoming=incoming,
            unit=unit,
            key=key,
            tr=translator(lang),
            contact=self.org.contact_for_address(incoming.channel, incoming.user_id),
            flow=flow,
            step=step,
            state=state,
            env=self.env,
        )
        return turn, (stored.version if stored else None)

    def _save(self, turn: Turn, version: int | None) -> None:
        if turn.forget:
            return  # erased at the melder's request: the next message starts afresh
        turn.unit.save_conversation(
            key=turn.key,
            channel=turn.incoming.channel,
            address=turn.incoming.chat_id,
            lang=turn.tr.lang,
            flow=turn.flow.name if turn.flow else None,
            step=turn.step.name if turn.step else None,
            state=turn.state.to_stored(),
            expected_version=version,
        )

    # -- the pipeline -------------------------------------------------------------------

    def _process(self, turn: Turn) -> None:
        incoming = turn.incoming
        raw = incoming.text or ""
        text = clean_text(raw)
        if not (text or incoming.choice or incoming.attachments or incoming.unreadable):
            turn.say(turn.tr(texts.EMPTY_MESSAGE))
            reprompt(turn)
            return
        # Danger first, also in a message too long to keep: it is read whole.
        danger = self._danger(turn, text)
        if danger is None and self._over_rate(turn):
            turn.say(turn.tr(texts.RATE_LIMITED))
        elif danger is not None:
            safety.answer_danger(turn, text, danger, keep_words=len(raw) <= self.config.max_text)
        elif len(raw) > self.config.max_text:
            turn.say(turn.tr(texts.TOO_LONG, length=len(raw), limit=self.config.max_text))
            reprompt(turn)
        else:
            self._take(turn, text)

    def _take(self, turn: Turn, text: str) -> None:
        """A message without danger: a command, an all-clear, or the open step's answer."""
        command = self._command(turn, text)
        if command is not None:
            if command != "later":
                turn.state.paused = False
            run_command(turn, command)
            return
        chat_language.follow(turn, text)
        # While security waits for an answer, what the melder types goes to security.
        relayed = acute_relay.take_answer(turn, text)
        if safety.all_clear(turn, text) or relayed:
            reprompt(turn)  # "het is voorbij" answers no question: it is asked again
            return
        if turn.state.paused:
            # Back after "later": first where they were ("hoi, daar ben ik weer" is no answer).
            turn.state.paused = False
            if turn.flow is not None and turn.step is not None:
                turn.say(turn.tr(texts.WELCOME_BACK, flow=turn.tr(turn.flow.title)))
                prompt(turn, turn.step)
                return
        if turn.state.safety and self._safety(turn, text):
            return
        if turn.state.stopping is not None and stop_answer(turn, text):
            return
        if ask_to_stop(turn, text):
            return
        if turn.flow is None or turn.step is None:
            enter_menu(turn, ask=False)
        answer(turn, text)

    def _command(self, turn: Turn, text: str) -> str | None:
        """The command a message gives: a command word, or a short message in other words
        ("stop please", "nee wacht. terug")."""
        if not text or turn.incoming.attachments:
            return None
        command = command_of(text)
        if command is None and turn.incoming.choice is None:
            command = GUARDS.command(text)
            in_report = turn.flow is not None and turn.flow.kind is not None
            if command == "later" and self._evidence_later(turn, text):
                return None  # "i'll send the screenshots later": the files, not the report
            if command == "later" and in_report and GUARDS.finish_later(text):
                return command
            sends = turn.step is not None and turn.step.sends
            if command in (None, "back", "stop") and in_report and sends and defers(text):
                # "klopt, maar stuur het maandag pas", "nog niet versturen": not sent now,
                # and not deleted either (a "stop" in them is about the sending)
                return "later"
            if command is not None and answers_the_question(turn, text):
                return None  # "nee sorry, verkeerde knop" at a yes/no question is its no
            if command == "stop" and in_report and GUARDS.asks_to_stop(text):
                return None  # "mag ik stoppen?" is asked back before anything is deleted
            if command == "back" and turn.step is not None and turn.step.review:
                # "de datum die ik gaf klopt niet" at the summary is its "change something"
                return None if GUARDS.corrects(text) else command
        return command

    @staticmethod
    def _evidence_later(turn: Turn, text: str) -> bool:
        """Files promised for later at the evidence question of a report being written."""
        step = turn.step
        return (
            step is not None
            and step.kind is StepKind.EVIDENCE
            and not step.free_text_slot
            and says("evidence_later", text)
        )

    def _safety(self, turn: Turn, text: str) -> bool:
        """The answer to "are you safe now?": no leads to the acute-danger help, yes to
        where we were. False when the message is about something else."""
        turn.state.safety = False
        unseen = asked_after_story(turn)
        said = safety_answer(turn, text)
        if said == UNSAFE:
            not_safe = Danger("rules", (Category.DANGER,), "not_safe")
            safety.answer_danger(turn, text, not_safe, keep_words=False)
        elif said == SAFE:
            turn.say(turn.tr(texts.SAFETY_GLAD))
            reprompt(turn)
        elif unseen and not GUARDS.is_question(text):
            # The next question was not shown yet: these words cannot answer it.
            reprompt(turn)
            return True
        return said is not None

    def _danger(self, turn: Turn, text: str) -> Danger | None:
        """Acute danger in this message: `nlu.danger`'s decision, as `nlu test` measures it.

        In the story of what happened, violence in the past tense is expected, so there the
        classifier alone needs the higher story threshold.
        """
        if not text:
            return None
        turn.parse = self.interpreter.parse(text)
        story = turn.step is not None and turn.step.story
        # A contact writing about someone else's case ("hij komt niet meer op de afdeling"):
        # only danger told as happening now, by the rules.
        casework = turn.flow is not None and turn.flow.casework
        danger = assess(
            self.interpreter,
            turn.parse,
            story=story,
            thresholds=self.config.danger_thresholds,
            classifier=not casework and not says_safe(turn, text),
        )
        if danger is not None and danger.by == "classifier" and known_answer(turn, text):
            return None  # "alles staat er goed in" at "Klopt dit?": the answer, word for word
        if danger is not None and ongoing_answer(turn, danger):
            return None  # "het gaat nog steeds door" at "when?" of online threats
        if danger is not None and danger.by == "classifier" and GUARDS.command(text) == "later":
            return None  # "hold on to it pls, ill come back": the report later, not him
        return danger

    def _over_rate(self, turn: Turn) -> bool:
        """More than `rate_limit` messages within `rate_window` (an emergency always passes).

        Keeps the last arrival times in the conversation state, so it holds across
        processes too.
        """
        now = turn.unit.clock().timestamp()
        since = now - self.config.rate_window.total_seconds()
        recent = [t for t in turn.state.arrivals if t > since]
        limited = len(recent) >= self.config.rate_limit
        if not limited:
            recent.append(now)
        turn.state.arrivals = recent[-self.config.rate_limit :]
        if limited:
            log.info("rate limit reached for a conversation")
        return limited

"""The conversation engine: runs the flows for one incoming message at a time.

For every message it loads the conversation, checks for acute danger first, handles the
global commands (stop, back, menu), lets the current step take the answer, and persists the
new state in the same transaction as any report, routing and outbox message, before the
reply leaves. A crash therefore never leaves a half-stored report behind.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from dialogs import aftercare, aftercareflow, caseflow, privacyflow, render, texts
from dialogs.casedesk import CaseDesk
from dialogs.flow import EXIT_MENU, EXIT_SUBMIT, FLOW_PREFIX, Flow, Option, Step, StepKind
from dialogs.flows import REPORT_FLOWS, build_flows
from dialogs.i18n import DEFAULT_LANGUAGE, LANGUAGES, Translator, translator
from dialogs.matching import clean_text, command_of, find_urls, looks_like_path, match_option
from dialogs.messages import (
    Choice,
    Incoming,
    Outgoing,
    OutgoingFile,
    Reply,
    outgoing_from_payload,
    payload,
)
from dialogs.nlu_review import record_low_confidence
from dialogs.organisation import Contact, Organisation, ReportKind, Role, localized
from dialogs.routing import RoutingRequest, route
from dialogs.submission import enqueue_acute_alert, submit_report
from nlu import anonymity
from nlu.interpreter import Interpreter, ParseResult
from storage.casework import DueTimer
from storage.repository import ConcurrentUpdateError, Store, Unit

log = logging.getLogger(__name__)

USE_SLOT = "use_slot"
MAX_ATTEMPTS = 5
#: State key of the answer to the chat's latest platform message (see `Engine.replay`).
ANSWER = "last_answer"
ENTITY_SLOTS = ("platform", "perpetrator_relation")
#: Slots whose typed answer a rule decides before the classifier is asked (an option id
#: or None): negation matters there and the classifier mixes the two up.
DECIDING_RULES: dict[str, Callable[[str], str | None]] = {"anonymous": anonymity.preference}


@dataclass(frozen=True)
class EngineConfig:
    """Tunables of the engine (see bot.settings for the ZV_* names)."""

    nlu_threshold: float = 0.5
    acute_threshold: float = 0.5
    acute_story_threshold: float = 0.8
    max_text: int = 4000
    max_attachment_bytes: int = 20_000_000
    acute_alert_interval: timedelta = timedelta(minutes=10)
    rate_limit: int = 20
    rate_window: timedelta = timedelta(minutes=1)


@dataclass
class Turn:
    """Everything about the message being handled; discarded after the reply."""

    incoming: Incoming
    unit: Unit
    key: str
    tr: Translator
    contact: Contact | None
    flow: Flow | None
    step: Step | None
    state: dict[str, Any]
    out: list[Outgoing] = field(default_factory=list)
    parse: ParseResult | None = None
    forget: bool = False

    @property
    def slots(self) -> dict[str, Any]:
        """Answers given so far in the current flow."""
        slots: dict[str, Any] = self.state.setdefault("slots", {})
        return slots

    @property
    def history(self) -> list[str]:
        """Steps asked before the current one (for 'back')."""
        history: list[str] = self.state.setdefault("history", [])
        return history

    def say(
        self, text: str, choices: tuple[Choice, ...] = (), files: tuple[OutgoingFile, ...] = ()
    ) -> None:
        """Queue a message for the sender."""
        self.out.append(Outgoing(text=text, choices=choices, files=files))


Predicate = Callable[["Engine", Turn], bool]
Effect = Callable[["Engine", Turn], str | None]
OptionFilter = Callable[["Engine", Turn, tuple[Option, ...]], tuple[Option, ...]]
OptionSource = Callable[["Engine", Turn], tuple[Option, ...]]
Renderer = Callable[["Engine", Turn], str | None]


class Engine:
    """Channel-neutral conversation engine."""

    def __init__(
        self,
        store: Store,
        interpreter: Interpreter,
        organisation: Organisation,
        config: EngineConfig | None = None,
    ) -> None:
        self.store = store
        self.interpreter = interpreter
        self.org = organisation
        self.config = config or EngineConfig()
        self.flows: Mapping[str, Flow] = build_flows(
            predicates=PREDICATES,
            option_sources=OPTION_SOURCES,
            renderers=RENDERERS,
            effects=EFFECTS,
            option_filters=OPTION_FILTERS,
        )

    # -- entry points -------------------------------------------------------------------

    def handle(self, incoming: Incoming) -> Reply:
        """Answer one message; the new state is committed before this returns.

        When another process changed the same conversation (or claimed the same platform
        message) at the same moment, the whole handling is repeated on the fresh state.
        """
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                return self._handle_once(incoming)
            except ConcurrentUpdateError:
                if attempt == MAX_ATTEMPTS:
                    raise
                log.info("conversation changed concurrently; handling again (%d)", attempt)
        raise AssertionError("unreachable")

    def _handle_once(self, incoming: Incoming) -> Reply:
        key = self.store.pseudonym(incoming.channel, incoming.chat_id)
        with self.store.unit() as unit:
            if incoming.message_id is not None and not unit.claim_message(
                incoming.channel, incoming.message_id
            ):
                log.info("skipping a %s message handled before", incoming.channel)
                return Reply(messages=(), awaiting=False, duplicate=True)
            turn, stored_version = self._load(unit, key, incoming)
            self._process(turn)
            if incoming.message_id is not None:
                # Kept with the new state, in the same transaction: if the process dies
                # before the answer is sent, the platform's redelivery can get it (replay).
                turn.state[ANSWER] = {
                    "to": incoming.message_id,
                    "messages": [payload(m) for m in turn.out],
                }
            self._save(turn, stored_version)
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
        answer = stored.state.get(ANSWER) if stored else None
        if not isinstance(answer, dict) or answer.get("to") != incoming.message_id:
            return Reply(messages=(), awaiting=False, duplicate=True)
        messages = tuple(outgoing_from_payload(m) for m in answer.get("messages", []))
        return Reply(messages=messages, duplicate=True)

    def resume(self, incoming: Incoming) -> Reply:
        """Greet someone opening the chat: continue a report in progress, or show the menu."""
        key = self.store.pseudonym(incoming.channel, incoming.chat_id)
        with self.store.unit() as unit:
            turn, stored_version = self._load(unit, key, incoming)
            if turn.flow is not None and turn.step is not None and turn.flow.name in REPORT_FLOWS:
                turn.say(turn.tr(texts.WELCOME_BACK, flow=turn.tr(turn.flow.title)))
                self._prompt(turn, turn.step)
            elif turn.flow is not None and turn.step is not None and turn.flow.name == "checkin":
                self._prompt(turn, turn.step)  # the check-in question is still open
            else:
                turn.say(turn.tr(texts.GREETING, organisation=self.org.name))
                self._enter_menu(turn)
            self._save(turn, stored_version)
        return Reply(messages=tuple(turn.out))

    def run_due_timers(self, limit: int = 100) -> int:
        """Fire the timers whose moment has come (each exactly once); returns how many."""
        fired = 0
        with self.store.unit() as unit:
            desk = CaseDesk(unit, self.org)
            for timer in desk.work.due_timers(unit.clock(), limit=limit):
                if timer.kind == aftercare.CHECKIN:
                    self._fire_checkin(unit, timer)
                else:
                    desk.fire(timer)
                fired += 1
        if fired:
            log.info("fired %d timer(s)", fired)
        return fired

    def _fire_checkin(self, unit: Unit, timer: DueTimer) -> None:
        """Send a check-in and put the melder's idle chat on its first question."""
        flow = self.flows["checkin"]
        fired = aftercare.fire_checkin(unit, self.org, timer, flow)
        if fired is None:
            return
        stored, state = fired
        unit.save_conversation(
            key=stored.key,
            channel=stored.channel,
            address=stored.address,
            lang=stored.lang,
            flow=flow.name,
            step=flow.start,
            state=state,
            expected_version=stored.version,
        )

    # -- state --------------------------------------------------------------------------

    def _load(self, unit: Unit, key: str, incoming: Incoming) -> tuple[Turn, int | None]:
        stored = unit.load_conversation(key)
        state: dict[str, Any] = dict(stored.state) if stored else {}
        lang = stored.lang if stored else DEFAULT_LANGUAGE
        if incoming.lang in LANGUAGES:
            lang = incoming.lang
        state["lang"] = lang
        flow = self.flows.get(stored.flow) if stored and stored.flow else None
        step = flow.by_name.get(stored.step) if flow and stored and stored.step else None
        if flow is not None and step is None:
            flow = None  # a step renamed by an upgrade: start over at the menu, keep nothing
        contact = self.org.contact_for_address(incoming.channel, incoming.user_id)
        turn = Turn(
            incoming=incoming,
            unit=unit,
            key=key,
            tr=translator(lang),
            contact=contact,
            flow=flow,
            step=step,
            state=state,
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
            state=turn.state,
            expected_version=version,
        )

    # -- the pipeline -------------------------------------------------------------------

    def _process(self, turn: Turn) -> None:
        incoming = turn.incoming
        raw = incoming.text or ""
        if len(raw) > self.config.max_text:
            turn.say(turn.tr(texts.TOO_LONG, length=len(raw), limit=self.config.max_text))
            self._reprompt(turn)
            return
        text = clean_text(raw)
        if (
            not text
            and not incoming.choice
            and not incoming.attachments
            and not incoming.unreadable
        ):
            turn.say(turn.tr(texts.EMPTY_MESSAGE))
            self._reprompt(turn)
            return
        if text:
            turn.parse = self.interpreter.parse(text)
        if not (turn.parse and self._is_acute(turn, turn.parse)) and self._over_rate(turn):
            turn.say(turn.tr(texts.RATE_LIMITED))
            return
        if text:
            assert turn.parse is not None
            if self._is_acute(turn, turn.parse):
                self._acute(turn)
                if self._is_story_step(turn):
                    # Their own words about what happened are kept: the answer stands.
                    self._answer(turn, text)
                    return
                self._reprompt_after_acute(turn)
                return
            command = command_of(text) if not incoming.attachments else None
            if command is not None:
                self._command(turn, command)
                return
        if turn.flow is None or turn.step is None:
            self._enter_menu(turn, prompt=False)
        self._answer(turn, text)

    def _over_rate(self, turn: Turn) -> bool:
        """More than `rate_limit` messages within `rate_window` (an emergency always passes).

        Keeps the last arrival times in the conversation state, so it holds across
        processes too.
        """
        now = turn.unit.clock().timestamp()
        since = now - self.config.rate_window.total_seconds()
        recent = [t for t in turn.state.get("arrivals", []) if t > since]
        limited = len(recent) >= self.config.rate_limit
        if not limited:
            recent.append(now)
        turn.state["arrivals"] = recent[-self.config.rate_limit :]
        if limited:
            log.info("rate limit reached for a conversation")
        return limited

    @staticmethod
    def _is_story_step(turn: Turn) -> bool:
        step = turn.step
        return step is not None and step.kind is StepKind.TEXT and step.slot == "description"

    def _is_acute(self, turn: Turn, parse: ParseResult) -> bool:
        """Rules always count; the classifier counts above its threshold.

        In the story of what happened, violence in the past tense is expected, so there the
        classifier alone needs the higher `acute_story_threshold`.
        """
        if parse.acute:
            return True
        threshold = self.config.acute_threshold
        if self._is_story_step(turn):
            threshold = max(threshold, self.config.acute_story_threshold)
        return parse.intent.name == "acute_danger" and parse.intent.confidence >= threshold

    def _acute(self, turn: Turn) -> None:
        """Safety first (DESIGN §3.4): 112 and 0900-8844, alert security, keep the answers."""
        turn.say(turn.tr(texts.ACUTE_DANGER))
        contacts = enqueue_acute_alert(
            turn.unit,
            self.org,
            conversation_key=turn.key,
            team=turn.slots.get("team"),
            interval=self.config.acute_alert_interval,
        )
        if contacts:
            names = render.role_list([c.role.value for c in contacts], turn.tr)
            turn.say(turn.tr(texts.ACUTE_ALERTED, contacts=names))
        log.info("acute danger recognised; %d alert contact(s) queued", len(contacts))
        if turn.flow is not None and turn.flow.name in REPORT_FLOWS:
            turn.say(turn.tr(texts.ACUTE_CONTINUE))

    def _reprompt_after_acute(self, turn: Turn) -> None:
        if turn.flow is not None and turn.flow.name in REPORT_FLOWS and turn.step is not None:
            self._prompt(turn, turn.step)
        else:
            self._enter_menu(turn)

    def _command(self, turn: Turn, command: str) -> None:
        in_report = turn.flow is not None and turn.flow.name in REPORT_FLOWS
        if command == "stop":
            if in_report:
                self._cancel(turn)
            else:
                turn.say(turn.tr(texts.NOTHING_TO_STOP))
                self._enter_menu(turn)
        elif command == "back":
            self._back(turn)
        elif command == "menu":
            if in_report and turn.flow is not None and turn.step is not None:
                turn.say(turn.tr(texts.IN_FLOW_MENU, flow=turn.tr(turn.flow.title)))
                self._prompt(turn, turn.step)
            else:
                turn.say(turn.tr(texts.HELP))
                self._enter_menu(turn)
        elif command in ("status", "privacy"):
            if in_report:  # show it without leaving the report
                rendered = RENDERERS[command](self, turn)
                if rendered:
                    turn.say(rendered)
                self._reprompt(turn)
            else:
                self._start_flow(turn, self.flows[command])
        elif command == "unknown":
            turn.say(turn.tr(texts.UNKNOWN_COMMAND))
            self._reprompt(turn)
        elif command in ("lang_en", "lang_nl"):
            turn.tr = translator("en" if command == "lang_en" else "nl")
            turn.state["lang"] = turn.tr.lang
            turn.say(turn.tr(texts.LANGUAGE_SWITCHED))
            self._reprompt(turn)

    def _cancel(self, turn: Turn) -> None:
        removed = turn.unit.discard_draft_evidence(turn.key)
        log.info("report stopped by melder; %d draft evidence item(s) discarded", removed)
        turn.say(turn.tr(texts.STOPPED))
        self._enter_menu(turn)

    def _back(self, turn: Turn) -> None:
        if turn.flow is None or turn.step is None or turn.flow.name not in REPORT_FLOWS:
            self._reprompt(turn)
            return
        if not turn.history:
            turn.say(turn.tr(texts.BACK_AT_START))
            self._prompt(turn, turn.step)
            return
        previous = turn.flow.step(turn.history.pop())
        turn.state["editing"] = False
        self._prompt(turn, previous)

    # -- steps --------------------------------------------------------------------------

    def _answer(self, turn: Turn, text: str) -> None:
        assert turn.flow is not None
        assert turn.step is not None
        step = turn.step
        files = turn.incoming.attachments or turn.incoming.unreadable
        if files and step.kind is not StepKind.EVIDENCE:
            turn.say(turn.tr(texts.FILES_ONLY_AT_EVIDENCE))
            self._prompt(turn, step)
            return
        if step.kind is StepKind.CHOICE:
            self._answer_choice(turn, step, text)
        elif step.kind is StepKind.TEXT:
            self._answer_text(turn, step, text)
        elif step.kind is StepKind.EVIDENCE:
            self._answer_evidence(turn, step, text)
        else:
            self._advance(turn, step.target_for(None))

    def _options(self, turn: Turn, step: Step) -> tuple[Option, ...]:
        options = list(step.options)
        if step.options_filter is not None:
            options = list(OPTION_FILTERS[step.options_filter](self, turn, tuple(options)))
        if step.options_from is not None:
            dynamic = OPTION_SOURCES[step.options_from](self, turn)
            options = [*dynamic, *options]
        offered = self._offered_value(turn, step)
        if step.use_slot_option and offered:
            label = turn.tr(texts.USE_SLOT_LABELS[step.use_slot_option], value=offered)
            options.insert(0, Option(USE_SLOT, label))
        return tuple(options)

    @staticmethod
    def _offered_value(turn: Turn, step: Step) -> str | None:
        """The value a 'use ...' option offers: an earlier answer, or the messenger's
        display name, which is read from the current message and never stored unless the
        melder chooses it (anonymous melders leave no name behind)."""
        if step.use_slot_option == "profile_name":
            return turn.incoming.display_name or None
        if step.use_slot_option and turn.slots.get(step.use_slot_option):
            return str(turn.slots[step.use_slot_option])
        return None

    def _pick(self, turn: Turn, step: Step, text: str, *, numbers: bool) -> Option | None:
        """The option the melder chose by button, number, words, intent or entity."""
        options = self._options(turn, step)
        by_id = {o.id: o for o in options}
        if turn.incoming.choice is not None:
            picked = by_id.get(turn.incoming.choice)
            if picked is None:
                turn.say(turn.tr(texts.STALE_BUTTON))
                if step.slot == "case_code":  # a forged case button is an access attempt
                    actor = turn.contact.id if turn.contact else "unknown"
                    turn.unit.audit(actor, "case_access_refused", forged_button=True)
            return picked
        if not text:
            return None
        labels = [turn.tr(o.label) for o in options]
        found = match_option(text, options, labels, numbers=numbers)
        if found.option is not None:
            return found.option
        if found.out_of_range:
            turn.state["_notice"] = turn.tr(texts.NUMBER_OUT_OF_RANGE, n=len(options))
            return None
        rule = DECIDING_RULES.get(step.slot or "")
        if rule is not None and turn.incoming.choice is None:
            decided = rule(text)
            if decided is not None and decided in by_id:
                return by_id[decided]
        parse = turn.parse
        if parse is None:
            return None
        if step.slot in ENTITY_SLOTS:
            value = parse.entity_value(step.slot or "")
            if value is not None and value in by_id:
                return by_id[value]
        if parse.intent.confidence >= self.config.nlu_threshold:
            for option in options:
                if parse.intent.name in option.intents:
                    return option
        return None

    def _answer_choice(self, turn: Turn, step: Step, text: str) -> None:
        if turn.flow is not None and turn.flow.name in ("menu", "contact_menu"):
            self._answer_menu(turn, step, text)
            return
        option = self._pick(turn, step, text, numbers=True)
        notice = turn.state.pop("_notice", None)
        if option is None and notice:
            turn.say(notice)
            self._prompt(turn, step)
            return
        if option is None:
            if turn.incoming.choice is None and text and step.free_text_slot:
                if len(text) > step.max_length:
                    turn.say(turn.tr(texts.TEXT_TOO_LONG, limit=step.max_length))
                    self._prompt(turn, step)
                    return
                assert step.slot is not None
                turn.slots[step.slot] = "other"
                turn.slots[step.free_text_slot] = text
                self._advance(turn, step.target_for(None))
                return
            if turn.incoming.choice is None:
                guessed = step.slot == "case_code" and caseflow.audit_guessed_code(self, turn, text)
                if not guessed:
                    turn.say(turn.tr(texts.NOT_UNDERSTOOD_CHOICE))
            self._prompt(turn, step)
            return
        self._choose(turn, step, option)

    def _choose(self, turn: Turn, step: Step, option: Option) -> None:
        assert step.slot is not None
        if step.name == "edit_field":
            self._edit(turn, option.id)
            return
        turn.slots[step.slot] = option.stored
        if step.free_text_slot:
            turn.slots.pop(step.free_text_slot, None)
        for slot in option.clears:
            turn.slots.pop(slot, None)
        if option.reply:
            turn.say(turn.tr(option.reply))
        if step.name == "summary" and option.id == "cancel":
            self._cancel(turn)
            return
        target = step.target_for(option.id)
        for effect in (option.effect, step.effect):
            if effect is not None:
                target = EFFECTS[effect](self, turn) or target
        self._advance(turn, target)

    def _answer_menu(self, turn: Turn, step: Step, text: str) -> None:
        option = self._pick(turn, step, text, numbers=True)
        if option is not None:
            target = step.target_for(option.id)
            if turn.incoming.choice is None and turn.parse is not None and text:
                self._start_from_text(turn, target)
            self._advance(turn, target)
            return
        if turn.incoming.choice is not None:
            self._prompt(turn, step)
            return
        parse = turn.parse
        notice = turn.state.pop("_notice", None)
        if notice:
            turn.say(notice)
        elif parse is not None and parse.intent.confidence >= self.config.nlu_threshold:
            intent = parse.intent.name
            if intent == "help":
                turn.say(turn.tr(texts.HELP))
            elif intent == "out_of_scope":
                turn.say(turn.tr(texts.OUT_OF_SCOPE))
            elif intent in texts.SMALL_TALK:
                turn.say(turn.tr(texts.SMALL_TALK[intent]))
                if intent == "goodbye":
                    return
            else:
                turn.say(turn.tr(texts.NOT_SURE))
        else:
            if parse is not None and text:
                # Kept (redacted, at most 30 days) so ops can teach the classifier.
                record_low_confidence(turn.unit, text, parse, turn.tr.lang)
            turn.say(turn.tr(texts.NOT_SURE))
        self._prompt(turn, step)

    def _start_from_text(self, turn: Turn, target: str) -> None:
        """A free sentence chose the flow: say so, and keep what it already told us."""
        name = target[len(FLOW_PREFIX) :] if target.startswith(FLOW_PREFIX) else ""
        if name not in REPORT_FLOWS or turn.parse is None:
            return
        turn.say(turn.tr(texts.FLOW_STARTED[name]))
        prefill: dict[str, Any] = {}
        if len(turn.parse.text.split()) >= 4:
            prefill["opening"] = turn.parse.text
        relation = turn.parse.entity_value("perpetrator_relation")
        if relation and name != "niet_pluis":
            prefill["perpetrator_relation"] = relation
        platform = turn.parse.entity_value("platform")
        if platform and name == "online_threat":
            prefill["platform"] = platform
        turn.state["prefill"] = prefill

    def _answer_text(self, turn: Turn, step: Step, text: str) -> None:
        assert step.slot is not None
        if turn.incoming.choice is not None or (text and self._options(turn, step)):
            # A number picks a listed option (the console and Matrix show them numbered);
            # any other number is an answer in its own right, such as a phone number.
            option = self._pick(turn, step, text, numbers=True)
            turn.state.pop("_notice", None)
            if option is not None:
                if option.id == USE_SLOT and step.use_slot_option:
                    turn.slots[step.slot] = self._offered_value(turn, step)
                else:
                    turn.slots[step.slot] = option.stored
                self._advance(turn, step.target_for(option.id))
                return
            if turn.incoming.choice is not None:
                self._prompt(turn, step)
                return
        if not text:
            turn.say(turn.tr(texts.EMPTY_MESSAGE))
            self._prompt(turn, step)
            return
        if len(text) < step.min_length or len(text.split()) == 0:
            turn.say(turn.tr(texts.TEXT_TOO_SHORT))
            self._prompt(turn, step)
            return
        if len(text) > step.max_length:
            turn.say(turn.tr(texts.TEXT_TOO_LONG, limit=step.max_length))
            self._prompt(turn, step)
            return
        turn.slots[step.slot] = text
        target = step.target_for(None)
        if step.effect is not None:
            target = EFFECTS[step.effect](self, turn) or target
        self._advance(turn, target)

    def _answer_evidence(self, turn: Turn, step: Step, text: str) -> None:
        incoming = turn.incoming
        took = False
        for attachment in incoming.attachments:
            if not attachment.data:
                turn.say(turn.tr(texts.EVIDENCE_EMPTY_FILE, name=attachment.filename))
                continue
            if len(attachment.data) > self.config.max_attachment_bytes:
                limit = render.size(self.config.max_attachment_bytes)
                turn.say(turn.tr(texts.EVIDENCE_TOO_LARGE, name=attachment.filename, limit=limit))
                continue
            item = turn.unit.add_draft_evidence(
                turn.key,
                kind="file",
                name=attachment.filename,
                media_type=attachment.media_type,
                data=attachment.data,
            )
            turn.say(turn.tr(texts.EVIDENCE_RECEIVED, name=item.name, size=render.size(item.size)))
            took = True
        for name in incoming.unreadable:
            turn.say(turn.tr(texts.EVIDENCE_UNREADABLE, name=name))
            took = True
        if not incoming.attachments and text:
            urls = find_urls(text)
            for url in urls:
                turn.unit.add_draft_evidence(
                    turn.key, kind="link", name=url, media_type=None, data=url.encode()
                )
                turn.say(turn.tr(texts.EVIDENCE_LINK_RECEIVED, name=url))
            took = took or bool(urls)
            if not urls:
                option = self._pick(turn, step, text, numbers=True)
                if option is not None:
                    self._choose(turn, step, option)
                    return
                if looks_like_path(text):
                    turn.say(turn.tr(texts.EVIDENCE_UNREADABLE, name=text))
                else:
                    turn.say(turn.state.pop("_notice", None) or turn.tr(texts.EVIDENCE_WHAT))
                took = True
        elif incoming.choice is not None:
            option = self._pick(turn, step, text, numbers=True)
            if option is not None:
                self._choose(turn, step, option)
                return
        if took or incoming.choice is not None:
            self._prompt(turn, step, repeat=True)

    # -- moving between steps -----------------------------------------------------------

    def _advance(self, turn: Turn, target: str) -> None:
        assert turn.flow is not None
        flow = turn.flow
        if target == EXIT_SUBMIT:
            self._submit(turn)
            return
        if target == EXIT_MENU:
            self._enter_menu(turn)
            return
        if target.startswith(FLOW_PREFIX):
            self._start_flow(turn, self.flows[target[len(FLOW_PREFIX) :]])
            return
        if turn.step is not None and turn.step.name not in ("summary", "edit_field"):
            turn.history.append(turn.step.name)
        step = flow.step(target)
        while self._skips(turn, step):
            next_target = self._skip_target(turn, step)
            if next_target.startswith("@"):
                self._advance(turn, next_target)
                return
            step = flow.step(next_target)
        if step.name == "summary":
            turn.state["editing"] = False
        self._prompt(turn, step)

    def _skips(self, turn: Turn, step: Step) -> bool:
        if step.skip_when is not None and PREDICATES[step.skip_when](self, turn):
            return True
        prefill = turn.state.get("prefill", {})
        if step.slot is not None and step.slot in prefill:
            turn.slots[step.slot] = prefill.pop(step.slot)
            return True
        return bool(turn.state.get("editing")) and step.slot in turn.slots

    def _skip_target(self, turn: Turn, step: Step) -> str:
        value = turn.slots.get(step.slot or "")
        for option in step.options:
            if option.stored == value and option.id in (
                step.next if not isinstance(step.next, str) else {}
            ):
                return step.target_for(option.id)
        return step.target_for(None)

    def _start_flow(self, turn: Turn, flow: Flow) -> None:
        prefill = turn.state.get("prefill", {}) if flow.name in REPORT_FLOWS else {}
        self._reset_state(turn)
        turn.flow, turn.step = flow, None
        slots = turn.slots
        if "opening" in prefill:
            slots["opening"] = prefill.pop("opening")
        turn.state["prefill"] = prefill
        self._advance(turn, flow.start)

    def _enter_menu(self, turn: Turn, *, prompt: bool = True) -> None:
        menu = self.flows["contact_menu" if turn.contact else "menu"]
        self._reset_state(turn)
        turn.flow, turn.step = menu, menu.step(menu.start)
        if prompt:
            self._prompt(turn, turn.step)

    @staticmethod
    def _reset_state(turn: Turn) -> None:
        """Forget the flow's answers; keep the language and the rate-limit history."""
        keep: dict[str, Any] = {k: turn.state[k] for k in ("lang", "arrivals") if k in turn.state}
        keep.setdefault("lang", turn.tr.lang)
        turn.state.clear()
        turn.state.update(keep)

    def _edit(self, turn: Turn, step_name: str) -> None:
        assert turn.flow is not None
        target = turn.flow.step(step_name)
        turn.state["editing"] = True
        turn.slots.pop("confirmed", None)
        self._prompt(turn, target)

    def _reprompt(self, turn: Turn) -> None:
        if turn.flow is None or turn.step is None:
            self._enter_menu(turn)
        else:
            self._prompt(turn, turn.step)

    def _prompt(self, turn: Turn, step: Step, *, repeat: bool = False) -> None:
        """Ask a step's question (and show what it renders)."""
        turn.step = step
        if step.kind is StepKind.INFO:
            assert step.render is not None
            target = step.target_for(None)
            if step.effect is not None:
                target = EFFECTS[step.effect](self, turn) or target
            rendered = RENDERERS[step.render](self, turn)
            if rendered:
                turn.say(rendered)
            self._advance(turn, target)
            return
        if step.render is not None and not repeat:
            rendered = RENDERERS[step.render](self, turn)
            if rendered:
                turn.say(rendered)
        options = self._options(turn, step)
        choices = tuple(Choice(o.id, turn.tr(o.label)) for o in options)
        prompt = texts.EVIDENCE_MORE if repeat else step.prompt
        turn.say(turn.tr(prompt, organisation=self.org.name), choices)

    # -- submitting ---------------------------------------------------------------------

    def routing_request(self, turn: Turn) -> RoutingRequest:
        """The routing question for the report being written."""
        assert turn.flow is not None
        slots = turn.slots
        kind = ReportKind(turn.flow.name)
        team = slots.get("team")
        preferred = slots.get("preferred_role")
        high = (slots.get("impact") or 5) <= 2 or slots.get("aro_category") == "fysiek"
        return RoutingRequest(
            kind=kind,
            team=None if team in (None, "none") else str(team),
            preferred_role=None if preferred in (None, "none") else Role(preferred),
            exclude_line_manager=bool(slots.get("exclude_line_manager", False)),
            severity="high" if high else "normal",
        )

    def _submit(self, turn: Turn) -> None:
        assert turn.flow is not None
        flow = turn.flow
        request = self.routing_request(turn)
        recipients = route(self.org, request)
        case = submit_report(
            turn.unit,
            self.org,
            kind=flow.name,
            slots=turn.slots,
            conversation_key=turn.key,
            channel=turn.incoming.channel,
            lang=turn.tr.lang,
            request=request,
            recipients=recipients,
        )
        desk = CaseDesk(turn.unit, self.org)
        desk.schedule(case)
        aftercare.schedule_checkins(desk.work, self.org, case)
        tr = turn.tr
        roles = render.role_list([r.contact.role.value for r in recipients], tr)
        hours = self.org.acknowledge_within_hours
        turn.say(tr(texts.SUBMITTED, code=case.code))
        if flow.name == "niet_pluis":
            routed = (
                texts.ROUTED_NIET_PLUIS_BESPREKEN
                if turn.slots.get("niet_pluis_mode") == "bespreken"
                else texts.ROUTED_NIET_PLUIS_MELDEN
            )
        else:
            routed = texts.ROUTED
        turn.say(tr(routed, recipients=roles, hours=hours) + "\n" + tr(texts.KEEP_CODE))
        turn.say(render.immediate_aftercare(flow.name, case.platform, tr))
        turn.say(render.referral_list(self.org, tr))
        log.info("report submitted: kind=%s recipients=%d", flow.name, len(recipients))
        self._enter_menu(turn)


# -- registries: conditions, dynamic options and renderers the flows refer to by name ----


def _single_team(engine: Engine, turn: Turn) -> bool:
    return len(engine.org.teams) <= 1


def _line_manager_not_involved(engine: Engine, turn: Turn) -> bool:
    """Ask about the line manager only if the routing could actually reach one."""
    slots = turn.slots
    if slots.get("preferred_role") not in (None, "none"):
        return True
    request = engine.routing_request(turn)
    candidates = route(engine.org, request)
    return not any(r.contact.line_manager for r in candidates)


PREDICATES: dict[str, Predicate] = {
    "single_team": _single_team,
    "line_manager_not_involved": _line_manager_not_involved,
    **aftercareflow.PREDICATES,
}


def _team_options(engine: Engine, turn: Turn) -> tuple[Option, ...]:
    options = [Option(t.id, localized(t.name, turn.tr.lang)) for t in engine.org.teams]
    options.append(Option("none", texts.TEAM_NOT_SAY, synonyms=("liever niet", "rather not")))
    return tuple(options)


def _role_options(engine: Engine, turn: Turn) -> tuple[Option, ...]:
    options = [
        Option(role.value, texts.ROLE_CHOICE[role.value], synonyms=(role.value,))
        for role in engine.org.roles_for_choice()
    ]
    options.append(
        Option("none", texts.NO_PREFERENCE, synonyms=("maakt niet uit", "geen", "no preference"))
    )
    return tuple(options)


def _editable_steps(engine: Engine, turn: Turn) -> tuple[Option, ...]:
    assert turn.flow is not None
    options = []
    for step in turn.flow.steps:
        if step.summary_label is None or step.slot is None:
            continue
        if step.slot in turn.slots or step.name in turn.history:
            options.append(Option(step.name, step.summary_label))
    return tuple(options)


OPTION_SOURCES: dict[str, OptionSource] = {
    "teams": _team_options,
    "roles": _role_options,
    "editable_steps": _editable_steps,
    **caseflow.OPTION_SOURCES,
}


def _render_summary(engine: Engine, turn: Turn) -> str:
    assert turn.flow is not None
    asked = [
        s
        for s in turn.flow.steps
        if s.slot and (s.slot in turn.slots or s.name in turn.history) and s.summary_label
    ]
    evidence = turn.unit.draft_evidence(turn.key)
    if turn.flow.name in REPORT_FLOWS:
        recipients = route(engine.org, engine.routing_request(turn))
        roles = [r.contact.role.value for r in recipients]
    else:
        roles = []
    return render.summary(turn.flow, asked, turn.slots, evidence, roles, turn.tr, engine.org)


def _render_privacy(engine: Engine, turn: Turn) -> str:
    return turn.tr(texts.PRIVACY, months=12)


RENDERERS: dict[str, Renderer] = {
    "summary": _render_summary,
    "privacy": _render_privacy,
    **caseflow.RENDERERS,
    **aftercareflow.RENDERERS,
}

EFFECTS: dict[str, Effect] = {
    **caseflow.EFFECTS,
    **aftercareflow.EFFECTS,
    **privacyflow.EFFECTS,
}
OPTION_FILTERS: dict[str, OptionFilter] = dict(caseflow.OPTION_FILTERS)

"""Trust: retention purges to anonymous statistics, key rotation, hostile input anywhere."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from cryptography.fernet import Fernet
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from bot.runtime import Runtime
from dialogs.export import case_json
from dialogs.messages import Incoming
from storage.crypto import DecryptionError, Vault
from storage.keys import rotate_all
from storage.models import Case
from storage.retention import purge
from tests.stepchat import Driver, StepChat
from tests.test_aftercare import DELETE_MY_DATA
from tests.test_case_handling import Clock, open_case, outbox, report
from tests.test_conversation_control import EVERY_STEP, REPORTS, step_id


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def world(make_runtime: Callable[..., Runtime], clock: Clock) -> tuple[Runtime, Driver]:
    runtime = make_runtime(clock=clock)
    return runtime, Driver(runtime)


def test_closed_cases_are_purged_to_statistics_after_the_retention_period(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    runtime, driver = world
    code = report(driver)
    close = open_case(
        code,
        case_view=["close"],
        close_outcome="handled",
        close_feedback="Opgelost met de familie.",
    )
    driver.session(close, user="af-anna")
    driver.session(["online", "Een half verhaal dat nooit af kwam."], user="ander")
    clock.advance(days=31)
    with runtime.store.unit() as unit:
        early = purge(unit)
    assert early.cases == 0, "not before the retention period"
    assert early.drafts == 1, "the unfinished report of 'ander' is forgotten after 30 days"
    clock.advance(days=365)
    with runtime.store.unit() as unit:
        assert purge(unit).cases == 1
    with runtime.store.unit() as unit:
        case = unit.case_by_code(code)
        assert case is not None
        exported = case_json(case)
    assert exported["description"] is None
    assert exported["kind"] == "online_threat"
    assert exported["platform"] == "instagram"
    assert case.reporter_ref == "purged"
    fresh = driver.session([], user="ander")
    assert "Welkom terug" not in fresh.all_text


def test_unused_chats_are_forgotten_after_the_retention_period_unless_a_case_needs_them(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    runtime, driver = world
    store = runtime.store
    code = report(driver)  # the melder's case stays open: their chat is still needed
    driver.session(["hallo"], user="stille")  # someone who only looked around
    quiet = store.pseudonym("console", "stille")
    melder = store.pseudonym("console", "melder")
    with store.unit() as unit:
        unit.set_channel_value("console", "chat:" + quiet, "keyboard 12")
        unit.set_channel_value("console", "chat:" + melder, "keyboard 13")
    clock.advance(days=200)
    with store.unit() as unit:
        assert purge(unit).chats == 0, "not before the retention period"
    clock.advance(days=200)
    with store.unit() as unit:
        assert purge(unit).chats == 1
    with store.unit() as unit:
        assert unit.load_conversation(quiet) is None
        assert unit.channel_value("console", "chat:" + quiet) is None
        assert unit.load_conversation(melder) is not None
        assert unit.channel_value("console", "chat:" + melder) == "keyboard 13"
        assert unit.case_by_code(code) is not None
    again = driver.session(["hallo"], user="stille")
    assert again.all_text, "someone forgotten simply starts afresh"


def test_erasure_removes_what_a_channel_remembers_of_the_chat(
    world: tuple[Runtime, Driver],
) -> None:
    runtime, driver = world
    store = runtime.store
    report(driver)
    melder = store.pseudonym("console", "melder")
    other = store.pseudonym("console", "iemand-anders")
    with store.unit() as unit:
        unit.set_channel_value("console", "chat:" + melder, "keyboard 7")
        unit.set_channel_value("console", "chat:" + other, "keyboard 8")
    talk = driver.talk(["privacy", DELETE_MY_DATA])
    assert "verwijderd" in talk.reply("delete_confirm").texts[0]
    with store.unit() as unit:
        assert unit.load_conversation(melder) is None
        assert unit.channel_value("console", "chat:" + melder) is None
        assert unit.channel_value("console", "chat:" + other) == "keyboard 8"


def test_the_running_bot_purges_daily(world: tuple[Runtime, Driver], clock: Clock) -> None:
    runtime, _driver = world
    runtime.tick()
    runtime.tick()
    clock.advance(hours=25)
    runtime.tick()
    with runtime.store.unit() as unit:
        runs = [e for e in unit.audit_events() if e.action == "retention_purge"]
    assert len(runs) == 2


def test_key_rotation_keeps_everything_readable_under_the_new_key(
    world: tuple[Runtime, Driver],
    clock: Clock,
    make_runtime: Callable[..., Runtime],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    runtime, driver = world
    code = report(driver)
    old_key = (runtime.settings.data_dir / "keys" / "data.key").read_text().strip()
    new_key = Fernet.generate_key().decode()
    monkeypatch.setenv("ZV_DATA_KEY", f"{new_key},{old_key}")
    both = make_runtime(fresh_settings=True, clock=clock)
    counts = rotate_all(both.store.engine, both.store.vault, batch=3)
    assert counts["case.details_enc"] == 1
    assert counts["conversation.state_enc"] == 1, "the melder's conversation"
    monkeypatch.setenv("ZV_DATA_KEY", new_key)  # the old key is gone now
    only_new = make_runtime(fresh_settings=True, clock=clock)
    with only_new.store.unit() as unit:
        case = unit.case_by_code(code)
    assert case is not None
    assert "mevrouw K." in case.details["description"]
    with only_new.store.unit() as unit:
        raw = unit.session.exec(select(Case.details_enc)).one()
    old_only = Vault([old_key.encode()], b"0" * 32)
    with pytest.raises(DecryptionError):
        old_only.decrypt(raw)  # really re-encrypted, not just readable
    anna = Driver(only_new).talk(open_case(code), user="af-anna")
    assert any(code in n for n in outbox(anna.greeting)), "queued notices are readable too"
    assert "mevrouw K." in anna.question("case_view").all_text


_HOSTILE = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(categories=["Cf", "Mn", "Zs", "So", "Cc"]), max_size=60),
    st.sampled_from(
        [
            "\u202egnp.exe",
            "\u200b\u200b\u200b",
            "مرحبا أنا في خطر",
            "👨‍⚕️🔪🚪",
            "ZV-" + "A" * 4,
            "zv-7k3q",
            "/start@bot",
            "%s%s%n",
            "{code}{0}{}",
            "' OR 1=1; --",
            "x" * 4001,
            "\x00\x1b[2J",
        ]
    ),
)


# The engine's input handling is the same on every database: SQLite keeps this fast.
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize(("flow", "step"), EVERY_STEP, ids=map(step_id, EVERY_STEP))
@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=_HOSTILE, choice=st.one_of(st.none(), st.text(max_size=40)))
def test_hostile_input_never_breaks_a_conversation(
    runtime: Runtime, flow: str, step: str, text: str, choice: str | None
) -> None:
    chat = f"h-{uuid.uuid4().hex[:12]}"  # a new chat for each example, also a repeated one
    engine = runtime.engine
    if flow != "menu":
        start, answers = REPORTS[flow]
        melder = StepChat(engine, user=chat)
        melder.send(start)
        melder.answer(flow, answers, until=step)
        assert melder.position() == (flow, step)
    reply = engine.handle(
        Incoming(channel="console", chat_id=chat, user_id=chat, text=text, choice=choice)
    )
    assert reply.messages, "every message gets an answer"
    assert all(m.text.strip() for m in reply.messages)
    # and the conversation can still be stopped and goes on normally afterwards
    after = engine.handle(Incoming(channel="console", chat_id=chat, user_id=chat, text="stop"))
    assert after.messages
    with runtime.store.unit() as unit:
        cases = unit.cases_of_reporter(runtime.store.pseudonym("console", chat))
    # Nothing half-stored: a case exists only when the input really confirmed the summary
    # (a "1" there is "Ja, verstuur"), and then the melder was told its code.
    told = " ".join(m.text for m in reply.messages)
    assert all(case.code in told for case in cases), "a case the melder was not told about"

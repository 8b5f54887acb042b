"""Two bot processes on one database (as behind a webhook load balancer): no update is
handled twice and no conversation is corrupted."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from bot.runtime import Runtime
from dialogs.messages import Incoming
from tests.test_conversation_report import DESCRIPTION, ONLINE_ANONYMOUS


def test_two_processes_handle_each_update_once_and_keep_conversations_whole(
    make_runtime: Callable[..., Runtime],
) -> None:
    # Two runtimes with their own connection pools stand for two processes.
    first, second = make_runtime(), make_runtime()
    chats = [f"chat-{n}" for n in range(6)]
    answered: dict[str, int] = {}

    def deliver(chat: str) -> None:
        """Every update of a chat arrives at both processes (a retrying load balancer)."""
        for number, line in enumerate(ONLINE_ANONYMOUS):
            update = Incoming(
                channel="telegram",
                chat_id=chat,
                user_id=chat,
                text=line,
                message_id=f"{chat}:{number}",
            )
            with ThreadPoolExecutor(max_workers=2) as pool:
                futures = [pool.submit(rt.engine.handle, update) for rt in (first, second)]
                replies = [f.result() for f in futures]
            answered[update.message_id or ""] = sum(1 for r in replies if r.messages)

    with ThreadPoolExecutor(max_workers=3) as pool:
        list(pool.map(deliver, chats))

    assert set(answered.values()) == {1}, "each update answered by exactly one process"
    with first.store.unit() as unit:
        cases = unit.all_cases()
    assert len(cases) == len(chats), "every conversation reached its confirmed report"
    assert {c.details["description"] for c in cases} == {DESCRIPTION}
    for case in cases:
        assert {c for c, _, _ in case.routed_to} == {"af-anna", "mt-team"}

"""Load benchmark: simulated melders through complete conversations against the engine.

Each simulated melder writes a whole report (online threat, aggression or niet-pluis, with
free text through the NLU and button choices) directly against the engine with its real
storage. Reports messages per second, p50/p95/p99 latency per message and peak memory,
for a number of interleaved conversations and a number of cases already stored.

    .venv/bin/python bench/engine_load.py --conversations 1 100 1000 --stored 1000 1000000
    .venv/bin/python bench/engine_load.py --database postgresql+psycopg://...   # PostgreSQL

Not a test: numbers go into bench/README.md. Traffic stays inside this process.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.runtime import Runtime, build_runtime
from bot.settings import Settings
from dialogs.learned import warm_up
from dialogs.messages import Incoming


@dataclass(frozen=True)
class Press:
    """A button press (what Telegram sends for a choice): no text, no NLU."""

    choice: str


def press(choice: str) -> Press:
    """A button press in a script; plain strings are typed text."""
    return Press(choice)


Line = str | Press

#: What the bot's last answer to a confirmed report contains: the case's code.
CASE_CODE = re.compile(r"\bZV-[A-Z0-9]{4,}\b")

#: Typed free text goes through the NLU; choices are button presses, as on Telegram.
SCRIPTS: dict[str, list[Line]] = {
    "online_threat": [
        "ik word bedreigd op instagram door de zoon van een patiënt",
        "Hij schreef dat hij weet waar ik woon en dat ik moet oppassen.",
        press("yes"),  # "Ik heb begrepen: via Instagram, door een familielid. Klopt dat?"
        press("yesterday"),
        "@account_123",
        press("done"),
        press("3"),
        press("anonymous"),
        press("kliniek-noord"),
        press("none"),
        press("confirm"),
    ],
    "aggression": [
        press("aggression"),
        "Een bezoeker schreeuwde en duwde mij tegen de balie.",
        press("yes"),  # the place, the kind of aggression and who did it were in the story
        press("today"),
        press("done"),
        press("2"),
        press("named"),
        "Sam de Vries",
        press("wijkzorg-zuid"),
        press("none"),
        press("exclude"),
        press("confirm"),
    ],
    # The cognitive-interview path: the whole story first, then only what is missing.
    "aggression_story": [
        "Gisteren rond 16:30 schold de vader van een patiënt mij uit aan de balie en dreigde "
        "dat hij me zou opwachten. Ik werk op de huisartsenpost. Ik meld dit met mijn naam, "
        "ik ben Lisa. Niet naar mijn leidinggevende.",
        "ja klopt",
        press("done"),
        press("3"),
        press("none"),
        press("confirm"),
    ],
    "niet_pluis": [
        "ik heb een niet pluis gevoel over hoe een collega met een bewoner omgaat",
        press("use_slot"),
        press("colleague"),
        press("bespreken"),
        press("anonymous"),
        press("none"),
        press("confirm"),
    ],
}


#: The same reports typed in words, as a melder on a phone answers without buttons: the
#: opening message, then the answer for each question (by step name) the bot asks.
TYPED: dict[str, tuple[str, str, dict[str, str]]] = {
    "online_threat": (
        "online_threat",
        "ik word bedreigd op instagram door de zoon van een patiënt",
        {
            "what": "Hij schreef dat hij weet waar ik woon en dat ik moet oppassen.",
            "understood": "ja klopt",
            "when": "gisteravond",
            "where": "via insta",
            "handle": "@account_123",
            "who": "de zoon van een patiënt",
            "evidence": "nee, ik heb geen screenshots",
            "impact": "gaat wel",
            "anonymity": "liever anoniem",
            "team": "kliniek noord",
            "contact_pref": "maakt niet uit",
            "summary": "klopt, verstuur maar",
        },
    ),
    "aggression": (
        "aggression",
        "ik wil agressie melden",
        {
            "what": "Een bezoeker schreeuwde en duwde mij tegen de balie.",
            "understood": "klopt",
            "when": "vanochtend",
            "where": "bij de balie",
            "aro": "hij duwde me",
            "who": "een bezoeker",
            "evidence": "niks",
            "impact": "niet zo goed",
            "anonymity": "met mijn naam",
            "name": "Sam de Vries",
            "team": "wijkverpleging zuid",
            "contact_pref": "weet ik niet",
            "line_manager": "liever niet",
            "summary": "ja klopt",
        },
    ),
    "aggression_story": (
        "aggression",
        "Gisteren rond 16:30 schold de vader van een patiënt mij uit aan de balie en dreigde "
        "dat hij me zou opwachten. Ik werk op de huisartsenpost. Ik meld dit met mijn naam, "
        "ik ben Lisa. Niet naar mijn leidinggevende.",
        {
            "understood": "ja klopt",
            "evidence": "nee hoor",
            "impact": "gaat wel",
            "anonymity": "met mijn naam",
            "name": "ja",
            "contact_pref": "maakt niet uit",
            "line_manager": "liever niet",
            "summary": "ja verstuur maar",
        },
    ),
    "niet_pluis": (
        "niet_pluis",
        "ik heb een niet pluis gevoel over hoe een collega met een bewoner omgaat",
        {
            "what": "zie hierboven",
            "understood": "ja",
            "about": "over een collega",
            "mode": "eerst even bespreken",
            "anonymity": "anoniem",
            "team": "zeg ik liever niet",
            "summary": "verstuur maar",
        },
    ),
}


class TypedMelder:
    """A melder who types every answer: the next message depends on the question asked."""

    def __init__(self, runtime: Runtime, chat: str, kind: str) -> None:
        self.runtime, self.chat = runtime, chat
        self.kind, self.opening, self.answers = TYPED[kind]
        self.sent = 0

    def next_line(self) -> Line | None:
        """The next message, or None when the report is done (the flow was left)."""
        if self.sent == 0:
            self.sent += 1
            return self.opening
        store = self.runtime.store
        with store.unit() as unit:
            stored = unit.load_conversation(store.pseudonym("console", self.chat), lock=False)
        if stored is None or stored.flow != self.kind or stored.step is None:
            return None
        assert stored.step in self.answers, f"{self.kind}: no typed answer for {stored.step}"
        self.sent += 1
        return self.answers[stored.step]


@dataclass
class Result:
    """One measured run."""

    database: str
    conversations: int
    stored: int
    messages: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    peak_rss_mb: float

    @property
    def per_second(self) -> float:
        return self.messages / self.seconds


def seed_cases(runtime: Runtime, count: int) -> None:
    """Insert `count` plausible closed cases directly (bulk), to measure latency at scale."""
    if count <= 0:
        return
    vault = runtime.store.vault
    details = vault.encrypt(json.dumps({"description": "seeded"}).encode())
    now = datetime.now(UTC).replace(tzinfo=None)
    kinds = ("online_threat", "aggression", "niet_pluis")
    engine = runtime.store.engine
    batch = 20_000
    with engine.begin() as conn:
        existing = conn.execute(sa.text('SELECT COUNT(*) FROM "case"')).scalar_one()
    for start in range(existing, count, batch):
        rows = [
            {
                "code": f"ZV-S{n:07d}",
                "kind": kinds[n % 3],
                "status": "closed",
                "anonymous": True,
                "reporter_ref": f"p:seed{n}",
                "channel": "console",
                "lang": "nl",
                "severity": "normal",
                "details_enc": details,
                "created_at": now,
                "updated_at": now,
                "checkins": False,
            }
            for n in range(start, min(start + batch, count))
        ]
        with engine.begin() as conn:
            conn.execute(
                sa.text(
                    'INSERT INTO "case" (code, kind, status, anonymous, reporter_ref, channel, '
                    "lang, severity, details_enc, created_at, updated_at, checkins) VALUES "
                    "(:code, :kind, :status, :anonymous, :reporter_ref, :channel, :lang, "
                    ":severity, :details_enc, :created_at, :updated_at, :checkins)"
                ),
                rows,
            )
    if engine.dialect.name == "sqlite":
        # Fold the bulk load into the database file now, not during the measured run.
        with engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def incoming(chat: str, line: Line) -> Incoming:
    """One message of a simulated melder."""
    if isinstance(line, Press):
        return Incoming(channel="console", chat_id=chat, user_id=chat, choice=line.choice)
    return Incoming(channel="console", chat_id=chat, user_id=chat, text=line)


def _seed(count: int) -> None:
    """Seed cases from a child process (same settings through the environment)."""
    runtime = build_runtime(Settings())
    seed_cases(runtime, count)
    runtime.close()


def run(
    runtime: Runtime,
    conversations: int,
    rng: random.Random,
    reports: int = 0,
    *,
    typed: bool = False,
) -> tuple[list[float], float]:
    """Keep `conversations` melders busy at once until `reports` reports (at least one per
    melder) are complete; each melder's messages interleave with the others'. `typed`:
    every answer in words (`TYPED`), no button pressed.

    Returns the latency of every message (ms) and the seconds the whole run took.
    """
    engine = runtime.engine
    total = max(conversations, reports)
    started_reports = 0

    def new_melder() -> tuple[str, list[Line] | TypedMelder]:
        nonlocal started_reports
        started_reports += 1
        kind = rng.choice(list(SCRIPTS))
        chat = f"bench-{rng.randrange(10**12)}-{started_reports}"
        return chat, TypedMelder(runtime, chat, kind) if typed else list(SCRIPTS[kind])

    active = [new_melder() for _ in range(conversations)]
    latencies: list[float] = []
    confirmed = 0
    driver = 0.0
    started = time.perf_counter()
    while active:
        index = rng.randrange(len(active))
        chat, lines = active[index]
        if isinstance(lines, TypedMelder):
            # Reading where the chat is costs the driver, not the engine: not counted.
            looked = time.perf_counter()
            line = lines.next_line()
            driver += time.perf_counter() - looked
        else:
            line = lines.pop(0)
        assert line is not None, f"{chat}: the report ended without a case code"
        message = incoming(chat, line)
        sent = time.perf_counter()
        reply = engine.handle(message)
        latencies.append((time.perf_counter() - sent) * 1000)
        assert reply.messages, "every message is answered"
        code = any(CASE_CODE.search(m.text) for m in reply.messages)
        done = code if isinstance(lines, TypedMelder) else not lines
        if done:  # this report is done: the next melder takes the place (O(1))
            confirmed += code
            if started_reports < total:
                active[index] = new_melder()
            else:
                active[index] = active[-1]
                active.pop()
    seconds = time.perf_counter() - started - driver
    assert confirmed == total, f"{confirmed} of {total} reports were given a case code"
    return latencies, seconds


def _worker(
    conversations: int,
    reports: int,
    seed: int,
    barrier: Any,
    results: Any,
) -> None:
    """One engine process of a multi-process run: its own runtime on the shared database."""
    runtime = build_runtime(Settings())
    runtime.store.start_background_work()  # as `zorgveilig run` does
    warm_up(runtime.engine.flows, runtime.settings.answer_models_path)  # as `zorgveilig run`
    rng = random.Random(seed)
    run(runtime, 2, rng)  # warm up
    barrier.wait()
    latencies, seconds = run(runtime, conversations, rng, reports)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results.put((latencies, seconds, peak))
    runtime.close()


def run_processes(
    processes: int, conversations: int, reports: int, seed: int
) -> tuple[list[float], float, float]:
    """The load split over `processes` engine processes started together (as a webhook
    behind a load balancer would run them); latencies, seconds and the largest peak RSS."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(processes)
    results = context.Queue()
    workers = [
        context.Process(
            target=_worker,
            args=(
                max(1, conversations // processes),
                max(1, reports // processes),
                seed + n,
                barrier,
                results,
            ),
        )
        for n in range(processes)
    ]
    for worker in workers:
        worker.start()
    collected = [results.get(timeout=600) for _ in workers]
    for worker in workers:
        worker.join()
        if worker.exitcode != 0:
            raise RuntimeError(f"an engine process failed ({worker.exitcode})")
    latencies = [value for got in collected for value in got[0]]
    seconds = max(got[1] for got in collected)
    return latencies, seconds, max(got[2] for got in collected)


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100)."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def main() -> int:
    """Run the benchmark matrix and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", default=None, help="SQLAlchemy URL (default: SQLite)")
    parser.add_argument("--conversations", type=int, nargs="+", default=[1, 100, 1000])
    parser.add_argument("--stored", type=int, nargs="+", default=[1000, 1_000_000])
    parser.add_argument(
        "--reports", type=int, default=300, help="complete reports per row, at least"
    )
    parser.add_argument(
        "--processes", type=int, default=1, help="engine processes sharing the database"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--typed", action="store_true", help="melders type every answer in words (no buttons)"
    )
    args = parser.parse_args()

    speed = machine_speed()
    workdir = Path(tempfile.mkdtemp(prefix="zv-bench-"))
    os.environ["ZV_DATA_DIR"] = str(workdir / "var")
    os.environ["ZV_RATE_LIMIT"] = "100000"
    if args.database:
        os.environ["ZV_DATABASE_URL"] = args.database
    # Train the NLU model in a separate process, as an operator's `zorgveilig nlu train`
    # does: the benchmark then serves from the model file like the running bot, and its
    # memory figure holds no trainer.
    subprocess.run(
        [str(Path(sys.executable).parent / "zorgveilig"), "nlu", "train"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    runtime = build_runtime(Settings())
    runtime.store.start_background_work()  # as `zorgveilig run` does
    warm_up(runtime.engine.flows, runtime.settings.answer_models_path)  # as `zorgveilig run`
    label = "postgresql" if args.database else "sqlite"
    rng = random.Random(args.seed)
    run(runtime, 5, rng)  # warm up: imports, model, prepared statements
    results = []
    for stored in sorted(args.stored):
        # Seeded by a separate process, so the memory figures are the serving process's.
        seeder = multiprocessing.get_context("spawn").Process(target=_seed, args=(stored,))
        seeder.start()
        seeder.join()
        if seeder.exitcode != 0:
            raise RuntimeError("seeding the cases failed")
        run(runtime, 50, rng)  # warm the caches again, as in a bot that has been running
        for conversations in args.conversations:
            if args.processes > 1:
                latencies, seconds, peak = run_processes(
                    args.processes, conversations, args.reports, rng.randrange(10**6)
                )
            else:
                latencies, seconds = run(
                    runtime, conversations, rng, args.reports, typed=args.typed
                )
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            messages = len(latencies)
            results.append(
                Result(
                    (label if args.processes == 1 else f"{label}, {args.processes} processes")
                    + (", typed" if args.typed else ""),
                    conversations,
                    stored,
                    messages,
                    seconds,
                    statistics.median(latencies),
                    percentile(latencies, 95),
                    percentile(latencies, 99),
                    peak,
                )
            )
            print(f"done: {conversations} conversations, {stored} stored", file=sys.stderr)
    print(
        "| database | stored cases | conversations | messages | msg/s "
        "| p50 ms | p95 ms | p99 ms | peak RSS MB |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r.database} | {r.stored:,} | {r.conversations:,} | {r.messages:,} | "
            f"{r.per_second:,.0f} | {r.p50_ms:.2f} | {r.p95_ms:.2f} | {r.p99_ms:.2f} | "
            f"{r.peak_rss_mb:.0f} |"
        )
    print(
        f"\nMachine speed at the start: a pure-Python reference loop took {speed:.2f} s "
        "(`sum(range(1000))` 100,000 times; lower is faster): compare runs on other days "
        "by it."
    )
    runtime.close()
    return 0


def machine_speed() -> float:
    """Seconds for a fixed pure-Python loop: how fast this machine runs Python right now
    (the same kind of machine varied by a factor of two from one day to the next)."""
    return min(timeit.repeat("sum(range(1000))", number=100_000, repeat=3))


if __name__ == "__main__":
    sys.exit(main())

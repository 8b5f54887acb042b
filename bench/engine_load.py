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
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.runtime import Runtime, build_runtime
from bot.settings import Settings
from dialogs.messages import Incoming


@dataclass(frozen=True)
class Press:
    """A button press (what Telegram sends for a choice): no text, no NLU."""

    choice: str


def press(choice: str) -> Press:
    """A button press in a script; plain strings are typed text."""
    return Press(choice)


Line = str | Press

#: Typed free text goes through the NLU; choices are button presses, as on Telegram.
SCRIPTS: dict[str, list[Line]] = {
    "online_threat": [
        "ik word bedreigd op instagram door de zoon van een patiënt",
        "Hij schreef dat hij weet waar ik woon en dat ik moet oppassen.",
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
        press("today"),
        press("reception"),
        press("fysiek"),
        press("bezoeker"),
        press("done"),
        press("2"),
        press("named"),
        "Sam de Vries",
        press("wijkzorg-zuid"),
        press("none"),
        press("exclude"),
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
                "exclude_line_manager": False,
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
                    "lang, exclude_line_manager, severity, details_enc, created_at, updated_at, "
                    "checkins) VALUES (:code, :kind, :status, :anonymous, :reporter_ref, "
                    ":channel, :lang, :exclude_line_manager, :severity, :details_enc, "
                    ":created_at, :updated_at, :checkins)"
                ),
                rows,
            )


def incoming(chat: str, line: Line) -> Incoming:
    """One message of a simulated melder."""
    if isinstance(line, Press):
        return Incoming(channel="console", chat_id=chat, user_id=chat, choice=line.choice)
    return Incoming(channel="console", chat_id=chat, user_id=chat, text=line)


def case_count(runtime: Runtime) -> int:
    """Cases stored so far (to check that every simulated report arrived)."""
    with runtime.store.engine.connect() as conn:
        return int(conn.execute(sa.text('SELECT COUNT(*) FROM "case"')).scalar_one())


def run(runtime: Runtime, conversations: int, rng: random.Random) -> tuple[list[float], float]:
    """Interleave `conversations` melders, each through one complete report.

    Returns the latency of every message (ms) and the seconds the whole run took.
    """
    engine = runtime.engine
    active = []
    for n in range(conversations):
        kind = rng.choice(list(SCRIPTS))
        active.append((f"bench-{rng.randrange(10**12)}-{n}", list(SCRIPTS[kind])))
    before = case_count(runtime)
    latencies: list[float] = []
    started = time.perf_counter()
    while active:
        index = rng.randrange(len(active))
        chat, lines = active[index]
        message = incoming(chat, lines.pop(0))
        sent = time.perf_counter()
        reply = engine.handle(message)
        latencies.append((time.perf_counter() - sent) * 1000)
        assert reply.messages, "every message is answered"
        if not lines:  # this melder is done: swap it out in O(1)
            active[index] = active[-1]
            active.pop()
    seconds = time.perf_counter() - started
    stored = case_count(runtime) - before
    assert stored == conversations, f"{stored} of {conversations} reports became a case"
    return latencies, seconds


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
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

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
    label = "postgresql" if args.database else "sqlite"
    rng = random.Random(args.seed)
    run(runtime, 5, rng)  # warm up: imports, model, prepared statements
    results = []
    for stored in sorted(args.stored):
        seed_cases(runtime, stored)
        for conversations in args.conversations:
            latencies, seconds = run(runtime, conversations, rng)
            messages = len(latencies)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            results.append(
                Result(
                    label,
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
    runtime.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

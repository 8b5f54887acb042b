"""Crash benchmark over Telegram: melders report while `zorgveilig run` is SIGKILLed.

The same run as tests/test_telegram_crash.py (tests/crash_run.py), larger: the real
command long-polls the fake Bot API server (tests/fake_telegram.py) in this process;
melders answer what the bot asks and wait for each answer; a killer task kills the bot
at random moments and starts it again; a few melders in acute danger send a message
that alerts security, while the meldteam's group chat takes every report's notice at
Telegram's group rate (20 a minute, with the overall rate at Telegram's 30 a second).
Printed: melders, kills, unanswered messages, presses refused as stale, duplicate
cases, notices and duplicate notices, and the alert latency from the melder's message
to the alert arriving (p50, max).

    .venv/bin/python bench/crash_load.py --melders 50 --kills 10 --alerts 5

With `--processes 3 --database URL` (a PostgreSQL server, e.g. from scripts/with-postgres):
three processes take the webhook behind HAProxy (docs/deployment/haproxy.cfg) and one of
them is killed at a time; the README's "Several processes" has the figures.

Not a test: numbers go into bench/README.md. Traffic stays on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.crash_run import crash_run  # noqa: E402


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--melders", type=int, default=50)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--alerts", type=int, default=5)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--max-rate", type=float, default=30, help="ZV_TELEGRAM_MAX_RATE")
    parser.add_argument("--processes", type=int, default=1, help="webhook processes (>1)")
    parser.add_argument("--database", help="ZV_DATABASE_URL (PostgreSQL for --processes)")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="zv-bench-crash-"))
    env = {"ZV_DATA_DIR": str(workdir / "var")}
    try:
        result = await crash_run(
            env,
            workdir / "var",
            melders=args.melders,
            kills=args.kills,
            alerts=args.alerts,
            seed=args.seed,
            max_rate=args.max_rate,
            outbox_timeout=600,
            processes=args.processes,
            database_url=args.database,
        )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(
        "| processes | melders | kills | unanswered | answered twice | stale presses | codes seen "
        "| cases | duplicate cases | notices | duplicate notices | alerts | alert p50 s "
        "| alert max s | run s |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    latencies = sorted(result.alert_latencies)
    p50 = f"{latencies[len(latencies) // 2]:.2f}" if latencies else "–"
    worst = f"{latencies[-1]:.2f}" if latencies else "–"
    print(
        f"| {args.processes} | {result.melders} | {result.kills} | {result.unanswered} "
        f"| {result.answered_twice} | {result.stale_presses} "
        f"| {result.codes} | {result.cases} | {result.duplicate_cases} | {result.notices} "
        f"| {result.duplicate_notices} | {len(latencies)} | {p50} | {worst} "
        f"| {result.seconds:.0f} |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))

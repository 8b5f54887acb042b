"""Embedded classifier vs Rasa DIET on one split: train on nlu/data/, test on nlu/heldout/.

Measures macro-F1 (per language and overall), acute_danger recall (rule OR top intent, and
the classifier alone), training time, parse latency p50/p99 in-process and over HTTP on
127.0.0.1, and peak memory. Needs the Rasa virtualenv (`make rasa-install`); the bot's own
virtualenv runs this script:

    .venv/bin/python bench/nlu_compare.py --write bench/README.md

A benchmark, not a test: it prints a Markdown table and, with --write, replaces the results
section of bench/README.md. All traffic stays on 127.0.0.1; every wait is bounded.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from sklearn.metrics import f1_score

from nlu.acute import AcuteDangerRules
from nlu.embedded import EmbeddedInterpreter
from nlu.factory import DEFAULT_DATA_DIR, HELDOUT_DIR
from nlu.interpreter import IntentScore, Interpreter, ParseResult
from nlu.rasa_client import RasaInterpreter
from nlu.rasa_server import RASA_CONFIG, RasaServer, rasa_executable, train_rasa
from nlu.training_data import Example, load_training_data

BENCH_DIR = Path(__file__).resolve().parent
RESULTS_START = "<!-- results:start -->"
RESULTS_END = "<!-- results:end -->"


@dataclass
class Run:
    """What one backend did on the held-out set."""

    name: str
    train_seconds: float = 0.0
    train_note: str = ""
    predictions: dict[str, list[ParseResult]] = field(default_factory=dict)
    latency_inproc_ms: list[float] = field(default_factory=list)
    latency_http_ms: list[float] = field(default_factory=list)
    memory: str = ""
    startup_seconds: float | None = None


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100), nearest rank."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def macro_f1(examples: list[Example], results: list[ParseResult]) -> float:
    """Macro-F1 over the intents of the gold labels."""
    gold = [e.intent for e in examples]
    predicted = [r.intent.name for r in results]
    return float(
        f1_score(gold, predicted, labels=sorted(set(gold)), average="macro", zero_division=0)
    )


def acute_recall(
    examples: list[Example], results: list[ParseResult], *, rules: bool
) -> tuple[float, int, int]:
    """Share of acute_danger examples recognised (by rule or top intent, or intent alone)."""
    hits = total = 0
    for example, result in zip(examples, results, strict=True):
        if example.intent != "acute_danger":
            continue
        total += 1
        hits += result.intent.name == "acute_danger" or (rules and result.acute)
    return (hits / total if total else 1.0), hits, total


def timed_parses(
    parse: Callable[[str], ParseResult], texts: list[str], passes: int
) -> tuple[list[ParseResult], list[float]]:
    """Parse every text `passes` times (after a warm-up); results of the first pass."""
    for text in texts[:20]:
        parse(text)
    results: list[ParseResult] = []
    latencies: list[float] = []
    for run in range(passes):
        for text in texts:
            started = time.perf_counter()
            result = parse(text)
            latencies.append((time.perf_counter() - started) * 1000)
            if run == 0:
                results.append(result)
    return results, latencies


class _EmbeddedHandler(BaseHTTPRequestHandler):
    """`POST /model/parse` for the embedded classifier, shaped like Rasa's."""

    interpreter: Interpreter

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        text = json.loads(self.rfile.read(length))["text"]
        body = json.dumps(self.interpreter.parse(text).to_rasa_json()).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def embedded_http(interpreter: Interpreter) -> Iterator[str]:
    """The embedded classifier behind a tiny HTTP server on 127.0.0.1; yields its URL."""
    handler = type("Handler", (_EmbeddedHandler,), {"interpreter": interpreter})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


class _NoFallback:
    """A fallback that marks its results, so a Rasa failure can never count as Rasa's answer."""

    def parse(self, text: str) -> ParseResult:
        none = IntentScore("out_of_scope", 0.0)
        return ParseResult(text=text, intent=none, ranking=(none,), backend="failed")


def run_embedded(heldout: dict[str, list[Example]], passes: int) -> Run:
    """Train and evaluate the embedded classifier in this process."""
    run = Run("embedded (scikit-learn, served by numpy)")
    data = load_training_data(DEFAULT_DATA_DIR)
    cpu_started = time.process_time()
    started = time.perf_counter()
    interpreter = EmbeddedInterpreter.train(data, acute_rules=AcuteDangerRules())
    run.train_seconds = time.perf_counter() - started
    run.train_note = f"CPU {time.process_time() - cpu_started:.1f} s"
    # Memory of training measured in a second run: tracemalloc slows Python down.
    tracemalloc.start()
    EmbeddedInterpreter.train(data, acute_rules=AcuteDangerRules())
    _, train_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    texts = [e.text for examples in heldout.values() for e in examples]
    for lang, examples in heldout.items():
        run.predictions[lang], _ = timed_parses(interpreter.parse, [e.text for e in examples], 1)
    _, run.latency_inproc_ms = timed_parses(interpreter.parse, texts, passes)
    with embedded_http(interpreter) as url:
        client = RasaInterpreter(url, _NoFallback(), timeout=10)
        _, run.latency_http_ms = timed_parses(client.parse, texts, passes)
        client.close()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    run.memory = (
        f"{rss_mb:.0f} MB peak RSS (bench process); "
        f"training peak {train_peak / 2**20:.0f} MB (tracemalloc)"
    )
    return run


def children_cpu() -> float:
    """CPU seconds (user + system) of the finished child processes."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run_rasa(
    heldout: dict[str, list[Example]],
    passes: int,
    model: Path | None,
    workdir: Path,
    save_model: Path | None = None,
) -> Run:
    """Train (unless a model is given), serve and evaluate Rasa DIET over HTTP."""
    run = Run("Rasa 3.6.21 DIET")
    if model is None:
        cpu_before = children_cpu()
        started = time.perf_counter()
        model = train_rasa([DEFAULT_DATA_DIR], workdir, timeout=3_600)
        run.train_seconds = time.perf_counter() - started
        cpu = children_cpu() - cpu_before
        run.train_note = f"CPU {cpu:.0f} s; `rasa train nlu` incl. Rasa/TensorFlow start-up"
        if save_model is not None:
            save_model.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(model, save_model)
    else:
        run.train_note = "not measured: --rasa-model given"
    texts = [e.text for examples in heldout.values() for e in examples]
    started = time.perf_counter()
    with RasaServer(model, startup_timeout=300) as server:
        run.startup_seconds = time.perf_counter() - started
        client = RasaInterpreter(server.url, _NoFallback(), timeout=30)
        for lang, examples in heldout.items():
            results, _ = timed_parses(client.parse, [e.text for e in examples], 1)
            if any(r.backend != "rasa" for r in results):
                raise SystemExit("a Rasa parse fell back: the numbers would not be Rasa's")
            run.predictions[lang] = results
        _, run.latency_http_ms = timed_parses(client.parse, texts, passes)
        client.close()
        assert server.pid is not None
        run.memory = f"{peak_rss_mb(server.pid):.0f} MB peak RSS (`rasa run` server process)"
    return run


def ms(values: list[float]) -> str:
    if not values:
        return "–"
    return f"{statistics.median(values):.2f} / {percentile(values, 99):.2f}"


def table(runs: list[Run], heldout: dict[str, list[Example]]) -> str:
    """The results as a Markdown table, one column per backend."""
    rows: list[tuple[str, list[str]]] = []
    for lang, examples in heldout.items():
        rows.append(
            (
                f"held-out macro-F1, {lang} ({len(examples)} examples)",
                [f"{macro_f1(examples, r.predictions[lang]):.3f}" for r in runs],
            )
        )
    everything = [e for examples in heldout.values() for e in examples]

    def joined(run: Run) -> list[ParseResult]:
        return [p for lang in heldout for p in run.predictions[lang]]

    rows.append(
        ("held-out macro-F1, all", [f"{macro_f1(everything, joined(r)):.3f}" for r in runs])
    )
    for label, rules in (
        ("acute_danger recall (rule OR top intent)", True),
        ("acute_danger recall (top intent alone)", False),
    ):
        cells = []
        for r in runs:
            recall, hits, total = acute_recall(everything, joined(r), rules=rules)
            cells.append(f"{recall:.3f} ({hits}/{total})")
        rows.append((label, cells))
    rows.append(
        (
            "training time",
            [
                f"{r.train_seconds:.1f} s" + (f" ({r.train_note})" if r.train_note else "")
                for r in runs
            ],
        )
    )
    rows.append(
        (
            "server start-up (model load until first parse)",
            ["–" if r.startup_seconds is None else f"{r.startup_seconds:.1f} s" for r in runs],
        )
    )
    rows.append(
        ("parse latency in-process, p50 / p99 (ms)", [ms(r.latency_inproc_ms) for r in runs])
    )
    rows.append(
        (
            "parse latency over HTTP on 127.0.0.1, p50 / p99 (ms)",
            [ms(r.latency_http_ms) for r in runs],
        )
    )
    rows.append(("memory", [r.memory for r in runs]))
    lines = ["| | " + " | ".join(r.name for r in runs) + " |", "|---|" + "---|" * len(runs)]
    lines += [f"| {label} | " + " | ".join(cells) + " |" for label, cells in rows]
    return "\n".join(lines)


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB RAM, {platform.system()} "
        f"{platform.machine()}; bot on Python {platform.python_version()}, Rasa on Python 3.10; "
        f"load average at the end {load} (other work on the machine slows both backends)"
    )


def write_readme(path: Path, section: str) -> None:
    """Replace the results section of the README (between the markers)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if RESULTS_START in text and RESULTS_END in text:
        head, rest = text.split(RESULTS_START, 1)
        tail = rest.split(RESULTS_END, 1)[1]
        text = f"{head}{RESULTS_START}\n{section}\n{RESULTS_END}{tail}"
    else:
        text = f"{text}\n{RESULTS_START}\n{section}\n{RESULTS_END}\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--passes", type=int, default=3, help="latency passes over the held-out set"
    )
    parser.add_argument("--rasa-model", type=Path, help="use this trained model (skips training)")
    parser.add_argument("--save-model", type=Path, help="keep the trained Rasa model here")
    parser.add_argument("--write", type=Path, help="write the results into this README")
    parser.add_argument(
        "--embedded-only",
        action="store_true",
        help="only the embedded classifier: training time, macro-F1, latency (no Rasa)",
    )
    args = parser.parse_args(argv)
    if args.embedded_only:
        heldout = {
            lang: load_training_data(HELDOUT_DIR / f"{lang}.yml").examples for lang in ("nl", "en")
        }
        run = run_embedded(heldout, args.passes)
        examples = [e for lang in ("nl", "en") for e in heldout[lang]]
        results = [r for lang in ("nl", "en") for r in run.predictions[lang]]
        print(f"embedded: training {run.train_seconds:.1f} s ({run.train_note})")
        print(f"macro-F1 all {macro_f1(examples, results):.3f}")
        print(f"in-process p50/p99 ms: {ms(run.latency_inproc_ms)}")
        print(f"over HTTP p50/p99 ms: {ms(run.latency_http_ms)}")
        print(f"memory: {run.memory}")
        return 0
    if rasa_executable() is None:
        print("Rasa is not installed: run `make rasa-install` first", file=sys.stderr)
        return 2
    heldout = {
        lang: load_training_data(HELDOUT_DIR / f"{lang}.yml").examples for lang in ("nl", "en")
    }
    print("embedded ...", file=sys.stderr)
    runs = [run_embedded(heldout, args.passes)]
    print("Rasa (training, serving) ...", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="nlu-bench-") as workdir:
        runs.append(run_rasa(heldout, args.passes, args.rasa_model, Path(workdir), args.save_model))
    result = table(runs, heldout)
    command = "python bench/nlu_compare.py " + " ".join(argv if argv is not None else sys.argv[1:])
    epochs = next(
        (
            line.split(":")[1].strip()
            for line in RASA_CONFIG.read_text().splitlines()
            if line.strip().startswith("epochs:")
        ),
        "?",
    )
    section = (
        f"Run on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {machine()}.\n"
        f"Command: `.venv/bin/{command.strip()}` (latency over {args.passes} passes of the "
        f"held-out set after a warm-up; Rasa: `config/rasa/config.yml`, DIET {epochs} epochs)."
        f"\n\n{result}"
    )
    print(section)
    if args.write:
        write_readme(args.write, section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""What reading a story for facts costs (nlu/facts.py): time per story over the story sets.

    .venv/bin/python bench/facts_cost.py                       # nlu/dev/facts and nlu/heldout/facts
    .venv/bin/python bench/facts_cost.py --stories nlu/dev/facts --repeat 20

Every story is read with all extractors, as a report's story is (once per story). Reported:
mean, p50, p99 and max per story, warm (dateparser's cache of calendar dates filled by an
earlier pass) and cold (the cache emptied before every story, so each written date goes
through dateparser), per extractor, and the cost of the first story in a fresh process
(imports and compiled patterns, without `nlu.when.warm_up`). Not a test: the numbers go into
bench/README.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROOT = Path(__file__).resolve().parent.parent


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def _row(name: str, values: list[float]) -> str:
    return (
        f"| {name} | {len(values):,} | {statistics.fmean(values):.3f} | "
        f"{_percentile(values, 0.5):.3f} | {_percentile(values, 0.99):.3f} | {max(values):.3f} |"
    )


def main() -> None:
    """Measure and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--stories", nargs="+", default=["nlu/dev/facts", "nlu/heldout/facts"], type=Path
    )
    parser.add_argument("--repeat", type=int, default=10, help="passes over the stories")
    args = parser.parse_args()

    started = time.perf_counter()
    from dialogs.organisation import load_organisation
    from dialogs.storyfacts import team_names
    from nlu import when
    from nlu.facts import EXTRACTORS, Story, extract_facts
    from nlu.facts_evaluation import load_story_set, story_files

    imported = (time.perf_counter() - started) * 1000
    teams = team_names(load_organisation(ROOT / "config" / "organisation.example.yml"))
    sets = [load_story_set(p) for source in args.stories for p in story_files(ROOT / source)]
    stories = [(s.text, st.reference, st.timezone) for st in sets for s in st.stories]

    def read(text: str, reference: object, tz: str) -> None:
        extract_facts(text, reference=reference, timezone=tz, teams=teams)  # type: ignore[arg-type]

    first = time.perf_counter()
    read(*stories[0])
    first_ms = (time.perf_counter() - first) * 1000

    def timed(prepare: Callable[[], None] | None = None) -> list[float]:
        found = []
        for _ in range(args.repeat):
            for story in stories:
                if prepare is not None:
                    prepare()
                begin = time.perf_counter()
                read(*story)
                found.append((time.perf_counter() - begin) * 1000)
        return found

    when.warm_up()
    warm = timed()
    cold = timed(when._dateparser.cache_clear)
    per_extractor = {}
    parsed = [Story(t, r, tz, teams) for t, r, tz in stories]
    for name, extractor in EXTRACTORS.items():
        values = []
        for _ in range(args.repeat):
            for story in parsed:
                begin = time.perf_counter()
                extractor(story)
                values.append((time.perf_counter() - begin) * 1000)
        per_extractor[name] = values

    print(
        f"{len(stories)} stories ({', '.join(str(s) for s in args.stories)}), {args.repeat} passes"
    )
    print(f"imports: {imported:.0f} ms; first story in this process: {first_ms:.1f} ms\n")
    print("| per story | stories | mean ms | p50 ms | p99 ms | max ms |")
    print("|---|---:|---:|---:|---:|---:|")
    print(_row("all facts, warm", warm))
    print(_row("all facts, dateparser cache cleared", cold))
    for name, values in per_extractor.items():
        print(_row(name, values))


if __name__ == "__main__":
    main()

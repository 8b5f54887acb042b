"""Danger typed at a report's questions: is every danger-now message answered with 112?

    .venv/bin/python bench/danger_at_questions.py                   # nlu/heldout/danger
    .venv/bin/python bench/danger_at_questions.py --sets nlu/dev/danger --show

`zorgveilig nlu test --danger` decides danger as the engine does, from the message alone.
This types every message of the danger sets at nine questions of a report in the real
engine (on a throw-away database), where the question's own reading of an answer could
change what the melder gets, and counts the danger-now messages not answered with 112 and
the past ones that are. Only counts are printed, unless `--show` (never for a blind set:
its misses stay unread). Not a test: the numbers go into bench/README.md.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.answer_eval import answered_as_danger, at_question
from bot.runtime import build_runtime
from bot.settings import Settings
from nlu.factory import HELDOUT_DIR

#: (flow, step) of the questions a message is typed at.
QUESTIONS = (
    ("aggression", "when"),
    ("aggression", "where"),
    ("aggression", "aro"),
    ("aggression", "who"),
    ("online_threat", "impact"),
    ("online_threat", "team"),
    ("online_threat", "anonymity"),
    ("niet_pluis", "about"),
    ("aftercare", "callback"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=str(HELDOUT_DIR / "danger"), help="a danger set folder")
    parser.add_argument("--show", action="store_true", help="print the messages (not held-out)")
    args = parser.parse_args()
    folder = Path(args.sets)
    show = args.show and HELDOUT_DIR.resolve() not in (folder.resolve(), *folder.resolve().parents)
    with tempfile.TemporaryDirectory(prefix="zv-danger-q-") as tmp:
        runtime = build_runtime(Settings(data_dir=Path(tmp), database_url=f"sqlite:///{tmp}/zv.db"))
        try:
            count = 0
            for path in sorted(folder.glob("*.yml")):
                lang = path.stem.split("-")[0]
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
                for kind in ("danger_now", "past"):
                    texts = [str(t) for t in data.get(kind) or []]
                    wrong = 0
                    for text in texts:
                        for flow, step in QUESTIONS:
                            count += 1
                            chat = f"danger-q-{count}"
                            reply = at_question(runtime, lang, flow, step, chat, text)
                            if answered_as_danger(reply) != (kind == "danger_now"):
                                wrong += 1
                                if show:
                                    print(f"  {kind} at {flow}.{step}: {text}")
                    what = "missed" if kind == "danger_now" else "false alarms"
                    print(f"{path.name} {kind}: {what} {wrong} of {len(texts) * len(QUESTIONS)}")
        finally:
            runtime.close()


if __name__ == "__main__":
    main()

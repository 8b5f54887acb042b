"""`zorgveilig nlu ...`: train, parse, test and review the language understanding."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from bot.cli_base import CliError, configure_logging, load_settings

#: `--danger` without a path: the held-out danger sets (nlu/heldout/danger).
HELDOUT_DANGER = "heldout"
#: `--facts` without a path: the held-out stories of the quality gate (nlu/quality.yml).
_HELDOUT_FACTS = "heldout"


def cmd_nlu_train(args: argparse.Namespace) -> int:
    """Train the embedded classifier on nlu/data and store it, with the learned readings of
    answers in own words beside it (unless they are stored already from the same answers)."""
    from dialogs.learned import warm_up
    from dialogs.registry import build_flows
    from nlu.acute import AcuteDangerRules
    from nlu.embedded import EmbeddedInterpreter
    from nlu.factory import DEFAULT_DATA_DIR
    from nlu.training_data import load_training_data

    settings = load_settings()
    configure_logging(settings)
    started = time.monotonic()
    data = load_training_data(DEFAULT_DATA_DIR)
    interpreter = EmbeddedInterpreter.train(data, acute_rules=AcuteDangerRules())
    settings.model_path.parent.mkdir(parents=True, exist_ok=True)
    interpreter.save(settings.model_path)
    warm_up(build_flows(), settings.answer_models_path)
    summary = {
        "model": str(settings.model_path),
        "answer_models": str(settings.answer_models_path),
        "examples": len(data.examples),
        "intents": len(interpreter.intents),
        "seconds": round(time.monotonic() - started, 2),
    }
    print(json.dumps(summary))
    return 0


def cmd_nlu_parse(args: argparse.Namespace) -> int:
    """Parse one text and print the result like Rasa's /model/parse."""
    from bot.runtime import load_interpreter

    settings = load_settings()
    configure_logging(settings)
    interpreter = load_interpreter(settings)
    result = interpreter.parse(" ".join(args.text))
    print(json.dumps(result.to_rasa_json(), ensure_ascii=False, indent=2))
    return 0


def cmd_nlu_test(args: argparse.Namespace) -> int:
    """Evaluate like `rasa test nlu`: on a test file, or by cross-validation on nlu/data;
    and/or the danger decision on danger sets; with --facts, how well facts are taken
    from stories; with --heldout, all held-out sets."""
    from nlu.evaluation import cross_validate, evaluate, write_results
    from nlu.factory import DEFAULT_DATA_DIR
    from nlu.training_data import TrainingDataError, load_training_data

    if args.heldout or args.dev:
        return cmd_nlu_heldout(args)
    if args.facts:
        return _test_facts(args.facts, Path(args.out))
    if not (args.cross_validation or args.nlu or args.danger):
        raise CliError(
            "give --nlu FILE (test data), --cross-validation, --danger, --facts or --heldout"
        )
    settings = load_settings()
    configure_logging(settings)
    if args.danger:
        _danger_report(args)
        if not (args.cross_validation or args.nlu):
            return 0
    try:
        if args.cross_validation:
            source = args.nlu or DEFAULT_DATA_DIR
            data = load_training_data(source)
            print(f"{args.folds}-fold cross-validation on {source} ...", flush=True)
            result = cross_validate(
                data, folds=args.folds, acute_threshold=settings.acute_threshold
            )
        else:
            from bot.runtime import load_interpreter

            examples = load_training_data(args.nlu).examples
            if not examples:
                raise CliError(f"{args.nlu}: no examples")
            result = evaluate(
                load_interpreter(settings), examples, acute_threshold=settings.acute_threshold
            )
    except (TrainingDataError, ValueError) as exc:
        raise CliError(str(exc)) from None
    paths = write_results(result, args.out)
    print(result.summary())
    for path in paths.values():
        print(f"wrote {path}")
    return 0


def cmd_nlu_heldout(args: argparse.Namespace) -> int:
    """Score the held-out sets of nlu/heldout/ (with --dev: the development sets of
    nlu/dev/): answers in people's own words per question (typed at the question in the
    real engine), messages that are not an answer, danger now versus past, and facts."""

    from bot.answer_eval import evaluate_answers, heldout_answer_files
    from dialogs.guard_eval import evaluate_guards
    from nlu.factory import DEV_DIR, HELDOUT_DIR

    root = DEV_DIR if args.dev else HELDOUT_DIR
    settings = load_settings()
    configure_logging(settings)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    answers = evaluate_answers(heldout_answer_files(root / "answers"), settings)
    guards = evaluate_guards(root / "guards")
    failures = out / f"{root.name}_errors.txt"
    lines = [*answers.failures(), *guards.failures()]
    failures.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(answers.summary())
    print(guards.summary())
    print(f"wrote {failures}")
    args.danger = str(root / "danger")
    _danger_report(args)
    return _test_facts(str(root / "facts"), out)


def _danger_report(args: argparse.Namespace) -> None:
    """Danger-now recall and past-tense false alarms per language, as the engine decides."""
    from bot.runtime import load_interpreter
    from nlu.danger import Thresholds
    from nlu.danger_eval import evaluate_danger, load_danger_sets, summary, write_report
    from nlu.factory import HELDOUT_DIR

    settings = load_settings()
    path = HELDOUT_DIR / "danger" if args.danger == HELDOUT_DANGER else Path(args.danger)
    try:
        sets = load_danger_sets(path)
    except (OSError, ValueError) as exc:
        raise CliError(str(exc)) from None
    interpreter = load_interpreter(settings)
    thresholds = Thresholds(classifier=settings.acute_threshold)
    reports = [r for s in sets for r in evaluate_danger(interpreter, s, thresholds)]
    # The held-out sets' misses stay unread: only their figures are shown (the report file
    # holds the texts, for whoever writes the next blind round).
    print(summary(reports, show_texts=path.resolve() != (HELDOUT_DIR / "danger").resolve()))
    print(f"wrote {write_report(reports, args.out)}")


def _test_facts(given: str, out: Path) -> int:
    """Per fact and language: right, wrong, missed and false extractions on story files
    (held-out format), for the facts each report kind asks and the organisation's teams."""
    from dialogs.fields import FIELDS
    from dialogs.flows import ALL_FLOWS
    from dialogs.organisation import load_organisation
    from dialogs.storyfacts import flow_facts, team_names
    from nlu.factory import HELDOUT_DIR
    from nlu.facts_evaluation import evaluate_facts, load_facts_gate, load_story_set, story_files

    source = load_facts_gate().stories if given == _HELDOUT_FACTS else Path(given)
    settings = load_settings()
    configure_logging(settings)
    files = story_files(source)
    if not files:
        raise CliError(f"{source}: no story files (*.yml)")
    try:
        sets = [load_story_set(path) for path in files]
    except (KeyError, TypeError, ValueError) as exc:
        raise CliError(f"{source}: {exc}") from None
    report = evaluate_facts(
        sets,
        facts_by_kind={f.kind: tuple(flow_facts(f, FIELDS)) for f in ALL_FLOWS if f.kind},
        teams=team_names(load_organisation(settings.organisation)),
    )
    out.mkdir(parents=True, exist_ok=True)
    path = out / "facts_report.json"
    path.write_text(json.dumps(report.as_json(), ensure_ascii=False, indent=2), encoding="utf-8")
    blind = HELDOUT_DIR.resolve() in (Path(source).resolve(), *Path(source).resolve().parents)
    print(report.summary(show_texts=not blind))
    for problem in load_facts_gate().problems(report):
        print(f"below target: {problem}")
    print(f"wrote {path}")
    return 0


def cmd_nlu_review(args: argparse.Namespace) -> int:
    """List the messages the bot was not sure about (redacted), optionally as Rasa YAML."""
    from bot.runtime import open_store
    from nlu.review import review_yaml
    from storage.nlu_review import purge_expired, review_items

    settings = load_settings()
    configure_logging(settings)
    store = open_store(settings)
    try:
        with store.unit() as unit:
            purged = purge_expired(unit)
            items = review_items(unit, days=args.days)
            unit.audit("operator", "nlu_review_read", count=len(items))
    finally:
        store.engine.dispose()
    print(
        f"{len(items)} message(s) below the confidence threshold in the last {args.days} "
        f"day(s); {purged} older than 30 days deleted."
    )
    for item in items:
        print(
            f"{item.created_at:%Y-%m-%d %H:%M}  {item.lang:<2}  {item.intent:<20} "
            f"{item.confidence:.2f}  {item.text}"
        )
    if args.export:
        Path(args.export).write_text(review_yaml(items), encoding="utf-8")
        print(f"wrote {args.export} (Rasa YAML; correct the intents, then move the lines)")
    return 0


def _review_days(value: str) -> int:
    days = int(value)
    if not 1 <= days <= 30:
        raise argparse.ArgumentTypeError("must be 1..30 (messages are kept 30 days at most)")
    return days


def add_nlu_commands(sub: Any) -> None:
    """`zorgveilig nlu train|parse|test|review`."""
    nlu = sub.add_parser("nlu", help="the language understanding").add_subparsers(
        dest="nlu_command", required=True
    )
    nlu.add_parser("train", help="train the embedded classifier").set_defaults(func=cmd_nlu_train)
    parse = nlu.add_parser("parse", help="parse a text (JSON like Rasa's /model/parse)")
    parse.add_argument("text", nargs="+")
    parse.set_defaults(func=cmd_nlu_parse)
    nlu_test = nlu.add_parser(
        "test", help="evaluate like `rasa test nlu`: report, errors, confusion matrix"
    )
    nlu_test.add_argument(
        "--nlu",
        help="Rasa YAML file or folder: test data; with --cross-validation the data "
        "to cross-validate (default: nlu/data)",
    )
    nlu_test.add_argument(
        "--cross-validation", action="store_true", help="k-fold cross-validation on nlu/data"
    )
    nlu_test.add_argument(
        "--heldout",
        action="store_true",
        help="score the held-out sets (nlu/heldout/): answers in own words per question",
    )
    nlu_test.add_argument(
        "--dev",
        action="store_true",
        help="the same on the development sets (nlu/dev/), the ones to tune against",
    )
    nlu_test.add_argument("--folds", type=int, default=5, help="folds (default: 5)")
    nlu_test.add_argument(
        "--danger",
        nargs="?",
        const=HELDOUT_DANGER,
        metavar="PATH",
        help="danger-now recall and past-tense false alarms, as the engine decides, on "
        "danger sets (a YAML file or folder; default: nlu/heldout/danger)",
    )
    nlu_test.add_argument(
        "--facts",
        nargs="?",
        const=_HELDOUT_FACTS,
        metavar="PATH",
        help="facts taken from stories: a story file or folder (default: the quality gate's "
        "stories, nlu/dev/facts)",
    )
    nlu_test.add_argument("--out", default="results", help="output folder (default: results)")
    nlu_test.set_defaults(func=cmd_nlu_test)
    review = nlu.add_parser("review", help="messages the bot was not sure about (redacted)")
    review.add_argument("--days", type=_review_days, default=30, help="1..30 (default: 30)")
    review.add_argument("--export", metavar="FILE", help="also write them as Rasa YAML")
    review.set_defaults(func=cmd_nlu_review)

"""The `zorgveilig` command line."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.cli_base import CliError, configure_logging, load_settings
from bot.cli_nlu import add_nlu_commands
from bot.cli_web import add_web_commands
from dialogs.export import case_csv_row, case_json, csv_columns
from dialogs.organisation import OrganisationError, load_organisation
from storage.crypto import KeyConfigError

if TYPE_CHECKING:
    from bot.runtime import Runtime
    from bot.settings import Settings

log = logging.getLogger("zorgveilig")


def cmd_chat(args: argparse.Namespace) -> int:
    """Chat with the bot in the terminal."""
    from bot.console import ConsoleChat, interactive_lines, tolerant_stdin
    from bot.runtime import build_runtime

    settings = load_settings()
    configure_logging(settings)
    tolerant_stdin(jsonl=args.jsonl)
    runtime = build_runtime(settings)
    runtime.store.start_background_work()
    chat = ConsoleChat(
        runtime.engine,
        runtime.store,
        runtime.organisation,
        user=args.user,
        lang=args.lang,
        jsonl=args.jsonl,
        data_dir=settings.data_dir,
        tick=runtime.tick,
    )
    try:
        chat.run(sys.stdin if args.jsonl else interactive_lines())
    finally:
        runtime.close()
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    """Start the bot on the configured channels; without any, a terminal chat."""
    from bot.runtime import build_runtime
    from bot.serving import ChannelConfigError, messengers_from

    settings = load_settings()
    configure_logging(settings)
    try:
        messengers = messengers_from(settings)
    except ChannelConfigError as exc:
        raise CliError(str(exc)) from None
    started = time.monotonic()
    runtime = build_runtime(settings)
    runtime.store.start_background_work()
    log.info("ready in %.2f s", time.monotonic() - started)
    if settings.web_listen:
        from bot.web.serve import serve_in_background

        serve_in_background(runtime, settings.web_listen)
    try:
        if messengers.any:
            from bot.serving import run_messengers

            # Telegram (polling or webhook) and Matrix side by side in one event loop.
            try:
                run_messengers(runtime, messengers)
            except ChannelConfigError as exc:
                raise CliError(str(exc)) from None
            return 0
        return _console(runtime, args)
    finally:
        runtime.close()


def _console(runtime: Runtime, args: argparse.Namespace) -> int:
    """The terminal chat of `zorgveilig run` when no messenger is configured."""
    from bot.console import ConsoleChat, interactive_lines, tolerant_stdin

    tolerant_stdin(jsonl=False)
    print(
        "ZorgVeilig meldbot: no messenger configured, starting a terminal chat "
        "(Ctrl-D to leave; your answers are kept)."
    )
    chat = ConsoleChat(
        runtime.engine,
        runtime.store,
        runtime.organisation,
        user=args.user,
        lang=args.lang,
        jsonl=False,
        data_dir=runtime.settings.data_dir,
        tick=runtime.tick,
    )
    chat.run(interactive_lines())
    return 0


def cmd_cases_export(args: argparse.Namespace) -> int:
    """Export every case as JSON or CSV (an operator command on the server: it decrypts)."""
    import csv

    from bot.runtime import open_store

    settings = load_settings()
    configure_logging(settings)
    store = open_store(settings)
    with store.unit() as unit:
        cases = unit.all_cases()
        unit.audit("operator", "cases_exported", count=len(cases), format=args.format)
        # Each case's own trail shows that it was read out (`zorgveilig cases audit`).
        unit.audit_cases("operator", "case_exported", [c.id for c in cases], format=args.format)
    if args.format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(csv_columns())
        writer.writerows(case_csv_row(c) for c in cases)
        return 0
    json.dump([case_json(c) for c in cases], sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """Quarterly statistics for management, the OR and the cliëntenraad (no content)."""
    from bot import stats as output
    from bot.runtime import open_store
    from storage.statistics import PeriodError, quarter_stats, quarters_with_reports

    settings = load_settings()
    configure_logging(settings)
    store = open_store(settings)
    try:
        with store.unit() as unit:
            current = quarter_stats(unit, args.period, output.COUNTED, legal=output.LEGAL)
            trend = [quarter_stats(unit, q, output.COUNTED) for q in quarters_with_reports(unit)]
            unit.audit("operator", "stats_read", period=current.period)
    except PeriodError as exc:
        raise CliError(str(exc)) from None
    render = {"table": output.as_table, "csv": output.as_csv, "json": output.as_json}
    sys.stdout.write(render[args.format](current))
    if args.chart:
        for path in output.charts(current, trend or [current], Path(args.chart)):
            print(f"chart: {path}", file=sys.stderr)
    return 0


def cmd_cases_audit(args: argparse.Namespace) -> int:
    """Print the audit trail of one case: who did what, when (never the content)."""
    from bot.runtime import open_store
    from storage.casecode import normalise_code

    settings = load_settings()
    configure_logging(settings)
    code = normalise_code(args.code)
    store = open_store(settings)
    with store.unit() as unit:
        case = unit.case_by_code(code) if code else None
        if case is None:
            raise CliError(f"no case with code {args.code}")
        events = unit.audit_events(case.id)
        unit.audit("operator", "case_audit_read", case_id=case.id)
    for event in events:
        print(f"{event.at.isoformat()}  {event.actor:<16} {event.action:<24} {event.detail}")
    return 0


def cmd_cases_dossier(args: argparse.Namespace) -> int:
    """Write the dossier of one case for the police as PDF (an operator command: it
    decrypts; audited as `dossier_created` by the operator)."""
    from bot.runtime import open_store
    from dialogs.dossier import Requester, dossier_file
    from dialogs.dossiertexts import DOSSIER_BY_OPERATOR
    from dialogs.i18n import translator
    from storage.casecode import normalise_code

    settings = load_settings()
    configure_logging(settings)
    organisation = load_organisation(settings.organisation)
    code = normalise_code(args.code)
    tr = translator(args.lang)
    store = open_store(settings)
    with store.unit() as unit:
        case = unit.case_by_code(code) if code else None
        if case is None:
            raise CliError(f"no case with code {args.code}")
        requester = Requester("operator", tr(DOSSIER_BY_OPERATOR))
        file = dossier_file(unit, organisation, case, requester, tr)
    out = Path(args.out)
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(file.data)
    print(f"{out}: dossier of {case.code}, {len(file.data)} bytes")
    return 0


def cmd_timers_run(args: argparse.Namespace) -> int:
    """Fire the timers that are due (escalations, reminders, check-ins); for cron or
    systemd timers. With --at, as of a later moment, to show what will happen."""
    from bot.runtime import build_runtime

    settings = load_settings()
    configure_logging(settings)
    if args.at:
        return _timers_at(settings, args.at, args.limit)
    runtime = build_runtime(settings)
    try:
        fired = runtime.engine.run_due_timers(limit=args.limit)
    finally:
        runtime.close()
    print(json.dumps({"fired": fired}))
    return 0


def _timers_at(settings: Settings, at: str, limit: int) -> int:
    """`timers run --at`: what fires at that moment, printed (bot/timeshift.py)."""
    from bot.timeshift import MomentError, describe, parse_moment, run_at

    timezone = load_organisation(settings.organisation).timezone
    try:
        moment = parse_moment(at, timezone)
    except MomentError as exc:
        raise CliError(str(exc)) from None
    fired, queued = run_at(settings, moment, limit=limit)
    sys.stdout.write(describe(moment, timezone, fired, queued))
    return 0


def cmd_keys_rotate(args: argparse.Namespace) -> int:
    """Re-encrypt everything under the newest key in ZV_DATA_KEY ("NEW,OLD"): the database
    and the Matrix cross-signing keys."""
    from bot.matrix import keyfile
    from bot.matrix.run import store_dir
    from bot.runtime import open_store
    from storage.keys import rotate_all

    settings = load_settings()
    configure_logging(settings)
    store = open_store(settings)
    counts = rotate_all(store.engine, store.vault)
    counts["matrix." + keyfile.KEY_FILE] = keyfile.rotate(store_dir(settings), store.vault)
    with store.unit() as unit:
        unit.audit("operator", "keys_rotated", values=sum(counts.values()))
    print(json.dumps({"rotated": counts}))
    return 0


def cmd_keys_generate(args: argparse.Namespace) -> int:
    """Print a new data key (Fernet) or pseudonym key, for ZV_DATA_KEY(_FILE) and friends."""
    import base64
    import os

    from cryptography.fernet import Fernet

    if args.kind == "data":
        print(Fernet.generate_key().decode())
    else:
        print(base64.b64encode(os.urandom(32)).decode())
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    """Apply the retention rules now (the running bot also does this daily)."""
    from bot.runtime import open_store, purge_now

    settings = load_settings()
    configure_logging(settings)
    store = open_store(settings)
    with store.unit() as unit:
        result = purge_now(unit, settings)
    print(json.dumps(result.as_dict()))
    return 0


def cmd_flows_diagrams(args: argparse.Namespace) -> int:
    """Write or check the Mermaid diagrams of every flow (dialogs/diagrams)."""
    from dialogs.diagrams import check_diagrams, write_diagrams

    if args.write:
        for path in write_diagrams():
            print(path)
        return 0
    stale = check_diagrams()
    for path in stale:
        print(f"out of date: {path}", file=sys.stderr)
    return 1 if stale else 0


def cmd_organisation_check(args: argparse.Namespace) -> int:
    """Validate an organisation file and summarise it."""
    path = Path(args.file) if args.file else load_settings().organisation
    org = load_organisation(path)
    print(
        f"{path}: valid. {len(org.teams)} teams, {len(org.contacts)} contacts, "
        f"{len(org.routing)} routing rules."
    )
    return 0


def cmd_locales(args: argparse.Namespace) -> int:
    """Sync the catalogs with the source, or check they are complete."""
    from bot.locales import problems, sync

    if args.locales_command == "sync":
        sync()
    found = [p for lang in ("nl", "en") for p in problems(lang)]
    for problem in found:
        print(problem, file=sys.stderr)
    return 1 if found else 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `zorgveilig`."""
    parser = argparse.ArgumentParser(prog="zorgveilig", description="ZorgVeilig meldbot")
    sub = parser.add_subparsers(dest="command", required=True)
    _add_chat_commands(sub)
    _add_operator_commands(sub)
    add_nlu_commands(sub)
    _add_project_commands(sub)
    return parser


def _add_chat_commands(sub: Any) -> None:
    """`zorgveilig run` and `zorgveilig chat`."""
    run = sub.add_parser("run", help="start the bot (terminal chat when no messenger is set)")
    run.add_argument("--user", default="melder", help="console user id (default: melder)")
    run.add_argument("--lang", choices=["nl", "en"], default=None)
    run.set_defaults(func=cmd_run)

    add_web_commands(sub)

    chat = sub.add_parser("chat", help="chat with the bot in the terminal")
    chat.add_argument("--user", default="melder", help="console id (an aanspreekpunt's id)")
    chat.add_argument("--lang", choices=["nl", "en"], default=None)
    chat.add_argument("--jsonl", action="store_true", help="machine interface: JSON lines")
    chat.set_defaults(func=cmd_chat)


def _add_operator_commands(sub: Any) -> None:
    """Cases, keys, purge, statistics and timers: commands for the operator."""
    cases = sub.add_parser("cases", help="case administration").add_subparsers(
        dest="cases_command", required=True
    )
    export = cases.add_parser("export", help="export all cases (decrypted)")
    export.add_argument("--format", choices=["json", "csv"], default="json")
    export.set_defaults(func=cmd_cases_export)
    audit = cases.add_parser("audit", help="audit trail of one case (no content)")
    audit.add_argument("code")
    audit.set_defaults(func=cmd_cases_audit)
    dossier = cases.add_parser("dossier", help="the dossier of one case for the police (PDF)")
    dossier.add_argument("code")
    dossier.add_argument("--out", required=True, metavar="FILE.pdf")
    dossier.add_argument("--lang", choices=["nl", "en"], default="nl")
    dossier.set_defaults(func=cmd_cases_dossier)

    keys = sub.add_parser("keys", help="encryption keys").add_subparsers(
        dest="keys_command", required=True
    )
    keys.add_parser("rotate", help="re-encrypt everything under the newest key").set_defaults(
        func=cmd_keys_rotate
    )
    generate = keys.add_parser("generate", help="print a new key")
    generate.add_argument("kind", choices=["data", "pseudonym"])
    generate.set_defaults(func=cmd_keys_generate)

    sub.add_parser("purge", help="apply the retention rules now").set_defaults(func=cmd_purge)

    stats = sub.add_parser("stats", help="quarterly statistics (small counts suppressed)")
    stats.add_argument("--period", required=True, help="a quarter, e.g. 2026Q3")
    stats.add_argument("--format", choices=["table", "csv", "json"], default="table")
    stats.add_argument("--chart", metavar="DIR", help="also write PNG charts into DIR")
    stats.set_defaults(func=cmd_stats)

    timers = sub.add_parser("timers", help="stored deadlines").add_subparsers(
        dest="timers_command", required=True
    )
    timers_run = timers.add_parser("run", help="fire the timers that are due")
    timers_run.add_argument("--limit", type=int, default=500)
    timers_run.add_argument(
        "--at",
        metavar="'YYYY-MM-DD HH:MM'",
        help="as of this moment (organisation time): show what fires then, in this process "
        "only; the messages are deliverable at once (demo and test databases)",
    )
    timers_run.set_defaults(func=cmd_timers_run)


def _add_project_commands(sub: Any) -> None:
    """Flows, the organisation file and the translation catalogs."""
    flows = sub.add_parser("flows", help="conversation flows").add_subparsers(
        dest="flows_command", required=True
    )
    diagrams = flows.add_parser("diagrams", help="check (default) or --write Mermaid diagrams")
    diagrams.add_argument("--write", action="store_true")
    diagrams.set_defaults(func=cmd_flows_diagrams)

    org = sub.add_parser("organisation", help="the organisation file").add_subparsers(
        dest="org_command", required=True
    )
    check = org.add_parser("check", help="validate an organisation file")
    check.add_argument("file", nargs="?")
    check.set_defaults(func=cmd_organisation_check)

    locales = sub.add_parser("locales", help="translation catalogs").add_subparsers(
        dest="locales_command", required=True
    )
    locales.add_parser("sync", help="extract strings and update nl/en").set_defaults(
        func=cmd_locales
    )
    locales.add_parser("check", help="list untranslated strings").set_defaults(func=cmd_locales)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `zorgveilig` command."""
    args = build_parser().parse_args(argv)
    # Everything the bot writes (database, keys, the Matrix store, exports) is for this
    # user alone, also what a library creates.
    umask = os.umask(0o077)
    try:
        code: int = args.func(args)
    except OrganisationError as exc:
        print(f"zorgveilig: the organisation file is not valid:\n{exc}", file=sys.stderr)
        return 2
    except (CliError, KeyConfigError) as exc:
        print(f"zorgveilig: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    finally:
        os.umask(umask)
    return code


if __name__ == "__main__":
    sys.exit(main())

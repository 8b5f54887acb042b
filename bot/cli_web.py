"""`zorgveilig web ...`: serve the web desk, and reset a contact's TOTP second factor."""

from __future__ import annotations

import argparse
from typing import Any

from bot.cli_base import CliError, configure_logging, load_settings


def cmd_web(args: argparse.Namespace) -> int:
    """Serve the web desk for aanspreekpunten and ops (127.0.0.1:8080 by default)."""
    from bot.runtime import build_runtime
    from bot.web.serve import serve

    settings = load_settings()
    configure_logging(settings)
    runtime = build_runtime(settings)
    runtime.store.start_background_work()
    try:
        serve(runtime, args.listen)
    finally:
        runtime.close()
    return 0


def cmd_web_totp_reset(args: argparse.Namespace) -> int:
    """Forget a contact's authenticator app (lost or replaced): their desk sessions end
    and they set up a new one at their next login. Audited; prints no secret."""
    from bot.runtime import open_store
    from bot.web.auth import reset_totp
    from dialogs.organisation import load_organisation

    settings = load_settings()
    configure_logging(settings)
    organisation = load_organisation(settings.organisation)
    try:
        contact = organisation.contact(args.contact_id)
    except KeyError:
        raise CliError(f"no contact {args.contact_id} in the organisation file") from None
    store = open_store(settings)
    with store.unit() as unit:
        done = reset_totp(unit, contact, by="operator")
    what = "authenticator removed" if done.enrolled else "no authenticator was set up"
    print(
        f"{contact.id}: {what}; {done.sessions} desk session(s) ended; a new authenticator "
        "is set up at the next login (the contact has been told in their chat)"
    )
    return 0


def add_web_commands(sub: Any) -> None:
    """`zorgveilig web` (serve) and `zorgveilig web totp-reset CONTACT_ID`."""
    web = sub.add_parser("web", help="serve the web desk for contacts and ops")
    web.add_argument("--listen", help="host:port (default: ZV_WEB_LISTEN or 127.0.0.1:8080)")
    web.set_defaults(func=cmd_web)
    commands = web.add_subparsers(dest="web_command", required=False)
    reset = commands.add_parser(
        "totp-reset", help="forget a contact's authenticator app: they set up a new one"
    )
    reset.add_argument("contact_id", metavar="CONTACT_ID")
    reset.set_defaults(func=cmd_web_totp_reset)

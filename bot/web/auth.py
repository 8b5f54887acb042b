"""Logging in without a password: a one-time link into the contact's own chat, an
optional TOTP code, and logging out everywhere.

Every attempt is audited (never the id someone typed: an unknown one is audited as such).
The answer to the login form is the same whether the id is known or not, so the form
does not tell strangers who the contacts are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pyotp
from itsdangerous import BadSignature, URLSafeSerializer
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.web import limits
from bot.web.app import (
    Viewer,
    clear_session_cookie,
    current_viewer,
    desk_of,
    form_of,
    redirect,
    render,
    require_viewer,
    set_session_cookie,
)
from dialogs import notices
from dialogs.i18n import N_, translator
from dialogs.messages import Outgoing
from dialogs.organisation import CHANNELS, Contact, Organisation
from storage.repository import Unit
from storage.webdesk import (
    LOGIN_VALID,
    check_login,
    end_sessions,
    issue_login,
    mark_second_factor,
    remove_totp_secret,
    set_totp_secret,
    start_session,
    token_hash,
    totp_secret,
)

LOGIN_LINK = N_(
    "Your link to log in to the ZorgVeilig web desk (valid for 10 minutes, works once):\n"
    "{link}\n"
    "Did you not ask for it? Then ignore this message."
)
TOTP_RESET_NOTICE = N_(
    "The administrator has reset the authenticator app of your login to the ZorgVeilig web "
    "desk. At your next login you set up a new one.\n"
    "Did you not ask for this? Then tell the administrator."
)


def find_contact(org: Organisation, typed: str) -> Contact | None:
    """The contact someone means by their id or one of their addresses."""
    typed = typed.strip()
    if not typed:
        return None
    try:
        return org.contact(typed)
    except KeyError:
        pass
    for channel in CHANNELS:
        found = org.contact_for_address(channel, typed)
        if found is not None:
            return found
    return None


def send_link(unit: Unit, contact: Contact, base_url: str) -> bool:
    """Queue a login link into the contact's own chat(s); False over the rate limit."""
    now = unit.clock()
    if not limits.contact_may_get_link(unit, contact.id):
        unit.audit(contact.id, "web_login_limited", limit="contact")
        return False
    token = issue_login(unit, contact.id)
    tr = translator(contact.language)
    text = tr(LOGIN_LINK, link=f"{base_url}/login/{token}")
    notice = notices.Notice(
        contact.id,
        notices.contact_addresses(contact),
        (Outgoing(text=text),),
        "web_login",
        # The event key names the link by a short hash, never by the token itself.
        f"weblogin:{token_hash(token)[:16]}",
        delivery=notices.Delivery(expires_at=now + LOGIN_VALID),
    )
    notices.notify(unit, [notice])
    unit.audit(contact.id, "web_login_link_sent")
    return True


@dataclass(frozen=True)
class TotpReset:
    """What a TOTP reset did: whether an authenticator was set up, how many sessions ended."""

    enrolled: bool
    sessions: int


def reset_totp(unit: Unit, contact: Contact, *, by: str) -> TotpReset:
    """Forget a contact's authenticator (they enrol again at their next login), end their
    sessions, audit it and tell the contact in their own chat."""
    enrolled = remove_totp_secret(unit, contact.id)
    sessions = end_sessions(unit, contact.id)
    unit.audit(by, "web_totp_reset", contact=contact.id, enrolled=enrolled, sessions=sessions)
    text = translator(contact.language)(TOTP_RESET_NOTICE)
    key = f"webtotp-reset:{contact.id}:{unit.clock().isoformat()}"
    notices.notify_contact(unit, contact, text, purpose="web_totp_reset", key=key)
    return TotpReset(enrolled, sessions)


async def login_form(request: Request) -> Response:
    """The login page: type your id or address."""
    limited = request.query_params.get("limited") == "1"
    return render(request, "login.html", await current_viewer(request), sent=False, limited=limited)


async def login_request(request: Request) -> Response:
    """Send a login link, if the id is known and within the limits (per address and per
    contact, counted in the database: they hold across desk processes)."""
    form = await form_of(request)
    desk = desk_of(request)
    host = request.client.host if request.client else "unknown"
    contact = find_contact(desk.org, str(form.get("who", "")))

    def run(unit: Unit) -> bool:
        actor = limits.client_actor(unit, host)
        if not limits.address_may_try(unit, actor):
            unit.audit(actor, "web_login_limited", limit="address")
            return False
        if contact is None:
            unit.audit(actor, "web_login_unknown")
        else:
            send_link(unit, contact, desk.base_url)
        return True

    if not await desk.work(run):
        return render(request, "login.html", None, status_code=429, sent=False, limited=True)
    return render(request, "login.html", None, sent=True)


async def link_page(request: Request) -> Response:
    """The page a login link opens: one button, so that a link preview cannot log in."""
    token = request.path_params["token"]
    return render(request, "login_confirm.html", None, token=token)


async def link_use(request: Request) -> Response:
    """Use the login link: it works once, within ten minutes."""
    await form_of(request)
    desk = desk_of(request)
    token = request.path_params["token"]

    def run(unit: Unit) -> str | None:
        check = check_login(unit, token)
        if check.contact_id is None:
            unit.audit("web", "web_login_refused", reason=check.refused)
            return None
        unit.audit(check.contact_id, "web_login")
        return start_session(unit, check.contact_id, second_factor=False)

    session = await desk.work(run)
    if session is None:
        return render(request, "login.html", None, status_code=400, sent=False, refused=True)
    response = redirect("/totp" if desk.org.web.require_totp else "/")
    set_session_cookie(response, desk, session)
    return response


async def totp_form(request: Request) -> Response:
    """The second factor: enrol (first time) or give the current code."""
    viewer = await _half_logged_in(request)
    desk = desk_of(request)
    secret = await desk.work(lambda u: totp_secret(u, viewer.contact.id))
    context: dict[str, Any] = {"enrol": None, "uri": None, "secret": None}
    if secret is None:
        new = pyotp.random_base32()
        context["enrol"] = desk.serializer("totp").dumps([viewer.contact.id, new])
        context["secret"] = new
        context["uri"] = pyotp.TOTP(new).provisioning_uri(
            name=viewer.contact.id, issuer_name="ZorgVeilig"
        )
    return render(request, "totp.html", viewer, **context)


async def totp_check(request: Request) -> Response:
    """Check a TOTP code (and store the secret of a first enrolment)."""
    viewer = await _half_logged_in(request)
    form = await form_of(request)
    desk = desk_of(request)
    code = str(form.get("code", "")).strip()
    enrol = _enrolment(desk.serializer("totp"), str(form.get("enrol", "")), viewer)

    def run(unit: Unit) -> str:
        if limits.totp_locked(unit, viewer.contact.id):
            return _locked_out(unit, viewer.contact.id)
        secret = enrol or totp_secret(unit, viewer.contact.id)
        if secret is None or not pyotp.TOTP(secret).verify(code, valid_window=1):
            unit.audit(viewer.contact.id, limits.TOTP_FAILED)
            if limits.totp_locked(unit, viewer.contact.id):
                return _locked_out(unit, viewer.contact.id)
            return "/totp?wrong=1"
        if enrol is not None:
            set_totp_secret(unit, viewer.contact.id, enrol)
        mark_second_factor(unit, viewer.token)
        unit.audit(viewer.contact.id, "web_totp_passed")
        return "/"

    return redirect(await desk.work(run))


def _locked_out(unit: Unit, contact_id: str) -> str:
    """Too many wrong codes: every session of the contact ends until the window passes."""
    end_sessions(unit, contact_id)
    unit.audit(contact_id, "web_login_limited", limit="totp")
    return "/login?limited=1"


def _enrolment(signer: URLSafeSerializer, value: str, viewer: Viewer) -> str | None:
    if not value:
        return None
    try:
        contact_id, secret = signer.loads(value)
    except (BadSignature, ValueError, TypeError):
        return None
    return str(secret) if contact_id == viewer.contact.id else None


async def _half_logged_in(request: Request) -> Viewer:
    viewer = await current_viewer(request)
    if viewer is None:
        raise HTTPException(303, headers={"location": "/login"})
    return viewer


async def logout(request: Request) -> Response:
    """Log out in every browser at once."""
    viewer = await require_viewer(request)
    await form_of(request)
    desk = desk_of(request)

    def run(unit: Unit) -> None:
        end_sessions(unit, viewer.contact.id)
        unit.audit(viewer.contact.id, "web_logout")

    await desk.work(run)
    response = redirect("/login")
    clear_session_cookie(response, desk)
    return response


ROUTES = [
    Route("/login", login_form, methods=["GET"]),
    Route("/login", login_request, methods=["POST"]),
    Route("/login/{token}", link_page, methods=["GET"]),
    Route("/login/{token}", link_use, methods=["POST"]),
    Route("/totp", totp_form, methods=["GET"]),
    Route("/totp", totp_check, methods=["POST"]),
    Route("/logout", logout, methods=["POST"]),
]

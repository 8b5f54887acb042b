"""The web desk's ASGI application: wiring, security headers, CSRF, sessions, rendering.

Each page handler parses its request here, runs its database work in a thread (the store
is synchronous, one unit of work per request) and renders a Jinja2 template in the
viewer's language. Every POST goes through `form_of`, which refuses a missing or forged
CSRF token before anything else happens.
"""

from __future__ import annotations

import hmac
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeVar

from itsdangerous import BadSignature, URLSafeSerializer
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.settings import Settings
from dialogs.i18n import Translator, translator
from dialogs.organisation import Contact, Organisation
from storage.repository import Store, Unit
from storage.webdesk import SessionInfo, session_contact

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "zv_session"
CSRF_COOKIE = "zv_csrf"
#: Scripts, styles, images and requests only from the desk itself (htmx for the live
#: refresh; never inline script or style), forms only to itself.
CSP = (
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; "
    "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    # A login link must never leak to another site through the Referer header.
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}

T = TypeVar("T")


@dataclass
class Desk:
    """What every page needs: the store, the organisation, the settings and the keys."""

    store: Store
    org: Organisation
    settings: Settings
    secret: bytes
    templates: Jinja2Templates

    @property
    def base_url(self) -> str:
        """Where the desk is reached, for login links."""
        if self.settings.web_base_url:
            return self.settings.web_base_url.rstrip("/")
        return f"http://{self.settings.web_listen or '127.0.0.1:8080'}"

    def serializer(self, salt: str) -> URLSafeSerializer:
        """A signer for one purpose (cookies, TOTP enrolment)."""
        return URLSafeSerializer(self.secret, salt=salt)

    async def work(self, fn: Callable[[Unit], T]) -> T:
        """Run `fn` in one unit of work, off the event loop."""

        def run() -> T:
            with self.store.unit() as unit:
                return fn(unit)

        return await run_in_threadpool(run)


@dataclass(frozen=True)
class Viewer:
    """The logged-in contact of a request."""

    contact: Contact
    token: str
    second_factor: bool

    @property
    def is_ops(self) -> bool:
        """Ops see statistics and health, never a case."""
        return self.contact.role.value == "ops"


def desk_of(request: Request) -> Desk:
    """The desk this request belongs to."""
    desk: Desk = request.app.state.desk
    return desk


def lang_of(request: Request, viewer: Viewer | None = None) -> str:
    """The viewer's language; before login, what the browser prefers (Dutch first)."""
    if viewer is not None:
        return viewer.contact.language
    wanted = request.query_params.get("lang") or request.headers.get("accept-language", "")
    return "en" if wanted.lower().startswith("en") else "nl"


def csrf_token(request: Request) -> str:
    """This browser's CSRF token (made by `SecurityMiddleware` when missing)."""
    token: str = request.scope["zv_csrf"]
    return token


async def form_of(request: Request) -> FormData:
    """The POSTed form, after checking its CSRF token against this browser's cookie."""
    form = await request.form()
    sent = form.get("csrf")
    cookie = request.cookies.get(CSRF_COOKIE)
    if not isinstance(sent, str) or not cookie or not hmac.compare_digest(sent, cookie):
        viewer = await current_viewer(request)
        actor = viewer.contact.id if viewer else "web"
        await desk_of(request).work(lambda u: u.audit(actor, "web_csrf_refused"))
        raise HTTPException(403)
    return form


async def current_viewer(request: Request, *, touch: bool = True) -> Viewer | None:
    """The contact logged in on this request, if any (each request keeps the session
    alive, unless `touch` is off; after `web_idle_minutes` without one it has ended)."""
    if "zv_viewer" in request.scope:
        cached: Viewer | None = request.scope["zv_viewer"]
        return cached
    desk = desk_of(request)
    viewer = None
    raw = request.cookies.get(SESSION_COOKIE)
    if raw:
        try:
            token = str(desk.serializer("session").loads(raw))
        except BadSignature:
            token = ""
        if token:
            idle = timedelta(minutes=desk.settings.web_idle_minutes)
            info: SessionInfo | None = await desk.work(
                lambda u: session_contact(u, token, idle=idle, touch=touch)
            )
            viewer = _viewer(desk.org, info, token)
    request.scope["zv_viewer"] = viewer
    return viewer


def _viewer(org: Organisation, info: SessionInfo | None, token: str) -> Viewer | None:
    if info is None:
        return None
    try:
        contact = org.contact(info.contact_id)
    except KeyError:  # removed from the organisation file since
        return None
    return Viewer(contact, token, info.second_factor)


async def require_viewer(request: Request) -> Viewer:
    """The logged-in contact, with the second factor when the organisation wants one;
    otherwise the request ends in a redirect to the login page."""
    viewer = await current_viewer(request)
    if viewer is None:
        raise HTTPException(303, headers={"location": "/login"})
    if desk_of(request).org.web.require_totp and not viewer.second_factor:
        raise HTTPException(303, headers={"location": "/totp"})
    return viewer


async def live_viewer(request: Request) -> Viewer | None:
    """The contact behind a live refresh (a page polling by itself): it does not keep the
    session alive, so a desk left open still logs out after `web_idle_minutes`; None when
    the session ended or still lacks the second factor."""
    viewer = await current_viewer(request, touch=False)
    if viewer is None or (desk_of(request).org.web.require_totp and not viewer.second_factor):
        return None
    return viewer


def render(
    request: Request,
    name: str,
    viewer: Viewer | None,
    status_code: int = 200,
    **context: Any,
) -> Response:
    """A page in the viewer's language."""
    desk = desk_of(request)
    lang = lang_of(request, viewer)
    tr: Translator = translator(lang)
    context.update(
        _=tr,
        lang=lang,
        viewer=viewer,
        csrf=csrf_token(request),
        org=desk.org,
        refresh_seconds=desk.settings.web_refresh_seconds,
    )
    return desk.templates.TemplateResponse(request, name, context, status_code=status_code)


def redirect(url: str) -> Response:
    """See-other after a POST, so reloading a page never repeats an action."""
    return RedirectResponse(url, status_code=303)


class SecurityMiddleware:
    """Strict headers on every response and a CSRF cookie for every browser."""

    def __init__(self, app: ASGIApp, *, secure: bool) -> None:
        self.app = app
        self.secure = secure

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        existing = request.cookies.get(CSRF_COOKIE)
        token = existing or secrets.token_urlsafe(32)
        scope["zv_csrf"] = token

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = message.setdefault("headers", [])
                for key, value in SECURITY_HEADERS.items():
                    headers.append((key.encode(), value.encode()))
                if not existing:
                    headers.append((b"set-cookie", self._csrf_cookie(token).encode()))
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _csrf_cookie(self, token: str) -> str:
        flags = "; Secure" if self.secure else ""
        return f"{CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict{flags}"


def set_session_cookie(response: Response, desk: Desk, token: str) -> None:
    """The signed session cookie: HttpOnly, SameSite=Strict, Secure unless turned off."""
    response.set_cookie(
        SESSION_COOKIE,
        desk.serializer("session").dumps(token),
        httponly=True,
        samesite="strict",
        secure=desk.settings.web_secure_cookies,
        path="/",
    )


def clear_session_cookie(response: Response, desk: Desk) -> None:
    """Forget the session cookie in this browser."""
    response.delete_cookie(
        SESSION_COOKIE,
        httponly=True,
        samesite="strict",
        secure=desk.settings.web_secure_cookies,
        path="/",
    )

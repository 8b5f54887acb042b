"""The desk as one ASGI application: its routes, middleware and error pages."""

from __future__ import annotations

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from bot.settings import Settings
from bot.web import auth, cases, ops
from bot.web.app import HERE, Desk, SecurityMiddleware, render
from dialogs.organisation import Organisation
from storage.repository import Store


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code in (301, 302, 303, 307) and exc.headers:
        return RedirectResponse(exc.headers["location"], status_code=303)
    viewer = request.scope.get("zv_viewer")
    return render(
        request, "error.html", viewer, status_code=exc.status_code, status=exc.status_code
    )


def build_app(
    store: Store, org: Organisation, settings: Settings, secret: bytes | None = None
) -> Starlette:
    """The desk as an ASGI app (run it with uvicorn, or test it with Starlette's client)."""
    if secret is None:
        configured = settings.web_secret.get_secret_value() if settings.web_secret else None
        # Without a configured key the cookie key is derived from the pseudonym key.
        secret = (configured or store.pseudonym("web", "cookie-signing-key")).encode()
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    templates = Jinja2Templates(env=env)
    desk = Desk(store, org, settings, secret, templates)
    routes: list[BaseRoute] = [
        *auth.ROUTES,
        *cases.ROUTES,
        *ops.ROUTES,
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(SecurityMiddleware, secure=settings.web_secure_cookies)],
        exception_handlers={HTTPException: _http_error},
    )
    app.state.desk = desk
    return app

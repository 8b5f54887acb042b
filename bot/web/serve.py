"""Serving the desk with uvicorn: on its own (`zorgveilig web`) or beside the messengers
in `zorgveilig run` when ZV_WEB_LISTEN is set. Production puts a TLS reverse proxy in
front (README, "The web desk")."""

from __future__ import annotations

import logging
import threading

import uvicorn

from bot.runtime import Runtime
from bot.web.asgi import build_app

log = logging.getLogger(__name__)

DEFAULT_LISTEN = "127.0.0.1:8080"


def split_listen(listen: str) -> tuple[str, int]:
    """`host:port` as its parts."""
    host, _, port = listen.rpartition(":")
    return host or "127.0.0.1", int(port)


def desk_server(runtime: Runtime, listen: str | None = None) -> uvicorn.Server:
    """A uvicorn server for the desk (access logs off: URLs hold case addresses)."""
    host, port = split_listen(listen or runtime.settings.web_listen or DEFAULT_LISTEN)
    app = build_app(runtime.store, runtime.organisation, runtime.settings)
    config = uvicorn.Config(
        app, host=host, port=port, access_log=False, log_level="warning", proxy_headers=True
    )
    return uvicorn.Server(config)


def serve(runtime: Runtime, listen: str | None = None) -> None:
    """Block: serve the desk until stopped (Ctrl-C)."""
    server = desk_server(runtime, listen)
    log.info("web desk on %s:%s", server.config.host, server.config.port)
    server.run()


def serve_in_background(runtime: Runtime, listen: str) -> uvicorn.Server:
    """Serve the desk in a daemon thread next to the messengers; `should_exit` stops it."""
    server = desk_server(runtime, listen)
    thread = threading.Thread(target=server.run, name="web-desk", daemon=True)
    thread.start()
    log.info("web desk on %s:%s", server.config.host, server.config.port)
    return server

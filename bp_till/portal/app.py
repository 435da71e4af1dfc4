"""The producer portal as an ASGI app (Starlette), and its settings from ``bp-till.toml``.

``bp-till portal`` serves it with uvicorn (server.py). It reads the central
database as the ``bp_till_website`` role: ``[portal] central_url`` (or
``BP_TILL_PORTAL_CENTRAL_URL``), else the till's own central URL, which on
the embedded default is the SQLite file in the data folder.
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from bp_till.assets import asset
from bp_till.central.db import central_engine
from bp_till.config import Config
from bp_till.portal import pages
from bp_till.portal.security import BodyLimit, SecurityHeaders
from bp_till.portal.throttle import LoginThrottle
from bp_till.portal.web import Portal, render

log = logging.getLogger("bp_till.portal")
SECRET_FILE = "portal-secret.key"
SESSION_COOKIE = "bp_session"
SESSION_DAYS = 14
# The pages' thread pool holds 40 threads. No ping before each use (a round trip on every
# page): a connection the server dropped fails one request with the 503 page, and SQLAlchemy
# then discards the whole pool, so the next request connects afresh.
POOL = {"pool_size": 20, "max_overflow": 20, "pool_pre_ping": False}


@dataclass(frozen=True)
class PortalSettings:
    central_url: str
    secret: bytes
    public_url: str = "http://127.0.0.1:8800/login"
    shop_name: str = "Backstage Pass"
    rate_limit_storage: str = "memory://"

    @property
    def https(self) -> bool:
        return self.public_url.startswith("https://")


def load_secret(data_dir: Path) -> bytes:
    """The key that signs sessions: ``BP_TILL_PORTAL_SECRET``, or a file made once (0600)."""
    if os.environ.get("BP_TILL_PORTAL_SECRET"):
        return os.environ["BP_TILL_PORTAL_SECRET"].encode()
    path = data_dir / SECRET_FILE
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_hex(32))
    return path.read_text().strip().encode()


def settings_from(config: Config) -> PortalSettings:
    return PortalSettings(central_url=config.portal_central_url or config.central_url,
                          secret=load_secret(config.data_dir), public_url=config.portal_url,
                          shop_name=config.shop_name,
                          rate_limit_storage=config.portal_rate_limit_storage)


def _templates() -> Environment:
    return Environment(loader=FileSystemLoader(asset("resources", "portal", "templates")),
                       autoescape=select_autoescape(default=True), auto_reload=False)


async def _central_down(request: Request, exc: Exception) -> Response:
    log.warning("central database unreachable: %s", type(exc).__name__)
    return render(request, "error.html", 503, error=("error.central", {}), back=request.url.path)


async def _not_found(request: Request, exc: Exception) -> Response:
    return render(request, "error.html", 404, error=("error.not_found", {}), back="/")


ROUTES = [
    Route("/", pages.home),
    Route("/login", pages.login_page, methods=["GET"]),
    Route("/login", pages.login, methods=["POST"]),
    Route("/logout", pages.logout, methods=["POST"]),
    Route("/me", pages.me),
    Route("/vote", pages.vote_page, methods=["GET"]),
    Route("/vote", pages.vote, methods=["POST"]),
    Route("/board", pages.board),
    Route("/password", pages.password_page, methods=["GET"]),
    Route("/password", pages.change_password, methods=["POST"]),
    Route("/lang/{lang}", pages.choose_language),
]


def create_app(settings: PortalSettings, engine: Engine | None = None,
               now: Callable[[], datetime] | None = None) -> Starlette:
    """The portal; ``engine`` and ``now`` may be given (tests), else made from the settings."""
    # As many connections as pages served at once (the default 5 made 32 clients queue for one).
    engine = engine or central_engine(settings.central_url, **POOL)
    static = [Mount("/static", StaticFiles(directory=asset("resources", "portal", "static"))),
              Mount("/fonts", StaticFiles(directory=asset("resources", "fonts")))]
    app = Starlette(
        routes=ROUTES + static,
        middleware=[
            Middleware(SecurityHeaders, https=settings.https),
            Middleware(BodyLimit),
            Middleware(SessionMiddleware, secret_key=settings.secret.decode(),
                       session_cookie=SESSION_COOKIE, max_age=SESSION_DAYS * 24 * 3600,
                       same_site="lax", https_only=settings.https),
        ],
        exception_handlers={OperationalError: _central_down, 404: _not_found},
    )
    app.state.portal = Portal(engine=engine, throttle=LoginThrottle(settings.rate_limit_storage),
                              templates=_templates(), secret=settings.secret,
                              shop_name=settings.shop_name,
                              now=now or (lambda: datetime.now(UTC)))
    return app

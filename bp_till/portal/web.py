"""What every page of the portal shares: the portal's state, rendering, the session.

The session is Starlette's signed cookie (HttpOnly, SameSite=Lax, Secure when
the site is https). It holds the login ID, a fingerprint of the password hash
it was opened with, the CSRF token and one message to show next. Every page
of a signed-in producer checks the fingerprint against the current hash, so
a password changed anywhere (the website, a replacement card at a till) ends
every session opened with the old one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

from jinja2 import Environment
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse

from bp_till.domain.business_day import TOKYO
from bp_till.portal import i18n, reads
from bp_till.portal.login import fingerprint
from bp_till.portal.security import csrf_token
from bp_till.portal.throttle import LoginThrottle

LANG_COOKIE = "lang"


@dataclass
class Portal:
    """What the pages need, made once by create_app."""

    engine: Engine
    throttle: LoginThrottle
    templates: Environment
    secret: bytes
    shop_name: str
    now: Callable[[], datetime]


def portal(request: Request) -> Portal:
    return request.app.state.portal


def lang(request: Request) -> str:
    return i18n.language(request.cookies.get(LANG_COOKIE))


def _formatters(language: str) -> dict[str, Callable]:
    def day_of(shown: date) -> str:
        return f"{shown.month}月{shown.day}日" if language == "ja" else shown.strftime("%d %b %Y")

    def when(moment: datetime) -> str:
        local = moment.astimezone(TOKYO)
        return f"{day_of(local.date())} {local:%H:%M}"

    def day(text: str) -> str:
        return day_of(date.fromisoformat(text))

    return {
        "t": lambda key, **values: i18n.translate(language, key, **values),
        "rank_name": lambda name: i18n.rank_name(language, name),
        "num": lambda n: f"{n:,}",
        "signed": lambda n: f"{n:+,}",
        "yen": lambda n: f"¥{n:,}" if n >= 0 else f"-¥{-n:,}",
        "when": when,
        "day": day,
    }


def say(request: Request, key: str, kind: str = "ok", **values: object) -> None:
    """A message for the next page shown (after a redirect)."""
    request.session["flash"] = [key, kind, {k: str(v) for k, v in values.items()}]


class _Token:
    """The session's CSRF token, made only if the page has a form that shows it."""

    def __init__(self, request: Request) -> None:
        self.request = request

    def __str__(self) -> str:
        return csrf_token(self.request)

    __html__ = __str__  # a token is URL-safe: nothing in it to escape


def render(request: Request, name: str, status: int = 200, error: tuple | None = None,
           **context) -> HTMLResponse:
    """A page in the producer's language; ``error`` is (message key, values) shown on it."""
    language = lang(request)
    helpers = _formatters(language)
    flash = request.session.pop("flash", None)
    page = portal(request).templates.get_template(name).render(
        lang=language, shop=portal(request).shop_name, path=request.url.path,
        csrf=_Token(request), producer=request.session.get("login"),
        flash=helpers["t"](flash[0], **flash[2]) if flash else None,
        flash_kind=flash[1] if flash else "",
        error=helpers["t"](error[0], **error[1]) if error else None,
        **helpers, **context)
    return HTMLResponse(page, status_code=status)


def redirect(path: str) -> RedirectResponse:
    return RedirectResponse(path, status_code=303)  # after a POST: the next page is a GET


def local_path(typed: str | None, fallback: str = "/") -> str:
    """A path on this site to go back to; anything else (another host, //evil) is refused."""
    if not typed or not typed.startswith("/") or typed.startswith("//"):
        return fallback
    parts = urlsplit(typed)
    return fallback if parts.scheme or parts.netloc else parts.path


def sign_in(request: Request, login_id: str, password_hash: str) -> None:
    """A fresh session for the producer (a new token: none carries over from before)."""
    request.session.clear()
    request.session.update(login=login_id,
                           fp=fingerprint(portal(request).secret, password_hash),
                           at=datetime.now(UTC).isoformat(timespec="seconds"))


async def signed_in(request: Request, read: Callable | None = None) -> tuple[str | None, object]:
    """The producer of this session and ``read(conn, login_id)`` of their figures.

    Both on one connection, in one thread hop. (None, None) when nobody is
    signed in; a session opened with an older password is ended then.
    """
    login_id = request.session.get("login")
    if not login_id:
        return None, None
    state = portal(request)

    def current() -> tuple[str | None, object]:
        with reads.reading(state.engine) as conn:
            stored = reads.password_hash(conn, login_id)
            if stored is None or fingerprint(state.secret, stored) != request.session.get("fp"):
                return None, None
            return stored, read(conn, login_id) if read else None

    stored, figures = await run_in_threadpool(current)
    if stored is None:
        request.session.clear()
        say(request, "login.ended", "error")
        return None, None
    return login_id, figures

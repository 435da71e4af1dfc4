"""The portal's pages: log in, the producer page, votes, the ranking board, the password.

Every POST checks the CSRF token first and answers with a redirect (303)
when it succeeds, so a reload never sends a form again; a refusal shows the
same form with the message and what was typed (never a password).
"""

from __future__ import annotations

import uuid

from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bp_till.domain.errors import InvalidInput, NotFound
from bp_till.domain.identifiers import format_login_id
from bp_till.portal import forms, reads, writes
from bp_till.portal.login import LockedOut, WrongLogin, check_login, check_password, hash_new
from bp_till.portal.security import csrf_ok
from bp_till.portal.throttle import Lockout
from bp_till.portal.web import (
    LANG_COOKIE,
    lang,
    local_path,
    portal,
    redirect,
    render,
    say,
    sign_in,
    signed_in,
)
from bp_till.central.website import PasswordChangedMeanwhile

MAX_FIELDS = 400  # a vote form has one field per cast member


async def _form(request: Request):
    return await request.form(max_files=0, max_fields=MAX_FIELDS)


def _refused_form(request: Request, template: str = "error.html", **context) -> Response:
    return render(request, template, 403, error=("error.csrf", {}), back=request.url.path,
                  **context)


async def home(request: Request) -> Response:
    return redirect("/me" if request.session.get("login") else "/login")


async def login_page(request: Request) -> Response:
    return render(request, "login.html", typed_id="")


async def login(request: Request) -> Response:
    fields = await _form(request)
    typed_id = str(fields.get("login_id", ""))[:40]
    if not csrf_ok(request, fields.get("csrf")):
        return _refused_form(request, "login.html", typed_id=typed_id)
    address = request.client.host if request.client else "unknown"
    try:
        producer = await check_login(portal(request).engine, portal(request).throttle, typed_id,
                                     str(fields.get("password", "")), address)
    except InvalidInput as mistake:
        key = "login.typo" if "typo" in mistake.message else "login.id_digits"
        return render(request, "login.html", 400, error=(key, {}), typed_id=typed_id)
    except WrongLogin:
        return render(request, "login.html", 401, error=("login.wrong", {}), typed_id=typed_id)
    except LockedOut as locked:
        return _locked(request, locked.lockout, typed_id)
    sign_in(request, producer.login_id, producer.password_hash)
    return redirect("/me")


def _locked(request: Request, lockout: Lockout, typed_id: str) -> Response:
    response = render(request, "login.html", 429, typed_id=typed_id,
                      error=(f"login.locked_{lockout.by}", {"minutes": lockout.minutes}))
    response.headers["Retry-After"] = str(lockout.seconds)
    return response


async def logout(request: Request) -> Response:
    fields = await _form(request)
    if not csrf_ok(request, fields.get("csrf")):
        return _refused_form(request)
    request.session.clear()
    say(request, "logout.done")
    return redirect("/login")


async def _producer_or_login(request: Request, read=None) -> tuple[str, object] | Response:
    """(login ID, ``read`` of their figures), or the way to the login page."""
    login_id, figures = await signed_in(request, read)
    if login_id is None:
        if "flash" not in request.session:
            say(request, "login.needed", "error")
        return redirect("/login")
    return login_id, figures


async def me(request: Request) -> Response:
    got = await _producer_or_login(request, reads.standing)
    if isinstance(got, Response):
        return got
    login_id, standing = got
    floor = standing.rank.threshold
    span = (standing.next_rank.threshold - floor) if standing.next_rank else 1
    return render(request, "me.html", standing=standing, login_shown=format_login_id(login_id),
                  progress_span=span, progress_done=min(span, standing.spend_points - floor))


def _cast_rows(cast: list, q: str) -> list[dict]:
    wanted = forms.fold(q.strip())
    rows = [{"code": c.code, "stage_name": c.stage_name, "romaji": c.romaji,
             "search": forms.fold(f"{c.stage_name} {c.romaji} {c.code}")} for c in cast]
    return [row for row in rows if wanted in row["search"]] if wanted else rows


def _vote_figures(conn, login_id: str):
    """The balance to give and the cast to give it to (not those retired)."""
    return (reads.standing(conn, login_id).vote_points,
            [member for member in reads.cast_roster(conn) if member.active])


async def vote_page(request: Request, error: tuple | None = None, typed: dict | None = None,
                    status: int = 200) -> Response:
    got = await _producer_or_login(request, _vote_figures)
    if isinstance(got, Response):
        return got
    balance, cast = got[1]
    if error and error[0] == "vote.over" and "balance" not in error[1]:
        error = (error[0], {**error[1], "balance": f"{balance:,}"})  # as it stands now
    q = request.query_params.get("q", "")[:40]
    return render(request, "vote.html", status, error=error, balance=balance, q=q,
                  cast=_cast_rows(cast, q), typed=typed or {}, vote_key=str(uuid.uuid4()))


async def vote(request: Request) -> Response:
    fields = await _form(request)
    got = await _producer_or_login(request, _vote_figures)
    if isinstance(got, Response):
        return got
    login_id, (balance, cast) = got
    if not csrf_ok(request, fields.get("csrf")):
        return _refused_form(request)
    names = {c.code: c.stage_name for c in cast}
    try:
        key = forms.vote_key(fields.get("vote_key"))
        form = forms.read_votes(fields.multi_items(), names, balance)
    except forms.FormError as refusal:
        typed = {n[len(forms.FIELD_PREFIX):]: str(v)[:20] for n, v in fields.multi_items()
                 if n.startswith(forms.FIELD_PREFIX)}
        return await vote_page(request, (refusal.key, refusal.values), typed, 400)
    return await _give(request, login_id, form, key)


async def _give(request: Request, login_id: str, form: forms.VoteForm, key: str) -> Response:
    state = portal(request)
    try:
        left = await run_in_threadpool(writes.give_votes, state.engine, login_id,
                                       form.allocations, key, state.now())
    except writes.VoteCountedAlready:
        say(request, "vote.again")
        return redirect("/me")
    except writes.VoteRefused:  # spent at a till meanwhile: vote_page says what is there now
        return await vote_page(request, ("vote.over", {"total": f"{form.total:,}"}),
                               form.typed, 409)
    except NotFound:
        return await vote_page(request, ("vote.unknown_cast", {}), form.typed, 400)
    say(request, "vote.done", points=f"{form.total:,}", left=f"{left:,}")
    return redirect("/me")


def _board(request: Request):
    with reads.reading(portal(request).engine) as conn:
        return reads.board(conn, portal(request).now())


def _month_label(language: str, month: str) -> str:
    year, number = month.split("-")
    return f"{year}年{int(number)}月" if language == "ja" else f"{year}-{number}"


CHART_BARS = 10
CHART_WIDTH = 180  # of the SVG's 320 units: names on the left, points on the right


async def board(request: Request) -> Response:
    page = await run_in_threadpool(_board, request)
    top = page.placings[:CHART_BARS]
    most = max((p.points for p in top), default=1)
    chart = [{"place": p.place, "name": p.stage_name, "points": p.points,
              "width": max(2, round(CHART_WIDTH * p.points / most))} for p in top]
    language = lang(request)
    return render(request, "board.html", board=page, chart=chart,
                  month_label=_month_label(language, page.month),
                  last_month_label=_month_label(language, page.last_month))


async def password_page(request: Request, error: tuple | None = None,
                        status: int = 200) -> Response:
    got = await _producer_or_login(request)
    if isinstance(got, Response):
        return got
    return render(request, "password.html", status, error=error, login_id=got[0])


async def change_password(request: Request) -> Response:
    fields = await _form(request)
    got = await _producer_or_login(request)
    if isinstance(got, Response):
        return got
    login_id = got[0]
    if not csrf_ok(request, fields.get("csrf")):
        return _refused_form(request)
    state = portal(request)
    address = request.client.host if request.client else "unknown"
    locked = state.throttle.lockout(login_id, address)
    if locked:
        return await password_page(request, (f"login.locked_{locked.by}",
                                             {"minutes": locked.minutes}), 429)
    current = str(fields.get("current", ""))
    old_hash = await check_password(state.engine, login_id, current)
    if old_hash is None:
        state.throttle.failed(login_id, address)
        return await password_page(request, ("password.wrong", {}), 401)
    try:
        new = forms.read_new_password(fields.get("new"), fields.get("again"), current)
    except forms.FormError as refusal:
        return await password_page(request, (refusal.key, refusal.values), 400)
    new_hash = await hash_new(new)
    try:
        await run_in_threadpool(writes.change_password, state.engine, login_id, old_hash,
                                new_hash, state.now())
    except (PasswordChangedMeanwhile, IntegrityError):
        request.session.clear()
        say(request, "password.raced", "error")
        return redirect("/login")
    sign_in(request, login_id, new_hash)  # this session goes on; every other one ends
    say(request, "password.done")
    return redirect("/me")


async def choose_language(request: Request) -> Response:
    chosen = request.path_params["lang"]
    response = RedirectResponse(local_path(request.query_params.get("next")), status_code=303)
    response.set_cookie(LANG_COOKIE, chosen if chosen in ("ja", "en") else "ja",
                        max_age=365 * 24 * 3600, httponly=True, samesite="lax")
    return response

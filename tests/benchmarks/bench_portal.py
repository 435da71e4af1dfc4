"""The producer portal under 32 concurrent clients on loopback, against bare reads of its figures.

A PostgreSQL central holds 5,000 producers with ten visits each over two
months and votes this month and the last (about 70,000 events, ingested
through the real ingest), and 120 cast members. The portal runs in a process
of its own (uvicorn, one worker) as the website's role; the load comes from a
third process (http_load.py), 32 clients on keep-alive connections:

- log in: the login page, then the form posted (argon2id verify), each client
  as its own producer; the baseline is one argon2id verify alone;
- the producer page of a signed-in producer; the baseline is the same SQL
  statements the page sends, by 32 bare psycopg connections;
- the public ranking board, in requests per second; the baseline is the
  board's statements by 32 bare psycopg connections.
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

import psycopg
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bp_till.central.db import central_engine, init_central
from bp_till.central.postgres import WEBSITE_ROLE
from bp_till.domain.business_day import business_month
from bp_till.domain.credentials import hash_password, verify_password
from bp_till.domain.identifiers import card_number, login_id
from tests.benchmarks import http_load
from tests.benchmarks.harness import Figure, Goal, time_ms
from tests.central.feed import FakeTill, send

PG_URL = os.environ.get("BP_TILL_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
DATABASE = "bp_bench_portal"
PRODUCERS = 5_000
VISITS = 10
CLIENTS = 32
CAST = 120
PASSWORD = "BENCH-PASS-0001"
NOW = datetime.now(UTC)

PAGE_SQL = [
    ("SELECT password_hash FROM current_credentials WHERE login_id = %(l)s", True),
    ("SELECT spend_points, vote_points FROM producer_balances WHERE login_id = %(l)s", True),
    ("SELECT ranks FROM rank_tables ORDER BY ingest_id DESC LIMIT 1", False),
    ("SELECT type, business_day, at, total, spend_points, vote_points FROM producer_visits "
     "WHERE login_id = %(l)s ORDER BY at DESC, ingest_id DESC LIMIT 10", True),
    ("SELECT cast_code, points, voted_at, terminal FROM producer_votes WHERE login_id = %(l)s "
     "ORDER BY voted_at DESC, id DESC LIMIT 10", True),
    ("SELECT code, stage_name FROM cast_roster WHERE code = ANY(%(codes)s)", True),
    ("SELECT points, reason, refused_at FROM producer_vote_refusals WHERE login_id = %(l)s "
     "ORDER BY refused_at DESC LIMIT 10", True),
]
BOARD_SQL = [
    ("SELECT code, stage_name, romaji FROM cast_roster ORDER BY code", False),
    ("SELECT place, cast_code, points FROM monthly_cast_ranking WHERE business_month = %(m)s "
     "ORDER BY place LIMIT 1", False),
    ("SELECT place, cast_code, points FROM monthly_cast_ranking WHERE business_month = %(m)s "
     "ORDER BY place LIMIT 20", False),
]


def _logins() -> list[str]:
    return [login_id(1, 1, n) for n in range(1, PRODUCERS + 1)]


def _history(rng: random.Random, hashed: str) -> list[list]:
    """The central's events in batches of 500, as tills would send them."""
    till = FakeTill(1)
    events = [till.cast(**{f"C{n:03d}": f"キャスト{n}" for n in range(1, CAST + 1)})]
    for n, login in enumerate(_logins(), start=1):
        first = NOW - timedelta(days=60 - rng.randint(0, 10))
        issued = till.card_issued(login, card_number(1, 1, n), first)
        if n <= CLIENTS:  # the producers who log in: a real hash of a known password
            issued = till.event("card.issued", login_id=login, card_number=card_number(1, 1, n),
                                password_hash=hashed, issued_at=first.isoformat())
        events.append(issued)
        for visit in range(VISITS):
            at = first + timedelta(days=visit * 5, hours=rng.randint(0, 4))
            events.append(till.settled(login, rng.randint(30, 120) * 100, at,
                                       cast_code=f"C{rng.randint(1, CAST):03d}"))
        for days_back in (35, 1):
            events.append(till.votes(login, NOW - timedelta(days=days_back),
                                     **{f"C{rng.randint(1, CAST):03d}": rng.randint(1, 20)}))
    return [events[i:i + 500] for i in range(0, len(events), 500)]


def _central() -> str:
    """A fresh central with the history; returns the website role's URL."""
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{DATABASE}"'))
    admin.dispose()
    owner_url = make_url(PG_URL).set(database=DATABASE)
    owner = central_engine(owner_url.render_as_string(hide_password=False))
    init_central(owner)
    for batch in _history(random.Random(17), hash_password(PASSWORD)):
        send(owner, *batch)
    with owner.begin() as conn:
        conn.execute(text("ANALYZE"))
    owner.dispose()
    return owner_url.set(username=WEBSITE_ROLE).render_as_string(hide_password=False)


def _voted_for(url: str, logins: list[str]) -> dict[str, dict]:
    """Each producer's parameters for the bare page: the login and the cast their votes name."""
    dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn) as conn:
        rows = conn.execute("SELECT login_id, array_agg(DISTINCT cast_code) FROM producer_votes "
                            "WHERE login_id = ANY(%s) GROUP BY login_id", [logins]).fetchall()
    return {login: {"l": login, "codes": codes} for login, codes in rows}


def _token(page: bytes) -> str:
    return re.search(rb'name="csrf" value="([^"]+)"', page)[1].decode()


async def _log_in(client: http_load.Client, who: str) -> None:
    page = await client.request("GET", "/login")
    body = urlencode({"csrf": _token(page), "login_id": who, "password": PASSWORD}).encode()
    await client.request("POST", "/login", body)
    if client.statuses[-1] != 303:
        raise RuntimeError(f"log in answered {client.statuses[-1]}")


def _load(port: int, one, prepare=None, requests_each: int = 20):
    return asyncio.run(http_load.run(port, CLIENTS, requests_each, one, prepare))


async def _bare(url: str, statements, params_of, requests_each: int) -> tuple[list[float], float]:
    """The statements by 32 bare psycopg connections, timed like the pages."""
    dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    samples: list[float] = []

    async def client(n: int) -> None:
        async with await psycopg.AsyncConnection.connect(dsn, autocommit=True) as conn:
            for i in range(requests_each):
                params = params_of(n, i)
                start = time.perf_counter()
                for sql, _ in statements:
                    await (await conn.execute(sql, params)).fetchall()
                samples.append((time.perf_counter() - start) * 1000)

    started = time.perf_counter()
    await asyncio.gather(*(client(n) for n in range(CLIENTS)))
    return samples, time.perf_counter() - started


def _serve(url: str, port: int) -> subprocess.Popen:
    server = subprocess.Popen([sys.executable, "-m", "tests.benchmarks.portal_server", url,
                               str(port)])
    deadline = time.monotonic() + 30
    while True:
        try:
            asyncio.run(_ping(port))
            return server
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError("the portal did not start") from None
            time.sleep(0.2)


async def _ping(port: int) -> None:
    client = await http_load.connect(port)
    await client.request("GET", "/board")
    client.writer.close()


def figures(env) -> list[Figure]:
    from tests.portal.browser import _free_port

    url = _central()
    port = _free_port()
    server = _serve(url, port)
    logins = _logins()[:CLIENTS]
    month = business_month(NOW)
    try:
        clients = iter(logins)

        async def log_in_again(client, n):
            await _log_in(client, client.who)

        async def assign(client):
            client.who = next(clients)

        login_ms, _ = _load(port, log_in_again, assign, requests_each=4)
        verify_alone = time_ms(lambda h=hash_password(PASSWORD): verify_password(h, PASSWORD), 10)

        clients = iter(logins)

        async def sign_in(client):
            await _log_in(client, next(clients))

        async def me(client, n):
            await client.request("GET", "/me")

        page_ms, _ = _load(port, me, sign_in, requests_each=30)
        voted = _voted_for(url, logins)
        bare_page_ms, _ = asyncio.run(_bare(url, PAGE_SQL, lambda n, i: voted[logins[n]], 30))

        async def board(client, n):
            await client.request("GET", "/board")

        board_rps, bare_board_rps = [], []
        for _ in range(3):
            samples, elapsed = _load(port, board, requests_each=40)
            board_rps.append(len(samples) / elapsed)
            samples, elapsed = asyncio.run(_bare(url, BOARD_SQL, lambda n, i: {"m": month}, 40))
            bare_board_rps.append(len(samples) / elapsed)
    finally:
        server.terminate()
        server.wait(10)
    return [
        Figure("portal: log in (login page + argon2id verify), 32 clients", "ms", login_ms,
               Goal("p95", 10_000), verify_alone, "one argon2id verify alone",
               note=f"{len(login_ms)} logins"),
        Figure("portal: the producer page, 32 signed-in clients", "ms", page_ms,
               Goal("ratio", 3.0), bare_page_ms, "its 7 SQL statements, bare psycopg, 32 clients"),
        Figure("portal: the public ranking board, 32 clients", "requests/s", board_rps,
               Goal("median", 500, below=False), bare_board_rps,
               "its 3 SQL statements, bare psycopg, 32 clients"),
    ]

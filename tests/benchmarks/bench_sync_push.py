"""Push a backlog of 100,000 events to PostgreSQL on loopback, against a bare psycopg executemany.

The backlog is a till's outbox after a long time offline: 95 % ``check.settled``
(3–8 lines, cast credits on cheki and cast drinks, points for most of them)
and 5 % ``card.issued``, written straight into a real store's outbox. It is
pushed in four slices of 25,000 (the rest held back as if sent), each slice by
the real ``push`` into a real central database (events, ledger, cast credits,
producers, cards, credentials). The baseline takes turns with it: the same
slice's event rows, already in memory, written by psycopg ``executemany`` in
transactions of 500 into a bare ``events`` table with the same columns and
keys, and nothing else. Figures are events per second (higher is better).
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
import uuid
from datetime import datetime, timedelta

import psycopg
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bp_till.central.db import central_engine, init_central
from bp_till.clock import FakeClock
from bp_till.domain.business_day import TOKYO, business_day
from bp_till.services.context import TillContext
from bp_till.store.db import open_store
from bp_till.store.types import utc_text
from bp_till.sync.push import BATCH_SIZE, push
from tests.benchmarks.harness import Figure, Goal
from tests.central.feed import FakeTill

EVENTS = 100_000
SLICES = 4
START = datetime(2026, 6, 1, 18, 0, tzinfo=TOKYO)
PG_URL = os.environ.get("BP_TILL_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
CATEGORIES = [("drink", 800, False), ("food", 1_200, False), ("cheki", 1_500, True),
              ("cast_drink", 2_000, True), ("goods", 3_000, False)]

BARE_EVENTS = """
CREATE TABLE events (
  event_id varchar(36) PRIMARY KEY, terminal integer NOT NULL, seq bigint NOT NULL,
  type varchar(40) NOT NULL, version integer NOT NULL, payload json NOT NULL,
  received_at timestamptz NOT NULL, UNIQUE (terminal, seq))"""


def _settled(till: FakeTill, rng: random.Random, number: int, login: str | None,
             at: datetime):
    lines = [{"item": "TC01", "category": "table_charge", "unit_price": 1_000, "quantity": 1,
              "tax_rate": 10, "cast_code": None}]
    for n in range(rng.randint(2, 7)):
        category, price, credited = rng.choice(CATEGORIES)
        lines.append({"item": f"{category[:2].upper()}{n:02d}", "category": category,
                      "unit_price": price, "quantity": rng.choice([1, 1, 2]), "tax_rate": 10,
                      "cast_code": f"C{rng.randint(1, 150):03d}" if credited else None})
    total = sum(line["unit_price"] * line["quantity"] for line in lines)
    multiplier = rng.choice([100, 120, 150, 200]) if login else None
    spend = total // 100 if login else 0
    return till.event(
        "check.settled", check_uuid=str(uuid.uuid4()), check_number=number,
        business_day=business_day(at).isoformat(), settled_at=at.isoformat(),
        table=f"T{rng.randint(1, 24)}", guests=rng.choice([1, 1, 2, 3]), takeout=False,
        total=total, lines=lines, payments=[{"method": "cash", "amount": total}],
        login_id=login, card_number=None, rank="Regular" if login else None,
        multiplier_pct=multiplier, spend_points=spend,
        vote_points=spend * (multiplier or 100) // 100)


def backlog(seed: int = 8) -> list:
    """The events of a till that stayed offline for months, in outbox order."""
    rng, till = random.Random(seed), FakeTill(1)
    producers: list[str] = []
    events, at = [], START
    for n in range(EVENTS):
        at += timedelta(seconds=rng.randint(20, 400))
        if n % 20 == 0:
            login = f"{10_000_000_000 + n:011d}"
            producers.append(login)
            events.append(till.card_issued(login, f"{100_000_000_000 + n:012d}", at))
        else:
            login = rng.choice(producers) if rng.random() < 0.7 else None
            events.append(_settled(till, rng, n, login, at))
    return events


def fill_outbox(path, events, at: datetime, sent: bool) -> None:
    """Write events into a real store's outbox as the till would have queued them."""
    created = utc_text(at)
    with sqlite3.connect(path) as conn:
        conn.executemany(
            "INSERT INTO outbox (event_id, terminal, seq, type, version, payload, created_at, "
            "sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(e.event_id, e.terminal, e.seq, e.type, e.version,
              e.payload, created, created if sent else None)
             for e in events])


def _store_with_outbox(env, events) -> TillContext:
    path = env.folder("sync_push") / "till.db"
    open_store(path).dispose()  # the real migrations
    fill_outbox(path, events, START, sent=True)
    return TillContext(store=open_store(path), clock=FakeClock(START))


def _release(ctx: TillContext, first: int, last: int) -> None:
    """Unsend the slice [first, last] of the backlog, as if it had just been written."""
    with sqlite3.connect(ctx.store.path) as conn:
        conn.execute("UPDATE outbox SET sent_at = NULL WHERE seq BETWEEN ? AND ?", (first, last))


def fresh_database(admin, name: str, template: str | None = None) -> str:
    """An empty database (or a copy of ``template``) by that name, dropped first if it is there."""
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'
                          + (f' TEMPLATE "{template}"' if template else "")))
    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


def _bare(url: str, rows: list[tuple]) -> None:
    with psycopg.connect(url.replace("postgresql+psycopg", "postgresql")) as conn:
        for start in range(0, len(rows), BATCH_SIZE):
            with conn.transaction(), conn.cursor() as cur:
                cur.executemany("INSERT INTO events VALUES (%s, %s, %s, %s, %s, %s, %s)",
                                rows[start:start + BATCH_SIZE])


def figures(env) -> list[Figure]:
    events = backlog()
    ctx = _store_with_outbox(env, events)
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    central_url = fresh_database(admin, "bp_bench_central")
    bare_url = fresh_database(admin, "bp_bench_bare")
    central = central_engine(central_url)
    init_central(central)
    with psycopg.connect(bare_url.replace("postgresql+psycopg", "postgresql")) as conn:
        conn.execute(BARE_EVENTS)
    received = datetime.now(TOKYO)
    rows = [(e.event_id, e.terminal, e.seq, e.type, e.version,
             e.payload, received) for e in events]
    size = EVENTS // SLICES
    samples, baseline = [], []
    try:
        for n in range(SLICES):
            first, last = n * size + 1, (n + 1) * size
            _release(ctx, first, last)
            start = time.perf_counter()
            result = push(ctx, central)
            samples.append(size / (time.perf_counter() - start))
            assert (result.sent, result.new, result.pending) == (size, size, 0), result
            start = time.perf_counter()
            _bare(bare_url, rows[first - 1:last])
            baseline.append(size / (time.perf_counter() - start))
    finally:
        ctx.store.dispose()
        central.dispose()
        with admin.connect() as conn:
            for name in ("bp_bench_central", "bp_bench_bare"):
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    return [Figure(f"push {EVENTS:,} queued events to PostgreSQL (loopback), "
                   f"{SLICES} slices", "events/s", samples, Goal("ratio", 0.5, below=False),
                   baseline, "bare psycopg executemany of the event rows")]

"""A night's backlog from 100 tills, each a night offline, pushed to a fresh central (issue 19).

The goal: the whole chain's night ingested in under a minute. Each till is a
real store (one made by the real migrations, copied 100 times), terminal 1 to
100, whose outbox holds its history as sent and tonight's events unsent:
scale_central's night of a till (a year of 100 tills is 50 million events,
about 1,370 a till a night; 2 % new cards, 10 % votes, the rest settled
checks) and its close-out. The producers it sees are mostly its own regulars,
a fifth the chain's, all known to the central database from earlier nights,
plus the cards it issued tonight; it votes with the vote points it knows of,
so a few votes are refused where another till spent the points first.

Each round starts from a fresh central (a copy of one holding the history)
and pushes every till through the real ``push`` (bp_till/sync), ``AT_ONCE``
tills at a time, each with its own engine, as the chain's tills would come
online in the morning: the figure is the wall time from the first connection
to the last commit. The baseline, in the same round: the same event rows
(already in memory) written by psycopg ``COPY`` into a bare ``events`` table
with the same columns and keys, one COPY a till, the same tills at once.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import sys
import time
from collections import ChainMap
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from pathlib import Path

import psycopg
from sqlalchemy import create_engine, text

from bp_till.central.db import central_engine, init_central
from bp_till.central.ingest_function import ingest_batch
from bp_till.clock import FakeClock
from bp_till.domain.business_day import TOKYO
from bp_till.services.context import Site, TillContext
from bp_till.store.db import open_store
from bp_till.sync.push import push
from tests.benchmarks import scale_central
from tests.benchmarks.bench_sync_push import BARE_EVENTS, PG_URL, fill_outbox, fresh_database
from tests.benchmarks.harness import Figure, Goal
from tests.central.feed import FakeTill

TILLS = scale_central.TILLS
PER_NIGHT = round(scale_central.FULL_EVENTS / (scale_central.TILLS * scale_central.NIGHTS))
REGULARS = 200  # each till's producers from earlier nights
ROUNDS = 3
AT_ONCE = 10  # tills pushing at the same moment
GOAL_S = 60
LAST_NIGHT = date(2026, 11, 20)
MORNING = datetime(2026, 11, 21, 10, 0, tzinfo=TOKYO)  # when the tills come back online
HISTORY_DB, CENTRAL_DB, BARE_DB = "bp_bench_chain_history", "bp_bench_chain", "bp_bench_chain_bare"
COPY = "COPY events (event_id, terminal, seq, type, version, payload, received_at) FROM STDIN"


def _login(terminal: int, n: int) -> str:
    return f"{terminal:03d}{n:08d}"


class _Till:
    """One till's history and tonight, as its outbox holds them."""

    def __init__(self, terminal: int, rng: random.Random) -> None:
        self.fake, self.rng = FakeTill(terminal), rng
        start = datetime(2026, 11, 1, 19, 0, tzinfo=TOKYO)
        roster = {f"C{k:03d}": f"Cast {k}" for k in range(scale_central.CAST)}
        self.history = [self.fake.cast(**roster)] if terminal == 1 else []  # the cast, once
        self.regulars = [_login(terminal, n) for n in range(REGULARS)]
        self.earned: dict[str, int] = {}  # the regulars' vote points before tonight
        for n, login in enumerate(self.regulars):  # a card and a first visit each
            total = rng.randrange(2_000, 30_000, 100)
            self.history += [self.fake.card_issued(login, f"9{terminal:03d}{n:08d}", start),
                             self.fake.settled(login, total, start)]
            self.earned[login] = total // 100
        self.known: ChainMap[str, int] = ChainMap({}, self.earned)  # vote points as it sees them
        self.tonight: list = []

    def night(self, chain_logins: list[str], day: date) -> None:
        weights = [1 / (k + 1) for k in range(scale_central.CAST)]  # a long tail, as on a board
        start = datetime(day.year, day.month, day.day, 18, 0, tzinfo=TOKYO)
        for at in sorted(start + timedelta(seconds=self.rng.randrange(10 * 3600))
                         for _ in range(PER_NIGHT - 1)):
            self.tonight.append(self._event(at, chain_logins, weights))
        self.tonight.append(self.fake.day_closed(start + timedelta(hours=10, minutes=30)))

    def _event(self, at: datetime, chain_logins: list[str], weights: list[float]):
        roll, rng = self.rng.random(), self.rng
        if roll < scale_central.NEW_CARD:
            login = _login(self.fake.terminal, len(self.regulars))
            self.regulars.append(login)
            self.known[login] = 0
            return self.fake.card_issued(login, f"9{login}0", at)
        login = rng.choice(self.regulars if rng.random() < 0.8 else chain_logins)
        if roll < scale_central.NEW_CARD + scale_central.VOTE and self.known.get(login, 0) > 0:
            points = rng.randint(1, self.known[login])
            self.known[login] -= points
            code = rng.choices(range(scale_central.CAST), weights)[0]
            return self.fake.votes(login, at, **{f"C{code:03d}": points})
        total = rng.randrange(2_000, 30_000, 100)
        self.known[login] = self.known.get(login, 0) + total // 100
        return self.fake.settled(login, total, at, cast_code=f"C{rng.randrange(150):03d}")


def _chain(seed: int = 21) -> list[_Till]:
    rng = random.Random(seed)
    tills = [_Till(n, rng) for n in range(1, TILLS + 1)]
    chain_logins = [login for till in tills for login in till.regulars]
    pulled = {login: points for till in tills for login, points in till.earned.items()}
    for till in tills:
        till.known = ChainMap({}, pulled)  # what it pulled before it went offline
        till.night(chain_logins, LAST_NIGHT)
    return tills


def _central_with_history(admin, tills: list[_Till]) -> None:
    """The central database as it was before last night: the template of every round."""
    url = fresh_database(admin, HISTORY_DB)
    engine = central_engine(url)
    try:
        init_central(engine)
        history = [event for till in tills for event in till.history]
        for first in range(0, len(history), scale_central.BATCH):
            with engine.begin() as conn:
                ingest_batch(conn, history[first:first + scale_central.BATCH])
    finally:
        engine.dispose()


def _stores(folder: Path, tills: list[_Till]) -> list[TillContext]:
    """A real store per till: history sent, tonight queued."""
    template = folder / "template.db"
    open_store(template).dispose()  # the real migrations, once
    contexts = []
    for till in tills:
        path = folder / f"till-{till.fake.terminal:03d}.db"
        shutil.copyfile(template, path)
        fill_outbox(path, till.history, MORNING - timedelta(days=20), sent=True)
        fill_outbox(path, till.tonight, MORNING - timedelta(hours=6), sent=False)
        contexts.append(TillContext(store=open_store(path), clock=FakeClock(MORNING),
                                    site=Site(terminal=till.fake.terminal)))
    return contexts


def _requeue(contexts: list[TillContext], tills: list[_Till]) -> None:
    """Tonight unsent again, for the next round."""
    for ctx, till in zip(contexts, tills, strict=True):
        with sqlite3.connect(ctx.store.path) as conn:
            conn.execute("UPDATE outbox SET sent_at = NULL WHERE seq >= ?", (till.tonight[0].seq,))


def _push_all(url: str, contexts: list[TillContext]) -> tuple[float, int]:
    def one(ctx: TillContext) -> int:
        engine = central_engine(url)  # each till its own connections
        try:
            result = push(ctx, engine)
        finally:
            engine.dispose()
        assert result.pending == 0 and result.new == result.sent, result
        return result.sent

    start = time.perf_counter()
    with ThreadPoolExecutor(AT_ONCE) as pool:
        sent = sum(pool.map(one, contexts))
    return time.perf_counter() - start, sent


def _copy_all(url: str, tills: list[_Till]) -> float:
    received = datetime.now(TOKYO)
    rows = [[(e.event_id, e.terminal, e.seq, e.type, e.version, e.payload, received)
             for e in till.tonight] for till in tills]
    conninfo = url.replace("postgresql+psycopg", "postgresql")

    def one(till_rows: list[tuple]) -> None:
        with psycopg.connect(conninfo) as conn, conn.cursor() as cur:
            with cur.copy(COPY) as copy:
                for row in till_rows:
                    copy.write_row(row)

    start = time.perf_counter()
    with ThreadPoolExecutor(AT_ONCE) as pool:
        list(pool.map(one, rows))
    return time.perf_counter() - start


def _round(admin, contexts: list[TillContext], tills: list[_Till], events: int):
    central_url = fresh_database(admin, CENTRAL_DB, template=HISTORY_DB)
    bare_url = fresh_database(admin, BARE_DB)
    with psycopg.connect(bare_url.replace("postgresql+psycopg", "postgresql")) as conn:
        conn.execute(BARE_EVENTS)
    _requeue(contexts, tills)
    pushed, sent = _push_all(central_url, contexts)
    assert sent == events, (sent, events)
    copied = _copy_all(bare_url, tills)
    engine = create_engine(central_url)
    with engine.connect() as conn:
        refused = conn.scalar(text("SELECT count(*) FROM vote_refusals"))
    engine.dispose()
    return pushed, copied, refused


def figures(env) -> list[Figure]:
    tills = _chain()
    events = sum(len(till.tonight) for till in tills)
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    _central_with_history(admin, tills)
    contexts = _stores(env.folder("chain_night"), tills)
    pushed, copied = [], []
    try:
        for _ in range(ROUNDS):
            push_s, copy_s, refused = _round(admin, contexts, tills, events)
            pushed.append(push_s)
            copied.append(copy_s)
            print(f"  chain night: {events:,} events pushed in {push_s:.1f} s "
                  f"({events / push_s:,.0f}/s, {refused} votes refused), COPY {copy_s:.2f} s",
                  flush=True, file=sys.stderr)
    finally:
        for ctx in contexts:
            ctx.store.dispose()
        with admin.connect() as conn:
            for name in (CENTRAL_DB, BARE_DB, HISTORY_DB):
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    name = f"a night of {TILLS} tills offline ({events:,} events) pushed, {AT_ONCE} at once"
    return [
        Figure(f"{name}: wall time", "s", pushed, Goal("median", GOAL_S), copied,
               "bare psycopg COPY of the event rows"),
        Figure(f"{name}: throughput", "events/s", [events / s for s in pushed],
               Goal("median", events // GOAL_S, below=False), [events / s for s in copied],
               "bare psycopg COPY"),
    ]

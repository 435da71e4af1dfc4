"""A PostgreSQL central holding a fraction of a year of 100 tills, through the real ingest.

A year of 100 tills is about 50 million events (issue 19): per till and night
about 1,370, of which 2 % new cards, 10 % votes and the rest settled checks,
for about a million producers. ``build(fraction)`` makes that fraction of it
(the same year, tills and cast; fewer events each night and fewer producers)
as the tills would push it: night by night, each till's events in its order,
in batches of 500 through ``ingest_events`` (tests/central/feed.py writes the
events as a till's outbox holds them). This process makes the year while two
worker processes push it, each for half the tills, as tills push at once.
Votes spend what the producer had earned before the night, and a night is
pushed once the one before is in, so the central database refuses none (a
check and a vote of the same night may reach it from two tills in either order).

``python -m tests.benchmarks.scale_central --fraction 0.01`` builds one and
prints its size and build time. The database is kept, named by the fraction
and this file's source, so a second run (and ``make bench``) reuses it. The
whole year takes about 63 GB of disk; its build writes WAL fast, so give the
server room for it (``max_wal_size`` of several GB: with the default 1 GB the
checkpoints' full-page writes cost the build about a sixth of its time here).
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import queue
import random
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from bp_till.central.db import central_engine, init_central
from bp_till.central.ingest_function import ingest_batch
from bp_till.domain.business_day import TOKYO
from tests.central.feed import FakeTill

FULL_EVENTS = 50_000_000
TILLS = 100
FIRST_NIGHT = date(2025, 12, 1)
NIGHTS = 365  # to 30 November 2026
NOW = datetime(2026, 11, 30, 22, 0, tzinfo=TOKYO)  # the board of November, October's winner
CAST = 150
BATCH = 500
WORKERS = 2  # push processes; this machine has two cores
NEW_CARD, VOTE = 0.02, 0.10  # of a night's events; the rest are settled checks
SOURCE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:8]


@dataclass(frozen=True)
class Built:
    url: str
    events: int
    producers: int
    votes: int
    seconds: float  # 0 when an earlier run's database was reused


def database_name(fraction: float) -> str:
    return f"bp_bench_scale_{round(fraction * 10_000):05d}_{SOURCE}"


class _Chain:
    """The producers of the whole chain as the central database sees them, night by night."""

    def __init__(self, fraction: float, seed: int) -> None:
        self.rng = random.Random(seed)
        self.per_night = max(1, round(FULL_EVENTS * fraction / (TILLS * NIGHTS)))
        self.tills = [FakeTill(n) for n in range(1, TILLS + 1)]
        self.logins: list[str] = []
        self.vote_points: dict[str, int] = {}  # what a producer may give tonight
        self.earned_tonight: dict[str, int] = {}
        # A few cast members get most votes (a long tail), as on a real board.
        self.cast_weights = [1 / (k + 1) for k in range(CAST)]

    def night(self, till: FakeTill, day: date) -> list:
        start = datetime(day.year, day.month, day.day, 18, 0, tzinfo=TOKYO)
        times = sorted(start + timedelta(seconds=self.rng.randrange(10 * 3600))
                       for _ in range(self.per_night))
        return [self._event(till, at) for at in times]

    def end_of_night(self) -> None:
        for login, points in self.earned_tonight.items():
            self.vote_points[login] += points
        self.earned_tonight.clear()

    def _event(self, till: FakeTill, at: datetime):
        roll = self.rng.random()
        if roll < NEW_CARD or not self.logins:
            login = f"1{len(self.logins):010d}"
            self.logins.append(login)
            self.vote_points[login] = 0
            return till.card_issued(login, f"2{len(self.logins):011d}", at)
        login = self.rng.choice(self.logins)
        if roll < NEW_CARD + VOTE and self.vote_points[login] > 0:
            points = self.rng.randint(1, self.vote_points[login])
            self.vote_points[login] -= points
            code = self.rng.choices(range(CAST), self.cast_weights)[0]
            return till.votes(login, at, **{f"C{code:03d}": points})
        total = self.rng.randrange(2_000, 30_000, 100)
        # Spendable from tomorrow: tonight the worker pushing another till may send a vote for
        # these points before this check (the order of two tills' events is not theirs).
        self.earned_tonight[login] = self.earned_tonight.get(login, 0) + total // 100
        return till.settled(login, total, at, cast_code=f"C{self.rng.randrange(CAST):03d}")


def _ingest(conn, events: list) -> None:
    for first in range(0, len(events), BATCH):
        with conn.begin():
            ingest_batch(conn, events[first:first + BATCH])


def _pusher(url: str, nights, pushed) -> None:
    """One worker process: pushes its tills' nights in order, a transaction a batch."""
    engine = central_engine(url)
    with engine.connect() as conn:
        # A crash mid-build loses the last commits and the build starts again (bench_built is
        # written last), so the build need not wait for each commit's flush to disk.
        conn.exec_driver_sql("SET synchronous_commit TO off")
        conn.commit()
        while (events := _get(nights, multiprocessing.parent_process())) is not None:
            _ingest(conn, events)
            pushed.put(True)
    engine.dispose()


def _get(source, filler):
    """The next item of a queue, or None once the process that fills it has stopped: looked at
    every 5 s, so a killed build leaves no process waiting for ever, holding the database."""
    while True:
        try:
            return source.get(timeout=5)
        except queue.Empty:
            if not filler.is_alive():
                return None


def _wait_for(pushed, workers) -> None:
    """Until every worker has pushed the night it was given; fails if one has died."""
    for done, worker in zip(pushed, workers, strict=True):
        if _get(done, worker) is None:
            raise RuntimeError(f"a push worker stopped (exit {worker.exitcode})")


def _fill(engine: Engine, url: str, fraction: float, seed: int) -> None:
    chain = _Chain(fraction, seed)
    roster = chain.tills[0].cast(**{f"C{k:03d}": f"Cast {k}" for k in range(CAST)})
    with engine.connect() as conn:
        _ingest(conn, [roster])
    # This process makes each night while WORKERS processes push the one before, each for its
    # own tills in their order (as every till pushes its own outbox). A night is handed over
    # once the night before is in, so a vote (which spends what was earned before its night)
    # never reaches the central database before the checks that earned its points. A batch
    # may hold several of a worker's tills' events (the function takes any), which spares
    # the build a transaction a till.
    context = multiprocessing.get_context("spawn")
    queues = [context.Queue() for _ in range(WORKERS)]
    pushed = [context.Queue() for _ in range(WORKERS)]  # each worker's "night pushed"
    workers = [context.Process(target=_pusher, args=(url, q, done), daemon=True)
               for q, done in zip(queues, pushed, strict=True)]
    for worker in workers:
        worker.start()
    for n in range(NIGHTS):
        day = FIRST_NIGHT + timedelta(days=n)
        nights = [[event for till in chain.tills[w::WORKERS] for event in chain.night(till, day)]
                  for w in range(WORKERS)]
        if n:
            _wait_for(pushed, workers)
        for batches, events in zip(queues, nights, strict=True):
            batches.put(events)
        chain.end_of_night()
    _wait_for(pushed, workers)
    for batches in queues:
        batches.put(None)
    for worker in workers:
        worker.join()
        if worker.exitcode != 0:
            raise RuntimeError(f"a push worker failed (exit {worker.exitcode})")
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))  # what autovacuum does to a table at rest
        conn.execute(text("CREATE TABLE bench_built (source text)"))


def _counts(engine: Engine) -> tuple[int, int, int]:
    with engine.connect() as conn:
        return tuple(conn.scalar(text(f"SELECT count(*) FROM {table}"))
                     for table in ("events", "producers", "votes"))


def build(pg_url: str, fraction: float, seed: int = 19) -> Built:
    """The central of that fraction of a year: built, or kept from an earlier run."""
    name = database_name(fraction)
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    url = make_url(pg_url).set(database=name).render_as_string(hide_password=False)
    try:
        with admin.connect() as conn:
            exists = conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
        engine = central_engine(url)
        if exists:
            with engine.connect() as conn:
                if conn.scalar(text("SELECT to_regclass('bench_built')")) is not None:
                    return Built(url, *_counts(engine), 0.0)
            engine.dispose()
            with admin.connect() as conn:  # a build that did not finish
                conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
            engine = central_engine(url)
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        started = time.perf_counter()
        init_central(engine)
        _fill(engine, url, fraction, seed)
        return Built(url, *_counts(engine), time.perf_counter() - started)
    finally:
        admin.dispose()


def main(argv: list[str] | None = None) -> None:
    import os

    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.scale_central")
    parser.add_argument("--fraction", type=float, default=0.01,
                        help="of a year of 100 tills (about 50 million events): 0.01, 0.1, 1")
    args = parser.parse_args(argv)
    pg_url = os.environ.get("BP_TILL_TEST_PG_URL",
                            "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    built = build(pg_url, args.fraction)
    print(f"{database_name(args.fraction)}: {built.events:,} events, {built.producers:,} "
          f"producers, {built.votes:,} votes; built in {built.seconds:.0f} s")


if __name__ == "__main__":
    main()

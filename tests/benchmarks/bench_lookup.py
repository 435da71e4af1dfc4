"""Find a producer by card number (a scan) and by login ID (typed) on the large store.

Each sample is one ``find_producer`` of a producer drawn at random from the 100,000,
the way the check and producer screens call it; the baseline is a bare sqlite3
indexed SELECT of the same producer and card, interleaved with the samples so
the machine's noise falls on both alike.
"""

from __future__ import annotations

import sqlite3
import time

from bp_till.clock import FakeClock
from bp_till.domain.identifiers import format_login_id
from bp_till.services.context import TillContext
from bp_till.services.producers import find_producer
from bp_till.store.db import open_store
from tests.benchmarks import scale
from tests.benchmarks.harness import Figure, Goal

SAMPLES = 400
BY_CARD = ("SELECT p.id, p.login_id, p.spend_points, p.vote_points, c.number, c.status "
           "FROM cards c JOIN producers p ON p.id = c.producer_id WHERE c.number = ?")
BY_LOGIN = ("SELECT p.id, p.login_id, p.spend_points, p.vote_points, c.number "
            "FROM producers p LEFT JOIN cards c ON c.producer_id = p.id AND c.status = 'live' "
            "WHERE p.login_id = ?")


def _ms(action, *args) -> float:
    start = time.perf_counter()
    action(*args)
    return (time.perf_counter() - start) * 1000


def _interleaved(ctx: TillContext, bare: sqlite3.Connection, sql: str,
                 typed: list[str], keys: list[str]) -> tuple[list[float], list[float]]:
    samples, baseline = [], []
    for shown, key in zip(typed, keys, strict=True):
        samples.append(_ms(find_producer, ctx, shown))
        baseline.append(_ms(lambda k: bare.execute(sql, (k,)).fetchall(), key))
    return samples[5:], baseline[5:]  # the first few warm the caches and compile the queries


def figures(env) -> list[Figure]:
    path = scale.working_copy(env)
    ctx = TillContext(store=open_store(path), clock=FakeClock(scale.EVENING))
    bare = sqlite3.connect(path)
    cards = [row[0] for row in bare.execute(
        "SELECT number FROM cards WHERE status = 'live' ORDER BY random() LIMIT ?", (SAMPLES + 5,))]
    logins = [row[0] for row in bare.execute(
        "SELECT login_id FROM producers ORDER BY random() LIMIT ?", (SAMPLES + 5,))]
    by_card = _interleaved(ctx, bare, BY_CARD, cards, cards)  # a scanner sends the digits
    typed = [format_login_id(login) for login in logins]  # people type it as printed
    by_login = _interleaved(ctx, bare, BY_LOGIN, typed, logins)
    bare.close()
    ctx.store.dispose()
    return [
        Figure("find a producer by card number (100k producers)", "ms", by_card[0],
               Goal("p95", 2), by_card[1], "bare sqlite3 indexed SELECT"),
        Figure("find a producer by login ID (100k producers)", "ms", by_login[0],
               Goal("p95", 2), by_login[1], "bare sqlite3 indexed SELECT"),
    ]

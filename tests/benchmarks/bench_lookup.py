"""Find a producer by card number (a scan) and by login ID (typed) on the large store.

Each sample is one ``find_producer`` of a producer drawn at random from the 100,000,
the way the check and producer screens call it; the baseline is a bare sqlite3
indexed SELECT of the same producer and card. Card, login and baseline lookups
take turns, so the machine's noise falls on all of them alike.
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
WARMUP = 50
BY_CARD = ("SELECT p.id, p.login_id, p.spend_points, p.vote_points, c.number, c.status "
           "FROM cards c JOIN producers p ON p.id = c.producer_id WHERE c.number = ?")
BY_LOGIN = ("SELECT p.id, p.login_id, p.spend_points, p.vote_points, c.number "
            "FROM producers p LEFT JOIN cards c ON c.producer_id = p.id AND c.status = 'live' "
            "WHERE p.login_id = ?")


def _ms(action, *args) -> float:
    start = time.perf_counter()
    action(*args)
    return (time.perf_counter() - start) * 1000


def figures(env) -> list[Figure]:
    path = scale.working_copy(env)
    ctx = TillContext(store=open_store(path), clock=FakeClock(scale.EVENING))
    bare = sqlite3.connect(path)
    count = SAMPLES + WARMUP
    cards = [row[0] for row in bare.execute(
        "SELECT number FROM cards WHERE status = 'live' ORDER BY random() LIMIT ?", (count,))]
    logins = [row[0] for row in bare.execute(
        "SELECT login_id FROM producers ORDER BY random() LIMIT ?", (count,))]
    timed: dict[str, tuple[list[float], list[float]]] = {"card": ([], []), "login": ([], [])}
    for n, (card, login) in enumerate(zip(cards, logins, strict=True)):
        # A scanner sends the card's digits; people type the login ID as it is printed.
        for kind, shown, key, sql in (("card", card, card, BY_CARD),
                                      ("login", format_login_id(login), login, BY_LOGIN)):
            service = _ms(find_producer, ctx, shown)
            baseline = _ms(lambda k, q=sql: bare.execute(q, (k,)).fetchall(), key)
            if n >= WARMUP:  # the first ones fill the caches of a till that has just opened
                timed[kind][0].append(service)
                timed[kind][1].append(baseline)
    bare.close()
    ctx.store.dispose()
    return [
        Figure(f"find a producer by {name} (100k producers)", "ms", timed[kind][0],
               Goal("p95", 2), timed[kind][1], "bare sqlite3 indexed SELECT")
        for kind, name in (("card", "card number"), ("login", "login ID"))
    ]

"""Settle a check on the large store, against a bare sqlite3 transaction writing the same rows.

The checks (3 to 8 lines, a producer's card on each) are rung up through the
services beforehand, untimed. A sample is one ``settle_check``: payment, points,
ledger, the ``check.settled`` event and the receipt, in one transaction. The
baseline settles a twin check with plain sqlite3 on the same store and the same
pragmas (WAL, ``synchronous=FULL``, foreign keys): the payment, the check's
update, two ledger rows, the producer's totals, the outbox counter and the event,
everything computed beforehand. Samples and baseline alternate.
"""

from __future__ import annotations

import json
import random
import sqlite3
import time
import uuid
from datetime import timedelta

from bp_till.clock import FakeClock
from bp_till.domain.business_day import business_day
from bp_till.domain.money import Category
from bp_till.domain.points import spend_points, vote_points
from bp_till.domain.settlement import CASH, Tender
from bp_till.services import checks
from bp_till.services.context import TillContext
from bp_till.services.floor import check_detail
from bp_till.services.masterdata import cast, menu
from bp_till.services.settle import settle_check
from bp_till.services.staff import list_staff
from bp_till.store.db import BUSY_TIMEOUT_MS, open_store
from bp_till.store.types import utc_text
from tests.benchmarks import scale
from tests.benchmarks.harness import Figure, Goal

SAMPLES = 40
WARMUP = 3
PRAGMAS = ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON",
           f"busy_timeout={BUSY_TIMEOUT_MS}")


def _ring_up(ctx: TillContext, cashier, rng: random.Random, items, cast, cards,
             table: str) -> int:
    """A check of 3 to 8 lines (cheki and cast drinks credited to a cast member), carded."""
    check_id = checks.open_check(ctx, cashier, table, rng.choice((1, 2, 3)))
    for item in rng.sample(items, rng.randint(3, 8)):
        credited = item.cast_credit or item.category in Category.CAST_CREDITED
        checks.add_line(ctx, cashier, check_id, item.code, rng.choice((1, 1, 2)),
                        rng.choice(cast).code if credited else None)
    checks.attach_producer(ctx, cashier, check_id, rng.choice(cards))
    return check_id


def _cash(total: int) -> Tender:
    return Tender(CASH, -(-total // 10_000) * 10_000)  # notes handed over, change back


class BareSettle:
    """The same rows the service writes, written with sqlite3 and nothing else."""

    def __init__(self, path, clock: FakeClock, cashier_id: int) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        for pragma in PRAGMAS:
            self.conn.execute(f"PRAGMA {pragma}")
        self.clock, self.cashier_id = clock, cashier_id

    def plan(self, check_id: int) -> dict:
        """Everything to write, worked out beforehand (untimed)."""
        db = self.conn
        number, producer, multiplier, rank, card, table, guests, uuid_ = db.execute(
            "SELECT number, producer_id, multiplier_pct, rank_name, card_number, table_label, "
            "guests, uuid FROM checks WHERE id = ?", (check_id,)).fetchone()
        lines = db.execute("SELECT l.name_en, l.category, l.unit_price, l.quantity, l.tax_rate, "
                           "m.code FROM check_lines l LEFT JOIN cast_members m ON m.id = l.cast_id "
                           "WHERE l.check_id = ? ORDER BY l.id", (check_id,)).fetchall()
        total = sum(price * quantity for _, _, price, quantity, _, _ in lines)
        tender = _cash(total)
        spend = spend_points(total)
        now = self.clock.now()
        payload = {
            "business_day": business_day(now).isoformat(), "card_number": card,
            "check_number": number, "check_uuid": uuid_, "guests": guests,
            "lines": [{"cast_code": code, "category": category, "item": name, "quantity": q,
                       "tax_rate": rate, "unit_price": price}
                      for name, category, price, q, rate, code in lines],
            "login_id": db.execute("SELECT login_id FROM producers WHERE id = ?",
                                   (producer,)).fetchone()[0],
            "multiplier_pct": multiplier, "payments": [{"amount": total, "method": CASH}],
            "rank": rank, "settled_at": now.isoformat(), "spend_points": spend, "table": table,
            "takeout": False, "total": total, "vote_points": vote_points(spend, multiplier),
        }
        return dict(check=check_id, producer=producer, total=total, tendered=tender.amount,
                    spend=spend, votes=vote_points(spend, multiplier),
                    at=utc_text(now),
                    day=business_day(now).isoformat(),
                    payload=json.dumps(payload, ensure_ascii=False, sort_keys=True))

    def settle(self, p: dict) -> None:
        db = self.conn
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO payments (check_id, method, amount, tendered) VALUES (?, ?, ?, ?)",
                   (p["check"], CASH, p["total"], p["tendered"]))
        db.execute("UPDATE checks SET status = 'settled', closed_at = ?, closed_by = ?, "
                   "business_day = ?, total = ?, change = ?, spend_points = ?, vote_points = ? "
                   "WHERE id = ?", (p["at"], self.cashier_id, p["day"], p["total"],
                                    p["tendered"] - p["total"], p["spend"], p["votes"], p["check"]))
        db.executemany("INSERT INTO points_ledger (producer_id, kind, delta, reason, check_id, "
                       "created_at) VALUES (?, ?, ?, 'check', ?, ?)",
                       [(p["producer"], kind, delta, p["check"], p["at"])
                        for kind, delta in (("spend", p["spend"]), ("vote", p["votes"]))])
        db.execute("UPDATE producers SET spend_points = spend_points + ?, "
                   "vote_points = vote_points + ? WHERE id = ?",
                   (p["spend"], p["votes"], p["producer"]))
        seq = db.execute("UPDATE counters SET value = value + 1 WHERE name = 'outbox' "
                         "RETURNING value").fetchone()[0]
        db.execute("INSERT INTO outbox (event_id, terminal, seq, type, version, payload, "
                   "created_at) VALUES (?, 1, ?, 'check.settled', 1, ?, ?)",
                   (str(uuid.uuid4()), seq, p["payload"], p["at"]))
        db.execute("COMMIT")


def figures(env) -> list[Figure]:
    path = scale.working_copy(env)
    clock = FakeClock(scale.EVENING)
    ctx = TillContext(store=open_store(path), clock=clock)
    cashier = next(member for member in list_staff(ctx) if member.name == scale.CASHIER)
    rng = random.Random(2026)
    items, members = menu(ctx), cast(ctx)
    bare = BareSettle(path, clock, cashier.id)
    cards = [row[0] for row in bare.conn.execute(
        "SELECT number FROM cards WHERE status = 'live' ORDER BY random() LIMIT 200")]
    pairs = [(_ring_up(ctx, cashier, rng, items, members, cards, f"S{n}"),
              _ring_up(ctx, cashier, rng, items, members, cards, f"B{n}"))
             for n in range(SAMPLES + WARMUP)]
    samples, baseline = [], []
    for service_check, bare_check in pairs:
        clock.advance(seconds=30)
        total = check_detail(ctx, service_check).total
        plan = bare.plan(bare_check)
        start = time.perf_counter()
        settle_check(ctx, cashier, service_check, [_cash(total)])
        samples.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        bare.settle(plan)
        baseline.append((time.perf_counter() - start) * 1000)
    bare.conn.close()
    ctx.store.dispose()
    return [Figure("settle a check (3–8 lines, cash, points, event) on the large store", "ms",
                   samples[WARMUP:], Goal("ratio", 2), baseline[WARMUP:],
                   "bare sqlite3, same rows and pragmas")]

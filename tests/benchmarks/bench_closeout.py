"""Close out a night of 2,000 checks: the day's report and the closing transaction, no printing.

The night is written straight into the store in one bulk transaction (checks, lines,
payments, voids, refunds, cards), shaped like ``bp-till simulate``'s nights, so it takes
a second or two to build rather than the minutes 2,000 checks through the services take.
The baseline is a bare sqlite3 aggregate over the same night: the least any close-out
must read.
"""

from __future__ import annotations

import random
import sqlite3
import time
import uuid
from datetime import date, datetime, timedelta

from sqlalchemy import insert, select, update

from bp_till.clock import FakeClock
from bp_till.demo import load_demo
from bp_till.domain.business_day import TOKYO
from bp_till.domain.money import Category
from bp_till.services import closeout
from bp_till.services.context import TillContext
from bp_till.services.staff import list_staff
from bp_till.store.db import open_store
from bp_till.store.models import (
    AuditEntry, BusinessDay, CastMember, Check, CheckLine, MenuItem, Payment, Producer, Refund,
    RefundLine, RefundPayment,
)
from tests.benchmarks.harness import Figure, Goal

CHECKS = 2_000
REPEAT = 15
NIGHT = date(2026, 11, 20)
OPEN = datetime(2026, 11, 20, 17, 0, tzinfo=TOKYO)


class _Night:
    """Rows of one busy night, built with a seeded random generator."""

    def __init__(self, ctx: TillContext, rng: random.Random) -> None:
        self.rng = rng
        with ctx.store.read() as session:
            self.menu = session.execute(select(MenuItem.id, MenuItem.category, MenuItem.price,
                                               MenuItem.name_ja, MenuItem.name_en)).all()
            self.cast = session.scalars(select(CastMember.id)).all()
        self.staff = {s.role: s.id for s in list_staff(ctx)}
        self.checks, self.lines, self.payments = [], [], []

    def items(self, category: str):
        return [m for m in self.menu if m.category == category]

    def check(self, number: int, producer: int | None) -> None:
        rng = self.rng
        opened = OPEN + timedelta(minutes=rng.uniform(0, 390))
        closed = opened + timedelta(minutes=rng.randint(45, 120))
        guests = rng.choices([1, 2, 3], weights=[70, 22, 8])[0]
        lines = [(self.items(Category.TABLE_CHARGE)[0], guests)]
        for category in rng.sample(Category.ALL[1:], rng.randint(2, 5)):
            lines.append((rng.choice(self.items(category)), rng.choice([1, 1, 1, 2])))
        total = sum(item.price * quantity for item, quantity in lines)
        for item, quantity in lines:
            self.lines.append(dict(
                check_id=number, menu_item_id=item.id, name_ja=item.name_ja, name_en=item.name_en,
                category=item.category, unit_price=item.price, quantity=quantity, tax_rate=10,
                cast_id=rng.choice(self.cast) if item.category in Category.CAST_CREDITED else None,
                added_at=opened, added_by=self.staff["cashier"],
            ))
        self._pay(number, total)
        multiplier = rng.choice([100, 120, 150, 200]) if producer else None
        spend = total // 100 if producer else 0
        self.checks.append(dict(
            id=number, uuid=str(uuid.uuid4()), number=number, table_label=f"T{number % 24 + 1}",
            guests=guests, takeout=False, status="settled", opened_at=opened,
            opened_by=self.staff["cashier"], extensions=0, producer_id=producer,
            multiplier_pct=multiplier, closed_at=closed,
            closed_by=self.staff["cashier"], business_day=NIGHT, total=total,
            change=0, spend_points=spend, vote_points=spend * (multiplier or 100) // 100,
        ))

    def _pay(self, number: int, total: int) -> None:
        roll = self.rng.random()
        if roll < 0.25:
            paid = [("card", total)]
        elif roll < 0.35:
            paid = [("emoney", total)]
        elif roll < 0.42 and total > 2_000:
            part = self.rng.randrange(1_000, total, 1_000)
            paid = [("card", part), ("cash", total - part)]
        else:
            paid = [("cash", total)]
        self.payments += [dict(check_id=number, method=m, amount=a, tendered=a) for m, a in paid]


def build_night(ctx: TillContext, seed: int = 2026) -> None:
    night = _Night(ctx, random.Random(seed))
    producers = [dict(id=n, login_id=f"P{n:010d}", password_hash="$argon2id$bench",
                      created_at=OPEN, spend_points=0, vote_points=0)
                 for n in range(1, 801)]
    for number in range(1, CHECKS + 1):
        night.check(number, night.rng.choice(producers)["id"] if night.rng.random() < 0.7 else None)
    manager = night.staff["manager"]
    voided_at = OPEN + timedelta(hours=8)
    with ctx.store.write_engine.begin() as conn:
        conn.execute(insert(Producer), producers)
        conn.execute(insert(Check), night.checks)
        conn.execute(insert(CheckLine), night.lines)
        conn.execute(insert(Payment), night.payments)
        conn.execute(update(Check).where(Check.id.in_(range(5, CHECKS, 97))).values(
            status="voided", voided_at=voided_at, voided_by=manager, void_reason="wrong table"))
        _refunds(conn, night, manager)
        conn.execute(insert(AuditEntry), [
            dict(at=OPEN + timedelta(minutes=n), action="card.issued",
                 staff_id=night.staff["cashier"]) for n in range(300)])
        conn.execute(insert(BusinessDay).values(day=NIGHT, status="open"))


def _refunds(conn, night: _Night, manager: int) -> None:
    """Ten whole-check refunds on the night, paid back the way the checks were paid."""
    at = OPEN + timedelta(hours=9)
    for number, check_id in enumerate(range(11, 211, 20), start=1):
        total = next(c["total"] for c in night.checks if c["id"] == check_id)
        conn.execute(insert(Refund).values(
            id=number, number=number, check_id=check_id, business_day=NIGHT,
            refunded_at=at, staff_id=manager, reason="returned", total=-total, spend_points=0,
            vote_points=0, votes_already_spent=0))
        line_ids = conn.execute(select(CheckLine.id, CheckLine.unit_price * CheckLine.quantity)
                                .where(CheckLine.check_id == check_id)).all()
        conn.execute(insert(RefundLine), [dict(refund_id=number, check_line_id=i, amount=-a)
                                          for i, a in line_ids])
        conn.execute(insert(RefundPayment), [
            dict(refund_id=number, method=p["method"], amount=-p["amount"])
            for p in night.payments if p["check_id"] == check_id])


BASELINE_SQL = (
    "SELECT count(*), sum(total), sum(guests), sum(spend_points), sum(vote_points) "
    "FROM checks WHERE business_day = :day AND status = 'settled'",
    "SELECT l.category, l.tax_rate, sum(l.quantity), sum(l.unit_price * l.quantity) "
    "FROM check_lines l JOIN checks c ON c.id = l.check_id "
    "WHERE c.business_day = :day AND c.status = 'settled' AND l.voided_at IS NULL "
    "GROUP BY l.category, l.tax_rate",
    "SELECT p.method, sum(p.amount) FROM payments p JOIN checks c ON c.id = p.check_id "
    "WHERE c.business_day = :day AND c.status = 'settled' GROUP BY p.method",
    "SELECT count(*), sum(total) FROM refunds WHERE business_day = :day",
)


def _bare_aggregate(path) -> None:
    with sqlite3.connect(path) as conn:
        for sql in BASELINE_SQL:
            conn.execute(sql, {"day": NIGHT.isoformat()}).fetchall()


def _reopen(ctx: TillContext) -> None:
    with ctx.store.write_engine.begin() as conn:
        conn.execute(update(BusinessDay).where(BusinessDay.day == NIGHT).values(status="open"))


def figures(env) -> list[Figure]:
    folder = env.folder("closeout")
    store = open_store(folder / "till.db")
    ctx = TillContext(store=store, clock=FakeClock(OPEN + timedelta(hours=10)))
    load_demo(ctx)
    build_night(ctx)
    lead = next(s for s in list_staff(ctx) if s.role == "shift_lead")
    counted = {10_000: 50, 1_000: 7}
    samples = []
    for _ in range(REPEAT + 2):
        _reopen(ctx)  # not timed: each sample closes the same night afresh
        start = time.perf_counter()
        report = closeout.close_day(ctx, lead, NIGHT, 30_000, counted)
        samples.append((time.perf_counter() - start) * 1000)
    assert report.figures.checks == CHECKS - len(range(5, CHECKS, 97)) and report.closed
    baseline = []
    for _ in range(REPEAT + 2):
        start = time.perf_counter()
        _bare_aggregate(store.path)
        baseline.append((time.perf_counter() - start) * 1000)
    store.dispose()
    return [Figure(f"close out a night of {CHECKS:,} checks", "ms", samples[2:], Goal("p95", 1000),
                   baseline[2:], "bare sqlite3 aggregate of the night")]

"""Voids, refunds and closed days at the central database (SQLite file and real PostgreSQL)."""

import re
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select, text

from bp_till.central.schema import cast_credits, day_summaries
from bp_till.domain.business_day import TOKYO
from bp_till.domain.settlement import Tender
from bp_till.services import checks, closeout, corrections, producers
from bp_till.services.settle import settle_check
from bp_till.services.staff import list_staff
from bp_till.sync.push import push
from tests.sync.test_push import _central_balances, _local_balances

DAY, NEXT = date(2026, 11, 20), date(2026, 11, 21)
CENTRAL_DOC = Path(__file__).parents[2] / "docs" / "CENTRAL.md"


def _night(ctx, clock, cast="C010"):
    """Three checks for one producer: one voided, one refunded the next day; the day closed."""
    cashier, lead, manager = (next(s for s in list_staff(ctx) if s.role == role)
                              for role in ("cashier", "shift_lead", "manager"))
    card = producers.issue_producer(ctx, cashier)
    sales = []
    for code, price in (("C04", 2_000), ("CD05", 2_000), ("CD06", 3_000)):
        check = checks.open_check(ctx, cashier, "T1", 1)
        checks.add_line(ctx, cashier, check, code, 2, cast)
        checks.attach_producer(ctx, cashier, check, card.card_number)
        settle_check(ctx, cashier, check, [Tender("card", 2 * price)])
        sales.append(check)
    corrections.void_settled_check(ctx, manager, sales[1], "wrong table")
    closed = closeout.close_day(ctx, lead, DAY, 10_000, {10_000: 1})
    clock.set(datetime(2026, 11, 21, 19, 0, tzinfo=TOKYO))
    corrections.refund_check(ctx, manager, sales[2], "champagne was flat")
    clock.set(datetime(2026, 11, 20, 19, 30, tzinfo=TOKYO))
    return closed


def _central_cast(central, day):
    with central.connect() as conn:
        return dict(conn.execute(
            select(cast_credits.c.cast_code, func.sum(cast_credits.c.amount))
            .where(cast_credits.c.business_day == day.isoformat())
            .group_by(cast_credits.c.cast_code)).all())


def test_voids_refunds_and_the_closed_day_reach_the_central_database(ctx, clock, central):
    closed = _night(ctx, clock)
    push(ctx, central)
    assert _central_balances(central) == _local_balances(ctx)  # the void and refund took points back
    for day in (DAY, NEXT):
        local = closeout.day_report(ctx, day).figures
        assert _central_cast(central, day) == {
            c.code: c.cheki_amount + c.cast_drink_amount for c in local.cast}
    assert _central_cast(central, DAY) == {"C010": 4_000 + 6_000}  # the void is credited back
    assert _central_cast(central, NEXT) == {"C010": -6_000}  # the refund counts on its own day
    with central.connect() as conn:
        (row,) = conn.execute(select(day_summaries)).mappings().all()
    assert (row["terminal"], row["business_day"]) == (1, "2026-11-20")
    assert row["figures"] == closed.figures.as_json()


def _documented_query(dialect: str) -> str:
    """The query docs/CENTRAL.md gives the owner, for this database."""
    doc = CENTRAL_DOC.read_text(encoding="utf-8")
    match = re.search(rf"```sql\n-- the shop's night \({dialect}\)\n(.*?)```", doc, re.S)
    assert match, f"docs/CENTRAL.md has no {dialect} query for the shop's night"
    return match.group(1)


def test_the_documented_query_adds_up_the_shops_night_across_tills(ctx, till2, clock, central):
    other = till2
    closed = [_night(ctx, clock), _night(other, clock, cast="C020")]
    for till in (ctx, other):
        push(till, central)
    dialect = "PostgreSQL" if central.dialect.name == "postgresql" else "SQLite"
    with central.connect() as conn:
        rows = conn.execute(text(_documented_query(dialect))).mappings().all()
    assert [r["business_day"] for r in rows] == ["2026-11-20"]
    night = rows[0]
    assert night["tills"] == 2
    for name in ("checks", "guests", "gross_sales", "refunds", "net_sales"):
        assert night[name] == sum(getattr(c.figures, name) for c in closed), name
    assert night["over_short"] == sum(c.figures.drawer.over_short for c in closed)
    assert night["vote_points"] == sum(c.figures.points.vote_net for c in closed)

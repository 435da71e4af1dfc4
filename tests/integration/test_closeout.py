"""Closing out the night through the services, checked against an independent SQL recount."""

import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select, text

from bp_till import simulate
from bp_till.bootstrap import Till
from bp_till.config import Config
from bp_till.domain.business_day import TOKYO
from bp_till.domain.cash import DENOMINATIONS
from bp_till.domain.errors import ChecksStillOpen, CheckClosed, DayClosed, InvalidInput, NotAllowed
from bp_till.domain.settlement import Tender
from bp_till.printing.printers import Printer
from bp_till.services import checks, closeout, corrections, producers
from bp_till.services.settle import settle_check
from bp_till.services.staff import Approval
from bp_till.store.models import AuditEntry, BusinessDay, Check, OutboxEvent
from tests.conftest import PINS
from tests.integration.recount import recount


def _late(day: date) -> datetime:
    """04:00 the next morning: still the same business day, the shop closed."""
    return datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=TOKYO) + timedelta(hours=4)


def _pieces(amount: int) -> dict[int, int]:
    """The fewest notes and coins for an amount, as a tidy drawer would hold it."""
    pieces = {}
    for value in DENOMINATIONS:
        pieces[value], amount = divmod(amount, value)
    return pieces


def _settled(ctx, day):
    with ctx.store.read() as session:
        return session.scalars(select(Check.id).where(
            Check.business_day == day, Check.status == "settled").order_by(Check.number)).all()


def _split_paid(ctx, day) -> int:
    with ctx.store.read_engine.connect() as conn:
        return conn.execute(text(
            "SELECT p.check_id FROM payments p JOIN checks c ON c.id = p.check_id "
            "WHERE c.business_day = :day AND c.status = 'settled' GROUP BY p.check_id "
            "HAVING count(DISTINCT p.method) > 1 ORDER BY p.check_id DESC LIMIT 1"
        ), {"day": day.isoformat()}).scalar_one()


def _assert_recount_agrees(ctx, figures, typed_counts):
    got = figures.as_json()
    expected = recount(ctx.store.path, figures.business_day)
    assert set(got) - {"business_day"} == set(expected)  # every figure is recounted
    for key, value in expected.items():
        if key == "drawer":
            assert {k: v for k, v in got[key].items() if k != "counts"} == value
            assert got[key]["counts"] == {str(v): typed_counts.get(v, 0) for v in DENOMINATIONS}
        else:
            assert got[key] == value, key


@pytest.mark.slow
def test_a_simulated_night_closes_and_every_figure_matches_a_recount(
    ctx, tmp_path, clock, cashier, shift_lead, manager
):
    till = Till(Config(data_dir=tmp_path), ctx, Printer(f"file://{tmp_path / 'prints.bin'}"))
    simulate.run(till, 45, seed=11)  # a night: split payments, line voids, new and repeat cards
    (first,) = _business_days(ctx)

    clock.set(_late(first))
    sold = _settled(ctx, first)
    corrections.void_settled_check(ctx, manager, sold[0], "wrong table charged")
    corrections.void_settled_check(ctx, cashier, sold[1], "guest disputed the bill",
                                   Approval(manager.id, PINS["manager"]))
    with ctx.store.read() as session:
        some_line = session.get(Check, sold[2]).lines[-1].id
        card = session.scalars(select(Check.card_number).where(Check.card_number.is_not(None))).first()
    corrections.refund_check(ctx, manager, sold[2], "cold omurice", line_ids=[some_line])
    producers.replace_card(ctx, manager, card)
    split = _split_paid(ctx, first)
    cash = recount(ctx.store.path, first)["drawer"]
    expected_cash = 30_000 + cash["cash_sales"] + cash["cash_refunds"]
    counted = _pieces(expected_cash - 1_500)  # ¥1,500 short
    closed = closeout.close_day(ctx, shift_lead, first, 30_000, counted)

    assert closed.figures.drawer.over_short == -1_500
    assert len(closed.figures.voids) == 2 and len(closed.figures.refund_list) == 1
    assert closed.figures.voids[1].approved_by == "Misaki"
    assert closed.figures.cards_replaced == 1
    _assert_recount_agrees(ctx, closed.figures, counted)
    with ctx.store.read() as session:
        record = session.get(BusinessDay, first)
        assert (record.status, record.closed_by, record.counted_cash) == (
            "closed", shift_lead.id, expected_cash - 1_500)
        assert json.loads(record.figures) == closed.figures.as_json()
        (event,) = session.scalars(select(OutboxEvent).where(OutboxEvent.type == "day.closed")).all()
        assert json.loads(event.payload)["figures"] == closed.figures.as_json()
    first_report = closeout.day_report(ctx, first)

    simulate.run(till, 30, seed=12)  # and the next night
    (second,) = [day for day in _business_days(ctx) if day != first]
    clock.set(_late(second))
    refund = corrections.refund_check(ctx, manager, split, "charged to the wrong table")
    corrections.void_settled_check(ctx, manager, _settled(ctx, second)[0], "opened twice")
    with pytest.raises(DayClosed, match=f"business day {first}, which is closed out; refund it"):
        corrections.void_settled_check(ctx, manager, _settled(ctx, first)[0], "late dispute")
    assert closeout.day_report(ctx, first) == first_report  # the closed day never moves
    second_closed = closeout.close_day(ctx, manager, second, 20_000, {10_000: 2})

    f = second_closed.figures
    assert [(r.check_number, r.original_day, r.total) for r in f.refund_list] == [
        (refund.original_check_number, first, refund.total)]
    assert f.refunds == refund.total and f.net_sales == f.gross_sales + refund.total
    assert sorted(f.refund_list[0].payments) == sorted({p.method for p in refund.payments})
    _assert_recount_agrees(ctx, f, {10_000: 2})


def _business_days(ctx) -> list[date]:
    with ctx.store.read() as session:
        return sorted(session.scalars(
            select(Check.business_day).where(Check.business_day.is_not(None)).distinct()))


def _sale(ctx, cashier, code="T01", tenders=(Tender("cash", 1_100),)):
    check = checks.open_check(ctx, cashier, "T2", 1)
    checks.add_line(ctx, cashier, check, code)
    settle_check(ctx, cashier, check, list(tenders))
    return check


def test_a_refund_next_day_lands_on_the_next_day_and_the_closed_day_stays(
    ctx, clock, cashier, shift_lead, manager
):
    sale = checks.open_check(ctx, cashier, "T5", 2)
    checks.add_line(ctx, cashier, sale, "T01", 2)
    checks.add_line(ctx, cashier, sale, "C02", 1, "C007")  # a two-shot cheki, ¥1,500
    settle_check(ctx, cashier, sale, [Tender("card", 2_000), Tender("cash", 5_000)])
    _sale(ctx, cashier)
    day = date(2026, 11, 20)
    closed = closeout.close_day(ctx, shift_lead, day, 10_000, {10_000: 1, 1_000: 2, 100: 8})
    assert (closed.figures.gross_sales, closed.figures.drawer.over_short) == (4_800, 0)

    clock.set(datetime(2026, 11, 21, 20, 0, tzinfo=TOKYO))
    _sale(ctx, cashier, "F01", [Tender("cash", 1_500)])
    corrections.refund_check(ctx, manager, sale, "charged the wrong table")

    assert closeout.day_report(ctx, day).figures == closed.figures
    nxt = closeout.day_report(ctx, date(2026, 11, 21)).figures
    assert (nxt.gross_sales, nxt.refunds, nxt.net_sales, nxt.checks) == (1_500, -3_700, -2_200, 1)
    assert [(m.method, m.sales, m.refunds, m.net) for m in nxt.payments] == [
        ("cash", 1_500, -1_700, -200), ("card", 0, -2_000, -2_000)]
    assert (nxt.drawer.cash_sales, nxt.drawer.cash_refunds) == (1_500, -1_700)
    assert [(c.code, c.cheki, c.cheki_amount) for c in nxt.cast] == [("C007", -1, -1_500)]
    assert [(t.rate, t.sales, t.refunds, t.tax) for t in nxt.tax] == [
        (10, 1_500, -3_700, 1_500 * 10 // 110 - 3_700 * 10 // 110)]
    assert nxt.points.spend_reversed == 0  # no producer on that check


def test_changes_to_a_closed_days_checks_are_refused(ctx, clock, cashier, shift_lead, manager,
                                                     unchanged):
    sale = checks.open_check(ctx, cashier, "T1", 1)
    line = checks.add_line(ctx, cashier, sale, "T01")
    settle_check(ctx, cashier, sale, [Tender("cash", 1_100)])
    closeout.close_day(ctx, shift_lead, date(2026, 11, 20), 0, {1_000: 1, 100: 1})
    with unchanged(), pytest.raises(DayClosed, match="closed out; refund it instead"):
        corrections.void_settled_check(ctx, manager, sale, "disputed")
    with unchanged(), pytest.raises(CheckClosed, match="already settled"):
        checks.void_line(ctx, cashier, line, "wrong drink")
    with unchanged(), pytest.raises(DayClosed, match="2026-11-20 is closed out"):
        checks.open_check(ctx, cashier, "T2", 1)
    with unchanged(), pytest.raises(DayClosed, match="refunds can be given again from 05:00"):
        corrections.refund_check(ctx, manager, sale, "disputed")
    clock.set(datetime(2026, 11, 21, 5, 0, tzinfo=TOKYO))  # the next business day begins
    assert corrections.refund_check(ctx, manager, sale, "disputed").business_day == date(2026, 11, 21)


def test_open_checks_stop_the_close_and_are_named(ctx, cashier, shift_lead, unchanged):
    _sale(ctx, cashier)
    first = checks.open_check(ctx, cashier, "T7", 2)
    checks.open_check(ctx, cashier, "VIP", 1)
    report = closeout.day_report(ctx)
    assert [(c.table) for c in report.open_checks] == ["T7", "VIP"] and not report.closed
    with unchanged(), pytest.raises(ChecksStillOpen, match=r"2 checks are still open: #2 \(T7\), "
                                                           r"#3 \(VIP\)\. Settle or cancel"):
        closeout.close_day(ctx, shift_lead, date(2026, 11, 20), 0, {})
    checks.cancel_check(ctx, cashier, first, "left")
    with pytest.raises(ChecksStillOpen, match="1 check is still open: #3"):
        closeout.close_day(ctx, shift_lead, date(2026, 11, 20), 0, {})


def test_a_cashier_closes_only_with_a_shift_leads_pin(ctx, cashier, shift_lead, unchanged):
    _sale(ctx, cashier)
    day = date(2026, 11, 20)
    with unchanged(), pytest.raises(NotAllowed, match="shift lead's PIN is needed to close out"):
        closeout.close_day(ctx, cashier, day, 0, {1_000: 1, 100: 1})
    report = closeout.close_day(ctx, cashier, day, 0, {1_000: 1, 100: 1},
                                Approval(shift_lead.id, PINS["shift_lead"]))
    assert report.closed and report.closed_by == "Yuto"
    with ctx.store.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "day.closed")).one()
        assert (entry.staff_id, entry.approver_id) == (cashier.id, shift_lead.id)
        assert session.get(BusinessDay, day).close_approved_by == shift_lead.id


@pytest.mark.parametrize("day, opening_float, counted, error, message", [
    (date(2026, 11, 21), 0, {}, InvalidInput, "has not begun"),
    (date(2026, 11, 20), -1, {}, InvalidInput, "float"),
    (date(2026, 11, 20), 0, {3_000: 1}, InvalidInput, "no ¥3000 note"),
    (date(2026, 11, 20), 0, {1_000: "2"}, InvalidInput, "whole number"),
])
def test_bad_close_input_is_refused_and_writes_nothing(ctx, cashier, shift_lead, unchanged, day,
                                                       opening_float, counted, error, message):
    _sale(ctx, cashier)
    with unchanged(), pytest.raises(error, match=message):
        closeout.close_day(ctx, shift_lead, day, opening_float, counted)


def test_a_day_is_closed_once(ctx, cashier, shift_lead, unchanged):
    _sale(ctx, cashier)
    closeout.close_day(ctx, shift_lead, date(2026, 11, 20), 0, {})
    with unchanged(), pytest.raises(DayClosed, match="closed out already"):
        closeout.close_day(ctx, shift_lead, date(2026, 11, 20), 0, {})


def test_a_day_without_sales_closes_with_zeros(ctx, shift_lead, clock):
    clock.set(datetime(2026, 11, 22, 4, 0, tzinfo=TOKYO))
    report = closeout.close_day(ctx, shift_lead, date(2026, 11, 19), 5_000, {5_000: 1})
    f = report.figures
    assert (f.checks, f.net_sales, f.average_per_check, f.hours, f.drawer.over_short) == (
        0, 0, 0, (), 0)


def test_the_close_out_core_loads_no_qt():
    import subprocess
    import sys

    code = ("import sys, bp_till.domain.closeout, bp_till.services.closeout, "
            "bp_till.services.corrections, bp_till.sync.once, bp_till.printing.layout; "
            "print('PySide6' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

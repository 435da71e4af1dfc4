"""A table of three producers paying a check in three parts, asserting the store and close-out."""

import json

import pytest
from sqlalchemy import func, select

from bp_till.domain.errors import CheckClosed, InvalidInput, PaymentShort
from bp_till.domain.money import TaxRate, tax_included
from bp_till.domain.settlement import Tender
from bp_till.services import checks, producers
from bp_till.services.closeout import day_report
from bp_till.services.corrections import void_settled_check
from bp_till.services.settle import settle_check
from bp_till.services.split_pay import plan_split, settle_part
from bp_till.store.models import (
    Check, CheckLine, CheckPart, OutboxEvent, Payment, PointsEntry, Producer,
)


def _counts(ctx):
    """Every row a refused part payment could have written."""
    with ctx.store.read() as session:
        return tuple(session.scalar(select(func.count()).select_from(table)) for table in
                     (CheckPart, Payment, PointsEntry, OutboxEvent)) + (
            session.scalar(select(func.sum(Producer.spend_points))),)


@pytest.fixture
def table_of_three(ctx, cashier):
    cards = [producers.issue_producer(ctx, cashier) for _ in range(3)]
    check = checks.open_check(ctx, cashier, "T4", 3)
    table = checks.add_line(ctx, cashier, check, "T01", 3)  # ¥1,100 each, shared
    own = [checks.add_line(ctx, cashier, check, "C01", 1, cast_code="C001"),
           checks.add_line(ctx, cashier, check, "A01"),
           checks.add_line(ctx, cashier, check, "C01", 2, cast_code="C002")]
    return check, table, own, cards


def _amounts(ctx, line_ids):
    with ctx.store.read() as session:
        return [session.get(CheckLine, i).amount for i in line_ids]


def test_three_producers_each_earn_on_their_own_share(ctx, cashier, table_of_three):
    check, table, own, cards = table_of_three
    plan = plan_split(ctx, cashier, check, {table: None, own[0]: 1, own[1]: 2, own[2]: 3}, 3)
    charge, *mine = _amounts(ctx, [table, *own])
    assert [p.total for p in plan] == [charge // 3 + m for m in mine]

    receipts = [settle_part(ctx, cashier, check, n, [Tender("cash", 20_000)], cards[n - 1].card_number)
                for n in (2, 1, 3)]  # guests pay in any order
    with ctx.store.read() as session:
        row = session.get(Check, check)
        assert row.status == "settled" and row.total == charge + sum(mine)
        for n, card in enumerate(cards, start=1):
            producer = session.scalars(select(Producer).where(Producer.login_id == card.login_id)).one()
            part_total = plan[n - 1].total
            assert (producer.spend_points, producer.vote_points) == (part_total // 100,) * 2
            ledger = session.scalars(select(PointsEntry).where(
                PointsEntry.producer_id == producer.id)).all()
            assert sorted((e.kind, e.delta, e.check_id) for e in ledger) == [
                ("spend", part_total // 100, check), ("vote", part_total // 100, check)]
        assert sorted((p.part, p.amount) for p in row.payments) == [
            (n, plan[n - 1].total) for n in (1, 2, 3)]
        events = [json.loads(e.payload) for e in session.scalars(
            select(OutboxEvent).where(OutboxEvent.type == "check.settled"))]
    assert [(e["part"], e["login_id"], e["total"]) for e in events] == [
        (n, cards[n - 1].login_id, plan[n - 1].total) for n in (2, 1, 3)]
    # The cast credits reach the central database once, whole: shared lines travel with part 1.
    assert sorted(l["quantity"] for e in events for l in e["lines"]) == [1, 1, 2, 3]
    assert [r.total for r in receipts] == [plan[1].total, plan[0].total, plan[2].total]
    assert receipts[1].lines[0].name_en.endswith("(share)")

    figures = day_report(ctx).figures
    assert figures.net_sales == sum(p.total for p in plan) == sum(r.total for r in receipts)
    printed_tax = sum(r.tax for receipt in receipts for r in receipt.rate_totals)
    assert sum(f.tax for f in figures.tax) == printed_tax  # the receipts' tax, to the yen
    assert printed_tax == sum(tax_included(p.total, TaxRate.STANDARD) for p in plan)
    assert figures.points.spend_issued == sum(p.total // 100 for p in plan)


def test_a_part_without_a_card_earns_nothing_and_the_check_waits_for_the_last(
        ctx, cashier, table_of_three):
    check, table, own, cards = table_of_three
    plan_split(ctx, cashier, check, {table: None, own[0]: 1, own[1]: 1, own[2]: 2}, 2)
    settle_part(ctx, cashier, check, 1, [Tender("card", 1_100 * 3 // 2 + sum(_amounts(ctx, own[:2])))])
    with ctx.store.read() as session:
        assert session.get(Check, check).status == "open"
        assert session.scalar(select(func.count()).select_from(PointsEntry)) == 0


def test_bad_part_payments_are_refused_and_nothing_written(ctx, cashier, table_of_three):
    check, table, own, cards = table_of_three
    with pytest.raises(InvalidInput, match="is not split"):
        settle_part(ctx, cashier, check, 1, [Tender("cash", 9_999)])
    with pytest.raises(InvalidInput, match="Every line"):
        plan_split(ctx, cashier, check, {table: None, own[0]: 1}, 2)
    plan = plan_split(ctx, cashier, check, {table: None, own[0]: 1, own[1]: 2, own[2]: 3}, 3)
    settle_part(ctx, cashier, check, 1, [Tender("cash", 10_000)], cards[0].card_number)
    before = _counts(ctx)
    with pytest.raises(InvalidInput, match="paid already"):
        settle_part(ctx, cashier, check, 1, [Tender("cash", 10_000)])
    with pytest.raises(InvalidInput, match="parts 1 to 3"):
        settle_part(ctx, cashier, check, 4, [Tender("cash", 10_000)])
    with pytest.raises(PaymentShort):
        settle_part(ctx, cashier, check, 2, [Tender("cash", plan[1].total - 1)])
    with pytest.raises(InvalidInput, match="typo"):
        settle_part(ctx, cashier, check, 2, [Tender("cash", 10_000)], "123456789012")
    with pytest.raises(InvalidInput, match="the split stands"):
        plan_split(ctx, cashier, check, {table: 1, own[0]: 1, own[1]: 2, own[2]: 2}, 2)
    with pytest.raises(CheckClosed, match="being paid in parts"):
        checks.add_line(ctx, cashier, check, "A01")  # the paid part was priced on these lines
    with pytest.raises(CheckClosed, match="being paid in parts"):
        checks.cancel_check(ctx, cashier, check, "guests left")
    with pytest.raises(CheckClosed, match="being paid in parts"):  # never paid whole on top
        settle_check(ctx, cashier, check, [Tender("cash", 50_000)])
    assert _counts(ctx) == before


def test_a_line_added_before_any_part_is_paid_asks_for_a_new_split(ctx, cashier, table_of_three):
    check, table, own, cards = table_of_three
    plan_split(ctx, cashier, check, {table: None, own[0]: 1, own[1]: 2, own[2]: 3}, 3)
    late = checks.add_line(ctx, cashier, check, "A01")
    with pytest.raises(InvalidInput, match="changed since it was split"):
        settle_part(ctx, cashier, check, 2, [Tender("cash", 10_000)])
    plan = plan_split(ctx, cashier, check, {table: None, own[0]: 1, own[1]: 2, own[2]: 3,
                                            late: 3}, 3)
    assert settle_part(ctx, cashier, check, 3, [Tender("cash", 10_000)]).total == plan[2].total


def test_a_check_paid_in_parts_is_not_voided_whole(ctx, cashier, manager, table_of_three):
    check, table, own, cards = table_of_three
    plan_split(ctx, cashier, check, {table: 1, own[0]: 1, own[1]: 2, own[2]: 2}, 2)
    for n in (1, 2):
        settle_part(ctx, cashier, check, n, [Tender("cash", 20_000)], cards[n - 1].card_number)
    before = _counts(ctx)
    with pytest.raises(InvalidInput, match="paid in parts"):
        void_settled_check(ctx, manager, check, "disputed")
    assert _counts(ctx) == before


def test_a_split_not_yet_paid_can_still_be_settled_whole_and_voided(ctx, cashier, manager,
                                                                     table_of_three):
    check, table, own, cards = table_of_three
    plan_split(ctx, cashier, check, {table: None, own[0]: 1, own[1]: 2, own[2]: 3}, 3)
    settle_check(ctx, cashier, check, [Tender("cash", 50_000)])  # they decided to pay together
    void_settled_check(ctx, manager, check, "disputed")
    with ctx.store.read() as session:
        assert session.get(Check, check).status == "voided"

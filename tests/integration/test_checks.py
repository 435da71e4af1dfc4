"""Ringing up and settling checks through the services, asserting what the store holds."""

import json

import pytest
from sqlalchemy import select

from bp_till.domain.errors import CheckClosed, DayClosed, InvalidInput, NotFound, PaymentShort
from bp_till.domain.settlement import Tender
from bp_till.services import checks, producers
from bp_till.services.masterdata import MenuEntry, save_menu
from bp_till.services.settle import receipt_for, settle_check
from bp_till.store.models import BusinessDay, Check, OutboxEvent, Payment, PointsEntry, Producer


def _events(ctx, event_type):
    with ctx.store.read() as session:
        rows = session.scalars(select(OutboxEvent).where(OutboxEvent.type == event_type)).all()
        return [json.loads(row.payload) for row in rows]


def test_a_whole_check(ctx, cashier, clock):
    card = producers.issue_producer(ctx, cashier)
    check = checks.open_check(ctx, cashier, "T3", 2)
    checks.add_line(ctx, cashier, check, "T01", 2)  # table charge ¥1,100 x2
    checks.add_line(ctx, cashier, check, "C01", 1, cast_code="C001")  # cheki for かおり?
    oops = checks.add_line(ctx, cashier, check, "A01")
    checks.void_line(ctx, cashier, oops, "wrong drink")
    checks.attach_producer(ctx, cashier, check, card.card_number)
    clock.advance(minutes=80)
    receipt = settle_check(ctx, cashier, check, [Tender("cash", 10_000)])

    with ctx.store.read() as session:
        row = session.get(Check, check)
        cheki = next(line for line in row.lines if line.category == "cheki")
        expected_total = 2 * 1_100 + cheki.unit_price
        assert (row.status, row.total, row.change) == ("settled", expected_total, 10_000 - expected_total)
        assert row.business_day.isoformat() == "2026-11-20"
        assert [(p.method, p.amount, p.tendered) for p in row.payments] == [
            ("cash", expected_total, 10_000)
        ]
        producer = session.get(Producer, row.producer_id)
        assert producer.spend_points == expected_total // 100
        assert producer.vote_points == expected_total // 100  # Regular: ×1.0
        ledger = session.scalars(select(PointsEntry).where(PointsEntry.check_id == check)).all()
        assert sorted((e.kind, e.delta) for e in ledger) == [
            ("spend", expected_total // 100), ("vote", expected_total // 100)
        ]
    (event,) = _events(ctx, "check.settled")
    assert event["total"] == expected_total and event["login_id"] == card.login_id
    assert [line["cast_code"] for line in event["lines"]] == [None, "C001"]
    assert event["vote_points"] == receipt.producer.vote_points
    assert receipt.total == expected_total
    assert [(r.rate, r.total) for r in receipt.rate_totals] == [(10, expected_total)]


def test_vote_multiplier_is_the_rank_held_when_the_card_joined(ctx, cashier, manager):
    card = producers.issue_producer(ctx, cashier)
    producers.adjust_points(ctx, manager, card.card_number, spend_delta=1_450, reason="migrated")
    check = checks.open_check(ctx, cashier, "T1", 1)
    checks.attach_producer(ctx, cashier, check, card.card_number)  # Silver, ×1.5
    checks.add_line(ctx, cashier, check, "CD08", 1, "C002")  # the champagne bottle
    receipt = settle_check(ctx, cashier, check, [Tender("card", 38_000)])
    # 380 spend points take the producer over 1,500 (Gold), but this check earns at Silver.
    assert (receipt.producer.rank_name, receipt.producer.vote_points) == ("Silver", 570)
    assert producers.find_producer(ctx, card.card_number).rank.name == "Gold"


def test_takeout_food_is_taxed_at_eight_percent(ctx, cashier):
    check = checks.open_check(ctx, cashier, "TO", 1, takeout=True)
    checks.add_line(ctx, cashier, check, "F01")
    checks.add_line(ctx, cashier, check, "A01")
    with ctx.store.read() as session:
        lines = session.get(Check, check).lines
        rates = sorted((line.category, line.tax_rate) for line in lines)
        food, drink = (next(l.amount for l in lines if l.category == c) for c in ("food", "alcohol"))
    assert rates == [("alcohol", 10), ("food", 8)]
    receipt = settle_check(ctx, cashier, check, [Tender("emoney", food + drink)])
    assert [(r.rate, r.total, r.tax) for r in receipt.rate_totals] == [
        (10, drink, drink * 10 // 110), (8, food, food * 8 // 108)
    ]
    assert [line.reduced for line in receipt.lines] == [True, False]


def test_receipt_reprint_is_marked_and_identical(ctx, cashier):
    check = checks.open_check(ctx, cashier, "T1", 1)
    checks.add_line(ctx, cashier, check, "F01")
    first = settle_check(ctx, cashier, check, [Tender("cash", 5_000)])
    again = receipt_for(ctx, check)
    assert again.reprint and not first.reprint
    assert (again.total, again.lines, again.payments, again.change) == (
        first.total, first.lines, first.payments, first.change
    )


@pytest.mark.parametrize(
    "action, error, message",
    [
        (lambda c, s, k: checks.add_line(c, s, k, "F01", 0), InvalidInput, "at least 1"),
        (lambda c, s, k: checks.add_line(c, s, k, "F01", -2), InvalidInput, "at least 1"),
        (lambda c, s, k: checks.add_line(c, s, k, "F01", "2"), InvalidInput, "whole number"),
        (lambda c, s, k: checks.add_line(c, s, k, "NOPE"), NotFound, "No menu item"),
        (lambda c, s, k: checks.add_line(c, s, k, "C01"), InvalidInput, "cast member"),
        (lambda c, s, k: checks.add_line(c, s, k, "C01", 1, "C999"), NotFound, "cast"),
        (lambda c, s, k: checks.void_line(c, s, 10**6, "x"), NotFound, "line"),
        (lambda c, s, k: settle_check(c, s, k, [Tender("cash", 10_000)]), InvalidInput, "empty"),
        (lambda c, s, k: checks.open_check(c, s, "", 1), InvalidInput, "table"),
        (lambda c, s, k: checks.open_check(c, s, "T1", 0), InvalidInput, "Guests"),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(ctx, cashier, unchanged, action, error, message):
    check = checks.open_check(ctx, cashier, "T1", 1)
    with unchanged(), pytest.raises(error, match=message):
        action(ctx, cashier, check)


def test_a_price_over_ten_million_is_refused(ctx, unchanged):
    with unchanged(), pytest.raises(InvalidInput, match="10,000,000"):
        save_menu(ctx, [MenuEntry("X1", "goods", "金の像", "Gold statue", 10_000_001)])


def test_settle_with_too_little_money_writes_nothing(ctx, cashier, unchanged):
    card = producers.issue_producer(ctx, cashier)
    check = checks.open_check(ctx, cashier, "T1", 1)
    checks.add_line(ctx, cashier, check, "T01")
    checks.attach_producer(ctx, cashier, check, card.card_number)
    with unchanged(), pytest.raises(PaymentShort, match="¥100 short"):
        settle_check(ctx, cashier, check, [Tender("cash", 1_000)])
    settle_check(ctx, cashier, check, [Tender("cash", 1_100)])  # and then it settles
    with unchanged(), pytest.raises(CheckClosed, match="already settled"):
        settle_check(ctx, cashier, check, [Tender("cash", 1_100)])


def test_a_closed_day_takes_no_more_sales(ctx, cashier, unchanged):
    from datetime import date

    check = checks.open_check(ctx, cashier, "T1", 1)
    checks.add_line(ctx, cashier, check, "T01")
    with ctx.uow() as uow:
        uow.session.get(BusinessDay, date(2026, 11, 20)).status = "closed"
        uow.commit()
    with unchanged(), pytest.raises(DayClosed, match="2026-11-20 is closed out; no more sales"):
        settle_check(ctx, cashier, check, [Tender("cash", 1_100)])
    with unchanged(), pytest.raises(DayClosed, match="rung up again from 05:00"):
        checks.open_check(ctx, cashier, "T2", 1)


def test_cancelled_check_keeps_its_record(ctx, cashier):
    check = checks.open_check(ctx, cashier, "T1", 1)
    checks.cancel_check(ctx, cashier, check, "left before ordering")
    with ctx.store.read() as session:
        row = session.get(Check, check)
        assert (row.status, row.void_reason) == ("voided", "left before ordering")
        assert session.scalars(select(Payment).where(Payment.check_id == check)).all() == []


def test_multiplier_is_the_rank_held_when_the_check_opened(ctx, cashier, manager, clock):
    card = producers.issue_producer(ctx, cashier)
    producers.adjust_points(ctx, manager, card.card_number, spend_delta=99, reason="migrated")
    first = checks.open_check(ctx, cashier, "T1", 1)
    clock.advance(minutes=1)
    second = checks.open_check(ctx, cashier, "T2", 1)  # opened while still Regular
    clock.advance(minutes=1)
    checks.attach_producer(ctx, cashier, first, card.card_number)
    checks.add_line(ctx, cashier, first, "T01")
    settle_check(ctx, cashier, first, [Tender("cash", 1_100)])  # 11 points: now Bronze
    clock.advance(minutes=1)
    checks.attach_producer(ctx, cashier, second, card.card_number)
    checks.add_line(ctx, cashier, second, "CD08", 1, "C003")
    receipt = settle_check(ctx, cashier, second, [Tender("card", 38_000)])
    assert (receipt.producer.rank_name, receipt.producer.multiplier_label) == ("Regular", "×1.0")
    assert receipt.producer.vote_points == 380
    third = checks.open_check(ctx, cashier, "T3", 1)
    checks.attach_producer(ctx, cashier, third, card.card_number)
    with ctx.store.read() as session:
        assert session.get(Check, third).rank_name == "Bronze"  # 99 + 11 + 380 = 490 points


def test_a_check_opened_at_silver_that_crosses_into_gold_earns_at_silvers_multiplier(
        ctx, cashier, manager):
    card = producers.issue_producer(ctx, cashier)
    producers.adjust_points(ctx, manager, card.card_number, spend_delta=1_450, reason="migrated")
    check = checks.open_check(ctx, cashier, "T1", 10)
    checks.attach_producer(ctx, cashier, check, card.card_number)
    checks.add_line(ctx, cashier, check, "T01", 10)  # ¥11,000: 110 spend points, 1,560 after
    receipt = settle_check(ctx, cashier, check, [Tender("cash", 11_000)])
    assert (receipt.producer.rank_name, receipt.producer.multiplier_label) == ("Silver", "×1.5")
    assert receipt.producer.vote_points == 165  # 110 × 1.5, not × 2.0
    view = producers.find_producer(ctx, card.card_number)
    assert (view.spend_points, view.rank.name) == (1_560, "Gold")  # the next check earns ×2.0


def test_reprint_keeps_the_multiplier_after_the_rank_table_changes(ctx, cashier, manager):
    from bp_till.domain.points import Rank, RankTable

    card = producers.issue_producer(ctx, cashier)
    producers.adjust_points(ctx, manager, card.card_number, spend_delta=600, reason="migrated")
    check = checks.open_check(ctx, cashier, "T1", 1)
    checks.attach_producer(ctx, cashier, check, card.card_number)
    checks.add_line(ctx, cashier, check, "T01", 3)
    first = settle_check(ctx, cashier, check, [Tender("cash", 3_300)])
    ctx.ranks = RankTable([Rank("Regular", 0, 100), Rank("Argent", 500, 175)])
    again = receipt_for(ctx, check)
    assert (again.producer.rank_name, again.producer.multiplier_label) == ("Silver", "×1.5")
    assert again.producer == first.producer

"""Voids of settled checks and refunds, through the services, as the store records them."""

import json
import pytest
from sqlalchemy import select

from bp_till.domain.errors import CheckClosed, DayClosed, InvalidInput, NotAllowed, NotFound, PinRefused
from bp_till.domain.settlement import Tender
from bp_till.services import checks, corrections, producers
from bp_till.services.settle import receipt_for, settle_check
from bp_till.services.staff import Approval
from bp_till.store.models import (
    AuditEntry,
    BusinessDay,
    Check,
    OutboxEvent,
    PointsEntry,
    Producer,
    Refund,
)
from tests.conftest import PINS


def _events(ctx, event_type):
    with ctx.store.read() as session:
        rows = session.scalars(select(OutboxEvent).where(OutboxEvent.type == event_type)).all()
        return [json.loads(row.payload) for row in rows]


def _balances(ctx, producer_id):
    with ctx.store.read() as session:
        producer = session.get(Producer, producer_id)
        return producer.spend_points, producer.vote_points


def _sale(ctx, cashier, lines, tenders, card=None):
    """A settled check: lines as (item, quantity, cast); returns its id."""
    check = checks.open_check(ctx, cashier, "T4", 2)
    for code, quantity, cast in lines:
        checks.add_line(ctx, cashier, check, code, quantity, cast)
    if card:
        checks.attach_producer(ctx, cashier, check, card.card_number)
    settle_check(ctx, cashier, check, tenders)
    return check


@pytest.fixture
def card(ctx, cashier, manager):
    issued = producers.issue_producer(ctx, cashier)
    producers.adjust_points(ctx, manager, issued.card_number, spend_delta=600, reason="migrated")
    return issued  # Silver: ×1.5


def test_a_manager_voids_tonights_check_and_its_points_come_back(ctx, cashier, manager, card):
    check = _sale(ctx, cashier, [("T01", 2, None), ("C01", 1, "C001")],
                  [Tender("card", 1_000), Tender("cash", 5_000)], card)
    before = _balances(ctx, card.producer_id)
    receipt = corrections.void_settled_check(ctx, manager, check, "wrong table charged")

    assert receipt.voided and receipt.reprint and receipt.total == 3_200
    assert _balances(ctx, card.producer_id) == (before[0] - 32, before[1] - 48)
    with ctx.store.read() as session:
        row = session.get(Check, check)
        assert (row.status, row.void_reason, row.voided_by, row.void_approved_by) == (
            "voided", "wrong table charged", manager.id, None)
        assert row.business_day.isoformat() == "2026-11-20" and len(row.lines) == 2
        assert [(p.method, p.amount) for p in row.payments] == [("card", 1_000), ("cash", 2_200)]
        ledger = session.scalars(select(PointsEntry).where(
            PointsEntry.check_id == check, PointsEntry.reason == "void")).all()
        assert sorted((e.kind, e.delta) for e in ledger) == [("spend", -32), ("vote", -48)]
    (event,) = _events(ctx, "check.voided")
    assert (event["total"], event["spend_points"], event["vote_points"]) == (3_200, -32, -48)
    assert [line["cast_code"] for line in event["lines"]] == [None, "C001"]
    assert receipt_for(ctx, check).voided  # a reprint says it is void


def test_a_cashier_voids_with_a_managers_pin_and_the_audit_names_both(ctx, cashier, manager):
    check = _sale(ctx, cashier, [("F01", 1, None)], [Tender("cash", 2_000)])
    with pytest.raises(NotAllowed, match="manager's PIN is needed"):
        corrections.void_settled_check(ctx, cashier, check, "disputed")
    corrections.void_settled_check(ctx, cashier, check, "disputed",
                                   Approval(manager.id, PINS["manager"]))
    with ctx.store.read() as session:
        assert session.get(Check, check).void_approved_by == manager.id
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "check.voided")).one()
        assert (entry.staff_id, entry.approver_id) == (cashier.id, manager.id)
        assert PINS["manager"] not in (entry.detail or "")


def _close_the_day_of(ctx, check_id):
    with ctx.uow() as uow:
        uow.session.get(BusinessDay, uow.session.get(Check, check_id).business_day).status = "closed"
        uow.commit()


@pytest.mark.parametrize("check_id, reason, error, message", [
    (None, "  ", InvalidInput, "needs a reason"),
    (10**6, "wrong table", NotFound, "does not exist"),
])
def test_bad_voids_are_refused_and_write_nothing(ctx, cashier, manager, unchanged, check_id,
                                                 reason, error, message):
    check = _sale(ctx, cashier, [("F01", 1, None)], [Tender("cash", 2_000)])
    with unchanged(), pytest.raises(error, match=message):
        corrections.void_settled_check(ctx, manager, check_id or check, reason)


def test_a_check_is_voided_once(ctx, cashier, manager, unchanged):
    check = _sale(ctx, cashier, [("F01", 1, None)], [Tender("cash", 2_000)])
    corrections.void_settled_check(ctx, manager, check, "wrong table")
    with unchanged(), pytest.raises(CheckClosed, match="already voided"):
        corrections.void_settled_check(ctx, manager, check, "wrong table")


def test_a_wrong_pin_is_counted_but_the_void_writes_nothing(ctx, cashier, manager):
    check = _sale(ctx, cashier, [("F01", 1, None)], [Tender("cash", 2_000)])
    with pytest.raises(PinRefused, match="Wrong PIN"):
        corrections.void_settled_check(ctx, cashier, check, "x", Approval(manager.id, "111111"))
    with ctx.store.read() as session:
        assert session.get(Check, check).status == "settled"
    assert _events(ctx, "check.voided") == []


def test_an_open_check_is_cancelled_not_voided(ctx, cashier, manager, unchanged):
    check = checks.open_check(ctx, cashier, "T1", 1)
    with unchanged(), pytest.raises(CheckClosed, match="still open: cancel it"):
        corrections.void_settled_check(ctx, manager, check, "x")


def test_yesterdays_check_is_refunded_not_voided(ctx, cashier, manager, clock, unchanged):
    check = _sale(ctx, cashier, [("F01", 1, None)], [Tender("cash", 2_000)])
    clock.advance(days=1)
    with unchanged(), pytest.raises(InvalidInput, match="only tonight's checks can be voided"):
        corrections.void_settled_check(ctx, manager, check, "x")
    _close_the_day_of(ctx, check)
    with unchanged(), pytest.raises(DayClosed, match="closed out; refund it instead"):
        corrections.void_settled_check(ctx, manager, check, "x")


def test_a_full_refund_next_day_goes_back_the_way_it_was_paid(ctx, cashier, manager, card, clock):
    check = _sale(ctx, cashier, [("T01", 2, None), ("F01", 1, None), ("C01", 1, "C002")],
                  [Tender("card", 2_000), Tender("cash", 10_000)], card)
    before = _balances(ctx, card.producer_id)
    clock.advance(days=1)
    receipt = corrections.refund_check(ctx, manager, check, "charged twice")

    assert (receipt.total, receipt.original_day.isoformat(), receipt.business_day.isoformat()) == (
        -4_700, "2026-11-20", "2026-11-21")
    assert [(p.method, p.amount) for p in receipt.payments] == [("card", -2_000), ("cash", -2_700)]
    assert [(r.rate, r.total, r.tax) for r in receipt.rate_totals] == [(10, -4_700, -427)]
    assert (receipt.producer.spend_points, receipt.producer.vote_points) == (-47, -70)
    assert _balances(ctx, card.producer_id) == (before[0] - 47, before[1] - 70)
    with ctx.store.read() as session:
        refund = session.scalars(select(Refund)).one()
        assert (refund.number, refund.business_day.isoformat(), refund.total) == (1, "2026-11-21", -4_700)
        assert session.get(Check, check).status == "settled"  # the sale stays as it was
    (event,) = _events(ctx, "check.refunded")
    assert (event["original_business_day"], event["business_day"], event["total"]) == (
        "2026-11-20", "2026-11-21", -4_700)
    assert event["payments"] == [{"method": "card", "amount": -2_000},
                                 {"method": "cash", "amount": -2_700}]
    again = corrections.refund_receipt_for(ctx, refund.id)
    assert again.reprint and (again.total, again.lines) == (receipt.total, receipt.lines)


def test_partial_refunds_of_chosen_lines_and_never_twice(ctx, cashier, manager, card, unchanged):
    check = _sale(ctx, cashier, [("T01", 1, None), ("G01", 1, None), ("C01", 1, "C003")],
                  [Tender("cash", 10_000)], card)
    with ctx.store.read() as session:
        table, goods, cheki = (line.id for line in session.get(Check, check).lines)
    first = corrections.refund_check(ctx, manager, check, "broken keyholder", line_ids=[goods])
    # ¥4,600 earned 46 spend, 69 votes at ×1.5; without the ¥2,500 it would earn 21 and 31
    assert (first.total, first.producer.spend_points, first.producer.vote_points) == (-2_500, -25, -38)
    with unchanged(), pytest.raises(InvalidInput, match="refunded already"):
        corrections.refund_check(ctx, manager, check, "again", line_ids=[goods])
    with unchanged(), pytest.raises(InvalidInput, match="not on check"):
        corrections.refund_check(ctx, manager, check, "x", line_ids=[10**6])
    rest = corrections.refund_check(ctx, manager, check, "left early")
    assert rest.total == -(1_100 + 1_000)
    assert [line.name_en for line in rest.lines] == ["Table Charge (60 min)", "Solo Cheki"]
    assert first.producer.spend_points + rest.producer.spend_points == -46  # 4,600 yen: 46 points
    with unchanged(), pytest.raises(InvalidInput, match="refunded in full already"):
        corrections.refund_check(ctx, manager, check, "third time")
    with unchanged(), pytest.raises(InvalidInput, match="has a refund already"):
        corrections.void_settled_check(ctx, manager, check, "x")
    with ctx.store.read() as session:
        refunded = session.scalars(select(Refund).order_by(Refund.number)).all()
        assert [[line.check_line_id for line in r.lines] for r in refunded] == [
            [goods], [table, cheki]]
        assert [[(p.method, p.amount) for p in r.payments] for r in refunded] == [
            [("cash", -2_500)], [("cash", -2_100)]]


def test_votes_already_given_stay_given_and_the_shortfall_is_recorded(ctx, cashier, manager):
    card = producers.issue_producer(ctx, cashier)
    check = _sale(ctx, cashier, [("CD06", 1, "C004")], [Tender("card", 3_000)], card)
    producers.adjust_points(ctx, manager, card.card_number, vote_delta=-25, reason="voted online")
    receipt = corrections.refund_check(ctx, manager, check, "wrong drink")
    assert (receipt.producer.spend_points, receipt.producer.vote_points) == (-30, -5)
    assert receipt.votes_already_spent == 25
    assert _balances(ctx, card.producer_id) == (0, 0)
    with ctx.store.read() as session:
        assert session.scalars(select(Refund.votes_already_spent)).one() == 25


def test_no_refund_lands_on_a_closed_day(ctx, cashier, manager, unchanged):
    check = _sale(ctx, cashier, [("F01", 1, None)], [Tender("cash", 2_000)])
    _close_the_day_of(ctx, check)
    with unchanged(), pytest.raises(DayClosed, match="refunds can be given again from 05:00"):
        corrections.refund_check(ctx, manager, check, "x")


def test_a_voided_check_has_nothing_to_refund(ctx, cashier, manager, clock, unchanged):
    check = _sale(ctx, cashier, [("F01", 1, None)], [Tender("cash", 2_000)])
    corrections.void_settled_check(ctx, manager, check, "x")
    clock.advance(days=1, hours=1)
    with unchanged(), pytest.raises(CheckClosed, match="already voided"):
        corrections.refund_check(ctx, manager, check, "x")


def test_the_number_on_the_receipt_finds_the_check(ctx, cashier):
    check = _sale(ctx, cashier, [("F01", 1, None)], [Tender("cash", 2_000)])
    number = receipt_for(ctx, check).check_number
    assert corrections.check_id_for_number(ctx, number) == check
    with pytest.raises(NotFound, match="no check #999"):
        corrections.check_id_for_number(ctx, 999)

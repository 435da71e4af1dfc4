"""Moving a check to another table and merging two tables, asserting what the store holds."""

import json

import pytest
from sqlalchemy import select

from bp_till.domain.errors import CheckClosed, InvalidInput, NotFound
from bp_till.domain.settlement import Tender
from bp_till.services import checks, producers
from bp_till.services.closeout import day_report
from bp_till.services.settle import settle_check
from bp_till.services.tables import merge_candidates, merge_checks, move_check
from bp_till.store.models import AuditEntry, Check, CheckLine, OutboxEvent


def _audit(ctx, action):
    with ctx.store.read() as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.action == action)).all()
        return [json.loads(row.detail) for row in rows]


def _snapshot(ctx):
    """Every row a refused move or merge could have touched."""
    with ctx.store.read() as session:
        return ([(c.id, c.table_label, c.status, c.guests, c.producer_id)
                 for c in session.scalars(select(Check))],
                [(l.id, l.check_id) for l in session.scalars(select(CheckLine))],
                len(session.scalars(select(AuditEntry)).all()))


def test_a_party_moves_to_a_free_table(ctx, cashier):
    check = checks.open_check(ctx, cashier, "T3", 2)
    move_check(ctx, cashier, check, " T7 ")
    with ctx.store.read() as session:
        assert session.get(Check, check).table_label == "T7"
    assert _audit(ctx, "check.moved") == [{"moved_from": "T3", "moved_to": "T7"}]


def test_moving_to_a_taken_table_or_the_same_one_is_refused(ctx, cashier):
    check = checks.open_check(ctx, cashier, "T3", 2)
    other = checks.open_check(ctx, cashier, "T4", 1)
    before = _snapshot(ctx)
    with ctx.store.read() as session:
        other_number = session.get(Check, other).number
    with pytest.raises(InvalidInput, match=f"T4 is taken by check #{other_number}"):
        move_check(ctx, cashier, check, "T4")
    with pytest.raises(InvalidInput, match="already at T3"):
        move_check(ctx, cashier, check, "T3")
    with pytest.raises(InvalidInput, match="1 to 16"):
        move_check(ctx, cashier, check, "   ")
    assert _snapshot(ctx) == before


def test_two_tables_merge_and_the_night_counts_one_sale(ctx, cashier):
    card = producers.issue_producer(ctx, cashier)
    left = checks.open_check(ctx, cashier, "T1", 2)
    right = checks.open_check(ctx, cashier, "T2", 1)
    checks.add_line(ctx, cashier, left, "T01", 2)
    checks.add_line(ctx, cashier, right, "T01", 1)
    oops = checks.add_line(ctx, cashier, right, "A01")
    checks.void_line(ctx, cashier, oops, "wrong drink")
    checks.attach_producer(ctx, cashier, right, card.card_number)

    assert merge_checks(ctx, cashier, right, left) == 2
    with ctx.store.read() as session:
        merged, kept = session.get(Check, right), session.get(Check, left)
        assert (merged.status, merged.merged_into, merged.business_day) == ("voided", left, None)
        assert merged.lines == []
        assert kept.guests == 3 and kept.producer_id is not None  # the only card came along
        assert [l.voided_at is not None for l in kept.lines] == [False, False, True]
        number = merged.number
    assert [c[1] for c in merge_candidates(ctx, left)] == []
    settle_check(ctx, cashier, left, [Tender("cash", 5_000)])
    figures = day_report(ctx).figures
    assert figures.net_sales == 3 * 1_100
    assert figures.cancelled_checks == 0  # a merge is not a cancel
    (detail,) = _audit(ctx, "check.merged")
    assert detail["merged"] == number and detail["lines"] == 2 and detail["card_left"] is None
    with ctx.store.read() as session:
        types = [e.type for e in session.scalars(select(OutboxEvent))]
    assert types.count("check.settled") == 1  # the central database hears of one sale


def test_a_merge_that_cannot_be_is_refused_and_nothing_written(ctx, cashier):
    left = checks.open_check(ctx, cashier, "T1", 2)
    takeout = checks.open_check(ctx, cashier, "TO", 1, takeout=True)
    paid = checks.open_check(ctx, cashier, "T5", 1)
    checks.add_line(ctx, cashier, paid, "T01", 1)
    settle_check(ctx, cashier, paid, [Tender("cash", 1_100)])
    before = _snapshot(ctx)
    with pytest.raises(InvalidInput, match="into itself"):
        merge_checks(ctx, cashier, left, left)
    with pytest.raises(InvalidInput, match="take-out"):
        merge_checks(ctx, cashier, takeout, left)
    with pytest.raises(CheckClosed, match="already settled"):
        merge_checks(ctx, cashier, left, paid)
    with pytest.raises(NotFound):
        merge_checks(ctx, cashier, left, "T2")
    assert _snapshot(ctx) == before

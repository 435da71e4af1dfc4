"""The party on an open check: a friend joins or one leaves; what follows charges the new count."""

import json

import pytest
from sqlalchemy import select

from bp_till.domain.errors import CheckClosed, InvalidInput
from bp_till.domain.settlement import Tender
from bp_till.services import checks
from bp_till.services.floor import check_detail
from bp_till.services.settle import settle_check
from bp_till.store.models import AuditEntry
from tests.conftest import snapshot


def test_a_friend_joins_and_the_next_extension_charges_her_too(ctx, cashier):
    check = checks.open_check(ctx, cashier, "T1", 2)
    checks.add_line(ctx, cashier, check, "T01", 2)
    assert checks.set_guests(ctx, cashier, check, 3) == 3
    checks.extend_stay(ctx, cashier, check)
    detail = check_detail(ctx, check)
    assert detail.guests == 3
    assert [(line.item_code, line.quantity) for line in detail.lines] == [("T01", 2), ("T03", 3)]
    with ctx.store.read() as session:
        (entry,) = session.scalars(select(AuditEntry).where(AuditEntry.action == "check.guests"))
    assert (entry.staff_id, entry.subject) == (cashier.id, f"check:{detail.number}")
    assert json.loads(entry.detail) == {"before": 2, "after": 3}


def test_the_same_count_again_writes_nothing(ctx, cashier):
    check = checks.open_check(ctx, cashier, "T1", 2)
    before = snapshot(ctx)
    assert checks.set_guests(ctx, cashier, check, 2) == 2
    assert snapshot(ctx) == before


@pytest.mark.parametrize(("guests", "message"), [
    (0, "Guests must be a whole number from 1 to 50."),
    (51, "Guests must be a whole number from 1 to 50."),
    ("three", "Guests must be a whole number"),
])
def test_a_count_out_of_range_is_refused_and_nothing_changes(ctx, cashier, guests, message):
    check = checks.open_check(ctx, cashier, "T1", 2)
    before = snapshot(ctx)
    with pytest.raises(InvalidInput, match=message):
        checks.set_guests(ctx, cashier, check, guests)
    assert snapshot(ctx) == before


def test_a_take_out_or_a_settled_check_keeps_its_count(ctx, cashier):
    takeout = checks.open_check(ctx, cashier, "TO", 1, takeout=True)
    with pytest.raises(InvalidInput, match="is take-out: it seats no guests"):
        checks.set_guests(ctx, cashier, takeout, 2)
    settled = checks.open_check(ctx, cashier, "T2", 2)
    checks.add_line(ctx, cashier, settled, "T01", 2)
    settle_check(ctx, cashier, settled, [Tender("cash", 2_200)])
    with pytest.raises(CheckClosed):
        checks.set_guests(ctx, cashier, settled, 3)
    assert check_detail(ctx, settled).guests == 2

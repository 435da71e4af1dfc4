"""PIN lockout and overrides: every try, good or bad, is on the audit log; no PIN is."""

import json

import pytest
from sqlalchemy import select

from bp_till.domain.errors import InvalidInput, NotAllowed, PinRefused
from bp_till.services import producers
from bp_till.services.staff import Approval, sign_in
from bp_till.store.models import AuditEntry
from tests.conftest import PINS


def _log(ctx) -> list[tuple]:
    """The audit log as (action, staff, approver, detail) rows, oldest first."""
    with ctx.store.read() as session:
        rows = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        return [(r.action, r.staff_id, r.approver_id, json.loads(r.detail or "{}")) for r in rows]


def _since(ctx, mark: int) -> list[tuple]:
    return _log(ctx)[mark:]


def test_five_wrong_pins_lock_for_five_minutes_and_every_try_is_audited(ctx, cashier, clock):
    mark = len(_log(ctx))
    for _ in range(5):
        with pytest.raises(PinRefused):
            sign_in(ctx, cashier.id, "999999")
    with pytest.raises(PinRefused, match="locked; try again in 5 min"):
        sign_in(ctx, cashier.id, PINS["cashier"])
    clock.advance(minutes=4, seconds=59)
    with pytest.raises(PinRefused, match="try again in 1 min"):
        sign_in(ctx, cashier.id, PINS["cashier"])
    clock.advance(seconds=1)
    assert sign_in(ctx, cashier.id, PINS["cashier"]).id == cashier.id
    purpose = {"purpose": "staff.signed_in"}
    assert _since(ctx, mark) == [
        *[("pin.failed", cashier.id, None, purpose)] * 4,
        ("pin.locked", cashier.id, None, purpose),
        *[("pin.refused", cashier.id, None, {**purpose, "why": "locked"})] * 2,
        ("staff.signed_in", cashier.id, None, {}),
    ]


def test_a_pin_that_is_not_four_to_six_digits_costs_no_try_and_writes_nothing(
    ctx, cashier, unchanged
):
    for typed in ("", "12", "1234567", "12a4", "１２３４", None, 1234):
        with unchanged(), pytest.raises(InvalidInput, match="A PIN is 4 to 6 digits"):
            sign_in(ctx, cashier.id, typed)


def test_every_override_attempt_is_audited_with_who_asked_whose_pin_and_what_for(
    ctx, cashier, shift_lead, manager, clock
):
    card = producers.issue_producer(ctx, cashier).card_number
    mark = len(_log(ctx))
    with pytest.raises(PinRefused, match="Wrong PIN"):
        producers.replace_card(ctx, cashier, card, Approval(manager.id, "1111"))
    with pytest.raises(NotAllowed, match="Kenta is not a manager"):
        producers.replace_card(ctx, cashier, card, Approval(shift_lead.id, PINS["shift_lead"]))
    new = producers.replace_card(ctx, cashier, card, Approval(manager.id, PINS["manager"]))
    what = {"what": "replace a card"}
    assert _since(ctx, mark) == [
        ("pin.failed", manager.id, None, {"purpose": "override.pin"}),
        ("override.refused", cashier.id, manager.id, {**what, "why": "wrong PIN"}),
        ("override.refused", cashier.id, shift_lead.id, {**what, "why": "not a manager"}),
        ("override.granted", cashier.id, manager.id, what),
        ("card.replaced", cashier.id, manager.id,
         {"card": new.card_number, "old_card": card}),
    ]


def test_an_override_on_a_locked_manager_pin_is_refused_and_audited(ctx, cashier, manager):
    login = producers.issue_producer(ctx, cashier).login_id
    for _ in range(5):
        with pytest.raises(PinRefused):
            producers.reset_password(ctx, cashier, login, Approval(manager.id, "1111"))
    mark = len(_log(ctx))
    with pytest.raises(PinRefused, match="Misaki's PIN is locked"):
        producers.reset_password(ctx, cashier, login, Approval(manager.id, PINS["manager"]))
    assert _since(ctx, mark) == [
        ("pin.refused", manager.id, None, {"purpose": "override.pin", "why": "locked"}),
        ("override.refused", cashier.id, manager.id,
         {"what": "reset a password", "why": "PIN locked"}),
    ]
    locks = [row for row in _log(ctx) if row[0] == "pin.locked"]
    assert locks == [("pin.locked", manager.id, None, {"purpose": "override.pin"})]


def test_no_pin_is_written_into_the_audit_log(ctx, cashier, manager, clock):
    card = producers.issue_producer(ctx, cashier).card_number
    for pin in ("8642", PINS["cashier"], PINS["manager"]):
        try:
            producers.replace_card(ctx, cashier, card, Approval(manager.id, pin))
        except (PinRefused, NotAllowed):
            pass
        clock.advance(minutes=1)
    sign_in(ctx, cashier.id, PINS["cashier"])
    text = repr(_log(ctx))
    assert not [pin for pin in [*PINS.values(), "8642"] if pin in text]

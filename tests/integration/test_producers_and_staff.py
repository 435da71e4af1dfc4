"""Cards, credentials, PINs and overrides through the services."""

import json
import logging

import pytest
from sqlalchemy import select

from bp_till.domain.credentials import verify_password
from bp_till.domain.errors import CardReplaced, InvalidInput, NotAllowed, NotFound, PinRefused
from bp_till.domain.identifiers import format_card_number
from bp_till.domain.settlement import Tender
from bp_till.services import checks, producers
from bp_till.services.settle import settle_check
from bp_till.services.staff import Approval, sign_in
from bp_till.store.models import AuditEntry, Card, OutboxEvent, Producer, Staff
from tests.conftest import PINS


def _audit(ctx, action):
    with ctx.store.read() as session:
        return session.scalars(select(AuditEntry).where(AuditEntry.action == action)).all()


def test_issue_stores_only_the_hash_and_returns_the_password_once(ctx, cashier):
    issued = producers.issue_producer(ctx, cashier)
    with ctx.store.read() as session:
        producer = session.scalars(select(Producer).where(Producer.login_id == issued.login_id)).one()
        assert producer.password_hash.startswith("$argon2id$")
        assert verify_password(producer.password_hash, issued.password)
        (card,) = producer.cards
        assert (card.number, card.status) == (issued.card_number, "live")
        event = session.scalars(select(OutboxEvent).where(OutboxEvent.type == "card.issued")).one()
    assert json.loads(event.payload)["password_hash"] == producer.password_hash
    assert issued.password not in repr(issued)


def test_lookup_by_card_or_login(ctx, cashier):
    issued = producers.issue_producer(ctx, cashier)
    by_card = producers.find_producer(ctx, format_card_number(issued.card_number))
    by_login = producers.find_producer(ctx, issued.login_id)
    assert by_card == by_login
    assert (by_card.rank.name, by_card.next_rank.name, by_card.points_to_next) == ("Regular", "Bronze", 100)


def test_replacement_card_keeps_the_account_and_kills_the_old_card(ctx, cashier, manager, unchanged):
    issued = producers.issue_producer(ctx, cashier)
    check = checks.open_check(ctx, cashier, "T1", 1)
    checks.add_line(ctx, cashier, check, "T01")
    checks.attach_producer(ctx, cashier, check, issued.card_number)
    settle_check(ctx, cashier, check, [Tender("cash", 1_100)])
    new = producers.replace_card(ctx, cashier, issued.login_id, Approval(manager.id, PINS["manager"]))
    assert new.login_id == issued.login_id and new.card_number != issued.card_number
    assert new.password != issued.password
    with unchanged(), pytest.raises(CardReplaced, match="was replaced"):
        producers.find_producer(ctx, issued.card_number)
    view = producers.find_producer(ctx, new.card_number)
    assert view.spend_points == 11 and view.card_number == new.card_number
    with ctx.store.read() as session:
        producer = session.get(Producer, view.producer_id)
        assert verify_password(producer.password_hash, new.password)
        assert not verify_password(producer.password_hash, issued.password)
    (entry,) = _audit(ctx, "card.replaced")
    assert (entry.staff_id, entry.approver_id) == (cashier.id, manager.id)


def test_replacement_without_a_manager_pin_is_refused(ctx, cashier, unchanged):
    issued = producers.issue_producer(ctx, cashier)
    with unchanged(refusals=1), pytest.raises(NotAllowed, match="manager's PIN is needed"):
        producers.replace_card(ctx, cashier, issued.card_number)
    (refused,) = _audit(ctx, "card.replace.refused")
    assert refused.staff_id == cashier.id and "manager's PIN is needed" in refused.detail


def test_override_with_a_wrong_pin_is_refused_and_audited(ctx, cashier, manager):
    issued = producers.issue_producer(ctx, cashier)
    with pytest.raises(PinRefused, match="Wrong PIN"):
        producers.replace_card(ctx, cashier, issued.card_number, Approval(manager.id, "0000"))
    assert producers.find_producer(ctx, issued.card_number).card_number == issued.card_number
    (failure,) = _audit(ctx, "pin.failed")
    assert failure.staff_id == manager.id and json.loads(failure.detail) == {"purpose": "override.pin"}


def test_override_by_a_non_manager_is_refused(ctx, cashier, shift_lead):
    issued = producers.issue_producer(ctx, cashier)
    with pytest.raises(NotAllowed, match="not a manager"):
        producers.reset_password(ctx, cashier, issued.card_number, Approval(shift_lead.id, PINS["shift_lead"]))


def test_password_reset(ctx, cashier, manager):
    issued = producers.issue_producer(ctx, cashier)
    reset = producers.reset_password(ctx, manager, issued.card_number)
    assert reset.card_number == issued.card_number and reset.password != issued.password
    with ctx.store.read() as session:
        producer = session.get(Producer, reset.producer_id)
        assert verify_password(producer.password_hash, reset.password)


def test_points_adjustment_needs_a_reason_and_stays_above_zero(ctx, cashier, manager, unchanged):
    issued = producers.issue_producer(ctx, cashier)
    with unchanged(refusals=3):  # each refused attempt is audited, and nothing else written
        with pytest.raises(InvalidInput, match="reason"):
            producers.adjust_points(ctx, manager, issued.login_id, vote_delta=10, reason=" ")
        with pytest.raises(InvalidInput, match="below zero"):
            producers.adjust_points(ctx, manager, issued.login_id, vote_delta=-1, reason="oops")
        with pytest.raises(NotAllowed):
            producers.adjust_points(ctx, cashier, issued.login_id, vote_delta=5, reason="gift")
    view = producers.adjust_points(ctx, manager, issued.login_id, vote_delta=50, reason="birthday")
    assert view.vote_points == 50


def test_unknown_card_and_login(ctx, unchanged):
    from bp_till.domain.identifiers import card_number, login_id

    with unchanged():
        with pytest.raises(NotFound, match="not known"):
            producers.find_producer(ctx, card_number(1, 1, 999))
        with pytest.raises(NotFound, match="not known"):
            producers.find_producer(ctx, login_id(1, 1, 999))


def test_five_wrong_pins_lock_for_five_minutes(ctx, cashier, clock):
    for attempt in range(4):
        with pytest.raises(PinRefused, match=f"{4 - attempt} tries left"):
            sign_in(ctx, cashier.id, "999999")
    with pytest.raises(PinRefused, match="locked for 5 minutes"):
        sign_in(ctx, cashier.id, "999999")
    with pytest.raises(PinRefused, match="locked; try again in 5 min"):
        sign_in(ctx, cashier.id, PINS["cashier"])  # even the right PIN; the try is audited
    assert len(_audit(ctx, "pin.refused")) == 1
    clock.advance(minutes=5)
    assert sign_in(ctx, cashier.id, PINS["cashier"]).name == "Yuto"
    assert len(_audit(ctx, "pin.locked")) == 1


def test_no_password_or_pin_in_store_outbox_or_logs(ctx, cashier, manager, caplog):
    caplog.set_level(logging.DEBUG)
    issued = [producers.issue_producer(ctx, cashier) for _ in range(3)]
    issued.append(producers.replace_card(ctx, manager, issued[0].card_number))
    issued.append(producers.reset_password(ctx, manager, issued[1].login_id))
    sign_in(ctx, cashier.id, PINS["cashier"])
    ctx.store.dispose()  # flush the WAL into the file we scan
    raw = b"".join(p.read_bytes() for p in ctx.store.path.parent.glob("till.db*"))
    logged = caplog.text
    for secret in [i.password for i in issued] + list(PINS.values()):
        plain = secret.encode()
        assert plain not in raw and plain.replace(b"-", b"") not in raw
        assert secret not in logged and secret.replace("-", "") not in logged

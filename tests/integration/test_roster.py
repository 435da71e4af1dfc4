"""Tonight's roster on the store: saved by a shift lead, versioned per business day, synced."""

import json
from datetime import datetime

import pytest
from sqlalchemy import create_engine, select, text

from bp_till.domain.business_day import TOKYO
from bp_till.domain.errors import InvalidInput, NotAllowed, PinRefused
from bp_till.services.roster import roster_of, save_roster, tonights_roster
from bp_till.services.staff import Approval
from bp_till.store.models import AuditEntry, OutboxEvent
from bp_till.sync.once import sync_now
from tests.conftest import PINS


def test_a_shift_lead_marks_tonights_cast_and_a_later_save_is_a_new_version(ctx, shift_lead):
    assert tonights_roster(ctx).cast_codes == ()
    first = save_roster(ctx, shift_lead, ["C003", "C001"])
    second = save_roster(ctx, shift_lead, ["C003", "C001", "C007"])  # a late arrival
    assert (first.version, second.version) == (1, 2)
    tonight = tonights_roster(ctx)
    assert (tonight.version, tonight.cast_codes) == (2, ("C003", "C001", "C007"))
    with ctx.store.read() as session:
        events = session.scalars(select(OutboxEvent).where(OutboxEvent.type == "roster.set")
                                 .order_by(OutboxEvent.seq)).all()
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "roster.set")).all()
    assert [json.loads(e.payload) for e in events] == [
        {"business_day": "2026-11-20", "version": 1, "cast": ["C003", "C001"]},
        {"business_day": "2026-11-20", "version": 2, "cast": ["C003", "C001", "C007"]}]
    assert [a.staff_id for a in audit] == [shift_lead.id] * 2


def test_the_roster_belongs_to_its_business_day_which_turns_at_five(ctx, shift_lead, clock):
    save_roster(ctx, shift_lead, ["C002"])
    clock.set(datetime(2026, 11, 21, 4, 59, tzinfo=TOKYO))  # still the night of the 20th
    assert tonights_roster(ctx).cast_codes == ("C002",)
    clock.set(datetime(2026, 11, 21, 5, 0, tzinfo=TOKYO))
    assert tonights_roster(ctx).cast_codes == ()
    assert roster_of(ctx, datetime(2026, 11, 20).date()).cast_codes == ("C002",)


def test_a_cashier_needs_a_shift_leads_pin_and_nothing_is_written_without(
        ctx, cashier, shift_lead, unchanged):
    with unchanged(), pytest.raises(NotAllowed, match="shift lead's PIN is needed"):
        save_roster(ctx, cashier, ["C001"])
    with pytest.raises(PinRefused, match="Wrong PIN"):  # counted toward the lockout
        save_roster(ctx, cashier, ["C001"], Approval(shift_lead.id, "0000"))
    assert tonights_roster(ctx).version == 0
    saved = save_roster(ctx, cashier, ["C001"], Approval(shift_lead.id, PINS["shift_lead"]))
    assert tonights_roster(ctx).cast_codes == ("C001",) == saved.cast_codes


def test_a_code_that_does_not_exist_is_refused_and_changes_nothing(ctx, shift_lead, unchanged):
    with unchanged(), pytest.raises(InvalidInput, match="No cast member C999 on this till"):
        save_roster(ctx, shift_lead, ["C001", "C999"])
    assert tonights_roster(ctx).version == 0


def test_the_roster_reaches_the_central_database(ctx, shift_lead, tmp_path):
    save_roster(ctx, shift_lead, ["C005", "C002"])
    url = f"sqlite:///{tmp_path / 'central.db'}"
    assert sync_now(ctx, url) == 0
    engine = create_engine(url)
    with engine.connect() as conn:
        (payload,) = conn.execute(text("SELECT payload FROM events WHERE type = 'roster.set'")).one()
    engine.dispose()
    body = payload if isinstance(payload, dict) else json.loads(payload)
    assert body["cast"] == ["C005", "C002"] and body["business_day"] == "2026-11-20"


def test_a_simulated_night_has_a_roster_marked_by_a_shift_lead(ctx, tmp_path):
    from bp_till import simulate
    from bp_till.bootstrap import Till
    from bp_till.config import Config
    from bp_till.printing.printers import Printer
    from bp_till.store.models import RosterVersion

    till = Till(Config(data_dir=tmp_path), ctx, Printer(f"file://{tmp_path / 'prints.bin'}"))
    result = simulate.run(till, 20, seed=11)
    till.close(drain_s=5)
    with ctx.store.read() as session:
        (saved,) = session.scalars(select(RosterVersion)).all()
    assert saved.business_day == result.first_day
    assert 12 <= len(json.loads(saved.cast_codes)) <= 20

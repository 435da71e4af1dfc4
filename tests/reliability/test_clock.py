"""A clock set back: the till refuses to settle until a manager accepts the clock."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, text

from bp_till.clock import FakeClock
from bp_till.domain.errors import ClockSetBack, NotAllowed
from bp_till.domain.settlement import Tender
from bp_till.services import checks
from bp_till.services.clock import accept_clock
from bp_till.services.context import TillContext
from bp_till.services.settle import settle_check
from bp_till.services.staff import Approval, StaffMember
from bp_till.store.db import migrate, open_store
from bp_till.store.models import AuditEntry, Check, LastWrite
from tests.conftest import PINS


def _rung_up(ctx, cashier) -> int:
    check = checks.open_check(ctx, cashier, "T1", 1)
    checks.add_line(ctx, cashier, check, "T01")  # ¥1,100
    return check


def _mark(ctx) -> datetime:
    with ctx.store.read() as session:
        (row,) = session.scalars(select(LastWrite)).all()  # one row, always
        return row.at


def test_settle_is_refused_when_the_clock_reads_before_the_last_write(
    ctx, cashier, clock, unchanged
):
    check = _rung_up(ctx, cashier)
    written = clock.now()
    clock.advance(minutes=-6)
    with unchanged(), pytest.raises(ClockSetBack) as refused:
        settle_check(ctx, cashier, check, [Tender("cash", 1_100)])
    assert "clock was set back" in refused.value.message
    assert "Fetch a manager" in refused.value.message
    assert "2026-11-20 19:30" in refused.value.message  # the last write, in Tokyo time
    assert _mark(ctx) == written


def test_a_step_back_within_five_minutes_still_settles(ctx, cashier, clock):
    check = _rung_up(ctx, cashier)
    clock.advance(minutes=-5)  # a time service correcting a drift
    receipt = settle_check(ctx, cashier, check, [Tender("cash", 1_100)])
    assert receipt.business_day.isoformat() == "2026-11-20"


def test_small_steps_back_cannot_walk_the_mark_backwards(ctx, cashier, clock, unchanged):
    check = _rung_up(ctx, cashier)
    first_write = clock.now()
    for _ in range(2):
        clock.advance(minutes=-4)
        checks.open_check(ctx, cashier, "T9", 1)  # writes, but the mark keeps the newest time
    assert _mark(ctx) == first_write
    with unchanged(), pytest.raises(ClockSetBack):
        settle_check(ctx, cashier, check, [Tender("cash", 1_100)])


def test_a_manager_accepts_the_clock_and_the_audit_keeps_both_times(
    ctx, cashier, manager, clock, unchanged
):
    check = _rung_up(ctx, cashier)
    before = clock.now()
    clock.advance(hours=-1)
    with unchanged(), pytest.raises(NotAllowed, match="manager's PIN is needed"):
        accept_clock(ctx, cashier)
    accept_clock(ctx, cashier, Approval(manager.id, PINS["manager"]))
    receipt = settle_check(ctx, cashier, check, [Tender("cash", 1_100)])
    assert receipt.issued_at == clock.now()
    with ctx.store.read() as session:
        (entry,) = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "clock.accepted")
        ).all()
    assert (entry.staff_id, entry.approver_id) == (cashier.id, manager.id)
    detail = json.loads(entry.detail)
    assert datetime.fromisoformat(detail["last_write"]) == before
    assert datetime.fromisoformat(detail["clock"]) == clock.now()


def test_a_clock_that_ran_ahead_and_was_corrected(ctx, cashier, manager, clock, unchanged):
    clock.advance(days=1)  # the clock ran a day ahead; a check was opened then
    check = _rung_up(ctx, cashier)
    clock.advance(days=-1)  # someone put it right
    with unchanged(), pytest.raises(ClockSetBack):
        settle_check(ctx, cashier, check, [Tender("cash", 1_100)])
    accept_clock(ctx, manager)
    assert settle_check(ctx, cashier, check, [Tender("cash", 1_100)]).business_day.day == 20
    assert _mark(ctx) == clock.now()


def _old_store_with_a_night(path) -> None:
    """A store at revision 0001 holding a check settled at 21:30 (Tokyo) on 20 Nov."""
    store = open_store(path, migrate_schema=False)
    migrate(store.write_engine, "0001")
    with store.write_engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO staff (id, name, role, pin_hash, failed_pin_attempts, active, created_at) "
            "VALUES (1, 'Misaki', 'manager', '$argon2id$x', 0, 1, '2026-11-01T03:00:00.000000Z')"
        ))
        conn.execute(text(
            "INSERT INTO checks (id, uuid, number, table_label, guests, takeout, status, "
            "opened_at, opened_by, extensions, closed_at, closed_by, business_day, total, change, "
            "spend_points, vote_points) VALUES (1, 'u1', 1, 'T1', 1, 0, 'settled', "
            "'2026-11-20T11:00:00.000000Z', 1, 0, '2026-11-20T12:30:00.000000Z', 1, "
            "'2026-11-20', 1100, 0, 0, 0)"
        ))
        conn.execute(text("INSERT INTO counters (name, value) VALUES ('check', 1)"))
    store.dispose()


def test_the_upgrade_starts_the_mark_at_the_newest_time_in_the_store(template_store, tmp_path):
    path = tmp_path / "old.db"
    _old_store_with_a_night(path)
    store = open_store(path)  # migrates to the head
    clock = FakeClock(datetime(2026, 11, 20, 12, 20, tzinfo=UTC))  # ten minutes before that
    ctx = TillContext(store=store, clock=clock)
    with store.read() as session:
        assert session.get(LastWrite, 1).at == datetime(2026, 11, 20, 12, 30, tzinfo=UTC)
        assert session.get(Check, 1).total == 1_100  # the night survived the upgrade
    with store.write_engine.begin() as conn:  # the menu of the template, for a real check
        conn.exec_driver_sql(f"ATTACH '{template_store}' AS t")
        conn.exec_driver_sql("INSERT INTO menu_items SELECT * FROM t.menu_items")
    manager = StaffMember(1, "Misaki", "manager")
    check = _rung_up(ctx, manager)
    with pytest.raises(ClockSetBack):
        settle_check(ctx, manager, check, [Tender("cash", 1_100)])
    clock.advance(minutes=15)
    assert settle_check(ctx, manager, check, [Tender("cash", 1_100)]).total == 1_100
    store.dispose()


def test_the_simulation_travels_back_with_an_audited_acceptance(ctx, tmp_path):
    from bp_till import simulate
    from bp_till.bootstrap import Till
    from bp_till.config import Config
    from bp_till.printing.printers import Printer

    # The template store was written on 20 Nov 2026; the simulation starts weeks before.
    till = Till(Config(data_dir=tmp_path), ctx, Printer(f"file://{tmp_path / 'p.bin'}"))
    result = simulate.run(till, 5, seed=3)
    assert result.counts["settled"] + result.counts["cancelled"] == 5
    with ctx.store.read() as session:
        (entry,) = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "clock.accepted")
        ).all()
        first_close = session.scalar(select(Check.closed_at).order_by(Check.closed_at))
    assert json.loads(entry.detail)["note"].startswith("bp-till simulate")
    assert first_close < datetime(2026, 11, 20, tzinfo=UTC) - timedelta(days=1)

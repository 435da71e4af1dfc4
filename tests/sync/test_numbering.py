"""A till's event numbers against the central database's (SQLite file and real PostgreSQL).

A store restored from a backup older than the last sync numbers on after
what the till sent before it was lost, even with sales rung up before the
first sync; points neither vanish nor double. A second till set up with the
same terminal number is stopped with a message that names the number, sends
nothing, and recovers once it takes another number.
"""

from __future__ import annotations

import pytest

from bp_till.demo import demo_cast
from bp_till.services import producers
from bp_till.services.context import Site, TillContext
from bp_till.services.masterdata import save_cast
from bp_till.services.staff import list_staff
from bp_till.services.terminal_number import adopt_terminal_number
from bp_till.store.backup import backup_store, restore_store
from bp_till.store.db import open_store
from bp_till.sync import once
from bp_till.sync.numbering import NumberTaken
from bp_till.sync.once import run_round
from tests.support.tills import settle_a_check
from tests.sync.ledgers import (
    central_balances,
    central_event_ids,
    outbox_ids,
    own_ledger,
    shown_balances,
    unsent,
)


def _cashier(ctx):
    return next(member for member in list_staff(ctx) if member.role == "cashier")


def _synced(ctx, central) -> None:
    assert run_round(ctx, central).pending == 0


def _restored(backup, folder, clock) -> TillContext:
    folder.mkdir()
    restore_store(backup, folder / "till.db")
    return TillContext(store=open_store(folder / "till.db"), clock=clock)


def test_a_restored_store_rings_up_and_syncs_without_losing_or_doubling_points(
        ctx, central, tmp_path, clock):
    cashier = _cashier(ctx)
    regular = producers.issue_producer(ctx, cashier)
    settle_a_check(ctx, cashier, regular.card_number)
    one_check = own_ledger(ctx)[regular.login_id]
    _synced(ctx, central)
    backup = backup_store(tmp_path / "till.db", tmp_path / "backup.db").path
    # The till goes on after the backup, and syncs: then its disk dies.
    settle_a_check(ctx, cashier, regular.card_number)
    newcomer = producers.issue_producer(ctx, cashier)
    settle_a_check(ctx, cashier, newcomer.card_number)
    _synced(ctx, central)
    lost = set(outbox_ids(ctx))

    till = _restored(backup, tmp_path / "restored", clock)
    settle_a_check(till, _cashier(till), regular.card_number)  # before any sync: a taken number
    assert run_round(till, central).pending == 0

    assert central_event_ids(central) == sorted(lost | set(outbox_ids(till)))  # each once
    expected = {regular.login_id: (3 * one_check[0], 3 * one_check[1]), newcomer.login_id: one_check}
    assert central_balances(central) == expected
    assert {k: v for k, v in shown_balances(till).items() if any(v)} == expected
    # A card issued now does not reuse the one issued after the backup, and syncs.
    third = producers.issue_producer(till, _cashier(till))
    assert third.login_id not in (regular.login_id, newcomer.login_id)
    assert third.card_number not in (regular.card_number, newcomer.card_number)
    settle_a_check(till, _cashier(till), third.card_number)
    assert run_round(till, central).pending == 0
    assert central_balances(central) == {**expected, third.login_id: one_check}
    assert run_round(ctx, central).pending == 0  # nothing of it is another till's


def test_a_restored_store_with_nothing_new_continues_after_the_central_numbers(
        ctx, central, tmp_path, clock):
    _synced(ctx, central)
    backup = backup_store(tmp_path / "till.db", tmp_path / "backup.db").path
    settle_a_check(ctx, _cashier(ctx))
    _synced(ctx, central)
    till = _restored(backup, tmp_path / "restored", clock)
    assert run_round(till, central).pushed == 0
    settle_a_check(till, _cashier(till))
    assert run_round(till, central).new == 1
    assert len(central_event_ids(central)) == len(set(outbox_ids(ctx)) | set(outbox_ids(till)))


def test_a_second_till_with_the_same_number_is_stopped_and_told_how_to_recover(
        ctx, central, tmp_path, clock):
    _synced(ctx, central)  # till 1's events
    other = TillContext(store=open_store(tmp_path / "other.db"), clock=clock)  # also terminal 1
    save_cast(other, demo_cast()[:3])
    before = central_event_ids(central)

    with pytest.raises(NumberTaken) as taken:
        run_round(other, central)
    message = str(taken.value)
    assert "refuses terminal 1's events" in message
    assert "another till is set up as terminal 1 too" in message
    assert "set [terminal] number in its bp-till.toml" in message
    assert "Nothing was sent; 1 events stay queued here." in message
    assert central_event_ids(central) == before and unsent(other) == 1

    # What the message says: another number, the till started again.
    renumbered = TillContext(store=other.store, clock=clock, site=Site(terminal=3))
    assert adopt_terminal_number(renumbered) == 1
    assert run_round(renumbered, central).new == 1
    assert run_round(ctx, central).pending == 0
    other.store.dispose()


def test_numbers_taken_between_the_check_and_the_push_say_the_same(
        ctx, central, tmp_path, clock, monkeypatch):
    _synced(ctx, central)
    other = TillContext(store=open_store(tmp_path / "other.db"), clock=clock)
    save_cast(other, demo_cast()[:3])
    monkeypatch.setattr(once, "continue_numbering", lambda *_: 0)  # as if the race was lost
    with pytest.raises(NumberTaken) as taken:
        run_round(other, central)
    assert "another till is set up as terminal 1 too" in str(taken.value)
    assert "(" in str(taken.value)  # the database's own words, in brackets
    assert unsent(other) == 1
    other.store.dispose()


def test_a_restored_store_never_prints_a_check_number_twice_nor_closes_a_night_twice(
        ctx, central, tmp_path, clock):
    """Sales and the close-out after the backup reached the central database; the disk died."""
    from bp_till.domain.errors import DayClosed
    from bp_till.services.closeout import close_day, current_day
    from bp_till.domain.settlement import Tender
    from bp_till.services import checks
    from bp_till.services.floor import check_detail, open_checks
    from bp_till.services.settle import settle_check

    cashier = _cashier(ctx)
    settle_a_check(ctx, cashier)
    _synced(ctx, central)
    still_open = checks.open_check(ctx, cashier, "T8", 1)
    checks.add_line(ctx, cashier, still_open, "F01", 1)
    backup = backup_store(tmp_path / "till.db", tmp_path / "backup.db").path
    night = current_day(ctx)
    settle_check(ctx, cashier, still_open, [Tender("cash", 5_000)])
    after_backup = [check_detail(ctx, settle_a_check(ctx, cashier)[0]).number for _ in range(2)]
    close_day(ctx, _lead(ctx), night, 0, {10000: 3})
    _synced(ctx, central)

    till = _restored(backup, tmp_path / "restored", clock)
    assert run_round(till, central).pushed == 0
    assert [c.number for c in open_checks(till)] == []  # paid after the backup: not twice
    assert check_detail(till, still_open).status == "voided"
    with pytest.raises(DayClosed, match=f"Business day {night.isoformat()} is closed out already"):
        close_day(till, _lead(till), night, 0, {10000: 3})
    clock.advance(hours=24)
    _, receipt = settle_a_check(till, _cashier(till))
    assert receipt.check_number == after_backup[-1] + 1
    assert current_day(till) > night
    assert run_round(till, central).new == 1


def _lead(ctx):
    return next(member for member in list_staff(ctx) if member.can("shift_lead"))

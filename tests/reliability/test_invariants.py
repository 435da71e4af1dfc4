"""The store checks of the crash test and the fuzz catch each kind of damage."""

import shutil
import sqlite3

import pytest

from bp_till.clock import FakeClock
from bp_till.domain.settlement import Tender
from bp_till.services import checks, producers
from bp_till.services.context import TillContext
from bp_till.services.settle import settle_check
from bp_till.services.staff import list_staff
from bp_till.store.db import open_store
from tests.conftest import EVENING
from tests.reliability.invariants import broken


@pytest.fixture(scope="module")
def night_store(template_store, tmp_path_factory):
    """Two settled checks (one with a producer card), one open, one cancelled; built once."""
    path = tmp_path_factory.mktemp("night") / "till.db"
    shutil.copy(template_store, path)
    clock = FakeClock(EVENING)
    ctx = TillContext(store=open_store(path), clock=clock)
    cashier = list_staff(ctx)[0]
    card = producers.issue_producer(ctx, cashier)
    for table, with_card in (("T1", True), ("T2", False)):
        check = checks.open_check(ctx, cashier, table, 1)
        checks.add_line(ctx, cashier, check, "T01")
        checks.add_line(ctx, cashier, check, "C01", 2, "C001")
        if with_card:
            checks.attach_producer(ctx, cashier, check, card.card_number)
        clock.advance(minutes=30)
        settle_check(ctx, cashier, check, [Tender("card", 1_000), Tender("cash", 10_000)])
    checks.open_check(ctx, cashier, "T3", 1)
    checks.cancel_check(ctx, cashier, checks.open_check(ctx, cashier, "T4", 1), "left")
    ctx.store.dispose()
    return path


@pytest.fixture
def night(night_store, tmp_path):
    shutil.copy(night_store, tmp_path / "till.db")
    with sqlite3.connect(tmp_path / "till.db") as conn:
        yield conn


def test_a_sound_store_breaks_no_promise(night):
    assert broken(night) == []


@pytest.mark.parametrize("damage, promise", [
    ("DELETE FROM check_lines WHERE id = (SELECT max(id) FROM check_lines)", "add up to its total"),
    ("DELETE FROM payments WHERE method = 'cash' AND check_id = 1", "payments that pay"),
    ("UPDATE payments SET tendered = tendered + 1 WHERE method = 'cash'", "payments that pay"),
    ("DELETE FROM outbox WHERE type = 'check.settled' AND seq = (SELECT max(seq) FROM outbox)",
     "exactly one check.settled event"),
    ("INSERT INTO outbox SELECT 'dup', terminal, 999, type, version, payload, created_at, NULL "
     "FROM outbox WHERE type = 'check.settled' LIMIT 1", "exactly one check.settled event"),
    ("DELETE FROM points_ledger WHERE kind = 'vote'", "earned its points"),
    ("UPDATE producers SET vote_points = vote_points + 5", "sum of their ledger"),
    ("UPDATE checks SET status = 'open' WHERE number = 1", "not settled has no payments"),
    ("UPDATE outbox SET seq = seq + 1 WHERE seq = (SELECT max(seq) FROM outbox)", "without a gap"),
    ("UPDATE counters SET value = value + 1 WHERE name = 'check'", "check counter"),
    ("UPDATE counters SET value = value + 1 WHERE name = 'card'", "card and login counters"),
    ("UPDATE cards SET status = 'replaced'", "one live card"),
    ("UPDATE checks SET business_day = '2026-11-21' WHERE number = 1", "is filed on 2026-11-21"),
])
def test_each_kind_of_damage_is_named(night, damage, promise):
    night.execute(damage)
    assert any(promise in problem for problem in broken(night)), broken(night)

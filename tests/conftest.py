"""Shared fixtures: a ready store (copied from one built per session), staff, a clock."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # for the whole run, before any Qt import

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from bp_till.clock import FakeClock
from bp_till.domain.business_day import TOKYO
from bp_till.services.context import TillContext
from bp_till.services.masterdata import save_cast, save_menu
from bp_till.services.staff import StaffMember, add_staff
from bp_till.store.db import open_store

# Six digits with no zeros, so a scan for them cannot hit a timestamp by chance.
PINS = {"cashier": "481273", "shift_lead": "615948", "manager": "952718", "cashier2": "357164"}
EVENING = datetime(2026, 11, 20, 19, 30, tzinfo=TOKYO)


@pytest.fixture(scope="session")
def template_store(tmp_path_factory) -> Path:
    """A store with the demo menu and cast and four staff, built once (argon2 is slow)."""
    from bp_till.demo import demo_cast, demo_menu

    path = tmp_path_factory.mktemp("template") / "till.db"
    store = open_store(path)
    ctx = TillContext(store=store, clock=FakeClock(EVENING))
    save_menu(ctx, demo_menu())
    save_cast(ctx, demo_cast())
    add_staff(ctx, "Yuto", "cashier", PINS["cashier"])
    add_staff(ctx, "Kenta", "shift_lead", PINS["shift_lead"])
    add_staff(ctx, "Misaki", "manager", PINS["manager"])
    add_staff(ctx, "Haruna", "cashier", PINS["cashier2"])
    store.dispose()
    return path


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(EVENING)


@pytest.fixture
def ctx(template_store, tmp_path, clock) -> TillContext:
    path = tmp_path / "till.db"
    with sqlite3.connect(template_store) as source, sqlite3.connect(path) as target:
        source.backup(target)
    context = TillContext(store=open_store(path), clock=clock)
    yield context
    context.store.dispose()


def _staff(ctx, name: str) -> StaffMember:
    from bp_till.services.staff import list_staff

    return next(member for member in list_staff(ctx) if member.name == name)


@pytest.fixture
def cashier(ctx) -> StaffMember:
    return _staff(ctx, "Yuto")


@pytest.fixture
def shift_lead(ctx) -> StaffMember:
    return _staff(ctx, "Kenta")


@pytest.fixture
def manager(ctx) -> StaffMember:
    return _staff(ctx, "Misaki")


def snapshot(ctx: TillContext) -> dict[str, list[tuple]]:
    """Every row of every table: compare two snapshots to prove nothing was written."""
    with ctx.store.read_engine.connect() as conn:
        tables = inspect(conn).get_table_names()
        return {t: conn.execute(text(f'SELECT * FROM "{t}" ORDER BY 1')).all() for t in tables}


@pytest.fixture
def unchanged(ctx):
    """``with unchanged(): ...`` asserts the block wrote nothing to the store.

    ``unchanged(refusals=n)``: nothing but ``n`` audit entries of refused attempts.
    """
    from contextlib import contextmanager

    @contextmanager
    def check(refusals: int = 0):
        before = snapshot(ctx)
        yield
        after = snapshot(ctx)
        added = after["audit_log"][len(before["audit_log"]):]
        assert [row.action.endswith(".refused") for row in added] == [True] * refusals, added
        after["audit_log"] = before["audit_log"] + added[refusals:]
        assert after == before, "the store changed"

    return check


# --- PostgreSQL: required in CI, skipped with a reason on a machine without it ---
PG_URL = os.environ.get("BP_TILL_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def pg_url() -> str:
    from sqlalchemy import create_engine

    engine = create_engine(PG_URL, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
        reason = f"PostgreSQL not reachable at {PG_URL}: {exc.__class__.__name__}"
        if os.environ.get("BP_TILL_REQUIRE_PG") == "1":
            pytest.fail(reason + " (BP_TILL_REQUIRE_PG=1: CI requires it)")
        pytest.skip(reason)
    finally:
        engine.dispose()
    return PG_URL

"""Menu and cast maintenance reaches the central database and the other tills (SQLite and
PostgreSQL central): retired stays retired there, the order and an event item's window come
along, a sale rung up before keeps its name and price; an older central gains the columns."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import text

from bp_till.demo import demo_menu
from bp_till.central import reads
from bp_till.central.db import init_central
from bp_till.services import checks, menu_admin
from bp_till.services.masterdata import CastEntry, cast, cast_book, menu, menu_book
from bp_till.services.staff import list_staff
from bp_till.store.models import CheckLine
from bp_till.sync.once import run_round


def _staff(ctx, role):
    return next(s for s in list_staff(ctx) if s.role == role)


def test_retired_moved_and_windowed_items_and_cast_reach_the_central_and_another_till(
        ctx, till2, central, manager):
    cashier2 = _staff(till2, "cashier")
    check = checks.open_check(till2, cashier2, "T1", 1)  # sold at till 2 before the changes
    sold = checks.add_line(till2, cashier2, check, "F01")
    f01 = next(e for e in menu_book(ctx) if e.code == "F01")
    menu_admin.edit_item(ctx, manager, replace(f01, available_from=date(2026, 12, 20),
                                               available_until=date(2026, 12, 25)))
    menu_admin.retire_item(ctx, manager, "S01")
    menu_admin.move_item(ctx, manager, "A03", -1)
    menu_admin.rename_member(ctx, manager, CastEntry("C002", "あみ☆", "Ami"))
    menu_admin.retire_member(ctx, manager, "C001")
    run_round(ctx, central)

    with central.connect() as conn:
        at_centre = {row.code: row for row in reads.menu(conn)}
        roster = {row.code: row for row in reads.cast_roster(conn)}
    assert at_centre["S01"].active is False and at_centre["F01"].available_from == "2026-12-20"
    assert roster["C001"].active is False and roster["C002"].stage_name == "あみ☆"

    pulled = run_round(till2, central).what_pulled.masterdata
    assert pulled >= 5
    assert [e.code for e in menu(till2)] == [e.code for e in menu(ctx)]  # same order, same items
    assert "S01" not in {e.code for e in menu(till2)} and "F01" not in {e.code for e in menu(till2)}
    assert "F01" in {e.code for e in menu(till2, date(2026, 12, 24))}
    assert "C001" not in {c.code for c in cast(till2)}
    assert {c.code: c for c in cast_book(till2)}["C002"].stage_name == "あみ☆"
    with till2.store.read() as session:
        line = session.get(CheckLine, sold)
    assert (line.name_en, line.unit_price) == (f01.name_en, f01.price)
    assert run_round(till2, central).what_pulled.masterdata == 0  # as the centre says: no echo
    assert run_round(ctx, central).what_pulled.masterdata == 0  # nor back at till 1


def test_an_older_central_gains_the_columns_and_keeps_its_cast_active(central, ctx):
    with central.begin() as conn:  # as an older bp-till made it
        for view in ("cast_roster", "menu_items"):
            conn.execute(text(f"DROP VIEW {view}"))
        for column in ("active", "sort_order", "available_from", "available_until"):
            conn.execute(text(f"ALTER TABLE menu_versions DROP COLUMN {column}"))
        conn.execute(text("ALTER TABLE cast_versions DROP COLUMN active"))
        conn.execute(text("CREATE VIEW cast_roster AS SELECT code, stage_name, romaji "
                          "FROM cast_versions"))
        conn.execute(text("CREATE VIEW menu_items AS SELECT code, category, name_ja, name_en, "
                          "price, cast_credit FROM menu_versions"))
    init_central(central)  # the upgrade: columns added, views made again
    with central.connect() as conn:
        assert reads.cast_roster(conn) == [] and reads.menu(conn) == []
    run_round(ctx, central)  # the template's cast and menu, pushed
    with central.begin() as conn:  # and a version from an older till, saying nothing
        conn.execute(text("UPDATE cast_versions SET active = NULL"))
    with central.connect() as conn:
        assert all(row.active for row in reads.cast_roster(conn))
        assert len(reads.menu(conn)) == len(demo_menu())

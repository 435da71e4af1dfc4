"""The SQL function ingest_events and the Python ingest write the same rows, table by table.

The same batches, covering every event type, go to two fresh PostgreSQL
databases: one through the function (what a till does), one through
``ingest_in_python`` as the owner (what an SQLite central runs). Ids the two
number on their own (ledger, votes and credit ids, arrival times, xids) are
left out; the order of arrival is compared as the order of the event ids.
"""

from datetime import timedelta

import pytest
from sqlalchemy import text

from bp_till.central.ingest import ingest, ingest_in_python
from bp_till.central.schema import metadata
from bp_till.central.views import VIEWS
from bp_till.domain.business_day import TOKYO
from tests.central.feed import FakeTill
from tests.central.test_reads import NIGHT
from tests.sync.conftest import postgres_central

A, B, C, D = "10000000001", "10000000002", "10000000003", "10000000004"
NUMBERED_HERE = {"ingest_id", "id", "received_at", "refused_at", "xid"}
on_postgresql = pytest.mark.parametrize("central", ["postgresql"], indirect=True)


def _batches():
    one, two = FakeTill(1), FakeTill(2)
    later = NIGHT + timedelta(days=3)
    month_end = NIGHT.replace(month=12, day=1, hour=4, minute=30, tzinfo=TOKYO)  # still November
    first = [
        one.cast(C010="Hikari", C020="Mio"),
        one.event("menu.updated", items=[
            {"code": "F01", "category": "food", "name_ja": "唐揚げ", "name_en": "Karaage",
             "price": 800},  # no cast_credit: false
            {"code": "CH1", "category": "cheki", "name_ja": "チェキ", "name_en": "Cheki",
             "price": 1500, "cast_credit": True}]),
        one.card_issued(A, "100000000001", NIGHT),
        one.settled(A, 10_000, NIGHT, multiplier_pct=150, cast_code="C010"),
        one.settled(None, 3_000, NIGHT, cast_code="C020"),  # no producer: credits, no points
        one.votes(A, NIGHT, C010=100, C020=20),  # 150 vote points: covered
        one.votes(A, NIGHT, C020=40),  # 30 left: refused whole
        one.votes(B, NIGHT, C010=1),  # B arrives later in this batch: unknown here
        one.card_issued(B, "100000000002", NIGHT),
        one.settled(B, 5_000, NIGHT),
        one.votes(B, month_end, C020=50),  # B made earlier in this batch: 50 of 50
    ]
    settled = one.settled(C, 20_000, NIGHT, cast_code="C020")
    returned = two.settled(A, 4_000, NIGHT, cast_code="C010")
    second = [
        two.card_issued(C, "100000000003", NIGHT),
        settled,
        two.card_replaced(C, "100000000003", "100000000033", NIGHT + timedelta(hours=1)),
        two.password_reset(A, NIGHT + timedelta(hours=2)),
        two.adjusted(A, NIGHT, spend=5, vote=0),  # a zero delta is no ledger row
        two.voided(settled, NIGHT + timedelta(hours=3)),
        two.votes(C, NIGHT, C010=1),  # the void took C's points back first …
        two.settled(C, 1_000, NIGHT),  # … and these come after the vote
        returned,
        two.refunded(returned, later),  # A: 40 vote points given and taken back
        two.votes(D, NIGHT, C010=5),  # nobody
        two.day_closed(NIGHT, checks=3, gross_sales=37_000, points={"vote_net": 170}),
        two.cast(C010="Hikari", C020="Mio", C030="Rin"),  # a new version of each
        # Retired, moved and in a window (menu maintenance); the versions above say nothing.
        two.event("menu.updated", items=[
            {"code": "F01", "category": "food", "name_ja": "唐揚げ", "name_en": "Karaage",
             "price": 900, "cast_credit": False, "active": False, "sort_order": 7,
             "available_from": "2026-12-20", "available_until": "2026-12-25"}]),
        two.event("cast.updated", cast=[
            {"code": "C020", "stage_name": "Mio", "romaji": "mio", "active": False}]),
    ]
    mixed = [*first[2:5], one.votes(A, later, C010=30)]  # known events, then a new vote
    return [first, second, first, mixed]


def _rows(conn, table) -> list[tuple]:
    columns = [c.name for c in table.c if c.name not in NUMBERED_HERE]
    picks = [f"{c}::jsonb" if c in ("payload", "figures") else c for c in columns]
    rows = conn.execute(text(f"SELECT {', '.join(picks)} FROM {table.name}")).all()
    return sorted((tuple(row) for row in rows), key=repr)


def _everything(engine) -> dict:
    with engine.connect() as conn:
        found = {table.name: _rows(conn, table) for table in metadata.sorted_tables}
        found["arrival"] = conn.execute(
            text("SELECT event_id FROM events ORDER BY ingest_id")).scalars().all()
        for view in VIEWS:
            found[view] = sorted(map(tuple, conn.execute(text(f"SELECT * FROM {view}"))),
                                 key=repr)
    return found


@on_postgresql
def test_the_sql_function_and_the_python_ingest_write_the_same_rows(central, pg_url):
    counts = {"function": [], "python": []}
    with postgres_central(pg_url) as python_central:
        for batch in _batches():
            with central.begin() as conn:
                counts["function"].append(ingest(conn, batch))
            with python_central.begin() as conn:
                counts["python"].append(ingest_in_python(conn, batch))
        by_function, by_python = _everything(central), _everything(python_central)
    assert counts["function"] == counts["python"] == [11, 15, 0, 1]
    for name in by_python:
        assert by_function[name] == by_python[name], name
    refused = {(login, reason) for _, login, _, _, reason in by_function["vote_refusals"]}
    assert refused == {(A, "not enough vote points"), (B, "unknown producer"),
                       (C, "not enough vote points"), (D, "unknown producer")}
    assert len(by_function["votes"]) == 4  # A's two, B's one, A's one in the mixed batch
    assert {row[0]: row[3] for row in by_function["cast_roster"]} == {
        "C010": True, "C020": False, "C030": True}  # an older version saying nothing: active
    assert {row[0]: row[6:] for row in by_function["menu_items"]} == {
        "F01": (False, 7, "2026-12-20", "2026-12-25"), "CH1": (True, None, None, None)}

"""The benchmarks' large-store generator, at a small size: the store it writes is one the
services could have written (schema, money, points, cards, events), and the till works on it."""

from __future__ import annotations

import json
import shutil
import sqlite3
import uuid
from collections import defaultdict
from datetime import timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from bp_till.clock import FakeClock
from bp_till.domain import identifiers
from bp_till.domain.business_day import business_day
from bp_till.domain.errors import CardReplaced
from bp_till.domain.points import DEFAULT_RANK_TABLE, vote_points
from bp_till.domain.settlement import Tender
from bp_till.services import checks
from bp_till.services.context import TillContext
from bp_till.services.producers import find_producer
from bp_till.services.settle import settle_check
from bp_till.services.staff import list_staff
from bp_till.store.db import alembic_config, open_store
from bp_till.store.models import Base
from bp_till.store.types import UtcDateTime
from tests.benchmarks import scale
from tests.benchmarks.bench_settle import BareSettle

SMALL = scale.Scale(producers=300, checks=4_000, days=30)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    path = tmp_path_factory.mktemp("scale") / "till.db"
    return path, scale.generate(path, SMALL)


@pytest.fixture
def copy(generated, tmp_path):
    """A copy to write on; the generated store stays as it was made."""
    target = tmp_path / "till.db"
    shutil.copyfile(generated[0], target)
    return target


def rows(path, sql: str, *params) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute(sql, params).fetchall()


def test_the_store_has_the_sizes_asked_for_in_the_real_schema(generated):
    path, counts = generated
    assert counts["producers"] == 300 and counts["checks"] == 4_000
    assert counts["business_days"] == 30
    assert rows(path, "SELECT count(*) FROM menu_items") == [(300,)]
    assert rows(path, "SELECT count(*) FROM cast_members") == [(150,)]
    assert rows(path, "SELECT DISTINCT status FROM checks") == [("settled",)]
    assert rows(path, "SELECT min(n), max(n) FROM (SELECT count(*) AS n FROM check_lines "
                      "GROUP BY check_id)") == [(3, 8)]
    assert rows(path, "PRAGMA integrity_check") == [("ok",)]
    assert rows(path, "PRAGMA foreign_key_check") == []
    assert rows(path, "PRAGMA journal_mode") == [("wal",)]
    store = open_store(path)
    with store.write_engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    store.dispose()
    assert version == ScriptDirectory.from_config(alembic_config()).get_current_head()
    indexes = {name for (name,) in rows(path, "SELECT name FROM sqlite_schema WHERE type = 'index'")}
    assert {"ix_checks_producer_id", "ix_points_ledger_producer"} <= indexes


def test_every_check_adds_up_to_its_lines_and_payments(generated):
    path, _ = generated
    assert rows(path, """
        SELECT count(*) FROM checks c WHERE c.total != (
            SELECT sum(unit_price * quantity) FROM check_lines
            WHERE check_id = c.id AND voided_at IS NULL)
        OR c.total != (SELECT sum(amount) FROM payments WHERE check_id = c.id)
        OR c.change != (SELECT coalesce(sum(tendered - amount), 0) FROM payments
                        WHERE check_id = c.id AND method = 'cash')
        OR c.total <= 0""") == [(0,)]
    assert rows(path, "SELECT count(*) FROM payments WHERE method != 'cash' AND tendered != amount"
                ) == [(0,)]
    methods = dict(rows(path, "SELECT method, count(*) FROM payments GROUP BY method"))
    assert set(methods) == {"cash", "card", "emoney"}
    # Take-out food and soft drinks at 8 %, everything else at 10 %.
    assert rows(path, """
        SELECT count(*) FROM check_lines l JOIN checks c ON c.id = l.check_id
        WHERE l.tax_rate != CASE WHEN c.takeout AND l.category IN ('food', 'soft_drink')
                                 THEN 8 ELSE 10 END""") == [(0,)]
    # Cheki and cast drinks name a cast member; nothing else does.
    assert rows(path, """
        SELECT count(*) FROM check_lines
        WHERE (cast_id IS NULL) = (category IN ('cheki', 'cast_drink'))""") == [(0,)]
    voided = rows(path, "SELECT count(*), count(voided_by), count(void_reason) FROM check_lines "
                        "WHERE voided_at IS NOT NULL")[0]
    assert voided[0] > 0 and voided[0] == voided[1] == voided[2]
    assert rows(path, "SELECT count(*) FROM audit_log WHERE action = 'line.voided'") == [(voided[0],)]


def test_points_follow_the_rank_held_and_the_ledger(generated):
    path, _ = generated
    earned: dict[int, int] = defaultdict(int)
    seen_ranks = set()
    for producer, total, spend, votes, rank, multiplier in rows(path, """
            SELECT producer_id, total, spend_points, vote_points, rank_name, multiplier_pct
            FROM checks ORDER BY closed_at, id"""):
        if producer is None:
            assert (spend, votes, rank, multiplier) == (0, 0, None, None)
            continue
        held = DEFAULT_RANK_TABLE.rank_for(earned[producer])
        assert (rank, multiplier) == (held.name, held.multiplier_pct)
        assert (spend, votes) == (total // 100, vote_points(total // 100, multiplier))
        earned[producer] += spend
        seen_ranks.add(rank)
    assert len(seen_ranks) >= 3  # regulars climb; most stay low
    ledger = {(p, kind): n for p, kind, n in rows(
        path, "SELECT producer_id, kind, sum(delta) FROM points_ledger GROUP BY 1, 2")}
    for producer, spend, votes in rows(path, "SELECT id, spend_points, vote_points FROM producers"):
        assert spend == earned[producer] == ledger.get((producer, "spend"), 0)
        assert votes == ledger.get((producer, "vote"), 0)
    assert rows(path, "SELECT count(*) FROM checks WHERE producer_id IS NULL") == [(400,)]


def test_each_producer_has_one_live_card_and_checks_carry_theirs(generated):
    path, _ = generated
    assert rows(path, "SELECT count(*) FROM producers WHERE (SELECT count(*) FROM cards "
                      "WHERE producer_id = producers.id AND status = 'live') != 1") == [(0,)]
    replaced = rows(path, "SELECT count(*), count(replaced_at) FROM cards "
                          "WHERE status = 'replaced'")[0]
    assert replaced[0] > 0 and replaced[0] == replaced[1]
    for number, login in rows(path, "SELECT c.number, p.login_id FROM cards c "
                                    "JOIN producers p ON p.id = c.producer_id"):
        assert identifiers.parse_card_number(number) == number
        assert identifiers.parse_login_id(login) == login
    # The card on a check is its producer's, issued by then, and not yet replaced then.
    assert rows(path, """
        SELECT count(*) FROM checks ch LEFT JOIN cards c ON c.number = ch.card_number
        WHERE ch.producer_id IS NOT NULL AND (c.producer_id IS NOT ch.producer_id
              OR c.issued_at > ch.closed_at OR c.replaced_at < ch.closed_at)""") == [(0,)]
    counters = dict(rows(path, "SELECT name, value FROM counters"))
    assert counters["check"] == 4_000 and counters["login"] == 300
    assert counters["card"] == rows(path, "SELECT count(*) FROM cards")[0][0]
    assert counters["outbox"] == rows(path, "SELECT max(seq) FROM outbox")[0][0]


def test_every_day_is_a_business_day_of_the_two_years(generated):
    path, _ = generated
    first = scale.LAST_NIGHT - timedelta(days=SMALL.days - 1)
    parse = UtcDateTime().process_result_value
    for opened, closed, day in rows(path, "SELECT opened_at, closed_at, business_day FROM checks"):
        assert parse(opened, None) < parse(closed, None)
        assert business_day(parse(closed, None)).isoformat() == day
        assert first.isoformat() <= day <= scale.LAST_NIGHT.isoformat()
    assert rows(path, """
        SELECT count(*) FROM check_lines l JOIN checks c ON c.id = l.check_id
        WHERE l.added_at < c.opened_at OR l.added_at > c.closed_at
           OR l.voided_at > c.closed_at""") == [(0,)]


def test_the_outbox_holds_every_event_sent_gapless_and_as_the_services_write_it(generated):
    path, _ = generated
    events = rows(path, "SELECT event_id, seq, type, payload, created_at, sent_at FROM outbox "
                        "ORDER BY seq")
    assert [seq for _, seq, *_ in events] == list(range(1, len(events) + 1))
    kinds = defaultdict(int)
    previous = ""
    for event_id, _, kind, payload, created, sent in events:
        kinds[kind] += 1
        assert uuid.UUID(event_id).version == 4
        assert sent is not None and sent >= created >= previous
        previous = created
        assert payload == json.dumps(json.loads(payload), ensure_ascii=False, sort_keys=True)
    assert len({event[0] for event in events}) == len(events)
    replaced = rows(path, "SELECT count(*) FROM cards WHERE status = 'replaced'")[0][0]
    assert dict(kinds) == {"menu.updated": 1, "cast.updated": 1, "check.settled": 4_000,
                           "card.issued": 300, "card.replaced": replaced}


def _payload_from_tables(path, check_id: int) -> dict:
    """What ``settle_check`` would have put in the event, read back from the rows."""
    (number, uuid_, day, closed, table, guests, takeout, total, card, rank, multiplier, spend,
     votes, login) = rows(path, """
        SELECT c.number, c.uuid, c.business_day, c.closed_at, c.table_label, c.guests,
               c.takeout, c.total, c.card_number, c.rank_name, c.multiplier_pct,
               c.spend_points, c.vote_points, p.login_id
        FROM checks c LEFT JOIN producers p ON p.id = c.producer_id WHERE c.id = ?""",
                             check_id)[0]
    lines = rows(path, """
        SELECT cm.code, l.category, l.name_en, l.quantity, l.tax_rate, l.unit_price
        FROM check_lines l LEFT JOIN cast_members cm ON cm.id = l.cast_id
        WHERE l.check_id = ? AND l.voided_at IS NULL ORDER BY l.id""", check_id)
    paid = rows(path, "SELECT amount, method FROM payments WHERE check_id = ? ORDER BY id",
                check_id)
    return {
        "business_day": day, "card_number": card, "check_number": number, "check_uuid": uuid_,
        "guests": guests,
        "lines": [dict(zip(("cast_code", "category", "item", "quantity", "tax_rate",
                            "unit_price"), line, strict=True)) for line in lines],
        "login_id": login, "multiplier_pct": multiplier,
        "payments": [{"amount": amount, "method": method} for amount, method in paid],
        "rank": rank, "settled_at": UtcDateTime().process_result_value(closed, None).isoformat(),
        "spend_points": spend, "table": table, "takeout": bool(takeout), "total": total,
        "vote_points": votes,
    }


def test_each_settled_event_tells_what_its_check_holds(generated):
    path, _ = generated
    payloads = dict(rows(path, "SELECT json_extract(payload, '$.check_number'), payload "
                               "FROM outbox WHERE type = 'check.settled'"))
    for check_id in range(1, 4_001, 7):
        assert json.loads(payloads[check_id]) == _payload_from_tables(path, check_id)


def test_the_till_works_on_the_generated_store(copy):
    ctx = TillContext(store=open_store(copy), clock=FakeClock(scale.EVENING))
    cashier = next(member for member in list_staff(ctx) if member.name == scale.CASHIER)
    (card, login, spend), = rows(copy, "SELECT c.number, p.login_id, p.spend_points FROM cards c "
                                       "JOIN producers p ON p.id = c.producer_id "
                                       "WHERE c.status = 'live' ORDER BY p.spend_points DESC "
                                       "LIMIT 1")
    found = find_producer(ctx, card)
    assert (found.login_id, found.card_number, found.spend_points) == (login, card, spend)
    assert find_producer(ctx, identifiers.format_login_id(login)).card_number == card
    (old, owner, live), = rows(copy, """
        SELECT c.number, p.login_id, (SELECT number FROM cards WHERE producer_id = p.id
                                      AND status = 'live')
        FROM cards c JOIN producers p ON p.id = c.producer_id WHERE c.status = 'replaced'
        LIMIT 1""")
    with pytest.raises(CardReplaced):
        find_producer(ctx, old)
    assert find_producer(ctx, owner).card_number == live != old  # by login: the new card

    check_id = checks.open_check(ctx, cashier, "T3", 2)
    for code in ("T01", "F01", "A01"):
        checks.add_line(ctx, cashier, check_id, code)
    checks.attach_producer(ctx, cashier, check_id, card)
    receipt = settle_check(ctx, cashier, check_id, [Tender("cash", 20_000)])
    ctx.store.dispose()
    assert receipt.check_number == 4_001
    (seq, payload), = rows(copy, "SELECT seq, payload FROM outbox ORDER BY seq DESC LIMIT 1")
    (generated_payload,), = rows(copy, "SELECT payload FROM outbox WHERE type = 'check.settled' "
                                       "AND seq < ? ORDER BY seq DESC LIMIT 1", seq)
    ours, theirs = json.loads(payload), json.loads(generated_payload)
    assert ours.keys() == theirs.keys()
    assert ours["lines"][0].keys() == theirs["lines"][0].keys()
    assert seq == rows(copy, "SELECT value FROM counters WHERE name = 'outbox'")[0][0]
    assert rows(copy, "SELECT spend_points FROM producers WHERE login_id = ?", login) == [
        (spend + receipt.total // 100,)]


def test_the_benchmark_baseline_writes_the_rows_the_service_writes(copy):
    """The bare sqlite3 settle of bench_settle is the same work as settle_check, no less."""
    clock = FakeClock(scale.EVENING)
    ctx = TillContext(store=open_store(copy), clock=clock)
    cashier = next(member for member in list_staff(ctx) if member.name == scale.CASHIER)
    (card,), = rows(copy, "SELECT number FROM cards WHERE status = 'live' LIMIT 1")
    twins = []
    for table in ("S1", "B1"):
        check_id = checks.open_check(ctx, cashier, table, 2)
        for code, cast_code in (("T01", None), ("F02", None), ("C01", "C007"), ("A03", None)):
            checks.add_line(ctx, cashier, check_id, code, 1, cast_code)
        checks.attach_producer(ctx, cashier, check_id, card)
        twins.append(check_id)
    before = rows(copy, "SELECT max(seq) FROM outbox")[0][0]
    receipt = settle_check(ctx, cashier, twins[0], [Tender("cash", 10_000)])
    bare = BareSettle(copy, clock, cashier.id)
    bare.settle(bare.plan(twins[1]))
    bare.conn.close()
    ctx.store.dispose()

    def written(check_id: int):
        return (
            rows(copy, "SELECT status, closed_at, closed_by, business_day, total, change, "
                       "spend_points, vote_points FROM checks WHERE id = ?", check_id),
            rows(copy, "SELECT method, amount, tendered FROM payments WHERE check_id = ?",
                 check_id),
            rows(copy, "SELECT producer_id, kind, delta, reason, created_at FROM points_ledger "
                       "WHERE check_id = ? ORDER BY id", check_id),
        )

    assert written(twins[0]) == written(twins[1])
    assert written(twins[0])[0][0][4] == receipt.total
    events = rows(copy, "SELECT type, payload FROM outbox WHERE seq > ? ORDER BY seq", before)
    assert [kind for kind, _ in events] == ["check.settled", "check.settled"]
    first, second = (json.loads(payload) for _, payload in events)
    assert first.keys() == second.keys()
    assert {k: v for k, v in first.items() if k not in ("check_number", "check_uuid", "table")} \
        == {k: v for k, v in second.items() if k not in ("check_number", "check_uuid", "table")}


TINY = scale.Scale(producers=20, checks=200, days=5)


def test_the_cache_makes_the_store_once_and_replaces_an_old_version(tmp_path, monkeypatch):
    made = []
    real = scale._generate_apart
    monkeypatch.setattr(scale, "_generate_apart", lambda *a: made.append(a) or real(*a))
    (tmp_path / "large-0000-old").mkdir()  # a store of an earlier schema or generator
    first = scale.cached_store(tmp_path, TINY)
    again = scale.cached_store(tmp_path, TINY)
    assert first == again and len(made) == 1
    assert [p.name for p in tmp_path.iterdir()] == [first.parent.name]
    assert [p.name for p in first.parent.iterdir()] == ["till.db"]
    assert rows(first, "SELECT count(*) FROM checks") == [(200,)]


def test_a_half_made_store_is_never_taken_for_the_cache(tmp_path, monkeypatch):
    def dies(folder, _scale):
        folder.mkdir(parents=True)
        (folder / "till.db").write_bytes(b"half a store")
        raise KeyboardInterrupt

    monkeypatch.setattr(scale, "_generate_apart", dies)
    with pytest.raises(KeyboardInterrupt):
        scale.cached_store(tmp_path, TINY)
    assert not (tmp_path / scale.cache_key(TINY) / "till.db").exists()


def test_the_generator_command_never_overwrites_a_store(tmp_path, capsys):
    (tmp_path / "till.db").write_bytes(b"a shop's real store")
    assert scale.main(["--out", str(tmp_path), "--checks", "10"]) == 2
    assert (tmp_path / "till.db").read_bytes() == b"a shop's real store"
    assert "never overwrites" in capsys.readouterr().err


def test_a_cached_store_opened_later_is_in_wal_with_full_sync(generated):
    store = open_store(generated[0])
    with store.write_engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    store.dispose()

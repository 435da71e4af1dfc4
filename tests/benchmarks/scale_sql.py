"""The bulk of the large store, written by SQLite itself from what ``scale_nights`` decided.

Five million check lines made one Python tuple at a time cost minutes on this
machine; ``INSERT … SELECT`` makes them in seconds. Python hands over one row per
check (times, cashier, producer, card, two random numbers) into ``gen_checks``;
the statements below expand it into lines, totals, points (the rank held before
each check, by a window over the producer's earlier checks), payments, the
``check.settled`` events (text laid out exactly as ``json.dumps(…, sort_keys=True)``
lays it out) and the audit entries, in the columns the services write.

A line's random choices come from the check's two random numbers through a
different linear hash per slot, ``(u1 × p + u2) mod (2³¹ − 1)``: cheap, and no two
checks share a sequence of lines. Text is made with ``printf`` (one allocation
a row; a chain of ``||`` copies the string at every link).
"""

from __future__ import annotations

import bisect
import json
import random
import sqlite3
import time
from collections.abc import Callable, Sequence

from bp_till.domain.money import Category
from bp_till.domain.points import DEFAULT_RANK_TABLE
from bp_till.store.uow import EVENT_SCHEMA_VERSION

POOL = 4096  # weighted picks of a menu item: pool row k of 4096
PRIME = 2**31 - 1
ORDER_WEIGHTS = {  # how often a guest orders from each category (the table charge comes first)
    Category.SOFT_DRINK: 60, Category.ALCOHOL: 50, Category.FOOD: 50,
    Category.CHEKI: 55, Category.CAST_DRINK: 40, Category.GOODS: 8,
}
TAKEOUT_WEIGHTS = {Category.FOOD: 60, Category.SOFT_DRINK: 40, Category.GOODS: 10}
EAT_IN, TAKEOUT, CHARGE = 0, 1, 2
VOID_REASON = "Ordered by mistake"

TEMP_TABLES = """
CREATE TEMP TABLE gen_checks (id INTEGER PRIMARY KEY, day TEXT, opened INT, closed INT,
    cashier INT, producer_id INT, card TEXT, u1 INT, u2 INT);
CREATE TEMP TABLE gen_card_events (n INTEGER PRIMARY KEY, at TEXT, sent TEXT, type TEXT,
    payload TEXT);
CREATE TEMP TABLE gen_audit (at TEXT, action TEXT, staff_id INT, approver_id INT, subject TEXT,
    detail TEXT);
CREATE TEMP TABLE gen_producers (id INTEGER PRIMARY KEY, login_id TEXT, password_hash TEXT,
    created_at TEXT);
CREATE TEMP TABLE gen_pool (pool INT, k INT, item_id INT, PRIMARY KEY (pool, k)) WITHOUT ROWID;
CREATE TEMP TABLE gen_items (id INTEGER PRIMARY KEY, credited INT, item_json TEXT);
CREATE TEMP TABLE gen_cast (k INTEGER PRIMARY KEY, id INT);
CREATE TEMP TABLE gen_slots (n INTEGER PRIMARY KEY, p INT, q INT);
CREATE TEMP TABLE gen_points (id INTEGER PRIMARY KEY, producer_id INT, total INT, spend INT,
    rank_name TEXT, multiplier INT, votes INT);
CREATE TEMP TABLE gen_pay (id INTEGER PRIMARY KEY, total INT, kind TEXT, part INT, due INT,
    given INT);
CREATE TEMP TABLE gen_line_json (check_id INTEGER PRIMARY KEY, total INT, lines TEXT);
CREATE TEMP TABLE gen_paid_json (check_id INTEGER PRIMARY KEY, paid TEXT);
CREATE TEMP TABLE gen_events (seq INTEGER PRIMARY KEY, kind TEXT, ref INT, at TEXT, sent TEXT);
-- What follows from a check's first random number: take-out (3 %), guests, how many lines.
CREATE TEMP VIEW gen_check_view AS
SELECT g.*, g.u1 % 100 < 3 AS takeout,
       CASE WHEN g.u1 % 100 < 3 THEN 1 WHEN g.u1 / 100 % 100 < 70 THEN 1
            WHEN g.u1 / 100 % 100 < 92 THEN 2 ELSE 3 END AS guests,
       3 + g.u1 / 10000 % 6 AS lines
FROM gen_checks g;
"""


def stamp(day: str, us: str) -> str:
    """SQL for the store's UTC text of microsecond ``us`` of UTC date ``day``."""
    return (f"printf('%sT%02d:%02d:%02d.%06dZ', {day}, ({us}) / 3600000000, "
            f"({us}) / 60000000 % 60, ({us}) / 1000000 % 60, ({us}) % 1000000)")


def uuid4(n: str, count: str) -> str:
    """SQL for the ``n``-th (from 1) of ``count`` random version 4 UUIDs, in increasing order.

    A random key written into a big unique index lands on a page nobody touched
    lately, ten times the cost of the next key along; so the 48 high bits step up
    with ``n`` (each ``n`` its own share of the range, at a scrambled place in it)
    and the other 74 are random. The till's own new UUIDs land anywhere, as ever.
    """
    step = f"((1 << 48) / ({count}))"
    top = f"((({n}) - 1) * {step} + ({n}) * 2654435761 % {step})"
    return (f"printf('%08x-%04x-4%03x-%x%03x-%012x', {top} >> 16, {top} & 65535, "
            "abs(random()) % 4096, 8 + abs(random()) % 4, abs(random()) % 4096, "
            "abs(random()) % 281474976710656)")


def _by_threshold(column: str, value: Callable) -> str:
    """A CASE giving the rank (or multiplier) held at ``column`` lifetime spend points."""
    whens = " ".join(f"WHEN {column} >= {rank.threshold} THEN {value(rank)}"
                     for rank in reversed(DEFAULT_RANK_TABLE.ranks))
    return f"CASE WHEN producer_id IS NULL THEN NULL {whens} END"


def _quoted(column: str) -> str:
    """A JSON string of a column, or null."""
    return f"coalesce('\"' || {column} || '\"', 'null')"


LINES = f"""
INSERT INTO check_lines (check_id, menu_item_id, name_ja, name_en, category, unit_price, quantity,
                         tax_rate, cast_id, added_at, added_by, voided_at, voided_by, void_reason)
SELECT l.id, m.id, m.name_ja, m.name_en, m.category, m.price,
       CASE WHEN l.n = 1 AND NOT l.takeout THEN l.guests  -- the table charge, per guest
            WHEN l.v2 % 20 < 15 THEN 1 WHEN l.v2 % 20 < 19 THEN 2 ELSE 3 END,
       CASE WHEN l.takeout AND m.category IN {Category.FOODSTUFFS} THEN 8 ELSE 10 END,
       gc.id, {stamp('l.day', 'l.added')}, l.cashier,
       CASE WHEN l.voided THEN {stamp('l.day', 'l.added + 60000000')} END,
       CASE WHEN l.voided THEN l.cashier END,
       CASE WHEN l.voided THEN '{VOID_REASON}' END
FROM (SELECT c.*, s.n, (c.u1 * s.p + c.u2) % {PRIME} AS v1, (c.u2 * s.q + c.u1) % {PRIME} AS v2,
             c.opened + (c.closed - c.opened - 120000000) * s.n / (c.lines + 1) AS added,
             s.n > 1 AND (c.u2 * s.q + c.u1) % {PRIME} / 20 % 100 < 3 AS voided
      FROM gen_check_view c CROSS JOIN gen_slots s
      WHERE c.id BETWEEN :first AND :last AND s.n <= c.lines) l
JOIN gen_pool p ON p.pool = CASE WHEN l.n = 1 AND NOT l.takeout THEN {CHARGE}
                                 WHEN l.takeout THEN {TAKEOUT} ELSE {EAT_IN} END
               AND p.k = l.v1 % {POOL}
JOIN menu_items m ON m.id = p.item_id
JOIN gen_items i ON i.id = m.id
-- A cast member for cheki and cast drinks: the producer's favourite 7 times in 10.
LEFT JOIN gen_cast gc ON i.credited AND gc.k = CASE
    WHEN l.v2 / 2000 % 10 < 7 THEN coalesce(l.producer_id, l.id) * 7919 % :cast
    ELSE l.v2 / 20000 % :cast END
ORDER BY l.id, l.n
"""

POINTS = f"""
INSERT INTO gen_points (id, producer_id, total, spend, rank_name, multiplier, votes)
SELECT id, producer_id, total, spend, rank_name, multiplier,
       coalesce(spend * multiplier / 100, 0) AS votes
FROM (SELECT id, producer_id, total, spend,
             {_by_threshold('before', lambda rank: repr(rank.name))} AS rank_name,
             {_by_threshold('before', lambda rank: rank.multiplier_pct)} AS multiplier
      FROM (SELECT id, producer_id, total, spend,
                   coalesce(sum(spend) OVER (PARTITION BY producer_id ORDER BY day, closed
                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
            FROM (SELECT g.id, g.producer_id, g.day, g.closed, t.total,
                         CASE WHEN g.producer_id IS NULL THEN 0 ELSE t.total / 100 END AS spend
                  FROM gen_line_json t JOIN gen_checks g ON g.id = t.check_id)))
ORDER BY id
"""

# Card 25 %, e-money 10 %, card and cash 7 %, the rest cash rounded up to a note or not at all.
PAYMENT_PLAN = """
INSERT INTO gen_pay (id, total, kind, part, due, given)
SELECT id, total, kind, part, due,
       CASE WHEN due = 0 THEN 0 ELSE (due + step - 1) / step * step END AS given
FROM (SELECT id, total, kind, part,
             CASE kind WHEN 'cash' THEN total WHEN 'split' THEN total - part ELSE 0 END AS due,
             CASE u2 / 10000000 % 4 WHEN 0 THEN 1 WHEN 1 THEN 1000 WHEN 2 THEN 5000
                  ELSE 10000 END AS step
      FROM (SELECT p.id, p.total, g.u2,
                   CASE WHEN g.u2 % 100 < 25 THEN 'card' WHEN g.u2 % 100 < 35 THEN 'emoney'
                        WHEN g.u2 % 100 < 42 AND p.total > 2000 THEN 'split'
                        ELSE 'cash' END AS kind,
                   CASE WHEN p.total > 2000
                        THEN 1000 * (1 + g.u2 / 100 % ((p.total - 1) / 1000)) END AS part
            FROM gen_points p JOIN gen_checks g ON g.id = p.id))
ORDER BY id
"""

CHECKS = f"""
INSERT INTO checks (id, uuid, number, table_label, guests, takeout, status, opened_at, opened_by,
                    extensions, producer_id, card_number, rank_name, multiplier_pct, closed_at,
                    closed_by, business_day, total, change, spend_points, vote_points)
SELECT c.id, {uuid4('c.id', ':checks')}, c.id,
       CASE WHEN c.takeout THEN 'TO' || (c.id % 9 + 1) ELSE 'T' || (c.id % 24 + 1) END,
       c.guests, c.takeout, 'settled', {stamp('c.day', 'c.opened')}, c.cashier,
       c.closed - c.opened > 90 * 60000000, c.producer_id, c.card, p.rank_name, p.multiplier,
       {stamp('c.day', 'c.closed')}, c.cashier, c.day, p.total, pay.given - pay.due, p.spend,
       p.votes
FROM gen_check_view c JOIN gen_points p ON p.id = c.id JOIN gen_pay pay ON pay.id = c.id
ORDER BY c.id
"""

PAYMENTS = """
INSERT INTO payments (check_id, method, amount, tendered)
SELECT id, method, amount, given FROM (
    SELECT id, 0 AS ord, CASE kind WHEN 'split' THEN 'card' ELSE kind END AS method,
           CASE kind WHEN 'split' THEN part ELSE total END AS amount,
           CASE kind WHEN 'split' THEN part ELSE total END AS given
    FROM gen_pay WHERE kind IN ('card', 'emoney', 'split')
    UNION ALL
    SELECT id, 1, 'cash', due, given FROM gen_pay WHERE due > 0)
ORDER BY id, ord
"""

LEDGER = """
INSERT INTO points_ledger (producer_id, kind, delta, reason, check_id, created_at)
SELECT producer_id, kind, delta, 'check', id, at FROM (
    SELECT p.producer_id, 'spend' AS kind, p.spend AS delta, p.id, 0 AS ord, c.closed_at AS at
    FROM gen_points p JOIN checks c ON c.id = p.id WHERE p.spend > 0
    UNION ALL
    SELECT p.producer_id, 'vote', p.votes, p.id, 1, c.closed_at
    FROM gen_points p JOIN checks c ON c.id = p.id WHERE p.votes > 0)
ORDER BY id, ord
"""

PRODUCERS = """
INSERT INTO producers (id, login_id, password_hash, created_at, spend_points, vote_points)
SELECT g.id, g.login_id, g.password_hash, g.created_at, coalesce(t.spend, 0), coalesce(t.votes, 0)
FROM gen_producers g
LEFT JOIN (SELECT producer_id, sum(spend) AS spend, sum(votes) AS votes FROM gen_points
           WHERE producer_id IS NOT NULL GROUP BY producer_id) t ON t.producer_id = g.id
ORDER BY g.id
"""

# Every event in the order the till wrote them: a card issued at a settle comes first.
EVENT_ORDER = f"""
INSERT INTO gen_events (seq, kind, ref, at, sent)
SELECT :base + row_number() OVER (ORDER BY at, prio, ref), kind, ref, at, sent
FROM (SELECT at, 0 AS prio, n AS ref, type AS kind, sent FROM gen_card_events
      UNION ALL
      SELECT {stamp('day', 'closed')}, 1, id, 'check.settled',
             {stamp('day', 'closed + 1 + u2 / 37 % 29000000')} FROM gen_checks)
"""

# The live lines of each check as its event lists them, in order, and what they come to.
LINE_JSON = """
INSERT INTO gen_line_json (check_id, total, lines)
SELECT l.check_id, sum(l.unit_price * l.quantity), group_concat(printf('{"cast_code": %s, "category": "%s", "item": %s, '
    || '"quantity": %d, "tax_rate": %d, "unit_price": %d}', coalesce('"' || cm.code || '"', 'null'),
    l.category, gi.item_json, l.quantity, l.tax_rate, l.unit_price), ', ')
FROM check_lines l JOIN gen_items gi ON gi.id = l.menu_item_id
LEFT JOIN cast_members cm ON cm.id = l.cast_id
WHERE l.check_id BETWEEN :first AND :last AND l.voided_at IS NULL
GROUP BY l.check_id ORDER BY l.check_id
"""

PAID_JSON = """
INSERT INTO gen_paid_json (check_id, paid)
SELECT check_id, group_concat(printf('{"amount": %d, "method": "%s"}', amount, method), ', ')
FROM payments GROUP BY check_id ORDER BY check_id
"""

SETTLED_PAYLOAD = (
    "printf('{\"business_day\": \"%s\", \"card_number\": %s, \"check_number\": %d, "
    "\"check_uuid\": \"%s\", \"guests\": %d, \"lines\": [%s], \"login_id\": %s, "
    "\"multiplier_pct\": %s, \"payments\": [%s], \"rank\": %s, \"settled_at\": \"%s\", "
    "\"spend_points\": %d, \"table\": \"%s\", \"takeout\": %s, \"total\": %d, "
    "\"vote_points\": %d}', c.business_day, " + _quoted("c.card_number") + ", c.number, "
    "c.uuid, c.guests, lj.lines, " + _quoted("gp.login_id") + ", "
    "coalesce(c.multiplier_pct, 'null'), pj.paid, " + _quoted("c.rank_name") + ", "
    "replace(c.closed_at, 'Z', '+00:00'), c.spend_points, c.table_label, "
    "CASE WHEN c.takeout THEN 'true' ELSE 'false' END, c.total, c.vote_points)"
)

OUTBOX = f"""
INSERT INTO outbox (event_id, terminal, seq, type, version, payload, created_at, sent_at)
SELECT {uuid4('e.seq - :base', ':events')}, :terminal, e.seq, e.kind, {EVENT_SCHEMA_VERSION},
       CASE WHEN e.kind = 'check.settled' THEN {SETTLED_PAYLOAD} ELSE ce.payload END,
       e.at, e.sent
FROM gen_events e
LEFT JOIN gen_card_events ce ON e.kind != 'check.settled' AND ce.n = e.ref
LEFT JOIN checks c ON e.kind = 'check.settled' AND c.id = e.ref
LEFT JOIN gen_producers gp ON gp.id = c.producer_id
LEFT JOIN gen_line_json lj ON lj.check_id = c.id
LEFT JOIN gen_paid_json pj ON pj.check_id = c.id
ORDER BY e.seq
"""

AUDIT = """
INSERT INTO audit_log (at, action, staff_id, approver_id, subject, detail)
SELECT at, action, staff_id, approver_id, subject, detail FROM (
    SELECT at, action, staff_id, approver_id, subject, detail FROM gen_audit
    UNION ALL
    SELECT l.voided_at, 'line.voided', l.voided_by, NULL, 'check:' || l.check_id,
           printf('{"amount": %d, "item": %s, "reason": "%s"}', l.unit_price * l.quantity,
                  gi.item_json, l.void_reason)
    FROM check_lines l JOIN gen_items gi ON gi.id = l.menu_item_id
    WHERE l.voided_at IS NOT NULL)
ORDER BY at
"""

# The menu and cast the manager set up were sent with the first sync, like everything since.
SETUP_SENT = "UPDATE outbox SET sent_at = created_at WHERE sent_at IS NULL"

BATCH_STEPS = (("check lines", LINES), ("lines as JSON", LINE_JSON))
STEPS = (("points", POINTS), ("payment plans", PAYMENT_PLAN), ("checks", CHECKS),
         ("payments", PAYMENTS), ("points ledger", LEDGER), ("producers", PRODUCERS),
         ("event order", EVENT_ORDER), ("payments as JSON", PAID_JSON), ("outbox", OUTBOX),
         ("audit log", AUDIT), ("setup events sent", SETUP_SENT))
# Indexes whose keys arrive in random order: dropped for the load, built again after it
# (a sort and one pass) from the very statements the migrations left in the schema.
DEFERRED_INDEXES = ("ix_checks_producer_id", "ix_points_ledger_producer")


def prepare(conn: sqlite3.Connection, rng: random.Random) -> None:
    """The scratch tables, and what the expansion picks from: menu pools, cast, randoms."""
    conn.executescript(TEMP_TABLES)  # (executescript commits first: so it comes before BEGIN)
    conn.execute("BEGIN")
    items = conn.execute("SELECT id, code, category, name_en, cast_credit FROM menu_items "
                         "ORDER BY sort_order").fetchall()
    conn.executemany("INSERT INTO gen_items VALUES (?, ?, ?)", [
        (item_id, bool(credit) or category in Category.CAST_CREDITED,
         json.dumps(name_en, ensure_ascii=False))
        for item_id, _, category, name_en, credit in items])
    charges = [row[0] for row in items if row[2] == Category.TABLE_CHARGE]
    pools = {EAT_IN: _pool(items, ORDER_WEIGHTS), TAKEOUT: _pool(items, TAKEOUT_WEIGHTS),
             CHARGE: [charges[0] if k % 10 else charges[1] for k in range(POOL)]}  # VIP 1 in 10
    conn.executemany("INSERT INTO gen_pool VALUES (?, ?, ?)", [
        (pool, k, item) for pool, picks in pools.items() for k, item in enumerate(picks)])
    cast = conn.execute("SELECT id FROM cast_members ORDER BY id").fetchall()
    conn.executemany("INSERT INTO gen_cast VALUES (?, ?)",
                     [(k, row[0]) for k, row in enumerate(cast)])
    # Each slot's own multipliers for the linear hash of the check's random numbers.
    conn.executemany("INSERT INTO gen_slots VALUES (?, ?, ?)",
                     [(n, rng.randrange(1 << 20, PRIME), rng.randrange(1 << 20, PRIME))
                      for n in range(1, 9)])


def _pool(items: Sequence[tuple], weights: dict[str, int]) -> list[int]:
    """POOL picks: a category by its weight, then any of its items alike."""
    chosen = [(row[0], row[2]) for row in items if row[2] in weights]
    per_category = {c: sum(1 for _, cat in chosen if cat == c) for c in weights}
    cumulative, total = [], 0.0
    for _, category in chosen:
        total += weights[category] / per_category[category]
        cumulative.append(total)
    return [chosen[bisect.bisect(cumulative, (k + 0.5) / POOL * total)][0] for k in range(POOL)]


def _run(conn: sqlite3.Connection, name: str, sql: str, params: dict, log) -> None:
    started, cpu = time.perf_counter(), time.process_time()
    conn.execute(sql, {key: value for key, value in params.items() if f":{key}" in sql})
    if log:
        log(f"scale: {name} in {time.perf_counter() - started:.1f} s "
            f"({time.process_time() - cpu:.1f} s CPU)")


def expand_batch(conn: sqlite3.Connection, first: int, last: int, *, cast: int) -> None:
    """The lines of checks ``first`` to ``last``, and their totals and JSON."""
    for name, sql in BATCH_STEPS:
        _run(conn, name, sql, {"first": first, "last": last, "cast": cast}, None)


def expand(conn: sqlite3.Connection, *, terminal: int, base_seq: int,
           log: Callable[[str], None] | None = None) -> None:
    """Everything after the lines, in order; ``log`` hears how long each step took."""
    schema = dict(conn.execute("SELECT name, sql FROM sqlite_schema WHERE type = 'index'"))
    for index in DEFERRED_INDEXES:
        conn.execute(f"DROP INDEX {index}")
    checks, cards = (conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                     for table in ("gen_checks", "gen_card_events"))
    params = {"terminal": terminal, "base": base_seq, "checks": checks, "events": checks + cards}
    for name, sql in STEPS:
        _run(conn, name, sql, params, log)
    for index in DEFERRED_INDEXES:
        _run(conn, f"index {index}", schema[index], {}, log)

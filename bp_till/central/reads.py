"""What a till pulls from the central database; all of it readable by the terminal role.

Producers changed since a cursor (a card issued at till A works at till B
with its points), the monthly ranking board, this till's refused votes and
the master data. Nothing here reads a password hash or an event's payload.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    Connection,
    DateTime,
    Integer,
    String,
    column,
    func,
    literal_column,
    select,
    table,
    text,
)

from bp_till.central.schema import events, producers, vote_refusals

_When = DateTime(timezone=True)
producer_balances = table("producer_balances", column("login_id", String),
                          column("spend_points", Integer), column("vote_points", Integer))
card_states = table("card_states", column("number", String), column("login_id", String),
                    column("status", String), column("issued_at", _When))
monthly_cast_ranking = table("monthly_cast_ranking", column("business_month", String),
                             column("cast_code", String), column("points", Integer),
                             column("last_vote_at", _When), column("place", Integer))
cast_roster_view = table("cast_roster", column("code", String), column("stage_name", String),
                         column("romaji", String), column("active", Boolean))
menu_items = table("menu_items", column("code", String), column("category", String),
                   column("name_ja", String), column("name_en", String),
                   column("price", Integer), column("cast_credit", Boolean),
                   column("active", Boolean), column("sort_order", Integer),
                   column("available_from", String), column("available_until", String))


@dataclass(frozen=True)
class CardState:
    number: str
    status: str  # 'live' | 'replaced'
    issued_at: datetime


@dataclass(frozen=True)
class ProducerState:
    login_id: str
    created_at: datetime
    spend_points: int
    vote_points: int
    cards: tuple[CardState, ...]


@dataclass(frozen=True)
class BoardRow:
    business_month: str
    cast_code: str
    points: int
    last_vote_at: datetime


@dataclass(frozen=True)
class Refusal:
    event_id: str
    login_id: str
    points: int
    reason: str
    refused_at: datetime


@dataclass(frozen=True)
class CastRow:
    code: str
    stage_name: str
    romaji: str
    active: bool = True  # False: retired


@dataclass(frozen=True)
class MenuRow:
    code: str
    category: str
    name_ja: str
    name_en: str
    price: int
    cast_credit: bool
    active: bool = True  # False: retired
    sort_order: int | None = None  # None: sent by a till that did not say
    available_from: str | None = None  # an event item's business days, YYYY-MM-DD
    available_until: str | None = None


def _utc(moment: datetime) -> datetime:
    """The SQLite central keeps UTC without an offset; PostgreSQL returns it aware."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def _cursor_and_filter(conn: Connection, since: int):
    """The cursor to hand back, read *before* the changes, and the filter of the changes.

    SQLite: ``ingest_id``. A writer holds the whole database until it commits,
    so ids become visible in order, and everything up to the largest id seen
    has been read.

    PostgreSQL: identity values are handed out when rows are inserted, not
    when they commit, so a batch still running may commit id 41 after id 42
    was read, and an ``ingest_id`` cursor of 42 would skip it for ever. The
    cursor is therefore a transaction id: the oldest transaction still running
    when we looked (``pg_snapshot_xmin``). Every transaction older than it has
    finished, so its events were visible to the read that follows; anything
    newer is read again next time (events carry the ``xid`` that wrote them).
    Reading a producer twice is harmless, the pull stores states, not deltas,
    and new events are never held back by a long transaction, only re-read.
    """
    if conn.dialect.name == "postgresql":
        oldest_running = conn.scalar(
            select(literal_column("pg_snapshot_xmin(pg_current_snapshot())::text::bigint")))
        return max(since, oldest_running), literal_column("events.xid") >= since
    newest = conn.scalar(select(func.coalesce(func.max(events.c.ingest_id), 0)))
    return max(since, newest), events.c.ingest_id > since


def changed_producers(conn: Connection, since: int) -> tuple[list[ProducerState], int]:
    """Producers touched by events after the cursor, as they stand now; and the new cursor.

    Start with 0; keep the returned cursor for the next call (to this database).
    """
    cursor, after = _cursor_and_filter(conn, since)
    touched = select(events.c.login_id).where(after, events.c.login_id.is_not(None))
    rows = conn.execute(
        select(producer_balances.c.login_id, producers.c.created_at,
               producer_balances.c.spend_points, producer_balances.c.vote_points)
        .join(producers, producers.c.login_id == producer_balances.c.login_id)
        .where(producer_balances.c.login_id.in_(touched))
        .order_by(producer_balances.c.login_id)
    ).all()
    cards: dict[str, list[CardState]] = {}
    for login, number, status, issued_at in conn.execute(
        select(card_states.c.login_id, card_states.c.number, card_states.c.status,
               card_states.c.issued_at)
        .where(card_states.c.login_id.in_(touched))
        .order_by(card_states.c.issued_at, card_states.c.number)
    ):
        cards.setdefault(login, []).append(CardState(number, status, _utc(issued_at)))
    states = [ProducerState(login, _utc(created), int(spend), int(vote),
                            tuple(cards.get(login, ())))
              for login, created, spend, vote in rows]
    return states, cursor


def ranking(conn: Connection, months: list[str]) -> list[BoardRow]:
    """The board of each month asked for, best first (the monthly ranking view)."""
    if not months:
        return []
    r = monthly_cast_ranking.c
    rows = conn.execute(select(r.business_month, r.cast_code, r.points, r.last_vote_at)
                        .where(r.business_month.in_(months))
                        .order_by(r.business_month, r.place))
    return [BoardRow(month, code, int(points), _utc(last)) for month, code, points, last in rows]


def acknowledged(conn: Connection, terminal: int) -> int:
    """The newest sequence number of that terminal's events here (0: none yet).

    A till sends its events in order and commits a batch only after the one
    before it (sync/push.py), so the central database holds exactly that
    terminal's events up to this number: in the same snapshot, its balances
    count those and no other.
    """
    return conn.scalar(select(func.coalesce(func.max(events.c.seq), 0))
                       .where(events.c.terminal == terminal))


def numbered_from(conn: Connection, terminal: int, seq: int) -> dict[int, str]:
    """seq -> event id of that terminal's events from a sequence number on.

    What a till compares its own numbers with before it pushes (sync/numbering.py):
    read by the (terminal, seq) key, and usually a row or two.
    """
    e = events.c
    return dict(conn.execute(select(e.seq, e.event_id)
                             .where(e.terminal == terminal, e.seq >= seq)).all())


@dataclass(frozen=True)
class TillHistory:
    """A till's numbers and closed nights at the central database, from a sequence number on."""

    check_number: int = 0
    refund_number: int = 0
    closed_nights: tuple[tuple[str, str], ...] = ()  # (business day, closed at), ISO text
    settled_checks: tuple[str, ...] = ()  # check uuids


def history_from(conn: Connection, terminal: int, seq: int) -> TillHistory:
    """What a restored store lost: read through the (terminal, seq) key, as numbered_from."""
    rows = conn.execute(text(
        "SELECT check_number, refund_number, closed_day, closed_at, settled_check "
        "FROM terminal_history WHERE terminal = :terminal AND seq >= :seq ORDER BY seq"),
        {"terminal": terminal, "seq": seq}).all()
    return TillHistory(max((r.check_number or 0 for r in rows), default=0),
                       max((r.refund_number or 0 for r in rows), default=0),
                       tuple((r.closed_day, r.closed_at) for r in rows if r.closed_day),
                       tuple(r.settled_check for r in rows if r.settled_check))


def refusals(conn: Connection, terminal: int) -> list[Refusal]:
    """The votes of that terminal the central database refused, oldest first."""
    v = vote_refusals.c
    rows = conn.execute(select(v.event_id, v.login_id, v.points, v.reason, v.refused_at)
                        .join(events, events.c.event_id == v.event_id)
                        .where(v.terminal == terminal).order_by(events.c.seq))
    return [Refusal(event_id, login, points, reason, _utc(at))
            for event_id, login, points, reason, at in rows]


def cast_roster(conn: Connection) -> list[CastRow]:
    """The newest version of each cast member any till sent."""
    c = cast_roster_view.c
    return [CastRow(code, name, romaji, bool(active)) for code, name, romaji, active in
            conn.execute(select(c.code, c.stage_name, c.romaji, c.active).order_by(c.code))]


def menu(conn: Connection) -> list[MenuRow]:
    """The newest version of each menu item any till sent."""
    m = menu_items.c
    rows = conn.execute(select(m.code, m.category, m.name_ja, m.name_en, m.price, m.cast_credit,
                               m.active, m.sort_order, m.available_from, m.available_until)
                        .order_by(m.code))
    return [MenuRow(code, category, ja, en, int(price), bool(credit), bool(active), order,
                    first, last)
            for code, category, ja, en, price, credit, active, order, first, last in rows]

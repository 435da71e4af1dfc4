"""Ingesting a batch of till events: idempotent, projected in the same transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, insert, update
from sqlalchemy.dialects import postgresql, sqlite

from bp_till.central.schema import (
    cards,
    cast_credits,
    day_summaries,
    events,
    points_ledger,
    producers,
)


@dataclass(frozen=True)
class Event:
    event_id: str
    terminal: int
    seq: int
    type: str
    version: int
    payload: dict


def _insert_once(conn: Connection, event: Event, received_at: datetime) -> bool:
    """Insert the event unless its id is known; say if it was new.

    Only a known event id is skipped. A *different* event with a (terminal, seq)
    already taken means two tills share a terminal number, or a till was
    reinstalled with an empty store: the unique constraint refuses it and the
    batch fails loudly, rather than its sales and cards being dropped.
    """
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(events).values(
        event_id=event.event_id, terminal=event.terminal, seq=event.seq, type=event.type,
        version=event.version, payload=event.payload, received_at=received_at,
    ).on_conflict_do_nothing(index_elements=["event_id"]).returning(events.c.event_id)
    # RETURNING, not rowcount: the driver reports -1 for a Core insert on PostgreSQL.
    return conn.execute(statement).first() is not None


def _when(iso: str) -> datetime:
    """UTC, so the SQLite central (which drops offsets) and PostgreSQL agree."""
    return datetime.fromisoformat(iso).astimezone(UTC)


def _live_card(conn: Connection, p: dict, issued_at: str) -> None:
    conn.execute(insert(cards).values(
        number=p["card_number"], login_id=p["login_id"], status="live",
        issued_at=_when(issued_at),
    ))


def _card_issued(conn: Connection, event: Event) -> None:
    p = event.payload
    conn.execute(insert(producers).values(
        login_id=p["login_id"], password_hash=p["password_hash"],
        created_at=_when(p["issued_at"]), home_terminal=event.terminal,
    ))
    _live_card(conn, p, p["issued_at"])


def _card_replaced(conn: Connection, event: Event) -> None:
    p = event.payload
    if p["old_card_number"]:
        conn.execute(update(cards).where(cards.c.number == p["old_card_number"]).values(status="replaced"))
    _live_card(conn, p, p["replaced_at"])
    _password_reset(conn, event)  # a replacement card comes with a new password


def _password_reset(conn: Connection, event: Event) -> None:
    p = event.payload
    conn.execute(update(producers).where(producers.c.login_id == p["login_id"])
                 .values(password_hash=p["password_hash"]))


def _ledger(conn: Connection, event: Event, login_id: str, reason: str,
            deltas: Iterable[tuple[str, int]], note: str | None = None) -> None:
    rows = [dict(event_id=event.event_id, login_id=login_id, kind=kind, delta=delta,
                 reason=reason, note=note) for kind, delta in deltas if delta]
    if rows:
        conn.execute(insert(points_ledger), rows)


def _cast_credits(conn: Connection, event: Event, sign: int = 1) -> None:
    """Cheki and cast drinks per cast member; a void or refund credits them back (sign -1)."""
    p = event.payload
    credits = [
        dict(event_id=event.event_id, cast_code=line["cast_code"], business_day=p["business_day"],
             category=line["category"], quantity=sign * line["quantity"],
             amount=sign * line["unit_price"] * line["quantity"])
        for line in p["lines"] if line["cast_code"]
    ]
    if credits:
        conn.execute(insert(cast_credits), credits)


def _check_points(conn: Connection, event: Event, reason: str) -> None:
    p = event.payload
    if p["login_id"]:
        _ledger(conn, event, p["login_id"], reason,
                [("spend", p["spend_points"]), ("vote", p["vote_points"])])


def _check_settled(conn: Connection, event: Event) -> None:
    _check_points(conn, event, "check")
    _cast_credits(conn, event)


def _check_voided(conn: Connection, event: Event) -> None:
    """A void the same night: its points come back (negative in the payload), credits too."""
    _check_points(conn, event, "void")
    _cast_credits(conn, event, sign=-1)


def _check_refunded(conn: Connection, event: Event) -> None:
    """A refund counts on its own business day, which the payload's business_day names."""
    _check_points(conn, event, "refund")
    _cast_credits(conn, event, sign=-1)


def _day_closed(conn: Connection, event: Event) -> None:
    p = event.payload
    conn.execute(insert(day_summaries).values(
        terminal=event.terminal, business_day=p["business_day"], figures=p["figures"],
        closed_at=_when(p["closed_at"]), event_id=event.event_id,
    ))


def _points_adjusted(conn: Connection, event: Event) -> None:
    p = event.payload
    _ledger(conn, event, p["login_id"], "adjustment",
            [("spend", p["spend_delta"]), ("vote", p["vote_delta"])], p["reason"])


PROJECTIONS: dict[str, Callable[[Connection, Event], None]] = {
    "card.issued": _card_issued,
    "card.replaced": _card_replaced,
    "password.reset": _password_reset,
    "check.settled": _check_settled,
    "check.voided": _check_voided,
    "check.refunded": _check_refunded,
    "points.adjusted": _points_adjusted,
    "day.closed": _day_closed,
}


def ingest(conn: Connection, batch: Iterable[Event]) -> int:
    """Record and project each new event of a batch; returns how many were new.

    Runs inside the caller's transaction: the batch lands whole or not at all.
    Events the central side knows already are skipped, so a batch sent twice
    counts once. Types without a projection (menu, cast) are kept as events.
    """
    received_at = datetime.now(UTC)
    new = 0
    for event in batch:
        if _insert_once(conn, event, received_at):
            new += 1
            project = PROJECTIONS.get(event.type)
            if project:
                project(conn, event)
    return new

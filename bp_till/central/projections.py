"""What each kind of till event adds to the central tables, collected per batch.

This is the ingest an SQLite central runs (ingest_in_python), and the
reference for the SQL function a PostgreSQL central runs instead
(ingest_function.py): the two must write the same rows
(tests/central/test_ingest_parity.py), so a change here is a change there.

A projection only appends rows to a `Projection`; the ingest writes them with
one INSERT per table once the whole batch is projected. Nothing here reads
the database: the vote balances it needs are read (under the producers'
locks) before projecting, and kept up to date as the batch's own ledger rows
are added, so a batch's votes are checked in event order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import NamedTuple

from sqlalchemy import Connection, Table

from bp_till.central.bulk import insert_tables
from bp_till.central.schema import (
    WRITE_ORDER,
    card_retirements,
    cards,
    cast_credits,
    cast_versions,
    credentials,
    day_summaries,
    menu_versions,
    points_ledger,
    producers,
    vote_refusals,
    votes,
)
from bp_till.central.totals import add_to_totals
from bp_till.domain.business_day import business_month

NOT_ENOUGH = "not enough vote points"
UNKNOWN_PRODUCER = "unknown producer"


class Event(NamedTuple):
    """An event as the till stored it in its outbox, the payload as its JSON text."""

    event_id: str
    terminal: int
    seq: int
    type: str
    version: int
    payload: str


@dataclass(frozen=True)
class Arrived:
    """An event new to the central database, with its place in the order of arrival."""

    event: Event
    payload: dict  # decoded
    ingest_id: int
    received_at: datetime


def when(iso: str) -> datetime:
    """UTC, so the SQLite central (which drops offsets) and PostgreSQL agree."""
    return datetime.fromisoformat(iso).astimezone(UTC)


class Projection:
    """The rows a batch's new events project into, table by table."""

    def __init__(self, vote_balances: dict[str, int | None]) -> None:
        self.rows: dict[Table, list[dict]] = {table: [] for table in WRITE_ORDER}
        # Vote balances of the producers this batch votes for (None: no such producer yet).
        self.vote_balances = vote_balances

    def add(self, table: Table, **row) -> None:
        self.rows[table].append(row)

    def ledger(self, event_id: str, login_id: str, reason: str,
               deltas: Iterable[tuple[str, int]], note: str | None = None) -> None:
        for kind, delta in deltas:
            if not delta:
                continue
            self.add(points_ledger, event_id=event_id, login_id=login_id, kind=kind,
                     delta=delta, reason=reason, note=note)
            if kind == "vote" and self.vote_balances.get(login_id) is not None:
                self.vote_balances[login_id] += delta

    def write(self, conn: Connection) -> None:
        """Every table's rows, parents first; the counted votes added to the board's totals."""
        insert_tables(conn, self.rows)
        add_to_totals(conn, self.rows[votes])  # last: the totals' row locks held the least


def _producer(p: Projection, a: Arrived, login_id: str, created_at: str) -> None:
    p.add(producers, login_id=login_id, created_at=when(created_at),
          home_terminal=a.event.terminal, event_id=a.event.event_id)
    if login_id in p.vote_balances:
        p.vote_balances[login_id] = 0  # votes later in this batch may spend its points


def _card(p: Projection, a: Arrived, issued_at: str) -> None:
    payload = a.payload
    p.add(cards, number=payload["card_number"], login_id=payload["login_id"],
          issued_at=when(issued_at), event_id=a.event.event_id)


def _credential(p: Projection, a: Arrived, set_at: str) -> None:
    payload = a.payload
    p.add(credentials, event_id=a.event.event_id, login_id=payload["login_id"],
          password_hash=payload["password_hash"], set_at=when(set_at))


def _card_issued(p: Projection, a: Arrived) -> None:
    issued_at = a.payload["issued_at"]
    _producer(p, a, a.payload["login_id"], issued_at)
    _card(p, a, issued_at)
    _credential(p, a, issued_at)


def _card_replaced(p: Projection, a: Arrived) -> None:
    payload = a.payload
    if payload["old_card_number"]:
        p.add(card_retirements, number=payload["old_card_number"], event_id=a.event.event_id,
              retired_at=when(payload["replaced_at"]))
    _card(p, a, payload["replaced_at"])
    _credential(p, a, payload["replaced_at"])  # a replacement card comes with a new password


def _password_reset(p: Projection, a: Arrived) -> None:
    _credential(p, a, a.payload["reset_at"])


def _cast_credits(p: Projection, a: Arrived, sign: int = 1) -> None:
    """Cheki and cast drinks per cast member; a void or refund credits them back (sign -1)."""
    payload = a.payload
    for line in payload["lines"]:
        if line["cast_code"]:
            p.add(cast_credits, event_id=a.event.event_id, cast_code=line["cast_code"],
                  business_day=payload["business_day"], category=line["category"],
                  quantity=sign * line["quantity"],
                  amount=sign * line["unit_price"] * line["quantity"])


def _check_points(p: Projection, a: Arrived, reason: str) -> None:
    payload = a.payload
    if payload["login_id"]:
        p.ledger(a.event.event_id, payload["login_id"], reason,
                 [("spend", payload["spend_points"]), ("vote", payload["vote_points"])])


def _check_settled(p: Projection, a: Arrived) -> None:
    _check_points(p, a, "check")
    _cast_credits(p, a)


def _check_voided(p: Projection, a: Arrived) -> None:
    """A void the same night: its points come back (negative in the payload), credits too."""
    _check_points(p, a, "void")
    _cast_credits(p, a, sign=-1)


def _check_refunded(p: Projection, a: Arrived) -> None:
    """A refund counts on its own business day, which the payload's business_day names."""
    _check_points(p, a, "refund")
    _cast_credits(p, a, sign=-1)


def _points_adjusted(p: Projection, a: Arrived) -> None:
    payload = a.payload
    p.ledger(a.event.event_id, payload["login_id"], "adjustment",
             [("spend", payload["spend_delta"]), ("vote", payload["vote_delta"])],
             payload["reason"])


def _votes_cast(p: Projection, a: Arrived) -> None:
    """Votes given at a till: counted if the central balance covers them, else refused whole.

    The till checked its own balance, but another till or the website may have
    spent the same points first; the till learns of a refusal at its next pull.
    """
    payload, event = a.payload, a.event
    login_id, given = payload["login_id"], payload["votes"]
    total = sum(v["points"] for v in given)
    balance = p.vote_balances.get(login_id)
    if balance is None or balance < total:
        p.add(vote_refusals, event_id=event.event_id, login_id=login_id,
              terminal=event.terminal, points=total, refused_at=a.received_at,
              reason=UNKNOWN_PRODUCER if balance is None else NOT_ENOUGH)
        return
    cast_at = when(payload["cast_at"])
    for vote in given:
        p.add(votes, event_id=event.event_id, login_id=login_id, cast_code=vote["cast_code"],
              points=vote["points"], business_month=business_month(cast_at),
              voted_at=cast_at, terminal=event.terminal)
    p.ledger(event.event_id, login_id, "vote", [("vote", -total)],
             ",".join(v["cast_code"] for v in given))


def _day_closed(p: Projection, a: Arrived) -> None:
    payload = a.payload
    p.add(day_summaries, terminal=a.event.terminal, business_day=payload["business_day"],
          figures=payload["figures"], closed_at=when(payload["closed_at"]),
          event_id=a.event.event_id)


def _cast_updated(p: Projection, a: Arrived) -> None:
    for member in a.payload["cast"]:
        p.add(cast_versions, event_id=a.event.event_id, ingest_id=a.ingest_id,
              code=member["code"], stage_name=member["stage_name"], romaji=member["romaji"],
              active=member.get("active"))


def _menu_updated(p: Projection, a: Arrived) -> None:
    for item in a.payload["items"]:
        p.add(menu_versions, event_id=a.event.event_id, ingest_id=a.ingest_id,
              code=item["code"], category=item["category"], name_ja=item["name_ja"],
              name_en=item["name_en"], price=item["price"],
              cast_credit=bool(item.get("cast_credit", False)), active=item.get("active"),
              sort_order=item.get("sort_order"), available_from=item.get("available_from"),
              available_until=item.get("available_until"))


PROJECTIONS: dict[str, Callable[[Projection, Arrived], None]] = {
    "card.issued": _card_issued,
    "card.replaced": _card_replaced,
    "password.reset": _password_reset,
    "check.settled": _check_settled,
    "check.voided": _check_voided,
    "check.refunded": _check_refunded,
    "points.adjusted": _points_adjusted,
    "votes.cast": _votes_cast,
    "day.closed": _day_closed,
    "cast.updated": _cast_updated,
    "menu.updated": _menu_updated,
}

"""This till's event numbers held against the central database's, before every push.

The central database keys events by (terminal, seq) and holds each till's
events in order, 1 … M: a till pushes them in order. Before pushing, the
till reads the central's numbers from its newest sent event on (usually a
row or two) and compares them with its own:

- the same events under the same numbers (with perhaps a few more, pushed by
  another process of this till and not yet marked sent here): push as always;
- this till's history and then more: the store was restored from a backup
  older than the last sync, and the events after it at the central database
  are this till's own, rung up before the store was lost. The numbering goes
  on after them, and the queued events rung up since the restore, which
  never left the till, move after them too (their numbers are taken). The
  central database keeps every event once; the pull that follows counts the
  queued events once (pulled_producers.queued_points), so no point vanishes
  or doubles;
- other events under this till's own numbers: another till is set up with
  the same terminal number. Nothing is pushed, and ``NumberTaken`` says what
  happened and how to recover.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import date, datetime

from sqlalchemy import Engine, update

from bp_till.central import reads
from bp_till.services.context import TillContext
from bp_till.store.models import BusinessDay, Check
from bp_till.store.uow import UnitOfWork

log = logging.getLogger(__name__)

_BIGGEST = 2**62
SETTLED_BEFORE = "Settled before the store was restored (its sale is at the central database)"


class NumberTaken(Exception):
    """The central database holds other events under this till's terminal number."""

    def __init__(self, terminal: int, seq: int, queued: int, detail: str = "") -> None:
        self.terminal, self.seq, self.queued = terminal, seq, queued
        super().__init__(taken_message(terminal, queued, detail))


def taken_message(terminal: int, queued: int, detail: str = "") -> str:
    """What a shift lead reads on the status bar's tooltip and the command line."""
    why = f" ({detail})" if detail else ""
    return (f"The central database refuses terminal {terminal}'s events: it holds other "
            f"events under terminal {terminal}'s numbers{why}, so another till is set up as "
            f"terminal {terminal} too. Give this till a number no other till uses: set "
            f"[terminal] number in its bp-till.toml and start it again (its queued events "
            f"take the new number). Nothing was sent; {queued} events stay queued here.")


def _first_to_compare(db: sqlite3.Connection, terminal: int) -> int | None:
    """This till's newest sent event, or its oldest queued one when none was sent yet.

    Events are marked sent in order, so every event before the oldest queued
    one has been sent. Both lookups run on an index.
    """
    oldest_queued = db.execute("SELECT min(seq) FROM outbox WHERE sent_at IS NULL "
                               "AND terminal = ?", (terminal,)).fetchone()[0]
    newest_sent = db.execute("SELECT max(seq) FROM outbox WHERE terminal = ? AND seq < ?",
                             (terminal, oldest_queued or _BIGGEST)).fetchone()[0]
    return newest_sent or oldest_queued


def _ours(db: sqlite3.Connection, terminal: int, low: int, high: int) -> dict[int, str]:
    return dict(db.execute("SELECT seq, event_id FROM outbox WHERE terminal = ? "
                           "AND seq BETWEEN ? AND ?", (terminal, low, high)))


def _counter(db: sqlite3.Connection) -> int:
    row = db.execute("SELECT value FROM counters WHERE name = 'outbox'").fetchone()
    return row[0] if row else 0


def _first_clash(ours: dict[int, str], theirs: dict[int, str]) -> int | None:
    """The first number under which the central database holds another event than ours."""
    return min((seq for seq, event_id in ours.items() if theirs.get(seq) != event_id),
               default=None)


def continue_numbering(ctx: TillContext, central: Engine) -> int:
    """Check this till's numbers against the central's; returns how many events moved.

    Raises ``NumberTaken`` when another till uses this terminal number.
    """
    terminal = ctx.site.terminal
    with ctx.store.read() as session:
        db = session.connection().connection.dbapi_connection
        low = _first_to_compare(db, terminal)
        if low is None:
            return 0  # nothing written yet: nothing to compare
    with central.connect() as conn:
        theirs = reads.numbered_from(conn, terminal, low)
    if not theirs:
        return 0  # the central database has none of these numbers yet
    with ctx.store.read() as session:
        db = session.connection().connection.dbapi_connection
        ours = _ours(db, terminal, low, max(theirs))
        if theirs.get(low) != ours.get(low):
            raise NumberTaken(terminal, low, _queued(db, terminal))
        if _first_clash(ours, theirs) is None and _counter(db) >= max(theirs):
            return 0  # the usual round: the same events under the same numbers
    with central.connect() as conn:
        history = reads.history_from(conn, terminal, low)
    return _move_after(ctx, terminal, low, theirs, history)


def _at_least(db: sqlite3.Connection, counter: str, value: int) -> None:
    """A counter goes on after ``value``; never back, if it is past it already."""
    db.execute("INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) "
               "DO UPDATE SET value = max(value, excluded.value)", (counter, value))


def _queued(db: sqlite3.Connection, terminal: int) -> int:
    return db.execute("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND terminal = ?",
                      (terminal,)).fetchone()[0]


def _move_after(ctx: TillContext, terminal: int, low: int, theirs: dict[int, str],
                history: reads.TillHistory) -> int:
    """Under the store's write lock (no sale in between): continue after the central's
    newest number, moving the queued events whose numbers are taken there; check and
    refund numbers go on after the lost ones, and the nights closed out stay locked."""
    top = max(theirs)
    with ctx.uow() as uow:
        db = uow.db
        clash = _first_clash(_ours(db, terminal, low, top), theirs)
        moved = 0
        if clash is not None:
            later = db.execute("SELECT seq, event_id, sent_at FROM outbox WHERE terminal = ? "
                               "AND seq >= ?", (terminal, clash)).fetchall()
            known = set(theirs.values())
            if any(sent or event_id in known for _, event_id, sent in later):
                # not a till behind its own history: events the central has come after others
                raise NumberTaken(terminal, clash, _queued(db, terminal))
            shift = top + 1 - clash
            # In two steps, through negative numbers: (terminal, seq) stays unique throughout.
            db.execute("UPDATE outbox SET seq = -(seq + ?) WHERE terminal = ? AND seq >= ?",
                       (shift, terminal, clash))
            moved = db.execute("UPDATE outbox SET seq = -seq WHERE terminal = ? AND seq < 0",
                               (terminal,)).rowcount
        newest = db.execute("SELECT coalesce(max(seq), 0) FROM outbox WHERE terminal = ?",
                            (terminal,)).fetchone()[0]
        _at_least(db, "outbox", max(top, newest))
        _catch_up(uow, history)
        uow.audit("outbox.renumbered", None, subject=f"terminal:{terminal}", moved=moved,
                  after=top, checks_after=history.check_number,
                  closed_nights=[day for day, _ in history.closed_nights])
        uow.commit()
    log.warning("The central database holds terminal %d's events up to %d, more than this "
                "store (restored from a backup?): numbering continues after it, %d queued "
                "events moved after it", terminal, top, moved)
    return moved


def _catch_up(uow: UnitOfWork, history: reads.TillHistory) -> None:
    """A receipt's check number is never printed twice, nor a check paid or a night closed
    out twice.

    A night closed after the backup is locked again with its closing time; its
    report is what the restored store holds (the lost sales' figures are at the
    central database, in its day summary).
    """
    for name, value in (("check", history.check_number), ("refund", history.refund_number)):
        if value:
            _at_least(uow.db, name, value)
    # Open in the backup, paid after it: never paid twice, off the floor with the reason.
    if history.settled_checks:
        uow.session.execute(update(Check).where(Check.uuid.in_(history.settled_checks),
                                                Check.status == "open")
                            .values(status="voided", void_reason=SETTLED_BEFORE,
                                    closed_at=uow.now))
    for day, closed_at in history.closed_nights:
        record = uow.session.get(BusinessDay, date.fromisoformat(day))
        if record is None:
            record = BusinessDay(day=date.fromisoformat(day))
            uow.session.add(record)
        if record.status != "closed":
            record.status, record.closed_at = "closed", datetime.fromisoformat(closed_at)


# counter -> (table, column, where the sequence sits in the digits: SS TT N… C)
_CARD_COUNTERS = {"login": ("producers", "login_id", slice(4, 10)),
                  "card": ("cards", "number", slice(4, 11))}


def continue_card_numbers(ctx: TillContext) -> None:
    """After a pull: this till's next card and login ID come after every one the store knows.

    A restored store counts on from the backup's numbers, while cards this
    till issued after the backup came back with the pull; a new card under
    one of those numbers would be refused. Two index lookups when all is well.
    """
    prefix = f"{ctx.site.shop_number:02d}{ctx.site.terminal:02d}"
    with ctx.store.read() as session:
        db = session.connection().connection.dbapi_connection
        behind = {}
        for name, (table, column, digits) in _CARD_COUNTERS.items():
            newest = db.execute(f"SELECT max({column}) FROM {table} WHERE {column} > ? "
                                f"AND {column} < ?", (prefix, prefix + ":")).fetchone()[0]
            row = db.execute("SELECT value FROM counters WHERE name = ?", (name,)).fetchone()
            if newest and int(newest[digits]) > (row[0] if row else 0):
                behind[name] = int(newest[digits])
    if not behind:
        return
    with ctx.uow() as uow:
        for name, value in behind.items():
            _at_least(uow.db, name, value)
        uow.commit()
    log.warning("Cards and login IDs of terminal %d continue after %s (the store was behind "
                "the central database)", ctx.site.terminal, behind)


def last_number(ctx: TillContext) -> int:
    """The number this till's newest event took; the next one gets the one after."""
    with ctx.store.read() as session:
        return _counter(session.connection().connection.dbapi_connection)

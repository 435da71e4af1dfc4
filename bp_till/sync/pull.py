"""Pull: what other tills and the website changed, brought into this till's store.

Read from the central database first, then written here: producers (with
their cards and balances), the ranking board of this month and the last,
this till's votes the central database refused, and the newest cast and
menu (see ``apply`` for the transactions). Nothing written here goes to the outbox: the
central database already knows it, so nothing echoes back.

The balance a till shows is the central one plus this till's events the
central database does not have yet. Everything is read in one snapshot of
the central database, with the newest sequence number of this till's events
in it; the events after that number are added from the outbox, inside the
write transaction that sets the balance. So a check settled while the pull
ran is counted, and an event pushed meanwhile by another process on this till
(`bp-till sync --once` beside the till's own worker) or pushed but not yet
marked sent is counted once, not never or twice, whatever its sent mark says.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, delete, select

from bp_till.central import reads
from bp_till.domain.business_day import business_month, previous_month
from bp_till.services.context import TillContext
from bp_till.store.models import BoardEntry, SyncCursor, VoteRefusal
from bp_till.store.uow import UnitOfWork
from bp_till.sync import pulled_masterdata, pulled_producers

PRODUCERS_CURSOR = "producers"


@dataclass(frozen=True)
class Pulled:
    """What the central database said, read before anything is written here."""

    producers: list[reads.ProducerState]
    cursor: int
    acknowledged: int  # this till's newest event that the producers' figures count
    months: list[str]
    board: list[reads.BoardRow]
    refusals: list[reads.Refusal]
    cast: list[reads.CastRow]
    menu: list[reads.MenuRow]


@dataclass(frozen=True)
class PullResult:
    producers: int = 0  # created or changed here
    board: int = 0  # board rows that moved
    refusals: int = 0  # refused votes newly known
    masterdata: int = 0  # cast and menu rows created or changed

    @property
    def changes(self) -> int:
        return self.producers + self.board + self.refusals + self.masterdata


def board_months(now: datetime) -> list[str]:
    """This business month and the one before (its winner is shown until it is old news)."""
    current = business_month(now)
    return [previous_month(current), current]


def fetch(conn: Connection, since: int, months: list[str], terminal: int) -> Pulled:
    """Every read in one snapshot (see ``one_snapshot``)."""
    states, cursor = reads.changed_producers(conn, since)
    return Pulled(states, cursor, reads.acknowledged(conn, terminal), months,
                  reads.ranking(conn, months), reads.refusals(conn, terminal),
                  reads.cast_roster(conn), reads.menu(conn))


def one_snapshot(conn: Connection) -> Connection:
    """A read transaction whose statements all see the database as it was at its first.

    PostgreSQL: REPEATABLE READ. SQLite: an explicit BEGIN (its driver starts no
    transaction for a SELECT), which in WAL mode reads one snapshot until it ends.
    """
    if conn.dialect.name == "postgresql":
        return conn.execution_options(isolation_level="REPEATABLE READ")
    conn.exec_driver_sql("BEGIN")
    return conn


def _where(central: Engine) -> str:
    return central.url.render_as_string(hide_password=True)


def _cursor(ctx: TillContext, central: str) -> int:
    """Where the last pull from this central database stopped; 0 for another one.

    A cursor means nothing to another database (a till moved from the embedded
    SQLite central to the shop's PostgreSQL): there the pull starts over.
    """
    with ctx.store.read() as session:
        value = session.scalar(select(SyncCursor.value).where(SyncCursor.name == PRODUCERS_CURSOR))
    saved = json.loads(value) if value else {}
    return int(saved["cursor"]) if saved.get("central") == central else 0


def pull(ctx: TillContext, central: Engine) -> PullResult:
    """Read the central side, then write it here."""
    months, where = board_months(ctx.clock.now()), _where(central)
    with central.connect() as conn:
        pulled = fetch(one_snapshot(conn), _cursor(ctx, where), months, ctx.site.terminal)
    return apply(ctx, pulled, where)


def apply(ctx: TillContext, pulled: Pulled, central: str) -> PullResult:
    """Write what was pulled: refusals, board and master data first, then the producers.

    A first pull can bring tens of thousands of producers, which would hold
    the store's write lock for seconds while a cashier waits to settle; so
    producers are written a chunk per transaction, each reading the queued
    events inside itself. The cursor moves with the last chunk only: a pull
    cut short reads the same producers again, and writing a state twice is
    harmless. Refusals come first, so their points are back before the
    balances are set from the central figures (which never took them).
    """
    with ctx.uow() as uow:
        refused = _refusals(uow, pulled.refusals)
        board = _board(uow, pulled.months, pulled.board)
        master = pulled_masterdata.apply(uow, pulled.cast, pulled.menu)
        uow.commit()
    chunks = [pulled.producers[i:i + pulled_producers.CHUNK]
              for i in range(0, len(pulled.producers), pulled_producers.CHUNK)] or [[]]
    changed = 0
    for n, chunk in enumerate(chunks, 1):
        with ctx.uow() as uow:
            changed += pulled_producers.apply(uow, chunk, pulled.acknowledged)
            if n == len(chunks):
                cursor = json.dumps({"central": central, "cursor": pulled.cursor})
                uow.session.merge(SyncCursor(name=PRODUCERS_CURSOR, value=cursor))
            uow.commit()
    return PullResult(changed, board, refused, master)


def _refusals(uow: UnitOfWork, refusals: list[reads.Refusal]) -> int:
    """Record votes newly refused and give their points back here.

    The central balance never took them, so the till's own ledger takes the
    vote back too (reason ``refused``): the sum of the tills' ledgers stays
    the central figure.
    """
    known = set(uow.session.scalars(select(VoteRefusal.event_id)))
    new = [r for r in refusals if r.event_id not in known]
    for refusal in new:
        uow.session.add(VoteRefusal(event_id=refusal.event_id, login_id=refusal.login_id,
                                    points=refusal.points, reason=refusal.reason,
                                    refused_at=refusal.refused_at))
        pulled_producers.give_back(uow, refusal.login_id, refusal.points,
                                   f"vote refused: {refusal.reason}")
    return len(new)


def _board(uow: UnitOfWork, months: list[str], rows: list[reads.BoardRow]) -> int:
    """Replace each month's rows; count those that are new or moved."""
    old = {(e.business_month, e.cast_code): (e.points, e.last_vote_at)
           for e in uow.session.scalars(select(BoardEntry)
                                        .where(BoardEntry.business_month.in_(months)))}
    uow.session.execute(delete(BoardEntry).where(BoardEntry.business_month.in_(months)))
    moved = 0
    for row in rows:
        key = (row.business_month, row.cast_code)
        moved += old.pop(key, None) != (row.points, row.last_vote_at)
        uow.session.add(BoardEntry(business_month=row.business_month, cast_code=row.cast_code,
                                   points=row.points, last_vote_at=row.last_vote_at,
                                   pulled_at=uow.now))
    return moved + len(old)  # rows gone from the board moved too

"""A till's terminal number: its queued events carry it, and it cannot change once they left.

Every outbox event carries the terminal number it was written under, and the
central database keys events by (terminal, seq). A till set up as terminal 1
and then given ``[terminal] number = 2`` (the demo menu and cast were written
first) would send its first events as terminal 1, where another till's
events already are. So when the till opens, events written under another
number take the configured one, if it is still safe: none of them left the
till (the central database has never seen them) and none issued a card (a
printed card carries the terminal number in its digits). Otherwise the till
refuses to open with that number and says why.
"""

from __future__ import annotations

import logging

from bp_till.domain.errors import TillError
from bp_till.services.context import TillContext

log = logging.getLogger(__name__)

# Events whose payload prints the terminal number on paper (card and login digits).
_NUMBERED_ON_PAPER = ("card.issued", "card.replaced", "password.reset")


class TerminalNumberFixed(TillError):
    """The store's events went to the central database (or onto cards) under another number."""


def adopt_terminal_number(ctx: TillContext) -> int:
    """Give the configured number to events written under another one; how many moved.

    Costs two index lookups when every event already carries the number (the usual case).
    """
    terminal = ctx.site.terminal
    with ctx.store.read() as session:  # no write lock for the usual answer
        low, high = session.connection().exec_driver_sql(
            "SELECT min(terminal), max(terminal) FROM outbox").one()
    if low is None or low == high == terminal:
        return 0
    with ctx.uow() as uow:
        other = "terminal != ?"
        old = sorted({t for (t,) in uow.db.execute(
            f"SELECT DISTINCT terminal FROM outbox WHERE {other}", (terminal,))})
        sent = uow.db.execute(f"SELECT count(*) FROM outbox WHERE {other} AND sent_at IS NOT NULL",
                              (terminal,)).fetchone()[0]
        if sent:
            newest = uow.db.execute("SELECT terminal FROM outbox ORDER BY seq DESC LIMIT 1"
                                    ).fetchone()[0]
            if newest == terminal:
                return 0  # renumbered long ago and in use since: the old events are history
            raise TerminalNumberFixed(
                f"This till sent its events to the central database as terminal "
                f"{_names(old)}, so it cannot become terminal {terminal}: a till keeps its "
                f"number once it has synced. Keep [terminal] number = {old[-1]} in "
                f"bp-till.toml; a new till gets its own data folder (bp-till init --terminal N).")
        cards = uow.db.execute(
            f"SELECT count(*) FROM outbox WHERE {other} AND type IN "
            f"({', '.join('?' * len(_NUMBERED_ON_PAPER))})",
            (terminal, *_NUMBERED_ON_PAPER)).fetchone()[0]
        if cards:
            raise TerminalNumberFixed(
                f"This till issued producer cards as terminal {_names(old)} (the number is in "
                f"their digits), so it cannot become terminal {terminal}. Keep [terminal] "
                f"number = {old[-1]} in bp-till.toml, or set the till up afresh in a new data "
                f"folder (bp-till init --terminal {terminal}).")
        moved = uow.db.execute(f"UPDATE outbox SET terminal = ? WHERE {other}",
                               (terminal, terminal)).rowcount
        uow.audit("terminal.renumbered", None, subject=f"terminal:{terminal}",
                  events=moved, was=old)
        uow.commit()
    log.info("%d queued events written as terminal %s now carry terminal %d (none had left "
             "the till)", moved, _names(old), terminal)
    return moved


def _names(numbers: list[int]) -> str:
    return " and ".join(str(n) for n in numbers)

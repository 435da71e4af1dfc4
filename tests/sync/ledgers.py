"""What a test compares after a fault: the tills' own ledgers against the central figures.

A till's own ledger is every points movement it made itself; rows a pull
wrote (reason ``sync``: figures another till or the website changed) are
left out, so the sum over all tills is what the central database must hold.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Engine, func, select, text

from bp_till.central.schema import events
from bp_till.services.context import TillContext
from bp_till.store.models import OutboxEvent, PointsEntry, Producer

PULLED = "sync"


def own_ledger(ctx: TillContext) -> dict[str, tuple[int, int]]:
    """login -> (spend, vote) summed over the points this till moved itself."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with ctx.store.read() as session:
        rows = session.execute(
            select(Producer.login_id, PointsEntry.kind, func.sum(PointsEntry.delta))
            .join(Producer, Producer.id == PointsEntry.producer_id)
            .where(PointsEntry.reason != PULLED)
            .group_by(Producer.login_id, PointsEntry.kind)
        ).all()
    for login, kind, delta in rows:
        totals[login][0 if kind == "spend" else 1] += delta
    return {login: (s, v) for login, (s, v) in totals.items() if s or v}


def sum_of_ledgers(*tills: TillContext) -> dict[str, tuple[int, int]]:
    total: dict[str, tuple[int, int]] = {}
    for till in tills:
        for login, (spend, vote) in own_ledger(till).items():
            old = total.get(login, (0, 0))
            total[login] = (old[0] + spend, old[1] + vote)
    return {login: pair for login, pair in total.items() if any(pair)}


def shown_balances(ctx: TillContext) -> dict[str, tuple[int, int]]:
    """What the till shows for each producer it knows (the cached totals)."""
    with ctx.store.read() as session:
        rows = session.execute(select(Producer.login_id, Producer.spend_points,
                                      Producer.vote_points)).all()
    return {login: (spend, vote) for login, spend, vote in rows}


def central_balances(central: Engine) -> dict[str, tuple[int, int]]:
    with central.connect() as conn:
        rows = conn.execute(text("SELECT login_id, spend_points, vote_points FROM producer_balances"))
        return {login: (int(s), int(v)) for login, s, v in rows if s or v}


def central_event_ids(central: Engine) -> list[str]:
    with central.connect() as conn:
        return sorted(conn.execute(select(events.c.event_id)).scalars())


def outbox_ids(ctx: TillContext) -> list[str]:
    with ctx.store.read() as session:
        return sorted(session.scalars(select(OutboxEvent.event_id)))


def unsent(ctx: TillContext) -> int:
    with ctx.store.read() as session:
        return session.scalar(select(func.count()).select_from(OutboxEvent)
                              .where(OutboxEvent.sent_at.is_(None)))


def assert_counted_once(central: Engine, *tills: TillContext) -> None:
    """Every event of every till at the central database once, none else, none queued;
    the central balances are the sum of the tills' own ledgers."""
    # A set: tills copied from one test store share its first (menu and cast) events.
    written = sorted({i for till in tills for i in outbox_ids(till)})
    assert central_event_ids(central) == written
    assert [unsent(till) for till in tills] == [0] * len(tills)
    assert central_balances(central) == sum_of_ledgers(*tills)

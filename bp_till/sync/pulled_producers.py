"""Producers as the central database has them, written into this till's store.

A producer issued at another till is created here with their cards (and no
password hash: the till never needs one it did not make). A card replaced
elsewhere is marked replaced, so a scan here refuses it. The balance becomes
the central one plus this till's points events the central figures do not
count yet (those after the acknowledged sequence number); the difference
is a ledger row of reason ``sync``, so the cached totals stay the sum of the
ledger and the rows this till moved itself stay apart from what others did.
"""

from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import select

from bp_till.central.reads import CardState, ProducerState
from bp_till.store.models import Card, OutboxEvent, PointsEntry, Producer
from bp_till.store.uow import UnitOfWork

PULLED = "sync"  # ledger reason: points moved at another till or on the website
REFUSED = "refused"  # ledger reason: a vote from here the central database refused
CHUNK = 500  # producers per write transaction (about 0.2 s of the store's write lock)


def _check_points(p: dict) -> tuple[int, int]:
    return p["spend_points"], p["vote_points"]


# What each queued event adds to its producer's balance: (spend, vote).
QUEUED_POINTS = {
    "check.settled": _check_points,
    "check.voided": _check_points,  # negative in the payload
    "check.refunded": _check_points,
    "points.adjusted": lambda p: (p["spend_delta"], p["vote_delta"]),
    "votes.cast": lambda p: (0, -sum(v["points"] for v in p["votes"])),
}


def queued_points(uow: UnitOfWork, acknowledged: int) -> dict[str, tuple[int, int]]:
    """login -> (spend, vote) of this till's events after the central database's newest.

    By sequence number, not by sent mark: an event pushed but not yet marked
    (another process's push, or one cut short) is in the central figures.
    """
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    rows = uow.session.execute(
        select(OutboxEvent.type, OutboxEvent.payload)
        .where(OutboxEvent.seq > acknowledged, OutboxEvent.type.in_(QUEUED_POINTS))
    )
    for kind, payload in rows:
        p = json.loads(payload)
        if p.get("login_id"):
            spend, vote = QUEUED_POINTS[kind](p)
            totals[p["login_id"]][0] += spend
            totals[p["login_id"]][1] += vote
    return {login: (spend, vote) for login, (spend, vote) in totals.items()}


def apply(uow: UnitOfWork, states: list[ProducerState], acknowledged: int) -> int:
    """Write each producer's state (at most CHUNK); returns how many were created or changed.

    ``acknowledged``: this till's newest event the states count (see ``queued_points``).
    """
    if not states:
        return 0
    queued = queued_points(uow, acknowledged)  # in the write transaction: no sale meanwhile
    known = {p.login_id: p for p in uow.session.scalars(
        select(Producer).where(Producer.login_id.in_([s.login_id for s in states])))}
    numbers = [c.number for s in states for c in s.cards]
    cards = {c.number: c for c in uow.session.scalars(select(Card).where(Card.number.in_(numbers)))}
    fresh = [Producer(login_id=s.login_id, password_hash=None, created_at=s.created_at,
                      spend_points=0, vote_points=0)
             for s in states if s.login_id not in known]
    if fresh:
        uow.session.add_all(fresh)
        uow.session.flush()  # their ids, for their cards and ledger rows
        known.update((p.login_id, p) for p in fresh)
    created = {p.login_id for p in fresh}
    changed = len(created)
    for state in states:
        producer = known[state.login_id]
        moved = _cards(uow, producer, state.cards, cards)
        moved |= _balance(uow, producer, state, queued.get(state.login_id, (0, 0)))
        changed += moved and state.login_id not in created
    return changed


def _cards(uow: UnitOfWork, producer: Producer, cards: tuple[CardState, ...],
           local: dict[str, Card]) -> bool:
    """New cards added, cards replaced elsewhere marked so. A card replaced here stays
    replaced even if the central database has not heard of it yet."""
    newest_live = max((c.issued_at for c in cards if c.status == "live"), default=uow.now)
    changed = False
    for state in cards:
        card = local.get(state.number)
        if card is None:
            replaced_at = None if state.status == "live" else newest_live
            uow.session.add(Card(number=state.number, producer_id=producer.id, status=state.status,
                                 issued_at=state.issued_at, replaced_at=replaced_at))
            changed = True
        elif state.status == "replaced" and card.status == "live":
            card.status, card.replaced_at = "replaced", newest_live
            changed = True
    return changed


def _balance(uow: UnitOfWork, producer: Producer, state: ProducerState,
             queued: tuple[int, int]) -> bool:
    # Never below zero (the store refuses it): a vote queued here against points another
    # till spent first is refused centrally, and the next pull gives the rest back.
    target = (max(0, state.spend_points + queued[0]), max(0, state.vote_points + queued[1]))
    deltas = (target[0] - producer.spend_points, target[1] - producer.vote_points)
    for kind, delta in zip(("spend", "vote"), deltas, strict=True):
        if delta:
            uow.session.add(PointsEntry(producer_id=producer.id, kind=kind, delta=delta,
                                        reason=PULLED, note="central balance",
                                        created_at=uow.now))
    producer.spend_points, producer.vote_points = target
    return any(deltas)


def give_back(uow: UnitOfWork, login_id: str, points: int, note: str) -> None:
    """Vote points the central database never took, back in this till's ledger."""
    producer = uow.session.scalars(select(Producer).where(Producer.login_id == login_id)).first()
    if producer is None or points <= 0:
        return  # a vote from here names a producer known here; nothing else to give back
    uow.session.add(PointsEntry(producer_id=producer.id, kind="vote", delta=points,
                                reason=REFUSED, note=note, created_at=uow.now))
    producer.vote_points += points

"""Producer accounts and their cards: issue, look up, replace, reset, adjust.

The plain password is generated here, hashed here, and handed back to the
caller once (for the slip); it is never stored, logged or sent anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, bindparam, select

from bp_till.domain import identifiers
from bp_till.domain.credentials import generate_password, hash_password
from bp_till.domain.errors import CardReplaced, InvalidInput, NotFound
from bp_till.domain.money import require_whole
from bp_till.domain.points import Rank, rank_progress
from bp_till.services.context import TillContext
from bp_till.services.inputs import required_reason
from bp_till.services.refusals import audits_refusals
from bp_till.services.staff import Approval, StaffMember, authorize
from bp_till.services.training import refuse_in_training
from bp_till.store.models import Card, PointsEntry, Producer
from bp_till.store.uow import UnitOfWork

MAX_ADJUSTMENT = 1_000_000


@dataclass(frozen=True)
class IssuedCard:
    """A new card and its credentials; ``password`` exists only in this object."""

    producer_id: int
    login_id: str
    card_number: str
    password: str
    issued_at: datetime

    def __repr__(self) -> str:  # keep the password out of tracebacks and logs
        return f"IssuedCard(login_id={self.login_id!r}, card_number={self.card_number!r})"


@dataclass(frozen=True)
class ProducerView:
    producer_id: int
    login_id: str
    card_number: str | None
    spend_points: int
    vote_points: int
    rank: Rank
    next_rank: Rank | None
    points_to_next: int


def _new_card(uow: UnitOfWork, ctx: TillContext, producer: Producer) -> Card:
    number = identifiers.card_number(
        ctx.site.shop_number, ctx.site.terminal, uow.next_number("card")
    )
    card = Card(number=number, producer=producer, status="live", issued_at=uow.now)
    uow.session.add(card)
    return card


def _fresh_password() -> tuple[str, str]:
    """A new password and its hash, made before the transaction: argon2 is slow on purpose."""
    password = generate_password()
    return password, hash_password(password)


def issue_producer(ctx: TillContext, actor: StaffMember) -> IssuedCard:
    """A first visit: a new account, its first card and a random password."""
    password, password_hash = _fresh_password()
    with ctx.uow() as uow:
        refuse_in_training(uow, "issue a producer card")
        login = identifiers.login_id(
            ctx.site.shop_number, ctx.site.terminal, uow.next_number("login")
        )
        producer = Producer(login_id=login, password_hash=password_hash, created_at=uow.now)
        uow.session.add(producer)
        card = _new_card(uow, ctx, producer)
        uow.session.flush()
        uow.emit(
            "card.issued",
            {
                "login_id": login,
                "card_number": card.number,
                "password_hash": password_hash,
                "issued_at": uow.now.isoformat(),
            },
        )
        uow.audit("card.issued", actor.id, subject=f"producer:{login}", card=card.number)
        uow.commit()
        return IssuedCard(producer.id, login, card.number, password, uow.now)


def _scan(typed: str) -> tuple[str, str]:
    """("card", number) or ("login", login ID) from a scan or a typed ID; typos refused."""
    if identifiers.classify(typed) == "card":
        return "card", identifiers.parse_card_number(typed)
    return "login", identifiers.parse_login_id(typed)


def _refuse_card(number: str, status: str | None) -> None:
    """A card that is not known here, or was replaced, takes no one anywhere."""
    if status is None:
        raise NotFound(f"Card {identifiers.format_card_number(number)} is not known here.")
    if status == "replaced":
        raise CardReplaced(
            f"Card {identifiers.format_card_number(number)} was replaced; "
            "it no longer works. Ask for the new card."
        )


def _unknown_login(login: str) -> NotFound:
    return NotFound(f"Login ID {identifiers.format_login_id(login)} is not known here.")


def _resolve(session, typed: str) -> tuple[Producer, Card | None]:
    """The producer behind a scanned card or typed login ID; dead cards refused."""
    kind, digits = _scan(typed)
    if kind == "card":
        card = session.scalars(select(Card).where(Card.number == digits)).first()
        _refuse_card(digits, card.status if card else None)
        return card.producer, card
    producer = session.scalars(select(Producer).where(Producer.login_id == digits)).first()
    if producer is None:
        raise _unknown_login(digits)
    return producer, _live_card(session, producer)


def _live_card(session, producer: Producer) -> Card | None:
    return session.scalars(
        select(Card).where(Card.producer_id == producer.id, Card.status == "live")
    ).first()


def _view(ctx: TillContext, producer_id: int, login_id: str, card_number: str | None,
          spend: int, votes: int) -> ProducerView:
    held, upcoming, needed = rank_progress(ctx.ranks, spend)
    return ProducerView(producer_id, login_id, card_number, spend, votes, held, upcoming, needed)


def view_of(ctx: TillContext, producer: Producer, card: Card | None) -> ProducerView:
    """The view of a producer a service has just loaded (and maybe changed)."""
    return _view(ctx, producer.id, producer.login_id, card.number if card else None,
                 producer.spend_points, producer.vote_points)


# What the screens show of a producer, in one indexed read, built once: a scan at the
# counter pays neither for an ORM session nor for composing the statement again.
_PRODUCER_AND_CARD = select(
    Producer.id, Producer.login_id, Producer.spend_points, Producer.vote_points,
    Card.number, Card.status,
)
_BY_CARD = _PRODUCER_AND_CARD.join(Card, Card.producer_id == Producer.id).where(
    Card.number == bindparam("card")
)
_BY_LOGIN = _PRODUCER_AND_CARD.outerjoin(
    Card, and_(Card.producer_id == Producer.id, Card.status == "live")
).where(Producer.login_id == bindparam("login"))


def find_producer(ctx: TillContext, typed: str) -> ProducerView:
    """Look up by card number (scan) or login ID (typed)."""
    kind, digits = _scan(typed)
    with ctx.store.read_engine.connect() as conn:
        row = conn.execute(_BY_CARD if kind == "card" else _BY_LOGIN, {kind: digits}).first()
    if kind == "card":
        _refuse_card(digits, row.status if row else None)
    elif row is None:
        raise _unknown_login(digits)
    return _view(ctx, row.id, row.login_id, row.number, row.spend_points, row.vote_points)


@audits_refusals("card.replace")
def replace_card(
    ctx: TillContext, actor: StaffMember, typed: str, approval: Approval | None = None
) -> IssuedCard:
    """A lost card: a new number and password, same account and points; the old card dies."""
    _scan(typed)  # a typo is refused before it costs a PIN try or a hash
    approver = authorize(ctx, actor, "manager", approval, "replace a card")
    password, password_hash = _fresh_password()
    with ctx.uow() as uow:
        refuse_in_training(uow, "replace a card")
        producer, _ = _resolve_any_card(uow.session, typed)
        old = _live_card(uow.session, producer)
        if old is not None:
            old.status, old.replaced_at = "replaced", uow.now
        card = _new_card(uow, ctx, producer)
        producer.password_hash = password_hash
        uow.session.flush()
        uow.emit(
            "card.replaced",
            {
                "login_id": producer.login_id,
                "old_card_number": old.number if old else None,
                "card_number": card.number,
                "password_hash": password_hash,
                "replaced_at": uow.now.isoformat(),
            },
        )
        uow.audit(
            "card.replaced",
            actor.id,
            approver_id=approver.id if approver else None,
            subject=f"producer:{producer.login_id}",
            old_card=old.number if old else None,
            card=card.number,
        )
        uow.commit()
        return IssuedCard(producer.id, producer.login_id, card.number, password, uow.now)


def _resolve_any_card(session, typed: str) -> tuple[Producer, Card | None]:
    """Like _resolve, but a replaced card still names its account (for a manager)."""
    try:
        return _resolve(session, typed)
    except CardReplaced:
        number = identifiers.parse_card_number(typed)
        card = session.scalars(select(Card).where(Card.number == number)).one()
        return card.producer, card


@audits_refusals("password.reset")
def reset_password(
    ctx: TillContext, actor: StaffMember, typed: str, approval: Approval | None = None
) -> IssuedCard:
    """A forgotten password: a new one for the same card."""
    _scan(typed)  # a typo is refused before it costs a PIN try or a hash
    approver = authorize(ctx, actor, "manager", approval, "reset a password")
    return _new_password(ctx, actor, typed, approver)


def reissue_unprinted(ctx: TillContext, actor: StaffMember, login_id: str,
                      reason: str = "slip not printed") -> IssuedCard:
    """A fresh password for a slip that did not print (the old one was never kept).

    No manager is asked: the card desk calls this only for a slip it has just
    seen fail, and the outbox and audit record it as a password reset.
    """
    return _new_password(ctx, actor, login_id, None, reason=reason)


def _new_password(ctx: TillContext, actor: StaffMember, typed: str,
                  approver: StaffMember | None, reason: str | None = None) -> IssuedCard:
    password, password_hash = _fresh_password()
    with ctx.uow() as uow:
        refuse_in_training(uow, "reset a password")
        producer, card = _resolve(uow.session, typed)
        producer.password_hash = password_hash
        uow.emit(
            "password.reset",
            {
                "login_id": producer.login_id,
                "password_hash": password_hash,
                "reset_at": uow.now.isoformat(),
            },
        )
        detail = {"reason": reason} if reason else {}
        uow.audit(
            "password.reset",
            actor.id,
            approver_id=approver.id if approver else None,
            subject=f"producer:{producer.login_id}",
            **detail,
        )
        uow.commit()
        number = card.number if card else ""
        return IssuedCard(producer.id, producer.login_id, number, password, uow.now)


@audits_refusals("points.adjust")
def adjust_points(
    ctx: TillContext,
    actor: StaffMember,
    typed: str,
    *,
    spend_delta: int = 0,
    vote_delta: int = 0,
    reason: str,
    approval: Approval | None = None,
) -> ProducerView:
    """A manager's correction of points, with a reason; balances never go below zero."""
    reason = required_reason(reason, "A points adjustment")
    for delta in (spend_delta, vote_delta):
        if abs(require_whole(delta, "Points")) > MAX_ADJUSTMENT:
            raise InvalidInput(f"An adjustment over {MAX_ADJUSTMENT:,} points is refused.")
    if not spend_delta and not vote_delta:
        raise InvalidInput("The adjustment changes nothing.")
    _scan(typed)  # a typo is refused before it costs a PIN try
    approver = authorize(ctx, actor, "manager", approval, "adjust points")
    with ctx.uow() as uow:
        refuse_in_training(uow, "adjust a producer's points")
        producer, card = _resolve(uow.session, typed)
        if producer.spend_points + spend_delta < 0 or producer.vote_points + vote_delta < 0:
            raise InvalidInput("That would take the producer's points below zero.")
        for kind, delta in (("spend", spend_delta), ("vote", vote_delta)):
            if delta:
                uow.session.add(
                    PointsEntry(
                        producer_id=producer.id, kind=kind, delta=delta, reason="adjustment",
                        staff_id=actor.id, note=reason, created_at=uow.now,
                    )
                )
        producer.spend_points += spend_delta
        producer.vote_points += vote_delta
        uow.emit(
            "points.adjusted",
            {
                "login_id": producer.login_id,
                "spend_delta": spend_delta,
                "vote_delta": vote_delta,
                "reason": reason,
                "adjusted_at": uow.now.isoformat(),
            },
        )
        uow.audit(
            "points.adjusted",
            actor.id,
            approver_id=approver.id if approver else None,
            subject=f"producer:{producer.login_id}",
            spend_delta=spend_delta,
            vote_delta=vote_delta,
            reason=reason,
        )
        uow.commit()
        return view_of(ctx, producer, card)

"""A producer's recent visits, for the producer panel at the till."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from bp_till.services.context import TillContext
from bp_till.store.models import Check, Producer

RECENT = 5


@dataclass(frozen=True)
class Visit:
    business_day: date
    check_number: int
    total: int
    spend_points: int
    vote_points: int


def recent_visits(ctx: TillContext, login_id: str, limit: int = RECENT) -> list[Visit]:
    """The producer's latest settled checks at this till, newest first."""
    with ctx.store.read() as session:
        rows = session.execute(
            select(Check.business_day, Check.number, Check.total, Check.spend_points,
                   Check.vote_points)
            .join(Producer, Producer.id == Check.producer_id)
            .where(Producer.login_id == login_id, Check.status == "settled")
            .order_by(Check.closed_at.desc()).limit(limit)
        ).all()
        return [Visit(*row) for row in rows]

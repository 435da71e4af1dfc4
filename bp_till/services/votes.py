"""Votes at the till: a producer who asks gives vote points to cast members at the register."""

from __future__ import annotations

from sqlalchemy import select

from bp_till.domain.business_day import business_month
from bp_till.domain.errors import NotFound
from bp_till.domain.votes import Allocation, check_allocations
from bp_till.services.context import TillContext
from bp_till.services.producers import ProducerView, _resolve, view_of
from bp_till.services.staff import StaffMember
from bp_till.services.training import refuse_in_training
from bp_till.store.models import CastMember, PointsEntry, Vote


def cast_votes(
    ctx: TillContext, actor: StaffMember, typed: str, allocations: list[Allocation]
) -> ProducerView:
    """Spend the producer's vote points on cast members, all or nothing, in one transaction.

    The balance checked is the one the till knows (central + not yet synced);
    the central database checks again when the event arrives, in case another
    till or the website spent the same points meanwhile.
    """
    with ctx.uow() as uow:
        refuse_in_training(uow, "spend a producer's vote points")
        producer, card = _resolve(uow.session, typed)
        given = check_allocations(allocations, producer.vote_points)
        codes = [a.cast_code for a in given]
        cast = {c.code: c for c in uow.session.scalars(
            select(CastMember).where(CastMember.code.in_(codes), CastMember.active))}
        unknown = [code for code in codes if code not in cast]
        if unknown:
            raise NotFound(f"No cast member {unknown[0]!r}.")
        month = business_month(uow.now)
        for allocation in given:
            member = cast[allocation.cast_code]
            uow.session.add(Vote(producer_id=producer.id, cast_id=member.id,
                                 points=allocation.points, business_month=month,
                                 voted_at=uow.now, staff_id=actor.id))
            uow.session.add(PointsEntry(producer_id=producer.id, kind="vote",
                                        delta=-allocation.points, reason="vote",
                                        note=allocation.cast_code, staff_id=actor.id,
                                        created_at=uow.now))
        total = sum(a.points for a in given)
        producer.vote_points -= total
        uow.emit("votes.cast", {
            "login_id": producer.login_id,
            "business_month": month,
            "cast_at": uow.now.isoformat(),
            "votes": [{"cast_code": a.cast_code, "points": a.points} for a in given],
        })
        uow.audit("votes.cast", actor.id, subject=f"producer:{producer.login_id}", points=total,
                  cast=codes)
        uow.commit()
        return view_of(ctx, producer, card)

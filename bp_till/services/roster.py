"""Tonight's roster: a shift lead marks who is on the floor; the picker and the board read it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date

from sqlalchemy import func, select

from bp_till.domain.business_day import business_day
from bp_till.domain.roster import Roster, check_roster
from bp_till.services.context import TillContext
from bp_till.services.staff import Approval, StaffMember, authorize
from bp_till.store.models import CastMember, RosterVersion

ROSTER_ROLE = "shift_lead"


def roster_of(ctx: TillContext, day: date) -> Roster:
    """The newest roster saved for that business day (version 0, nobody, before the first)."""
    with ctx.store.read() as session:
        newest = session.scalars(
            select(RosterVersion).where(RosterVersion.business_day == day)
            .order_by(RosterVersion.version.desc()).limit(1)
        ).first()
        if newest is None:
            return Roster(day, 0, ())
        return Roster(day, newest.version, tuple(json.loads(newest.cast_codes)))


def tonights_roster(ctx: TillContext) -> Roster:
    return roster_of(ctx, business_day(ctx.clock.now()))


def save_roster(ctx: TillContext, actor: StaffMember, cast_codes: Iterable[str],
                approval: Approval | None = None) -> Roster:
    """A new version of tonight's roster, in one transaction with its event and audit entry."""
    cast_codes = list(cast_codes)
    approver = authorize(ctx, actor, ROSTER_ROLE, approval, "change tonight's roster")
    with ctx.uow() as uow:
        active = uow.session.scalars(select(CastMember.code).where(CastMember.active))
        codes = check_roster(cast_codes, active)
        day = business_day(uow.now)
        version = (uow.session.scalar(select(func.max(RosterVersion.version))
                                      .where(RosterVersion.business_day == day)) or 0) + 1
        uow.session.add(RosterVersion(business_day=day, version=version,
                                      cast_codes=json.dumps(list(codes)), created_at=uow.now,
                                      created_by=actor.id))
        uow.emit("roster.set", {"business_day": day.isoformat(), "version": version,
                                "cast": list(codes)})
        uow.audit("roster.set", actor.id, approver_id=approver.id if approver else None,
                  business_day=day.isoformat(), version=version, on_floor=len(codes))
        uow.commit()
    return Roster(day, version, codes)

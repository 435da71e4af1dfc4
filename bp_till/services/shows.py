"""The stage show schedule in force, and a manager's new version of it."""

from __future__ import annotations

import json
from datetime import time

from sqlalchemy import func, select

from bp_till.domain.shows import ShowSchedule
from bp_till.services.context import TillContext
from bp_till.services.staff import Approval, StaffMember, authorize
from bp_till.store.models import ShowScheduleVersion

SCHEDULE_ROLE = "manager"


def as_rule(schedule: ShowSchedule) -> dict:
    return {"first": f"{schedule.first:%H:%M}", "last": f"{schedule.last:%H:%M}",
            "every_minutes": schedule.every_minutes, "length_minutes": schedule.length_minutes}


def _schedule(rule: dict) -> ShowSchedule:
    return ShowSchedule(time.fromisoformat(rule["first"]), time.fromisoformat(rule["last"]),
                        rule["every_minutes"], rule["length_minutes"])


def current_schedule(ctx: TillContext) -> tuple[int, ShowSchedule]:
    """The newest saved version, or the café's default (a show every hour, version 0)."""
    with ctx.store.read() as session:
        newest = session.scalars(select(ShowScheduleVersion)
                                 .order_by(ShowScheduleVersion.version.desc()).limit(1)).first()
        return (newest.version, _schedule(json.loads(newest.rule))) if newest else (0, ShowSchedule())


def save_schedule(ctx: TillContext, actor: StaffMember, schedule: ShowSchedule,
                  approval: Approval | None = None) -> int:
    """A new version of the schedule, in force from now on; one transaction with its event."""
    approver = authorize(ctx, actor, SCHEDULE_ROLE, approval, "change the stage show schedule")
    rule = as_rule(schedule)
    with ctx.uow() as uow:
        version = (uow.session.scalar(select(func.max(ShowScheduleVersion.version))) or 0) + 1
        uow.session.add(ShowScheduleVersion(version=version, rule=json.dumps(rule),
                                            created_at=uow.now, created_by=actor.id))
        uow.emit("shows.updated", {"version": version, **rule})
        uow.audit("shows.updated", actor.id, approver_id=approver.id if approver else None,
                  version=version)
        uow.commit()
    return version

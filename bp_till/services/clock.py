"""The till's clock, as a manager answers for it after it was set back or ran ahead."""

from __future__ import annotations

from sqlalchemy import update

from bp_till.services.context import TillContext
from bp_till.services.staff import Approval, StaffMember, authorize
from bp_till.store.models import LastWrite


def accept_clock(
    ctx: TillContext, actor: StaffMember, approval: Approval | None = None, *, note: str = ""
) -> None:
    """A manager confirms the clock reads the right time now; settling works again.

    The last-write mark moves to the clock's time, even backwards (a clock that
    ran an hour fast and was corrected). The audit keeps both times.
    """
    approver = authorize(ctx, actor, "manager", approval, "accept the till's clock")
    with ctx.uow() as uow:
        last = uow.last_write()
        uow.session.execute(update(LastWrite).values(at=uow.now))
        uow.audit(
            "clock.accepted",
            actor.id,
            approver_id=approver.id if approver else None,
            last_write=last.isoformat() if last else None,
            clock=uow.now.isoformat(),
            note=note or None,
        )
        uow.commit()

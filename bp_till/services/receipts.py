"""Reprinting a receipt: a copy marked 再発行 / REPRINT, approved and audited."""

from __future__ import annotations

from bp_till.domain.receipt import Receipt
from bp_till.services.context import TillContext
from bp_till.services.settle import receipt_for
from bp_till.services.staff import Approval, StaffMember, authorize

# A copy of a receipt can be used to claim expenses twice, so a cashier needs
# a shift lead's PIN; it is not money leaving the drawer, so no manager is needed.
REPRINT_ROLE = "shift_lead"


def reprint_receipt(
    ctx: TillContext, actor: StaffMember, check_id: int, approval: Approval | None = None
) -> Receipt:
    approver = authorize(ctx, actor, REPRINT_ROLE, approval, "reprint a receipt")
    receipt = receipt_for(ctx, check_id)
    with ctx.uow() as uow:
        uow.audit(
            "receipt.reprinted", actor.id, approver_id=approver.id if approver else None,
            subject=f"check:{receipt.check_number}",
        )
        uow.commit()
    return receipt

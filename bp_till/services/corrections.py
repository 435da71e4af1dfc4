"""Corrections of settled checks: a void the same night, a refund on any later day.

Neither edits history. A void marks the check voided (its lines and payments
stay, with who, when, why and the approving manager) and takes its points
back; a refund is a new negative entry on the current business day that names
the sale's day and number. Both need a manager: a cashier gets a manager's PIN
typed there and then, and the audit log records both.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select

from bp_till.domain.clock_check import refuse_set_back
from bp_till.domain.corrections import PointsBack, points_back, refund_split
from bp_till.domain.errors import CheckClosed, DayClosed, InvalidInput, NotFound
from bp_till.domain.receipt import Receipt, RefundReceipt
from bp_till.services.context import TillContext
from bp_till.services.days import is_closed, open_day
from bp_till.services.inputs import required_reason
from bp_till.services.refund_receipt import build_refund_receipt
from bp_till.services.settle import line_payload, stored_receipt
from bp_till.services.staff import Approval, StaffMember, authorize
from bp_till.store.models import (
    Check,
    CheckLine,
    CheckPart,
    PointsEntry,
    Producer,
    Refund,
    RefundLine,
    RefundPayment,
)
from bp_till.store.uow import UnitOfWork


def void_reason(reason: object) -> str:
    """The reason a void must carry; screens check it before asking for a manager's PIN."""
    return required_reason(reason, "Voiding a settled check")


def refund_reason(reason: object) -> str:
    return required_reason(reason, "A refund")


def check_id_for_number(ctx: TillContext, number: int) -> int:
    """The check behind the number on a receipt (``#1-000123`` is number 123)."""
    with ctx.store.read() as session:
        found = session.scalar(select(Check.id).where(Check.number == number))
    if found is None:
        raise NotFound(f"There is no check #{number} on this till.")
    return found


def _settled(uow: UnitOfWork, check_id: int) -> Check:
    check = uow.session.get(Check, check_id)
    if check is None:
        raise NotFound(f"Check {check_id} does not exist.")
    if check.status == "open":
        raise CheckClosed(f"Check #{check.number} is still open: cancel it instead.")
    if check.status == "voided":
        raise CheckClosed(f"Check #{check.number} is already voided.")
    if check.training:
        raise InvalidInput(f"Check #{check.number} was a training check: it is in no figures "
                           "and credited nothing, so there is nothing to void or refund.")
    if check.split_plan is not None and uow.session.scalar(  # points went to several producers
            select(CheckPart.id).where(CheckPart.check_id == check.id).limit(1)):
        raise InvalidInput(f"Check #{check.number} was paid in parts; a void or refund of it "
                           "is not possible at the till yet.")
    return check


def _refunds_of(uow: UnitOfWork, check: Check) -> list[Refund]:
    return list(uow.session.scalars(select(Refund).where(Refund.check_id == check.id)))


def _take_points_back(
    uow: UnitOfWork, actor: StaffMember, check: Check, refunded_before: int, refunding: int,
    reason: str, note: str,
) -> tuple[PointsBack, Producer | None]:
    """Reverse what the check earned for ``refunding`` yen, as new ledger rows."""
    if check.producer_id is None:
        return PointsBack(0, 0, 0), None
    producer = uow.session.get(Producer, check.producer_id)
    back = points_back(check.total, refunded_before, refunding, check.multiplier_pct or 100,
                       (producer.spend_points, producer.vote_points))
    for kind, taken in (("spend", back.spend), ("vote", back.vote)):
        if taken:
            uow.session.add(PointsEntry(
                producer_id=producer.id, kind=kind, delta=-taken, reason=reason,
                check_id=check.id, staff_id=actor.id, note=note, created_at=uow.now,
            ))
    producer.spend_points -= back.spend
    producer.vote_points -= back.vote
    return back, producer


def void_settled_check(
    ctx: TillContext, actor: StaffMember, check_id: int, reason: str,
    approval: Approval | None = None,
) -> Receipt:
    """Cancel a check settled tonight (wrong table charged, disputed on the spot).

    The money goes back as it came; the check's points come back. Returns its
    receipt marked voided, to print for the drawer.
    """
    reason = void_reason(reason)
    approver = authorize(ctx, actor, "manager", approval, "void a settled check")
    with ctx.uow() as uow:
        refuse_set_back(uow.now, uow.last_write())  # money moves: the day must be the right one
        check = _settled(uow, check_id)
        _refuse_void_of_an_earlier_day(uow, check)
        if _refunds_of(uow, check):
            raise InvalidInput(f"Check #{check.number} has a refund already; refund the rest instead.")
        back, producer = _take_points_back(uow, actor, check, 0, check.total, "void", reason)
        check.status, check.void_reason = "voided", reason
        check.voided_at, check.voided_by = uow.now, actor.id
        check.void_approved_by = approver.id if approver else None
        uow.emit("check.voided", {
            "check_uuid": check.uuid, "check_number": check.number,
            "business_day": check.business_day.isoformat(), "voided_at": uow.now.isoformat(),
            "total": check.total, "reason": reason, **_points_payload(producer, back),
            "lines": [line_payload(line) for line in check.lines if line.voided_at is None],
        })
        uow.audit("check.voided", actor.id, approver_id=check.void_approved_by,
                  subject=f"check:{check.number}", total=check.total, reason=reason,
                  votes_already_spent=back.votes_already_spent)
        receipt = stored_receipt(ctx, uow.session, check)
        uow.commit()
        return receipt


def _refuse_void_of_an_earlier_day(uow: UnitOfWork, check: Check) -> None:
    day = check.business_day.isoformat()
    if is_closed(uow.session, check.business_day):
        raise DayClosed(
            f"Check #{check.number} belongs to business day {day}, which is closed out; "
            "refund it instead."
        )
    today = open_day(uow, "refunds can be given again from 05:00")
    if check.business_day != today:
        raise InvalidInput(
            f"Check #{check.number} was settled on {day}; only tonight's checks can be voided. "
            "Refund it instead."
        )


def _points_payload(producer: Producer | None, back: PointsBack) -> dict:
    return {
        "login_id": producer.login_id if producer else None,
        "spend_points": -back.spend,
        "vote_points": -back.vote,
        "votes_already_spent": back.votes_already_spent,
    }


def refund_check(
    ctx: TillContext, actor: StaffMember, check_id: int, reason: str,
    approval: Approval | None = None, line_ids: Collection[int] | None = None,
) -> RefundReceipt:
    """Give money back for a settled check, whole (the default) or for chosen lines.

    The refund lands on the current business day, names the sale's day and
    number, goes back by the methods the check was paid with, and takes back
    the points those lines earned. Returns the refund receipt to print.
    """
    reason = refund_reason(reason)
    approver = authorize(ctx, actor, "manager", approval, "give a refund")
    with ctx.uow() as uow:
        refuse_set_back(uow.now, uow.last_write())  # money moves: the day must be the right one
        check = _settled(uow, check_id)
        day = open_day(uow, "refunds can be given again from 05:00")
        earlier = _refunds_of(uow, check)
        lines = _lines_to_refund(check, earlier, line_ids)
        amount = sum(line.amount for line in lines)
        refunded_before = -sum(r.total for r in earlier)
        given_back: dict[str, int] = {}
        for payment in (p for r in earlier for p in r.payments):
            given_back[payment.method] = given_back.get(payment.method, 0) - payment.amount
        split = refund_split([(p.method, p.amount) for p in check.payments], given_back, amount)
        back, producer = _take_points_back(uow, actor, check, refunded_before, amount,
                                           "refund", reason)
        refund = Refund(
            number=uow.next_number("refund"), check_id=check.id, business_day=day,
            refunded_at=uow.now, staff_id=actor.id, approver_id=approver.id if approver else None,
            reason=reason, total=-amount, spend_points=-back.spend, vote_points=-back.vote,
            votes_already_spent=back.votes_already_spent,
            lines=[RefundLine(check_line_id=line.id, amount=-line.amount) for line in lines],
            payments=[RefundPayment(method=m, amount=-paid) for m, paid in split],
        )
        uow.session.add(refund)
        uow.session.flush()
        uow.emit("check.refunded", _refund_payload(check, refund, lines, producer, back))
        uow.audit("check.refunded", actor.id, approver_id=refund.approver_id,
                  subject=f"check:{check.number}", refund=refund.number, total=refund.total,
                  reason=reason, votes_already_spent=back.votes_already_spent)
        receipt = build_refund_receipt(ctx, refund, check, producer)
        uow.commit()
        return receipt


def _lines_to_refund(
    check: Check, earlier: list[Refund], line_ids: Collection[int] | None
) -> list[CheckLine]:
    done = {rl.check_line_id for r in earlier for rl in r.lines}
    live = {line.id: line for line in check.lines if line.voided_at is None}
    if line_ids is None:
        chosen = [line for line_id, line in live.items() if line_id not in done]
        if not chosen:
            raise InvalidInput(f"Check #{check.number} is refunded in full already.")
        return chosen
    if not line_ids:
        raise InvalidInput("Choose the lines to refund.")
    for line_id in line_ids:
        if line_id not in live:
            raise InvalidInput(f"That line is not on check #{check.number}.")
        if line_id in done:
            raise InvalidInput(f"{live[line_id].name_en} on check #{check.number} "
                               "is refunded already.")
    return [live[line_id] for line_id in sorted(set(line_ids))]


def _refund_payload(check: Check, refund: Refund, lines, producer, back: PointsBack) -> dict:
    return {
        "refund_number": refund.number,
        "check_uuid": check.uuid,
        "check_number": check.number,
        "original_business_day": check.business_day.isoformat(),
        "business_day": refund.business_day.isoformat(),
        "refunded_at": refund.refunded_at.isoformat(),
        "total": refund.total,
        "reason": refund.reason,
        "lines": [line_payload(line) for line in lines],
        "payments": [{"method": p.method, "amount": p.amount} for p in refund.payments],
        **_points_payload(producer, back),
    }


def refund_receipt_for(ctx: TillContext, refund_id: int) -> RefundReceipt:
    """A refund's receipt as it was printed, for a reprint."""
    with ctx.store.read() as session:
        refund = session.get(Refund, refund_id)
        if refund is None:
            raise NotFound(f"Refund {refund_id} does not exist.")
        check = session.get(Check, refund.check_id)
        producer = session.get(Producer, check.producer_id) if check.producer_id else None
        return build_refund_receipt(ctx, refund, check, producer, reprint=True)

"""Settling a check: payments, change, points, the outbox event, the receipt."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bp_till.domain.clock_check import refuse_set_back
from bp_till.domain.errors import InvalidInput
from bp_till.domain.identifiers import mask_login_id
from bp_till.domain.money import TaxRate, totals_by_rate
from bp_till.domain.points import multiplier_label, spend_points, vote_points
from bp_till.domain.receipt import ProducerPoints, Receipt, ReceiptLine
from bp_till.domain.settlement import AppliedPayment, Settlement, Tender, settle
from bp_till.services.checks import refuse_paid_parts, require_open
from bp_till.services.context import TillContext
from bp_till.services.days import open_day
from bp_till.services.inputs import row_id
from bp_till.services.staff import StaffMember
from bp_till.store.models import Check, CheckLine, Producer
from bp_till.store.settle_rows import (
    CheckToSettle,
    LiveLine,
    read_check,
    read_live_lines,
    write_settlement,
)
from bp_till.store.uow import UnitOfWork


def settle_check(
    ctx: TillContext, actor: StaffMember, check_id: int, tenders: Sequence[Tender]
) -> Receipt:
    """Take payment for a check and credit the producer, all in one transaction."""
    with ctx.uow() as uow:
        refuse_set_back(uow.now, uow.last_write())
        check = _open_check(uow, check_id)
        refuse_paid_parts(uow, check.id, check.number)
        check.business_day = open_day(uow, "no more sales can land on it")
        live = read_live_lines(uow.db, check.id)
        if not live:
            raise InvalidInput(f"Check #{check.number} is empty: there is nothing to settle.")
        total = sum(line.amount for line in live)
        settlement = settle(total, tenders)
        _close(uow, check, total, settlement)
        write_settlement(uow.db, check, actor.id, [
            (paid.method, paid.amount, paid.tendered) for paid in settlement.payments])
        if not check.training:  # the central database never hears of a practice sale
            uow.emit("check.settled", _settled_payload(check, live, settlement))
        receipt = _receipt(ctx, check, live, settlement, check.login_id)
        uow.commit()
        return receipt


def _open_check(uow: UnitOfWork, check_id: int) -> CheckToSettle:
    check = read_check(uow.db, row_id(check_id, "That check"))
    require_open(check, check_id)
    return check


def _close(uow: UnitOfWork, check: CheckToSettle, total: int, settlement: Settlement) -> None:
    """What settling gives the check: its time, total, change and points."""
    check.closed_at, check.total, check.change = uow.now, total, settlement.change
    if check.producer_id is not None and not check.training:  # practice earns nothing
        check.spend_points = spend_points(total)
        check.vote_points = vote_points(check.spend_points, check.multiplier_pct or 100)


def _settled_payload(check: CheckToSettle, live, settlement: Settlement) -> dict:
    return {
        "check_uuid": check.uuid,
        "check_number": check.number,
        "business_day": check.business_day.isoformat(),
        "settled_at": check.closed_at.isoformat(),
        "table": check.table_label,
        "guests": check.guests,
        "takeout": check.takeout,
        "total": check.total,
        "lines": [line_payload(line) for line in live],
        "payments": [{"method": p.method, "amount": p.amount} for p in settlement.payments],
        "login_id": check.login_id,
        "card_number": check.card_number,
        "rank": check.rank_name,
        "multiplier_pct": check.multiplier_pct,
        "spend_points": check.spend_points,
        "vote_points": check.vote_points,
    }


def line_payload(line: CheckLine | LiveLine) -> dict:
    """A line as events carry it; the central side credits cast members from these."""
    return {
        "item": line.name_en,
        "category": line.category,
        "unit_price": line.unit_price,
        "quantity": line.quantity,
        "tax_rate": line.tax_rate,
        "cast_code": line.cast.code if line.cast else None,
    }


def receipt_line(line: CheckLine | LiveLine) -> ReceiptLine:
    return ReceiptLine(line.name_ja, line.name_en, line.quantity, line.unit_price,
                       line.tax_rate, line.cast.stage_name if line.cast else None)


def producer_points(
    login_id: str | None, check: Check | CheckToSettle, spend: int, vote: int
) -> ProducerPoints | None:
    """The producer's lines of a receipt: rank and multiplier as held on the check."""
    if login_id is None:
        return None
    # From the check itself: a later edit of the rank table must not change a reprint.
    return ProducerPoints(mask_login_id(login_id), check.rank_name,
                          multiplier_label(check.multiplier_pct), spend, vote)


def _receipt(ctx: TillContext, check: Check | CheckToSettle, live, settlement: Settlement,
             login_id: str | None) -> Receipt:
    lines = tuple(receipt_line(line) for line in live)
    points = producer_points(login_id, check, check.spend_points, check.vote_points)
    return Receipt(
        shop_name=ctx.site.shop_name,
        registration_number=ctx.site.registration_number,
        terminal=ctx.site.terminal,
        check_number=check.number,
        table=check.table_label,
        takeout=check.takeout,
        issued_at=check.closed_at,
        business_day=check.business_day,
        lines=lines,
        rate_totals=tuple(totals_by_rate((TaxRate(l.tax_rate), l.amount) for l in lines)),
        total=check.total,
        payments=settlement.payments,
        change=settlement.change,
        revenue_stamp=settlement.needs_revenue_stamp,
        producer=points,
        training=check.training,
    )


def receipt_for(ctx: TillContext, check_id: int) -> Receipt:
    """The receipt of a settled check as it was printed, for a reprint.

    A check voided since reprints marked as voided (not a valid receipt); a
    refunded one reprints as sold, since its refund has a receipt of its own.
    """
    with ctx.store.read() as session:
        check = session.get(Check, check_id)
        if check is None or check.business_day is None:  # open, or cancelled unpaid
            raise InvalidInput("Only a settled check has a receipt.")
        return stored_receipt(ctx, session, check)


def stored_receipt(ctx: TillContext, session, check: Check) -> Receipt:
    live = [line for line in check.lines if line.voided_at is None]
    payments = tuple(AppliedPayment(p.method, p.amount, p.tendered) for p in check.payments)
    producer = session.get(Producer, check.producer_id) if check.producer_id else None
    receipt = _receipt(ctx, check, live, Settlement(payments, check.change),
                       producer.login_id if producer else None)
    return replace(receipt.as_reprint(), voided=check.status == "voided")

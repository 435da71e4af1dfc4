"""The return invoice (返品・返金) of a refund, built from what the store recorded."""

from __future__ import annotations

from bp_till.domain.money import TaxRate, totals_by_rate
from bp_till.domain.receipt import RefundReceipt
from bp_till.domain.settlement import AppliedPayment
from bp_till.services.context import TillContext
from bp_till.services.settle import producer_points, receipt_line
from bp_till.store.models import Check, Producer, Refund


def build_refund_receipt(
    ctx: TillContext, refund: Refund, check: Check, producer: Producer | None,
    reprint: bool = False,
) -> RefundReceipt:
    lines = tuple(receipt_line(given.line) for given in refund.lines)
    return RefundReceipt(
        shop_name=ctx.site.shop_name,
        registration_number=ctx.site.registration_number,
        terminal=ctx.site.terminal,
        refund_number=refund.number,
        issued_at=refund.refunded_at,
        business_day=refund.business_day,
        original_day=check.business_day,
        original_check_number=check.number,
        lines=lines,
        rate_totals=tuple(totals_by_rate(
            (TaxRate(given.line.tax_rate), given.amount) for given in refund.lines
        )),
        total=refund.total,
        payments=tuple(AppliedPayment(p.method, p.amount, p.amount) for p in refund.payments),
        reason=refund.reason,
        producer=producer_points(producer.login_id if producer else None, check,
                                 refund.spend_points, refund.vote_points),
        votes_already_spent=refund.votes_already_spent,
        reprint=reprint,
    )

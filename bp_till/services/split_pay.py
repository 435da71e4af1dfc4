"""Paying a check in parts: split by guest or by line, each part its own settlement.

The plan (which line goes to which part, which are shared) is fixed on the
check; each part is then paid on its own, with its own card: that producer
earns spend and vote points on the part's amount only, by the same rules as
a whole check, at the rank held when the check opened. Each part is a
``check.settled`` event of its own (``part``/``parts`` in it), so the central
database credits each producer; the lines a part pays whole travel with it,
the shared ones with part 1, so cast credits count once. The last part paid
closes the check with the sum of the parts.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from sqlalchemy import select

from bp_till.domain.clock_check import refuse_set_back
from bp_till.domain.errors import InvalidInput
from bp_till.domain.money import TaxRate
from bp_till.domain.points import spend_points, vote_points
from bp_till.domain.receipt import Receipt, ReceiptLine
from bp_till.domain.settlement import AppliedPayment, Settlement, Tender, settle
from bp_till.domain.split import Part, SplitLine, split_check
from bp_till.services.checks import _open_check, rank_when_opened
from bp_till.services.context import TillContext
from bp_till.services.days import open_day
from bp_till.services.producers import _resolve
from bp_till.services.settle import line_payload, producer_points
from bp_till.services.staff import StaffMember
from bp_till.store.models import Check, CheckLine, CheckPart, Payment, PointsEntry
from bp_till.store.uow import UnitOfWork


SALE_REFUSAL = "no more sales can land on it"


def _live(check: Check) -> list[CheckLine]:
    return [line for line in check.lines if line.voided_at is None]


def _split(check: Check, assignment: Mapping[int, int | None], parts: int) -> tuple[Part, ...]:
    lines = [SplitLine(line.id, line.amount, line.tax_rate) for line in _live(check)]
    return split_check(lines, assignment, parts)


def _paid(uow: UnitOfWork, check: Check) -> dict[int, CheckPart]:
    rows = uow.session.scalars(select(CheckPart).where(CheckPart.check_id == check.id))
    return {row.number: row for row in rows}


def plan_split(ctx: TillContext, actor: StaffMember, check_id: int,
               assignment: Mapping[int, int | None], parts: int) -> tuple[Part, ...]:
    """Fix how the check is paid: each line id to a part (1 … parts), or None to share it."""
    with ctx.uow() as uow:
        check = _open_check(uow, check_id, paying_parts=True)
        if _paid(uow, check):
            raise InvalidInput(f"A part of check #{check.number} is paid already; the split "
                               "stands until the last part is paid.")
        split = _split(check, assignment, parts)
        check.split_plan = json.dumps({"parts": parts, "lines": {
            str(key): part for key, part in assignment.items()}})
        uow.audit("check.split", actor.id, subject=f"check:{check.number}", parts=parts,
                  totals=[part.total for part in split])
        uow.commit()
        return split


def _planned(check: Check) -> tuple[Part, ...]:
    """The check's parts as planned, refused if the lines changed since."""
    if check.split_plan is None:
        raise InvalidInput(f"Check #{check.number} is not split; split it first.")
    plan = json.loads(check.split_plan)
    try:
        return _split(check, {int(k): v for k, v in plan["lines"].items()}, plan["parts"])
    except InvalidInput as stale:
        raise InvalidInput(f"The lines of check #{check.number} changed since it was split; "
                           "split it again.") from stale


def settle_part(ctx: TillContext, actor: StaffMember, check_id: int, number: int,
                tenders: Sequence[Tender], card: str | None = None) -> Receipt:
    """Take payment for one part, credit its producer (if a card is given), all at once."""
    with ctx.uow() as uow:
        refuse_set_back(uow.now, uow.last_write())
        check = _open_check(uow, check_id, paying_parts=True)
        split, paid = _planned(check), _paid(uow, check)
        if isinstance(number, bool) or number not in range(1, len(split) + 1):
            raise InvalidInput(f"Check #{check.number} has parts 1 to {len(split)}.")
        if number in paid:
            raise InvalidInput(f"Part {number} of check #{check.number} is paid already.")
        part = split[number - 1]
        settlement = settle(part.total, tenders)
        row = _part_row(ctx, uow, actor, check, part, settlement, card)
        paid[number] = row
        if not check.training:  # the central database never hears of a practice sale
            uow.emit("check.settled", _part_payload(check, part, row, settlement, len(split)))
        if len(paid) == len(split):
            _close(uow, actor, check, paid.values())
        receipt = _receipt(ctx, check, part, row, settlement, len(split))
        uow.commit()
        return receipt


def _part_row(ctx: TillContext, uow: UnitOfWork, actor: StaffMember, check: Check, part: Part,
              settlement: Settlement, card: str | None) -> CheckPart:
    rates = {int(r.rate): r.total for r in part.rate_totals}
    row = CheckPart(check_id=check.id, number=part.number, total=part.total,
                    standard_total=rates.get(int(TaxRate.STANDARD), 0),
                    reduced_total=rates.get(int(TaxRate.REDUCED), 0),
                    change=settlement.change, spend_points=0, vote_points=0,
                    settled_at=uow.now, settled_by=actor.id, business_day=open_day(uow, SALE_REFUSAL))
    if card is not None:
        producer, found = _resolve(uow.session, card)
        rank = rank_when_opened(ctx, uow, producer, check)
        row.producer_id, row.card_number = producer.id, found.number if found else None
        row.rank_name, row.multiplier_pct = rank.name, rank.multiplier_pct
        if not check.training:  # practice earns nothing
            row.spend_points = spend_points(part.total)
            row.vote_points = vote_points(row.spend_points, rank.multiplier_pct)
            _credit(uow, producer, check, row)
        row.producer = producer
    uow.session.add(row)
    for paid in settlement.payments:
        uow.session.add(Payment(check_id=check.id, method=paid.method, amount=paid.amount,
                                tendered=paid.tendered, part=part.number))
    uow.session.flush()
    return row


def _credit(uow: UnitOfWork, producer, check: Check, row: CheckPart) -> None:
    for kind, delta in (("spend", row.spend_points), ("vote", row.vote_points)):
        if delta:
            uow.session.add(PointsEntry(producer_id=producer.id, kind=kind, delta=delta,
                                        reason="check", check_id=check.id, created_at=uow.now))
    producer.spend_points += row.spend_points
    producer.vote_points += row.vote_points


def _close(uow: UnitOfWork, actor: StaffMember, check: Check, parts) -> None:
    """The last part paid: the check settles with the sum of its parts."""
    parts = list(parts)
    check.status, check.closed_at, check.closed_by = "settled", uow.now, actor.id
    check.business_day = parts[-1].business_day
    check.total = sum(p.total for p in parts)
    check.change = sum(p.change for p in parts)
    check.spend_points = sum(p.spend_points for p in parts)
    check.vote_points = sum(p.vote_points for p in parts)


def _part_payload(check: Check, part: Part, row: CheckPart, settlement: Settlement,
                  parts: int) -> dict:
    by_id = {line.id: line for line in _live(check)}
    carried = [by_id[s.key] for s in part.shares if s.whole or part.number == 1]
    return {
        "check_uuid": check.uuid, "check_number": check.number, "part": part.number,
        "parts": parts, "business_day": row.business_day.isoformat(),
        "settled_at": row.settled_at.isoformat(), "table": check.table_label,
        "guests": check.guests, "takeout": check.takeout, "total": part.total,
        "lines": [line_payload(line) for line in carried],
        "payments": [{"method": p.method, "amount": p.amount} for p in settlement.payments],
        "login_id": row.producer.login_id if row.producer_id else None,
        "card_number": row.card_number, "rank": row.rank_name,
        "multiplier_pct": row.multiplier_pct, "spend_points": row.spend_points,
        "vote_points": row.vote_points,
    }


def _receipt_line(line: CheckLine, amount: int, whole: bool) -> ReceiptLine:
    """A line the part pays whole as rung up; a share of a shared line as one amount."""
    cast = line.cast.stage_name if line.cast else None
    if whole:
        return ReceiptLine(line.name_ja, line.name_en, line.quantity, line.unit_price,
                           line.tax_rate, cast)
    return ReceiptLine(f"{line.name_ja}（割勘）", f"{line.name_en} (share)", 1, amount,
                       line.tax_rate, cast)


def _receipt(ctx: TillContext, check: Check, part: Part, row: CheckPart,
             settlement: Settlement, parts: int) -> Receipt:
    by_id = {line.id: line for line in _live(check)}
    return Receipt(
        shop_name=ctx.site.shop_name, registration_number=ctx.site.registration_number,
        terminal=ctx.site.terminal, check_number=check.number,
        table=f"{check.table_label} {part.number}/{parts}", takeout=check.takeout,
        issued_at=row.settled_at, business_day=row.business_day,
        lines=tuple(_receipt_line(by_id[s.key], s.amount, s.whole) for s in part.shares),
        rate_totals=tuple(part.rate_totals), total=part.total,
        payments=settlement.payments, change=settlement.change,
        revenue_stamp=settlement.needs_revenue_stamp,
        producer=producer_points(row.producer.login_id if row.producer_id else None, row,
                                 row.spend_points, row.vote_points),
        training=check.training, part=part.number,
    )


def part_receipt(ctx: TillContext, check_id: int, number: int) -> Receipt:
    """The receipt part ``number`` was given, rebuilt from the store (a retry prints it again)."""
    receipts = {r.part: r for r in part_receipts(ctx, check_id)}
    if number not in receipts:
        raise InvalidInput(f"Part {number} of that check has no receipt.")
    return receipts[number]


def part_receipts(ctx: TillContext, check_id: int) -> list[Receipt]:
    """Each paid part's receipt as it was printed; none for a check paid whole."""
    with ctx.store.read() as session:
        check = session.get(Check, check_id)
        rows = session.scalars(select(CheckPart).where(CheckPart.check_id == check_id)
                               .order_by(CheckPart.number)).all()
        if check is None or not rows:
            return []
        split = _planned(check)
        return [_receipt(ctx, check, split[row.number - 1], row,
                         Settlement(tuple(AppliedPayment(p.method, p.amount, p.tendered)
                                          for p in check.payments if p.part == row.number),
                                    row.change), len(split))
                for row in rows]

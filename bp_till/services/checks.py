"""Ringing up a check: open it, add and void lines, attach the producer's card."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from bp_till.domain.business_day import business_day
from bp_till.domain.errors import CheckClosed, InvalidInput, NotFound
from bp_till.domain.money import (
    Category, check_quantity, credits_cast, require_whole, tax_rate_for,
)
from bp_till.domain.nominations import Nomination, nomination_line
from bp_till.services.context import TillContext
from bp_till.services.days import open_day
from bp_till.services.inputs import cleaned, required_reason, row_id, shown
from bp_till.services.masterdata import require_on_menu
from bp_till.services.producers import _resolve
from bp_till.services.refusals import audits_refusals
from bp_till.services.staff import StaffMember
from bp_till.services.stay import rule_in_force
from bp_till.services.training import in_training
from bp_till.store.models import CastMember, Check, CheckLine, MenuItem, PointsEntry
from bp_till.store.uow import UnitOfWork

MAX_GUESTS = 50


RING_UP_REFUSAL = "checks can be rung up again from 05:00"


def _open_check(uow: UnitOfWork, check_id: int, paying_parts: bool = False) -> Check:
    check = uow.session.get(Check, row_id(check_id, "That check"))
    require_open(check, check_id)
    open_day(uow, RING_UP_REFUSAL)  # nothing changes on a day that is closed out
    if not paying_parts and check.split_plan is not None:
        # Parts already paid were priced on these lines, this table and this party.
        refuse_paid_parts(uow, check.id, check.number)
    return check


def refuse_paid_parts(uow: UnitOfWork, check_id: int, number: int) -> None:
    """A check with a part paid is paid part by part to the end, never whole on top."""
    if uow.db.execute("SELECT 1 FROM check_parts WHERE check_id = ? LIMIT 1",
                      (check_id,)).fetchone():
        raise CheckClosed(f"Check #{number} is being paid in parts; pay the other parts "
                          "before it changes.")


def require_open(check, check_id: object) -> None:
    """Refuse a check that does not exist or is no longer open (a model or a row read)."""
    if check is None:
        raise NotFound(f"Check {check_id} does not exist.")
    if check.status != "open":
        raise CheckClosed(f"Check #{check.number} is already {check.status}.")


def _party(guests: object) -> int:
    if not 1 <= require_whole(guests, "Guests") <= MAX_GUESTS:
        raise InvalidInput(f"Guests must be a whole number from 1 to {MAX_GUESTS}.")
    return guests


def open_check(
    ctx: TillContext, actor: StaffMember, table: str, guests: int, takeout: bool = False,
    stay_set: str | None = None,
) -> int:
    """Open a check; on a set (its table charge's code), charged once per guest with its minutes.

    Without a set the table is seated for the rule's default minutes and the
    table charge is rung up by hand; a take-out check has no stay.
    """
    table = cleaned(table)
    if not table or len(table) > 16:
        raise InvalidInput("A check needs a table name of 1 to 16 characters.")
    _party(guests)
    if not isinstance(takeout, bool):
        raise InvalidInput("Take-out is yes or no.")
    if takeout and stay_set is not None:
        raise InvalidInput("A take-out check has no stay: it opens without a set.")
    with ctx.uow() as uow:
        open_day(uow, RING_UP_REFUSAL)
        rule = rule_in_force(ctx, uow.session, business_day(uow.now))
        chosen = rule.set_for(cleaned(stay_set)) if stay_set is not None else None
        check = Check(
            uuid=str(uuid.uuid4()),
            number=uow.next_number("check"),
            table_label=table,
            guests=guests,
            takeout=takeout,
            status="open",
            opened_at=uow.now,
            opened_by=actor.id,
            stay_minutes=None if takeout else (chosen.minutes if chosen else rule.limit_minutes),
            training=in_training(uow),
        )
        uow.session.add(check)
        if chosen is not None:
            _line(uow, actor, check, _menu_item(uow, chosen.item_code, "set's table charge"),
                  guests, None)
        uow.session.flush()
        uow.commit()
        return check.id


def _menu_item(uow: UnitOfWork, code: str, what: str) -> MenuItem:
    """A charge the stay rule names (a set's, the extension's), which must be on the menu."""
    item = uow.session.scalars(select(MenuItem).where(MenuItem.code == code)).first()
    if item is None or not item.active:
        raise NotFound(f"The menu has no {what} (item {code}); a manager adds it to the menu "
                       "or changes the stay rule.")
    return item


def add_line(
    ctx: TillContext,
    actor: StaffMember,
    check_id: int,
    item_code: str,
    quantity: int = 1,
    cast_code: str | None = None,
) -> int:
    """Add a menu item; cheki and cast drinks must name the cast member they are for."""
    check_quantity(quantity)
    with ctx.uow() as uow:
        check = _open_check(uow, check_id)
        code = cleaned(item_code)
        item = uow.session.scalars(select(MenuItem).where(MenuItem.code == code)).first()
        if item is None or not item.active:
            raise NotFound(f"No menu item {shown(item_code)}.")
        require_on_menu(item, business_day(uow.now))  # an event item, outside its window
        if item.category == Category.NOMINATION:
            raise InvalidInput(f"{item.name_en} is rung up with Nominate, which charges each guest.")
        line = _line(uow, actor, check, item, quantity, _cast_for(uow, item, cast_code))
        uow.commit()
        return line.id


def _line(uow: UnitOfWork, actor: StaffMember, check: Check, item: MenuItem, quantity: int,
          cast: CastMember | None) -> CheckLine:
    line = CheckLine(
        check=check,
        menu_item_id=item.id,
        name_ja=item.name_ja,
        name_en=item.name_en,
        category=item.category,
        unit_price=item.price,
        quantity=quantity,
        tax_rate=int(tax_rate_for(item.category, check.takeout)),
        cast_id=cast.id if cast else None,
        added_at=uow.now,
        added_by=actor.id,
    )
    uow.session.add(line)
    uow.session.flush()
    return line


def nominate(ctx: TillContext, actor: StaffMember, check_id: int, cast_code: str,
             main: bool = True) -> int:
    """The table nominates a cast member (指名): a line at the nomination fee for each guest."""
    if not isinstance(main, bool):
        raise InvalidInput("A nomination is main or extra.")
    rule = ctx.nominations
    with ctx.uow() as uow:
        check = _open_check(uow, check_id)
        main_code, extra_code = rule.items()
        items = {i.code: i for i in uow.session.scalars(
            select(MenuItem).where(MenuItem.code.in_(rule.items()), MenuItem.active))}
        item_code = main_code if main else extra_code
        if item_code not in items:
            raise NotFound(f"The menu has no {'main' if main else 'extra'} nomination "
                           f"(item {item_code}); a manager adds it to the menu.")
        cast = _cast_for(uow, items[item_code], cast_code)
        on_check = [Nomination(line.cast.code, line.menu_item.code == main_code)
                    for line in check.lines
                    if line.category == Category.NOMINATION and line.voided_at is None]
        wanted = nomination_line(rule, on_check, Nomination(cast.code, main), cast.stage_name,
                                 check.guests)
        line = _line(uow, actor, check, items[wanted.item_code], wanted.quantity, cast)
        uow.commit()
        return line.id


def _cast_for(uow: UnitOfWork, item: MenuItem, cast_code: str | None) -> CastMember | None:
    if not credits_cast(item.category, item.cast_credit):
        if cast_code:
            raise InvalidInput(f"{item.name_en} is not credited to a cast member.")
        return None
    if not cast_code:
        raise InvalidInput(f"{item.name_en} needs the cast member it is for.")
    code = cleaned(cast_code)
    cast = uow.session.scalars(select(CastMember).where(CastMember.code == code)).first()
    if cast is None:
        raise NotFound(f"No cast member {shown(cast_code)}.")
    if not cast.active:
        raise InvalidInput(f"{cast.stage_name} ({cast.code}) has retired and cannot be credited.")
    return cast


def void_line(ctx: TillContext, actor: StaffMember, line_id: int, reason: str) -> None:
    """Take a line off an open check; it stays on record, marked void, with the reason."""
    reason = required_reason(reason, "Voiding a line")
    with ctx.uow() as uow:
        line = uow.session.get(CheckLine, row_id(line_id, "That line"))
        if line is None:
            raise NotFound("That line does not exist.")
        _open_check(uow, line.check_id)
        if line.voided_at is not None:
            raise InvalidInput("That line is already void.")
        line.voided_at, line.voided_by, line.void_reason = uow.now, actor.id, reason
        uow.audit(
            "line.voided", actor.id, subject=f"check:{line.check.number}",
            item=line.name_en, amount=line.amount, reason=reason,
        )
        uow.commit()


def cancel_check(ctx: TillContext, actor: StaffMember, check_id: int, reason: str) -> None:
    """Void an open check (guests left, opened by mistake); it stays on record."""
    reason = required_reason(reason, "Cancelling a check")
    with ctx.uow() as uow:
        check = _open_check(uow, check_id)
        check.status, check.void_reason = "voided", reason
        check.closed_at, check.closed_by = uow.now, actor.id
        uow.audit("check.cancelled", actor.id, subject=f"check:{check.number}", reason=reason)
        uow.commit()


@audits_refusals("card.scan")  # dead, unknown and mistyped cards end on the audit trail
def attach_producer(ctx: TillContext, actor: StaffMember, check_id: int, typed: str) -> None:
    """Put the producer's card on the check, with the rank held when the check opened.

    Spend points earned since the check opened (another check of theirs settled
    meanwhile) do not count toward this check's multiplier, nor do its own.
    """
    with ctx.uow() as uow:
        check = _open_check(uow, check_id)
        producer, card = _resolve(uow.session, typed)
        rank = rank_when_opened(ctx, uow, producer, check)
        check.producer_id = producer.id
        check.card_number = card.number if card else None
        check.rank_name, check.multiplier_pct = rank.name, rank.multiplier_pct
        uow.commit()


def rank_when_opened(ctx: TillContext, uow: UnitOfWork, producer, check: Check):
    """The producer's rank as it stood when the check opened (later spend not counted)."""
    earned_since = uow.session.scalar(
        select(func.coalesce(func.sum(PointsEntry.delta), 0)).where(
            PointsEntry.producer_id == producer.id,
            PointsEntry.kind == "spend",
            PointsEntry.created_at > check.opened_at,
        )
    )
    return ctx.ranks.rank_for(producer.spend_points - earned_since)


def extend_stay(ctx: TillContext, actor: StaffMember, check_id: int,
                automatic: bool = False) -> int:
    """Extend the table's stay: the extension charge for every guest, in one transaction.

    Returns how many extensions the check has now; a take-out check has no stay.
    ``automatic`` when the rule's grace period added it rather than a tap.
    """
    with ctx.uow() as uow:
        check = _open_check(uow, check_id)
        if check.takeout:
            raise InvalidInput(f"Check #{check.number} is take-out: it has no stay to extend.")
        rule = rule_in_force(ctx, uow.session, business_day(uow.now))
        _line(uow, actor, check, _menu_item(uow, rule.extension_item, "extension charge"),
              check.guests, None)
        check.extensions += 1
        check.stay_minutes = (check.stay_minutes or rule.limit_minutes) + rule.extension_minutes
        if automatic:
            uow.audit("stay.extended", actor.id, check=check.number, extensions=check.extensions)
        uow.commit()
        return check.extensions


def set_guests(ctx: TillContext, actor: StaffMember, check_id: int, guests: int) -> int:
    """A friend joins the table, or one leaves early: the party the check charges from now on.

    What is rung up stays as it is (the newcomer's table charge is rung up by
    hand); nominations and stay extensions from now on charge the new count.
    """
    guests = _party(guests)
    with ctx.uow() as uow:
        check = _open_check(uow, check_id)
        if check.takeout:
            raise InvalidInput(f"Check #{check.number} is take-out: it seats no guests.")
        if guests != check.guests:
            uow.audit("check.guests", actor.id, subject=f"check:{check.number}",
                      before=check.guests, after=guests)
            check.guests = guests
        uow.commit()
        return guests

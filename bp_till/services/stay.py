"""The stay rule in force, a manager's new version of it, and the extensions that add themselves."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bp_till.domain.business_day import business_day
from bp_till.domain.errors import InvalidInput, TillError
from bp_till.domain.money import Category
from bp_till.domain.stay import StayPolicy, StaySet, extensions_due
from bp_till.services.context import TillContext
from bp_till.services.days import refuse_closed_nights
from bp_till.services.inputs import shown
from bp_till.services.staff import Approval, StaffMember, authorize
from bp_till.store.models import Check, MenuItem, StayRuleVersion

STAY_ROLE = "manager"


def as_json(rule: StayPolicy) -> dict:
    return {"sets": [[s.item_code, s.minutes] for s in rule.sets],
            "extension_item": rule.extension_item, "extension_minutes": rule.extension_minutes,
            "warn_minutes": rule.warn_minutes, "auto_extend_after": rule.auto_extend_after}


def _rule(row: StayRuleVersion) -> StayPolicy:
    saved = json.loads(row.rule)
    sets = tuple(StaySet(code, minutes) for code, minutes in saved["sets"])
    return StayPolicy(sets[0].minutes, saved["warn_minutes"], saved["extension_minutes"],
                      saved["extension_item"], sets, saved["auto_extend_after"],
                      row.version, row.effective_from)


def saved_rules(session: Session) -> list[StayPolicy]:
    return [_rule(row) for row in session.scalars(select(StayRuleVersion))]


def rule_in_force(ctx: TillContext, session: Session | None = None,
                  day: date | None = None) -> StayPolicy:
    """The version in force on ``day`` (tonight's business day unless given)."""
    day = day or business_day(ctx.clock.now())
    if session is not None:
        return _in_force(session, day, ctx.stay)
    with ctx.store.read() as read:
        return _in_force(read, day, ctx.stay)


def _in_force(session: Session, day: date, default: StayPolicy) -> StayPolicy:
    """``domain.stay.rule_on`` as one indexed read: every floor redraw and check asks this."""
    row = session.scalars(select(StayRuleVersion).where(StayRuleVersion.effective_from <= day)
                          .order_by(StayRuleVersion.version.desc()).limit(1)).first()
    return _rule(row) if row is not None else default


def newest_rule(ctx: TillContext) -> StayPolicy:
    """The newest version saved (it may start on a later day), for the editor to start from."""
    with ctx.store.read() as session:
        rules = saved_rules(session)
    return max(rules, key=lambda r: r.version) if rules else ctx.stay


def _table_charge(session: Session, code: str, what: str) -> MenuItem:
    item = session.scalars(select(MenuItem).where(MenuItem.code == code)).first()
    if item is None or not item.active or item.category != Category.TABLE_CHARGE:
        raise InvalidInput(f"{what}: {shown(code)} is not a table charge on the menu.")
    return item


def save_stay_rule(ctx: TillContext, actor: StaffMember, effective_from: date, rule: StayPolicy,
                   approval: Approval | None = None) -> int:
    """A new version of the stay rule (made by ``domain.stay.stay_rule``), in force from a day."""
    approver = authorize(ctx, actor, STAY_ROLE, approval, "change the stay rule")
    if not isinstance(effective_from, date):
        raise InvalidInput("The stay rule needs the business day it starts on.")
    with ctx.uow() as uow:
        refuse_closed_nights(uow.session, effective_from, "A stay rule")
        for stay_set in rule.sets:
            _table_charge(uow.session, stay_set.item_code, "A set")
        _table_charge(uow.session, rule.extension_item, "The extension")
        version = (uow.session.scalar(select(func.max(StayRuleVersion.version))) or 0) + 1
        saved = as_json(rule)
        uow.session.add(StayRuleVersion(version=version, effective_from=effective_from,
                                        rule=json.dumps(saved), created_at=uow.now,
                                        created_by=actor.id))
        uow.emit("stay.updated", {"version": version,
                                  "effective_from": effective_from.isoformat(), **saved})
        uow.audit("stay.updated", actor.id, approver_id=approver.id if approver else None,
                  version=version, effective_from=effective_from.isoformat())
        uow.commit()
    return version


@dataclass(frozen=True)
class AutoExtended:
    checks: tuple[int, ...]  # one entry per extension added
    refusals: tuple[str, ...]  # why a due extension could not be added (shown to the cashier)


def extend_overdue(ctx: TillContext, actor: StaffMember) -> AutoExtended:
    """Add the extensions that are due by the rule's grace period.

    Each is its own transaction, as if the cashier had tapped Extend; a check
    that cannot be extended (the charge left the menu, the day is closed) is
    reported, and the others are still extended.
    """
    from bp_till.services.checks import extend_stay  # checks reads the rule from here

    now = ctx.clock.now()
    with ctx.store.read() as session:
        rule = rule_in_force(ctx, session)
        if rule.auto_extend_after is None:
            return AutoExtended((), ())
        seated = session.execute(
            select(Check.id, Check.opened_at, Check.stay_minutes)
            .where(Check.status == "open", Check.takeout.is_(False),
                   Check.stay_minutes.is_not(None))
        ).all()
    extended, refusals = [], []
    for check_id, opened_at, minutes in seated:
        for _ in range(extensions_due(opened_at, now, minutes, rule)):
            try:
                extend_stay(ctx, actor, check_id, automatic=True)
            except TillError as refusal:
                refusals.append(refusal.message)
                break
            extended.append(check_id)
    return AutoExtended(tuple(extended), tuple(refusals))

"""The newest cast and menu any till sent, written here without a new event (no echo).

A member or item retired at another till is retired here too; a sale rung up
here before keeps the name and price its line copied.

A list this till changed and has not sent yet is left alone: the central
database's version is older than what the manager just saved here, and the
push of the next round carries the newer one.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import exists, func, select

from bp_till.central.reads import CastRow, MenuRow
from bp_till.store.models import CastMember, MenuItem, OutboxEvent
from bp_till.store.uow import UnitOfWork


def _queued(uow: UnitOfWork, event_type: str) -> bool:
    return bool(uow.session.scalar(select(exists().where(
        OutboxEvent.type == event_type, OutboxEvent.sent_at.is_(None)))))


def apply(uow: UnitOfWork, cast: list[CastRow], menu: list[MenuRow]) -> int:
    """Rows created or changed here."""
    changed = 0
    if cast and not _queued(uow, "cast.updated"):
        changed += _cast(uow, cast)
    if menu and not _queued(uow, "menu.updated"):
        changed += _menu(uow, menu)
    return changed


def _cast(uow: UnitOfWork, rows: list[CastRow]) -> int:
    members = {c.code: c for c in uow.session.scalars(select(CastMember))}
    taken = {c.stage_name: c.code for c in members.values()}
    changed = 0
    for row in rows:
        member = members.get(row.code)
        if member and (member.stage_name, member.romaji, member.active) == (
                row.stage_name, row.romaji, row.active):
            continue
        if taken.get(row.stage_name, row.code) != row.code:
            continue  # the name is another member's here until that member's rename arrives
        if member is None:
            member = CastMember(code=row.code)
            uow.session.add(member)
        else:
            taken.pop(member.stage_name, None)
        member.stage_name, member.romaji, member.active = row.stage_name, row.romaji, row.active
        taken[row.stage_name] = row.code
        uow.session.flush()  # stage names are unique: one rename at a time
        changed += 1
    return changed


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _menu(uow: UnitOfWork, rows: list[MenuRow]) -> int:
    """Each item as the central database has it; retired ones stay retired here too.

    The order comes with it when the till that sent it said (a version sent by an older
    till did not: the item keeps its place here, or goes last when new).
    """
    items = {m.code: m for m in uow.session.scalars(select(MenuItem))}
    last = uow.session.scalar(select(func.coalesce(func.max(MenuItem.sort_order), 0)))
    changed = 0
    for row in rows:
        wanted = (row.category, row.name_ja, row.name_en, row.price, row.cast_credit,
                  row.active, _day(row.available_from), _day(row.available_until))
        item = items.get(row.code)
        if item and (item.category, item.name_ja, item.name_en, item.price, item.cast_credit,
                     item.active, item.available_from, item.available_until) == wanted and (
                row.sort_order is None or row.sort_order == item.sort_order):
            continue
        if item is None:
            last += 1
            item = MenuItem(code=row.code, sort_order=last)
            uow.session.add(item)
        (item.category, item.name_ja, item.name_en, item.price, item.cast_credit,
         item.active, item.available_from, item.available_until) = wanted
        if row.sort_order is not None:
            item.sort_order = row.sort_order
        changed += 1
    return changed

"""The newest cast and menu any till sent, written here without a new event (no echo).

A list this till changed and has not sent yet is left alone: the central
database's version is older than what the manager just saved here, and the
push of the next round carries the newer one.
"""

from __future__ import annotations

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
        if member and (member.stage_name, member.romaji) == (row.stage_name, row.romaji):
            continue
        if taken.get(row.stage_name, row.code) != row.code:
            continue  # the name is another member's here until that member's rename arrives
        if member is None:
            member = CastMember(code=row.code, active=True)
            uow.session.add(member)
        else:
            taken.pop(member.stage_name, None)
        member.stage_name, member.romaji = row.stage_name, row.romaji
        taken[row.stage_name] = row.code
        uow.session.flush()  # stage names are unique: one rename at a time
        changed += 1
    return changed


def _menu(uow: UnitOfWork, rows: list[MenuRow]) -> int:
    items = {m.code: m for m in uow.session.scalars(select(MenuItem))}
    last = uow.session.scalar(select(func.coalesce(func.max(MenuItem.sort_order), 0)))
    changed = 0
    for row in rows:
        wanted = (row.category, row.name_ja, row.name_en, row.price, row.cast_credit)
        item = items.get(row.code)
        if item and (item.category, item.name_ja, item.name_en, item.price,
                     item.cast_credit) == wanted:
            continue
        if item is None:
            last += 1
            item = MenuItem(code=row.code, active=True, sort_order=last)
            uow.session.add(item)
        item.category, item.name_ja, item.name_en, item.price, item.cast_credit = wanted
        changed += 1
    return changed

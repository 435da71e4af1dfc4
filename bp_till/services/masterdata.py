"""The menu and the cast: loaded by a manager (or ``init --demo``), synced as events."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from bp_till.domain.errors import InvalidInput
from bp_till.domain.money import Category, check_unit_price
from bp_till.services.context import TillContext
from bp_till.store.models import CastMember, MenuItem


@dataclass(frozen=True)
class MenuEntry:
    code: str
    category: str
    name_ja: str
    name_en: str
    price: int
    cast_credit: bool = False


@dataclass(frozen=True)
class CastEntry:
    code: str
    stage_name: str
    romaji: str


def _check_menu_entry(entry: MenuEntry) -> None:
    if entry.category not in Category.ALL:
        raise InvalidInput(f"{entry.code}: unknown category {entry.category!r}.")
    if not entry.code.strip() or not entry.name_ja.strip() or not entry.name_en.strip():
        raise InvalidInput(f"{entry.code or '?'}: a menu item needs a code and both names.")
    check_unit_price(entry.price)


def save_menu(ctx: TillContext, entries: Iterable[MenuEntry]) -> int:
    """Add or update menu items by code, in one transaction; returns how many."""
    entries = list(entries)
    for entry in entries:
        _check_menu_entry(entry)
    with ctx.uow() as uow:
        existing = {m.code: m for m in uow.session.scalars(select(MenuItem))}
        for order, entry in enumerate(entries):
            item = existing.get(entry.code) or MenuItem(code=entry.code)
            item.category, item.name_ja, item.name_en = entry.category, entry.name_ja, entry.name_en
            item.price, item.cast_credit = entry.price, entry.cast_credit
            item.active, item.sort_order = True, order
            uow.session.add(item)
        uow.emit("menu.updated", {"items": [entry.__dict__ for entry in entries]})
        uow.commit()
    return len(entries)


def save_cast(ctx: TillContext, entries: Iterable[CastEntry]) -> int:
    entries = list(entries)
    for entry in entries:
        if not entry.code.strip() or not entry.stage_name.strip():
            raise InvalidInput("A cast member needs a code and a stage name.")
    with ctx.uow() as uow:
        existing = {c.code: c for c in uow.session.scalars(select(CastMember))}
        for entry in entries:
            member = existing.get(entry.code) or CastMember(code=entry.code)
            member.stage_name, member.romaji, member.active = entry.stage_name, entry.romaji, True
            uow.session.add(member)
        uow.emit("cast.updated", {"cast": [entry.__dict__ for entry in entries]})
        uow.commit()
    return len(entries)


def menu(ctx: TillContext) -> list[MenuEntry]:
    with ctx.store.read() as session:
        rows = session.scalars(
            select(MenuItem).where(MenuItem.active).order_by(MenuItem.sort_order)
        )
        return [
            MenuEntry(m.code, m.category, m.name_ja, m.name_en, m.price, m.cast_credit)
            for m in rows
        ]


def cast(ctx: TillContext) -> list[CastEntry]:
    with ctx.store.read() as session:
        rows = session.scalars(
            select(CastMember).where(CastMember.active).order_by(CastMember.code)
        )
        return [CastEntry(c.code, c.stage_name, c.romaji) for c in rows]

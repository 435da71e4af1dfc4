"""The menu and the cast: loaded by a manager (or ``init --demo``), synced as events."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import select

from bp_till.domain.errors import InvalidInput
from bp_till.domain.money import Category, check_unit_price
from bp_till.services.context import TillContext
from bp_till.services.inputs import cleaned, required_code, required_text, shown
from bp_till.store.models import CastMember, MenuItem

MAX_NAME = 120  # the width of the menu's name columns
MAX_STAGE_NAME = 80


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


def _checked_menu_entry(entry: MenuEntry) -> MenuEntry:
    """The entry as it will be stored and printed, or InvalidInput naming the field."""
    if not isinstance(entry, MenuEntry):
        raise InvalidInput("A menu item is a code, a category, two names and a price.")
    code = required_code(entry.code, "A menu code")
    if not isinstance(entry.category, str) or entry.category not in Category.ALL:
        raise InvalidInput(f"{code}: unknown category {shown(entry.category)}.")
    name_ja = required_text(entry.name_ja, f"{code}: the Japanese name", MAX_NAME)
    name_en = required_text(entry.name_en, f"{code}: the English name", MAX_NAME)
    check_unit_price(entry.price)
    if not isinstance(entry.cast_credit, bool):
        raise InvalidInput(f"{code}: cast credit is yes or no.")
    return MenuEntry(code, entry.category, name_ja, name_en, entry.price, entry.cast_credit)


def _checked_cast_entry(entry: CastEntry) -> CastEntry:
    if not isinstance(entry, CastEntry):
        raise InvalidInput("A cast member is a code, a stage name and its romaji.")
    code = required_code(entry.code, "A cast code")
    stage_name = required_text(entry.stage_name, f"{code}: the stage name", MAX_STAGE_NAME)
    romaji = cleaned(entry.romaji)
    if len(romaji) > MAX_STAGE_NAME:
        raise InvalidInput(f"{code}: the romaji is at most {MAX_STAGE_NAME} characters.")
    return CastEntry(code, stage_name, romaji)


def _checked_list(entries: Iterable, check, what: str, unique: Callable) -> list:
    """Every entry checked, none twice: one bad entry refuses the whole list."""
    checked = [check(entry) for entry in entries]
    if not checked:
        raise InvalidInput(f"The {what} list is empty: there is nothing to save.")
    seen: set = set()
    for entry in checked:
        for key in unique(entry):
            if key in seen:
                raise InvalidInput(f"{shown(key[1])} appears twice in the {what} list.")
            seen.add(key)
    return checked


def save_menu(ctx: TillContext, entries: Iterable[MenuEntry]) -> int:
    """Add or update menu items by code, in one transaction; returns how many."""
    entries = _checked_list(entries, _checked_menu_entry, "menu", lambda e: [("code", e.code)])
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
    entries = _checked_list(entries, _checked_cast_entry, "cast",
                            lambda e: [("code", e.code), ("name", e.stage_name)])
    with ctx.uow() as uow:
        existing = {c.code: c for c in uow.session.scalars(select(CastMember))}
        taken = {c.stage_name: c.code for c in existing.values()}
        for entry in entries:
            if taken.get(entry.stage_name, entry.code) != entry.code:
                raise InvalidInput(
                    f"{taken[entry.stage_name]} is already named {entry.stage_name}; "
                    "a stage name belongs to one cast member."
                )
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

"""The menu and the cast: what they hold, how an entry is checked, the reads, the bulk load.

A manager's changes one at a time, and the CSV import, are in ``menu_admin``;
``save_menu``/``save_cast`` load whole lists (``init --demo``, tests). Every
change is a ``menu.updated`` or ``cast.updated`` event carrying each changed
row as it now stands (retired ones too), so the central database and the
other tills end with the same menu and cast.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from bp_till.domain.business_day import business_day
from bp_till.domain.errors import InvalidInput
from bp_till.domain.menu_window import check_window, off_menu, on_menu
from bp_till.domain.money import Category, check_unit_price
from bp_till.services.context import TillContext
from bp_till.services.inputs import cleaned, required_code, required_text, shown
from bp_till.store.models import CastMember, MenuItem
from bp_till.store.uow import UnitOfWork

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
    active: bool = True  # False: retired, off the menu panel; old checks keep it
    available_from: date | None = None  # an event item's first business day
    available_until: date | None = None  # … and its last


@dataclass(frozen=True)
class CastEntry:
    code: str
    stage_name: str
    romaji: str
    active: bool = True  # False: retired, no longer offered or credited; history keeps the name


def checked_menu_entry(entry: MenuEntry) -> MenuEntry:
    """The entry as it will be stored and printed, or InvalidInput naming the field."""
    if not isinstance(entry, MenuEntry):
        raise InvalidInput("A menu item is a code, a category, two names and a price.")
    code = required_code(entry.code, "A menu code")
    if not isinstance(entry.category, str) or entry.category not in Category.ALL:
        raise InvalidInput(f"{code}: unknown category {shown(entry.category)}.")
    name_ja = required_text(entry.name_ja, f"{code}: the Japanese name", MAX_NAME)
    name_en = required_text(entry.name_en, f"{code}: the English name", MAX_NAME)
    check_unit_price(entry.price)
    for flag, what in ((entry.cast_credit, "cast credit"), (entry.active, "active")):
        if not isinstance(flag, bool):
            raise InvalidInput(f"{code}: {what} is yes or no.")
    check_window(entry.available_from, entry.available_until, code)
    return MenuEntry(code, entry.category, name_ja, name_en, entry.price, entry.cast_credit,
                     entry.active, entry.available_from, entry.available_until)


def checked_cast_entry(entry: CastEntry) -> CastEntry:
    if not isinstance(entry, CastEntry):
        raise InvalidInput("A cast member is a code, a stage name and its romaji.")
    code = required_code(entry.code, "A cast code")
    stage_name = required_text(entry.stage_name, f"{code}: the stage name", MAX_STAGE_NAME)
    romaji = cleaned(entry.romaji)
    if len(romaji) > MAX_STAGE_NAME:
        raise InvalidInput(f"{code}: the romaji is at most {MAX_STAGE_NAME} characters.")
    if not isinstance(entry.active, bool):
        raise InvalidInput(f"{code}: active is yes or no.")
    return CastEntry(code, stage_name, romaji, entry.active)


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


# --- rows and entries ----------------------------------------------------------------------
def menu_entry(item: MenuItem) -> MenuEntry:
    return MenuEntry(item.code, item.category, item.name_ja, item.name_en, item.price,
                     item.cast_credit, item.active, item.available_from, item.available_until)


def cast_entry(member: CastMember) -> CastEntry:
    return CastEntry(member.code, member.stage_name, member.romaji, member.active)


def write_item(item: MenuItem, entry: MenuEntry) -> None:
    item.category, item.name_ja, item.name_en = entry.category, entry.name_ja, entry.name_en
    item.price, item.cast_credit, item.active = entry.price, entry.cast_credit, entry.active
    item.available_from, item.available_until = entry.available_from, entry.available_until


def name_taken(holder: CastMember) -> str:
    """Why a stage name cannot be given: another cast member (perhaps retired) holds it."""
    retired = "" if holder.active else " (retired; the history keeps the name)"
    return (f"{holder.stage_name} is the stage name of {holder.code}{retired}; "
            "a stage name belongs to one cast member.")


def item_payload(item: MenuItem) -> dict:
    """A menu row as the event carries it (the central database keeps every version)."""
    first, last = item.available_from, item.available_until
    return {"code": item.code, "category": item.category, "name_ja": item.name_ja,
            "name_en": item.name_en, "price": item.price, "cast_credit": item.cast_credit,
            "active": item.active, "sort_order": item.sort_order,
            "available_from": first.isoformat() if first else None,
            "available_until": last.isoformat() if last else None}


def member_payload(member: CastMember) -> dict:
    return {"code": member.code, "stage_name": member.stage_name, "romaji": member.romaji,
            "active": member.active}


def emit_menu(uow: UnitOfWork, items: Iterable[MenuItem]) -> None:
    uow.emit("menu.updated", {"items": [item_payload(i) for i in items]})


def emit_cast(uow: UnitOfWork, members: Iterable[CastMember]) -> None:
    uow.emit("cast.updated", {"cast": [member_payload(m) for m in members]})


def require_on_menu(item: MenuItem, day: date) -> None:
    """Refuse an event item outside its window (a retired one is refused before this)."""
    if not on_menu(item.available_from, item.available_until, day):
        raise InvalidInput(off_menu(item.name_en, item.available_from, item.available_until, day))


# --- the bulk load ----------------------------------------------------------------------------
def save_menu(ctx: TillContext, entries: Iterable[MenuEntry]) -> int:
    """Add or update menu items by code, in this order, in one transaction; returns how many."""
    entries = _checked_list(entries, checked_menu_entry, "menu", lambda e: [("code", e.code)])
    with ctx.uow() as uow:
        existing = {m.code: m for m in uow.session.scalars(select(MenuItem))}
        written = []
        for order, entry in enumerate(entries):
            item = existing.get(entry.code) or MenuItem(code=entry.code)
            write_item(item, entry)
            item.sort_order = order
            uow.session.add(item)
            written.append(item)
        emit_menu(uow, written)
        uow.commit()
    return len(entries)


def save_cast(ctx: TillContext, entries: Iterable[CastEntry]) -> int:
    entries = _checked_list(entries, checked_cast_entry, "cast",
                            lambda e: [("code", e.code), ("name", e.stage_name)])
    with ctx.uow() as uow:
        existing = {c.code: c for c in uow.session.scalars(select(CastMember))}
        taken = {c.stage_name: c.code for c in existing.values()}
        written = []
        for entry in entries:
            if taken.get(entry.stage_name, entry.code) != entry.code:
                raise InvalidInput(
                    f"{taken[entry.stage_name]} is already named {entry.stage_name}; "
                    "a stage name belongs to one cast member."
                )
            member = existing.get(entry.code) or CastMember(code=entry.code)
            member.stage_name, member.romaji, member.active = (
                entry.stage_name, entry.romaji, entry.active)
            uow.session.add(member)
            written.append(member)
        emit_cast(uow, written)
        uow.commit()
    return len(entries)


# --- reads ---------------------------------------------------------------------------------
def menu(ctx: TillContext, day: date | None = None) -> list[MenuEntry]:
    """Tonight's menu (or ``day``'s), in its order: items not retired, in their window."""
    day = day or business_day(ctx.clock.now())
    return [entry for entry in menu_book(ctx) if entry.active
            and on_menu(entry.available_from, entry.available_until, day)]


def menu_book(ctx: TillContext) -> list[MenuEntry]:
    """Every item ever on the menu, retired and out-of-window ones too, in the menu's order."""
    with ctx.store.read() as session:
        rows = session.scalars(select(MenuItem).order_by(MenuItem.sort_order, MenuItem.code))
        return [menu_entry(m) for m in rows]


def cast(ctx: TillContext) -> list[CastEntry]:
    """The cast who can be credited: everyone not retired, by code."""
    return [member for member in cast_book(ctx) if member.active]


def cast_book(ctx: TillContext) -> list[CastEntry]:
    """Every cast member ever, retired ones too, by code."""
    with ctx.store.read() as session:
        rows = session.scalars(select(CastMember).order_by(CastMember.code))
        return [cast_entry(c) for c in rows]

"""A manager's changes to the menu and the cast, one at a time, each one transaction and one event.

Nothing is ever deleted: a retired item leaves the menu panel and a retired
cast member the pickers, but old checks, reports and the central database keep
them (check lines copy the name and price they were sold at). A stage name
belongs to one cast member, retired ones too: the history names them by it.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from bp_till.domain.errors import InvalidInput, NotFound
from bp_till.domain.money import Category
from bp_till.services.context import TillContext
from bp_till.services.inputs import cleaned, shown
from bp_till.services.masterdata import (
    CastEntry, MenuEntry, checked_cast_entry, checked_menu_entry, emit_cast, emit_menu,
    menu_entry, name_taken, write_item,
)
from bp_till.services.staff import Approval, StaffMember, authorize
from bp_till.store.models import CastMember, MenuItem

MASTERDATA_ROLE = "manager"
# A change: the rows it touched (none: it changed nothing) and what the audit entry says.
Change = Callable[[Session], tuple[list, dict]]


def _run(ctx: TillContext, actor: StaffMember, approval: Approval | None, what: str,
         action: str, subject: str, change: Change) -> None:
    approver = authorize(ctx, actor, MASTERDATA_ROLE, approval, what)
    with ctx.uow() as uow:
        rows, detail = change(uow.session)
        if not rows:
            raise InvalidInput(f"{subject}: that changes nothing.")
        uow.session.flush()
        (emit_menu if isinstance(rows[0], MenuItem) else emit_cast)(uow, rows)
        uow.audit(action, actor.id, approver_id=approver.id if approver else None,
                  subject=subject, **detail)
        uow.commit()


# --- the menu ------------------------------------------------------------------------------
def _item(session: Session, code: object) -> MenuItem:
    item = session.scalars(select(MenuItem).where(MenuItem.code == cleaned(code))).first()
    if item is None:
        raise NotFound(f"No menu item {shown(code)}.")
    return item


def add_item(ctx: TillContext, actor: StaffMember, entry: MenuEntry,
             approval: Approval | None = None) -> None:
    """A new item, at the end of its category."""
    entry = checked_menu_entry(entry)

    def change(session: Session) -> tuple[list, dict]:
        known = session.scalars(select(MenuItem).where(MenuItem.code == entry.code)).first()
        if known is not None:
            raise InvalidInput(f"{entry.code} is on the menu already ({known.name_en}); "
                               "edit it instead.")
        last = max(session.scalars(select(MenuItem.sort_order)), default=-1)
        item = MenuItem(code=entry.code, sort_order=last + 1)
        write_item(item, entry)
        session.add(item)
        return [item], {"price": entry.price}

    _run(ctx, actor, approval, "add a menu item", "menu.item_added", entry.code, change)


def edit_item(ctx: TillContext, actor: StaffMember, entry: MenuEntry,
              approval: Approval | None = None) -> None:
    """New names, category, price, cast credit or window for an item (by its code)."""
    entry = checked_menu_entry(entry)

    def change(session: Session) -> tuple[list, dict]:
        item = _item(session, entry.code)
        before = menu_entry(item)
        if before == entry:
            return [], {}
        write_item(item, entry)
        return [item], {"changed": sorted(k for k, v in entry.__dict__.items()
                                          if getattr(before, k) != v),
                        "price_before": before.price, "price": entry.price}

    _run(ctx, actor, approval, "change a menu item", "menu.item_changed", entry.code, change)


def retire_item(ctx: TillContext, actor: StaffMember, code: str, active: bool = False,
                approval: Approval | None = None) -> None:
    """Off the menu (``active`` False), or back on it (True); old checks keep it either way."""
    def change(session: Session) -> tuple[list, dict]:
        item = _item(session, code)
        if item.active == active:
            raise InvalidInput(f"{item.code} is {'on the menu' if active else 'retired'} already.")
        item.active = active
        return [item], {}

    what, action = (("put a menu item back", "menu.item_reinstated") if active
                    else ("retire a menu item", "menu.item_retired"))
    _run(ctx, actor, approval, what, action, cleaned(code), change)


def move_item(ctx: TillContext, actor: StaffMember, code: str, step: int,
              approval: Approval | None = None) -> None:
    """One place earlier (-1) or later (+1) among the items of its category."""
    if step not in (-1, 1):
        raise InvalidInput("An item moves one place up or down.")

    def change(session: Session) -> tuple[list, dict]:
        item = _item(session, code)
        items = list(session.scalars(select(MenuItem).order_by(MenuItem.sort_order,
                                                               MenuItem.code)))
        same = [i for i in items if i.category == item.category]
        at = same.index(item) + step
        if not 0 <= at < len(same):
            raise InvalidInput(f"{item.code} is {'first' if step < 0 else 'last'} in its "
                               "category already.")
        a, b = items.index(item), items.index(same[at])
        items[a], items[b] = items[b], items[a]
        moved = [i for order, i in enumerate(items) if i.sort_order != order]
        for order, i in enumerate(items):
            i.sort_order = order
        return moved, {"step": step}

    _run(ctx, actor, approval, "reorder the menu", "menu.item_moved", cleaned(code), change)


def category_order(entries: list[MenuEntry]) -> list[MenuEntry]:
    """The items as the menu panel shows them: by category, then in the menu's order."""
    rank = {c: n for n, c in enumerate(Category.ALL)}
    return sorted(entries, key=lambda e: rank.get(e.category, len(rank)))  # stable


# --- the cast ------------------------------------------------------------------------------
def _member(session: Session, code: object) -> CastMember:
    member = session.scalars(select(CastMember).where(CastMember.code == cleaned(code))).first()
    if member is None:
        raise NotFound(f"No cast member {shown(code)}.")
    return member


def refuse_taken_name(session: Session, code: str, stage_name: str) -> None:
    holder = session.scalars(select(CastMember).where(CastMember.stage_name == stage_name,
                                                      CastMember.code != code)).first()
    if holder is not None:
        raise InvalidInput(name_taken(holder))


def add_member(ctx: TillContext, actor: StaffMember, entry: CastEntry,
               approval: Approval | None = None) -> None:
    entry = checked_cast_entry(entry)

    def change(session: Session) -> tuple[list, dict]:
        known = session.scalars(select(CastMember).where(CastMember.code == entry.code)).first()
        if known is not None:
            raise InvalidInput(f"{entry.code} is in the cast already ({known.stage_name}); "
                               "edit them instead.")
        refuse_taken_name(session, entry.code, entry.stage_name)
        member = CastMember(code=entry.code, stage_name=entry.stage_name,
                            romaji=entry.romaji, active=entry.active)
        session.add(member)
        return [member], {"stage_name": entry.stage_name}

    _run(ctx, actor, approval, "add a cast member", "cast.member_added", entry.code, change)


def rename_member(ctx: TillContext, actor: StaffMember, entry: CastEntry,
                  approval: Approval | None = None) -> None:
    """A new stage name or romaji for a cast member (by code); their history follows."""
    entry = checked_cast_entry(entry)

    def change(session: Session) -> tuple[list, dict]:
        member = _member(session, entry.code)
        before = member.stage_name
        if (before, member.romaji) == (entry.stage_name, entry.romaji):
            return [], {}
        refuse_taken_name(session, entry.code, entry.stage_name)
        member.stage_name, member.romaji = entry.stage_name, entry.romaji
        return [member], {"stage_name_before": before, "stage_name": entry.stage_name}

    _run(ctx, actor, approval, "rename a cast member", "cast.member_renamed", entry.code, change)


def retire_member(ctx: TillContext, actor: StaffMember, code: str, active: bool = False,
                  approval: Approval | None = None) -> None:
    """Retired (``active`` False): no longer offered or credited; back again with True."""
    def change(session: Session) -> tuple[list, dict]:
        member = _member(session, code)
        if member.active == active:
            raise InvalidInput(f"{member.code} is {'in the cast' if active else 'retired'} "
                               "already.")
        member.active = active
        return [member], {}

    what, action = (("put a cast member back", "cast.member_reinstated") if active
                    else ("retire a cast member", "cast.member_retired"))
    _run(ctx, actor, approval, what, action, cleaned(code), change)

"""Importing a whole menu or cast list (``bp-till menu import``): every row checked, then one transaction.

Rows are numbered by the line they came from, so a refusal lists every bad row
by line. Items or cast members the list leaves out stay as they are (a
``retired`` column retires); the list's order is the menu's order, those left
out following it in theirs. A list that changes nothing writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from bp_till.domain.errors import InvalidInput, TillError
from bp_till.services.context import TillContext
from bp_till.services.masterdata import (
    cast_entry, checked_cast_entry, checked_menu_entry, emit_cast,
    emit_menu, menu_entry, name_taken, write_item,
)
from bp_till.store.models import CastMember, MenuItem

Numbered = Sequence[tuple[int, object]]  # (line, entry)


class BadRows(InvalidInput):
    """Some rows of an import are wrong: every one of them, by line; nothing was written."""

    def __init__(self, problems: list[tuple[int, str]]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(f"line {line}: {why}" for line, why in self.problems))


@dataclass(frozen=True)
class Imported:
    added: int
    changed: int
    unchanged: int


def _checked(rows: Numbered, check: Callable, keys: Callable,
             problems: list[tuple[int, str]]) -> list[tuple[int, object]]:
    """Each row checked; the same code (or stage name) twice is refused on its later line.

    The bad rows go to ``problems`` (which may hold the reader's already).
    """
    good, seen = [], {}
    for line, entry in rows:
        try:
            entry = check(entry)
        except TillError as refusal:
            problems.append((line, refusal.message))
            continue
        clash = next(((what, seen[key]) for what, key in keys(entry) if key in seen), None)
        if clash:
            problems.append((line, f"{clash[0]} is on line {clash[1]} already."))
            continue
        seen.update({key: line for _what, key in keys(entry)})
        good.append((line, entry))
    return good


def _refuse(problems: list[tuple[int, str]], good: list) -> None:
    if problems:
        raise BadRows(problems)
    if not good:
        raise InvalidInput("The list has no rows: there is nothing to import.")


def import_menu(ctx: TillContext, rows: Numbered, via: str = "",
                problems: Sequence[tuple[int, str]] = ()) -> Imported:
    """``problems``: rows the reader could not read, listed with the rest."""
    problems = list(problems)
    good = _checked(rows, checked_menu_entry, lambda e: [(f"code {e.code}", e.code)], problems)
    _refuse(problems, good)
    with ctx.uow() as uow:
        items = list(uow.session.scalars(select(MenuItem).order_by(MenuItem.sort_order,
                                                                   MenuItem.code)))
        known = {i.code: i for i in items}
        listed = {entry.code for _line, entry in good}
        ordered, added, changed = [], 0, {}
        for _line, entry in good:
            item = known.get(entry.code)
            if item is None:
                item = MenuItem(code=entry.code)
                uow.session.add(item)
                added += 1
            if item.id is None or menu_entry(item) != entry:
                write_item(item, entry)
                changed[entry.code] = item
            ordered.append(item)
        ordered += [i for i in items if i.code not in listed]
        for order, item in enumerate(ordered):
            if item.sort_order != order:
                item.sort_order = order
                changed[item.code] = item
        result = Imported(added, len(changed) - added, len(good) - len(listed & changed.keys()))
        if changed:
            uow.session.flush()
            emit_menu(uow, changed.values())
            uow.audit("menu.imported", None, subject=via or None, added=result.added,
                      changed=result.changed, rows=len(good))
            uow.commit()
    return result


def import_cast(ctx: TillContext, rows: Numbered, via: str = "",
                problems: Sequence[tuple[int, str]] = ()) -> Imported:
    problems = list(problems)
    good = _checked(rows, checked_cast_entry, lambda e: [(f"code {e.code}", e.code),
                                                          (f"stage name {e.stage_name}",
                                                           ("name", e.stage_name))], problems)
    with ctx.uow() as uow:
        members = {m.code: m for m in uow.session.scalars(select(CastMember))}
        problems += _names_kept(members, good)
        _refuse(problems, good)
        added, changed = 0, []
        for _line, entry in good:
            member = members.get(entry.code)
            if member is not None and cast_entry(member) == entry:
                continue
            if member is None:
                member = members[entry.code] = CastMember(code=entry.code, romaji="")
                uow.session.add(member)
                added += 1
            member.stage_name = f"\x00{entry.code}"  # freed first: two may swap their names
            changed.append((member, entry))
        uow.session.flush()
        for member, entry in changed:
            member.stage_name, member.romaji, member.active = (
                entry.stage_name, entry.romaji, entry.active)
        result = Imported(added, len(changed) - added, len(good) - len(changed))
        if changed:
            uow.session.flush()
            emit_cast(uow, [member for member, _entry in changed])
            uow.audit("cast.imported", None, subject=via or None, added=result.added,
                      changed=result.changed, rows=len(good))
            uow.commit()
    return result


def _names_kept(members: dict[str, CastMember], good: list) -> list[tuple[int, str]]:
    """A stage name the list gives must not stay with a cast member the list leaves out."""
    listed = {entry.code for _line, entry in good}
    kept = {m.stage_name: m for m in members.values() if m.code not in listed}
    problems = []
    for line, entry in good:
        holder = kept.get(entry.stage_name)
        if holder is not None:
            problems.append((line, name_taken(holder)))
    return problems

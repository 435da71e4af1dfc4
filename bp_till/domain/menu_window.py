"""An event item's window: the business days it is on the menu (both ends included).

A window open on one side (no first or no last day) is open that way; an item
with neither is a regular item, on the menu every night it is not retired.
"""

from __future__ import annotations

from datetime import date

from bp_till.domain.errors import InvalidInput


def on_menu(first: date | None, last: date | None, day: date) -> bool:
    return (first is None or first <= day) and (last is None or day <= last)


def check_window(first: date | None, last: date | None, what: str) -> None:
    for end in (first, last):
        if end is not None and not isinstance(end, date):
            raise InvalidInput(f"{what}: a window's days are dates (YYYY-MM-DD).")
    if first is not None and last is not None and last < first:
        raise InvalidInput(f"{what}: available until {last.isoformat()} is before "
                           f"available from {first.isoformat()}.")


def off_menu(name: str, first: date | None, last: date | None, day: date) -> str:
    """Why an item is not on tonight's menu (the caller checked that it is not)."""
    if first is not None and day < first:
        return (f"{name} is an event item on the menu from {first.isoformat()}; "
                f"business day {day.isoformat()} is before it.")
    return (f"{name} was an event item on the menu until {last.isoformat()}; "
            f"business day {day.isoformat()} is after it.")

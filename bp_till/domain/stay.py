"""The stay rule: the sets a table opens on, the warning before its time, and the extensions.

A table opens on a set (60 or 90 minutes, say), charged per guest with the set's
table charge. Once the time is up the till proposes the extension charge for
every guest; a manager may let it add itself after a grace period. The rule is
versioned from a business day like the backs, and a check keeps the minutes it
was opened and extended for, so a new rule never shortens a table already seated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import Enum

from bp_till.domain.errors import InvalidInput

MAX_STAY_MINUTES = 600  # a set or an extension longer than ten hours is a typing slip
MAX_GRACE_MINUTES = 120


class StayState(str, Enum):
    OK = "ok"
    WARNING = "warning"  # amber: the limit is near
    OVER = "over"  # red: past the limit


@dataclass(frozen=True)
class StaySet:
    """A set a table opens on: its table charge (menu item, once per guest) and its minutes."""

    item_code: str
    minutes: int


@dataclass(frozen=True)
class StayPolicy:
    """One version of the stay rule; version 0 is the café's default, never saved."""

    limit_minutes: int = 90  # a check opened without a set (DESIGN: 90 minutes by default)
    warn_minutes: int = 10  # how long before the limit the warning starts
    extension_minutes: int = 30
    extension_item: str = "T03"  # the menu's extension charge, once per guest each time
    sets: tuple[StaySet, ...] = ()  # the first is the one a table opens on unless chosen
    auto_extend_after: int | None = None  # minutes past its time; None: the cashier adds it
    version: int = 0
    effective_from: date | None = field(default=None, compare=False)

    @property
    def default_set(self) -> StaySet | None:
        return self.sets[0] if self.sets else None

    def set_for(self, item_code: str) -> StaySet:
        found = next((s for s in self.sets if s.item_code == item_code), None)
        if found is None:
            raise InvalidInput(f"{item_code!r} is not one of the sets a table opens on.")
        return found


def _minutes(value: object, what: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInput(f"{what} must be a whole number of minutes from {low} to {high}.")
    return value


def stay_rule(sets: list[tuple[str, object]], extension_item: str, extension_minutes: object,
              warn_minutes: object, auto_extend_after: object = None) -> StayPolicy:
    """A rule from what a manager typed, or InvalidInput naming what is wrong."""
    checked: list[StaySet] = []
    for code, minutes in sets:
        if any(s.item_code == code for s in checked):
            raise InvalidInput(f"{code} is two sets; give it one length.")
        if code == extension_item:
            raise InvalidInput(f"{code} is the extension charge; a set needs its own table charge.")
        checked.append(StaySet(code, _minutes(minutes, f"The set {code}", 1, MAX_STAY_MINUTES)))
    if not checked:
        raise InvalidInput("A stay rule needs at least one set for a table to open on.")
    extension = _minutes(extension_minutes, "The extension", 1, MAX_STAY_MINUTES)
    shortest = min(s.minutes for s in checked)
    warn = _minutes(warn_minutes, "The warning", 0, shortest - 1 if shortest > 1 else 0)
    if auto_extend_after is not None:
        auto_extend_after = _minutes(auto_extend_after, "The grace before an automatic extension",
                                     0, MAX_GRACE_MINUTES)
    return StayPolicy(checked[0].minutes, warn, extension, extension_item, tuple(checked),
                      auto_extend_after)


def rule_on(versions: list[StayPolicy], day: date, default: StayPolicy) -> StayPolicy:
    """The newest version in force on a business day, or the default before any."""
    in_force = [v for v in versions if v.effective_from is not None and v.effective_from <= day]
    return max(in_force, key=lambda v: v.version) if in_force else default


@dataclass(frozen=True)
class StayStatus:
    elapsed: timedelta
    limit: timedelta
    state: StayState

    @property
    def remaining(self) -> timedelta:
        return self.limit - self.elapsed

    @property
    def label(self) -> str:
        minutes = int(self.elapsed.total_seconds() // 60)
        return f"{minutes} / {int(self.limit.total_seconds() // 60)} min"


def stay_status(opened_at: datetime, now: datetime, stay_minutes: int,
                policy: StayPolicy = StayPolicy()) -> StayStatus:
    """How the table stands against the minutes its check was opened and extended for."""
    elapsed = max(now - opened_at, timedelta(0))
    limit = timedelta(minutes=stay_minutes)
    if elapsed >= limit:
        state = StayState.OVER
    elif elapsed >= limit - timedelta(minutes=policy.warn_minutes):
        state = StayState.WARNING
    else:
        state = StayState.OK
    return StayStatus(elapsed, limit, state)


def extensions_due(opened_at: datetime, now: datetime, stay_minutes: int,
                   policy: StayPolicy) -> int:
    """How many extensions add themselves now: none unless the rule says so.

    One is due once the table is ``auto_extend_after`` minutes past its time; a
    till that was off for an hour catches up with every extension the table used.
    """
    if policy.auto_extend_after is None:
        return 0
    overdue = (now - opened_at) - timedelta(minutes=stay_minutes + policy.auto_extend_after)
    if overdue < timedelta(0):
        return 0
    return 1 + overdue // timedelta(minutes=policy.extension_minutes)

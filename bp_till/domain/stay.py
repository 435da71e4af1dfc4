"""How long a table has stayed, against the 90-minute visit and its extensions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum


class StayState(str, Enum):
    OK = "ok"
    WARNING = "warning"  # amber: the limit is near
    OVER = "over"  # red: past the limit


@dataclass(frozen=True)
class StayPolicy:
    limit_minutes: int = 90
    warn_minutes: int = 10  # how long before the limit the warning starts
    extension_minutes: int = 30
    extension_item: str = "T03"  # the menu's extension charge, once per guest each time


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


def stay_status(
    opened_at: datetime, now: datetime, extensions: int = 0, policy: StayPolicy = StayPolicy()
) -> StayStatus:
    elapsed = max(now - opened_at, timedelta(0))
    limit = timedelta(minutes=policy.limit_minutes + extensions * policy.extension_minutes)
    if elapsed >= limit:
        state = StayState.OVER
    elif elapsed >= limit - timedelta(minutes=policy.warn_minutes):
        state = StayState.WARNING
    else:
        state = StayState.OK
    return StayStatus(elapsed, limit, state)

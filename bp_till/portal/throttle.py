"""Wrong passwords, counted per login ID and per client address (the `limits` library).

Each wrong login counts against the login ID typed (known or not, so the
answer never tells which) and against the address it came from, in a moving
window. Past either limit, logins for that ID or from that address are
refused without checking the password until the oldest failure leaves the
window. A right password clears its login ID's count (not the address's).

The counts live in the storage the URI names: ``memory://`` (one portal
process; lost when it restarts) or ``redis://HOST:6379`` when several portal
processes must share them.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from limits import RateLimitItemPerMinute, storage, strategies

PER_LOGIN = RateLimitItemPerMinute(5, 15)  # 5 wrong passwords per login ID in 15 minutes
PER_ADDRESS = RateLimitItemPerMinute(20, 15)  # 20 from one client address in 15 minutes


@dataclass(frozen=True)
class Lockout:
    by: str  # 'login' or 'address'
    minutes: int  # until the next try is taken, rounded up

    @property
    def seconds(self) -> int:
        return self.minutes * 60


class LoginThrottle:
    def __init__(self, storage_uri: str = "memory://") -> None:
        self._limiter = strategies.MovingWindowRateLimiter(storage.storage_from_string(storage_uri))

    def _wait(self, item, *key: str) -> int | None:
        if self._limiter.test(item, *key):
            return None
        reset_at = self._limiter.get_window_stats(item, *key).reset_time
        return max(1, math.ceil((reset_at - time.time()) / 60))

    def lockout(self, login_id: str, address: str) -> Lockout | None:
        """Why a login must not be tried now, or None when it may."""
        minutes = self._wait(PER_LOGIN, "login", login_id)
        if minutes:
            return Lockout("login", minutes)
        minutes = self._wait(PER_ADDRESS, "address", address)
        return Lockout("address", minutes) if minutes else None

    def failed(self, login_id: str, address: str) -> None:
        self._limiter.hit(PER_LOGIN, "login", login_id)
        self._limiter.hit(PER_ADDRESS, "address", address)

    def succeeded(self, login_id: str) -> None:
        self._limiter.clear(PER_LOGIN, "login", login_id)

"""Checking a producer's login: the slip's login ID and password, or one they chose.

The answer is the same for an unknown login ID and a wrong password, and so
is the time it takes: an unknown ID is verified against a hash of a random
password made once. Wrong tries are counted (throttle.py) before any hash is
read, so a locked-out ID costs the server nothing. The argon2id verify runs
on at most as many threads at once as the machine has cores (each takes
64 MiB), so a burst of logins queues instead of exhausting memory, and the
pages of producers already signed in are served meanwhile.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache

from sqlalchemy import Engine

from bp_till.domain.credentials import generate_password, hash_password, verify_password
from bp_till.domain.identifiers import parse_login_id
from bp_till.portal import reads
from bp_till.portal.throttle import LoginThrottle, Lockout

MAX_TYPED = 200  # characters of a login ID or password read at all


class WrongLogin(Exception):
    """The login ID or the password is wrong (which one is never said)."""


class LockedOut(Exception):
    def __init__(self, lockout: Lockout) -> None:
        super().__init__(lockout.by)
        self.lockout = lockout


@dataclass(frozen=True)
class SignedIn:
    login_id: str
    password_hash: str  # what the session's fingerprint is made from


@cache
def _unknown_login_hash() -> str:
    return hash_password(generate_password())


# Its own threads: a burst of logins waits here, not in the pool that serves the pages.
_ARGON2 = ThreadPoolExecutor(max_workers=os.cpu_count() or 2, thread_name_prefix="argon2")


async def _on_argon2_thread(work, *args):
    return await asyncio.get_running_loop().run_in_executor(_ARGON2, work, *args)


def fingerprint(secret: bytes, password_hash: str) -> str:
    """What a session keeps of the password it was opened with: a new password ends it."""
    return hmac.new(secret, password_hash.encode(), hashlib.sha256).hexdigest()[:32]


def _verify(engine: Engine, login_id: str, password: str) -> str | None:
    """The current hash if the password matches it, else None (in a worker thread)."""
    with reads.reading(engine) as conn:
        stored = reads.password_hash(conn, login_id)
    matches = verify_password(stored or _unknown_login_hash(), password)
    return stored if matches and stored else None


async def check_login(engine: Engine, throttle: LoginThrottle, typed_id: str, password: str,
                      address: str) -> SignedIn:
    """The producer signed in, or WrongLogin, LockedOut or InvalidInput (a mistyped ID)."""
    login_id = parse_login_id(typed_id[:MAX_TYPED])  # a check-digit typo: said at once
    lockout = throttle.lockout(login_id, address)
    if lockout:
        raise LockedOut(lockout)
    stored = await _on_argon2_thread(_verify, engine, login_id, password[:MAX_TYPED])
    if stored is None:
        throttle.failed(login_id, address)
        raise WrongLogin(login_id)
    throttle.succeeded(login_id)
    return SignedIn(login_id, stored)


async def check_password(engine: Engine, login_id: str, password: str) -> str | None:
    """The current hash if ``password`` is the producer's current one (for a password change)."""
    return await _on_argon2_thread(_verify, engine, login_id, password[:MAX_TYPED])


async def hash_new(password: str) -> str:
    return await _on_argon2_thread(hash_password, password)

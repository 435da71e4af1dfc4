"""The sync worker: a round every interval and on demand, off the GUI thread.

While the central database is down it backs off exponentially (capped), so a
dead server costs the till almost nothing and a night of queued events goes
out as soon as it is back. Nothing is lost while it waits: events stay in the
outbox until the central side has committed them.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import Engine

from bp_till.services.context import TillContext
from bp_till.sync.numbering import NumberTaken
from bp_till.sync.once import (
    RoundResult, explain_failure, failure_reason, open_central, run_round,
)
from bp_till.sync.push import pending_count

log = logging.getLogger(__name__)

CLOSING = "The till is closing; the events stay queued."
Listener = Callable[["SyncState"], None]


@dataclass(frozen=True)
class SyncState:
    running: bool = False  # a round is under way
    last_success: datetime | None = None
    last_error: str | None = None  # one line, never the URL's password
    pending: int = 0  # events queued here
    next_attempt: datetime | None = None
    failures: int = 0  # rounds failed in a row
    refused: bool = False  # the last round was refused: another till has this number


@dataclass(frozen=True)
class RoundOutcome:
    ok: bool
    finished_at: datetime
    pending: int
    result: RoundResult | None = None
    error: str | None = None  # the whole sentence, for the status bar and the log
    reason: str | None = None  # the driver's line alone, for notes that say the rest


class SyncWorker:
    """Runs sync rounds on its own thread; listeners hear each new state there."""

    def __init__(self, ctx: TillContext, central_url: str, interval_s: float = 30.0, *,
                 backoff_cap_s: float = 300.0,
                 engine_factory: Callable[[str], Engine] = open_central) -> None:
        self.ctx, self.central_url = ctx, central_url
        self.interval_s, self.backoff_cap_s = interval_s, backoff_cap_s
        self._engine_factory = engine_factory
        self._engine: Engine | None = None
        self._wake = threading.Condition()
        self._waiting: list[Future] = []  # sync_now() callers the next round answers
        self._listeners: list[Listener] = []
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._state = SyncState(pending=pending_count(ctx))
        self._due_now = True  # the first round right after start-up

    @property
    def state(self) -> SyncState:
        return self._state

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Hear every change of state (on the worker's thread); returns the unsubscribe."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def start(self) -> SyncWorker:
        self._thread = threading.Thread(target=self._run, name="bp-till-sync", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        """Finish the round under way (a batch is never cut off on purpose), then end."""
        with self._wake:
            self._stopping = True
            self._wake.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
        if self._engine is not None:
            self._engine.dispose()
        with self._wake:
            waiting, self._waiting = self._waiting, []
        for future in waiting:
            future.set_result(RoundOutcome(False, self.ctx.clock.now(), self._state.pending,
                                           error=CLOSING, reason=CLOSING))

    def sync_now(self) -> Future[RoundOutcome]:
        """Ask for a round at once; the future holds its outcome (the close-out waits on it)."""
        future: Future[RoundOutcome] = Future()
        with self._wake:
            self._waiting.append(future)
            self._wake.notify_all()
        return future

    def _publish(self, **changes) -> None:
        self._state = replace(self._state, **changes)
        for listener in list(self._listeners):
            try:
                listener(self._state)
            except Exception:  # a broken listener must not stop the sync
                log.exception("A sync listener failed")

    def _delay_s(self) -> float:
        """The interval when all is well; doubling from it per failure, up to the cap."""
        failures = self._state.failures
        if not failures:
            return self.interval_s
        return min(self.backoff_cap_s, self.interval_s * 2 ** (failures - 1))

    def _run(self) -> None:
        while True:
            with self._wake:
                delay = 0.0 if self._due_now else self._delay_s()
                self._due_now = False
                deadline = time.monotonic() + delay
                self._publish(next_attempt=self.ctx.clock.now() + timedelta(seconds=delay))
                while not (self._stopping or self._waiting) and time.monotonic() < deadline:
                    self._wake.wait(max(0.0, deadline - time.monotonic()))
                if self._stopping:
                    break
                waiting, self._waiting = self._waiting, []
            outcome = self._round()
            for future in waiting:
                future.set_result(outcome)

    def _round(self) -> RoundOutcome:
        self._publish(running=True)
        try:
            if self._engine is None:
                self._engine = self._engine_factory(self.central_url)
            result = run_round(self.ctx, self._engine)
        except Exception as exc:  # noqa: BLE001 - any failure leaves the events queued
            return self._failed(exc)
        now = self.ctx.clock.now()
        self._publish(running=False, last_success=now, last_error=None, failures=0,
                      pending=result.pending, refused=False)
        return RoundOutcome(True, now, result.pending, result)

    def _failed(self, exc: Exception) -> RoundOutcome:
        message = explain_failure(exc, self.central_url)
        log.warning("Sync round failed: %s", message)
        if self._engine is not None:  # a fresh connection next time, not a dead pooled one
            self._engine.dispose()
            self._engine = None
        pending = pending_count(self.ctx)
        self._publish(running=False, last_error=message, failures=self._state.failures + 1,
                      pending=pending, refused=isinstance(exc, NumberTaken))
        return RoundOutcome(False, self.ctx.clock.now(), pending, error=message,
                            reason=failure_reason(exc))

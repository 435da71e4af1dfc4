"""The one print queue: every printout and drawer kick, one at a time, off the GUI thread.

A job goes queued → sent → confirmed, or failed with the fault. The till never
waits on the printer: ``submit`` returns a ticket at once and a worker thread
talks to the printer, each connection held to the printer's short timeout.

- Sale receipts and reprints are written to a journal (the store's
  ``print_jobs``) when queued, so a failed one can be printed again, even
  after a restart.
- A card slip is never journaled; once it printed or failed, its blocks (and
  the password in them) are dropped, and a slip still waiting when the queue
  stops is failed, never kept for later.
- A drawer kick jumps the line and is dropped, never sent, once it has waited
  longer than ``drawer_deadline_s``: a drawer popping open minutes later is a
  security problem.

Listeners get a ``QueueState`` (printer ok or failing, jobs waiting) on the
queue's thread or the submitter's; a Qt screen re-emits it as a signal.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Protocol

from bp_till.printing.blocks import Block
from bp_till.printing.faults import FaultKind, PrintFailed
from bp_till.printing.printers import Printed, Printer

log = logging.getLogger(__name__)
DRAWER_DEADLINE_S = 10.0


class JobKind(StrEnum):
    RECEIPT = "receipt"
    REPRINT = "reprint"
    CARD_SLIP = "card_slip"
    DRAWER = "drawer"
    STATUS = "status"  # ask the printer how it is, print nothing
    DOCUMENT = "document"  # a close-out report or a refund receipt: printed, not kept


class JobState(StrEnum):
    QUEUED = "queued"
    SENT = "sent"
    CONFIRMED = "confirmed"
    FAILED = "failed"
    RETRIED = "retried"  # a failed receipt printed again by a newer job


KEPT = (JobKind.RECEIPT, JobKind.REPRINT)  # journaled, so they can be printed again


@dataclass
class Printout:
    """What to print. ``ref`` ties a kept job to its record (the check it is the receipt of)."""

    kind: JobKind
    blocks: list[Block] | None
    moment: datetime
    name: str = ""
    ref: int | None = None
    staff_id: int | None = None
    retry_of: str | None = None
    part: int | None = None  # the part of a check paid in parts the receipt is of



@dataclass(frozen=True)
class JobResult:
    job_id: str
    kind: JobKind
    state: JobState
    fault: PrintFailed | None = None
    printed: Printed | None = None

    @property
    def ok(self) -> bool:
        return self.state == JobState.CONFIRMED


@dataclass(frozen=True)
class Ticket:
    """A queued job: its id now, its result when the printer is done with it."""

    job_id: str
    kind: JobKind
    future: Future = field(repr=False)

    def result(self, timeout: float | None = None) -> JobResult:
        return self.future.result(timeout)

    def done(self) -> bool:
        return self.future.done()

    def add_done_callback(self, callback: Callable[[JobResult], None]) -> None:
        self.future.add_done_callback(lambda future: callback(future.result()))


@dataclass(frozen=True)
class QueueState:
    printer_ok: bool = True
    fault: FaultKind | None = None
    message: str = ""
    waiting: int = 0  # queued or being printed
    paper_low: bool = False
    failed_receipts: int = 0  # failed receipts not printed again yet


class Journal(Protocol):
    """Where kept jobs are written (the store); each call is its own transaction."""

    def queued(self, job_id: str, printout: Printout) -> None: ...
    def sent(self, job_id: str) -> None: ...
    def finished(self, job_id: str, state: JobState, fault: PrintFailed | None) -> None: ...
    def failed_count(self) -> int: ...


@dataclass
class _Job:
    id: str
    printout: Printout
    future: Future
    queued_at: float
    order: int


Listener = Callable[[QueueState], None]


class PrintQueue:
    def __init__(self, printer: Printer, journal: Journal | None = None, *,
                 drawer_deadline_s: float = DRAWER_DEADLINE_S,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.printer = printer
        self.journal = journal
        self.drawer_deadline_s = drawer_deadline_s
        self._monotonic = monotonic
        self._lock = threading.Condition()
        self._waiting: list[_Job] = []
        self._busy: _Job | None = None
        self._stopping = False
        self._order = itertools.count()
        self._listeners: list[Listener] = []
        self._state = QueueState(failed_receipts=journal.failed_count() if journal else 0)
        self._thread = threading.Thread(target=self._run, name="print-queue", daemon=True)

    # --- the caller's side -------------------------------------------------------
    def start(self) -> PrintQueue:
        self._thread.start()
        return self

    def submit(self, printout: Printout) -> Ticket:
        with self._lock:
            if self._stopping:
                raise RuntimeError("the print queue is stopped")
        job = _Job(uuid.uuid4().hex, printout, Future(), self._monotonic(), next(self._order))
        if printout.kind in KEPT and self.journal:
            self.journal.queued(job.id, printout)  # on record before the caller moves on
        with self._lock:
            stopped = self._stopping  # stopped meanwhile: the job fails like any left behind
            if not stopped:
                self._waiting.append(job)
                # Drawer kicks first (they expire), then everything in the order it came.
                self._waiting.sort(key=lambda j: (j.printout.kind != JobKind.DRAWER, j.order))
                self._lock.notify_all()
        if stopped:
            self._finish(job, JobState.FAILED, PrintFailed(FaultKind.INTERRUPTED), None)
        self._publish()
        return Ticket(job.id, printout.kind, job.future)

    def open_drawer(self) -> Ticket:
        return self.submit(Printout(JobKind.DRAWER, None, datetime.now(UTC), "drawer"))

    def check_printer(self) -> Ticket:
        """Ask the printer its state (after the cashier loaded paper, say); the state follows."""
        return self.submit(Printout(JobKind.STATUS, None, datetime.now(UTC), "status"))

    @property
    def state(self) -> QueueState:
        with self._lock:
            return self._state

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with every new state; returns the way to unsubscribe."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                self._listeners.remove(listener)

        return unsubscribe

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until nothing is queued or printing; False if ``timeout`` ran out first."""
        with self._lock:
            return self._lock.wait_for(lambda: not self._waiting and self._busy is None, timeout)

    def stop(self, drain_s: float = 0) -> None:
        """Finish the job in hand (and what else fits in ``drain_s``); fail the rest."""
        self.wait_idle(drain_s)
        with self._lock:
            self._stopping = True
            self._lock.notify_all()
        if self._thread.is_alive():
            self._thread.join()
        with self._lock:
            left, self._waiting = self._waiting, []
        for job in left:
            self._finish(job, JobState.FAILED, PrintFailed(FaultKind.INTERRUPTED), None)
        self._publish()

    # --- the worker's side -------------------------------------------------------
    def _run(self) -> None:
        while True:
            with self._lock:
                self._lock.wait_for(lambda: self._waiting or self._stopping)
                if self._stopping:
                    return
                job = self._busy = self._waiting.pop(0)
            try:
                self._work(job)
            finally:
                with self._lock:
                    self._busy = None
                    self._lock.notify_all()
                self._publish()

    def _work(self, job: _Job) -> None:
        printout = job.printout
        kept = printout.kind in KEPT and self.journal is not None
        try:
            if printout.kind == JobKind.DRAWER:
                printed = self._kick(job)
            elif printout.kind == JobKind.STATUS:
                printed = self.printer.check()
            else:
                sending = (lambda: self.journal.sent(job.id)) if kept else None
                printed = self.printer.print_blocks(
                    printout.blocks, printout.name or printout.kind.value, printout.moment,
                    secret=printout.kind == JobKind.CARD_SLIP, on_sending=sending,
                )
        except PrintFailed as fault:
            self._finish(job, JobState.FAILED, fault, None)
        except Exception as exc:  # noqa: BLE001 - a bug must fail the job, not kill the queue
            log.exception("print job %s (%s) could not be prepared", job.id, printout.kind)
            self._finish(job, JobState.FAILED,
                         PrintFailed(FaultKind.TILL_ERROR, detail=type(exc).__name__), None)
        else:
            self._finish(job, JobState.CONFIRMED, None, printed)

    def _kick(self, job: _Job) -> Printed:
        waited = self._monotonic() - job.queued_at
        if waited > self.drawer_deadline_s:
            raise PrintFailed(FaultKind.EXPIRED)
        return self.printer.open_drawer()

    def _finish(self, job: _Job, state: JobState, fault: PrintFailed | None,
                printed: Printed | None) -> None:
        printout = job.printout
        if printout.kind == JobKind.CARD_SLIP:
            printout.blocks = None  # the password goes with them
        if printout.kind in KEPT and self.journal is not None:
            try:
                self.journal.finished(job.id, state, fault)
            except Exception:  # noqa: BLE001 - the store busy or gone: the result still counts
                log.exception("print job %s: could not record %s", job.id, state)
        self._record(printout.kind, fault, printed)
        if fault is not None:
            log.warning("print job %s (%s) failed: %s", job.id, printout.kind, fault.kind)
        job.future.set_result(JobResult(job.id, printout.kind, state, fault, printed))

    def _record(self, kind: JobKind, fault: PrintFailed | None, printed: Printed | None) -> None:
        """The printer's state as the last job found it."""
        with self._lock:
            recount = fault is not None or self._state.failed_receipts > 0
        failed = self.journal.failed_count() if self.journal and kind in KEPT and recount else None
        with self._lock:
            state = self._state
            if fault is not None and fault.kind not in (FaultKind.EXPIRED, FaultKind.INTERRUPTED):
                state = replace(state, printer_ok=False, fault=fault.kind, message=fault.message)
            elif printed is not None:
                state = replace(state, printer_ok=True, fault=None, message="",
                                paper_low=printed.paper_low)
            if failed is not None:
                state = replace(state, failed_receipts=failed)
            self._state = state

    def _publish(self) -> None:
        with self._lock:
            waiting = len(self._waiting) + (self._busy is not None)
            self._state = replace(self._state, waiting=waiting)
            state, listeners = self._state, list(self._listeners)
        for listener in listeners:
            try:
                listener(state)
            except Exception:  # noqa: BLE001 - a broken status bar must not stop printing
                log.exception("print queue listener failed")

    def refresh_failed(self) -> None:
        """Recount failed receipts (after one was printed again) and tell the listeners."""
        if self.journal:
            count = self.journal.failed_count()
            with self._lock:
                self._state = replace(self._state, failed_receipts=count)
        self._publish()

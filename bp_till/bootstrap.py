"""The one place where the real adapters (or fakes) are chosen and wired."""

from __future__ import annotations

import logging
import logging.handlers
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from bp_till.clock import Clock, SystemClock
from bp_till.config import Config
from bp_till.printing.printers import Printer
from bp_till.printing.queue import PrintQueue
from bp_till.services.card_desk import CardDesk
from bp_till.services.receipts import Receipts, StoreJournal
from bp_till.services.context import Site, TillContext
from bp_till.services.ranks import current_rank_table
from bp_till.services.terminal_number import adopt_terminal_number
from bp_till.store.db import open_store

if TYPE_CHECKING:
    from bp_till.sync.worker import SyncWorker


@dataclass
class Till:
    """A running till: its config, services context and printer."""

    config: Config
    ctx: TillContext
    printer: Printer
    _queue: PrintQueue | None = field(default=None, init=False, repr=False)
    sync_worker: SyncWorker | None = field(default=None, init=False, repr=False)

    @property
    def print_queue(self) -> PrintQueue:
        """The one print queue, started on first use; unfinished receipts of the last run
        are marked failed first, so they can be printed again."""
        if self._queue is None:
            journal = StoreJournal(self.ctx)
            journal.recover()
            self._queue = PrintQueue(self.printer, journal).start()
        return self._queue

    @cached_property
    def receipts(self) -> Receipts:
        return Receipts(self.ctx, self.print_queue)

    @cached_property
    def card_desk(self) -> CardDesk:
        return CardDesk(self.ctx, self.print_queue)

    def start_sync(self) -> SyncWorker:
        """The sync worker, started once: a round now, then every configured interval."""
        if self.sync_worker is None:
            from bp_till.sync.worker import SyncWorker  # the till starts without it

            self.sync_worker = SyncWorker(self.ctx, self.config.central_url,
                                          self.config.sync_interval_s).start()
        return self.sync_worker

    def close(self, drain_s: float = 0) -> None:
        """Finish the sync round under way, stop printing (after what fits in ``drain_s``),
        then close the store."""
        if self.sync_worker is not None:
            self.sync_worker.stop()
        if self._queue is not None:
            self._queue.stop(drain_s)
        self.ctx.store.dispose()


def site_of(config: Config) -> Site:
    return Site(
        shop_name=config.shop_name,
        shop_number=config.shop_number,
        terminal=config.terminal,
        registration_number=config.registration_number,
        portal_url=config.portal_url,
    )


def setup_logging(config: Config, level: int = logging.INFO) -> None:
    config.log_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        config.log_dir / "bp-till.log", maxBytes=5_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(level)
    # python-escpos calls logging.basicConfig() when imported; keep its terminal
    # handler to warnings so the log's INFO lines stay in the log file.
    import escpos.capabilities  # noqa: F401

    for existing in root.handlers:
        if type(existing) is logging.StreamHandler:
            existing.setLevel(logging.WARNING)
    if not any(getattr(h, "baseFilename", None) == handler.baseFilename for h in root.handlers):
        root.addHandler(handler)


def open_till(config: Config, clock: Clock | None = None, printer: Printer | None = None) -> Till:
    store = open_store(config.store_path)
    ctx = TillContext(store=store, clock=clock or SystemClock(), site=site_of(config))
    try:
        adopt_terminal_number(ctx)  # before any new event: they all carry one number
    except BaseException:
        store.dispose()
        raise
    ctx.ranks = current_rank_table(ctx)[1]
    printer = printer or Printer(
        config.printer_url, config.printer_profile, config.printer_timeout_s, config.preview_dir
    )
    return Till(config, ctx, printer)

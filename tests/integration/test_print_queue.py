"""The print queue: one job at a time off the caller's thread, kept receipts, drawer kicks that never come late."""

import threading
from datetime import datetime

from sqlalchemy import literal_column, select

from bp_till.domain.business_day import TOKYO
from bp_till.printing.faults import FaultKind
from bp_till.printing.printers import Printer
from bp_till.printing.queue import JobKind, JobState, Printout, PrintQueue
from bp_till.services.receipts import Receipts, StoreJournal
from bp_till.store.models import AuditEntry, PrintJob, Producer
from tests.support.escpos_decode import Cut, DrawerKick, decode
from tests.support.fake_printer import FakePrinter, free_port
from tests.support.tills import printouts, settle_a_check, slip_seen, till_with

MOMENT = datetime(2026, 11, 20, 21, 0, tzinfo=TOKYO)


class _Clock:
    """A monotonic clock the test moves by hand (the queue's deadline clock)."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class _HeldPrinter(Printer):
    """A file printer that holds its first job until the test lets it go."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.started, self.release = threading.Event(), threading.Event()

    def print_blocks(self, *args, **kwargs):
        self.started.set()
        self.release.wait(10)
        return super().print_blocks(*args, **kwargs)


def _jobs(ctx):
    with ctx.store.read() as session:
        return [(j.kind, j.state, j.fault_kind) for j in
                session.scalars(select(PrintJob).order_by(literal_column("rowid")))]  # in the order written


def test_a_receipt_goes_queued_sent_confirmed_and_the_listeners_hear_it(ctx, cashier, tmp_path):
    night = tmp_path / "night.bin"
    till = till_with(ctx, tmp_path, f"file://{night}")
    heard = []
    till.print_queue.subscribe(heard.append)
    _, receipt = settle_a_check(ctx, cashier)
    result = till.receipts.print_receipt(receipt).result(timeout=10)
    till.close()
    assert result.ok and result.kind == JobKind.RECEIPT
    assert _jobs(ctx) == [("receipt", "confirmed", None)]
    assert heard[0].waiting == 1 and heard[-1].waiting == 0 and heard[-1].printer_ok
    (printout,) = printouts(night.read_bytes())
    assert "Table T3" in [getattr(item, "text", None) for item in printout]


def test_a_drawer_kick_jumps_the_line_and_is_dropped_once_late(ctx, tmp_path):
    night = tmp_path / "night.bin"
    printer = _HeldPrinter(f"file://{night}")
    clock = _Clock()
    queue = PrintQueue(printer, drawer_deadline_s=10, monotonic=clock).start()
    first = queue.submit(Printout(JobKind.RECEIPT, [], MOMENT))
    assert printer.started.wait(10)
    second = queue.submit(Printout(JobKind.RECEIPT, [], MOMENT))
    kick = queue.open_drawer()  # asked while a receipt prints and another waits
    printer.release.set()
    assert kick.result(10).ok and first.result(10).ok and second.result(10).ok
    order = [type(item) for item in decode(night.read_bytes())]
    assert order == [Cut, DrawerKick, Cut]  # the kick before the receipt that was waiting

    printer.started.clear(), printer.release.clear()
    held = queue.submit(Printout(JobKind.RECEIPT, [], MOMENT))
    assert printer.started.wait(10)
    late = queue.open_drawer()
    clock.now += 11  # the receipt in hand took longer than the drawer may wait
    printer.release.set()
    assert held.result(10).ok
    assert late.result(10).fault.kind == FaultKind.EXPIRED
    queue.stop()
    assert decode(night.read_bytes()).count(DrawerKick(2)) == 1  # never kicked late


def test_a_card_slip_is_never_kept_and_never_waits_out_a_stop(ctx, cashier, tmp_path):
    printer = _HeldPrinter(f"file://{tmp_path / 'out.bin'}")
    queue = PrintQueue(printer, StoreJournal(ctx)).start()
    check, _ = settle_a_check(ctx, cashier)
    busy = queue.submit(Printout(JobKind.RECEIPT, [], MOMENT, ref=check))
    assert printer.started.wait(10)
    slip = Printout(JobKind.CARD_SLIP, ["secret blocks"], MOMENT)
    waiting = queue.submit(slip)
    stopper = threading.Thread(target=queue.stop)
    stopper.start()
    printer.release.set()
    stopper.join(10)
    assert busy.result(10).ok
    result = waiting.result(10)
    assert result.fault.kind == FaultKind.INTERRUPTED and slip.blocks is None  # the password is gone
    assert [kind for kind, *_ in _jobs(ctx)] == ["receipt"]  # only the receipt is on record


def test_receipts_left_unfinished_by_a_crash_print_again_after_a_restart(ctx, cashier, manager, tmp_path):
    port = free_port()
    check, receipt = settle_a_check(ctx, cashier)
    journal = StoreJournal(ctx)
    journal.queued("crashed", Printout(JobKind.RECEIPT, None, MOMENT, ref=check))
    journal.sent("crashed")  # the till died while the bytes went out

    with FakePrinter("accept", port=port) as printer:
        till = till_with(ctx, tmp_path, printer.url)  # the next start
        state = till.print_queue.state
        assert state.failed_receipts == 1
        (failed,) = till.receipts.failed()
        assert (failed.job_id, failed.fault, failed.check_number) == ("crashed", "interrupted", receipt.check_number)
        assert till.receipts.retry(manager, "crashed").result(10).ok
        assert till.print_queue.state.failed_receipts == 0
        reprint = till.receipts.reprint(manager, check).result(10)
        till.close()
    assert reprint.ok
    assert _jobs(ctx) == [("receipt", "retried", "interrupted"), ("reprint", "confirmed", None),
                          ("reprint", "confirmed", None)]  # part may be on paper: both say 再発行
    with ctx.store.read() as session:
        (audit,) = session.scalars(select(AuditEntry).where(AuditEntry.action == "receipt.reprinted"))
        assert audit.staff_id == manager.id


def test_a_receipt_queued_on_a_stopped_queue_is_refused(ctx, cashier, tmp_path):
    till = till_with(ctx, tmp_path, "preview")
    queue = till.print_queue
    till.close()
    _, receipt = settle_a_check(ctx, cashier)
    try:
        Receipts(ctx, queue).print_receipt(receipt)
    except RuntimeError as stopped:
        assert "stopped" in str(stopped)
    else:
        raise AssertionError("a stopped queue took a job")


def test_the_preview_printer_saves_receipts_under_prints(ctx, cashier, tmp_path):
    till = till_with(ctx, tmp_path, "preview")
    _, receipt = settle_a_check(ctx, cashier)
    result = till.receipts.print_receipt(receipt).result(10)
    till.close()
    assert result.printed.preview_png.parent == tmp_path / "prints"
    assert result.printed.preview_png.exists() and result.printed.preview_image.width == 512
    assert _jobs(ctx) == [("receipt", JobState.CONFIRMED, None)]


def test_a_simulated_night_to_a_file_collects_every_receipt_and_slip(ctx, tmp_path):
    from bp_till import simulate

    night = tmp_path / "night.bin"
    till = till_with(ctx, tmp_path, f"file://{night}")
    result = simulate.run(till, 25, seed=4)
    till.close()
    slips = result.counts["card slips printed"]
    assert result.counts["receipts printed"] == result.counts["settled"] > 0 and slips > 0
    assert "receipts not printed" not in result.counts
    printed = printouts(night.read_bytes())
    assert len(printed) == result.counts["settled"] + slips
    logins = {slip_seen(items)["id"] for items in printed if any(
        getattr(item, "text", "") == "Keep this slip safe:" for item in items)}
    with ctx.store.read() as session:
        assert logins <= set(session.scalars(select(Producer.login_id)))
    assert len(logins) == slips

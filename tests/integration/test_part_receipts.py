"""A check paid in parts prints each part's own receipt again: a retry, and a reprint."""

from dataclasses import replace
from datetime import datetime

from sqlalchemy import select

from bp_till.domain.business_day import TOKYO
from bp_till.domain.settlement import Tender
from bp_till.printing.queue import JobKind, Printout
from bp_till.services.receipts import StoreJournal
from bp_till.services.split_pay import part_receipt, part_receipts, plan_split, settle_part
from bp_till.store.models import PrintJob
from tests.integration.test_split_pay import table_of_three  # noqa: F401 - a fixture
from tests.support.fake_printer import FakePrinter, free_port
from tests.support.tills import till_with

MOMENT = datetime(2026, 11, 20, 21, 0, tzinfo=TOKYO)


def _paid_in_three(ctx, cashier, table_of_three):
    check, table, own, cards = table_of_three
    plan_split(ctx, cashier, check, {table: None, own[0]: 1, own[1]: 2, own[2]: 3}, 3)
    printed = [settle_part(ctx, cashier, check, n, [Tender("cash", 10_000)], cards[n - 1].card_number)
               for n in (1, 2, 3)]
    return check, printed


def test_each_part_receipt_is_rebuilt_as_it_was_printed(ctx, cashier, table_of_three):
    check, printed = _paid_in_three(ctx, cashier, table_of_three)
    assert part_receipts(ctx, check) == printed
    assert part_receipt(ctx, check, 2) == printed[1]
    assert [r.table for r in printed] == ["T4 1/3", "T4 2/3", "T4 3/3"]
    assert len({r.total for r in printed}) > 1  # three different receipts, not one thrice


def test_a_failed_part_receipt_prints_again_as_that_part_and_a_reprint_gives_every_part(
        ctx, cashier, manager, table_of_three, tmp_path):
    check, printed = _paid_in_three(ctx, cashier, table_of_three)
    journal = StoreJournal(ctx)
    journal.queued("lost", Printout(JobKind.RECEIPT, None, MOMENT, ref=check, part=2))
    journal.sent("lost")  # the till died while part 2's receipt went out
    with FakePrinter("accept", port=free_port()) as printer:
        till = till_with(ctx, tmp_path, printer.url)
        submitted = []
        submit = till.receipts._submit
        till.receipts._submit = lambda receipt, *args, **kw: (submitted.append(receipt),
                                                             submit(receipt, *args, **kw))[1]
        assert till.receipts.retry(manager, "lost").result(10).ok
        assert till.receipts.reprint(manager, check).result(10).ok
        till.close()
    assert submitted == [replace(printed[1], reprint=True), *(replace(r, reprint=True) for r in printed)]
    with ctx.store.read() as session:
        jobs = session.execute(select(PrintJob.kind, PrintJob.part, PrintJob.state)
                               .order_by(PrintJob.queued_at, PrintJob.id)).all()
    assert sorted(jobs) == sorted([("receipt", 2, "retried"), ("reprint", 2, "confirmed"),
                                   ("reprint", 1, "confirmed"), ("reprint", 2, "confirmed"),
                                   ("reprint", 3, "confirmed")])

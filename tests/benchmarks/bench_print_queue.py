"""A sale receipt through the print queue to a network printer, status asked before and after.

The printer is the test printer on 127.0.0.1 (raw TCP, answers DLE EOT). The
baseline sends the same receipt's bytes over a bare socket, no status, no queue,
no journal: the ratio is what the queue, the two status checks and the store's
record of the job (three small commits, each synced to disk: queued, sent,
confirmed) cost on top of the wire. The goal is what the cashier feels: the
receipt on its way within a quarter of a second of asking.
"""

from __future__ import annotations

import socket

from bp_till.domain.settlement import Tender
from bp_till.printing.escpos_out import to_escpos
from bp_till.printing.layout import sale_receipt
from bp_till.printing.printers import Printer
from bp_till.services import checks
from bp_till.services.settle import settle_check
from tests.benchmarks.demo_till import demo_till
from tests.benchmarks.harness import Figure, Goal, time_ms
from tests.support.fake_printer import FakePrinter

REPEAT = 30


def _receipt(ctx, cashier):
    check = checks.open_check(ctx, cashier, "T1", 2)
    for code, cast in (("T01", None), ("F01", None), ("S01", None), ("C01", "C001")):
        checks.add_line(ctx, cashier, check, code, 1, cast)
    return settle_check(ctx, cashier, check, [Tender("cash", 10_000)])


def figures(env) -> list[Figure]:
    folder = env.folder("print_queue")
    with FakePrinter("accept") as printer:
        till, cashier = demo_till(folder, Printer(printer.url, timeout_s=2))
        receipt = _receipt(till.ctx, cashier)

        def through_queue() -> None:
            if not till.receipts.print_receipt(receipt).result(10).ok:
                raise RuntimeError("the receipt did not print")

        def bare_socket() -> None:
            data = to_escpos(sale_receipt(receipt), "TM-T88V")
            with socket.create_connection(("127.0.0.1", printer.port), timeout=2) as conn:
                conn.sendall(data)

        samples = time_ms(through_queue, REPEAT)
        baseline = time_ms(bare_socket, REPEAT)
        till.close()
    return [Figure("a receipt through the print queue to a network printer", "ms", samples,
                   Goal("median", 250), baseline, "same bytes, bare socket")]

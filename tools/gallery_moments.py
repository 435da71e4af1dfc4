"""The gallery's moments beside the screens: a toast, the fault banner, Table / guests, Split check
and the customer display, each at the size and in the language and theme of its set.

Called by tools/gallery.py; ``split_dialog`` is also what tools/screenshots.py shows in docs/.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QComboBox, QListWidget, QWidget

from bp_till.domain.receipt import Receipt
from bp_till.domain.settlement import Tender
from bp_till.gui.customer_display import CustomerDisplay
from bp_till.printing.faults import MESSAGES, FaultKind
from bp_till.printing.queue import QueueState
from bp_till.services import checks, producers, settle
from bp_till.services.floor import CheckDetail, check_detail
from bp_till.services.split_pay import settle_part
from bp_till.services.staff import list_staff

SPLIT_TABLE = "T1"  # free on the demo floor; each set splits a fresh check there and pays it all
PAID_TABLE = "T9"
MOMENTS = ("toast", "fault-banner", "move-merge", "split-check", "customer-check",
           "customer-paid")


@dataclass(frozen=True)
class Paid:
    """A check paid once before the gallery: what the customer display shows after payment."""
    detail: CheckDetail  # as the till showed it just before payment
    receipt: Receipt
    login_id: str


def pay_for_display(till, card: str) -> Paid:
    """A producer's check settled in cash, so the display has change and a new rank to show."""
    ctx = till.ctx
    cashier = next(s for s in list_staff(ctx) if s.role == "cashier")
    check = checks.open_check(ctx, cashier, PAID_TABLE, 2)
    for code, cast in (("T01", None), ("C02", "C002"), ("S01", None)):
        checks.add_line(ctx, cashier, check, code, 1, cast)
    checks.attach_producer(ctx, cashier, check, card)
    detail = check_detail(ctx, check)
    receipt = settle.settle_check(ctx, cashier, check, [Tender("cash", 10_000)])
    return Paid(detail, receipt, detail.producer.login_id)


def fresh_check(window, table: str) -> tuple[int, list[int]]:
    """A check for three at ``table``, a table charge each and a drink each; shown at the till."""
    ctx, cashier = window.till.ctx, window.staff
    check = checks.open_check(ctx, cashier, table, 3)
    checks.add_line(ctx, cashier, check, "T01", 3)
    drinks = [checks.add_line(ctx, cashier, check, code) for code in ("A01", "A02", "S01")]
    window.show_check(check)
    window.toast.hide()
    return check, drinks


def split_dialog(app, window, drinks: list[int]):
    """Split check on the check shown: a drink each, part 1 paid with a new card."""
    split = window.check.split.open()
    for n, line in enumerate(drinks, start=1):
        split.findChild(QComboBox, f"partOf_{line}").setCurrentIndex(n)
    split._plan()
    split.findChild(QListWidget, "partsList").setCurrentRow(0)
    split.card.setText(producers.issue_producer(window.till.ctx, window.staff).card_number)
    split.amount.setText("5000")
    split._pay()
    app.processEvents()
    return split


def pay_the_rest(window, split, check: int) -> list[Receipt]:
    """The parts after the first paid by card, so the table is free again; their receipts."""
    rows = split.findChild(QListWidget, "partsList")
    receipts = []
    for number in range(2, rows.count() + 1):
        total = int(rows.item(number - 1).text().split("¥")[1].split()[0].replace(",", ""))
        receipts.append(settle_part(window.till.ctx, window.staff, check, number,
                                    [Tender("card", total)]))
    split.reject()
    return receipts


def _over(window: QWidget, dialog: QWidget, path: Path) -> None:
    """The dialog drawn in the middle of the dimmed window, as the cashier sees it."""
    QApplication.processEvents()
    picture = window.grab()
    shown = dialog.grab()
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 110))
    painter.drawPixmap((picture.width() - shown.width()) // 2,
                       (picture.height() - shown.height()) // 2, shown)
    painter.end()
    picture.save(str(path), "PNG", 0)


def render(app, window, check: int, paid: Paid, folder: Path, size: tuple[int, int], save) -> None:
    """Each moment of ``MOMENTS`` into ``folder``, on the signed-in ``window``."""
    window.show_floor()
    window.show_check(check)  # from the floor: the toast says which check opened
    save(window, folder / "toast.png")
    window.toast.hide()
    window.status.show_printer(QueueState(printer_ok=False, fault=FaultKind.PAPER_OUT,
                                          message=MESSAGES[FaultKind.PAPER_OUT]))
    save(window, folder / "fault-banner.png")
    window.status.show_printer(QueueState())
    QApplication.processEvents()  # the banner goes from the layout first
    window.resize(*size)  # its line made the window grow past the screen's height
    dialog = window.check.move_merge.open()
    _over(window, dialog, folder / "move-merge.png")
    dialog.reject()
    fresh, drinks = fresh_check(window, SPLIT_TABLE)
    split = split_dialog(app, window, drinks)
    _over(window, split, folder / "split-check.png")
    pay_the_rest(window, split, fresh)
    display = CustomerDisplay(window.till.ctx)
    display.resize(*size)
    display.show()
    display.show_check(check_detail(window.till.ctx, check))
    save(display, folder / "customer-check.png")
    display.show_check(paid.detail)
    display.show_paid(paid.receipt, paid.login_id)
    save(display, folder / "customer-paid.png")
    display.close()

"""The preview printer's window, driven as a cashier would: look, scroll, Close."""

from PIL import Image, ImageChops
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialogButtonBox, QScrollArea

from bp_till.gui.print_preview import PrintPreviewDialog
from tests.support.tills import scan, settle_a_check, till_with


def _shown(dialog) -> Image.Image:
    """What the window paints, as a grey image."""
    image = dialog.paper.pixmap().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    return Image.frombytes("L", (image.width(), image.height()), bytes(image.constBits()),
                           "raw", "L", image.bytesPerLine())


def test_a_receipt_shows_as_printed_and_scrolls_to_its_end(qtbot, ctx, cashier, tmp_path):
    till = till_with(ctx, tmp_path, "preview")
    _, receipt = settle_a_check(ctx, cashier)
    printed = till.receipts.print_receipt(receipt).result(10).printed
    till.close()
    dialog = PrintPreviewDialog(printed.preview_png, "Receipt")
    qtbot.addWidget(dialog)
    dialog.resize(600, 400)  # shorter than the receipt: it must scroll
    dialog.show()
    qtbot.waitExposed(dialog)
    paper = printed.preview_image.convert("L")
    assert ImageChops.difference(_shown(dialog), paper).getbbox() is None  # dot for dot
    bar = dialog.findChild(QScrollArea, "paperScroll").verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    scroll = dialog.findChild(QScrollArea, "paperScroll")
    for _ in range(20):  # page down to the footer, as a cashier would
        qtbot.keyClick(scroll, Qt.Key.Key_PageDown)
    assert bar.value() == bar.maximum()  # the footer is reachable
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_a_card_slip_is_shown_from_memory_and_gone_once_closed(qtbot, ctx, cashier, tmp_path):
    till = till_with(ctx, tmp_path, "preview")
    slip = till.card_desk.issue(cashier)
    till.close()
    dialog = PrintPreviewDialog(slip.preview, "Producer card")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert scan(_shown(dialog))["id"] == slip.login_id  # what the screen shows scans like the paper
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.paper.pixmap().isNull()
    assert not (tmp_path / "prints").exists() or not any((tmp_path / "prints").iterdir())

"""The preview printer's window: the printout as the paper would show it, scrollable, Close.

It takes the rendered image (``Printed.preview_image``, or ``CardSlip.preview``
for a card slip, which is never saved) or a saved PNG. Closing it drops the
image, so a slip's password leaves the screen and memory with it.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget


def to_qimage(image: Image.Image) -> QImage:
    """A 1-bit printout as a Qt image (grey scale: black dots on white paper)."""
    grey = image.convert("L")
    data = grey.tobytes()
    qimage = QImage(data, grey.width, grey.height, grey.width, QImage.Format.Format_Grayscale8)
    return qimage.copy()  # own the pixels: ``data`` goes away with this function


class PrintPreviewDialog(QDialog):
    def __init__(self, printout: Image.Image | Path | str, title: str = "Print preview",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreviewDialog")
        self.setWindowTitle(title)
        image = QImage(str(printout)) if isinstance(printout, (str, Path)) else to_qimage(printout)
        self.paper = QLabel(self)
        self.paper.setObjectName("paperLabel")
        self.paper.setPixmap(QPixmap.fromImage(image))
        self.paper.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea(self)
        scroll.setObjectName("paperScroll")
        scroll.setWidget(self.paper)
        scroll.setWidgetResizable(False)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(image.width() + 60, min(image.height() + 80, 720))
        self.finished.connect(self._forget)

    def _forget(self) -> None:
        self.paper.clear()  # a card slip's password must not outlive the window

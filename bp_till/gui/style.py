"""The till's look: the shipped Japanese font (BIZ UDGothic) and the touch style sheet.

A register PC may have no Japanese font installed, and Qt would draw kanji as
boxes; the font the receipts print with is loaded for the screens too.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from bp_till.assets import asset
from bp_till.printing.raster import FONT_FILE


@cache
def japanese_font() -> str | None:
    """Register the shipped BIZ UDGothic once; its family name, or None if it failed."""
    font_id = QFontDatabase.addApplicationFont(str(asset(*FONT_FILE)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else None


def apply_style(app: QApplication) -> None:
    family = japanese_font()
    if family:
        app.setFont(QFont(family, 11))
    app.setStyleSheet(asset("resources", "style", "till.qss").read_text(encoding="utf-8"))

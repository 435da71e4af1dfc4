"""Loading Qt Designer files from ui/ through the one asset helper (works frozen too)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QFile
from PySide6.QtGui import QFontDatabase
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from bp_till.assets import asset


@cache
def _japanese_font() -> None:
    """The shipped BIZ UDGothic, so kanji show on a register PC without a Japanese font.

    Qt falls back to it for characters the system font lacks.
    """
    QFontDatabase.addApplicationFont(str(asset("resources", "fonts", "BIZUDGothic-Regular.ttf")))


def load_ui(name: str, parent: QWidget | None = None) -> QWidget:
    _japanese_font()
    file = QFile(str(asset("ui", f"{name}.ui")))
    if not file.open(QFile.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"cannot open ui/{name}.ui")
    try:
        widget = QUiLoader().load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise RuntimeError(f"ui/{name}.ui did not load")
    return widget

"""Loading Qt Designer files from ui/ through the one asset helper (works frozen too)."""

from __future__ import annotations

from PySide6.QtCore import QFile
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from bp_till.assets import asset
from bp_till.gui.style import japanese_font


def load_ui(name: str, parent: QWidget | None = None) -> QWidget:
    japanese_font()  # Qt falls back to it for kanji, even on a screen built outside the till
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


def give_back_focus(widget: QWidget | None) -> None:
    """After a dialog, make the till's window active again: a card scanner types into
    whatever window is active, and with none active its keys would go nowhere."""
    if widget is not None:
        widget.window().activateWindow()
        widget.setFocus()

"""The lines of a check as a Qt table model: item, quantity, amount, tax mark, cast."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from bp_till.domain.money import yen
from bp_till.gui.i18n import current_language
from bp_till.services.floor import LineView

HEADERS = (
    QT_TRANSLATE_NOOP("LinesModel", "Item"), QT_TRANSLATE_NOOP("LinesModel", "Qty"),
    QT_TRANSLATE_NOOP("LinesModel", "Amount"), QT_TRANSLATE_NOOP("LinesModel", "Tax"),
    QT_TRANSLATE_NOOP("LinesModel", "Cast"),
)
_VOID_BRUSH = QBrush(QColor("#9e9e9e"))
Index = QModelIndex | QPersistentModelIndex


class LinesModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.lines: list[LineView] = []
        self._void_font = QFont()
        self._void_font.setStrikeOut(True)

    def set_lines(self, lines: list[LineView]) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        line = self.lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and line.voided:
            return self.tr("Void: {reason}").format(reason=line.void_reason)
        if role == Qt.ItemDataRole.ForegroundRole and line.voided:
            return _VOID_BRUSH
        if role == Qt.ItemDataRole.FontRole and line.voided:
            return self._void_font
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (1, 2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, line: LineView, column: int) -> str:
        if column == 0:  # the menu's own name in the language the screens show
            return line.name_ja if current_language() == "ja" else line.name_en
        if column == 1:
            return str(line.quantity)
        if column == 2:
            return yen(line.amount)
        if column == 3:
            return f"※{line.tax_rate}%" if line.reduced else f"{line.tax_rate}%"
        return line.cast_name or ""

"""The menu by category as big touch buttons, and a search that finds any item by name or code."""

from __future__ import annotations

import re
import textwrap

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QScrollArea, QTabWidget,
    QWidget,
)

from bp_till.domain.money import Category, yen
from bp_till.services.masterdata import MenuEntry

BUTTON_COLUMNS = 4
CATEGORY_NAMES = {  # translated at display time
    Category.TABLE_CHARGE: QT_TRANSLATE_NOOP("MenuPanel", "Table charge"),
    Category.FOOD: QT_TRANSLATE_NOOP("MenuPanel", "Food"),
    Category.SOFT_DRINK: QT_TRANSLATE_NOOP("MenuPanel", "Soft drinks"),
    Category.ALCOHOL: QT_TRANSLATE_NOOP("MenuPanel", "Alcohol"),
    Category.CHEKI: QT_TRANSLATE_NOOP("MenuPanel", "Cheki"),
    Category.CAST_DRINK: QT_TRANSLATE_NOOP("MenuPanel", "Cast drinks"),
    Category.GOODS: QT_TRANSLATE_NOOP("MenuPanel", "Goods"),
    Category.NOMINATION: QT_TRANSLATE_NOOP("MenuPanel", "Nominations"),
}


JA_LINE, EN_LINE = 11, 20  # characters a quick key shows on one line at 1280x800


def category_name(category: str) -> str:
    return QCoreApplication.translate("MenuPanel", CATEGORY_NAMES.get(category, category))


def _label(entry: MenuEntry) -> str:
    """Japanese, English and the price; a long name on two lines, not cut at the key's edges."""
    japanese = re.sub(r"(.{6,})([(（])", r"\1\n\2", entry.name_ja, count=1) \
        if len(entry.name_ja) > JA_LINE else entry.name_ja
    english = "\n".join(textwrap.wrap(entry.name_en, EN_LINE)[:2])
    return f"{japanese}\n{english}\n{yen(entry.price)}"


class MenuPanel(QObject):
    item_picked = Signal(object)  # MenuEntry

    def __init__(self, tabs: QTabWidget, search: QLineEdit, results: QListWidget) -> None:
        super().__init__(tabs)
        self.tabs, self.search, self.results = tabs, search, results
        self.entries: list[MenuEntry] = []
        self.buttons: dict[str, QPushButton] = {}
        self._haystack: list[tuple[str, MenuEntry]] = []
        self.favourites: list[str] = []  # the shift's quick keys, by menu code
        self.results.hide()
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._pick_result)
        self.search.installEventFilter(self)  # arrow keys move through the results
        self.results.itemActivated.connect(self._pick_item)
        self.results.itemClicked.connect(self._pick_item)

    def load(self, entries: list[MenuEntry]) -> None:
        """Build one tab of buttons per category; done once, not on every redraw."""
        self.entries = entries
        self._haystack = [(f"{e.code} {e.name_ja} {e.name_en}".casefold(), e) for e in entries]
        self.tabs.clear()
        self.buttons.clear()
        for category in Category.ALL:
            items = [e for e in entries if e.category == category]
            if items:
                self.tabs.addTab(self._page(items), category_name(category))
        self._quick_tab()

    def set_favourites(self, codes: list[str]) -> None:
        """The shift's quick keys, as the first tab (none: no tab)."""
        if codes != self.favourites:
            if self.favourites:
                self.tabs.removeTab(0)
            self.favourites = codes
            self._quick_tab()

    def _quick_tab(self) -> None:
        by_code = {e.code: e for e in self.entries}
        items = [by_code[c] for c in self.favourites if c in by_code]
        if items:
            self.tabs.insertTab(0, self._page(items, "quick_"), self.tr("★ Quick keys"))
            self.tabs.setCurrentIndex(0)

    def show_first(self) -> None:
        """A new check starts on the first tab: the quick keys when the shift has them."""
        self.search.clear()
        self.tabs.setCurrentIndex(0)

    def _page(self, items: list[MenuEntry], prefix: str = "menu_") -> QScrollArea:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        page = QWidget()
        grid = QGridLayout(page)
        for index, entry in enumerate(items):
            button = QPushButton(_label(entry), page)
            button.setObjectName(f"{prefix}{entry.code}")
            button.setProperty("menuItem", True)
            button.setProperty("quickKey", prefix == "quick_")
            button.clicked.connect(lambda _=False, e=entry: self.item_picked.emit(e))
            grid.addWidget(button, index // BUTTON_COLUMNS, index % BUTTON_COLUMNS)
            if prefix == "menu_":
                self.buttons[entry.code] = button
        grid.setRowStretch(len(items) // BUTTON_COLUMNS + 1, 1)
        scroll.setWidget(page)
        return scroll

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        self.results.clear()
        if not words:
            self.results.hide()
            self.tabs.show()
            return
        for haystack, entry in self._haystack:
            if all(word in haystack for word in words):
                row = QListWidgetItem(f"{entry.name_ja}   {entry.name_en}   {yen(entry.price)}")
                row.setData(Qt.ItemDataRole.UserRole, entry)
                self.results.addItem(row)
        self.results.setCurrentRow(0)
        self.tabs.hide()
        self.results.show()

    def _pick_result(self) -> None:
        row = self.results.currentItem()
        if row is not None:
            self._pick_item(row)

    def _pick_item(self, row: QListWidgetItem) -> None:
        entry = row.data(Qt.ItemDataRole.UserRole)
        self.search.clear()
        self.item_picked.emit(entry)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and self.results.isVisible():
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(event.key())
            if step:
                row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
                self.results.setCurrentRow(row)
                return True
        return False

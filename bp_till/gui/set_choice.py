"""The sets a table opens on, as a row of buttons in the floor's open panel.

The rule's first set is chosen already, so opening on it costs no extra tap;
a cashier taps another set only when the guests ask for it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QPushButton

from bp_till.domain.money import yen
from bp_till.services.context import TillContext
from bp_till.services.masterdata import menu
from bp_till.services.stay import rule_in_force


class SetChoice(QObject):
    def __init__(self, ctx: TillContext, panel: QFrame) -> None:
        super().__init__(panel)
        self.ctx = ctx
        self.row = QFrame(panel, objectName="setChoice")
        self.layout = QHBoxLayout(self.row)
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        panel.layout().insertWidget(1, self.row)  # after the table's name

    def offer(self) -> None:
        """Tonight's sets, the first one chosen; hidden when the rule has none."""
        for button in self.group.buttons():
            self.group.removeButton(button)
            button.deleteLater()
        rule = rule_in_force(self.ctx)
        prices = {entry.code: entry for entry in menu(self.ctx)}
        for stay_set in rule.sets:
            entry = prices.get(stay_set.item_code)
            text = self.tr("{minutes} min").format(minutes=stay_set.minutes)
            if entry:  # two 60-minute sets differ by their name (a VIP seat) and price
                text += f" · {yen(entry.price)}\n{entry.name_ja}"
            button = QPushButton(text,
                                 objectName=f"set_{stay_set.item_code}", checkable=True,
                                 minimumHeight=56, minimumWidth=84)
            button.setToolTip(entry.name_ja if entry else stay_set.item_code)
            button.setProperty("item", stay_set.item_code)
            self.group.addButton(button)
            self.layout.addWidget(button)
        if self.group.buttons():
            self.group.buttons()[0].setChecked(True)
        self.row.setVisible(bool(rule.sets))

    def chosen(self) -> str | None:
        button = self.group.checkedButton()
        return button.property("item") if button else None

"""Settings: the language, this till's facts, the ranks, the shows, the backs, the sets, training."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QFrame, QHBoxLayout, QHeaderView, QLabel, QScrollArea, QPushButton, QTableWidget, QTableWidgetItem, QWidget,
)

from bp_till.bootstrap import Till
from bp_till.domain.business_day import TOKYO
from bp_till.domain.points import Rank, multiplier_label
from bp_till.domain.typed import multiplier, whole_number
from bp_till.gui.feedback import Feedback
from bp_till.gui.i18n import LANGUAGES, saved_language
from bp_till.gui.loader import load_ui
from bp_till.gui.override import OverrideDialog, run_privileged
from bp_till.gui.backs_editor import BacksEditor
from bp_till.gui.shows_editor import ShowsEditor
from bp_till.gui.stay_editor import StayEditor
from bp_till.gui.style import current_theme
from bp_till.gui.training_box import TrainingBox
from bp_till.services.clock import accept_clock
from bp_till.services.ranks import current_rank_table, save_rank_table
from bp_till.services.staff import StaffMember

RANK_COLUMNS = (
    QT_TRANSLATE_NOOP("SettingsView", "Rank"),
    QT_TRANSLATE_NOOP("SettingsView", "From spend points"),
    QT_TRANSLATE_NOOP("SettingsView", "Vote multiplier"),
)


class SettingsView(QObject):
    language_chosen = Signal(str)
    theme_chosen = Signal(str)  # "light" or "dark", applied at once
    masterdata_requested = Signal()  # the Menu & cast screen

    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till, self.ctx = till, till.ctx
        self.staff: StaffMember | None = None
        self.override: OverrideDialog | None = None
        self.form = load_ui("settings", parent)
        find = self.form.findChild
        combo: QComboBox = find(QComboBox, "languageCombo")
        for code, name in LANGUAGES.items():
            combo.addItem(name, code)
        combo.setCurrentIndex(combo.findData(saved_language(till.config.data_dir)))
        find(QPushButton, "applyLanguageButton").clicked.connect(
            lambda: self.language_chosen.emit(combo.currentData()))
        menu_cast = QPushButton(self.tr("Menu && cast…"), objectName="menuCastButton",
                                minimumHeight=44)
        menu_cast.clicked.connect(self.masterdata_requested.emit)
        find(QFormLayout, "form").addRow(self.tr("Menu and cast"), menu_cast)
        find(QFormLayout, "form").addRow(self.tr("Screen colours"), self._theme_combo())
        config = till.config
        find(QLabel, "tillInfo").setText(
            f"{config.shop_name} · terminal {config.terminal}\n{config.data_dir}\n"
            f"printer {config.printer_url}")
        self.table: QTableWidget = find(QTableWidget, "ranksTable")
        self.table.setColumnCount(len(RANK_COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in RANK_COLUMNS])
        # Equal columns across the box: sized to the cells, the headers were cut off.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.feedback = Feedback(find(QLabel, "messageLabel"))
        find(QPushButton, "addRankButton").clicked.connect(
            lambda: self.table.insertRow(self.table.rowCount()))
        find(QPushButton, "removeRankButton").clicked.connect(
            lambda: self.table.removeRow(self.table.currentRow()))
        find(QPushButton, "saveRanksButton").clicked.connect(self.save_ranks)
        find(QPushButton, "acceptClockButton").clicked.connect(self.accept_clock)
        self.shows = ShowsEditor(self.ctx, self.form)
        layout = self.form.layout()
        self.backs = BacksEditor(self.ctx, self.form)
        beside = QHBoxLayout()  # side by side: the screen has no room for them one under the other
        beside.addWidget(self.shows.box, 1)
        beside.addWidget(self.backs.box, 2)
        layout.insertLayout(layout.indexOf(find(QWidget, "clockBox")), beside)
        self.stay = StayEditor(self.ctx, self.form)
        layout.insertWidget(layout.indexOf(find(QWidget, "clockBox")), self.stay.box)
        self.training = TrainingBox(self.ctx, self.form)
        layout.insertWidget(layout.indexOf(find(QWidget, "clockBox")), self.training.box)
        # Ranks, shows, backs and the clock are taller than a 1280x800 till: the page scrolls.
        self.widget = QScrollArea(parent, widgetResizable=True, objectName="Settings")  # the name the self-test lists
        self.widget.setFrameShape(QFrame.Shape.NoFrame)
        self.widget.setWidget(self.form)

    def _theme_combo(self) -> QComboBox:
        """Light for the day, dark for evening shifts; the choice shows at once."""
        combo = QComboBox(objectName="themeCombo", minimumHeight=48)
        for theme, name in (("light", self.tr("Light")), ("dark", self.tr("Dark (evenings)"))):
            combo.addItem(name, theme)
        combo.setCurrentIndex(combo.findData(current_theme()))  # the one the till applied at start
        combo.activated.connect(lambda _index: self.theme_chosen.emit(combo.currentData()))
        return combo

    def show_for(self, staff: StaffMember) -> None:
        self.staff = staff
        self.feedback.clear()
        self._load_ranks()
        self.shows.show_for(staff)
        self.backs.show_for(staff)
        self.stay.show_for(staff)
        self.training.show_for(staff)
        self._show_clock()

    def _show_clock(self) -> None:
        self.widget.findChild(QLabel, "clockLabel").setText(
            self.tr("The clock reads {now}. If a sale was refused because the clock was set "
                    "back, check the time, then a manager confirms it here.").format(
                now=f"{self.ctx.clock.now().astimezone(TOKYO):%Y-%m-%d %H:%M}"))

    def accept_clock(self) -> None:
        action = lambda approval: accept_clock(self.ctx, self.staff, approval)  # noqa: E731
        ok, self.override = self.feedback.attempt(
            run_privileged, self.ctx, self.staff, "manager",
            self.tr("Confirm that the till's clock is right"), action,
            lambda _none: self.feedback.info(self.tr("The clock is confirmed; settling works again.")),
            self.widget)

    def _load_ranks(self) -> None:
        version, table = current_rank_table(self.ctx)
        self.widget.findChild(QLabel, "ranksVersion").setText(
            self.tr("Version {v} in force").format(v=version) if version
            else self.tr("The café's default ranks (never changed)"))
        self.table.setRowCount(len(table.ranks))
        for row, rank in enumerate(table.ranks):
            cells = (rank.name, f"{rank.threshold}", multiplier_label(rank.multiplier_pct).lstrip("×"))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def _typed_ranks(self) -> list[Rank]:
        def cell(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item else ""

        return [
            Rank(cell(row, 0).strip(), whole_number(cell(row, 1), self.tr("From spend points")),
                 multiplier(cell(row, 2), self.tr("Vote multiplier")))
            for row in range(self.table.rowCount())
        ]

    def save_ranks(self) -> None:
        ok, ranks = self.feedback.attempt(self._typed_ranks)
        if not ok:
            return
        action = lambda approval: save_rank_table(self.ctx, self.staff, ranks, approval)  # noqa: E731
        ok, self.override = self.feedback.attempt(
            run_privileged, self.ctx, self.staff, "manager", self.tr("Save a new rank table"),
            action, self._saved, self.widget)

    def _saved(self, version: int) -> None:
        self._load_ranks()
        self.feedback.info(self.tr("Rank table version {v} is in force; checks already rung up "
                                   "keep their multiplier.").format(v=version))

"""The check a cashier rings up: menu, lines, totals by tax rate, the producer and what they earn."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QFrame, QHeaderView, QLabel, QLineEdit, QListWidget, QPushButton, QTableView,
    QTabWidget, QWidget,
)

from bp_till.bootstrap import Till
from bp_till.domain.identifiers import format_login_id
from bp_till.domain.money import Category, credits_cast, yen
from bp_till.domain.points import multiplier_label
from bp_till.domain.stay import StayState
from bp_till.domain.typed import whole_number
from bp_till.gui.cast_picker import CastPicker
from bp_till.gui.feedback import Feedback
from bp_till.gui.lines_model import LinesModel
from bp_till.gui.loader import load_ui
from bp_till.gui.menu_panel import MenuPanel
from bp_till.gui.move_merge import MoveMergeHook
from bp_till.gui.split_pay import SplitHook
from bp_till.gui.reason_panel import ReasonPanel
from bp_till.gui.slip_flow import SlipFlow, issue_new_producer
from bp_till.services import checks
from bp_till.services.favourites import top_sellers
from bp_till.services.floor import CheckDetail, check_detail
from bp_till.services.masterdata import MenuEntry, cast, menu
from bp_till.services.roster import tonights_roster
from bp_till.services.staff import StaffMember

VOID_REASONS = (
    QT_TRANSLATE_NOOP("Reasons", "Ordered by mistake"),
    QT_TRANSLATE_NOOP("Reasons", "Customer changed their mind"),
    QT_TRANSLATE_NOOP("Reasons", "Served late"),
    QT_TRANSLATE_NOOP("Reasons", "Wrong item"),
)
CANCEL_REASONS = (
    QT_TRANSLATE_NOOP("Reasons", "Guests left before ordering"),
    QT_TRANSLATE_NOOP("Reasons", "Opened by mistake"),
)


class CheckView(QObject):
    settle_requested = Signal(int)  # check id
    back_to_floor = Signal()
    announced = Signal(str)  # an action done, for the toast
    changed = Signal(object)  # the CheckDetail after each redraw (the customer display)

    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till, self.ctx = till, till.ctx
        self.staff: StaffMember | None = None
        self.check_id: int | None = None
        self.detail: CheckDetail | None = None
        self.widget = load_ui("check", parent)
        find = self.widget.findChild
        self.quantity: QLineEdit = find(QLineEdit, "quantityEdit")
        self.producer_edit: QLineEdit = find(QLineEdit, "producerEdit")
        self.feedback = Feedback(find(QLabel, "messageLabel"))
        self.reasons = ReasonPanel(find(QFrame, "reasonPanel"))
        self.reason_combo: QComboBox = self.reasons.combo
        self.lines = LinesModel(self)
        self.table: QTableView = find(QTableView, "linesTable")
        self.table.setModel(self.lines)
        # Fixed widths, not "resize to contents": that would ask every row for its size
        # on each redraw, and a 40-line check redraws after every item.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 48), (2, 84), (3, 52), (4, 96)):
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().hide()
        self.menu = MenuPanel(find(QTabWidget, "menuTabs"), find(QLineEdit, "searchEdit"),
                              find(QListWidget, "searchResults"))
        self.menu.item_picked.connect(self.add_item)
        self.picker = CastPicker(cast(self.ctx), self.widget)
        self._pending_item: MenuEntry | None = None
        self._pending_quantity = 1
        self.picker.chosen.connect(self._add_credited)
        self.slips: SlipFlow | None = None
        self._wire()
        self.move_merge = MoveMergeHook(self)
        self.split = SplitHook(self)
        self.menu.load(menu(self.ctx))

    def _wire(self) -> None:
        find = self.widget.findChild
        actions = {
            "attachButton": self._attach_typed, "newProducerButton": self.new_producer,
            "voidLineButton": self._ask_void, "extendButton": self._extend,
            "cancelCheckButton": self._ask_cancel, "settleButton": self._settle,
            "backButton": self.back_to_floor.emit,
        }
        for name, slot in actions.items():
            find(QPushButton, name).clicked.connect(slot)
        self.producer_edit.returnPressed.connect(self._attach_typed)
        keys = {
            "F2": self._focus(self.quantity), "F3": self._focus(find(QLineEdit, "searchEdit")),
            "Ctrl+F": self._focus(find(QLineEdit, "searchEdit")), "F4": self._focus(self.producer_edit),
            "F9": self.new_producer, "F12": self._settle, "Del": self._ask_void,
            "Esc": self._escape,
        }
        for key, slot in keys.items():
            shortcut = QShortcut(QKeySequence(key), self.widget)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def _reload_masterdata(self) -> None:
        """Tonight's menu and cast as the store has them now (a manager's change, a pull,
        an event item's first or last night); the buttons are rebuilt only when they differ."""
        tonight = menu(self.ctx)
        if tonight != self.menu.entries:
            self.menu.load(tonight)
        self.picker.set_cast(cast(self.ctx))

    @staticmethod
    def _focus(field: QLineEdit) -> Callable[[], None]:
        return lambda: (field.setFocus(), field.selectAll())

    # --- showing the check -------------------------------------------------------------
    def show_check(self, staff: StaffMember, check_id: int) -> None:
        if staff is not self.staff:  # a new shift at the till: its quick keys
            self.menu.set_favourites(top_sellers(self.ctx))
        new_check = check_id != self.check_id
        self.staff, self.check_id = staff, check_id
        self._reload_masterdata()
        if new_check:
            self.menu.show_first()
        self.feedback.clear()
        self.reasons.hide()
        self.producer_edit.clear()
        self.quantity.setText("1")
        self.refresh()
        self.widget.findChild(QLineEdit, "searchEdit").setFocus()

    def refresh(self) -> None:
        detail = self.detail = check_detail(self.ctx, self.check_id)
        find = self.widget.findChild
        if detail.takeout:
            kind = self.tr("take-out")
        elif detail.guests == 1:
            kind = self.tr("1 guest")
        else:
            kind = self.tr("{n} guests").format(n=detail.guests)
        title = self.tr("Check #{number} · {table} · {kind}").format(
            number=detail.number, table=detail.table, kind=kind)
        nominated = [line.cast_name for line in detail.lines
                     if line.category == Category.NOMINATION and not line.voided]
        if nominated:
            title += " · " + self.tr("nominates {names}").format(names=", ".join(nominated))
        if detail.training:
            title = self.tr("練習 TRAINING") + " · " + title
        find(QLabel, "checkTitle").setText(title)
        find(QLabel, "stayLabel").setText(self.tr("Stay {stay}").format(stay=detail.stay.label))
        find(QPushButton, "extendButton").setText(self._extend_label(detail))
        self.lines.set_lines(detail.lines)
        self.table.scrollToBottom()
        rates = [
            self.tr("{rate}% items {total} (tax {tax})").format(
                rate=int(r.rate), total=yen(r.total), tax=yen(r.tax))
            for r in detail.rate_totals
        ]
        find(QLabel, "rateTotalsLabel").setText("\n".join(rates))
        find(QLabel, "totalLabel").setText(self.tr("Total {total}").format(total=yen(detail.total)))
        find(QLabel, "producerLabel").setText(self._producer_text(detail))
        self.changed.emit(detail)

    def _producer_text(self, detail: CheckDetail) -> str:
        p = detail.producer
        if p is None:
            return self.tr("No producer card on this check yet.")
        text = self.tr(
            "{login} · {rank} {mult} · {spend} spend points · {votes} vote points\n"
            "This check earns +{earn} spend and +{earn_votes} vote points."
        ).format(login=format_login_id(p.login_id), rank=p.rank_name,
                 mult=multiplier_label(p.multiplier_pct), spend=f"{p.spend_points:,}",
                 votes=f"{p.vote_points:,}", earn=p.earn_spend, earn_votes=p.earn_votes)
        if p.next_rank:
            text += "\n" + self.tr("{needed} points to {rank}.").format(
                needed=f"{p.points_to_next:,}", rank=p.next_rank.name)
        return text

    # --- ringing up -------------------------------------------------------------------
    def add_item(self, entry: MenuEntry) -> None:
        self.feedback.clear()
        ok, quantity = self.feedback.attempt(whole_number, self.quantity.text(), self.tr("Quantity"))
        if not ok:
            return
        if credits_cast(entry.category, entry.cast_credit):
            self._pending_item, self._pending_quantity = entry, quantity
            on_check = [line.cast_name for line in self.detail.lines if line.cast_name]
            codes = {c.stage_name: c.code for c in self.picker.cast}
            self.picker.ask(f"{entry.name_ja}  {entry.name_en}",
                            [codes[n] for n in reversed(on_check) if n in codes],
                            tonights_roster(self.ctx))
            return
        self._add(entry, quantity, None)

    def _add_credited(self, cast_code: str) -> None:
        if self._pending_item is not None:
            self._add(self._pending_item, self._pending_quantity, cast_code)
            self._pending_item = None

    def _add(self, entry: MenuEntry, quantity: int, cast_code: str | None) -> None:
        if entry.category == Category.NOMINATION:  # the fee is per guest, not the quantity typed
            main = entry.code == self.ctx.nominations.main_item
            added = self._run(checks.nominate, self.check_id, cast_code, main)
        else:
            added = self._run(checks.add_line, self.check_id, entry.code, quantity, cast_code)
            if added:
                self.quantity.setText("1")
        if added:
            self.announced.emit(self.tr("Added {item} × {n} · total {total}").format(
                item=entry.name_ja, n=quantity, total=yen(self.detail.total)))

    def _run(self, service, *args) -> bool:
        """Call a service for this check and redraw; a refusal shows and changes nothing."""
        ok, _ = self.feedback.attempt(service, self.ctx, self.staff, *args)
        if ok:
            self.refresh()
        return ok

    def _extend_label(self, detail: CheckDetail) -> str:
        """What a tap on Extend charges, and a warning once the table is past its time."""
        policy = detail.stay_rule
        item = next((e for e in self.menu.entries if e.code == policy.extension_item), None)
        if item is None or detail.takeout:
            return self.tr("Extend stay")
        # Two lines: the charge must read whole on a 1280x800 till's middle button.
        values = dict(minutes=policy.extension_minutes, guests=detail.guests, price=yen(item.price))
        if detail.stay.state == StayState.OVER:
            return self.tr("Past its time! +{minutes} min\n{guests} × {price}").format(**values)
        return self.tr("Extend +{minutes} min\n{guests} × {price}").format(**values)

    def _extend(self) -> None:
        self._run(checks.extend_stay, self.check_id)

    # --- voids and cancel, each with a reason -----------------------------------------
    def _ask_void(self) -> None:
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            self.feedback.error(self.tr("Choose the line to void first."))
            return
        line = self.lines.lines[selected[0].row()]
        self.reasons.ask(self.tr("Why void {item}?").format(item=line.name_ja), VOID_REASONS,
                         lambda reason: self._run(checks.void_line, line.line_id, reason))

    def _ask_cancel(self) -> None:
        self.reasons.ask(self.tr("Why cancel the whole check?"), CANCEL_REASONS, self._cancel)

    def _cancel(self, reason: str) -> bool:
        ok, _ = self.feedback.attempt(checks.cancel_check, self.ctx, self.staff, self.check_id, reason)
        if ok:
            self.back_to_floor.emit()
        return ok

    # --- the producer -----------------------------------------------------------------
    def attach(self, typed: str) -> bool:
        """Attach the card scanned or typed; the field keeps a refused number for fixing."""
        if self._run(checks.attach_producer, self.check_id, typed):
            self.producer_edit.clear()
            return True
        return False

    def _attach_typed(self) -> None:
        self.attach(self.producer_edit.text())

    def new_producer(self) -> None:
        """A first visit: a card for this producer, put on this check."""
        check_id, before = self.check_id, self.slips
        self.slips = issue_new_producer(
            self.slips, self.till, self.staff, self.feedback, self.widget,
            lambda card: self._run(checks.attach_producer, check_id, card))
        if self.slips is not before:
            self.slips.issued.connect(self.announced)

    # --- leaving ----------------------------------------------------------------------
    def _settle(self) -> None:
        self.refresh()
        if not self.detail.live_lines:
            self.feedback.error(self.tr("Check #{number} is empty: there is nothing to settle.")
                                 .format(number=self.detail.number))
            return
        self.settle_requested.emit(self.check_id)

    def _escape(self) -> None:
        if self.reasons.isVisible():
            self.reasons.hide()
        else:
            self.back_to_floor.emit()

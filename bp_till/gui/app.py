"""The till's main window: a header with who is signed in, the screens, the status bar."""

from __future__ import annotations

import sys

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication, QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget,
)

from bp_till.bootstrap import Till
from bp_till.domain.identifiers import from_scan
from bp_till.gui.auto_extend import AutoExtender
from bp_till.gui.banner import FaultBanner
from bp_till.gui.page_stack import PageStack, scrolling
from bp_till.gui.board import RankingBoard
from bp_till.gui.check_view import CheckView
from bp_till.gui.close_out import CloseOutView
from bp_till.gui.customer_display import CustomerDisplay, wanted_by_default
from bp_till.gui.floor import FloorView
from bp_till.gui.i18n import install_language, save_language, saved_language
from bp_till.gui.idle import IdleLock
from bp_till.gui.loader import load_ui
from bp_till.gui.masterdata_view import MasterdataView
from bp_till.gui.producers_view import ProducersView
from bp_till.gui.ready import quit_when_painted
from bp_till.gui.receipts_view import ReceiptsView
from bp_till.gui.roster_view import RosterView
from bp_till.gui.scanner import ScanCatcher
from bp_till.gui.settings_view import SettingsView
from bp_till.gui.settle_view import SettleView
from bp_till.gui.sign_in import SignInView
from bp_till.gui.status import StatusBar
from bp_till.gui.style import apply_style, icon, save_theme, saved_theme, set_role
from bp_till.gui.toast import Toast
from bp_till.services.staff import StaffMember
from bp_till.services.training import training_state

ROLE_LABELS = {
    "cashier": QT_TRANSLATE_NOOP("MainWindow", "cashier"),
    "shift_lead": QT_TRANSLATE_NOOP("MainWindow", "shift lead"),
    "manager": QT_TRANSLATE_NOOP("MainWindow", "manager"),
}
# The header's buttons and their pictures in resources/icons.
HEADER_ICONS = {"floorNav": "floor", "rosterNav": "roster", "receiptsNav": "receipts",
                "producersNav": "producers", "closeoutNav": "closeout", "boardNav": "board",
                "settingsNav": "settings", "lockButton": "lock"}


class MainWindow(QMainWindow):
    language_changed = Signal(str)

    def __init__(self, till: Till, customer_display: bool | None = None) -> None:
        super().__init__()
        apply_style(QApplication.instance())
        self.till = till
        self.staff: StaffMember | None = None
        self.setWindowTitle(f"BP Till — {till.config.shop_name} #{till.config.terminal}")
        self.resize(1280, 800)
        self.header = load_ui("header", self)
        self.header.findChild(QLabel, "shopLabel").setText(till.config.shop_name)
        self.staff_label: QLabel = self.header.findChild(QLabel, "staffLabel")
        body = QWidget(self)
        self.pages = PageStack()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        self.banner = FaultBanner(body)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(scrolling(self.pages, body))
        self.setCentralWidget(body)
        self.toast = Toast(body, above=(self.header, self.banner))
        # In the status bar, first: the header has no width and the screens no height to spare
        # at 1280 x 800. A permanent widget, so a passing message never covers it.
        self.training_badge = QLabel(
            self.tr("練習 TRAINING · practice checks: no points, no cards, not in the close-out"),
            objectName="trainingBadge", visible=False)
        set_role(self.training_badge, "badge")  # the stay warning's yellow, bold, in both themes
        self.statusBar().insertPermanentWidget(0, self.training_badge)
        self._build_views()
        self.status = StatusBar(till, self.statusBar())
        self._wire_feedback()
        self.customer: CustomerDisplay | None = None
        if wanted_by_default() if customer_display is None else customer_display:
            self.show_customer_display()
        self.extender = AutoExtender(till.ctx, self)
        self.extender.extended.connect(self.on_auto_extended)
        self._install_filters()
        self.show_sign_in()

    def _build_views(self) -> None:
        till = self.till
        self.sign_in = SignInView(till.ctx, self.pages)
        self.sign_in.signed_in.connect(self.on_signed_in)
        self.floor = FloorView(till.ctx, till.config.tables, self.pages)
        self.floor.check_chosen.connect(self.show_check)
        self.check = CheckView(till, self.pages)
        self.check.back_to_floor.connect(self.show_floor)
        self.check.settle_requested.connect(self.show_settle)
        self.settle = SettleView(till, self.pages)
        self.settle.back.connect(self.show_check)
        self.settle.done.connect(self.show_floor)
        self.receipts = ReceiptsView(till, self.pages)
        self.producers = ProducersView(till, self.pages)
        self.closeout = CloseOutView(till, self.pages)
        self.roster = RosterView(till.ctx, self.pages)
        self.settings = SettingsView(till, self.pages)
        self.settings.language_chosen.connect(self.language_changed)
        self.settings.theme_chosen.connect(self.apply_theme)
        self.settings.masterdata_requested.connect(self.show_masterdata)
        self.settings.training.changed.connect(self.training_badge.setVisible)
        self.masterdata = MasterdataView(till.ctx, self.pages)
        self.masterdata.back.connect(self.show_settings)
        self.board: RankingBoard | None = None  # the shop screen's window, made when asked
        for view in (self.sign_in, self.floor, self.check, self.settle, self.receipts,
                     self.producers, self.closeout, self.roster, self.settings, self.masterdata):
            self.pages.addWidget(view.widget)
        nav = {"floorNav": self.show_floor, "rosterNav": self.show_roster,
               "receiptsNav": self.show_receipts,
               "producersNav": self.show_producers, "closeoutNav": self.show_closeout,
               "settingsNav": self.show_settings, "boardNav": self.show_board,
               "lockButton": self.lock}
        for name, slot in nav.items():
            self.header.findChild(QPushButton, name).clicked.connect(slot)
        self._paint_icons()

    def _paint_icons(self) -> None:
        for name, picture in HEADER_ICONS.items():
            button = self.header.findChild(QPushButton, name)
            button.setIcon(icon(picture))
            button.setIconSize(QSize(20, 20))

    def apply_theme(self, theme: str) -> None:
        """Light or dark at once, without a restart; the till remembers it."""
        save_theme(self.till.config.data_dir, theme)
        apply_style(QApplication.instance(), theme)
        self._paint_icons()

    def _wire_feedback(self) -> None:
        """Every completed action says so in a toast; a printer or sync fault in the banner."""
        for source in (self.check, self.settle, self.status):
            source.announced.connect(self.toast.say)
        self.status.fault.connect(self.banner.set_fault)
        self.status.show_printer(self.till.print_queue.state)
        self.status.refresh()

    def show_customer_display(self) -> None:
        """The customer's window, following the check at the till."""
        if self.customer is None:
            self.customer = CustomerDisplay(self.till.ctx)
            self.check.changed.connect(self.customer.show_check)
            self.settle.paid.connect(lambda receipt: self.customer.show_paid(
                receipt, self.settle.detail.producer.login_id if self.settle.detail.producer
                else None))
        self.customer.place()

    def _install_filters(self) -> None:
        """Scans and idle time are watched across the whole application."""
        app = QApplication.instance()
        self.scanner = ScanCatcher(self)
        self.scanner.scanned.connect(self.on_scan)
        self.idle = IdleLock(self.till.config.lock_after_s, self)
        self.idle.idle.connect(self.lock)
        app.installEventFilter(self.scanner)
        app.installEventFilter(self.idle)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        app = QApplication.instance()
        app.removeEventFilter(self.scanner)
        app.removeEventFilter(self.idle)
        self.status.stop()
        self.extender.stop()
        self.floor.ticker.stop()
        if self.board is not None:
            self.board.close()
        if self.customer is not None:
            self.customer.close()
        super().closeEvent(event)

    # --- who is at the till -----------------------------------------------------------
    def on_signed_in(self, member: StaffMember) -> None:
        self.staff = member
        self.staff_label.setText(self.tr("{name} · {role}").format(
            name=member.name, role=self.tr(ROLE_LABELS[member.role])))
        self.training_badge.setVisible(training_state(self.till.ctx).on)
        self.header.show()
        self.idle.arm()
        self.show_floor()
        self.extender.start(member)

    def lock(self) -> None:
        """Back to the sign-in screen; open checks stay as they are in the store."""
        locked_by_idle = self.staff is not None and self.sender() is self.idle
        self.staff = None
        self.extender.stop()
        self.idle.disarm()
        self.show_sign_in(self.tr("Locked after {s} s without use.").format(
            s=int(self.till.config.lock_after_s)) if locked_by_idle else "")

    def show_sign_in(self, note: str = "") -> None:
        self.header.hide()
        self.training_badge.hide()  # with the header: shown again at sign-in
        self.staff_label.setText(self.tr("Not signed in"))
        self.sign_in.reload(note)
        self.scanner.enabled = False
        self.pages.setCurrentWidget(self.sign_in.widget)

    # --- the screens ------------------------------------------------------------------
    def _show(self, widget: QWidget) -> None:
        self.scanner.enabled = True
        self.pages.setCurrentWidget(widget)
        self.status.refresh()

    def show_floor(self) -> None:
        if self.customer is not None:
            self.customer.welcome()
        self.floor.show_for(self.staff)
        self._show(self.floor.widget)

    def show_check(self, check_id: int) -> None:
        opened = self.pages.currentWidget() is self.floor.widget
        self.check.show_check(self.staff, check_id)
        self._show(self.check.widget)
        if opened:
            self.toast.say(self.tr("Check #{number} · {table}").format(
                number=self.check.detail.number, table=self.check.detail.table))

    def show_settle(self, check_id: int) -> None:
        self.settle.show_for(self.staff, check_id)
        if self.customer is not None:
            self.customer.show_check(self.settle.detail)
        self._show(self.settle.widget)

    def show_receipts(self) -> None:
        self.receipts.show_for(self.staff)
        self._show(self.receipts.widget)

    def show_producers(self) -> None:
        self.producers.show_for(self.staff)
        self._show(self.producers.widget)

    def show_roster(self) -> None:
        self.roster.show_for(self.staff)
        self._show(self.roster.widget)

    def show_closeout(self) -> None:
        self.closeout.show_for(self.staff)
        self._show(self.closeout.widget)

    def on_scan(self, scanned: str) -> None:
        code = from_scan(scanned)
        current = self.pages.currentWidget()
        if current is self.check.widget:
            self.check.attach(code)
        elif current is self.settle.widget:
            self.settle.attach(code)
        elif current is self.producers.widget:
            self.producers.look_up(code)
        else:
            self.statusBar().showMessage(self.tr("Card scanned: open a check to put it on."), 5000)

    def on_auto_extended(self, note: str) -> None:
        """The screen showing a table extended is redrawn; the note stays a while."""
        self.statusBar().showMessage(note, 15_000)
        current = self.pages.currentWidget()
        if current is self.floor.widget:
            self.floor.refresh()
        elif current is self.check.widget:
            self.check.refresh()

    def show_board(self) -> None:
        """The ranking board on the shop's screen, full-screen; opening it again raises it."""
        if self.board is None:
            self.board = RankingBoard(self.till)
        self.board.refresh()
        self.board.show_on_shop_screen()

    def show_settings(self) -> None:
        self.settings.show_for(self.staff)
        self._show(self.settings.widget)

    def show_masterdata(self) -> None:
        self.masterdata.show_for(self.staff)
        self._show(self.masterdata.widget)


class TillApp:
    """The running GUI: one main window, rebuilt when the language changes."""

    def __init__(self, till: Till, customer_display: bool | None = None) -> None:
        self.till, self.customer_display = till, customer_display
        install_language(saved_language(till.config.data_dir))
        apply_style(QApplication.instance(), saved_theme(till.config.data_dir))
        self.window = self._new_window()

    def _new_window(self) -> MainWindow:
        window = MainWindow(self.till, self.customer_display)
        window.language_changed.connect(self.switch_language)
        return window

    def switch_language(self, code: str) -> None:
        """Save the choice, load its translation and rebuild the screens, still signed in."""
        save_language(self.till.config.data_dir, code)
        install_language(code)
        old, staff = self.window, self.window.staff
        self.window = self._new_window()
        if staff is not None:
            self.window.on_signed_in(staff)
            self.window.show_settings()
        self.window.setGeometry(old.geometry())
        self.window.show()
        old.close()
        old.deleteLater()


def sharp_on_high_dpi() -> None:
    """150 % screens scale by 1.5, not rounded to 2; must run before the QApplication exists."""
    if QApplication.instance() is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)


def run_gui(till: Till, ready_since: float | None = None,
            customer_display: bool | None = None) -> int:
    sharp_on_high_dpi()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("BP Till")
    if ready_since is None:  # the start-up benchmark measures the window alone
        till.start_sync()
    gui = TillApp(till, customer_display)
    if ready_since is not None:  # --exit-when-ready, for the start-up benchmark
        quit_when_painted(gui.window.sign_in.widget, ready_since)
    gui.window.show()
    try:
        return app.exec()
    finally:
        till.close()

"""The till's main window and the Qt application around it."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from bp_till.bootstrap import Till
from bp_till.domain.business_day import business_day
from bp_till.gui.sign_in import SignInView
from bp_till.services.masterdata import cast, menu
from bp_till.services.staff import ROLE_NAMES, StaffMember


class MainWindow(QMainWindow):
    def __init__(self, till: Till) -> None:
        super().__init__()
        self.till = till
        self.setWindowTitle(f"BP Till — {till.config.shop_name} #{till.config.terminal}")
        self.resize(1024, 720)
        self.pages = QStackedWidget(self)
        self.setCentralWidget(self.pages)
        self.sign_in = SignInView(till.ctx, self.pages)
        self.sign_in.signed_in.connect(self.show_home)
        self.pages.addWidget(self.sign_in.widget)
        self.home, self.home_label = self._home_page()
        self.pages.addWidget(self.home)
        self.staff_label = QLabel("Not signed in")
        self.statusBar().addPermanentWidget(self.staff_label)
        self._status()

    def _home_page(self) -> tuple[QWidget, QLabel]:
        page = QWidget(self.pages)
        layout = QVBoxLayout(page)
        label = QLabel(page)
        label.setObjectName("homeLabel")
        label.setWordWrap(True)
        sign_out = QPushButton("Sign out", page)
        sign_out.setObjectName("signOutButton")
        sign_out.clicked.connect(self.show_sign_in)
        layout.addWidget(label)
        layout.addWidget(sign_out)
        layout.addStretch(1)
        return page, label

    def _status(self) -> None:
        day = business_day(self.till.ctx.clock.now())
        self.statusBar().showMessage(f"Business day {day.isoformat()} · store {self.till.config.store_path}")

    def show_home(self, member: StaffMember) -> None:
        ctx = self.till.ctx
        self.staff_label.setText(f"{member.name} ({ROLE_NAMES[member.role]})")
        self.home_label.setText(
            f"Signed in: {member.name} — {ROLE_NAMES[member.role]}\n"
            f"Menu: {len(menu(ctx))} items · Cast: {len(cast(ctx))} members"
        )
        self.pages.setCurrentWidget(self.home)
        self._status()

    def show_sign_in(self) -> None:
        self.staff_label.setText("Not signed in")
        self.sign_in.reload()
        self.pages.setCurrentWidget(self.sign_in.widget)


def run_gui(till: Till) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    window = MainWindow(till)
    window.show()
    try:
        return app.exec()
    finally:
        till.close()

"""``bp-till --self-test``: start the till in a throwaway data folder and try each part once.

For the build's test and for a register PC right after the app is copied: it
finds the bundled files, opens a new store (every migration runs), loads the
demo data, rings up and settles a sale printed to a ``file://`` printer,
renders every screen and dialog offscreen, pushes the outbox to an SQLite
central database and backs the store up. One line per check; exit 0 when all
pass, 1 naming the failing check (its traceback goes to stderr).

It never touches the till's real data folder, printer or central database:
the config it uses is written in the temporary folder, and the
``BP_TILL_*_URL`` overrides of the environment are ignored.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
from contextlib import closing
from pathlib import Path

from bp_till import __version__

PASSED, FAILED = 0, 1


class SelfTestFailed(Exception):
    """A check found something wrong; the message says what."""


def _require(condition: bool, problem: str) -> None:
    if not condition:
        raise SelfTestFailed(problem)


class SelfTest:
    """The checks, in order; each returns the line it prints and leaves state for the next."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.prints = folder / "printer.bin"
        self.till = None

    def checks(self):
        return (("files", self.files), ("qt", self.qt), ("store", self.store),
                ("demo data", self.demo_data), ("sale", self.sale), ("screens", self.screens),
                ("sync", self.sync), ("backup", self.backup))

    # --- the bundle ---------------------------------------------------------------------
    def files(self) -> str:
        from bp_till.assets import asset, asset_root
        from bp_till.printing.raster import FONT_FILE
        from bp_till.store.db import MIGRATIONS

        needed = [asset(*FONT_FILE), asset("resources", "fonts", "OFL.txt"),
                  asset("resources", "i18n", "bp_till_ja.qm"), asset("resources", "style", "till.qss"),
                  asset("resources", "demo", "menu.json"), asset("receipts", "sale_receipt.toml"),
                  asset("resources", "fonts", "BIZUDPGothic-Regular.ttf"),
                  asset("resources", "style", "themes.json"), asset("resources", "icons", "lock.svg"),
                  MIGRATIONS / "env.py"]
        missing = [str(path) for path in needed if not path.is_file()]
        _require(not missing, f"missing {', '.join(missing)}")
        screens = len(list(asset("ui").glob("*.ui")))
        migrations = len(list((MIGRATIONS / "versions").glob("*.py")))
        return (f"{screens} screen files, the font and its licence, the Japanese translation, "
                f"receipts and {migrations} migrations under {asset_root()}")

    def qt(self) -> str:
        from PySide6.QtCharts import QChart, QChartView  # the ranking board and sales charts
        from PySide6.QtCore import QLibraryInfo, qVersion
        from PySide6.QtWidgets import QApplication

        self.app = QApplication.instance() or QApplication([sys.argv[0]])
        QChartView(QChart()).deleteLater()
        folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
        plugins = {path.stem.removeprefix("lib").removeprefix("q"): path
                   for path in folder.glob("*q*.*")}
        needed = ["offscreen"] + (["xcb"] if sys.platform.startswith("linux") else [])
        _require(all(name in plugins for name in needed),
                 f"platform plugins {needed} are not all in {folder} (found {sorted(plugins)})")
        line = (f"Qt {qVersion()} with charts on {self.app.platformName()}; "
                f"platforms {', '.join(sorted(p for p in plugins if p in needed + ['wayland']))}")
        missing = _missing_libraries(plugins["xcb"]) if "xcb" in plugins else []
        if missing:  # fine offscreen; a screen needs them
            line += (f" (to show the till on a screen this PC still needs {', '.join(missing)}:"
                     " see the README's install section)")
        return line

    # --- the store ----------------------------------------------------------------------
    def store(self) -> str:
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        from bp_till.bootstrap import open_till
        from bp_till.config import CONFIG_NAME, parse_config
        from bp_till.store.db import alembic_config

        data = self.folder / "data"
        data.mkdir()
        text = f'[printer]\nurl = "file://{self.prints}"\n'
        (data / CONFIG_NAME).write_text(text, encoding="utf-8")
        self.config = parse_config(text, data, env={})  # no BP_TILL_*_URL: never the live ones
        self.till = open_till(self.config)
        engine = self.till.ctx.store.write_engine
        with engine.connect() as conn:
            revision = MigrationContext.configure(conn).get_current_revision()
            journal = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        _require(revision == head, f"the new store is at {revision}, not {head}")
        return f"new store {self.config.store_path.name} migrated to {revision}, journal {journal}"

    def demo_data(self) -> str:
        from bp_till.demo import load_demo
        from bp_till.services.masterdata import cast, menu

        staff = load_demo(self.till.ctx)
        self.staff = {role: name for name, role, _pin in reversed(staff)}
        counts = len(menu(self.till.ctx)), len(cast(self.till.ctx)), len(staff)
        _require(all(counts), f"the demo data did not load (menu, cast, staff: {counts})")
        return "{} menu items, {} cast members, {} staff".format(*counts)

    def _member(self, role: str):
        from bp_till.services.staff import list_staff

        return next(member for member in list_staff(self.till.ctx) if member.role == role)

    # --- a sale, start to paper ---------------------------------------------------------
    def sale(self) -> str:
        """The way the register does it: the card desk and the print queue, drawer first."""
        from bp_till.domain.settlement import CASH, Tender
        from bp_till.services import checks, masterdata, settle

        ctx = self.till.ctx
        cashier = self._member("cashier")
        slip = self.till.card_desk.issue(cashier)
        _require(slip.printed, f"the card slip did not print: {slip.message}")
        check = checks.open_check(ctx, cashier, "T1", 2)
        order = (("T01", 2, None), ("S01", 1, None), ("C01", 1, "C001"))
        for code, quantity, cast in order:
            checks.add_line(ctx, cashier, check, code, quantity, cast)
        checks.attach_producer(ctx, cashier, check, slip.card_number)
        prices = {item.code: item.price for item in masterdata.menu(ctx)}
        total = sum(prices[code] * quantity for code, quantity, _ in order)
        paid = -(-total // 1000) * 1000
        receipt = settle.settle_check(ctx, cashier, check, [Tender(CASH, paid)])
        drawer = self.till.print_queue.open_drawer()
        printed = self.till.receipts.print_receipt(receipt).result(timeout=60)
        _require(drawer.result(timeout=60).ok and printed.ok,
                 f"the drawer or the receipt failed: {printed.fault}")
        _require(receipt.total == total, f"the receipt says ¥{receipt.total:,}, the menu ¥{total:,}")
        _require(receipt.producer is not None and receipt.producer.spend_points == total // 100,
                 "the producer's spend points are not on the receipt")
        data = self.prints.read_bytes() if self.prints.exists() else b""
        cuts = data.count(b"\x1dV")
        _require(data.startswith(b"\x1b@") and cuts == 2,
                 f"the printer file has {len(data)} bytes and {cuts} cuts, not a slip and a receipt")
        return (f"check #{receipt.check_number}: ¥{total:,} paid ¥{paid:,} cash, change "
                f"¥{receipt.change:,}, {receipt.producer.spend_points} spend points; card slip, "
                f"drawer kick and receipt through the print queue ({len(data):,} bytes of ESC/POS "
                "to file://)")

    # --- every screen and dialog once ---------------------------------------------------
    def screens(self) -> str:
        from PySide6.QtWidgets import QApplication, QDialog, QMainWindow

        from bp_till.gui.app import TillApp
        from bp_till.gui.i18n import current_language
        from bp_till.gui.override import OverrideDialog
        from bp_till.services import checks

        gui = TillApp(self.till)  # Japanese, as a new till starts: the .qm must load
        _require(current_language() == "ja", "the Japanese translation did not load")
        window = gui.window
        window.show()
        window.on_signed_in(self._member("manager"))
        cashier = self._member("cashier")
        check = checks.open_check(self.till.ctx, cashier, "T2", 1)
        checks.add_line(self.till.ctx, cashier, check, "S01", 1)
        window.show_check(check)  # the check and settle pages with a check on them
        window.show_settle(check)
        OverrideDialog(self.till.ctx, "manager", "self-test", lambda _approval: None, window)
        out = self.folder / "screens"
        out.mkdir()
        shots = []
        for index in range(window.pages.count()):
            window.pages.setCurrentIndex(index)
            shots.append(self._shot(window.pages.widget(index), out / f"page{index:02d}"))
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QDialog | QMainWindow) and w is not window]
        for other in windows:
            other.show()
            shots.append(self._shot(other, out / "window"))
            other.hide()
        window.close()
        self.app.processEvents()
        return f"{window.pages.count()} pages and {len(windows)} dialogs drawn: {', '.join(shots)}"

    def _shot(self, widget, stem: Path) -> str:
        from PySide6.QtGui import QImage

        self.app.processEvents()
        name = widget.objectName() or type(widget).__name__
        image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        path = stem.with_name(f"{stem.name}-{name}.png")
        _require(not image.isNull() and image.save(str(path)), f"{name} could not be saved")
        pixels = bytes(image.constBits())
        _require(pixels != pixels[:4] * (len(pixels) // 4), f"{name} rendered as one flat colour")
        return name

    # --- the way out: central database and backup ---------------------------------------
    def sync(self) -> str:
        from sqlalchemy import text

        from bp_till.central.db import central_engine, init_central
        from bp_till.sync.push import push

        engine = central_engine(self.config.central_url)
        try:
            init_central(engine)
            result = push(self.till.ctx, engine)
            with engine.connect() as conn:
                received = conn.execute(text("SELECT count(*) FROM events")).scalar()
                sales = conn.execute(
                    text("SELECT count(*) FROM events WHERE type = 'check.settled'")).scalar()
        finally:
            engine.dispose()
        queued = _counts(self.config.store_path)["outbox"]
        _require(result.pending == 0 and received == queued == result.new,
                 f"{queued} events queued, {result.new} new at central, {received} there, "
                 f"{result.pending} pending")
        _require(sales == 1, f"the central database has {sales} sales, not 1")
        return f"{result.sent} events pushed to an SQLite central database, 1 sale among them"

    def backup(self) -> str:
        from bp_till.store.backup import backup_store

        copy = backup_store(self.config.store_path, self.folder / "backup.db")
        live = _counts(self.config.store_path)
        _require(copy.counts == live, f"the backup holds {copy.counts}, the store {live}")
        return (f"{copy.path.name}: integrity check ok, {sum(live.values())} rows in "
                f"{len(live)} tables, as in the store")


def _counts(store: Path) -> dict[str, int]:
    from bp_till.store.backup import table_counts

    with closing(sqlite3.connect(store)) as conn:
        return table_counts(conn)


def _missing_libraries(plugin: Path) -> list[str]:
    """System libraries a Qt plugin links to that this PC lacks (ldd says "not found")."""
    if not shutil.which("ldd"):
        return []
    listing = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout
    return sorted({line.split()[0] for line in listing.splitlines() if "not found" in line})


def run_self_test(out=None) -> int:
    out = out or sys.stdout
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.monotonic()
    print(f"bp-till {__version__} self-test{' (frozen)' if getattr(sys, 'frozen', False) else ''}",
          file=out, flush=True)
    with tempfile.TemporaryDirectory(prefix="bp-till-self-test-", ignore_cleanup_errors=True) as tmp:
        test = SelfTest(Path(tmp))
        try:
            for name, check in test.checks():
                try:
                    line = check()
                except Exception as exc:  # noqa: BLE001 - any failure is the check's failure
                    print(f"FAIL {name}: {exc}", file=out, flush=True)
                    traceback.print_exc(file=sys.stderr)
                    print(f"self-test failed at {name!r}", file=out, flush=True)
                    return FAILED
                print(f"ok   {name}: {line}", file=out, flush=True)
        finally:
            if test.till is not None:
                test.till.close()
    checks = len(test.checks())
    print(f"self-test passed: {checks} checks in {time.monotonic() - started:.1f} s",
          file=out, flush=True)
    return PASSED

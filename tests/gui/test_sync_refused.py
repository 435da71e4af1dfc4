"""The status bar when the central database refuses this till's events: another till has its number."""

import pytest

from bp_till.bootstrap import Till
from bp_till.config import Config
from bp_till.demo import demo_cast
from bp_till.gui.app import MainWindow
from bp_till.gui.i18n import install_language
from bp_till.printing.printers import Printer
from bp_till.services.context import TillContext
from bp_till.services.masterdata import save_cast
from bp_till.store.db import open_store
from bp_till.sync.once import open_central, run_round


@pytest.fixture
def taken_window(qtbot, ctx, tmp_path, clock):
    """The test till (terminal 1) beside a central database where another terminal 1 synced."""
    url = f"sqlite:///{tmp_path / 'central.db'}"
    first = TillContext(store=open_store(tmp_path / "first.db"), clock=clock)
    save_cast(first, demo_cast()[:3])
    engine = open_central(url)
    run_round(first, engine)
    engine.dispose()
    first.store.dispose()
    till = Till(Config(data_dir=tmp_path, central_url=url, sync_interval_s=3600), ctx,
                Printer(f"file://{tmp_path / 'prints.bin'}"))
    till.start_sync()
    main = MainWindow(till)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()
    till.close(drain_s=5)


def test_the_status_bar_says_another_till_has_this_number_and_what_to_do(qtbot, taken_window):
    label = taken_window.status.sync_label
    qtbot.waitUntil(lambda: "refuses" in label.text(), timeout=15_000)
    assert label.text().startswith("Sync stopped: the central database refuses terminal 1's "
                                   "events (another till has this number; see the tip)")
    assert "unreachable" not in label.text() and "events waiting" in label.text()
    assert label.property("state") == "error"  # drawn in the theme's error colour
    tip = label.toolTip()
    assert "another till is set up as terminal 1 too" in tip
    assert "set [terminal] number in its bp-till.toml and start it again" in tip
    try:
        assert install_language("ja")
        taken_window.status.refresh()
        assert label.text().startswith("同期停止: 本部データベースがターミナル 1 のイベントを受け付けません")
        assert "別のレジもターミナル 1 として設定されています" in label.toolTip()
    finally:
        install_language("en")

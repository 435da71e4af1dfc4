"""Training through the real window: a manager's PIN turns it on, the badge shows, a practice check."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import func, select

from bp_till.services import checks
from bp_till.store.models import AuditEntry, Check, OutboxEvent, PointsEntry
from tests.gui.conftest import approve, button, click, open_for, press, sign_in, type_keys


def _badge(window) -> QLabel:
    return window.findChild(QLabel, "trainingBadge")


def _turn(qtbot, window) -> None:
    """A cashier at Settings taps the switch; the manager types her PIN in the dialog."""
    click(qtbot, button(window, "settingsNav"))
    click(qtbot, button(window, "trainingButton"))
    approve(qtbot, window.settings.training.override)


def test_a_manager_turns_training_on_a_practice_check_is_rung_up_and_training_goes_off(
        qtbot, window, ctx, cashier, prints):
    sign_in(qtbot, window, "Yuto")
    assert not _badge(window).isVisible()
    _turn(qtbot, window)
    assert _badge(window).isVisible() and _badge(window).text().startswith("練習 TRAINING")
    assert _badge(window).property("role") == "badge"
    assert (window.width(), window.height()) == (1280, 800)  # the register's screen still holds it
    assert window.settings.training.button.text() == "Turn training off"

    click(qtbot, button(window, "floorNav"))
    open_for(qtbot, window, "T5", 2)
    click(qtbot, button(window, "menu_T01"))
    title = window.check.widget.findChild(QLabel, "checkTitle").text()
    assert title.startswith("練習 TRAINING · Check #1 · T5")  # the check itself says it
    press(qtbot, Qt.Key.Key_F12)
    type_keys(qtbot, "2000")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: b"TRAINING - NOT A RECEIPT" in prints.read_bytes()
                    if prints.exists() else False, timeout=10_000)
    click(qtbot, button(window, "doneButton"))
    assert _badge(window).isVisible()  # on every screen, not only in Settings

    with ctx.store.read() as session:
        check = session.scalars(select(Check).where(Check.table_label == "T5")).one()
        assert (check.status, check.training, check.total) == ("settled", True, 1_100)
        assert session.scalar(select(func.count()).select_from(OutboxEvent)
                              .where(OutboxEvent.type == "check.settled")) == 0
        assert session.scalar(select(func.count()).select_from(PointsEntry)) == 0

    stray = checks.open_check(ctx, cashier, "T6", 1)  # a practice check still on the floor
    _turn(qtbot, window)
    override = window.settings.training.override
    assert override.dialog.isVisible()
    assert override.message.text() == ("Training checks are still open: #2 (T6). Settle or cancel "
                                       "them before turning training off.")
    override.dialog.reject()
    checks.cancel_check(ctx, cashier, stray, "practice over")
    click(qtbot, button(window, "trainingButton"))
    approve(qtbot, window.settings.training.override)
    assert not _badge(window).isVisible()
    assert window.settings.training.button.text() == "Turn training on"
    with ctx.store.read() as session:
        assert [a.action for a in session.scalars(select(AuditEntry).where(
            AuditEntry.action.like("training.%")).order_by(AuditEntry.id))] == [
                "training.on", "training.off"]


def test_the_badge_shows_after_signing_in_again(qtbot, window, ctx, manager):
    from bp_till.services.training import set_training

    set_training(ctx, manager, True)
    sign_in(qtbot, window, "Yuto")
    assert _badge(window).isVisible()
    click(qtbot, button(window, "lockButton"))
    assert not _badge(window).isVisible()  # the sign-in screen shows no header either

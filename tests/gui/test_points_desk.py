"""The producer panel: recent visits, votes given at the till, a manager's adjustment."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QPushButton
from sqlalchemy import select

from bp_till.domain.settlement import Tender
from bp_till.services import checks, producers
from bp_till.services.settle import settle_check
from bp_till.store.models import AuditEntry, Vote
from tests.conftest import PINS
from tests.gui.conftest import button, click, press, scan, sign_in, type_keys


def _producer_with_a_visit(ctx, cashier, manager):
    card = producers.issue_producer(ctx, cashier)
    check = checks.open_check(ctx, cashier, "T1", 1)
    checks.add_line(ctx, cashier, check, "T01", 2)
    checks.attach_producer(ctx, cashier, check, card.card_number)
    settle_check(ctx, cashier, check, [Tender("cash", 3_000)])  # 22 spend and 22 vote points
    producers.adjust_points(ctx, manager, card.card_number, vote_delta=78, reason="welcome")
    return card


def _open_desk(qtbot, window, card):
    sign_in(qtbot, window, "Yuto")
    click(qtbot, button(window, "producersNav"))
    scan(qtbot, card.card_number)


def test_recent_visits_and_votes_given_at_the_till(qtbot, window, ctx, cashier, manager):
    card = _producer_with_a_visit(ctx, cashier, manager)
    _open_desk(qtbot, window, card)
    visits = window.producers.widget.findChild(QListWidget, "visitsList")
    assert visits.count() == 1 and visits.item(0).text() == "2026-11-20  #1  ¥2,200  +22 pt  +22 votes"

    click(qtbot, button(window, "votesButton"))
    dialog = window.producers.dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.cast.search)
    for name, points in (("kaori", "60"), ("ami", "30"), ("kaori", "5")):
        type_keys(qtbot, name)  # name, Enter, points, Enter: all from the keyboard
        press(qtbot, Qt.Key.Key_Return)
        type_keys(qtbot, points)
        press(qtbot, Qt.Key.Key_Return)
    balance = dialog.dialog.findChild(QLabel, "balanceLabel").text()
    assert balance == "0101-000001-3: 100 vote points · giving 95 · left 5"
    click(qtbot, dialog.dialog.findChild(QPushButton, "giveButton"))
    assert not dialog.dialog.isVisible()
    assert window.producers.feedback.label.text() == "Saved. 5 vote points left."
    with ctx.store.read() as session:
        assert sorted((v.cast.romaji, v.points) for v in session.scalars(select(Vote))) == [
            ("Ami", 30), ("Kaori", 65)]


def test_too_many_votes_are_refused_in_the_dialog(qtbot, window, ctx, cashier, manager, unchanged):
    card = _producer_with_a_visit(ctx, cashier, manager)
    _open_desk(qtbot, window, card)
    click(qtbot, button(window, "votesButton"))
    dialog = window.producers.dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.cast.search)
    dialog.points.setFocus()
    type_keys(qtbot, "101")
    press(qtbot, Qt.Key.Key_Return)
    with unchanged():
        click(qtbot, dialog.dialog.findChild(QPushButton, "giveButton"))
    assert dialog.feedback.label.text() == "That is 101 vote points; the producer has 100."
    assert dialog.dialog.isVisible()


def test_a_cashier_adjusts_points_with_a_managers_pin(qtbot, window, ctx, cashier, manager):
    card = _producer_with_a_visit(ctx, cashier, manager)
    _open_desk(qtbot, window, card)
    click(qtbot, button(window, "adjustButton"))
    adjust = window.producers.dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is adjust.spend)
    type_keys(qtbot, "+500")
    adjust.votes.setFocus()
    type_keys(qtbot, "-8")
    adjust.reason.setFocus()
    type_keys(qtbot, "stamp card from the old system")
    click(qtbot, adjust.dialog.findChild(QPushButton, "applyButton"))
    override = adjust.override
    assert override.dialog.findChild(QLabel, "whatLabel").text() == (
        "Adjust 0101-000001-3: spend +500, votes -8 (stamp card from the old system)")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is override.pin_edit)
    override.approver.setCurrentIndex(override.approver.findText("Misaki"))
    type_keys(qtbot, PINS["manager"])
    press(qtbot, Qt.Key.Key_Return)
    assert not adjust.dialog.isVisible()
    view = producers.find_producer(ctx, card.card_number)
    assert (view.spend_points, view.vote_points, view.rank.name) == (522, 92, "Silver")
    assert window.producers.widget.findChild(QLabel, "rankLabel").text() == "Silver · votes ×1.5"
    with ctx.store.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "points.adjusted")
                                .order_by(AuditEntry.id.desc())).first()
    assert (entry.staff_id, entry.approver_id) == (cashier.id, manager.id)

"""Split check from the check screen: three guests, three parts, three cards, one closed check."""

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListWidget, QPushButton
from sqlalchemy import select

from bp_till.domain.identifiers import mask_login_id
from bp_till.services import checks, producers
from bp_till.store.models import Check, CheckPart, Producer
from tests.gui.conftest import button, click, sign_in


def _pay(qtbot, dialog, row, card, handed):
    dialog.findChild(QListWidget, "partsList").setCurrentRow(row)
    if card:
        dialog.findChild(QLineEdit, "partCardEdit").setText(card)
    amount = dialog.findChild(QLineEdit, "partAmountEdit")
    qtbot.keyClicks(amount, handed)
    click(qtbot, dialog.findChild(QPushButton, "payPartButton"))


def test_three_guests_pay_their_own_parts_with_their_own_cards(qtbot, window, ctx, cashier):
    cards = [producers.issue_producer(ctx, cashier) for _ in range(3)]
    check = checks.open_check(ctx, cashier, "T8", 3)
    table = checks.add_line(ctx, cashier, check, "T01", 3)
    drinks = [checks.add_line(ctx, cashier, check, "A01") for _ in range(3)]
    sign_in(qtbot, window, "Yuto")
    window.show_check(check)
    click(qtbot, button(window, "splitCheckButton"))
    dialog = window.check.split.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.findChild(QComboBox, f"partOf_{table}").currentText() == "Shared"
    for n, line in enumerate(drinks, start=1):
        dialog.findChild(QComboBox, f"partOf_{line}").setCurrentIndex(n)  # Part n
    click(qtbot, dialog.findChild(QPushButton, "planSplitButton"))
    parts = dialog.findChild(QListWidget, "partsList")
    assert parts.count() == 3
    with ctx.store.read() as session:
        each = [session.get(Check, check).lines[n].amount for n in range(4)]
    first = each[0] // 3 + each[0] % 3 + each[1]  # a third of the table charge, and a drink
    assert parts.item(0).text() == f"Part 1: ¥{first:,} · +{first // 100} points"

    _pay(qtbot, dialog, 0, "", "abc")  # a typo in the amount: refused, nothing paid
    assert "whole number" in dialog.findChild(QLabel, "splitMessage").text()
    with ctx.store.read() as session:
        assert session.scalars(select(CheckPart)).all() == []
    dialog.findChild(QLineEdit, "partAmountEdit").clear()

    for row, card in enumerate(cards[:2]):
        _pay(qtbot, dialog, row, card.card_number, "5000")
        assert "paid" in parts.item(row).text(), dialog.findChild(QLabel, "splitMessage").text()
    with ctx.store.read() as session:
        second = session.scalars(select(CheckPart).where(CheckPart.number == 2)).one()
    assert dialog.findChild(QLabel, "splitMessage").text() == (
        f"Part 2 paid; change ¥{5_000 - second.total:,}. {mask_login_id(cards[1].login_id)}: "
        f"+{second.spend_points} spend and +{second.vote_points} vote points.")
    assert second.spend_points == second.total // 100 > 0
    with qtbot.waitSignal(dialog.closed_check):
        _pay(qtbot, dialog, 2, cards[2].card_number, "5000")
    assert window.pages.currentWidget() is window.floor.widget
    with ctx.store.read() as session:
        row = session.get(Check, check)
        parts = session.scalars(select(CheckPart).order_by(CheckPart.number)).all()
        assert row.status == "settled" and row.total == sum(p.total for p in parts)
        logins = [session.get(Producer, p.producer_id).login_id for p in parts]
        assert logins == [card.login_id for card in cards]
        assert all(p.spend_points == p.total // 100 for p in parts)

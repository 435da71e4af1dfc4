"""The producer desk: find by scan, replace a lost card behind a manager's PIN, slip printed."""

import json

from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import select

from bp_till.domain.identifiers import format_card_number
from bp_till.services import producers
from bp_till.store.models import AuditEntry, Card, OutboxEvent
from tests.conftest import PINS
from tests.gui.conftest import button, click, scan, sign_in, type_keys


def _text(window, name):
    return window.producers.widget.findChild(QLabel, name).text()


def test_a_cashier_replaces_a_lost_card_with_a_managers_pin(qtbot, window, ctx, cashier, manager, prints):
    lost = producers.issue_producer(ctx, cashier)
    producers.adjust_points(ctx, manager, lost.card_number, spend_delta=620, reason="old system")
    sign_in(qtbot, window, "Yuto")
    click(qtbot, button(window, "producersNav"))
    scan(qtbot, lost.card_number)
    assert _text(window, "identityLabel") == f"Login ID 0101-000001-3 · card {format_card_number(lost.card_number)}"
    assert _text(window, "rankLabel") == "Silver · votes ×1.5"
    assert "880 more spend points to Gold (×2.0)." in _text(window, "pointsLabel")

    click(qtbot, button(window, "replaceCardButton"))
    override = window.producers.override
    qtbot.waitUntil(lambda: QApplication.focusWidget() is override.pin_edit)
    override.approver.setCurrentIndex(override.approver.findText("Misaki"))
    type_keys(qtbot, PINS["manager"])
    click(qtbot, override.dialog.findChild(type(button(window, "findButton")), "approveButton"))

    qtbot.waitUntil(lambda: "The slip is printed." in window.producers.feedback.label.text(),
                    timeout=10_000)
    with ctx.store.read() as session:
        cards = {c.number: c.status for c in session.scalars(select(Card))}
        (event,) = session.scalars(select(OutboxEvent).where(OutboxEvent.type == "card.replaced"))
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "card.replaced")).one()
    new_number = next(number for number, status in cards.items() if status == "live")
    assert cards[lost.card_number] == "replaced"
    assert json.loads(event.payload)["old_card_number"] == lost.card_number
    assert (audit.staff_id, audit.approver_id) == (cashier.id, manager.id)
    assert _text(window, "identityLabel").endswith(format_card_number(new_number))
    assert _text(window, "rankLabel") == "Silver · votes ×1.5"  # points and rank stay
    assert format_card_number(new_number).encode() in prints.read_bytes()  # the new slip printed

"""Printing a new producer's card slip, and telling the cashier how it went."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bp_till.bootstrap import Till
from bp_till.domain.identifiers import format_card_number, format_login_id
from bp_till.gui.feedback import Feedback
from bp_till.printing.layout import card_slip
from bp_till.printing.printers import PrintFailed
from bp_till.services.producers import IssuedCard


def print_slip(till: Till, issued: IssuedCard, feedback: Feedback, replacement: bool = False) -> bool:
    site = till.ctx.site
    slip = card_slip(site.shop_name, site.portal_url, issued.login_id, issued.password,
                     issued.card_number, issued.issued_at, replacement)
    shown = QCoreApplication.translate(
        "ProducerIssue", "Card {card} issued to producer {login}.").format(
        card=format_card_number(issued.card_number), login=format_login_id(issued.login_id))
    try:
        till.printer.print_blocks(slip, "card", issued.issued_at, secret=True)
    except PrintFailed as failure:
        why = QCoreApplication.translate("ProducerIssue", "The slip did not print: {why}")
        feedback.error(f"{shown} {why.format(why=failure)}")
        return False
    feedback.info(f"{shown} {QCoreApplication.translate('ProducerIssue', 'The slip is printed.')}")
    return True

"""Refusals from the services, said in the language the screens show.

The services and the domain speak English (they also serve the CLI and the
logs). Each refusal a cashier meets is listed here as a pattern and an English
template marked for Qt Linguist; the Japanese lives in bp_till_ja.ts with the
rest of the screens. A message with no pattern is shown as it came.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from bp_till.gui.i18n import current_language

_N = r"(\d[\d,]*)"
_YEN = r"(-?¥[\d,]+)"
_ANY = r"(.+?)"

CATALOGUE: list[tuple[str, str]] = [
    (rf"Wrong PIN \({_N} tries left\)\.", QT_TRANSLATE_NOOP("Refusals", "Wrong PIN ({0} tries left).")),
    (rf"Wrong PIN\. {_ANY}'s PIN is now locked for 5 minutes\.",
     QT_TRANSLATE_NOOP("Refusals", "Wrong PIN. {0}'s PIN is now locked for 5 minutes.")),
    (rf"{_ANY}'s PIN is locked; try again in {_N} min\.",
     QT_TRANSLATE_NOOP("Refusals", "{0}'s PIN is locked; try again in {1} min.")),
    (rf"{_ANY} is not a .+; they cannot .+\.",
     QT_TRANSLATE_NOOP("Refusals", "{0} may not approve this.")),
    (rf"{_ANY}: type a number\.", QT_TRANSLATE_NOOP("Refusals", "{0}: type a number.")),
    (rf"{_ANY}: (.+) is not a whole number; type digits only\.",
     QT_TRANSLATE_NOOP("Refusals", "{0}: {1} is not a whole number; type digits only.")),
    (rf"Check #{_N} is empty: there is nothing to settle\.",
     QT_TRANSLATE_NOOP("Refusals", "Check #{0} is empty: there is nothing to settle.")),
    (rf"{_YEN} short: the check is {_YEN}\.",
     QT_TRANSLATE_NOOP("Refusals", "{0} short: the check is {1}.")),
    (rf"Card and e-money \({_YEN}\) are more than the check \({_YEN}\)\.",
     QT_TRANSLATE_NOOP("Refusals", "Card and e-money ({0}) are more than the check ({1}).")),
    (r"Card and e-money already cover the check; give the cash back\.",
     QT_TRANSLATE_NOOP("Refusals", "Card and e-money already cover the check; give the cash back.")),
    (r"That card number has a typo \(its check digit does not match\)\.",
     QT_TRANSLATE_NOOP("Refusals", "That card number has a typo (its check digit does not match).")),
    (r"That login ID has a typo \(its check digit does not match\)\.",
     QT_TRANSLATE_NOOP("Refusals", "That login ID has a typo (its check digit does not match).")),
    (r"Scan a card \(12 digits\) or type a login ID \(11 digits\)\.",
     QT_TRANSLATE_NOOP("Refusals", "Scan a card (12 digits) or type a login ID (11 digits).")),
    (rf"Card {_ANY} was replaced; it no longer works\. Ask for the new card\.",
     QT_TRANSLATE_NOOP("Refusals", "Card {0} was replaced; it no longer works. Ask for the new card.")),
    (rf"Card {_ANY} is not known here\.", QT_TRANSLATE_NOOP("Refusals", "Card {0} is not known here.")),
    (rf"Login ID {_ANY} is not known here\.",
     QT_TRANSLATE_NOOP("Refusals", "Login ID {0} is not known here.")),
    (r"A quantity over 999 is refused; check the number\.",
     QT_TRANSLATE_NOOP("Refusals", "A quantity over 999 is refused; check the number.")),
    (r"A quantity must be at least 1\.", QT_TRANSLATE_NOOP("Refusals", "A quantity must be at least 1.")),
    (rf"{_ANY} needs the cast member it is for\.",
     QT_TRANSLATE_NOOP("Refusals", "{0} needs the cast member it is for.")),
    (r"Voiding a line needs a reason\.", QT_TRANSLATE_NOOP("Refusals", "Voiding a line needs a reason.")),
    (r"Cancelling a check needs a reason\.",
     QT_TRANSLATE_NOOP("Refusals", "Cancelling a check needs a reason.")),
    (r"A reason is at most 500 characters\.",
     QT_TRANSLATE_NOOP("Refusals", "A reason is at most 500 characters.")),
    (rf"Guests must be a whole number from 1 to {_N}\.",
     QT_TRANSLATE_NOOP("Refusals", "Guests must be a whole number from 1 to {0}.")),
    (rf"Check #{_N} is already settled\.", QT_TRANSLATE_NOOP("Refusals", "Check #{0} is already settled.")),
    (rf"Check #{_N} is already voided\.", QT_TRANSLATE_NOOP("Refusals", "Check #{0} is already voided.")),
    (rf"Business day {_ANY} is closed out; no more sales can land on it\.",
     QT_TRANSLATE_NOOP("Refusals", "Business day {0} is closed out; no more sales can land on it.")),
    (r"A payment must be more than ¥0\.", QT_TRANSLATE_NOOP("Refusals", "A payment must be more than ¥0.")),
    (rf"A payment over {_YEN} is refused; check the amount\.",
     QT_TRANSLATE_NOOP("Refusals", "A payment over {0} is refused; check the amount.")),
    (r"That line is already void\.", QT_TRANSLATE_NOOP("Refusals", "That line is already void.")),
    (r"A check needs a table name of 1 to 16 characters\.",
     QT_TRANSLATE_NOOP("Refusals", "A check needs a table name of 1 to 16 characters.")),
]
_COMPILED = [(re.compile(pattern), template) for pattern, template in CATALOGUE]


def localise(message: str) -> str:
    """The refusal in the screens' language; unknown messages pass through unchanged."""
    if current_language() == "en":
        return message
    for pattern, template in _COMPILED:
        match = pattern.fullmatch(message)
        if match:
            return QCoreApplication.translate("Refusals", template).format(*match.groups())
    return message

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
    # The printer (bp_till/printing/faults.py)
    (r"The printer is offline\.", QT_TRANSLATE_NOOP("Refusals", "The printer is offline.")),
    (rf"The printer did not answer within {_ANY} s\. Is it on and connected\?",
     QT_TRANSLATE_NOOP("Refusals", "The printer did not answer within {0} s. Is it on and connected?")),
    (r"The printer is out of paper\. Load a new roll\.",
     QT_TRANSLATE_NOOP("Refusals", "The printer is out of paper. Load a new roll.")),
    (r"The printer cover is open\. Close it\.",
     QT_TRANSLATE_NOOP("Refusals", "The printer cover is open. Close it.")),
    (r"The printer reports an error \(paper jam or cutter\)\. Open the cover, clear it, close it\.",
     QT_TRANSLATE_NOOP("Refusals", "The printer reports an error (paper jam or cutter). "
                                   "Open the cover, clear it, close it.")),
    (r"The printer refused the connection\. Is it on, and is the port right\?",
     QT_TRANSLATE_NOOP("Refusals", "The printer refused the connection. Is it on, and is the port right?")),
    (r"The connection to the printer dropped halfway; the printout is incomplete\.",
     QT_TRANSLATE_NOOP("Refusals", "The connection to the printer dropped halfway; the printout is incomplete.")),
    (rf"The printer was not found: {_ANY}", QT_TRANSLATE_NOOP("Refusals", "The printer was not found: {0}")),
    (r"The cash drawer did not open in time; it will not open late\. Use the drawer key\.",
     QT_TRANSLATE_NOOP("Refusals", "The cash drawer did not open in time; it will not open late. "
                                   "Use the drawer key.")),
    (r"The till stopped before this printed\.",
     QT_TRANSLATE_NOOP("Refusals", "The till stopped before this printed.")),
    # Close-out and corrections
    (rf"1 check is still open: {_ANY}\. Settle or cancel them before closing out\.",
     QT_TRANSLATE_NOOP("Refusals", "1 check is still open: {0}. Settle or cancel it before closing out.")),
    (rf"{_N} checks are still open: {_ANY}\. Settle or cancel them before closing out\.",
     QT_TRANSLATE_NOOP("Refusals", "{0} checks are still open: {1}. Settle or cancel them before closing out.")),
    (rf"Business day {_ANY} is closed out already\.",
     QT_TRANSLATE_NOOP("Refusals", "Business day {0} is closed out already.")),
    (rf"Business day {_ANY} is closed out; refunds can be given again from 05:00\.",
     QT_TRANSLATE_NOOP("Refusals", "Business day {0} is closed out; refunds can be given again from 05:00.")),
    (rf"Check #{_N} belongs to business day {_ANY}, which is closed out; refund it instead\.",
     QT_TRANSLATE_NOOP("Refusals", "Check #{0} belongs to business day {1}, which is closed out; refund it instead.")),
    (rf"Check #{_N} was settled on {_ANY}; only tonight's checks can be voided\. Refund it instead\.",
     QT_TRANSLATE_NOOP("Refusals", "Check #{0} was settled on {1}; only tonight's checks can be voided. Refund it instead.")),
    (rf"Check #{_N} has a refund already; refund the rest instead\.",
     QT_TRANSLATE_NOOP("Refusals", "Check #{0} has a refund already; refund the rest instead.")),
    (rf"Check #{_N} is refunded in full already\.",
     QT_TRANSLATE_NOOP("Refusals", "Check #{0} is refunded in full already.")),
    (r"Voiding a settled check needs a reason\.",
     QT_TRANSLATE_NOOP("Refusals", "Voiding a settled check needs a reason.")),
    (r"A refund needs a reason\.", QT_TRANSLATE_NOOP("Refusals", "A refund needs a reason.")),
    (r"A points adjustment needs a reason\.",
     QT_TRANSLATE_NOOP("Refusals", "A points adjustment needs a reason.")),
    (rf"The count of {_YEN} must be from 0 to {_N}\.",
     QT_TRANSLATE_NOOP("Refusals", "The count of {0} must be from 0 to {1}.")),
    # The sync (bp_till/sync/numbering.py): another till has this till's number
    (rf"The central database refuses terminal {_N}'s events: it holds other events under "
     rf"terminal \d+'s numbers(?: \(.+\))?, so another till is set up as terminal \d+ too\. "
     r"Give this till a number no other till uses: set \[terminal\] number in its bp-till\.toml "
     rf"and start it again \(its queued events take the new number\)\. Nothing was sent; "
     rf"{_N} events stay queued here\.",
     QT_TRANSLATE_NOOP("Refusals", "The central database refuses terminal {0}'s events: another "
                                   "till is set up as terminal {0} too. Give this till a number "
                                   "no other till uses: set [terminal] number in its bp-till.toml "
                                   "and start it again (its queued events take the new number). "
                                   "Nothing was sent; {1} events stay queued here.")),
    # The menu and the cast (bp_till/services/menu_admin.py, masterdata.py, checks.py)
    (rf"{_ANY} is an event item on the menu from {_ANY}; business day {_ANY} is before it\.",
     QT_TRANSLATE_NOOP("Refusals", "{0} is an event item on the menu from {1}; business day {2} is before it.")),
    (rf"{_ANY} was an event item on the menu until {_ANY}; business day {_ANY} is after it\.",
     QT_TRANSLATE_NOOP("Refusals", "{0} was an event item on the menu until {1}; business day {2} is after it.")),
    (rf"{_ANY} \({_ANY}\) has retired and cannot be credited\.",
     QT_TRANSLATE_NOOP("Refusals", "{0} ({1}) has retired and cannot be credited.")),
    (rf"{_ANY}: that changes nothing\.", QT_TRANSLATE_NOOP("Refusals", "{0}: that changes nothing.")),
    (rf"{_ANY} is on the menu already \({_ANY}\); edit it instead\.",
     QT_TRANSLATE_NOOP("Refusals", "{0} is on the menu already ({1}); edit it instead.")),
    (rf"{_ANY} is in the cast already \({_ANY}\); edit them instead\.",
     QT_TRANSLATE_NOOP("Refusals", "{0} is in the cast already ({1}); edit them instead.")),
    (rf"{_ANY} is the stage name of {_ANY} \(retired; the history keeps the name\); "
     r"a stage name belongs to one cast member\.",
     QT_TRANSLATE_NOOP("Refusals", "{0} is the stage name of {1}, who has retired (the history keeps "
                                   "the name); a stage name belongs to one cast member.")),
    (rf"{_ANY} is the stage name of {_ANY}; a stage name belongs to one cast member\.",
     QT_TRANSLATE_NOOP("Refusals", "{0} is the stage name of {1}; a stage name belongs to one cast member.")),
    (rf"{_ANY}: available until {_ANY} is before available from {_ANY}\.",
     QT_TRANSLATE_NOOP("Refusals", "{0}: available until {1} is before available from {2}.")),
    (rf"{_ANY} is a day as YYYY-MM-DD, not {_ANY}",
     QT_TRANSLATE_NOOP("Refusals", "{0}: type a day as YYYY-MM-DD, not {1}.")),
    (rf"{_ANY} is first in its category already\.",
     QT_TRANSLATE_NOOP("Refusals", "{0} is first in its category already.")),
    (rf"{_ANY} is last in its category already\.",
     QT_TRANSLATE_NOOP("Refusals", "{0} is last in its category already.")),
    (rf"{_ANY}: the Japanese name needs 1 to {_N} characters\.",
     QT_TRANSLATE_NOOP("Refusals", "{0}: the Japanese name needs 1 to {1} characters.")),
    (rf"{_ANY}: the English name needs 1 to {_N} characters\.",
     QT_TRANSLATE_NOOP("Refusals", "{0}: the English name needs 1 to {1} characters.")),
    (rf"{_ANY}: the stage name needs 1 to {_N} characters\.",
     QT_TRANSLATE_NOOP("Refusals", "{0}: the stage name needs 1 to {1} characters.")),
    (rf"A menu code is 1 to 16 letters, digits, - or _; {_ANY} is not\.",
     QT_TRANSLATE_NOOP("Refusals", "A menu code is 1 to 16 letters, digits, - or _; {0} is not.")),
    (rf"A cast code is 1 to 16 letters, digits, - or _; {_ANY} is not\.",
     QT_TRANSLATE_NOOP("Refusals", "A cast code is 1 to 16 letters, digits, - or _; {0} is not.")),
    (rf"A price over {_YEN} is refused; check the amount\.",
     QT_TRANSLATE_NOOP("Refusals", "A price over {0} is refused; check the amount.")),
    # Votes and ranks
    (rf"That is {_N} vote points; the producer has {_N}\.",
     QT_TRANSLATE_NOOP("Refusals", "That is {0} vote points; the producer has {1}.")),
    (r"Choose at least one cast member to vote for\.",
     QT_TRANSLATE_NOOP("Refusals", "Choose at least one cast member to vote for.")),
    (r"That would take the producer's points below zero\.",
     QT_TRANSLATE_NOOP("Refusals", "That would take the producer's points below zero.")),
    (r"The adjustment changes nothing\.", QT_TRANSLATE_NOOP("Refusals", "The adjustment changes nothing.")),
    (rf"{_ANY}: {_ANY} is not a multiplier like 1\.5 or 2\.",
     QT_TRANSLATE_NOOP("Refusals", "{0}: {1} is not a multiplier like 1.5 or 2.")),
    (r"Multipliers start at ×1\.0 and never fall as the rank rises\.",
     QT_TRANSLATE_NOOP("Refusals", "Multipliers start at ×1.0 and never fall as the rank rises.")),
    (r"A rank table needs a first rank at 0 points\.",
     QT_TRANSLATE_NOOP("Refusals", "A rank table needs a first rank at 0 points.")),
    # Moving, merging and splitting a check (services/tables.py, services/split_pay.py).
    (rf"{_ANY} is taken by check #{_N}; merge the two checks instead\.",
     QT_TRANSLATE_NOOP("Refusals", "{0} is taken by check #{1}; merge the two checks instead.")),
    (rf"Check #{_N} is already at {_ANY}\.",
     QT_TRANSLATE_NOOP("Refusals", "Check #{0} is already at {1}.")),
    (r"A check cannot be merged into itself; choose another table's check\.",
     QT_TRANSLATE_NOOP("Refusals", "A check cannot be merged into itself; choose another table's check.")),
    (rf"Checks #{_N} and #{_N} are not both take-out or both eat-in: .+",
     QT_TRANSLATE_NOOP("Refusals", "Checks #{0} and #{1} are not both take-out or both eat-in: "
                                   "their tax rates differ, so they cannot be merged.")),
    (rf"Part {_N} has nothing to pay; give it a line or split into fewer parts\.",
     QT_TRANSLATE_NOOP("Refusals", "Part {0} has nothing to pay; give it a line or split into fewer parts.")),
    (r"Every line of the check goes to one part or is shared, once\.",
     QT_TRANSLATE_NOOP("Refusals", "Every line of the check goes to one part or is shared, once.")),
    (rf"Part {_N} of check #{_N} is paid already\.",
     QT_TRANSLATE_NOOP("Refusals", "Part {0} of check #{1} is paid already.")),
    (rf"Check #{_N} is being paid in parts; pay the other parts before it changes\.",
     QT_TRANSLATE_NOOP("Refusals", "Check #{0} is being paid in parts; pay the other parts before it changes.")),
    (rf"The lines of check #{_N} changed since it was split; split it again\.",
     QT_TRANSLATE_NOOP("Refusals", "The lines of check #{0} changed since it was split; split it again.")),
    # Training (services/training.py and the actions it stops).
    (rf"Training checks are still open: {_ANY}\. Settle or cancel them before turning training off\.",
     QT_TRANSLATE_NOOP("Refusals", "Training checks are still open: {0}. Settle or cancel them "
                                   "before turning training off.")),
    (r"The till is in training: it cannot issue a producer card\. .+",
     QT_TRANSLATE_NOOP("Refusals", "The till is in training: no producer card is issued. A manager "
                                   "turns training off in Settings first.")),
    (r"The till is in training: it cannot replace a card\. .+",
     QT_TRANSLATE_NOOP("Refusals", "The till is in training: no card is replaced. A manager turns "
                                   "training off in Settings first.")),
    (r"The till is in training: it cannot reset a password\. .+",
     QT_TRANSLATE_NOOP("Refusals", "The till is in training: no password is reset. A manager turns "
                                   "training off in Settings first.")),
    (r"The till is in training: it cannot spend a producer's vote points\. .+",
     QT_TRANSLATE_NOOP("Refusals", "The till is in training: no vote points are spent. A manager "
                                   "turns training off in Settings first.")),
    (r"The till is in training: it cannot adjust a producer's points\. .+",
     QT_TRANSLATE_NOOP("Refusals", "The till is in training: no points are adjusted. A manager "
                                   "turns training off in Settings first.")),
    (rf"Check #{_N} was a training check: .+",
     QT_TRANSLATE_NOOP("Refusals", "Check #{0} was a training check: it is in no figures and "
                                   "credited nothing, so there is nothing to void or refund.")),
    (rf"Checks #{_N} and #{_N} are not both training checks: .+",
     QT_TRANSLATE_NOOP("Refusals", "Checks #{0} and #{1} are not both training checks: a practice "
                                   "check cannot be merged with a real sale.")),
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

"""Card numbers and login IDs: unique across tills without coordination.

Both carry the shop and terminal number, so two tills never hand out the same
number, plus a per-terminal sequence and a Damm check digit. Damm catches every
single-digit typo and every swap of two adjacent digits, the two mistakes people
make typing a number off a card.

- card number: 12 digits ``SS TT NNNNNNN C`` shown as ``0101-0000-0017``
- login ID:    11 digits ``SS TT NNNNNN C`` shown as ``0101-000001-7``
"""

from __future__ import annotations

import unicodedata

from stdnum import damm

from bp_till.domain.errors import InvalidInput
from bp_till.domain.text import DASHES, shown

CARD_DIGITS = 12
LOGIN_DIGITS = 11
_CARD_SEQ_DIGITS = 7
_LOGIN_SEQ_DIGITS = 6
SEPARATORS = frozenset(" \t" + DASHES)


def _check_site(shop: int, terminal: int) -> None:
    if not 1 <= shop <= 99:
        raise InvalidInput("The shop number must be between 1 and 99.")
    if not 1 <= terminal <= 99:
        raise InvalidInput("The terminal number must be between 1 and 99.")


def _compose(shop: int, terminal: int, sequence: int, seq_digits: int) -> str:
    _check_site(shop, terminal)
    if not 1 <= sequence < 10**seq_digits:
        raise InvalidInput("This terminal has used up its number range.")
    body = f"{shop:02d}{terminal:02d}{sequence:0{seq_digits}d}"
    return body + damm.calc_check_digit(body)


def card_number(shop: int, terminal: int, sequence: int) -> str:
    return _compose(shop, terminal, sequence, _CARD_SEQ_DIGITS)


def login_id(shop: int, terminal: int, sequence: int) -> str:
    return _compose(shop, terminal, sequence, _LOGIN_SEQ_DIGITS)


def _digits(typed: str) -> str:
    """Drop the separators people type or scanners send; keep only what is left.

    Full-width digits (a Japanese keyboard) fold to ASCII first (NFKC).
    """
    if not isinstance(typed, str):
        return ""
    folded = unicodedata.normalize("NFKC", typed).strip()
    return "".join(ch for ch in folded if ch not in SEPARATORS)


def _parse(typed: str, length: int, what: str) -> str:
    digits = _digits(typed)
    if not digits:
        raise InvalidInput(f"Type or scan a {what}.")
    if not digits.isascii() or not digits.isdigit():
        raise InvalidInput(f"A {what} has digits only; {shown(typed)} is not one.")
    if len(digits) != length:
        raise InvalidInput(f"A {what} has {length} digits; this has {len(digits)}.")
    if not damm.is_valid(digits):
        raise InvalidInput(f"That {what} has a typo (its check digit does not match).")
    return digits


def parse_card_number(typed: str) -> str:
    """The card number in canonical digits, or InvalidInput naming the mistake."""
    return _parse(typed, CARD_DIGITS, "card number")


def parse_login_id(typed: str) -> str:
    return _parse(typed, LOGIN_DIGITS, "login ID")


def format_card_number(number: str) -> str:
    return f"{number[0:4]}-{number[4:8]}-{number[8:12]}"


def format_login_id(login: str) -> str:
    return f"{login[0:4]}-{login[4:10]}-{login[10:]}"


def mask_login_id(login: str) -> str:
    """A login ID on a sale receipt: all but the last four digits hidden."""
    return "*" * (len(login) - 4) + login[-4:]


def from_scan(scanned: str) -> str:
    """What a scanner read: a card number as is, or the login ID out of the slip's QR link.

    The slip's QR is ``PORTAL#id=LOGIN&pw=PASSWORD``; only the login ID is kept,
    so the password never reaches a field, a message or a log.
    """
    _, hash_mark, fragment = scanned.partition("#")
    if not hash_mark:
        return scanned
    for part in fragment.split("&"):
        key, _, value = part.partition("=")
        if key == "id":
            return value
    return ""


def classify(typed: str) -> str:
    """'card' or 'login' by length, so one field takes a scan or a typed ID."""
    length = len(_digits(typed))
    if length == CARD_DIGITS:
        return "card"
    if length == LOGIN_DIGITS:
        return "login"
    raise InvalidInput(
        f"Scan a card ({CARD_DIGITS} digits) or type a login ID ({LOGIN_DIGITS} digits)."
    )

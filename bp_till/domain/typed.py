"""Numbers as people type them at a Japanese till: ``3``, ``１０００``, ``¥1,000``.

A Japanese keyboard in kana mode types full-width digits, so text is folded
with NFKC first; then only ASCII digits count. Anything else is refused with a
message that says what was typed, never silently read as something else.
"""

from __future__ import annotations

import unicodedata
import re
from datetime import date, time

from bp_till.domain.errors import InvalidInput

MAX_TYPED = 12  # more digits than any yen amount the till takes


def whole_number(typed: str, what: str, *, money: bool = False) -> int:
    """The number in ``typed``; ``money`` also allows a ¥ sign and thousands commas."""
    text = unicodedata.normalize("NFKC", typed if isinstance(typed, str) else "").strip()
    if money:
        text = text.removeprefix("¥").removeprefix("\\").replace(",", "").strip()
    if not text:
        raise InvalidInput(f"{what}: type a number.")
    if not (text.isascii() and text.isdigit()) or len(text) > MAX_TYPED:
        shown = text if len(text) <= 20 else text[:20] + "…"
        raise InvalidInput(f"{what}: {shown!r} is not a whole number; type digits only.")
    return int(text)


def signed_number(typed: str, what: str) -> int:
    """A whole number that may carry a sign: ``+50``, ``-20``, ``−20``, ``－２０``; empty is 0."""
    text = unicodedata.normalize("NFKC", typed if isinstance(typed, str) else "").strip()
    if not text:
        return 0
    sign = -1 if text[0] in "-−" else 1
    digits = text[1:] if text[0] in "+-−" else text
    return sign * whole_number(digits, what)


def multiplier(typed: str, what: str) -> int:
    """A vote multiplier as typed (``1.5``, ``×2``, ``1.25``) in whole percent (150, 200, 125)."""
    text = unicodedata.normalize("NFKC", typed if isinstance(typed, str) else "").strip()
    whole, dot, part = text.lstrip("×xX*").strip().partition(".")
    refusal = InvalidInput(f"{what}: {typed!r} is not a multiplier like 1.5 or 2.")
    if len(part) > 2 or (dot and not part):
        raise refusal
    try:
        return whole_number(whole, what) * 100 + (whole_number(part.ljust(2, "0"), what) if part else 0)
    except InvalidInput:
        raise refusal from None


def clock_time(typed: str, what: str) -> time:
    """``HH:MM`` as a time of day; full-width digits and colon are read."""
    text = unicodedata.normalize("NFKC", str(typed)).strip()
    try:
        hours, minutes = (int(part) for part in text.split(":"))
        return time(hours, minutes)
    except ValueError:
        raise InvalidInput(f"{what}: type a time as HH:MM, for example 19:00.") from None


_DAY = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})")


def calendar_day(typed: str, what: str) -> date | None:
    """``2026-12-24`` (or ``2026/12/24``, as a Japanese spreadsheet writes it); empty is None."""
    text = unicodedata.normalize("NFKC", typed if isinstance(typed, str) else "").strip()
    if not text:
        return None
    match = _DAY.fullmatch(text)
    try:
        if match is None:
            raise ValueError
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        raise InvalidInput(f"{what} is a day as YYYY-MM-DD, not {typed!r}") from None

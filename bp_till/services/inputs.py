"""Checks on what is typed or scanned at the till, shared by every service that takes some."""

from __future__ import annotations

import re

from bp_till.domain.errors import InvalidInput, NotFound
from bp_till.domain.text import cleaned, shown

__all__ = ["cleaned", "required_code", "required_reason", "required_text", "row_id", "shown"]

MAX_REASON = 500
MAX_ROW_ID = 2**63 - 1  # SQLite's largest integer
_CODE = re.compile(r"[A-Za-z0-9_-]{1,16}")


def required_text(value: object, what: str, limit: int) -> str:
    """A name that is printed or shown: 1 to ``limit`` visible characters."""
    text = cleaned(value)
    if not text or len(text) > limit:
        raise InvalidInput(f"{what} needs 1 to {limit} characters.")
    return text


def required_code(value: object, what: str) -> str:
    """A short code typed for speed (menu item, cast member): letters, digits, - and _."""
    code = value.strip() if isinstance(value, str) else ""
    if not _CODE.fullmatch(code):
        raise InvalidInput(f"{what} is 1 to 16 letters, digits, - or _; {shown(value)} is not.")
    return code


def required_reason(value: object, what: str) -> str:
    """The reason a void, cancel or adjustment must carry, for the audit trail."""
    text = cleaned(value)
    if not text:
        raise InvalidInput(f"{what} needs a reason.")
    if len(text) > MAX_REASON:
        raise InvalidInput(f"A reason is at most {MAX_REASON} characters.")
    return text


def row_id(value: object, what: str) -> int:
    """The id of a check, line or staff member the screen handed over; anything else is unknown."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ROW_ID:
        raise NotFound(f"{what} does not exist.")
    return value

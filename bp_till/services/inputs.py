"""Checks on free text typed at the till, shared by every service that takes some."""

from __future__ import annotations

from bp_till.domain.errors import InvalidInput

MAX_REASON = 500


def cleaned(value: object) -> str:
    """Typed text without surrounding blanks; anything that is not text counts as empty."""
    return value.strip() if isinstance(value, str) else ""


def required_reason(value: object, what: str) -> str:
    """The reason a void, cancel or adjustment must carry, for the audit trail."""
    text = cleaned(value)
    if not text:
        raise InvalidInput(f"{what} needs a reason.")
    if len(text) > MAX_REASON:
        raise InvalidInput(f"A reason is at most {MAX_REASON} characters.")
    return text

"""Typed text as the till prints and shows it: no hidden characters, quoted short.

Text that ends up on a receipt, a screen or the audit log loses its control
and direction characters first: a right-to-left override in a table name
would print the receipt's line backwards, a line break in a menu name would
forge a receipt line of its own. Zero-width and other format characters go
with them (a thermal printer has no emoji to join).
"""

from __future__ import annotations

import unicodedata

_BREAKS = "\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"  # each becomes one space
_HIDDEN = ("Cc", "Cf", "Cs")  # controls; format characters (bidi marks, zero widths); surrogates
# Dashes as people type them between groups of a number or a password: on a Japanese
# keyboard "-" in kana mode is often the long vowel mark ー, or a minus or a dash.
DASHES = "-‐‑‒–—―−ー－"


def _visible(ch: str) -> str:
    if ch in _BREAKS:
        return " "
    return "" if unicodedata.category(ch) in _HIDDEN else ch


def cleaned(value: object) -> str:
    """Typed text without hidden characters or surrounding blanks; non-text counts as empty."""
    if not isinstance(value, str):
        return ""
    if value.isprintable():  # no control, format or separator character: nothing to drop
        return value.strip()
    return "".join(map(_visible, value)).strip()


def shown(value: object, limit: int = 20) -> str:
    """A typed value quoted in a message: visible characters only, cut short."""
    if not isinstance(value, str):
        return "(not text)"  # never str() it: a 5,000-digit int cannot be
    text = cleaned(value)
    return repr(text[:limit] + ("…" if len(text) > limit else ""))

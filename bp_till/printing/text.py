"""Blocks as plain text for a terminal: what `bp-till report day` prints.

Kanji and kana take two columns in a terminal, so widths are counted the way
the terminal draws them, and rows still line up.
"""

from __future__ import annotations

import unicodedata

from bp_till.printing.blocks import Block, Box, Line, Qr, Row, Rule

COLUMNS = 48


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, columns: int) -> list[str]:
    """Break text into lines of at most ``columns`` columns, at a space where one is near."""
    lines, current = [], ""
    for ch in text:
        if display_width(current + ch) <= columns:
            current += ch
            continue
        cut = current.rfind(" ")
        if cut > 0:
            lines.append(current[:cut])
            current = current[cut + 1:] + ch
        else:
            lines.append(current)
            current = ch
    return [*lines, current] if current else lines


def _line(block: Line, columns: int) -> str:
    gap = max(0, columns - display_width(block.text))
    if block.align == "center":
        return " " * (gap // 2) + block.text
    if block.align == "right":
        return " " * gap + block.text
    return block.text


def as_text(blocks: list[Block], columns: int = COLUMNS) -> str:
    out = []
    for block in blocks:
        if isinstance(block, Rule):
            out.append(block.char * columns)
        elif isinstance(block, Row):
            gap = max(1, columns - display_width(block.left) - display_width(block.right))
            out.append(block.left + " " * gap + block.right)
        elif isinstance(block, Line):
            out.append(_line(block, columns))
        elif isinstance(block, Box):
            out.append(f"[ {block.label} ]")
        elif isinstance(block, Qr):
            out.append("[QR]")
    return "\n".join(out)

"""The pieces a printout is made of, independent of any printer."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    text: str
    align: str = "left"  # left, center, right
    bold: bool = False
    big: bool = False  # double height and width


@dataclass(frozen=True)
class Row:
    """A label on the left and an amount on the right."""

    left: str
    right: str
    bold: bool = False


@dataclass(frozen=True)
class Rule:
    char: str = "-"


@dataclass(frozen=True)
class Qr:
    data: str


@dataclass(frozen=True)
class Box:
    """An empty framed box (where the revenue stamp goes)."""

    label: str


Block = Line | Row | Rule | Qr | Box

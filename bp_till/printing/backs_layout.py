"""Lay out the cast backs: a slip for each cast member, and the period report for payroll."""

from __future__ import annotations

from datetime import date

from bp_till.domain.backs import CastBacks
from bp_till.domain.money import yen
from bp_till.printing.blocks import Block, Box, Line, Row, Rule
from bp_till.printing.layout import template
from bp_till.services.backs import BacksReport


def _items(t: dict, backs: CastBacks) -> list[Block]:
    return [Row(t["item_line"].format(name=i.item_name, count=i.count), yen(i.back))
            for i in backs.items]


def backs_slip(backs: CastBacks, day: date, shop_name: str, terminal: int) -> list[Block]:
    """What a cast member takes home at the end of the night: her backs item by item."""
    t = template("backs_slip")
    return [
        Line(shop_name, "center", bold=True),
        Line(t["slip_title"], "center", bold=True),
        Line(t["day_label"].format(day=day.isoformat(), terminal=terminal), "center"),
        Rule(),
        Line(t["cast_line"].format(name=backs.name, code=backs.code), bold=True, big=True),
        *_items(t, backs),
        Rule(),
        Row(t["total"], yen(backs.total), bold=True),
        Box(t["sign_line"]),
    ]


def backs_report_blocks(report: BacksReport, shop_name: str, terminal: int) -> list[Block]:
    """Every cast member's backs for the period, and the sum payroll pays out."""
    t = template("backs_slip")
    blocks: list[Block] = [
        Line(shop_name, "center", bold=True),
        Line(t["report_title"], "center", bold=True),
        Line(t["period_label"].format(first=report.first.isoformat(), last=report.last.isoformat(),
                                      terminal=terminal), "center"),
    ]
    for backs in report.casts:
        blocks += [Rule(), Row(t["cast_line"].format(name=backs.name, code=backs.code),
                               yen(backs.total), bold=True), *_items(t, backs)]
    if not report.casts:
        blocks += [Rule(), Line(t["none"])]
    return [*blocks, Rule(), Row(t["all_cast"], yen(report.total), bold=True)]

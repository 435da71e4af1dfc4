"""Lay out a sale receipt and a producer card slip as blocks, wording from receipts/."""

from __future__ import annotations

import tomllib
from datetime import datetime
from functools import cache

from bp_till.assets import asset
from bp_till.domain.business_day import TOKYO
from bp_till.domain.credentials import group_password, normalise_password
from bp_till.domain.identifiers import format_card_number, format_login_id
from bp_till.domain.money import yen
from bp_till.domain.receipt import Receipt
from bp_till.printing.blocks import Block, Box, Line, Qr, Row, Rule


@cache
def template(name: str) -> dict:
    with asset("receipts", f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(TOKYO).strftime("%Y-%m-%d %H:%M")


def sale_receipt(receipt: Receipt) -> list[Block]:
    t = template("sale_receipt")
    blocks: list[Block] = [Line(receipt.shop_name, "center", bold=True, big=True)]
    if receipt.reprint:
        blocks.append(Line(t["reprint_mark"], "center", bold=True, big=True))
    blocks += [
        Line(t["title"], "center", bold=True),
        Line(f"{t['registration_label']} {receipt.registration_number}", "center"),
        Line(f"{_stamp(receipt.issued_at)}  #{receipt.terminal}-{receipt.check_number:06d}"),
        Line(f"Table {receipt.table}" + (f"  {t['takeout_mark']}" if receipt.takeout else "")),
        Rule(),
    ]
    for line in receipt.lines:
        mark = "※" if line.reduced else ""
        label = f"{line.name_ja}{mark}"
        if line.quantity > 1:
            label += f" x{line.quantity}"
        blocks.append(Row(label, yen(line.amount)))
        if line.cast_name:
            blocks.append(Line(f"  → {line.cast_name}"))
    blocks.append(Rule())
    blocks.append(Row(t["total_label"], yen(receipt.total), bold=True))
    for rate in receipt.rate_totals:
        blocks.append(Row(t["rate_total_label"].format(rate=int(rate.rate)), yen(rate.total)))
        blocks.append(Row(t["rate_tax_label"].format(rate=int(rate.rate)), yen(rate.tax)))
    if any(line.reduced for line in receipt.lines):
        blocks.append(Line(t["reduced_legend"]))
    blocks.append(Rule())
    for paid in receipt.payments:
        blocks.append(Row(t["payment_labels"][paid.method], yen(paid.tendered)))
    if receipt.change:
        blocks.append(Row(t["change_label"], yen(receipt.change)))
    if receipt.producer:
        p = receipt.producer
        blocks += [
            Rule(),
            Row(t["producer_label"], p.masked_login_id),
            Line(t["points_label"].format(spend=p.spend_points)),
            Line(t["votes_label"].format(votes=p.vote_points, rank=p.rank_name,
                                         multiplier=p.multiplier_label)),
        ]
    if receipt.revenue_stamp and not receipt.reprint:
        blocks.append(Box(t["revenue_stamp_box"]))
    blocks.append(Rule())
    blocks += [Line(text, "center") for text in t["footer"]]
    return blocks


def portal_link(portal_url: str, login_id: str, password: str) -> str:
    """Credentials ride in the URL fragment, which browsers never send to a server."""
    return f"{portal_url}#id={login_id}&pw={normalise_password(password)}"


SLIP_TITLES = {"issue": "title", "replacement": "replacement_title", "reset": "reset_title"}


def card_slip(
    shop_name: str, portal_url: str, login_id: str, password: str, card_number: str,
    issued_at: datetime, purpose: str = "issue",
) -> list[Block]:
    """The producer's slip: the only place the password ever appears. ``purpose`` is
    ``issue`` (a first card), ``replacement`` (a lost card) or ``reset`` (a new password)."""
    t = template("card_slip")
    card = [Line(t["card_label"]), Line(format_card_number(card_number), "center", bold=True)]
    return [
        Line(shop_name, "center", bold=True, big=True),
        Line(t[SLIP_TITLES[purpose]], "center", bold=True),
        Rule(),
        Line(t["login_label"]),
        Line(format_login_id(login_id), "center", bold=True, big=True),
        Line(t["password_label"]),
        Line(group_password(normalise_password(password)), "center", bold=True, big=True),
        *(card if card_number else []),
        Rule(),
        Qr(portal_link(portal_url, login_id, password)),
        Line(t["scan_hint"], "center"),
        Line(portal_url, "center"),
        Line(_stamp(issued_at), "center"),
        Rule(),
        *[Line(text, "center") for text in t["keep_safe"]],
    ]

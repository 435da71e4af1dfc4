"""Lay out a sale receipt and a producer card slip as blocks, wording from receipts/."""

from __future__ import annotations

import tomllib
from datetime import datetime
from functools import cache

from bp_till.assets import asset
from bp_till.domain.business_day import TOKYO
from bp_till.domain.credentials import group_password, normalise_password
from bp_till.domain.identifiers import format_card_number, format_login_id
from bp_till.domain.cash import over_short_label
from bp_till.domain.closeout import DayFigures
from bp_till.domain.money import RateTotal, yen
from bp_till.domain.receipt import Receipt, ReceiptLine, RefundReceipt
from bp_till.printing.blocks import Block, Box, Line, Qr, Row, Rule
from bp_till.printing.text import wrap

WRAP_COLUMNS = 40  # what fits a line of 80 mm paper, indent included


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
    if receipt.voided:
        blocks.append(Line(t["void_mark"], "center", bold=True))
    if receipt.training:
        blocks.append(Line(t["training_mark"], "center", bold=True, big=True))
    blocks += [
        Line(t["title"], "center", bold=True),
        Line(f"{t['registration_label']} {receipt.registration_number}", "center"),
        Line(f"{_stamp(receipt.issued_at)}  #{receipt.terminal}-{receipt.check_number:06d}"),
        Line(f"Table {receipt.table}" + (f"  {t['takeout_mark']}" if receipt.takeout else "")),
        Rule(),
    ]
    blocks += _item_rows(receipt.lines)
    blocks.append(Rule())
    blocks.append(Row(t["total_label"], yen(receipt.total), bold=True))
    blocks += _tax_rows(t, receipt.rate_totals, receipt.lines)
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
    if receipt.training:  # at the foot too: a torn-off half still says it
        blocks.append(Line(t["training_note"], "center", bold=True))
    blocks += [Line(text, "center") for text in t["footer"]]
    return blocks


def _item_rows(lines: tuple[ReceiptLine, ...], sign: int = 1) -> list[Block]:
    """The items as sold (``sign`` -1 prints them as given back)."""
    blocks: list[Block] = []
    for line in lines:
        label = f"{line.name_ja}{'※' if line.reduced else ''}"
        if line.quantity > 1:
            label += f" x{line.quantity}"
        blocks.append(Row(label, yen(sign * line.amount)))
        if line.cast_name:
            blocks.append(Line(f"  → {line.cast_name}"))
    return blocks


def _tax_rows(t: dict, rate_totals: tuple[RateTotal, ...], lines) -> list[Block]:
    blocks: list[Block] = []
    for rate in rate_totals:
        blocks.append(Row(t["rate_total_label"].format(rate=int(rate.rate)), yen(rate.total)))
        blocks.append(Row(t["rate_tax_label"].format(rate=int(rate.rate)), yen(rate.tax)))
    if any(line.reduced for line in lines):
        blocks.append(Line(t["reduced_legend"]))
    return blocks


def refund_receipt(refund: RefundReceipt) -> list[Block]:
    """A return invoice: the refund's own number, the sale it reverses, negative amounts."""
    t = template("refund_receipt")
    blocks: list[Block] = [Line(refund.shop_name, "center", bold=True, big=True)]
    if refund.reprint:
        blocks.append(Line(t["reprint_mark"], "center", bold=True, big=True))
    blocks += [
        Line(t["title"], "center", bold=True, big=True),
        Line(f"{template('sale_receipt')['registration_label']} {refund.registration_number}",
             "center"),
        Line(f"{_stamp(refund.issued_at)}  "
             + t["refund_number"].format(terminal=refund.terminal, number=refund.refund_number)),
        Line(t["original_sale"]),
        Line(t["original_line"].format(day=refund.original_day.isoformat(),
                                       terminal=refund.terminal,
                                       number=refund.original_check_number)),
        Rule(),
        *_item_rows(refund.lines, sign=-1),
        Rule(),
        Row(t["total_label"], yen(refund.total), bold=True),
        *_tax_rows(t, refund.rate_totals, refund.lines),
        Rule(),
        *[Row(t["payment_labels"][paid.method], yen(paid.amount)) for paid in refund.payments],
    ]
    if refund.producer:
        p = refund.producer
        blocks += [Rule(), Line(t["points_label"].format(spend=p.spend_points)),
                   Line(t["votes_label"].format(votes=p.vote_points))]
        if refund.votes_already_spent:
            blocks.append(Line(t["votes_spent_label"].format(spent=refund.votes_already_spent)))
    blocks += [Rule(), Line(t["reason_label"]),
               *[Line(text) for text in wrap(refund.reason, WRAP_COLUMNS)]]
    if not refund.reprint:
        blocks.append(Box(t["signature_box"]))
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


def close_out_report(
    figures: DayFigures, shop_name: str, terminal: int,
    closed_at: datetime | None = None, closed_by: str | None = None,
) -> list[Block]:
    """The night in one printout; ``bp-till report day`` prints these blocks as text."""
    t = template("close_out")
    status = (t["closed_label"].format(at=_stamp(closed_at), who=closed_by) if closed_at
              else t["not_closed"])
    return [
        Line(shop_name, "center", bold=True, big=True),
        Line(t["title"], "center", bold=True),
        Line(t["day_label"].format(day=figures.business_day.isoformat(), terminal=terminal),
             "center"),
        Line(status, "center"),
        *close_out_figures(figures),
        *_drawer(t, figures),
    ]


def close_out_figures(f: DayFigures) -> list[Block]:
    """The sections from sales to cast: the close-out screen shows exactly these."""
    t = template("close_out")
    return [
        *_section(t["sales_heading"], [
            Row(t["checks"], f"{f.checks:,}"),
            # Beside the count they are not in, so the shift lead sees practice was left out.
            *([Row(t["training_checks"], f"{f.training_checks:,}")] if f.training_checks else []),
            Row(t["guests"], f"{f.guests:,}"),
            Row(t["extensions"], f"{f.extensions:,}"),
            Row(t["gross_sales"], yen(f.gross_sales)), Row(t["refunds"], yen(f.refunds)),
            Row(t["net_sales"], yen(f.net_sales), bold=True),
            Row(t["average_per_check"], yen(f.average_per_check)),
            Row(t["average_per_guest"], yen(f.average_per_guest)),
        ]),
        *_section(t["tax_heading"], [row for r in f.tax for row in (
            Row(t["rate_net"].format(rate=r.rate), yen(r.net)),
            *([Row(t["rate_refunds"], yen(r.refunds))] if r.refunds else []),
            Row(t["rate_tax"].format(rate=r.rate), yen(r.tax)),
        )]),
        *_section(t["payments_heading"], [row for m in f.payments for row in (
            Row(t["method_names"][m.method], yen(m.net)),
            *([Row(t["method_refunds"].format(method=t["method_names"][m.method]),
                   yen(m.refunds))] if m.refunds else []),
        )]),
        *_section(t["categories_heading"], [
            Row(t["category"].format(name=t["category_names"][c.category], quantity=c.quantity),
                yen(c.net)) for c in f.categories
        ]),
        *_section(t["hours_heading"], [
            Row(t["hour_one" if h.checks == 1 else "hour"].format(hour=h.hour, checks=h.checks),
                yen(h.sales)) for h in f.hours
        ]),
        *_corrections(t, f),
        *_section(t["cards_heading"], [Row(t["cards_issued"], f"{f.cards_issued:,}"),
                                       Row(t["cards_replaced"], f"{f.cards_replaced:,}")]),
        *_section(t["points_heading"], [
            Row(t[name], f"{value:,}") for name, value in (
                ("spend_issued", f.points.spend_issued), ("vote_issued", f.points.vote_issued),
                ("spend_reversed", f.points.spend_reversed),
                ("vote_reversed", f.points.vote_reversed),
                ("spend_net", f.points.spend_net), ("vote_net", f.points.vote_net))
        ]),
        *_section(t["cast_heading"], [row for c in f.cast for row in (
            Row(c.name, yen(c.cheki_amount + c.cast_drink_amount + c.nomination_amount)),
            Row(t["cast_counts"].format(cheki=c.cheki, drinks=c.cast_drinks,
                                        nominations=c.nominations),
                t["cast_votes"].format(votes=f"{c.till_votes:,}")),
        )]),
        *_section(t["backs_heading"], [row for b in f.backs for row in (
            Row(f"{b.name} ({b.code})", yen(b.total)),
            Line(t["backs_line"].format(count=b.count)),
        )] or [Line(t["none"])]),
    ]


def _section(heading: str, rows: list[Block]) -> list[Block]:
    return [Rule(), Line(heading, bold=True), *rows]


def _who(t: dict, by: str, approver: str | None, reason: str) -> list[Line]:
    """Who did it, who approved it and why, wrapped to the paper, indented under the entry."""
    who = (t["who_approved_line"].format(by=by, approver=approver) if approver
           else t["who_line"].format(by=by))
    texts = [*wrap(who, WRAP_COLUMNS), *wrap(t["reason_line"].format(reason=reason), WRAP_COLUMNS)]
    return [Line(f"  {text}") for text in texts]


def _corrections(t: dict, f: DayFigures) -> list[Block]:
    voids: list[Block] = []
    for v in f.voids:
        voids += [Line(t["void_line"].format(number=v.check_number, table=v.table,
                                             total=yen(v.total))),
                  *_who(t, v.voided_by, v.approved_by, v.reason)]
    refunds: list[Block] = []
    for r in f.refund_list:
        refunds += [Line(t["refund_line"].format(number=r.number, check=r.check_number,
                                                 day=r.original_day.isoformat(),
                                                 total=yen(r.total))),
                    *_who(t, r.refunded_by, r.approved_by, r.reason)]
    return [
        *_section(t["voids_heading"], voids or [Line(t["none"])]),
        *_section(t["refunds_heading"], refunds or [Line(t["none"])]),
        Row(t["cancelled_checks"], f"{f.cancelled_checks:,}"),
        Row(t["voided_lines"].format(count=f.voided_lines), yen(f.voided_line_amount)),
    ]


def _drawer(t: dict, f: DayFigures) -> list[Block]:
    d = f.drawer
    counted = [Row(t["denomination"].format(value=yen(int(value)), count=count),
                   yen(int(value) * count)) for value, count in d.counts.items() if count]
    return _section(t["drawer_heading"], [
        Row(t["opening_float"], yen(d.opening_float)),
        Row(t["cash_sales"], yen(d.cash_sales)),
        Row(t["cash_refunds"], yen(d.cash_refunds)),
        Row(t["expected"], yen(d.expected), bold=True),
        *counted,
        Row(t["counted"], yen(d.counted) if d.counted is not None else t["not_counted"]),
        Row(t["over_short"], over_short_label(d.over_short), bold=True),
    ])

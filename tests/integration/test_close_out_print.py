"""The printed close-out report and refund receipt, read back from their ESC/POS bytes."""

from datetime import date, datetime

from PIL import ImageChops

from bp_till.domain.business_day import TOKYO
from bp_till.domain.settlement import Tender
from bp_till.printing.blocks import Line, Row, Rule
from bp_till.printing.escpos_out import paper_dots
from bp_till.printing.layout import close_out_report, refund_receipt, sale_receipt
from bp_till.printing.printers import Printer
from bp_till.printing.raster import block_image
from bp_till.services import checks, closeout, corrections, producers
from bp_till.services.settle import receipt_for, settle_check
from bp_till.store.models import Check
from tests.escpos_reader import Cut, Raster, Text, read_escpos

PROFILE = "TM-T88V"


def _printed(tmp_path, blocks, name):
    out = tmp_path / f"{name}.bin"
    Printer(f"file://{out}", PROFILE).print_blocks(blocks, name, datetime.now(TOKYO))
    return read_escpos(out.read_bytes())


def _same_image(a, b) -> bool:
    return a.size == b.size and ImageChops.difference(a.convert("L"), b.convert("L")).getbbox() is None


def _assert_bytes_carry(blocks, items):
    """Block by block: ASCII that fits is text in the printer's font, the rest a raster image."""
    assert isinstance(items[-1], Cut)
    items, width = items[:-1], paper_dots(PROFILE)
    assert len(items) == len(blocks)
    for block, item in zip(blocks, items):
        if isinstance(item, Text):
            if isinstance(block, Rule):
                assert item.text == "-" * 42
            elif isinstance(block, Row):
                assert item.text.startswith(block.left) and item.text.endswith(block.right)
                assert len(item.text) == 42
            else:
                assert item.text == block.text
        else:
            assert isinstance(item, Raster) and _same_image(item.image, block_image(block, width))


def _money(amount: int) -> str:
    return f"-¥{-amount:,}" if amount < 0 else f"¥{amount:,}"


def _sections(blocks) -> dict[str, list]:
    """The report's rows under each bold heading, as (left, right) text."""
    sections, current = {}, None
    for block in blocks:
        if isinstance(block, Line) and block.bold:
            current = sections.setdefault(block.text, [])
        elif isinstance(block, Row) and current is not None:
            current.append((block.left.strip(), block.right))
    return sections


def _night(ctx, cashier, manager, clock):
    card = producers.issue_producer(ctx, cashier)
    sales = []
    for table, items, tenders in (
        ("T1", [("T01", 2, None), ("C02", 1, "C001")], [Tender("card", 2_000), Tender("cash", 2_000)]),
        ("T2", [("T01", 1, None), ("CD03", 2, "C002"), ("F01", 1, None)], [Tender("emoney", 5_600)]),
        ("TO", [("G01", 1, None)], [Tender("cash", 5_000)]),
    ):
        check = checks.open_check(ctx, cashier, table, 2)
        for code, quantity, cast in items:
            checks.add_line(ctx, cashier, check, code, quantity, cast)
        checks.attach_producer(ctx, cashier, check, card.card_number)
        settle_check(ctx, cashier, check, tenders)
        sales.append(check)
        clock.advance(minutes=50)
    corrections.void_settled_check(ctx, manager, sales[2], "rang up the wrong penlight")
    corrections.refund_check(ctx, manager, sales[1], "cold omurice",
                             line_ids=[_line_id(ctx, sales[1], "food")])
    return sales


def _line_id(ctx, check_id, category):
    with ctx.store.read() as session:
        return next(line.id for line in session.get(Check, check_id).lines
                    if line.category == category)


def test_the_printed_report_carries_the_json_figures(ctx, cashier, manager, shift_lead, clock,
                                                     tmp_path):
    _night(ctx, cashier, manager, clock)
    report = closeout.close_day(ctx, shift_lead, date(2026, 11, 20), 20_000,
                                {10_000: 2, 1_000: 2, 100: 2, 10: 3})
    figures = report.as_json()["figures"]
    blocks = close_out_report(report.figures, "Backstage Pass", 1, report.closed_at, report.closed_by)
    _assert_bytes_carry(blocks, _printed(tmp_path, blocks, "close-out"))

    s = _sections(blocks)
    assert s["売上 SALES"] == [
        ("Checks", f"{figures['checks']}"), ("Guests", f"{figures['guests']}"),
        ("Stays extended", f"{figures['extensions']}"),
        ("Gross sales", _money(figures["gross_sales"])), ("Refunds", _money(figures["refunds"])),
        ("Net sales", _money(figures["net_sales"])),
        ("Average per check", _money(figures["average_per_check"])),
        ("Average per guest", _money(figures["average_per_guest"])),
    ]
    assert s["消費税 TAX BY RATE"] == [row for t in figures["tax"] for row in (
        (f"{t['rate']}% sales incl. tax", _money(t["net"])),
        *([("of which refunds", _money(t["refunds"]))] if t["refunds"] else []),
        (f"tax {t['rate']}%", _money(t["tax"])))]
    names = {"cash": "Cash", "card": "Card", "emoney": "E-money"}
    assert s["支払方法 PAYMENTS"] == [row for m in figures["payments"] for row in (
        (names[m["method"]], _money(m["net"])),
        *([(f"{names[m['method']]} refunds", _money(m["refunds"]))] if m["refunds"] else []))]
    assert [right for _, right in s["部門 CATEGORIES"]] == [_money(c["net"]) for c in figures["categories"]]
    assert [left for left, _ in s["時間帯 BY HOUR"]] == [
        f"{h['hour']:02d}:00  {h['checks']} check{'s' if h['checks'] > 1 else ''}"
        for h in figures["hours"]]
    assert dict(s["ポイント POINTS"])["Vote points net"] == f"{figures['points']['vote_net']:,}"
    cast = s["キャスト CAST"]
    assert [left for left, _ in cast[::2]] == [c["name"] for c in figures["cast"]]
    drawer = dict(s["レジ現金 CASH DRAWER"])
    assert drawer["Expected in drawer"] == _money(figures["drawer"]["expected"])
    assert drawer["Counted"] == _money(figures["drawer"]["counted"])
    assert drawer["Over / short"] == "over ¥530" and figures["drawer"]["over_short"] == 530
    voids = [b.text for b in blocks if isinstance(b, Line)]
    at = voids.index("#3 TO ¥2,500")
    assert voids[at + 1:at + 3] == ["  by Misaki", "  why: rang up the wrong penlight"]
    assert "R1 of #2 (2026-11-20) -¥1,500" in voids


def test_the_refund_receipt_names_the_sale_and_prints_negative(ctx, cashier, manager, clock,
                                                               tmp_path):
    check = checks.open_check(ctx, cashier, "T3", 1)
    checks.add_line(ctx, cashier, check, "T01")
    checks.add_line(ctx, cashier, check, "F01")
    settle_check(ctx, cashier, check, [Tender("card", 1_000), Tender("cash", 3_000)])
    clock.set(datetime(2026, 11, 22, 19, 0, tzinfo=TOKYO))
    receipt = corrections.refund_check(ctx, manager, check, "charged the wrong table")
    blocks = refund_receipt(receipt)
    items = _printed(tmp_path, blocks, "refund")
    _assert_bytes_carry(blocks, items)
    text = [item.text for item in items if isinstance(item, Text)]
    assert any(line.endswith("Refund #1-R000001") for line in text)
    assert "2026-11-20  #1-000001" in text  # the original sale's day and number
    rows = {b.left: b.right for b in blocks if isinstance(b, Row)}
    assert rows["返金合計 REFUND TOTAL"] == "-¥2,600"
    assert rows["  内消費税 TAX 10%"] == "-¥236"
    assert (rows["クレジット返金 CARD BACK"], rows["現金返金 CASH BACK"]) == ("-¥1,000", "-¥1,600")
    assert rows["テーブルチャージ（60分）"] == "-¥1,100"


def test_a_voided_checks_reprint_says_it_is_void(ctx, cashier, manager, tmp_path):
    check = checks.open_check(ctx, cashier, "T3", 1)
    checks.add_line(ctx, cashier, check, "F01")
    settle_check(ctx, cashier, check, [Tender("cash", 2_000)])
    corrections.void_settled_check(ctx, manager, check, "wrong table")
    blocks = sale_receipt(receipt_for(ctx, check))
    _assert_bytes_carry(blocks, _printed(tmp_path, blocks, "reprint"))
    assert Line("取消済 VOIDED - 無効 NOT VALID", "center", bold=True) in blocks

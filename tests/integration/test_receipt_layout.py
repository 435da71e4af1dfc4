"""The sale receipt as a qualified simplified invoice (適格簡易請求書), its reprint, and the drawer kick."""

from bp_till.domain.settlement import Tender
from bp_till.printing.blocks import Box, Line, Qr, Row
from bp_till.printing.escpos_out import drawer_kick, to_escpos
from bp_till.printing.layout import sale_receipt
from bp_till.services import checks, producers
from bp_till.services.settle import receipt_for, settle_check
from tests.support.escpos_decode import DrawerKick, Raster, Text, decode


def _takeout_with_producer(ctx, cashier, tendered, cheki=1):
    issued = producers.issue_producer(ctx, cashier)
    check = checks.open_check(ctx, cashier, "T9", 1, takeout=True)
    for code, quantity, cast in (("F01", 1, None), ("S01", 1, None), ("C01", cheki, "C001")):
        checks.add_line(ctx, cashier, check, code, quantity, cast)
    checks.attach_producer(ctx, cashier, check, issued.card_number)
    return issued, check, settle_check(ctx, cashier, check, [Tender("cash", tendered)])


def _words(blocks):
    return [b.text if isinstance(b, Line) else f"{b.left}|{b.right}" for b in blocks
            if isinstance(b, (Line, Row))]


def test_the_receipt_carries_everything_a_qualified_simplified_invoice_needs(ctx, cashier):
    issued, _, receipt = _takeout_with_producer(ctx, cashier, 5_000)
    words = _words(sale_receipt(receipt))
    assert words[0] == "Backstage Pass"
    assert "登録番号 T0000000000000" in words
    assert any(w.startswith("2026-11-20 19:30") for w in words)  # date and time, Asia/Tokyo
    # food and soft drink to go are 8 %, marked ※ and explained; the cheki stays 10 %
    assert "オムライス（ケチャップアート）※|¥1,500" in words and "ウーロン茶※|¥600" in words
    assert "ソロチェキ|¥1,000" in words and "  → かおり" in words
    assert "※は軽減税率(8%)対象 / ※ reduced rate (8%)" in words
    assert ["8%対象 (税込)|¥2,100", "  内消費税 TAX 8%|¥155"] == [w for w in words if "8%" in w and "|" in w]
    assert "10%対象 (税込)|¥1,000" in words and "  内消費税 TAX 10%|¥90" in words
    assert "合計 TOTAL|¥3,100" in words and "現金 CASH|¥5,000" in words and "お釣り CHANGE|¥1,900" in words
    masked = "*" * 7 + issued.login_id[-4:]
    assert f"プロデューサー ID|{masked}" in words and issued.login_id not in " ".join(words)
    assert "獲得ポイント POINTS +31" in words and "投票ポイント VOTES +31 (Regular ×1.0)" in words


def test_a_reprint_says_so_shows_the_same_figures_and_never_credentials(ctx, cashier):
    issued, check, receipt = _takeout_with_producer(ctx, cashier, 60_000, cheki=50)  # ¥52,100 cash
    original, reprint = sale_receipt(receipt), sale_receipt(receipt_for(ctx, check))
    assert any(isinstance(b, Box) for b in original)  # the revenue stamp box, on the original only
    assert not any(isinstance(b, Box) for b in reprint)
    assert _words(reprint)[1] == "再発行 REPRINT"
    assert [w for w in _words(reprint) if w != "再発行 REPRINT"] == _words(original)
    assert not any(isinstance(b, Qr) for b in reprint)
    assert issued.password not in repr(reprint) and issued.password.replace("-", "") not in repr(reprint)


def test_japanese_goes_as_raster_and_ascii_as_text_on_every_paper_width(ctx, cashier):
    _, _, receipt = _takeout_with_producer(ctx, cashier, 5_000)
    for profile in ("POS-5890", "TM-T88V", "TM-T20II"):
        items = decode(to_escpos(sale_receipt(receipt), profile))  # raises on any non-ASCII text byte
        ascii_lines = [item.text for item in items if isinstance(item, Text)]
        assert f"2026-11-20 19:30  #1-{receipt.check_number:06d}" in ascii_lines
        assert sum(isinstance(item, Raster) for item in items) >= 10  # the Japanese lines


def test_the_drawer_kick_is_esc_p_on_pin_2():
    assert decode(drawer_kick("TM-T88V")) == [DrawerKick(2)]

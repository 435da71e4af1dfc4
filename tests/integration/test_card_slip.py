"""A producer card slip, as the preview printer saves it, scanned by an independent decoder."""

from urllib.parse import parse_qs, urlparse

import zxingcpp
from PIL import Image
from sqlalchemy import select

from bp_till.domain.credentials import verify_password
from bp_till.printing.layout import card_slip
from bp_till.printing.printers import Printer
from bp_till.services.producers import issue_producer
from bp_till.store.models import Producer


def test_the_slip_qr_logs_in_with_the_stored_hash(ctx, cashier, tmp_path):
    issued = issue_producer(ctx, cashier)
    printer = Printer("preview", preview_dir=tmp_path)
    blocks = card_slip("Backstage Pass", ctx.site.portal_url, issued.login_id, issued.password,
                       issued.card_number, issued.issued_at)
    png = printer.print_blocks(blocks, "card", issued.issued_at)

    (code,) = zxingcpp.read_barcodes(Image.open(png).convert("L"))
    url = urlparse(code.text)
    assert f"{url.scheme}://{url.netloc}{url.path}" == "https://portal.example/login"
    assert url.query == ""  # credentials only in the fragment, never sent to a server
    fragment = parse_qs(url.fragment)
    assert fragment["id"] == [issued.login_id]
    with ctx.store.read() as session:
        stored = session.scalars(select(Producer.password_hash).where(Producer.login_id == issued.login_id)).one()
    assert verify_password(stored, fragment["pw"][0])


def test_file_printer_appends_escpos_bytes(tmp_path, ctx, cashier):
    out = tmp_path / "night.bin"
    printer = Printer(f"file://{out}")
    issued = issue_producer(ctx, cashier)
    blocks = card_slip("Backstage Pass", ctx.site.portal_url, issued.login_id, issued.password,
                       issued.card_number, issued.issued_at)
    printer.print_blocks(blocks, "card", issued.issued_at)
    first = out.read_bytes()
    printer.print_blocks(blocks, "card", issued.issued_at)
    data = out.read_bytes()
    assert data == first + first  # appended, not overwritten
    assert first.startswith(b"\x1b@")  # ESC @ initialises the printer
    assert b"\x1dv0" in first  # the raster image command carries the Japanese lines and the QR
    assert first.endswith(b"\x1bd\x06\x1dV\x00")  # feed six lines, then the full cut


def test_preview_never_keeps_a_card_slip_on_disk(tmp_path, ctx, cashier):
    issued = issue_producer(ctx, cashier)
    blocks = card_slip("Backstage Pass", ctx.site.portal_url, issued.login_id, issued.password,
                       issued.card_number, issued.issued_at)
    prints = tmp_path / "prints"
    assert Printer("preview", preview_dir=prints).print_blocks(
        blocks, "card", issued.issued_at, secret=True) is None
    assert not prints.exists() or list(prints.iterdir()) == []


def test_an_unplugged_usb_printer_is_a_print_failure(tmp_path):
    import pytest

    from bp_till.printing.printers import PrintFailed

    with pytest.raises(PrintFailed, match="printer"):
        Printer("usb://04b8:0e15", timeout_s=0.5).send(b"\x1b@")

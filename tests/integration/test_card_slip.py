"""A producer card issued at the till, its slip printed, and read back as a phone and the website would."""

import pytest
from PIL import ImageOps
from sqlalchemy import select, text

from bp_till.config import DEFAULT_PORTAL_URL
from bp_till.domain.credentials import verify_password
from bp_till.domain.identifiers import format_card_number, format_login_id
from bp_till.printing.escpos_out import paper_dots
from bp_till.printing.printers import PrintFailed, Printer
from bp_till.store.models import Producer
from bp_till.sync.push import push
from tests.support.escpos_decode import Raster
from tests.sync.conftest import central  # noqa: F401 - the SQLite and PostgreSQL central fixture
from tests.support.tills import printouts, slip_seen, till_with


def _stored_hash(ctx, login_id):
    with ctx.store.read() as session:
        return session.scalars(select(Producer.password_hash).where(Producer.login_id == login_id)).one()


def test_a_card_issued_to_a_file_printer_scans_and_logs_in_at_the_till_and_centrally(
        ctx, cashier, tmp_path, central):
    night = tmp_path / "night.bin"
    till = till_with(ctx, tmp_path, f"file://{night}")
    slip = till.card_desk.issue(cashier)
    till.close()
    assert slip.printed and slip.fault is None

    (items,) = printouts(night.read_bytes())
    seen = slip_seen(items)
    assert seen["portal"] == DEFAULT_PORTAL_URL
    assert seen["id"] == slip.login_id
    password = seen["pw"]
    assert format_login_id(slip.login_id) in seen["lines"]
    assert format_card_number(slip.card_number) in seen["lines"]
    assert f"{password[:4]}-{password[4:8]}-{password[8:]}" in seen["lines"]  # grouped for reading
    assert verify_password(_stored_hash(ctx, slip.login_id), password)

    push(ctx, central)
    with central.connect() as conn:
        central_hash = conn.scalar(text("SELECT password_hash FROM current_credentials "
                                        "WHERE login_id = :login"), {"login": slip.login_id})
    assert central_hash.startswith("$argon2id$") and verify_password(central_hash, password)
    assert not verify_password(central_hash, password[:-1] + ("0" if password[-1] != "0" else "1"))


@pytest.mark.parametrize("profile", ["POS-5890", "TM-T88V", "TM-T20II"])  # 58 mm 384 dots, 80 mm 512 and 576
def test_the_qr_fits_and_scans_on_58_and_80_mm_paper(ctx, cashier, tmp_path, profile):
    night = tmp_path / "slip.bin"
    till = till_with(ctx, tmp_path, f"file://{night}", profile=profile)
    slip = till.card_desk.issue(cashier)
    till.close()
    (items,) = printouts(night.read_bytes())
    qr = max((item.image for item in items if isinstance(item, Raster)), key=lambda im: im.height)
    # the QR is the tallest raster, square (its width padded to whole bytes)
    assert 0 <= qr.width - qr.height < 8
    assert qr.width <= paper_dots(profile)
    seen = slip_seen(items, profile)
    assert seen["id"] == slip.login_id
    assert verify_password(_stored_hash(ctx, slip.login_id), seen["pw"])
    left, top, right, bottom = ImageOps.invert(qr.convert("L")).getbbox()  # the black modules
    finder = next(x for x in range(left, right) if qr.getpixel((x, top))) - left  # 7 modules wide
    module = finder / 7
    assert module >= 5  # dots: 0.6 mm at 203 dpi, read by a phone from a hand's length
    assert min(left, top, qr.height - bottom) >= 4 * module  # the quiet zone the QR standard asks


def test_the_preview_printer_shows_a_slip_but_never_saves_it(ctx, cashier, tmp_path):
    till = till_with(ctx, tmp_path, "preview")
    slip = till.card_desk.issue(cashier)
    till.close()
    assert slip.printed and slip.preview is not None
    assert slip_seen([Raster(slip.preview.convert("1"), 1)])["id"] == slip.login_id
    prints = tmp_path / "prints"
    assert not prints.exists() or list(prints.iterdir()) == []


def test_a_file_printer_appends(tmp_path, ctx, cashier):
    night = tmp_path / "night.bin"
    till = till_with(ctx, tmp_path, f"file://{night}")
    first = till.card_desk.issue(cashier)
    second = till.card_desk.issue(cashier)
    till.close()
    assert [slip_seen(items)["id"] for items in printouts(night.read_bytes())] == [
        first.login_id, second.login_id]


def test_an_unplugged_usb_printer_is_a_print_failure():
    with pytest.raises(PrintFailed) as failed:
        Printer("usb://04b8:0e15", timeout_s=0.5).send(b"\x1b@")
    assert failed.value.kind == "not_found" and "not found" in failed.value.message

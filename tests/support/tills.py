"""A till around the test store with a chosen printer, and what its printers received."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlparse

import zxingcpp

from bp_till.bootstrap import Till
from bp_till.config import Config
from bp_till.domain.settlement import Tender
from bp_till.printing.escpos_out import paper_dots
from bp_till.printing.printers import Printer
from bp_till.services import checks
from bp_till.services.settle import settle_check
from tests.support.escpos_decode import Raster, decode, jobs, page, texts


def till_with(ctx, folder: Path, url: str, profile: str = "TM-T88V", timeout_s: float = 1.0) -> Till:
    config = Config(data_dir=folder, printer_url=url, printer_profile=profile,
                    printer_timeout_s=timeout_s)
    return Till(config, ctx, Printer(url, profile, timeout_s, config.preview_dir))


def settle_a_check(ctx, cashier, card: str | None = None, tendered: int = 10_000):
    """A table with a charge, food and a cheki for a cast member, paid in cash: (check id, receipt)."""
    check = checks.open_check(ctx, cashier, "T3", 1)
    for code, cast in (("T01", None), ("F01", None), ("C01", "C001")):
        checks.add_line(ctx, cashier, check, code, 1, cast)
    if card:
        checks.attach_producer(ctx, cashier, check, card)
    return check, settle_check(ctx, cashier, check, [Tender("cash", tendered)])



def scan(image) -> dict[str, str]:
    """Read the one QR on a printout, as a phone would, and split its fragment."""
    (text,) = [code.text for code in zxingcpp.read_barcodes(image.convert("L"))]
    url = urlparse(text)
    assert url.query == ""  # credentials only in the fragment, never sent to a server
    fields = {key: value[0] for key, value in parse_qs(url.fragment).items()}
    return {"portal": f"{url.scheme}://{url.netloc}{url.path}", **fields}


def printouts(data: bytes) -> list[list]:
    """Each printout in a stream of ESC/POS bytes, as decoded items."""
    return jobs(decode(data))


def slip_seen(items: list, profile: str = "TM-T88V") -> dict[str, str]:
    """A card slip's QR and text lines, read back from its decoded bytes."""
    rasters = [item.image for item in items if isinstance(item, Raster)]
    assert all(image.width <= paper_dots(profile) for image in rasters)
    return {**scan(page(items, paper_dots(profile))), "lines": texts(items)}

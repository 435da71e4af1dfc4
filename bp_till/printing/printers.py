"""Where a printout goes: the printer URL from the config.

``preview`` draws what would print (a PNG under the data folder's ``prints/``,
and an image a window can show); every other URL gets ESC/POS bytes through a
python-escpos connection (see ``connections``), with the printer's status
asked before the job and after it where the connection can read.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PIL import Image

from bp_till.domain.business_day import TOKYO
from bp_till.printing.blocks import Block
from bp_till.printing.connections import connect
from bp_till.printing.escpos_out import drawer_kick, paper_dots, to_escpos
from bp_till.printing.faults import FaultKind, PrintFailed
from bp_till.printing.raster import render_page

__all__ = ["FaultKind", "PrintFailed", "Printed", "Printer"]


@dataclass(frozen=True)
class Printed:
    """What came of a printout that printed."""

    status_checked: bool = False  # the printer answered "no fault" after taking every byte
    paper_low: bool = False  # the near-end sensor: change the roll soon
    preview_png: Path | None = None  # where the preview printer saved it
    preview_image: Image.Image | None = None  # what a preview window shows (a slip: only here)


@dataclass
class Printer:
    url: str
    profile: str = "TM-T88V"
    timeout_s: float = 5.0
    preview_dir: Path | None = None

    @property
    def is_preview(self) -> bool:
        return self.url == "preview"

    def print_blocks(
        self, blocks: list[Block], name: str, moment: datetime, *, secret: bool = False,
        on_sending: Callable[[], None] | None = None,
    ) -> Printed:
        """Print one printout, or raise PrintFailed naming the fault.

        A ``secret`` printout (a card slip: it carries a password) is never saved
        by the preview printer; its image is handed back for the screen only.
        """
        if self.is_preview:
            image = self.render_image(blocks)
            if secret:
                return Printed(preview_image=image)
            return Printed(preview_png=self._save(image, name, moment),
                           preview_image=image)
        return self.send(to_escpos(blocks, self.profile), on_sending)

    def open_drawer(self) -> Printed:
        """Kick the cash drawer wired to the printer (the preview printer has none)."""
        if self.is_preview:
            return Printed()
        return self.send(drawer_kick(self.profile))

    def check(self) -> Printed:
        """Ask the printer how it is without printing; raise PrintFailed for a fault."""
        if self.is_preview:
            return Printed()
        with connect(self.url, self.profile, self.timeout_s) as connection:
            status = connection.ready()
        return Printed(status_checked=status is not None, paper_low=bool(status and status.paper_low))

    def send(self, data: bytes, on_sending: Callable[[], None] | None = None) -> Printed:
        """Raw ESC/POS to the printer: status first, the bytes, status again to confirm.

        ``on_sending`` is called just before the first byte goes out: from then
        on a failure may have left part of the printout on paper.
        """
        with connect(self.url, self.profile, self.timeout_s) as connection:
            connection.ready()
            if on_sending:
                on_sending()
            connection.write(data)
            after = connection.ready()
        return Printed(status_checked=after is not None, paper_low=bool(after and after.paper_low))

    def _save(self, image: Image.Image, name: str, moment: datetime) -> Path:
        folder = self.preview_dir or Path.cwd()
        folder.mkdir(parents=True, exist_ok=True)
        stamp = moment.astimezone(TOKYO).strftime("%Y%m%d-%H%M%S")
        path = folder / f"{stamp}-{name}.png"
        image.save(path)
        return path

    def render_image(self, blocks: list[Block]) -> Image.Image:
        """The printout as the paper would show it, at the printer's dot width."""
        return render_page(blocks, paper_dots(self.profile))

    def render_png(self, blocks: list[Block], path: Path) -> Path:
        self.render_image(blocks).save(path)
        return path

"""Where the bytes go: a printer URL from the config, each a small transport.

``preview`` saves what would print as a PNG; ``file://`` appends raw ESC/POS;
``tcp://`` sends to a network printer with a short timeout; ``usb://`` and
``serial://`` go through python-escpos's own connections.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from bp_till.domain.business_day import TOKYO
from bp_till.printing.blocks import Block
from bp_till.printing.escpos_out import paper_dots, to_escpos
from bp_till.printing.raster import render_page


class PrintFailed(Exception):
    """The printer did not take the job; the message says why, for the cashier."""


@dataclass
class Printer:
    url: str
    profile: str = "TM-T88V"
    timeout_s: float = 5.0
    preview_dir: Path | None = None

    def print_blocks(
        self, blocks: list[Block], name: str, moment: datetime, *, secret: bool = False
    ) -> Path | None:
        """Send one printout; returns the preview file when the URL is ``preview``.

        A ``secret`` printout (a card slip: it carries a password) is never saved
        by the preview printer, since the password may exist only on paper.
        """
        if self.url == "preview":
            return None if secret else self._preview(blocks, name, moment)
        self.send(to_escpos(blocks, self.profile))
        return None

    def _preview(self, blocks: list[Block], name: str, moment: datetime) -> Path:
        folder = self.preview_dir or Path.cwd()
        folder.mkdir(parents=True, exist_ok=True)
        stamp = moment.astimezone(TOKYO).strftime("%Y%m%d-%H%M%S")
        return self.render_png(blocks, folder / f"{stamp}-{name}.png")

    def render_png(self, blocks: list[Block], path: Path) -> Path:
        """The printout as the paper would show it, at the printer's dot width."""
        render_page(blocks, paper_dots(self.profile)).save(path)
        return path

    def send(self, data: bytes) -> None:
        parsed = urlparse(self.url)
        try:
            if parsed.scheme == "file":
                with open(parsed.path, "ab") as out:
                    out.write(data)
            elif parsed.scheme == "tcp":
                self._send_tcp(parsed.hostname or "", parsed.port or 9100, data)
            elif parsed.scheme in ("usb", "serial"):
                self._send_device(parsed, data)
            else:
                raise PrintFailed(f"Unknown printer URL {self.url!r}.")
        except PrintFailed:
            raise
        except TimeoutError:
            raise PrintFailed("The printer did not answer in time (is it on?).") from None
        except ConnectionRefusedError:
            raise PrintFailed("The printer refused the connection (is it on?).") from None
        except OSError as exc:
            raise PrintFailed(f"The printer could not be reached: {exc.strerror or exc}.") from None
        except Exception as exc:  # noqa: BLE001 - python-escpos device errors have no common base
            raise PrintFailed(f"The printer failed: {exc}.") from None

    def _send_tcp(self, host: str, port: int, data: bytes) -> None:
        with socket.create_connection((host, port), timeout=self.timeout_s) as conn:
            conn.sendall(data)

    def _send_device(self, parsed, data: bytes) -> None:
        from escpos.printer import Serial, Usb  # imported late: they load pyusb/pyserial

        if parsed.scheme == "usb":
            vid, pid = (int(part, 16) for part in parsed.netloc.split(":"))
            device = Usb(vid, pid, timeout=int(self.timeout_s * 1000), profile=self.profile)
        else:
            options = {k: v[0] for k, v in parse_qs(parsed.query).items()}
            device = Serial(parsed.path, baudrate=int(options.get("baudrate", 9600)),
                            timeout=self.timeout_s, profile=self.profile)
        try:
            device.open()
            device._raw(data)
        finally:
            device.close()

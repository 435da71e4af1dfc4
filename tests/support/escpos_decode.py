"""ESC/POS bytes back to what the paper shows: text lines, raster images, native QR codes.

Written for the tests, independent of python-escpos: it parses the command
stream the way a printer does (each command's length from its own header), so
a raster image's bytes are never mistaken for commands. Unknown commands raise,
so garbage in the output fails a test instead of passing unseen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import qrcode
from PIL import Image, ImageDraw, ImageFont

from bp_till.assets import asset


@dataclass(frozen=True)
class Text:
    text: str
    align: int = 0  # 0 left, 1 centre, 2 right
    bold: bool = False
    big: bool = False


@dataclass(frozen=True)
class Raster:
    image: Image.Image = field(compare=False)
    align: int = 0


@dataclass(frozen=True)
class NativeQr:
    data: str


@dataclass(frozen=True)
class StatusQuery:
    n: int  # DLE EOT n


@dataclass(frozen=True)
class DrawerKick:
    pin: int


@dataclass(frozen=True)
class Cut:
    pass


Item = Text | Raster | NativeQr | StatusQuery | DrawerKick | Cut


_INVERT = bytes(255 - b for b in range(256))  # ESC/POS: 1 is a black dot; PIL's "1": 1 is white


class Incomplete(Exception):
    """The buffer ends inside a command: wait for more bytes."""


# Commands with a fixed number of parameter bytes after ESC x / GS x.
_ESC_FIXED = {b"@": 0, b"!": 1, b"E": 1, b"-": 1, b"a": 1, b"t": 1, b"M": 1, b"d": 1, b"J": 1,
              b"2": 0, b"3": 1, b"{": 1, b"V": 1, b"G": 1, b" ": 1, b"R": 1, b"p": 3, b"c": 2}
_GS_FIXED = {b"!": 1, b"B": 1, b"b": 1, b"h": 1, b"w": 1, b"H": 1, b"f": 1, b"r": 1,
             b"L": 2, b"W": 2, b"a": 1}


class Decoder:
    """Feed bytes in; take out the items; keep the state (bold, size, alignment) between."""

    def __init__(self) -> None:
        self.buffer = b""
        self.bold = False
        self.big = False
        self.align = 0
        self.line = bytearray()
        self.qr_data = b""
        self.stripes: list[Image.Image] = []

    def feed(self, data: bytes) -> list[Item]:
        self.buffer += data
        items: list[Item] = []
        pos = 0
        while pos < len(self.buffer):
            try:
                pos = self._one(pos, items)
            except Incomplete:
                break
        self.buffer = self.buffer[pos:]
        return items

    def _need(self, pos: int, count: int) -> bytes:
        if pos + count > len(self.buffer):
            raise Incomplete
        return self.buffer[pos : pos + count]

    def _one(self, pos: int, items: list[Item]) -> int:
        byte = self.buffer[pos : pos + 1]
        if byte == b"\n":
            self._flush_line(items, force=True)
            return pos + 1
        if byte == b"\x1b":
            return self._esc(pos, items)
        if byte == b"\x1d":
            return self._gs(pos, items)
        if byte == b"\x10":
            return self._dle(pos, items)
        if byte == b"\x1c":  # FS: Kanji mode on/off (FS & / FS .), which we never send
            raise ValueError(f"FS command at {pos}: no Kanji mode expected")
        if 0x20 <= byte[0] < 0x7F:
            self._flush_stripes(items)
            self.line += byte
            return pos + 1
        raise ValueError(f"unexpected byte {byte!r} at {pos}")

    def _esc(self, pos: int, items: list[Item]) -> int:
        code = self._need(pos + 1, 1)
        if code == b"*":
            return self._column_image(pos)
        if code != b"2" and code != b"3":
            self._flush_stripes(items)
        if code not in _ESC_FIXED:
            raise ValueError(f"unknown ESC {code!r} at {pos}")
        args = self._need(pos + 2, _ESC_FIXED[code])
        if code == b"@":
            self.bold, self.big, self.align = False, False, 0
        elif code == b"!":
            self.bold, self.big = bool(args[0] & 0x08), bool(args[0] & 0x30)
        elif code == b"E":
            self.bold = bool(args[0])
        elif code == b"a":
            self.align = args[0] % 48 if args[0] >= 48 else args[0]
        elif code == b"p":
            items.append(DrawerKick(2 if args[0] in (0, 48) else 5))
        elif code == b"d":
            self._flush_line(items)
        return pos + 2 + len(args)

    def _gs(self, pos: int, items: list[Item]) -> int:
        code = self._need(pos + 1, 1)
        if code == b"v":
            return self._raster(pos, items)
        if code == b"V":
            mode = self._need(pos + 2, 1)[0]
            self._flush_line(items)
            items.append(Cut())
            return pos + 3 + (1 if mode in (65, 66) else 0)
        if code == b"(":
            return self._gs_paren(pos, items)
        if code not in _GS_FIXED:
            raise ValueError(f"unknown GS {code!r} at {pos}")
        args = self._need(pos + 2, _GS_FIXED[code])
        if code == b"!":
            self.big = bool(args[0])
        return pos + 2 + len(args)

    def _dle(self, pos: int, items: list[Item]) -> int:
        code, n = self._need(pos + 1, 2)
        if code != 0x04:
            raise ValueError(f"unknown DLE command {code} at {pos}")
        items.append(StatusQuery(n))
        return pos + 3

    def _raster(self, pos: int, items: list[Item]) -> int:
        header = self._need(pos, 8)  # GS v 0 m xL xH yL yH
        if header[2] != 0x30:
            raise ValueError(f"unknown GS v {header[2]} at {pos}")
        width_bytes = header[4] + header[5] * 256
        height = header[6] + header[7] * 256
        data = self._need(pos + 8, width_bytes * height)
        image = Image.frombytes("1", (width_bytes * 8, height), data.translate(_INVERT))
        self._flush_line(items)
        items.append(Raster(image, self.align))
        return pos + 8 + len(data)

    def _column_image(self, pos: int) -> int:
        """ESC * m nL nH: one stripe of a column-format image (8 or 24 dots high)."""
        mode, low, high = self._need(pos + 2, 3)
        columns = low + high * 256
        rows = 3 if mode in (32, 33) else 1
        data = self._need(pos + 5, columns * rows)
        stripe = Image.new("1", (columns, rows * 8), 1)
        for x in range(columns):
            for y in range(rows * 8):
                if data[x * rows + y // 8] & (0x80 >> (y % 8)):
                    stripe.putpixel((x, y), 0)
        self.stripes.append(stripe)
        return pos + 5 + len(data)

    def _gs_paren(self, pos: int, items: list[Item]) -> int:
        head = self._need(pos, 5)  # GS ( fn pL pH
        size = head[3] + head[4] * 256
        body = self._need(pos + 5, size)
        if head[2:3] == b"k" and body[:2] == b"\x31\x50":  # QR: store the data
            self.qr_data = body[3:]
        elif head[2:3] == b"k" and body[:2] == b"\x31\x51":  # QR: print what was stored
            self._flush_line(items)
            items.append(NativeQr(self.qr_data.decode("utf-8")))
        return pos + 5 + size

    def _flush_stripes(self, items: list[Item]) -> None:
        if self.stripes:
            width = max(s.width for s in self.stripes)
            image = Image.new("1", (width, sum(s.height for s in self.stripes)), 1)
            y = 0
            for stripe in self.stripes:
                image.paste(stripe, (0, y))
                y += stripe.height
            items.append(Raster(image, self.align))
            self.stripes = []

    def _flush_line(self, items: list[Item], force: bool = False) -> None:
        """End the text line; a line feed (``force``) between image stripes only ends a stripe."""
        if self.line or force and not self.stripes:
            items.append(Text(self.line.decode("ascii"), self.align, self.bold, self.big))
            self.line = bytearray()
        if not force:
            self._flush_stripes(items)


def decode(data: bytes) -> list[Item]:
    decoder = Decoder()
    items = decoder.feed(data)
    decoder._flush_line(items)  # an image or text at the very end, with no cut after it
    if decoder.buffer:
        raise ValueError(f"{len(decoder.buffer)} bytes left inside an unfinished command")
    return items


def texts(items: list[Item]) -> list[str]:
    return [item.text for item in items if isinstance(item, Text)]


def jobs(items: list[Item]) -> list[list[Item]]:
    """The printouts in a stream, each ending at its paper cut."""
    done: list[list[Item]] = [[]]
    for item in items:
        done[-1].append(item)
        if isinstance(item, Cut):
            done.append([])
    return [job for job in done if any(not isinstance(i, StatusQuery) for i in job)]


def page(items: list[Item], width: int) -> Image.Image:
    """The printout as paper: raster images as they are, text drawn in a monospace-wide font."""
    font = ImageFont.truetype(str(asset("resources", "fonts", "BIZUDGothic-Regular.ttf")), 22)
    parts: list[tuple[Image.Image, int]] = []
    for item in items:
        if isinstance(item, Raster):
            parts.append((item.image, item.align))
        elif isinstance(item, NativeQr):
            qr = qrcode.QRCode(border=4, box_size=6)
            qr.add_data(item.data)
            parts.append((qr.make_image().get_image().convert("1"), 1))
        elif isinstance(item, Text):
            size = 48 if item.big else 24
            line = Image.new("1", (width, size), 1)
            ImageDraw.Draw(line).text((0, 1), item.text, font=font.font_variant(size=size - 2),
                                      fill=0)
            parts.append((line, 0))
    sheet = Image.new("1", (width, sum(p.height for p, _ in parts) + 48), 1)
    y = 24
    for part, align in parts:
        x = {0: 0, 1: (width - part.width) // 2, 2: width - part.width}.get(align, 0)
        sheet.paste(part, (max(0, x), y))
        y += part.height
    return sheet

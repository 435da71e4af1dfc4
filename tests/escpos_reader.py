"""Reading ESC/POS bytes back: the text lines and raster images a printer would print.

Knows the commands python-escpos writes for our printouts and refuses any
other, so a test that reads a printout back fails loudly on a surprise.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image

ESC, GS = 0x1B, 0x1D
# (prefix byte, command byte) -> how many argument bytes follow
_FIXED = {
    (ESC, ord("@")): 0,  # initialise
    (ESC, ord("!")): 1,  # print mode
    (ESC, ord("E")): 1,  # bold
    (ESC, ord("-")): 1,  # underline
    (ESC, ord("a")): 1,  # align
    (ESC, ord("t")): 1,  # code page
    (ESC, ord("M")): 1,  # font
    (ESC, ord("d")): 1,  # feed n lines
    (ESC, ord("2")): 0,  # default line spacing
    (GS, ord("!")): 1,  # character size
    (GS, ord("B")): 1,  # white on black
    (GS, ord("b")): 1,  # smoothing
}


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Raster:
    image: Image.Image  # mode "1", black = 0 as PIL draws it


@dataclass(frozen=True)
class Cut:
    pass


def _raster(data: bytes, at: int) -> tuple[Raster, int]:
    """GS v 0 m xL xH yL yH, then rows of xL+xH*256 bytes, most significant bit leftmost."""
    width_bytes = data[at + 4] + data[at + 5] * 256
    height = data[at + 6] + data[at + 7] * 256
    start = at + 8
    bits = data[start:start + width_bytes * height]
    # ESC/POS: a set bit prints black; PIL "1" with raw mode "1;I" reads set bits as black (0).
    image = Image.frombytes("1", (width_bytes * 8, height), bits, "raw", "1;I")
    return Raster(image), start + width_bytes * height


def read_escpos(data: bytes) -> list[Text | Raster | Cut]:
    out: list[Text | Raster | Cut] = []
    text = bytearray()
    at = 0
    while at < len(data):
        byte = data[at]
        if byte in (ESC, GS):
            command = (byte, data[at + 1])
            if command == (GS, ord("v")):
                item, at = _raster(data, at)
                out.append(item)
            elif command == (GS, ord("V")):
                at += 4 if data[at + 2] in (65, 66) else 3  # full/partial cut, optional feed
                out.append(Cut())
            elif command in _FIXED:
                at += 2 + _FIXED[command]
            else:
                raise ValueError(f"unexpected command {data[at:at + 2]!r} at byte {at}")
        elif byte == 0x0A:
            out.append(Text(text.decode("ascii")))
            text.clear()
            at += 1
        elif 0x20 <= byte < 0x7F:
            text.append(byte)
            at += 1
        else:
            raise ValueError(f"unexpected byte {byte:#04x} at {at}")
    if text:
        raise ValueError(f"text without a line end: {text!r}")
    return out

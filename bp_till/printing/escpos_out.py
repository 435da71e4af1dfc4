"""Blocks to ESC/POS bytes through python-escpos.

ASCII lines go as text in the printer's own font (fast, crisp); any other line
is drawn with the Japanese font and sent as a raster image, as is the QR code
(with its full 4-module quiet zone, which python-escpos's own QR image lacks).
"""

from __future__ import annotations

from escpos.printer import Dummy

from bp_till.printing.blocks import Block, Box, Line, Qr, Row, Rule
from bp_till.printing.raster import block_image


def _ascii(text: str) -> bool:
    return text.isascii() and text.isprintable()


def _columns(printer: Dummy, big: bool = False) -> int:
    columns = int(printer.profile.profile_data["fonts"]["0"]["columns"])
    return columns // 2 if big else columns


def paper_dots(profile: str) -> int:
    return int(Dummy(profile=profile).profile.profile_data["media"]["width"]["pixels"])


def _text_block(printer: Dummy, block: Line | Row) -> bool:
    """Print a block as text if it is plain ASCII and fits; say whether it did."""
    if isinstance(block, Row):
        if not (_ascii(block.left) and _ascii(block.right)):
            return False
        gap = _columns(printer) - len(block.left) - len(block.right)
        if gap < 1:
            return False
        printer.set(align="left", bold=block.bold, normal_textsize=True)
        printer.text(block.left + " " * gap + block.right + "\n")
        return True
    if not _ascii(block.text) or len(block.text) > _columns(printer, block.big):
        return False
    size = {"double_height": True, "double_width": True} if block.big else {"normal_textsize": True}
    printer.set(align=block.align, bold=block.bold, **size)
    printer.text(block.text + "\n")
    return True


def _image(printer: Dummy, block: Block, width: int) -> None:
    printer.set(align="center", normal_textsize=True, bold=False)
    printer.image(block_image(block, width), center=False)


def drawer_kick(profile: str) -> bytes:
    """ESC p on pin 2, where the drawer is wired on nearly every till printer."""
    printer = Dummy(profile=profile)
    printer.cashdraw(2)
    return printer.output


def to_escpos(blocks: list[Block], profile: str, *, cut: bool = True) -> bytes:
    printer = Dummy(profile=profile)
    width = paper_dots(profile)
    printer.hw("INIT")
    for block in blocks:
        if isinstance(block, Rule):
            printer.set(align="left", normal_textsize=True, bold=False)
            printer.text(block.char * _columns(printer) + "\n")
        elif isinstance(block, (Line, Row)) and _text_block(printer, block):
            continue
        elif isinstance(block, (Line, Row, Qr, Box)):
            _image(printer, block, width)
    printer.set(align="left", normal_textsize=True, bold=False)
    if cut:
        printer.cut()
    return printer.output

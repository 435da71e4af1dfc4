"""Text to 1-bit images with the shipped Japanese font (BIZ UDGothic, OFL 1.1).

python-escpos has no Kanji mode and would send kanji as GB18030, so any line
that is not plain ASCII is drawn here and printed as a raster image.
"""

from __future__ import annotations

from functools import cache

import qrcode
from PIL import Image, ImageDraw, ImageFont

from bp_till.assets import asset
from bp_till.printing.blocks import Block, Box, Line, Qr, Row, Rule

FONT_FILE = ("resources", "fonts", "BIZUDGothic-Regular.ttf")
LINE_HEIGHT = 24  # the dot height of the printer's Font A, so text and raster match
QR_MODULE_DOTS = 6  # 0.75–0.85 mm a module at 203/180 dpi: a phone reads it from a hand's length
QR_QUIET_ZONE = 4  # modules, as the QR standard asks


@cache
def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(asset(*FONT_FILE)), size)


def _canvas(width: int, height: int) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("1", (width, height), 1)
    return image, ImageDraw.Draw(image)


def line_image(block: Line | Row, width: int) -> Image.Image:
    size = LINE_HEIGHT * (2 if isinstance(block, Line) and block.big else 1)
    face = font(size - 2)
    image, draw = _canvas(width, size)
    stroke = 1 if block.bold else 0
    if isinstance(block, Row):
        draw.text((0, 1), block.left, font=face, fill=0, stroke_width=stroke)
        right = draw.textlength(block.right, font=face)
        draw.text((width - right - 1, 1), block.right, font=face, fill=0, stroke_width=stroke)
        return image
    length = draw.textlength(block.text, font=face)
    x = {"left": 0, "center": (width - length) / 2, "right": width - length}[block.align]
    draw.text((max(0, x), 1), block.text, font=face, fill=0, stroke_width=stroke)
    return image


def qr_image(data: str, width: int) -> Image.Image:
    """The QR with its full quiet zone, modules as big as fit the paper (6 dots at most)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=QR_QUIET_ZONE)
    code.add_data(data)
    code.make(fit=True)
    modules = code.modules_count + 2 * QR_QUIET_ZONE
    code.box_size = max(1, min(QR_MODULE_DOTS, width // modules))
    return code.make_image(fill_color="black", back_color="white").get_image().convert("1")


def box_image(label: str, width: int) -> Image.Image:
    side = LINE_HEIGHT * 4
    image, draw = _canvas(width, side + LINE_HEIGHT)
    left = (width - side) // 2
    draw.rectangle((left, LINE_HEIGHT // 2, left + side, LINE_HEIGHT // 2 + side), outline=0, width=2)
    draw.text((left + 6, LINE_HEIGHT), label, font=font(LINE_HEIGHT - 6), fill=0)
    return image


def block_image(block: Block, width: int) -> Image.Image:
    if isinstance(block, Qr):
        return qr_image(block.data, width)
    if isinstance(block, Box):
        return box_image(block.label, width)
    if isinstance(block, Rule):
        image, draw = _canvas(width, LINE_HEIGHT // 2)
        draw.line((0, LINE_HEIGHT // 4, width, LINE_HEIGHT // 4), fill=0, width=1)
        return image
    return line_image(block, width)


def render_page(blocks: list[Block], width: int) -> Image.Image:
    """The whole printout as one image: the preview printer shows and saves this."""
    parts = [block_image(block, width) for block in blocks]
    margin = LINE_HEIGHT
    page, _ = _canvas(width, sum(p.height for p in parts) + 2 * margin)
    y = margin
    for part in parts:
        page.paste(part, ((width - part.width) // 2, y))
        y += part.height
    return page

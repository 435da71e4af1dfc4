"""The till's look: its fonts, one style sheet in a light or a dark theme, and the header's icons.

A register PC may have no Japanese font installed, and Qt would draw kanji as
boxes, so the fonts ship with the till: BIZ UDPGothic (proportional) for the
screens, BIZ UDGothic (the receipts' monospaced font) only where digits must
line up. Every screen is styled by ``resources/style/till.qss``; its ``@words``
are the colours of a theme in ``themes.json``, and widgets pick their text
size by a ``role`` property, never by a style sheet of their own.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QWidget

from bp_till.assets import asset
from bp_till.gui.i18n import save_choice, saved_choice
from bp_till.printing.raster import FONT_FILE

UI_FONT_FILES = ("BIZUDPGothic-Regular.ttf", "BIZUDPGothic-Bold.ttf")
THEMES = ("light", "dark")
DEFAULT_THEME = "light"
_current = [DEFAULT_THEME]  # the theme the screens show now
_ICON_SIZES = (24, 32, 48, 64, 96)  # rendered from the SVG, so 1×, 1.5× and 2× screens stay sharp


def _register(path: Path) -> str | None:
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else None


@cache
def ui_font() -> str | None:
    """Register the shipped BIZ UDPGothic (regular and bold) once; its family, or None."""
    families = [_register(asset("resources", "fonts", name)) for name in UI_FONT_FILES]
    return families[0]


@cache
def japanese_font() -> str | None:
    """The receipts' monospaced BIZ UDGothic, for figures that must line up."""
    return _register(asset(*FONT_FILE))


@cache
def palettes() -> dict[str, dict[str, str]]:
    return json.loads(asset("resources", "style", "themes.json").read_text(encoding="utf-8"))


def colour(name: str, theme: str | None = None) -> str:
    return palettes()[theme or _current[0]][name]


def style_sheet(theme: str) -> str:
    """till.qss with the theme's colours and the monospaced family filled in."""
    tokens = dict(palettes()[theme], mono=japanese_font() or "monospace",
                  icons=asset("resources", "icons").as_posix())
    template = asset("resources", "style", "till.qss").read_text(encoding="utf-8")
    return re.sub(r"@([a-z_]+)", lambda m: tokens.get(m.group(1), m.group(0)), template)


def _palette(theme: str) -> QPalette:
    """For what the style sheet does not reach (table cells, scroll areas, popups)."""
    c = {name: QColor(value) for name, value in palettes()[theme].items()}
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, name in ((roles.Window, "bg"), (roles.WindowText, "fg"), (roles.Base, "surface"),
                       (roles.AlternateBase, "raised"), (roles.Text, "fg"), (roles.Button, "surface"),
                       (roles.ButtonText, "fg"), (roles.Highlight, "accent"),
                       (roles.HighlightedText, "on_accent"), (roles.ToolTipBase, "surface"),
                       (roles.ToolTipText, "fg"), (roles.PlaceholderText, "muted")):
        palette.setColor(role, c[name])
    palette.setColor(QPalette.ColorGroup.Disabled, roles.Text, c["disabled_fg"])
    palette.setColor(QPalette.ColorGroup.Disabled, roles.ButtonText, c["disabled_fg"])
    return palette


def current_theme() -> str:
    return _current[0]


def apply_style(app: QApplication, theme: str | None = None) -> None:
    """The fonts, palette and style sheet of ``theme`` (default: the one showing now)."""
    theme = theme if theme in THEMES else _current[0]
    _current[0] = theme
    japanese_font()
    family = ui_font()
    if family:
        app.setFont(QFont(family, 12))
    app.setPalette(_palette(theme))
    app.setStyleSheet(style_sheet(theme))


def saved_theme(data_dir: Path) -> str:
    return saved_choice(data_dir, "theme", THEMES, DEFAULT_THEME)


def save_theme(data_dir: Path, name: str) -> None:
    save_choice(data_dir, "theme", name)


def _restyle(widget: QWidget, name: str, value: str) -> None:
    """Qt reads a property's selectors when it polishes, so a changed one is polished again."""
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def set_role(widget: QWidget, role: str) -> None:
    """A text role of the style sheet (title, heading, total, figure …) for a widget made in code."""
    _restyle(widget, "role", role)


def set_state(widget: QWidget, state: str) -> None:
    """``"error"``, ``"warning"``, ``"ok"`` or ``""``: the colour a label says it in."""
    _restyle(widget, "state", state)


def icon(name: str, tint: str = "header_fg") -> QIcon:
    """resources/icons/NAME.svg drawn in the theme's ``tint`` colour, at every size a screen needs."""
    svg = asset("resources", "icons", f"{name}.svg").read_text(encoding="utf-8")
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", colour(tint)).encode()))
    result = QIcon()
    for size in _ICON_SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result

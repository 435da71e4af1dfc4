"""The screens' stack, sized by the screen showing, and able to scroll when a banner needs room.

A QStackedWidget is as tall as its tallest screen, and a fault banner over a
1280x800 till would then push every screen, and the window, past the foot of
the display. Here the stack asks only for the screen showing, and it sits in a
scroll area: a screen that needs every pixel scrolls by the banner's height,
the others do not move.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget, QWidget


class PageStack(QStackedWidget):
    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        shown = self.currentWidget()
        return shown.sizeHint() if shown else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        shown = self.currentWidget()
        return shown.minimumSizeHint() if shown else super().minimumSizeHint()


def scrolling(stack: PageStack, parent: QWidget) -> QScrollArea:
    """The stack in a frameless scroll area; a change of screen sizes it anew."""
    area = QScrollArea(parent)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(stack)
    stack.currentChanged.connect(lambda _: stack.updateGeometry())
    return area

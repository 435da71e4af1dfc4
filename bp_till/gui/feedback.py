"""One line under each screen that says what just happened, or why it was refused."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel

from bp_till.domain.errors import TillError
from bp_till.gui.refusals import localise
from bp_till.gui.style import set_state



class Feedback:
    def __init__(self, label: QLabel) -> None:
        self.label = label

    def error(self, text: str) -> None:
        set_state(self.label, "error")
        self.label.setText(localise(text))

    def info(self, text: str) -> None:
        set_state(self.label, "ok")
        self.label.setText(text)

    def clear(self) -> None:
        self.label.clear()

    def attempt(self, action: Callable[..., Any], *args: Any) -> tuple[bool, Any]:
        """Run a service call; a refusal is shown here and nothing else happens.

        The old message goes first, so whatever the call itself says stays.
        """
        self.clear()
        try:
            result = action(*args)
        except TillError as refusal:
            self.error(refusal.message)
            return False, None
        return True, result

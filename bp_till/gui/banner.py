"""A banner under the header for a fault that needs a person but not a stop: the printer,
the sync. The sale goes on underneath; the banner goes when the fault clears.

The style sheet dresses it by role="banner".
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class FaultBanner(QLabel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("faultBanner")
        self.setProperty("role", "banner")
        self.setWordWrap(True)
        self.faults: dict[str, str] = {}  # "printer" / "sync" → what is wrong, in words
        self.hide()

    def set_fault(self, kind: str, text: str) -> None:
        """Say what is wrong with ``kind``; an empty text means it is fine again."""
        if text:
            self.faults[kind] = text
        else:
            self.faults.pop(kind, None)
        self.setText("\n".join(self.faults[k] for k in sorted(self.faults)))
        self.setVisible(bool(self.faults))

"""The Qt binding keeps Python's references straight (pyproject.toml leaves out 6.12.0).

PySide6 6.12.0 dropped a reference to None on each call of a method returning
nothing (``label.setObjectName(…)``) and on each property given to a
constructor; Python frees None at last and the till aborts in the middle of a
night. A few thousand calls show the drift long before it is fatal.
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

CALLS = 5_000


def test_calls_that_return_nothing_leave_none_and_true_counted(qapp):
    label = QLabel()
    nones, trues = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(CALLS):
        label.setObjectName("total")
        label.setWordWrap(True)
    made = [QTimer(singleShot=True, interval=5) for _ in range(CALLS // 10)]
    drift = (sys.getrefcount(None) - nones, sys.getrefcount(True) - trues)
    del made
    assert all(abs(n) < 100 for n in drift), f"None and True drifted by {drift}"

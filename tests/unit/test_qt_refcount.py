"""The Qt binding keeps Python's references straight (pyproject.toml leaves out 6.12.0).

PySide6 6.12.0 dropped a reference to None on each call of a method returning
nothing (``label.setObjectName(…)``) and on each property given to a
constructor; Python frees None at last and the till aborts in the middle of a
night. A few thousand calls show the drift (-11,000 for these on 6.12.0) long
before it is fatal. Measured in a process of its own: the suite's threads move
None's count by a few hundred either way.
"""

import os
import subprocess
import sys

CALLS = 5_000
PROBE = f"""
import gc, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
gc.collect()
nones, trues = sys.getrefcount(None), sys.getrefcount(True)
for _ in range({CALLS}):
    label.setObjectName("total")
    label.setWordWrap(True)
made = [QTimer(singleShot=True, interval=5) for _ in range({CALLS // 10})]
print(sys.getrefcount(None) - nones, sys.getrefcount(True) - trues)
"""


def test_calls_that_return_nothing_leave_none_and_true_counted():
    run = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                         timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, run.stderr[-2000:]
    drift = tuple(int(n) for n in run.stdout.split())
    assert all(abs(n) < CALLS // 10 for n in drift), f"None and True drifted by {drift}"

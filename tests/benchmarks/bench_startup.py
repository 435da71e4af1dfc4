"""The till on the large store, each run a process of its own: cold start, and peak memory.

Cold start is timed from spawning ``python -m bp_till --exit-when-ready`` to the
line it prints once the sign-in screen has been painted (interpreter, imports,
config, store and migrations check, every screen built). Peak memory is the
child's own high-water mark (VmHWM) after a whole check through the window:
signed in, floor shown, a check opened, rung up, a card attached, settled and its
receipt printed. The baseline of both is a bare PySide6 process showing an empty
window; runs alternate with it.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks import scale
from tests.benchmarks.harness import Figure, Goal

COLD_STARTS = 8
MEMORY_RUNS = 3
ROOT = Path(__file__).resolve().parents[2]
BARE = ("-m", "tests.benchmarks.till_session", "bare")


def run(args: tuple[str, ...]) -> tuple[float, str]:
    """Milliseconds from spawn to the child's first line, and all it printed."""
    with tempfile.TemporaryFile("w+") as errors:
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, *args], cwd=ROOT, stdout=subprocess.PIPE,
                                 stderr=errors, text=True)
        first = child.stdout.readline()
        elapsed = (time.perf_counter() - start) * 1000
        said = first + child.stdout.read()
        if child.wait() != 0:
            errors.seek(0)
            raise RuntimeError(f"{' '.join(args)} failed ({child.returncode}): {errors.read()}")
    return elapsed, said


def peak_mb(said: str) -> float:
    """The peak the child reported (VmHWM: from its own exec, not the fork of this process)."""
    return int(said.split("peak ")[1].split()[0]) / 1024


def _settled(path: Path, said: str) -> None:
    """The session really settled its check: the store says so, not just the child."""
    check_id = int(said.split("settled check ")[1].split()[0])
    with sqlite3.connect(path) as db:
        status, paid = db.execute(
            "SELECT status, (SELECT count(*) FROM payments WHERE check_id = checks.id) "
            "FROM checks WHERE id = ?", (check_id,)).fetchone()
    if (status, paid) != ("settled", 1):
        raise RuntimeError(f"the session's check {check_id} is {status} with {paid} payments")


def figures(env) -> list[Figure]:
    path = scale.working_copy(env)
    data = str(path.parent)
    till = ("-m", "bp_till", "--data-dir", data, "--exit-when-ready")
    run(till), run(BARE)  # warm-up: the first start also writes the data folder's config
    starts, bare_starts = [], []
    for _ in range(COLD_STARTS):
        elapsed, said = run(till)
        if not said.startswith("ready in"):
            raise RuntimeError(f"the till did not say it was ready: {said!r}")
        starts.append(elapsed)
        bare_starts.append(run(BARE)[0])
    with sqlite3.connect(path) as db:
        card = db.execute(  # the best regular's card: the longest history to look through
            "SELECT c.number FROM cards c JOIN producers p ON p.id = c.producer_id "
            "WHERE c.status = 'live' ORDER BY p.spend_points DESC LIMIT 1").fetchone()
    peaks, bare_peaks = [], []
    for _ in range(MEMORY_RUNS):
        _, said = run(("-m", "tests.benchmarks.till_session", "shift", data, card[0]))
        _settled(path, said)
        peaks.append(peak_mb(said))
        bare_peaks.append(peak_mb(run(BARE)[1]))
    return [
        Figure("cold start to the sign-in screen (large store)", "ms", starts,
               Goal("median", 2000), bare_starts, "bare PySide6 window"),
        Figure("peak memory of the till through a whole check (large store)", "MB", peaks,
               Goal("p95", 300), bare_peaks, "bare PySide6 window"),
    ]

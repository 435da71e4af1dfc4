"""``bp-till --exit-when-ready``, the start-up benchmark's hook: the real command, in a process
of its own, says when the sign-in screen has been painted and quits by itself."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_till_says_when_its_sign_in_screen_is_painted_and_quits(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "bp_till", "--data-dir", str(tmp_path), "--exit-when-ready"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(r"ready in \d+ ms\n", done.stdout)
    assert (tmp_path / "till.db").exists()  # a first start: the store was made on the way


def test_the_option_is_not_offered_to_staff():
    done = subprocess.run([sys.executable, "-m", "bp_till", "--help"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "--data-dir" in done.stdout
    assert "exit-when-ready" not in done.stdout

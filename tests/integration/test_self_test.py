"""``bp-till --self-test`` from the source tree (the frozen app's run is in test_dist.py)."""

import io
import os
import re
import subprocess
import sys

from bp_till import selftest

CHECKS = ("files", "qt", "store", "demo data", "sale", "screens", "sync", "backup")


def assert_passed(stdout: str) -> None:
    """One ``ok`` line per check, in order, then the summary; shared with the frozen test."""
    done = re.findall(r"^ok   ([\w ]+): ", stdout, re.M)
    assert tuple(done) == CHECKS, stdout
    assert re.search(r"^self-test passed: 8 checks in [\d.]+ s$", stdout, re.M), stdout
    pages = re.search(r"^ok   screens: (\d+) pages and (\d+) dialogs drawn: (.+)$", stdout, re.M)
    for screen in ("SignIn", "Floor", "Check", "Settle", "Receipts", "Producers", "Settings",
                   "CastPicker", "Override"):
        assert screen in pages[3].split(", "), screen
    assert re.search(r"^ok   sale: .+ receipt through the print queue \([\d,]+ bytes of ESC/POS", stdout, re.M)


def test_self_test_passes_from_the_source_tree_and_leaves_nothing_behind(tmp_path):
    # The live overrides of a real till must not leak into the self-test.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path),
           "BP_TILL_CENTRAL_URL": "postgresql+psycopg://postgres@127.0.0.1:9/production",
           "BP_TILL_PRINTER_URL": "tcp://127.0.0.1:9"}
    result = subprocess.run([sys.executable, "-m", "bp_till", "--self-test"], env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert_passed(result.stdout)
    assert not list(tmp_path.glob("bp-till-self-test-*"))  # the throwaway data folder is gone


def test_a_failing_check_stops_the_run_and_names_it(monkeypatch):
    def broken(self):
        raise selftest.SelfTestFailed("missing resources/i18n/bp_till_ja.qm")

    monkeypatch.setattr(selftest.SelfTest, "qt", broken)
    out = io.StringIO()
    assert selftest.run_self_test(out) == 1
    lines = out.getvalue().splitlines()
    assert lines[1].startswith("ok   files: ")
    assert lines[2:] == ["FAIL qt: missing resources/i18n/bp_till_ja.qm",
                         "self-test failed at 'qt'"]

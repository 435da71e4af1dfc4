"""Damaged files and bad arguments stop the till with one line, and change nothing."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest


def _bp_till(data: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "BP_TILL_DATA_DIR": ""}
    return subprocess.run([sys.executable, "-m", "bp_till", "--data-dir", str(data), *args],
                          capture_output=True, text=True, env=env, timeout=300)


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(40_000))


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _from_a_newer_till(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    conn.close()


@pytest.mark.parametrize("damage, message", [
    (_garbage, "cannot be read (file is not a database)"),
    (_truncated, "cannot be read (database disk image is malformed)"),
    (_from_a_newer_till, "written by a newer version of bp-till"),
])
def test_a_damaged_store_stops_the_till_with_a_message_and_is_left_alone(
    template_store, tmp_path, damage, message
):
    data = tmp_path / "till"
    data.mkdir()
    store = data / "till.db"
    shutil.copy(template_store, store)
    damage(store)
    before = store.read_bytes()
    result = _bp_till(data, "init")
    assert result.returncode == 2
    assert result.stderr.startswith("bp-till: The store") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1  # one line, no traceback
    assert store.read_bytes() == before


@pytest.mark.parametrize("args, message", [
    (("simulate", "--checks", "0"), "--checks must be at least 1"),
    (("simulate", "--checks", "-5"), "--checks must be at least 1"),
    (("simulate", "--checks", "lots"), "invalid int value: 'lots'"),
    (("simulate", "--checks", "3", "--seed", "1.5"), "invalid int value: '1.5'"),
    (("sync",), "the following arguments are required: --once"),
    (("central", "drop"), "invalid choice: 'drop'"),
])
def test_bad_arguments_stop_with_a_message_and_write_nothing(tmp_path, args, message):
    data = tmp_path / "till"
    result = _bp_till(data, *args)
    assert result.returncode == 2 and message in result.stderr
    assert not (data / "till.db").exists()

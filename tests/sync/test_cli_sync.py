"""`bp-till sync --once` at two tills sharing one central database, in real subprocesses."""

import os
import re
import sqlite3
import subprocess
import sys

import pytest

SAID = re.compile(r"Pushed (\d+) events \((\d+) new to the central database\); "
                  r"pulled (\d+) changes; (\d+) pending\.\n"
                  r"  producers new or changed here: (\d+); ranking board rows moved: (\d+); "
                  r"votes refused by the central database: (\d+); cast and menu rows updated: (\d+)\n")


def _bp_till(*args, data, env):
    return subprocess.run([sys.executable, "-m", "bp_till", *args, "--data-dir", str(data)],
                          capture_output=True, text=True, timeout=600,
                          env={**os.environ, "BP_TILL_DATA_DIR": "", **env})


def _rows(data, sql):
    with sqlite3.connect(data / "till.db") as conn:
        return conn.execute(sql).fetchall()


@pytest.mark.slow
def test_sync_once_at_two_tills_says_what_it_pushed_and_pulled(tmp_path):
    env = {"BP_TILL_CENTRAL_URL": f"sqlite:///{tmp_path / 'central.db'}",
           "BP_TILL_PRINTER_URL": f"file://{tmp_path / 'paper.bin'}"}
    one, two = tmp_path / "one", tmp_path / "two"
    two.mkdir()
    (two / "bp-till.toml").write_text("[terminal]\nnumber = 2\n", encoding="utf-8")
    for data in (one, two):
        assert _bp_till("init", "--demo", data=data, env=env).returncode == 0
    night = _bp_till("simulate", "--checks", "6", "--seed", "3", data=one, env=env)
    assert night.returncode == 0, night.stderr
    queued = _rows(one, "SELECT count(*) FROM outbox WHERE sent_at IS NULL")[0][0]

    first = _bp_till("sync", "--once", data=one, env=env)
    assert first.returncode == 0, first.stderr
    pushed, new, _, pending, *_ = map(int, SAID.fullmatch(first.stdout).groups())
    assert (pushed, new, pending) == (queued, queued, 0)

    second = _bp_till("sync", "--once", data=two, env=env)
    assert second.returncode == 0, second.stderr
    _, _, pulled, pending, producers, board, refused, _ = map(int, SAID.fullmatch(second.stdout).groups())
    at_one = _rows(one, "SELECT login_id, spend_points, vote_points FROM producers ORDER BY 1")
    assert producers == len(at_one) > 0 and pending == refused == 0 and pulled >= producers
    assert _rows(two, "SELECT login_id, spend_points, vote_points FROM producers ORDER BY 1") == at_one

    again = _bp_till("sync", "--once", data=two, env=env)
    assert SAID.fullmatch(again.stdout).group(3) == "0"  # nothing changed since: nothing written

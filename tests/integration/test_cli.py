"""The command line as an owner or trainer uses it, in a real subprocess."""

import os
import re
import sqlite3
import subprocess
import sys

import pytest


def bp_till(*args, data_dir, env=None):
    environ = {**os.environ, "BP_TILL_DATA_DIR": "", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "bp_till", *args, "--data-dir", str(data_dir)],
        capture_output=True, text=True, env=environ, timeout=600,
    )


def _query(data_dir, sql):
    with sqlite3.connect(data_dir / "till.db") as conn:
        return conn.execute(sql).fetchall()


@pytest.mark.slow
def test_init_demo_then_simulate_twice_continues_the_store(tmp_path):
    data = tmp_path / "till"
    init = bp_till("init", "--demo", data_dir=data)
    assert init.returncode == 0, init.stderr
    pins = re.findall(r"^\s+(\w+)\s+.+PIN (\d{4})$", init.stdout, re.M)
    assert sorted(role for role, _ in pins) == ["cashier", "cashier", "manager", "shift_lead"]
    assert _query(data, "SELECT count(*) FROM cast_members") == [(120,)]

    night = tmp_path / "night.bin"
    first = bp_till("simulate", "--checks", "200", "--seed", "7", data_dir=data,
                    env={"BP_TILL_PRINTER_URL": f"file://{night}"})
    assert first.returncode == 0, first.stderr
    assert _query(data, "SELECT count(*) FROM checks WHERE status != 'open'") == [(200,)]
    producers_after_first = _query(data, "SELECT count(*) FROM producers")[0][0]
    top_after_first = _query(data, "SELECT max(spend_points) FROM producers")[0][0]
    assert night.stat().st_size > 0 and night.read_bytes().count(b"\x1dV") >= 200  # one cut a print

    second = bp_till("simulate", "--checks", "100", "--seed", "8", data_dir=data,
                     env={"BP_TILL_PRINTER_URL": f"file://{night}"})
    assert second.returncode == 0, second.stderr
    assert _query(data, "SELECT count(*) FROM checks WHERE status != 'open'") == [(300,)]
    repeat_checks = _query(
        data,
        "SELECT count(*) FROM checks c JOIN producers p ON p.id = c.producer_id "
        "WHERE c.number > 200 AND p.created_at < (SELECT min(opened_at) FROM checks WHERE number > 200)",
    )[0][0]
    assert repeat_checks > 30  # producers of the first run came back
    assert _query(data, "SELECT max(spend_points) FROM producers")[0][0] > top_after_first
    assert _query(data, "SELECT count(*) FROM producers")[0][0] > producers_after_first
    # every settled check has its outbox event; the sequence has no gap
    settled = _query(data, "SELECT count(*) FROM checks WHERE status = 'settled'")[0][0]
    assert _query(data, "SELECT count(*) FROM outbox WHERE type = 'check.settled'") == [(settled,)]
    seqs = [s for (s,) in _query(data, "SELECT seq FROM outbox ORDER BY seq")]
    assert seqs == list(range(1, len(seqs) + 1))
    # lifetime points equal the ledger
    assert _query(
        data,
        "SELECT count(*) FROM producers p WHERE p.spend_points != (SELECT coalesce(sum(delta), 0) "
        "FROM points_ledger l WHERE l.producer_id = p.id AND l.kind = 'spend')",
    ) == [(0,)]


def test_bad_config_stops_the_start_with_a_message(tmp_path):
    data = tmp_path / "till"
    data.mkdir()
    (data / "bp-till.toml").write_text("[printer]\nurl = 'lpt1'\n")
    result = bp_till("init", data_dir=data)
    assert result.returncode == 2
    assert "[printer] url must be preview" in result.stderr
    assert not (data / "till.db").exists()


def test_init_without_demo_creates_a_manager(tmp_path):
    result = bp_till("init", data_dir=tmp_path / "t")
    assert result.returncode == 0, result.stderr
    assert re.search(r"manager\s+Manager\s+PIN \d{4}", result.stdout)
    assert _query(tmp_path / "t", "SELECT name, role FROM staff") == [("Manager", "manager")]


def test_sync_once_pushes_and_says_so_and_exits_3_when_central_is_down(tmp_path):
    data = tmp_path / "t"
    assert bp_till("init", data_dir=data).returncode == 0  # queues nothing central needs yet
    down = bp_till("sync", "--once", data_dir=data,
                   env={"BP_TILL_CENTRAL_URL": "postgresql+psycopg://postgres@127.0.0.1:9/x"})
    assert down.returncode == 3
    assert "cannot be reached" in down.stderr and "events stay queued" in down.stderr
    up = bp_till("sync", "--once", data_dir=data)  # the embedded SQLite central
    assert up.returncode == 0, up.stderr
    assert re.match(r"Pushed \d+ events \(\d+ new to the central database\); pulled \d+ changes; 0 pending\.", up.stdout)
    assert (data / "central.db").exists()

"""``bp-till backup``: a consistent copy of the store, even while the till is writing to it."""

import os
import re
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from tests.integration.test_cli import bp_till


def _rows(db: Path, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        return conn.execute(sql).fetchall()


def _settled(db: Path) -> int:
    return _rows(db, "SELECT count(*) FROM checks WHERE status = 'settled'")[0][0]


def _printed_counts(stdout: str) -> dict[str, int]:
    return {table: int(n) for table, n in re.findall(r"^  (\w+)\s+(\d+)$", stdout, re.M)}


def _assert_whole(db: Path) -> None:
    """What a consistent moment of the till looks like: no action half in the copy."""
    assert _rows(db, "PRAGMA integrity_check") == [("ok",)]
    # every settled check has its lines, its payments covering the total, and its event
    assert _rows(db, """
        SELECT count(*) FROM checks c WHERE c.status = 'settled' AND (
            (SELECT count(*) FROM check_lines l WHERE l.check_id = c.id AND l.voided_at IS NULL) = 0
            OR (SELECT coalesce(sum(amount), 0) FROM payments p WHERE p.check_id = c.id) != c.total
            OR (SELECT count(*) FROM outbox o WHERE o.type = 'check.settled'
                AND json_extract(o.payload, '$.check_uuid') = c.uuid) != 1)""") == [(0,)]
    # no payment or settle event without its settled check
    assert _rows(db, "SELECT count(*) FROM payments p JOIN checks c ON c.id = p.check_id "
                     "WHERE c.status != 'settled'") == [(0,)]
    assert _rows(db, "SELECT count(*) FROM outbox WHERE type = 'check.settled'") == \
        [(_settled(db),)]
    # the outbox sequence is gapless up to its last event
    seqs = [seq for (seq,) in _rows(db, "SELECT seq FROM outbox ORDER BY seq")]
    assert seqs == list(range(1, len(seqs) + 1))
    # lifetime points equal the ledger, and every issued card has its producer and event
    assert _rows(db, "SELECT count(*) FROM producers p WHERE p.spend_points != (SELECT "
                     "coalesce(sum(delta), 0) FROM points_ledger l WHERE l.producer_id = p.id "
                     "AND l.kind = 'spend')") == [(0,)]
    assert _rows(db, "SELECT count(*) FROM cards") == \
        _rows(db, "SELECT count(*) FROM outbox WHERE type = 'card.issued'")


@pytest.mark.slow
def test_backup_while_simulate_writes_is_a_consistent_moment(tmp_path):
    data = tmp_path / "till"
    assert bp_till("init", "--demo", data_dir=data).returncode == 0
    store = data / "till.db"
    env = {**os.environ, "BP_TILL_DATA_DIR": "", "BP_TILL_PRINTER_URL": f"file://{tmp_path / 'p.bin'}"}
    writer = subprocess.Popen(
        [sys.executable, "-m", "bp_till", "simulate", "--checks", "150", "--seed", "3",
         "--data-dir", str(data)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 300
        while _settled(store) < 10:  # the night is under way
            assert writer.poll() is None, writer.communicate()
            assert time.monotonic() < deadline, "simulate settled nothing in 5 minutes"
            time.sleep(0.05)
        backups = []
        for n in range(3):
            before = _settled(store)
            result = bp_till("backup", "--to", str(tmp_path / f"copy{n}.db"), data_dir=data)
            after = _settled(store)
            backups.append((result, before, after, writer.poll() is None))
        out, err = writer.communicate(timeout=600)
    finally:
        writer.kill()
    assert writer.returncode == 0, err  # the writer never hit a locked store
    final = _settled(store)
    assert final == int(re.search(r"^\s+settled\s+(\d+)$", out, re.M)[1])
    assert any(during for *_, during in backups), "no backup ran while simulate was writing"
    for n, (result, before, after, _during) in enumerate(backups):
        assert result.returncode == 0, result.stderr
        copy = tmp_path / f"copy{n}.db"
        assert f"to {copy}" in result.stdout and "integrity check ok" in result.stdout
        _assert_whole(copy)
        # the copy is the moment it was taken: between the counts seen before and after it
        assert before <= _settled(copy) <= after
        # and it is exactly what the command reported
        printed = _printed_counts(result.stdout)
        assert printed["checks"] == _rows(copy, "SELECT count(*) FROM checks")[0][0]
        assert printed["outbox"] == _rows(copy, "SELECT count(*) FROM outbox")[0][0]
        assert printed["check_lines"] == _rows(copy, "SELECT count(*) FROM check_lines")[0][0]
    assert _settled(tmp_path / "copy0.db") < final  # taken mid-night, not after it


def test_backup_goes_to_the_data_folder_by_default_and_never_overwrites(tmp_path):
    data = tmp_path / "till"
    assert bp_till("init", data_dir=data).returncode == 0
    first = bp_till("backup", data_dir=data)
    assert first.returncode == 0, first.stderr
    (made,) = (data / "backups").glob("till-*.db")
    assert re.fullmatch(r"till-\d{8}-\d{6}\.db", made.name)
    assert f"to {made} " in first.stdout
    assert _printed_counts(first.stdout)["staff"] == 1 == _rows(made, "SELECT count(*) FROM staff")[0][0]
    assert _rows(made, "PRAGMA journal_mode") == [("delete",)]  # one file, no -wal beside it
    assert _rows(made, "SELECT version_num FROM alembic_version") == \
        _rows(data / "till.db", "SELECT version_num FROM alembic_version")
    second = bp_till("backup", data_dir=data)
    assert second.returncode == 0 and len(list((data / "backups").glob("till-*.db"))) == 2

    before = made.read_bytes()
    refused = bp_till("backup", "--to", str(made), data_dir=data)
    assert refused.returncode == 2
    assert "already exists" in refused.stderr and made.read_bytes() == before
    assert not list((data / "backups").glob("*.partial"))


def test_backup_of_a_folder_that_is_no_till_says_so_and_creates_nothing(tmp_path):
    result = bp_till("backup", data_dir=tmp_path / "typo")
    assert result.returncode == 2
    assert "No bp-till.toml in" in result.stderr
    assert not (tmp_path / "typo").exists()

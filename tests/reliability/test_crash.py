"""SIGKILL at random moments: the store comes back whole and the till carries on.

`bp-till simulate` runs in a subprocess and is killed 50 times, each time at a
random moment of its work: after a random number of write transactions and a
random fraction of a second more. After each kill the store must pass every
check of tests/reliability/invariants.py (integrity, no half-written check,
no gap in the outbox, counters matching rows), keep everything it had before,
and the next run must carry on from it. Whether a kill landed inside a write
transaction is read from the till's opt-in transaction trace (BP_TILL_TX_TRACE,
bp_till/store/trace.py). Then `bp-till sync --once` is killed a few times too,
and a last sync must bring every event to the central database exactly once.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from bp_till.store.trace import END as trace_end
from tests.reliability.invariants import broken, counts

ROUNDS = 50
SYNC_KILLS = 5
# A round kills after a random number of finished write transactions (a check takes about
# seven), then a random fraction of a second more, which lands anywhere in the work after.
MAX_TRANSACTIONS = 80
MAX_EXTRA_S = 0.3


def _command(data: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "bp_till", "--data-dir", str(data), *args]


def _env(tmp_path: Path, trace: Path | None = None) -> dict[str, str]:
    env = {**os.environ, "BP_TILL_DATA_DIR": "",
           "BP_TILL_PRINTER_URL": f"file://{tmp_path / 'paper.bin'}"}
    env.pop("BP_TILL_TX_TRACE", None)
    if trace is not None:
        env["BP_TILL_TX_TRACE"] = str(trace)
    return env


def _store(data: Path) -> closing[sqlite3.Connection]:
    """The store of a data folder, opened with plain sqlite3 (which recovers its WAL)."""
    return closing(sqlite3.connect(data / "till.db"))


def _wait_for_transactions(process: subprocess.Popen, trace: Path, count: int,
                           errors: Path) -> None:
    """Until the run has finished ``count`` write transactions (measured in work, not
    seconds, so a loaded machine moves the kills no nearer the start)."""
    deadline = time.monotonic() + 300
    while not (trace.exists() and trace.read_bytes().count(trace_end) >= count):
        if process.poll() is not None:
            pytest.fail(f"simulate stopped by itself: {errors.read_text()}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"simulate did not write {count} transactions in five minutes")
        time.sleep(0.005)


def _killed_simulate(tmp_path: Path, data: Path, round_no: int, rng: random.Random) -> bytes:
    """Start a long simulation, kill it at a random moment; return its transaction trace."""
    trace, errors = tmp_path / f"trace-{round_no}", tmp_path / f"stderr-{round_no}"
    with errors.open("wb") as err:
        process = subprocess.Popen(
            _command(data, "simulate", "--checks", "5000", "--seed", str(round_no)),
            stdout=subprocess.DEVNULL, stderr=err, env=_env(tmp_path, trace),
        )
    _wait_for_transactions(process, trace, rng.randint(1, MAX_TRANSACTIONS), errors)
    time.sleep(rng.uniform(0, MAX_EXTRA_S))
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL, errors.read_text()
    return trace.read_bytes()


@pytest.mark.slow
def test_fifty_kills_leave_a_whole_store_that_carries_on(tmp_path, figures):
    seed = int(os.environ.get("BP_TILL_CRASH_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    data = tmp_path / "till"
    init = subprocess.run(_command(data, "init", "--demo"), capture_output=True, text=True,
                          env=_env(tmp_path), timeout=300)
    assert init.returncode == 0, init.stderr

    inside = transactions = 0
    before = {"finished": 0, "events": 0, "settled": 0, "producers": 0}
    for round_no in range(ROUNDS):
        trace = _killed_simulate(tmp_path, data, round_no, rng)
        inside += trace.endswith(b"B")
        transactions += trace.count(b"E")
        with _store(data) as conn:
            problems, now = broken(conn), counts(conn)
        assert problems == [], f"round {round_no} (seed {seed}): {problems}"
        # Nothing committed before the kill was lost.
        assert all(now[key] >= before[key] for key in before), (round_no, before, now)
        before = now
    assert before["settled"] > ROUNDS, "the runs were killed before they rang anything up"

    # A restart carries on: a run to the end adds its checks to what survived.
    final = subprocess.run(_command(data, "simulate", "--checks", "20", "--seed", "4242"),
                           capture_output=True, text=True, env=_env(tmp_path), timeout=600)
    assert final.returncode == 0, final.stderr
    with _store(data) as conn:
        assert broken(conn) == []
        after = counts(conn)
    assert after["finished"] == before["finished"] + 20

    ahead = _sync_through_kills(tmp_path, data, rng)
    local, received = _events(data, "till.db", "outbox"), _events(data, "central.db", "events")
    lost = len(set(local) - set(received))
    assert lost == 0 and received == local  # and not one event the till did not write
    assert _balances(data, "till.db", "producers") == _balances(
        data, "central.db", "producer_balances")  # each event projected once
    with _store(data) as conn:
        assert conn.execute("SELECT count(*) FROM outbox WHERE sent_at IS NULL").fetchone() == (0,)
    figures["crash"] = {
        "seed": seed, "kills survived": ROUNDS, "kills inside a write transaction": inside,
        "write transactions completed between the kills": transactions,
        "checks settled": after["settled"], "events": after["events"],
        "sync kills survived": SYNC_KILLS,
        "sync kills between the central commit and the sent mark": ahead,
        "events lost": lost,
    }


def _query(data: Path, file: str, sql: str) -> list[tuple]:
    if not (data / file).exists():
        return []
    with closing(sqlite3.connect(data / file)) as conn:
        return conn.execute(sql).fetchall()


def _events(data: Path, file: str, table: str) -> dict[str, str]:
    return dict(_query(data, file, f"SELECT event_id, type FROM {table}"))


def _balances(data: Path, file: str, table: str) -> set[tuple]:
    return set(_query(data, file, f"SELECT login_id, spend_points, vote_points FROM {table}"))


def _sync_through_kills(tmp_path: Path, data: Path, rng: random.Random) -> int:
    """Kill `sync --once` at random moments, then sync to the end.

    Returns how many kills left the central database ahead of the till's sent
    marks: the window where the next sync sends events the central side has.
    """
    ahead = 0
    for _ in range(SYNC_KILLS):
        process = subprocess.Popen(_command(data, "sync", "--once"), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, env=_env(tmp_path))
        time.sleep(rng.uniform(0.5, 3.5))  # start-up takes about two of these seconds
        process.send_signal(signal.SIGKILL)
        process.wait()
        marked = _query(data, "till.db", "SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL")
        received = _query(data, "central.db", "SELECT count(*) FROM events") or [(0,)]
        ahead += received[0][0] > marked[0][0]
    done = subprocess.run(_command(data, "sync", "--once"), capture_output=True, text=True,
                          env=_env(tmp_path), timeout=600)
    assert done.returncode == 0, done.stderr
    return ahead


DIE_BEFORE_COMMIT = """
import os, signal, sys
from datetime import datetime
from pathlib import Path
from bp_till.clock import FakeClock
from bp_till.domain.business_day import TOKYO
from bp_till.domain.settlement import Tender
from bp_till.services.context import TillContext
from bp_till.services.settle import settle_check
from bp_till.services.staff import list_staff
from bp_till.store.db import open_store
from bp_till.store.uow import UnitOfWork

def die(uow):  # every row of the settle is flushed to SQLite; the COMMIT never comes
    uow.session.flush()
    os.kill(os.getpid(), signal.SIGKILL)

UnitOfWork.commit = die
evening = FakeClock(datetime(2026, 11, 20, 21, tzinfo=TOKYO))
ctx = TillContext(open_store(Path(sys.argv[1])), evening)
settle_check(ctx, list_staff(ctx)[0], int(sys.argv[2]), [Tender("cash", 10_000)])
"""


def test_a_kill_inside_a_settle_leaves_the_check_open_and_the_store_whole(ctx, cashier, tmp_path):
    """The deterministic case of the random kills above, and a check on the trace itself."""
    from bp_till.domain.settlement import Tender
    from bp_till.services import checks, producers
    from bp_till.services.settle import settle_check

    card = producers.issue_producer(ctx, cashier)
    check = checks.open_check(ctx, cashier, "T1", 1)
    checks.add_line(ctx, cashier, check, "T01")
    checks.attach_producer(ctx, cashier, check, card.card_number)
    ctx.store.dispose()
    with _store(tmp_path) as conn:
        before = counts(conn)
    trace = tmp_path / "trace"
    killed = subprocess.run([sys.executable, "-c", DIE_BEFORE_COMMIT, str(ctx.store.path),
                             str(check)], env={**os.environ, "BP_TILL_TX_TRACE": str(trace)},
                            capture_output=True, text=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert trace.read_bytes() == b"B"  # died inside its one write transaction
    with _store(tmp_path) as conn:
        assert broken(conn) == [] and counts(conn) == before
        assert conn.execute("SELECT status FROM checks WHERE id = ?", (check,)).fetchone() == (
            "open",)
    receipt = settle_check(ctx, cashier, check, [Tender("cash", 10_000)])  # and it carries on
    assert receipt.producer.spend_points == 11

"""Faults between the till and the central database; each ends with every event counted once.

Counted once: the central events are exactly the tills' outbox events, none
is still queued, and the central balances are the sum of the tills' own
ledgers (tests/sync/ledgers.py). Both central kinds unless the fault is a
TCP one.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from bp_till import simulate
from bp_till.bootstrap import Till
from bp_till.central.db import central_engine
from bp_till.config import Config
from bp_till.printing.printers import Printer
from bp_till.store.models import OutboxEvent
from bp_till.sync.once import run_round
from bp_till.sync.push import push
from tests.sync import kill_child
from tests.sync.ledgers import assert_counted_once, central_event_ids, unsent
from tests.sync.proxy import CuttingProxy

REPO = Path(__file__).parents[2]


def _night(ctx, folder: Path, checks: int, seed: int, progress=None) -> None:
    till = Till(Config(data_dir=folder), ctx, Printer(f"file://{folder / 'prints.bin'}"))
    simulate.run(till, checks, seed, progress)


def _wait_for_cut_backends(central, timeout_s: float = 10) -> None:
    """Wait until no other backend of the central is mid-statement or mid-transaction.

    The proxy cuts the till's side; the server process of the till's second
    connection may still be ingesting or committing a batch, and counts the
    central's events only once it has finished (and seen the cut).
    """
    busy = text("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND state IN ('active', 'idle in transaction')")
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with central.connect() as conn:
            if conn.scalar(busy) == 0:
                return
        time.sleep(0.05)
    raise AssertionError("a backend of the cut connections was still busy after 10 s")


def _url(central) -> str:
    return central.url.render_as_string(hide_password=False)


@pytest.mark.parametrize("central", ["postgresql"], indirect=True)
def test_the_connection_cut_in_the_middle_of_a_batch(ctx, tmp_path, central):
    batch = 10
    _night(ctx, tmp_path, checks=30, seed=11)
    queued = unsent(ctx)
    proxy = CuttingProxy((central.url.host, central.url.port or 5432))
    engine = central_engine(_url(central).replace(
        f"{central.url.host}:{central.url.port or 5432}", f"127.0.0.1:{proxy.port}"))
    try:
        # Each round's connections may carry more bytes than the last before the line drops,
        # until a round gets through: the first cuts fall inside the first batch, later ones
        # after a few (or in the pull, once the push's two connections have sent everything).
        budget, landed = 2_000, []
        while True:
            proxy.cut_after = budget
            try:
                result = run_round(ctx, engine, batch)
                break
            except OperationalError:
                at_central, marked = len(central_event_ids(central)), queued - unsent(ctx)
                assert at_central % batch == 0 or at_central == queued, landed  # whole batches
                assert 0 <= at_central - marked <= batch  # only a batch whose COMMIT reply was cut
                landed.append(at_central)
            budget += 3_000  # steps smaller than a batch: some cut falls after a few batches
        assert proxy.cuts >= len(landed) >= 3
        assert landed[0] == 0 and any(0 < n < queued for n in landed), landed  # first batch, later
        assert (result.new, result.pending) == (queued - landed[-1], 0)
        assert_counted_once(central, ctx)
    finally:
        engine.dispose()
        proxy.close()


def _kill_a_round(data: Path, url: str, seed: int, rng: random.Random, at_commit: bool) -> bool:
    """One child till: killed in the window after a central commit, or at a random moment.

    True if it was killed after a central commit it announced (a child whose round
    had fewer batches than the kill waited for ends by itself: not aimed).
    """
    errors = (data / f"child-{seed}.err").open("wb")
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.sync.kill_child", str(data), url, str(seed)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=errors, text=True)
    if at_commit:
        wanted, seen = rng.randint(1, 2), 0
        while seen < wanted and (line := child.stdout.readline()):
            seen += line.startswith("committed")
        time.sleep(rng.uniform(0, kill_child.PAUSE_S * 0.6))
    else:
        wanted = seen = 0
        time.sleep(rng.uniform(0.5, 4.0))  # start-up, the checks, or the round
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)
    child.stdout.close()
    errors.close()
    if child.returncode != -signal.SIGKILL:
        assert child.returncode == 0, (data / f"child-{seed}.err").read_text()
    return at_commit and seen == wanted and child.returncode == -signal.SIGKILL


def test_the_till_killed_between_the_central_commit_and_the_sent_mark(ctx, tmp_path, central):
    rounds, seed = 12, int(time.time()) % 10_000
    rng = random.Random(seed)
    _night(ctx, tmp_path, checks=15, seed=seed)
    url, ahead, aimed = _url(central), 0, 0
    for n in range(rounds):
        aimed += _kill_a_round(tmp_path, url, seed + n, rng, at_commit=n % 3 != 2)
        ahead += bool(_ahead_of_the_till(ctx, central))
    assert ahead >= max(1, aimed // 2), (
        f"seed {seed}: only {ahead} of {aimed} kills after a central commit")
    result = run_round(ctx, central)  # a clean round at the end
    assert result.pending == 0
    assert_counted_once(central, ctx)


def _ahead_of_the_till(ctx, central) -> set[str]:
    """Events the central database has committed that the till still holds as queued."""
    with ctx.store.read() as session:
        queued = set(session.scalars(select(OutboxEvent.event_id)
                                     .where(OutboxEvent.sent_at.is_(None))))
    return queued & set(central_event_ids(central))


def _unreachable(central, tmp_path: Path):
    """The same kind of central database, down: a closed port, or a share not mounted."""
    if central.dialect.name == "postgresql":
        return central_engine(_url(central).replace(f":{central.url.port or 5432}/", ":9/"))
    return central_engine(f"sqlite:///{tmp_path / 'share-not-mounted' / 'central.db'}")


def test_the_central_database_down_for_a_whole_night(ctx, tmp_path, central):
    down, failures = _unreachable(central, tmp_path), []

    def sync_after_each_check(_done: int) -> None:  # the worker's rounds through the night
        with pytest.raises(OperationalError) as refused:
            run_round(ctx, down)
        failures.append(refused.value)

    _night(ctx, tmp_path, checks=40, seed=5, progress=sync_after_each_check)
    queued = unsent(ctx)
    assert len(failures) == 40 and queued > 40
    assert central_event_ids(central) == []
    back = run_round(ctx, central)
    assert (back.pushed, back.new, back.pending) == (queued, queued, 0)
    assert_counted_once(central, ctx)
    down.dispose()

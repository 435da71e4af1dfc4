"""Tills set up as the README says, on a real PostgreSQL central, in real subprocesses.

Two tills (the first as it comes, the second with ``bp-till init --terminal 2``,
a third renumbered in bp-till.toml after init) push and pull and see each
other's producers with their points; a till set up with a number already in
use is stopped with the reason and recovers with ``init --terminal``; a store
restored with ``bp-till restore`` after a sync rings up, syncs, and the
central totals hold every check once.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from contextlib import closing

import pytest
from sqlalchemy import text

from bp_till.sync.pulled_producers import QUEUED_POINTS
from tests.sync.conftest import postgres_central
from tests.sync.ledgers import central_balances
from tests.sync.test_cli_sync import _bp_till


def _rows(data, sql):
    with closing(sqlite3.connect(data / "till.db")) as conn:  # closed: restore checks for it
        return conn.execute(sql).fetchall()


def _producers(data) -> dict[str, tuple[int, int]]:
    rows = _rows(data, "SELECT login_id, spend_points, vote_points FROM producers")
    return {login: (spend, vote) for login, spend, vote in rows if spend or vote}


def _ok(done):
    assert done.returncode == 0, done.stderr
    return done


@pytest.fixture
def shop(tmp_path, pg_url):
    """Run bp-till in a data folder against a fresh PostgreSQL central: (run, central)."""
    with postgres_central(pg_url) as central:
        env = {"BP_TILL_CENTRAL_URL": central.url.render_as_string(hide_password=False),
               "BP_TILL_PRINTER_URL": f"file://{tmp_path / 'paper.bin'}"}
        yield (lambda name, *args: _bp_till(*args, data=tmp_path / name, env=env)), central


@pytest.mark.slow
def test_tills_set_up_as_the_readme_says_push_and_pull(shop, tmp_path):
    run, central = shop
    _ok(run("one", "init", "--demo"))  # the first till: terminal 1
    _ok(run("two", "init", "--demo", "--terminal", "2"))
    _ok(run("three", "init", "--demo"))  # set up as 1, renumbered before its first sync
    config = tmp_path / "three" / "bp-till.toml"
    config.write_text(config.read_text().replace("number = 1            #", "number = 3  #"))
    for name, seed in (("one", 1), ("two", 2), ("three", 3)):
        _ok(run(name, "simulate", "--checks", "5", "--seed", str(seed)))
    for name in ("one", "two", "three", "one", "two"):  # each pushes, then pulls the others
        _ok(run(name, "sync", "--once"))

    balances = central_balances(central)
    assert {login[2:4] for login in balances} == {"01", "02", "03"}  # producers of all three
    for name in ("one", "two", "three"):
        assert _producers(tmp_path / name) == balances
    with central.connect() as conn:
        by_till = dict(conn.execute(text("SELECT terminal, count(*) FROM events GROUP BY 1")).all())
    assert {t: by_till[t] for t in (1, 2, 3)} == {
        n: _rows(tmp_path / name, "SELECT count(*) FROM outbox")[0][0]
        for n, name in ((1, "one"), (2, "two"), (3, "three"))}


@pytest.mark.slow
def test_a_till_given_a_number_in_use_is_stopped_and_init_terminal_recovers_it(shop, tmp_path):
    run, central = shop
    _ok(run("one", "init", "--demo"))
    _ok(run("one", "sync", "--once"))
    _ok(run("again", "init", "--demo"))  # forgot --terminal: a second terminal 1

    refused = run("again", "sync", "--once")
    assert refused.returncode == 3
    assert refused.stderr.startswith("bp-till: The central database refuses terminal 1's events")
    assert "another till is set up as terminal 1 too" in refused.stderr
    assert "events stay queued here." in refused.stderr
    queued = _rows(tmp_path / "again", "SELECT count(*) FROM outbox WHERE sent_at IS NULL")[0][0]
    assert queued > 0

    _ok(run("again", "init", "--terminal", "4"))
    synced = _ok(run("again", "sync", "--once"))
    assert synced.stdout.startswith(f"Pushed {queued} events ({queued} new")
    assert _rows(tmp_path / "again", "SELECT DISTINCT terminal FROM outbox") == [(4,)]


def _points(events) -> dict[str, tuple[int, int]]:
    """login -> (spend, vote) over events, each counted once by its id."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for kind, payload in {event_id: (kind, payload) for event_id, kind, payload in events}.values():
        body = json.loads(payload)
        if kind in QUEUED_POINTS and body.get("login_id"):
            spend, vote = QUEUED_POINTS[kind](body)
            totals[body["login_id"]][0] += spend
            totals[body["login_id"]][1] += vote
    return {login: (s, v) for login, (s, v) in totals.items() if s or v}


@pytest.mark.slow
def test_a_restore_after_a_sync_then_new_sales_and_a_sync_keeps_the_central_totals(shop, tmp_path):
    run, central = shop
    data = tmp_path / "one"
    _ok(run("one", "init", "--demo"))
    _ok(run("one", "simulate", "--checks", "5", "--seed", "1"))
    _ok(run("one", "sync", "--once"))
    _ok(run("one", "backup", "--to", str(tmp_path / "nightly.db")))
    _ok(run("one", "simulate", "--checks", "5", "--seed", "2"))  # after the backup, synced
    _ok(run("one", "sync", "--once"))
    everything = "SELECT event_id, type, payload FROM outbox"
    lost = _rows(data, everything)

    restored = _ok(run("one", "restore", str(tmp_path / "nightly.db")))
    assert "Caught up with the central database" in restored.stdout
    assert f"next event is number {len(lost) + 1}." in restored.stdout
    assert len(list(data.glob("till-*-damaged.db"))) == 1  # the old store, kept aside
    _ok(run("one", "simulate", "--checks", "4", "--seed", "3"))
    _ok(run("one", "sync", "--once"))

    now = _rows(data, everything)
    with central.connect() as conn:
        held = conn.execute(text("SELECT event_id, seq FROM events WHERE terminal = 1 "
                                 "ORDER BY seq")).all()
    assert sorted(e for e, _ in held) == sorted({e for e, *_ in lost + now})  # each once
    assert [seq for _, seq in held] == list(range(1, len(held) + 1))  # no number twice or skipped
    assert central_balances(central) == _points(lost + now) == _producers(data)

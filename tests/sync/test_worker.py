"""The sync worker off the GUI thread: rounds on demand, backoff while the centre is down."""

import threading
from datetime import timedelta

from sqlalchemy import func, select

from bp_till.central.db import central_engine
from bp_till.central.schema import events
from bp_till.services import producers
from bp_till.sync.push import pending_count
from bp_till.sync.worker import SyncWorker

DEAD = "postgresql://till:sekret@127.0.0.1:1/central"  # nothing listens on port 1


def _sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'central.db'}"


def test_a_round_on_demand_sends_the_queue_and_tells_its_listeners(ctx, cashier, tmp_path):
    producers.issue_producer(ctx, cashier)
    queued = pending_count(ctx)
    heard, done = [], threading.Event()
    worker = SyncWorker(ctx, _sqlite_url(tmp_path), interval_s=3600)
    worker.subscribe(lambda state: (heard.append(state), state.last_success and done.set()))
    worker.start()
    try:
        outcome = worker.sync_now().result(timeout=30)
    finally:
        worker.stop()
    assert outcome.ok and outcome.pending == 0 and pending_count(ctx) == 0
    central = central_engine(_sqlite_url(tmp_path))
    with central.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(events)) == queued  # each once
    central.dispose()
    assert done.wait(1) and any(state.running for state in heard)
    assert worker.state.last_success == outcome.finished_at and worker.state.failures == 0


def test_the_central_database_down_backs_off_keeps_the_events_and_sends_them_when_back(
        ctx, cashier, tmp_path):
    producers.issue_producer(ctx, cashier)
    queued = pending_count(ctx)
    worker = SyncWorker(ctx, DEAD, interval_s=10, backoff_cap_s=35).start()
    try:
        outcomes = [worker.sync_now().result(timeout=30) for _ in range(4)]
        assert [o.ok for o in outcomes] == [False] * 4
        assert all(o.pending == queued for o in outcomes)
        message = outcomes[-1].error
        assert "cannot be reached" in message and "127.0.0.1:1" in message
        assert "sekret" not in message and "\n" not in message
        state = worker.state
        assert state.failures >= 4 and state.last_error == message and state.last_success is None
        # the next try waits 10, 20, 40… → capped at 35 s after three failures
        assert state.next_attempt - ctx.clock.now() == timedelta(seconds=35)
        worker.central_url = _sqlite_url(tmp_path)  # the server is back
        back = worker.sync_now().result(timeout=30)
    finally:
        worker.stop()
    assert back.ok and back.pending == 0 and worker.state.failures == 0
    assert worker.state.last_error is None


def test_stopping_answers_whoever_still_waits(ctx, tmp_path):
    worker = SyncWorker(ctx, _sqlite_url(tmp_path), interval_s=3600)
    waiting = worker.sync_now()  # asked before the thread ever ran
    worker.stop()
    outcome = waiting.result(timeout=1)
    assert not outcome.ok and "stay queued" in outcome.error

"""Push to the central database (SQLite file and real PostgreSQL): every event counted once."""

import uuid
from dataclasses import replace

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError, OperationalError

from bp_till import simulate
from bp_till.bootstrap import Till
from bp_till.central.db import central_engine
from bp_till.central.ingest import Event, ingest
from bp_till.central.schema import events, vote_refusals
from bp_till.config import Config
from bp_till.domain.votes import Allocation
from bp_till.printing.printers import Printer
from bp_till.services import masterdata, producers, votes
from bp_till.store.models import OutboxEvent, Producer
from bp_till.sync import push as push_module
from bp_till.sync.push import _unsent, pending_count, push
from tests.support.tills import settle_a_check
from tests.sync.ledgers import central_event_ids


def _night(ctx, tmp_path, checks=25, seed=1):
    till = Till(Config(data_dir=tmp_path), ctx, Printer(f"file://{tmp_path / 'prints.bin'}"))
    simulate.run(till, checks, seed)


def _local_balances(ctx):
    with ctx.store.read() as session:
        return {p.login_id: (p.spend_points, p.vote_points) for p in session.scalars(select(Producer))}


def _central_balances(central):
    with central.connect() as conn:
        rows = conn.execute(text("SELECT login_id, spend_points, vote_points FROM producer_balances"))
        return {login: (int(spend), int(vote)) for login, spend, vote in rows}


def _central_event_count(central):
    with central.connect() as conn:
        return conn.scalar(select(func.count()).select_from(events))


def test_a_night_reaches_the_central_database_once(ctx, tmp_path, central, manager):
    _night(ctx, tmp_path)
    some_card = next(iter(_local_balances(ctx)))
    producers.adjust_points(ctx, manager, some_card, vote_delta=7, reason="birthday")
    producers.replace_card(ctx, manager, some_card)
    queued = pending_count(ctx)
    first = push(ctx, central, batch_size=20)  # several batches
    assert (first.sent, first.new, first.pending) == (queued, queued, 0)
    assert _central_balances(central) == _local_balances(ctx)
    again = push(ctx, central)
    assert (again.sent, again.new) == (0, 0)
    assert _central_event_count(central) == queued


def test_the_same_batch_sent_twice_counts_once(ctx, tmp_path, central):
    _night(ctx, tmp_path, checks=10)
    batch = _unsent(ctx, 1000)
    for _ in range(2):
        with central.begin() as conn:
            ingest(conn, batch)
    assert _central_balances(central) == _local_balances(ctx)
    assert _central_event_count(central) == len(batch)


def test_death_between_central_commit_and_sent_mark(ctx, tmp_path, central, monkeypatch):
    _night(ctx, tmp_path, checks=10)
    queued = pending_count(ctx)

    def die(*_):
        raise KeyboardInterrupt("till killed")

    monkeypatch.setattr(push_module, "_mark_sent", die)
    with pytest.raises(KeyboardInterrupt):
        push(ctx, central)
    assert pending_count(ctx) == queued  # the till thinks nothing was sent
    monkeypatch.undo()
    result = push(ctx, central)
    assert (result.sent, result.pending) == (queued, 0)
    assert result.new == 0  # the central side had every event already
    assert _central_balances(central) == _local_balances(ctx)


def test_central_down_keeps_events_queued(ctx, tmp_path, central):
    _night(ctx, tmp_path, checks=5)
    queued = pending_count(ctx)
    down = central_engine("postgresql+psycopg://postgres@127.0.0.1:9/none")
    with pytest.raises(OperationalError):
        push(ctx, down)
    assert pending_count(ctx) == queued
    assert push(ctx, central).sent == queued
    with ctx.store.read() as session:
        assert session.scalar(select(func.count()).select_from(OutboxEvent).where(OutboxEvent.sent_at.is_(None))) == 0


def test_a_different_event_reusing_a_sequence_is_refused_loudly(central):
    # Two tills with one terminal number, or a till reinstalled with an empty store:
    # its events must not be dropped as "already known".
    event = Event("e1", 1, 1, "menu.updated", 1, '{"items": []}')
    clash = Event("e2", 1, 1, "menu.updated", 1, '{"items": []}')  # same terminal and seq, new id
    with central.begin() as conn:
        assert ingest(conn, [event]) == 1
    with pytest.raises(IntegrityError), central.begin() as conn:
        ingest(conn, [clash])
    with central.connect() as conn:
        assert conn.execute(select(events.c.event_id)).scalars().all() == ["e1"]


def test_batches_of_one_each_see_every_event_before_them(ctx, central, cashier, manager):
    # On PostgreSQL two batches are ingested at once. A vote must still see the points of
    # the check just before it, a replaced card its account, and the newer menu must win.
    card = producers.issue_producer(ctx, cashier)
    settle_a_check(ctx, cashier, card.card_number)
    points = producers.find_producer(ctx, card.card_number).vote_points
    votes.cast_votes(ctx, cashier, card.card_number, [Allocation("C001", points)])
    new_card = producers.replace_card(ctx, manager, card.card_number)
    first, *rest = masterdata.menu(ctx)
    for raise_by in (100, 200):
        masterdata.save_menu(ctx, [replace(first, price=first.price + raise_by), *rest])
    assert push(ctx, central, batch_size=1).pending == 0
    assert _central_balances(central) == _local_balances(ctx)
    with central.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(vote_refusals)) == 0
        assert dict(conn.execute(text("SELECT number, status FROM card_states")).all()) == {
            card.card_number: "replaced", new_card.card_number: "live"}
        assert conn.scalar(text("SELECT price FROM menu_items WHERE code = :code"),
                           {"code": first.code}) == first.price + 200


def test_a_batch_refused_centrally_holds_back_every_batch_after_it(ctx, tmp_path, central):
    # Batches commit in order, so the central database always holds the till's events up to
    # some point and none after it: what a pulled balance's queued part counts on.
    _night(ctx, tmp_path, checks=10)
    queued = _unsent(ctx, 1000)
    clash = queued[len(queued) // 2]
    with central.begin() as conn:  # another till with this terminal number got there first
        ingest(conn, [Event(str(uuid.uuid4()), clash.terminal, clash.seq, "menu.updated", 1,
                            '{"items": []}')])
    with pytest.raises(IntegrityError):
        push(ctx, central, batch_size=5)
    landed = len(queued) // 2 // 5 * 5  # the batches before the refused one
    at_central = set(central_event_ids(central))
    assert {e.event_id for e in queued} & at_central == {e.event_id for e in queued[:landed]}
    assert pending_count(ctx) == len(queued) - landed

"""Votes at the till and manager-edited rank tables, through the services and the store."""

import json
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from bp_till.domain.errors import InvalidInput, NotAllowed, NotFound
from bp_till.domain.points import Rank
from bp_till.domain.settlement import Tender
from bp_till.domain.votes import Allocation
from bp_till.services import checks, producers
from bp_till.services.closeout import day_report
from bp_till.services.ranking import board
from bp_till.services.ranks import current_rank_table, save_rank_table
from bp_till.services.settle import settle_check
from bp_till.services.staff import Approval
from bp_till.services.votes import cast_votes
from bp_till.store.models import BoardEntry, OutboxEvent, PointsEntry, Vote, VoteRefusal
from tests.conftest import PINS


@pytest.fixture
def producer(ctx, cashier, manager):
    card = producers.issue_producer(ctx, cashier)
    producers.adjust_points(ctx, manager, card.card_number, vote_delta=100, reason="welcome")
    return card


def test_votes_spend_the_balance_once_and_reach_the_outbox(ctx, cashier, producer):
    view = cast_votes(ctx, cashier, producer.card_number,
                      [Allocation("C001", 60), Allocation("C002", 30)])
    assert view.vote_points == 10
    with ctx.store.read() as session:
        votes = session.scalars(select(Vote).order_by(Vote.id)).all()
        assert [(v.cast.code, v.points, v.business_month) for v in votes] == [
            ("C001", 60, "2026-11"), ("C002", 30, "2026-11")]
        ledger = session.scalars(select(PointsEntry).where(PointsEntry.reason == "vote")).all()
        assert sorted(e.delta for e in ledger) == [-60, -30]
        (event,) = session.scalars(select(OutboxEvent).where(OutboxEvent.type == "votes.cast"))
    payload = json.loads(event.payload)
    assert payload["votes"] == [{"cast_code": "C001", "points": 60}, {"cast_code": "C002", "points": 30}]
    assert (payload["login_id"], payload["business_month"]) == (producer.login_id, "2026-11")


def test_an_overspend_or_an_unknown_cast_member_writes_nothing(ctx, cashier, producer, unchanged):
    with unchanged(), pytest.raises(InvalidInput, match="That is 101 vote points; the producer has 100."):
        cast_votes(ctx, cashier, producer.card_number, [Allocation("C001", 101)])
    with unchanged(), pytest.raises(NotFound, match="No cast member 'C999'"):
        cast_votes(ctx, cashier, producer.card_number, [Allocation("C001", 1), Allocation("C999", 1)])


def test_a_new_rank_table_needs_a_manager_and_old_checks_keep_their_multiplier(
        ctx, cashier, manager, producer, clock):
    producers.adjust_points(ctx, manager, producer.card_number, spend_delta=450, reason="import")
    before = checks.open_check(ctx, cashier, "T1", 1)
    checks.attach_producer(ctx, cashier, before, producer.card_number)  # Bronze ×1.2 now
    generous = [Rank("Regular", 0, 100), Rank("Bronze", 100, 130), Rank("Silver", 400, 160)]
    with pytest.raises(NotAllowed):
        save_rank_table(ctx, cashier, generous)
    version = save_rank_table(ctx, cashier, generous, Approval(manager.id, PINS["manager"]))
    saved_version, saved = current_rank_table(ctx)
    assert version == saved_version == 1 and saved.ranks == ctx.ranks.ranks == tuple(generous)
    clock.advance(minutes=1)
    after = checks.open_check(ctx, cashier, "T2", 1)
    checks.attach_producer(ctx, cashier, after, producer.card_number)  # Silver ×1.6 now
    for check in (before, after):
        checks.add_line(ctx, cashier, check, "T01")  # ¥1,100: 11 spend points
    assert settle_check(ctx, cashier, before, [Tender("card", 1_100)]).producer.vote_points == 13
    assert settle_check(ctx, cashier, after, [Tender("card", 1_100)]).producer.vote_points == 17


@pytest.mark.parametrize("ranks, message", [
    ([Rank("Regular", 10, 100)], "first rank at 0 points"),
    ([Rank("Regular", 0, 100), Rank("Gold", 100, 90)], "never fall"),
    ([Rank("Regular", 0, 100), Rank("", 100, 120)], "name of 1 to 32"),
    ([Rank("Regular", 0, 100), Rank("Gold", 100, 5_000)], "above ×10.0"),
    ([Rank("Regular", 0, 100), Rank("Gold", 1.5, 120)], "whole number"),
])
def test_a_bad_rank_table_is_refused_and_nothing_is_saved(ctx, manager, ranks, message, unchanged):
    with unchanged(), pytest.raises(InvalidInput, match=message):
        save_rank_table(ctx, manager, ranks)


def _pulled(ctx, month, rows, at):
    """What a pull writes: the central figures of a month."""
    with ctx.uow() as uow:
        for code, points, last in rows:
            uow.session.add(BoardEntry(business_month=month, cast_code=code, points=points,
                                       last_vote_at=last, pulled_at=at))
        uow.commit()


def test_the_board_adds_votes_not_yet_synced_to_the_central_figures(ctx, cashier, producer, clock):
    now = clock.now()
    _pulled(ctx, "2026-11", [("C001", 50, now - timedelta(hours=3)),
                             ("C002", 80, now - timedelta(hours=2))], now)
    cast_votes(ctx, cashier, producer.card_number, [Allocation("C001", 30)])
    shown = board(ctx)
    assert [(line.place, line.cast_code, line.points) for line in shown.lines] == [
        (1, "C002", 80), (2, "C001", 80)]  # a tie: C002 reached 80 first
    assert shown.unsynced_points == 30 and shown.winner is None


def test_the_board_counts_a_synced_vote_once(ctx, cashier, producer, clock):
    cast_votes(ctx, cashier, producer.card_number, [Allocation("C003", 20)])
    with ctx.uow() as uow:  # the push acknowledged it; the next pull brings the central figure
        uow.session.execute(update(OutboxEvent).values(sent_at=uow.now))
        uow.commit()
    _pulled(ctx, "2026-11", [("C003", 20, clock.now())], clock.now())
    clock.advance(days=40)
    shown = board(ctx, "2026-11")
    assert [(line.cast_code, line.points) for line in shown.lines] == [("C003", 20)]
    assert shown.unsynced_points == 0 and shown.winner.cast_code == "C003"


def test_the_close_out_counts_votes_given_at_the_till_less_those_the_centre_refused(
        ctx, cashier, producer, clock):
    cast_votes(ctx, cashier, producer.card_number, [Allocation("C001", 40), Allocation("C002", 10)])
    cast_votes(ctx, cashier, producer.card_number, [Allocation("C001", 25)])
    votes = {c.code: c.till_votes for c in day_report(ctx).figures.cast}
    assert (votes.get("C001"), votes.get("C002")) == (65, 10)
    with ctx.uow() as uow:  # what a pull writes when the central database refused the first
        first = uow.session.scalars(select(OutboxEvent).where(OutboxEvent.type == "votes.cast")
                                    .order_by(OutboxEvent.seq)).first()
        uow.session.add(VoteRefusal(event_id=first.event_id, login_id=producer.login_id,
                                    points=50, reason="balance", refused_at=uow.now))
        uow.commit()
    votes = {c.code: c.till_votes for c in day_report(ctx).figures.cast}
    assert (votes.get("C001"), votes.get("C002")) == (25, None)

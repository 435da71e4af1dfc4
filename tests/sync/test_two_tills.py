"""Two tills (terminals 1 and 2), one central database (SQLite file and real PostgreSQL).

A card issued at till 1 works at till 2 after a sync, its points add up
across both, a card replaced at one till is refused at the other, and a vote
the central database refuses (the points were spent first at the other till)
comes back to the till that took it.
"""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.engine import make_url

from bp_till.central.postgres import TERMINAL_ROLE
from bp_till.domain.errors import CardReplaced, NotFound
from bp_till.domain.votes import Allocation
from bp_till.services import producers, ranking, votes
from bp_till.services.staff import list_staff
from bp_till.store.models import VoteRefusal
from bp_till.sync.once import run_round
from bp_till.sync.pull import PullResult
from tests.support.tills import settle_a_check
from tests.sync.ledgers import (
    assert_counted_once,
    central_balances,
    own_ledger,
    shown_balances,
    sum_of_ledgers,
)


def _staff(ctx, role: str):
    return next(member for member in list_staff(ctx) if member.role == role)


def _sync(*tills, central) -> None:
    for till in tills:
        assert run_round(till, central).pending == 0


def _same_everywhere(central, *tills) -> dict[str, tuple[int, int]]:
    """Each till shows the central balance, which is the sum of the tills' own ledgers."""
    expected = central_balances(central)
    assert expected == sum_of_ledgers(*tills)
    for till in tills:
        shown = {login: pair for login, pair in shown_balances(till).items() if any(pair)}
        assert shown == expected
    return expected


def test_a_card_from_till_1_earns_at_both_tills(ctx, till2, central):
    card = producers.issue_producer(ctx, _staff(ctx, "cashier"))
    settle_a_check(ctx, _staff(ctx, "cashier"), card.card_number)  # earns at till 1
    with pytest.raises(NotFound):  # till 2 has not heard of it yet
        producers.find_producer(till2, card.card_number)

    _sync(ctx, till2, central=central)
    seen = producers.find_producer(till2, card.card_number)
    assert seen.login_id == card.login_id and seen.spend_points == own_ledger(ctx)[card.login_id][0]
    settle_a_check(till2, _staff(till2, "cashier"), card.card_number)  # scanned at till 2

    _sync(till2, ctx, central=central)
    balances = _same_everywhere(central, ctx, till2)
    one_till = own_ledger(ctx)[card.login_id]
    assert balances[card.login_id] == (2 * one_till[0], 2 * one_till[1])  # the same check twice
    assert run_round(ctx, central).pulled == 0  # nothing new: nothing written
    assert_counted_once(central, ctx, till2)


def test_a_card_replaced_at_till_1_is_refused_at_till_2(ctx, till2, central):
    card = producers.issue_producer(ctx, _staff(ctx, "cashier"))
    settle_a_check(ctx, _staff(ctx, "cashier"), card.card_number)
    _sync(ctx, till2, central=central)
    new = producers.replace_card(ctx, _staff(ctx, "manager"), card.card_number)
    assert producers.find_producer(till2, card.card_number).login_id == card.login_id  # not yet

    _sync(ctx, till2, central=central)
    with pytest.raises(CardReplaced):
        producers.find_producer(till2, card.card_number)
    found = producers.find_producer(till2, new.card_number)
    assert (found.login_id, found.card_number) == (card.login_id, new.card_number)
    assert found.spend_points == own_ledger(ctx)[card.login_id][0]  # points stay with the account
    _same_everywhere(central, ctx, till2)
    assert_counted_once(central, ctx, till2)


def test_a_vote_refused_centrally_comes_back_at_the_till_that_took_it(ctx, till2, central):
    card = producers.issue_producer(ctx, _staff(ctx, "cashier"))
    settle_a_check(ctx, _staff(ctx, "cashier"), card.card_number)
    _sync(ctx, till2, central=central)
    points = producers.find_producer(till2, card.card_number).vote_points
    assert points > 0

    # Both tills see the same balance and both spend it; till 1 reaches the centre first.
    votes.cast_votes(ctx, _staff(ctx, "cashier"), card.card_number, [Allocation("C001", points)])
    votes.cast_votes(till2, _staff(till2, "cashier"), card.card_number,
                     [Allocation("C002", points)])
    assert producers.find_producer(till2, card.card_number).vote_points == 0
    assert ranking.board(till2).unsynced_points == points  # till 2's own vote, still queued
    _sync(ctx, till2, central=central)

    with till2.store.read() as session:
        (refusal,) = session.scalars(select(VoteRefusal)).all()
    assert (refusal.login_id, refusal.points) == (card.login_id, points)
    assert producers.find_producer(till2, card.card_number).vote_points == 0  # spent at till 1
    _sync(ctx, central=central)
    _same_everywhere(central, ctx, till2)
    board = ranking.board(till2)  # the centre's board: till 1's vote counted, till 2's not
    assert [(line.cast_code, line.points) for line in board.lines] == [("C001", points)]
    assert board.unsynced_points == 0 and board.pulled_at is not None
    assert run_round(till2, central).what_pulled == PullResult()  # the same board: nothing moved
    assert_counted_once(central, ctx, till2)


def test_a_refused_vote_gives_the_points_back_when_they_were_not_spent_elsewhere(
    ctx, till2, central
):
    """Refused for another reason (the website took part of them): the rest comes back."""
    card = producers.issue_producer(ctx, _staff(ctx, "cashier"))
    settle_a_check(ctx, _staff(ctx, "cashier"), card.card_number)
    _sync(ctx, till2, central=central)
    points = producers.find_producer(till2, card.card_number).vote_points
    votes.cast_votes(ctx, _staff(ctx, "cashier"), card.card_number, [Allocation("C001", 1)])
    votes.cast_votes(till2, _staff(till2, "cashier"), card.card_number,
                     [Allocation("C002", points)])
    _sync(ctx, till2, central=central)
    assert producers.find_producer(till2, card.card_number).vote_points == points - 1
    _sync(ctx, central=central)
    _same_everywhere(central, ctx, till2)
    assert_counted_once(central, ctx, till2)


@pytest.mark.parametrize("central", ["postgresql"], indirect=True)
def test_both_tills_sync_as_the_terminal_role(ctx, till2, central):
    """Production tills connect as the terminal role: push and pull need nothing more."""
    as_terminal = create_engine(make_url(central.url.render_as_string(hide_password=False))
                                .set(username=TERMINAL_ROLE))
    try:
        card = producers.issue_producer(ctx, _staff(ctx, "cashier"))
        settle_a_check(ctx, _staff(ctx, "cashier"), card.card_number)
        _sync(ctx, till2, central=as_terminal)
        settle_a_check(till2, _staff(till2, "cashier"), card.card_number)
        at_one = producers.find_producer(ctx, card.card_number).vote_points  # not till 2's sale
        at_two = producers.find_producer(till2, card.card_number).vote_points
        votes.cast_votes(ctx, _staff(ctx, "cashier"), card.card_number,
                         [Allocation("C001", at_one)])
        votes.cast_votes(till2, _staff(till2, "cashier"), card.card_number,
                         [Allocation("C002", at_two)])  # more than is left once till 1's lands
        _sync(ctx, till2, ctx, central=as_terminal)
        with till2.store.read() as session:
            assert len(session.scalars(select(VoteRefusal)).all()) == 1
        _same_everywhere(central, ctx, till2)
        assert_counted_once(central, ctx, till2)
    finally:
        as_terminal.dispose()

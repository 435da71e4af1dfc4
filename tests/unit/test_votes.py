"""Vote allocations and the monthly board's order, tie-break and winner."""

from datetime import datetime, timedelta

import pytest

from bp_till.domain.business_day import TOKYO, business_month, previous_month
from bp_till.domain.errors import InvalidInput
from bp_till.domain.votes import Allocation, CastScore, check_allocations, rank_cast, winner

T0 = datetime(2026, 11, 30, 22, 0, tzinfo=TOKYO)


def test_allocations_merge_per_cast_member_and_stay_within_the_balance():
    merged = check_allocations([Allocation("C001", 30), Allocation("C002", 20),
                                Allocation("C001", 10)], balance=60)
    assert merged == [Allocation("C001", 40), Allocation("C002", 20)]
    with pytest.raises(InvalidInput, match="That is 61 vote points; the producer has 60."):
        check_allocations([Allocation("C001", 61)], balance=60)


@pytest.mark.parametrize("points", [0, -5, 1.5, True, "10", None])
def test_nothing_but_whole_positive_points(points):
    with pytest.raises(InvalidInput):
        check_allocations([Allocation("C001", points)], balance=100)


def test_no_allocation_at_all_is_refused():
    with pytest.raises(InvalidInput, match="at least one cast member"):
        check_allocations([], balance=100)


def test_the_board_orders_by_points_then_who_got_there_first_then_code():
    scores = [
        CastScore("C003", 500, T0),
        CastScore("C001", 800, T0 + timedelta(minutes=5)),
        CastScore("C002", 800, T0 + timedelta(minutes=1)),  # level, but reached 800 first
        CastScore("C005", 500, T0),  # level on points and moment: the code decides
        CastScore("C004", 0, T0),  # no votes: not on the board
    ]
    board = rank_cast(scores)
    assert [(r.place, r.cast_code, r.points) for r in board] == [
        (1, "C002", 800), (2, "C001", 800), (3, "C003", 500), (4, "C005", 500)]
    assert winner(scores).cast_code == "C002"
    assert rank_cast(list(reversed(scores))) == board  # input order never matters
    assert winner([CastScore("C001", 0, T0)]) is None


def test_the_ranking_month_turns_at_five_on_the_first():
    assert business_month(datetime(2026, 12, 1, 4, 59, tzinfo=TOKYO)) == "2026-11"
    assert business_month(datetime(2026, 12, 1, 5, 0, tzinfo=TOKYO)) == "2026-12"
    assert previous_month("2026-12") == "2026-11" and previous_month("2027-01") == "2026-12"

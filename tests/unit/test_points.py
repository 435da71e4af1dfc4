import pytest
from hypothesis import given
from hypothesis import strategies as st

from bp_till.domain.errors import InvalidInput
from bp_till.domain.points import (
    DEFAULT_RANK_TABLE,
    Rank,
    RankTable,
    rank_progress,
    spend_points,
    vote_points,
)


@pytest.mark.parametrize(
    "points, rank",
    [
        (0, "Regular"), (99, "Regular"), (100, "Bronze"), (499, "Bronze"), (500, "Silver"),
        (1_499, "Silver"), (1_500, "Gold"), (4_999, "Gold"), (5_000, "Platinum"),
        (14_999, "Platinum"), (15_000, "Legend"), (10**9, "Legend"), (-5, "Regular"),
    ],
)
def test_rank_boundaries(points, rank):
    assert DEFAULT_RANK_TABLE.rank_for(points).name == rank


def test_multipliers_of_the_default_table():
    assert [(r.name, r.multiplier_label) for r in DEFAULT_RANK_TABLE.ranks] == [
        ("Regular", "×1.0"), ("Bronze", "×1.2"), ("Silver", "×1.5"),
        ("Gold", "×2.0"), ("Platinum", "×2.5"), ("Legend", "×3.0"),
    ]


def test_spend_points_floor_per_check():
    assert spend_points(3_999) == 39
    assert spend_points(99) == 0
    assert spend_points(-1_000) == 0


def test_vote_points_worked_examples():
    assert vote_points(39, 100) == 39
    assert vote_points(39, 120) == 46  # 46.8 floored
    assert vote_points(37, 150) == 55  # 55.5 floored
    assert vote_points(33, 250) == 82  # 82.5 floored


def test_progress_to_the_next_rank():
    held, upcoming, needed = rank_progress(DEFAULT_RANK_TABLE, 420)
    assert (held.name, upcoming.name, needed) == ("Bronze", "Silver", 80)
    assert rank_progress(DEFAULT_RANK_TABLE, 20_000)[1:] == (None, 0)


@pytest.mark.parametrize(
    "ranks",
    [
        [Rank("A", 10, 100)],  # no rank at 0
        [Rank("A", 0, 100), Rank("A", 5, 120)],  # duplicate name
        [Rank("A", 0, 150), Rank("B", 5, 120)],  # multiplier falls
        [Rank("A", 0, 90)],  # below ×1.0
    ],
)
def test_bad_rank_tables_refused(ranks):
    with pytest.raises(InvalidInput):
        RankTable(ranks)


@given(st.integers(min_value=-10**9, max_value=10**9))
def test_points_never_negative(total):
    assert spend_points(total) >= 0
    for rank in DEFAULT_RANK_TABLE.ranks:
        assert vote_points(spend_points(total), rank.multiplier_pct) >= 0


@given(st.integers(min_value=0, max_value=10**7))
def test_vote_points_monotone_in_rank(spend):
    votes = [vote_points(spend, r.multiplier_pct) for r in DEFAULT_RANK_TABLE.ranks]
    assert votes == sorted(votes)
    assert votes[0] == spend


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=10**6))
def test_rank_monotone_in_points(a, b):
    low, high = sorted((a, b))
    assert DEFAULT_RANK_TABLE.rank_for(low).threshold <= DEFAULT_RANK_TABLE.rank_for(high).threshold

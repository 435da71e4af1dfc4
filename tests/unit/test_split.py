"""Splitting a check by guest or by line: the parts add up to the check, to the yen."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bp_till.domain.errors import InvalidInput
from bp_till.domain.money import totals_by_rate
from bp_till.domain.split import SHARED, SplitLine, shared_amounts, split_by_line, split_check


def test_three_guests_share_the_table_charge_and_pay_their_own_drinks():
    lines = [SplitLine("table", 3 * 1_100, 10), SplitLine("nomination", 1_000, 10),
             SplitLine("a", 700, 10), SplitLine("b", 900, 10), SplitLine("c", 1_500, 10)]
    parts = split_check(lines, {"table": SHARED, "nomination": SHARED, "a": 1, "b": 2, "c": 3}, 3)
    # ¥1,000 over three: ¥334 to the first guest, ¥333 to the others.
    assert [part.total for part in parts] == [1_100 + 334 + 700, 1_100 + 333 + 900,
                                              1_100 + 333 + 1_500]
    assert sum(part.total for part in parts) == sum(line.amount for line in lines)
    assert [(s.key, s.whole) for s in parts[2].shares] == [
        ("table", False), ("nomination", False), ("c", True)]


def test_by_line_takes_as_many_parts_as_named():
    lines = [SplitLine(1, 500, 10), SplitLine(2, 800, 8)]
    first, second = split_by_line(lines, {1: 2, 2: 1})
    assert (first.total, second.total) == (800, 500)
    assert [(r.rate, r.total, r.tax) for r in first.rate_totals] == [(8, 800, 59)]


@pytest.mark.parametrize("assignment, parts, message", [
    ({1: 1, 2: 1}, 1, "2 to 50 parts"),
    ({1: 1, 2: 2}, True, "2 to 50 parts"),
    ({1: 1}, 2, "Every line"),
    ({1: 1, 2: 1, 3: 2}, 2, "Every line"),
    ({1: 1, 2: 3}, 2, "Part 3 does not exist"),
    ({1: 1, 2: "2"}, 2, "Part '2' does not exist"),
    ({1: 1, 2: 1}, 2, "Part 2 has nothing to pay"),
])
def test_a_split_that_cannot_be_is_refused(assignment, parts, message):
    lines = [SplitLine(1, 500, 10), SplitLine(2, 800, 10)]
    with pytest.raises(InvalidInput, match=message):
        split_check(lines, assignment, parts)


def test_by_line_refuses_a_shared_line():
    with pytest.raises(InvalidInput, match="every line to one part"):
        split_by_line([SplitLine(1, 500, 10), SplitLine(2, 500, 10)], {1: 1, 2: SHARED})


amounts = st.integers(min_value=1, max_value=500_000)


@given(st.lists(st.tuples(amounts, st.sampled_from([8, 10]), st.integers(0, 5)),
                min_size=1, max_size=30), st.integers(2, 6))
def test_the_parts_add_up_to_the_check_per_rate(raw, parts):
    lines = [SplitLine(n, amount, rate) for n, (amount, rate, _) in enumerate(raw)]
    # 0 means shared; others go to a part, folded into range.
    assignment = {n: SHARED if to == 0 else (to - 1) % parts + 1
                  for n, (_, _, to) in enumerate(raw)}
    try:
        split = split_check(lines, assignment, parts)
    except InvalidInput as refusal:
        assert "nothing to pay" in str(refusal)
        return
    assert sum(part.total for part in split) == sum(line.amount for line in lines)
    whole = {r.rate: r.total for r in totals_by_rate((l.tax_rate, l.amount) for l in lines)}
    by_rate: dict[int, int] = {}
    for part in split:
        assert part.total > 0
        for row in part.rate_totals:
            by_rate[row.rate] = by_rate.get(row.rate, 0) + row.total
    assert by_rate == whole


@given(amounts, st.integers(2, 50))
def test_a_shared_line_is_even_to_the_yen_with_the_remainder_first(amount, parts):
    shares = shared_amounts(amount, parts)
    assert sum(shares) == amount and len(shares) == parts
    assert len(set(shares[1:])) <= 1 and 0 <= shares[0] - shares[-1] < parts

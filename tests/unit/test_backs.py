"""Cast backs: the rates, the version in force on a day, and a cast member's backs after refunds."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bp_till.domain.backs import (
    FIXED, PERCENT, BackLine, BackRates, back_rate, cast_backs, line_back, rates_on,
)
from bp_till.domain.errors import InvalidInput

DEC_1, DEC_10 = date(2026, 12, 1), date(2026, 12, 10)


def version(number: int, effective_from: date, **rates) -> BackRates:
    return BackRates(number, effective_from, {
        code: back_rate(code, kind, value) for code, (kind, value) in rates.items()
    })


def sold(item: str, price: int, quantity: int = 1, cast: str = "C001", day: date = DEC_1):
    return BackLine(day, cast, f"name {cast}", item, f"item {item}", price, quantity)


def test_a_fixed_back_is_per_item_and_a_percentage_is_of_each_items_price_rounded_down():
    rates = [version(1, DEC_1, C01=(FIXED, 300), CD01=(PERCENT, 33))]
    assert line_back(sold("C01", 1000, 3), rates) == 900
    assert line_back(sold("CD01", 1500, 2), rates) == 2 * 495  # 33% of 1,500 = 495
    assert line_back(sold("CD01", 1001, 1), rates) == 330  # 330.33 rounds down
    assert line_back(sold("F01", 1500, 1), rates) == 0  # no rate: no back


def test_the_version_in_force_is_the_newest_saved_of_those_begun_by_the_day_of_the_sale():
    first = version(1, DEC_1, C01=(FIXED, 300))
    raise_from_10th = version(2, DEC_10, C01=(FIXED, 400))
    correction = version(3, DEC_1, C01=(FIXED, 350))  # saved later, in force from the 1st
    versions = [first, raise_from_10th, correction]
    assert rates_on(versions, date(2026, 11, 30)) is None
    assert rates_on(versions, date(2026, 12, 5)) is correction
    assert rates_on(versions, DEC_10) is correction  # newest saved wins, whatever its date
    assert rates_on([first, raise_from_10th], DEC_10) is raise_from_10th


def test_a_refund_after_a_change_of_rates_takes_back_what_the_sale_earned():
    versions = [version(1, DEC_1, C01=(FIXED, 300)), version(2, DEC_10, C01=(FIXED, 500))]
    sale = sold("C01", 1000, 2, day=DEC_1)
    given_back = sold("C01", 1000, -2, day=DEC_1)  # refunded on the 12th, sold on the 1st
    assert line_back(sale, versions) == 600 and line_back(given_back, versions) == -600


def test_each_cast_members_backs_per_item_net_of_what_was_given_back():
    rates = [version(1, DEC_1, C01=(FIXED, 300), CD01=(PERCENT, 50))]
    lines = [sold("C01", 1000, 2, "C002"), sold("CD01", 1000, 1, "C002"),
             sold("C01", 1000, 1, "C001"), sold("C01", 1000, -1, "C001"),
             sold("F01", 900, 4, "C001")]
    mika, rin = cast_backs(lines, rates)
    assert (mika.code, mika.total, mika.count) == ("C001", 0, 0)
    assert (rin.code, rin.total, rin.count) == ("C002", 1100, 3)
    assert [(i.item_code, i.count, i.back) for i in rin.items] == [("C01", 2, 600),
                                                                   ("CD01", 1, 500)]


@pytest.mark.parametrize(("kind", "value", "price", "message"), [
    (FIXED, -1, 1000, "cannot be negative"),
    (PERCENT, 101, 1000, "more than 100%"),
    (FIXED, 1500, 1000, "more than the ¥1,000 the item sells for"),
    (PERCENT, 12.5, 1000, "whole number"),
    ("bonus", 10, 1000, "yen per item or a percentage"),
])
def test_a_bad_rate_is_refused_with_what_is_wrong(kind, value, price, message):
    with pytest.raises(InvalidInput, match=message):
        back_rate("C01", kind, value, price)


@given(
    kind=st.sampled_from([FIXED, PERCENT]), value=st.integers(0, 100),
    price=st.integers(0, 100_000), quantity=st.integers(1, 50),
    refunds=st.lists(st.integers(1, 5), max_size=10),
)
def test_refunding_a_line_item_by_item_never_takes_back_more_or_less_than_it_earned(
    kind, value, price, quantity, refunds,
):
    rates = [version(1, DEC_1, C01=(kind, min(value, price) if kind == FIXED else value))]
    earned = line_back(sold("C01", price, quantity), rates)
    left, taken = quantity, 0
    for part in refunds:
        part = min(part, left)
        left -= part
        taken += line_back(sold("C01", price, -part), rates) if part else 0
    (backs,) = cast_backs([sold("C01", price, quantity), sold("C01", price, left - quantity)],
                          rates) or (None,)
    assert 0 <= earned <= price * quantity  # never more than the guest paid
    assert earned + taken == line_back(sold("C01", price, left), rates)
    if backs is not None:
        assert backs.total == earned + taken and backs.count == left

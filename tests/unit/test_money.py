import pytest
from hypothesis import given
from hypothesis import strategies as st

from bp_till.domain.errors import InvalidInput
from bp_till.domain.money import (
    Category,
    TaxRate,
    check_quantity,
    check_unit_price,
    tax_included,
    tax_rate_for,
    totals_by_rate,
    yen,
)


def test_worked_example_one_line_at_each_rate():
    # ¥1,100 at 10% holds ¥100 of tax; ¥540 at 8% holds ¥40.
    rows = totals_by_rate([(TaxRate.STANDARD, 1100), (TaxRate.REDUCED, 540)])
    assert [(r.rate, r.total, r.tax, r.net) for r in rows] == [
        (TaxRate.STANDARD, 1100, 100, 1000),
        (TaxRate.REDUCED, 540, 40, 500),
    ]


def test_tax_is_taken_once_per_rate_not_per_line():
    # Three ¥105 lines: tax per line would be floor(9.54)*3 = 27; the receipt rule
    # takes it once on ¥315: floor(28.6) = 28.
    (row,) = totals_by_rate([(TaxRate.STANDARD, 105)] * 3)
    assert (row.total, row.tax) == (315, 28)


def test_tax_rounds_down():
    assert tax_included(1000, TaxRate.STANDARD) == 90  # 90.9...
    assert tax_included(1000, TaxRate.REDUCED) == 74  # 74.07...


def test_refund_reverses_the_tax_exactly():
    assert tax_included(-1100, TaxRate.STANDARD) == -100


@pytest.mark.parametrize(
    "category, takeout, rate",
    [
        (Category.FOOD, False, TaxRate.STANDARD),
        (Category.FOOD, True, TaxRate.REDUCED),
        (Category.SOFT_DRINK, True, TaxRate.REDUCED),
        (Category.ALCOHOL, True, TaxRate.STANDARD),
        (Category.GOODS, True, TaxRate.STANDARD),
        (Category.CHEKI, False, TaxRate.STANDARD),
        (Category.TABLE_CHARGE, False, TaxRate.STANDARD),
    ],
)
def test_takeout_food_falls_to_the_reduced_rate(category, takeout, rate):
    assert tax_rate_for(category, takeout) is rate


def test_unknown_category_refused():
    with pytest.raises(InvalidInput, match="category"):
        tax_rate_for("tobacco", False)


@pytest.mark.parametrize("bad", [-1, 10_000_001, 1.5, "100", True])
def test_bad_prices_refused(bad):
    with pytest.raises(InvalidInput):
        check_unit_price(bad)


@pytest.mark.parametrize("bad", [0, -1, 1000, 2.0, None])
def test_bad_quantities_refused(bad):
    with pytest.raises(InvalidInput):
        check_quantity(bad)


def test_yen_format():
    assert yen(1100) == "¥1,100"
    assert yen(-500) == "-¥500"


lines = st.lists(
    st.tuples(st.sampled_from(list(TaxRate)), st.integers(min_value=0, max_value=10_000_000)),
    max_size=40,
)


@given(lines)
def test_totals_add_up(amounts):
    rows = totals_by_rate(amounts)
    assert sum(r.total for r in rows) == sum(a for _, a in amounts)
    assert len({r.rate for r in rows}) == len(rows)


@given(lines)
def test_tax_never_exceeds_the_inclusive_total(amounts):
    for row in totals_by_rate(amounts):
        assert 0 <= row.tax <= row.total
        # exactly the receipt rule: the largest whole yen not over total*rate/(100+rate)
        assert row.tax * (100 + row.rate) <= row.total * row.rate < (row.tax + 1) * (100 + row.rate)

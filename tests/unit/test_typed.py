"""Numbers typed at the till: full-width digits and yen signs read, letters refused."""

import pytest

from bp_till.domain.errors import InvalidInput
from bp_till.domain.typed import whole_number


@pytest.mark.parametrize("typed, money, expected", [
    ("3", False, 3), (" 12 ", False, 12), ("１０００", False, 1000),
    ("¥1,000", True, 1000), ("￥５，０００", True, 5000), ("10000", True, 10000),
])
def test_what_people_type_is_read(typed, money, expected):
    assert whole_number(typed, "Amount", money=money) == expected


@pytest.mark.parametrize("typed, money, message", [
    ("", False, "Quantity: type a number."),
    ("abc", False, "Quantity: 'abc' is not a whole number; type digits only."),
    ("2.5", False, "is not a whole number"),
    ("-1", False, "is not a whole number"),
    ("¥1,000", False, "is not a whole number"),  # commas and ¥ only in money fields
    ("٣", False, "is not a whole number"),  # Arabic-Indic three: a digit, but not ours
    ("9" * 13, True, "is not a whole number"),
    (None, False, "type a number"),
])
def test_anything_else_is_refused_with_what_was_typed(typed, money, message):
    with pytest.raises(InvalidInput, match=message.replace(".", r"\.").replace("'", "'")):
        whole_number(typed, "Quantity", money=money)


@pytest.mark.parametrize("typed, expected", [("", 0), ("+50", 50), ("-20", -20), ("−20", -20),
                                             ("－２０", -20), ("7", 7)])
def test_signed_numbers_for_adjustments(typed, expected):
    from bp_till.domain.typed import signed_number

    assert signed_number(typed, "Points") == expected


@pytest.mark.parametrize("typed", ["--5", "+", "5-", "1e3", "ten"])
def test_signed_numbers_refuse_anything_else(typed):
    from bp_till.domain.typed import signed_number

    with pytest.raises(InvalidInput):
        signed_number(typed, "Points")


@pytest.mark.parametrize("typed, pct", [("1.5", 150), ("×2", 200), ("1.25", 125), ("３", 300),
                                        ("1.0", 100), ("x1.2", 120)])
def test_multipliers_as_typed(typed, pct):
    from bp_till.domain.typed import multiplier

    assert multiplier(typed, "Multiplier") == pct


@pytest.mark.parametrize("typed", ["1.255", "1.", "", "one", "-1.5", "1,5"])
def test_multipliers_refuse_anything_else(typed):
    from bp_till.domain.typed import multiplier

    with pytest.raises(InvalidInput):
        multiplier(typed, "Multiplier")

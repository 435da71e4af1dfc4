import pytest

from bp_till.domain.errors import InvalidInput, PaymentShort
from bp_till.domain.settlement import AppliedPayment, Tender, settle


def test_cash_with_change():
    result = settle(3_900, [Tender("cash", 5_000)])
    assert result.payments == (AppliedPayment("cash", 3_900, 5_000),)
    assert result.change == 1_100


def test_split_card_and_cash():
    result = settle(7_500, [Tender("card", 3_000), Tender("cash", 5_000)])
    assert result.payments == (AppliedPayment("card", 3_000, 3_000), AppliedPayment("cash", 4_500, 5_000))
    assert result.change == 500


def test_short_payment_refused_with_the_missing_amount():
    with pytest.raises(PaymentShort, match="¥100 short"):
        settle(3_900, [Tender("cash", 3_800)])


def test_card_cannot_exceed_the_check():
    with pytest.raises(InvalidInput, match="more than the check"):
        settle(3_900, [Tender("card", 4_000)])


@pytest.mark.parametrize("amount", [0, -100, 1.5, "1000"])
def test_bad_amounts_refused(amount):
    with pytest.raises(InvalidInput):
        settle(1_000, [Tender("cash", amount)])


def test_revenue_stamp_only_for_cash_from_50000():
    assert settle(50_000, [Tender("cash", 50_000)]).needs_revenue_stamp
    assert not settle(49_999, [Tender("cash", 50_000)]).needs_revenue_stamp
    assert not settle(60_000, [Tender("card", 60_000)]).needs_revenue_stamp
    assert not settle(60_000, [Tender("card", 20_000), Tender("cash", 40_000)]).needs_revenue_stamp

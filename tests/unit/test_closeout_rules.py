"""The pure close-out rules: the drawer count, refund splits, points taken back, the figures."""

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bp_till.domain.cash import DENOMINATIONS, Drawer, check_float, count_cash, over_short_label
from bp_till.domain.closeout import business_hour_order, day_figures
from bp_till.domain.corrections import points_back, refund_split
from bp_till.domain.day_rows import DayRows, Paid, RefundRow, SaleCheck, SaleLine, VoidInfo
from bp_till.domain.errors import InvalidInput
from bp_till.domain.points import spend_points, vote_points


def test_a_count_by_denomination_and_its_total():
    count = count_cash({10_000: 3, 1_000: 4, 500: 1, 5: 2})
    assert count.total == 34_510
    assert [value for value, _ in count.pieces] == list(DENOMINATIONS)
    assert count.as_dict()["2000"] == 0


@pytest.mark.parametrize("pieces, message", [
    ({3_000: 1}, "no ¥3000 note"),
    ({1_000: -1}, "from 0"),
    ({1_000: 1.5}, "whole number"),
    ({100: 100_001}, "100,000"),
])
def test_a_bad_count_is_refused(pieces, message):
    with pytest.raises(InvalidInput, match=message):
        count_cash(pieces)


def test_the_float_is_whole_yen():
    with pytest.raises(InvalidInput, match="whole number"):
        check_float(30_000.0)
    with pytest.raises(InvalidInput, match="float"):
        check_float(-1)


def test_expected_drawer_and_over_short():
    drawer = Drawer(30_000, 120_000, -5_000, count_cash({10_000: 14, 500: 1}))
    assert drawer.expected == 145_000
    assert drawer.over_short == -4_500
    assert over_short_label(drawer.over_short) == "short ¥4,500"
    assert over_short_label(300) == "over ¥300"
    assert over_short_label(0) == "even"
    assert Drawer(0, 1, 0).over_short is None


def test_a_refund_goes_back_card_first_then_cash():
    paid = [("card", 3_000), ("cash", 4_500)]
    assert refund_split(paid, {}, 7_500) == [("card", 3_000), ("cash", 4_500)]
    assert refund_split(paid, {}, 2_000) == [("card", 2_000)]
    assert refund_split(paid, {"card": 2_000}, 3_000) == [("card", 1_000), ("cash", 2_000)]
    with pytest.raises(InvalidInput, match="¥1 more than is left"):
        refund_split(paid, {"card": 3_000, "cash": 4_000}, 501)


@given(
    paid=st.lists(st.tuples(st.sampled_from(["card", "emoney", "cash"]), st.integers(1, 50_000)),
                  min_size=1, max_size=4),
    share=st.floats(0, 1),
)
def test_a_refund_split_never_gives_back_more_than_a_method_took(paid, share):
    total = sum(amount for _, amount in paid)
    amount = int(total * share)
    split = refund_split(paid, {}, amount)
    assert sum(a for _, a in split) == amount
    for method, back in split:
        assert 0 < back <= sum(a for m, a in paid if m == method)


def test_points_back_for_a_whole_check_and_for_a_part():
    whole = points_back(7_450, 0, 7_450, 150, (1_000, 1_000))
    assert (whole.spend, whole.vote, whole.votes_already_spent) == (74, 111, 0)
    part = points_back(7_450, 0, 1_500, 150, (1_000, 1_000))  # 74 → 59 spend points
    assert (part.spend, part.vote) == (15, 111 - 88)
    rest = points_back(7_450, 1_500, 5_950, 150, (1_000, 1_000))
    assert part.spend + rest.spend == whole.spend
    assert part.vote + rest.vote == whole.vote


def test_votes_already_given_to_cast_stay_given():
    back = points_back(10_000, 0, 10_000, 100, (500, 30))
    assert (back.spend, back.vote, back.votes_already_spent) == (100, 30, 70)


@given(
    total=st.integers(0, 500_000), first=st.integers(0, 500_000),
    pct=st.sampled_from([100, 120, 150, 200, 250, 300]),
    spend_balance=st.integers(0, 10_000), vote_balance=st.integers(0, 10_000),
)
def test_points_back_never_exceed_what_is_held_or_what_was_earned(
    total, first, pct, spend_balance, vote_balance
):
    first = min(first, total)
    back = points_back(total, 0, first, pct, (spend_balance, vote_balance))
    assert 0 <= back.spend <= min(spend_points(total), spend_balance)
    assert 0 <= back.vote <= vote_balance
    assert back.vote + back.votes_already_spent <= vote_points(spend_points(total), pct)


def _at(hour: int, minute: int = 0) -> datetime:
    # 2026-11-20 in Tokyo: 19:00 is 10:00 UTC, 01:00 the next morning is 16:00 UTC
    return datetime(2026, 11, 20, (hour - 9) % 24, minute, tzinfo=UTC)


def test_figures_of_a_small_day_by_hand():
    voided = VoidInfo(_at(22), "Misaki", None, "wrong table")
    rows = DayRows(
        day=date(2026, 11, 20),
        checks=(
            SaleCheck(1, 1, "T1", 2, 3_300, _at(19), 33, 33),
            SaleCheck(2, 2, "T2", 1, 2_600, _at(1), 26, 52),
            SaleCheck(3, 3, "T3", 1, 9_999, _at(21), 99, 99, voided),
        ),
        lines=(
            SaleLine(1, "table_charge", 10, 2, 2_200), SaleLine(1, "cheki", 10, 1, 1_100, "C001", "かおり"),
            SaleLine(2, "food", 8, 1, 1_500), SaleLine(2, "cast_drink", 10, 1, 1_100, "C001", "かおり"),
        ),
        payments=(Paid(1, "cash", 3_300), Paid(2, "card", 1_000), Paid(2, "cash", 1_600)),
        refunds=(RefundRow(1, 9, date(2026, 11, 19), _at(23), -1_100, "Misaki", None, "cold",
                           -11, -11, (SaleLine(9, "cheki", 10, -1, -1_100, "C001", "かおり"),),
                           (("cash", -1_100),)),),
        cards_issued=2,
    )
    f = day_figures(rows, 30_000, count_cash({10_000: 3, 1_000: 3, 100: 8}))
    assert (f.checks, f.guests, f.gross_sales, f.refunds, f.net_sales) == (2, 3, 5_900, -1_100, 4_800)
    assert (f.average_per_check, f.average_per_guest) == (2_950, 1_966)
    # per receipt, per rate: 3,300 → 300; 1,100 → 100 and 1,500 → 111; the refund → -100
    assert [(t.rate, t.sales, t.refunds, t.net, t.tax) for t in f.tax] == [
        (10, 4_400, -1_100, 3_300, 300 + 100 - 100), (8, 1_500, 0, 1_500, 111)]
    assert [(p.method, p.net) for p in f.payments] == [("cash", 3_800), ("card", 1_000)]
    assert [(c.category, c.quantity, c.net) for c in f.categories] == [
        ("table_charge", 2, 2_200), ("food", 1, 1_500), ("cheki", 0, 0), ("cast_drink", 1, 1_100)]
    assert [(h.hour, h.checks, h.sales) for h in f.hours] == [(19, 1, 3_300), (1, 1, 2_600)]
    assert [(v.check_number, v.total, v.reason) for v in f.voids] == [(3, 9_999, "wrong table")]
    assert [(c.code, c.cheki, c.cheki_amount, c.cast_drinks) for c in f.cast] == [("C001", 0, 0, 1)]
    assert (f.points.spend_issued, f.points.vote_issued, f.points.spend_net) == (59, 85, 48)
    assert (f.drawer.expected, f.drawer.counted, f.drawer.over_short) == (33_800, 33_800, 0)
    assert f.cards_issued == 2


def test_hours_sort_as_the_night_runs():
    assert sorted([0, 23, 5, 4, 17], key=business_hour_order) == [5, 17, 23, 0, 4]


def test_long_lines_wrap_to_the_paper_counting_kanji_as_two_columns():
    from bp_till.printing.text import display_width, wrap

    reason = "お客様のご希望により 返金しました and the guest took the penlight home"
    lines = wrap(reason, 20)
    assert all(display_width(line) <= 20 for line in lines)
    assert "".join(lines).replace(" ", "") == reason.replace(" ", "")
    assert wrap("short", 20) == ["short"] and wrap("", 20) == []

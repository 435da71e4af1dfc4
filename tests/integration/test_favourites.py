"""The shift's quick keys: the week's most ordered items on settled checks, best first;
table charges, voided lines, open checks and last month's sales are left out."""

from bp_till.domain.settlement import CASH, Tender
from bp_till.services import checks
from bp_till.services.favourites import top_sellers
from bp_till.services.floor import check_detail
from bp_till.services.settle import settle_check


def _sold(ctx, cashier, lines, settle=True):
    check_id = checks.open_check(ctx, cashier, "T1", 2)
    for code, quantity in lines:
        checks.add_line(ctx, cashier, check_id, code, quantity)
    if settle:
        settle_check(ctx, cashier, check_id, [Tender(CASH, check_detail(ctx, check_id).total)])
    return check_id


def test_the_weeks_top_sellers_come_first(ctx, cashier, clock):
    assert top_sellers(ctx) == []  # a new till has no quick keys yet
    _sold(ctx, cashier, [("S02", 5)])  # a month ago: too old to count
    clock.advance(days=30)
    _sold(ctx, cashier, [("T01", 9), ("A02", 2), ("F08", 1)])
    _sold(ctx, cashier, [("F08", 2), ("S01", 1)])
    _sold(ctx, cashier, [("A01", 7)], settle=False)  # still open: not sold yet
    voided = _sold(ctx, cashier, [("S01", 1), ("S03", 4)], settle=False)
    line = check_detail(ctx, voided).lines[-1].line_id
    checks.void_line(ctx, cashier, line, "Wrong item")
    checks.add_line(ctx, cashier, voided, "A07", 1)
    settle_check(ctx, cashier, voided, [Tender(CASH, check_detail(ctx, voided).total)])
    clock.advance(hours=1)
    assert top_sellers(ctx) == ["F08", "A02", "S01", "A07"]  # A02 and S01 tie at 2: by code
    assert top_sellers(ctx, limit=2) == ["F08", "A02"]

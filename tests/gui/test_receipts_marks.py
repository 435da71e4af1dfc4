"""The day's receipts say which sales were practice and which were paid in parts, so staff
know before asking a manager why a void of them is refused."""

from bp_till.domain.settlement import Tender
from bp_till.services import checks
from bp_till.services.settle import settle_check
from bp_till.services.split_pay import plan_split, settle_part
from bp_till.services.training import set_training
from tests.gui.conftest import button, click, sign_in


def test_practice_and_split_sales_are_marked_in_the_list(qtbot, window, ctx, cashier, manager):
    whole = checks.open_check(ctx, cashier, "T1", 1)
    checks.add_line(ctx, cashier, whole, "T01")
    settle_check(ctx, cashier, whole, [Tender("cash", 1_100)])
    parted = checks.open_check(ctx, cashier, "T2", 2)
    one, two = (checks.add_line(ctx, cashier, parted, "T01") for _ in range(2))
    plan_split(ctx, cashier, parted, {one: 1, two: 2}, 2)
    for number in (1, 2):
        settle_part(ctx, cashier, parted, number, [Tender("cash", 1_100)])
    set_training(ctx, manager, True)
    practice = checks.open_check(ctx, cashier, "T3", 1)
    checks.add_line(ctx, cashier, practice, "T01")
    settle_check(ctx, cashier, practice, [Tender("cash", 1_100)])

    sign_in(qtbot, window, "Yuto")
    click(qtbot, button(window, "receiptsNav"))
    table = window.receipts.table
    shown = {table.item(row, 2).text(): table.item(row, 5).text() for row in range(table.rowCount())}
    assert shown == {"T1": "settled", "T2": "settled · paid in 2 parts",
                     "T3": "settled · 練習 TRAINING"}

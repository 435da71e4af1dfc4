"""A check paid in three parts reaches the central database: each producer credited on their share."""

from sqlalchemy import select

from bp_till.central.schema import cast_credits
from bp_till.domain.settlement import Tender
from bp_till.services import checks, producers
from bp_till.services.split_pay import plan_split, settle_part
from bp_till.sync.push import push
from tests.sync.test_push import _central_balances, _local_balances


def test_each_part_credits_its_own_producer_at_the_central(ctx, central, cashier):
    cards = [producers.issue_producer(ctx, cashier) for _ in range(3)]
    check = checks.open_check(ctx, cashier, "T4", 3)
    shared = checks.add_line(ctx, cashier, check, "T01", 3)
    own = [checks.add_line(ctx, cashier, check, "C01", n, cast_code="C001") for n in (1, 2, 3)]
    plan_split(ctx, cashier, check, {shared: None, **{line: n for n, line in enumerate(own, 1)}}, 3)
    for n, card in enumerate(cards, start=1):
        settle_part(ctx, cashier, check, n, [Tender("card", 1_100 + n * 1_000)], card.card_number)
    push(ctx, central)
    balances = _central_balances(central)
    assert balances == _local_balances(ctx)
    assert [balances[card.login_id][0] for card in cards] == [
        (1_100 + n * 1_000) // 100 for n in (1, 2, 3)]
    with central.connect() as conn:
        credited = conn.execute(select(cast_credits.c.cast_code, cast_credits.c.quantity)).all()
    assert sorted(q for code, q in credited if code == "C001") == [1, 2, 3]  # each cheki once

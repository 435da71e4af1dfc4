"""0018 (training) on a store at 0017: checks stored before are real sales, training is off."""

import sqlite3

from alembic import command

from bp_till.domain.settlement import Tender
from bp_till.services import checks
from bp_till.services.settle import settle_check
from bp_till.services.training import training_state
from bp_till.store.db import alembic_config, open_store


def test_upgrade_from_0017_makes_every_stored_check_a_real_sale(ctx, cashier):
    check = checks.open_check(ctx, cashier, "T1", 1)
    checks.add_line(ctx, cashier, check, "T01", 1)
    settle_check(ctx, cashier, check, [Tender("cash", 2_000)])
    command.downgrade(alembic_config(ctx.store.write_engine), "0017")
    ctx.store.dispose()
    open_store(ctx.store.path).dispose()  # opening the till upgrades it
    with sqlite3.connect(ctx.store.path) as conn:
        assert conn.execute("SELECT id, training FROM checks").fetchall() == [(check, 0)]
        assert conn.execute("SELECT count(*) FROM training_mode").fetchone() == (0,)
    assert not training_state(ctx).on

"""The café's rules reach the central database as the till saved them (SQLite file and
PostgreSQL): the stay rule's versions with their sets, next to the check they opened."""

import json
from datetime import date

import pytest
from sqlalchemy import select

from bp_till.central.schema import events
from bp_till.domain.stay import stay_rule
from bp_till.services import checks
from bp_till.services.stay import save_stay_rule
from bp_till.sync.push import push

NIGHT = date(2026, 11, 20)


@pytest.mark.parametrize("central", ["sqlite", "postgresql"], indirect=True)
def test_a_stay_rule_reaches_the_central_database_with_its_sets(ctx, central, manager, cashier):
    save_stay_rule(ctx, manager, NIGHT, stay_rule([("T04", 90), ("T01", 60)], "T03", 30, 10, 5))
    checks.open_check(ctx, cashier, "T1", 2, stay_set="T01")
    push(ctx, central)
    with central.connect() as conn:
        rows = conn.execute(select(events.c.type, events.c.payload)
                            .where(events.c.type == "stay.updated")).all()
    ((kind, payload),) = rows
    payload = payload if isinstance(payload, dict) else json.loads(payload)
    assert (payload["version"], payload["effective_from"], payload["sets"],
            payload["auto_extend_after"]) == (1, "2026-11-20", [["T04", 90], ["T01", 60]], 5)

"""The stage show schedule on the store: the default, a manager's version, refusals, the sync."""

import json
from datetime import time

import pytest
from sqlalchemy import select

from bp_till.domain.errors import NotAllowed
from bp_till.domain.shows import ShowSchedule
from bp_till.services.shows import current_schedule, save_schedule
from bp_till.services.staff import Approval
from bp_till.store.models import OutboxEvent
from tests.conftest import PINS

LATE = ShowSchedule(first=time(19, 0), last=time(1, 0), every_minutes=60, length_minutes=20)


def test_the_default_until_a_manager_saves_a_version(ctx, manager):
    assert current_schedule(ctx) == (0, ShowSchedule())
    assert save_schedule(ctx, manager, LATE) == 1
    assert current_schedule(ctx) == (1, LATE)
    with ctx.store.read() as session:
        (event,) = session.scalars(select(OutboxEvent).where(OutboxEvent.type == "shows.updated"))
    assert json.loads(event.payload) == {"version": 1, "first": "19:00", "last": "01:00",
                                         "every_minutes": 60, "length_minutes": 20}


def test_a_shift_lead_needs_a_managers_pin(ctx, shift_lead, manager, unchanged):
    with unchanged(), pytest.raises(NotAllowed, match="manager's PIN is needed"):
        save_schedule(ctx, shift_lead, LATE)
    assert save_schedule(ctx, shift_lead, LATE, Approval(manager.id, PINS["manager"])) == 1

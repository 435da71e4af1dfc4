"""The website's two writes at the central database, on SQLite and PostgreSQL alike:
a new password (only argon2id at the floor, only over the current one) and a vote by key."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from argon2 import PasswordHasher
from sqlalchemy import text

from bp_till.central.website import PasswordChangedMeanwhile
from bp_till.domain.credentials import hash_password
from bp_till.domain.errors import InvalidInput, NotFound
from bp_till.domain.votes import Allocation
from bp_till.portal import writes
from bp_till.portal.reads import password_hash
from tests.central.feed import FakeTill, send

LOGIN = "10000000001"
NOW = datetime(2026, 12, 6, 12, tzinfo=UTC)


def _producer(central, points: int = 100) -> str:
    till = FakeTill(1)
    send(central, till.card_issued(LOGIN, "100000000001", NOW), till.settled(LOGIN, points * 100, NOW),
         till.cast(C010="ゆき"))
    with central.connect() as conn:
        return password_hash(conn, LOGIN)


def _rows(central) -> tuple[int, int]:
    with central.connect() as conn:
        return (conn.scalar(text("SELECT count(*) FROM events")),
                conn.scalar(text("SELECT count(*) FROM credentials")))


def test_a_new_password_replaces_the_current_one(central):
    old = _producer(central)
    new = hash_password("ichigo-milk-2026")
    writes.change_password(central, LOGIN, old, new, NOW)
    with central.connect() as conn:
        assert password_hash(conn, LOGIN) == new
        event = conn.execute(text("SELECT terminal, type, login_id FROM events "
                                  "ORDER BY ingest_id DESC LIMIT 1")).one()
    assert tuple(event) == (0, "password.reset", LOGIN)  # the website's event, like a till's


@pytest.mark.parametrize("weak", [
    PasswordHasher(memory_cost=8192, time_cost=3).hash("ichigo-milk-2026"),  # below 19 MiB
    PasswordHasher(time_cost=1).hash("ichigo-milk-2026"),  # below t=2
    "$argon2i$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
    "ichigo-milk-2026",  # a plain password is never stored
])
def test_only_an_argon2id_hash_at_the_floor_is_taken(central, weak):
    old = _producer(central)
    before = _rows(central)
    with pytest.raises(InvalidInput, match="argon2id with m >= 19456 and t >= 2"):
        writes.change_password(central, LOGIN, old, weak, NOW)
    assert _rows(central) == before


def test_a_change_over_a_password_changed_meanwhile_is_refused(central):
    old = _producer(central)
    writes.change_password(central, LOGIN, old, hash_password("first-change-2026"), NOW)
    before = _rows(central)
    with pytest.raises(PasswordChangedMeanwhile):
        writes.change_password(central, LOGIN, old, hash_password("second-change-26"), NOW)
    assert _rows(central) == before
    with pytest.raises(NotFound):
        writes.change_password(central, "10000000002", old, hash_password("nobody-here-26"), NOW)


def test_a_vote_key_of_another_event_is_refused(central):
    _producer(central)
    key = str(uuid.uuid4())
    writes.give_votes(central, LOGIN, [Allocation("C010", 5)], key, NOW)
    other_event = writes.vote_ids(key, [Allocation("C010", 5)])[0]
    with central.connect() as conn:  # a card event's id, passed as a vote id
        card_event = conn.scalar(text("SELECT event_id FROM events WHERE type = 'card.issued'"))
    before = _rows(central)
    with central.begin() as conn, pytest.raises(Exception, match="belongs to something else"):
        if central.dialect.name == "postgresql":
            conn.execute(text("SELECT cast_vote(:l, 'C010', 5, :v)"), {"l": LOGIN, "v": card_event})
        else:
            from bp_till.central.votes import cast_vote
            cast_vote(conn, LOGIN, "C010", 5, NOW, card_event)
    assert _rows(central) == before and other_event != card_event

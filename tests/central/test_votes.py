"""Votes from tills and the website: one ledger, never overspent; the monthly ranking."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from bp_till.central import reads
from bp_till.central.votes import VoteRefused, cast_vote
from bp_till.domain.business_day import TOKYO, business_month
from bp_till.domain.votes import CastScore, rank_cast, winner
from tests.central.feed import FakeTill, send
from tests.central.test_reads import NIGHT

LOGIN = "10000000001"
on_postgresql = pytest.mark.parametrize("central", ["postgresql"], indirect=True)


def _producer(central, vote_points: int, till: FakeTill | None = None) -> FakeTill:
    till = till or FakeTill(1)
    send(central, till.cast(C010="Hikari", C020="Mio", C030="Rin", C040="Sora"),
         till.card_issued(LOGIN, "100000000001", NIGHT),
         till.settled(LOGIN, vote_points * 100, NIGHT))
    return till


def _website(central, cast_code: str, points: int, at: datetime = NIGHT) -> int:
    with central.begin() as conn:
        return cast_vote(conn, LOGIN, cast_code, points, at)


def _vote_balance(central) -> int:
    with central.connect() as conn:
        return conn.scalar(text("SELECT vote_points FROM producer_balances WHERE login_id = :l"),
                           {"l": LOGIN})


def test_two_tills_and_the_website_share_one_balance(central):
    one = _producer(central, 100)
    two = FakeTill(2)
    send(central, one.votes(LOGIN, NIGHT, C010=60))
    assert _website(central, "C020", 30) == 10
    late = two.votes(LOGIN, NIGHT, C030=40)  # till 2 still believed 100 were left
    send(central, late)
    with pytest.raises(VoteRefused, match="the producer has 10"):
        _website(central, "C010", 20)
    assert _website(central, "C040", 10) == 0
    assert _vote_balance(central) == 0
    with central.connect() as conn:
        assert [(r.event_id, r.points) for r in reads.refusals(conn, 2)] == [(late.event_id, 40)]
        spent = conn.scalar(text("SELECT sum(points) FROM votes"))
        website_events = conn.scalar(text(
            "SELECT count(*) FROM events e JOIN points_ledger l ON l.event_id = e.event_id "
            "WHERE e.terminal = 0 AND e.type = 'votes.cast' AND l.reason = 'vote'"))
    assert spent == 100 and website_events == 2  # each website vote has its own event


def test_the_website_cannot_vote_for_nobody_a_retired_member_or_no_points(central):
    till = _producer(central, 50)
    send(central, till.event("cast.updated", cast=[
        {"code": "C040", "stage_name": "Sora", "romaji": "sora", "active": False}]))
    for cast_code, points, message in (("C999", 5, "No cast member"),
                                       ("C040", 5, "No cast member"),  # retired
                                       ("C010", 0, "at least 1")):
        with pytest.raises(Exception, match=message):
            _website(central, cast_code, points)
    assert _vote_balance(central) == 50


@on_postgresql
def test_concurrent_votes_from_tills_and_the_website_never_overspend(central):
    """Eight website sessions and two tills spend 10 points at a time from 100, together."""
    _producer(central, 100)
    start = threading.Barrier(10)
    website_ok, website_refused, errors = [], [], []

    def website():
        start.wait()
        for _ in range(4):
            try:
                with central.begin() as conn:
                    conn.execute(text("SELECT cast_vote(:l, 'C010', 10)"), {"l": LOGIN})
                website_ok.append(10)
            except DBAPIError as exc:
                (website_refused if "vote points" in str(exc) else errors).append(exc)

    def till(terminal: int):
        source = FakeTill(terminal)
        start.wait()
        for _ in range(4):
            send(central, source.votes(LOGIN, NIGHT, C020=10))

    threads = [threading.Thread(target=website) for _ in range(8)]
    threads += [threading.Thread(target=till, args=(n,)) for n in (2, 3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with central.connect() as conn:
        spent = conn.scalar(text("SELECT sum(points) FROM votes"))
        refused = conn.scalar(text("SELECT count(*) FROM vote_refusals"))
    till_counted = 8 - refused  # two tills, four votes each
    assert spent == 100  # 40 tries of 10 points at 100: all spent, none twice
    assert _vote_balance(central) == 0
    assert (len(website_ok) + till_counted) * 10 == 100
    assert len(website_refused) == 32 - len(website_ok)  # every other try refused, loudly


@pytest.mark.parametrize("local, month", [
    (datetime(2026, 12, 1, 4, 59, 59), "2026-11"),  # still the night of 30 November
    (datetime(2026, 12, 1, 5, 0, 0), "2026-12"),
    (datetime(2027, 1, 1, 4, 59, 59), "2026-12"),
    (datetime(2027, 1, 1, 5, 0, 0), "2027-01"),
])
def test_the_month_turns_at_five_on_the_first_in_tokyo(central, local, month):
    at = local.replace(tzinfo=TOKYO)
    till = _producer(central, 100)
    send(central, till.votes(LOGIN, at.astimezone(UTC), C010=3))  # a till in UTC, same moment
    _website(central, "C020", 2, at)
    with central.connect() as conn:
        board = reads.ranking(conn, [month])
        if central.dialect.name == "postgresql":  # the SQL function's month is the same rule
            assert conn.scalar(text("SELECT business_month(:at)"), {"at": at}) == month
    assert [(r.cast_code, r.points) for r in board] == [("C010", 3), ("C020", 2)]
    assert {r.business_month for r in board} == {month} == {business_month(at)}


def test_the_board_and_rank_cast_agree_on_a_crafted_month(central):
    till = _producer(central, 1_000)
    t = datetime(2026, 11, 3, 20, 0, tzinfo=TOKYO)
    crafted = [  # (cast, points, minutes after t)
        ("C030", 50, 0), ("C010", 30, 10), ("C020", 50, 20),  # C030 and C020 tie on 50 …
        ("C010", 20, 30),  # … and C010 reaches 50 last: third
        ("C040", 5, 40), ("C099", 5, 40),  # equal points at the same moment: by cast code
    ]
    send(central, *[till.votes(LOGIN, t + timedelta(minutes=m), **{code: p})
                    for code, p, m in crafted])
    send(central, till.votes(LOGIN, datetime(2026, 12, 1, 5, 0, tzinfo=TOKYO), C040=500))
    scores: dict[str, CastScore] = {}
    for code, points, minutes in crafted:
        at = (t + timedelta(minutes=minutes)).astimezone(UTC)
        old = scores.get(code)
        scores[code] = CastScore(code, points + (old.points if old else 0),
                                 max(at, old.last_vote_at) if old else at)
    with central.connect() as conn:
        board = conn.execute(text("SELECT place, cast_code, points FROM monthly_cast_ranking "
                                  "WHERE business_month = '2026-11' ORDER BY place")).all()
        rows = reads.ranking(conn, ["2026-11"])
    expected = rank_cast(scores.values())
    assert [tuple(r) for r in board] == [(r.place, r.cast_code, r.points) for r in expected]
    assert [r.cast_code for r in expected] == ["C030", "C020", "C010", "C040", "C099"]
    assert [(r.cast_code, r.last_vote_at) for r in rows] == [
        (r.cast_code, r.last_vote_at) for r in expected]
    assert winner(scores.values()).cast_code == board[0].cast_code == "C030"

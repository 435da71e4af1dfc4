"""The pull's reads (bp_till.central.reads) on an SQLite file and a real PostgreSQL."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from bp_till.central import reads
from bp_till.central.projections import NOT_ENOUGH, UNKNOWN_PRODUCER
from bp_till.domain.business_day import TOKYO
from tests.central.feed import FakeTill, send

NIGHT = datetime(2026, 11, 20, 19, 0, tzinfo=TOKYO)


def _nothing_new(states, known) -> bool:
    """Nothing changed since the cursor: on PostgreSQL the pull may read a producer again
    (a transaction elsewhere on the server was running when the cursor was taken; see
    reads.py), but only as it already was."""
    return all(state in known for state in states)


def test_a_card_issued_at_one_till_is_pulled_with_its_points_and_cards(central):
    one, two = FakeTill(1), FakeTill(2)
    send(central, one.card_issued("10000000001", "100000000001", NIGHT),
         one.settled("10000000001", 12_345, NIGHT, multiplier_pct=150))
    with central.connect() as conn:
        states, cursor = reads.changed_producers(conn, 0)
    (state,) = states
    assert (state.login_id, state.spend_points, state.vote_points) == ("10000000001", 123, 184)
    assert state.created_at == NIGHT.astimezone(UTC)
    assert state.cards == (reads.CardState("100000000001", "live", NIGHT.astimezone(UTC)),)

    later = NIGHT + timedelta(hours=1)
    send(central, two.settled("10000000001", 5_000, later),
         two.card_replaced("10000000001", "100000000001", "100000000002", later))
    with central.connect() as conn:
        states, cursor = reads.changed_producers(conn, cursor)
        (state,) = states
        assert (state.spend_points, state.vote_points) == (173, 234)  # both tills' checks
        assert [(c.number, c.status) for c in state.cards] == [
            ("100000000001", "replaced"), ("100000000002", "live")]
        assert _nothing_new(reads.changed_producers(conn, cursor)[0], [state])


def test_events_without_a_producer_move_the_cursor_and_pull_nobody(central):
    till = FakeTill(1)
    send(central, till.card_issued("10000000001", "100000000001", NIGHT))
    with central.connect() as conn:
        known, cursor = reads.changed_producers(conn, 0)
    send(central, till.settled(None, 3_000, NIGHT), till.menu(F01=800))
    with central.connect() as conn:
        states, after = reads.changed_producers(conn, cursor)
    assert _nothing_new(states, known) and after >= cursor


def test_a_vote_the_balance_cannot_cover_is_refused_whole_and_listed_for_its_till(central):
    one, two = FakeTill(1), FakeTill(2)
    send(central, one.card_issued("10000000001", "100000000001", NIGHT),
         one.settled("10000000001", 10_000, NIGHT))  # 100 vote points
    # Both tills let the producer give 70 (each knew 100); the second arrives too late.
    send(central, one.votes("10000000001", NIGHT, C010=50, C020=20))
    late = two.votes("10000000001", NIGHT, C010=70)
    send(central, late, two.votes("10000000099", NIGHT, C010=1))
    with central.connect() as conn:
        (state,), _ = reads.changed_producers(conn, 0)
        assert state.vote_points == 30
        assert reads.refusals(conn, 1) == []
        refused = reads.refusals(conn, 2)
        assert [(r.event_id, r.login_id, r.points, r.reason) for r in refused] == [
            (late.event_id, "10000000001", 70, NOT_ENOUGH),
            (refused[1].event_id, "10000000099", 1, UNKNOWN_PRODUCER)]
        board = reads.ranking(conn, ["2026-11"])
        assert [(r.cast_code, r.points) for r in board] == [("C010", 50), ("C020", 20)]
        assert conn.scalar(text("SELECT count(*) FROM votes")) == 2  # nothing of the refused


def test_votes_in_one_batch_are_checked_in_event_order(central):
    till = FakeTill(1)
    login = "10000000001"
    sent = send(central, till.card_issued(login, "100000000001", NIGHT),
                till.votes(login, NIGHT, C010=1),  # nothing earned yet: refused
                till.settled(login, 2_000, NIGHT),  # 20 vote points
                till.votes(login, NIGHT, C010=15),
                till.votes(login, NIGHT, C020=6))  # 5 left: refused
    assert sent == 5
    with central.connect() as conn:
        assert [r.points for r in reads.refusals(conn, 1)] == [1, 6]
        (state,), _ = reads.changed_producers(conn, 0)
    assert state.vote_points == 5


def test_master_data_is_the_newest_version_of_each_code(central):
    one, two = FakeTill(1), FakeTill(2)
    send(central, one.cast(C010="Hikari", C020="Mio"), one.menu(F01=800, F02=900))
    send(central, two.cast(C010="Hikari☆"), two.menu(F02=950))
    with central.connect() as conn:
        assert reads.cast_roster(conn) == [reads.CastRow("C010", "Hikari☆", "hikari☆"),
                                           reads.CastRow("C020", "Mio", "mio")]
        assert [(m.code, m.price, m.cast_credit) for m in reads.menu(conn)] == [
            ("F01", 800, False), ("F02", 950, False)]


def test_the_website_reads_the_newest_password_hash(central):
    till = FakeTill(1)
    send(central, till.card_issued("10000000001", "100000000001", NIGHT),
         till.card_replaced("10000000001", "100000000001", "100000000002", NIGHT + timedelta(1)))
    with central.connect() as conn:
        rows = conn.execute(text("SELECT login_id, password_hash FROM current_credentials")).all()
        assert conn.scalar(text("SELECT count(*) FROM credentials")) == 2  # every hash kept
    assert [(login, h[-1]) for login, h in rows] == [("10000000001", "2")]

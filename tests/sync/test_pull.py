"""The pull at one till (SQLite file and real PostgreSQL central): balances, master data, no echo."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from bp_till.domain.business_day import TOKYO
from bp_till.services import masterdata, producers
from bp_till.services.masterdata import CastEntry, MenuEntry
from bp_till.services.staff import list_staff
from bp_till.store.models import OutboxEvent, Producer
from bp_till.sync import pull as pull_module
from bp_till.sync.once import run_round
from bp_till.sync.push import push
from tests.support.tills import settle_a_check
from tests.sync.ledgers import assert_counted_once, central_balances, own_ledger, shown_balances


def _cashier(ctx):
    return next(s for s in list_staff(ctx) if s.role == "cashier")


def _outbox_size(ctx) -> int:
    with ctx.store.read() as session:
        return session.scalar(select(func.count()).select_from(OutboxEvent))


def test_a_check_settled_while_the_pull_runs_is_not_lost(ctx, cashier, central, monkeypatch):
    card = producers.issue_producer(ctx, cashier)
    settle_a_check(ctx, cashier, card.card_number)
    real_fetch = pull_module.fetch

    def fetch_then_a_sale(*args):
        pulled = real_fetch(*args)  # the central figures, read before this sale
        settle_a_check(ctx, cashier, card.card_number)
        return pulled

    monkeypatch.setattr(pull_module, "fetch", fetch_then_a_sale)
    result = run_round(ctx, central)
    assert result.pending == 1  # the sale made during the round waits for the next
    at_centre = central_balances(central)[card.login_id]
    mine = own_ledger(ctx)[card.login_id]
    assert shown_balances(ctx)[card.login_id] == mine == (2 * at_centre[0], 2 * at_centre[1])
    monkeypatch.undo()
    assert run_round(ctx, central).pending == 0
    assert shown_balances(ctx)[card.login_id] == central_balances(central)[card.login_id]
    assert_counted_once(central, ctx)


def test_a_sale_pushed_by_another_process_while_the_pull_runs_counts_once(
    ctx, cashier, central, monkeypatch
):
    """`bp-till sync --once` beside the till's worker: the sale is pushed and marked sent
    between the pull's read and its write, so neither the central figures read nor the
    queue holds it."""
    card = producers.issue_producer(ctx, cashier)
    settle_a_check(ctx, cashier, card.card_number)
    real_fetch = pull_module.fetch

    def fetch_then_a_sale_pushed_elsewhere(*args):
        pulled = real_fetch(*args)
        settle_a_check(ctx, cashier, card.card_number)
        assert push(ctx, central).sent == 1
        return pulled

    monkeypatch.setattr(pull_module, "fetch", fetch_then_a_sale_pushed_elsewhere)
    run_round(ctx, central)
    both = own_ledger(ctx)[card.login_id]
    assert both[0] > 0 and shown_balances(ctx)[card.login_id] == both
    assert central_balances(central)[card.login_id] == both
    assert_counted_once(central, ctx)


def test_a_sale_at_the_centre_but_not_yet_marked_sent_counts_once(ctx, cashier, central):
    """The push died between the central commit and the sent mark; a pull comes first."""
    card = producers.issue_producer(ctx, cashier)
    settle_a_check(ctx, cashier, card.card_number)
    run_round(ctx, central)
    settle_a_check(ctx, cashier, card.card_number)
    assert push(ctx, central).sent == 1
    with ctx.uow() as uow:  # as if the till died before its mark
        uow.db.execute("UPDATE outbox SET sent_at = NULL WHERE seq = (SELECT max(seq) FROM outbox)")
        uow.commit()
    assert pull_module.pull(ctx, central).producers == 0  # already right: not counted twice
    both = own_ledger(ctx)[card.login_id]
    assert shown_balances(ctx)[card.login_id] == both == central_balances(central)[card.login_id]
    assert run_round(ctx, central).pending == 0  # sent again, skipped there
    assert shown_balances(ctx)[card.login_id] == both
    assert_counted_once(central, ctx)


def test_a_producer_from_another_till_has_no_password_hash_and_can_get_a_new_one(
    ctx, till2, cashier, manager, central
):
    card = producers.issue_producer(ctx, cashier)
    run_round(ctx, central)
    run_round(till2, central)
    with till2.store.read() as session:
        pulled = session.scalars(select(Producer).where(Producer.login_id == card.login_id)).one()
        assert pulled.password_hash is None  # the central database gives terminals none
    reissued = producers.reset_password(till2, manager, card.card_number)  # a forgotten password
    assert reissued.login_id == card.login_id and len(reissued.password.replace("-", "")) == 12
    assert run_round(till2, central).pending == 0
    assert_counted_once(central, ctx, till2)


def test_cast_and_menu_from_another_till_arrive_without_an_echo(ctx, till2, central):
    masterdata.save_cast(ctx, [CastEntry("C001", "ひかり", "Hikari"),
                               CastEntry("C099", "新人ちゃん", "Shinjin-chan")])
    masterdata.save_menu(ctx, [MenuEntry("S99", "soft_drink", "季節のソーダ", "Seasonal soda", 800)])
    run_round(ctx, central)
    before = _outbox_size(till2)
    result = run_round(till2, central)
    assert result.what_pulled.masterdata >= 3 and result.pulled >= 3
    assert _outbox_size(till2) == before  # nothing to send back: no echo
    cast = {c.code: c for c in masterdata.cast(till2)}
    assert (cast["C001"].stage_name, cast["C099"].romaji) == ("ひかり", "Shinjin-chan")
    soda = next(m for m in masterdata.menu(till2) if m.code == "S99")
    assert (soda.name_en, soda.price) == ("Seasonal soda", 800)
    assert run_round(till2, central).what_pulled.masterdata == 0  # already as the centre says


def test_a_menu_saved_here_and_not_yet_sent_is_not_overwritten(ctx, till2, central):
    masterdata.save_menu(ctx, [MenuEntry("S99", "soft_drink", "ソーダ", "Soda", 800)])
    run_round(ctx, central)
    masterdata.save_menu(till2, [MenuEntry("S99", "soft_drink", "ソーダ", "Soda", 900)])
    pulled = pull_module.pull(till2, central)  # a pull with till 2's change still queued
    assert pulled.masterdata == 0
    assert next(m for m in masterdata.menu(till2) if m.code == "S99").price == 900
    run_round(till2, central)  # its push carries the newer price to the centre
    run_round(ctx, central)
    assert next(m for m in masterdata.menu(ctx) if m.code == "S99").price == 900


def test_the_board_months_are_this_business_month_and_the_last(ctx, clock):
    assert pull_module.board_months(ctx.clock.now()) == ["2026-10", "2026-11"]
    clock.set(datetime(2026, 1, 1, 4, 59, tzinfo=TOKYO))  # still the last business day of 2025
    assert pull_module.board_months(ctx.clock.now()) == ["2025-11", "2025-12"]


def _known_logins(ctx) -> set[str]:
    with ctx.store.read() as session:
        return set(session.scalars(select(Producer.login_id)))


def test_a_pull_cut_short_between_chunks_reads_them_again(ctx, till2, central, monkeypatch):
    from bp_till.sync import pulled_producers

    cashier2 = _cashier(till2)
    issued = {producers.issue_producer(till2, cashier2).login_id for _ in range(7)}
    run_round(till2, central)
    monkeypatch.setattr(pulled_producers, "CHUNK", 3)  # 7 producers: chunks of 3, 3 and 1
    real_apply, calls = pulled_producers.apply, []

    def dies_in_the_second_chunk(uow, states, acknowledged):
        calls.append(len(states))
        if len(calls) == 2:
            raise KeyboardInterrupt("till killed")
        return real_apply(uow, states, acknowledged)

    monkeypatch.setattr(pulled_producers, "apply", dies_in_the_second_chunk)
    with pytest.raises(KeyboardInterrupt):
        pull_module.pull(ctx, central)
    assert len(_known_logins(ctx) & issued) == 3  # the first chunk, written whole
    monkeypatch.setattr(pulled_producers, "apply", real_apply)
    again = pull_module.pull(ctx, central)  # the cursor did not move: all seven again
    assert _known_logins(ctx) >= issued and again.producers == 4
    assert pull_module.pull(ctx, central).producers == 0


def test_the_cursor_belongs_to_one_central_database(ctx, till2, tmp_path, central):
    from bp_till.sync.once import open_central

    card = producers.issue_producer(till2, _cashier(till2))
    run_round(till2, central)
    other = open_central(f"sqlite:///{tmp_path / 'another-central.db'}")
    for _ in range(3):  # more events there than at the first: a cursor beyond its card
        producers.issue_producer(ctx, _cashier(ctx))
    run_round(ctx, other)  # the cursor now belongs to the other database
    run_round(ctx, central)  # back at the first one: starts over, so the producer arrives
    assert card.login_id in _known_logins(ctx)
    other.dispose()



"""A till's number is chosen before its first event, and cannot change once events left.

``bp-till init --terminal N`` writes it into bp-till.toml first; a till opened
with another number than its queued events carry gives them the new one only
while none has left the till or issued a card.
"""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import update

from bp_till.config import DEFAULT_FILE, ConfigError, parse_config, with_terminal_number
from bp_till.services import producers
from bp_till.services.context import Site, TillContext
from bp_till.services.terminal_number import TerminalNumberFixed, adopt_terminal_number
from bp_till.store.models import OutboxEvent
from tests.integration.test_cli import bp_till


def _terminals(ctx) -> set[int]:
    with ctx.store.read() as session:
        return set(session.scalars(OutboxEvent.__table__.select().with_only_columns(
            OutboxEvent.terminal)))


def _as(ctx, terminal: int) -> TillContext:
    return TillContext(store=ctx.store, clock=ctx.clock, site=Site(terminal=terminal))


def test_the_number_is_set_in_the_config_and_every_other_line_stays(tmp_path):
    new = with_terminal_number(DEFAULT_FILE, 7, tmp_path)
    assert parse_config(new, tmp_path, env={}).terminal == 7
    assert parse_config(new, tmp_path, env={}).shop_number == 1  # [shop] number untouched
    changed = [(a, b) for a, b in zip(DEFAULT_FILE.splitlines(), new.splitlines(), strict=True)
               if a != b]
    assert changed == [("number = 1            # unique per till in the shop: card numbers carry it",
                        "number = 7            # unique per till in the shop: card numbers carry it")]
    for text in ("[shop]\nname = \"B\"\n", "[terminal]\nlock_after_s = 60", ""):
        config = parse_config(with_terminal_number(text, 12, tmp_path), tmp_path, env={})
        assert config.terminal == 12
    with pytest.raises(ConfigError, match="by hand"):
        with_terminal_number("terminal = { number = 1 }\n", 2, tmp_path)


def test_queued_events_that_never_left_take_the_new_number(ctx, unchanged):
    assert _terminals(ctx) == {1}  # the menu and cast, written as terminal 1
    till = _as(ctx, 2)
    assert adopt_terminal_number(till) > 0
    assert _terminals(ctx) == {2}
    with unchanged():
        assert adopt_terminal_number(till) == 0  # nothing to do: nothing written


def test_a_till_that_synced_keeps_its_number(ctx, unchanged):
    with ctx.uow() as uow:
        uow.session.execute(update(OutboxEvent).values(sent_at=uow.now))
        uow.commit()
    with unchanged(), pytest.raises(TerminalNumberFixed) as refused:
        adopt_terminal_number(_as(ctx, 2))
    assert refused.value.message.startswith(
        "This till sent its events to the central database as terminal 1, so it cannot "
        "become terminal 2")
    assert "Keep [terminal] number = 1" in refused.value.message


def test_a_till_that_issued_a_card_keeps_its_number(ctx, cashier, unchanged):
    producers.issue_producer(ctx, cashier)
    with unchanged(), pytest.raises(TerminalNumberFixed, match="issued producer cards as terminal 1"):
        adopt_terminal_number(_as(ctx, 2))


def test_init_with_a_terminal_number_writes_it_before_the_first_event(tmp_path):
    data = tmp_path / "till"
    done = bp_till("init", "--terminal", "2", data_dir=data)
    assert done.returncode == 0, done.stderr
    assert "Terminal:    2" in done.stdout
    assert parse_config((data / "bp-till.toml").read_text(), data, env={}).terminal == 2

    bad = bp_till("init", "--terminal", "100", data_dir=tmp_path / "other")
    assert bad.returncode == 2 and "--terminal must be a till number from 1 to 99" in bad.stderr
    assert not (tmp_path / "other").exists()


def test_init_cannot_renumber_a_till_whose_events_left(tmp_path):
    data = tmp_path / "till"
    assert bp_till("init", data_dir=data).returncode == 0
    with sqlite3.connect(data / "till.db") as db:  # as if the till had synced its first event
        db.execute("INSERT INTO outbox VALUES ('e1', 1, 1, 'day.closed', 1, '{}', "
                   "'2026-11-20 10:00:00', '2026-11-20 10:00:01')")
    config = (data / "bp-till.toml").read_text()
    refused = bp_till("init", "--terminal", "5", data_dir=data)
    assert refused.returncode == 2
    assert "as terminal 1, so it cannot become terminal 5" in refused.stderr
    assert (data / "bp-till.toml").read_text() == config  # put back as it was

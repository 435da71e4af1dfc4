"""The card desk at the till: slips that fail, retries with fresh passwords, and refused attempts on record."""

import json
import logging

import pytest
from sqlalchemy import select, text

from bp_till.domain.credentials import verify_password
from bp_till.domain.errors import CardReplaced, InvalidInput, NotAllowed, NotFound
from bp_till.domain.identifiers import card_number, format_login_id
from bp_till.services import checks, producers
from bp_till.services.staff import Approval
from bp_till.store.models import AuditEntry, OutboxEvent, Producer
from bp_till.sync.push import push
from tests.conftest import PINS
from tests.support.tills import printouts, slip_seen, till_with
from tests.sync.conftest import central  # noqa: F401 - the SQLite and PostgreSQL central fixture


def _hash(ctx, login_id):
    with ctx.store.read() as session:
        return session.scalars(select(Producer.password_hash).where(Producer.login_id == login_id)).one()


def _events(ctx):
    with ctx.store.read() as session:
        rows = session.scalars(select(OutboxEvent).where(OutboxEvent.type.in_(
            ("card.issued", "card.replaced", "password.reset"))).order_by(OutboxEvent.seq))
        return [(e.type, json.loads(e.payload)["login_id"]) for e in rows]


def _audit(ctx, action):
    with ctx.store.read() as session:
        return session.scalars(select(AuditEntry).where(AuditEntry.action == action)).all()


def test_a_failed_slip_is_retried_with_a_fresh_password_once(ctx, cashier, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    folder = tmp_path / "not-yet"
    till = till_with(ctx, tmp_path, f"file://{folder}/slips.bin")  # the folder is missing: it fails
    failed = till.card_desk.issue(cashier)
    assert not failed.printed and failed.fault.kind == "not_found"
    first_hash = _hash(ctx, failed.login_id)

    folder.mkdir()  # the printer is back
    printed = till.card_desk.retry(cashier, failed)
    assert printed.printed and printed.card_number == failed.card_number
    with pytest.raises(InvalidInput, match="not waiting for a retry"):
        till.card_desk.retry(cashier, failed)  # one retry per failure: no PIN-less resets
    with pytest.raises(InvalidInput, match="not waiting for a retry"):
        till.card_desk.retry(cashier, printed)
    till.close()
    assert len(_audit(ctx, "card.slip_retry.refused")) == 2

    (items,) = printouts((folder / "slips.bin").read_bytes())
    password = slip_seen(items)["pw"]
    assert _hash(ctx, failed.login_id) != first_hash and verify_password(_hash(ctx, failed.login_id), password)
    assert _events(ctx) == [("card.issued", failed.login_id), ("password.reset", failed.login_id)]
    (void,) = _audit(ctx, "card.slip_failed")
    assert json.loads(void.detail) == {"card": failed.card_number, "fault": "not_found", "purpose": "issue"}
    (reset,) = _audit(ctx, "password.reset")
    assert json.loads(reset.detail) == {"reason": "slip not printed"} and reset.staff_id == cashier.id
    ctx.store.dispose()  # flush the WAL into the file we scan
    stored = b"".join(p.read_bytes() for p in ctx.store.path.parent.glob("till.db*"))
    grouped = f"{password[:4]}-{password[4:8]}-{password[8:]}"
    for form in (password, grouped):  # only on paper
        assert form.encode() not in stored and form not in caplog.text


def test_giving_up_on_a_failed_slip_voids_whatever_printed(ctx, cashier, tmp_path):
    till = till_with(ctx, tmp_path, f"file://{tmp_path}/missing/slips.bin")
    failed = till.card_desk.issue(cashier)
    before = _hash(ctx, failed.login_id)
    till.card_desk.give_up(cashier, failed)
    till.close()
    assert _hash(ctx, failed.login_id) != before  # a password nobody has seen
    assert _events(ctx)[-1] == ("password.reset", failed.login_id)
    assert json.loads(_audit(ctx, "password.reset")[0].detail) == {"reason": "slip given up"}


def test_a_replacement_slip_kills_the_old_card_here_and_centrally(ctx, cashier, manager, tmp_path, central):
    till = till_with(ctx, tmp_path, f"file://{tmp_path}/slips.bin")
    first = till.card_desk.issue(cashier)
    new = till.card_desk.replace(cashier, first.card_number, Approval(manager.id, PINS["manager"]))
    reset = till.card_desk.reset(manager, new.card_number)
    till.close()
    assert new.printed and reset.printed and new.card_number != first.card_number
    slips = printouts((tmp_path / "slips.bin").read_bytes())
    passwords = [slip_seen(items)["pw"] for items in slips]
    assert not verify_password(_hash(ctx, first.login_id), passwords[1])  # the reset replaced it
    assert verify_password(_hash(ctx, first.login_id), passwords[2])
    push(ctx, central)
    with central.connect() as conn:
        states = dict(conn.execute(text("SELECT number, status FROM card_states")).all())
    assert states == {first.card_number: "replaced", new.card_number: "live"}


def test_refused_scans_lookups_and_replacements_are_audited_and_write_nothing_else(
        ctx, cashier, manager, unchanged, tmp_path):
    till = till_with(ctx, tmp_path, f"file://{tmp_path}/slips.bin")
    old = till.card_desk.issue(cashier)
    till.card_desk.replace(manager, old.card_number)
    check = checks.open_check(ctx, cashier, "T2", 1)
    login = old.login_id
    typo = format_login_id(login[:-1] + str((int(login[-1]) + 1) % 10))
    attempts = [
        (lambda: checks.attach_producer(ctx, cashier, check, old.card_number), CardReplaced,
         "was replaced", "card.scan.refused"),
        (lambda: checks.attach_producer(ctx, cashier, check, card_number(1, 1, 999)), NotFound,
         "not known here", "card.scan.refused"),
        (lambda: checks.attach_producer(ctx, cashier, check, "0101-0000-0014"), InvalidInput,
         "typo", "card.scan.refused"),
        (lambda: till.card_desk.find(cashier, typo), InvalidInput, "typo", "producer.lookup.refused"),
        (lambda: till.card_desk.replace(cashier, login), NotAllowed, "manager's PIN is needed",
         "card.replace.refused"),
        (lambda: till.card_desk.reset(cashier, login), NotAllowed, "manager's PIN is needed",
         "password.reset.refused"),
    ]
    for attempt, error, message, action in attempts:
        with unchanged(refusals=1), pytest.raises(error, match=message):
            attempt()
        entry = _audit(ctx, action)[-1]
        assert entry.staff_id == cashier.id and message in json.loads(entry.detail)["message"]
    till.close()
    assert producers.find_producer(ctx, login).card_number != old.card_number

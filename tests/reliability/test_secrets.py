"""Plain passwords and PINs exist only on the printed slip and in memory.

A simulated night (cards issued, a replacement, a reset, sign-ins, overrides
good and bad) is pushed to the central database, with the till logging at
DEBUG and SQLAlchemy logging every statement and its parameters. Then every
password issued and every staff PIN is looked for, in the forms a person
types them, in: the store file with its WAL, the outbox payloads, the log
files, the central database (the SQLite file, or every row of PostgreSQL),
and the preview folder (no slip saved; no QR code in a saved image). The
captured passwords come from a wrapper around issue_producer that exists only
in this test.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
import zxingcpp
from argon2 import Type, extract_parameters
from PIL import Image
from sqlalchemy import inspect, text

from bp_till import simulate
from bp_till.bootstrap import Till, setup_logging
from bp_till.config import Config
from bp_till.domain.credentials import normalise_password
from bp_till.domain.errors import PinRefused
from bp_till.printing.printers import Printer
from bp_till.services import producers
from bp_till.services.staff import Approval, list_staff, sign_in
from bp_till.sync.push import push
from tests.conftest import PINS

# OWASP's floor for argon2id (Password Storage Cheat Sheet): 19 MiB of memory, 2 passes.
OWASP_MEMORY_KIB, OWASP_PASSES = 19 * 1024, 2


@pytest.fixture
def debug_log(tmp_path):
    """The till's log file at DEBUG, every SQL statement and its parameters included."""
    root = logging.getLogger()
    sql_logs = [logging.getLogger(name) for name in ("sqlalchemy.engine", "bp_till.store.sql")]
    saved = (list(root.handlers), root.level, [log.level for log in sql_logs])
    config = Config(data_dir=tmp_path, printer_url="preview")
    setup_logging(config, level=logging.DEBUG)
    for log in sql_logs:
        log.setLevel(logging.DEBUG)
    yield config
    for handler in [h for h in root.handlers if h not in saved[0]]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(saved[1])
    for log, level in zip(sql_logs, saved[2], strict=True):
        log.setLevel(level)


@pytest.fixture
def issued_passwords(monkeypatch) -> list[str]:
    """Every password handed out during the test, caught on its way to the slip."""
    caught: list[str] = []

    def wrap(service):
        def issue(*args, **kwargs):
            card = service(*args, **kwargs)
            caught.append(card.password)
            return card
        return issue

    for name in ("issue_producer", "replace_card", "reset_password"):
        monkeypatch.setattr(producers, name, wrap(getattr(producers, name)))
    return caught


def _a_night(ctx, config: Config, checks: int) -> None:
    """``checks`` simulated checks, then a replacement with a wrong and a right override,
    a password reset, and every staff member signing in."""
    if checks:
        till = Till(config, ctx, Printer("preview", preview_dir=config.preview_dir))
        assert simulate.run(till, checks, seed=11).counts["cards issued"] >= 5
    staff = {member.name: member for member in list_staff(ctx)}
    cashier, manager = staff["Yuto"], staff["Misaki"]
    some = producers.issue_producer(ctx, cashier)
    with pytest.raises(PinRefused):
        producers.replace_card(ctx, cashier, some.card_number, Approval(manager.id, "8642"))
    producers.replace_card(ctx, cashier, some.card_number, Approval(manager.id, PINS["manager"]))
    producers.reset_password(ctx, manager, some.login_id)
    for name, pin in (("Yuto", "cashier"), ("Kenta", "shift_lead"), ("Misaki", "manager"),
                      ("Haruna", "cashier2")):
        sign_in(ctx, staff[name].id, PINS[pin])


def _forms(secret: str) -> set[bytes]:
    """How a password or PIN could sit in a file: as printed, as typed, as hashed input."""
    typed = {secret, secret.replace("-", ""), normalise_password(secret), secret.lower(),
             secret.replace("-", "").lower()}
    return {form.encode(codec) for form in typed for codec in ("utf-8", "utf-16-le")}


def _central_bytes(central, tmp_path: Path) -> bytes:
    if central.dialect.name == "sqlite":
        return b"".join(p.read_bytes() for p in tmp_path.glob("central.db*"))
    with central.connect() as conn:  # PostgreSQL: every row of every table and view
        names = inspect(conn).get_table_names() + inspect(conn).get_view_names()
        rows = [conn.execute(text(f'SELECT row_to_json(t)::text FROM "{name}" t')).scalars().all()
                for name in names]
    return "\n".join(row for table in rows for row in table).encode()


def test_no_password_or_pin_anywhere_but_the_slip(
    ctx, tmp_path, central, debug_log, issued_passwords
):
    _a_night(ctx, debug_log, checks=20)
    assert len(issued_passwords) >= 7
    push(ctx, central)
    places = {"store (file, WAL, shared memory)": b"".join(
        p.read_bytes() for p in tmp_path.glob("till.db*"))}
    ctx.store.dispose()  # checkpoint the WAL into the file, and scan that too
    places["store after checkpoint"] = (tmp_path / "till.db").read_bytes()
    places["central database"] = _central_bytes(central, tmp_path)
    places["logs"] = b"".join(p.read_bytes() for p in debug_log.log_dir.iterdir())
    # The log really holds the SQL, with its values: the ORM's and the unit of work's own.
    assert b"INSERT INTO outbox" in places["logs"] and b"'card.issued'" in places["logs"]
    secrets = {password: _forms(password) for password in issued_passwords}
    secrets |= {pin: _forms(pin) for pin in PINS.values()}
    for place, content in places.items():
        found = [secret for secret, forms in secrets.items() if any(f in content for f in forms)]
        assert found == [], f"{place} holds {len(found)} plain secrets"

    prints = list(debug_log.preview_dir.glob("*.png"))
    assert prints and not [p for p in prints if "card" in p.name]  # receipts only, no slip
    for png in prints:
        assert zxingcpp.read_barcodes(Image.open(png)) == []


def test_every_stored_hash_is_argon2id_at_or_above_owasps_floor(ctx, tmp_path, central):
    _a_night(ctx, Config(data_dir=tmp_path), checks=0)
    push(ctx, central)
    with ctx.store.read_engine.connect() as conn:
        hashes = conn.execute(text("SELECT password_hash FROM producers UNION ALL "
                                   "SELECT pin_hash FROM staff")).scalars().all()
        payloads = conn.execute(text("SELECT payload FROM outbox WHERE payload LIKE "
                                     "'%password_hash%'")).scalars().all()
    hashes += [json.loads(payload)["password_hash"] for payload in payloads]
    with central.connect() as conn:
        hashes += conn.execute(text("SELECT password_hash FROM credentials")).scalars().all()
    assert len(hashes) == 4 + 1 + 3 + 3  # staff and producer; three events; central keeps all
    for phc in hashes:
        params = extract_parameters(phc)
        assert params.type is Type.ID
        assert params.memory_cost >= OWASP_MEMORY_KIB and params.time_cost >= OWASP_PASSES

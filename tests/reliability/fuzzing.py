"""The fuzzed till: a fresh store per run, every service called through one checked door.

``FuzzedTill.attempt`` runs one service call and checks its outcome: a success
wrote exactly the outbox events the action emits; a refusal is a TillError
with a short, readable message and left the store as it was (but for the
PIN bookkeeping a PIN try must leave). After every step the store keeps every
promise of tests/reliability/invariants.py, and no text a receipt prints
carries a control or direction character. The rules live in test_fuzz_services.py.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant

from bp_till.clock import FakeClock
from bp_till.domain.errors import NotAllowed, PinRefused, TillError
from bp_till.domain.text import cleaned
from bp_till.services import masterdata
from bp_till.services.context import TillContext
from bp_till.services.staff import Approval, list_staff
from bp_till.store.db import open_store
from tests.conftest import EVENING, PINS
from tests.reliability import hostile
from tests.reliability.invariants import broken

PIN_OF = {"Yuto": PINS["cashier"], "Kenta": PINS["shift_lead"], "Misaki": PINS["manager"],
          "Haruna": PINS["cashier2"]}
# A refused PIN try still counts toward the lockout and is audited: only these change.
PIN_BOOKKEEPING = {"staff", "audit_log", "last_write"}
PIN_ACTIONS = {"pin.failed", "pin.locked", "pin.refused", "override.granted", "override.refused"}
# Every text a receipt, a screen or the audit log shows, as the store keeps it.
SHOWN_TEXT = ("SELECT table_label FROM checks", "SELECT name FROM staff",
              "SELECT name_ja || name_en || code FROM menu_items",
              "SELECT stage_name || romaji || code FROM cast_members",
              "SELECT void_reason FROM check_lines WHERE void_reason IS NOT NULL",
              "SELECT void_reason FROM checks WHERE void_reason IS NOT NULL")
TRIED: Counter = Counter()
REFUSED: Counter = Counter()


class FuzzedTill(RuleBasedStateMachine):
    """A till on a fresh copy of ``template``, called only through ``attempt``."""

    template: Path  # a store with the demo menu and cast and four staff (cheap PIN hashes)

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="bp-fuzz-"))
        path = self.folder / "till.db"
        with sqlite3.connect(self.template) as source, sqlite3.connect(path) as target:
            source.backup(target)
        self.clock = FakeClock(EVENING)
        self.ctx = TillContext(store=open_store(path), clock=self.clock)
        self.raw = sqlite3.connect(path)
        self.staff = list_staff(self.ctx)
        self.pins = {member.id: PIN_OF[member.name] for member in self.staff}
        self.checks: list[int] = []
        self.lines: list[int] = []
        self.logins: list[str] = []
        self._refresh_master_data()

    def teardown(self) -> None:
        self.raw.close()
        self.ctx.store.dispose()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _refresh_master_data(self) -> None:
        self.menu = masterdata.menu(self.ctx)
        self.cast = [member.code for member in masterdata.cast(self.ctx)]

    # --- the one way every service is called ---
    def attempt(self, service: str, action, emits: tuple[str, ...] = ()):
        TRIED[service] += 1
        before = self.snapshot()
        try:
            result = action()
        except TillError as refusal:
            REFUSED[service] += 1
            message = refusal.message
            assert isinstance(message, str) and message.strip(), f"{service}: empty message"
            assert len(message) < 300 and cleaned(message) == message, (service, message)
            self._only_pin_bookkeeping(service, refusal, before, self.snapshot())
            return None
        after = self.snapshot()
        old = {row[0] for row in before["outbox"]}
        new_types = sorted(row[3] for row in after["outbox"] if row[0] not in old)
        assert new_types == sorted(emits), f"{service} wrote events {new_types}"
        return result

    def snapshot(self) -> dict[str, list[tuple]]:
        """Every row of every table (as tests/conftest.py's snapshot, without the ORM's cost)."""
        tables = [name for (name,) in self.raw.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: self.raw.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}

    @staticmethod
    def _only_pin_bookkeeping(service: str, refusal: TillError, before, after) -> None:
        """A refusal writes nothing, but for a PIN try and the refusal's own audit entry.

        A PIN try is counted and audited. So is an override granted for an action
        that is then refused (the points would go below zero): the manager's
        approval is on the log all the same. And refused card scans and privileged
        actions leave a ``*.refused`` entry (issue #4: refused with an audit entry).
        """
        changed = {table for table in before if after[table] != before[table]}
        if not changed:
            return
        audited = {row[2] for row in after["audit_log"] if row not in before["audit_log"]}
        refusals = {action for action in audited if action.endswith(".refused")}
        assert changed <= PIN_BOOKKEEPING and audited <= PIN_ACTIONS | refusals, (
            f"{service} refused ({refusal.message}) but changed {changed}: {audited}")
        assert (isinstance(refusal, (PinRefused, NotAllowed)) or "override.granted" in audited
                or refusals - PIN_ACTIONS), f"{service}: {audited} for {refusal.message}"

    def args(self, data, **choices) -> dict:
        """Draw each argument from its good or its bad strategy: all good, one bad, or all bad.

        Mostly-good calls reach the rules behind the first check; one bad argument at
        a time finds which check is missing; all bad tests the order of the checks.
        """
        spoiled = data.draw(st.sampled_from([None, *choices, "all"]), label="spoiled")
        return {name: data.draw(bad if spoiled in (name, "all") else good, label=name)
                for name, (good, bad) in choices.items()}

    def known(self, items: list, bad: st.SearchStrategy) -> st.SearchStrategy:
        return st.sampled_from(items) if items else bad

    def actor(self) -> tuple:
        """Who is signed in: anyone (the services trust the screen for that)."""
        return st.sampled_from(self.staff), st.sampled_from(self.staff)

    def manager(self) -> tuple:
        """Who asks for a manager's action: a manager, or anyone (who then needs an override)."""
        managers = [member for member in self.staff if member.role == "manager"]
        return st.sampled_from(managers), st.sampled_from(self.staff)

    def approval(self) -> tuple:
        """A manager's PIN typed for an override, or a wrong one, or garbage."""
        manager = next(member for member in self.staff if member.role == "manager")
        good = st.one_of(st.none(), st.just(Approval(manager.id, self.pins[manager.id])))
        anyone = st.sampled_from([member.id for member in self.staff])
        pins = st.one_of(st.sampled_from(sorted(self.pins.values())), st.just("1234"),
                         hostile.texts())
        return good, st.builds(Approval, st.one_of(anyone, hostile.bad_ids()), pins)

    def cards(self, status: str) -> list[str]:
        return [n for (n,) in self.raw.execute("SELECT number FROM cards WHERE status = ?",
                                               (status,))]

    def scan(self) -> tuple:
        """A live card or a login ID; or one cut short, mistyped, replaced, or not a number."""
        known = self.cards("live") + self.logins
        good = hostile.scans(known) if known else hostile.bad_scans([])
        bad = hostile.bad_scans(known)
        dead = self.cards("replaced")
        return good, st.one_of(bad, st.sampled_from(dead)) if dead else bad

    def check(self) -> tuple:
        return self.known(self.checks, hostile.bad_ids()), hostile.bad_ids()

    def reason(self) -> tuple:
        return st.sampled_from(["wrong drink", "客が帰った"]), hostile.texts()

    def _due(self, check_id) -> int:
        row = self.raw.execute(
            "SELECT sum(unit_price * quantity) FROM check_lines WHERE check_id = ? "
            "AND voided_at IS NULL", (check_id if check_id in self.checks else -1,)).fetchone()
        return row[0] or 0

    @invariant()
    def the_store_keeps_its_promises(self):
        assert broken(self.raw) == []
        for query in SHOWN_TEXT:
            for (text,) in self.raw.execute(query):
                assert cleaned(text) == text, f"{query}: {text!r}"

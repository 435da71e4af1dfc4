"""Hostile input, fuzzed: hypothesis drives every service that takes input, in any order.

Each call either succeeds with the rules intact or raises a TillError whose
message a cashier can read, and a refusal leaves the store exactly as it was
(a PIN try is the one refusal that writes: the try counts toward the lockout
and is audited). tests/reliability/fuzzing.py checks each call and the store
after each step; the rules below say what is called with what.

argon2 runs at its cheapest parameters here, so thousands of inputs fit in
a minute: what is under test is input handling, not the hash (test_secrets
checks the parameters the till really stores).
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import initialize, rule, run_state_machine_as_test

from bp_till.domain import credentials
from bp_till.domain.settlement import METHODS, Tender
from bp_till.domain.text import cleaned
from bp_till.services import checks, masterdata, producers, staff
from bp_till.services.clock import accept_clock
from bp_till.services.masterdata import CastEntry, MenuEntry
from bp_till.services.settle import settle_check
from tests.reliability import hostile
from tests.reliability.fuzzing import PIN_OF, REFUSED, TRIED, FuzzedTill

CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
SERVICES = {
    "open_check", "add_line", "void_line", "cancel_check", "attach_producer", "extend_stay",
    "settle_check", "find_producer",
    "issue_producer", "replace_card", "reset_password", "adjust_points", "add_staff", "sign_in",
    "save_menu", "save_cast", "accept_clock",
}


class TillUnderFire(FuzzedTill):
    @initialize()
    def a_busy_evening(self):
        """Two tables already rung up, one with a producer's card on it."""
        cashier = self.staff[0]
        issued = producers.issue_producer(self.ctx, cashier)
        self.logins.append(issued.login_id)
        for table in ("T1", "T2"):
            check = checks.open_check(self.ctx, cashier, table, 2)
            self.lines.append(checks.add_line(self.ctx, cashier, check, "T01", 2))
            self.checks.append(check)
        checks.attach_producer(self.ctx, cashier, check, issued.card_number)

    # --- checks ---
    @rule(data=st.data())
    def open_check(self, data):
        a = self.args(data, actor=self.actor(),
                      table=(st.sampled_from(["T1", "カウンター", " T2 "]), hostile.texts()),
                      guests=(st.integers(1, 4), hostile.numbers()),
                      takeout=(st.booleans(), st.sampled_from([None, 0, 1, "no"])))
        check = self.attempt("open_check", lambda: checks.open_check(
            self.ctx, a["actor"], a["table"], a["guests"], a["takeout"]))
        if check is not None:
            self.checks.append(check)
            stored = self.raw.execute("SELECT table_label, guests FROM checks WHERE id = ?",
                                      (check,)).fetchone()
            assert stored == (cleaned(a["table"]), a["guests"])

    @rule(data=st.data())
    def add_line(self, data):
        plain = [item.code for item in self.menu if not item.cast_credit]
        a = self.args(data, actor=self.actor(), check=self.check(),
                      code=(st.sampled_from(plain), hostile.texts()),
                      quantity=(st.integers(1, 3), hostile.numbers()),
                      cast=(st.none(), st.one_of(st.sampled_from(self.cast), hostile.texts())))
        line = self.attempt("add_line", lambda: checks.add_line(
            self.ctx, a["actor"], a["check"], a["code"], a["quantity"], a["cast"]))
        if line is not None:
            self.lines.append(line)
            price = next(item.price for item in self.menu if item.code == cleaned(a["code"]))
            assert self.raw.execute("SELECT unit_price, quantity FROM check_lines WHERE id = ?",
                                    (line,)).fetchone() == (price, a["quantity"])

    @rule(data=st.data())
    def add_cast_line(self, data):
        credited = [item.code for item in self.menu if item.cast_credit]
        a = self.args(data, actor=self.actor(), check=self.check(),
                      code=(st.sampled_from(credited), hostile.texts()),
                      cast=(st.sampled_from(self.cast), st.one_of(st.none(), hostile.texts())))
        line = self.attempt("add_line", lambda: checks.add_line(
            self.ctx, a["actor"], a["check"], a["code"], 1, a["cast"]))
        if line is not None:
            self.lines.append(line)

    @rule(data=st.data())
    def void_line(self, data):
        a = self.args(data, actor=self.actor(), reason=self.reason(),
                      line=(self.known(self.lines, hostile.bad_ids()), hostile.bad_ids()))
        self.attempt("void_line",
                     lambda: checks.void_line(self.ctx, a["actor"], a["line"], a["reason"]))

    @rule(data=st.data())
    def cancel_check(self, data):
        a = self.args(data, actor=self.actor(), check=self.check(), reason=self.reason())
        self.attempt("cancel_check",
                     lambda: checks.cancel_check(self.ctx, a["actor"], a["check"], a["reason"]))

    @rule(data=st.data())
    def attach_producer(self, data):
        a = self.args(data, actor=self.actor(), check=self.check(), scan=self.scan())
        self.attempt("attach_producer",
                     lambda: checks.attach_producer(self.ctx, a["actor"], a["check"], a["scan"]))

    @rule(data=st.data())
    def extend_stay(self, data):
        a = self.args(data, actor=self.actor(), check=self.check())
        self.attempt("extend_stay", lambda: checks.extend_stay(self.ctx, a["actor"], a["check"]))

    @rule(data=st.data())
    def settle(self, data):
        check = data.draw(self.check()[0], label="check")
        due = self._due(check)
        method = st.one_of(st.sampled_from(METHODS), hostile.texts())
        a = self.args(data, actor=self.actor(), tenders=(
            st.sampled_from(METHODS).map(lambda m: [Tender(m, due)]),
            st.lists(st.builds(Tender, method, hostile.amounts(due)), max_size=3)))
        receipt = self.attempt("settle_check",
                               lambda: settle_check(self.ctx, a["actor"], check, a["tenders"]),
                               emits=("check.settled",))
        if receipt is not None:
            assert receipt.total == due and receipt.change >= 0
            assert sum(p.amount for p in receipt.payments) == due

    # --- producers ---
    @rule(data=st.data())
    def issue_producer(self, data):
        actor = data.draw(self.actor()[0])
        issued = self.attempt("issue_producer", lambda: producers.issue_producer(self.ctx, actor),
                              emits=("card.issued",))
        self.logins.append(issued.login_id)

    @rule(data=st.data())
    def find_producer(self, data):
        scan = self.args(data, scan=self.scan())["scan"]
        view = self.attempt("find_producer", lambda: producers.find_producer(self.ctx, scan))
        if view is not None:
            assert view.login_id in self.logins and view.rank.threshold <= view.spend_points

    @rule(data=st.data())
    def replace_card(self, data):
        a = self.args(data, actor=self.manager(), scan=self.scan(), approval=self.approval())
        issued = self.attempt("replace_card", lambda: producers.replace_card(
            self.ctx, a["actor"], a["scan"], a["approval"]), emits=("card.replaced",))
        if issued is not None:  # the new card works, the scanned one (if a card) is dead
            assert issued.card_number in self.cards("live")
            assert cleaned(a["scan"]).replace("-", "") not in self.cards("live")

    @rule(data=st.data())
    def reset_password(self, data):
        a = self.args(data, actor=self.manager(), scan=self.scan(), approval=self.approval())
        self.attempt("reset_password", lambda: producers.reset_password(
            self.ctx, a["actor"], a["scan"], a["approval"]), emits=("password.reset",))

    @rule(data=st.data())
    def adjust_points(self, data):
        delta = (st.integers(0, 50), st.one_of(st.integers(-50, -1), hostile.numbers()))
        a = self.args(data, actor=self.manager(), scan=self.scan(), approval=self.approval(),
                      spend=delta, vote=delta, reason=self.reason())
        view = self.attempt("adjust_points", lambda: producers.adjust_points(
            self.ctx, a["actor"], a["scan"], spend_delta=a["spend"], vote_delta=a["vote"],
            reason=a["reason"], approval=a["approval"]), emits=("points.adjusted",))
        if view is not None:
            assert view.spend_points >= 0 and view.vote_points >= 0

    # --- staff, menu, cast ---
    @rule(data=st.data())
    def add_staff(self, data):
        a = self.args(data,
                      name=(st.sampled_from(["Aoi", "レジ あおい", " Sora "]), hostile.texts()),
                      role=(st.sampled_from(staff.ROLES), hostile.texts()),
                      pin=(st.from_regex(r"[1-9]{4,6}", fullmatch=True), hostile.texts()))
        member = self.attempt("add_staff",
                              lambda: staff.add_staff(self.ctx, a["name"], a["role"], a["pin"]))
        if member is not None:
            assert member.name == cleaned(a["name"])
            self.staff.append(member)
            self.pins[member.id] = a["pin"]

    @rule(data=st.data())
    def sign_in(self, data):
        member = data.draw(st.sampled_from(self.staff), label="member")
        a = self.args(data, staff_id=(st.just(member.id), hostile.bad_ids()),
                      pin=(st.just(self.pins[member.id]),
                           st.one_of(st.from_regex(r"[0-9]{4,6}", fullmatch=True),
                                     hostile.texts())))
        signed_in = self.attempt("sign_in",
                                 lambda: staff.sign_in(self.ctx, a["staff_id"], a["pin"]))
        if signed_in is not None:
            assert self.pins[signed_in.id] == a["pin"]

    def _save_master_data(self, data, save, good: Callable, codes: list[str], event: str) -> None:
        """A list of entries, each good (new or updating a code) or with one field spoiled."""
        entry = st.one_of(st.sampled_from(codes).map(lambda code: good(code)),
                          hostile.one_field_spoiled(good("X9")))
        entries = data.draw(st.lists(entry, max_size=3), label="entries")
        if self.attempt(save.__name__, lambda: save(self.ctx, entries), emits=(event,)):
            self._refresh_master_data()

    @rule(data=st.data())
    def save_menu(self, data):
        def good(code):
            return MenuEntry(code, "food", "オムライス", "Omurice", 1_200, False)
        codes = [item.code for item in self.menu] + ["X1", "X2"]
        self._save_master_data(data, masterdata.save_menu, good, codes, "menu.updated")

    @rule(data=st.data())
    def save_cast(self, data):
        def good(code):  # a stage name belongs to one cast member, so each code has its own
            return CastEntry(code, f"新人{code}", f"Shinjin {code}")
        codes = self.cast[:3] + ["C900", "C901"]
        self._save_master_data(data, masterdata.save_cast, good, codes, "cast.updated")

    # --- time ---
    @rule(jump=hostile.clock_jumps())
    def clock_moves(self, jump):
        moved = self.clock.now() + jump
        if 2000 <= moved.year <= 2100:  # a clock may be wrong by years, not by centuries
            self.clock.set(moved)

    @rule(data=st.data())
    def accept_clock(self, data):
        a = self.args(data, actor=self.manager(), approval=self.approval())
        self.attempt("accept_clock", lambda: accept_clock(self.ctx, a["actor"], a["approval"]))


@pytest.fixture
def cheap_template(template_store, tmp_path, monkeypatch) -> Path:
    """The session template with argon2 at its cheapest, for the PINs and every new hash."""
    monkeypatch.setattr(credentials, "_hasher", CHEAP_HASHER)
    path = tmp_path / "fuzz-template.db"
    shutil.copy(template_store, path)
    with sqlite3.connect(path) as conn:
        for name, pin in PIN_OF.items():
            conn.execute("UPDATE staff SET pin_hash = ? WHERE name = ?",
                         (credentials.hash_secret(pin), name))
    return path


@pytest.mark.slow
def test_every_service_under_hostile_input(cheap_template, figures):
    TillUnderFire.template = cheap_template
    TRIED.clear()
    REFUSED.clear()
    run_state_machine_as_test(TillUnderFire, settings=settings(
        max_examples=150, stateful_step_count=40, deadline=None, derandomize=False,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    ))
    tried, refused = sum(TRIED.values()), sum(REFUSED.values())
    print("\nCOUNTS", {k:(TRIED[k],REFUSED[k]) for k in sorted(TRIED)})
    assert set(TRIED) == SERVICES
    never_accepted = {name for name in SERVICES if TRIED[name] == REFUSED[name]}
    assert not never_accepted, "the fuzz never got past these services' checks"
    figures["fuzz: services"] = {
        "inputs tried": tried, "refused with a message": refused, "accepted": tried - refused,
        "services": len(SERVICES),
    }

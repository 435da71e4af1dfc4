"""``bp-till portal --demo``: producers with visits and votes, and one login to try.

For a demo data folder only (``make portal`` after ``bp-till init --demo``),
like ``bp-till simulate``: the visits are real sales in the till's store. On
the first run eight producers visit tonight through the till's services
(checks with cheki and cast drinks, paid in cash) and give votes at the till;
every run then gives the first of them a new password (a manager's reset, on
the audit log like any other) and prints it once, with the slip's link, then
syncs so the portal sees it all.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

from bp_till.bootstrap import Till
from bp_till.domain.settlement import Tender
from bp_till.domain.votes import Allocation
from bp_till.printing.layout import portal_link
from bp_till.services import checks, producers, votes
from bp_till.services.settle import settle_check
from bp_till.services.staff import StaffMember, list_staff
from bp_till.sync.once import sync_now

DEMO_FILE = "portal-demo.json"
PRODUCERS = 8
ORDERS = (("T01", None), ("A01", None), ("F03", None), ("C01", "cheki"), ("CD02", "drink"))


@dataclass(frozen=True)
class DemoLogin:
    login_id: str
    password: str
    link: str  # what the slip's QR opens


def _staff(till: Till, role: str) -> StaffMember:
    for member in list_staff(till.ctx):
        if member.role == role:
            return member
    raise SystemExit("The store has no demo staff: run `bp-till init --demo` first.")


def _visit(till: Till, cashier: StaffMember, card: str, favourite: str, table: int,
           rng: random.Random) -> None:
    check = checks.open_check(till.ctx, cashier, f"T{table}", 1)
    checks.attach_producer(till.ctx, cashier, check, card)
    for code, credited in ORDERS:
        quantity = rng.randint(1, 3) if credited else 1
        checks.add_line(till.ctx, cashier, check, code, quantity, favourite if credited else None)
    settle_check(till.ctx, cashier, check, [Tender("cash", 30_000)])


def _first_night(till: Till) -> list[str]:
    """Eight producers, each a visit or three and votes for a favourite or two."""
    rng = random.Random(8)
    cashier = _staff(till, "cashier")
    cast = ["C%03d" % n for n in (1, 2, 3, 5, 8, 13)]
    logins = []
    for n in range(PRODUCERS):
        issued = producers.issue_producer(till.ctx, cashier)
        favourite, second = rng.sample(cast, 2)
        for _ in range(rng.randint(1, 3)):
            _visit(till, cashier, issued.card_number, favourite, n + 1, rng)
        balance = producers.find_producer(till.ctx, issued.card_number).vote_points
        given = [Allocation(favourite, balance // 2), Allocation(second, balance // 4)]
        votes.cast_votes(till.ctx, cashier, issued.card_number, [g for g in given if g.points])
        logins.append(issued.login_id)
    return logins


def prepare_demo(till: Till) -> DemoLogin:
    """The demo producers (made once), a fresh password for the first, all synced."""
    record = till.config.data_dir / DEMO_FILE
    if record.exists():
        logins = json.loads(record.read_text(encoding="utf-8"))["logins"]
    else:
        logins = _first_night(till)
        record.write_text(json.dumps({"logins": logins}), encoding="utf-8")
    issued = producers.reset_password(till.ctx, _staff(till, "manager"), logins[0])
    sync_now(till.ctx, till.config.central_url)
    link = portal_link(till.config.portal_url, issued.login_id, issued.password)
    return DemoLogin(issued.login_id, issued.password, link)

"""``bp-till init --demo``: a café's menu, a cast of 120, staff of every role, cast backs and sets."""

from __future__ import annotations

import json
import secrets
from datetime import timedelta

from bp_till.assets import asset
from bp_till.domain.business_day import business_day
from bp_till.domain.errors import InvalidInput
from bp_till.domain.stay import StayPolicy, stay_rule
from bp_till.services.backs import current_rates, save_back_rates
from bp_till.services.context import TillContext
from bp_till.services.masterdata import CastEntry, MenuEntry, cast, menu, save_cast, save_menu
from bp_till.services.staff import add_staff, list_staff
from bp_till.services.stay import newest_rule, save_stay_rule

DEMO_STAFF = (
    ("店長 みさき Misaki", "manager"),
    ("リーダー けんた Kenta", "shift_lead"),
    ("レジ ゆうと Yuto", "cashier"),
    ("レジ はるな Haruna", "cashier"),
)


def _load(name: str) -> list[dict]:
    return json.loads(asset("resources", "demo", name).read_text(encoding="utf-8"))


def demo_menu() -> list[MenuEntry]:
    return [MenuEntry(**item) for item in _load("menu.json")]


def demo_cast() -> list[CastEntry]:
    return [
        CastEntry(f"C{n:03d}", member["stage_name"], member["romaji"])
        for n, member in enumerate(_load("cast.json"), start=1)
    ]


def demo_backs() -> list[tuple[str, str, int]]:
    rates = json.loads(asset("resources", "demo", "backs.json").read_text(encoding="utf-8"))
    rates.pop("_comment", None)
    return [(code, kind, value) for code, (kind, value) in rates.items()]


DEMO_RULES_SINCE = timedelta(days=90)  # before the weeks `simulate` rings up on a new store


def demo_stay(on_menu: set[str]) -> StayPolicy:
    saved = json.loads(asset("resources", "demo", "stay.json").read_text(encoding="utf-8"))
    return stay_rule([(code, m) for code, m in saved["sets"] if code in on_menu],
                     saved["extension_item"], saved["extension_minutes"], saved["warn_minutes"],
                     saved["auto_extend_after"])


def _load_rules(ctx: TillContext) -> None:
    """The demo café's backs and stay rule, in force since before the simulated nights; once."""
    manager = next((m for m in list_staff(ctx) if m.role == "manager"), None)
    if manager is None:
        return
    since = business_day(ctx.clock.now()) - DEMO_RULES_SINCE
    on_menu = {item.code for item in menu(ctx)}  # an older demo store may lack newer items
    saves = []
    if current_rates(ctx) is None:
        saves.append(lambda: save_back_rates(
            ctx, manager, since, [r for r in demo_backs() if r[0] in on_menu]))
    if newest_rule(ctx).version == 0:
        saves.append(lambda: save_stay_rule(ctx, manager, since, demo_stay(on_menu)))
    for save in saves:
        try:
            save()
        except InvalidInput:  # a store with closed nights since then keeps what it has
            continue


def random_pin() -> str:
    return f"{secrets.randbelow(10**4):04d}"


def load_demo(ctx: TillContext) -> list[tuple[str, str, str]]:
    """Load the demo menu and cast into an empty store; add the demo staff once.

    Safe to run again (``make run`` does): a store that has a menu keeps it.
    Returns the staff added now, with their PINs, for printing once.
    """
    if not menu(ctx):
        save_menu(ctx, demo_menu())
    if not cast(ctx):
        save_cast(ctx, demo_cast())
    known = {member.name for member in list_staff(ctx)}
    created = []
    for name, role in DEMO_STAFF:
        if name not in known:
            pin = random_pin()
            add_staff(ctx, name, role, pin)
            created.append((name, role, pin))
    _load_rules(ctx)
    return created

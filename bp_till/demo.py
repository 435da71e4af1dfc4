"""``bp-till init --demo``: a café's menu, a cast of 120 and staff of every role."""

from __future__ import annotations

import json
import secrets

from bp_till.assets import asset
from bp_till.services.context import TillContext
from bp_till.services.masterdata import CastEntry, MenuEntry, cast, menu, save_cast, save_menu
from bp_till.services.staff import add_staff, list_staff

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
    return created

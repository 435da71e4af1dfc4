"""The quick keys of a shift: the items this till sold most over the last week.

Worked out from the store when a cashier signs in (the start of a shift), so
the keys do not move under a finger mid-shift. Table charges are left out:
a table's set rings them up by itself.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from bp_till.domain.money import Category
from bp_till.services.context import TillContext
from bp_till.store.models import Check, CheckLine, MenuItem

QUICK_KEYS = 8  # one row of the check screen
LOOK_BACK = timedelta(days=7)


def top_sellers(ctx: TillContext, limit: int = QUICK_KEYS) -> list[str]:
    """Menu codes of the items most ordered on the last week's settled checks, best first."""
    since = ctx.clock.now() - LOOK_BACK
    ordered = func.sum(CheckLine.quantity)
    query = (
        select(MenuItem.code)
        .join(CheckLine, CheckLine.menu_item_id == MenuItem.id)
        .join(Check, Check.id == CheckLine.check_id)
        .where(Check.status == "settled", Check.closed_at >= since,
               CheckLine.voided_at.is_(None), MenuItem.active,
               MenuItem.category != Category.TABLE_CHARGE)
        .group_by(MenuItem.code)
        .order_by(ordered.desc(), MenuItem.code)
        .limit(limit)
    )
    with ctx.store.read() as session:
        return list(session.scalars(query))

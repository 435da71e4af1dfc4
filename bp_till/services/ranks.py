"""The rank table in force, and a manager's new version of it."""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import func, select

from bp_till.domain.points import DEFAULT_RANK_TABLE, Rank, RankTable
from bp_till.domain.money import require_whole
from bp_till.services.context import TillContext
from bp_till.services.staff import Approval, StaffMember, authorize
from bp_till.store.models import RankTableVersion


def _table(raw: str) -> RankTable:
    return RankTable(Rank(r["name"], r["threshold"], r["multiplier_pct"]) for r in json.loads(raw))


def current_rank_table(ctx: TillContext) -> tuple[int, RankTable]:
    """The newest saved version, or the café's defaults (version 0) on a new till."""
    with ctx.store.read() as session:
        newest = session.scalars(
            select(RankTableVersion).order_by(RankTableVersion.version.desc()).limit(1)
        ).first()
        return (newest.version, _table(newest.ranks)) if newest else (0, DEFAULT_RANK_TABLE)


def save_rank_table(
    ctx: TillContext, actor: StaffMember, ranks: Iterable[Rank], approval: Approval | None = None
) -> int:
    """A new version of the rank table, in force from now on; checks keep their multiplier."""
    ranks = list(ranks)
    for rank in ranks:
        require_whole(rank.threshold, "A rank's points")
        require_whole(rank.multiplier_pct, "A multiplier")
    table = RankTable(ranks)  # validates order, names, thresholds and multipliers
    approver = authorize(ctx, actor, "manager", approval, "change the rank table")
    rows = [{"name": r.name, "threshold": r.threshold, "multiplier_pct": r.multiplier_pct}
            for r in table.ranks]
    with ctx.uow() as uow:
        version = (uow.session.scalar(select(func.max(RankTableVersion.version))) or 0) + 1
        uow.session.add(RankTableVersion(version=version, ranks=json.dumps(rows),
                                         created_at=uow.now, created_by=actor.id))
        uow.emit("ranks.updated", {"version": version, "ranks": rows})
        uow.audit("ranks.updated", actor.id, approver_id=approver.id if approver else None,
                  version=version)
        uow.commit()
    ctx.ranks = table
    return version

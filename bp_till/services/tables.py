"""Moving a check to another table, and merging two tables' checks into one.

Nothing here reaches the central database: a check is known there only once
it settles (``check.settled`` carries its table as it stands then), and a
merged check never settles. Both actions are on the audit trail.
"""

from __future__ import annotations

from sqlalchemy import select

from bp_till.domain.errors import InvalidInput
from bp_till.services.checks import MAX_GUESTS, _open_check
from bp_till.services.context import TillContext
from bp_till.services.inputs import cleaned
from bp_till.services.staff import StaffMember
from bp_till.store.models import Check
from bp_till.store.uow import UnitOfWork

_CARD_FIELDS = ("producer_id", "card_number", "rank_name", "multiplier_pct")


def _seated_at(uow: UnitOfWork, table: str) -> Check | None:
    """The open check at a table, if any (the floor shows one check a table)."""
    return uow.session.scalars(
        select(Check).where(Check.status == "open", Check.table_label == table)).first()


def move_check(ctx: TillContext, actor: StaffMember, check_id: int, table: str) -> None:
    """Seat a check's party at another table, which must be free."""
    table = cleaned(table)
    if not table or len(table) > 16:
        raise InvalidInput("A table name is 1 to 16 characters.")
    with ctx.uow() as uow:
        check = _open_check(uow, check_id)
        if check.table_label == table:
            raise InvalidInput(f"Check #{check.number} is already at {table}.")
        seated = _seated_at(uow, table)
        if seated is not None:
            raise InvalidInput(f"{table} is taken by check #{seated.number}; "
                               "merge the two checks instead.")
        moved_from, check.table_label = check.table_label, table
        uow.audit("check.moved", actor.id, subject=f"check:{check.number}",
                  moved_from=moved_from, moved_to=table)
        uow.commit()


def merge_checks(ctx: TillContext, actor: StaffMember, source_id: int, target_id: int) -> int:
    """Move every line of one open check onto another's and close the emptied one as merged.

    The guests join the target's party; the target keeps its table and stay,
    and its card, or takes the merged check's when it has none (a second
    producer's card is attached again at payment). Returns the lines moved.
    """
    if source_id == target_id:
        raise InvalidInput("A check cannot be merged into itself; choose another table's check.")
    with ctx.uow() as uow:
        source, target = _open_check(uow, source_id), _open_check(uow, target_id)
        _refuse_mismatch(source, target)
        lines = list(source.lines)
        for line in lines:  # the same rows, ids and void marks kept: history moves, unedited
            line.check_id = target.id
        target.guests += source.guests
        carried = target.producer_id is None and source.producer_id is not None
        if carried:  # the only card on the two checks stays with the table
            for field in _CARD_FIELDS:
                setattr(target, field, getattr(source, field))
        source.status, source.merged_into = "voided", target.id
        source.void_reason = f"Merged into check #{target.number}"
        source.closed_at, source.closed_by = uow.now, actor.id
        uow.audit("check.merged", actor.id, subject=f"check:{target.number}",
                  merged=source.number, merged_table=source.table_label, lines=len(lines),
                  guests=source.guests,
                  card_left=None if carried else source.card_number)
        uow.session.expire(source, ["lines"])
        uow.commit()
        return len(lines)


def _refuse_mismatch(source: Check, target: Check) -> None:
    if source.training != target.training:
        raise InvalidInput(f"Checks #{source.number} and #{target.number} are not both training "
                           "checks: a practice check cannot be merged with a real sale.")
    if source.takeout != target.takeout:
        raise InvalidInput(f"Checks #{source.number} and #{target.number} are not both take-out "
                           "or both eat-in: their tax rates differ, so they cannot be merged.")
    if source.guests + target.guests > MAX_GUESTS:
        raise InvalidInput(f"Merged, the table would seat more than {MAX_GUESTS} guests.")


def floor_tables(count: int) -> list[str]:
    """The floor's tables as the floor screen names them: T1 … Tn."""
    return [f"T{n}" for n in range(1, count + 1)]


def free_tables(ctx: TillContext, labels: list[str]) -> list[str]:
    """The floor's tables no open check is seated at, in the floor's order."""
    with ctx.store.read() as session:
        taken = set(session.scalars(select(Check.table_label).where(Check.status == "open")))
    return [label for label in labels if label not in taken]


def merge_candidates(ctx: TillContext, check_id: int) -> list[tuple[int, int, str]]:
    """The other open checks a check can merge into: (id, number, table), by table."""
    with ctx.store.read() as session:
        rows = session.execute(
            select(Check.id, Check.number, Check.table_label)
            .where(Check.status == "open", Check.id != check_id)
            .order_by(Check.table_label))
        return [tuple(row) for row in rows]

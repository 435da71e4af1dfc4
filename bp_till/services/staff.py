"""Staff: sign-in with a PIN, lockout, and the override a higher role gives.

Five wrong PINs lock a PIN for five minutes. A wrong PIN is remembered even
though the action it was for is refused, so the PIN check is its own
transaction, committed before the refusal is raised. Every override attempt,
granted or refused, is on the audit log with who asked, whose PIN, and what for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from bp_till.domain.credentials import check_pin, hash_secret, verify_secret
from bp_till.domain.errors import InvalidInput, NotAllowed, NotFound, OverrideRefused, PinRefused
from bp_till.services.context import TillContext
from bp_till.services.inputs import cleaned, row_id
from bp_till.store.models import Staff
from bp_till.store.uow import UnitOfWork

ROLES = ("cashier", "shift_lead", "manager")
ROLE_NAMES = {"cashier": "cashier", "shift_lead": "shift lead", "manager": "manager"}
MAX_PIN_FAILURES = 5
LOCKOUT = timedelta(minutes=5)


@dataclass(frozen=True)
class StaffMember:
    id: int
    name: str
    role: str

    def can(self, role: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)


@dataclass(frozen=True)
class Approval:
    """A higher role's PIN, typed there and then for an action (an override)."""

    staff_id: int
    pin: str


def _member(staff: Staff) -> StaffMember:
    return StaffMember(staff.id, staff.name, staff.role)


@dataclass(frozen=True)
class _Override:
    """Who asked for a higher role's PIN, the role needed and what for."""

    actor: StaffMember
    needed: str
    what: str


def add_staff(ctx: TillContext, name: str, role: str, pin: str) -> StaffMember:
    name = cleaned(name)
    if not name or len(name) > 80:
        raise InvalidInput("A staff member needs a name of 1 to 80 characters.")
    if not isinstance(role, str) or role not in ROLES:
        raise InvalidInput(f"A role is one of {', '.join(ROLES)}.")
    pin_hash = hash_secret(check_pin(pin))
    with ctx.uow() as uow:
        if uow.session.scalars(select(Staff).where(Staff.name == name)).first():
            raise InvalidInput(f"There is already a staff member named {name}.")
        staff = Staff(name=name, role=role, pin_hash=pin_hash, created_at=uow.now)
        uow.session.add(staff)
        uow.session.flush()
        uow.audit("staff.added", None, subject=f"staff:{staff.id}", role=role)
        uow.commit()
        return _member(staff)


def list_staff(ctx: TillContext) -> list[StaffMember]:
    with ctx.store.read() as session:
        rows = session.scalars(select(Staff).where(Staff.active).order_by(Staff.name))
        return [_member(s) for s in rows]


def _load(uow: UnitOfWork, staff_id: int) -> Staff:
    staff = uow.session.get(Staff, staff_id)
    if staff is None or not staff.active:
        raise NotFound("No such staff member.")
    return staff


def _check_pin(
    ctx: TillContext, staff_id: int, pin: str, purpose: str, override: _Override | None = None
) -> StaffMember:
    """Verify a PIN in its own transaction, counting failures toward the lockout.

    A PIN that is not 4 to 6 digits cannot be anyone's: it is refused before
    the transaction, so it neither costs a try nor writes anything.
    """
    staff_id = row_id(staff_id, "That staff member")
    check_pin(pin)
    with ctx.uow() as uow:
        staff = _load(uow, staff_id)
        if staff.locked_until and staff.locked_until > uow.now:
            minutes = max(1, int((staff.locked_until - uow.now).total_seconds() + 59) // 60)
            uow.audit("pin.refused", staff.id, purpose=purpose, why="locked")
            _audit_override(uow, override, staff, "PIN locked")
            uow.commit()
            raise PinRefused(f"{staff.name}'s PIN is locked; try again in {minutes} min.")
        if verify_secret(staff.pin_hash, pin):
            staff.failed_pin_attempts = 0
            staff.locked_until = None
            return _pin_accepted(uow, staff, purpose, override)
        staff.failed_pin_attempts += 1
        left = MAX_PIN_FAILURES - staff.failed_pin_attempts
        if left <= 0:
            staff.failed_pin_attempts = 0
            staff.locked_until = uow.now + LOCKOUT
            uow.audit("pin.locked", staff.id, purpose=purpose)
            message = f"Wrong PIN. {staff.name}'s PIN is now locked for 5 minutes."
        else:
            uow.audit("pin.failed", staff.id, purpose=purpose)
            message = f"Wrong PIN ({left} tries left)."
        _audit_override(uow, override, staff, "wrong PIN")
        uow.commit()
    raise PinRefused(message)


def _pin_accepted(
    uow: UnitOfWork, staff: Staff, purpose: str, override: _Override | None
) -> StaffMember:
    member = _member(staff)
    if override is None:
        uow.audit(purpose, staff.id)
    elif not member.can(override.needed):
        _audit_override(uow, override, staff, f"not a {ROLE_NAMES[override.needed]}")
        uow.commit()
        raise OverrideRefused(
            f"{member.name} is not a {ROLE_NAMES[override.needed]}; they cannot {override.what}."
        )
    else:
        _audit_override(uow, override, staff, None)
    uow.commit()
    return member


def _audit_override(
    uow: UnitOfWork, override: _Override | None, approver: Staff, refused: str | None
) -> None:
    """One row per override attempt: the asker, whose PIN was typed, what for, and why not."""
    if override is None:
        return
    uow.audit(
        "override.refused" if refused else "override.granted",
        override.actor.id,
        approver_id=approver.id,
        what=override.what,
        **({"why": refused} if refused else {}),
    )


def sign_in(ctx: TillContext, staff_id: int, pin: str) -> StaffMember:
    return _check_pin(ctx, staff_id, pin, "staff.signed_in")


def authorize(
    ctx: TillContext, actor: StaffMember, needed: str, approval: Approval | None, what: str
) -> StaffMember | None:
    """Allow ``what`` for the actor, or for the approver whose PIN was just typed.

    Returns the approver (None when the actor's own role suffices), so the
    action can record both in its audit entry.
    """
    if actor.can(needed):
        return None
    if approval is None:
        raise NotAllowed(f"A {ROLE_NAMES[needed]}'s PIN is needed to {what}.")
    return _check_pin(
        ctx, approval.staff_id, approval.pin, "override.pin", _Override(actor, needed, what)
    )

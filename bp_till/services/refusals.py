"""Refused attempts on the audit trail: who tried what, and why it was refused.

A refused action writes nothing else (its own transaction rolled back); the
audit entry is written afterwards in a transaction of its own, so a manager
sees scans of dead cards, mistyped IDs and privileged actions tried without
a PIN. A wrong PIN, or an approver of too low a role, is not recorded here:
the PIN check audits those already.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from bp_till.domain.errors import OverrideRefused, PinRefused, TillError
from bp_till.services.context import TillContext
from bp_till.services.staff import StaffMember

P = ParamSpec("P")
R = TypeVar("R")


def record_refusal(ctx: TillContext, actor: StaffMember, action: str, refusal: TillError,
                   subject: str | None = None) -> None:
    with ctx.uow() as uow:
        uow.audit(f"{action}.refused", actor.id, subject=subject,
                  refusal=type(refusal).__name__, message=refusal.message)
        uow.commit()


def audits_refusals(action: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Wrap a service ``(ctx, actor, …)`` so each refusal it raises is audited as ``action``."""

    def wrap(service: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(service)
        def audited(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return service(*args, **kwargs)
            except (PinRefused, OverrideRefused):
                raise  # the PIN check has put these on the log already
            except TillError as refusal:
                named = inspect.signature(service).bind_partial(*args, **kwargs).arguments
                record_refusal(named["ctx"], named["actor"], action, refusal)
                raise

        return audited

    return wrap

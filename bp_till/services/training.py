"""Training: a manager puts this till in training, so new staff practise on real screens.

While it is on, every check opened is a training check: its receipt is marked
練習 / TRAINING, settling it credits no points and queues no event for the
central database, and the close-out leaves it out of the figures (it counts
them on a line of their own). What would touch a real producer's account is
refused in training: a card issued, replaced or reset (a printed card and
password are real), votes spent, points adjusted. The switch is the one row
of ``training_mode``; turning it on or off is on the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from bp_till.domain.errors import InvalidInput, NotAllowed
from bp_till.services.context import TillContext
from bp_till.services.staff import Approval, StaffMember, authorize
from bp_till.store.models import Check, Staff, TrainingMode
from bp_till.store.uow import UnitOfWork

_ON = "SELECT 1 FROM training_mode"


@dataclass(frozen=True)
class Training:
    """The switch as Settings shows it: on since when, by whom (None when off)."""

    started_at: datetime | None = None
    started_by: str | None = None

    @property
    def on(self) -> bool:
        return self.started_at is not None


def training_state(ctx: TillContext) -> Training:
    with ctx.store.read() as session:
        row = session.execute(select(TrainingMode.started_at, Staff.name)
                              .join(Staff, Staff.id == TrainingMode.started_by)).first()
        return Training(*row) if row else Training()


def in_training(uow: UnitOfWork) -> bool:
    """Whether the till is in training, read inside the action's own transaction."""
    return uow.db.execute(_ON).fetchone() is not None


def refuse_in_training(uow: UnitOfWork, what: str) -> None:
    """Cards and passwords are real even in training: those actions wait until it is off."""
    if in_training(uow):
        raise NotAllowed(f"The till is in training: it cannot {what}. A manager turns "
                         "training off in Settings first.")


def set_training(ctx: TillContext, actor: StaffMember, on: bool,
                 approval: Approval | None = None) -> Training:
    """Turn training on or off for this till (a manager's action, audited)."""
    if not isinstance(on, bool):
        raise InvalidInput("Training is on or off.")
    approver = authorize(ctx, actor, "manager", approval,
                         "turn training on" if on else "turn training off")
    with ctx.uow() as uow:
        mode = uow.session.get(TrainingMode, 1)
        if on == (mode is not None):
            raise InvalidInput(f"Training is already {'on' if on else 'off'}.")
        if on:
            uow.session.add(TrainingMode(id=1, started_at=uow.now, started_by=actor.id))
        else:
            _refuse_open_training_checks(uow)
            uow.session.delete(mode)
        uow.audit("training.on" if on else "training.off", actor.id,
                  approver_id=approver.id if approver else None)
        uow.commit()
    return training_state(ctx)


def _refuse_open_training_checks(uow: UnitOfWork) -> None:
    """Practice checks are finished in training, so none is left on the floor among real ones."""
    rows = uow.session.execute(
        select(Check.number, Check.table_label)
        .where(Check.status == "open", Check.training).order_by(Check.number)).all()
    if rows:
        shown = ", ".join(f"#{number} ({table})" for number, table in rows)
        raise InvalidInput(f"Training checks are still open: {shown}. Settle or cancel them "
                           "before turning training off.")

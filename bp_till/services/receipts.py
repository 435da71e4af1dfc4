"""Sale receipts through the print queue, kept in the store so a failed one prints again.

The store keeps each receipt job (which check, how far it got, why it failed),
never the printout: a receipt is rebuilt from its check, figures and all, so a
reprint says exactly what the first print said, plus 再発行.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import func, select, update

from bp_till.domain.errors import InvalidInput, NotFound
from bp_till.domain.receipt import Receipt
from bp_till.printing.faults import FaultKind, PrintFailed
from bp_till.printing.layout import sale_receipt
from bp_till.printing.queue import JobKind, JobState, Printout, PrintQueue, Ticket
from bp_till.services.context import TillContext
from bp_till.services.settle import receipt_for
from bp_till.services.split_pay import part_receipt, part_receipts
from bp_till.services.staff import Approval, StaffMember, authorize
from bp_till.store.models import Check, PrintJob

UNFINISHED = (JobState.QUEUED, JobState.SENT)
# A copy of a receipt can be used to claim expenses twice, so a cashier needs a
# shift lead's PIN; it is not money leaving the drawer, so no manager is needed.
REPRINT_ROLE = "shift_lead"


class StoreJournal:
    """The print queue's record of kept jobs, in the local store's ``print_jobs``."""

    def __init__(self, ctx: TillContext) -> None:
        self.ctx = ctx

    def recover(self) -> int:
        """Jobs the last run left unfinished (the till stopped or crashed) count as failed."""
        with self.ctx.uow() as uow:
            result = uow.session.execute(
                update(PrintJob).where(PrintJob.state.in_(UNFINISHED)).values(
                    state=JobState.FAILED, finished_at=uow.now, fault_kind=FaultKind.INTERRUPTED,
                    fault_message=PrintFailed(FaultKind.INTERRUPTED).message,
                )
            )
            uow.commit()
            return result.rowcount

    def queued(self, job_id: str, printout: Printout) -> None:
        with self.ctx.uow() as uow:
            uow.session.add(PrintJob(
                id=job_id, kind=printout.kind, check_id=printout.ref, part=printout.part,
                state=JobState.QUEUED,
                queued_at=uow.now, staff_id=printout.staff_id, retry_of=printout.retry_of,
            ))
            if printout.retry_of:
                failed = uow.session.get(PrintJob, printout.retry_of)
                if failed.state != JobState.FAILED:  # two retries of one job: the second loses
                    raise InvalidInput("That receipt is already being printed again.")
                failed.state = JobState.RETRIED
            uow.commit()

    def sent(self, job_id: str) -> None:
        with self.ctx.uow() as uow:
            job = uow.session.get(PrintJob, job_id)
            job.state, job.sent_at = JobState.SENT, uow.now
            uow.commit()

    def finished(self, job_id: str, state: JobState, fault: PrintFailed | None) -> None:
        with self.ctx.uow() as uow:
            job = uow.session.get(PrintJob, job_id)
            job.state, job.finished_at = state, uow.now
            if fault is not None:
                job.fault_kind, job.fault_message = fault.kind, fault.message
            uow.commit()

    def failed_count(self) -> int:
        with self.ctx.store.read() as session:
            return session.scalar(
                select(func.count()).select_from(PrintJob).where(PrintJob.state == JobState.FAILED)
            )


@dataclass(frozen=True)
class FailedReceipt:
    """A receipt that did not print, as the list of failed prints shows it."""

    job_id: str
    check_id: int
    check_number: int
    table: str
    total: int
    reprint: bool
    failed_at: datetime
    fault: FaultKind
    message: str


class Receipts:
    """What the register asks of the printer for sales: print, reprint, print again."""

    def __init__(self, ctx: TillContext, queue: PrintQueue) -> None:
        self.ctx = ctx
        self.queue = queue

    def _submit(self, receipt: Receipt, check_id: int, kind: JobKind,
                staff_id: int | None = None, retry_of: str | None = None) -> Ticket:
        blocks = sale_receipt(receipt)
        name = f"{kind.value}-{receipt.terminal}-{receipt.check_number:06d}"
        if receipt.part:
            name += f"-{receipt.part}"
        return self.queue.submit(Printout(kind, blocks, receipt.issued_at, name, check_id,
                                          staff_id, retry_of, receipt.part))

    def print_receipt(self, receipt: Receipt) -> Ticket:
        """The receipt of a check just settled (``settle_check`` returns it)."""
        with self.ctx.store.read() as session:
            check_id = session.scalar(select(Check.id).where(Check.number == receipt.check_number))
        if check_id is None:
            raise NotFound(f"Check #{receipt.check_number} does not exist.")
        return self._submit(receipt, check_id, JobKind.RECEIPT)

    def reprint(self, actor: StaffMember, check_id: int, approval: Approval | None = None) -> Ticket:
        """A copy on request, marked 再発行 / REPRINT, and audited: copies are how receipts are abused.

        A cashier needs a shift lead's PIN; the audit entry names both.
        """
        approver = authorize(self.ctx, actor, REPRINT_ROLE, approval, "reprint a receipt")
        copies = [r.as_reprint() for r in part_receipts(self.ctx, check_id)] \
            or [receipt_for(self.ctx, check_id)]  # a check paid in parts: each part's own
        with self.ctx.uow() as uow:
            uow.audit("receipt.reprinted", actor.id, approver_id=approver.id if approver else None,
                      subject=f"check:{copies[0].check_number}",
                      parts=[r.part for r in copies if r.part])
            uow.commit()
        tickets = [self._submit(r, check_id, JobKind.REPRINT, actor.id) for r in copies]
        return tickets[-1]  # the queue prints in order: the last done, all done

    def retry(self, actor: StaffMember, job_id: str) -> Ticket:
        """Print a failed receipt again: as the original if none of it reached the paper,
        as a reprint if some may have (so two full originals never exist)."""
        with self.ctx.store.read() as session:
            job = session.get(PrintJob, job_id)
            if job is None or job.state != JobState.FAILED:
                raise InvalidInput("That print job is not a failed one; there is nothing to retry.")
            check_id, went_out, was_reprint = job.check_id, job.sent_at is not None, job.kind == JobKind.REPRINT
            part = job.part
        receipt = part_receipt(self.ctx, check_id, part).as_reprint() if part \
            else receipt_for(self.ctx, check_id)
        kind = JobKind.REPRINT if went_out or was_reprint else JobKind.RECEIPT
        if kind == JobKind.RECEIPT:
            receipt = replace(receipt, reprint=False)
        ticket = self._submit(receipt, check_id, kind, actor.id, retry_of=job_id)
        self.queue.refresh_failed()
        return ticket

    def failed(self) -> list[FailedReceipt]:
        """Failed receipts not yet printed again, oldest first."""
        with self.ctx.store.read() as session:
            rows = session.scalars(
                select(PrintJob).where(PrintJob.state == JobState.FAILED).order_by(PrintJob.queued_at)
            ).all()
            return [
                FailedReceipt(j.id, j.check_id, j.check.number, j.check.table_label, j.check.total,
                              j.kind == JobKind.REPRINT, j.finished_at, FaultKind(j.fault_kind),
                              j.fault_message)
                for j in rows
            ]

"""The card desk: a producer's card issued, replaced or reset, and its slip printed.

"New producer" writes the account and card in one transaction (the argon2id
hash only), then the slip goes to the print queue and the desk waits for the
printer's answer. If the slip did not print, the cashier sees why and may
Retry: the old password was never kept, so a retry issues a fresh one (an
outbox ``password.reset``), so the half-printed slip is void; giving up
replaces the password with one nobody sees, which voids it too. All audited. A sale
never waits on any of this: the card is on the account whether or not its slip
printed, and a check can carry it at once.

Each call blocks until the printer is done with the slip (a few times the
printer's timeout at most): call it from a worker thread, never the GUI thread.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from PIL import Image

from bp_till.domain.errors import InvalidInput, TillError
from bp_till.printing.faults import PrintFailed
from bp_till.printing.layout import card_slip
from bp_till.printing.queue import JobKind, Printout, PrintQueue
from bp_till.services import producers
from bp_till.services.context import TillContext
from bp_till.services.producers import IssuedCard, ProducerView
from bp_till.services.refusals import record_refusal
from bp_till.services.staff import Approval, StaffMember


class SlipPurpose(StrEnum):
    ISSUE = "issue"
    REPLACEMENT = "replacement"
    RESET = "reset"


@dataclass(frozen=True)
class CardSlip:
    """How a card's slip went. No password: it lives only on the paper (or the preview image)."""

    purpose: SlipPurpose
    producer_id: int
    login_id: str
    card_number: str
    issued_at: datetime
    printed: bool
    fault: PrintFailed | None = None
    preview: Image.Image | None = None  # the preview printer's slip: show it, never save it
    paper_low: bool = False

    @property
    def message(self) -> str:
        return self.fault.message if self.fault else ""


class CardDesk:
    def __init__(self, ctx: TillContext, queue: PrintQueue) -> None:
        self.ctx = ctx
        self.queue = queue
        self._lock = threading.Lock()
        self._unprinted: dict[str, SlipPurpose] = {}  # login ID → a failed slip that may be retried

    def issue(self, actor: StaffMember) -> CardSlip:
        """A first visit: a new account and card, and its slip."""
        return self.print_slip(actor, producers.issue_producer(self.ctx, actor), SlipPurpose.ISSUE)

    def replace(self, actor: StaffMember, typed: str, approval: Approval | None = None) -> CardSlip:
        """A lost card (a manager's action): new number and password, points kept."""
        issued = producers.replace_card(self.ctx, actor, typed, approval)
        return self.print_slip(actor, issued, SlipPurpose.REPLACEMENT)

    def reset(self, actor: StaffMember, typed: str, approval: Approval | None = None) -> CardSlip:
        """A forgotten password (a manager's action): a new one on a slip."""
        issued = producers.reset_password(self.ctx, actor, typed, approval)
        return self.print_slip(actor, issued, SlipPurpose.RESET)

    def retry(self, actor: StaffMember, failed: CardSlip) -> CardSlip:
        """Print a failed slip again, with a fresh password."""
        with self._lock:
            purpose = self._unprinted.pop(failed.login_id, None)
        if purpose is None:  # else a retry would be a password reset without a manager
            refusal = InvalidInput("That slip is not waiting for a retry; a new password needs a manager.")
            record_refusal(self.ctx, actor, "card.slip_retry", refusal, f"producer:{failed.login_id}")
            raise refusal
        issued = producers.reissue_unprinted(self.ctx, actor, failed.login_id)
        return self.print_slip(actor, issued, purpose)

    def give_up(self, actor: StaffMember, failed: CardSlip) -> None:
        """No retry: the password is replaced by one nobody ever sees, so whatever part of
        the slip came out is void; a manager's password reset is the way back."""
        with self._lock:
            purpose = self._unprinted.pop(failed.login_id, None)
        if purpose is not None:
            producers.reissue_unprinted(self.ctx, actor, failed.login_id, reason="slip given up")

    def find(self, actor: StaffMember, typed: str) -> ProducerView:
        """Look a producer up by card (scan) or login ID; refusals are audited."""
        try:
            return producers.find_producer(self.ctx, typed)
        except TillError as refusal:
            record_refusal(self.ctx, actor, "producer.lookup", refusal)
            raise

    def print_slip(self, actor: StaffMember, issued: IssuedCard, purpose: SlipPurpose) -> CardSlip:
        """Print the slip of a card just issued, replaced or reset (the screens verify a
        manager's PIN first, then print in the background through this)."""
        site = self.ctx.site
        blocks = card_slip(site.shop_name, site.portal_url, issued.login_id, issued.password,
                           issued.card_number, issued.issued_at, purpose.value)
        ticket = self.queue.submit(Printout(JobKind.CARD_SLIP, blocks, issued.issued_at, "card"))
        del blocks  # the queue drops its copy once printed or failed
        result = ticket.result()
        slip = CardSlip(purpose, issued.producer_id, issued.login_id, issued.card_number,
                        issued.issued_at, result.ok, result.fault,
                        result.printed.preview_image if result.printed else None,
                        bool(result.printed and result.printed.paper_low))
        if not slip.printed:
            self._failed(actor, slip)
        return slip

    def _failed(self, actor: StaffMember, slip: CardSlip) -> None:
        """On record, and open for one retry (or give-up), either of which voids the slip."""
        with self.ctx.uow() as uow:
            uow.audit("card.slip_failed", actor.id, subject=f"producer:{slip.login_id}",
                      card=slip.card_number, purpose=slip.purpose.value, fault=slip.fault.kind.value)
            uow.commit()
        with self._lock:
            self._unprinted[slip.login_id] = slip.purpose

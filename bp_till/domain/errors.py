"""The till's own error types: each carries a message a cashier can read."""


class TillError(Exception):
    """A refusal the user sees; nothing was written when it is raised."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(TillError):
    """A value typed or scanned that breaks a rule (quantity, price, number)."""


class NotFound(TillError):
    """A check, producer, card, item or staff member that does not exist."""


class CardReplaced(TillError):
    """A card that was replaced by a newer one and is dead."""


class PaymentShort(TillError):
    """Payments that do not cover the check."""


class PinRefused(TillError):
    """A wrong PIN, or a PIN on a locked account."""


class NotAllowed(TillError):
    """An action the signed-in role may not do without an override."""


class OverrideRefused(NotAllowed):
    """An override whose approver holds too low a role; the PIN check audited it already."""


class CheckClosed(TillError):
    """A change to a check that is already settled or voided."""


class DayClosed(TillError):
    """A change to a business day that has been closed out."""


class ChecksStillOpen(TillError):
    """A close-out while checks are still open; they must be settled or cancelled first."""


class ClockSetBack(TillError):
    """The till's clock reads earlier than its last write: a manager must check it."""


class StoreUnreadable(TillError):
    """The store file is damaged, or was written by a newer version of the till."""

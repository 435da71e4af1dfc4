"""Why a printout did not print, in words a cashier can act on.

Every way a printer can fail ends as one ``PrintFailed`` with a ``kind``: the
screen picks its icon and button by the kind and shows the message as it is.
"""

from __future__ import annotations

from enum import StrEnum


class FaultKind(StrEnum):
    OFFLINE = "offline"  # the printer says it is offline, with no cause it names
    NO_ANSWER = "no_answer"  # nothing came back in time (off, asleep, wrong address)
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    PRINTER_ERROR = "printer_error"  # cutter jam, head too hot: the printer's own error
    REFUSED = "refused"  # nothing listens at that address and port
    DROPPED = "dropped"  # the connection broke while the job was going out
    NOT_FOUND = "not_found"  # no such host, USB device, serial port or folder
    BAD_URL = "bad_url"
    EXPIRED = "expired"  # a drawer kick that could not go out in time is dropped
    INTERRUPTED = "interrupted"  # the till stopped before the job finished
    TILL_ERROR = "till_error"  # the till itself could not prepare the printout (a bug: see the log)


MESSAGES = {
    FaultKind.OFFLINE: "The printer is offline.",
    FaultKind.NO_ANSWER: "The printer did not answer within {timeout:g} s. Is it on and connected?",
    FaultKind.PAPER_OUT: "The printer is out of paper. Load a new roll.",
    FaultKind.COVER_OPEN: "The printer cover is open. Close it.",
    FaultKind.PRINTER_ERROR: "The printer reports an error (paper jam or cutter). "
                             "Open the cover, clear it, close it.",
    FaultKind.REFUSED: "The printer refused the connection. Is it on, and is the port right?",
    FaultKind.DROPPED: "The connection to the printer dropped halfway; the printout is incomplete.",
    FaultKind.NOT_FOUND: "The printer was not found: {detail}",
    FaultKind.BAD_URL: "Unknown printer URL {detail!r}.",
    FaultKind.EXPIRED: "The cash drawer did not open in time; it will not open late. "
                       "Use the drawer key.",
    FaultKind.INTERRUPTED: "The till stopped before this printed.",
    FaultKind.TILL_ERROR: "The till could not prepare this printout ({detail}); see the log.",
}


class PrintFailed(Exception):
    """The printer did not take the job; ``kind`` says why, ``message`` says it to the cashier."""

    def __init__(self, kind: FaultKind, message: str | None = None, *, timeout: float = 0,
                 detail: str = "") -> None:
        self.kind = FaultKind(kind)
        self.message = message or MESSAGES[self.kind].format(timeout=timeout, detail=detail)
        super().__init__(self.message)

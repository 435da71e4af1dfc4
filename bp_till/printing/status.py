"""The printer's real-time status (DLE EOT n), asked before a job and after it.

Each answer is one byte whose fixed bits (bit 1 and 4 set, bit 0 and 7 clear)
mark it as a status byte; anything else, or nothing, is not taken as "all
well" (python-escpos's ``paper_status()`` reads an empty answer as "paper
present", which would send a job to a printer that never answered).
"""

from __future__ import annotations

from dataclasses import dataclass

from escpos.constants import RT_STATUS, RT_STATUS_ONLINE, RT_STATUS_PAPER

from bp_till.printing.faults import FaultKind

ASK_PRINTER = RT_STATUS_ONLINE  # DLE EOT 1: online or not
ASK_CAUSE = RT_STATUS + b"\x02"  # DLE EOT 2: why offline (cover, paper, error)
ASK_PAPER = RT_STATUS_PAPER  # DLE EOT 4: the roll paper sensor
QUESTIONS = (ASK_PRINTER, ASK_CAUSE, ASK_PAPER)

_FIXED_MASK, _FIXED_BITS = 0x93, 0x12


def is_status_byte(value: int) -> bool:
    return value & _FIXED_MASK == _FIXED_BITS


@dataclass(frozen=True)
class Status:
    offline: bool = False
    cover_open: bool = False
    paper_out: bool = False
    paper_low: bool = False
    error: bool = False

    @classmethod
    def decode(cls, printer: int, cause: int, paper: int) -> Status:
        """The three answers, in the order of ``QUESTIONS``."""
        return cls(
            offline=bool(printer & 0x08),
            cover_open=bool(cause & 0x04),
            paper_out=bool(cause & 0x20 or paper & 0x60),
            paper_low=bool(paper & 0x0C),
            error=bool(cause & 0x40),
        )

    def encode(self) -> bytes:
        """The answers a printer in this state gives (what a test printer sends back)."""
        printer = _FIXED_BITS | (0x08 if self.offline or self.cover_open or self.paper_out else 0)
        cause = _FIXED_BITS | (0x04 if self.cover_open else 0) | (0x20 if self.paper_out else 0)
        cause |= 0x40 if self.error else 0
        paper = _FIXED_BITS | (0x0C if self.paper_low else 0) | (0x60 if self.paper_out else 0)
        return bytes((printer, cause, paper))

    @property
    def fault(self) -> FaultKind | None:
        """What stops printing, the cause a cashier can fix first."""
        if self.cover_open:
            return FaultKind.COVER_OPEN
        if self.paper_out:
            return FaultKind.PAPER_OUT
        if self.error:
            return FaultKind.PRINTER_ERROR
        if self.offline:
            return FaultKind.OFFLINE
        return None

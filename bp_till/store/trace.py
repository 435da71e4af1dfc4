"""An opt-in trace of write transactions, read by the crash test.

With ``BP_TILL_TX_TRACE=FILE`` set, every unit of work appends ``B`` before it
asks for the write lock and ``E`` once it has committed or rolled back. Each
mark is one unbuffered ``write`` to a file opened for appending, so it is in
the kernel before the next step runs and survives a SIGKILL: a trace ending in
``B`` says the process died inside a write transaction. Unset (in the shop),
a mark costs one comparison.
"""

from __future__ import annotations

import os

BEGIN, END = b"B", b"E"
_PATH = os.environ.get("BP_TILL_TX_TRACE")
_fd: int | None = None


def mark(tag: bytes) -> None:
    global _fd
    if not _PATH:
        return
    if _fd is None:
        _fd = os.open(_PATH, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    os.write(_fd, tag)

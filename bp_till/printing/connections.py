"""Printer URLs to python-escpos connections, each held to the till's short timeout.

``tcp://HOST:9100`` is python-escpos's ``Network`` (its socket timeout is ours,
not its 60 s default), ``usb://VID:PID`` its ``Usb``, ``serial:///dev/…?baudrate=``
its ``Serial``, and ``file:///…`` its ``File`` made to append. Those that can
read (tcp, usb, serial) are asked for their status before a job and after it;
``?status=off`` on the URL skips that for a printer that never answers.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import parse_qs, urlparse

from escpos.escpos import Escpos
from escpos.exceptions import DeviceNotFoundError
from escpos.printer import File, Network

from bp_till.printing.faults import FaultKind, PrintFailed
from bp_till.printing.status import QUESTIONS, Status, is_status_byte

CHUNK = 4096  # the timeout is per chunk: a printer that takes no bytes for that long is stuck


class AppendFile(File):
    """python-escpos's file printer truncates; a night's prints must collect instead."""

    def open(self, raise_not_found: bool = True) -> None:
        try:
            self.device = open(self.devfile, "ab")
        except OSError as exc:
            self.device = None
            raise DeviceNotFoundError(f"{self.devfile}: {exc.strerror}") from exc


def _options(query: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(query).items()}


def device_for(url: str, profile: str, timeout_s: float) -> tuple[Escpos, bool]:
    """The python-escpos printer for a URL, unopened, and whether to ask its status."""
    parsed = urlparse(url)
    options = _options(parsed.query)
    asks = options.get("status", "on") != "off"
    if parsed.scheme == "file" and parsed.path:
        return AppendFile(parsed.path, profile=profile), False
    if parsed.scheme == "tcp" and parsed.hostname:
        return Network(parsed.hostname, parsed.port or 9100, timeout=timeout_s, profile=profile), asks
    if parsed.scheme == "usb":
        from escpos.printer import Usb  # imported late: loads pyusb

        vid, pid = (int(part, 16) for part in parsed.netloc.split(":"))
        return Usb(vid, pid, timeout=int(timeout_s * 1000), profile=profile), asks
    if parsed.scheme == "serial" and parsed.path:
        from escpos.printer import Serial  # imported late: loads pyserial

        baudrate = int(options.get("baudrate", 9600))
        return Serial(parsed.path, baudrate=baudrate, timeout=timeout_s, profile=profile), asks
    raise PrintFailed(FaultKind.BAD_URL, detail=url)


def _cause(exc: BaseException) -> BaseException:
    """python-escpos wraps the socket's own error; the wrapped one says what happened."""
    if isinstance(exc, DeviceNotFoundError) and exc.__context__ is not None:
        return exc.__context__
    return exc


def failure(exc: BaseException, timeout_s: float, *, opening: bool) -> PrintFailed:
    """Any error of a connection, as the fault the cashier can act on."""
    exc = _cause(exc)
    if isinstance(exc, PrintFailed):
        return exc
    name = type(exc).__name__
    if isinstance(exc, ConnectionRefusedError):
        return PrintFailed(FaultKind.REFUSED)
    if isinstance(exc, TimeoutError) or "Timeout" in name:  # socket, pyusb and pyserial timeouts
        return PrintFailed(FaultKind.NO_ANSWER, timeout=timeout_s)
    if isinstance(exc, (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, EOFError)):
        return PrintFailed(FaultKind.DROPPED)
    if name == "NoBackendError":  # pyusb without libusb: the till, not the printer, lacks it
        return PrintFailed(FaultKind.NOT_FOUND, detail="this computer has no USB driver (libusb-1.0)")
    if opening or isinstance(exc, (DeviceNotFoundError, socket.gaierror, FileNotFoundError)):
        detail = getattr(exc, "strerror", None) or str(exc).splitlines()[0] or name
        return PrintFailed(FaultKind.NOT_FOUND, detail=detail)
    return PrintFailed(FaultKind.DROPPED)


class Connection:
    """One job's connection to the printer: ask, write, confirm."""

    def __init__(self, device: Escpos, asks_status: bool, timeout_s: float, network: bool) -> None:
        self.device = device
        self.asks_status = asks_status
        self.timeout_s = timeout_s
        self._network = network

    def _answer(self, question: bytes) -> int:
        try:
            answer = bytes(self.device.query_status(question))
        except Exception as exc:  # noqa: BLE001 - each transport raises its own kinds
            raise failure(exc, self.timeout_s, opening=False) from None
        if not answer:  # a socket reads b"" when the far end closed; a serial port on timeout
            kind = FaultKind.DROPPED if self._network else FaultKind.NO_ANSWER
            raise PrintFailed(kind, timeout=self.timeout_s)
        if not is_status_byte(answer[-1]):  # the last: a stray earlier answer may precede it
            raise PrintFailed(FaultKind.NO_ANSWER, timeout=self.timeout_s)
        return answer[-1]

    def status(self) -> Status | None:
        """The printer's state, or None where the connection cannot read."""
        if not self.asks_status:
            return None
        return Status.decode(*(self._answer(question) for question in QUESTIONS))

    def ready(self) -> Status | None:
        """Refuse to start (or to call a job done) while the printer reports a fault."""
        status = self.status()
        if status is not None and status.fault is not None:
            raise PrintFailed(status.fault)
        return status

    def write(self, data: bytes) -> None:
        try:
            for start in range(0, len(data), CHUNK):
                self.device._raw(data[start : start + CHUNK])  # python-escpos has no public raw write
        except Exception as exc:  # noqa: BLE001
            raise failure(exc, self.timeout_s, opening=False) from None


@contextmanager
def connect(url: str, profile: str, timeout_s: float) -> Iterator[Connection]:
    device, asks = device_for(url, profile, timeout_s)
    try:
        device.open()
    except Exception as exc:  # noqa: BLE001
        raise failure(exc, timeout_s, opening=True) from None
    try:
        yield Connection(device, asks, timeout_s, isinstance(device, Network))
    finally:
        try:
            device.close()
        except Exception:  # noqa: BLE001 - a connection that broke may not close cleanly
            pass

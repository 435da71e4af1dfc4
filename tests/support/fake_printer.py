"""A network printer on 127.0.0.1 that speaks raw TCP (port 9100 style), for the tests.

``mode``:
- ``accept``: takes every byte and answers each DLE EOT query with ``status``;
- (``free_port()``: a port where nothing listens, so connecting is refused;)
- ``drop``: answers status, takes ``drop_after`` bytes of the job, then resets the connection;
- ``silent``: takes the connection and every byte but never answers anything.

It parses the stream with the test decoder, as a printer does, so bytes inside
a raster image are never taken for a status query. ``jobs`` holds the bytes of
each connection, status queries included.
"""

from __future__ import annotations

import socket
import socketserver
import struct
import threading

from bp_till.printing.status import QUESTIONS, Status
from tests.support.escpos_decode import Decoder, StatusQuery

_ANSWER_INDEX = {1: 0, 2: 1, 4: 2}


class _Handler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        printer: FakePrinter = self.server.printer  # type: ignore[attr-defined]
        mode, status = printer.mode, printer.status
        decoder, got, taken = Decoder(), bytearray(), 0
        self.request.settimeout(10)  # a test that forgets to close does not hang the server
        try:
            while chunk := self.request.recv(self._room(printer, mode, taken)):
                got += chunk
                for item in decoder.feed(chunk):
                    if isinstance(item, StatusQuery) and mode != "silent":
                        self.request.sendall(status.encode()[_ANSWER_INDEX[item.n]: _ANSWER_INDEX[item.n] + 1])
                taken += len(chunk)
                if mode == "drop" and taken >= printer.drop_after:
                    # SO_LINGER 0: close with a reset, as a printer that loses power does
                    self.request.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    break
        except OSError:
            pass
        finally:
            with printer.lock:
                printer.jobs.append(bytes(got))
                printer.lock.notify_all()


    @staticmethod
    def _room(printer: FakePrinter, mode: str, taken: int) -> int:
        return printer.drop_after - taken if mode == "drop" else 65536


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class FakePrinter:
    def __init__(self, mode: str = "accept", status: Status | None = None, drop_after: int = 2048,
                 port: int = 0):
        self.mode = mode
        self.status = status or Status()
        self.drop_after = drop_after
        self.jobs: list[bytes] = []
        self.lock = threading.Condition()
        self._server = _Server(("127.0.0.1", port), _Handler)
        self._server.printer = self  # type: ignore[attr-defined]
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    def __enter__(self) -> FakePrinter:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._server.shutdown()
        self._server.server_close()

    def job_bytes(self, index: int) -> bytes:
        """What one connection carried, without the status queries before and after the job."""
        raw = self.wait_for_jobs(index + 1)[index]
        asked = b"".join(QUESTIONS)
        raw = raw[len(asked):] if raw.startswith(asked) else raw
        return raw[: -len(asked)] if raw.endswith(asked) else raw

    def wait_for_jobs(self, count: int, timeout: float = 10) -> list[bytes]:
        """The bytes of the first ``count`` connections, once they have closed."""
        with self.lock:
            if not self.lock.wait_for(lambda: len(self.jobs) >= count, timeout):
                raise AssertionError(f"the printer saw {len(self.jobs)} connections, not {count}")
            return self.jobs[:count]


def free_port() -> int:
    """A 127.0.0.1 port where nothing listens: connecting there is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]

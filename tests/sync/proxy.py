"""A TCP proxy on 127.0.0.1 that cuts its connections after a chosen number of bytes.

It stands between the till and PostgreSQL: ``cut_after`` bytes from the till
into a connection, both sockets are shut, as when a cable is pulled or a
router drops the line mid-batch. ``cut_after = None`` forwards everything.
"""

from __future__ import annotations

import socket
import threading


class CuttingProxy:
    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self.cut_after: int | None = None
        self.cuts = 0  # connections cut so far
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.upstream)
            _Link(self, client, server).start()

    def close(self) -> None:
        self._closed = True
        self._listener.close()


class _Link:
    """One proxied connection: two pumps, and the cut they share."""

    def __init__(self, proxy: CuttingProxy, client: socket.socket, server: socket.socket) -> None:
        self.proxy, self.client, self.server = proxy, client, server
        self.budget = proxy.cut_after  # fixed when the connection opens
        self.lock = threading.Lock()
        self.closed = False

    def start(self) -> None:
        threading.Thread(target=self._pump, args=(self.client, self.server, True), daemon=True).start()
        threading.Thread(target=self._pump, args=(self.server, self.client, False), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket, from_till: bool) -> None:
        try:
            while data := source.recv(65536):
                if from_till and self.budget is not None:
                    if len(data) >= self.budget:
                        target.sendall(data[: self.budget])  # part of a message, then nothing
                        self._close(cut=True)
                        return
                    self.budget -= len(data)
                target.sendall(data)
        except OSError:
            pass
        self._close(cut=False)  # one side hung up: hang up the other

    def _close(self, cut: bool) -> None:
        with self.lock:
            if self.closed:
                return
            self.closed = True
            self.proxy.cuts += cut
        for sock in (self.client, self.server):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

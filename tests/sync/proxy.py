"""A TCP proxy on 127.0.0.1 that cuts its connections after a chosen number of bytes.

It stands between the till and PostgreSQL: ``cut_after`` bytes from the till
into a connection, the line drops, as when a cable is pulled or a router
fails mid-batch: that connection and every other one open through the proxy
are shut (a push uses two). ``cut_after = None`` forwards everything.
"""

from __future__ import annotations

import socket
import threading


class CuttingProxy:
    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self.cut_after: int | None = None
        self.cuts = 0  # times the line dropped
        self._links: set[_Link] = set()
        self._links_lock = threading.Lock()
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
            link = _Link(self, client, server)
            with self._links_lock:
                self._links.add(link)
            link.start()

    def drop_line(self) -> None:
        """Every open connection shut at once, as when the cable is pulled."""
        with self._links_lock:
            links, self._links = self._links, set()
        self.cuts += 1
        for link in links:
            link.close()

    def forget(self, link: _Link) -> None:
        with self._links_lock:
            self._links.discard(link)

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
                        self.proxy.drop_line()
                        return
                    self.budget -= len(data)
                target.sendall(data)
        except OSError:
            pass
        self.close()  # one side hung up: hang up the other
        self.proxy.forget(self)

    def close(self) -> None:
        with self.lock:
            if self.closed:
                return
            self.closed = True
        for sock in (self.client, self.server):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

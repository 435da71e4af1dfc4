"""A small HTTP/1.1 load generator: N clients on keep-alive connections, timing each request.

Written on asyncio streams with nothing in between (an HTTP library's own
CPU would be the bottleneck on this 2-core machine before the portal is):
each client sends a request, reads the head and the Content-Length body,
and records the time, then sends the next.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

_LENGTH = re.compile(rb"\r\ncontent-length: *(\d+)", re.I)
_COOKIE = re.compile(rb"\r\nset-cookie: *bp_session=([^;\r]+)", re.I)
_STATUS = re.compile(rb"HTTP/1.1 (\d{3})")


@dataclass
class Client:
    """One connection, with the session cookie it was given."""

    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    cookie: bytes = b""
    statuses: list[int] = field(default_factory=list)

    async def request(self, method: str, path: str, body: bytes = b"") -> bytes:
        head = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: keep-alive"]
        if self.cookie:
            head.append(f"Cookie: bp_session={self.cookie.decode()}")
        if body:
            head += ["Content-Type: application/x-www-form-urlencoded",
                     f"Content-Length: {len(body)}"]
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
        response_head = await self.reader.readuntil(b"\r\n\r\n")
        length = int(_LENGTH.search(response_head)[1])
        page = await self.reader.readexactly(length)
        cookie = _COOKIE.search(response_head)
        if cookie:
            self.cookie = cookie[1]
        self.statuses.append(int(_STATUS.match(response_head)[1]))
        return page


async def connect(port: int) -> Client:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    return Client(reader, writer)


async def run(port: int, clients: int, requests_each: int,
              one: Callable[[Client, int], object], prepare=None) -> tuple[list[float], float]:
    """Every client runs ``one(client, n)`` ``requests_each`` times; returns (ms each, seconds)."""
    connections = [await connect(port) for _ in range(clients)]
    if prepare:
        for client in connections:
            await prepare(client)
    samples: list[float] = []

    async def loop(client: Client) -> None:
        for n in range(requests_each):
            start = time.perf_counter()
            await one(client, n)
            samples.append((time.perf_counter() - start) * 1000)

    started = time.perf_counter()
    await asyncio.gather(*(loop(c) for c in connections))
    elapsed = time.perf_counter() - started
    for client in connections:
        client.writer.close()
        bad = [s for s in client.statuses if s >= 400]
        if bad:
            raise RuntimeError(f"the portal answered {bad[:3]} during the benchmark")
    return samples, elapsed
